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
})
