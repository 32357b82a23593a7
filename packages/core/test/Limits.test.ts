import { fc, test } from "@fast-check/vitest"
import { Actor, Appeal, Calendar, Command, Decode, Directory, Event, Limits } from "@murojaat/core"
import { Either, Schema, SchemaAST } from "effect"
import { describe, expect, it } from "vitest"
import { inputSchemas } from "./support/inputSchemas.js"

// ---------------------------------------------------------------------------------------------
// Real instants and dates, against an oracle written here: a days-in-month table and the
// Gregorian leap-year rule.
// ---------------------------------------------------------------------------------------------

const DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
const leap = (y: number) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0
const realDate = (y: number, m: number, d: number) => m >= 1 && m <= 12 && d >= 1 && d <= (m === 2 && leap(y) ? 29 : DAYS[m - 1]!)
const pad = (n: number, w = 2) => String(n).padStart(w, "0")

const instantParts = fc.record({
  y: fc.integer({ min: 0, max: 9999 }),
  m: fc.integer({ min: 0, max: 13 }),
  d: fc.integer({ min: 0, max: 32 }),
  h: fc.integer({ min: 0, max: 25 }),
  mi: fc.integer({ min: 0, max: 61 }),
  s: fc.option(fc.integer({ min: 0, max: 61 }), { nil: undefined }),
  offset: fc.option(fc.record({ sign: fc.constantFrom("+", "-"), h: fc.integer({ min: 0, max: 16 }), m: fc.integer({ min: 0, max: 61 }) }), { nil: undefined })
})
type Parts = typeof instantParts extends fc.Arbitrary<infer P> ? P : never

// Leap years, month ends and the edges of the clock come up often.
const edgy = fc.oneof(
  instantParts,
  instantParts.map((p) => ({ ...p, m: 2, d: 28 + (p.d % 3), y: [1900, 2000, 2024, 2026, 2100][p.y % 5]! })),
  instantParts.map((p) => ({ ...p, h: 23 + (p.h % 3), mi: 59 + (p.mi % 2), offset: { sign: "+" as const, h: 13 + (p.h % 3), m: p.mi % 2 === 0 ? 0 : 60 } }))
)

const write = (p: Parts) =>
  `${pad(p.y, 4)}-${pad(p.m)}-${pad(p.d)}T${pad(p.h)}:${pad(p.mi)}${p.s === undefined ? "" : `:${pad(p.s)}`}` +
  (p.offset === undefined ? "Z" : `${p.offset.sign}${pad(p.offset.h)}:${pad(p.offset.m)}`)

const realInstant = (p: Parts) =>
  realDate(p.y, p.m, p.d) &&
  p.h <= 23 &&
  p.mi <= 59 &&
  (p.s === undefined || p.s <= 59) &&
  (p.offset === undefined || (p.offset.m <= 59 && p.offset.h * 60 + p.offset.m <= 14 * 60))

describe("instants are real", () => {
  test.prop([edgy])("Directory.Instant accepts an instant iff the calendar and the clock say it exists", (p) => {
    const text = write(p)
    expect(Either.isRight(Decode.either(Directory.Instant, "at")(text))).toBe(realInstant(p))
  })

  test.prop([fc.integer({ min: 0, max: 9999 }), fc.integer({ min: 0, max: 13 }), fc.integer({ min: 0, max: 32 })])(
    "Calendar.IsoDate accepts a date iff the days-in-month table says it exists",
    (y, m, d) => {
      expect(Either.isRight(Decode.either(Calendar.IsoDate, "date")(`${pad(y, 4)}-${pad(m)}-${pad(d)}`))).toBe(realDate(y, m, d))
    }
  )

  it.each([
    ["2026-02-30T10:00:00Z", false],
    ["2026-02-29T10:00:00Z", false],
    ["2024-02-29T10:00:00Z", true],
    ["2100-02-29T10:00:00Z", false],
    ["2000-02-29T10:00:00Z", true],
    ["2026-04-31T10:00:00+05:00", false],
    ["2026-03-20T24:00:00Z", false],
    ["2026-03-20T24:00Z", false],
    ["2026-03-20T23:60:00Z", false],
    ["2026-03-20T23:59:60Z", false],
    ["2026-03-20T23:59:59.999Z", true],
    ["2026-03-20T10:00:00+14:00", true],
    ["2026-03-20T10:00:00-14:00", true],
    ["2026-03-20T10:00:00+14:01", false],
    ["2026-03-20T10:00:00+15:00", false],
    ["2026-03-20T10:00:00-18:00", false],
    ["2026-03-20T10:00:00+05:60", false],
    ["2026-03-20T10:00:00+0500", false],
    ["2026-03-20 10:00:00Z", false],
    ["2026-03-20T10:00:00", false]
  ])("%s is real: %s", (text, real) => {
    expect(Either.isRight(Decode.either(Directory.Instant, "at")(text))).toBe(real)
  })

  const impossible = "2026-02-30T10:00:00+05:00"
  const intake = {
    kind: "ariza",
    form: "oral",
    channel: "trustPhone",
    applicant: { type: "individual", contact: {}, consent: { given: true, form: "oral" } },
    location: { regionCode: "R", districtCode: "D", mahallaCode: "M" },
    text: { body: "Yordam kerak" }
  }
  it.each<[string, Schema.Schema<any, any, never>, unknown, string]>([
    ["Appeal.Intake receivedAt", Appeal.Intake, { ...intake, receivedAt: impossible }, "receivedAt"],
    ["Command issueProtectionOrder validUntil", Command.Command, { type: "issueProtectionOrder", appealId: "A-1", orderNumber: "1", validUntil: impossible }, "validUntil"],
    ["Directory.Period from", Directory.Period, { from: impossible, to: "2026-03-01T00:00:00Z" }, "from"],
    ["Directory.Absence to", Directory.Absence, { from: "2026-02-01T00:00:00Z", to: impossible, reason: "leave" }, "to"],
    ["Event envelope at", Schema.Struct({ at: Event.envelope.at }), { at: impossible }, "at"],
    ["Calendar entry date", Calendar.Entry, { date: "2026-02-30", kind: "holiday", weeks: ["fiveDay"], name: "x", source: "y" }, "date"]
  ])("%s refuses 2026-02-30 with InvalidInput at its path", (_name, schema, input, path) => {
    const r = Decode.either(schema, "input")(input)
    expect(Either.isLeft(r) && r.left._tag).toBe("InvalidInput")
    expect(Either.isLeft(r) && r.left.issues.map((i) => i.path)).toContain(path)
  })
})

// ---------------------------------------------------------------------------------------------
// Every string and every list of every input schema is bounded: a walk over the schemas' ASTs.
// ---------------------------------------------------------------------------------------------

const bounded = (chain: ReadonlyArray<SchemaAST.Refinement>, id: symbol) =>
  chain.some((r) => r.annotations[SchemaAST.SchemaIdAnnotationId] === id)

/** Paths of strings without a maximum length and lists without a maximum number of items. */
const unbounded = (root: SchemaAST.AST): Array<string> => {
  const out: Array<string> = []
  const seen = new Set<SchemaAST.AST>()
  const walk = (ast: SchemaAST.AST, path: string): void => {
    if (seen.has(ast)) return
    seen.add(ast)
    const chain: Array<SchemaAST.Refinement> = []
    let base = ast
    while (SchemaAST.isRefinement(base)) {
      chain.push(base)
      base = base.from
    }
    switch (base._tag) {
      case "StringKeyword":
        if (!bounded(chain, Schema.MaxLengthSchemaId)) out.push(`${path}: string`)
        return
      case "TupleType":
        if (base.rest.length > 0 && !bounded(chain, Schema.MaxItemsSchemaId)) out.push(`${path}: array`)
        base.elements.forEach((e, i) => walk(e.type, `${path}.${i}`))
        base.rest.forEach((r) => walk(r.type, `${path}[]`))
        return
      case "TypeLiteral":
        base.propertySignatures.forEach((p) => walk(p.type, `${path}.${String(p.name)}`))
        base.indexSignatures.forEach((s) => out.push(`${path}: record of ${s.parameter._tag}`))
        return
      case "Union":
        base.types.forEach((t) => walk(t, path))
        return
      case "Transformation":
        walk(base.from, path)
        walk(base.to, path)
        return
      case "Suspend":
        walk(base.f(), path)
        return
      case "Declaration":
        base.typeParameters.forEach((t) => walk(t, path))
        return
      default:
        return
    }
  }
  walk(root, "")
  return out
}

describe("every string and list of an input is bounded", () => {
  it.each(inputSchemas)("%s has no unbounded string or list", (_name, schema) => {
    expect(unbounded(schema.ast)).toEqual([])
  })

  it("the walk finds an unbounded string and list (it is not vacuous)", () => {
    expect(unbounded(Schema.Struct({ a: Schema.String, b: Schema.Array(Limits.text(3)) }).ast)).toEqual([".a: string", ".b: array"])
  })
})

// ---------------------------------------------------------------------------------------------
// Each text field: its limit, blank values, forbidden characters. Expected values come from the
// limits table and the rules (required or not), never from decoding.
// ---------------------------------------------------------------------------------------------

const L = Limits.defaultSettings
const individual = { type: "individual", surname: "Aliyev", name: "Bobur", patronymic: "Karimovich", residence: "Bodomzor 5", contact: { phone: "+998 90 123 45 67", email: "a@b.uz", postalAddress: "Bodomzor 5" }, consent: { given: true, form: "written" }, representative: { name: "Vakil", authorityProof: "Ishonchnoma 1" } }
const entity = { type: "legalEntity", fullName: "\"Bodomzor\" MFY", location: "Yunusobod 4", contact: {}, consent: { given: true, form: "written" } }
const intake = {
  kind: "ariza",
  form: "written",
  channel: "forwardedFromBody",
  applicant: individual,
  applicantRef: "user-1",
  signatories: [{ surname: "Aliyev", name: "Bobur", residence: "Bodomzor 5", applicantRef: "user-2" }],
  location: { regionCode: "1726", districtCode: "1726262", mahallaCode: "1726262-001", address: "Bodomzor 5" },
  text: { body: "Ariza matni", subject: "Shovqin" },
  attachments: [{ ref: "files/a.jpg", name: "a.jpg", mediaType: "image/jpeg", bytes: 1 }],
  links: [{ kind: "relatedTo", appealId: "A-0" }],
  forwardedBy: "Yunusobod tumani hokimligi"
}
const withApplicant = { ...intake, applicant: entity }
const t = { "uz-Latn": "Bodomzor", "uz-Cyrl": "Бодомзор", ru: "Бадамзар", en: "Bodomzor" }
const directory = {
  regions: [{ code: "1726", name: t }],
  districts: [{ code: "1726262", regionCode: "1726", name: t }],
  mahallas: [{ code: "1726262-001", districtCode: "1726262", name: t }],
  officers: [{ id: "O-1", name: "A. Karimov", roles: ["preventionInspector"], districtCode: "1726262", mahallas: ["1726262-001"], duty: [], absences: [], conflicts: [{ applicantRef: "user-7", note: "qarindosh" }] }]
}
const cmd = (type: string, fields: object) => ({ type, appealId: "A-1", commandId: "c-1", correlationId: "k-1", ...fields })
const notice = { channel: "post", reference: "OUT-1" }

type Row = readonly [subject: string, schema: Schema.Schema<any, any, never>, base: unknown, path: string, limit: Limits.Name, required: boolean]
const rows: ReadonlyArray<Row> = [
  ["intake", Appeal.Intake, intake, "applicant.surname", "personName", true],
  ["intake", Appeal.Intake, intake, "applicant.name", "personName", true],
  ["intake", Appeal.Intake, intake, "applicant.patronymic", "personName", true],
  ["intake", Appeal.Intake, intake, "applicant.residence", "address", true],
  ["intake", Appeal.Intake, intake, "applicant.contact.postalAddress", "address", true],
  ["intake", Appeal.Intake, intake, "applicant.representative.name", "personName", true],
  ["intake", Appeal.Intake, intake, "applicant.representative.authorityProof", "reference", false],
  ["intake", Appeal.Intake, withApplicant, "applicant.fullName", "organisationName", true],
  ["intake", Appeal.Intake, withApplicant, "applicant.location", "address", true],
  ["intake", Appeal.Intake, intake, "applicantRef", "opaqueId", true],
  ["intake", Appeal.Intake, intake, "signatories.0.surname", "personName", true],
  ["intake", Appeal.Intake, intake, "signatories.0.name", "personName", true],
  ["intake", Appeal.Intake, intake, "signatories.0.residence", "address", true],
  ["intake", Appeal.Intake, intake, "signatories.0.applicantRef", "opaqueId", true],
  ["intake", Appeal.Intake, intake, "location.address", "address", false],
  ["intake", Appeal.Intake, intake, "text.body", "appealText", true],
  ["intake", Appeal.Intake, intake, "text.subject", "subject", false],
  ["intake", Appeal.Intake, intake, "attachments.0.ref", "attachmentRef", true],
  ["intake", Appeal.Intake, intake, "attachments.0.name", "fileName", true],
  ["intake", Appeal.Intake, intake, "forwardedBy", "organisationName", true],
  ["command", Command.Command, cmd("withdraw", {}), "commandId", "opaqueId", true],
  ["command", Command.Command, cmd("withdraw", {}), "correlationId", "opaqueId", true],
  ["command", Command.Command, cmd("withdraw", { reason: "Hal boʻldi" }), "reason", "reason", false],
  ["command", Command.Command, cmd("rate", { score: 5, comment: "Rahmat" }), "comment", "reason", false],
  ["command", Command.Command, cmd("reassign", { officerId: "O-1", reason: "Taʼtil" }), "reason", "reason", true],
  ["command", Command.Command, cmd("requestInformation", { request: "Hujjat kerak" }), "request", "note", true],
  ["command", Command.Command, cmd("provideInformation", { note: "Mana hujjat" }), "note", "note", true],
  ["command", Command.Command, cmd("answer", { outcome: "explained", answerText: "Javob", legalBasis: "ZRU-445" }), "answerText", "note", true],
  ["command", Command.Command, cmd("answer", { outcome: "explained", answerText: "Javob", legalBasis: "ZRU-445" }), "legalBasis", "legalBasis", true],
  ["command", Command.Command, cmd("leaveWithoutConsideration", { ground: "anonymous", conclusion: "Xulosa matni shu", approvedBy: "O-1" }), "conclusion", "note", true],
  ["command", Command.Command, cmd("extendDeadline", { reason: "Oʻrganish", applicantNotice: notice }), "applicantNotice.reference", "reference", true],
  ["command", Command.Command, cmd("forward", { body: { code: "B-1", name: "Hokimlik" }, applicantNotice: notice }), "body.name", "organisationName", true],
  ["command", Command.Command, cmd("forward", { body: { code: "B-1", name: "Hokimlik" }, applicantNotice: notice }), "body.code", "code", true],
  ["command", Command.Command, cmd("handToCriminalProcedure", { reference: "JI-1" }), "reference", "reference", true],
  ["command", Command.Command, cmd("issueProtectionOrder", { orderNumber: "HO-1", validUntil: "2026-04-01T00:00:00Z" }), "orderNumber", "reference", true],
  ["command", Command.Command, cmd("triage", { category: "noise", priority: "low", flags: [], confidence: 1, needsPerson: false, ruleIds: ["r.1"] }), "ruleIds.0", "ruleId", true],
  ["directory", Directory.Directory, directory, "officers.0.name", "personName", true],
  ["directory", Directory.Directory, directory, "officers.0.conflicts.0.applicantRef", "opaqueId", true],
  ["directory", Directory.Directory, directory, "officers.0.conflicts.0.note", "shortNote", false],
  ["directory", Directory.Directory, directory, "regions.0.name.uz-Latn", "placeName", true],
  ["directory", Directory.Directory, directory, "mahallas.0.name.en", "placeName", true],
  ["actor", Actor.Actor, { _tag: "applicant", applicantRef: "u-1" }, "applicantRef", "opaqueId", true],
  ["actor", Actor.Actor, { _tag: "system", name: "timer" }, "name", "opaqueId", true],
  ["actor", Actor.Actor, { _tag: "integration", systemId: "my.gov.uz" }, "systemId", "opaqueId", true],
  ["actor", Actor.Actor, { _tag: "auditor", auditorId: "AUD-1" }, "auditorId", "opaqueId", true]
]

const setAt = (value: unknown, path: ReadonlyArray<string>, leaf: unknown): unknown => {
  if (path.length === 0) return leaf
  const [head, ...rest] = path as [string, ...Array<string>]
  if (Array.isArray(value)) return value.map((v, i) => (String(i) === head ? setAt(v, rest, leaf) : v))
  const o = value as Record<string, unknown>
  return { ...o, [head]: setAt(o[head], rest, leaf) }
}
const decodeWith = (schema: Schema.Schema<any, any, never>, base: unknown, path: string, leaf: unknown) =>
  Decode.either(schema, "input")(setAt(base, path.split("."), leaf))
const failsAt = (r: Either.Either<unknown, { readonly issues: ReadonlyArray<{ readonly path: string }> }>, path: string) =>
  Either.isLeft(r) && r.left.issues.some((i) => i.path === path)

describe("text fields", () => {
  it("every base decodes as it is", () => {
    for (const [, schema, base] of rows) expect(Decode.either(schema, "input")(base)._tag).toBe("Right")
  })

  const named = rows.map((row) => ({ name: `${row[0]} ${row[3]}`, limit: row[4], row }))
  it.each(named)("$name: at most Limits.$limit characters", ({ row: [, schema, base, path, limit] }) => {
    expect(Either.isRight(decodeWith(schema, base, path, "x".repeat(L[limit])))).toBe(true)
    expect(failsAt(decodeWith(schema, base, path, "x".repeat(L[limit] + 1)), path)).toBe(true)
  })

  test.prop([fc.constantFrom(...rows), fc.array(fc.constantFrom(" ", "\t", "\n", "\r", "\u00a0", "\u2007", "\u202f", "\u3000", "\u200b", "\ufeff"), { maxLength: 6 })])(
    "a blank value is refused where a value is required, and only there",
    ([, schema, base, path, , required], blank) => {
      const r = decodeWith(schema, base, path, blank.join(""))
      expect(failsAt(r, path)).toBe(required)
    }
  )

  test.prop([fc.constantFrom(...rows), fc.integer({ min: 0, max: 0x1f }).filter((c) => c !== 9 && c !== 10 && c !== 13)])(
    "NUL and the other C0 controls but tab, line feed and carriage return are refused",
    ([, schema, base, path], c) => {
      expect(failsAt(decodeWith(schema, base, path, `abcdefghij${String.fromCharCode(c)}cd`), path)).toBe(true)
    }
  )

  it.each(named)("$name: a lone surrogate is refused", ({ row: [, schema, base, path] }) => {
    expect(failsAt(decodeWith(schema, base, path, "abcdefghij\ud800cd"), path)).toBe(true)
    expect(failsAt(decodeWith(schema, base, path, "abcdefghij\udc00cd"), path)).toBe(true)
    expect(Either.isRight(decodeWith(schema, base, path, "abcdefghij\ud83d\ude00cd"))).toBe(true)
  })

  it.each(named.filter((r) => r.row[3] === "text.body" || r.row[3] === "reason"))("$name: tab, line feed and carriage return are allowed", ({ row: [, schema, base, path] }) => {
    expect(Either.isRight(decodeWith(schema, base, path, "bir\tikki\r\nuch toʻrt"))).toBe(true)
  })
})

// ---------------------------------------------------------------------------------------------
// Lists.
// ---------------------------------------------------------------------------------------------

type ListRow = readonly [subject: string, schema: Schema.Schema<any, any, never>, base: unknown, path: string, limit: Limits.Name, item: unknown]
const lists: ReadonlyArray<ListRow> = [
  ["intake", Appeal.Intake, intake, "signatories", "signatories", { surname: "A", name: "B" }],
  ["intake", Appeal.Intake, intake, "attachments", "attachments", { ref: "f", mediaType: "image/png", bytes: 1 }],
  ["intake", Appeal.Intake, intake, "links", "links", { kind: "relatedTo", appealId: "A-0" }],
  ["command", Command.Command, cmd("triage", { category: "noise", priority: "low", flags: [], confidence: 1, needsPerson: false, ruleIds: [] }), "flags", "flags", "loud"],
  ["command", Command.Command, cmd("triage", { category: "noise", priority: "low", flags: [], confidence: 1, needsPerson: false, ruleIds: [] }), "ruleIds", "ruleIds", "r.1"],
  ["command", Command.Command, cmd("assign", { officerId: "O-1" }), "ruleIds", "ruleIds", "r.1"],
  ["directory", Directory.Directory, directory, "officers.0.roles", "roles", "preventionInspector"],
  ["directory", Directory.Directory, directory, "officers.0.mahallas", "officerMahallas", "1726262-001"],
  ["directory", Directory.Directory, directory, "officers.0.duty", "dutyPeriods", { from: "2026-01-05T09:00:00+05:00", to: "2026-01-05T18:00:00+05:00" }],
  ["directory", Directory.Directory, directory, "officers.0.absences", "absences", { from: "2026-02-01T00:00:00+05:00", to: "2026-02-02T00:00:00+05:00", reason: "leave" }],
  ["directory", Directory.Directory, directory, "officers.0.conflicts", "conflicts", { applicantRef: "u" }],
  ["actor", Actor.Actor, { _tag: "officer", officerId: "O-1", roles: ["districtChief"], districtCode: "D", mahallas: [] }, "mahallas", "officerMahallas", "M"],
  ["actor", Actor.Actor, { _tag: "officer", officerId: "O-1", roles: ["districtChief"], districtCode: "D", mahallas: [] }, "roles", "roles", "districtChief"],
  ["actor", Actor.Actor, { _tag: "integration", systemId: "s" }, "districts", "districts", "D"]
]

describe("lists", () => {
  it.each(lists.map((row) => ({ name: `${row[0]} ${row[3]}`, limit: row[4], row })))("$name: at most Limits.$limit items", ({ row: [, schema, base, path, limit, item] }) => {
    expect(Either.isRight(decodeWith(schema, base, path, Array.from({ length: L[limit] }, () => item)))).toBe(true)
    expect(failsAt(decodeWith(schema, base, path, Array.from({ length: L[limit] + 1 }, () => item)), path)).toBe(true)
  })

  it("the directory's own lists are bounded", () => {
    const many = (n: number) => Array.from({ length: n }, (_, i) => ({ code: `R${i}`, name: t }))
    expect(Either.isRight(Decode.either(Directory.Directory, "d")({ ...directory, regions: [...many(L.directoryRegions - 1), directory.regions[0]] }))).toBe(true)
    expect(failsAt(Decode.either(Directory.Directory, "d")({ ...directory, regions: [...many(L.directoryRegions), directory.regions[0]] }), "regions")).toBe(true)
  })
})

// ---------------------------------------------------------------------------------------------
// The table itself.
// ---------------------------------------------------------------------------------------------

describe("the limits table", () => {
  it("every limit is a positive whole number with a unit, the fields it applies to and a reason", () => {
    expect(Object.keys(Limits.describe).sort()).toEqual(Object.keys(Limits.defaultSettings).sort())
    for (const [name, value] of Object.entries(Limits.defaultSettings)) {
      expect(Number.isSafeInteger(value) && value > 0, name).toBe(true)
      const d = Limits.describe[name as Limits.Name]
      expect(d.appliesTo.length, name).toBeGreaterThan(10)
      expect(d.why.length, name).toBeGreaterThan(10)
    }
  })

  it("the decoder's bounds are the table's", () => {
    expect(Decode.defaultBounds).toEqual({ depth: L.inputDepth, values: L.inputValues, items: L.inputItems, stringLength: L.inputStringLength })
  })

  test.prop([fc.string({ unit: "binary", maxLength: 30 })])("isBlank agrees with an oracle: only spaces and invisible format characters", (s) => {
    const space = (c: number) =>
      (c >= 0x09 && c <= 0x0d) || c === 0x20 || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || [0x2028, 0x2029, 0x202f, 0x205f, 0x3000, 0xfeff].includes(c)
    const invisible = (c: number) => [0x200b, 0x200c, 0x200d, 0x2060, 0x180e, 0x00ad].includes(c)
    const oracle = [...s].every((ch) => space(ch.codePointAt(0)!) || invisible(ch.codePointAt(0)!))
    expect(Limits.isBlank(s)).toBe(oracle)
  })
})
