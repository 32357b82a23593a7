// Protection orders after issue (ZRU-561): the extension and breach rules under both regimes, as a
// hand-made table and as properties; the own-initiative suggestion against a brute-force oracle.
import { fc, test } from "@fast-check/vitest"
import { describe, expect } from "vitest"
import type * as AppealFact from "../src/AppealFact.js"
import * as ProtectionOrder from "../src/ProtectionOrder.js"
import { extensionExamples, orderOf } from "./fixtures/prevention.js"
import { facts, instant } from "./support/facts.js"

const DAY = 86_400_000
const iso = (ms: number) => new Date(ms).toISOString()
const ISSUED = Date.UTC(2026, 0, 10, 5)
const order = (days: number, extensions = 0): ProtectionOrder.Order => ({
  orderNumber: "HO-1",
  issuedAt: iso(ISSUED),
  validUntil: iso(ISSUED + days * DAY),
  extensions,
  breaches: []
})

describe("extension", () => {
  for (const row of extensionExamples) {
    test(`${row.name} (fixtures/prevention.ts)`, () => {
      expect(
        ProtectionOrder.checkExtension(orderOf(row), { orderNumber: row.orderNumber, validUntil: row.validUntil, onVictimApplication: row.onVictimApplication }, { now: row.now, regime: row.regime })
      ).toBe(row.expect ?? undefined)
    })
  }

  test.prop([fc.integer({ min: 1, max: 30 }), fc.integer({ min: 0, max: 29 }), fc.integer({ min: 1, max: 40 }), fc.boolean(), fc.nat(2)])(
    "under the original regime an extension is allowed exactly when in force, later, by at most 30 days, once, on application",
    (days, nowDay, by, victim, extensions) => {
      const o = order(days, extensions)
      const now = ISSUED + Math.min(nowDay, days + 2) * DAY
      const r = ProtectionOrder.checkExtension(o, { orderNumber: "HO-1", validUntil: iso(ISSUED + (days + by) * DAY), onVictimApplication: victim }, { now: iso(now), regime: "original" })
      const allowed = now < ISSUED + days * DAY && by <= 30 && victim && extensions === 0
      expect(r === undefined).toBe(allowed)
    }
  )

  test("the fold counts extensions and breaches of the appeal's order only", () => {
    let o = ProtectionOrder.fold(undefined, { type: "protectionOrderIssued", at: iso(ISSUED), data: { orderNumber: "HO-1", validUntil: iso(ISSUED + 30 * DAY) } })
    o = ProtectionOrder.fold(o, { type: "protectionOrderExtended", at: iso(ISSUED + DAY), data: { orderNumber: "HO-9", validUntil: iso(ISSUED + 60 * DAY) } })
    o = ProtectionOrder.fold(o, { type: "protectionOrderExtended", at: iso(ISSUED + DAY), data: { orderNumber: "HO-1", validUntil: iso(ISSUED + 60 * DAY) } })
    o = ProtectionOrder.fold(o, { type: "protectionOrderBreached", at: iso(ISSUED + 2 * DAY), data: { orderNumber: "HO-1", occurredAt: iso(ISSUED + DAY) } })
    o = ProtectionOrder.fold(o, { type: "answered", at: iso(ISSUED + 3 * DAY), data: {} })
    expect(o).toEqual({ ...order(60, 1), breaches: [{ occurredAt: iso(ISSUED + DAY), recordedAt: iso(ISSUED + 2 * DAY) }] })
  })
})

describe("breach", () => {
  test.prop([fc.integer({ min: -10, max: 50 }), fc.integer({ min: 0, max: 5 })])("a breach is recorded for a time the order was in force, not in the future", (day, late) => {
    const o = order(30)
    const at = ISSUED + day * DAY
    const r = ProtectionOrder.checkBreach(o, { orderNumber: "HO-1", occurredAt: iso(at) }, { now: iso(at + late * DAY) })
    expect(r === undefined).toBe(day >= 0 && day < 30)
    expect(ProtectionOrder.checkBreach(o, { orderNumber: "HO-1", occurredAt: iso(ISSUED + DAY) }, { now: iso(ISSUED) })).toBe("protectionOrder.breach.whileInForce")
  })
})

describe("the suggestion on the inspector's own initiative", () => {
  // The oracle, from the rule: per victim (address key, else applicant) and Tashkent year of asOf,
  // at least 2 incidents up to asOf, none under an order in force at asOf.
  const oracle = (fs: ReadonlyArray<AppealFact.Fact>, asOf: string) => {
    const t = Date.parse(asOf)
    const year = new Date(t + 5 * 3_600_000).getUTCFullYear()
    const incidents = fs.filter(
      (f) =>
        f.counted &&
        (f.category === "domesticViolence" || f.flags.includes("domesticViolence")) &&
        Date.parse(f.receivedAt) <= t &&
        new Date(Date.parse(f.receivedAt) + 5 * 3_600_000).getUTCFullYear() === year
    )
    const victim = (f: AppealFact.Fact) => f.addressKey ?? (f.applicantRef === undefined ? undefined : `u:${f.applicantRef}`)
    return [...new Set(incidents.map(victim).filter((v) => v !== undefined))]
      .map((v) => incidents.filter((f) => victim(f) === v))
      .filter((g) => g.length >= 2 && !g.some((f) => f.orderUntil !== undefined && Date.parse(f.orderUntil) > t))
      .map((g) => g.map((f) => f.appealId).sort())
      .sort((a, b) => (a.join() < b.join() ? -1 : 1))
  }

  test.prop([facts(), instant])("suggests exactly the victims the rule names, with their incidents", (fs, asOf) => {
    const got = ProtectionOrder.suggestions(fs, { asOf, personalData: true })
    expect(got.map((s) => [...s.appealIds].sort()).sort((a, b) => (a.join() < b.join() ? -1 : 1))).toEqual(oracle(fs, asOf))
    for (const s of got) expect(s.incidents).toBe(s.appealIds.length)
    for (const s of ProtectionOrder.suggestions(fs, { asOf, personalData: false })) expect("key" in s).toBe(false)
  })

  test.prop([facts(), instant])("the number of incidents is a setting: 3 suggests a subset of what 2 suggests", (fs, asOf) => {
    const two = new Set(ProtectionOrder.suggestions(fs, { asOf, personalData: false }).map((s) => s.id))
    const three = ProtectionOrder.suggestions(fs, { asOf, personalData: false, settings: { ...ProtectionOrder.defaultSettings, incidentsPerCalendarYear: 3 } })
    for (const s of three) {
      expect(two.has(s.id)).toBe(true)
      expect(s.incidents).toBeGreaterThanOrEqual(3)
    }
  })
})
