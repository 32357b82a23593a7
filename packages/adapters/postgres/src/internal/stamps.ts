// The freshness stamps of the calendar and the directory rows, read together in one statement
// and shared by concurrent callers (single flight), for both stores over the same SqlClient; kept
// between reads while the pool's freshness listener is up and no change was notified since.
import { SqlClient } from "@effect/sql"
import type { SqlError } from "@effect/sql/SqlError"
import { Effect, Option } from "effect"
import * as Freshness from "./freshness.js"

/** When each row was last written (`updated_at`, `replaced_at` as text); undefined: no row yet. */
export interface Stamps {
  readonly calendar: string | undefined
  readonly directory: string | undefined
}

const readers = new WeakMap<SqlClient.SqlClient, Effect.Effect<Stamps, SqlError>>()

/**
 * The shared stamp read of `sql`: one statement for both rows; a caller arriving while a read is
 * in flight waits for it. Where `sql`'s pool has a freshness listener (`PgStore.layerClient`,
 * `listenForChanges`) that is up, a read is kept until the listener receives a change's
 * notification (or loses its connection), and callers meanwhile send no statement: a decree or a
 * replacement by another instance is seen once its notification has arrived. Without a working
 * listener, a replacement made by any instance is seen by the requests that start after the next
 * read completes (a request that joined a read in flight may not see a replacement committed
 * meanwhile, as a request may not see one committed between its read and its commit). Inside a
 * transaction the stamps are read on its connection, neither shared nor kept.
 */
export const of = (sql: SqlClient.SqlClient): Effect.Effect<Stamps, SqlError> => {
  let reader = readers.get(sql)
  if (reader === undefined) {
    const row = Effect.map(
      sql<{ calendar: string | null; directory: string | null }>`SELECT
      (SELECT updated_at::text FROM murojaat.calendar WHERE id = 1) AS calendar,
      (SELECT replaced_at::text FROM murojaat.directory WHERE id = 1) AS directory`,
      (rows): Stamps => ({ calendar: rows[0]?.calendar ?? undefined, directory: rows[0]?.directory ?? undefined })
    )
    // What a transaction reads may not be committed (or may be rolled back): not for other callers.
    const shared = Freshness.cached(() => Freshness.of(sql), row)
    const read = Effect.flatMap(Effect.serviceOption(SqlClient.TransactionConnection), Option.match({ onNone: () => shared, onSome: () => row }))
    reader = read
    readers.set(sql, read)
  }
  return reader
}

/**
 * After a commit through `sql` that changed the calendar or the directory: this instance's next
 * stamp read goes to the database (its own change is seen at once, not when its notification
 * comes back).
 */
export const changed = (sql: SqlClient.SqlClient): Effect.Effect<void> => Freshness.changed(sql)
