/**
 * The shipped Uzbek calendar: its data (fixed holidays, 2025 and 2026 with their sources) and the
 * compiled calendar, built on first use rather than at import (the package is
 * `"sideEffects": false`: importing it does no work). Documented in `Calendar.ts`.
 */
import { Either } from "effect"
import type * as Calendar from "../../Calendar.js"
import { uzbekistan2025 } from "../../calendars/uz-2025.js"
import { uzbekistan2026 } from "../../calendars/uz-2026.js"
import { fixedHolidays } from "../../calendars/uz-fixed.js"
import { make } from "./data.js"

export const uzbekistanData: Calendar.CalendarData = {
  id: "uz",
  timeZone: "Asia/Tashkent",
  fixedHolidays,
  years: [uzbekistan2025, uzbekistan2026]
}

let compiled: Calendar.Calendar | undefined

/** Validates and compiles the shipped data once, on the first query. */
const shipped = (): Calendar.Calendar =>
  (compiled ??= Either.getOrThrowWith(make(uzbekistanData), (e) => new Error(`shipped calendar is invalid: ${JSON.stringify(e.issues)}`)))

/** Whether the shipped calendar has been compiled yet (for the test that importing does no work). */
export const isCompiled = (): boolean => compiled !== undefined

/** The shipped calendar: a `Calendar` whose tables are compiled when first read. */
export const uzbekistan: Calendar.Calendar = {
  data: uzbekistanData,
  get coveredYears() {
    return shipped().coveredYears
  },
  get tables() {
    return shipped().tables
  },
  get reasonsByDay() {
    return shipped().reasonsByDay
  }
}
