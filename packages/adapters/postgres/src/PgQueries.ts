/**
 * The queries an inspector and his chief need, beyond `AppealStore.query`, each served by an
 * index of `migrations/0001_appeals.sql` and paged by keyset (never OFFSET):
 *
 * - `worklist`: an officer's open appeals, the one falling due first on top, those with no due
 *   time last (`appeal_worklist_idx`);
 * - `overdue` and `soonDue`: open appeals past or near their due time in a district or a mahalla
 *   (`appeal_due_district_idx`, `appeal_due_mahalla_idx`);
 * - `byContact`: appeals whose applicant has this phone or e-mail (personal data table);
 * - the history of an appeal is `AppealStore.events` (primary key `(appeal_id, seq)`).
 *
 * @example
 * import { PgQueries } from "@murojaat/postgres"
 * import { Effect } from "effect"
 * const mine = Effect.flatMap(PgQueries.PgQueries, (q) => q.worklist("O-17", { limit: 20 }))
 */
import { SqlClient } from "@effect/sql"
import type { AppealState, Errors } from "@murojaat/core"
import { Context, Effect, Layer } from "effect"
import { orStoreError } from "./internal/errors.js"
import { contactKeys } from "./PgStore.js"

/** Where a due-time ordered page ended: pass it back as `after` for the next page. */
export interface DueCursor {
  /** ISO instant, or `null` for appeals with no due time (they sort last). */
  readonly dueAt: string | null
  readonly appealId: string
}

/** A page ordered by due time. */
export interface DuePage {
  readonly items: ReadonlyArray<AppealState.AppealState>
  readonly next: DueCursor | undefined
}

/** Where: one district or one mahalla. */
export type Area = { readonly districtCode: string } | { readonly mahallaCode: string }

/** The query operations. */
export interface Service {
  readonly worklist: (officerId: string, page?: { readonly after?: DueCursor; readonly limit?: number }) => Effect.Effect<DuePage, Errors.StoreError>
  /** Open appeals whose due time is before `now`. */
  readonly overdue: (area: Area, now: string, page?: { readonly after?: DueCursor; readonly limit?: number }) => Effect.Effect<DuePage, Errors.StoreError>
  /** Open appeals due from `now` to `until`. */
  readonly soonDue: (
    area: Area,
    now: string,
    until: string,
    page?: { readonly after?: DueCursor; readonly limit?: number }
  ) => Effect.Effect<DuePage, Errors.StoreError>
  /** Appeals whose applicant's phone (any formatting) or e-mail (any case) is this. */
  readonly byContact: (contact: { readonly phone?: string; readonly email?: string }, limit?: number) => Effect.Effect<ReadonlyArray<AppealState.AppealState>, Errors.StoreError>
}

/**
 * The query service.
 *
 * @example
 * import { PgQueries } from "@murojaat/postgres"
 * PgQueries.PgQueries.key // "@murojaat/postgres/PgQueries"
 */
export class PgQueries extends Context.Tag("@murojaat/postgres/PgQueries")<PgQueries, Service>() {}

const clamp = (limit: number | undefined) => Math.max(1, Math.min(limit ?? 50, 1000))

interface Row {
  readonly state: AppealState.AppealState
  readonly due_at: Date | null
  readonly appeal_id: string
}

const toPage = (rows: ReadonlyArray<Row>, limit: number): DuePage => {
  const page = rows.slice(0, limit)
  const last = page[page.length - 1]
  return {
    items: page.map((r) => r.state),
    next: rows.length > limit && last !== undefined ? { dueAt: last.due_at === null ? null : last.due_at.toISOString(), appealId: last.appeal_id } : undefined
  }
}

/**
 * The queries over the `SqlClient` in context.
 *
 * @example
 * import { PgQueries } from "@murojaat/postgres"
 * const queries = PgQueries.make
 */
export const make: Effect.Effect<Service, never, SqlClient.SqlClient> = Effect.map(SqlClient.SqlClient, (sql) => {
  const run = orStoreError("PgQueries")
  const areaClause = (area: Area) => ("districtCode" in area ? sql`district_code = ${area.districtCode}` : sql`mahalla_code = ${area.mahallaCode}`)
  const dueList = (where: ReturnType<typeof sql.and>, page: { readonly after?: DueCursor; readonly limit?: number } | undefined) => {
    const limit = clamp(page?.limit)
    const after = page?.after === undefined ? sql`true` : sql`(due_at, appeal_id) > (${page.after.dueAt}::timestamptz, ${page.after.appealId})`
    return Effect.map(
      sql<Row>`SELECT state, due_at, appeal_id FROM murojaat.appeal
        WHERE is_open AND due_at IS NOT NULL AND ${where} AND ${after}
        ORDER BY due_at, appeal_id LIMIT ${limit + 1}`,
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
        sql<Row>`SELECT state, due_at, appeal_id FROM murojaat.appeal
          WHERE is_open AND assignee_id = ${officerId} AND ${after}
          ORDER BY coalesce(due_at, 'infinity'::timestamptz), appeal_id LIMIT ${limit + 1}`,
        (rows) => toPage(rows, limit)
      ).pipe(run)
    },
    overdue: (area, now, page) => dueList(sql.and([areaClause(area), sql`due_at < ${now}::timestamptz`]), page),
    soonDue: (area, now, until, page) => dueList(sql.and([areaClause(area), sql`due_at >= ${now}::timestamptz`, sql`due_at < ${until}::timestamptz`]), page),
    byContact: (contact, limit) => {
      const keys = contactKeys(contact)
      const clauses = [
        keys.phone === null ? undefined : sql`p.contact_phone = ${keys.phone}`,
        keys.email === null ? undefined : sql`p.contact_email = ${keys.email}`
      ].filter((c) => c !== undefined)
      if (clauses.length === 0) return Effect.succeed([])
      return Effect.map(
        sql<{ state: AppealState.AppealState }>`SELECT a.state FROM murojaat.appeal_personal p JOIN murojaat.appeal a USING (appeal_id)
          WHERE ${sql.or(clauses)} ORDER BY a.appeal_id LIMIT ${clamp(limit)}`,
        (rows) => rows.map((r) => r.state)
      ).pipe(run)
    }
  }
})

/**
 * The query service over the `SqlClient` in context.
 *
 * @example
 * import { PgQueries } from "@murojaat/postgres"
 * PgQueries.layer
 */
export const layer: Layer.Layer<PgQueries, never, SqlClient.SqlClient> = Layer.effect(PgQueries, make)
