// The freshness stamps of the calendar and the directory rows, read together in one statement
// and shared by concurrent callers (single flight), for both stores over the same SqlClient.
import type { SqlClient } from "@effect/sql"
import type { SqlError } from "@effect/sql/SqlError"
import { Effect } from "effect"
import { singleFlight } from "./shared.js"

/** When each row was last written (`updated_at`, `replaced_at` as text); undefined: no row yet. */
export interface Stamps {
  readonly calendar: string | undefined
  readonly directory: string | undefined
}

const readers = new WeakMap<SqlClient.SqlClient, Effect.Effect<Stamps, SqlError>>()

/**
 * The shared stamp read of `sql`: one statement for both rows; a caller arriving while a read is
 * in flight waits for it. So a replacement made by any instance is seen by the requests that
 * start after the next read completes (a request that joined a read in flight may not see a
 * replacement committed meanwhile, as a request may not see one committed between its read and
 * its commit).
 */
export const of = (sql: SqlClient.SqlClient): Effect.Effect<Stamps, SqlError> => {
  let reader = readers.get(sql)
  if (reader === undefined) {
    const row = sql<{ calendar: string | null; directory: string | null }>`SELECT
      (SELECT updated_at::text FROM murojaat.calendar WHERE id = 1) AS calendar,
      (SELECT replaced_at::text FROM murojaat.directory WHERE id = 1) AS directory`
    reader = singleFlight(Effect.map(row, (rows): Stamps => ({ calendar: rows[0]?.calendar ?? undefined, directory: rows[0]?.directory ?? undefined })))
    readers.set(sql, reader)
  }
  return reader
}
