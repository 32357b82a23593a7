/**
 * The workload read of automatic assignment (`AppealStore.workload`, once per submission), by the
 * district's appeals: the counts table of migration 0010 (subject) against the GROUP BY over
 * murojaat.appeal it replaced (baseline, the same answer computed from the appeals), both through
 * the same `pg` client, same database, same run, in alternating rounds. The figure is the server's
 * CPU per read (the benchmark's backend process, from /proc: the server must run on this machine) and the client's; the subject's
 * cost should stay flat as the district grows, the baseline's grows with it.
 *
 * Run: npx tsx scripts/bench.ts workload   (MUROJAAT_BENCH_READS, default 500 per round)
 */
import { AppealStore } from "@murojaat/core"
import { PgStore } from "@murojaat/postgres"
import { Testing } from "@murojaat/postgres/testing"
import { Effect } from "effect"
import { readFileSync } from "node:fs"
import pg from "pg"

const READS = Number(process.env["MUROJAAT_BENCH_READS"] ?? 500)
const SIZES = [300, 2_400, 24_000]
const held = ["assigned", "inReview", "awaitingApplicant"]

// CPU time (ms) of one server process (the benchmark's own backend: other sessions on a shared
// server do not count), utime + stime from /proc.
const processCpu = (pid: number): number => {
  const stat = readFileSync(`/proc/${pid}/stat`, "utf8")
  const f = stat.slice(stat.lastIndexOf(")") + 2).split(" ")
  return (Number(f[11]) + Number(f[12])) * 10
}

const measure = async (client: pg.Client, backend: number, text: string, values: Array<unknown>) => {
  const s0 = processCpu(backend)
  const c0 = process.cpuUsage()
  for (let i = 0; i < READS; i++) await client.query({ text, values })
  const c = process.cpuUsage(c0)
  return { server: ((processCpu(backend) - s0) * 1000) / READS, client: (c.user + c.system) / READS }
}

const baseline = `SELECT assignee_id, priority, count(*)::int AS count FROM murojaat.appeal
  WHERE district_code = $1 AND status = ANY($2::text[]) AND assignee_id IS NOT NULL GROUP BY assignee_id, priority`
const subject = `SELECT assignee_id, nullif(priority, '') AS priority, sum(appeals)::int AS count FROM murojaat.appeal_workload
  WHERE district_code = $1 AND status = ANY($2::text[]) AND appeals > 0 GROUP BY assignee_id, priority`

const program = Effect.scoped(
  Effect.gen(function* () {
    const db = yield* Testing.database()
    console.log(`database: ${db.kind}`)
    // Migrated by the store's layer; then the rows are generated in SQL (the triggers count them).
    yield* Effect.flatMap(AppealStore.AppealStore, () => Effect.void).pipe(Effect.provide(PgStore.layerPg({ url: db.url, migrate: true, maxConnections: 1 })))
    const pool = new pg.Client({ connectionString: db.url })
    yield* Effect.promise(async () => {
      await pool.connect()
      const backend = Number((await pool.query("SELECT pg_backend_pid() AS pid")).rows[0].pid)
      let total = 0
      for (const size of SIZES) {
        const district = `WB${size}`
        await pool.query(
          `INSERT INTO murojaat.appeal (appeal_id, version, last_hash, status, district_code, assignee_id, priority, is_open, state)
           SELECT 'WB-' || $1 || '-' || g, 1, repeat('0', 64), (ARRAY['registered','assigned','inReview','awaitingApplicant','answered','closed'])[1 + g % 6],
             $1, 'O' || (g % 12), (ARRAY['urgent','high','normal','low'])[1 + g % 4], true, '{}'::json
           FROM generate_series(1, $2::int) AS g`,
          [district, size]
        )
        total += size
        await pool.query("ANALYZE murojaat.appeal")
        // The two statements give the same answer (the oracle of the swap).
        const a = (await pool.query(baseline, [district, held])).rows.map((r) => JSON.stringify(r)).sort()
        const b = (await pool.query(subject, [district, held])).rows.map((r) => JSON.stringify(r)).sort()
        if (JSON.stringify(a) !== JSON.stringify(b)) throw new Error(`different answers for ${district}`)
        const runs = { baseline: [] as Array<{ server: number; client: number }>, subject: [] as Array<{ server: number; client: number }> }
        for (let round = 0; round < 4; round++) {
          runs.baseline.push(await measure(pool, backend, baseline, [district, held]))
          runs.subject.push(await measure(pool, backend, subject, [district, held]))
        }
        // The first round of each warms up; the figure is the median of the rest.
        const median = (xs: Array<number>) => [...xs].sort((x, y) => x - y)[Math.floor(xs.length / 2)]!
        const base = median(runs.baseline.slice(1).map((r) => r.server))
        const subj = median(runs.subject.slice(1).map((r) => r.server))
        console.log(
          `district of ${size.toLocaleString("en-US")} appeals (${total.toLocaleString("en-US")} in the table), ${READS} reads a round: server CPU per read ` +
            `baseline GROUP BY ${base.toFixed(0)} µs, subject counts ${subj.toFixed(0)} µs, ratio baseline/subject ${(base / subj).toFixed(1)}x; ` +
            `client CPU ${median(runs.baseline.slice(1).map((r) => r.client)).toFixed(0)} / ${median(runs.subject.slice(1).map((r) => r.client)).toFixed(0)} µs`
        )
      }
      await pool.end()
    })
  })
)

Effect.runPromise(program).catch((e) => {
  console.error(e)
  process.exit(1)
})
