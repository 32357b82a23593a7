// The analytics fact of an appeal: the address key meets one address however it is written, a
// violation once true stays true, and facts are made only of received appeals.
import { fc, test } from "@fast-check/vitest"
import { describe, expect } from "vitest"
import * as AppealFact from "../src/AppealFact.js"
import * as AppealState from "../src/AppealState.js"
import { uzLatnToCyrl } from "./fixtures/uzLatnToCyrl.js"

const personal = (residence: string | undefined, address?: string) => ({
  applicant: { type: "individual" as const, ...(residence !== undefined ? { residence } : {}), declaredFalse: false, contact: {}, consent: { given: true, form: "oral" as const, revoked: false } },
  signatories: [],
  text: { body: "x" },
  ...(address !== undefined ? { address } : {}),
  attachments: []
})

const words = fc.array(fc.constantFrom("bodomzor", "koʻchasi", "yangi", "hayot", "navoiy", "mahallasi", "shoh", "yoʻli", "12", "5", "40a"), { minLength: 1, maxLength: 4 })

describe("address key", () => {
  test.prop([words, fc.constantFrom("M1", "M2")])("an address in Latin, in Cyrillic, in capitals or with commas gives one key; another mahalla another", (ws, m) => {
    const latin = ws.join(" ")
    const key = AppealFact.addressKeyOf(personal(latin), m)
    expect(key).toMatch(/^[0-9a-f]{64}$/)
    expect(AppealFact.addressKeyOf(personal(uzLatnToCyrl(latin)), m)).toBe(key)
    expect(AppealFact.addressKeyOf(personal(`  ${latin.toUpperCase().replaceAll(" ", ", ")} `), m)).toBe(key)
    expect(AppealFact.addressKeyOf(personal(latin), m === "M1" ? "M2" : "M1")).not.toBe(key)
  })

  test("the place of the matter wins over the residence; no address, no key", () => {
    expect(AppealFact.addressKeyOf(personal("Navoiy 5", "Bodomzor 12"), "M1")).toBe(AppealFact.addressKeyOf(personal(undefined, "Bodomzor 12"), "M1"))
    expect(AppealFact.addressKeyOf(personal(undefined), "M1")).toBeUndefined()
    expect(AppealFact.addressKeyOf(personal(" , "), "M1")).toBeUndefined()
  })
})

describe("violation at an instant", () => {
  const instant = fc.integer({ min: Date.UTC(2026, 0, 1), max: Date.UTC(2026, 11, 31) }).map((t) => new Date(t).toISOString())
  test.prop([fc.boolean(), fc.option(instant, { nil: undefined }), instant, instant])("once violated, violated at every later instant; the due time decides alone", (violated, dueAt, t1, t2) => {
    const f = { violated, ...(dueAt !== undefined ? { dueAt } : {}) }
    const [early, late] = t1 <= t2 ? [t1, t2] : [t2, t1]
    if (AppealFact.violatedAt(f, early)) expect(AppealFact.violatedAt(f, late)).toBe(true)
    expect(AppealFact.violatedAt(f, late)).toBe(violated || (dueAt !== undefined && Date.parse(dueAt) < Date.parse(late)))
  })
})

describe("facts", () => {
  const received = { ...AppealState.initial("A-1"), status: "received" as const, kind: "ariza" as const, regionCode: "R1", districtCode: "D1", mahallaCode: "M1", receivedAt: "2026-03-02T10:00:00+05:00" }
  const asOf = "2026-03-02T12:00:00+05:00"

  test("an appeal not received has no fact; a merged duplicate is not counted; a rating outside 1 to 5 is no rating", () => {
    expect(AppealFact.of({ state: AppealState.initial("A-1"), events: [], asOf })).toBeUndefined()
    expect(AppealFact.of({ state: { ...received, status: "mergedAsDuplicate" }, events: [], asOf })?.counted).toBe(false)
    expect(AppealFact.of({ state: received, events: [], asOf })).toMatchObject({ counted: true, category: "unclassified", registered: false, measures: [] })
    expect("rating" in AppealFact.of({ state: { ...received, rating: 40 }, events: [], asOf })!).toBe(false)
  })

  test("measures and the protection order come from the events; a cancelled measure is none", () => {
    const events = [
      { type: "received", at: received.receivedAt, data: { kind: "ariza" } },
      { type: "measurePlanned", at: asOf, data: { measureId: "A-1/M1", kind: "homeVisit", dueBy: "2026-03-07T05:00:00.000Z", linkedAppealIds: [] } },
      { type: "measurePlanned", at: asOf, data: { measureId: "A-1/M2", kind: "preventionTalk", dueBy: "2026-03-07T05:00:00.000Z", linkedAppealIds: [] } },
      { type: "measureCancelled", at: asOf, data: { measureId: "A-1/M2", textDigest: "0".repeat(64) } },
      { type: "protectionOrderIssued", at: asOf, data: { orderNumber: "HO-1", validUntil: "2027-03-02T10:00:00+05:00" } }
    ]
    const f = AppealFact.of({ state: received, events, asOf })!
    expect(f.measures).toEqual(["homeVisit", "protectionOrder"])
    expect(f.orderUntil).toBe("2027-03-02T05:00:00.000Z")
  })

  test("a personal record erased: no address key; the rest of the fact unchanged", () => {
    const withKey = AppealFact.of({ state: received, events: [], personal: personal("Bodomzor 12"), asOf })!
    const without = AppealFact.of({ state: received, events: [], asOf })!
    expect(withKey.addressKey).toBeDefined()
    expect(AppealFact.withoutPersonal(withKey)).toEqual(without)
  })
})
