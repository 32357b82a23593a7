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

  test("hand-counted cases", () => {
    // 19:00Z on 31 Dec is midnight in Tashkent: the new year has begun there.
    expect(IdGenerator.tashkentYear("2025-12-31T19:00:00Z")).toBe(2026)
    expect(IdGenerator.tashkentYear("2025-12-31T18:59:59Z")).toBe(2025)
    // No offset: Tashkent time, whatever the host's zone.
    expect(IdGenerator.tashkentYear("2026-01-01T00:30:00")).toBe(2026)
    expect(IdGenerator.tashkentYear("not a time")).toBeNaN()
    expect(localTime.parseInstant("2026-03-20T10:00:00")).toBe(Date.UTC(2026, 2, 20, 5))
    expect(localTime.parseInstant("2026-02-29T10:00:00+05:00")).toBeUndefined()
    // Months the Civil Code way, on the local date: 31 Jan + 1 month = 28 Feb.
    expect(localTime.formatInstant(localTime.addMonthsToInstant(Date.parse("2026-01-31T10:00:00+05:00"), 1))).toBe("2026-02-28T10:00:00+05:00")
    // 31 Mar 01:00 in Tashkent is still 30 Mar in UTC: the local date decides (30 Apr, not 1 May).
    expect(localTime.formatInstant(localTime.addMonthsToInstant(Date.parse("2026-03-31T01:00:00+05:00"), 1))).toBe("2026-04-30T01:00:00+05:00")
    expect(localTime.formatInstant(localTime.addMonthsToInstant(Date.parse("2024-02-29T12:00:00+05:00"), 12))).toBe("2025-02-28T12:00:00+05:00")
    expect(localTime.msOfHhmm("18:30")).toBe(18.5 * H)
  })
})
