/**
 * Store keys: every adapter refuses the same keys and answers the same to odd input. A second
 * appeal with a taken registration number is refused (`StoreError` reason `constraint`, the
 * detail of `StoreKey.duplicateRegistration`) and nothing is written; ids, idempotency keys and
 * registration numbers with U+0000, a lone surrogate or more than `StoreKey.maxLength` characters
 * are refused (`invalidInput`), 1 MB index fields too; reads and query filters with such values
 * find nothing and never fail. Odd but valid Unicode (ʻ, ʼ, Cyrillic, emoji) is a key like any other.
 *
 * @example
 * import { StoreKeySuite } from "@murojaat/testkit"
 * StoreKeySuite.register
 */
import { describe, expect } from "@effect/vitest"
import { AppealStore, IdempotencyStore, StoreKey } from "@murojaat/core"
import { Effect, Option } from "effect"
import type { Adapter } from "./Adapter.js"
import { appendRetrying, commitStream, freshId, type It, newAppeal, outboxOf, timeoutOf } from "./internal/support.js"
import { RawReader } from "./RawReader.js"

const megabyte = "x".repeat(1_048_576)
// Random-looking text does not compress: an index entry of it really is 1 MB.
const incompressible = Array.from({ length: 65_536 }, (_, i) => String.fromCharCode(0x4e00 + ((i * 7919) % 20_000))).join("")

/** Odd values and what each makes of a key: refused (its `StoreKey.Problem`) or accepted. */
const odd: ReadonlyArray<readonly [string, (base: string) => string, StoreKey.Problem | "accepted"]> = [
  ["U+0000", (b) => `${b}\u0000x`, "nul"],
  ["a lone high surrogate", (b) => `${b}\uD800`, "loneSurrogate"],
  ["a lone low surrogate", (b) => `${b}\uDC00x`, "loneSurrogate"],
  ["1 MB", (b) => b + megabyte, "tooLong"],
  ["257 characters", (b) => (b + "y".repeat(300)).slice(0, 257), "tooLong"],
  ["Uzbek, Cyrillic and emoji", (b) => `${b}-Oʻzbekiston-ʼ-Ўзбекистон-🇺🇿`, "accepted"]
]

const refusal = (r: { _tag: string }) => r._tag === "Left" ? (r as unknown as { left: { _tag: string; reason?: string } }).left : undefined

/**
 * Registers the store-key tests.
 *
 * @example
 * import { StoreKeySuite } from "@murojaat/testkit"
 * StoreKeySuite.register
 */
export const register = (it: It, adapter: Adapter): void => {
  describe("store keys", () => {
    it.effect(
      "a registration number belongs to one appeal: a second appeal with it is refused and nothing of it is written",
      () =>
        Effect.gen(function* () {
          const number = `${freshId("1726262")}-2026-000001`
          const holder = newAppeal(freshId("reg-a"), { registrationNumber: number })
          yield* commitStream(holder)
          const second = newAppeal(freshId("reg-b"), { registrationNumber: number })
          const r = yield* Effect.either(commitStream(second))
          expect(refusal(r)).toMatchObject({ _tag: "StoreError", reason: "constraint", detail: StoreKey.duplicateRegistration().detail })
          const raw = yield* RawReader
          expect(yield* raw.state(second.appealId)).toBeUndefined()
          expect(yield* raw.events(second.appealId)).toEqual([])
          expect(yield* raw.outbox(second.appealId)).toEqual([])
          // Two new appeals with the same number in one commit: refused as a whole.
          const n2 = `${freshId("1726262")}-2026-000002`
          const a = newAppeal(freshId("reg-c"), { registrationNumber: n2 })
          const b = newAppeal(freshId("reg-d"), { registrationNumber: n2 })
          const both = yield* Effect.either(
            Effect.flatMap(AppealStore.AppealStore, (s) => s.commit({ streams: [a, b], outbox: [...outboxOf(a.events), ...outboxOf(b.events)] }))
          )
          expect(refusal(both)).toMatchObject({ _tag: "StoreError", reason: "constraint" })
          expect(yield* raw.state(a.appealId)).toBeUndefined()
          // The appeal that has the number may commit again (its next events keep the number).
          yield* appendRetrying(holder.appealId, "still registered")
          const kept = yield* Effect.flatMap(AppealStore.AppealStore, (s) => s.load(holder.appealId))
          expect(Option.getOrUndefined(kept)).toMatchObject({ version: 2, registrationNumber: number })
        }),
      timeoutOf(adapter)
    )

    for (const [what, make, expected] of odd) {
      it.effect(
        `keys with ${what}: ${expected === "accepted" ? "stored and found like any other" : `refused as ${expected}, and found nowhere`}`,
        () =>
          Effect.gen(function* () {
            const store = yield* AppealStore.AppealStore
            const raw = yield* RawReader
            const refusedAs = (r: { _tag: string }) => {
              if (expected === "accepted") expect(r._tag).toBe("Right")
              else expect(refusal(r)).toMatchObject({ _tag: "StoreError", reason: "invalidInput" })
            }
            // As an appeal id.
            const id = make(freshId("odd"))
            refusedAs(yield* Effect.either(commitStream(newAppeal(id))))
            const loaded = yield* store.load(id)
            expect(Option.isSome(loaded)).toBe(expected === "accepted")
            expect((yield* store.events(id)).length).toBe(expected === "accepted" ? 1 : 0)
            expect(Option.isNone(yield* store.personal(id))).toBe(true)
            expect(yield* store.erasePersonal(id)).toBe(false)
            // As an idempotency key: the commit is refused (nothing written) or recorded.
            const key = make(freshId("key"))
            const keyed = newAppeal(freshId("keyed"))
            refusedAs(yield* Effect.either(commitStream(keyed, { key, fingerprint: "fp", response: null })))
            expect((yield* raw.state(keyed.appealId)) === undefined).toBe(expected !== "accepted")
            const found = yield* Effect.flatMap(IdempotencyStore.IdempotencyStore, (s) => s.lookup(key))
            expect(Option.isSome(found)).toBe(expected === "accepted")
            // As a registration number.
            refusedAs(yield* Effect.either(commitStream(newAppeal(freshId("regodd"), { registrationNumber: make(freshId("R")) }))))
            // As query filters and cursors: nothing matches, nothing fails.
            const district = make(freshId("district"))
            const filtered = yield* store.query({ districtCode: district, mahallaCode: district, assigneeId: district, applicantRef: district, category: district })
            expect(filtered.items).toEqual([])
            const after = yield* store.query({ after: make("\uFFFF"), limit: 5 })
            expect(after.items).toEqual([])
            expect(yield* store.ids(make("\uFFFF"), 5)).toEqual([])
          }),
        timeoutOf(adapter)
      )
    }

    it.effect(
      "a 1 MB code in an indexed field of the state is refused; in the state document's other fields it is stored",
      () =>
        Effect.gen(function* () {
          for (const field of ["districtCode", "mahallaCode", "assigneeId", "applicantRef", "category"] as const) {
            const r = yield* Effect.either(commitStream(newAppeal(freshId("big"), { [field]: incompressible })))
            expect(refusal(r)).toMatchObject({ _tag: "StoreError", reason: "invalidInput" })
          }
          const w = newAppeal(freshId("bigdoc"), { criminalReference: megabyte })
          yield* commitStream(w)
          const stored = yield* Effect.flatMap(AppealStore.AppealStore, (s) => s.load(w.appealId))
          expect(Option.getOrUndefined(stored)?.criminalReference?.length).toBe(megabyte.length)
        }),
      timeoutOf(adapter)
    )
  })
}
