/**
 * Prevention analytics benchmark (DATABASE_URL, else the embedded server): the hotspot and rating
 * queries of `PgAnalytics` on a generated year of one region, MUROJAAT_BENCH_FACTS appeals (default
 * 2,000,000) in 14 districts of 70 mahallas, about 1,960 inspectors, 22 categories; p50 and p95 of
 * each query through the `Analytics` port (SQL, decoding, rows). Reports over whole months read the
 * monthly summaries; the baseline is the same report computed from the facts (`summaries: false`:
 * the district's covering index, the region's table in a parallel scan), in the same run. The
 * plans PostgreSQL uses are printed.
 *
 * Targets (issue 16): p95 under 200 ms for a district, under 2 s for the region.
 *
 * Run: npx tsx scripts/bench.ts analytics   (quick: MUROJAAT_BENCH_FACTS=200000 MUROJAAT_BENCH_RUNS=10)
 */
import { Analytics, type Hotspots, type UnitRating } from "@murojaat/core"
import { PgAnalytics, PgStore, SqlClient } from "@murojaat/postgres"
import { Testing } from "@murojaat/postgres/testing"
import { Effect } from "effect"
import { fmt } from "../../../../scripts/benchkit.js"

const FACTS = Number(process.env["MUROJAAT_BENCH_FACTS"] ?? 2_000_000)
const RUNS = Number(process.env["MUROJAAT_BENCH_RUNS"] ?? 30)
const DISTRICTS = 14

const percentile = (xs: ReadonlyArray<number>, p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(p * xs.length))]!

const q = (n: number) => ({
  from: `2026-${String(3 * n - 2).padStart(2, "0")}-01T00:00:00+05:00`,
  to: n === 4 ? "2027-01-01T00:00:00+05:00" : `2026-${String(3 * n + 1).padStart(2, "0")}-01T00:00:00+05:00`
})
const year = { from: "2026-01-01T00:00:00+05:00", to: "2027-01-01T00:00:00+05:00" }
const asOf = "2027-01-01T00:00:00+05:00"

interface Case {
  readonly name: string
  readonly target: number
  readonly run: (i: number) => Hotspots.Query | UnitRating.Query
}

// The last 30 days against the 30 before: not whole months, so read from the facts.
const days30 = (end: number) => ({
  current: { from: new Date(end - 30 * 86_400_000).toISOString(), to: new Date(end).toISOString() },
  previous: { from: new Date(end - 60 * 86_400_000).toISOString(), to: new Date(end - 30 * 86_400_000).toISOString() }
})

const cases: ReadonlyArray<Case> = [
  {
    name: "hotspots, a district per mahalla, Q2 against Q1",
    target: 200,
    run: (i) => ({ level: "mahalla", area: { districtCode: `D${i % DISTRICTS}` }, current: q(2), previous: q(1) })
  },
  {
    name: "ratings, a district per inspector, the whole year",
    target: 200,
    run: (i) => ({ level: "inspector", area: { districtCode: `D${(i * 5) % DISTRICTS}` }, interval: year, asOf })
  },
  {
    name: "hotspots, the region per mahalla, Q4 against Q3",
    target: 2000,
    run: () => ({ level: "mahalla", area: { regionCode: "R1" }, current: q(4), previous: q(3) })
  },
  {
    name: "ratings, the region per mahalla, the whole year",
    target: 2000,
    run: () => ({ level: "mahalla", area: { regionCode: "R1" }, interval: year, asOf })
  },
  {
    name: "hotspots, a district per mahalla, 30 days against 30 (from the facts)",
    target: 200,
    run: (i) => ({ level: "mahalla", area: { districtCode: `D${(i * 3) % DISTRICTS}` }, ...days30(Date.UTC(2026, 10, 20) + (i % 7) * 86_400_000) })
  }
]

const isHotspot = (x: Hotspots.Query | UnitRating.Query): x is Hotspots.Query => "current" in x

const program = Effect.scoped(
  Effect.gen(function* () {
    const db = yield* Testing.database()
    console.log(`Prevention analytics benchmark (${db.kind} server; ${fmt(FACTS)} appeals of one region in one year; ${RUNS} runs per query)`)
    return yield* Effect.gen(function* () {
      const sql = yield* SqlClient.SqlClient
      const analytics = yield* PgAnalytics.make()
      let t = performance.now()
      // One year of a region: appeals spread over the year, the mahallas, the categories and the two
      // inspectors of each mahalla by independent multiplicative hashes; 20 % deadline-violated, 5 %
      // repeated, 25 % rated, 2 % merged duplicates; the last month's open appeals with running clocks.
      yield* sql`
        INSERT INTO murojaat.appeal_fact (appeal_id, version, region_code, district_code, mahalla_code, kind, category, flags, status,
          received_at, counted, registered, outcome, assignee_id, rating, repeat_of, violated, due_at, applicant_ref, address_key,
          measures, order_until, computed_at)
        SELECT 'F-' || lpad(g::text, 9, '0'), 4, 'R1', 'D' || (m / 70), 'M' || m, 'shikoyat', 'c' || (((g * 2654435761) % 4294967296) / 65536 % 22), '{}', 'answered',
          rcv, g % 50 <> 0, true,
          CASE WHEN open THEN NULL ELSE (ARRAY['satisfied','satisfied','explained','rejectedWithGrounds'])[1 + (g * 13) % 4] END,
          'O' || (m * 2 + (g / ${DISTRICTS * 70}) % 2),
          CASE WHEN g % 4 = 0 AND NOT open THEN 1 + (g * 7) % 5 END,
          CASE WHEN g % 20 = 0 THEN 'F-' || lpad((g - 11)::text, 9, '0') END,
          (g * 31) % 10 < 2,
          CASE WHEN open THEN rcv + interval '15 days' END,
          'U' || (g % 900000), CASE WHEN g % 3 = 0 THEN md5((g % 300000)::text) END,
          '{}', NULL, timestamptz '2027-01-01 00:00+05'
        FROM (
          SELECT g, (g * 7919) % (${DISTRICTS} * 70) AS m, rcv,
            -- Open when the year ends: the last month's appeals, but a few in five (their clocks still run).
            rcv >= timestamptz '2026-12-01 00:00+05' AND (g * 13) % 5 < 2 AS open
          FROM (SELECT g, timestamptz '2026-01-01 00:00+05' + ((g * 104729) % 31536000) * interval '1 second' AS rcv
                FROM generate_series(1::bigint, ${FACTS}::bigint) AS g) r
        ) s`
      console.log(`generated ${fmt(FACTS)} facts in ${((performance.now() - t) / 1000).toFixed(1)} s`)
      t = performance.now()
      yield* PgAnalytics.rebuildSummaries
      yield* sql`VACUUM ANALYZE murojaat.appeal_fact`
      yield* sql`VACUUM ANALYZE murojaat.analytics_hotspot_month`
      yield* sql`VACUUM ANALYZE murojaat.analytics_unit_month`
      console.log(`monthly summaries and VACUUM ANALYZE in ${((performance.now() - t) / 1000).toFixed(1)} s`)
      const size = yield* sql<{ facts: string; indexes: string; summaries: string; rows: number }>`SELECT pg_size_pretty(pg_relation_size('murojaat.appeal_fact')) AS facts,
        pg_size_pretty(pg_indexes_size('murojaat.appeal_fact')) AS indexes,
        pg_size_pretty(pg_total_relation_size('murojaat.analytics_hotspot_month') + pg_total_relation_size('murojaat.analytics_unit_month')) AS summaries,
        ((SELECT count(*) FROM murojaat.analytics_hotspot_month) + (SELECT count(*) FROM murojaat.analytics_unit_month))::int AS rows`
      console.log(`facts ${size[0]!.facts} (indexes ${size[0]!.indexes}); monthly summaries ${size[0]!.summaries} in ${fmt(size[0]!.rows)} rows`)
      const baseline = yield* PgAnalytics.make({ summaries: false })

      const once = (a: typeof analytics, query: Hotspots.Query | UnitRating.Query) =>
        isHotspot(query) ? Effect.asVoid(a.hotspotCounts(query)) : Effect.asVoid(a.indicators(query))
      const time = (make: (i: number) => Effect.Effect<void, unknown>, runs: number) =>
        Effect.gen(function* () {
          yield* make(0)
          const ms: Array<number> = []
          for (let i = 0; i < runs; i++) {
            const start = performance.now()
            yield* make(i + 1)
            ms.push(performance.now() - start)
          }
          return { p50: percentile(ms, 0.5), p95: percentile(ms, 0.95) }
        })

      for (const c of cases) {
        const base = yield* time((i) => once(baseline, c.run(i)), Math.max(5, Math.floor(RUNS / 3)))
        const subject = yield* time((i) => once(analytics, c.run(i)), RUNS)
        const ok = subject.p95 < c.target ? "meets" : "MISSES"
        console.log(c.name)
        console.log(`  baseline  from the facts (summaries: false)    p50 ${base.p50.toFixed(1)} ms   p95 ${base.p95.toFixed(1)} ms`)
        console.log(`  subject   PgAnalytics                        p50 ${subject.p50.toFixed(1)} ms   p95 ${subject.p95.toFixed(1)} ms   (${ok} p95 < ${fmt(c.target)} ms)`)
        console.log(`  ratio subject/baseline (p95): ${(subject.p95 / base.p95).toFixed(3)}`)
      }
      for (const c of [cases[0]!, cases[3]!, cases[4]!]) {
        const query = c.run(1)
        const plan = yield* PgAnalytics.explain(isHotspot(query) ? { hotspots: query } : { indicators: query })
        console.log(`\nplan: ${c.name}`)
        for (const line of plan) console.log(`  ${line}`)
      }
      // The signals of an inspector's mahallas (informational): the facts that share a key.
      const signals = yield* time(
        (i) => Effect.asVoid(Analytics.signals({ area: { mahallaCodes: [`M${(i * 7) % (DISTRICTS * 70)}`, `M${(i * 11) % (DISTRICTS * 70)}`] }, asOf }, { _tag: "system", name: "bench" })).pipe(
          Effect.provideService(Analytics.Analytics, analytics)
        ),
        RUNS
      )
      console.log(`\nsignals of two mahallas (linked facts of a year, grouped)   p50 ${signals.p50.toFixed(1)} ms   p95 ${signals.p95.toFixed(1)} ms`)
    }).pipe(Effect.provide(PgStore.layerPg({ url: db.url, migrate: true, maxConnections: 4 })))
  })
)

Effect.runPromise(program).catch((e) => {
  console.error(e)
  process.exit(1)
})
