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
 */
import { Either, Schema } from "effect"
import * as Decode from "./Decode.js"
import { FieldIssue, InvalidCalendar } from "./Errors.js"
import * as Limits from "./Limits.js"
import { uzbekistan2025 } from "./calendars/uz-2025.js"
import { uzbekistan2026 } from "./calendars/uz-2026.js"
import { fixedHolidays as uzFixedHolidays } from "./calendars/uz-fixed.js"

// ---------------------------------------------------------------------------------------------
// Day numbers (integer days since 1970-01-01) and the fixed +05:00 offset
// ---------------------------------------------------------------------------------------------

/**
 * Offset of Asia/Tashkent from UTC in milliseconds (UTC+5, no daylight saving since 1992).
 *
 * @example
 * import { Calendar } from "@murojaat/core"
 * Calendar.TASHKENT_OFFSET_MS // 18000000
 */
export const TASHKENT_OFFSET_MS = 5 * 3_600_000

const MS_PER_DAY = 86_400_000

/**
 * The day number (days since 1970-01-01) of a civil date. Pure integer arithmetic (H. Hinnant's
 * `days_from_civil`), valid for any proleptic Gregorian date.
 *
 * @example
 * import { Calendar } from "@murojaat/core"
 * Calendar.dayFromCivil(1970, 1, 2) // 1
 */
export const dayFromCivil = (year: number, month: number, day: number): number => {
  const y = month <= 2 ? year - 1 : year
  const era = Math.floor(y / 400)
  const yoe = y - era * 400
  const doy = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy
  return era * 146097 + doe - 719468
}

/**
 * The civil date `[year, month, day]` of a day number.
 *
 * @example
 * import { Calendar } from "@murojaat/core"
 * Calendar.civilFromDay(0) // [1970, 1, 1]
 */
export const civilFromDay = (dayNumber: number): readonly [number, number, number] => {
  const z = dayNumber + 719468
  const era = Math.floor(z / 146097)
  const doe = z - era * 146097
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365)
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100))
  const mp = Math.floor((5 * doy + 2) / 153)
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1
  const m = mp < 10 ? mp + 3 : mp - 9
  return [m <= 2 ? yoe + era * 400 + 1 : yoe + era * 400, m, d] as const
}

const pad2 = (n: number) => (n < 10 ? "0" + n : String(n))

/**
 * The ISO date (`YYYY-MM-DD`) of a day number.
 *
 * @example
 * import { Calendar } from "@murojaat/core"
 * Calendar.isoFromDay(20532) // "2026-03-20"
 */
export const isoFromDay = (dayNumber: number): string => {
  const [y, m, d] = civilFromDay(dayNumber)
  return `${y}-${pad2(m)}-${pad2(d)}`
}

const daysInMonth = (year: number, month: number): number =>
  month === 2 ? (year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28) : [4, 6, 9, 11].includes(month) ? 30 : 31

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/

/**
 * The day number of an ISO date, or `undefined` when the text is not a real date (`2026-02-30`).
 *
 * @example
 * import { Calendar } from "@murojaat/core"
 * Calendar.dayFromIso("2026-03-20") // 20532
 * Calendar.dayFromIso("2026-02-30") // undefined
 */
export const dayFromIso = (iso: string): number | undefined => {
  const m = ISO_DATE.exec(iso)
  if (m === null) return undefined
  const y = Number(m[1]), mo = Number(m[2]), d = Number(m[3])
  if (mo < 1 || mo > 12 || d < 1 || d > daysInMonth(y, mo)) return undefined
  return dayFromCivil(y, mo, d)
}

/**
 * ISO weekday of a day number: 1 = Monday ... 7 = Sunday.
 *
 * @example
 * import { Calendar } from "@murojaat/core"
 * Calendar.weekday(Calendar.dayFromIso("2026-03-20")!) // 5 (Friday)
 */
export const weekday = (dayNumber: number): number => ((((dayNumber + 3) % 7) + 7) % 7) + 1

/**
 * Adds calendar months the Civil Code way: the same date in the target month, or the last day of
 * that month when it has no such date (31 Jan + 1 month = 28/29 Feb).
 *
 * @example
 * import { Calendar } from "@murojaat/core"
 * Calendar.isoFromDay(Calendar.addMonths(Calendar.dayFromIso("2026-01-31")!, 1)) // "2026-02-28"
 */
export const addMonths = (dayNumber: number, months: number): number => {
  const [y, m, d] = civilFromDay(dayNumber)
  const total = y * 12 + (m - 1) + months
  const ty = Math.floor(total / 12)
  const tm = total - ty * 12 + 1
  return dayFromCivil(ty, tm, Math.min(d, daysInMonth(ty, tm)))
}

/**
 * The Tashkent-local day number of an instant given in epoch milliseconds.
 *
 * @example
 * import { Calendar } from "@murojaat/core"
 * Calendar.isoFromDay(Calendar.localDay(Date.UTC(2026, 2, 19, 20, 0))) // "2026-03-20" (01:00 in Tashkent)
 */
export const localDay = (epochMs: number): number => Math.floor((epochMs + TASHKENT_OFFSET_MS) / MS_PER_DAY)

/**
 * Milliseconds since local (Tashkent) midnight of an instant.
 *
 * @example
 * import { Calendar } from "@murojaat/core"
 * Calendar.localTimeOfDay(Date.parse("2026-03-20T04:00:00Z")) / 3_600_000 // 9
 */
export const localTimeOfDay = (epochMs: number): number => {
  const t = (epochMs + TASHKENT_OFFSET_MS) % MS_PER_DAY
  return t < 0 ? t + MS_PER_DAY : t
}

/**
 * The instant (epoch ms) of a Tashkent-local day number plus milliseconds after midnight.
 *
 * @example
 * import { Calendar } from "@murojaat/core"
 * new Date(Calendar.instantOf(Calendar.dayFromIso("2026-03-20")!, 9 * 3_600_000)).toISOString() // "2026-03-20T04:00:00.000Z"
 */
export const instantOf = (dayNumber: number, msOfDay: number): number => dayNumber * MS_PER_DAY + msOfDay - TASHKENT_OFFSET_MS

const ISO_INSTANT = /^(\d{4}-\d{2}-\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?)?\s*(Z|[+-]\d{2}:?\d{2})?$/

/**
 * Parses an ISO date or date-time to epoch milliseconds. A value without an offset is read as
 * Tashkent local time; a bare date is local midnight. `undefined` when it is not a real time.
 *
 * @example
 * import { Calendar } from "@murojaat/core"
 * Calendar.parseInstant("2026-03-20T10:00:00+05:00") === Calendar.parseInstant("2026-03-20T05:00:00Z") // true
 */
export const parseInstant = (text: string): number | undefined => {
  const m = ISO_INSTANT.exec(text.trim())
  if (m === null) return undefined
  const day = dayFromIso(m[1]!)
  if (day === undefined) return undefined
  const hh = m[2] === undefined ? 0 : Number(m[2])
  const mi = m[3] === undefined ? 0 : Number(m[3])
  const ss = m[4] === undefined ? 0 : Number(m[4])
  const ms = m[5] === undefined ? 0 : Math.floor(Number(`0.${m[5]}`) * 1000)
  if (hh > 24 || mi > 59 || ss > 59 || (hh === 24 && (mi > 0 || ss > 0 || ms > 0))) return undefined
  let offsetMs = TASHKENT_OFFSET_MS
  const z = m[6]
  if (z !== undefined) {
    if (z === "Z") offsetMs = 0
    else {
      const sign = z[0] === "-" ? -1 : 1
      const digits = z.slice(1).replace(":", "")
      const oh = Number(digits.slice(0, 2)), om = Number(digits.slice(2, 4))
      if (oh > 18 || om > 59) return undefined
      offsetMs = sign * (oh * 60 + om) * 60_000
    }
  }
  return day * MS_PER_DAY + ((hh * 60 + mi) * 60 + ss) * 1000 + ms - offsetMs
}

/**
 * Formats an instant as ISO 8601 in Tashkent time with an explicit `+05:00` offset.
 *
 * @example
 * import { Calendar } from "@murojaat/core"
 * Calendar.formatInstant(Date.UTC(2026, 2, 20, 13, 0)) // "2026-03-20T18:00:00+05:00"
 */
export const formatInstant = (epochMs: number): string => {
  const day = localDay(epochMs)
  const t = localTimeOfDay(epochMs)
  const h = Math.floor(t / 3_600_000), mi = Math.floor((t % 3_600_000) / 60_000), s = Math.floor((t % 60_000) / 1000)
  return `${isoFromDay(day)}T${pad2(h)}:${pad2(mi)}:${pad2(s)}+05:00`
}

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
 */
export const WeekType = Schema.Literal("fiveDay", "sixDay")
/** @see WeekType */
export type WeekType = typeof WeekType.Type

/**
 * Both week types, in a stable order.
 *
 * @example
 * import { Calendar } from "@murojaat/core"
 * Calendar.weekTypes // ["fiveDay", "sixDay"]
 */
export const weekTypes: ReadonlyArray<WeekType> = ["fiveDay", "sixDay"]

/**
 * Whether a weekday (1 = Monday ... 7 = Sunday) is a weekly rest day of the week type.
 *
 * @example
 * import { Calendar } from "@murojaat/core"
 * Calendar.isWeeklyRestDay(6, "fiveDay") // true
 * Calendar.isWeeklyRestDay(6, "sixDay") // false
 */
export const isWeeklyRestDay = (isoWeekday: number, week: WeekType): boolean =>
  isoWeekday === 7 || (week === "fiveDay" && isoWeekday === 6)

/**
 * An ISO calendar date `YYYY-MM-DD` that really exists.
 *
 * @example
 * import { Calendar, Schema } from "@murojaat/core"
 * Schema.is(Calendar.IsoDate)("2026-02-29") // false
 */
export const IsoDate = Schema.String.pipe(
  Schema.maxLength(10),
  Schema.filter((s) => dayFromIso(s) !== undefined, { message: () => "a real date written YYYY-MM-DD" }),
  Schema.annotations({ identifier: "IsoDate" })
)

const CalendarText = Limits.requiredText(Limits.defaultSettings.calendarText)

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
 */
export const EntryKind = Schema.Literal("holiday", "extraDayOff", "transferredDayOff", "workingDay")
/** @see EntryKind */
export type EntryKind = typeof EntryKind.Type

/**
 * One dated entry of a year's calendar, for the week types it names, with its name and source.
 *
 * @example
 * import { Calendar } from "@murojaat/core"
 * const e: Calendar.Entry = { date: "2026-03-20", kind: "holiday", weeks: ["fiveDay", "sixDay"], name: "Ramazon hayiti", source: "Presidential resolution, March 2026" }
 */
export const Entry = Schema.Struct({
  date: IsoDate,
  kind: EntryKind,
  weeks: Schema.NonEmptyArray(WeekType).pipe(Schema.maxItems(2)),
  name: CalendarText,
  source: CalendarText,
  from: Schema.optional(IsoDate),
  note: Schema.optional(Limits.text(Limits.defaultSettings.calendarText))
})
/** @see Entry */
export type Entry = typeof Entry.Type

/**
 * A fixed holiday: the same month and day every year (Labour Code).
 *
 * @example
 * import { Calendar } from "@murojaat/core"
 * const navroz: Calendar.FixedHoliday = { month: 3, day: 21, name: "Navroʻz bayrami", source: "Labour Code" }
 */
export const FixedHoliday = Schema.Struct({
  month: Schema.Int.pipe(Schema.between(1, 12)),
  day: Schema.Int.pipe(Schema.between(1, 31)),
  name: CalendarText,
  source: CalendarText
})
/** @see FixedHoliday */
export type FixedHoliday = typeof FixedHoliday.Type

/**
 * One year's data: the decree (or other acts) that set it, the movable holidays, extra days off,
 * transfers and worked rest days. Fixed holidays are not repeated here.
 *
 * @example
 * import { Calendar } from "@murojaat/core"
 * Calendar.uzbekistan.data.years.map((y) => y.year) // [2025, 2026]
 */
export const Year = Schema.Struct({
  year: Schema.Int.pipe(Schema.between(1992, 2200)),
  source: CalendarText,
  note: Schema.optional(Limits.text(Limits.defaultSettings.calendarText)),
  entries: Limits.array(Entry, Limits.defaultSettings.calendarEntries)
})
/** @see Year */
export type Year = typeof Year.Type

/**
 * A whole calendar: fixed holidays, the years with their decrees, and whether Labour Code
 * Art. 208 transfers are derived for years that have no data (`provisional` years).
 *
 * @example
 * import { Calendar, Schema } from "@murojaat/core"
 * const json = Schema.encodeSync(Calendar.CalendarData)(Calendar.uzbekistan.data)
 */
export const CalendarData = Schema.Struct({
  id: CalendarText,
  timeZone: Schema.Literal("Asia/Tashkent"),
  fixedHolidays: Limits.array(FixedHoliday, Limits.defaultSettings.calendarEntries),
  years: Limits.array(Year, Limits.defaultSettings.calendarYears)
})
/** @see CalendarData */
export type CalendarData = typeof CalendarData.Type

// ---------------------------------------------------------------------------------------------
// Validation
// ---------------------------------------------------------------------------------------------

const issue = (path: string, detail: string, expected?: string): FieldIssue =>
  new FieldIssue({ path, problem: "invalidValue", detail, ...(expected === undefined ? {} : { expected }) })

/**
 * Checks what a schema cannot: dates in the right year, no duplicate years, no two entries that
 * contradict each other, a worked day that really is a rest day, a day off that is not already one.
 * Returns every problem found (empty when the data is sound).
 *
 * @example
 * import { Calendar } from "@murojaat/core"
 * Calendar.problems(Calendar.uzbekistanData) // []
 * Calendar.problems({ ...Calendar.uzbekistanData, years: [...Calendar.uzbekistanData.years, Calendar.uzbekistanData.years[0]!] }).length > 0 // true
 */
export const problems = (data: CalendarData): ReadonlyArray<FieldIssue> => {
  const out: Array<FieldIssue> = []
  data.fixedHolidays.forEach((h, i) => {
    if (h.day > daysInMonth(2024, h.month)) out.push(issue(`fixedHolidays.${i}`, `${h.month}/${h.day} does not exist`, "a real month and day"))
  })
  const seenYears = new Set<number>()
  data.years.forEach((y, yi) => {
    if (seenYears.has(y.year)) out.push(issue(`years.${yi}.year`, `year ${y.year} is given twice`, "each year once"))
    seenYears.add(y.year)
    const byKey = new Map<string, { kind: EntryKind; index: number }>()
    y.entries.forEach((e, ei) => {
      const path = `years.${yi}.entries.${ei}`
      const day = dayFromIso(e.date)!
      const [ey, em, ed] = civilFromDay(day)
      if (ey !== y.year) out.push(issue(`${path}.date`, `${e.date} is not in ${y.year}`, `a date in ${y.year}`))
      if (new Set(e.weeks).size !== e.weeks.length) out.push(issue(`${path}.weeks`, "a week type is listed twice"))
      const fixed = data.fixedHolidays.find((h) => h.month === em && h.day === ed)
      for (const w of e.weeks) {
        const rest = isWeeklyRestDay(weekday(day), w)
        if (e.kind === "workingDay" && !rest)
          out.push(issue(`${path}.date`, `${e.date} is already a working day in the ${w} week, it cannot be made one`, "a weekly rest day"))
        if (e.kind === "workingDay" && fixed !== undefined)
          out.push(issue(`${path}.date`, `${e.date} is the fixed holiday ${fixed.name}, it cannot be a working day`))
        if ((e.kind === "extraDayOff" || e.kind === "transferredDayOff") && rest)
          out.push(issue(`${path}.date`, `${e.date} is already a weekly rest day in the ${w} week`, "a day that would otherwise be worked"))
        const key = `${e.date}|${w}`
        const prev = byKey.get(key)
        if (prev !== undefined) {
          const clash = (prev.kind === "workingDay") !== (e.kind === "workingDay")
          out.push(
            issue(
              `${path}`,
              clash
                ? `${e.date} (${w}) is both a working day and a day off (see entry ${prev.index})`
                : `${e.date} (${w}) is listed twice (see entry ${prev.index})`,
              "one entry per date and week type"
            )
          )
        } else byKey.set(key, { kind: e.kind, index: ei })
      }
      if (e.from !== undefined) {
        if (e.kind === "holiday" || e.kind === "extraDayOff") out.push(issue(`${path}.from`, `only transfers have a "from" date`))
        if (e.from === e.date) out.push(issue(`${path}.from`, `a day cannot be transferred onto itself`))
      }
    })
  })
  return out
}


// ---------------------------------------------------------------------------------------------
// The compiled calendar
// ---------------------------------------------------------------------------------------------

/**
 * Why a day is not a working day (or why a rest day is worked), for explanations.
 *
 * @example
 * import { Calendar } from "@murojaat/core"
 * Calendar.reasons(Calendar.uzbekistan, "2026-03-23", "fiveDay")[0]?.kind // "transferredDayOff"
 */
export interface Reason {
  readonly kind: EntryKind | "weeklyRestDay"
  readonly name: string
  readonly source: string
  readonly from?: string
}

interface Table {
  readonly lo: number
  readonly hi: number
  /** 1 where the day is not worked, for lo <= d < hi. */
  readonly off: Uint8Array
  /** cum[i] = working days in [lo, lo + i). */
  readonly cum: Int32Array
}

/**
 * A validated, compiled calendar. Build one with {@link make} or {@link decodeJson}; the data is
 * kept as given (`data`) so it round-trips through JSON.
 *
 * @example
 * import { Calendar } from "@murojaat/core"
 * const c: Calendar.Calendar = Calendar.uzbekistan
 * c.coveredYears.has(2026) // true
 */
export interface Calendar {
  readonly data: CalendarData
  /** Years that have decree data; other years are provisional (fixed holidays + Art. 208 only). */
  readonly coveredYears: ReadonlySet<number>
  /** @internal */
  readonly tables: { readonly fiveDay: Table; readonly sixDay: Table }
  /** @internal */
  readonly reasonsByDay: { readonly fiveDay: ReadonlyMap<number, ReadonlyArray<Reason>>; readonly sixDay: ReadonlyMap<number, ReadonlyArray<Reason>> }
}

const LABOUR_CODE_208 = "Labour Code Art. 208 (a weekly day off that falls on a non-working holiday moves to the next working day)"

/** Years compiled around the data: one before the first and three after the last. */
const span = (data: CalendarData): readonly [number, number] => {
  const ys = data.years.map((y) => y.year)
  const first = ys.length === 0 ? 2024 : Math.min(...ys) - 1
  const last = ys.length === 0 ? 2030 : Math.max(...ys) + 3
  return [first, last]
}

/** Builds the reasons of every special day of one year for one week type. */
const yearReasons = (data: CalendarData, year: number, week: WeekType, into: Map<number, Array<Reason>>): void => {
  const add = (d: number, r: Reason) => {
    const list = into.get(d)
    if (list === undefined) into.set(d, [r])
    else list.push(r)
  }
  const y = data.years.find((x) => x.year === year)
  const holidays: Array<number> = []
  for (const h of data.fixedHolidays) {
    if (h.day > daysInMonth(year, h.month)) continue
    const d = dayFromCivil(year, h.month, h.day)
    add(d, { kind: "holiday", name: h.name, source: h.source })
    holidays.push(d)
  }
  if (y !== undefined) {
    for (const e of y.entries) {
      if (!e.weeks.includes(week)) continue
      const d = dayFromIso(e.date)!
      add(d, { kind: e.kind, name: e.name, source: e.source, ...(e.from === undefined ? {} : { from: e.from }) })
    }
    return
  }
  // Provisional year: no decree data. Apply Labour Code Art. 208 to the fixed holidays.
  for (const t of labourCodeTransfers(holidays, week)) {
    add(t.to, { kind: "transferredDayOff", name: "Rest day moved from a holiday (provisional)", source: LABOUR_CODE_208, from: isoFromDay(t.from) })
  }
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
 */
export const labourCodeTransfers = (
  holidayDays: ReadonlyArray<number>,
  week: WeekType
): ReadonlyArray<{ readonly from: number; readonly to: number }> => {
  const hs = new Set(holidayDays)
  const taken = new Set<number>()
  const out: Array<{ from: number; to: number }> = []
  for (const h of [...hs].sort((a, b) => a - b)) {
    if (!isWeeklyRestDay(weekday(h), week)) continue
    let d = h + 1
    while (isWeeklyRestDay(weekday(d), week) || hs.has(d) || taken.has(d)) d++
    taken.add(d)
    out.push({ from: h, to: d })
  }
  return out
}

const isOffByReasons = (d: number, week: WeekType, rs: ReadonlyArray<Reason> | undefined): boolean => {
  if (rs !== undefined) {
    if (rs.some((r) => r.kind !== "workingDay")) return true
    if (rs.some((r) => r.kind === "workingDay")) return false
  }
  return isWeeklyRestDay(weekday(d), week)
}

const compile = (data: CalendarData): Calendar => {
  const [first, last] = span(data)
  const lo = dayFromCivil(first, 1, 1)
  const hi = dayFromCivil(last + 1, 1, 1)
  const build = (week: WeekType) => {
    const reasons = new Map<number, Array<Reason>>()
    for (let y = first; y <= last; y++) yearReasons(data, y, week, reasons)
    const n = hi - lo
    const off = new Uint8Array(n)
    const cum = new Int32Array(n + 1)
    for (let i = 0; i < n; i++) {
      const d = lo + i
      off[i] = isOffByReasons(d, week, reasons.get(d)) ? 1 : 0
      cum[i + 1] = cum[i]! + (off[i] === 0 ? 1 : 0)
    }
    return { table: { lo, hi, off, cum }, reasons }
  }
  const five = build("fiveDay")
  const six = build("sixDay")
  return {
    data,
    coveredYears: new Set(data.years.map((y) => y.year)),
    tables: { fiveDay: five.table, sixDay: six.table },
    reasonsByDay: { fiveDay: five.reasons, sixDay: six.reasons }
  }
}

/**
 * Validates calendar data and compiles it. Fails with `InvalidCalendar` naming every problem.
 *
 * @example
 * import { Calendar } from "@murojaat/core"
 * import { Either } from "effect"
 * Either.isRight(Calendar.make(Calendar.uzbekistan.data)) // true
 */
export const make = (data: CalendarData): Either.Either<Calendar, InvalidCalendar> => {
  const ps = problems(data)
  return ps.length > 0 ? Either.left(new InvalidCalendar({ calendar: data.id, issues: ps })) : Either.right(compile(data))
}

const decodeData = Decode.either(CalendarData, "Calendar")

/**
 * Decodes calendar data from unknown input (parsed JSON) and compiles it.
 *
 * @example
 * import { Calendar } from "@murojaat/core"
 * import { Either } from "effect"
 * Either.isLeft(Calendar.decode({ id: "x", timeZone: "Europe/Paris", fixedHolidays: [], years: [] })) // true
 */
export const decode = (input: unknown): Either.Either<Calendar, InvalidCalendar> => {
  // Bounded and never throwing (deep, cyclic or hostile input is an issue, not a crash).
  const decoded = decodeData(input)
  if (Either.isLeft(decoded)) {
    const copy = Either.getOrUndefined(Decode.snapshot(input)) as { readonly id?: unknown } | null | undefined
    const id = typeof copy?.id === "string" ? copy.id.slice(0, Limits.defaultSettings.calendarText) : "(unknown)"
    return Either.left(new InvalidCalendar({ calendar: id, issues: decoded.left.issues }))
  }
  return make(decoded.right)
}

/**
 * Decodes a calendar from JSON text.
 *
 * @example
 * import { Calendar } from "@murojaat/core"
 * import { Either } from "effect"
 * Either.isRight(Calendar.decodeJson(Calendar.toJson(Calendar.uzbekistan))) // true
 */
export const decodeJson = (text: string): Either.Either<Calendar, InvalidCalendar> => {
  let parsed: unknown
  try {
    parsed = JSON.parse(text)
  } catch (e) {
    return Either.left(
      new InvalidCalendar({
        calendar: "(unparsed)",
        issues: [new FieldIssue({ path: "", problem: "wrongType", expected: "JSON", detail: e instanceof Error ? e.message : String(e) })]
      })
    )
  }
  return decode(parsed)
}

/**
 * The calendar's data as JSON text (stable key order), for storing or sending to another system.
 *
 * @example
 * import { Calendar } from "@murojaat/core"
 * JSON.parse(Calendar.toJson(Calendar.uzbekistan)).timeZone // "Asia/Tashkent"
 */
export const toJson = (calendar: Calendar): string => JSON.stringify(Schema.encodeSync(CalendarData)(calendar.data), null, 2)

/**
 * A new calendar with the given years added (a year already present is replaced): how an operator
 * loads next year's decree.
 *
 * @example
 * import { Calendar } from "@murojaat/core"
 * import { Either } from "effect"
 * const next = Calendar.withYears(Calendar.uzbekistan, [{ year: 2027, source: "decree of Dec 2026", entries: [] }])
 * Either.isRight(next) // true
 */
export const withYears = (calendar: Calendar, years: ReadonlyArray<Year>): Either.Either<Calendar, InvalidCalendar> => {
  const replaced = new Set(years.map((y) => y.year))
  return decode({
    ...Schema.encodeSync(CalendarData)(calendar.data),
    years: [...calendar.data.years.filter((y) => !replaced.has(y.year)), ...years].sort((a, b) => a.year - b.year)
  })
}

// ---------------------------------------------------------------------------------------------
// Queries on day numbers (fast path) and on ISO dates (API)
// ---------------------------------------------------------------------------------------------

/**
 * Reasons of days outside the compiled span, one year at a time, memoised per calendar (the cache
 * only saves work: the answer is a function of the data).
 */
const outsideCache = new WeakMap<Calendar, Map<string, Map<number, Array<Reason>>>>()
const outsideReasons = (calendar: Calendar, d: number, week: WeekType): ReadonlyArray<Reason> | undefined => {
  const [y] = civilFromDay(d)
  let byYear = outsideCache.get(calendar)
  if (byYear === undefined) outsideCache.set(calendar, (byYear = new Map()))
  const key = `${week}:${y}`
  let reasons = byYear.get(key)
  if (reasons === undefined) {
    reasons = new Map<number, Array<Reason>>()
    yearReasons(calendar.data, y, week, reasons)
    // Art. 208 transfers of late December can land in January of the next year.
    yearReasons(calendar.data, y - 1, week, reasons)
    byYear.set(key, reasons)
  }
  return reasons.get(d)
}

const slowOff = (calendar: Calendar, d: number, week: WeekType): boolean => isOffByReasons(d, week, outsideReasons(calendar, d, week))

/**
 * Whether a day number is a working day. O(1) inside the compiled span, computed outside it.
 *
 * @example
 * import { Calendar } from "@murojaat/core"
 * Calendar.isWorkingDayNumber(Calendar.uzbekistan, Calendar.dayFromIso("2026-12-12")!, "fiveDay") // true (worked Saturday)
 */
export const isWorkingDayNumber = (calendar: Calendar, d: number, week: WeekType): boolean => {
  const t = calendar.tables[week]
  return d >= t.lo && d < t.hi ? t.off[d - t.lo] === 0 : !slowOff(calendar, d, week)
}

/**
 * The first working day on or after `d`.
 *
 * @example
 * import { Calendar } from "@murojaat/core"
 * Calendar.isoFromDay(Calendar.nextWorkingDayNumber(Calendar.uzbekistan, Calendar.dayFromIso("2026-03-20")!, "fiveDay")) // "2026-03-24"
 */
export const nextWorkingDayNumber = (calendar: Calendar, d: number, week: WeekType): number => {
  let x = d
  while (!isWorkingDayNumber(calendar, x, week)) x++
  return x
}

/**
 * The last working day on or before `d`.
 *
 * @example
 * import { Calendar } from "@murojaat/core"
 * Calendar.isoFromDay(Calendar.previousWorkingDayNumber(Calendar.uzbekistan, Calendar.dayFromIso("2026-03-22")!, "fiveDay")) // "2026-03-19"
 */
export const previousWorkingDayNumber = (calendar: Calendar, d: number, week: WeekType): number => {
  let x = d
  while (!isWorkingDayNumber(calendar, x, week)) x--
  return x
}

/**
 * The `n`-th working day counted from `from` inclusive (n >= 1): with n = 1 it is the first working
 * day on or after `from`. Binary search on the prefix counts inside the compiled span.
 *
 * @example
 * import { Calendar } from "@murojaat/core"
 * const d = Calendar.nthWorkingDayNumber(Calendar.uzbekistan, Calendar.dayFromIso("2026-03-19")!, 2, "fiveDay")
 * Calendar.isoFromDay(d) // "2026-03-24"
 */
export const nthWorkingDayNumber = (calendar: Calendar, from: number, n: number, week: WeekType): number => {
  if (n < 1) return nextWorkingDayNumber(calendar, from, week)
  const t = calendar.tables[week]
  if (from >= t.lo && from < t.hi) {
    const base = t.cum[from - t.lo]!
    const target = base + n
    if (t.cum[t.hi - t.lo]! >= target) {
      // smallest i with cum[i] >= target; the day is lo + i - 1
      let a = from - t.lo + 1, b = t.hi - t.lo
      while (a < b) {
        const mid = (a + b) >>> 1
        if (t.cum[mid]! >= target) b = mid
        else a = mid + 1
      }
      return t.lo + a - 1
    }
  }
  let x = from - 1
  let left = n
  while (left > 0) {
    x++
    if (isWorkingDayNumber(calendar, x, week)) left--
  }
  return x
}

/**
 * Working days in the half-open range `[from, to)` of day numbers.
 *
 * @example
 * import { Calendar } from "@murojaat/core"
 * Calendar.workingDaysBetweenNumbers(Calendar.uzbekistan, Calendar.dayFromIso("2026-03-16")!, Calendar.dayFromIso("2026-03-30")!, "fiveDay") // 8
 */
export const workingDaysBetweenNumbers = (calendar: Calendar, from: number, to: number, week: WeekType): number => {
  if (to <= from) return 0
  const t = calendar.tables[week]
  if (from >= t.lo && to <= t.hi) return t.cum[to - t.lo]! - t.cum[from - t.lo]!
  let c = 0
  for (let d = from; d < to; d++) if (isWorkingDayNumber(calendar, d, week)) c++
  return c
}

/**
 * Why a day number is special for a week type: its holidays, extra days off, transfers, worked
 * rest days, or the weekly rest day. Empty for an ordinary working day.
 *
 * @example
 * import { Calendar } from "@murojaat/core"
 * Calendar.reasonsForDayNumber(Calendar.uzbekistan, Calendar.dayFromIso("2026-03-21")!, "fiveDay").length > 0 // true
 */
export const reasonsForDayNumber = (calendar: Calendar, d: number, week: WeekType): ReadonlyArray<Reason> => {
  const t = calendar.tables[week]
  let rs: ReadonlyArray<Reason> | undefined
  if (d >= t.lo && d < t.hi) rs = calendar.reasonsByDay[week].get(d)
  else rs = outsideReasons(calendar, d, week)
  const list = rs === undefined ? [] : [...rs]
  if (isWeeklyRestDay(weekday(d), week) && !list.some((r) => r.kind === "workingDay"))
    list.push({ kind: "weeklyRestDay", name: weekday(d) === 7 ? "Sunday (weekly rest day)" : "Saturday (weekly rest day in the 5-day week)", source: "Labour Code (working week)" })
  return list
}

/**
 * Whether the day's year has decree data; days of other years are provisional (fixed holidays,
 * weekly rest days and Labour Code Art. 208 only).
 *
 * @example
 * import { Calendar } from "@murojaat/core"
 * Calendar.isCovered(Calendar.uzbekistan, Calendar.dayFromIso("2026-06-01")!) // true
 * Calendar.isCovered(Calendar.uzbekistan, Calendar.dayFromIso("2040-06-01")!) // false
 */
export const isCovered = (calendar: Calendar, d: number): boolean => calendar.coveredYears.has(civilFromDay(d)[0])

const dayOrThrow = (iso: string): number => {
  const d = dayFromIso(iso)
  if (d === undefined) throw new RangeError(`not a date: ${iso}`)
  return d
}

/**
 * Whether an ISO date is a working day for the week type. A malformed date is a programming error
 * (decode input first) and throws `RangeError`.
 *
 * @example
 * import { Calendar } from "@murojaat/core"
 * Calendar.isWorkingDay(Calendar.uzbekistan, "2026-03-20", "sixDay") // false (Ramazon hayiti)
 */
export const isWorkingDay = (calendar: Calendar, date: string, week: WeekType): boolean =>
  isWorkingDayNumber(calendar, dayOrThrow(date), week)

/**
 * The first working day on or after an ISO date.
 *
 * @example
 * import { Calendar } from "@murojaat/core"
 * Calendar.nextWorkingDay(Calendar.uzbekistan, "2026-05-27", "sixDay") // "2026-06-01"
 */
export const nextWorkingDay = (calendar: Calendar, date: string, week: WeekType): string =>
  isoFromDay(nextWorkingDayNumber(calendar, dayOrThrow(date), week))

/**
 * Adds `n` working days after an ISO date (the date itself is not counted).
 *
 * @example
 * import { Calendar } from "@murojaat/core"
 * Calendar.addWorkingDays(Calendar.uzbekistan, "2026-03-19", 1, "fiveDay") // "2026-03-24"
 */
export const addWorkingDays = (calendar: Calendar, date: string, n: number, week: WeekType): string =>
  isoFromDay(nthWorkingDayNumber(calendar, dayOrThrow(date) + 1, n, week))

/**
 * Working days from `from` (inclusive) to `to` (exclusive).
 *
 * @example
 * import { Calendar } from "@murojaat/core"
 * Calendar.workingDaysBetween(Calendar.uzbekistan, "2026-03-16", "2026-03-30", "fiveDay") // 8
 */
export const workingDaysBetween = (calendar: Calendar, from: string, to: string, week: WeekType): number =>
  workingDaysBetweenNumbers(calendar, dayOrThrow(from), dayOrThrow(to), week)

/**
 * Why an ISO date is special for a week type (empty for an ordinary working day).
 *
 * @example
 * import { Calendar } from "@murojaat/core"
 * Calendar.reasons(Calendar.uzbekistan, "2026-03-21", "fiveDay").map((r) => r.kind) // ["holiday", "weeklyRestDay"]
 */
export const reasons = (calendar: Calendar, date: string, week: WeekType): ReadonlyArray<Reason> =>
  reasonsForDayNumber(calendar, dayOrThrow(date), week)

/**
 * Every non-working day of a year for a week type, with its reasons: the table an operator checks
 * against the decree.
 *
 * @example
 * import { Calendar } from "@murojaat/core"
 * Calendar.daysOff(Calendar.uzbekistan, 2026, "fiveDay").length > 100 // true
 */
export const daysOff = (
  calendar: Calendar,
  year: number,
  week: WeekType
): ReadonlyArray<{ readonly date: string; readonly reasons: ReadonlyArray<Reason> }> => {
  const out: Array<{ date: string; reasons: ReadonlyArray<Reason> }> = []
  for (let d = dayFromCivil(year, 1, 1); d < dayFromCivil(year + 1, 1, 1); d++)
    if (!isWorkingDayNumber(calendar, d, week)) out.push({ date: isoFromDay(d), reasons: reasonsForDayNumber(calendar, d, week) })
  return out
}

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
 */
export interface ICalendarOptions {
  /** Where the events come from (the decree); used as each entry's and year's `source`. */
  readonly source: string
}

const unescapeText = (s: string) => s.replace(/\\([\\;,nN])/g, (_, c: string) => (c === "n" || c === "N" ? "\n" : c))

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
 */
export const fromICalendar = (ics: string, options: ICalendarOptions): Either.Either<ReadonlyArray<Year>, InvalidCalendar> => {
  const lines = ics
    .replace(/\r\n/g, "\n")
    .replace(/\n[ \t]/g, "")
    .split("\n")
    .map((l) => l.trimEnd())
  const issues: Array<FieldIssue> = []
  const entries: Array<Entry> = []
  let inCalendar = false
  let event: Array<{ name: string; params: string; value: string }> | undefined
  let eventIndex = 0
  const fail = (path: string, detail: string, expected?: string) =>
    issues.push(new FieldIssue({ path, problem: "invalidValue", detail, ...(expected === undefined ? {} : { expected }) }))
  const dateValue = (v: string): number | undefined => {
    const m = /^(\d{4})(\d{2})(\d{2})$/.exec(v)
    return m === null ? undefined : dayFromIso(`${m[1]}-${m[2]}-${m[3]}`)
  }
  const finish = (props: Array<{ name: string; params: string; value: string }>, path: string) => {
    const get = (n: string) => props.find((p) => p.name === n)
    if (get("RRULE") !== undefined || get("RDATE") !== undefined) {
      fail(`${path}.RRULE`, "recurring events are not supported: list each day", "one VEVENT per day or range")
      return
    }
    const start = get("DTSTART")
    if (start === undefined) return fail(`${path}.DTSTART`, "DTSTART is missing", "DTSTART;VALUE=DATE:YYYYMMDD")
    const s = dateValue(start.value)
    if (s === undefined)
      return fail(`${path}.DTSTART`, `"${start.value}" is not an all-day date`, "DTSTART;VALUE=DATE:YYYYMMDD (an all-day event)")
    const end = get("DTEND")
    let e = s + 1
    if (end !== undefined) {
      const ev = dateValue(end.value)
      if (ev === undefined) return fail(`${path}.DTEND`, `"${end.value}" is not an all-day date`, "DTEND;VALUE=DATE:YYYYMMDD")
      if (ev <= s) return fail(`${path}.DTEND`, "DTEND is not after DTSTART", "DTEND after DTSTART (exclusive)")
      if (ev - s > 31) return fail(`${path}.DTEND`, `the event spans ${ev - s} days`, "at most 31 days")
      e = ev
    }
    const cats = (get("CATEGORIES")?.value ?? "")
      .split(",")
      .map((c) => unescapeText(c.trim()).toLowerCase())
      .filter((c) => c.length > 0)
    const kinds = EntryKind.literals.filter((k) => cats.includes(k.toLowerCase()))
    if (kinds.length > 1) return fail(`${path}.CATEGORIES`, `several kinds given: ${kinds.join(", ")}`, "one of holiday, extraDayOff, transferredDayOff, workingDay")
    const weeksGiven = weekTypes.filter((w) => cats.includes(w.toLowerCase()))
    const weeks = (weeksGiven.length === 0 ? [...weekTypes] : weeksGiven) as unknown as readonly [WeekType, ...Array<WeekType>]
    const from = get("X-MUROJAAT-FROM")
    const fromDay = from === undefined ? undefined : dateValue(from.value)
    if (from !== undefined && fromDay === undefined) return fail(`${path}.X-MUROJAAT-FROM`, `"${from.value}" is not a date`, "YYYYMMDD")
    const summary = get("SUMMARY")
    const description = get("DESCRIPTION")
    const kind = kinds[0] ?? "extraDayOff"
    for (let d = s; d < e; d++) {
      // A range (a holiday break) may cover weekends: a day off there is already a rest day, skip it.
      const ws = e - s > 1 && kind !== "workingDay" ? weeks.filter((w) => !isWeeklyRestDay(weekday(d), w)) : weeks
      if (ws.length === 0) continue
      entries.push({
        date: isoFromDay(d),
        kind,
        weeks: ws as unknown as readonly [WeekType, ...Array<WeekType>],
        name: summary === undefined ? "Day off" : unescapeText(summary.value),
        source: options.source,
        ...(fromDay === undefined ? {} : { from: isoFromDay(fromDay) }),
        ...(description === undefined ? {} : { note: unescapeText(description.value) })
      })
    }
  }
  lines.forEach((line, i) => {
    if (line.length === 0) return
    const colon = line.indexOf(":")
    if (colon < 0) return fail(`line ${i + 1}`, `"${line.slice(0, 40)}" is not a content line`, "NAME[;PARAM=...]:VALUE")
    const head = line.slice(0, colon)
    const value = line.slice(colon + 1)
    const semi = head.indexOf(";")
    const name = (semi < 0 ? head : head.slice(0, semi)).toUpperCase()
    const params = semi < 0 ? "" : head.slice(semi + 1)
    if (name === "BEGIN" && value.toUpperCase() === "VCALENDAR") inCalendar = true
    else if (name === "BEGIN" && value.toUpperCase() === "VEVENT") {
      if (!inCalendar) fail(`line ${i + 1}`, "VEVENT outside VCALENDAR", "BEGIN:VCALENDAR first")
      event = []
    } else if (name === "END" && value.toUpperCase() === "VEVENT") {
      if (event !== undefined) finish(event, `VEVENT ${++eventIndex} (ends line ${i + 1})`)
      event = undefined
    } else if (event !== undefined) event.push({ name, params, value })
  })
  if (!inCalendar) fail("", "no BEGIN:VCALENDAR found", "an iCalendar file (RFC 5545)")
  if (issues.length > 0) return Either.left(new InvalidCalendar({ calendar: options.source, issues }))
  const byYear = new Map<number, Array<Entry>>()
  for (const e of entries) {
    const y = Number(e.date.slice(0, 4))
    const list = byYear.get(y)
    if (list === undefined) byYear.set(y, [e])
    else list.push(e)
  }
  const years: Array<Year> = [...byYear.entries()]
    .sort((a, b) => a[0] - b[0])
    .map(([year, es]) => ({ year, source: options.source, entries: es.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0)) }))
  const check = problems({ id: options.source, timeZone: "Asia/Tashkent", fixedHolidays: [], years })
  return check.length > 0 ? Either.left(new InvalidCalendar({ calendar: options.source, issues: check })) : Either.right(years)
}

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
 */
export const uzbekistanData: CalendarData = {
  id: "uz",
  timeZone: "Asia/Tashkent",
  fixedHolidays: uzFixedHolidays,
  years: [uzbekistan2025, uzbekistan2026]
}

/**
 * The shipped Uzbek calendar, compiled. Years after 2026 are provisional until an operator loads
 * that year's decree with {@link withYears}.
 *
 * @example
 * import { Calendar } from "@murojaat/core"
 * Calendar.isWorkingDay(Calendar.uzbekistan, "2026-12-31", "fiveDay") // false
 */
export const uzbekistan: Calendar = Either.getOrThrowWith(make(uzbekistanData), (e) => new Error(`shipped calendar is invalid: ${JSON.stringify(e.issues)}`))
