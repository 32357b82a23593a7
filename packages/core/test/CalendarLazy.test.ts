/**
 * The package is `"sideEffects": false`: importing it must do no work. The shipped calendar is
 * compiled on its first query, once.
 */
import { expect, test, vi } from "vitest"

test("importing core does not compile the shipped calendar; the first query does, once", async () => {
  vi.resetModules()
  const core = await import("../src/index.js")
  const shipped = await import("../src/internal/calendar/shipped.js")
  expect(shipped.isCompiled()).toBe(false)
  expect(core.Calendar.uzbekistan.data.years.map((y) => y.year)).toEqual([2025, 2026])
  expect(shipped.isCompiled()).toBe(false)
  expect(core.Calendar.isWorkingDay(core.Calendar.uzbekistan, "2026-03-23", "fiveDay")).toBe(false)
  expect(shipped.isCompiled()).toBe(true)
  const tables = core.Calendar.uzbekistan.tables
  expect(core.Calendar.uzbekistan.tables).toBe(tables)
  // The tables are plain data properties (no getter on the queries' path).
  expect(Object.getOwnPropertyDescriptor(core.Calendar.uzbekistan, "tables")?.get).toBeUndefined()
  expect(core.Calendar.uzbekistan.coveredYears.has(2026)).toBe(true)
})

test("whichever query comes first on a deferred calendar, it answers as the compiled calendar does", async () => {
  const { Calendar } = await import("../src/index.js")
  const { deferred, isWorkingDayNumber, nextWorkingDayNumber, nthWorkingDayNumber, reasonsForDayNumber, workingDaysBetweenNumbers } = await import(
    "../src/internal/calendar/arithmetic.js"
  )
  const { Either } = await import("effect")
  const compiled = Either.getOrThrow(Calendar.make(Calendar.uzbekistanData))
  const fresh = () => deferred(Calendar.uzbekistanData, () => Either.getOrThrow(Calendar.make(Calendar.uzbekistanData)))
  const d = Calendar.dayFromIso("2026-03-19")!
  for (const week of Calendar.weekTypes) {
    expect(nthWorkingDayNumber(fresh(), d, 15, week)).toBe(nthWorkingDayNumber(compiled, d, 15, week))
    expect(workingDaysBetweenNumbers(fresh(), d, d + 40, week)).toBe(workingDaysBetweenNumbers(compiled, d, d + 40, week))
    expect(reasonsForDayNumber(fresh(), d + 2, week)).toEqual(reasonsForDayNumber(compiled, d + 2, week))
    expect(isWorkingDayNumber(fresh(), d + 4, week)).toBe(isWorkingDayNumber(compiled, d + 4, week))
    expect(nextWorkingDayNumber(fresh(), d + 1, week)).toBe(nextWorkingDayNumber(compiled, d + 1, week))
    expect(Calendar.daysOff(fresh(), 2026, week)).toEqual(Calendar.daysOff(compiled, 2026, week))
    expect(Calendar.isWorkingDay(fresh(), "2026-03-23", week)).toBe(Calendar.isWorkingDay(compiled, "2026-03-23", week))
    expect(Calendar.addWorkingDays(fresh(), "2026-03-19", 15, week)).toBe(Calendar.addWorkingDays(compiled, "2026-03-19", 15, week))
    expect(Calendar.previousWorkingDay(fresh(), "2026-03-22", week)).toBe(Calendar.previousWorkingDay(compiled, "2026-03-22", week))
  }
})
