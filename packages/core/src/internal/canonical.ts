// Canonical JSON in the spirit of RFC 8785 (JCS): object keys sorted by UTF-16 code units, no
// whitespace, `undefined` members dropped, numbers as ECMAScript prints them. Two equal values
// always give the same bytes, so their hashes match across processes and languages.
// Every event is hashed over its canonical JSON (and every idempotent request fingerprinted), so
// this is written as one pass appending to a string: no intermediate arrays per object or array.
export const canonicalJson = (value: unknown): string => write(value, "")

// Keys sorted in place by UTF-16 code units, as JCS requires (`<` on strings compares code units,
// as the default sort does; own keys are distinct). Insertion sort: objects have a few keys, and
// it needs none of the work array the built-in sort allocates.
const sortKeys = (keys: Array<string>): Array<string> => {
  for (let i = 1; i < keys.length; i++) {
    const k = keys[i]!
    let j = i - 1
    while (j >= 0 && keys[j]! > k) {
      keys[j + 1] = keys[j]!
      j--
    }
    keys[j + 1] = k
  }
  return keys
}

// A member's quoted key and colon, kept for the keys met again and again (every event has the same
// envelope); bounded, as keys may come from a caller's request (the idempotency fingerprint).
const members = new Map<string, string>()
const member = (k: string): string => {
  let m = members.get(k)
  if (m === undefined) {
    m = JSON.stringify(k) + ":"
    if (members.size < 2048 && k.length <= 64) members.set(k, m)
  }
  return m
}

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
      const keys = sortKeys(Object.keys(o))
      out += "{"
      let first = true
      for (const k of keys) {
        const v = o[k]
        if (v === undefined) continue
        out = write(v, first ? out + member(k) : out + "," + member(k))
        first = false
      }
      return out + "}"
    }
    default:
      throw new TypeError(`canonical JSON: unsupported ${typeof value}`)
  }
}
