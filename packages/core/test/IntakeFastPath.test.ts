// The intake's fast path (issue 12): a checker compiled from the schema's AST answers for the
// common wire shapes, or says `unsure` and leaves the input to the schema's decoder. Whenever it
// answers, its answer must be what the schema's own full decoding, `Decode.either(Appeal.Intake)`
// (the oracle, untouched by the fast path), gives for the same input: the same value, key order
// included (answers are JSON), the same defaults; so it never accepts what the schema refuses.
// It must also answer for the shapes a service sees every day (the samples), or it is no use.
import { Appeal, Decode, Limits, Sample } from "@murojaat/core"
import { Arbitrary, Either, FastCheck as fc, Schema } from "effect"
import { describe, expect, it } from "vitest"
import * as FastDecode from "../src/internal/fastDecode.js"
import { decodeIntake, fastIntake } from "../src/internal/service/intake.js"
import { httpBenchIntake } from "./support/intakes.js"

const oracle = Decode.either(Appeal.Intake, "Appeal")
// The same compiler on the unchanged schema (its decoded side typed), as a second subject.
const fastFull = FastDecode.compile(Appeal.Intake.ast)

// What the fast checker says for an input, on the copy `Decode` makes of it (or `unsure` when the
// bounds refuse it: then the decoder is asked, as `decodeIntake` does).
const fastOf = (check: FastDecode.Check, input: unknown): unknown => {
  const copy = Decode.snapshot(input)
  return Either.isLeft(copy) ? FastDecode.unsure : check(copy.right)
}

// Whenever a checker answers, the oracle accepts and gives the same value; and `decodeIntake`
// always gives the oracle's answer (value or refusal, issue for issue).
const agrees = (input: unknown): boolean => {
  const expected = oracle(input)
  for (const check of [fastIntake, fastFull]) {
    const got = fastOf(check, input)
    if (got === FastDecode.unsure) continue
    expect(Either.isRight(expected)).toBe(true)
    if (Either.isRight(expected)) {
      expect(got).toStrictEqual(expected.right)
      expect(JSON.stringify(got)).toBe(JSON.stringify(expected.right))
    }
  }
  expect(JSON.stringify(decodeIntake(input))).toBe(JSON.stringify(expected))
  return fastOf(fastIntake, input) !== FastDecode.unsure
}

// Valid wire forms, as JSON carries them.
const wire = Arbitrary.make(Appeal.Intake).map((intake) => JSON.parse(JSON.stringify(Schema.encodeSync(Appeal.Intake)(intake))) as Record<string, unknown>)

const limit = Limits.defaultSettings
// Every length a rule of the intake names, and one either side of it.
const lengths = [5, 9, 20, 40, 64, limit.opaqueId, limit.personName, limit.email, limit.fileName, limit.organisationName, limit.subject, limit.address, limit.appealText]
const atLimits = fc
  .tuple(fc.constantFrom(...lengths), fc.integer({ min: -1, max: 1 }), fc.constantFrom("a", "1", " ", "ў", "ʻ", "😀", "a@b.c"))
  .map(([n, d, unit]) => unit.repeat(Math.max(0, n + d)).slice(0, Math.max(0, n + d)))
const loneSurrogate = fc.integer({ min: 0xd800, max: 0xdfff }).map((c) => String.fromCharCode(c))
const edgeStrings = fc.oneof(
  fc.constantFrom(
    "",
    " ",
    "\t",
    "\n",
    "\u200B",
    "\u00AD",
    "a\u0000b",
    "a\u0007",
    "\u007F",
    "\uD800",
    "x\uDC00",
    "😀",
    "Қўшним мени ҳақорат қилди",
    "Сосед шумит ночью",
    "Qoʻshnim kechasi baland musiqa qoʻyadi",
    "Oʼzbekiston, Gʻafur Gʻulom koʻchasi",
    "individual",
    "legalEntity",
    "ariza",
    "electronic",
    "smartMahallaApp",
    "1726262",
    "1726262-001",
    "+998901112233",
    "a@b.uz",
    "image/jpeg",
    "2026-03-03T10:00:00+05:00",
    "2026-02-29T10:00:00Z",
    "__proto__",
    "A-1"
  ),
  atLimits,
  fc.string(),
  fc.string({ unit: "binary" }),
  fc.string({ unit: fc.oneof(fc.constantFrom("a", " ", "ʻ", "ў", "\u0000", "\u200B"), loneSurrogate) })
)
const edgeValues: fc.Arbitrary<unknown> = fc.oneof(
  edgeStrings,
  fc.constantFrom(null, true, false, 0, -0, 1, -1, 0.5, 90, 90.0001, -180, 1e300, Number.NaN, Number.POSITIVE_INFINITY, [], {}, [{}], { type: "individual" }),
  fc.double(),
  fc.integer(),
  fc.anything()
)

// Every place in a JSON value: [parent, key] pairs.
type Place = [Record<string, unknown> | Array<unknown>, string | number]
const places = (v: unknown, out: Array<Place> = []): Array<Place> => {
  if (Array.isArray(v)) v.forEach((x, i) => (out.push([v, i]), places(x, out)))
  else if (typeof v === "object" && v !== null) for (const [k, x] of Object.entries(v)) out.push([v as Record<string, unknown>, k]), places(x, out)
  return out
}
const containers = (v: unknown, out: Array<Record<string, unknown> | Array<unknown>> = []) => {
  if (Array.isArray(v)) (out.push(v), v.forEach((x) => containers(x, out)))
  else if (typeof v === "object" && v !== null) (out.push(v as Record<string, unknown>), Object.values(v).forEach((x) => containers(x, out)))
  return out
}

// One change: a place given another value, removed, or a key added to an object (an extra key,
// or one the schema names there but the input lacked).
const mutation = fc.record({
  at: fc.nat(),
  how: fc.constantFrom("set", "remove", "add"),
  key: fc.oneof(
    fc.constantFrom("kind", "type", "surname", "revoked", "declaredFalse", "point", "address", "subject", "links", "attachments", "signatories", "phone", "email", "extra", "__proto__", "constructor", "toString"),
    fc.string()
  ),
  value: edgeValues
})
type Mutation = typeof mutation extends fc.Arbitrary<infer M> ? M : never
const mutate = (input: Record<string, unknown>, m: Mutation): void => {
  if (m.how === "add") {
    const cs = containers(input).filter((c) => !Array.isArray(c))
    const c = cs[m.at % cs.length] as Record<string, unknown>
    // `__proto__` as JSON carries it: an own key, not the prototype.
    Object.defineProperty(c, m.key, { value: m.value, enumerable: true, writable: true, configurable: true })
    return
  }
  const ps = places(input)
  const [parent, key] = ps[m.at % ps.length]!
  if (m.how === "remove") {
    if (Array.isArray(parent)) parent.splice(key as number, 1)
    else delete parent[key as string]
  } else (parent as Record<string | number, unknown>)[key] = m.value
}

// Daily shapes: the bench's intake, and intakes in Uzbek Cyrillic and Latin with the optional parts.
const bench = httpBenchIntake
const uzCyrillic = {
  ...bench,
  applicant: { type: "individual", surname: "Каримова", name: "Дилноза", patronymic: "Анваровна", residence: "Бодомзор кўчаси 3", contact: { phone: "+998 90 123 45 67" }, consent: { given: true, form: "oral" } },
  text: { body: "Қўшним мени ҳақорат қилди, ёрдам беринг. Кеча соат 23:00 да яна бақирди.", subject: "Қўшни билан можаро" }
}
const uzLatin = {
  ...bench,
  kind: "shikoyat",
  applicant: { type: "legalEntity", fullName: "\"Bodomzor\" MFY", location: "Yunusobod 4", tin: "123456789", contact: { email: "mfy@bodomzor.uz" }, consent: { given: true, form: "written", revoked: false } },
  location: { regionCode: "1726", districtCode: "1726262", mahallaCode: "1726262-001", point: { lat: 41.36, lon: 69.28 }, address: "Gʻafur Gʻulom koʻchasi, 12-uy" },
  text: { body: "Oʻgʻil bolalar maktab yonida chekishadi; choralar koʻrishingizni soʻraymiz.\nRahmat." },
  signatories: [{ surname: "Aliyev", name: "Bobur", residence: "Bodomzor 5" }],
  attachments: [{ ref: "files/a.jpg", name: "rasm.jpg", mediaType: "image/jpeg", bytes: 20480, sha256: "a".repeat(64) }],
  links: [{ kind: "repeatOf", appealId: "A-2026-000001" }],
  receivedAt: "2026-03-03T10:00:00+05:00"
}

describe("the intake's fast path", () => {
  it("answers for the samples, the bench's intake and Uzbek texts in both scripts, with the schema's value", () => {
    for (const input of [Sample.intake, bench, uzCyrillic, uzLatin, { ...bench, text: { body: Sample.intake.text.body } }]) {
      expect(agrees(input)).toBe(true)
      expect(fastOf(fastFull, input)).not.toBe(FastDecode.unsure)
    }
  })

  // Schema-derived arbitraries come from effect's own fast-check, so they run under its assert.
  it("answers for every valid wire form, with the schema's value, key order and defaults", () =>
    fc.assert(
      fc.property(wire, (input) => {
        expect(agrees(input)).toBe(true)
      }),
      { numRuns: 300 }
    ))

  it("never answers otherwise than the schema when a place is changed, removed or added (edge values, limits, unicode, extra keys)", () =>
    fc.assert(
      fc.property(wire, fc.array(mutation, { minLength: 1, maxLength: 3 }), (input, ms) => {
        for (const m of ms) mutate(input, m)
        agrees(input)
      }),
      { numRuns: 1500 }
    ))

  it("never answers otherwise than the schema for a daily intake with one place changed", () =>
    fc.assert(
      fc.property(fc.constantFrom(bench, uzCyrillic, uzLatin, Sample.intake), mutation, (base, m) => {
        const input = JSON.parse(JSON.stringify(base)) as Record<string, unknown>
        mutate(input, m)
        agrees(input)
      }),
      { numRuns: 1500 }
    ))

  it("never answers otherwise than the schema for anything at all", () =>
    fc.assert(
      fc.property(fc.oneof(fc.anything(), fc.jsonValue(), edgeValues), (u) => {
        agrees(u)
      }),
      { numRuns: 500 }
    ))

  it("leaves to the decoder what the bounds refuse, and what it cannot vouch for", () => {
    let deep: unknown = bench
    for (let i = 0; i < 40; i++) deep = { ...bench, applicant: deep }
    expect(agrees(deep)).toBe(false)
    // `undefined` in an optional place: the decoder keeps the key; the fast path does not guess.
    expect(agrees({ ...bench, receivedAt: undefined })).toBe(false)
    expect(agrees({ ...bench, extra: 1 })).toBe(false)
  })
})
