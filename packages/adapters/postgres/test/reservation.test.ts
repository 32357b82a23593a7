// The reservation statement's commit: on its own it turns `synchronous_commit` off for its own
// transaction only (the connection's next statement commits as before); inside a caller's
// transaction it changes nothing (the caller's commit waits for its flush as the caller's settings
// say). The oracle is the server's own `SHOW synchronous_commit`, on a pool of one connection so
// every statement runs on the connection the reservation used. Why the statement may commit
// without a flush wait is in PgReservation.ts; the crash drill in tests/postgres.fault.test.ts
// checks its consequence (no number that reached a stored appeal is lost).
import { expect, layer } from "@effect/vitest"
import { SqlClient } from "@effect/sql"
import { Reservation } from "@murojaat/core"
import { Migrator, PgReservation, PgStore } from "@murojaat/postgres"
import { Testing } from "@murojaat/postgres/testing"
import { Effect, Layer } from "effect"

const onOneConnection = Layer.unwrapScoped(
  Effect.gen(function* () {
    const db = yield* Testing.database({ server: "preferred" })
    const admin = yield* Layer.build(PgStore.layerClient({ url: db.url, maxConnections: 1, listenForChanges: false }))
    yield* Effect.provide(Migrator.migrate, admin)
    const app = PgStore.layerClient({ url: db.appUrl, maxConnections: 1, listenForChanges: false })
    return Layer.provideMerge(PgReservation.layer, app)
  }).pipe(Effect.orDie)
)

const registration = { districtCode: "1726262", at: "2026-03-02T05:00:00.000Z" }
const reserve = Effect.flatMap(Reservation.Reservation, (r) => r.reserve({ registration }))
const setting = Effect.flatMap(SqlClient.SqlClient, (sql) => sql<{ synchronous_commit: string }>`SHOW synchronous_commit`).pipe(
  Effect.map((rows) => rows[0]?.synchronous_commit)
)

layer(onOneConnection, { excludeTestServices: true, timeout: "120 seconds" })("postgres reservation commit", (it) => {
  it.effect("on its own: the next statement on its connection commits with the connection's setting (on)", () =>
    Effect.gen(function* () {
      expect(yield* setting).toBe("on")
      const first = yield* reserve
      expect(yield* setting).toBe("on")
      const second = yield* reserve
      expect(yield* setting).toBe("on")
      // And it still hands out numbers in order.
      expect(Number(second.registrationNumber!.split("-").at(-1)) - Number(first.registrationNumber!.split("-").at(-1))).toBe(1)
    }))

  it.effect("inside a caller's transaction: the transaction keeps the caller's setting, and its number is committed with it", () =>
    Effect.gen(function* () {
      const sql = yield* SqlClient.SqlClient
      const [reserved, during] = yield* sql.withTransaction(Effect.zip(reserve, setting))
      expect(during).toBe("on")
      const stored = yield* sql<{ last_number: number }>`SELECT last_number FROM murojaat.registration_counter WHERE district_code = ${registration.districtCode}`
      expect(reserved.registrationNumber).toBe(`1726262-2026-${String(stored[0]!.last_number).padStart(6, "0")}`)
    }))

  it.effect("a rolled-back transaction takes its number back (the counter is the transaction's, not the statement's)", () =>
    Effect.gen(function* () {
      const sql = yield* SqlClient.SqlClient
      const before = yield* reserve
      yield* sql.withTransaction(Effect.zipRight(reserve, Effect.fail("roll back" as const))).pipe(Effect.flip)
      const after = yield* reserve
      expect(Number(after.registrationNumber!.split("-").at(-1)) - Number(before.registrationNumber!.split("-").at(-1))).toBe(1)
    }))
})

