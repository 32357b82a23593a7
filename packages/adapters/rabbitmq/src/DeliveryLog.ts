/**
 * The record of what was sent once: applicant notices and deadline warnings. A worker `claim`s an
 * id before it sends (a lease, like the outbox's), then `complete`s it (`sent`, `skipped` with
 * nobody to send to, `failed` for good) or `release`s it to try again. So with several workers
 * each notice is sent by one of them; a worker that dies after sending and before recording lets
 * its lease run out, and the notice is sent again with the same id (receivers deduplicate by it).
 *
 * Adapters: in memory (`layerMemory`) and SQL (`layerSql`, PostgreSQL table `murojaat.delivery`
 * of `@murojaat/postgres`'s migration 0006). Records hold ids, codes and states only.
 *
 * @example
 * import { DeliveryLog } from "@murojaat/rabbitmq"
 * import { Effect } from "effect"
 * const program = Effect.flatMap(DeliveryLog.DeliveryLog, (log) => log.claim({ id: "notice:A-1#2", appealId: "A-1", kind: "registered", channel: "smtp" }, 0, 30_000))
 * Effect.runSync(Effect.provide(program, DeliveryLog.layerMemory())) // "claimed"
 *
 * @since 0.1.0
 */
import { SqlClient } from "@effect/sql"
import { Errors } from "@murojaat/core"
import { Context, Effect, Layer } from "effect"

/**
 * What is recorded of one delivery.
 *
 * @example
 * import type { DeliveryLog } from "@murojaat/rabbitmq"
 * const r: DeliveryLog.Record = { id: "notice:A-1#2", appealId: "A-1", kind: "registered", channel: "smtp", status: "sent", attempts: 1 }
 *
 * @since 0.1.0
 * @category models
 */
export interface Record {
  readonly id: string
  readonly appealId: string
  readonly kind: string
  readonly channel: string
  readonly status: Status
  readonly attempts: number
  readonly lastError?: string | undefined
}

/**
 * A delivery's state: being sent (claimed), sent, skipped (nobody to send to), failed for good.
 *
 * @example
 * import type { DeliveryLog } from "@murojaat/rabbitmq"
 * const s: DeliveryLog.Status = "skipped"
 *
 * @since 0.1.0
 * @category models
 */
export type Status = "sending" | "sent" | "skipped" | "failed"

/**
 * The answer to a claim: yours to send, already done (sent, skipped or failed), or being sent by
 * another worker whose lease runs.
 *
 * @example
 * import type { DeliveryLog } from "@murojaat/rabbitmq"
 * const c: DeliveryLog.Claim = "busy"
 *
 * @since 0.1.0
 * @category models
 */
export type Claim = "claimed" | "done" | "busy"

/**
 * The log's operations. Times are epoch ms from the caller's clock.
 *
 * @example
 * import type { DeliveryLog } from "@murojaat/rabbitmq"
 * const ops = (l: DeliveryLog.Service) => [l.claim, l.complete, l.release, l.records]
 *
 * @since 0.1.0
 * @category models
 */
export interface Service {
  readonly claim: (
    what: { readonly id: string; readonly appealId: string; readonly kind: string; readonly channel: string },
    now: number,
    leaseMillis: number
  ) => Effect.Effect<Claim, Errors.StoreError>
  readonly complete: (id: string, status: Exclude<Status, "sending">, error?: string) => Effect.Effect<void, Errors.StoreError>
  /** Gives a claim back with the error: the next claim may send again. */
  readonly release: (id: string, error: string) => Effect.Effect<void, Errors.StoreError>
  /** The records of an appeal, in id order. */
  readonly records: (appealId: string) => Effect.Effect<ReadonlyArray<Record>, Errors.StoreError>
}

/**
 * The delivery log service.
 *
 * @example
 * import { DeliveryLog } from "@murojaat/rabbitmq"
 * DeliveryLog.DeliveryLog.key // "@murojaat/rabbitmq/DeliveryLog"
 *
 * @since 0.1.0
 * @category tags
 */
export class DeliveryLog extends Context.Tag("@murojaat/rabbitmq/DeliveryLog")<DeliveryLog, Service>() {}

/**
 * The log in memory (tests, demos, one process).
 *
 * @example
 * import { DeliveryLog } from "@murojaat/rabbitmq"
 * DeliveryLog.layerMemory()
 *
 * @since 0.1.0
 * @category layers
 */
export const layerMemory = (): Layer.Layer<DeliveryLog> =>
  Layer.sync(DeliveryLog, () => {
    const rows = new Map<string, Record & { claimedUntil?: number }>()
    return {
      claim: (what, now, leaseMillis) =>
        Effect.sync(() => {
          const row = rows.get(what.id)
          if (row === undefined) {
            rows.set(what.id, { ...what, status: "sending", attempts: 1, claimedUntil: now + leaseMillis })
            return "claimed"
          }
          if (row.status !== "sending") return "done"
          if (row.claimedUntil !== undefined && row.claimedUntil > now) return "busy"
          rows.set(what.id, { ...row, attempts: row.attempts + 1, claimedUntil: now + leaseMillis })
          return "claimed"
        }),
      complete: (id, status, error) =>
        Effect.sync(() => {
          const row = rows.get(id)
          if (row !== undefined) rows.set(id, { ...row, status, claimedUntil: undefined, ...(error !== undefined ? { lastError: error } : {}) })
        }),
      release: (id, error) =>
        Effect.sync(() => {
          const row = rows.get(id)
          if (row !== undefined && row.status === "sending") rows.set(id, { ...row, claimedUntil: undefined, lastError: error })
        }),
      records: (appealId) =>
        Effect.sync(() =>
          [...rows.values()]
            .filter((r) => r.appealId === appealId)
            .sort((a, b) => (a.id < b.id ? -1 : 1))
            .map(({ claimedUntil: _, ...r }) => r)
        )
    }
  })

const storeError = (e: unknown) =>
  new Errors.StoreError({ port: "DeliveryLog", reason: "unavailable", detail: e instanceof Error ? e.message.slice(0, 200) : "SQL error" })

interface Row {
  readonly id: string
  readonly appeal_id: string
  readonly kind: string
  readonly channel: string
  readonly status: Status
  readonly attempts: number
  readonly last_error: string | null
}

/**
 * The log on the `SqlClient` in context: table `murojaat.delivery` (PostgreSQL, migration 0006 of
 * `@murojaat/postgres`). A claim is one statement: insert, or take over a `sending` row whose
 * lease ran out; several workers never both get a claim.
 *
 * @example
 * import { DeliveryLog } from "@murojaat/rabbitmq"
 * DeliveryLog.layerSql // Layer<DeliveryLog, never, SqlClient>
 *
 * @since 0.1.0
 * @category layers
 */
export const layerSql: Layer.Layer<DeliveryLog, never, SqlClient.SqlClient> = Layer.effect(
  DeliveryLog,
  Effect.gen(function* () {
    const sql = yield* SqlClient.SqlClient
    const run = <A, E>(e: Effect.Effect<A, E>) => Effect.mapError(e, storeError)
    return {
      claim: (what, now, leaseMillis) =>
        run(
          Effect.gen(function* () {
            const got = yield* sql<{ attempts: number }>`
              INSERT INTO murojaat.delivery (id, appeal_id, kind, channel, status, attempts, claimed_until)
              VALUES (${what.id}, ${what.appealId}, ${what.kind}, ${what.channel}, 'sending', 1, ${now + leaseMillis})
              ON CONFLICT (id) DO UPDATE SET attempts = murojaat.delivery.attempts + 1, claimed_until = excluded.claimed_until, updated_at = now()
                WHERE murojaat.delivery.status = 'sending' AND (murojaat.delivery.claimed_until IS NULL OR murojaat.delivery.claimed_until <= ${now})
              RETURNING attempts`
            if (got.length > 0) return "claimed" as const
            const row = yield* sql<{ status: Status }>`SELECT status FROM murojaat.delivery WHERE id = ${what.id}`
            return row[0]?.status === "sending" ? ("busy" as const) : ("done" as const)
          })
        ),
      complete: (id, status, error) =>
        run(
          sql`UPDATE murojaat.delivery SET status = ${status}, claimed_until = NULL, last_error = coalesce(${error ?? null}, last_error), updated_at = now()
            WHERE id = ${id}`
        ).pipe(Effect.asVoid),
      release: (id, error) =>
        run(sql`UPDATE murojaat.delivery SET claimed_until = NULL, last_error = ${error}, updated_at = now() WHERE id = ${id} AND status = 'sending'`).pipe(
          Effect.asVoid
        ),
      records: (appealId) =>
        run(
          Effect.map(
            sql<Row>`SELECT id, appeal_id, kind, channel, status, attempts, last_error FROM murojaat.delivery WHERE appeal_id = ${appealId} ORDER BY id`,
            (rows) =>
              rows.map((r) => ({
                id: r.id,
                appealId: r.appeal_id,
                kind: r.kind,
                channel: r.channel,
                status: r.status,
                attempts: Number(r.attempts),
                ...(r.last_error !== null ? { lastError: r.last_error } : {})
              }))
          )
        )
    }
  })
)

