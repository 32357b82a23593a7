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
import { SqlClient, SqlSchema } from "@effect/sql"
import { Effect, Option, Schema } from "effect"

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
// The reader returns documents as stored (unknown: checking them is the suites' job); the rows
// around them are decoded all the same.
const Id = Schema.String
const Document = Schema.Unknown
const OutboxRow = Schema.Struct({
  id: Schema.String,
  appeal_id: Schema.String,
  seq: Schema.Number,
  topic: Schema.String,
  payload: Schema.Unknown,
  attempts: Schema.Number,
  published: Schema.Boolean
})
const rowsOf = Schema.decodeUnknown(Schema.Array(Schema.Struct({ row: Schema.String })))

export const make: Effect.Effect<Reader, never, SqlClient.SqlClient> = Effect.map(SqlClient.SqlClient, (sql) => {
  const stateOf = SqlSchema.findOne({ Request: Id, Result: Schema.Struct({ state: Document }), execute: (id) => sql`SELECT state FROM murojaat.appeal WHERE appeal_id = ${id}` })
  const eventsOf = SqlSchema.findAll({
    Request: Id,
    Result: Schema.Struct({ body: Document }),
    execute: (id) => sql`SELECT body FROM murojaat.appeal_event WHERE appeal_id = ${id} ORDER BY seq`
  })
  const personalOf = SqlSchema.findOne({ Request: Id, Result: Schema.Struct({ data: Document }), execute: (id) => sql`SELECT data FROM murojaat.appeal_personal WHERE appeal_id = ${id}` })
  const textsOf = SqlSchema.findAll({
    Request: Id,
    Result: Schema.Struct({ seq: Schema.Number, texts: Document }),
    execute: (id) => sql`SELECT seq, texts FROM murojaat.appeal_text WHERE appeal_id = ${id} ORDER BY seq`
  })
  const tables = SqlSchema.findAll({
    Request: Schema.Void,
    Result: Schema.Struct({ name: Schema.String }),
    execute: () => sql`SELECT quote_ident(table_name) AS name FROM information_schema.tables
      WHERE table_schema = 'murojaat' AND table_type = 'BASE TABLE' ORDER BY table_name`
  })
  const outboxOf = SqlSchema.findAll({
    Request: Id,
    Result: OutboxRow,
    execute: (id) => sql`SELECT id, appeal_id, seq, topic, payload, attempts, published_at IS NOT NULL AS published
      FROM murojaat.outbox WHERE appeal_id = ${id} ORDER BY position`
  })
  const idempotencyOf = SqlSchema.findOne({
    Request: Id,
    Result: Schema.Struct({ fingerprint: Schema.String, response: Schema.Unknown }),
    execute: (key) => sql`SELECT fingerprint, response FROM murojaat.idempotency WHERE key = ${key}`
  })
  const eventBody = SqlSchema.findOne({
    Request: Schema.Struct({ appealId: Id, seq: Schema.Number }),
    Result: Schema.Struct({ body: Schema.Record({ key: Schema.String, value: Schema.Unknown }) }),
    execute: ({ appealId, seq }) => sql`SELECT body FROM murojaat.appeal_event WHERE appeal_id = ${appealId} AND seq = ${seq}`
  })
  const refusedOr = <A>(attempt: Effect.Effect<unknown, unknown>, done: A) =>
    attempt.pipe(
      Effect.as(done),
      // 42501 insufficient_privilege: raised by murojaat.refuse_event_change().
      Effect.catchAll((e) => (JSON.stringify(e).includes("42501") || String(e).includes("append-only") ? Effect.succeed("refused" as const) : Effect.fail(e)))
    )
  return {
    state: (id) => Effect.map(stateOf(id), (r) => Option.getOrUndefined(Option.map(r, (x) => x.state))),
    events: (id) => Effect.map(eventsOf(id), (r) => r.map((x) => x.body)),
    personal: (id) => Effect.map(personalOf(id), (r) => Option.getOrUndefined(Option.map(r, (x) => x.data))),
    texts: (id) => Effect.map(textsOf(id), (r) => r.map((x) => ({ seq: x.seq, texts: x.texts }))),
    // Every row of every table of the schema, as PostgreSQL prints it: what an erasure test searches.
    everything: Effect.gen(function* () {
      const out: Array<string> = []
      for (const t of yield* tables(undefined)) {
        const rows = yield* Effect.flatMap(sql.unsafe(`SELECT t::text AS row FROM murojaat.${t.name} t`), rowsOf)
        out.push(...rows.map((r) => r.row))
      }
      return out.join("\n")
    }),
    outbox: (id) =>
      Effect.map(outboxOf(id), (rows) =>
        rows.map((r) => ({ id: r.id, appealId: r.appeal_id, seq: r.seq, topic: r.topic, payload: r.payload, attempts: r.attempts, published: r.published }))
      ),
    idempotency: (key) => Effect.map(idempotencyOf(key), Option.getOrUndefined),
    tryRewriteEvent: (id, seq) =>
      refusedOr(sql`UPDATE murojaat.appeal_event SET type = type WHERE appeal_id = ${id} AND seq = ${seq}`, "changed" as const),
    tryDeleteEvent: (id, seq) => refusedOr(sql`DELETE FROM murojaat.appeal_event WHERE appeal_id = ${id} AND seq = ${seq}`, "deleted" as const),
    tamperEvent: (id, seq, edit) =>
      sql.withTransaction(
        Effect.gen(function* () {
          const row = yield* eventBody({ appealId: id, seq })
          if (Option.isNone(row)) return yield* Effect.die(new Error(`no event ${id}#${seq}`))
          const body = row.value.body
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
