/**
 * Comparison profiles: `AppealStore.personalMany` reads the personal data of many appeals at once
 * (each once, in id order, the unknown and the erased left out) with the comparison profile stored
 * in each record for the version asked for; `saveProfiles` stores a profile only against the basis
 * it was derived from. A profile is personal data: a new write of the record drops it, and erasure
 * leaves nothing of it anywhere in the storage, even when a profile derived before the erasure is
 * saved after it.
 *
 * @example
 * import { ProfilesSuite } from "@murojaat/testkit"
 * ProfilesSuite.register
 */
import { describe, expect } from "@effect/vitest"
import { type Appeal, AppealStore } from "@murojaat/core"
import { Effect, FastCheck as fc } from "effect"
import type { Adapter } from "./Adapter.js"
import { advance, freshId, isJson, type It, newAppeal, outboxOf, personals, runsOf, same, seal, escalation, timeoutOf } from "./internal/support.js"
import { RawReader } from "./RawReader.js"

const VERSION = "testkit-profile-1"

// Profiles are JSON objects (duplicate detection stores objects of arrays of numbers and strings).
// The core's profile codec refuses a "__proto__" key (read back, it would set a prototype instead
// of a member), so no stored profile has one, at any depth.
const hasProtoKey = (v: unknown): boolean =>
  typeof v === "object" && v !== null && (Object.hasOwn(v, "__proto__") || Object.values(v).some(hasProtoKey))
const profiles = fc.dictionary(fc.string(), fc.jsonValue({ maxDepth: 2 })).filter((p) => isJson(p) && !hasProtoKey(p))

// Commits a new appeal with personal data (or none).
const stored = (personal: Appeal.Personal | undefined) =>
  Effect.gen(function* () {
    const w = newAppeal(freshId("cp"))
    const store = yield* AppealStore.AppealStore
    yield* store.commit({ streams: [{ ...w, ...(personal !== undefined ? { personal } : {}) }], outbox: outboxOf(w.events) })
    return w.appealId
  })

// Writes the appeal's personal data again, with an event (a correction).
const rewrite = (appealId: string, personal: Appeal.Personal) =>
  Effect.gen(function* () {
    const store = yield* AppealStore.AppealStore
    const state = yield* Effect.flatMap(store.load(appealId), (o) => (o._tag === "Some" ? Effect.succeed(o.value) : Effect.die(new Error(`no appeal ${appealId}`))))
    const events = seal(state, appealId, [escalation("personal data corrected")])
    yield* store.commit({ streams: [{ appealId, expectedVersion: state.version, events, state: advance(state, events), personal }], outbox: outboxOf(events) })
  })

const one = (appealId: string, version = VERSION) =>
  Effect.flatMap(AppealStore.AppealStore, (store) => Effect.map(store.personalMany([appealId], version), (rows) => rows[0]))

const other = (p: Appeal.Personal): Appeal.Personal => ({ ...p, text: { ...p.text, body: `${p.text.body} (corrected)` } })

/**
 * Registers the comparison profile tests.
 *
 * @example
 * import { ProfilesSuite } from "@murojaat/testkit"
 * ProfilesSuite.register
 */
export const register = (it: It, adapter: Adapter): void => {
  describe("comparison profiles", () => {
    it.effect.prop(
      "personalMany returns the personal data of the appeals asked for, each once in id order, without the unknown and the erased",
      [fc.array(fc.record({ personal: fc.option(personals, { nil: undefined }), erased: fc.boolean() }), { maxLength: 8 }), fc.array(fc.nat(), { maxLength: 12 })],
      ([appeals, picks]) =>
        Effect.gen(function* () {
          const store = yield* AppealStore.AppealStore
          const made: Array<{ readonly appealId: string; readonly personal: Appeal.Personal | undefined; readonly erased: boolean }> = []
          for (const a of appeals) {
            const appealId = yield* stored(a.personal)
            if (a.erased) yield* store.erasePersonal(appealId)
            made.push({ appealId, personal: a.personal, erased: a.erased })
          }
          // Asked in another order, some twice, with an appeal that does not exist.
          const ids = [...made.map((m) => m.appealId), ...picks.flatMap((i) => (made.length === 0 ? [] : [made[i % made.length]!.appealId])), freshId("none")].reverse()
          const rows = yield* store.personalMany(ids, VERSION)
          // The oracle: what was committed, by hand.
          const expected = made.filter((m) => m.personal !== undefined && !m.erased).sort((a, b) => (a.appealId < b.appealId ? -1 : 1))
          expect(rows.map((r) => r.appealId)).toEqual(expected.map((m) => m.appealId))
          for (const [i, r] of rows.entries()) {
            same(r.personal, expected[i]!.personal)
            expect(typeof r.basis).toBe("string")
            expect(r.profile).toBeUndefined()
          }
        }),
      { timeout: timeoutOf(adapter), fastCheck: { numRuns: runsOf(adapter) } }
    )

    it.effect.prop(
      "a profile saved against the basis read is read back for its version only, and a later save replaces it",
      [personals, profiles, profiles],
      ([personal, first, second]) =>
        Effect.gen(function* () {
          const store = yield* AppealStore.AppealStore
          const appealId = yield* stored(personal)
          const { basis } = (yield* one(appealId))!
          expect(yield* store.saveProfiles([{ appealId, basis, version: VERSION, data: first }])).toBe(1)
          same((yield* one(appealId))!.profile, first)
          expect((yield* one(appealId, `${VERSION}-other`))!.profile).toBeUndefined()
          expect(yield* store.saveProfiles([{ appealId, basis, version: VERSION, data: second }])).toBe(1)
          same((yield* one(appealId))!.profile, second)
          // The personal data itself is untouched by a profile.
          same((yield* one(appealId))!.personal, personal)
        }),
      { timeout: timeoutOf(adapter), fastCheck: { numRuns: runsOf(adapter) } }
    )

    it.effect.prop(
      "a new write of the personal data drops the stored profile, and a profile derived from the old data is not stored",
      [personals, profiles],
      ([personal, data]) =>
        Effect.gen(function* () {
          const store = yield* AppealStore.AppealStore
          const appealId = yield* stored(personal)
          const before = (yield* one(appealId))!.basis
          expect(yield* store.saveProfiles([{ appealId, basis: before, version: VERSION, data }])).toBe(1)
          yield* rewrite(appealId, other(personal))
          const after = (yield* one(appealId))!
          same(after.personal, other(personal))
          expect(after.basis).not.toBe(before)
          expect(after.profile).toBeUndefined()
          expect(yield* store.saveProfiles([{ appealId, basis: before, version: VERSION, data }])).toBe(0)
          expect((yield* one(appealId))!.profile).toBeUndefined()
          expect(yield* store.saveProfiles([{ appealId, basis: after.basis, version: VERSION, data }])).toBe(1)
          same((yield* one(appealId))!.profile, data)
        }),
      { timeout: timeoutOf(adapter), fastCheck: { numRuns: runsOf(adapter) } }
    )

    it.effect(
      "erasure takes the stored profile with it: nothing of it is left in the storage, even when a profile derived before is saved after",
      () =>
        Effect.gen(function* () {
          const store = yield* AppealStore.AppealStore
          const raw = yield* RawReader
          const personal = fc.sample(personals, { numRuns: 1, seed: 7 })[0]!
          const appealId = yield* stored(personal)
          const marker = `profile-of-${freshId("marker")}`
          const { basis } = (yield* one(appealId))!
          const data = { marker, grams: [1, 2, 3] }
          expect(yield* store.saveProfiles([{ appealId, basis, version: VERSION, data }])).toBe(1)
          expect(yield* raw.everything).toContain(marker)
          expect(yield* store.erasePersonal(appealId)).toBe(true)
          expect(yield* raw.everything).not.toContain(marker)
          expect(yield* store.personalMany([appealId], VERSION)).toEqual([])
          // Another instance read the record before the erasure and saves what it derived after it.
          expect(yield* store.saveProfiles([{ appealId, basis, version: VERSION, data }])).toBe(0)
          expect(yield* raw.everything).not.toContain(marker)
          expect(yield* store.personalMany([appealId], VERSION)).toEqual([])
        }),
      timeoutOf(adapter)
    )

    it.effect(
      "ids no commit can store are in no record: nothing read, nothing saved",
      () =>
        Effect.gen(function* () {
          const store = yield* AppealStore.AppealStore
          const ids = ["T\u0000cp", "T\ud800cp"]
          expect(yield* store.personalMany(ids, VERSION)).toEqual([])
          expect(yield* store.personalMany([], VERSION)).toEqual([])
          expect(yield* store.saveProfiles(ids.map((appealId) => ({ appealId, basis: "b", version: VERSION, data: { n: 1 } })))).toBe(0)
          expect(yield* store.saveProfiles([])).toBe(0)
        }),
      timeoutOf(adapter)
    )
  })
}
