/// <reference lib="dom" />
/**
 * A tiny element builder: the console is plain DOM code (no framework), so its first load stays a
 * few tens of kilobytes. Children that are `null`, `undefined` or `false` are skipped; strings
 * become text nodes (never HTML: nothing the API returns is parsed as markup).
 *
 * @example
 * import { h } from "./dom.js"
 * h("p", { class: "note" }, "Hello").outerHTML // '<p class="note">Hello</p>'
 */
export type Child = Node | string | number | null | undefined | false | ReadonlyArray<Child>

/** Attributes: strings and numbers set as attributes, booleans toggle them, `on*` functions listen. */
export type Attrs = Readonly<Record<string, string | number | boolean | undefined | ((e: Event) => void)>>

/**
 * An element with attributes and children.
 *
 * @example
 * import { h } from "./dom.js"
 * h("button", { type: "button", disabled: true }, "Go").hasAttribute("disabled") // true
 */
export const h = <K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Attrs | null = null, ...children: ReadonlyArray<Child>): HTMLElementTagNameMap[K] => {
  const el = document.createElement(tag)
  if (attrs !== null) {
    for (const [k, v] of Object.entries(attrs)) {
      if (v === undefined || v === false) continue
      if (typeof v === "function") el.addEventListener(k.slice(2).toLowerCase(), v)
      else el.setAttribute(k, v === true ? "" : String(v))
    }
  }
  append(el, children)
  return el
}

/**
 * Appends children (flattened) to a node.
 *
 * @example
 * import { append, h } from "./dom.js"
 * append(h("ul"), [h("li", null, "a"), null, [h("li", null, "b")]]).childElementCount // 2
 */
export const append = <N extends Node>(node: N, children: ReadonlyArray<Child>): N => {
  for (const c of children) {
    if (c === null || c === undefined || c === false) continue
    if (Array.isArray(c)) append(node, c)
    else node.appendChild(typeof c === "string" || typeof c === "number" ? document.createTextNode(String(c)) : (c as Node))
  }
  return node
}

/**
 * Replaces a node's children.
 *
 * @example
 * import { h, replace } from "./dom.js"
 * replace(h("div", null, "old"), "new").textContent // "new"
 */
export const replace = <N extends Node>(node: N, ...children: ReadonlyArray<Child>): N => {
  while (node.firstChild !== null) node.removeChild(node.firstChild)
  return append(node, children)
}
