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
import { deferred } from "./arithmetic.js"
import { make } from "./data.js"

export const uzbekistanData: Calendar.CalendarData = {
  id: "uz",
  timeZone: "Asia/Tashkent",
  fixedHolidays,
  years: [uzbekistan2025, uzbekistan2026]
}

let compiled: Calendar.Calendar | undefined

/** Whether the shipped calendar has been compiled yet (for the test that importing does no work). */
export const isCompiled = (): boolean => compiled !== undefined

/** The shipped calendar: validated and compiled by its first query (see `deferred`). */
export const uzbekistan: Calendar.Calendar = deferred(
  uzbekistanData,
  () => (compiled ??= Either.getOrThrowWith(make(uzbekistanData), (e) => new Error(`shipped calendar is invalid: ${JSON.stringify(e.issues)}`)))
)
