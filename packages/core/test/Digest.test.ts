// The hash chain's two building blocks, checked against oracles that are not the code under test:
// FIPS 180-4's published digests, the portable implementation against the native one, and the
// canonical JSON against a straightforward recursive writer (the earlier implementation) and JSON.parse.
import { fc, test } from "@fast-check/vitest"
import { describe, expect } from "vitest"
import { canonicalJson } from "../src/internal/canonical.js"
import { sha256Hex, sha256HexPortable } from "../src/internal/sha256.js"

// The straightforward writer: sorted keys, undefined members dropped, undefined in arrays as null.
const oracle = (value: unknown): string => {
  if (value === null || typeof value === "boolean" || typeof value === "string") return JSON.stringify(value)
  if (typeof value === "number") {
    if (!Number.isFinite(value)) throw new TypeError("non-finite")
    return JSON.stringify(value)
  }
  if (Array.isArray(value)) return `[${value.map((v) => (v === undefined ? "null" : oracle(v))).join(",")}]`
  if (typeof value === "object") {
    const o = value as Record<string, unknown>
    return `{${Object.keys(o).filter((k) => o[k] !== undefined).sort().map((k) => `${JSON.stringify(k)}:${oracle(o[k])}`).join(",")}}`
  }
  throw new TypeError("unsupported")
}

const withUndefined = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: "small" },
    fc.constant(null),
    fc.boolean(),
    fc.double({ noNaN: true, noDefaultInfinity: true }),
    fc.string({ unit: "binary" }),
    fc.array(fc.option(tie("value"), { nil: undefined }), { maxLength: 4 }),
    fc.dictionary(fc.string({ unit: "binary", maxLength: 6 }), fc.option(tie("value"), { nil: undefined }), { maxKeys: 5 })
  )
})).value

describe("SHA-256", () => {
  test("FIPS 180-4 examples", () => {
    for (const h of [sha256Hex, sha256HexPortable]) {
      expect(h("abc")).toBe("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
      expect(h("")).toBe("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
      expect(h("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq")).toBe("248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
    }
  })

  test.prop([fc.string({ unit: "binary", maxLength: 300 })])("the portable and the native digest agree, lone surrogates included", (s) => {
    expect(sha256Hex(s)).toBe(sha256HexPortable(s))
  })
})

describe("canonical JSON", () => {
  test.prop([withUndefined])("writes what the straightforward writer writes", (v) => {
    expect(canonicalJson(v)).toBe(oracle(v))
  })

  // Objects of many keys, alike and apart in their first code units, integer-like, `__proto__`:
  // the key order is the straightforward writer's (its built-in sort).
  const manyKeys = fc.dictionary(
    fc.oneof(fc.string({ unit: "binary", maxLength: 4 }), fc.constantFrom("__proto__", "10", "9", "a", "aa", "A", "é", "\ud800"), fc.nat(200).map(String)),
    fc.oneof(fc.constant(undefined), fc.integer(), fc.string({ maxLength: 3 })),
    { maxKeys: 60 }
  )
  test.prop([fc.array(manyKeys, { maxLength: 3 })])("orders the keys of large objects as the straightforward writer does", (v) => {
    expect(canonicalJson(v)).toBe(oracle(v))
  })

  test.prop([fc.jsonValue()])("is JSON of the same value", (v) => {
    expect(JSON.parse(canonicalJson(v))).toStrictEqual(JSON.parse(JSON.stringify(v)))
  })

  test("refuses what JSON cannot hold", () => {
    expect(() => canonicalJson(Number.NaN)).toThrow(TypeError)
    expect(() => canonicalJson({ a: () => 1 })).toThrow(TypeError)
    expect(canonicalJson({ b: 1, a: [true, "x", undefined], c: undefined })).toBe('{"a":[true,"x",null],"b":1}')
  })
})
