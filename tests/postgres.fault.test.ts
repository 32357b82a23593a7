// Fault drills on PostgreSQL (DATABASE_URL in CI, else the embedded server): several processes
// committing to the same appeals, a writer killed with SIGKILL in the middle of its commits, and a
// row edited behind the append-only trigger's back.
import { type ChildProcess, spawn } from "node:child_process"
import { describe, expect, it } from "@effect/vitest"
import { run } from "../packages/cli/src/index.js"
import { Actor, AppealService, AppealState, AppealStore, Audit, DirectoryStore, Sample } from "@murojaat/core"
import { Embedded, PgStore, SqlClient, Verify } from "@murojaat/postgres"
import { Testing } from "@murojaat/postgres/testing"
import { readFileSync } from "node:fs"
import { Context, Effect, Exit, Fiber, Layer, Option, Scope } from "effect"

const writer = (args: ReadonlyArray<string>): ChildProcess =>
  spawn(process.execPath, ["--import", "tsx", "tests/fixtures/pgWriter.ts", ...args], { cwd: process.cwd(), stdio: ["ignore", "pipe", "pipe"] })

const exited = (child: ChildProcess) =>
  new Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string }>((resolve) => {
    let stderr = ""
    child.stderr?.on("data", (d) => (stderr += String(d)))
    child.on("exit", (code, signal) => resolve({ code, signal, stderr }))
  })

const capture = () => {
  const out: Array<string> = []
  const err: Array<string> = []
  return { out, err, io: { out: (t: string) => void out.push(t), err: (t: string) => void err.push(t), readStdin: async () => "" } }
}

// One database for the file; every test uses its own appeal ids.
const withDb = <A, E>(f: (url: string) => Effect.Effect<A, E, AppealService.AppealService | PgStore.Ports | SqlClient.SqlClient>) =>
  Effect.scoped(
    Effect.flatMap(Testing.database({ server: "preferred" }), (db) =>
      Effect.provide(f(db.url), PgStore.layerPg({ url: db.url, migrate: true }))
    )
  )

const seed = (ids: ReadonlyArray<string>) =>
  Effect.flatMap(AppealStore.AppealStore, (store) =>
    Effect.forEach(
      ids,
      (appealId) => {
        const events = Audit.seal({ version: 0, lastHash: Audit.genesis }, [{ type: "escalated", data: {}, texts: { reason: "seed" }, rules: [] }], {
          appealId,
          at: "2026-03-20T10:00:00.000Z",
          actor: { kind: "system", id: "seed", role: "system" }
        })
        const state = { ...AppealState.initial(appealId), status: "received" as const, version: 1, lastHash: events[0]!.hash }
        return store.commit({ streams: [{ appealId, expectedVersion: 0, events, state }], outbox: [] })
      },
      { discard: true }
    )
  )

// The chain of a stored appeal, anchored at the head its projection records.
const chainOk = (appealId: string) =>
  Effect.gen(function* () {
    const store = yield* AppealStore.AppealStore
    const state = Option.getOrThrow(yield* store.load(appealId))
    return Audit.verifyChain(yield* store.events(appealId), { seq: state.version, hash: state.lastHash })
  })

// The service checks location codes against the directory: the sample district is loaded first.
const submitOnly = AppealService.submit(
  {
    kind: "shikoyat",
    form: "electronic",
    channel: "webPortal",
    applicant: { type: "individual", surname: "Karimova", name: "Dilnoza", residence: "Bodomzor 3", contact: {}, consent: { given: true, form: "electronic" } },
    location: { regionCode: "1726", districtCode: "1726262", mahallaCode: "1726262-001" },
    text: { body: "Qoʻshnilar kechasi shovqin qiladi" }
  },
  Actor.system("fault-test")
)
const submit = Effect.zipRight(Effect.flatMap(DirectoryStore.DirectoryStore, (d) => d.replace(Sample.directory)), submitOnly)

describe("fault drills (PostgreSQL)", () => {
  it.live(
    "four processes appending to the same three appeals lose no update and never break a chain",
    () =>
      withDb((url) =>
        Effect.gen(function* () {
          const ids = ["MP-1", "MP-2", "MP-3"].map((s) => `${s}-${process.pid}`)
          yield* seed(ids)
          const perProcess = 8
          const results = yield* Effect.promise(() => Promise.all(Array.from({ length: 4 }, () => exited(writer(["append", url, String(perProcess), ...ids])))))
          for (const r of results) expect(r, r.stderr).toMatchObject({ code: 0 })
          const store = yield* AppealStore.AppealStore
          for (const id of ids) {
            const state = Option.getOrThrow(yield* store.load(id))
            expect(state.version).toBe(1 + 4 * perProcess)
            expect(yield* chainOk(id)).toMatchObject({ ok: true, count: 1 + 4 * perProcess })
          }
        })
      ),
    180_000
  )

  it.live(
    "a writer killed with SIGKILL mid-commit leaves no partial appeal, event, personal data or outbox row",
    () =>
      withDb((url) =>
        Effect.gen(function* () {
          const tag = `KILL-${process.pid}`
          const child = writer(["bulk", url, tag])
          const done = exited(child)
          // Let it commit a few appeals, then kill it while it is inside its next transaction.
          yield* Effect.promise(
            () =>
              new Promise<void>((resolve) => {
                let seen = 0
                child.stdout?.on("data", (d) => {
                  seen += String(d).split("committed").length - 1
                  if (seen >= 3) resolve()
                })
              })
          )
          yield* Effect.sleep("30 millis")
          child.kill("SIGKILL")
          expect((yield* Effect.promise(() => done)).signal).toBe("SIGKILL")
          const sql = yield* SqlClient.SqlClient
          // The server notices the dead connection and rolls its transaction back.
          yield* Effect.sleep("200 millis")
          const rows = yield* sql<{ appeal_id: string; version: number; events: number; outbox: number; personal: number }>`
            SELECT a.appeal_id, a.version,
              (SELECT count(*)::int FROM murojaat.appeal_event e WHERE e.appeal_id = a.appeal_id) AS events,
              (SELECT count(*)::int FROM murojaat.outbox o WHERE o.appeal_id = a.appeal_id) AS outbox,
              (SELECT count(*)::int FROM murojaat.appeal_personal p WHERE p.appeal_id = a.appeal_id) AS personal
            FROM murojaat.appeal a WHERE a.appeal_id LIKE ${tag + "-%"}`
          expect(rows.length).toBeGreaterThanOrEqual(3)
          for (const r of rows) expect(r).toMatchObject({ version: 200, events: 200, outbox: 200, personal: 1 })
          const orphans = yield* sql<{ n: number }>`
            SELECT (SELECT count(*) FROM murojaat.appeal_event e WHERE e.appeal_id LIKE ${tag + "-%"} AND NOT EXISTS (SELECT 1 FROM murojaat.appeal a WHERE a.appeal_id = e.appeal_id))
                 + (SELECT count(*) FROM murojaat.outbox o WHERE o.appeal_id LIKE ${tag + "-%"} AND NOT EXISTS (SELECT 1 FROM murojaat.appeal a WHERE a.appeal_id = o.appeal_id)) AS n`
          expect(Number(orphans[0]!.n)).toBe(0)
          for (const r of rows) expect(yield* chainOk(r.appeal_id)).toMatchObject({ ok: true, count: 200 })
        })
      ),
    180_000
  )

  it.live(
    "a row edited with the trigger disabled is caught by `murojaat verify-db`",
    () =>
      withDb((url) =>
        Effect.gen(function* () {
          const id = (yield* submit).appealId
          yield* submit
          const before = capture()
          expect(yield* Effect.promise(() => run(["verify-db", "--database", url, "--appeal", id], before.io))).toBe(0)
          const sql = yield* SqlClient.SqlClient
          const blocked = yield* Effect.either(sql`UPDATE murojaat.appeal_event SET body = body WHERE appeal_id = ${id}`)
          expect(blocked._tag).toBe("Left")
          // What a superuser (or the tables' owner) can do: switch the guard off and edit the record.
          yield* sql`ALTER TABLE murojaat.appeal_event DISABLE TRIGGER appeal_event_append_only`
          yield* sql`UPDATE murojaat.appeal_event SET body = replace(body::text, '"registry"', '"forger"')::json WHERE appeal_id = ${id}`
          yield* sql`ALTER TABLE murojaat.appeal_event ENABLE TRIGGER appeal_event_append_only`
          const after = capture()
          expect(yield* Effect.promise(() => run(["verify-db", "--database", url], after.io))).toBe(1)
          const report = JSON.parse(after.out.join("")) as Verify.Report
          expect(report.broken.map((b) => b.appealId)).toEqual([id])
          expect(report.checked).toBe(2)
          expect(report.broken[0]).toMatchObject({ reason: "hashMismatch", seq: 2 })
        })
      ),
    180_000
  )

  // A crash of the database server under load: eight submitters, then every process of an embedded
  // server killed outright (SIGKILL: no shutdown, no checkpoint), and a restart on the same files.
  // Every submission that was answered is there with the number it was answered with, no number is
  // stored twice, and the numbers handed out after the restart are above every stored one (the
  // reservation commits its number without a flush wait, PgReservation.ts). What the operating
  // system had already been given survives such a kill, so this drill cannot show what a power cut
  // would lose; that rests on PostgreSQL writing and flushing its WAL in order.
  it.live(
    "the database server killed mid-stream loses no answered submission and hands out no registration number twice",
    () =>
      Effect.gen(function* () {
        const dataDir = Embedded.temporaryDataDir()
        yield* Effect.addFinalizer(() => Effect.sync(() => Embedded.removeDataDir(dataDir)))
        const live = Embedded.layerEmbedded({ dataDir, maxConnections: 8, config: { pipeline: AppealService.rulesPipeline() } })
        const answered: Array<{ readonly appealId: string; readonly number: string }> = []

        const firstLife = yield* Scope.make()
        const context = yield* Layer.buildWithScope(live, firstLife)
        yield* Effect.provide(Effect.flatMap(DirectoryStore.DirectoryStore, (d) => d.replace(Sample.directory)), context)
        const submitter = Effect.provide(
          Effect.forever(
            Effect.flatMap(submitOnly, (r) => Effect.sync(() => void answered.push({ appealId: r.appealId, number: r.state.registrationNumber! })))
          ),
          context
        )
        const submitters = yield* Effect.fork(Effect.all(Array.from({ length: 8 }, () => Effect.either(submitter)), { concurrency: "unbounded" }))
        // Until 60 are answered (or the submitters stop by themselves, which the checks below report).
        yield* Effect.repeat(Effect.zipRight(Effect.sleep("20 millis"), Fiber.poll(submitters)), { until: (done) => answered.length >= 60 || Option.isSome(done) })
        expect(Option.isNone(yield* Fiber.poll(submitters)), String(yield* Fiber.poll(submitters).pipe(Effect.map((d) => JSON.stringify(d))))).toBe(true)
        // The postmaster and its backends, killed at once.
        const postmaster = Number(readFileSync(`${dataDir}/postmaster.pid`, "utf8").split("\n")[0])
        const backends = readFileSync(`/proc/${postmaster}/task/${postmaster}/children`, "utf8").trim().split(/\s+/).filter(Boolean).map(Number)
        for (const pid of [postmaster, ...backends]) process.kill(pid, "SIGKILL")
        const ended = yield* Fiber.join(submitters)
        expect(ended.every((e) => e._tag === "Left")).toBe(true)
        yield* Scope.close(firstLife, Exit.void)
        const before = [...answered]
        expect(before.length).toBeGreaterThanOrEqual(60)

        yield* Effect.scoped(
          Effect.gen(function* () {
            const again = yield* Layer.build(live)
            const sql = Context.get(again, SqlClient.SqlClient)
            const stored = yield* sql<{ appeal_id: string; registration_number: string }>`SELECT appeal_id, registration_number FROM murojaat.appeal`
            const numberOf = new Map(stored.map((r) => [r.appeal_id, r.registration_number]))
            for (const a of before) expect(numberOf.get(a.appealId), a.appealId).toBe(a.number)
            const numbers = stored.map((r) => r.registration_number)
            expect(new Set(numbers).size).toBe(numbers.length)
            const serial = (n: string) => Number(n.split("-").at(-1))
            const highest = Math.max(...numbers.map(serial))
            const after = yield* Effect.provide(Effect.all(Array.from({ length: 5 }, () => submitOnly)), again)
            for (const r of after) expect(serial(r.state.registrationNumber!)).toBeGreaterThan(highest)
          })
        )
      }).pipe(Effect.scoped),
    180_000
  )
})
