/**
 * The Uzbek working calendar as data: weekly rest days for the 5-day and 6-day week, the fixed
 * holidays, the movable Hayit days, and each year's decree of extra days off and transfers.
 *
 * A calendar is plain, validated data (`CalendarData`, an Effect Schema) that an operator can load
 * as JSON or import from iCalendar; `make` compiles it into lookup tables so working-day queries
 * are O(1) or O(log n). Dates are ISO strings (`2026-03-20`) at the API boundary and integer day
 * numbers (days since 1970-01-01) inside. Time zone Asia/Tashkent is UTC+5 with no daylight
 * saving, so local dates are computed with a fixed +05:00 offset, without any time-zone database.
 *
 * Sources: Labour Code of the Republic of Uzbekistan (fixed holidays; Art. 208: a weekly day off
 * that falls on a non-working holiday moves to the next working day); the yearly Presidential
 * decree on extra days off and transfers; the yearly resolutions announcing the Hayit days.
 *
 * @example
 * import { Calendar } from "@murojaat/core"
 * const cal = Calendar.uzbekistan
 * Calendar.isWorkingDay(cal, "2026-03-23", "fiveDay") // false: rest day moved from Navro'z (Sat 21 Mar)
 * Calendar.isWorkingDay(cal, "2026-03-23", "sixDay")  // true
 *
 * @since 0.1.0
 */
import type { Either } from "effect"
import type { FieldIssue, InvalidCalendar } from "./Errors.js"
import * as arithmetic_ from "./internal/calendar/arithmetic.js"
import * as data_ from "./internal/calendar/data.js"
import * as iCalendar_ from "./internal/calendar/iCalendar.js"
import * as query_ from "./internal/calendar/query.js"
import * as schema_ from "./internal/calendar/schema.js"
import * as shipped_ from "./internal/calendar/shipped.js"
import * as localTime_ from "./internal/localTime.js"

// ---------------------------------------------------------------------------------------------
// Day numbers (integer days since 1970-01-01) and the fixed +05:00 offset
// ---------------------------------------------------------------------------------------------

/**
 * Offset of Asia/Tashkent from UTC in milliseconds (UTC+5, no daylight saving since 1992).
 *
 * @example
 * import { Calendar } from "@murojaat/core"
 * Calendar.TASHKENT_OFFSET_MS // 18000000
 *
 * @since 0.1.0
 * @category local time
 */
export const TASHKENT_OFFSET_MS: number = localTime_.OFFSET_MS

/**
 * The day number (days since 1970-01-01) of a civil date. Pure integer arithmetic (H. Hinnant's
 * `days_from_civil`), valid for any proleptic Gregorian date.
 *
 * @example
 * import { Calendar } from "@murojaat/core"
 * Calendar.dayFromCivil(1970, 1, 2) // 1
 *
 * @since 0.1.0
 * @category local time
 */
export const dayFromCivil: (year: number, month: number, day: number) => number = localTime_.dayFromCivil

/**
 * The civil date `[year, month, day]` of a day number.
 *
 * @example
 * import { Calendar } from "@murojaat/core"
 * Calendar.civilFromDay(0) // [1970, 1, 1]
 *
 * @since 0.1.0
 * @category local time
 */
export const civilFromDay: (dayNumber: number) => readonly [number, number, number] = localTime_.civilFromDay

/**
 * The ISO date (`YYYY-MM-DD`) of a day number.
 *
 * @example
 * import { Calendar } from "@murojaat/core"
 * Calendar.isoFromDay(20532) // "2026-03-20"
 *
 * @since 0.1.0
 * @category local time
 */
export const isoFromDay: (dayNumber: number) => string = localTime_.isoFromDay

/**
 * The day number of an ISO date, or `undefined` when the text is not a real date (`2026-02-30`).
 *
 * @example
 * import { Calendar } from "@murojaat/core"
 * Calendar.dayFromIso("2026-03-20") // 20532
 * Calendar.dayFromIso("2026-02-30") // undefined
 *
 * @since 0.1.0
 * @category local time
 */
export const dayFromIso: (iso: string) => number | undefined = localTime_.dayFromIso

/**
 * ISO weekday of a day number: 1 = Monday ... 7 = Sunday.
 *
 * @example
 * import { Calendar } from "@murojaat/core"
 * Calendar.weekday(Calendar.dayFromIso("2026-03-20")!) // 5 (Friday)
 *
 * @since 0.1.0
 * @category local time
 */
export const weekday: (dayNumber: number) => number = localTime_.weekday

/**
 * Adds calendar months the Civil Code way: the same date in the target month, or the last day of
 * that month when it has no such date (31 Jan + 1 month = 28/29 Feb).
 *
 * @example
 * import { Calendar } from "@murojaat/core"
 * Calendar.isoFromDay(Calendar.addMonths(Calendar.dayFromIso("2026-01-31")!, 1)) // "2026-02-28"
 *
 * @since 0.1.0
 * @category local time
 */
export const addMonths: (dayNumber: number, months: number) => number = localTime_.addMonths

/**
 * The Tashkent-local day number of an instant given in epoch milliseconds.
 *
 * @example
 * import { Calendar } from "@murojaat/core"
 * Calendar.isoFromDay(Calendar.localDay(Date.UTC(2026, 2, 19, 20, 0))) // "2026-03-20" (01:00 in Tashkent)
 *
 * @since 0.1.0
 * @category local time
 */
export const localDay: (epochMs: number) => number = localTime_.localDay

/**
 * Milliseconds since local (Tashkent) midnight of an instant.
 *
 * @example
 * import { Calendar } from "@murojaat/core"
 * Calendar.localTimeOfDay(Date.parse("2026-03-20T04:00:00Z")) / 3_600_000 // 9
 *
 * @since 0.1.0
 * @category local time
 */
export const localTimeOfDay: (epochMs: number) => number = localTime_.localTimeOfDay

/**
 * The instant (epoch ms) of a Tashkent-local day number plus milliseconds after midnight.
 *
 * @example
 * import { Calendar } from "@murojaat/core"
 * new Date(Calendar.instantOf(Calendar.dayFromIso("2026-03-20")!, 9 * 3_600_000)).toISOString() // "2026-03-20T04:00:00.000Z"
 *
 * @since 0.1.0
 * @category local time
 */
export const instantOf: (dayNumber: number, msOfDay: number) => number = localTime_.instantOf

/**
 * Parses an ISO date or date-time to epoch milliseconds. A value without an offset is read as
 * Tashkent local time; a bare date is local midnight. `undefined` when it is not a real time.
 *
 * @example
 * import { Calendar } from "@murojaat/core"
 * Calendar.parseInstant("2026-03-20T10:00:00+05:00") === Calendar.parseInstant("2026-03-20T05:00:00Z") // true
 *
 * @since 0.1.0
 * @category local time
 */
export const parseInstant: (text: string) => number | undefined = localTime_.parseInstant

/**
 * Formats an instant as ISO 8601 in Tashkent time with an explicit `+05:00` offset.
 *
 * @example
 * import { Calendar } from "@murojaat/core"
 * Calendar.formatInstant(Date.UTC(2026, 2, 20, 13, 0)) // "2026-03-20T18:00:00+05:00"
 *
 * @since 0.1.0
 * @category local time
 */
export const formatInstant: (epochMs: number) => string = localTime_.formatInstant

// ---------------------------------------------------------------------------------------------
// The data model
// ---------------------------------------------------------------------------------------------

/**
 * The two working weeks of the Labour Code: five days (Saturday and Sunday off) or six days
 * (Sunday off). Each year's decree is different for each.
 *
 * @example
 * import { Calendar } from "@murojaat/core"
 * Calendar.WeekType.literals // ["fiveDay", "sixDay"]
 *
 * @since 0.1.0
 * @category models
 */
export const WeekType = schema_.WeekType
/** @see WeekType */
export type WeekType = typeof WeekType.Type

/**
 * Both week types, in a stable order.
 *
 * @example
 * import { Calendar } from "@murojaat/core"
 * Calendar.weekTypes // ["fiveDay", "sixDay"]
 *
 * @since 0.1.0
 * @category models
 */
export const weekTypes: ReadonlyArray<WeekType> = schema_.weekTypes

/**
 * Whether a weekday (1 = Monday ... 7 = Sunday) is a weekly rest day of the week type.
 *
 * @example
 * import { Calendar } from "@murojaat/core"
 * Calendar.isWeeklyRestDay(6, "fiveDay") // true
 * Calendar.isWeeklyRestDay(6, "sixDay") // false
 *
 * @since 0.1.0
 * @category models
 */
export const isWeeklyRestDay: (isoWeekday: number, week: WeekType) => boolean = arithmetic_.isWeeklyRestDay

/**
 * An ISO calendar date `YYYY-MM-DD` that really exists.
 *
 * @example
 * import { Calendar } from "@murojaat/core"
 * import { Schema } from "effect"
 * Schema.is(Calendar.IsoDate)("2026-02-29") // false
 *
 * @since 0.1.0
 * @category models
 */
export const IsoDate = schema_.IsoDate

/**
 * What a dated entry of a year's calendar does:
 * - `holiday`: a non-working holiday that moves each year (Ramazon hayiti, Qurbon hayiti), or any
 *   other holiday announced for that year;
 * - `extraDayOff`: an additional non-working day set by the decree;
 * - `transferredDayOff`: a weekly rest day moved here (by the decree, or by Labour Code Art. 208
 *   because a holiday fell on a rest day); `from` names the day it came from;
 * - `workingDay`: a weekly rest day made a working day (it pays for a transfer; `from` may name the
 *   day off it pays for).
 *
 * @example
 * import { Calendar } from "@murojaat/core"
 * Calendar.EntryKind.literals.includes("workingDay") // true
 *
 * @since 0.1.0
 * @category models
 */
export const EntryKind = schema_.EntryKind
/** @see EntryKind */
export type EntryKind = typeof EntryKind.Type

/**
 * One dated entry of a year's calendar, for the week types it names, with its name and source.
 *
 * @example
 * import { Calendar } from "@murojaat/core"
 * const e: Calendar.Entry = { date: "2026-03-20", kind: "holiday", weeks: ["fiveDay", "sixDay"], name: "Ramazon hayiti", source: "Presidential resolution, March 2026" }
 *
 * @since 0.1.0
 * @category models
 */
export const Entry = schema_.Entry
/** @see Entry */
export type Entry = typeof Entry.Type

/**
 * A fixed holiday: the same month and day every year (Labour Code).
 *
 * @example
 * import { Calendar } from "@murojaat/core"
 * const navroz: Calendar.FixedHoliday = { month: 3, day: 21, name: "Navroʻz bayrami", source: "Labour Code" }
 *
 * @since 0.1.0
 * @category models
 */
export const FixedHoliday = schema_.FixedHoliday
/** @see FixedHoliday */
export type FixedHoliday = typeof FixedHoliday.Type

/**
 * One year's data: the decree (or other acts) that set it, the movable holidays, extra days off,
 * transfers and worked rest days. Fixed holidays are not repeated here.
 *
 * @example
 * import { Calendar } from "@murojaat/core"
 * Calendar.uzbekistan.data.years.map((y) => y.year) // [2025, 2026]
 *
 * @since 0.1.0
 * @category models
 */
export const Year = schema_.Year
/** @see Year */
export type Year = typeof Year.Type

/**
 * A whole calendar: fixed holidays, the years with their decrees, and whether Labour Code
 * Art. 208 transfers are derived for years that have no data (`provisional` years).
 *
 * @example
 * import { Calendar } from "@murojaat/core"
 * import { Schema } from "effect"
 * const json = Schema.encodeSync(Calendar.CalendarData)(Calendar.uzbekistan.data)
 *
 * @since 0.1.0
 * @category models
 */
export const CalendarData = schema_.CalendarData
/** @see CalendarData */
export type CalendarData = typeof CalendarData.Type

// ---------------------------------------------------------------------------------------------
// Validation
// ---------------------------------------------------------------------------------------------

/**
 * Checks what a schema cannot: dates in the right year, no duplicate years, no two entries that
 * contradict each other, a worked day that really is a rest day, a day off that is not already one.
 * Returns every problem found (empty when the data is sound).
 *
 * @example
 * import { Calendar } from "@murojaat/core"
 * Calendar.problems(Calendar.uzbekistanData) // []
 * Calendar.problems({ ...Calendar.uzbekistanData, years: [...Calendar.uzbekistanData.years, Calendar.uzbekistanData.years[0]!] }).length > 0 // true
 *
 * @since 0.1.0
 * @category data
 */
export const problems: (data: CalendarData) => ReadonlyArray<FieldIssue> = data_.problems

// ---------------------------------------------------------------------------------------------
// The compiled calendar
// ---------------------------------------------------------------------------------------------

/**
 * Why a day is not a working day (or why a rest day is worked), for explanations.
 *
 * @example
 * import { Calendar } from "@murojaat/core"
 * Calendar.reasons(Calendar.uzbekistan, "2026-03-23", "fiveDay")[0]?.kind // "transferredDayOff"
 *
 * @since 0.1.0
 * @category models
 */
export interface Reason {
  readonly kind: EntryKind | "weeklyRestDay"
  readonly name: string
  readonly source: string
  readonly from?: string
}

/**
 * A validated, compiled calendar. Build one with {@link make} or {@link decodeJson}; the data is
 * kept as given (`data`) so it round-trips through JSON.
 *
 * @example
 * import { Calendar } from "@murojaat/core"
 * const c: Calendar.Calendar = Calendar.uzbekistan
 * c.coveredYears.has(2026) // true
 *
 * @since 0.1.0
 * @category models
 */
export interface Calendar {
  readonly data: CalendarData
  /** Years that have decree data; other years are provisional (fixed holidays + Art. 208 only). */
  readonly coveredYears: ReadonlySet<number>
  /** @internal Read through the queries: the shipped calendar fills it on its first query. */
  readonly tables: { readonly fiveDay: arithmetic_.Table; readonly sixDay: arithmetic_.Table }
  /** @internal */
  readonly reasonsByDay: { readonly fiveDay: ReadonlyMap<number, ReadonlyArray<Reason>>; readonly sixDay: ReadonlyMap<number, ReadonlyArray<Reason>> }
}

/**
 * The transfers Labour Code Art. 208 requires: each holiday that falls on a weekly rest day of
 * the week type moves that rest day to the next day that is neither a rest day, a holiday, nor
 * already a transfer target. Shipped years list these explicitly (the decree repeats them); this
 * is used for provisional years and to check the shipped data.
 *
 * @example
 * import { Calendar } from "@murojaat/core"
 * const navroz = Calendar.dayFromIso("2026-03-21")!
 * Calendar.labourCodeTransfers([navroz], "fiveDay").map((t) => Calendar.isoFromDay(t.to)) // ["2026-03-23"]
 *
 * @since 0.1.0
 * @category data
 */
export const labourCodeTransfers: (
  holidayDays: ReadonlyArray<number>,
  week: WeekType
) => ReadonlyArray<{ readonly from: number; readonly to: number }> = arithmetic_.labourCodeTransfers

/**
 * Validates calendar data and compiles it. Fails with `InvalidCalendar` naming every problem.
 *
 * @example
 * import { Calendar } from "@murojaat/core"
 * import { Either } from "effect"
 * Either.isRight(Calendar.make(Calendar.uzbekistan.data)) // true
 *
 * @since 0.1.0
 * @category data
 */
export const make: (data: CalendarData) => Either.Either<Calendar, InvalidCalendar> = data_.make

/**
 * Decodes calendar data from unknown input (parsed JSON) and compiles it.
 *
 * @example
 * import { Calendar } from "@murojaat/core"
 * import { Either } from "effect"
 * Either.isLeft(Calendar.decode({ id: "x", timeZone: "Europe/Paris", fixedHolidays: [], years: [] })) // true
 *
 * @since 0.1.0
 * @category data
 */
export const decode: (input: unknown) => Either.Either<Calendar, InvalidCalendar> = data_.decode

/**
 * Decodes a calendar from JSON text.
 *
 * @example
 * import { Calendar } from "@murojaat/core"
 * import { Either } from "effect"
 * Either.isRight(Calendar.decodeJson(Calendar.toJson(Calendar.uzbekistan))) // true
 *
 * @since 0.1.0
 * @category data
 */
export const decodeJson: (text: string) => Either.Either<Calendar, InvalidCalendar> = data_.decodeJson

/**
 * The calendar's data as JSON text (stable key order), for storing or sending to another system.
 *
 * @example
 * import { Calendar } from "@murojaat/core"
 * JSON.parse(Calendar.toJson(Calendar.uzbekistan)).timeZone // "Asia/Tashkent"
 *
 * @since 0.1.0
 * @category data
 */
export const toJson: (calendar: Calendar) => string = data_.toJson

/**
 * A new calendar with the given years added (a year already present is replaced): how an operator
 * loads next year's decree.
 *
 * @example
 * import { Calendar } from "@murojaat/core"
 * import { Either } from "effect"
 * const next = Calendar.withYears(Calendar.uzbekistan, [{ year: 2027, source: "decree of Dec 2026", entries: [] }])
 * Either.isRight(next) // true
 *
 * @since 0.1.0
 * @category data
 */
export const withYears: (calendar: Calendar, years: ReadonlyArray<Year>) => Either.Either<Calendar, InvalidCalendar> = data_.withYears

// ---------------------------------------------------------------------------------------------
// Queries: one API, on ISO dates (the day-number fast path they share is internal)
// ---------------------------------------------------------------------------------------------

/**
 * Whether an ISO date is a working day for the week type. A malformed date is a programming error
 * (decode input first) and throws `RangeError`.
 *
 * @example
 * import { Calendar } from "@murojaat/core"
 * Calendar.isWorkingDay(Calendar.uzbekistan, "2026-03-20", "sixDay") // false (Ramazon hayiti)
 *
 * @since 0.1.0
 * @category queries
 */
export const isWorkingDay: (calendar: Calendar, date: string, week: WeekType) => boolean = query_.isWorkingDay

/**
 * The first working day on or after an ISO date.
 *
 * @example
 * import { Calendar } from "@murojaat/core"
 * Calendar.nextWorkingDay(Calendar.uzbekistan, "2026-05-27", "sixDay") // "2026-06-01"
 *
 * @since 0.1.0
 * @category queries
 */
export const nextWorkingDay: (calendar: Calendar, date: string, week: WeekType) => string = query_.nextWorkingDay

/**
 * The last working day on or before an ISO date.
 *
 * @example
 * import { Calendar } from "@murojaat/core"
 * Calendar.previousWorkingDay(Calendar.uzbekistan, "2026-03-22", "fiveDay") // "2026-03-19"
 *
 * @since 0.2.0
 * @category queries
 */
export const previousWorkingDay: (calendar: Calendar, date: string, week: WeekType) => string = query_.previousWorkingDay

/**
 * Adds `n` working days after an ISO date (the date itself is not counted).
 *
 * @example
 * import { Calendar } from "@murojaat/core"
 * Calendar.addWorkingDays(Calendar.uzbekistan, "2026-03-19", 1, "fiveDay") // "2026-03-24"
 *
 * @since 0.1.0
 * @category queries
 */
export const addWorkingDays: (calendar: Calendar, date: string, n: number, week: WeekType) => string = query_.addWorkingDays

/**
 * Working days from `from` (inclusive) to `to` (exclusive).
 *
 * @example
 * import { Calendar } from "@murojaat/core"
 * Calendar.workingDaysBetween(Calendar.uzbekistan, "2026-03-16", "2026-03-30", "fiveDay") // 8
 *
 * @since 0.1.0
 * @category queries
 */
export const workingDaysBetween: (calendar: Calendar, from: string, to: string, week: WeekType) => number = query_.workingDaysBetween

/**
 * Why an ISO date is special for a week type (empty for an ordinary working day).
 *
 * @example
 * import { Calendar } from "@murojaat/core"
 * Calendar.reasons(Calendar.uzbekistan, "2026-03-21", "fiveDay").map((r) => r.kind) // ["holiday", "weeklyRestDay"]
 *
 * @since 0.1.0
 * @category queries
 */
export const reasons: (calendar: Calendar, date: string, week: WeekType) => ReadonlyArray<Reason> = query_.reasons

/**
 * Whether the year of an ISO date has decree data; days of other years are provisional (fixed
 * holidays, weekly rest days and Labour Code Art. 208 only).
 *
 * @example
 * import { Calendar } from "@murojaat/core"
 * Calendar.isCovered(Calendar.uzbekistan, "2026-06-01") // true
 * Calendar.isCovered(Calendar.uzbekistan, "2040-06-01") // false
 *
 * @since 0.1.0
 * @category queries
 */
export const isCovered: (calendar: Calendar, date: string) => boolean = query_.isCovered

/**
 * Every non-working day of a year for a week type, with its reasons: the table an operator checks
 * against the decree.
 *
 * @example
 * import { Calendar } from "@murojaat/core"
 * Calendar.daysOff(Calendar.uzbekistan, 2026, "fiveDay").length > 100 // true
 *
 * @since 0.1.0
 * @category queries
 */
export const daysOff: (
  calendar: Calendar,
  year: number,
  week: WeekType
) => ReadonlyArray<{ readonly date: string; readonly reasons: ReadonlyArray<Reason> }> = query_.daysOff

// ---------------------------------------------------------------------------------------------
// iCalendar (RFC 5545) import
// ---------------------------------------------------------------------------------------------

/**
 * Options for {@link fromICalendar}.
 *
 * @example
 * import { Calendar } from "@murojaat/core"
 * const options: Calendar.ICalendarOptions = { source: "decree of Dec 2026" }
 * Calendar.fromICalendar("BEGIN:VCALENDAR\r\nEND:VCALENDAR", options)._tag // "Right"
 *
 * @since 0.1.0
 * @category models
 */
export interface ICalendarOptions {
  /** Where the events come from (the decree); used as each entry's and year's `source`. */
  readonly source: string
}

/**
 * Reads all-day VEVENTs from an iCalendar file (RFC 5545) into calendar years, ready for
 * {@link withYears}.
 *
 * - `DTSTART;VALUE=DATE:YYYYMMDD` (all-day) is required; `DTEND` is exclusive (RFC 5545 3.6.1), so a
 *   3-day break is one event (its days that are already weekly rest days are skipped). Timed events
 *   and `RRULE` are rejected, not guessed.
 * - `CATEGORIES` sets the kind (`holiday`, `extraDayOff`, `transferredDayOff`, `workingDay`; no
 *   kind means `extraDayOff`, the usual meaning of a public "day off" feed) and the week types
 *   (`fiveDay`, `sixDay`; neither means both).
 * - `SUMMARY` is the name, `DESCRIPTION` the note, `X-MUROJAAT-FROM;VALUE=DATE` the transfer origin.
 *
 * @example
 * import { Calendar } from "@murojaat/core"
 * import { Either } from "effect"
 * const ics = "BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nDTSTART;VALUE=DATE:20270104\r\nSUMMARY:Extra day off\r\nEND:VEVENT\r\nEND:VCALENDAR"
 * const years = Calendar.fromICalendar(ics, { source: "decree of Dec 2026" })
 * Either.isRight(years) // true
 *
 * @since 0.1.0
 * @category iCalendar
 */
export const fromICalendar: (ics: string, options: ICalendarOptions) => Either.Either<ReadonlyArray<Year>, InvalidCalendar> = iCalendar_.fromICalendar

// ---------------------------------------------------------------------------------------------
// The shipped calendar
// ---------------------------------------------------------------------------------------------

/**
 * The data of the shipped Uzbek calendar: fixed holidays and the verified years 2025 and 2026
 * (each entry names its source; see `calendars/`).
 *
 * @example
 * import { Calendar } from "@murojaat/core"
 * Calendar.uzbekistanData.years.map((y) => y.year) // [2025, 2026]
 *
 * @since 0.1.0
 * @category shipped data
 */
export const uzbekistanData: CalendarData = shipped_.uzbekistanData

/**
 * The shipped Uzbek calendar. Its tables are compiled on the first query, not at import (the
 * package has no import-time work). Years after 2026 are provisional until an operator loads that
 * year's decree with {@link withYears}.
 *
 * @example
 * import { Calendar } from "@murojaat/core"
 * Calendar.isWorkingDay(Calendar.uzbekistan, "2026-12-31", "fiveDay") // false
 *
 * @since 0.1.0
 * @category shipped data
 */
export const uzbekistan: Calendar = shipped_.uzbekistan
