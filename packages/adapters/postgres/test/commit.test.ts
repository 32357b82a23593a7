// The one-statement commit sends each column of its events, texts, personal data and outbox rows
// as one array parameter (unnest) and runs as a named prepared statement. Its rows must be the
// commit's values exactly, whatever the text: quotes, backslashes, braces, commas, "NULL", empty
// strings and any Unicode are where an array literal could go wrong. The oracle is the storage
// format (docs: a document is `JSON.stringify` of the domain value, byte for byte; index columns
// are the values themselves; the contact keys are the phone's digits and the trimmed lower-case
// e-mail), read back column by column. Commits of different shapes (with and without texts,
// personal data, idempotency, due time; new appeal and next version; outbox messages whose payloads
// are the write's events, taken by position from the events' array, in any order, beside others or
// none) share the pool's connections, so the prepared statements of the shapes are reused side by side.
import { SqlClient } from "@effect/sql"
import { expect, layer } from "@effect/vitest"
import { Actor, AppealState, AppealStore, Audit, type Event, Errors } from "@murojaat/core"
import { Migrator, PgStore } from "@murojaat/postgres"
import { Testing } from "@murojaat/postgres/testing"
import { Deferred, Effect, FastCheck as fc, Fiber, Layer, Option } from "effect"
import { layerUnderTest } from "./support.js"

// Text an array literal must escape, and any well-formed Unicode (keys never hold U+0000: StoreKey refuses it).
const awkward = fc
  .oneof(
    fc.constantFrom("", "NULL", "null", "\"", "\\", "{}", "{a,b}", ",", " ", "'", "\\\"", "ʻ", "😀", "\u00a0", "\t\n", "\"NULL\""),
    fc.string({ unit: fc.constantFrom("\"", "\\", "{", "}", ",", " ", "a", "N", "U", "L", "ʻ", "😀", "\n") }),
    fc.string({ unit: "grapheme" })
  )
  .filter((s) => !s.includes("\u0000"))

const part = fc.record({
  reasons: fc.array(awkward, { minLength: 1, maxLength: 4 }),
  rule: awkward,
  topic: awkward,
  idSuffix: awkward,
  withTexts: fc.boolean(),
  // The outbox: the events (each event's text is sent once and the message takes it by position),
  // in another order, mixed with messages whose payload is no event of the write (an equal copy of
  // one, another value, none), only such messages, or none.
  messages: fc.constantFrom("events", "reversed", "mixed", "others", "none"),
  other: awkward,
  dueAt: fc.constantFrom(undefined, null, "2026-04-03T13:00:00.000Z"),
  idempotency: fc.option(fc.record({ fingerprint: awkward, response: awkward }), { nil: undefined })
})

const input = fc.record({
  name: awkward,
  personal: fc.option(fc.record({ surname: awkward, phone: awkward, email: awkward }), { nil: undefined }),
  first: part,
  next: fc.option(part, { nil: undefined })
})

const actor = Actor.ref(Actor.system("commit-test"), "system")
let n = 0

layer(layerUnderTest({ server: "preferred" }), { excludeTestServices: true, timeout: "240 seconds" })("postgres commit statement", (it) => {
  it.effect.prop(
    "the rows of a one-appeal commit hold its values exactly, for any text, in every shape of the statement",
    [input],
    ([x]) =>
      Effect.gen(function* () {
        const store = yield* AppealStore.AppealStore
        const sql = yield* SqlClient.SqlClient
        const appealId = `CT-${process.pid}-${++n}-${x.name}`
        const personal =
          x.personal === undefined
            ? undefined
            : ({
              applicant: { type: "individual", surname: x.personal.surname, name: "A", contact: { phone: x.personal.phone, email: x.personal.email }, declaredFalse: false, consent: { given: true, form: "electronic", revoked: false } },
              signatories: [],
              text: { body: x.personal.surname },
              attachments: []
            } as never)
        const written: Array<Event.AppealEvent> = []
        const outbox: Array<AppealStore.OutboxWrite> = []
        const texts: Array<Event.TextRecord> = []
        const keys: Array<{ readonly key: string; readonly fingerprint: string; readonly response: unknown }> = []
        let head = { version: 0, lastHash: Audit.genesis }
        for (const p of x.next === undefined ? [x.first] : [x.first, x.next]) {
          const pending: ReadonlyArray<Event.Pending> = p.reasons.map((reason) => ({ type: "escalated", data: {}, texts: { reason }, rules: [p.rule] }))
          const events = Audit.seal(head, pending, { appealId, at: "2026-03-20T10:00:00.000Z", actor, correlationId: p.idSuffix })
          const last = events[events.length - 1]!
          const state: AppealState.AppealState = { ...AppealState.initial(appealId), status: "triaged", version: last.seq, lastHash: last.hash, category: p.rule, receivedAt: "2026-03-20T10:00:00.000Z" }
          const ofEvents = events.map((e) => ({ id: `${e.id}/${p.idSuffix}`, appealId, seq: e.seq, topic: p.topic, payload: e as unknown }))
          const others = [{ ...events[0]! }, { note: p.other, list: [p.other] }, p.other, undefined].map((payload, k) => ({
            id: `${appealId}#${last.seq}-other-${k}/${p.idSuffix}`, appealId, seq: last.seq, topic: p.topic, payload
          }))
          const messages: ReadonlyArray<AppealStore.OutboxWrite> = p.messages === "events" ? ofEvents
            : p.messages === "reversed" ? [...ofEvents].reverse()
            : p.messages === "mixed" ? ofEvents.flatMap((m, k) => (k < others.length ? [others[k]!, m] : [m])).concat(others.slice(ofEvents.length))
            : p.messages === "others" ? others
            : []
          const eventTexts = p.withTexts ? events.map((e, i) => ({ seq: e.seq, texts: { reason: p.reasons[i]! } })) : undefined
          const idempotency = p.idempotency === undefined ? undefined : { key: `${appealId}/${last.seq}/${p.idempotency.fingerprint}`, fingerprint: p.idempotency.fingerprint, response: { said: p.idempotency.response } }
          yield* store.commit({
            streams: [{ appealId, expectedVersion: head.version, events, state, ...(personal !== undefined ? { personal } : {}), ...(eventTexts !== undefined ? { texts: eventTexts } : {}), ...(p.dueAt !== undefined ? { dueAt: p.dueAt } : {}) }],
            outbox: messages,
            ...(idempotency !== undefined ? { idempotency } : {})
          })
          // The same commit again is refused by the version check (or the key) and writes nothing.
          const again = yield* Effect.flip(store.commit({ streams: [{ appealId, expectedVersion: head.version, events, state }], outbox: messages, ...(idempotency !== undefined ? { idempotency } : {}) }))
          expect(again instanceof Errors.VersionConflict || again instanceof Errors.IdempotencyConflict).toBe(true)
          written.push(...events)
          outbox.push(...messages)
          texts.push(...(eventTexts ?? []))
          if (idempotency !== undefined) keys.push(idempotency)
          head = { version: last.seq, lastHash: last.hash }
        }

        const events = yield* sql<{ seq: number; event_id: string; type: string; prev_hash: string; hash: string; body: string }>`
          SELECT seq, event_id, type, prev_hash, hash, body::text AS body FROM murojaat.appeal_event WHERE appeal_id = ${appealId} ORDER BY seq`
        expect(events).toEqual(written.map((e) => ({ seq: e.seq, event_id: e.id, type: e.type, prev_hash: e.prevHash, hash: e.hash, body: JSON.stringify(e) })))
        const messages = yield* sql<{ id: string; appeal_id: string; seq: number; topic: string; payload: string }>`
          SELECT id, appeal_id, seq, topic, payload::text AS payload FROM murojaat.outbox WHERE appeal_id = ${appealId} ORDER BY position`
        expect(messages).toEqual(outbox.map((m) => ({ id: m.id, appeal_id: m.appealId, seq: m.seq, topic: m.topic, payload: JSON.stringify(m.payload ?? null) })))
        const stored = yield* sql<{ seq: number; texts: string }>`SELECT seq, texts::text AS texts FROM murojaat.appeal_text WHERE appeal_id = ${appealId} ORDER BY seq`
        expect(stored).toEqual(texts.map((t) => ({ seq: t.seq, texts: JSON.stringify(t.texts) })))
        const data = yield* sql<{ data: string; contact_phone: string | null; contact_email: string | null }>`
          SELECT data::text AS data, contact_phone, contact_email FROM murojaat.appeal_personal WHERE appeal_id = ${appealId}`
        if (x.personal === undefined) expect(data).toEqual([])
        else {
          const email = x.personal.email.trim().toLowerCase()
          expect(data).toEqual([{ data: JSON.stringify(personal), contact_phone: x.personal.phone.replace(/[^0-9]/g, "") || null, contact_email: email }])
        }
        for (const k of keys) {
          const record = yield* sql<{ fingerprint: string; response: string }>`SELECT fingerprint, response::text AS response FROM murojaat.idempotency WHERE key = ${k.key}`
          expect(record).toEqual([{ fingerprint: k.fingerprint, response: JSON.stringify(k.response) }])
        }
      }),
    { fastCheck: { numRuns: 60, endOnFailure: true } }
  )
})

// One connection, so the statement the test deallocates is the one the next commit would use.
const oneConnection = (preparedStatements: boolean) =>
  Layer.unwrapScoped(
    Effect.map(Testing.database({ server: "preferred" }), (db) => {
      const admin = Layer.effectDiscard(Migrator.migrate).pipe(Layer.provide(PgStore.layerClient({ url: db.url, maxConnections: 1 })))
      const app = PgStore.layerClient({ url: db.appUrl, maxConnections: 1, preparedStatements })
      return PgStore.layerFromClient().pipe(Layer.provideMerge(app), Layer.provideMerge(admin))
    })
  )

// A commit of a new appeal with `count` events, and the same commit again (stale).
const commitNew = (appealId: string, count: number) =>
  Effect.gen(function* () {
    const store = yield* AppealStore.AppealStore
    const pending: ReadonlyArray<Event.Pending> = Array.from({ length: count }, () => ({ type: "escalated", data: {}, texts: { reason: "r" }, rules: ["r"] }))
    const events = Audit.seal({ version: 0, lastHash: Audit.genesis }, pending, { appealId, at: "2026-03-20T10:00:00.000Z", actor })
    const last = events[events.length - 1]!
    const state: AppealState.AppealState = { ...AppealState.initial(appealId), status: "triaged", version: last.seq, lastHash: last.hash }
    const commit = { streams: [{ appealId, expectedVersion: 0, events, state }], outbox: [] }
    yield* store.commit(commit)
    expect(yield* Effect.flip(store.commit(commit))).toBeInstanceOf(Errors.VersionConflict)
    expect((yield* store.events(appealId)).map((e) => e.hash)).toEqual(events.map((e) => e.hash))
  })

for (const preparedStatements of [true, false]) {
  layer(oneConnection(preparedStatements), { excludeTestServices: true, timeout: "120 seconds" })(`postgres commit, preparedStatements ${preparedStatements}`, (it) => {
    it.effect("commits go through when the server dropped the connection's prepared statements (a pooler that does not keep them, DISCARD ALL)", () =>
      Effect.gen(function* () {
        const sql = yield* SqlClient.SqlClient
        const prepared = sql<{ n: number }>`SELECT count(*)::int AS n FROM pg_prepared_statements`.pipe(Effect.map((r) => r[0]!.n))
        yield* commitNew(`DA-${process.pid}-${preparedStatements}-1`, 2)
        // Named: the commit statement is prepared on the connection; unnamed: nothing is.
        expect(yield* prepared).toBe(preparedStatements ? 1 : 0)
        yield* sql.unsafe("DEALLOCATE ALL")
        yield* commitNew(`DA-${process.pid}-${preparedStatements}-2`, 2)
        yield* commitNew(`DA-${process.pid}-${preparedStatements}-3`, 3)
        // The client fell back to unnamed statements: none prepared since.
        expect(yield* prepared).toBe(0)
      }))

    // A new appeal is a plain insert; a row stored without events (version 0) is still written by
    // a commit expecting version 0 (the port's contract, as the in-memory store keeps it), through
    // the upsert the store sends when the insert meets a row.
    it.effect("a commit expecting version 0 writes over a row stored at version 0, and is refused over one at version 1", () =>
      Effect.gen(function* () {
        const store = yield* AppealStore.AppealStore
        const appealId = `V0-${process.pid}-${preparedStatements}`
        yield* store.commit({ streams: [{ appealId, expectedVersion: 0, events: [], state: AppealState.initial(appealId) }], outbox: [] })
        const events = Audit.seal({ version: 0, lastHash: Audit.genesis }, [{ type: "escalated", data: {}, texts: { reason: "r" }, rules: ["r"] }], { appealId, at: "2026-03-20T10:00:00.000Z", actor })
        const state: AppealState.AppealState = { ...AppealState.initial(appealId), status: "triaged", version: 1, lastHash: events[0]!.hash }
        yield* store.commit({ streams: [{ appealId, expectedVersion: 0, events, state }], outbox: [] })
        expect(Option.map(yield* store.load(appealId), (s) => s.version)).toEqual(Option.some(1))
        const again = yield* Effect.flip(store.commit({ streams: [{ appealId, expectedVersion: 0, events, state }], outbox: [] }))
        expect(again).toMatchObject({ _tag: "VersionConflict", expected: 0, actual: 1 })
        expect((yield* store.events(appealId)).length).toBe(1)
      }))

    // Sent directly, a commit whose caller was interrupted while it waited for a connection must
    // not be sent once the connection frees up. The only connection is held by a transaction; the
    // pool hands connections out in the order they were asked for, so the read after the
    // interrupted commit runs only once that commit's turn has passed.
    it.effect("a commit interrupted while it waits for a connection is not sent", () =>
      Effect.gen(function* () {
        const sql = yield* SqlClient.SqlClient
        const store = yield* AppealStore.AppealStore
        const appealId = `INT-${process.pid}-${preparedStatements}`
        const events = Audit.seal({ version: 0, lastHash: Audit.genesis }, [{ type: "escalated", data: {}, texts: { reason: "r" }, rules: ["r"] }], { appealId, at: "2026-03-20T10:00:00.000Z", actor })
        const state: AppealState.AppealState = { ...AppealState.initial(appealId), status: "triaged", version: 1, lastHash: events[0]!.hash }
        const holding = yield* Deferred.make<void>()
        const gate = yield* Deferred.make<void>()
        const holder = yield* Effect.fork(sql.withTransaction(Effect.zipRight(Effect.zipRight(sql`SELECT 1`, Deferred.succeed(holding, undefined)), Deferred.await(gate))))
        yield* Deferred.await(holding)
        const waiting = yield* Effect.fork(store.commit({ streams: [{ appealId, expectedVersion: 0, events, state }], outbox: [] }))
        yield* Effect.sleep("100 millis")
        yield* Fiber.interrupt(waiting)
        yield* Deferred.succeed(gate, undefined)
        yield* Fiber.join(holder)
        expect((yield* store.load(appealId))._tag).toBe("None")
      }))

    // The commit statement goes to the pool's clients directly (internal/direct.ts), not through
    // @effect/sql: a refusal the server answers must leave the connection in the pool (`pg` closes
    // a connection released with an error), and inside a caller's transaction the statement must
    // run on the transaction's connection (on a pool of one, anything else waits forever).
    it.effect("a refused commit keeps its connection, and a commit inside a transaction is the transaction's", () =>
      Effect.gen(function* () {
        const sql = yield* SqlClient.SqlClient
        const backend = sql<{ pid: number }>`SELECT pg_backend_pid() AS pid`.pipe(Effect.map((r) => r[0]!.pid))
        const before = yield* backend
        yield* commitNew(`KEEP-${process.pid}-${preparedStatements}`, 2) // includes a refused (stale) commit
        expect(yield* backend).toBe(before)
        const appealId = `TX-${process.pid}-${preparedStatements}`
        const events = Audit.seal({ version: 0, lastHash: Audit.genesis }, [{ type: "escalated", data: {}, texts: { reason: "r" }, rules: ["r"] }], { appealId, at: "2026-03-20T10:00:00.000Z", actor })
        const state: AppealState.AppealState = { ...AppealState.initial(appealId), status: "triaged", version: 1, lastHash: events[0]!.hash }
        const store = yield* AppealStore.AppealStore
        const rolledBack = yield* sql.withTransaction(Effect.zipRight(store.commit({ streams: [{ appealId, expectedVersion: 0, events, state }], outbox: [] }), Effect.fail("roll back" as const))).pipe(Effect.flip)
        expect(rolledBack).toBe("roll back")
        expect((yield* store.load(appealId))._tag).toBe("None")
        yield* store.commit({ streams: [{ appealId, expectedVersion: 0, events, state }], outbox: [] })
        expect((yield* store.load(appealId))._tag).toBe("Some")
      }))
  })
}
