// Canonical JSON in the spirit of RFC 8785 (JCS): object keys sorted by UTF-16 code units, no
// whitespace, `undefined` members dropped, numbers as ECMAScript prints them. Two equal values
// always give the same bytes, so their hashes match across processes and languages.
export const canonicalJson = (value: unknown): string => {
  if (value === null || typeof value === "boolean") return JSON.stringify(value)
  if (typeof value === "number") {
    if (!Number.isFinite(value)) throw new TypeError("canonical JSON: non-finite number")
    return JSON.stringify(value)
  }
  if (typeof value === "string") return JSON.stringify(value)
  if (Array.isArray(value)) return `[${value.map((v) => (v === undefined ? "null" : canonicalJson(v))).join(",")}]`
  if (typeof value === "object") {
    const o = value as Record<string, unknown>
    const keys = Object.keys(o).filter((k) => o[k] !== undefined).sort()
    return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson(o[k])}`).join(",")}}`
  }
  throw new TypeError(`canonical JSON: unsupported ${typeof value}`)
}
