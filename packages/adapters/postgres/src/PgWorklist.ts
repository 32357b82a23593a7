/**
 * The core's `Worklist` port on PostgreSQL: an officer's open appeals, the one falling due first on
 * top (no due time last), and a district's or mahalla's overdue and soon-due appeals, each served
 * by an index of `migrations/0001_appeals.sql` and paged by keyset (never OFFSET):
 * `appeal_worklist_idx` (assignee, coalesce(due_at, 'infinity'), appeal id) and
 * `appeal_due_district_idx` / `appeal_due_mahalla_idx` (area, due_at, appeal id), all partial on
 * open appeals. Due times are those the service writes with each commit (`StreamWrite.dueAt`).
 *
 * @example
 * import { PgWorklist } from "@murojaat/postgres"
 * const worklist = PgWorklist.make // Effect<Worklist.Service, never, SqlClient>
 */
import { SqlClient } from "@effect/sql"
import { Worklist } from "@murojaat/core"
import { Effect, Layer, Schema } from "effect"
import { orStoreError } from "./internal/errors.js"
import { decodeRows, orCorrupt, StateDocument, Timestamp } from "./internal/rows.js"

const clamp = (limit: number | undefined) => Math.max(1, Math.min(limit ?? 100, 1000))

const Row = Schema.Struct({ state: StateDocument, due_at: Schema.NullOr(Timestamp), appeal_id: Schema.String })
type Row = typeof Row.Type
const rowsOf = decodeRows(Row)

const toPage = (rows: ReadonlyArray<Row>, limit: number): Worklist.DuePage => {
  const page = rows.slice(0, limit)
  const last = page[page.length - 1]
  return {
    items: page.map((r) => r.state),
    next: rows.length > limit && last !== undefined ? { dueAt: last.due_at === null ? null : last.due_at.toISOString(), appealId: last.appeal_id } : undefined
  }
}

/**
 * The worklist over the `SqlClient` in context.
 *
 * @example
 * import { PgWorklist } from "@murojaat/postgres"
 * PgWorklist.make
 */
export const make: Effect.Effect<Worklist.Service, never, SqlClient.SqlClient> = Effect.map(SqlClient.SqlClient, (sql) => {
  const run = orStoreError("Worklist")
  const areaClause = (area: Worklist.Area) => ("districtCode" in area ? sql`district_code = ${area.districtCode}` : sql`mahalla_code = ${area.mahallaCode}`)
  const dueList = (where: ReturnType<typeof sql.and>, page: Worklist.PageRequest | undefined) => {
    const limit = clamp(page?.limit)
    const after =
      page?.after === undefined
        ? sql`true`
        : page.after.dueAt === null
          ? sql`false` // appeals without a due time are never overdue or soon due
          : sql`(due_at, appeal_id) > (${page.after.dueAt}::timestamptz, ${page.after.appealId})`
    return Effect.map(
      sql`SELECT state, due_at, appeal_id FROM murojaat.appeal
        WHERE is_open AND due_at IS NOT NULL AND ${where} AND ${after}
        ORDER BY due_at, appeal_id LIMIT ${limit + 1}`.pipe(Effect.flatMap(rowsOf), orCorrupt("Worklist", "due list")),
      (rows) => toPage(rows, limit)
    ).pipe(run)
  }
  return {
    worklist: (officerId, page) => {
      const limit = clamp(page?.limit)
      const after =
        page?.after === undefined
          ? sql`true`
          : sql`(coalesce(due_at, 'infinity'::timestamptz), appeal_id) > (${page.after.dueAt ?? "infinity"}::timestamptz, ${page.after.appealId})`
      return Effect.map(
        sql`SELECT state, due_at, appeal_id FROM murojaat.appeal
          WHERE is_open AND assignee_id = ${officerId} AND ${after}
          ORDER BY coalesce(due_at, 'infinity'::timestamptz), appeal_id LIMIT ${limit + 1}`.pipe(Effect.flatMap(rowsOf), orCorrupt("Worklist", "worklist")),
        (rows) => toPage(rows, limit)
      ).pipe(run)
    },
    overdue: (area, now, page) => dueList(sql.and([areaClause(area), sql`due_at < ${now}::timestamptz`]), page),
    soonDue: (area, now, until, page) => dueList(sql.and([areaClause(area), sql`due_at >= ${now}::timestamptz`, sql`due_at <= ${until}::timestamptz`]), page)
  }
})

/**
 * The worklist over the `SqlClient` in context.
 *
 * @example
 * import { PgWorklist } from "@murojaat/postgres"
 * PgWorklist.layer
 */
export const layer: Layer.Layer<Worklist.Worklist, never, SqlClient.SqlClient> = Layer.effect(Worklist.Worklist, make)
