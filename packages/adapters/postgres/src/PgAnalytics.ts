/**
 * The core's `Analytics` port on PostgreSQL: prevention analytics aggregated in SQL over the facts
 * table of `migrations/0007_analytics.sql`, one narrow row per appeal.
 *
 * - `refresh(asOf)` recomputes the facts of the appeals marked in `analytics_dirty` (every commit
 *   and every erasure marks its appeal, by trigger) with the core's own `AppealFact.of`, from the
 *   stored state, events and personal data, at `asOf`, on the calendar in force; batches of 500,
 *   each claimed with `FOR UPDATE SKIP LOCKED`, so several instances may refresh at once. Run it
 *   periodically (beside the deadline timer) and before reports that must be current.
 * - `hotspotCounts` and `indicators` over whole Tashkent months (months, quarters, years: what the
 *   CLI and the HTTP API ask) read two monthly summaries the refresh rebuilds for the mahalla-months
 *   it touched (`analytics_hotspot_month`, `analytics_unit_month`); the clocks still running when
 *   their facts were computed are counted from the facts at the report's instant (a partial index).
 *   Any other interval is one `GROUP BY` over the facts (a district's through a covering index).
 * - `linkedFacts` returns the facts that share a key or repeat an appeal, for the signals.
 *
 * Each answers exactly what the pure functions answer on the same facts (`Hotspots.count`,
 * `UnitRating.count`, `AppealFact.linked`): the testkit's analytics suite checks it.
 *
 * @example
 * import { PgAnalytics } from "@murojaat/postgres"
 * const analytics = PgAnalytics.layer() // Layer<Analytics, never, SqlClient>
 */
import { SqlClient } from "@effect/sql"
import { Analytics, AppealFact, Calendar, CalendarStore, type Deadline, type Errors, type Hotspots, ReportPeriod, type UnitRating } from "@murojaat/core"
import { Effect, Layer, Option, Schema } from "effect"
import { orStoreError } from "./internal/errors.js"
import { decodeRows, EventDocument, orCorrupt, PersonalDocument, StateDocument, Timestamp } from "./internal/rows.js"

const PORT = "Analytics"
const BATCH = 500

/**
 * Options: the deadline counting the facts are computed with (default: the calendar in force from
 * the `CalendarStore` in context, else the shipped one, and the core's counting settings).
 *
 * @example
 * import { PgAnalytics } from "@murojaat/postgres"
 * const o: PgAnalytics.Options = { deadlines: { explain: false } }
 */
export interface Options {
  readonly deadlines?: Deadline.Options | undefined
  /**
   * Answer reports over whole months from the monthly summaries (default true); false reads the
   * facts for every report (the benchmark's baseline, and a check of the summaries).
   */
  readonly summaries?: boolean | undefined
}

const iso = (d: Date): string => d.toISOString()
const utc = (text: string): string => AppealFact.instant(text) ?? text

// The SQL bound of an instant: the UTC text the facts compare with.
const at = (text: string): string => utc(text)

const FactRow = Schema.Struct({
  appeal_id: Schema.String,
  version: Schema.Number,
  region_code: Schema.String,
  district_code: Schema.String,
  mahalla_code: Schema.String,
  kind: Schema.String,
  category: Schema.String,
  flags: Schema.Array(Schema.String),
  status: Schema.String,
  received_at: Timestamp,
  counted: Schema.Boolean,
  registered: Schema.Boolean,
  outcome: Schema.NullOr(Schema.String),
  assignee_id: Schema.NullOr(Schema.String),
  rating: Schema.NullOr(Schema.Number),
  repeat_of: Schema.NullOr(Schema.String),
  violated: Schema.Boolean,
  due_at: Schema.NullOr(Timestamp),
  applicant_ref: Schema.NullOr(Schema.String),
  address_key: Schema.NullOr(Schema.String),
  measures: Schema.Array(Schema.String),
  order_until: Schema.NullOr(Timestamp),
  computed_at: Timestamp
})
type FactRow = typeof FactRow.Type
const decodeFact = Schema.decodeUnknown(Schema.typeSchema(AppealFact.Fact))

// A fact from its row: optional fields absent when NULL, as the core writes them.
const factOf = (r: FactRow) =>
  decodeFact({
    appealId: r.appeal_id,
    version: r.version,
    regionCode: r.region_code,
    districtCode: r.district_code,
    mahallaCode: r.mahalla_code,
    kind: r.kind,
    category: r.category,
    flags: r.flags,
    status: r.status,
    receivedAt: iso(r.received_at),
    counted: r.counted,
    registered: r.registered,
    ...(r.outcome !== null ? { outcome: r.outcome } : {}),
    ...(r.assignee_id !== null ? { assigneeId: r.assignee_id } : {}),
    ...(r.rating !== null ? { rating: r.rating } : {}),
    ...(r.repeat_of !== null ? { repeatOf: r.repeat_of } : {}),
    violated: r.violated,
    ...(r.due_at !== null ? { dueAt: iso(r.due_at) } : {}),
    ...(r.applicant_ref !== null ? { applicantRef: r.applicant_ref } : {}),
    ...(r.address_key !== null ? { addressKey: r.address_key } : {}),
    measures: r.measures,
    ...(r.order_until !== null ? { orderUntil: iso(r.order_until) } : {}),
    computedAt: iso(r.computed_at)
  })

// The row of a fact, as json_to_recordset reads it.
const rowOf = (f: AppealFact.Fact) => ({
  appeal_id: f.appealId,
  version: f.version,
  region_code: f.regionCode,
  district_code: f.districtCode,
  mahalla_code: f.mahallaCode,
  kind: f.kind,
  category: f.category,
  flags: f.flags,
  status: f.status,
  received_at: f.receivedAt,
  counted: f.counted,
  registered: f.registered,
  outcome: f.outcome ?? null,
  assignee_id: f.assigneeId ?? null,
  rating: f.rating ?? null,
  repeat_of: f.repeatOf ?? null,
  violated: f.violated,
  due_at: f.dueAt ?? null,
  applicant_ref: f.applicantRef ?? null,
  address_key: f.addressKey ?? null,
  measures: f.measures,
  order_until: f.orderUntil ?? null,
  computed_at: f.computedAt
})

const COLUMNS =
  "appeal_id, version, region_code, district_code, mahalla_code, kind, category, flags, status, received_at, counted, registered, outcome, assignee_id, rating, repeat_of, violated, due_at, applicant_ref, address_key, measures, order_until, computed_at"
const RECORD =
  "appeal_id text, version integer, region_code text, district_code text, mahalla_code text, kind text, category text, flags text[], status text, received_at timestamptz, counted boolean, registered boolean, outcome text, assignee_id text, rating smallint, repeat_of text, violated boolean, due_at timestamptz, applicant_ref text, address_key text, measures text[], order_until timestamptz, computed_at timestamptz"
const UPDATES = COLUMNS.split(", ")
  .filter((c) => c !== "appeal_id")
  .map((c) => `${c} = EXCLUDED.${c}`)
  .join(", ")

const CountRow = Schema.Struct({ code: Schema.String, category: Schema.String, current: Schema.Number, previous: Schema.Number })
const IndicatorRow = Schema.Struct({
  code: Schema.String,
  registered: Schema.Number,
  answered: Schema.Number,
  satisfied: Schema.Number,
  explained: Schema.Number,
  rejected: Schema.Number,
  violated: Schema.Number,
  repeated: Schema.Number,
  rated: Schema.Number,
  rating_sum: Schema.Number
})

// The statements of the three aggregations, built once for the service and for `explain`.
const statementsOf = (sql: SqlClient.SqlClient, useSummaries = true) => {
  const areaClause = (area: AppealFact.Area) =>
    "all" in area
      ? sql`true`
      : "regionCode" in area
        ? sql`region_code = ${area.regionCode}`
        : "districtCode" in area
          ? sql`district_code = ${area.districtCode}`
          : area.mahallaCodes.length === 0
            ? sql`false`
            : sql`mahalla_code IN ${sql.in(area.mahallaCodes)}`
  const code = (level: Hotspots.Level) => (level === "mahalla" ? "mahalla_code" : level === "district" ? "district_code" : "region_code")
  const unitOf = (level: UnitRating.Level) => (level === "inspector" ? "assignee_id" : level === "mahalla" ? "mahalla_code" : "district_code")
  // The monthly summaries, for whole months.
  const monthly = {
    hotspots: (q: Hotspots.Query, c: { readonly from: string; readonly to: string }, p: { readonly from: string; readonly to: string }) => {
      const lo = c.from < p.from ? c.from : p.from
      const hi = c.to > p.to ? c.to : p.to
      return sql`SELECT ${sql(code(q.level))} AS code, category,
          coalesce(sum(appeals) FILTER (WHERE month >= ${c.from} AND month < ${c.to}), 0)::int AS current,
          coalesce(sum(appeals) FILTER (WHERE month >= ${p.from} AND month < ${p.to}), 0)::int AS previous
        FROM murojaat.analytics_hotspot_month
        WHERE ${areaClause(q.area)} AND month >= ${lo} AND month < ${hi}
        GROUP BY 1, 2
        HAVING sum(appeals) FILTER (WHERE (month >= ${c.from} AND month < ${c.to}) OR (month >= ${p.from} AND month < ${p.to})) > 0
        ORDER BY 1, 2`
    },
    // The summary's counts, and the clocks still running when their facts were computed that fell
    // due before the report's instant (from the facts, through their partial index).
    indicators: (q: UnitRating.Query, m: { readonly from: string; readonly to: string }) => {
      const unit = sql(unitOf(q.level))
      return sql`WITH r AS (
          SELECT ${unit} AS code, sum(registered)::int AS registered, sum(answered)::int AS answered, sum(satisfied)::int AS satisfied,
            sum(explained)::int AS explained, sum(rejected)::int AS rejected, sum(violated)::int AS violated, sum(repeated)::int AS repeated,
            sum(rated)::int AS rated, sum(rating_sum)::int AS rating_sum
          FROM murojaat.analytics_unit_month
          WHERE ${areaClause(q.area)} AND month >= ${m.from} AND month < ${m.to} AND ${q.level === "inspector" ? sql`assignee_id <> ''` : sql`true`}
          GROUP BY 1
        ), p AS (
          SELECT ${unit} AS code, count(*)::int AS late
          FROM murojaat.appeal_fact
          WHERE counted AND NOT violated AND due_at IS NOT NULL AND due_at < ${at(q.asOf)} AND ${areaClause(q.area)}
            AND received_at >= ${at(q.interval.from)} AND received_at < ${at(q.interval.to)} AND ${unit} IS NOT NULL
          GROUP BY 1
        )
        SELECT r.code, r.registered, r.answered, r.satisfied, r.explained, r.rejected, (r.violated + coalesce(p.late, 0))::int AS violated,
          r.repeated, r.rated, r.rating_sum
        FROM r LEFT JOIN p USING (code)
        ORDER BY 1`
    }
  }
  return {
    hotspots: (q: Hotspots.Query) => {
      const c = wholeMonths(q.current)
      const p = wholeMonths(q.previous)
      if (useSummaries && c !== undefined && p !== undefined) return monthly.hotspots(q, c, p)
      const [cf, ct, pf, pt] = [at(q.current.from), at(q.current.to), at(q.previous.from), at(q.previous.to)]
      const lo = cf < pf ? cf : pf
      const hi = ct > pt ? ct : pt
      return sql`SELECT ${sql(code(q.level))} AS code, category,
          count(*) FILTER (WHERE received_at >= ${cf} AND received_at < ${ct})::int AS current,
          count(*) FILTER (WHERE received_at >= ${pf} AND received_at < ${pt})::int AS previous
        FROM murojaat.appeal_fact
        WHERE ${areaClause(q.area)} AND counted AND received_at >= ${lo} AND received_at < ${hi}
        GROUP BY 1, 2
        HAVING count(*) FILTER (WHERE (received_at >= ${cf} AND received_at < ${ct}) OR (received_at >= ${pf} AND received_at < ${pt})) > 0
        ORDER BY 1, 2`
    },
    indicators: (q: UnitRating.Query) => {
      const m = wholeMonths(q.interval)
      if (useSummaries && m !== undefined) return monthly.indicators(q, m)
      const unit = unitOf(q.level)
      return sql`SELECT ${sql(unit)} AS code,
          count(*) FILTER (WHERE registered)::int AS registered,
          count(outcome)::int AS answered,
          count(*) FILTER (WHERE outcome = 'satisfied')::int AS satisfied,
          count(*) FILTER (WHERE outcome = 'explained')::int AS explained,
          count(*) FILTER (WHERE outcome = 'rejectedWithGrounds')::int AS rejected,
          count(*) FILTER (WHERE violated OR due_at < ${at(q.asOf)})::int AS violated,
          count(*) FILTER (WHERE repeated)::int AS repeated,
          count(rating)::int AS rated,
          coalesce(sum(rating), 0)::int AS rating_sum
        FROM murojaat.appeal_fact
        WHERE ${areaClause(q.area)} AND counted AND received_at >= ${at(q.interval.from)} AND received_at < ${at(q.interval.to)}
          AND ${sql(unit)} IS NOT NULL
        GROUP BY 1
        ORDER BY 1`
    },
    linked: (area: AppealFact.Area, interval: ReportPeriod.Interval) =>
      sql`WITH f AS (
          SELECT * FROM murojaat.appeal_fact
          WHERE ${areaClause(area)} AND received_at >= ${at(interval.from)} AND received_at < ${at(interval.to)}
        )
        SELECT ${sql.literal(COLUMNS)} FROM f
        WHERE repeat_of IS NOT NULL
           OR appeal_id IN (SELECT repeat_of FROM f WHERE repeat_of IS NOT NULL)
           OR address_key IN (SELECT address_key FROM f WHERE address_key IS NOT NULL GROUP BY 1 HAVING count(*) > 1)
           OR applicant_ref IN (SELECT applicant_ref FROM f WHERE applicant_ref IS NOT NULL GROUP BY 1 HAVING count(*) > 1)
        ORDER BY appeal_id`
  }
}

// The Tashkent month (its first day, and its bounds) of an instant.
const monthOf = (instant: string) => {
  const p = Option.getOrThrow(ReportPeriod.containing("month", instant))
  return { day: `${p.label}-01`, from: utc(p.from), to: utc(p.to) }
}

// The months an interval spans when both its ends are Tashkent month starts (months, quarters,
// years): the summaries answer it; any other interval is answered from the facts.
const wholeMonths = (interval: ReportPeriod.Interval): { readonly from: string; readonly to: string } | undefined => {
  const from = monthOf(interval.from)
  const to = monthOf(interval.to)
  return from.from === utc(interval.from) && to.from === utc(interval.to) ? { from: from.day, to: to.day } : undefined
}

// The mahalla-month of receipt, in SQL (Tashkent is UTC+5 with no daylight saving).
const MONTH = "(date_trunc('month', x.received_at AT TIME ZONE 'UTC' + interval '5 hours'))::date"

const SUMMARIES = {
  hotspot: (keys: string) => `INSERT INTO murojaat.analytics_hotspot_month (mahalla_code, month, category, region_code, district_code, appeals)
    SELECT x.mahalla_code, ${MONTH}, x.category, min(x.region_code), min(x.district_code), count(*)
    FROM murojaat.appeal_fact x ${keys} WHERE x.counted
    GROUP BY 1, 2, 3`,
  unit: (keys: string) => `INSERT INTO murojaat.analytics_unit_month (mahalla_code, month, assignee_id, region_code, district_code,
      registered, answered, satisfied, explained, rejected, violated, repeated, rated, rating_sum)
    SELECT x.mahalla_code, ${MONTH}, coalesce(x.assignee_id, ''), min(x.region_code), min(x.district_code),
      count(*) FILTER (WHERE x.registered), count(x.outcome), count(*) FILTER (WHERE x.outcome = 'satisfied'),
      count(*) FILTER (WHERE x.outcome = 'explained'), count(*) FILTER (WHERE x.outcome = 'rejectedWithGrounds'),
      count(*) FILTER (WHERE x.violated), count(*) FILTER (WHERE x.repeated), count(x.rating), coalesce(sum(x.rating), 0)
    FROM murojaat.appeal_fact x ${keys} WHERE x.counted
    GROUP BY 1, 2, 3`
}

// Rebuilds the monthly summaries of the mahalla-months of these facts (as they were and as they are).
const rebuildMonths = (sql: SqlClient.SqlClient, facts: ReadonlyArray<{ readonly mahallaCode: string; readonly receivedAt: string }>) =>
  Effect.gen(function* () {
    const keys = new Map<string, { m: string; d: string; f0: string; t0: string }>()
    for (const f of facts) {
      const month = monthOf(f.receivedAt)
      keys.set(`${f.mahallaCode}\u0000${month.day}`, { m: f.mahallaCode, d: month.day, f0: month.from, t0: month.to })
    }
    if (keys.size === 0) return
    const json = JSON.stringify([...keys.values()])
    const k = "json_to_recordset($1::json) AS k(m text, d date, f0 timestamptz, t0 timestamptz)"
    yield* sql.unsafe(`DELETE FROM murojaat.analytics_hotspot_month h USING ${k} WHERE h.mahalla_code = k.m AND h.month = k.d`, [json])
    yield* sql.unsafe(`DELETE FROM murojaat.analytics_unit_month u USING ${k} WHERE u.mahalla_code = k.m AND u.month = k.d`, [json])
    const join = `JOIN ${k} ON x.mahalla_code = k.m AND x.received_at >= k.f0 AND x.received_at < k.t0`
    yield* sql.unsafe(SUMMARIES.hotspot(join), [json])
    yield* sql.unsafe(SUMMARIES.unit(join), [json])
  })

/**
 * Rebuilds both monthly summaries from all the facts, in one transaction: after facts were loaded
 * in bulk (a migration of old data, a benchmark), where no refresh rebuilt them.
 *
 * @example
 * import { PgAnalytics } from "@murojaat/postgres"
 * const program = PgAnalytics.rebuildSummaries // Effect<void, StoreError, SqlClient>
 */
export const rebuildSummaries: Effect.Effect<void, Errors.StoreError, SqlClient.SqlClient> = Effect.flatMap(SqlClient.SqlClient, (sql) =>
  sql.withTransaction(
    Effect.gen(function* () {
      yield* sql`SELECT pg_advisory_xact_lock(hashtext('murojaat.analytics.refresh'))`
      yield* sql`DELETE FROM murojaat.analytics_hotspot_month`
      yield* sql`DELETE FROM murojaat.analytics_unit_month`
      yield* sql.unsafe(SUMMARIES.hotspot(""))
      yield* sql.unsafe(SUMMARIES.unit(""))
    })
  )
).pipe(orStoreError(PORT))

/**
 * The query of `explain`: one of the aggregations with its arguments.
 *
 * @example
 * import type { PgAnalytics } from "@murojaat/postgres"
 * const q: PgAnalytics.Explained = { indicators: { level: "district", area: { regionCode: "R1" },
 *   interval: { from: "2026-01-01T00:00:00+05:00", to: "2027-01-01T00:00:00+05:00" }, asOf: "2027-01-01T00:00:00+05:00" } }
 */
export type Explained =
  | { readonly hotspots: Hotspots.Query }
  | { readonly indicators: UnitRating.Query }
  | { readonly linked: { readonly area: AppealFact.Area; readonly interval: ReportPeriod.Interval } }

/**
 * The plan PostgreSQL runs an aggregation with, executed (`EXPLAIN (ANALYZE, BUFFERS)`): the lines
 * of the plan, for operators checking that a report reads its covering index.
 *
 * @example
 * import { PgAnalytics } from "@murojaat/postgres"
 * const plan = PgAnalytics.explain({ hotspots: { level: "mahalla", area: { districtCode: "D1" },
 *   current: { from: "2026-03-01T00:00:00+05:00", to: "2026-04-01T00:00:00+05:00" }, previous: { from: "2026-02-01T00:00:00+05:00", to: "2026-03-01T00:00:00+05:00" } } })
 */
export const explain = (query: Explained, options: Pick<Options, "summaries"> = {}): Effect.Effect<ReadonlyArray<string>, Errors.StoreError, SqlClient.SqlClient> =>
  Effect.gen(function* () {
    const sql = yield* SqlClient.SqlClient
    const s = statementsOf(sql, options.summaries !== false)
    const statement = "hotspots" in query ? s.hotspots(query.hotspots) : "indicators" in query ? s.indicators(query.indicators) : s.linked(query.linked.area, query.linked.interval)
    const [text, params] = statement.compile()
    const rows = yield* sql.unsafe<{ "QUERY PLAN": string }>(`EXPLAIN (ANALYZE, BUFFERS) ${text}`, params)
    return rows.map((r) => r["QUERY PLAN"])
  }).pipe(orStoreError(PORT))

/**
 * The analytics over the `SqlClient` in context (a migrated database).
 *
 * @example
 * import { PgAnalytics } from "@murojaat/postgres"
 * const make = PgAnalytics.make() // Effect<Analytics.Service, never, SqlClient>
 */
export const make = (options: Options = {}): Effect.Effect<Analytics.Service, never, SqlClient.SqlClient> =>
  Effect.gen(function* () {
    const sql = yield* SqlClient.SqlClient
    const calendars = yield* Effect.serviceOption(CalendarStore.CalendarStore)
    const run = orStoreError(PORT)

    const statements = statementsOf(sql, options.summaries !== false)

    const deadlines: Effect.Effect<Deadline.Options, Errors.StoreError> = Effect.gen(function* () {
      if (options.deadlines?.calendar !== undefined || Option.isNone(calendars)) return { calendar: Calendar.uzbekistan, ...options.deadlines }
      return { ...options.deadlines, calendar: yield* calendars.value.current }
    })

    // One batch: claim marked appeals, compute their facts, write them; the number written.
    const batch = (asOf: string, options_: Deadline.Options) =>
      sql.withTransaction(
        Effect.gen(function* () {
          // One refresh at a time: each rebuilds the monthly summaries of the mahalla-months it
          // touched from the facts it can see, so two at once could each miss the other's facts.
          yield* sql`SELECT pg_advisory_xact_lock(hashtext('murojaat.analytics.refresh'))`
          const claimed = yield* sql<{ appeal_id: string }>`DELETE FROM murojaat.analytics_dirty
            WHERE appeal_id IN (SELECT appeal_id FROM murojaat.analytics_dirty ORDER BY appeal_id LIMIT ${BATCH} FOR UPDATE SKIP LOCKED)
            RETURNING appeal_id`
          if (claimed.length === 0) return -1
          const ids = claimed.map((r) => r.appeal_id)
          const states = yield* sql`SELECT appeal_id, state FROM murojaat.appeal WHERE appeal_id IN ${sql.in(ids)}`.pipe(
            Effect.flatMap(decodeRows(Schema.Struct({ appeal_id: Schema.String, state: StateDocument }))),
            orCorrupt(PORT, "appeal states")
          )
          const events = yield* sql`SELECT appeal_id, body FROM murojaat.appeal_event WHERE appeal_id IN ${sql.in(ids)} ORDER BY appeal_id, seq`.pipe(
            Effect.flatMap(decodeRows(Schema.Struct({ appeal_id: Schema.String, body: EventDocument }))),
            orCorrupt(PORT, "appeal events")
          )
          const personal = yield* sql`SELECT appeal_id, data FROM murojaat.appeal_personal WHERE appeal_id IN ${sql.in(ids)}`.pipe(
            Effect.flatMap(decodeRows(Schema.Struct({ appeal_id: Schema.String, data: PersonalDocument }))),
            orCorrupt(PORT, "personal data")
          )
          const eventsOf = new Map<string, Array<(typeof events)[number]["body"]>>()
          for (const e of events) {
            const list = eventsOf.get(e.appeal_id)
            if (list === undefined) eventsOf.set(e.appeal_id, [e.body])
            else list.push(e.body)
          }
          const before = yield* sql`SELECT mahalla_code, received_at FROM murojaat.appeal_fact WHERE appeal_id IN ${sql.in(ids)}`.pipe(
            Effect.flatMap(decodeRows(Schema.Struct({ mahalla_code: Schema.String, received_at: Timestamp }))),
            orCorrupt(PORT, "facts")
          )
          const personalOf = new Map(personal.map((p) => [p.appeal_id, p.data]))
          const facts = states.flatMap((s) => {
            const f = AppealFact.of({ state: s.state, events: eventsOf.get(s.appeal_id) ?? [], personal: personalOf.get(s.appeal_id), asOf, deadlines: options_ })
            return f === undefined ? [] : [f]
          })
          if (facts.length > 0) {
            yield* sql.unsafe(
              `INSERT INTO murojaat.appeal_fact (${COLUMNS})
               SELECT ${COLUMNS} FROM json_to_recordset($1::json) AS x(${RECORD})
               ON CONFLICT (appeal_id) DO UPDATE SET ${UPDATES}
               WHERE (murojaat.appeal_fact.version, murojaat.appeal_fact.computed_at) <= (EXCLUDED.version, EXCLUDED.computed_at)`,
              [JSON.stringify(facts.map(rowOf))]
            )
          }
          yield* rebuildMonths(sql, [...before.map((b) => ({ mahallaCode: b.mahalla_code, receivedAt: iso(b.received_at) })), ...facts])
          return facts.length
        })
      )

    const service: Analytics.Service = {
      refresh: (asOf) =>
        Effect.gen(function* () {
          const options_ = yield* deadlines
          let total = 0
          for (;;) {
            const n = yield* batch(asOf, options_)
            if (n < 0) return { facts: total, asOf: utc(asOf) }
            total += n
          }
        }).pipe(run),

      hotspotCounts: (q: Hotspots.Query) =>
        statements.hotspots(q).pipe(
          Effect.flatMap(decodeRows(CountRow)),
          orCorrupt(PORT, "hotspot counts"),
          Effect.map((rows) => rows.map((r) => ({ level: q.level, ...r }))),
          run
        ),

      indicators: (q: UnitRating.Query) =>
        statements.indicators(q).pipe(
          Effect.flatMap(decodeRows(IndicatorRow)),
          orCorrupt(PORT, "indicators"),
          Effect.map((rows) => rows.map(({ rating_sum, ...r }): UnitRating.Row => ({ level: q.level, ...r, ratingSum: rating_sum }))),
          run
        ),

      linkedFacts: (area: AppealFact.Area, interval: ReportPeriod.Interval) =>
        statements.linked(area, interval).pipe(
          Effect.flatMap(decodeRows(FactRow)),
          Effect.flatMap((rows) => Effect.forEach(rows, factOf)),
          orCorrupt(PORT, "linked facts"),
          run
        )
    }
    return service
  })

/**
 * The analytics over the `SqlClient` in context (and the `CalendarStore`, when one is provided).
 *
 * @example
 * import { PgAnalytics } from "@murojaat/postgres"
 * PgAnalytics.layer()
 */
export const layer = (options: Options = {}): Layer.Layer<Analytics.Analytics, never, SqlClient.SqlClient> =>
  Layer.effect(Analytics.Analytics, make(options))

/**
 * Marks every appeal for the next refresh: after a change to how facts are computed (a new
 * calendar decree moving due times, a new normalisation of addresses), so the next `refresh`
 * recomputes them all. The number of appeals marked.
 *
 * @example
 * import { PgAnalytics } from "@murojaat/postgres"
 * const program = PgAnalytics.markAll // Effect<number, StoreError, SqlClient>
 */
export const markAll: Effect.Effect<number, Errors.StoreError, SqlClient.SqlClient> = Effect.flatMap(SqlClient.SqlClient, (sql) =>
  sql<{ n: number }>`WITH m AS (
      INSERT INTO murojaat.analytics_dirty (appeal_id) SELECT appeal_id FROM murojaat.appeal ON CONFLICT (appeal_id) DO NOTHING RETURNING 1
    ) SELECT count(*)::int AS n FROM m`.pipe(Effect.map((rows) => rows[0]?.n ?? 0))
).pipe(orStoreError(PORT))
