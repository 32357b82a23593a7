/**
 * Working-day arithmetic: weekly rest days, Labour Code Art. 208 transfers, the compiled tables
 * (a non-working flag and a prefix count of working days per day of the span) and the queries on
 * day numbers that use them: O(1) or O(log n) inside the span, computed (and memoised per year)
 * outside it. Documented in `Calendar.ts`.
 */
import type * as Calendar from "../../Calendar.js"
import * as localTime from "../localTime.js"

type WeekType = Calendar.WeekType
type Reason = Calendar.Reason
type CalendarData = Calendar.CalendarData

export const isWeeklyRestDay = (isoWeekday: number, week: WeekType): boolean =>
  isoWeekday === 7 || (week === "fiveDay" && isoWeekday === 6)

/** Compiled lookup tables of one week type. */
export interface Table {
  readonly lo: number
  readonly hi: number
  /** 1 where the day is not worked, for lo <= d < hi. */
  readonly off: Uint8Array
  /** cum[i] = working days in [lo, lo + i). */
  readonly cum: Int32Array
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
export const yearReasons = (data: CalendarData, year: number, week: WeekType, into: Map<number, Array<Reason>>): void => {
  const add = (d: number, r: Reason) => {
    const list = into.get(d)
    if (list === undefined) into.set(d, [r])
    else list.push(r)
  }
  const y = data.years.find((x) => x.year === year)
  const holidays: Array<number> = []
  for (const h of data.fixedHolidays) {
    if (h.day > localTime.daysInMonth(year, h.month)) continue
    const d = localTime.dayFromCivil(year, h.month, h.day)
    add(d, { kind: "holiday", name: h.name, source: h.source })
    holidays.push(d)
  }
  if (y !== undefined) {
    for (const e of y.entries) {
      if (!e.weeks.includes(week)) continue
      const d = localTime.dayFromIso(e.date)!
      add(d, { kind: e.kind, name: e.name, source: e.source, ...(e.from === undefined ? {} : { from: e.from }) })
    }
    return
  }
  // Provisional year: no decree data. Apply Labour Code Art. 208 to the fixed holidays.
  for (const t of labourCodeTransfers(holidays, week)) {
    add(t.to, { kind: "transferredDayOff", name: "Rest day moved from a holiday (provisional)", source: LABOUR_CODE_208, from: localTime.isoFromDay(t.from) })
  }
}

export const labourCodeTransfers = (
  holidayDays: ReadonlyArray<number>,
  week: WeekType
): ReadonlyArray<{ readonly from: number; readonly to: number }> => {
  const hs = new Set(holidayDays)
  const taken = new Set<number>()
  const out: Array<{ from: number; to: number }> = []
  for (const h of [...hs].sort((a, b) => a - b)) {
    if (!isWeeklyRestDay(localTime.weekday(h), week)) continue
    let d = h + 1
    while (isWeeklyRestDay(localTime.weekday(d), week) || hs.has(d) || taken.has(d)) d++
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
  return isWeeklyRestDay(localTime.weekday(d), week)
}

const coveredYearsOf = (data: CalendarData): ReadonlySet<number> => new Set(data.years.map((y) => y.year))

export const compile = (data: CalendarData): Calendar.Calendar => {
  const [first, last] = span(data)
  const lo = localTime.dayFromCivil(first, 1, 1)
  const hi = localTime.dayFromCivil(last + 1, 1, 1)
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
    coveredYears: coveredYearsOf(data),
    tables: { fiveDay: five.table, sixDay: six.table },
    reasonsByDay: { fiveDay: five.reasons, sixDay: six.reasons }
  }
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] }

/** Calendars compiled on first use (the shipped one), with how to compile each. */
const pending = new WeakMap<Calendar.Calendar, () => Calendar.Calendar>()

/** A table that spans no day: every query on it takes the path for days outside the span. */
const emptyTable = (): Table => ({ lo: 0, hi: 0, off: new Uint8Array(0), cum: new Int32Array(1) })

/**
 * A calendar whose tables are compiled by its first query rather than now (the shipped calendar:
 * importing the package does no work). Until then its tables span no day, so every query takes
 * the path for days outside the span, which compiles the calendar first and asks again. The fast
 * path has no check of its own, and the object has the shape of any compiled calendar (an accessor,
 * or a second shape at the queries' property reads, costs a tenth to a quarter of their speed; see
 * docs/performance.md, Deadlines).
 */
export const deferred = (data: CalendarData, build: () => Calendar.Calendar): Calendar.Calendar => {
  // The same fields in the same order as `compile` gives, so the queries see one object shape.
  const c: Calendar.Calendar = {
    data,
    coveredYears: coveredYearsOf(data),
    tables: { fiveDay: emptyTable(), sixDay: emptyTable() },
    reasonsByDay: { fiveDay: new Map(), sixDay: new Map() }
  }
  pending.set(c, build)
  return c
}

/** Compiles a deferred calendar in place; false when it has nothing pending. */
const fill = (calendar: Calendar.Calendar): boolean => {
  const build = pending.get(calendar)
  if (build === undefined) return false
  pending.delete(calendar)
  const compiled = build()
  const target = calendar as Mutable<Calendar.Calendar>
  target.tables = compiled.tables
  target.reasonsByDay = compiled.reasonsByDay
  return true
}

/**
 * Reasons of days outside the compiled span, one year at a time, memoised per calendar (the cache
 * only saves work: the answer is a function of the data).
 */
const outsideCache = new WeakMap<Calendar.Calendar, Map<string, Map<number, Array<Reason>>>>()
const outsideReasons = (calendar: Calendar.Calendar, d: number, week: WeekType): ReadonlyArray<Reason> | undefined => {
  const [y] = localTime.civilFromDay(d)
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

const slowOff = (calendar: Calendar.Calendar, d: number, week: WeekType): boolean =>
  fill(calendar) ? !isWorkingDayNumber(calendar, d, week) : isOffByReasons(d, week, outsideReasons(calendar, d, week))

export const isWorkingDayNumber = (calendar: Calendar.Calendar, d: number, week: WeekType): boolean => {
  const t = calendar.tables[week]
  return d >= t.lo && d < t.hi ? t.off[d - t.lo] === 0 : !slowOff(calendar, d, week)
}

export const nextWorkingDayNumber = (calendar: Calendar.Calendar, d: number, week: WeekType): number => {
  let x = d
  while (!isWorkingDayNumber(calendar, x, week)) x++
  return x
}

export const previousWorkingDayNumber = (calendar: Calendar.Calendar, d: number, week: WeekType): number => {
  let x = d
  while (!isWorkingDayNumber(calendar, x, week)) x--
  return x
}

export const nthWorkingDayNumber = (calendar: Calendar.Calendar, from: number, n: number, week: WeekType): number => {
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

export const workingDaysBetweenNumbers = (calendar: Calendar.Calendar, from: number, to: number, week: WeekType): number => {
  if (to <= from) return 0
  const t = calendar.tables[week]
  if (from >= t.lo && to <= t.hi) return t.cum[to - t.lo]! - t.cum[from - t.lo]!
  let c = 0
  for (let d = from; d < to; d++) if (isWorkingDayNumber(calendar, d, week)) c++
  return c
}

export const reasonsForDayNumber = (calendar: Calendar.Calendar, d: number, week: WeekType): ReadonlyArray<Reason> => {
  const t = calendar.tables[week]
  let rs: ReadonlyArray<Reason> | undefined
  if (d >= t.lo && d < t.hi) rs = calendar.reasonsByDay[week].get(d)
  else if (fill(calendar)) return reasonsForDayNumber(calendar, d, week)
  else rs = outsideReasons(calendar, d, week)
  const list = rs === undefined ? [] : [...rs]
  if (isWeeklyRestDay(localTime.weekday(d), week) && !list.some((r) => r.kind === "workingDay"))
    list.push({ kind: "weeklyRestDay", name: localTime.weekday(d) === 7 ? "Sunday (weekly rest day)" : "Saturday (weekly rest day in the 5-day week)", source: "Labour Code (working week)" })
  return list
}

export const isCovered = (calendar: Calendar.Calendar, d: number): boolean => calendar.coveredYears.has(localTime.civilFromDay(d)[0])
