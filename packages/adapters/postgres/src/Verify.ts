/**
 * Verifies what the database holds, from the events table up: every stream of events has a
 * projection row; each chain is intact (`Audit.verifyChain`: links, hashes, nothing after the
 * appeal ended) and ends at the head its projection row records; the state document is the
 * replay of the events; and every index column of the row (`status`, `assignee_id`,
 * `mahalla_code`, `due_at`, ...) holds what the events imply, `due_at` computed as the service
 * computes it (`AppealService.dueAt` at the time of the last event, on the calendar in force).
 * Catches events edited, removed, reordered or appended behind the trigger's back, and projection
 * rows removed or altered (which would hide an appeal from worklists or move its due time).
 *
 * @example
 * import { Verify } from "@murojaat/postgres"
 * const report = Verify.all() // Effect<Verify.Report, StoreError, SqlClient | CalendarStore>
 */
import { SqlClient, SqlSchema } from "@effect/sql"
import { AppealService, AppealState, Audit, CalendarStore, type Deadline, type Errors, Lifecycle } from "@murojaat/core"
import { Effect, Either, Option, ParseResult, Schema } from "effect"
import { orStoreError } from "./internal/errors.js"
import { decodeRows, EventDocument, failedPaths, orCorrupt, Timestamp } from "./internal/rows.js"
import { projection } from "./PgStore.js"

/** The verdict on one appeal that failed. */
export interface Broken {
  readonly appealId: string
  /**
   * `Audit.Breakage` of its chain (`hashMismatch`, `headMismatch`, `afterEnd`...), or
   * `projectionMissing` (events without a projection row), `projectionMismatch` (the state
   * document is not the replay), `columnMismatch` (an index column differs: see `column`),
   * `corrupt` (an event row's columns differ from its document).
   */
  readonly reason: string
  readonly seq?: number | undefined
  /** The projection column that differs, for `columnMismatch` and `projectionMismatch`. */
  readonly column?: string | undefined
  readonly detail: string
}

/** What was checked and what failed. */
export interface Report {
  readonly checked: number
  readonly ok: boolean
  readonly broken: ReadonlyArray<Broken>
}

/** Options of `one` and `all`. */
export interface Options {
  /** Deadline options as the service was configured; the calendar defaults to the `CalendarStore`'s. */
  readonly deadlines?: Deadline.Options | undefined
}

// The projection row with every index column typed; the state document is compared with the
// replay as it is (a document that is not a state is a `projectionMismatch`, reported, not a failed read).
const text = Schema.NullOr(Schema.String)
const at = Schema.NullOr(Schema.Union(Timestamp, Schema.String))
const ProjectionRow = Schema.Struct({
  appeal_id: Schema.String,
  version: Schema.Number,
  last_hash: Schema.String,
  status: Schema.String,
  kind: text,
  region_code: text,
  district_code: text,
  mahalla_code: text,
  applicant_ref: text,
  assignee_id: text,
  category: text,
  priority: text,
  registration_number: text,
  received_at: at,
  updated_at: at,
  due_at: at,
  is_open: Schema.Boolean,
  state: Schema.Unknown
})
type Row = typeof ProjectionRow.Type
const EventRow = Schema.Struct({
  appeal_id: Schema.String,
  seq: Schema.Number,
  event_id: text,
  type: Schema.String,
  prev_hash: Schema.String,
  hash: Schema.String,
  body: EventDocument
})
type EventRow = typeof EventRow.Type

// Timestamps come back as Date or text depending on the driver's parsers: compare instants.
const timestampColumns = new Set(["received_at", "updated_at", "due_at"])
const comparable = (column: string, v: unknown): unknown => {
  if (v === null || v === undefined) return null
  if (timestampColumns.has(column)) return new Date(v as string).getTime()
  return v
}

const shown = (column: string, v: unknown): string => {
  const c = comparable(column, v)
  return c === null ? "NULL" : timestampColumns.has(column) ? new Date(c as number).toISOString() : JSON.stringify(c)
}

/** Checks one projection row and its events; the problems found, first the chain's. */
const check = (appealId: string, row: Row | undefined, rows: ReadonlyArray<EventRow>, deadlines: Deadline.Options): ReadonlyArray<Broken> => {
  const events = rows.map((r) => r.body)
  const bad = rows.find((r) => r.body.seq !== r.seq || r.body.hash !== r.hash || r.body.prevHash !== r.prev_hash || r.body.type !== r.type || r.body.appealId !== appealId)
  if (bad !== undefined) return [{ appealId, reason: "corrupt", seq: bad.seq, detail: `event ${appealId}#${bad.seq}: its columns differ from its document` }]
  if (row === undefined) {
    return [{ appealId, reason: "projectionMissing", detail: `${rows.length} events but no projection row: the appeal is missing from every list and worklist` }]
  }
  const chain = Audit.verifyChain(events, { seq: row.version, hash: row.last_hash })
  if (!chain.ok) return [{ appealId, reason: chain.reason, seq: chain.seq, detail: chain.detail }]
  const replayed = Lifecycle.replay(appealId, events)
  const out: Array<Broken> = []
  if (!AppealState.matchesReplay(row.state, replayed)) {
    out.push({ appealId, reason: "projectionMismatch", column: "state", detail: "the stored state is not the replay of the stored events" })
  }
  const last = events[events.length - 1]
  const expected: Record<string, unknown> = {
    ...projection(replayed),
    due_at: last === undefined ? null : AppealService.dueAt(events, last.at, deadlines)
  }
  const stored = new Map<string, unknown>(Object.entries(row))
  for (const [column, value] of Object.entries(expected)) {
    if (column === "state" || column === "appeal_id") continue
    const found = stored.get(column)
    if (comparable(column, found) !== comparable(column, value)) {
      out.push({ appealId, reason: "columnMismatch", column, detail: `${column} is ${shown(column, found)}, the events imply ${shown(column, value)}` })
    }
  }
  return out
}

const columns = (sql: SqlClient.SqlClient) =>
  sql`appeal_id, version, last_hash, status, kind, region_code, district_code, mahalla_code, applicant_ref, assignee_id,
      category, priority, registration_number, received_at, updated_at, due_at, is_open, state`

const loader = (sql: SqlClient.SqlClient) => {
  const row = SqlSchema.findOne({
    Request: Schema.String,
    Result: ProjectionRow,
    execute: (id) => sql`SELECT ${columns(sql)} FROM murojaat.appeal WHERE appeal_id = ${id}`
  })
  const events = SqlSchema.findAll({
    Request: Schema.String,
    Result: EventRow,
    execute: (id) => sql`SELECT appeal_id, seq, event_id, type, prev_hash, hash, body FROM murojaat.appeal_event WHERE appeal_id = ${id} ORDER BY seq`
  })
  // A row that does not decode is this appeal's finding (`corrupt`), not the end of the walk.
  return (appealId: string) =>
    Effect.all({ row: Effect.map(row(appealId), Option.getOrUndefined), events: events(appealId) }).pipe(
      Effect.map((found): Either.Either<Loaded, Broken> => Either.right(found)),
      Effect.catchIf(ParseResult.isParseError, (e) =>
        Effect.succeed(Either.left<Broken>({ appealId, reason: "corrupt", detail: `a row of ${appealId} does not decode: ${failedPaths(e)}` }))
      )
    )
}

interface Loaded {
  readonly row: Row | undefined
  readonly events: ReadonlyArray<EventRow>
}

const appealIds = decodeRows(Schema.Struct({ appeal_id: Schema.String }))

const deadlineOptions = (options: Options) =>
  options.deadlines?.calendar !== undefined
    ? Effect.succeed(options.deadlines)
    : Effect.map(Effect.flatMap(CalendarStore.CalendarStore, (c) => c.current), (calendar): Deadline.Options => ({ ...options.deadlines, calendar }))

/**
 * Verifies one appeal; the problems found (none when it is sound, `notFound` when the database
 * has neither a projection row nor events for it).
 *
 * @example
 * import { Verify } from "@murojaat/postgres"
 * Verify.one("A-000001")
 */
export const one = (
  appealId: string,
  options: Options = {}
): Effect.Effect<ReadonlyArray<Broken>, Errors.StoreError, SqlClient.SqlClient | CalendarStore.CalendarStore> =>
  Effect.gen(function* () {
    const sql = yield* SqlClient.SqlClient
    const deadlines = yield* deadlineOptions(options)
    const loaded = yield* loader(sql)(appealId).pipe(orStoreError("Verify"))
    if (Either.isLeft(loaded)) return [loaded.left]
    const { row, events } = loaded.right
    if (row === undefined && events.length === 0) return [{ appealId, reason: "notFound", detail: "no projection row and no events" }]
    return check(appealId, row, events, deadlines)
  })

/**
 * Verifies every stored appeal (or only `appealId`): each projection row, in id order, a page at
 * a time, then every stream in the events table that has no projection row.
 *
 * @example
 * import { Verify } from "@murojaat/postgres"
 * Verify.all({ batch: 500 })
 */
export const all = (
  options: Options & { readonly appealId?: string | undefined; readonly batch?: number | undefined } = {}
): Effect.Effect<Report, Errors.StoreError, SqlClient.SqlClient | CalendarStore.CalendarStore> =>
  Effect.gen(function* () {
    const sql = yield* SqlClient.SqlClient
    const run = orStoreError("Verify")
    const deadlines = yield* deadlineOptions(options)
    const broken: Array<Broken> = []
    let checked = 0
    const verify = (appealId: string) =>
      Effect.map(one(appealId, { deadlines }), (found) => {
        checked++
        broken.push(...found)
      })
    if (options.appealId !== undefined) {
      yield* verify(options.appealId)
    } else {
      const batch = Math.max(1, Math.min(options.batch ?? 500, 5000))
      let after: string | undefined
      for (;;) {
        const ids = yield* sql`SELECT appeal_id FROM murojaat.appeal
          WHERE ${after === undefined ? sql`true` : sql`appeal_id > ${after}`} ORDER BY appeal_id LIMIT ${batch}`.pipe(
          Effect.flatMap(appealIds),
          orCorrupt("Verify", "appeal ids"),
          run
        )
        if (ids.length === 0) break
        yield* Effect.forEach(ids, (r) => verify(r.appeal_id), { concurrency: 4, discard: true })
        after = ids[ids.length - 1]!.appeal_id
      }
      // Streams of events with no projection row: one anti-join over the events table.
      const orphans = yield* sql`SELECT DISTINCT e.appeal_id FROM murojaat.appeal_event e
        WHERE NOT EXISTS (SELECT 1 FROM murojaat.appeal a WHERE a.appeal_id = e.appeal_id) ORDER BY e.appeal_id`.pipe(
        Effect.flatMap(appealIds),
        orCorrupt("Verify", "event streams"),
        run
      )
      yield* Effect.forEach(orphans, (r) => verify(r.appeal_id), { concurrency: 4, discard: true })
    }
    broken.sort((a, b) => (a.appealId < b.appealId ? -1 : a.appealId > b.appealId ? 1 : 0))
    return { checked, ok: broken.length === 0, broken }
  })
