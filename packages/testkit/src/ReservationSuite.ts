/**
 * Reservation: what a submission takes before it decides, in one call (`Reservation`). The
 * adapter's own reservation when its layer provides one, else `Reservation.fromPorts` over its
 * ports. Registration numbers come from the same counter as `IdGenerator.registrationNumber`
 * (consecutive per district and year, whichever of the two takes them); a key with a stored
 * record gives that record and takes nothing; workloads are `AppealStore.workload`'s.
 *
 * @example
 * import { ReservationSuite } from "@murojaat/testkit"
 * ReservationSuite.register
 */
import { describe, expect } from "@effect/vitest"
import { type AppealState, AppealStore, IdGenerator, Reservation } from "@murojaat/core"
import { Effect, FastCheck as fc, Option } from "effect"
import type { Adapter } from "./Adapter.js"
import { commitStream, freshId, type It, newAppeal, runsOf, same, timeoutOf } from "./internal/support.js"

const held: ReadonlyArray<AppealState.Status> = ["assigned", "inReview", "awaitingApplicant"]
// Instants in two Tashkent years (the second is 2027 in Tashkent, still 2026 in UTC).
const years = [
  { at: "2026-06-01T05:00:00.000Z", year: 2026 },
  { at: "2026-12-31T20:00:00.000Z", year: 2027 }
] as const

// The adapter's reservation, or the one made of its ports.
const reservation = Effect.flatMap(Effect.serviceOption(Reservation.Reservation), Option.match({ onSome: Effect.succeed, onNone: () => Reservation.fromPorts }))

const serial = (n: string | undefined): number => Number(n?.split("-").at(-1))

/**
 * Registers the reservation tests.
 *
 * @example
 * import { ReservationSuite } from "@murojaat/testkit"
 * ReservationSuite.register
 */
export const register = (it: It, adapter: Adapter): void => {
  describe("reservation", () => {
    it.effect.prop(
      "registration numbers run 1, 2, 3... per district and Tashkent year, shared with IdGenerator.registrationNumber",
      [fc.array(fc.record({ district: fc.integer({ min: 0, max: 1 }), year: fc.integer({ min: 0, max: 1 }), viaReservation: fc.boolean() }), { maxLength: 20 })],
      ([takes]) =>
        Effect.gen(function* () {
          const r = yield* reservation
          const ids = yield* IdGenerator.IdGenerator
          const tag = freshId("rs")
          const districts = [`${tag}-D0`, `${tag}-D1`]
          // The oracle: a counter per district and year, by hand.
          const counters = new Map<string, number>()
          for (const t of takes) {
            const districtCode = districts[t.district]!
            const { at, year } = years[t.year]!
            const number = t.viaReservation
              ? (yield* r.reserve({ registration: { districtCode, at } })).registrationNumber
              : yield* ids.registrationNumber(districtCode, at)
            const key = `${t.district}/${t.year}`
            const expected = (counters.get(key) ?? 0) + 1
            counters.set(key, expected)
            expect(number).toBe(IdGenerator.formatRegistration(districtCode, year, expected))
          }
        }),
      { timeout: timeoutOf(adapter), fastCheck: { numRuns: runsOf(adapter), endOnFailure: true } }
    )

    it.effect(
      "a key with a stored record gives the record and takes nothing; an unused key takes what was asked",
      () =>
        Effect.gen(function* () {
          const r = yield* reservation
          const ids = yield* IdGenerator.IdGenerator
          const districtCode = freshId("rsd")
          const key = freshId("rsk")
          const response = { appealId: "A-1", note: "the first answer", n: [1, 2] }
          yield* commitStream(newAppeal(freshId("rsa")), { key, fingerprint: "print-1", response })
          const request = { registration: { districtCode, at: years[0].at }, workload: { districtCode, status: held } }
          const retry = yield* r.reserve({ idempotencyKey: key, ...request })
          expect(Option.isSome(retry.prior)).toBe(true)
          if (Option.isSome(retry.prior)) {
            expect(retry.prior.value.fingerprint).toBe("print-1")
            same(retry.prior.value.response, response)
          }
          expect([retry.registrationNumber, retry.workload]).toEqual([undefined, undefined])
          const fresh = yield* r.reserve({ idempotencyKey: freshId("rsk"), ...request })
          expect(Option.isNone(fresh.prior)).toBe(true)
          // The retry took no number: the first one the district gives is 1.
          expect(serial(fresh.registrationNumber)).toBe(1)
          expect(fresh.workload).toEqual([])
          expect(serial(yield* ids.registrationNumber(districtCode, years[0].at))).toBe(2)
        }),
      timeoutOf(adapter)
    )

    it.effect.prop(
      "the workloads are AppealStore.workload's",
      [fc.array(fc.record({ officer: fc.integer({ min: 0, max: 2 }), status: fc.constantFrom<AppealState.Status>("assigned", "inReview", "closed"), priority: fc.constantFrom("urgent" as const, "normal" as const) }), { maxLength: 12 }), fc.subarray([...held])],
      ([rows, status]) =>
        Effect.gen(function* () {
          const r = yield* reservation
          const store = yield* AppealStore.AppealStore
          const districtCode = freshId("rsw")
          for (const row of rows) {
            yield* commitStream(newAppeal(freshId("rsa"), { districtCode, status: row.status, assigneeId: `${districtCode}-O${row.officer}`, priority: row.priority }))
          }
          const reserved = yield* r.reserve({ workload: { districtCode, status } })
          expect(reserved.workload).toEqual(yield* store.workload(districtCode, status))
          expect(reserved.registrationNumber).toBeUndefined()
        }),
      { timeout: timeoutOf(adapter), fastCheck: { numRuns: runsOf(adapter), endOnFailure: true } }
    )
  })
}
