/**
 * Queries of the PostgreSQL adapter beyond the core's ports: search by the applicant's contact
 * (phone in any formatting, e-mail in any case), over the personal-data table and its indexes. The
 * due-ordered queries are the core's `Worklist` port (`PgWorklist`); the history of an appeal is
 * `AppealStore.events` (primary key `(appeal_id, seq)`).
 *
 * @example
 * import { PgQueries } from "@murojaat/postgres"
 * import { Effect } from "effect"
 * const found = Effect.flatMap(PgQueries.PgQueries, (q) => q.byContact({ phone: "+998 90 123 45 67" }))
 */
import { SqlClient } from "@effect/sql"
import type { AppealState, Errors } from "@murojaat/core"
import { Context, Effect, Layer, Schema } from "effect"
import { orStoreError } from "./internal/errors.js"
import { decodeRows, orCorrupt, StateDocument } from "./internal/rows.js"
import { contactKeys } from "./PgStore.js"

/** The query operations. */
export interface Service {
  /** Appeals whose applicant's phone (any formatting) or e-mail (any case) is this, by appeal id. */
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

/**
 * The queries over the `SqlClient` in context.
 *
 * @example
 * import { PgQueries } from "@murojaat/postgres"
 * const queries = PgQueries.make
 */
const states = decodeRows(Schema.Struct({ state: StateDocument }))

export const make: Effect.Effect<Service, never, SqlClient.SqlClient> = Effect.map(SqlClient.SqlClient, (sql) => ({
  byContact: (contact, limit) => {
    const keys = contactKeys(contact)
    const clauses = [
      keys.phone === null ? undefined : sql`p.contact_phone = ${keys.phone}`,
      keys.email === null ? undefined : sql`p.contact_email = ${keys.email}`
    ].filter((c) => c !== undefined)
    if (clauses.length === 0) return Effect.succeed([])
    return Effect.map(
      sql`SELECT a.state FROM murojaat.appeal_personal p JOIN murojaat.appeal a USING (appeal_id)
        WHERE ${sql.or(clauses)} ORDER BY a.appeal_id LIMIT ${Math.max(1, Math.min(limit ?? 50, 1000))}`.pipe(
        Effect.flatMap(states),
        orCorrupt("PgQueries", "appeals by contact")
      ),
      (rows) => rows.map((r) => r.state)
    ).pipe(orStoreError("PgQueries"))
  }
}))

/**
 * The query service over the `SqlClient` in context.
 *
 * @example
 * import { PgQueries } from "@murojaat/postgres"
 * PgQueries.layer
 */
export const layer: Layer.Layer<PgQueries, never, SqlClient.SqlClient> = Layer.effect(PgQueries, make)
