// The reservation a submission makes before it decides (`Reservation`): one call per new appeal,
// and a retry takes nothing: no registration number is used up by a request made before.
import { describe, expect, it } from "vitest"
import { Effect, Either, Layer, Option } from "effect"
import * as fc from "fast-check"
import { Actor, AppealService, AppealStore, CalendarStore, DirectoryStore, Errors, IdempotencyStore, IdGenerator, Reservation, Sample } from "../src/index.js"

const applicant = Actor.applicant("user-1")
const intakeOf = (variant: number) => ({ ...Sample.intake, text: { body: `${Sample.intake.text.body} (${variant})` } })
const serial = (registrationNumber: string | undefined) => Number(registrationNumber?.split("-").at(-1))

interface Counts {
  reservations: number
  lookups: number
}

// The in-memory ports, with an idempotency store and a reservation that count their calls;
// `override` replaces the reservation's answer.
const live = (counts: Counts, override?: (r: Reservation.Reserved) => Reservation.Reserved) => {
  const store = AppealStore.layerMemory()
  const ids = IdGenerator.layerMemory()
  // The service's own look-ups are counted; the reservation's (part of one reservation) are not.
  const idem = Layer.effect(
    IdempotencyStore.IdempotencyStore,
    Effect.map(IdempotencyStore.IdempotencyStore, (s) => ({ lookup: (key: string) => Effect.suspend(() => (counts.lookups++, s.lookup(key))) }))
  ).pipe(Layer.provide(store))
  const ports = Layer.mergeAll(store, idem, ids, DirectoryStore.layerMemory(Sample.directory), CalendarStore.layerMemory())
  const reservation = Layer.effect(
    Reservation.Reservation,
    Effect.map(Reservation.fromPorts, (r) => ({
      reserve: (request: Reservation.Request) => Effect.suspend(() => (counts.reservations++, Effect.map(r.reserve(request), override ?? ((x) => x))))
    }))
  ).pipe(Layer.provide(Layer.merge(store, ids)))
  return AppealService.layerWith({ pipeline: AppealService.rulesPipeline() }).pipe(Layer.provideMerge(Layer.merge(ports, reservation)))
}

describe("Reservation", () => {
  it("a retry takes no registration number: the new appeals' numbers run 1, 2, 3... whatever was retried or refused in between", () => {
    // Requests drawn from a few keys and a few texts: a key seen with the same text is a retry (the
    // first answer again), with another text a conflict; a request without a key is always new.
    const request = fc.record({ key: fc.option(fc.constantFrom("k1", "k2", "k3", "k4"), { nil: undefined }), variant: fc.integer({ min: 0, max: 2 }) })
    fc.assert(
      fc.property(fc.array(request, { maxLength: 12 }), (requests) => {
        const counts: Counts = { reservations: 0, lookups: 0 }
        const program = Effect.gen(function* () {
          const seen = new Map<string, { variant: number; appealId: string }>()
          let accepted = 0
          for (const r of requests) {
            const result = yield* Effect.either(AppealService.submit(intakeOf(r.variant), applicant, { idempotencyKey: r.key }))
            const before = r.key === undefined ? undefined : seen.get(r.key)
            if (before === undefined) {
              // A new appeal: the next number of the district, no gap.
              const value = Either.getOrThrow(result)
              accepted++
              expect(serial(value.state.registrationNumber)).toBe(accepted)
              if (r.key !== undefined) seen.set(r.key, { variant: r.variant, appealId: value.appealId })
            } else if (before.variant === r.variant) {
              expect(Either.getOrThrow(result).appealId).toBe(before.appealId)
            } else {
              expect(Either.isLeft(result) && result.left._tag).toBe("IdempotencyConflict")
            }
          }
          // One reservation per request that passed the checks; the look-up of the key is part of it.
          expect(counts.reservations).toBe(requests.length)
          expect(counts.lookups).toBe(0)
        })
        Effect.runSync(Effect.provide(program, live(counts)))
      }),
      { numRuns: 100 }
    )
  })

  it("a retry is answered as the first request was after the directory dropped its mahalla; without the key the check refuses", () => {
    const counts: Counts = { reservations: 0, lookups: 0 }
    const program = Effect.gen(function* () {
      const first = yield* AppealService.submit(Sample.intake, applicant, { idempotencyKey: "k-1" })
      const directories = yield* DirectoryStore.DirectoryStore
      yield* directories.replace({ ...Sample.directory, mahallas: Sample.directory.mahallas.filter((m) => m.code !== Sample.intake.location.mahallaCode) })
      const again = yield* AppealService.submit(Sample.intake, applicant, { idempotencyKey: "k-1" })
      expect(again.appealId).toBe(first.appealId)
      const fresh = yield* Effect.either(AppealService.submit(Sample.intake, applicant, { idempotencyKey: "k-2" }))
      expect(Either.isLeft(fresh) && fresh.left._tag).toBe("InvalidInput")
      // The refused requests made no reservation; they looked the key up instead.
      expect(counts.reservations).toBe(1)
      expect(counts.lookups).toBe(2)
    })
    Effect.runSync(Effect.provide(program, live(counts)))
  })

  it("an adapter's reservation that leaves out what was asked for is the store's error, and nothing is committed", () => {
    for (const leaveOut of ["registrationNumber", "workload"] as const) {
      const counts: Counts = { reservations: 0, lookups: 0 }
      const program = Effect.gen(function* () {
        const r = yield* Effect.either(AppealService.submit(Sample.intake, applicant))
        expect(Either.isLeft(r) && r.left).toBeInstanceOf(Errors.StoreError)
        if (Either.isLeft(r) && r.left._tag === "StoreError") expect([r.left.port, r.left.reason]).toEqual(["Reservation", "corrupt"])
        const store = yield* AppealStore.AppealStore
        expect(yield* store.ids(undefined, 10)).toEqual([])
      })
      Effect.runSync(Effect.provide(program, live(counts, (x) => ({ ...x, [leaveOut]: undefined }))))
    }
  })

  it("make: a stored record takes nothing; otherwise what was asked for, as the ports give it", () => {
    const program = Effect.gen(function* () {
      const reservation = yield* Reservation.fromPorts
      const ids = yield* IdGenerator.IdGenerator
      const at = "2026-03-02T05:00:00.000Z"
      const none = yield* reservation.reserve({})
      expect(none).toEqual({ prior: Option.none(), registrationNumber: undefined, workload: undefined })
      const some = yield* reservation.reserve({ idempotencyKey: "absent", registration: { districtCode: "1726262", at }, workload: { districtCode: "1726262", status: ["assigned"] } })
      expect(some).toEqual({ prior: Option.none(), registrationNumber: "1726262-2026-000001", workload: [] })
      yield* AppealService.submit(Sample.intake, applicant, { idempotencyKey: "used" })
      const retry = yield* reservation.reserve({ idempotencyKey: "used", registration: { districtCode: "1726262", at }, workload: { districtCode: "1726262", status: ["assigned"] } })
      expect(Option.isSome(retry.prior)).toBe(true)
      expect([retry.registrationNumber, retry.workload]).toEqual([undefined, undefined])
      // The submission took number 2 (the reservation above took 1); the retry took none.
      expect(yield* ids.registrationNumber("1726262", at)).toBe("1726262-2026-000003")
    })
    Effect.runSync(Effect.provide(program, AppealService.layerMemory(Sample.directory, { pipeline: AppealService.rulesPipeline() })))
  })
})
