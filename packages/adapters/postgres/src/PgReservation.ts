/**
 * The reservation of a submission (`Reservation` in @murojaat/core) in one statement, one round
 * trip instead of three: the idempotency record under the key; when there is none, the district's
 * next registration number (the counter row `IdGenerator.registrationNumber` uses) and its
 * workloads (the counts of migration 0010, as `AppealStore.workload` reads them). When a record
 * exists the counter is not touched: a retry uses up no number.
 *
 * The statement's parts see one snapshot; the counter's upsert waits for a concurrent writer of
 * the same row and adds to what it committed, as the separate statement did.
 *
 * Sent on its own (not inside a transaction of the caller's), the statement commits without waiting
 * for its WAL to be flushed (`synchronous_commit` off for its own transaction only). The counter's
 * row stays locked until its transaction ends, so a flush wait there made every submission of a
 * district wait for the previous one's flush: one flush at a time, whatever the number of
 * connections. Durability is not weakened where it matters: PostgreSQL writes and flushes its WAL in
 * order, so the appeal's commit, which is flushed before the service answers, flushes the counter's
 * increment with it. A number that reached a stored appeal is never lost; after a crash, a number
 * whose appeal never committed may be handed out again, which leaves no duplicate (and the unique
 * index of migration 0003 stays the last guard). Inside a caller's transaction nothing changes: the
 * transaction commits as the caller's settings say.
 *
 * @example
 * import { PgReservation } from "@murojaat/postgres"
 * const reservation = PgReservation.make
 */
import { SqlClient } from "@effect/sql"
import { Appeal, AppealStore, Errors, IdGenerator, Reservation, StoreKey } from "@murojaat/core"
import { Effect, Layer, Option, Schema } from "effect"
import * as Direct from "./internal/direct.js"
import * as Prepared from "./internal/prepared.js"
import { corrupt, orStoreError } from "./internal/errors.js"
import { orCorrupt } from "./internal/rows.js"

const PORT = "Reservation"

// $1 key (NULL: none), $2 district of the number (NULL: no number), $3 its Tashkent year,
// $4 district of the workloads (NULL: none), $5 their statuses.
const statementText = (asynchronous: boolean) => `WITH prior AS (
  SELECT fingerprint, response FROM murojaat.idempotency WHERE key = $1::text
), reg AS (
  INSERT INTO murojaat.registration_counter AS c (district_code, year, last_number)
  SELECT $2::text, $3::int, 1 WHERE $2::text IS NOT NULL AND NOT EXISTS (SELECT 1 FROM prior)
  ON CONFLICT (district_code, year) DO UPDATE SET last_number = c.last_number + 1
  RETURNING last_number
), load AS (
  SELECT assignee_id, nullif(priority, '') AS priority, sum(appeals)::int AS count
  FROM murojaat.appeal_workload
  WHERE $4::text IS NOT NULL AND NOT EXISTS (SELECT 1 FROM prior)
    AND district_code = $4::text AND status = ANY($5::text[]) AND appeals > 0
  GROUP BY assignee_id, priority
)
SELECT EXISTS (SELECT 1 FROM prior) AS found,${asynchronous ? "\n  set_config('synchronous_commit', 'off', true) AS asynchronous," : ""}
  (SELECT fingerprint FROM prior) AS fingerprint,
  (SELECT response FROM prior) AS response,
  (SELECT last_number FROM reg) AS number,
  CASE WHEN $4::text IS NULL OR EXISTS (SELECT 1 FROM prior) THEN NULL
    ELSE (SELECT coalesce(json_agg(json_build_array(assignee_id, priority, count)), '[]'::json) FROM load) END AS workload`

// On its own: its transaction is the statement's, committed without a flush wait (see above).
const alone = Prepared.register(statementText(true))
// In a caller's transaction: as the caller's settings say.
const inTransaction = Prepared.register(statementText(false))

// Exactly one row: anything else does not decode, and is reported as corrupt.
const decodeRows = Schema.decodeUnknown(
  Schema.Tuple(
    Schema.Struct({
      found: Schema.Boolean,
      fingerprint: Schema.NullOr(Schema.String),
      response: Schema.Unknown,
      number: Schema.NullOr(Schema.Int),
      workload: Schema.NullOr(Schema.Array(Schema.Tuple(Schema.String, Schema.NullOr(Appeal.Priority), Schema.Int)))
    })
  )
)

// Key columns hold the exact values; a NUL (which PostgreSQL text cannot hold) is kept visible.
const keyText = (s: string): string => (s.includes("\u0000") ? s.replaceAll("\u0000", "\uFFFD") : s)

/**
 * The reservation over the `SqlClient` in context (a migrated database).
 *
 * @example
 * import { PgReservation } from "@murojaat/postgres"
 * const reservation = PgReservation.make
 */
export const make: Effect.Effect<Reservation.Service, never, SqlClient.SqlClient> = Effect.map(SqlClient.SqlClient, (sql) => ({
  reserve: (request) => {
    const { registration, workload } = request
    // A key no store can hold was never stored (as `IdempotencyStore.lookup` answers).
    const key = request.idempotencyKey !== undefined && StoreKey.isStorable(request.idempotencyKey) ? request.idempotencyKey : null
    const year = registration === undefined ? null : IdGenerator.tashkentYear(registration.at)
    if (registration !== undefined && !Number.isInteger(year)) {
      return Effect.fail(new Errors.StoreError({ port: PORT, reason: "invalidInput", detail: "the registration time is not an ISO 8601 instant" }))
    }
    const params = [
      key,
      registration === undefined ? null : keyText(registration.districtCode),
      year,
      workload === undefined ? null : keyText(workload.districtCode),
      workload === undefined ? [] : [...workload.status]
    ]
    return Direct.inTransaction.pipe(
      Effect.flatMap((transaction) => (transaction ? sql.unsafe(inTransaction, params) : Direct.rows(sql, alone, params))),
      Effect.flatMap(decodeRows),
      orCorrupt(PORT, "reservation"),
      Effect.flatMap(([row]): Effect.Effect<Reservation.Reserved, Errors.StoreError> => {
        if (row.found) {
          if (row.fingerprint === null) return Effect.fail(corrupt(PORT, "an idempotency record without a fingerprint"))
          return Effect.succeed({ prior: Option.some({ fingerprint: row.fingerprint, response: row.response }), registrationNumber: undefined, workload: undefined })
        }
        if (registration !== undefined && row.number === null) return Effect.fail(corrupt(PORT, "the registration counter returned no number"))
        return Effect.succeed({
          prior: Option.none(),
          registrationNumber: registration === undefined ? undefined : IdGenerator.formatRegistration(registration.districtCode, year!, row.number!),
          workload:
            row.workload === null
              ? undefined
              : AppealStore.sortWorkload(row.workload.map(([officerId, priority, count]) => ({ officerId, count, ...(priority !== null ? { priority } : {}) })))
        })
      }),
      orStoreError(PORT)
    )
  }
}))

/**
 * `make` as the `Reservation` layer (part of `PgStore.layerFromClient`).
 *
 * @example
 * import { PgReservation } from "@murojaat/postgres"
 * import { Layer } from "effect"
 * Layer.isLayer(PgReservation.layer) // true
 */
export const layer: Layer.Layer<Reservation.Reservation, never, SqlClient.SqlClient> = Layer.effect(Reservation.Reservation, make)
