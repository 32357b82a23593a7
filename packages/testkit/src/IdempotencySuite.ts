/**
 * Idempotency: the record of a request key is written in the request's commit, read back by
 * `IdempotencyStore.lookup`, and a key is used once: a second commit with it is refused and writes
 * nothing. Through the service, a repeated request gets the first answer and changes nothing.
 *
 * @example
 * import { IdempotencySuite } from "@murojaat/testkit"
 * IdempotencySuite.register
 */
import { describe, expect } from "@effect/vitest"
import { Actor, AppealService, AppealStore, IdempotencyStore } from "@murojaat/core"
import { Effect, Option } from "effect"
import type { Adapter } from "./Adapter.js"
import { commitStream, freshId, type It, newAppeal, same, timeoutOf } from "./internal/support.js"
import { RawReader } from "./RawReader.js"

const intake = (applicantRef: string) => ({
  kind: "ariza",
  form: "electronic",
  channel: "smartMahallaApp",
  applicantRef,
  applicant: { type: "individual", surname: "Karimov", name: "Anvar", residence: "Bodomzor 12", contact: { phone: "+998 90 123 45 67" }, consent: { given: true, form: "electronic" } },
  location: { regionCode: "1726", districtCode: "1726262", mahallaCode: "1726262-001" },
  text: { body: "Koʻchada chiroq yoʻq" }
})

/**
 * Registers the idempotency tests.
 *
 * @example
 * import { IdempotencySuite } from "@murojaat/testkit"
 * IdempotencySuite.register
 */
export const register = (it: It, adapter: Adapter): void => {
  describe("idempotency", () => {
    it.effect(
      "a commit records its key, fingerprint and answer",
      () =>
        Effect.gen(function* () {
          const key = freshId("key")
          const response = { appealId: "x", nested: { list: [1, "two", null], text: "Oʻzbekiston ʼ \u0000" } }
          yield* commitStream(newAppeal(freshId("idem")), { key, fingerprint: "fp-1", response })
          const found = yield* Effect.flatMap(IdempotencyStore.IdempotencyStore, (s) => s.lookup(key))
          same(Option.getOrUndefined(found), { fingerprint: "fp-1", response })
          same(yield* Effect.flatMap(RawReader, (r) => r.idempotency(key)), { fingerprint: "fp-1", response })
          expect(Option.isNone(yield* Effect.flatMap(IdempotencyStore.IdempotencyStore, (s) => s.lookup(freshId("unused"))))).toBe(true)
        }),
      timeoutOf(adapter)
    )

    it.effect(
      "a key is used once: a second commit with it is refused and writes nothing",
      () =>
        Effect.gen(function* () {
          const key = freshId("key")
          yield* commitStream(newAppeal(freshId("first")), { key, fingerprint: "fp", response: 1 })
          const second = newAppeal(freshId("second"))
          const r = yield* Effect.either(commitStream(second, { key, fingerprint: "fp", response: 2 }))
          expect(r._tag === "Left" && r.left._tag).toBe("IdempotencyConflict")
          const raw = yield* RawReader
          expect(yield* raw.state(second.appealId)).toBeUndefined()
          expect(yield* raw.events(second.appealId)).toEqual([])
          expect(yield* raw.outbox(second.appealId)).toEqual([])
          same(yield* raw.idempotency(key), { fingerprint: "fp", response: 1 })
        }),
      timeoutOf(adapter)
    )

    it.effect(
      "through the service, a repeated request gets the first answer and creates one appeal",
      () =>
        Effect.gen(function* () {
          const key = freshId("submit")
          const ref = freshId("applicant")
          const first = yield* AppealService.submit(intake(ref), Actor.system("portal"), { idempotencyKey: key })
          const again = yield* AppealService.submit(intake(ref), Actor.system("portal"), { idempotencyKey: key })
          same(again, first)
          const page = yield* Effect.flatMap(AppealStore.AppealStore, (s) => s.query({ applicantRef: ref }))
          expect(page.items.map((s) => s.appealId)).toEqual([first.appealId])
          const other = yield* Effect.either(AppealService.submit(intake(freshId("someone-else")), Actor.system("portal"), { idempotencyKey: key }))
          expect(other._tag === "Left" && other.left._tag).toBe("IdempotencyConflict")
        }),
      timeoutOf(adapter)
    )
  })
}
