// Reporting periods partition time: checked against an independent oracle built on the host's
// Date in UTC, shifted by Tashkent's fixed +5 hours (not the core's day arithmetic).
import { fc, test } from "@fast-check/vitest"
import { Option } from "effect"
import { describe, expect } from "vitest"
import * as ReportPeriod from "../src/ReportPeriod.js"

const H5 = 5 * 3_600_000
const units = ReportPeriod.Unit.literals

// The oracle: the label and the bounds of the period holding an instant, from Date.UTC.
const oracle = (unit: ReportPeriod.Unit, ms: number): { label: string; from: number; to: number } => {
  const local = new Date(ms + H5)
  const y = local.getUTCFullYear()
  const m = local.getUTCMonth()
  const d = local.getUTCDate()
  const at = (yy: number, mm: number, dd: number) => Date.UTC(yy, mm, dd) - H5
  const p2 = (n: number) => String(n).padStart(2, "0")
  switch (unit) {
    case "day":
      return { label: `${y}-${p2(m + 1)}-${p2(d)}`, from: at(y, m, d), to: at(y, m, d + 1) }
    case "month":
      return { label: `${y}-${p2(m + 1)}`, from: at(y, m, 1), to: at(y, m + 1, 1) }
    case "quarter": {
      const q = Math.floor(m / 3)
      return { label: `${y}-Q${q + 1}`, from: at(y, q * 3, 1), to: at(y, q * 3 + 3, 1) }
    }
    case "year":
      return { label: `${y}`, from: at(y, 0, 1), to: at(y + 1, 0, 1) }
    case "week": {
      // ISO 8601: weeks start on Monday; week 1 holds the year's first Thursday.
      const dow = (local.getUTCDay() + 6) % 7
      const monday = at(y, m, d - dow)
      const thursday = new Date(monday + H5 + 3 * 86_400_000)
      const wy = thursday.getUTCFullYear()
      const jan1 = Date.UTC(wy, 0, 1)
      const week = Math.floor((thursday.getTime() - jan1) / (7 * 86_400_000)) + 1
      return { label: `${wy}-W${p2(week)}`, from: monday, to: monday + 7 * 86_400_000 }
    }
  }
}

const instant = fc.integer({ min: Date.UTC(1993, 0, 2), max: Date.UTC(2199, 11, 30) })
const unit = fc.constantFrom(...units)
const ms = (iso: string) => Date.parse(iso)

describe("periods", () => {
  test.prop([unit, instant])("the period holding an instant is the oracle's: same label and bounds, and it holds the instant", (u, t) => {
    const p = Option.getOrThrow(ReportPeriod.containing(u, new Date(t).toISOString()))
    const o = oracle(u, t)
    expect({ label: p.label, from: ms(p.from), to: ms(p.to) }).toEqual(o)
    expect(ms(p.from) <= t && t < ms(p.to)).toBe(true)
    expect(p.days).toBe(Math.round((o.to - o.from) / 86_400_000))
  })

  test.prop([unit, instant])("consecutive periods tile time: next begins where this ends, previous ends where this begins", (u, t) => {
    const p = Option.getOrThrow(ReportPeriod.containing(u, new Date(t).toISOString()))
    expect(ReportPeriod.next(p).from).toBe(p.to)
    expect(ReportPeriod.previous(p).to).toBe(p.from)
    expect(ReportPeriod.previous(ReportPeriod.next(p))).toEqual(p)
  })

  test.prop([unit, instant])("a label names its period again", (u, t) => {
    const p = Option.getOrThrow(ReportPeriod.containing(u, new Date(t).toISOString()))
    expect(ReportPeriod.fromLabel(p.label)).toEqual(Option.some(p))
  })

  test.prop([unit, instant, fc.integer({ min: 1, max: 400 * 86_400_000 })])(
    "covering an interval gives contiguous periods whose union holds it, each touching it",
    (u, t, length) => {
      const interval = { from: new Date(t).toISOString(), to: new Date(t + length).toISOString() }
      const ps = ReportPeriod.covering(u, interval)
      expect(ps.length).toBeGreaterThan(0)
      expect(ms(ps[0]!.from) <= t).toBe(true)
      expect(ms(ps[ps.length - 1]!.to) >= t + length).toBe(true)
      for (let i = 1; i < ps.length; i++) expect(ps[i]!.from).toBe(ps[i - 1]!.to)
      for (const p of ps) expect(ms(p.from) < t + length && ms(p.to) > t).toBe(true)
    }
  )

  test.prop([unit, fc.array(instant, { minLength: 1, maxLength: 50 }), instant, fc.integer({ min: 1, max: 800 * 86_400_000 })])(
    "counting over the covering periods adds up to counting over their union",
    (u, times, start, length) => {
      const ps = ReportPeriod.covering(u, { from: new Date(start).toISOString(), to: new Date(start + length).toISOString() })
      const union = { from: ps[0]!.from, to: ps[ps.length - 1]!.to }
      const iso = times.map((t) => new Date(t).toISOString())
      const inUnion = iso.filter((t) => ReportPeriod.includes(union, t)).length
      const sum = ps.reduce((n, p) => n + iso.filter((t) => ReportPeriod.includes(p, t)).length, 0)
      expect(sum).toBe(inUnion)
    }
  )

  test("labels that name no period are refused", () => {
    for (const bad of ["2026-13", "2026-00", "2026-02-29", "2026-Q0", "2026-Q5", "2025-W53", "2026-W54", "2026-W00", "26", "2026-3", "1980"]) {
      expect(Option.isNone(ReportPeriod.fromLabel(bad)), bad).toBe(true)
    }
    // 2026 starts on a Thursday, so it has a week 53; 2024-02-29 exists.
    expect(Option.isSome(ReportPeriod.fromLabel("2026-W53"))).toBe(true)
    expect(Option.isSome(ReportPeriod.fromLabel("2024-02-29"))).toBe(true)
  })

  test("hand-counted periods", () => {
    const q1 = Option.getOrThrow(ReportPeriod.fromLabel("2026-Q1"))
    expect([q1.from, q1.to, q1.days]).toEqual(["2026-01-01T00:00:00+05:00", "2026-04-01T00:00:00+05:00", 90])
    const feb = Option.getOrThrow(ReportPeriod.fromLabel("2024-02"))
    expect(feb.days).toBe(29)
    expect(Option.getOrThrow(ReportPeriod.fromLabel("2021-W01")).from).toBe("2021-01-04T00:00:00+05:00")
  })
})
