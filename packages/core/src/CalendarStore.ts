/**
 * The calendar port: where the working calendar comes from. Each December a Presidential decree
 * sets next year's extra days off and transfers; operators load it (JSON or iCalendar, see
 * `Calendar`) into the store, and every service instance reads the same calendar from it.
 *
 * Adapters: `layerMemory` here (starts with the shipped calendar, `Calendar.uzbekistan`);
 * PostgreSQL in `@murojaat/postgres`.
 *
 * @example
 * import { CalendarStore } from "@murojaat/core"
 * import { Effect } from "effect"
 * const years = Effect.map(Effect.flatMap(CalendarStore.CalendarStore, (c) => c.current), (cal) => [...cal.coveredYears])
 * Effect.runSync(Effect.provide(years, CalendarStore.layerMemory())) // [2025, 2026]
 */
import { Context, Effect, Either, Layer } from "effect"
import * as Calendar from "./Calendar.js"
import type * as Errors from "./Errors.js"

/**
 * The calendar store's operations.
 *
 * @example
 * import { CalendarStore } from "@murojaat/core"
 * import { Effect } from "effect"
 * const program = Effect.flatMap(CalendarStore.CalendarStore, (s: CalendarStore.Service) => s.current)
 * Effect.runSync(Effect.provide(program, CalendarStore.layerMemory())).coveredYears.has(2026) // true
 *
 * @since 0.1.0
 * @category ports
 */
export interface Service {
  /** The calendar in force. */
  readonly current: Effect.Effect<Calendar.Calendar, Errors.StoreError>
  /**
   * Adds or replaces years (a new decree), after validating the whole resulting calendar: impossible
   * data is refused with `InvalidCalendar` and nothing changes.
   */
  readonly addYears: (years: ReadonlyArray<Calendar.Year>) => Effect.Effect<Calendar.Calendar, Errors.InvalidCalendar | Errors.StoreError>
}

/**
 * The calendar store service.
 *
 * @example
 * import { CalendarStore } from "@murojaat/core"
 * CalendarStore.CalendarStore.key // "@murojaat/core/CalendarStore"
 *
 * @since 0.1.0
 * @category ports
 */
export class CalendarStore extends Context.Tag("@murojaat/core/CalendarStore")<CalendarStore, Service>() {}

/**
 * A calendar held in memory, starting from `initial` (default: the shipped Uzbek calendar).
 *
 * @example
 * import { Calendar, CalendarStore } from "@murojaat/core"
 * CalendarStore.layerMemory(Calendar.uzbekistan)
 *
 * @since 0.1.0
 * @category layers
 */
export const layerMemory = (initial: Calendar.Calendar = Calendar.uzbekistan): Layer.Layer<CalendarStore> =>
  Layer.sync(CalendarStore, () => {
    let current = initial
    return {
      current: Effect.sync(() => current),
      addYears: (years) =>
        Effect.suspend(() => {
          const next = Calendar.withYears(current, years)
          if (Either.isRight(next)) current = next.right
          return next
        })
    }
  })
