// Group commit (PgStore's `commitsInFlight`, internal/group.ts): commits that queue up behind the
// ones on their way go together in one statement (`groupStatement`). Each commit must still get
// exactly the answer it would get alone, and the database must hold exactly what committing them
// one by one would leave. The oracle is the core's in-memory store (the ports' reference
// implementation), given the same commits one after another.
//
// The commits are made to queue: the pool has one connection, held by a transaction while they
// arrive, and one commit may be out at a time, so the first waits for the connection and the rest
// wait in the queue; when the transaction ends they go, grouped by shape. Rows written by one
// statement share their transaction id (`xmin`), which shows which commits went together.
import { SqlClient } from "@effect/sql"
import { expect, layer } from "@effect/vitest"
import { Actor, AppealState, AppealStore, Audit, type Event, IdempotencyStore } from "@murojaat/core"
import { Migrator, PgStore } from "@murojaat/postgres"
import { Testing } from "@murojaat/postgres/testing"
import { queuedBehindHeldConnection } from "./support.js"
import { Deferred, Effect, Either, FastCheck as fc, Fiber, Layer, Option } from "effect"

const actor = Actor.ref(Actor.system("group-commit-test"), "system")
let run = 0

// One application connection, one commit out at a time (so the rest queue and group).
const queued = Layer.unwrapScoped(
  Effect.map(Testing.database({ server: "preferred" }), (db) => {
    const admin = Layer.effectDiscard(Migrator.migrate).pipe(Layer.provide(PgStore.layerClient({ url: db.url, maxConnections: 1 })))
    const app = PgStore.layerClient({ url: db.appUrl, maxConnections: 1 })
    return PgStore.layerFromClient({ commitsInFlight: 1, commitGroupSize: 8 }).pipe(Layer.provideMerge(app), Layer.provideMerge(admin))
  })
)

interface Parts {
  readonly events: number
  readonly texts: boolean
  readonly personal: boolean
  readonly key: boolean
  readonly dueAt: string | null | undefined
  readonly outbox: "events" | "others" | "none"
}
const parts: fc.Arbitrary<Parts> = fc.record({
  events: fc.integer({ min: 1, max: 3 }),
  texts: fc.boolean(),
  personal: fc.boolean(),
  key: fc.boolean(),
  dueAt: fc.constantFrom(undefined, null, "2026-04-03T13:00:00.000Z"),
  outbox: fc.constantFrom("events" as const, "others" as const, "none" as const)
})

// What a commit in the queue is, against what was stored before it:
// new: a fresh appeal; update: the next version of a stored one; taken: a fresh appeal under an
// idempotency key already stored; existing: a "new" appeal whose id is stored at a later version;
// stale: an update from a version that has moved.
type Kind = "new" | "update" | "taken" | "existing" | "stale"
// The commits' parts come from two shapes, so that groups of several form.
const plan = fc.tuple(parts, parts).chain(([a, b]) =>
  fc.array(fc.record({ kind: fc.constantFrom<Kind>("new", "new", "new", "update", "update", "taken", "existing", "stale"), parts: fc.constantFrom(a, b) }), { minLength: 2, maxLength: 12 }))

const personalOf = (name: string) =>
  ({
    applicant: { type: "individual", surname: name, name: "A", contact: { phone: "+998901112233", email: "applicant@example.uz" }, declaredFalse: false, consent: { given: true, form: "electronic", revoked: false } },
    signatories: [],
    text: { body: name },
    attachments: []
  }) as never

// A commit of `p.events` events on top of `head`.
const commitOf = (appealId: string, head: { readonly version: number; readonly lastHash: string }, p: Parts, key: string): AppealStore.Commit => {
  const pending: ReadonlyArray<Event.Pending> = Array.from({ length: p.events }, (_, k) => ({ type: "escalated", data: {}, texts: { reason: `r${k}` }, rules: ["r"] }))
  const events = Audit.seal(head, pending, { appealId, at: "2026-03-20T10:00:00.000Z", actor })
  const last = events[events.length - 1]!
  const state: AppealState.AppealState = { ...AppealState.initial(appealId), status: "triaged", version: last.seq, lastHash: last.hash, districtCode: "1726262", assigneeId: "o-1", receivedAt: "2026-03-20T10:00:00.000Z" }
  const outbox = p.outbox === "events"
    ? events.map((e) => ({ id: `${e.id}/m`, appealId, seq: e.seq, topic: "appeal.escalated", payload: e as unknown }))
    : p.outbox === "others"
    ? [{ id: `${appealId}#${last.seq}/other`, appealId, seq: last.seq, topic: "appeal.other", payload: { note: appealId } }]
    : []
  return {
    streams: [{
      appealId,
      expectedVersion: head.version,
      events,
      state,
      ...(p.personal ? { personal: personalOf(appealId) } : {}),
      ...(p.texts ? { texts: events.map((e, k) => ({ seq: e.seq, texts: { reason: `r${k}` } })) } : {}),
      ...(p.dueAt !== undefined ? { dueAt: p.dueAt } : {})
    }],
    outbox,
    ...(p.key ? { idempotency: { key, fingerprint: `f-${key}`, response: { appealId } } } : {})
  }
}

const base: Parts = { events: 1, texts: false, personal: false, key: false, dueAt: undefined, outbox: "none" }

// The commits stored before the queue, and the queue itself, for a plan.
const build = (prefix: string, steps: ReadonlyArray<{ readonly kind: Kind; readonly parts: Parts }>) => {
  const before: Array<AppealStore.Commit> = []
  const queue = steps.map((s, k) => {
    const appealId = `${prefix}-${k}`
    const key = `${prefix}-key-${k}`
    if (s.kind === "new") return commitOf(appealId, { version: 0, lastHash: Audit.genesis }, s.parts, key)
    if (s.kind === "taken") {
      before.push(commitOf(`${appealId}-holder`, { version: 0, lastHash: Audit.genesis }, { ...base, key: true }, key))
      return commitOf(appealId, { version: 0, lastHash: Audit.genesis }, { ...s.parts, key: true }, key)
    }
    const stored = commitOf(appealId, { version: 0, lastHash: Audit.genesis }, { ...base, events: 2 }, `${key}-before`)
    before.push(stored)
    const last = stored.streams[0]!.events.at(-1)!
    if (s.kind === "update") return commitOf(appealId, { version: last.seq, lastHash: last.hash }, s.parts, key)
    if (s.kind === "existing") return commitOf(appealId, { version: 0, lastHash: Audit.genesis }, s.parts, key)
    return commitOf(appealId, { version: 1, lastHash: stored.streams[0]!.events[0]!.hash }, s.parts, key)
  })
  return { before, queue }
}

// The commits, queued behind a held connection: each one's answer.
const queueBehindHeldConnection = (commits: ReadonlyArray<AppealStore.Commit>) =>
  Effect.flatMap(AppealStore.AppealStore, (store) => queuedBehindHeldConnection(commits.map((c) => Effect.either(store.commit(c)))))

const answerOf = (e: Either.Either<void, unknown>) =>
  Either.isRight(e) ? { ok: true } : { ok: false, error: { ...(e.left as object), _tag: (e.left as { _tag: string })._tag } }

// What the ports read back for an appeal, and an idempotency key's record.
const readBack = (appealIds: ReadonlyArray<string>, keys: ReadonlyArray<string>) =>
  Effect.gen(function* () {
    const store = yield* AppealStore.AppealStore
    const idempotency = yield* IdempotencyStore.IdempotencyStore
    const appeals = yield* Effect.forEach(appealIds, (id) =>
      Effect.all({ id: Effect.succeed(id), state: store.load(id), events: store.events(id), personal: store.personal(id), texts: store.texts(id) }))
    const records = yield* Effect.forEach(keys, (key) => Effect.map(idempotency.lookup(key), (r) => ({ key, record: r })))
    return { appeals, records }
  })

const memory = AppealStore.layerMemory()

layer(queued, { excludeTestServices: true, timeout: "240 seconds" })("postgres group commit", (it) => {
  it.effect.prop(
    "commits that queue up and go together get the answers, and leave the rows, that committing them one by one gives (the in-memory store as oracle)",
    [plan],
    ([steps]) =>
      Effect.gen(function* () {
        const prefix = `G${process.pid}-${++run}`
        const { before, queue } = build(prefix, steps)
        const store = yield* AppealStore.AppealStore
        for (const c of before) yield* store.commit(c)
        const answers = (yield* queueBehindHeldConnection(queue)).map(answerOf)

        const ids = queue.map((c) => c.streams[0]!.appealId)
        const keys = queue.flatMap((c) => (c.idempotency === undefined ? [] : [c.idempotency.key]))
        const got = yield* readBack(ids, keys)
        const expected = yield* Effect.gen(function* () {
          const oracle = yield* AppealStore.AppealStore
          for (const c of before) yield* oracle.commit(c)
          const answers: Array<ReturnType<typeof answerOf>> = []
          for (const c of queue) answers.push(answerOf(yield* Effect.either(oracle.commit(c))))
          return { answers, ...(yield* readBack(ids, keys)) }
        }).pipe(Effect.provide(memory))
        expect(answers).toEqual(expected.answers)
        expect(got).toEqual({ appeals: expected.appeals, records: expected.records })

        // The outbox holds the messages of the commits that went through, and none of the others.
        const sql = yield* SqlClient.SqlClient
        const rows = yield* sql<{ id: string; payload: string }>`SELECT id, payload::text AS payload FROM murojaat.outbox WHERE appeal_id IN ${sql.in(ids)} ORDER BY id`
        const made = queue.filter((_, k) => answers[k]!.ok).flatMap((c) => c.outbox)
        expect(rows).toEqual(made.map((m) => ({ id: m.id, payload: JSON.stringify(m.payload ?? null) })).sort((a, b) => (a.id < b.id ? -1 : 1)))
      }),
    { fastCheck: { numRuns: 25, endOnFailure: true } }
  )

  // The example the header describes: five new appeals of one shape queue behind a held
  // connection. The first goes alone (it was out, waiting for the connection); the other four go
  // together, in one transaction.
  it.effect("five queued commits of one shape: the first alone, the other four in one statement", () =>
    Effect.gen(function* () {
      const sql = yield* SqlClient.SqlClient
      const prefix = `X${process.pid}-${++run}`
      const queue = [0, 1, 2, 3, 4].map((k) => commitOf(`${prefix}-${k}`, { version: 0, lastHash: Audit.genesis }, { ...base, key: true, personal: true, outbox: "events" }, `${prefix}-key-${k}`))
      const answers = yield* queueBehindHeldConnection(queue)
      expect(answers.every(Either.isRight)).toBe(true)
      const rows = yield* sql<{ appeal_id: string; tx: string }>`SELECT appeal_id, xmin::text AS tx FROM murojaat.appeal WHERE appeal_id LIKE ${`${prefix}-%`} ORDER BY appeal_id`
      expect(rows.map((r) => r.appeal_id)).toEqual(queue.map((c) => c.streams[0]!.appealId))
      expect(new Set(rows.map((r) => r.tx)).size).toBe(2)
      expect(rows[0]!.tx).not.toBe(rows[1]!.tx)
      expect(new Set(rows.slice(1).map((r) => r.tx)).size).toBe(1)
      // Its other rows are the same transaction's.
      const others = yield* sql<{ tx: string }>`
        SELECT xmin::text AS tx FROM murojaat.appeal_event WHERE appeal_id = ${`${prefix}-3`}
        UNION SELECT xmin::text FROM murojaat.outbox WHERE appeal_id = ${`${prefix}-3`}
        UNION SELECT xmin::text FROM murojaat.appeal_personal WHERE appeal_id = ${`${prefix}-3`}
        UNION SELECT xmin::text FROM murojaat.idempotency WHERE key = ${`${prefix}-key-3`}`
      expect(others.map((r) => r.tx)).toEqual([rows[1]!.tx])
    }))

  // One commit of a group refused (its idempotency key is taken): the group writes nothing, each
  // commit goes alone, and only the refused one is refused.
  it.effect("a group with a refused commit: the others go through one by one, the refused one writes nothing", () =>
    Effect.gen(function* () {
      const sql = yield* SqlClient.SqlClient
      const store = yield* AppealStore.AppealStore
      const prefix = `R${process.pid}-${++run}`
      yield* store.commit(commitOf(`${prefix}-holder`, { version: 0, lastHash: Audit.genesis }, { ...base, key: true }, `${prefix}-key-2`))
      const queue = [0, 1, 2, 3].map((k) => commitOf(`${prefix}-${k}`, { version: 0, lastHash: Audit.genesis }, { ...base, key: true }, `${prefix}-key-${k}`))
      const answers = yield* queueBehindHeldConnection(queue)
      expect(answers.map((a) => (Either.isRight(a) ? "ok" : (a.left as { _tag: string })._tag))).toEqual(["ok", "ok", "IdempotencyConflict", "ok"])
      const rows = yield* sql<{ appeal_id: string }>`SELECT appeal_id FROM murojaat.appeal WHERE appeal_id LIKE ${`${prefix}-%`} AND appeal_id <> ${`${prefix}-holder`} ORDER BY appeal_id`
      expect(rows.map((r) => r.appeal_id)).toEqual([`${prefix}-0`, `${prefix}-1`, `${prefix}-3`])
    }))

  // Two commits of one appeal, or under one idempotency key, never go in one group: exactly one wins.
  it.effect("two queued commits of one appeal, or of one key: the first wins, the second is refused", () =>
    Effect.gen(function* () {
      const prefix = `T${process.pid}-${++run}`
      const head = { version: 0, lastHash: Audit.genesis }
      const queue = [
        commitOf(`${prefix}-a`, head, base, `${prefix}-k1`),
        commitOf(`${prefix}-a`, head, { ...base, events: 2 }, `${prefix}-k2`),
        commitOf(`${prefix}-b`, head, { ...base, key: true }, `${prefix}-k3`),
        commitOf(`${prefix}-c`, head, { ...base, key: true }, `${prefix}-k3`)
      ]
      const answers = yield* queueBehindHeldConnection(queue)
      expect(answers.map((a) => (Either.isRight(a) ? "ok" : (a.left as { _tag: string })._tag))).toEqual(["ok", "VersionConflict", "ok", "IdempotencyConflict"])
      const store = yield* AppealStore.AppealStore
      expect(Option.map(yield* store.load(`${prefix}-a`), (s) => s.version)).toEqual(Option.some(1))
      expect(Option.isNone(yield* store.load(`${prefix}-c`))).toBe(true)
    }))

  // A caller interrupted while its commit waits in a group that has not been sent yet: the group
  // is built without it once the connection is free, and it is never written.
  it.effect("a commit interrupted while its group waits for the connection is left out of the group", () =>
    Effect.gen(function* () {
      const sql = yield* SqlClient.SqlClient
      const store = yield* AppealStore.AppealStore
      const prefix = `I${process.pid}-${++run}`
      const queue = [0, 1, 2].map((k) => commitOf(`${prefix}-${k}`, { version: 0, lastHash: Audit.genesis }, base, `${prefix}-k${k}`))
      const holding = yield* Deferred.make<void>()
      const gate = yield* Deferred.make<void>()
      const holder = yield* Effect.fork(sql.withTransaction(Effect.zipRight(Effect.zipRight(sql`SELECT 1`, Deferred.succeed(holding, undefined)), Deferred.await(gate))))
      yield* Deferred.await(holding)
      // The first goes out (alone) and waits for the connection; the other two wait in the queue.
      // Its caller interrupted, its group is interrupted (never sent), and the other two go out
      // together and wait for the connection; then the second's caller is interrupted.
      // (The sleeps only let the forked fibers reach the queue; no timing is asserted.)
      const first = yield* Effect.fork(store.commit(queue[0]!))
      yield* Effect.sleep("50 millis")
      const second = yield* Effect.fork(store.commit(queue[1]!))
      const third = yield* Effect.fork(store.commit(queue[2]!))
      yield* Effect.sleep("50 millis")
      yield* Fiber.interrupt(first)
      yield* Effect.sleep("50 millis")
      yield* Fiber.interrupt(second)
      yield* Deferred.succeed(gate, undefined)
      yield* Fiber.join(holder)
      yield* Fiber.join(third)
      const rows = yield* sql<{ appeal_id: string }>`SELECT appeal_id FROM murojaat.appeal WHERE appeal_id LIKE ${`${prefix}-%`}`
      expect(rows.map((r) => r.appeal_id)).toEqual([`${prefix}-2`])
    }))
})
