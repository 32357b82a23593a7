// XML read by an independent parser (fast-xml-parser), as a tree of elements, and converted to
// JSON by the Spark convention that the GeoReport v2 specification names for its JSON format: an
// element with no child elements is its text (numbers and booleans parsed, an empty element null);
// an element with one child element or repeated names is an array; any other an object.
import { XMLParser, XMLValidator } from "fast-xml-parser"

export interface Element {
  readonly name: string
  readonly children: ReadonlyArray<Element>
  /** The element's text; `null` when it has no child nodes at all (`<a/>`, `<a></a>`). */
  readonly text: string | null
}

type Ordered = Array<Record<string, unknown>>

const parser = new XMLParser({ preserveOrder: true, ignoreAttributes: true, parseTagValue: false, trimValues: false, ignoreDeclaration: true, processEntities: true })

const toElement = (name: string, nodes: Ordered): Element => {
  const children: Array<Element> = []
  let text: string | null = null
  for (const node of nodes) {
    for (const [key, value] of Object.entries(node)) {
      if (key === ":@") continue
      if (key === "#text") text = (text ?? "") + String(value)
      else children.push(toElement(key, value as Ordered))
    }
  }
  return { name, children, text }
}

/** Parses a document (failing on XML that is not well formed) into its root element. */
export const parseXml = (xml: string): Element => {
  const valid = XMLValidator.validate(xml)
  if (valid !== true) throw new Error(`not well-formed XML: ${JSON.stringify(valid)}`)
  const nodes = parser.parse(xml) as Ordered
  const roots = nodes.flatMap((n) => Object.entries(n).filter(([k]) => k !== "#text" && k !== ":@" && !k.startsWith("?")))
  if (roots.length !== 1) throw new Error(`expected one root element, got ${roots.length}`)
  const [name, children] = roots[0]!
  return toElement(name, children as Ordered)
}

const parseValue = (value: string): unknown => {
  const n = Number(value)
  if (!Number.isNaN(n)) return n
  const lower = value.toLowerCase()
  return lower === "true" ? true : lower === "false" ? false : value
}

/** The Spark convention's value of an element, with types parsed as the reference converter does. */
export const spark = (e: Element, parseTypes = true): unknown => {
  if (e.children.length === 0) return e.text === null ? null : parseTypes && e.text !== "" ? parseValue(e.text) : e.text
  const names = e.children.map((c) => c.name)
  const isList = e.children.length === 1 || new Set(names).size < names.length
  if (isList) return e.children.map((c) => spark(c, parseTypes))
  return Object.fromEntries(e.children.map((c) => [c.name, spark(c, parseTypes)]))
}

/** The element names of a tree, as nested `name(children...)` text: what two documents must share. */
export const shape = (e: Element): string => (e.children.length === 0 ? e.name : `${e.name}(${e.children.map(shape).join(",")})`)
