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
import { Effect, Exit, Layer, Option, Schema } from "effect"
import type { ParseError } from "effect/ParseResult"
import type { SqlError } from "@effect/sql/SqlError"
import * as Direct from "./internal/direct.js"
import * as Group from "./internal/group.js"
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
const aloneText = Prepared.register(statementText(true))
// In a caller's transaction: as the caller's settings say.
const inTransaction = Prepared.register(statementText(false))

// What the statement answers for one request.
const Row = Schema.Struct({
  found: Schema.Boolean,
  fingerprint: Schema.NullOr(Schema.String),
  response: Schema.Unknown,
  number: Schema.NullOr(Schema.Int),
  workload: Schema.NullOr(Schema.Array(Schema.Tuple(Schema.String, Schema.NullOr(Appeal.Priority), Schema.Int)))
})

// Exactly one row: anything else does not decode, and is reported as corrupt.
const decodeRows = Schema.decodeUnknown(Schema.Tuple(Row))

// Several reservations in one statement (group commit, internal/group.ts): one row per request,
// in the requests' order (n). $1 keys, $2 districts of the numbers, $3 their years, $4 districts
// of the workloads (one array each, NULL where a request has none), $5 the workloads' statuses
// (the same for every request of a group: the group's shape). Each district's counter row is
// advanced once, by the number of requests that take a number there, and those requests get its
// numbers in their order; a request with a record under its key takes nothing, as alone.
const groupText = Prepared.register(`WITH r AS (
  SELECT * FROM unnest($1::text[], $2::text[], $3::int[], $4::text[]) WITH ORDINALITY AS r(key, reg, year, load, n)
), prior AS (
  SELECT r.n, i.fingerprint, i.response FROM r JOIN murojaat.idempotency i ON i.key = r.key
), taking AS (
  SELECT r.n, r.reg, r.year, row_number() OVER (PARTITION BY r.reg, r.year ORDER BY r.n) AS k, count(*) OVER (PARTITION BY r.reg, r.year) AS of
  FROM r WHERE r.reg IS NOT NULL AND r.n NOT IN (SELECT n FROM prior)
), reg AS (
  INSERT INTO murojaat.registration_counter AS c (district_code, year, last_number)
  SELECT reg, year, count(*)::int FROM taking GROUP BY reg, year ORDER BY reg COLLATE "C", year
  ON CONFLICT (district_code, year) DO UPDATE SET last_number = c.last_number + excluded.last_number
  RETURNING district_code, year, last_number
), load AS (
  SELECT w.district_code AS d, json_agg(json_build_array(w.assignee_id, w.priority, w.count)) AS workload FROM (
    SELECT district_code, assignee_id, nullif(priority, '') AS priority, sum(appeals)::int AS count
    FROM murojaat.appeal_workload
    WHERE district_code IN (SELECT load FROM r WHERE load IS NOT NULL AND n NOT IN (SELECT n FROM prior))
      AND status = ANY($5::text[]) AND appeals > 0
    GROUP BY district_code, assignee_id, priority
  ) w GROUP BY w.district_code
)
SELECT r.n, p.n IS NOT NULL AS found, set_config('synchronous_commit', 'off', true) AS asynchronous,
  p.fingerprint, p.response, (g.last_number - t.of + t.k)::int AS number,
  CASE WHEN r.load IS NULL OR p.n IS NOT NULL THEN NULL ELSE coalesce(l.workload, '[]'::json) END AS workload
FROM r LEFT JOIN prior p ON p.n = r.n LEFT JOIN taking t ON t.n = r.n
  LEFT JOIN reg g ON g.district_code = t.reg AND g.year = t.year LEFT JOIN load l ON l.d = r.load
ORDER BY r.n`)

// One row of a group's answer: its position, then what a reservation alone answers.
const decodeGroupRows = Schema.decodeUnknown(Schema.Array(Schema.Struct({ n: Schema.NumberFromString, ...Row.fields })))

// Key columns hold the exact values; a NUL (which PostgreSQL text cannot hold) is kept visible.
const keyText = (s: string): string => (s.includes("\u0000") ? s.replaceAll("\u0000", "\uFFFD") : s)

/** Options of the reservation. */
export interface Options {
  /**
   * Group commit (as `PgStore.PortOptions.commitsInFlight`): how many reservation statements may be
   * on their way at once; reservations that arrive while that many are out go together in one
   * statement when one comes back. Default 1; 0 sends each alone, at once. Inside a caller's
   * transaction, or on an `SqlClient` whose pool the adapter did not make, never grouped.
   */
  readonly reservationsInFlight?: number | undefined
  /** Reservations in one statement, at most. Default 32. */
  readonly reservationGroupSize?: number | undefined
}

// A request as the statement's parameters: key, district of the number, its year, district of the
// workloads, their statuses.
type Params = readonly [string | null, string | null, number | null, string | null, ReadonlyArray<string>]
type Answer = typeof Row.Type

/**
 * The reservation over the `SqlClient` in context (a migrated database), with the options' group
 * commit.
 *
 * @example
 * import { PgReservation } from "@murojaat/postgres"
 * const reservation = PgReservation.makeWith({ reservationsInFlight: 0 })
 */
export const makeWith = (options: Options = {}): Effect.Effect<Reservation.Service, never, SqlClient.SqlClient> => Effect.map(SqlClient.SqlClient, (sql) => {
  // One request alone: on the caller's transaction if there is one (committed as it says), else
  // its own, without a flush wait.
  const alone = (params: Params): Effect.Effect<Answer, SqlError | ParseError> =>
    Direct.inTransaction.pipe(
      Effect.flatMap((transaction) => (transaction ? sql.unsafe(inTransaction, params) : Direct.rows(sql, aloneText, params))),
      Effect.flatMap(decodeRows),
      Effect.map(([row]) => row)
    )
  const inFlight = Math.floor(options.reservationsInFlight ?? 1)
  // A group the server refuses (an error it answers for the statement, which then took nothing) is
  // sent again one request at a time; a broken connection is every request's failure, as alone.
  const grouped = inFlight <= 0 ? undefined : Group.make<Params, SqlError | ParseError, Answer>({
    concurrency: inFlight,
    size: options.reservationGroupSize ?? 32,
    shape: (params) => params[4].join(","),
    claims: () => [],
    send: (group) => {
      const each = ({ item, wanted }: Group.Sent<Params>) => (wanted() ? Effect.exit(alone(item)) : Effect.succeed(Exit.die(new Error("not wanted"))))
      if (group.length === 1) return Effect.map(each(group[0]!), (exit) => [exit])
      let sent: ReadonlyArray<Group.Sent<Params>> = []
      return Direct.rowsOf(sql, () => {
        sent = group.filter((g) => g.wanted())
        if (sent.length === 0) return undefined
        const column = (k: 0 | 1 | 2 | 3) => sent.map((g) => g.item[k])
        return { text: groupText, params: [column(0), column(1), column(2), column(3), group[0]!.item[4]] }
      }).pipe(
        Effect.flatMap(decodeGroupRows),
        Effect.map((rows) =>
          // Each wanted request its row (by position); one left out gets an outcome no one reads.
          group.map((g): Exit.Exit<Answer, SqlError | ParseError> => {
            const k = sent.indexOf(g)
            const row = k < 0 ? undefined : rows.find((r) => r.n === k + 1)
            return row === undefined ? Exit.die(new Error(`reservation group: no row for request ${k + 1} of ${sent.length}`)) : Exit.succeed(row)
          })
        ),
        Effect.catchAll((e) =>
          e._tag === "SqlError" && Direct.answered(e)
            ? Effect.forEach(group, each, { concurrency: "unbounded" })
            : Effect.succeed(group.map(() => Exit.fail(e)))
        )
      )
    }
  })
  return {
    reserve: (request) => {
      const { registration, workload } = request
      // A key no store can hold was never stored (as `IdempotencyStore.lookup` answers).
      const key = request.idempotencyKey !== undefined && StoreKey.isStorable(request.idempotencyKey) ? request.idempotencyKey : null
      const year = registration === undefined ? null : IdGenerator.tashkentYear(registration.at)
      if (registration !== undefined && !Number.isInteger(year)) {
        return Effect.fail(new Errors.StoreError({ port: PORT, reason: "invalidInput", detail: "the registration time is not an ISO 8601 instant" }))
      }
      const params: Params = [
        key,
        registration === undefined ? null : keyText(registration.districtCode),
        year,
        workload === undefined ? null : keyText(workload.districtCode),
        workload === undefined ? [] : [...workload.status]
      ]
      const answered = grouped === undefined ? alone(params) : Effect.flatMap(Direct.direct(sql), (direct) => (direct ? grouped(params) : alone(params)))
      return answered.pipe(
        orCorrupt(PORT, "reservation"),
        Effect.flatMap((row): Effect.Effect<Reservation.Reserved, Errors.StoreError> => {
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
  }
})

/**
 * The reservation over the `SqlClient` in context (a migrated database), with the default group
 * commit.
 *
 * @example
 * import { PgReservation } from "@murojaat/postgres"
 * const reservation = PgReservation.make
 */
export const make: Effect.Effect<Reservation.Service, never, SqlClient.SqlClient> = makeWith()

/**
 * `make` as the `Reservation` layer (part of `PgStore.layerFromClient`).
 *
 * @example
 * import { PgReservation } from "@murojaat/postgres"
 * import { Layer } from "effect"
 * Layer.isLayer(PgReservation.layer) // true
 */
export const layer: Layer.Layer<Reservation.Reservation, never, SqlClient.SqlClient> = Layer.effect(Reservation.Reservation, make)

/**
 * `makeWith(options)` as the `Reservation` layer.
 *
 * @example
 * import { PgReservation } from "@murojaat/postgres"
 * import { Layer } from "effect"
 * Layer.isLayer(PgReservation.layerWith({ reservationsInFlight: 4 })) // true
 */
export const layerWith = (options: Options): Layer.Layer<Reservation.Reservation, never, SqlClient.SqlClient> => Layer.effect(Reservation.Reservation, makeWith(options))
