/**
 * The id port: appeal ids and registration numbers. Registration numbers run per district and
 * year (`<district>-<year>-<n>`), as registry journals do; the year is the Tashkent calendar year of
 * registration.
 *
 * @example
 * import { IdGenerator } from "@murojaat/core"
 * import { Effect } from "effect"
 * const ids = Effect.flatMap(IdGenerator.IdGenerator, (g) => g.appealId)
 * Effect.runSync(Effect.provide(ids, IdGenerator.layerMemory())) // "A-000001"
 */
import { Context, Effect, Layer } from "effect"
import type * as Errors from "./Errors.js"
import * as localTime from "./internal/localTime.js"

/**
 * The id generator's operations.
 *
 * @example
 * import { IdGenerator } from "@murojaat/core"
 * import { Effect } from "effect"
 * const program = Effect.flatMap(IdGenerator.IdGenerator, (g: IdGenerator.Service) => g.registrationNumber("1726262", "2026-03-02T05:00:00.000Z"))
 * Effect.runSync(Effect.provide(program, IdGenerator.layerMemory())) // "1726262-2026-000001"
 *
 * @since 0.1.0
 * @category ports
 */
export interface Service {
  /** A new, never used appeal id. */
  readonly appealId: Effect.Effect<string, Errors.StoreError>
  /** The next registration number of the district, for the year of `at` in Tashkent (UTC+5). */
  readonly registrationNumber: (districtCode: string, at: string) => Effect.Effect<string, Errors.StoreError>
}

/**
 * The id generator service.
 *
 * @example
 * import { IdGenerator } from "@murojaat/core"
 * IdGenerator.IdGenerator.key // "@murojaat/core/IdGenerator"
 *
 * @since 0.1.0
 * @category ports
 */
export class IdGenerator extends Context.Tag("@murojaat/core/IdGenerator")<IdGenerator, Service>() {}

/**
 * The Tashkent (UTC+5, no daylight saving) calendar year of an instant. A time without an offset is
 * read as Tashkent time (never the host's zone); `NaN` when `at` is not an ISO 8601 time.
 *
 * @example
 * import { IdGenerator } from "@murojaat/core"
 * IdGenerator.tashkentYear("2025-12-31T20:00:00Z") // 2026
 *
 * @since 0.1.0
 * @category utils
 */
export const tashkentYear = (at: string): number => {
  const ms = localTime.parseInstant(at)
  return ms === undefined ? Number.NaN : localTime.localYear(ms)
}

/**
 * Formats a registration number.
 *
 * @example
 * import { IdGenerator } from "@murojaat/core"
 * IdGenerator.formatRegistration("1726262", 2026, 17) // "1726262-2026-000017"
 *
 * @since 0.1.0
 * @category ids
 */
export const formatRegistration = (districtCode: string, year: number, n: number): string =>
  `${districtCode}-${year}-${String(n).padStart(6, "0")}`

/**
 * Counters in memory, starting at 1 (optionally with a prefix for appeal ids).
 *
 * @example
 * import { IdGenerator } from "@murojaat/core"
 * IdGenerator.layerMemory("T")
 *
 * @since 0.1.0
 * @category layers
 */
export const layerMemory = (prefix = "A"): Layer.Layer<IdGenerator> =>
  Layer.sync(IdGenerator, () => {
    let next = 0
    const journals = new Map<string, number>()
    return {
      appealId: Effect.sync(() => `${prefix}-${String(++next).padStart(6, "0")}`),
      registrationNumber: (districtCode, at) =>
        Effect.sync(() => {
          const year = tashkentYear(at)
          const key = `${districtCode}|${year}`
          const n = (journals.get(key) ?? 0) + 1
          journals.set(key, n)
          return formatRegistration(districtCode, year, n)
        })
    }
  })
