import { describe, expect, it } from "vitest"
import { fc, test } from "@fast-check/vitest"
import { Similarity } from "@murojaat/core"
import { uzLatnToCyrl } from "./fixtures/uzLatnToCyrl.js"

const at = (day: number) => new Date(Date.UTC(2026, 2, day, 9)).toISOString()
const base = { open: true, mahallaCode: "M-1" }

describe("Similarity", () => {
  it("is 1 for the same text in either script and 0 for unrelated texts", () => {
    expect(Similarity.similarity("Qoʻshnim ariqni toʻsib qoʻydi", uzLatnToCyrl("Qoʻshnim ariqni toʻsib qoʻydi"))).toBe(1)
    expect(Similarity.similarity("Qoʻshnim ariqni toʻsib qoʻydi", "Мошенники списали деньги с карты")).toBe(0)
  })

  it("suggests open appeals of the same applicant or place with similar text, within the window", () => {
    const neu = { ...base, id: "N", applicantId: "P-1", text: "Qoʻshnilar kechasi baland musiqa qoʻyadi, uxlay olmaymiz", receivedAt: at(20) }
    const others = [
      { ...base, id: "dup", applicantId: "P-2", text: "Қўшнилар кечаси баланд мусиқа қўяди", receivedAt: at(18) },
      { ...base, id: "rel", applicantId: "P-1", text: "Qoʻshnilar mashinani darvoza oldiga qoʻyadi", receivedAt: at(10) },
      { ...base, id: "closed", applicantId: "P-1", text: "Qoʻshnilar kechasi baland musiqa qoʻyadi", receivedAt: at(15), open: false },
      { ...base, id: "old", applicantId: "P-1", text: "Qoʻshnilar kechasi baland musiqa qoʻyadi", receivedAt: new Date(Date.UTC(2026, 0, 2)).toISOString() },
      { id: "elsewhere", open: true, mahallaCode: "M-9", applicantId: "P-9", text: "Qoʻshnilar kechasi baland musiqa qoʻyadi", receivedAt: at(19) }
    ]
    const s = Similarity.suggest(neu, others)
    expect(s.map((x) => [x.appealId, x.kind, x.reasons])).toEqual([
      ["dup", "duplicateOf", ["samePlace"]],
      ["rel", "relatedTo", ["sameApplicant", "samePlace"]]
    ])
    expect(Similarity.suggest(neu, others, { ...Similarity.defaultSettings, windowDays: 90 }).map((x) => x.appealId)).toContain("old")
  })

  it("recognises a repeated appeal: disputing an answered one, or after the term ran out (ZRU-445)", () => {
    const later = { ...base, id: "L", applicantId: "P-1", text: "Yana qoʻshnim ariqni toʻsib qoʻydi, javobga rozi emasman", receivedAt: at(25) }
    const answered = { ...base, id: "E1", applicantId: "P-1", text: "Qoʻshnim ariqni toʻsib qoʻydi", receivedAt: at(1), open: false, answeredAt: at(10) }
    expect(Similarity.repeat(later, [answered])).toMatchObject({ repeated: true, earlierAppealId: "E1", ground: "disputesDecision" })
    const expired = { ...base, id: "E2", applicantId: "P-1", text: "Qoʻshnim ariqni toʻsib qoʻydi", receivedAt: at(1), open: true, termEndsAt: at(16) }
    expect(Similarity.repeat(later, [expired])).toMatchObject({ repeated: true, ground: "termExpired" })
    const pending = { ...expired, termEndsAt: at(28) }
    expect(Similarity.repeat(later, [pending])).toEqual({ repeated: false })
    expect(Similarity.repeat(later, [{ ...answered, applicantId: "P-2" }])).toEqual({ repeated: false })
    expect(Similarity.repeat(later, [{ ...answered, text: "Мошенники списали деньги" }])).toEqual({ repeated: false })
  })

  it("merges collective appeals' signatories, each person once", () => {
    const merged = Similarity.mergeSignatories([
      [{ surname: "Aliyev", name: "Bobur" }, { surname: "Karimova", name: "Dilnoza", residence: "Bodomzor 5" }],
      [{ surname: "Алиев", name: "Бобур", residence: "Navbahor 1" }, { surname: "KARIMOVA", name: "dilnoza", residence: "Bodomzor 5" }, { surname: "Karimova", name: "Dilnoza", residence: "Chilonzor 9" }]
    ])
    expect(merged).toEqual([
      { surname: "Aliyev", name: "Bobur", residence: "Navbahor 1" },
      { surname: "Karimova", name: "Dilnoza", residence: "Bodomzor 5" },
      { surname: "Karimova", name: "Dilnoza", residence: "Chilonzor 9" }
    ])
  })

  test.prop([fc.string({ maxLength: 120 }), fc.string({ maxLength: 120 })])("similarity is symmetric and within [0, 1]", (a, b) => {
    const s = Similarity.similarity(a, b)
    expect(s).toBe(Similarity.similarity(b, a))
    expect(s).toBeGreaterThanOrEqual(0)
    expect(s).toBeLessThanOrEqual(1)
  })
})
