import { describe, expect, it } from "@effect/vitest"
import { AppealService, Calendar, CalendarStore } from "@murojaat/core"
import { Effect, Either } from "effect"

const year2027: Calendar.Year = {
  year: 2027,
  source: "Decree for 2027 (test data)",
  entries: [{ date: "2027-03-10", kind: "holiday", weeks: ["fiveDay", "sixDay"], name: "Ramazon hayiti (test)", source: "test" }]
}

describe("CalendarStore", () => {
  it.effect("loads next year's decree, and refuses impossible data without changing anything", () =>
    Effect.gen(function* () {
      const store = yield* CalendarStore.CalendarStore
      const bad = yield* Effect.either(store.addYears([{ ...year2027, entries: [{ ...year2027.entries[0]!, date: "2026-03-10" }] }]))
      expect(Either.isLeft(bad) && bad.left._tag).toBe("InvalidCalendar")
      expect([...(yield* store.current).coveredYears].sort()).toEqual([2025, 2026])
      const next = yield* store.addYears([year2027])
      expect([...next.coveredYears].sort()).toEqual([2025, 2026, 2027])
      expect(Calendar.reasons(yield* store.current, "2027-03-10", "fiveDay").length).toBeGreaterThan(0)
    }).pipe(Effect.provide(CalendarStore.layerMemory()))
  )

  it.effect("the service's due times follow the calendar in the store", () =>
    Effect.gen(function* () {
      // Received Tue 9 Mar 2027 at 19:00 Tashkent, after hours: registration is due the next working day,
      // which is Thu 11 Mar once the 2027 decree makes Wed 10 Mar a holiday.
      const events = [{ type: "received", at: "2027-03-09T14:00:00.000Z", data: { kind: "ariza" } }]
      const store = yield* CalendarStore.CalendarStore
      const before = AppealService.dueAt(events, "2027-03-09T14:00:00.000Z", { calendar: yield* store.current })
      yield* store.addYears([year2027])
      const after = AppealService.dueAt(events, "2027-03-09T14:00:00.000Z", { calendar: yield* store.current })
      expect(before!.slice(0, 10)).toBe("2027-03-10")
      expect(after!.slice(0, 10)).toBe("2027-03-11")
    }).pipe(Effect.provide(CalendarStore.layerMemory()))
  )
})
