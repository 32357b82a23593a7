// The PostgreSQL adapter as the testkit sees it: every port, the SqlClient, and the raw reader.
// The ports connect as the application role (on the embedded server, `murojaat_app` with only its
// grants), so every suite also proves those grants are enough; the SqlClient in context and the
// raw reader are a role with every right, as a test (or an intruder) with a superuser's powers.
import { AppealService } from "@murojaat/core"
import { Migrator, PgAnalytics, PgQueries, PgStore } from "@murojaat/postgres"
import { Raw, Testing } from "@murojaat/postgres/testing"
import type { Adapter } from "@murojaat/testkit"
import { RawReader } from "@murojaat/testkit"
import { SqlClient } from "@effect/sql"
import { Context, Deferred, Effect, Fiber, Layer } from "effect"
import pg from "pg"

/** The service, its ports, the raw reader and the queries on the test database (fresh on DATABASE_URL, or embedded). */
export const layerUnderTest = (options: { readonly server?: "never" | "preferred" | "required" } = {}) =>
  Layer.unwrapScoped(
    Effect.map(Testing.database(options), (db) => {
      console.info(`[@murojaat/postgres tests] database: ${db.kind}`)
      const admin = Layer.effectDiscard(Migrator.migrate).pipe(Layer.provideMerge(PgStore.layerClient({ url: db.url, maxConnections: 4 })))
      const app = PgStore.layerClient({ url: db.appUrl, maxConnections: 12 })
      // The analytics refresh as the application role too, with the calendar store of the ports.
      const ports = Layer.provideMerge(PgAnalytics.layer(), PgStore.layerFromClient()).pipe(Layer.provide(app))
      return AppealService.layer.pipe(Layer.provideMerge(Layer.mergeAll(ports, Layer.effect(RawReader.RawReader, Raw.make), PgQueries.layer)), Layer.provideMerge(admin))
    })
  )

export const adapter = (name: string, options: { readonly server?: "never" | "preferred" | "required" } = {}): Adapter.Adapter => ({
  name,
  layer: layerUnderTest(options),
  capabilities: { appendOnlyEnforced: true, tamper: true },
  numRuns: 15,
  timeout: 120_000
})

// Two instances on one fresh database: each its own pool (as the application role) and ports,
// without freshness listeners: each stamp read goes to the database (the fallback; the listener
// is tested in freshness.test.ts).
export class Instances extends Context.Tag("test/Instances")<Instances, {
  readonly a: Context.Context<SqlClient.SqlClient>
  readonly b: Context.Context<SqlClient.SqlClient>
  readonly admin: SqlClient.SqlClient
}>() {}

export const instances = Layer.scoped(
  Instances,
  Effect.gen(function* () {
    const db = yield* Testing.database({ server: "preferred" })
    const admin = yield* Layer.build(PgStore.layerClient({ url: db.url, maxConnections: 2 }))
    yield* Effect.provide(Migrator.migrate, admin)
    const a = yield* Layer.build(PgStore.layerClient({ url: db.appUrl, maxConnections: 4, listenForChanges: false }))
    const b = yield* Layer.build(PgStore.layerClient({ url: db.appUrl, maxConnections: 4, listenForChanges: false }))
    return { a, b, admin: Context.get(admin, SqlClient.SqlClient) }
  }).pipe(Effect.orDie)
)

// Statements whose text contains `needle`, sent by any pg client while `self` runs.
export const counting = <A, E, R>(needle: string, self: Effect.Effect<A, E, R>) =>
  Effect.acquireUseRelease(
    Effect.sync(() => {
      const original = pg.Client.prototype.query
      const box = { n: 0, original }
      // eslint-disable-next-line @typescript-eslint/no-explicit-any
      ;(pg.Client.prototype as any).query = function (this: unknown, config: any, ...rest: Array<unknown>) {
        const text = typeof config === "string" ? config : config?.text
        if (typeof text === "string" && text.includes(needle)) box.n++
        // eslint-disable-next-line @typescript-eslint/no-explicit-any
        return (original as any).call(this, config, ...rest)
      }
      return box
    }),
    (box) => Effect.map(self, (a) => [a, box] as const),
    (box) => Effect.sync(() => void (pg.Client.prototype.query = box.original))
  ).pipe(Effect.map(([a, box]) => [a, box.n] as const))

/**
 * Runs the effects while a transaction holds the pool's only connection: each is forked in order,
 * then the transaction ends and their results are joined. With one statement of a kind allowed in
 * flight (group commit), the first waits for the connection and the rest queue up behind it, so
 * they go as one group when it is free.
 */
export const queuedBehindHeldConnection = <A, E, R>(effects: ReadonlyArray<Effect.Effect<A, E, R>>) =>
  Effect.gen(function* () {
    const sql = yield* SqlClient.SqlClient
    const holding = yield* Deferred.make<void>()
    const gate = yield* Deferred.make<void>()
    const holder = yield* Effect.fork(sql.withTransaction(Effect.zipRight(Effect.zipRight(sql`SELECT 1`, Deferred.succeed(holding, undefined)), Deferred.await(gate))))
    yield* Deferred.await(holding)
    const fibers: Array<Fiber.RuntimeFiber<A, E>> = []
    for (const effect of effects) fibers.push(yield* Effect.fork(effect))
    // Sequencing only (no timing is asserted): the forked effects reach the queue in order.
    yield* Effect.sleep("100 millis")
    yield* Deferred.succeed(gate, undefined)
    yield* Fiber.join(holder)
    return yield* Fiber.joinAll(fibers)
  })
