import { fc, test } from "@fast-check/vitest"
import { Appeal, Command, Decode, Directory, Either, Errors, Schema } from "@murojaat/core"
import { Arbitrary, FastCheck } from "effect"
import { describe, expect, it } from "vitest"

const valid = {
  kind: "ariza",
  form: "written",
  channel: "inPersonReception",
  applicant: { type: "individual", surname: "Aliyev", name: "Bobur", residence: "Bodomzor 5", contact: { phone: "+998 90 123 45 67" }, consent: { given: true, form: "written" } },
  location: { regionCode: "1726", districtCode: "1726262", mahallaCode: "1726262-001" },
  text: { body: "Ariza matni" }
}

describe("decoding untrusted input", () => {
  test.prop([fc.anything()])("any input decodes or gives InvalidInput naming fields; it never throws", (u) => {
    for (const [schema, subject] of [
      [Appeal.Intake, "Appeal"],
      [Command.Command, "Command"],
      [Directory.Directory, "Directory"]
    ] as const) {
      const r = Decode.either(schema as Schema.Schema<unknown, unknown, never>, subject)(u)
      if (Either.isLeft(r)) {
        expect(r.left).toBeInstanceOf(Errors.InvalidInput)
        expect(r.left.subject).toBe(subject)
        expect(r.left.issues.length).toBeGreaterThan(0)
      }
    }
  })

  // Schema-derived arbitraries come from effect's own fast-check, so they run under FastCheck.assert.
  it("every valid intake round-trips through its wire form", () =>
    FastCheck.assert(FastCheck.property(Arbitrary.make(Appeal.Intake), (intake) => {
    const wire = Schema.encodeSync(Appeal.Intake)(intake)
    const back = Decode.either(Appeal.Intake, "Appeal")(JSON.parse(JSON.stringify(wire)))
    // JSON has no negative zero: a point at lat -0 comes back as 0 (see the regression case below).
    expect(back).toEqual(Either.right(JSON.parse(JSON.stringify(intake))))
    }))
  )

  // Regression, found by the property above (fast-check seed path 51): -0 in a coordinate.
  it("a point at -0 survives the wire as the same place", () => {
    const wire = { ...valid, location: { ...valid.location, point: { lat: -0, lon: 0 } } }
    const back = Decode.either(Appeal.Intake, "Appeal")(JSON.parse(JSON.stringify(wire)))
    expect(Either.isRight(back) && back.right.location.point).toEqual({ lat: 0, lon: 0 })
  })

  // Schema-derived arbitraries come from effect's own fast-check, so they run under FastCheck.assert.
  it("every valid command round-trips through its wire form", () =>
    FastCheck.assert(FastCheck.property(Arbitrary.make(Command.Command), (command) => {
    const wire = Schema.encodeSync(Command.Command)(command)
    expect(Decode.either(Command.Command, "Command")(JSON.parse(JSON.stringify(wire)))).toEqual(Either.right(command))
    }))
  )

  it.each([
    ["missing field", (({ kind: _k, ...rest }) => rest)(valid), "kind", "missing"],
    ["wrong literal", { ...valid, kind: "arizaa" }, "kind", "invalidValue"],
    ["wrong type", { ...valid, text: { body: 42 } }, "text.body", "wrongType"],
    ["unknown field", { ...valid, extra: 1 }, "extra", "notAllowed"],
    ["bad phone", { ...valid, applicant: { ...valid.applicant, contact: { phone: "call me" } } }, "applicant.contact.phone", "invalidValue"],
    ["empty text", { ...valid, text: { body: "" } }, "text.body", "invalidValue"],
    ["bad point", { ...valid, location: { ...valid.location, point: { lat: 91, lon: 0 } } }, "location.point.lat", "invalidValue"]
  ])("%s is reported at its path", (_name, input, path, problem) => {
    const r = Decode.either(Appeal.Intake, "Appeal")(input)
    expect(Either.isLeft(r)).toBe(true)
    if (Either.isLeft(r)) expect(r.left.issues).toContainEqual(expect.objectContaining({ path, problem }))
  })

  it("literal alternatives are merged into one issue that lists what is expected", () => {
    const r = Decode.either(Appeal.Intake, "Appeal")({ ...valid, form: "fax" })
    expect(Either.isLeft(r) && r.left.issues).toEqual([expect.objectContaining({ path: "form", expected: '"oral" | "written" | "electronic"' })])
  })

  it("errors never echo the offending value (no personal data in logs)", () => {
    const r = Decode.either(Appeal.Intake, "Appeal")({ ...valid, applicant: { ...valid.applicant, contact: { phone: "AB-secret-998901234567" } } })
    expect(Either.isLeft(r) && JSON.stringify(r.left)).not.toContain("secret")
  })

  it("the directory's references are checked", () => {
    const t = { "uz-Latn": "x", "uz-Cyrl": "х", ru: "х", en: "x" }
    const r = Decode.either(Directory.Directory, "Directory")({
      regions: [{ code: "R", name: t }],
      districts: [{ code: "D", regionCode: "R9", name: t }],
      mahallas: [{ code: "M", districtCode: "D", name: t }],
      officers: [
        { id: "O", name: "A", roles: ["preventionInspector"], districtCode: "D", mahallas: ["M", "M404"], duty: [], absences: [], conflicts: [] },
        { id: "O", name: "B", roles: ["seniorInspector"], districtCode: "D", mahallas: [], duty: [], absences: [], conflicts: [] }
      ]
    })
    expect(Either.isLeft(r) && r.left.issues.map((i) => i.path).sort()).toEqual(["districts.0.regionCode", "officers.0.mahallas.1", "officers.1.id"])
  })

  it("anonymity follows ZRU-445 Art. 29", () => {
    const base = { declaredFalse: false, contact: {}, consent: { given: true, form: "oral" as const, revoked: false } }
    expect(Appeal.anonymity({ type: "individual", surname: "A", name: "B", residence: "C", ...base }).anonymous).toBe(false)
    expect(Appeal.anonymity({ type: "individual", surname: "A", name: "B", ...base })).toEqual({ anonymous: true, missing: ["residence"] })
    expect(Appeal.anonymity({ type: "individual", surname: "A", name: "B", residence: "C", ...base, declaredFalse: true }).anonymous).toBe(true)
    expect(Appeal.anonymity({ type: "legalEntity", fullName: "MChJ", ...base })).toEqual({ anonymous: true, missing: ["location"] })
  })

  it.each([
    ["Қўшним ҳар кеча шовқин қилади", "cyrillic", "uz"],
    ["Сосед шумит каждую ночь", "cyrillic", "ru"],
    ["Qoʻshnim har kecha shovqin qiladi", "latin", "uz"],
    ["12345", "none", "unknown"]
  ])("script and language of %s", (body, script, language) => {
    expect(Appeal.detect(body)).toEqual({ script, language })
  })
})
