// Canonical JSON in the spirit of RFC 8785 (JCS): object keys sorted by UTF-16 code units, no
// whitespace, `undefined` members dropped, numbers as ECMAScript prints them. Two equal values
// always give the same bytes, so their hashes match across processes and languages.
// Every event is hashed over its canonical JSON (and every idempotent request fingerprinted), so
// this is written as one pass appending to a string: no intermediate arrays per object or array.
export const canonicalJson = (value: unknown): string => write(value, "")

const write = (value: unknown, out: string): string => {
  switch (typeof value) {
    case "string":
      return out + JSON.stringify(value)
    case "boolean":
      return out + (value ? "true" : "false")
    case "number":
      if (!Number.isFinite(value)) throw new TypeError("canonical JSON: non-finite number")
      return out + JSON.stringify(value)
    case "object": {
      if (value === null) return out + "null"
      if (Array.isArray(value)) {
        out += "["
        for (let i = 0; i < value.length; i++) {
          if (i > 0) out += ","
          const v: unknown = value[i]
          out = v === undefined ? out + "null" : write(v, out)
        }
        return out + "]"
      }
      const o = value as Record<string, unknown>
      // Default sort compares UTF-16 code units, as JCS requires.
      const keys = Object.keys(o).sort()
      out += "{"
      let first = true
      for (const k of keys) {
        const v = o[k]
        if (v === undefined) continue
        out = write(v, first ? out + JSON.stringify(k) + ":" : out + "," + JSON.stringify(k) + ":")
        first = false
      }
      return out + "}"
    }
    default:
      throw new TypeError(`canonical JSON: unsupported ${typeof value}`)
  }
}
