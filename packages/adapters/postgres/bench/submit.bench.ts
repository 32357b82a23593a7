/**
 * A submission on PostgreSQL: `AppealService.submit` (an applicant's intake with an idempotency
 * key, `rulesPipeline`: register, triage, assign), one at a time, on the embedded server (or
 * DATABASE_URL). Statements sent and the service's CPU per submission, for the adapter as shipped
 * (`layerFromClient`: the one-statement `PgReservation`, the stamps kept while the freshness
 * listener is up, its two statements sent to the pool's clients directly) against two baselines in
 * the same process, same database, rounds alternating: the same ports taken one by one
 * (`Reservation.fromPorts`: the idempotency look-up, the registration counter and the workload
 * read as three statements) with the stamps read on every request (`listenForChanges: false`); and
 * the adapter as shipped but with its two statements through `@effect/sql` (`directStatements: false`).
 *
 * Run: `npx tsx scripts/bench.ts postgres/bench/submit` (`SUBMIT_PG_N` per round, default 400;
 * `SUBMIT_PG_ROUNDS`, default 8).
 */
import { Actor, AppealService, AppealStore, DirectoryStore, IdempotencyStore, IdGenerator, Sample } from "@murojaat/core"
import { Migrator, PgCalendarStore, PgStore, PgWorklist } from "@murojaat/postgres"
import { Testing } from "@murojaat/postgres/testing"
import { Effect, Layer, ManagedRuntime } from "effect"
import pg from "pg"

const n = Number(process.env["SUBMIT_PG_N"] ?? 400)
const rounds = Number(process.env["SUBMIT_PG_ROUNDS"] ?? 8)

// Every statement any pool of this process sends is counted here.
let statements = 0
const query = pg.Client.prototype.query
pg.Client.prototype.query = function (this: pg.Client, ...args: Array<unknown>) {
  statements++
  return (query as (...a: Array<unknown>) => unknown).apply(this, args)
} as typeof pg.Client.prototype.query

const intake = { ...Sample.intake, applicantRef: "smart-mahalla:u-1001" }
const applicant = Actor.applicant("smart-mahalla:u-1001")

// The ports one by one, as before the reservation: no `Reservation` in context, so the service
// takes `Reservation.fromPorts`.
const portByPort = (options: PgStore.PortOptions = {}) =>
  Layer.mergeAll(
    Layer.effect(AppealStore.AppealStore, PgStore.makeAppealStore),
    Layer.effect(IdempotencyStore.IdempotencyStore, PgStore.makeIdempotencyStore),
    Layer.effect(IdGenerator.IdGenerator, PgStore.makeIdGenerator(options)),
    Layer.effect(DirectoryStore.DirectoryStore, PgStore.makeDirectoryStore),
    PgWorklist.layer,
    PgCalendarStore.layer()
  )

const program = Effect.gen(function* () {
  const db = yield* Testing.database()
  yield* Effect.scoped(Effect.provide(Migrator.migrate, PgStore.layerClient({ url: db.url, maxConnections: 1, listenForChanges: false })))
  const make = (shipped: boolean, directStatements = true) => {
    const client = PgStore.layerClient({ url: db.appUrl, maxConnections: 4, listenForChanges: shipped, directStatements })
    const ports = shipped ? PgStore.layerFromClient() : portByPort()
    return ManagedRuntime.make(AppealService.layerWith({ pipeline: AppealService.rulesPipeline() }).pipe(Layer.provideMerge(ports), Layer.provide(client)))
  }
  const baseline = make(false)
  const shipped = make(true)
  const throughSql = make(true, false)
  yield* Effect.promise(() => baseline.runPromise(Effect.flatMap(DirectoryStore.DirectoryStore, (s) => s.replace(Sample.directory))))
  let key = 0
  const submit = (rt: typeof baseline) => rt.runPromise(AppealService.submit(intake, applicant, { idempotencyKey: `bench-${process.pid}-${++key}` }))
  const round = async (rt: typeof baseline) => {
    const s0 = statements
    const c0 = process.cpuUsage()
    for (let i = 0; i < n; i++) await submit(rt)
    const c = process.cpuUsage(c0)
    return { cpuMs: (c.user + c.system) / 1000 / n, statements: (statements - s0) / n }
  }
  const results = yield* Effect.promise(async () => {
    // Warm-up: the JIT sees both paths, the listener connects (it comes up in the background).
    for (let i = 0; i < 200; i++) (await submit(baseline), await submit(shipped), await submit(throughSql))
    const b: Array<{ cpuMs: number; statements: number }> = []
    const s: Array<{ cpuMs: number; statements: number }> = []
    const t: Array<{ cpuMs: number; statements: number }> = []
    for (let r = 0; r < rounds; r++) {
      b.push(await round(baseline))
      t.push(await round(throughSql))
      s.push(await round(shipped))
    }
    return { b, s, t }
  })
  const median = (xs: ReadonlyArray<number>) => [...xs].sort((x, y) => x - y)[Math.floor(xs.length / 2)]!
  const bc = median(results.b.map((r) => r.cpuMs))
  const sc = median(results.s.map((r) => r.cpuMs))
  const bs = median(results.b.map((r) => r.statements))
  const ss = median(results.s.map((r) => r.statements))
  const tc = median(results.t.map((r) => r.cpuMs))
  console.log(`AppealService.submit on PostgreSQL (${db.kind}), one at a time, ${rounds} alternating rounds of ${n}, medians:`)
  console.log(`  port by port, stamps read per request (baseline): ${bs.toFixed(2)} statements, ${bc.toFixed(3)} ms CPU per submission`)
  console.log(`  as shipped, its two statements through @effect/sql: ${tc.toFixed(3)} ms CPU per submission`)
  console.log(`  as shipped (PgReservation, freshness listener, direct statements): ${ss.toFixed(2)} statements, ${sc.toFixed(3)} ms CPU per submission`)
  console.log(`  ratio (baseline CPU / shipped CPU): ${(bc / sc).toFixed(2)}x; through @effect/sql / direct: ${(tc / sc).toFixed(2)}x`)
  yield* Effect.promise(() => baseline.dispose())
  yield* Effect.promise(() => shipped.dispose())
  yield* Effect.promise(() => throughSql.dispose())
})

Effect.runPromise(Effect.scoped(program)).then(
  () => process.exit(0),
  (e) => {
    console.error(e)
    process.exit(1)
  }
)
