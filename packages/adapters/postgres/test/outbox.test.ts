// The PostgreSQL outbox against a model of the port's rules (packages/core/src/Outbox.ts): random
// interleavings of commits, claims by several relays (one after another and at the same time),
// acknowledgements, releases and lease expiries. The model, written from the rules and not from the
// SQL: a claim takes the oldest unpublished messages that are not claimed or whose lease ran out,
// up to its limit, counts an attempt and leases them until now + lease; an acknowledgement marks
// exactly the given messages published, and nothing else; a release makes the given claimed,
// unpublished messages claimable at once. Relays claiming at the same time get disjoint sets that
// together are the oldest claimable ones.
import { expect, layer } from "@effect/vitest"
import { AppealState, AppealStore, Audit, Outbox } from "@murojaat/core"
import { RawReader } from "@murojaat/testkit"
import { Effect, FastCheck as fc } from "effect"
import { layerUnderTest } from "./support.js"

const LEASE = 30_000
const RELAYS = 3

type Op =
  | { readonly _tag: "commit"; readonly events: number }
  | { readonly _tag: "claim"; readonly relay: number; readonly limit: number }
  | { readonly _tag: "together"; readonly limits: ReadonlyArray<number> }
  | { readonly _tag: "acknowledge"; readonly relay: number; readonly pick: ReadonlyArray<boolean>; readonly alsoPublished: boolean }
  | { readonly _tag: "release"; readonly relay: number; readonly pick: ReadonlyArray<boolean> }
  | { readonly _tag: "tick"; readonly millis: number }

const pick = fc.array(fc.boolean(), { minLength: 8, maxLength: 8 })
const op: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ _tag: fc.constant("commit" as const), events: fc.integer({ min: 1, max: 4 }) }),
  fc.record({ _tag: fc.constant("claim" as const), relay: fc.integer({ min: 0, max: RELAYS - 1 }), limit: fc.integer({ min: 1, max: 6 }) }),
  fc.record({ _tag: fc.constant("together" as const), limits: fc.array(fc.integer({ min: 1, max: 5 }), { minLength: RELAYS, maxLength: RELAYS }) }),
  fc.record({ _tag: fc.constant("acknowledge" as const), relay: fc.integer({ min: 0, max: RELAYS - 1 }), pick, alsoPublished: fc.boolean() }),
  fc.record({ _tag: fc.constant("release" as const), relay: fc.integer({ min: 0, max: RELAYS - 1 }), pick }),
  fc.record({ _tag: fc.constant("tick" as const), millis: fc.constantFrom(1, LEASE / 2, LEASE) })
)

// One message as the model keeps it, in commit order.
interface Row {
  readonly id: string
  readonly appealId: string
  published: boolean
  claimedUntil: number | undefined
  attempts: number
  holder: number | undefined
}

let appeals = 0
// Commits an appeal with `n` events (and so `n` outbox messages).
const commitAppeal = (n: number) =>
  Effect.gen(function* () {
    const appealId = `OBX-${process.pid}-${++appeals}`
    const events = Audit.seal(
      { version: 0, lastHash: Audit.genesis },
      Array.from({ length: n }, (_, i) => ({ type: "escalated" as const, data: {}, texts: { reason: `step ${i + 1}` }, rules: [] })),
      { appealId, at: "2026-03-20T10:00:00.000Z", actor: { kind: "system", id: "t", role: "system" } }
    )
    const last = events[events.length - 1]!
    const state = { ...AppealState.initial(appealId), status: "assigned" as const, version: last.seq, lastHash: last.hash }
    yield* Effect.flatMap(AppealStore.AppealStore, (s) =>
      s.commit({ streams: [{ appealId, expectedVersion: 0, events, state }], outbox: events.map((e) => ({ id: e.id, appealId, seq: e.seq, topic: Outbox.topicOf(e.type), payload: e })) })
    )
    return events.map((e): Row => ({ id: e.id, appealId, published: false, claimedUntil: undefined, attempts: 0, holder: undefined }))
  })

// Publishes whatever earlier tests left, so the model starts from an empty outbox.
const drain = Effect.gen(function* () {
  const outbox = yield* Outbox.Outbox
  for (;;) {
    const batch = yield* outbox.claim({ limit: 1000, leaseMillis: 1, now: 8_000_000_000_000_000 })
    if (batch.length === 0) return
    yield* outbox.acknowledge(batch.map((m) => m.id))
  }
})

layer(layerUnderTest({ server: "preferred" }), { excludeTestServices: true, timeout: "240 seconds" })("postgres outbox", (it) => {
  it.effect.prop(
    "claims, acknowledgements and releases of several relays do what the port's rules say, and mark nothing else",
    [fc.array(fc.integer({ min: 1, max: 4 }), { minLength: 1, maxLength: 4 }), fc.array(op, { minLength: 1, maxLength: 24 })],
    ([initial, ops]) =>
      Effect.gen(function* () {
        yield* drain
        const outbox = yield* Outbox.Outbox
        const rows: Array<Row> = []
        for (const n of initial) rows.push(...(yield* commitAppeal(n)))
        let now = 1_900_000_000_000
        const claimable = () => rows.filter((r) => !r.published && (r.claimedUntil === undefined || r.claimedUntil <= now))
        const held = (relay: number) => rows.filter((r) => r.holder === relay && !r.published && r.claimedUntil !== undefined && r.claimedUntil > now)
        const take = (relay: number, got: ReadonlyArray<Outbox.Message>) => {
          for (const m of got) {
            const r = rows.find((x) => x.id === m.id)!
            r.attempts++
            r.claimedUntil = now + LEASE
            r.holder = relay
            expect(m.attempts, `attempts of ${m.id}`).toBe(r.attempts)
          }
        }
        const chosen = (from: ReadonlyArray<Row>, mask: ReadonlyArray<boolean>) => from.filter((_, i) => mask[i % mask.length])
        for (const o of ops) {
          switch (o._tag) {
            case "commit":
              rows.push(...(yield* commitAppeal(o.events)))
              break
            case "claim": {
              const expected = claimable().slice(0, o.limit).map((r) => r.id)
              const got = yield* outbox.claim({ limit: o.limit, leaseMillis: LEASE, now })
              expect(got.map((m) => m.id)).toEqual(expected)
              take(o.relay, got)
              break
            }
            case "together": {
              const before = claimable().map((r) => r.id)
              const got = yield* Effect.all(o.limits.map((limit) => outbox.claim({ limit, leaseMillis: LEASE, now })), { concurrency: "unbounded" })
              const all = got.flatMap((g) => g.map((m) => m.id))
              expect(new Set(all).size, "no message claimed twice").toBe(all.length)
              got.forEach((g, i) => expect(g.length).toBeLessThanOrEqual(o.limits[i]!))
              // Together: the oldest claimable ones, as many as the limits allow.
              const total = Math.min(before.length, o.limits.reduce((a, b) => a + b, 0))
              expect([...all].sort()).toEqual(before.slice(0, total).sort())
              got.forEach((g, relay) => {
                // Each relay's messages oldest first.
                expect(g.map((m) => m.id)).toEqual(before.filter((id) => g.some((m) => m.id === id)))
                take(relay, g)
              })
              break
            }
            case "acknowledge": {
              const ids = chosen(held(o.relay), o.pick).map((r) => r.id)
              // An acknowledgement repeated (a relay that published twice) changes nothing.
              if (o.alsoPublished) ids.push(...rows.filter((r) => r.published).slice(0, 2).map((r) => r.id))
              yield* outbox.acknowledge(ids)
              for (const r of rows) if (ids.includes(r.id)) r.published = true
              break
            }
            case "release": {
              const ids = chosen(held(o.relay), o.pick).map((r) => r.id)
              yield* outbox.release(ids, "test")
              for (const r of rows) if (ids.includes(r.id) && !r.published) r.claimedUntil = undefined
              break
            }
            case "tick":
              now += o.millis
              break
          }
          expect(yield* outbox.pending, `pending after ${o._tag}`).toBe(rows.filter((r) => !r.published).length)
        }
        // What is stored: exactly the acknowledged messages published, each claim counted.
        const raw = yield* RawReader.RawReader
        const stored = (yield* Effect.forEach([...new Set(rows.map((r) => r.appealId))], (id) => raw.outbox(id))).flat()
        expect(stored.map((r) => [r.id, r.published, r.attempts])).toEqual(rows.map((r) => [r.id, r.published, r.attempts]))
      }),
    { fastCheck: { numRuns: 25, endOnFailure: true } }
  )
})
