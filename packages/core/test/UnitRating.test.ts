// Unit ratings (Cabinet resolution No. 40 of 2026): counts against a naive oracle, sums across
// levels, and ranks against an oracle written from the documented threshold table (not from
// UnitRating.rankOf).
import { fc, test } from "@fast-check/vitest"
import { describe, expect } from "vitest"
import * as AppealFact from "../src/AppealFact.js"
import * as UnitRating from "../src/UnitRating.js"
import { ratingExamples } from "./fixtures/prevention.js"
import { areas, facts, instant, mahallas, periods } from "./support/facts.js"

const additive = ["registered", "answered", "satisfied", "explained", "rejected", "violated", "repeated", "rated", "ratingSum"] as const

describe("counting", () => {
  test.prop([facts(), periods, instant, fc.constantFrom(...areas), fc.constantFrom(...UnitRating.Level.literals)])(
    "count is the naive count of each indicator per unit",
    (fs, ps, asOf, area, level) => {
      const q = { level, area, interval: ps.current, asOf }
      const unitOf = (f: AppealFact.Fact) => (level === "inspector" ? f.assigneeId : level === "mahalla" ? f.mahallaCode : f.districtCode)
      const mine = fs.filter(
        (f) => f.counted && AppealFact.inArea(f, area) && Date.parse(ps.current.from) <= Date.parse(f.receivedAt) && Date.parse(f.receivedAt) < Date.parse(ps.current.to)
      )
      const codes = [...new Set(mine.map(unitOf).filter((c): c is string => c !== undefined))].sort()
      const expected = codes.map((code) => {
        const u = mine.filter((f) => unitOf(f) === code)
        const n = (p: (f: AppealFact.Fact) => boolean) => u.filter(p).length
        return {
          level,
          code,
          registered: n((f) => f.registered),
          answered: n((f) => f.outcome !== undefined),
          satisfied: n((f) => f.outcome === "satisfied"),
          explained: n((f) => f.outcome === "explained"),
          rejected: n((f) => f.outcome === "rejectedWithGrounds"),
          violated: n((f) => f.violated || (f.dueAt !== undefined && Date.parse(f.dueAt) < Date.parse(asOf))),
          repeated: n((f) => f.repeatOf !== undefined),
          rated: n((f) => f.rating !== undefined),
          ratingSum: u.reduce((s, f) => s + (f.rating ?? 0), 0)
        }
      })
      expect(UnitRating.count(fs, q)).toEqual(expected)
    }
  )

  test.prop([facts(), periods, instant])("sums add up across levels: mahallas to districts; inspectors never exceed their district's appeals", (fs, ps, asOf) => {
    const at = (level: UnitRating.Level) => UnitRating.count(fs, { level, area: { all: true }, interval: ps.current, asOf })
    const districtOf = (m: string) => mahallas.find((x) => x.mahallaCode === m)!.districtCode
    const districts = at("district")
    const sums = new Map<string, Record<string, number>>()
    for (const r of at("mahalla")) {
      const d = districtOf(r.code)
      const s = sums.get(d) ?? Object.fromEntries(additive.map((k) => [k, 0]))
      for (const k of additive) s[k]! += r[k]
      sums.set(d, s)
    }
    expect(districts.map((r) => ({ code: r.code, ...Object.fromEntries(additive.map((k) => [k, r[k]])) }))).toEqual(
      [...sums.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([code, s]) => ({ code, ...s }))
    )
    const all = districts.reduce((n, r) => n + r.registered, 0)
    expect(at("inspector").reduce((n, r) => n + r.registered, 0)).toBeLessThanOrEqual(all)
  })
})

// The documented table (docs/rules/prevention.md): green/yellow bounds per indicator.
const table = {
  violated: { lower: true, green: 0.02, yellow: 0.05 },
  repeated: { lower: true, green: 0.05, yellow: 0.1 },
  satisfied: { lower: false, green: 0.6, yellow: 0.4 },
  rating: { lower: false, green: 4, yellow: 3 }
} as const
const colour = (v: number, t: { lower: boolean; green: number; yellow: number }) =>
  t.lower ? (v <= t.green ? 0 : v <= t.yellow ? 1 : 2) : v >= t.green ? 0 : v >= t.yellow ? 1 : 2

const row = fc
  .record({
    registered: fc.nat(200),
    answered: fc.nat(200),
    satisfied: fc.nat(200),
    rejected: fc.nat(200),
    violated: fc.nat(200),
    repeated: fc.nat(200),
    rated: fc.nat(60),
    mean: fc.integer({ min: 10, max: 50 })
  })
  .map((r) => {
    const answered = Math.min(r.answered, r.registered)
    const satisfied = Math.min(r.satisfied, answered)
    const rejected = Math.min(r.rejected, answered - satisfied)
    return {
      level: "mahalla" as const,
      code: "M1",
      registered: r.registered,
      answered,
      satisfied,
      explained: answered - satisfied - rejected,
      rejected,
      violated: Math.min(r.violated, r.registered),
      repeated: Math.min(r.repeated, r.registered),
      rated: r.rated,
      ratingSum: Math.round((r.rated * r.mean) / 10)
    }
  })

describe("ranks follow the documented thresholds", () => {
  test.prop([row])("the rank is the worst colour of the ranked indicators; too few appeals: unranked", (r) => {
    const u = UnitRating.rate(r)
    if (r.registered < 10) {
      expect(u.rank).toBe("unranked")
      return
    }
    const colours = [colour(r.violated / r.registered, table.violated), colour(r.repeated / r.registered, table.repeated)]
    if (r.answered > 0) colours.push(colour(r.satisfied / r.answered, table.satisfied))
    if (r.rated >= 5) colours.push(colour(r.ratingSum / r.rated, table.rating))
    expect(u.rank).toBe(["green", "yellow", "red"][Math.max(...colours)])
    expect(u.reasons.length).toBe(colours.filter((c) => c > 0).length)
  })

  for (const ex of ratingExamples) {
    test(`${ex.name} (fixtures/prevention.ts)`, () => {
      expect(UnitRating.rate(ex.row).rank).toBe(ex.expect)
    })
  }

  test("settings replace the thresholds: a rejected share may rank when an operator sets it", () => {
    const settings = { ...UnitRating.defaultSettings, thresholds: { ...UnitRating.defaultSettings.thresholds, rejected: { direction: "lowerIsBetter" as const, green: 0.1, yellow: 0.2 } } }
    const r = { level: "district" as const, code: "D1", registered: 50, answered: 50, satisfied: 30, explained: 5, rejected: 15, violated: 0, repeated: 0, rated: 0, ratingSum: 0 }
    expect(UnitRating.rate(r).rank).toBe("green")
    expect(UnitRating.rate(r, settings).rank).toBe("red")
  })
})
