/**
 * PostgreSQL adapter benchmark (DATABASE_URL, else the embedded server):
 *
 * 1. Commands committed per second through `AppealStore.commit` (version check, events,
 *    projection, personal data, outbox, in one transaction) against plain `pg` inserts of the very
 *    same rows in one transaction each, same pool size, same run, in alternating rounds.
 * 2. The worklist, overdue and soon-due queries' p50/p95 through the `Worklist` port on a
 *    generated projection of MUROJAAT_BENCH_APPEALS appeals (default 2,000,000; generated in SQL
 *    with generate_series), spread like the national design point: 200 districts, 9,500 mahallas,
 *    19,000 inspectors, one year of appeals, about 30% open.
 *
 * Run: npx tsx scripts/bench.ts store   (quick: MUROJAAT_BENCH_APPEALS=100000 MUROJAAT_BENCH_COMMANDS=500;
 * MUROJAAT_BENCH_COMMITS_ONLY=1 skips part 2)
 */
import { Actor, AppealState, AppealStore, Audit, type Event, Outbox, Worklist } from "@murojaat/core"
import { PgStore, SqlClient } from "@murojaat/postgres"
import { Testing } from "@murojaat/postgres/testing"
import { Effect } from "effect"
import pg from "pg"
import { fmt } from "../../../../scripts/benchkit.js"

const APPEALS = Number(process.env["MUROJAAT_BENCH_APPEALS"] ?? 2_000_000)
const COMMANDS = Number(process.env["MUROJAAT_BENCH_COMMANDS"] ?? 2_000)
const CONCURRENCY = 8
const ROUNDS = 4
const QUERIES = 300
// MUROJAAT_BENCH_COMMITS_ONLY=1: only part 1 (while iterating on the commit path).
const COMMITS_ONLY = process.env["MUROJAAT_BENCH_COMMITS_ONLY"] === "1"

const actor = Actor.ref(Actor.system("bench"), "system")
const at = "2026-03-20T10:00:00.000Z"

// One "command": a received-registered-triaged appeal, as `AppealService.submit` commits it.
const command = (i: number): AppealStore.Commit => {
  const appealId = `C-${process.pid}-${i}`
  const pending: ReadonlyArray<Event.Pending> = [
    { type: "escalated", data: {}, texts: { reason: "received" }, rules: ["bench"] },
    { type: "registered", data: { registrationNumber: `D-2026-${i}` }, rules: ["bench"] },
    { type: "triaged", data: { category: "noise", priority: "normal", flags: [], confidence: 0.9, needsPerson: false }, rules: ["bench"] }
  ]
  const events = Audit.seal({ version: 0, lastHash: Audit.genesis }, pending, { appealId, at, actor })
  const last = events[events.length - 1]!
  const state: AppealState.AppealState = {
    ...AppealState.initial(appealId),
    status: "triaged",
    version: last.seq,
    lastHash: last.hash,
    districtCode: `D${i % 200}`,
    mahallaCode: `M${i % 9500}`,
    category: "noise",
    priority: "normal",
    receivedAt: at
  }
  const personal = {
    applicant: { type: "individual", surname: "Karimov", name: "Anvar", residence: "Bodomzor 12", contact: { phone: "+998901234567" }, declaredFalse: false, consent: { given: true, form: "electronic", revoked: false } },
    signatories: [],
    text: { body: "Koʻchada chiroq yoʻq, kechasi qorongʻi, bolalar maktabdan qaytishda qoʻrqishadi." },
    attachments: []
  } as never
  return {
    streams: [{ appealId, expectedVersion: 0, events, state, personal, dueAt: "2026-04-03T13:00:00.000Z" }],
    outbox: events.map((e) => ({ id: e.id, appealId, seq: e.seq, topic: Outbox.topicOf(e.type), payload: e }))
  }
}

// The same rows with plain pg: one transaction, no checks (the floor an adapter could reach).
const plainInsert = async (pool: pg.Pool, c: AppealStore.Commit) => {
  const w = c.streams[0]!
  const s = w.state
  const client = await pool.connect()
  try {
    await client.query("BEGIN")
    await client.query(
      `INSERT INTO murojaat.appeal (appeal_id, version, last_hash, status, district_code, mahalla_code, category, priority, received_at, due_at, is_open, state)
       VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,true,$11)`,
      [s.appealId, s.version, s.lastHash, s.status, s.districtCode, s.mahallaCode, s.category, s.priority, s.receivedAt, w.dueAt, JSON.stringify(s)]
    )
    const ev = w.events.flatMap((e) => [e.appealId, e.seq, e.id, e.type, e.prevHash, e.hash, JSON.stringify(e)])
    await client.query(
      `INSERT INTO murojaat.appeal_event (appeal_id, seq, event_id, type, prev_hash, hash, body) VALUES ${w.events.map((_, i) => `($${i * 7 + 1},$${i * 7 + 2},$${i * 7 + 3},$${i * 7 + 4},$${i * 7 + 5},$${i * 7 + 6},$${i * 7 + 7})`).join(",")}`,
      ev
    )
    await client.query(`INSERT INTO murojaat.appeal_personal (appeal_id, data, contact_phone) VALUES ($1,$2,$3)`, [s.appealId, JSON.stringify(w.personal), "998901234567"])
    const ob = c.outbox.flatMap((m) => [m.id, m.appealId, m.seq, m.topic, JSON.stringify(m.payload)])
    await client.query(
      `INSERT INTO murojaat.outbox (id, appeal_id, seq, topic, payload) VALUES ${c.outbox.map((_, i) => `($${i * 5 + 1},$${i * 5 + 2},$${i * 5 + 3},$${i * 5 + 4},$${i * 5 + 5})`).join(",")}`,
      ob
    )
    await client.query("COMMIT")
  } finally {
    client.release()
  }
}

const percentile = (xs: ReadonlyArray<number>, p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(p * xs.length))]!

const timed = <A, E, R>(n: number, make: (i: number) => Effect.Effect<A, E, R>) =>
  Effect.gen(function* () {
    const ms: Array<number> = []
    for (let i = 0; i < n; i++) {
      const t = performance.now()
      yield* make(i)
      ms.push(performance.now() - t)
    }
    return { p50: percentile(ms, 0.5), p95: percentile(ms, 0.95) }
  })

const program = Effect.scoped(
  Effect.gen(function* () {
    const db = yield* Testing.database()
    console.log(`PostgreSQL adapter benchmark (${db.kind} server; ${fmt(COMMANDS)} commands, ${fmt(APPEALS)} generated appeals)`)
    return yield* Effect.gen(function* () {
      const store = yield* AppealStore.AppealStore
      const sql = yield* SqlClient.SqlClient
      // 1. Commands per second.
      const pool = new pg.Pool({ connectionString: db.url, max: CONCURRENCY })
      const commits = Array.from({ length: 2 * COMMANDS }, (_, i) => command(i))
      const adapterCommits = commits.slice(0, COMMANDS)
      const plainCommits = commits.slice(COMMANDS)
      const warm = Math.min(100, Math.floor(COMMANDS / 10))
      yield* Effect.forEach(adapterCommits.slice(0, warm), (c) => store.commit(c), { concurrency: CONCURRENCY, discard: true })
      yield* Effect.promise(() => Promise.all(plainCommits.slice(0, warm).map((c) => plainInsert(pool, c))))
      // Side by side: the timed commands in ROUNDS slices, baseline and subject alternating which
      // goes first, so a change of the machine's load during the run weighs on both alike.
      const plainSlice = (from: number, to: number) =>
        Effect.promise(async () => {
          let next = from
          await Promise.all(Array.from({ length: CONCURRENCY }, async () => {
            while (next < to) await plainInsert(pool, plainCommits[next++]!)
          }))
        })
      const adapterSlice = (from: number, to: number) =>
        Effect.forEach(adapterCommits.slice(from, to), (c) => store.commit(c), { concurrency: CONCURRENCY, discard: true })
      let plainMs = 0
      let adapterMs = 0
      for (let r = 0; r < ROUNDS; r++) {
        const from = warm + Math.floor(((COMMANDS - warm) * r) / ROUNDS)
        const to = warm + Math.floor(((COMMANDS - warm) * (r + 1)) / ROUNDS)
        for (const side of r % 2 === 0 ? ["plain", "adapter"] : ["adapter", "plain"]) {
          const t = performance.now()
          if (side === "plain") {
            yield* plainSlice(from, to)
            plainMs += performance.now() - t
          } else {
            yield* adapterSlice(from, to)
            adapterMs += performance.now() - t
          }
        }
      }
      const plainRate = (COMMANDS - warm) / (plainMs / 1000)
      const adapterRate = (COMMANDS - warm) / (adapterMs / 1000)
      yield* Effect.promise(() => pool.end())
      console.log(`commands committed per second (${CONCURRENCY} concurrent writers; 3 events + projection + personal data + 3 outbox rows each; ${ROUNDS} alternating rounds)`)
      console.log(`  baseline  plain pg inserts of the same rows, one transaction each   ${fmt(plainRate)} commands/s`)
      console.log(`  subject   AppealStore.commit (version check, all-or-nothing)        ${fmt(adapterRate)} commands/s`)
      console.log(`  ratio subject/baseline: ${(adapterRate / plainRate).toFixed(3)}`)

      if (COMMITS_ONLY) return
      // 2. Queries on a generated projection.
      const t = performance.now()
      yield* sql`
        INSERT INTO murojaat.appeal (appeal_id, version, last_hash, status, kind, region_code, district_code, mahalla_code,
          assignee_id, category, priority, received_at, due_at, updated_at, is_open, state)
        SELECT id, 3, repeat('0', 64), st, 'ariza', 'R' || (m % 14), 'D' || (m % 200), 'M' || m, 'O' || (m * 2 + g % 2),
          'noise', 'normal', rcv, CASE WHEN open THEN rcv + interval '15 days' END, rcv, open,
          json_build_object('appealId', id, 'status', st, 'version', 3, 'lastHash', repeat('0', 64), 'districtCode', 'D' || (m % 200),
            'mahallaCode', 'M' || m, 'assigneeId', 'O' || (m * 2 + g % 2), 'anonymous', false, 'representativeWithoutAuthority', false,
            'flags', json_build_array(), 'needsPerson', false, 'extraStudy', false, 'extended', false, 'escalated', false, 'protectionOrderDecided', false,
            'disputedBy', json_build_array(), 'links', json_build_array())
        FROM (
          SELECT g, 'G-' || lpad(g::text, 9, '0') AS id, (g * 7919) % 9500 AS m,
            (ARRAY['assigned','inReview','awaitingApplicant','answered','closed','closed','closed','closed','closed','closed'])[1 + (g * 31) % 10] AS st,
            (g * 31) % 10 < 3 AS open,
            timestamptz '2026-03-20 10:00+00' - ((g * 104729) % 365) * interval '1 day' + ((g * 13) % 40) * interval '1 day' AS rcv
          FROM generate_series(1::bigint, ${APPEALS}::bigint) AS g
        ) s`
      yield* sql`ANALYZE murojaat.appeal`
      console.log(`generated ${fmt(APPEALS)} appeals in ${((performance.now() - t) / 1000).toFixed(1)} s`)
      const worklist = yield* Worklist.Worklist
      const now = "2026-03-20T10:00:00.000Z"
      const rnd = (i: number, n: number) => (i * 2654435761) % n
      const wl = yield* timed(QUERIES, (i) => worklist.worklist(`O${rnd(i, 19_000)}`, { limit: 50 }))
      const od = yield* timed(QUERIES, (i) => worklist.overdue({ districtCode: `D${rnd(i, 200)}` }, now, { limit: 50 }))
      const om = yield* timed(QUERIES, (i) => worklist.overdue({ mahallaCode: `M${rnd(i, 9500)}` }, now, { limit: 50 }))
      const sd = yield* timed(QUERIES, (i) => worklist.soonDue({ districtCode: `D${rnd(i, 200)}` }, now, "2026-03-23T10:00:00.000Z", { limit: 50 }))
      const size = yield* sql<{ total: string }>`SELECT pg_size_pretty(pg_total_relation_size('murojaat.appeal')) AS total`
      console.log(`queries on ${fmt(APPEALS)} appeals (${size[0]!.total} with indexes), first page of 50, ${QUERIES} each`)
      console.log(`  worklist of an inspector           p50 ${wl.p50.toFixed(2)} ms   p95 ${wl.p95.toFixed(2)} ms`)
      console.log(`  overdue in a district              p50 ${od.p50.toFixed(2)} ms   p95 ${od.p95.toFixed(2)} ms`)
      console.log(`  overdue in a mahalla               p50 ${om.p50.toFixed(2)} ms   p95 ${om.p95.toFixed(2)} ms`)
      console.log(`  soon due (3 days) in a district    p50 ${sd.p50.toFixed(2)} ms   p95 ${sd.p95.toFixed(2)} ms`)
    }).pipe(Effect.provide(PgStore.layerPg({ url: db.url, migrate: true, maxConnections: CONCURRENCY })))
  })
)

Effect.runPromise(program).catch((e) => {
  console.error(e)
  process.exit(1)
})
