/**
 * Round-trip: what a commit writes is what reads return and what the storage holds, for appeals
 * made by the service from Schema-generated intakes and for Schema-generated events, states and
 * personal data committed directly (any string, any number the schemas allow).
 *
 * @example
 * import { RoundTripSuite } from "@murojaat/testkit"
 * // inside layer(adapter.layer)(name, (it) => RoundTripSuite.register(it, adapter))
 */
import { describe, expect } from "@effect/vitest"
import { Actor, Appeal, AppealService, AppealState, AppealStore, Audit, Event, Outbox } from "@murojaat/core"
import { Arbitrary, Effect, Either, FastCheck as fc, Option } from "effect"
import type { Adapter } from "./Adapter.js"
import { advance, freshId, type It, outboxOf, runsOf, same, timeoutOf } from "./internal/support.js"
import { RawReader } from "./RawReader.js"

// Stored documents are JSON and hashed as canonical JSON, which has no NaN or Infinity; some
// schemas (plain Schema.Number) allow them, so generated values are kept to what JSON can carry.
const isJson = (v: unknown): boolean => {
  try {
    Audit.canonical(v)
    return true
  } catch {
    return false
  }
}
// `receivedAt` is dropped: the legal clocks of an appeal received centuries ago are the deadline
// engine's concern, not storage's, and take long to count.
const intakes = Arbitrary.make(Appeal.Intake)
  .filter(isJson)
  .map(({ receivedAt: _ignored, ...intake }) => intake as Appeal.Intake)
const events = fc.array(Arbitrary.make(Event.AppealEvent).filter(isJson), { minLength: 1, maxLength: 4 })
const states = Arbitrary.make(AppealState.AppealState).filter(isJson)
const personals = Arbitrary.make(Appeal.Personal).filter(isJson)

// Generated events renumbered into one appeal's chain shape (the store does not check hashes).
const asStream = (appealId: string, generated: ReadonlyArray<Event.AppealEvent>) =>
  generated.map((e, i) => ({ ...e, appealId, seq: i + 1, id: `${appealId}#${i + 1}` }) as Event.AppealEvent)

/** Checks everything stored for one appeal against what was committed. */
const expectStored = (appealId: string, state: AppealState.AppealState, stored: ReadonlyArray<Event.AppealEvent>, personal: Appeal.Personal | undefined) =>
  Effect.gen(function* () {
    const store = yield* AppealStore.AppealStore
    const raw = yield* RawReader
    same(Option.getOrUndefined(yield* store.load(appealId)), state)
    same(yield* store.events(appealId), stored)
    same(yield* store.events(appealId, 2), stored.slice(1))
    same(Option.getOrUndefined(yield* store.personal(appealId)), personal)
    same(yield* raw.state(appealId), state)
    same(yield* raw.events(appealId), stored)
    same(yield* raw.personal(appealId), personal)
    const rows = yield* raw.outbox(appealId)
    same(
      rows.map((r) => ({ id: r.id, seq: r.seq, topic: r.topic, payload: r.payload, published: r.published })),
      stored.map((e) => ({ id: e.id, seq: e.seq, topic: Outbox.topicOf(e.type), payload: e, published: false }))
    )
  })

/**
 * Registers the round-trip tests.
 *
 * @example
 * import { RoundTripSuite } from "@murojaat/testkit"
 * RoundTripSuite.register
 */
export const register = (it: It, adapter: Adapter): void => {
  describe("round-trip", () => {
    it.effect.prop(
      "appeals submitted from generated intakes read back exactly as committed, chain intact",
      [intakes],
      ([intake]) =>
        Effect.gen(function* () {
          const submitted = yield* Effect.either(AppealService.submit(intake, Actor.system("testkit")))
          // A domain refusal is the core's business; a storage failure is the adapter's.
          if (Either.isLeft(submitted)) {
            expect(submitted.left._tag).not.toBe("StoreError")
            return
          }
          const r = submitted.right
          yield* expectStored(r.appealId, r.state, r.events, Appeal.split(intake).personal)
          const v = yield* AppealService.verify(r.appealId)
          expect(v.ok && v.projectionMatches).toBe(true)
        }),
      { timeout: timeoutOf(adapter), fastCheck: { numRuns: runsOf(adapter), endOnFailure: true } }
    )

    it.effect.prop(
      "generated events, states and personal data are stored byte-for-byte (canonical JSON)",
      [events, states, personals],
      ([generated, generatedState, personal]) =>
        Effect.gen(function* () {
          const appealId = freshId("rt")
          const stored = asStream(appealId, generated)
          const state = advance({ ...generatedState, appealId }, stored)
          const store = yield* AppealStore.AppealStore
          yield* store.commit({ streams: [{ appealId, expectedVersion: 0, events: stored, state, personal }], outbox: outboxOf(stored) })
          yield* expectStored(appealId, state, stored, personal)
        }),
      { timeout: timeoutOf(adapter), fastCheck: { numRuns: runsOf(adapter), endOnFailure: true } }
    )

    it.effect(
      "an unknown appeal has no state, no events, no personal data",
      () =>
        Effect.gen(function* () {
          const store = yield* AppealStore.AppealStore
          const id = freshId("none")
          expect(Option.isNone(yield* store.load(id))).toBe(true)
          expect(yield* store.events(id)).toEqual([])
          expect(Option.isNone(yield* store.personal(id))).toBe(true)
        }),
      timeoutOf(adapter)
    )

    it.effect(
      "erasing personal data removes it from storage and leaves the chain verifiable",
      () =>
        Effect.gen(function* () {
          const intake = fc.sample(intakes, { numRuns: 1, seed: 42 })[0]!
          const r = yield* AppealService.submit(intake, Actor.system("testkit"))
          const store = yield* AppealStore.AppealStore
          expect(yield* store.erasePersonal(r.appealId)).toBe(true)
          expect(yield* store.erasePersonal(r.appealId)).toBe(false)
          expect(Option.isNone(yield* store.personal(r.appealId))).toBe(true)
          expect(yield* Effect.flatMap(RawReader, (raw) => raw.personal(r.appealId))).toBeUndefined()
          const v = yield* AppealService.verify(r.appealId)
          expect(v.ok).toBe(true)
          same(Audit.verifyChain(yield* store.events(r.appealId)), Audit.verifyChain(r.events))
        }),
      timeoutOf(adapter)
    )
  })
}
