// The freshness listener (migration 0011's notifications): a read kept while the listener is up is
// dropped by the notification of any change, a change made while the listener is down is read on
// the next request (every request reads while down), and the listener reconnects by itself; then
// the same through the stores, two instances on one database. The oracles are the rows written by
// another pool and the statements the pg clients sent (their query method wrapped); waits are on
// the listener's own events, never on time.
import { once } from "node:events"
import { SqlClient } from "@effect/sql"
import { describe, expect, layer } from "@effect/vitest"
import { type Calendar, Sample } from "@murojaat/core"
import { Migrator, PgCalendarStore, PgStore } from "@murojaat/postgres"
import { Testing } from "@murojaat/postgres/testing"
import { Context, Effect, FastCheck as fc, Layer, type Scope } from "effect"
import * as Freshness from "../src/internal/freshness.js"
import { counting } from "./support.js"

// Resolves at the listener's next `name` event (subscribed when called, so an event that comes
// before the effect is awaited is not missed); at once for "up"/"down" when already in that state.
const next = (l: Freshness.Listener, name: "up" | "down" | "notification") => {
  const already = (name === "up" && l.up()) || (name === "down" && !l.up())
  const p = already ? Promise.resolve([]) : once(l.events, name)
  return Effect.promise(() => p)
}

class Db extends Context.Tag("test/Db")<Db, {
  readonly appUrl: string
  /** Every right: the other instance's changes, and pg_terminate_backend. */
  readonly admin: SqlClient.SqlClient
  /** A pool as the application role, as an instance's stamp reads would use, without a listener. */
  readonly app: SqlClient.SqlClient
  /** Two instances (pools as the application role, each with its listener, as PgStore.layerClient makes by default). */
  readonly a: Context.Context<SqlClient.SqlClient>
  readonly b: Context.Context<SqlClient.SqlClient>
}>() {}

const dbLayer = (server: "never" | "required") =>
  Layer.scoped(
    Db,
    Effect.gen(function* () {
      const db = yield* Testing.database({ server })
      const admin = yield* Layer.build(PgStore.layerClient({ url: db.url, maxConnections: 2, listenForChanges: false }))
      yield* Effect.provide(Migrator.migrate, admin)
      const app = yield* Layer.build(PgStore.layerClient({ url: db.appUrl, maxConnections: 4, listenForChanges: false }))
      const a = yield* Layer.build(PgStore.layerClient({ url: db.appUrl, maxConnections: 4 }))
      const b = yield* Layer.build(PgStore.layerClient({ url: db.appUrl, maxConnections: 4 }))
      return { appUrl: db.appUrl, admin: Context.get(admin, SqlClient.SqlClient), app: Context.get(app, SqlClient.SqlClient), a, b }
    }).pipe(Effect.orDie)
  )

// The two rows as numbers the test writes itself (n in the JSON), so "not older" is a comparison.
interface Seen {
  readonly calendar: number
  readonly directory: number
}
const READ = "/* freshness test read */"
const readOf = (sql: SqlClient.SqlClient) =>
  Effect.map(
    sql.unsafe<{ calendar: string | null; directory: string | null }>(`${READ} SELECT
      (SELECT data->>'n' FROM murojaat.calendar WHERE id = 1) AS calendar,
      (SELECT snapshot->>'n' FROM murojaat.directory WHERE id = 1) AS directory`),
    (rows): Seen => ({ calendar: Number(rows[0]?.calendar ?? 0), directory: Number(rows[0]?.directory ?? 0) })
  ).pipe(Effect.orDie)

const write = (sql: SqlClient.SqlClient, table: "calendar" | "directory", n: number) =>
  (table === "calendar"
    ? sql`INSERT INTO murojaat.calendar (id, data) VALUES (1, ${JSON.stringify({ n })}) ON CONFLICT (id) DO UPDATE SET data = excluded.data, updated_at = now()`
    : sql`INSERT INTO murojaat.directory (id, snapshot) VALUES (1, ${JSON.stringify({ n })}) ON CONFLICT (id) DO UPDATE SET snapshot = excluded.snapshot, replaced_at = now()`).pipe(
      Effect.orDie,
      Effect.asVoid
    )

// A write and its notification: subscribed before the write, awaited after it (the test's writes
// are one statement each, so one notification each, delivered in commit order).
const writeSeen = (l: Freshness.Listener, sql: SqlClient.SqlClient, table: "calendar" | "directory", n: number) =>
  Effect.gen(function* () {
    const arrived = next(l, "notification")
    yield* write(sql, table, n)
    expect(yield* arrived).toEqual([table])
  })

// The server's connections named `name` (pg_stat_activity).
const connectionsNamed = (admin: SqlClient.SqlClient, name: string) =>
  admin<{ n: number }>`SELECT count(*)::int AS n FROM pg_stat_activity WHERE application_name = ${name}`.pipe(
    Effect.map((r) => r[0]!.n),
    Effect.orDie
  )

// The count once closed connections are gone: pg's end() resolves when the socket closes, and the
// server drops the backend's row a moment later (polled, at most 200 times).
const closed = (connections: Effect.Effect<number>) =>
  Effect.gen(function* () {
    let n = yield* connections
    for (let i = 0; n > 0 && i < 200; i++) n = yield* Effect.zipRight(Effect.yieldNow(), connections)
    return n
  })

const terminate = (admin: SqlClient.SqlClient, pid: number) => admin`SELECT pg_terminate_backend(${pid})`.pipe(Effect.orDie)

// A listener on the test database as the application role, with short reconnect delays.
const listener = (appUrl: string, name = "murojaat-freshness-test", minDelay = 20): Effect.Effect<Freshness.Listener, never, Scope.Scope> =>
  Freshness.listen({ connectionString: appUrl, application_name: name }, { minDelay, maxDelay: 200, heartbeat: 2_000 })

const table = fc.constantFrom("calendar" as const, "directory" as const)
const op = fc.oneof(
  { weight: 4, arbitrary: fc.record({ kind: fc.constant("write" as const), table }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant("writeWhileReading" as const), table, reads: fc.integer({ min: 1, max: 4 }) }) },
  { weight: 4, arbitrary: fc.record({ kind: fc.constant("read" as const), reads: fc.integer({ min: 1, max: 4 }) }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant("settle" as const) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant("drop" as const) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant("awaitUp" as const) }) }
)

const listenerOf = (c: Context.Context<SqlClient.SqlClient>): Freshness.Listener => {
  const l = Freshness.of(Context.get(c, SqlClient.SqlClient))
  if (l === undefined) throw new Error("PgStore.layerClient made no listener")
  return l
}

const portsOf = (c: Context.Context<SqlClient.SqlClient>) => Effect.provide(Effect.all({ directory: PgStore.makeDirectoryStore, calendar: PgCalendarStore.make() }), c)

// The stamp statement (internal/stamps.ts) by a piece of its text.
const STAMPS = "replaced_at::text FROM murojaat.directory"

// A change through another instance and its notification on `l` (subscribed before the change).
const seen = <A, E>(l: Freshness.Listener, change: Effect.Effect<A, E>) =>
  Effect.gen(function* () {
    const arrived = next(l, "notification")
    yield* Effect.orDie(change)
    yield* arrived
  })

const year2027: Calendar.Year = {
  year: 2027,
  source: "Decree for 2027 (test data)",
  entries: [{ date: "2027-03-10", kind: "holiday", weeks: ["fiveDay", "sixDay"], name: "Ramazon hayiti (test)", source: "test" }]
}

const servers: ReadonlyArray<"never" | "required"> = process.env["DATABASE_URL"] ? ["never", "required"] : ["never"]

for (const server of servers) {
  describe(`postgres freshness listener (${server === "never" ? "embedded" : "DATABASE_URL"})`, () => {
    layer(dbLayer(server), { excludeTestServices: true, timeout: "240 seconds" })("listener", (it) => {
      it.scoped("with the listener up, a kept read is used until a change's notification arrives, then read again once", () =>
        Effect.gen(function* () {
          const { admin, app, appUrl } = yield* Db
          const l = yield* listener(appUrl)
          const read = Freshness.cached(() => l, readOf(app))
          yield* next(l, "up")
          yield* writeSeen(l, admin, "directory", 1)
          yield* writeSeen(l, admin, "calendar", 1)
          yield* writeSeen(l, admin, "directory", 2)
          const [seen, statements] = yield* counting(READ, Effect.forEach(Array.from({ length: 20 }), () => read))
          expect(seen.every((s) => s.calendar === 1 && s.directory === 2)).toBe(true)
          expect(statements).toBe(1)
          yield* writeSeen(l, admin, "calendar", 3)
          const [after, again] = yield* counting(READ, Effect.forEach(Array.from({ length: 20 }), () => read))
          expect(after.every((s) => s.calendar === 3 && s.directory === 2)).toBe(true)
          expect(again).toBe(1)
        }))

      it.scoped("a change made while the listener's connection is gone is read at once; it reconnects and keeps reads again", () =>
        Effect.gen(function* () {
          const { admin, app, appUrl } = yield* Db
          // Reconnects after 1 s (the default): the reads below run while it is down.
          const l = yield* listener(appUrl, undefined, 1_000)
          const read = Freshness.cached(() => l, readOf(app))
          yield* next(l, "up")
          yield* read
          const pid = l.pid()!
          const down = next(l, "down")
          yield* terminate(admin, pid)
          yield* down
          expect(l.up()).toBe(false)
          yield* write(admin, "directory", 10)
          // While down every caller reads: no kept read, each sees the row as it is now.
          const [whileDown, statements] = yield* counting(READ, Effect.forEach(Array.from({ length: 3 }), () => read))
          expect(whileDown.map((s) => s.directory)).toEqual([10, 10, 10])
          // Still down after them (it went up at most once meanwhile): each of them read.
          if (!l.up()) expect(statements).toBe(3)
          yield* next(l, "up")
          expect(l.pid()).not.toBe(pid)
          yield* writeSeen(l, admin, "directory", 11)
          yield* writeSeen(l, admin, "directory", 12)
          const [afterUp, reads] = yield* counting(READ, Effect.forEach(Array.from({ length: 10 }), () => read))
          expect(afterUp.every((s) => s.directory === 12)).toBe(true)
          expect(reads).toBe(1)
        }))

      // Random interleavings of writes (some concurrent with reads), notifications, lost
      // connections, reconnects and reads. A read must never return a row older than the last
      // write known to the listener when the read began: a write acknowledged before a barrier
      // notification the listener then received (notifications come in commit order), or before
      // the listener came up.
      it.scoped.prop(
        "a read never returns a row older than the last change committed before the last notification or reconnect it saw",
        [fc.array(op, { minLength: 1, maxLength: 16 })],
        ([ops]) =>
          Effect.gen(function* () {
            const { admin, app, appUrl } = yield* Db
            const l = yield* listener(appUrl)
            const read = Freshness.cached(() => l, readOf(app))
            const start = yield* readOf(admin)
            const written = { calendar: start.calendar, directory: start.directory }
            const acked: Array<{ readonly table: "calendar" | "directory"; readonly n: number }> = []
            let known = 0 // acked[0..known) are known to the listener
            const knowAll = () => void (known = acked.length)
            l.events.on("up", knowAll)
            yield* Effect.addFinalizer(() => Effect.sync(() => void l.events.off("up", knowAll)))
            const required = (): Seen => {
              const r = { calendar: start.calendar, directory: start.directory }
              for (const w of acked.slice(0, known)) r[w.table] = Math.max(r[w.table], w.n)
              return r
            }
            const writeOne = (table: "calendar" | "directory") =>
              Effect.suspend(() => {
                const n = ++written[table]
                return Effect.tap(write(admin, table, n), () => Effect.sync(() => void acked.push({ table, n })))
              })
            const reads = (k: number) =>
              Effect.suspend(() => {
                const floor = required()
                return Effect.forEach(
                  Array.from({ length: k }),
                  () =>
                    Effect.map(read, (seen) => {
                      expect(seen.calendar).toBeGreaterThanOrEqual(floor.calendar)
                      expect(seen.directory).toBeGreaterThanOrEqual(floor.directory)
                    }),
                  { concurrency: "unbounded", discard: true }
                )
              })
            let barriers = 0
            for (const o of ops) {
              switch (o.kind) {
                case "write":
                  yield* writeOne(o.table)
                  break
                case "writeWhileReading":
                  yield* Effect.all([writeOne(o.table), reads(o.reads)], { concurrency: "unbounded", discard: true })
                  break
                case "read":
                  yield* reads(o.reads)
                  break
                case "settle": {
                  if (!l.up()) {
                    yield* next(l, "up")
                    break
                  }
                  const payload = `barrier-${process.pid}-${++barriers}`
                  const before = acked.length
                  // The barrier's own arrival, or the connection lost meanwhile (then the up event makes all known).
                  const arrived = Effect.promise(
                    () =>
                      new Promise<boolean>((resolve) => {
                        const onNotification = (p: string) => p === payload && done(true)
                        const onDown = () => done(false)
                        const done = (ok: boolean) => {
                          l.events.off("notification", onNotification)
                          l.events.off("down", onDown)
                          resolve(ok)
                        }
                        l.events.on("notification", onNotification)
                        l.events.on("down", onDown)
                      })
                  )
                  const waiting = yield* Effect.fork(arrived)
                  yield* admin`SELECT pg_notify(${Freshness.channel}, ${payload})`.pipe(Effect.orDie)
                  if (yield* waiting.await.pipe(Effect.flatten)) known = Math.max(known, before)
                  break
                }
                case "drop": {
                  const pid = l.pid()
                  if (pid === undefined) break
                  const down = next(l, "down")
                  yield* terminate(admin, pid)
                  yield* down
                  break
                }
                case "awaitUp":
                  yield* next(l, "up")
                  break
              }
            }
            // Once up and settled, a read is exact.
            yield* next(l, "up")
            const payload = `barrier-${process.pid}-${++barriers}-end`
            const arrived = Effect.promise(() => new Promise<void>((resolve) => l.events.on("notification", (p: string) => p === payload && resolve())))
            const waiting = yield* Effect.fork(arrived)
            yield* admin`SELECT pg_notify(${Freshness.channel}, ${payload})`.pipe(Effect.orDie)
            yield* waiting.await
            if (l.up()) expect(yield* read).toEqual(written)
          }),
        { fastCheck: { numRuns: 30 } }
      )

      it.scoped("a server that cannot be reached: down, attempts after capped doubling delays, every read goes to the database, no crash", () =>
        Effect.gen(function* () {
          const { app } = yield* Db
          // Nothing listens on port 1: each attempt is refused (ECONNREFUSED).
          const l = yield* Freshness.listen({ connectionString: "postgres://nobody@127.0.0.1:1/none" }, { minDelay: 5, maxDelay: 20, heartbeat: 2_000 })
          const waits: Array<number> = []
          yield* Effect.promise(() => new Promise<void>((resolve) => l.events.on("retry", (w: number) => void (waits.push(w) === 5 && resolve()))))
          expect(waits).toEqual([5, 10, 20, 20, 20])
          expect(l.up()).toBe(false)
          const read = Freshness.cached(() => l, readOf(app))
          const [, statements] = yield* counting(READ, Effect.forEach(Array.from({ length: 3 }), () => read))
          expect(statements).toBe(3)
        }))

      it.effect("closing the scope closes the listener's connection (pg_stat_activity)", () =>
        Effect.gen(function* () {
          const { admin, appUrl } = yield* Db
          const name = `murojaat-freshness-close-${process.pid}`
          const connections = connectionsNamed(admin, name)
          expect(yield* connections).toBe(0)
          yield* Effect.scoped(
            Effect.gen(function* () {
              const l = yield* listener(appUrl, name)
              yield* next(l, "up")
              expect(yield* connections).toBe(1)
            })
          )
          expect(yield* closed(connections)).toBe(0)
        }))
    })

    // The stores as a service runs them: two instances on one database.
    layer(dbLayer(server), { excludeTestServices: true, timeout: "240 seconds" })("stores", (it) => {
      it.effect("a decree loaded and a directory replaced through another instance are seen once their notification has arrived; meanwhile N requests make one stamp statement", () =>
        Effect.gen(function* () {
          const { a, b } = yield* Db
          const la = listenerOf(a)
          yield* next(la, "up")
          const mine = yield* portsOf(a)
          const theirs = yield* portsOf(b)
          yield* seen(la, theirs.directory.replace(Sample.directory))
          const [first, statements] = yield* counting(STAMPS, Effect.forEach(Array.from({ length: 20 }), () => Effect.zip(mine.directory.snapshot, mine.calendar.current)))
          expect(first.every(([d]) => d.officers.length === Sample.directory.officers.length)).toBe(true)
          expect(first.every(([, c]) => !c.coveredYears.has(2027))).toBe(true)
          expect(statements).toBe(1)
          yield* seen(la, theirs.calendar.addYears([year2027]))
          const smaller = { ...Sample.directory, officers: Sample.directory.officers.slice(0, 1) }
          yield* seen(la, theirs.directory.replace(smaller))
          const [after, again] = yield* counting(STAMPS, Effect.forEach(Array.from({ length: 20 }), () => Effect.zip(mine.directory.snapshot, mine.calendar.current)))
          expect(after.every(([d, c]) => d.officers.length === 1 && c.coveredYears.has(2027))).toBe(true)
          expect(again).toBe(1)
        }))

      it.effect("an instance reads its own change at once, before its notification comes back", () =>
        Effect.gen(function* () {
          const { a } = yield* Db
          const la = listenerOf(a)
          yield* next(la, "up")
          const mine = yield* portsOf(a)
          for (let i = 1; i <= 10; i++) {
            const d = { ...Sample.directory, officers: Sample.directory.officers.slice(0, 1 + (i % Sample.directory.officers.length)) }
            yield* mine.directory.replace(d)
            expect((yield* mine.directory.snapshot).officers.length).toBe(d.officers.length)
          }
          yield* mine.directory.replace(Sample.directory)
        }))

      it.effect("a change made while the listener's connection is gone is seen by the next request; it reconnects and requests stop reading the stamps", () =>
        Effect.gen(function* () {
          const { a, b, admin } = yield* Db
          const la = listenerOf(a)
          yield* next(la, "up")
          const mine = yield* portsOf(a)
          const theirs = yield* portsOf(b)
          yield* seen(la, theirs.directory.replace(Sample.directory))
          expect((yield* mine.directory.snapshot).officers.length).toBe(Sample.directory.officers.length)
          const down = next(la, "down")
          yield* terminate(admin, la.pid()!)
          yield* down
          yield* theirs.directory.replace({ ...Sample.directory, officers: Sample.directory.officers.slice(0, 1) })
          expect((yield* mine.directory.snapshot).officers.length).toBe(1)
          yield* next(la, "up")
          const [snapshots, statements] = yield* counting(STAMPS, Effect.forEach(Array.from({ length: 20 }), () => mine.directory.snapshot))
          expect(snapshots.every((d) => d.officers.length === 1)).toBe(true)
          expect(statements).toBe(1)
          yield* seen(la, theirs.directory.replace(Sample.directory))
        }))

      it.effect("listenForChanges: false: no listener, every request reads the stamps", () =>
        Effect.gen(function* () {
          const { appUrl } = yield* Db
          yield* Effect.scoped(
            Effect.gen(function* () {
              const c = yield* Layer.build(PgStore.layerClient({ url: appUrl, maxConnections: 2, listenForChanges: false }))
              expect(Freshness.of(Context.get(c, SqlClient.SqlClient))).toBeUndefined()
              const mine = yield* portsOf(c)
              yield* mine.directory.snapshot
              const [, statements] = yield* counting(STAMPS, Effect.forEach(Array.from({ length: 5 }), () => mine.directory.snapshot))
              expect(statements).toBe(5)
            })
          )
        }))

      it.effect("the layer's scope closes the listener's connection with the pool's (pg_stat_activity)", () =>
        Effect.gen(function* () {
          const { appUrl, admin } = yield* Db
          const name = `murojaat-freshness-layer-${process.pid}`
          const connections = connectionsNamed(admin, name)
          expect(yield* connections).toBe(0)
          yield* Effect.scoped(
            Effect.gen(function* () {
              const c = yield* Layer.build(PgStore.layerClient({ url: appUrl, maxConnections: 2, applicationName: name }))
              yield* next(listenerOf(c), "up")
              expect(yield* connections).toBeGreaterThanOrEqual(2) // the pool's first connection and the listener's
            })
          )
          expect(yield* closed(connections)).toBe(0)
        }))
    })
  })
}
