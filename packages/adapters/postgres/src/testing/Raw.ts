/**
 * The raw reader of this adapter for the conformance suites of `@murojaat/testkit`: it reads the
 * tables directly, so a suite checks what a commit really stored, and it can try to change an
 * event the way an intruder with the application's role would (refused by the trigger), or the
 * way a superuser would, with the trigger disabled (caught by chain verification).
 *
 * @example
 * import { Raw } from "@murojaat/postgres/testing"
 * const reader = Raw.make // Effect<Raw.Reader, never, SqlClient>
 */
import type { Outbox } from "@murojaat/core"
import { SqlClient } from "@effect/sql"
import { Effect } from "effect"

/** An outbox row as stored. */
export type OutboxRow = Outbox.Message & { readonly published: boolean }

/** The reader (the shape `Testkit.RawReader` expects). */
export interface Reader {
  readonly state: (appealId: string) => Effect.Effect<unknown, unknown>
  readonly events: (appealId: string) => Effect.Effect<ReadonlyArray<unknown>, unknown>
  readonly personal: (appealId: string) => Effect.Effect<unknown, unknown>
  readonly texts: (appealId: string) => Effect.Effect<ReadonlyArray<unknown>, unknown>
  readonly everything: Effect.Effect<string, unknown>
  readonly outbox: (appealId: string) => Effect.Effect<ReadonlyArray<OutboxRow>, unknown>
  readonly idempotency: (key: string) => Effect.Effect<{ readonly fingerprint: string; readonly response: unknown } | undefined, unknown>
  readonly tryRewriteEvent: (appealId: string, seq: number) => Effect.Effect<"refused" | "changed", unknown>
  readonly tryDeleteEvent: (appealId: string, seq: number) => Effect.Effect<"refused" | "deleted", unknown>
  readonly tamperEvent: (appealId: string, seq: number, edit: (event: Record<string, unknown>) => Record<string, unknown>) => Effect.Effect<void, unknown>
}

/**
 * The raw reader over the `SqlClient` in context.
 *
 * @example
 * import { Raw } from "@murojaat/postgres/testing"
 * Raw.make
 */
export const make: Effect.Effect<Reader, never, SqlClient.SqlClient> = Effect.map(SqlClient.SqlClient, (sql) => {
  const refusedOr = <A>(attempt: Effect.Effect<unknown, unknown>, done: A) =>
    attempt.pipe(
      Effect.as(done),
      // 42501 insufficient_privilege: raised by murojaat.refuse_event_change().
      Effect.catchAll((e) => (JSON.stringify(e).includes("42501") || String(e).includes("append-only") ? Effect.succeed("refused" as const) : Effect.fail(e)))
    )
  return {
    state: (id) => Effect.map(sql<{ state: unknown }>`SELECT state FROM murojaat.appeal WHERE appeal_id = ${id}`, (r) => r[0]?.state),
    events: (id) => Effect.map(sql<{ body: unknown }>`SELECT body FROM murojaat.appeal_event WHERE appeal_id = ${id} ORDER BY seq`, (r) => r.map((x) => x.body)),
    personal: (id) => Effect.map(sql<{ data: unknown }>`SELECT data FROM murojaat.appeal_personal WHERE appeal_id = ${id}`, (r) => r[0]?.data),
    texts: (id) =>
      Effect.map(sql<{ seq: number; texts: unknown }>`SELECT seq, texts FROM murojaat.appeal_text WHERE appeal_id = ${id} ORDER BY seq`, (r) =>
        r.map((x) => ({ seq: x.seq, texts: x.texts }))
      ),
    // Every row of every table of the schema, as PostgreSQL prints it: what an erasure test searches.
    everything: Effect.gen(function* () {
      const tables = yield* sql<{ name: string }>`SELECT quote_ident(table_name) AS name FROM information_schema.tables
        WHERE table_schema = 'murojaat' AND table_type = 'BASE TABLE' ORDER BY table_name`
      const out: Array<string> = []
      for (const t of tables) {
        const rows = yield* sql.unsafe<{ row: string }>(`SELECT t::text AS row FROM murojaat.${t.name} t`)
        out.push(...rows.map((r) => r.row))
      }
      return out.join("\n")
    }),
    outbox: (id) =>
      Effect.map(
        sql<{ id: string; appeal_id: string; seq: number; topic: string; payload: unknown; attempts: number; published: boolean }>`
          SELECT id, appeal_id, seq, topic, payload, attempts, published_at IS NOT NULL AS published
          FROM murojaat.outbox WHERE appeal_id = ${id} ORDER BY position`,
        (rows) => rows.map((r) => ({ id: r.id, appealId: r.appeal_id, seq: r.seq, topic: r.topic, payload: r.payload, attempts: r.attempts, published: r.published }))
      ),
    idempotency: (key) =>
      Effect.map(sql<{ fingerprint: string; response: unknown }>`SELECT fingerprint, response FROM murojaat.idempotency WHERE key = ${key}`, (r) => r[0]),
    tryRewriteEvent: (id, seq) =>
      refusedOr(sql`UPDATE murojaat.appeal_event SET type = type WHERE appeal_id = ${id} AND seq = ${seq}`, "changed" as const),
    tryDeleteEvent: (id, seq) => refusedOr(sql`DELETE FROM murojaat.appeal_event WHERE appeal_id = ${id} AND seq = ${seq}`, "deleted" as const),
    tamperEvent: (id, seq, edit) =>
      sql.withTransaction(
        Effect.gen(function* () {
          const rows = yield* sql<{ body: Record<string, unknown> }>`SELECT body FROM murojaat.appeal_event WHERE appeal_id = ${id} AND seq = ${seq}`
          const body = rows[0]?.body
          if (body === undefined) return yield* Effect.die(new Error(`no event ${id}#${seq}`))
          // What only the table's owner or a superuser can do: switch the guard off, edit, switch it on.
          yield* sql`ALTER TABLE murojaat.appeal_event DISABLE TRIGGER appeal_event_append_only`
          // A forger keeps the columns in line with the document, so only the chain can tell.
          const edited = edit(body)
          yield* sql`UPDATE murojaat.appeal_event SET body = ${JSON.stringify(edited)}, hash = ${String(edited["hash"])}, prev_hash = ${String(edited["prevHash"])}
            WHERE appeal_id = ${id} AND seq = ${seq}`
          yield* sql`ALTER TABLE murojaat.appeal_event ENABLE TRIGGER appeal_event_append_only`
        })
      )
  }
})
