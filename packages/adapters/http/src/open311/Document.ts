/**
 * One model, two encodings: every Open311 answer is built once as a tree of named elements and
 * written as XML (the format the GeoReport v2 specification requires) or as JSON by the Spark
 * convention the specification names (a list element becomes an array, any other element with
 * children an object, a leaf its value). Building both from one tree is what keeps the element names
 * of the `.xml` and `.json` answers identical.
 *
 * @example
 * import { Open311 } from "@murojaat/http"
 * const doc = Open311.Document.list("errors", [Open311.Document.fields("error", [Open311.Document.leaf("code", 404), Open311.Document.leaf("description", "not found")])])
 * Open311.Document.toJson(doc) // [{ code: 404, description: "not found" }]
 *
 * @since 0.1.0
 */

/**
 * A leaf value: text, a number, a boolean, or `null` (an empty element, JSON `null`).
 *
 * @example
 * import type { Open311 } from "@murojaat/http"
 * const v: Open311.Document.Value = null
 *
 * @since 0.1.0
 */
export type Value = string | number | boolean | null

/**
 * An element: a leaf with a value, an object (`fields`: children with distinct names) or a list
 * (`items`: children of one kind, a JSON array).
 *
 * @example
 * import { Open311 } from "@murojaat/http"
 * const n: Open311.Document.Node = Open311.Document.leaf("status", "open")
 * n.name // "status"
 *
 * @since 0.1.0
 */
export type Node =
  | { readonly _tag: "leaf"; readonly name: string; readonly value: Value }
  | { readonly _tag: "fields"; readonly name: string; readonly children: ReadonlyArray<Node> }
  | { readonly _tag: "list"; readonly name: string; readonly children: ReadonlyArray<Node> }

/**
 * A leaf element.
 *
 * @example
 * import { Open311 } from "@murojaat/http"
 * Open311.Document.toXml(Open311.Document.leaf("status", "open")).endsWith("<status>open</status>\n") // true
 *
 * @since 0.1.0
 */
export const leaf = (name: string, value: Value | undefined): Node => ({ _tag: "leaf", name, value: value === undefined ? null : value })

/**
 * An element whose children have distinct names (a JSON object).
 *
 * @example
 * import { Open311 } from "@murojaat/http"
 * Open311.Document.toJson(Open311.Document.fields("request", [Open311.Document.leaf("token", "t")])) // { token: "t" }
 *
 * @since 0.1.0
 */
export const fields = (name: string, children: ReadonlyArray<Node>): Node => ({ _tag: "fields", name, children })

/**
 * An element whose children are items of one kind (a JSON array, even with one item or none).
 *
 * @example
 * import { Open311 } from "@murojaat/http"
 * Open311.Document.toJson(Open311.Document.list("formats", [Open311.Document.leaf("format", "text/xml")])) // ["text/xml"]
 *
 * @since 0.1.0
 */
export const list = (name: string, children: ReadonlyArray<Node>): Node => ({ _tag: "list", name, children })

/**
 * The JSON value of an element by the Spark convention (the element's own name is dropped, as the
 * specification's JSON examples drop the root).
 *
 * @example
 * import { Open311 } from "@murojaat/http"
 * Open311.Document.toJson(Open311.Document.leaf("lat", 41.3)) // 41.3
 *
 * @since 0.1.0
 */
export const toJson = (node: Node): unknown => {
  switch (node._tag) {
    case "leaf":
      return typeof node.value === "number" && !Number.isFinite(node.value) ? null : node.value
    case "list":
      return node.children.map(toJson)
    case "fields": {
      // A null-prototype object: an element named "__proto__" is data here, never a prototype.
      const out: Record<string, unknown> = Object.create(null)
      for (const child of node.children) out[child.name] = toJson(child)
      return out
    }
  }
}

// XML 1.0 allows tab, LF, CR and the characters from U+0020 except the surrogates and U+FFFE/U+FFFF;
// a stored text may hold others (a control character typed into a form), so they are dropped, and
// a lone surrogate would make the document undecodable.
const invalidXmlChars = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu

/**
 * Escapes a text for an XML element's content, dropping the characters XML 1.0 cannot carry.
 *
 * @example
 * import { Open311 } from "@murojaat/http"
 * Open311.Document.escapeXml("a < b & \u0007c") // "a &lt; b &amp; c"
 *
 * @since 0.1.0
 */
export const escapeXml = (text: string): string =>
  text.replace(invalidXmlChars, "").replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&apos;")

const valueText = (v: Value): string => (v === null ? "" : typeof v === "number" ? (Number.isFinite(v) ? String(v) : "") : String(v))

const writeXml = (node: Node, indent: string, out: Array<string>): void => {
  if (node._tag === "leaf") {
    const text = valueText(node.value)
    out.push(text === "" ? `${indent}<${node.name}/>` : `${indent}<${node.name}>${escapeXml(text)}</${node.name}>`)
    return
  }
  if (node.children.length === 0) {
    out.push(`${indent}<${node.name}/>`)
    return
  }
  out.push(`${indent}<${node.name}>`)
  for (const child of node.children) writeXml(child, `${indent}  `, out)
  out.push(`${indent}</${node.name}>`)
}

/**
 * The XML document of an element: the declaration with `encoding="utf-8"`, as the specification
 * requires, then the element, without namespace (the specification's XML is schemaless).
 *
 * @example
 * import { Open311 } from "@murojaat/http"
 * Open311.Document.toXml(Open311.Document.list("services", []))
 * // '<?xml version="1.0" encoding="utf-8"?>\n<services/>\n'
 *
 * @since 0.1.0
 */
export const toXml = (node: Node): string => {
  const out: Array<string> = ['<?xml version="1.0" encoding="utf-8"?>']
  writeXml(node, "", out)
  return `${out.join("\n")}\n`
}

/**
 * The two formats of every resource, named by the suffix of its URL (`/services.xml`).
 *
 * @example
 * import type { Open311 } from "@murojaat/http"
 * const f: Open311.Document.Format = "xml"
 *
 * @since 0.1.0
 */
export type Format = "xml" | "json"

/**
 * The content type of a format, with the charset the specification requires.
 *
 * @example
 * import { Open311 } from "@murojaat/http"
 * Open311.Document.contentType("xml") // "text/xml; charset=utf-8"
 *
 * @since 0.1.0
 */
export const contentType = (format: Format): string => (format === "xml" ? "text/xml; charset=utf-8" : "application/json; charset=utf-8")

/**
 * The body of a document in a format.
 *
 * @example
 * import { Open311 } from "@murojaat/http"
 * Open311.Document.render(Open311.Document.list("service_requests", []), "json") // "[]"
 *
 * @since 0.1.0
 */
export const render = (node: Node, format: Format): string => (format === "xml" ? toXml(node) : JSON.stringify(toJson(node)))
