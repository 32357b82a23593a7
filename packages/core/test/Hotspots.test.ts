// Hotspots: counts add up across levels and periods; the rise test's p-value is the exact binomial
// tail (an independent oracle in exact rational arithmetic); the correction is Benjamini–Hochberg's
// step-up rule (written from its definition); and on generated data without a rise the test keeps
// its false-positive rate, within a binomial tolerance.
import { fc, test } from "@fast-check/vitest"
import { describe, expect } from "vitest"
import type * as AppealFact from "../src/AppealFact.js"
import * as Hotspots from "../src/Hotspots.js"
import { hotspotExamples, hotspotPeriods } from "./fixtures/prevention.js"
import { areas, facts, mahallas, periods, poisson, rng } from "./support/facts.js"

// ---------------------------------------------------------------------------------------------
// Oracles
// ---------------------------------------------------------------------------------------------

const choose = (n: number, k: number): bigint => {
  let r = 1n
  for (let i = 0; i < k; i++) r = (r * BigInt(n - i)) / BigInt(i + 1)
  return r
}

// P(X ≥ k), X ~ Binomial(n, a / (a + b)), exactly: Σ C(n, i) aⁱ bⁿ⁻ⁱ / (a + b)ⁿ, as a float at the end.
const exactTail = (k: number, n: number, a: number, b: number): number => {
  let num = 0n
  for (let i = Math.max(0, k); i <= n; i++) num += choose(n, i) * BigInt(a) ** BigInt(i) * BigInt(b) ** BigInt(n - i)
  const den = BigInt(a + b) ** BigInt(n)
  // Scale to keep 18 significant digits through the division.
  const scale = 10n ** 18n
  return Number((num * scale) / den) / 1e18
}

// Benjamini–Hochberg from its definition: reject the k smallest, k the largest with p(k) ≤ k·α/m.
const bhRejects = (ps: ReadonlyArray<number>, alpha: number): ReadonlySet<number> => {
  const m = ps.length
  const order = ps.map((p, i) => [p, i] as const).sort((x, y) => x[0] - y[0])
  let k = 0
  order.forEach(([p], r) => {
    if (p <= ((r + 1) * alpha) / m) k = r + 1
  })
  return new Set(order.slice(0, k).map(([, i]) => i))
}

// ---------------------------------------------------------------------------------------------
// The test and the correction
// ---------------------------------------------------------------------------------------------

describe("the rise test", () => {
  test.prop([fc.integer({ min: 0, max: 80 }), fc.integer({ min: 0, max: 80 }), fc.integer({ min: 1, max: 92 }), fc.integer({ min: 1, max: 92 })])(
    "its p-value is the exact binomial tail P(X ≥ current), X ~ Binomial(current + previous, t₁ / (t₁ + t₀))",
    (c, p, t1, t0) => {
      const expected = exactTail(c, c + p, t1, t0)
      const got = Hotspots.pValue(c, p, t1, t0)
      expect(Math.abs(got - expected)).toBeLessThanOrEqual(1e-10 + 1e-9 * expected)
    }
  )

  test("the worked example of docs/rules/prevention.md (fixtures/prevention.ts), counted by hand", () => {
    const rows = hotspotExamples.map((e, i) => ({ level: "mahalla" as const, code: `M${i + 1}`, category: "domesticViolence", current: e.current, previous: e.previous }))
    const r = Hotspots.report(rows, hotspotPeriods)
    hotspotExamples.forEach((e, i) => {
      const c = r.cells[i]!
      expect(c.pValue === null ? null : Math.round(c.pValue * 10_000) / 10_000, e.name).toBe(e.pValue)
      expect(c.rise, e.name).toBe(e.rise)
    })
  })

  test("hand-counted p-values", () => {
    // 3 then 0 in equal periods: (1/2)³; 0 appeals now: certain.
    expect(Hotspots.pValue(3, 0, 30, 30)).toBeCloseTo(0.125, 12)
    expect(Hotspots.pValue(0, 7, 30, 31)).toBe(1)
    // 10 then 0 over 31 and 28 days: (31/59)¹⁰.
    expect(Hotspots.pValue(10, 0, 31, 28)).toBeCloseTo((31 / 59) ** 10, 12)
  })

  test.prop([fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { maxLength: 60 }), fc.constantFrom(0.01, 0.05, 0.1, 0.2)])(
    "rejecting q ≤ α is Benjamini–Hochberg's step-up rule",
    (ps, alpha) => {
      const q = Hotspots.adjust(ps)
      const rejected = new Set(q.flatMap((x, i) => (x <= alpha ? [i] : [])))
      expect(rejected).toEqual(bhRejects(ps, alpha))
      q.forEach((x, i) => expect(x).toBeGreaterThanOrEqual(ps[i]!))
    }
  )

  test.prop([fc.array(fc.record({ code: fc.constantFrom("M1", "M2", "M3", "M4"), category: fc.constantFrom("a", "b", "c"), current: fc.nat(60), previous: fc.nat(60) }), { maxLength: 12 }), periods])(
    "a cell is a rise exactly when it is tested, its q-value is at most fdr, and its rate ratio at least minRatio",
    (raw, ps) => {
      const seen = new Set<string>()
      const rows = raw.filter((r) => !seen.has(r.code + r.category) && seen.add(r.code + r.category)).map((r) => ({ level: "mahalla" as const, ...r }))
      const settings = Hotspots.defaultSettings
      const r = Hotspots.report(rows, ps, settings)
      const days = (i: { from: string; to: string }) => (Date.parse(i.to) - Date.parse(i.from)) / 86_400_000
      const t1 = days(ps.current)
      const t0 = days(ps.previous)
      const tested = r.cells.filter((c) => c.current + c.previous >= settings.minTotal)
      const rejects = bhRejects(tested.map((c) => exactTail(c.current, c.current + c.previous, Math.round(t1 * 1440), Math.round(t0 * 1440))), settings.fdr)
      const expected = tested.filter((c, i) => rejects.has(i) && (c.previous === 0 || c.current / t1 / (c.previous / t0) >= settings.minRatio))
      expect(r.rises.map((c) => c.code + c.category).sort()).toEqual(expected.map((c) => c.code + c.category).sort())
      expect(r.tested).toBe(tested.length)
    }
  )
})

// ---------------------------------------------------------------------------------------------
// False positives on data without a rise
// ---------------------------------------------------------------------------------------------

describe("on generated data without a rise", () => {
  // Places whose two periods have the same rate per day (their lengths differ, as months do).
  const nullData = (seed: number, places: number) => {
    const random = rng(seed)
    const t0 = 28 + Math.floor(random() * 4)
    const t1 = 28 + Math.floor(random() * 4)
    const rows = Array.from({ length: places }, (_, i) => {
      const perDay = 0.05 + random() * 1.2
      return { level: "mahalla" as const, code: `M${i}`, category: "fraud", current: poisson(random, perDay * t1), previous: poisson(random, perDay * t0) }
    })
    const day = Date.UTC(2026, 2, 1)
    return {
      rows,
      periods: {
        previous: { from: new Date(day - t0 * 86_400_000).toISOString(), to: new Date(day).toISOString() },
        current: { from: new Date(day).toISOString(), to: new Date(day + t1 * 86_400_000).toISOString() }
      },
      t0,
      t1
    }
  }
  // The largest count a Binomial(n, p) draw exceeds with probability at most 1 in a million.
  const upper = (n: number, p: number) => n * p + 5 * Math.sqrt(n * p * (1 - p))

  test.prop([fc.integer({ min: 1, max: 2 ** 31 - 1 })], { numRuns: 3 })(
    "each test rejects at level α no more often than α (over 20,000 generated places)",
    (seed) => {
      const alpha = 0.05
      let tests = 0
      let rejections = 0
      for (let d = 0; d < 100; d++) {
        const { rows, t0, t1 } = nullData(seed + d, 200)
        for (const r of rows) {
          if (r.current + r.previous < Hotspots.defaultSettings.minTotal) continue
          tests++
          if (Hotspots.pValue(r.current, r.previous, t1, t0) <= alpha) rejections++
        }
      }
      expect(tests).toBeGreaterThan(10_000)
      expect(rejections).toBeLessThanOrEqual(upper(tests, alpha))
    }
  )

  test.prop([fc.integer({ min: 1, max: 2 ** 31 - 1 })], { numRuns: 3 })(
    "with the correction, a data set shows any rise at all in at most fdr of data sets (400 data sets of 100 places)",
    (seed) => {
      const settings = { ...Hotspots.defaultSettings, minRatio: 1 }
      let withRise = 0
      const sets = 400
      for (let d = 0; d < sets; d++) {
        const { rows, periods: ps } = nullData(seed * 7919 + d, 100)
        if (Hotspots.report(rows, ps, settings).rises.length > 0) withRise++
      }
      expect(withRise).toBeLessThanOrEqual(upper(sets, settings.fdr))
    }
  )

  test.prop([fc.integer({ min: 1, max: 2 ** 31 - 1 })], { numRuns: 3 })("a real rise (three times the rate) among 100 steady places is found", (seed) => {
    const { rows, periods: ps } = nullData(seed, 100)
    const risen = [...rows, { level: "mahalla" as const, code: "HOT", category: "fraud", current: 60, previous: 20 }]
    expect(Hotspots.report(risen, ps).rises.map((c) => c.code)).toContain("HOT")
  })
})

// ---------------------------------------------------------------------------------------------
// Counting
// ---------------------------------------------------------------------------------------------

const parent = (code: string, to: "district" | "region") => {
  const m = mahallas.find((x) => x.mahallaCode === code || x.districtCode === code)!
  return to === "district" ? m.districtCode : m.regionCode
}

const rollUp = (rows: ReadonlyArray<Hotspots.CountRow>, to: "district" | "region") => {
  const sums = new Map<string, { code: string; category: string; current: number; previous: number }>()
  for (const r of rows) {
    const code = parent(r.code, to)
    const k = `${code}|${r.category}`
    const s = sums.get(k) ?? { code, category: r.category, current: 0, previous: 0 }
    s.current += r.current
    s.previous += r.previous
    sums.set(k, s)
  }
  return Hotspots.order([...sums.values()].map((s) => ({ level: to, ...s })))
}

// The oracle of counting: for each cell, filter the facts and count.
const naive = (fs: ReadonlyArray<AppealFact.Fact>, q: Hotspots.Query) => {
  const at = (f: AppealFact.Fact) => (q.level === "mahalla" ? f.mahallaCode : q.level === "district" ? f.districtCode : f.regionCode)
  const inArea = (f: AppealFact.Fact) =>
    "all" in q.area ? true : "regionCode" in q.area ? f.regionCode === q.area.regionCode : "districtCode" in q.area ? f.districtCode === q.area.districtCode : q.area.mahallaCodes.includes(f.mahallaCode)
  const within = (f: AppealFact.Fact, i: { from: string; to: string }) => Date.parse(i.from) <= Date.parse(f.receivedAt) && Date.parse(f.receivedAt) < Date.parse(i.to)
  const keys = [...new Set(fs.filter((f) => f.counted && inArea(f)).map((f) => `${at(f)}|${f.category}`))]
  return keys
    .map((k) => {
      const [code, category] = k.split("|") as [string, string]
      const mine = fs.filter((f) => f.counted && inArea(f) && at(f) === code && f.category === category)
      return { level: q.level, code, category, current: mine.filter((f) => within(f, q.current)).length, previous: mine.filter((f) => within(f, q.previous)).length }
    })
    .filter((r) => r.current + r.previous > 0)
    .sort((a, b) => (a.code + "|" + a.category < b.code + "|" + b.category ? -1 : 1))
}

describe("counting", () => {
  test.prop([facts(), periods, fc.constantFrom(...areas), fc.constantFrom(...Hotspots.Level.literals)])(
    "count is the naive count: counted appeals of the area, per place and category, in each period",
    (fs, ps, area, level) => {
      expect(Hotspots.count(fs, { level, area, ...ps })).toEqual(naive(fs, { level, area, ...ps }))
    }
  )

  test.prop([facts(), periods])("sums add up across levels: mahallas to districts, districts to regions", (fs, ps) => {
    const at = (level: Hotspots.Level) => Hotspots.count(fs, { level, area: { all: true }, ...ps })
    expect(rollUp(at("mahalla"), "district")).toEqual(at("district"))
    expect(rollUp(at("district"), "region")).toEqual(at("region"))
  })

  test.prop([facts(), periods])("a place's total is the sum of its categories, and shares of a place sum to 1", (fs, ps) => {
    const r = Hotspots.report(Hotspots.count(fs, { level: "district", area: { all: true }, ...ps }), ps)
    for (const t of r.totals) {
      const cells = r.cells.filter((c) => c.code === t.code)
      expect(t.current).toBe(cells.reduce((n, c) => n + c.current, 0))
      if (t.current > 0) expect(cells.reduce((n, c) => n + c.share, 0)).toBeCloseTo(1, 9)
    }
  })

  test.prop([facts(), periods])("periods partition the counts: the previous and current counts add up to the count over both", (fs, ps) => {
    const both = { from: ps.previous.from, to: ps.current.to }
    const total = (rows: ReadonlyArray<Hotspots.CountRow>, key: "current" | "previous") => rows.reduce((n, r) => n + r[key], 0)
    const split = Hotspots.count(fs, { level: "region", area: { all: true }, ...ps })
    const whole = Hotspots.count(fs, { level: "region", area: { all: true }, current: both, previous: { from: both.from, to: both.from } })
    expect(total(split, "current") + total(split, "previous")).toBe(total(whole, "current"))
  })
})
