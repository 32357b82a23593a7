/**
 * Concurrency: several writers on the same appeal. Optimistic concurrency lets exactly one commit
 * per version through; the others get `VersionConflict`, decide again on the fresh state, and in
 * the end no update is lost and the chain is unbroken. A failed commit writes nothing at all.
 *
 * @example
 * import { ConcurrencySuite } from "@murojaat/testkit"
 * ConcurrencySuite.register
 */
import { describe, expect } from "@effect/vitest"
import { AppealStore, Audit } from "@murojaat/core"
import { Effect, Option } from "effect"
import type { Adapter } from "./Adapter.js"
import { advance, appendRetrying, commitStream, escalation, freshId, type It, newAppeal, outboxOf, seal, timeoutOf } from "./internal/support.js"
import { RawReader } from "./RawReader.js"

const loaded = (appealId: string) =>
  Effect.flatMap(AppealStore.AppealStore, (s) => Effect.map(s.load(appealId), Option.getOrThrow))

/**
 * Registers the concurrency tests.
 *
 * @example
 * import { ConcurrencySuite } from "@murojaat/testkit"
 * ConcurrencySuite.register
 */
export const register = (it: It, adapter: Adapter): void => {
  describe("concurrency", () => {
    it.effect(
      "two commits decided on the same version: exactly one wins, the other gets VersionConflict",
      () =>
        Effect.gen(function* () {
          const id = freshId("race")
          yield* commitStream(newAppeal(id))
          const state = yield* loaded(id)
          const attempt = (who: string) => {
            const events = seal(state, id, [escalation(who)])
            return Effect.either(commitStream({ appealId: id, expectedVersion: state.version, events, state: advance(state, events) }))
          }
          const results = yield* Effect.all([attempt("first"), attempt("second")], { concurrency: "unbounded" })
          const lost = results.filter((r) => r._tag === "Left").map((r) => (r._tag === "Left" ? r.left : undefined))
          expect(lost.length).toBe(1)
          expect(lost[0]).toMatchObject({ _tag: "VersionConflict", appealId: id, expected: 1, actual: 2 })
          const stored = yield* Effect.flatMap(AppealStore.AppealStore, (s) => s.events(id))
          expect(stored.length).toBe(2)
          expect(Audit.verifyChain(stored, { seq: 2, hash: (yield* loaded(id)).lastHash }).ok).toBe(true)
        }),
      timeoutOf(adapter)
    )

    it.effect(
      "writers retrying on conflict lose no update and never break the chain",
      () =>
        Effect.gen(function* () {
          const id = freshId("writers")
          yield* commitStream(newAppeal(id))
          const writers = 6
          const each = 5
          yield* Effect.forEach(
            Array.from({ length: writers }, (_, w) => w),
            (w) => Effect.forEach(Array.from({ length: each }, (_, i) => i), (i) => appendRetrying(id, `writer ${w} step ${i}`), { discard: true }),
            { concurrency: "unbounded", discard: true }
          )
          const state = yield* loaded(id)
          const stored = yield* Effect.flatMap(AppealStore.AppealStore, (s) => s.events(id))
          expect(state.version).toBe(1 + writers * each)
          expect(Audit.verifyChain(stored, { seq: state.version, hash: state.lastHash }).ok).toBe(true)
          const reasons = stored.slice(1).map((e) => (e.data as { textDigest: string }).textDigest).sort()
          expect(new Set(reasons).size).toBe(writers * each)
          expect((yield* Effect.flatMap(RawReader, (r) => r.outbox(id))).length).toBe(1 + writers * each)
        }),
      timeoutOf(adapter)
    )

    it.effect(
      "a commit that fails on one stream writes nothing for any stream (no event, state, personal data or message)",
      () =>
        Effect.gen(function* () {
          const existing = freshId("stale")
          yield* commitStream(newAppeal(existing, {}, 2))
          const fresh = newAppeal(freshId("new"))
          const stale = yield* loaded(existing)
          const staleEvents = seal({ version: 1, lastHash: stale.lastHash }, existing, [escalation("decided on an old version")])
          const store = yield* AppealStore.AppealStore
          const result = yield* Effect.either(
            store.commit({
              streams: [fresh, { appealId: existing, expectedVersion: 1, events: staleEvents, state: advance(stale, staleEvents) }],
              outbox: outboxOf([...fresh.events, ...staleEvents]),
              idempotency: { key: freshId("key"), fingerprint: "f", response: { ok: true } }
            })
          )
          expect(result._tag === "Left" && result.left._tag).toBe("VersionConflict")
          const raw = yield* RawReader
          expect(yield* raw.state(fresh.appealId)).toBeUndefined()
          expect(yield* raw.events(fresh.appealId)).toEqual([])
          expect(yield* raw.outbox(fresh.appealId)).toEqual([])
          expect((yield* raw.events(existing)).length).toBe(2)
          expect((yield* raw.outbox(existing)).length).toBe(2)
        }),
      timeoutOf(adapter)
    )
  })
}
