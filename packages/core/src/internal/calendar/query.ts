/**
 * The calendar's queries, on ISO dates (`YYYY-MM-DD`): the one public API. They call the day-number
 * fast path of `arithmetic.ts`, which the engines inside the core (deadlines, eligibility) use
 * directly. Documented in `Calendar.ts`.
 */
import type * as Calendar from "../../Calendar.js"
import * as localTime from "../localTime.js"
import {
  isCovered as isCoveredDay,
  isWorkingDayNumber,
  nextWorkingDayNumber,
  nthWorkingDayNumber,
  previousWorkingDayNumber,
  reasonsForDayNumber,
  workingDaysBetweenNumbers
} from "./arithmetic.js"

type WeekType = Calendar.WeekType

const dayOrThrow = (iso: string): number => {
  const d = localTime.dayFromIso(iso)
  if (d === undefined) throw new RangeError(`not a date: ${iso}`)
  return d
}

export const isWorkingDay = (calendar: Calendar.Calendar, date: string, week: WeekType): boolean =>
  isWorkingDayNumber(calendar, dayOrThrow(date), week)

export const nextWorkingDay = (calendar: Calendar.Calendar, date: string, week: WeekType): string =>
  localTime.isoFromDay(nextWorkingDayNumber(calendar, dayOrThrow(date), week))

export const previousWorkingDay = (calendar: Calendar.Calendar, date: string, week: WeekType): string =>
  localTime.isoFromDay(previousWorkingDayNumber(calendar, dayOrThrow(date), week))

export const addWorkingDays = (calendar: Calendar.Calendar, date: string, n: number, week: WeekType): string =>
  localTime.isoFromDay(nthWorkingDayNumber(calendar, dayOrThrow(date) + 1, n, week))

export const workingDaysBetween = (calendar: Calendar.Calendar, from: string, to: string, week: WeekType): number =>
  workingDaysBetweenNumbers(calendar, dayOrThrow(from), dayOrThrow(to), week)

export const reasons = (calendar: Calendar.Calendar, date: string, week: WeekType): ReadonlyArray<Calendar.Reason> =>
  reasonsForDayNumber(calendar, dayOrThrow(date), week)

export const isCovered = (calendar: Calendar.Calendar, date: string): boolean => isCoveredDay(calendar, dayOrThrow(date))

export const daysOff = (
  calendar: Calendar.Calendar,
  year: number,
  week: WeekType
): ReadonlyArray<{ readonly date: string; readonly reasons: ReadonlyArray<Calendar.Reason> }> => {
  const out: Array<{ date: string; reasons: ReadonlyArray<Calendar.Reason> }> = []
  for (let d = localTime.dayFromCivil(year, 1, 1); d < localTime.dayFromCivil(year + 1, 1, 1); d++)
    if (!isWorkingDayNumber(calendar, d, week)) out.push({ date: localTime.isoFromDay(d), reasons: reasonsForDayNumber(calendar, d, week) })
  return out
}
