/**
 * The one home of local time (internal/localTime.ts). Oracles: hand-counted cases, and the host's
 * `Date` UTC calendar applied to the instant shifted by +5 hours (independent of the integer
 * arithmetic under test, and of the host's time zone).
 */
import { fc, test } from "@fast-check/vitest"
import { describe, expect } from "vitest"
import { IdGenerator } from "../src/index.js"
import * as localTime from "../src/internal/localTime.js"

const H = 3_600_000
const from = Date.UTC(1992, 0, 1)
const to = Date.UTC(2200, 11, 31)
const shifted = (ms: number) => new Date(ms + 5 * H)

describe("localTime", () => {
  test.prop([fc.integer({ min: from, max: to })])("local day, time of day and year agree with Date on the instant shifted by +05:00", (ms) => {
    const d = shifted(ms)
    expect(localTime.isoFromDay(localTime.localDay(ms))).toBe(d.toISOString().slice(0, 10))
    expect(localTime.localTimeOfDay(ms)).toBe(d.getUTCHours() * H + d.getUTCMinutes() * 60_000 + d.getUTCSeconds() * 1000 + d.getUTCMilliseconds())
    expect(localTime.localYear(ms)).toBe(d.getUTCFullYear())
    expect(localTime.weekday(localTime.localDay(ms))).toBe(d.getUTCDay() === 0 ? 7 : d.getUTCDay())
  })

  test.prop([fc.integer({ min: from, max: to })])("formatInstant and parseInstant round-trip to the second", (ms) => {
    const text = localTime.formatInstant(ms)
    expect(text.endsWith("+05:00")).toBe(true)
    expect(localTime.parseInstant(text)).toBe(Math.floor(ms / 1000) * 1000)
    expect(localTime.instantOf(localTime.localDay(ms), localTime.localTimeOfDay(ms))).toBe(ms)
  })

  test.prop([fc.integer({ min: from, max: to })])("an instant as toISOString writes it reads as Date reads it", (ms) => {
    expect(localTime.parseInstant(new Date(ms).toISOString())).toBe(ms)
  })

  // The two usual forms with any digits, valid or not: the oracle is Date.UTC on the fields, with
  // the calendar's limits checked through Date (a day past the month's end, hour 24 only at 24:00:00.000).
  const digits = (n: number) => fc.integer({ min: 0, max: 10 ** n - 1 }).map((x) => String(x).padStart(n, "0"))
  test.prop([digits(4).filter((y) => Number(y) >= 1000), digits(2), digits(2), digits(2), digits(2), digits(2), digits(3), fc.boolean()])(
    "the usual forms with any digits: Date.UTC on the fields when they are a real time, else undefined",
    (y, mo, d, hh, mi, ss, frac, utc) => {
      const text = utc ? `${y}-${mo}-${d}T${hh}:${mi}:${ss}.${frac}Z` : `${y}-${mo}-${d}T${hh}:${mi}:${ss}+05:00`
      const [Y, M, D, h, m, s, f] = [y, mo, d, hh, mi, ss, utc ? frac : "0"].map(Number) as [number, number, number, number, number, number, number]
      const daysInMonth = M >= 1 && M <= 12 ? new Date(Date.UTC(Y, M, 0)).getUTCDate() : 0
      const real = M >= 1 && M <= 12 && D >= 1 && D <= daysInMonth && m <= 59 && s <= 59 && (h < 24 || (h === 24 && m === 0 && s === 0 && f === 0))
      expect(localTime.parseInstant(text)).toBe(real ? Date.UTC(Y, M - 1, D, h, m, s, f) - (utc ? 0 : 5 * H) : undefined)
    }
  )

  test("hand-counted cases", () => {
    // 19:00Z on 31 Dec is midnight in Tashkent: the new year has begun there.
    expect(IdGenerator.tashkentYear("2025-12-31T19:00:00Z")).toBe(2026)
    expect(IdGenerator.tashkentYear("2025-12-31T18:59:59Z")).toBe(2025)
    // No offset: Tashkent time, whatever the host's zone.
    expect(IdGenerator.tashkentYear("2026-01-01T00:30:00")).toBe(2026)
    expect(IdGenerator.tashkentYear("not a time")).toBeNaN()
    expect(localTime.parseInstant("2026-03-20T10:00:00")).toBe(Date.UTC(2026, 2, 20, 5))
    expect(localTime.parseInstant("2026-02-29T10:00:00+05:00")).toBeUndefined()
    // Forms beside the usual two: spaces around, other offsets, other fractions, no seconds.
    expect(localTime.parseInstant(" 2026-03-20T05:00:00.000Z ")).toBe(Date.UTC(2026, 2, 20, 5))
    expect(localTime.parseInstant("2026-03-20T10:00:00.5+05:00")).toBe(Date.UTC(2026, 2, 20, 5, 0, 0, 500))
    expect(localTime.parseInstant("2026-03-20T07:00:00+02:00")).toBe(Date.UTC(2026, 2, 20, 5))
    expect(localTime.parseInstant("2026-03-20T05:00Z")).toBe(Date.UTC(2026, 2, 20, 5))
    expect(localTime.parseInstant("2026-03-20T05:00:00.000z")).toBeUndefined()
    expect(localTime.parseInstant("2026-03-20T05:00:00.0a0Z")).toBeUndefined()
    expect(localTime.parseInstant("2024-02-29T24:00:00.000Z")).toBe(Date.UTC(2024, 2, 1))
    expect(localTime.parseInstant("2024-02-29T24:00:00.001Z")).toBeUndefined()
    // Months the Civil Code way, on the local date: 31 Jan + 1 month = 28 Feb.
    expect(localTime.formatInstant(localTime.addMonthsToInstant(Date.parse("2026-01-31T10:00:00+05:00"), 1))).toBe("2026-02-28T10:00:00+05:00")
    // 31 Mar 01:00 in Tashkent is still 30 Mar in UTC: the local date decides (30 Apr, not 1 May).
    expect(localTime.formatInstant(localTime.addMonthsToInstant(Date.parse("2026-03-31T01:00:00+05:00"), 1))).toBe("2026-04-30T01:00:00+05:00")
    expect(localTime.formatInstant(localTime.addMonthsToInstant(Date.parse("2024-02-29T12:00:00+05:00"), 12))).toBe("2025-02-28T12:00:00+05:00")
    expect(localTime.msOfHhmm("18:30")).toBe(18.5 * H)
  })
})
