// The hot statements sent to the pool's `pg` clients directly (internal/direct.ts): a connection
// that ends while its statement runs (the server killed it) fails that statement with a
// `SqlError`, and nothing else: `pg` also emits `error` on such a client, which would end the
// process if nobody listened (the server-crash drill met it under load); the pool replaces the
// connection and the next statement goes through. Two ways a connection ends: the server ends the
// session (pg_terminate_backend: a FATAL answer, then the close), and the backend process killed
// outright (SIGKILL: the socket closes with no answer; on a private embedded server, as the
// server then restarts every session).
import { SqlClient } from "@effect/sql"
import { expect, layer } from "@effect/vitest"
import { Migrator, PgStore } from "@murojaat/postgres"
import { Testing } from "@murojaat/postgres/testing"
import { Context, Effect, Fiber, Layer, Schedule } from "effect"
import * as Direct from "../src/internal/direct.js"

class Admin extends Context.Tag("test/Admin")<Admin, SqlClient.SqlClient>() {}

const clients = (server: "preferred" | "never") => Layer.unwrapScoped(
  Effect.gen(function* () {
    const db = yield* Testing.database({ server })
    const admin = yield* Layer.build(PgStore.layerClient({ url: db.url, maxConnections: 1, listenForChanges: false }))
    yield* Effect.provide(Migrator.migrate, admin)
    const app = PgStore.layerClient({ url: db.appUrl, maxConnections: 1, listenForChanges: false, applicationName: "murojaat-direct-test" })
    return Layer.merge(app, Layer.succeed(Admin, Context.get(admin, SqlClient.SqlClient)))
  }).pipe(Effect.orDie)
)

// The statement's backend, once it is running.
const backendOf = (admin: SqlClient.SqlClient) =>
  admin<{ pid: number }>`SELECT pid FROM pg_stat_activity
    WHERE application_name = 'murojaat-direct-test' AND query LIKE 'SELECT pg_sleep%' AND state = 'active'`.pipe(
    Effect.flatMap((rows) => (rows.length === 1 ? Effect.succeed(rows[0]!.pid) : Effect.fail("not yet" as const))),
    Effect.retry(Schedule.intersect(Schedule.spaced("20 millis"), Schedule.recurs(250)))
  )

layer(clients("never"), { excludeTestServices: true, timeout: "120 seconds" })("postgres direct statements (embedded)", (it) => {
  it.effect("a backend killed outright fails its statement only; the statements after the server's restart go through", () =>
    Effect.gen(function* () {
      const sql = yield* SqlClient.SqlClient
      const running = yield* Effect.fork(Effect.either(Direct.rows(sql, "SELECT pg_sleep(30)", [])))
      process.kill(yield* backendOf(yield* Admin), "SIGKILL")
      const ended = yield* Fiber.join(running)
      expect(ended._tag === "Left" ? ended.left._tag : ended._tag).toBe("SqlError")
      // The server restarts every session after a backend's crash: retried until it accepts again.
      const next = yield* Direct.rows(sql, "SELECT 1 AS one", []).pipe(Effect.retry(Schedule.intersect(Schedule.spaced("200 millis"), Schedule.recurs(150))))
      expect(next).toEqual([{ one: 1 }])
    }))
})

layer(clients("preferred"), { excludeTestServices: true, timeout: "120 seconds" })("postgres direct statements", (it) => {
  it.effect("a connection the server ends mid-statement fails that statement only; the next one goes through", () =>
    Effect.gen(function* () {
      const sql = yield* SqlClient.SqlClient
      const admin = yield* Admin
      const running = yield* Effect.fork(Effect.either(Direct.rows(sql, "SELECT pg_sleep(30)", [])))
      yield* admin`SELECT pg_terminate_backend(${yield* backendOf(admin)})`
      const ended = yield* Fiber.join(running)
      expect(ended._tag).toBe("Left")
      expect(ended._tag === "Left" ? ended.left._tag : undefined).toBe("SqlError")
      // The pool dropped the dead connection: the next statement has a new one.
      const next = yield* Direct.rows(sql, "SELECT 1 AS one", [])
      expect(next).toEqual([{ one: 1 }])
    }))
})
