// Group commit of reservations (PgReservation's `reservationsInFlight`): reservations that queue up
// behind the ones on their way go together in one statement. Each must get what it would get alone:
// the record stored under its key (and then nothing taken), else the district's next registration
// numbers, one counter step each, in the order the requests arrived within a group's shape, and
// the district's workloads. The oracles: the rules of the register (numbers consecutive from the
// counter's value before, each once; a retry takes none), the records the test stored, and the store's own workload
// query (`AppealStore.workload`, another statement over the same counts).
//
// The requests are made to queue: one connection, held by a transaction while they arrive, and one
// reservation out at a time; the first waits for the connection, the rest in the queue, and they
// go as one group when it is free. Rows a statement writes share its transaction id (`xmin`).
import { SqlClient } from "@effect/sql"
import { expect, layer } from "@effect/vitest"
import { Actor, AppealState, AppealStore, Audit, IdempotencyStore, Reservation } from "@murojaat/core"
import { Migrator, PgStore } from "@murojaat/postgres"
import { Testing } from "@murojaat/postgres/testing"
import { queuedBehindHeldConnection } from "./support.js"
import { Effect, FastCheck as fc, Layer, Option } from "effect"

const queued = Layer.unwrapScoped(
  Effect.map(Testing.database({ server: "preferred" }), (db) => {
    const admin = Layer.effectDiscard(Migrator.migrate).pipe(Layer.provide(PgStore.layerClient({ url: db.url, maxConnections: 1, listenForChanges: false })))
    const app = PgStore.layerClient({ url: db.appUrl, maxConnections: 1, listenForChanges: false })
    return PgStore.layerFromClient({ reservationsInFlight: 1, commitsInFlight: 0 }).pipe(Layer.provideMerge(app), Layer.provideMerge(admin))
  })
)

const actor = Actor.ref(Actor.system("reservation-group-test"), "system")
const statuses: ReadonlyArray<AppealState.Status> = ["assigned", "inReview"]
let run = 0

interface Ask {
  readonly key: "none" | "fresh" | "stored"
  readonly registration: { readonly district: number; readonly at: string } | undefined
  readonly workload: number | undefined
}
const ask: fc.Arbitrary<Ask> = fc.record({
  key: fc.constantFrom("none" as const, "fresh" as const, "stored" as const),
  // Two districts, two Tashkent years (the second instant is 2027 in Tashkent, still 2026 in UTC).
  registration: fc.option(fc.record({ district: fc.integer({ min: 0, max: 1 }), at: fc.constantFrom("2026-03-02T05:00:00.000Z", "2026-12-31T20:00:00.000Z") }), { nil: undefined }),
  workload: fc.option(fc.integer({ min: 0, max: 1 }), { nil: undefined })
})

// The reservations, queued behind a held connection: each one's answer.
const queueBehindHeldConnection = (requests: ReadonlyArray<Reservation.Request>) =>
  Effect.flatMap(Reservation.Reservation, (reservation) => queuedBehindHeldConnection(requests.map((r) => reservation.reserve(r))))

// Appeals in a district, assigned, so that its workloads are not empty.
const seed = (district: string, prefix: string) =>
  Effect.gen(function* () {
    const store = yield* AppealStore.AppealStore
    for (const [k, assigneeId, status, priority] of [[0, "o-1", "assigned", "high"], [1, "o-1", "inReview", undefined], [2, "o-2", "assigned", undefined], [3, "o-3", "closed", undefined]] as const) {
      const appealId = `${prefix}-${district}-${k}`
      const events = Audit.seal({ version: 0, lastHash: Audit.genesis }, [{ type: "escalated", data: {}, texts: { reason: "r" }, rules: ["r"] }], { appealId, at: "2026-03-20T10:00:00.000Z", actor })
      const state: AppealState.AppealState = { ...AppealState.initial(appealId), status, version: 1, lastHash: events[0]!.hash, districtCode: district, assigneeId, ...(priority !== undefined ? { priority } : {}) }
      yield* store.commit({ streams: [{ appealId, expectedVersion: 0, events, state }], outbox: [] })
    }
  })

layer(queued, { excludeTestServices: true, timeout: "240 seconds" })("postgres reservation group", (it) => {
  it.effect.prop(
    "queued reservations that go together get their records, the district's next numbers (each once, in arrival order within a shape), and its workloads, as alone",
    [fc.array(ask, { minLength: 2, maxLength: 12 })],
    ([asks]) =>
      Effect.gen(function* () {
        const sql = yield* SqlClient.SqlClient
        const store = yield* AppealStore.AppealStore
        const idempotency = yield* IdempotencyStore.IdempotencyStore
        const prefix = `RG${process.pid}-${++run}`
        const districts = [`${prefix}-D0`, `${prefix}-D1`]
        for (const d of districts) yield* seed(d, prefix)
        // Records stored beforehand under the "stored" keys (a retry of a submission that was made).
        const keyOf = (a: Ask, k: number) => (a.key === "none" ? undefined : `${prefix}-key-${k}`)
        for (const [k, a] of asks.entries()) {
          if (a.key !== "stored") continue
          const appealId = `${prefix}-made-${k}`
          const events = Audit.seal({ version: 0, lastHash: Audit.genesis }, [{ type: "escalated", data: {}, texts: { reason: "r" }, rules: ["r"] }], { appealId, at: "2026-03-20T10:00:00.000Z", actor })
          yield* store.commit({
            streams: [{ appealId, expectedVersion: 0, events, state: { ...AppealState.initial(appealId), status: "triaged", version: 1, lastHash: events[0]!.hash } }],
            outbox: [],
            idempotency: { key: keyOf(a, k)!, fingerprint: `f-${k}`, response: { made: k } }
          })
        }
        const yearOf = (at: string) => (at.startsWith("2026-03") ? 2026 : 2027)
        const counter = (district: string, year: number) =>
          Effect.map(sql<{ n: number }>`SELECT last_number AS n FROM murojaat.registration_counter WHERE district_code = ${district} AND year = ${year}`, (rows) => rows[0]?.n ?? 0)
        const before = new Map<string, number>()
        for (const d of districts) for (const y of [2026, 2027]) before.set(`${d}/${y}`, yield* counter(d, y))

        const requests: ReadonlyArray<Reservation.Request> = asks.map((a, k) => ({
          ...(keyOf(a, k) !== undefined ? { idempotencyKey: keyOf(a, k)! } : {}),
          ...(a.registration !== undefined ? { registration: { districtCode: districts[a.registration.district]!, at: a.registration.at } } : {}),
          ...(a.workload !== undefined ? { workload: { districtCode: districts[a.workload]!, status: statuses } } : {})
        }))
        const answers = yield* queueBehindHeldConnection(requests)

        // The register's rules, request by request. Requests that ask for workloads and those that do
        // not are of two shapes (groups of their own), so numbers follow the arrival order within a
        // shape; across shapes a later group may take its numbers first.
        const next = new Map(before)
        const numbers = new Map<string, Array<{ readonly k: number; readonly shape: boolean; readonly n: number }>>()
        for (const [k, a] of asks.entries()) {
          const got = answers[k]!
          if (a.key === "stored") {
            expect(got.prior).toEqual(Option.some({ fingerprint: `f-${k}`, response: { made: k } }))
            expect(got.registrationNumber).toBeUndefined()
            expect(got.workload).toBeUndefined()
            continue
          }
          expect(got.prior).toEqual(Option.none())
          if (a.registration === undefined) expect(got.registrationNumber).toBeUndefined()
          else {
            const year = yearOf(a.registration.at)
            const slot = `${districts[a.registration.district]!}/${year}`
            next.set(slot, next.get(slot)! + 1)
            const prefix = `${districts[a.registration.district]!}-${year}-`
            expect(got.registrationNumber?.startsWith(prefix)).toBe(true)
            numbers.set(slot, [...(numbers.get(slot) ?? []), { k, shape: a.workload !== undefined, n: Number(got.registrationNumber!.slice(prefix.length)) }])
          }
          if (a.workload === undefined) expect(got.workload).toBeUndefined()
          else expect(got.workload).toEqual(yield* store.workload(districts[a.workload]!, statuses))
        }
        // Each district's numbers: the next ones after the counter's value before, each once; in
        // arrival order within a shape.
        for (const [slot, got] of numbers) {
          expect(got.map((g) => g.n).sort((x, y) => x - y)).toEqual(got.map((_, i) => before.get(slot)! + i + 1))
          for (const shape of [true, false]) {
            const ofShape = got.filter((g) => g.shape === shape).map((g) => g.n)
            expect(ofShape).toEqual([...ofShape].sort((x, y) => x - y))
          }
        }
        // One counter step per number handed out, none for a retry.
        for (const d of districts) for (const y of [2026, 2027]) expect(yield* counter(d, y)).toBe(next.get(`${d}/${y}`))
        // A reservation of a stored key looked its record up and took nothing: the record is as it was.
        for (const [k, a] of asks.entries()) {
          if (a.key === "stored") expect(Option.isSome(yield* idempotency.lookup(keyOf(a, k)!))).toBe(true)
        }
      }),
    { fastCheck: { numRuns: 25, endOnFailure: true } }
  )

  // The example: four reservations of one district queue behind a held connection. The first goes
  // alone (it was out, waiting for the connection); the other three go together (the group's
  // statement is then prepared on the pool's one connection), and get the next three numbers.
  it.effect("four queued reservations: the first alone, the other three in one statement, numbers in arrival order", () =>
    Effect.gen(function* () {
      const sql = yield* SqlClient.SqlClient
      const district = `RX${process.pid}-${++run}`
      const at = "2026-03-02T05:00:00.000Z"
      const groupPrepared = Effect.map(sql<{ n: number }>`SELECT count(*)::int AS n FROM pg_prepared_statements WHERE statement LIKE '%WITH ORDINALITY%'`, (rows) => rows[0]!.n)
      const answers = yield* queueBehindHeldConnection([0, 1, 2, 3].map(() => ({ registration: { districtCode: district, at } })))
      expect(answers.map((a) => a.registrationNumber)).toEqual([1, 2, 3, 4].map((n) => `${district}-2026-${String(n).padStart(6, "0")}`))
      expect(yield* groupPrepared).toBe(1)
      const [row] = yield* sql<{ n: number }>`SELECT last_number AS n FROM murojaat.registration_counter WHERE district_code = ${district}`
      expect(row!.n).toBe(4)
    }))
})
