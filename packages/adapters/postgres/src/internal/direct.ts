// The two statements every submission sends (the reservation and the commit) go straight to the
// pool's `pg` clients instead of through @effect/sql's statement machinery (its compiler, its
// span, its per-statement connection bookkeeping): in a same-process A/B (postgres/bench/submit)
// that machinery was about 0.25 ms of client CPU per statement, a quarter of a submission's
// (2.15 -> 1.63 ms). What is sent is the same text with the same parameters on the same pool
// (named prepared statements included), and a failure is the same `SqlError` with the server's
// error as its cause, so the callers' handling of refusals and errors does not change. What is
// lost is the statement's tracing span.
//
// Only where it is safe: inside a caller's transaction (`SqlClient.withTransaction`) the statement
// must run on the transaction's connection, so it goes through @effect/sql; and a client this
// module was not told the pool of (a `SqlClient` made elsewhere) goes through @effect/sql too.
import { SqlClient } from "@effect/sql"
import { SqlError } from "@effect/sql/SqlError"
import { Effect, Option } from "effect"
import pg from "pg"

const pools = new WeakMap<SqlClient.SqlClient, pg.Pool>()

// A `pg` client emits `error` when its connection ends unexpectedly (a server killed, a network
// cut), besides failing the query in flight; the pool listens only while the client is idle, and an
// `error` nobody listens to ends the process. So a client this module takes gets a listener of its
// own, once: the query's callback already reports the failure, and the pool drops the client.
const guarded = new WeakSet<pg.PoolClient>()
const ignore = (): void => {}

/** Tells this module the pool behind `sql` (`PgStore.layerClient` does, for the pools it makes). */
export const register = (sql: SqlClient.SqlClient, pool: pg.Pool): void => void pools.set(sql, pool)

/** True inside a caller's transaction (the statement must then use its connection). */
export const inTransaction: Effect.Effect<boolean> = Effect.map(Effect.serviceOption(SqlClient.TransactionConnection), Option.isSome)

/** True when statements on `sql` go to its pool directly: the pool is known and no transaction is open. */
export const direct = (sql: SqlClient.SqlClient): Effect.Effect<boolean> => Effect.map(inTransaction, (transaction) => !transaction && pools.has(sql))

// An error the server answered for a statement (a refusal, a constraint): the session goes on.
// Anything else means the connection broke, or the server ended the session (a FATAL or PANIC
// answer, such as pg_terminate_backend's, comes just before the connection closes).
const answeredBy = (cause: unknown): boolean => cause instanceof pg.DatabaseError && cause.severity !== "FATAL" && cause.severity !== "PANIC"

/**
 * True when the statement failed because the server refused it (it wrote nothing, and the
 * connection is usable), not because the connection broke.
 */
export const answered = (e: SqlError): boolean => answeredBy(e.cause)

/** A statement to send: its text and parameters. */
export interface Statement {
  readonly text: string
  readonly params: ReadonlyArray<unknown>
}

/**
 * The rows of `text` with `params`: on the pool directly when it is known and no transaction is
 * open, else through `sql.unsafe`.
 */
export const rows = (sql: SqlClient.SqlClient, text: string, params: ReadonlyArray<unknown>): Effect.Effect<ReadonlyArray<unknown>, SqlError> =>
  rowsOf(sql, () => ({ text, params }))

/**
 * As `rows`, with the statement built only when it is about to be sent (on the pool directly:
 * once a connection is free); `build` answering undefined sends nothing and answers no rows.
 */
export const rowsOf = (sql: SqlClient.SqlClient, build: () => Statement | undefined): Effect.Effect<ReadonlyArray<unknown>, SqlError> =>
  Effect.flatMap(inTransaction, (transaction) => {
    const pool = pools.get(sql)
    if (transaction || pool === undefined) {
      return Effect.suspend(() => {
        const statement = build()
        return statement === undefined ? Effect.succeed([]) : sql.unsafe(statement.text, statement.params)
      })
    }
    // A caller interrupted while it waits for a connection sends nothing. One interrupted after
    // the statement was sent stops waiting, and the statement ends on its own (a commit is then
    // made or not, as when an answer is lost on the way); the connection goes back to the pool
    // when it does.
    return Effect.async<ReadonlyArray<unknown>, SqlError>((resume) => {
      let interrupted = false
      pool.connect((connectError, client, release) => {
        if (connectError !== undefined && connectError !== null) {
          return resume(Effect.fail(new SqlError({ cause: connectError, message: "Failed to acquire connection" })))
        }
        if (!guarded.has(client!)) {
          client!.on("error", ignore)
          guarded.add(client!)
        }
        let statement: Statement | undefined
        try {
          statement = interrupted ? undefined : build()
        } catch (defect) {
          release()
          return resume(Effect.die(defect))
        }
        if (statement === undefined) {
          release()
          return interrupted ? undefined : resume(Effect.succeed([]))
        }
        client!.query(statement.text, statement.params as Array<unknown>, (cause: Error | null | undefined, result: pg.QueryResult | undefined) => {
          // A connection the server answered an error on goes back to the pool; any other failure
          // closes it, as `pg` does with an error given to `release`.
          const failed = cause !== null && cause !== undefined
          const usable = !failed || answeredBy(cause)
          release(usable ? undefined : cause)
          resume(failed ? Effect.fail(new SqlError({ cause, message: "Failed to execute statement" })) : Effect.succeed(result?.rows ?? []))
        })
      })
      return Effect.sync(() => {
        interrupted = true
      })
    })
  })
