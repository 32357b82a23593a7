import { fc, test } from "@fast-check/vitest"
import { Either, Schema } from "effect"
import { describe, expect, it } from "vitest"
import { Calendar, Errors } from "@murojaat/core"

const cal = Calendar.uzbekistan
const day = (iso: string) => Calendar.dayFromIso(iso)!

/** Non-working days (beyond ordinary weekends) of the shipped data, checked against the decrees. */
const expectedOff: ReadonlyArray<readonly [string, "fiveDay" | "sixDay" | "both", string]> = [
  ["2025-01-01", "both", "New Year"],
  ["2025-01-02", "both", "5-day: moved from Sat 4 Jan; 6-day: extra day"],
  ["2025-03-08", "both", "Women's Day (Saturday)"],
  ["2025-03-10", "fiveDay", "Art. 208: Sat 8 Mar holiday"],
  ["2025-03-21", "both", "Navroʻz"],
  ["2025-03-30", "both", "Ramazon hayiti (Sunday)"],
  ["2025-03-31", "both", "Art. 208: Sun 30 Mar"],
  ["2025-05-09", "both", "Day of Remembrance"],
  ["2025-06-06", "both", "Qurbon hayiti"],
  ["2025-06-07", "both", "6-day: extra day off; 5-day: Saturday"],
  ["2025-09-01", "both", "Independence Day"],
  ["2025-10-01", "both", "Teachers' Day"],
  ["2025-12-08", "both", "Constitution Day"],
  ["2025-12-31", "both", "PF-257"],
  ["2026-01-01", "both", "New Year"],
  ["2026-01-02", "both", "PF-257"],
  ["2026-01-03", "both", "6-day: PF-257; 5-day: Saturday"],
  ["2026-03-09", "both", "moved from Sun 8 Mar"],
  ["2026-03-20", "both", "Ramazon hayiti"],
  ["2026-03-21", "both", "Navroʻz"],
  ["2026-03-23", "fiveDay", "moved from Sat 21 Mar"],
  ["2026-05-11", "fiveDay", "moved from Sat 9 May"],
  ["2026-05-09", "both", "Day of Remembrance (Saturday)"],
  ["2026-05-27", "both", "Qurbon hayiti"],
  ["2026-05-28", "both", "PF-257"],
  ["2026-05-29", "both", "PF-257"],
  ["2026-05-30", "both", "6-day: PF-257"],
  ["2026-08-31", "both", "PF-257"],
  ["2026-09-01", "both", "Independence Day"],
  ["2026-10-01", "both", "Teachers' Day"],
  ["2026-12-08", "both", "Constitution Day"],
  ["2026-12-31", "both", "5-day: moved from Sat 12 Dec; 6-day: PF-257"]
]
const expectedWorked: ReadonlyArray<readonly [string, "fiveDay" | "sixDay", string]> = [
  ["2025-01-04", "fiveDay", "worked Saturday for 2 Jan"],
  ["2026-12-12", "fiveDay", "worked Saturday for 31 Dec"],
  ["2026-03-23", "sixDay", "Navroʻz fell on a working Saturday: nothing moves"],
  ["2026-05-11", "sixDay", "9 May fell on a working Saturday: nothing moves"],
  ["2025-03-10", "sixDay", "8 Mar fell on a working Saturday: nothing moves"]
]

describe("Calendar: the shipped 2025 and 2026 data", () => {
  it.each(expectedOff)("%s is off (%s): %s", (date, weeks) => {
    for (const w of Calendar.weekTypes) if (weeks === "both" || weeks === w) expect(Calendar.isWorkingDay(cal, date, w), `${date} ${w}`).toBe(false)
  })
  it.each(expectedWorked)("%s is worked in the %s week: %s", (date, week) => {
    expect(Calendar.isWorkingDay(cal, date, week)).toBe(true)
  })

  it("lists no other day off than weekends and the expected ones", () => {
    for (const year of [2025, 2026])
      for (const w of Calendar.weekTypes) {
        const special = Calendar.daysOff(cal, year, w)
          .filter((d) => !Calendar.isWeeklyRestDay(Calendar.weekday(day(d.date)), w))
          .map((d) => d.date)
        const expected = expectedOff
          .filter(([d, weeks]) => (weeks === "both" || weeks === w) && d.startsWith(String(year)) && !Calendar.isWeeklyRestDay(Calendar.weekday(day(d)), w))
          .map(([d]) => d)
        expect(special, `${year} ${w}`).toEqual(expected)
      }
  })

  it("contains every transfer Labour Code Art. 208 requires", () => {
    for (const year of cal.data.years)
      for (const w of Calendar.weekTypes) {
        const holidays = [
          ...cal.data.fixedHolidays.map((h) => Calendar.dayFromCivil(year.year, h.month, h.day)),
          ...year.entries.filter((e) => e.kind === "holiday" && e.weeks.includes(w)).map((e) => day(e.date))
        ]
        for (const t of Calendar.labourCodeTransfers(holidays, w))
          expect(Calendar.isWorkingDay(cal, Calendar.isoFromDay(t.to), w), `${year.year} ${w}: ${Calendar.isoFromDay(t.from)} -> ${Calendar.isoFromDay(t.to)}`).toBe(false)
      }
  })

  it("names every entry's source; unconfirmed facts say so", () => {
    for (const y of cal.data.years) {
      expect(y.source.length).toBeGreaterThan(10)
      for (const e of y.entries) expect(e.source.length, e.date).toBeGreaterThan(10)
    }
    expect(cal.data.years.find((y) => y.year === 2025)!.note).toMatch(/not confirmed/)
  })

  it("explains why a day is off", () => {
    expect(Calendar.reasons(cal, "2026-03-23", "fiveDay")).toEqual([
      expect.objectContaining({ kind: "transferredDayOff", from: "2026-03-21" })
    ])
    expect(Calendar.reasons(cal, "2026-03-21", "fiveDay").map((r) => r.kind)).toEqual(["holiday", "weeklyRestDay"])
    expect(Calendar.reasons(cal, "2026-12-12", "fiveDay").map((r) => r.kind)).toEqual(["workingDay"])
    expect(Calendar.reasons(cal, "2026-03-17", "fiveDay")).toEqual([])
  })

  it("treats years without a decree as provisional: fixed holidays and Art. 208 only", () => {
    expect(Calendar.isCovered(cal, "2027-03-22")).toBe(false)
    // 21 Mar 2027 is a Sunday: Art. 208 moves the rest day to Mon 22 Mar in both weeks.
    expect(Calendar.isWorkingDay(cal, "2027-03-22", "fiveDay")).toBe(false)
    expect(Calendar.isWorkingDay(cal, "2027-03-22", "sixDay")).toBe(false)
    // Far outside the compiled span the slow path gives the same answers.
    expect(Calendar.isWorkingDay(cal, "2040-01-01", "fiveDay")).toBe(false)
    expect(Calendar.isWorkingDay(cal, "2040-01-03", "fiveDay")).toBe(true)
  })
})

describe("Calendar: day arithmetic", () => {
  test.prop([fc.integer({ min: -200_000, max: 200_000 })])("day numbers round-trip through civil dates and ISO", (n) => {
    const [y, m, d] = Calendar.civilFromDay(n)
    expect(Calendar.dayFromCivil(y, m, d)).toBe(n)
    if (y >= 1000 && y <= 9999) expect(Calendar.dayFromIso(Calendar.isoFromDay(n))).toBe(n)
  })

  test.prop([fc.date({ min: new Date("1990-01-01T00:00:00Z"), max: new Date("2100-01-01T00:00:00Z"), noInvalidDate: true })])(
    "instants round-trip through +05:00 text and agree with Date",
    (date) => {
      const ms = Math.floor(date.getTime() / 1000) * 1000
      expect(Calendar.parseInstant(Calendar.formatInstant(ms))).toBe(ms)
      expect(Calendar.parseInstant(new Date(ms).toISOString())).toBe(ms)
      expect(Calendar.isoFromDay(Calendar.localDay(ms))).toBe(new Date(ms + 5 * 3_600_000).toISOString().slice(0, 10))
    }
  )

  it("rejects impossible dates and times", () => {
    expect(Calendar.dayFromIso("2026-02-29")).toBeUndefined()
    expect(Calendar.dayFromIso("2024-02-29")).toBe(Calendar.dayFromCivil(2024, 2, 29))
    expect(Calendar.parseInstant("2026-03-20T25:00")).toBeUndefined()
    expect(Calendar.parseInstant("yesterday")).toBeUndefined()
    expect(Calendar.parseInstant("2026-03-20T10:00")).toBe(Date.UTC(2026, 2, 20, 5, 0))
  })

  it("adds months the Civil Code way", () => {
    expect(Calendar.isoFromDay(Calendar.addMonths(day("2026-01-31"), 1))).toBe("2026-02-28")
    expect(Calendar.isoFromDay(Calendar.addMonths(day("2024-01-31"), 1))).toBe("2024-02-29")
    expect(Calendar.isoFromDay(Calendar.addMonths(day("2026-11-30"), 2))).toBe("2027-01-30")
  })

  test.prop([fc.integer({ min: Calendar.dayFromCivil(2024, 6, 1), max: Calendar.dayFromCivil(2027, 6, 1) }), fc.integer({ min: 1, max: 400 }), fc.constantFrom(...Calendar.weekTypes)])(
    "adding working days and counting them agree with a day-by-day walk",
    (from, n, week) => {
      const date = Calendar.isoFromDay(from)
      let d = from
      let left = n
      while (left > 0) {
        d++
        if (Calendar.isWorkingDay(cal, Calendar.isoFromDay(d), week)) left--
      }
      const fast = Calendar.addWorkingDays(cal, date, n, week)
      expect(fast).toBe(Calendar.isoFromDay(d))
      expect(Calendar.isWorkingDay(cal, fast, week)).toBe(true)
      expect(Calendar.workingDaysBetween(cal, Calendar.isoFromDay(from + 1), Calendar.isoFromDay(d + 1), week)).toBe(n)
      expect(Calendar.previousWorkingDay(cal, fast, week)).toBe(fast)
      expect(Calendar.nextWorkingDay(cal, Calendar.isoFromDay(from + 1), week) <= fast).toBe(true)
    }
  )
})

// ---------------------------------------------------------------------------------------------
// Validation
// ---------------------------------------------------------------------------------------------

const base = (): Calendar.CalendarData => ({ id: "test", timeZone: "Asia/Tashkent", fixedHolidays: [], years: [] })
const year = (y: number, entries: ReadonlyArray<Calendar.Entry>): Calendar.Year => ({ year: y, source: "test decree", entries })
const entry = (date: string, kind: Calendar.EntryKind, weeks: Calendar.Entry["weeks"] = ["fiveDay", "sixDay"]): Calendar.Entry => ({
  date,
  kind,
  weeks,
  name: kind,
  source: "test"
})

const rejected = (input: unknown): Errors.InvalidCalendar => {
  const r = Calendar.decode(input)
  if (Either.isRight(r)) throw new Error("expected a rejection")
  return r.left
}

describe("Calendar: validation rejects impossible data with clear errors", () => {
  it("a date that does not exist", () => {
    const e = rejected({ ...base(), years: [year(2026, [entry("2026-02-30", "extraDayOff")])] })
    expect(e._tag).toBe("InvalidCalendar")
    expect(e.issues.map((i) => i.path)).toContain("years.0.entries.0.date")
  })
  it("a date outside its year", () => {
    const e = rejected({ ...base(), years: [year(2026, [entry("2027-01-04", "extraDayOff")])] })
    expect(e.issues[0]!.detail).toBe("2027-01-04 is not in 2026")
    expect(e.message).toMatch(/^Invalid calendar test: years\.0\.entries\.0\.date/)
    expect(Errors.messages(e)["uz-Latn"]).toMatch(/taqvimi notoʻgʻri/)
    expect(Errors.messages(e)["uz-Cyrl"]).toMatch(/тақвими нотўғри/)
    expect(Errors.messages(e).ru).toMatch(/Неверный календарь/)
  })
  it("a worked day that is already a working day", () => {
    const e = rejected({ ...base(), years: [year(2026, [entry("2026-03-18", "workingDay", ["fiveDay"])])] })
    expect(e.issues[0]!.detail).toMatch(/already a working day/)
  })
  it("a Saturday worked in the 6-day week (it already is)", () => {
    const e = rejected({ ...base(), years: [year(2026, [entry("2026-12-12", "workingDay", ["sixDay"])])] })
    expect(e.issues[0]!.detail).toMatch(/already a working day in the sixDay week/)
  })
  it("an extra day off on a Sunday", () => {
    const e = rejected({ ...base(), years: [year(2026, [entry("2026-03-22", "extraDayOff")])] })
    expect(e.issues.some((i) => /already a weekly rest day/.test(i.detail))).toBe(true)
  })
  it("one date both worked and off", () => {
    const e = rejected({ ...base(), years: [year(2026, [entry("2026-12-12", "workingDay", ["fiveDay"]), entry("2026-12-12", "holiday", ["fiveDay"])])] })
    expect(e.issues.some((i) => /both a working day and a day off/.test(i.detail))).toBe(true)
  })
  it("a fixed holiday made a working day", () => {
    const e = rejected({ ...base(), fixedHolidays: [{ month: 3, day: 21, name: "Navroʻz", source: "LC" }], years: [year(2026, [entry("2026-03-21", "workingDay", ["fiveDay"])])] })
    expect(e.issues.some((i) => /fixed holiday/.test(i.detail))).toBe(true)
  })
  it("the same year twice, a fixed holiday on 30 Feb", () => {
    const e = rejected({ ...base(), fixedHolidays: [{ month: 2, day: 30, name: "x", source: "y" }], years: [year(2026, []), year(2026, [])] })
    expect(e.issues.map((i) => i.path).sort()).toEqual(["fixedHolidays.0", "years.1.year"])
  })
  it("a wrong time zone, an unknown week type, an unknown field", () => {
    const e = rejected({ ...base(), timeZone: "Europe/Moscow", extra: 1, years: [year(2026, [entry("2026-03-18", "extraDayOff", ["fourDay" as "fiveDay"])])] })
    const paths = e.issues.map((i) => i.path)
    expect(paths).toContain("timeZone")
    expect(paths).toContain("extra")
    expect(paths.some((p) => p.startsWith("years.0.entries.0.weeks"))).toBe(true)
  })
  it("text that is not JSON", () => {
    const r = Calendar.decodeJson("{ not json")
    expect(Either.isLeft(r) && r.left.issues[0]!.problem).toBe("wrongType")
  })
  it("the catalogue lists InvalidCalendar", () => {
    expect(Errors.catalogue.map((c) => c.code)).toContain("InvalidCalendar")
  })
})

// ---------------------------------------------------------------------------------------------
// JSON round-trip and loading next year's decree
// ---------------------------------------------------------------------------------------------

/** Random valid calendar years: each date gets a kind that fits its weekday for the weeks given. */
const arbYear = (y: number) =>
  fc
    .uniqueArray(
      fc.record({ offset: fc.integer({ min: 0, max: 364 }), pick: fc.nat(), name: fc.string({ maxLength: 12 }).map((n) => `entry ${n}`) }),
      { selector: (r) => r.offset, maxLength: 25 }
    )
    .map((rows) => {
      const entries: Array<Calendar.Entry> = []
      for (const r of rows) {
        const d = Calendar.dayFromCivil(y, 1, 1) + r.offset
        const wd = Calendar.weekday(d)
        const date = Calendar.isoFromDay(d)
        if (wd === 6) {
          // Saturday: worked in the 5-day week, or an extra day off in the 6-day week.
          if (r.pick % 2 === 0) entries.push({ date, kind: "workingDay", weeks: ["fiveDay"], name: r.name, source: "s" })
          else entries.push({ date, kind: "extraDayOff", weeks: ["sixDay"], name: r.name, source: "s" })
        } else if (wd === 7) entries.push({ date, kind: "workingDay", weeks: ["fiveDay", "sixDay"], name: r.name, source: "s", note: "n" })
        else entries.push({ date, kind: (["holiday", "extraDayOff", "transferredDayOff"] as const)[r.pick % 3]!, weeks: ["fiveDay", "sixDay"], name: r.name, source: "s" })
      }
      return { year: y, source: "random decree", entries } satisfies Calendar.Year
    })

const arbCalendar = fc
  .tuple(fc.subarray([2025, 2026, 2027]), fc.boolean())
  .chain(([ys, withFixed]) =>
    fc.tuple(...ys.map(arbYear)).map((years) => ({
      id: "random",
      timeZone: "Asia/Tashkent" as const,
      fixedHolidays: withFixed ? Calendar.uzbekistanData.fixedHolidays : [],
      years
    }))
  )

describe("Calendar: JSON round-trip", () => {
  it("calendars round-trip through JSON with the same days (most random calendars are valid: none passes on a rejection alone)", () => {
    let compared = 0
    fc.assert(
      fc.property(arbCalendar, (data) => {
        const made = Calendar.make(data)
        // Random data may put a working Sunday on a fixed holiday: then it must be rejected, and say why.
        if (Either.isLeft(made)) {
          expect(made.left.issues.every((i) => /fixed holiday/.test(i.detail))).toBe(true)
          return
        }
        compared++
        const back = Either.getOrThrow(Calendar.decodeJson(Calendar.toJson(made.right)))
        expect(back.data).toEqual(made.right.data)
        for (let d = Calendar.dayFromCivil(2025, 1, 1); d < Calendar.dayFromCivil(2028, 1, 1); d++)
          for (const w of Calendar.weekTypes) {
            const date = Calendar.isoFromDay(d)
            expect(Calendar.isWorkingDay(back, date, w)).toBe(Calendar.isWorkingDay(made.right, date, w))
          }
      }),
      { numRuns: 60 }
    )
    expect(compared).toBeGreaterThanOrEqual(40)
  })

  it("the shipped calendar round-trips and its data is the schema's", () => {
    const json = Calendar.toJson(cal)
    expect(Either.getOrThrow(Calendar.decodeJson(json)).data).toEqual(cal.data)
    expect(Schema.is(Calendar.CalendarData)(JSON.parse(json))).toBe(true)
  })

  it("an operator loads next year's decree", () => {
    const next = Either.getOrThrow(
      Calendar.withYears(cal, [year(2027, [entry("2027-01-04", "extraDayOff"), entry("2027-01-09", "workingDay", ["fiveDay"])])])
    )
    expect(Calendar.isCovered(next, "2027-01-04")).toBe(true)
    expect(Calendar.isWorkingDay(next, "2027-01-04", "fiveDay")).toBe(false)
    expect(Calendar.isWorkingDay(next, "2027-01-09", "fiveDay")).toBe(true)
    // The years before are untouched.
    expect(Calendar.isWorkingDay(next, "2026-03-23", "fiveDay")).toBe(false)
  })
})

// ---------------------------------------------------------------------------------------------
// iCalendar import
// ---------------------------------------------------------------------------------------------

const ics = (...events: ReadonlyArray<string>) =>
  ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//test//EN", ...events.flatMap((e) => ["BEGIN:VEVENT", ...e.split("\n"), "END:VEVENT"]), "END:VCALENDAR"].join("\r\n")

describe("Calendar: iCalendar (RFC 5545) import", () => {
  it("reads all-day events, exclusive DTEND, kinds and week types, folded lines", () => {
    const text = ics(
      "UID:1\nDTSTART;VALUE=DATE:20270101\nDTEND;VALUE=DATE:20270103\nSUMMARY:Yangi yil\\, dam olish\nCATEGORIES:extraDayOff",
      "UID:2\nDTSTART;VALUE=DATE:20270109\nSUMMARY:Worked Saturday\nCATEGORIES:workingDay,fiveDay\nX-MUROJAAT-FROM;VALUE=DATE:20270104\nDESCRIPTION:pays for\n  4 Jan",
      "UID:3\nDTSTART;VALUE=DATE:20270104\nSUMMARY:Moved rest day\nCATEGORIES:TRANSFERREDDAYOFF,FIVEDAY\nX-MUROJAAT-FROM;VALUE=DATE:20270109"
    )
    const years = Either.getOrThrow(Calendar.fromICalendar(text, { source: "decree of Dec 2026" }))
    expect(years).toHaveLength(1)
    const es = years[0]!.entries
    expect(es.map((e) => [e.date, e.kind, e.weeks.join("+")])).toEqual([
      ["2027-01-01", "extraDayOff", "fiveDay+sixDay"],
      ["2027-01-02", "extraDayOff", "sixDay"], // a Saturday: already a rest day in the 5-day week
      ["2027-01-04", "transferredDayOff", "fiveDay"],
      ["2027-01-09", "workingDay", "fiveDay"]
    ])
    expect(es[0]!.name).toBe("Yangi yil, dam olish")
    expect(es[3]!.note).toBe("pays for 4 Jan")
    expect(es[3]!.from).toBe("2027-01-04")
    const next = Either.getOrThrow(Calendar.withYears(cal, years))
    expect(Calendar.isWorkingDay(next, "2027-01-09", "fiveDay")).toBe(true)
    expect(Calendar.isWorkingDay(next, "2027-01-04", "fiveDay")).toBe(false)
    expect(Calendar.isWorkingDay(next, "2027-01-04", "sixDay")).toBe(true)
  })

  it("rejects timed events, recurrence, reversed ranges and impossible data, naming the event", () => {
    const bad = (body: string) => {
      const r = Calendar.fromICalendar(ics(body), { source: "feed" })
      if (Either.isRight(r)) throw new Error("expected a rejection")
      return r.left
    }
    expect(bad("DTSTART:20270101T090000Z").issues[0]!.expected).toMatch(/all-day/)
    expect(bad("DTSTART;VALUE=DATE:20270101\nRRULE:FREQ=YEARLY").issues[0]!.path).toMatch(/RRULE/)
    expect(bad("DTSTART;VALUE=DATE:20270105\nDTEND;VALUE=DATE:20270104").issues[0]!.detail).toMatch(/not after/)
    expect(bad("DTSTART;VALUE=DATE:20270231").issues[0]!.path).toMatch(/^VEVENT 1 .*\.DTSTART$/)
    expect(bad("DTSTART;VALUE=DATE:20270103\nCATEGORIES:extraDayOff").issues[0]!.detail).toMatch(/already a weekly rest day/)
    expect(bad("SUMMARY:no date").issues[0]!.detail).toMatch(/DTSTART is missing/)
    expect(Either.isLeft(Calendar.fromICalendar("hello", { source: "x" }))).toBe(true)
  })
})
