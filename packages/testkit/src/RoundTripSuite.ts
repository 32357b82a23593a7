/**
 * Round-trip: what a commit writes is what reads return and what the storage holds, for appeals
 * made by the service from Schema-generated intakes and for Schema-generated events, states,
 * personal data and event texts committed directly (any string, any number the schemas allow).
 * Erasure removes the personal data and the texts from every place the storage keeps them.
 *
 * @example
 * import { RoundTripSuite } from "@murojaat/testkit"
 * // inside layer(adapter.layer)(name, (it) => RoundTripSuite.register(it, adapter))
 */
import { describe, expect } from "@effect/vitest"
import { Actor, Appeal, AppealService, AppealState, AppealStore, Audit, DirectoryStore, Event, Outbox, Sample } from "@murojaat/core"
import { Arbitrary, Effect, Either, FastCheck as fc, Option, Schema } from "effect"
import type { Adapter } from "./Adapter.js"
import { advance, freshId, isJson, type It, newAppeal, outboxOf, personals, runsOf, same, seal, timeoutOf } from "./internal/support.js"
import { RawReader } from "./RawReader.js"

// `receivedAt` is dropped: the legal clocks of an appeal received centuries ago are the deadline
// engine's concern, not storage's, and take long to count.
// The place is one the directory knows (the service checks codes against it), and links and the
// named officer are dropped (they must name things that exist): every generated intake is then one
// the service accepts, so the property never passes on refusals.
const place = { regionCode: "1726", districtCode: "1726262", mahallaCode: "1726262-001" }
const intakes = Arbitrary.make(Appeal.Intake)
  .filter(isJson)
  .map(({ receivedAt: _ignored, subjectOfficerId: _officer, ...intake }) =>
    ({ ...intake, links: [], location: { ...intake.location, ...place } }) as unknown as Appeal.Intake
  )
// Adds the sample district to whatever directory the adapter holds, keeping everything in it.
const withSamplePlace = Effect.gen(function* () {
  const store = yield* DirectoryStore.DirectoryStore
  const d = yield* store.snapshot
  const merge = <T>(mine: ReadonlyArray<T>, theirs: ReadonlyArray<T>, key: (t: T) => string) => [
    ...mine,
    ...theirs.filter((t) => !mine.some((m) => key(m) === key(t)))
  ]
  yield* store.replace({
    regions: merge(d.regions, Sample.directory.regions, (r) => r.code),
    districts: merge(d.districts, Sample.directory.districts, (x) => x.code),
    mahallas: merge(d.mahallas, Sample.directory.mahallas, (m) => m.code),
    officers: merge(d.officers, Sample.directory.officers, (o) => o.id)
  })
})
const events = fc.array(Arbitrary.make(Event.AppealEvent).filter(isJson), { minLength: 1, maxLength: 4 })
const states = Arbitrary.make(AppealState.AppealState).filter(isJson)
const textsOf = Arbitrary.make(Event.Texts).filter(isJson)

// Generated events renumbered into one appeal's chain shape (the store does not check hashes).
const asStream = (appealId: string, generated: ReadonlyArray<Event.AppealEvent>) =>
  generated.map((e, i) => ({ ...e, appealId, seq: i + 1, id: `${appealId}#${i + 1}` }) as Event.AppealEvent)

/** Checks everything stored for one appeal against what was committed. */
const expectStored = (
  appealId: string,
  state: AppealState.AppealState,
  stored: ReadonlyArray<Event.AppealEvent>,
  personal: Appeal.Personal | undefined,
  texts: ReadonlyArray<Event.TextRecord> = []
) =>
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
    same(yield* store.texts(appealId), texts)
    same(yield* raw.texts(appealId), texts)
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
          yield* withSamplePlace
          const r = yield* AppealService.submit(intake, Actor.system("testkit"))
          yield* expectStored(r.appealId, r.state, r.events, Appeal.split(intake).personal)
          const v = yield* AppealService.verify(r.appealId, Actor.auditor("testkit"))
          expect(v.ok && v.projectionMatches).toBe(true)
        }),
      { timeout: timeoutOf(adapter), fastCheck: { numRuns: runsOf(adapter), endOnFailure: true } }
    )

    it.effect.prop(
      "generated events, states, personal data and event texts are stored byte-for-byte (canonical JSON)",
      [events, states, personals, fc.array(textsOf, { maxLength: 4 })],
      ([generated, generatedState, personal, generatedTexts]) =>
        Effect.gen(function* () {
          const appealId = freshId("rt")
          const stored = asStream(appealId, generated)
          // Registration numbers are unique in every store: a generated one is made this appeal's own.
          const registration = generatedState.registrationNumber === undefined ? {} : { registrationNumber: `R-${appealId}` }
          const state = advance({ ...generatedState, ...registration, appealId }, stored)
          const texts = generatedTexts.slice(0, stored.length).map((t, i) => ({ seq: i + 1, texts: t }))
          const store = yield* AppealStore.AppealStore
          yield* store.commit({ streams: [{ appealId, expectedVersion: 0, events: stored, state, personal, texts }], outbox: outboxOf(stored) })
          yield* expectStored(appealId, state, stored, personal, texts)
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
          expect(yield* store.texts(id)).toEqual([])
        }),
      timeoutOf(adapter)
    )

    it.effect(
      "erasing personal data removes it from storage and leaves the chain verifiable",
      () =>
        Effect.gen(function* () {
          // Committed directly: what is tested is the store's erasure, whatever the service accepts.
          const personal = fc.sample(personals, { numRuns: 1, seed: 42 })[0]!
          const w = newAppeal(freshId("erase"), { personalDigest: Audit.digest(personal) }, 2)
          const store = yield* AppealStore.AppealStore
          yield* store.commit({ streams: [{ ...w, personal }], outbox: outboxOf(w.events) })
          const r = { appealId: w.appealId, events: w.events }
          expect(yield* store.erasePersonal(r.appealId)).toBe(true)
          expect(yield* store.erasePersonal(r.appealId)).toBe(false)
          expect(Option.isNone(yield* store.personal(r.appealId))).toBe(true)
          expect(yield* Effect.flatMap(RawReader, (raw) => raw.personal(r.appealId))).toBeUndefined()
          const v = yield* AppealService.verify(r.appealId, Actor.auditor("testkit"))
          expect(v.ok).toBe(true)
          same(Audit.verifyChain(yield* store.events(r.appealId)), Audit.verifyChain(r.events))
        }),
      timeoutOf(adapter)
    )

    it.effect(
      "erasure removes the texts of the events with the personal data: no copy in any table, chain intact",
      () =>
        Effect.gen(function* () {
          const name = `Qodirova${freshId("name").replace(/[^A-Za-z0-9]/g, "")}`
          const body = `Matn ${freshId("body")} uyimiz oldida`
          const reason = `Sabab ${freshId("reason")} qoʻshni Rustamov`
          const personal = Schema.decodeUnknownSync(Appeal.Personal)({
            applicant: { type: "individual", surname: name, name: "Gulnora", residence: "Bodomzor 3", contact: {}, consent: { given: true, form: "written" } },
            signatories: [],
            text: { body },
            attachments: []
          })
          // An event with a text, committed as the service commits one: the event keeps the digest.
          const w = newAppeal(freshId("erase"), { personalDigest: Audit.digest(personal) }, 1)
          const [escalated] = seal(w.state, w.appealId, [{ type: "escalated", data: {}, texts: { reason }, rules: ["testkit"] }])
          const events = [...w.events, escalated!]
          const state = advance(w.state, [escalated!])
          const texts = [{ seq: escalated!.seq, texts: { reason } }]
          const store = yield* AppealStore.AppealStore
          yield* store.commit({
            streams: [{ ...w, events, state, personal, texts }],
            outbox: outboxOf(events),
            idempotency: { key: freshId("erase-key"), fingerprint: Audit.digest({ reason }), response: { appealId: w.appealId, state, events } }
          })
          const r = { appealId: w.appealId }
          const raw = yield* RawReader
          same(yield* store.texts(r.appealId), texts)
          const before = yield* raw.everything
          for (const s of [name, body, reason]) expect(before).toContain(s)
          expect(yield* store.erasePersonal(r.appealId)).toBe(true)
          expect(yield* store.texts(r.appealId)).toEqual([])
          expect(yield* raw.texts(r.appealId)).toEqual([])
          const after = yield* raw.everything
          for (const s of [name, body, reason]) expect(after).not.toContain(s)
          expect(Audit.verifyChain(yield* store.events(r.appealId), { seq: state.version, hash: state.lastHash }).ok).toBe(true)
        }),
      timeoutOf(adapter)
    )
  })
}
