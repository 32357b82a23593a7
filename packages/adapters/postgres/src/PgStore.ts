/**
 * The core's storage ports on PostgreSQL (@effect/sql-pg): `AppealStore`, `Outbox`,
 * `IdempotencyStore`, `IdGenerator` and `DirectoryStore`, over the schema of `migrations/`.
 *
 * One `commit` is atomic: idempotency record, every stream's projection row (updated only if its
 * version is still the one the command was decided on), its events, its personal data and the
 * free texts of its events (`appeal_text`), and the outbox rows, all or nothing. Commits that
 * queue up behind the ones on their way may share one transaction (group commit,
 * `PortOptions.commitsInFlight`), which then holds all of them or none, and is resent commit by
 * commit if the server refuses it. Several service instances may share the database; they
 * coordinate only through row versions and `FOR UPDATE SKIP LOCKED`.
 *
 * @example
 * import { PgStore } from "@murojaat/postgres"
 * const ports = PgStore.layerPg({ url: "postgres://murojaat@127.0.0.1/murojaat", migrate: true })
 */
import { SqlClient, SqlSchema } from "@effect/sql"
import { SqlError } from "@effect/sql/SqlError"
import { PgClient } from "@effect/sql-pg"
import {
  Appeal,
  AppealService,
  AppealState,
  AppealStore,
  type CalendarStore,
  DirectoryStore,
  Errors,
  type Directory,
  type Event,
  IdempotencyStore,
  IdGenerator,
  Outbox,
  type Reservation,
  StoreKey,
  type Worklist
} from "@murojaat/core"
import { Context, Effect, Exit, Layer, Option, Redacted, Schema } from "effect"
import pg from "pg"
import { corrupt, orStoreError, toStoreError } from "./internal/errors.js"
import { BigIntText, decodeRows, DirectoryDocument, EventDocument, OfficerDocument, orCorrupt, PersonalDocument, StateDocument, TextsDocument } from "./internal/rows.js"
import * as Freshness from "./internal/freshness.js"
import * as Direct from "./internal/direct.js"
import * as Group from "./internal/group.js"
import * as Prepared from "./internal/prepared.js"
import * as Shared from "./internal/shared.js"
import * as Stamps from "./internal/stamps.js"
import * as Migrator from "./Migrator.js"
import * as PgCalendarStore from "./PgCalendarStore.js"
import * as PgCandidates from "./PgCandidates.js"
import * as PgReservation from "./PgReservation.js"
import * as PgWorklist from "./PgWorklist.js"

/** Every port this adapter provides. */
export type Ports =
  | AppealStore.AppealStore
  | Outbox.Outbox
  | IdempotencyStore.IdempotencyStore
  | IdGenerator.IdGenerator
  | DirectoryStore.DirectoryStore
  | Worklist.Worklist
  | CalendarStore.CalendarStore
  | Reservation.Reservation

/** Options of the ports. */
export interface PortOptions extends PgReservation.Options {
  /** Prefix of appeal ids (`<prefix>-000001`). Default "A". */
  readonly appealIdPrefix?: string | undefined
  /**
   * How many appeal ids an instance takes from the sequence at once, at most (one round trip per
   * block, shared by concurrent callers; the first block is 1, each next one twice the last, up to
   * this). Default 32. The ids of a block not used when the instance stops are never used.
   */
  readonly appealIdBlock?: number | undefined
  /**
   * Group commit: how many commit statements of single appeals (every submission and command) may
   * be on their way to the server at once. Commits that arrive while that many are out wait and go
   * together in one statement when one comes back (`groupStatement`); an arriving commit is never
   * held back while fewer are out, so under light load each goes alone and at once. Default 1 (on
   * the reference machine 1.07-1.19x the throughput of the hand-written endpoint, 2 gave 0.97-1.03x:
   * docs/performance.md, tenth round); with 1, a group that waits on a row lock holds the
   * instance's next group back until it ends. 0 turns grouping off: every commit is its own statement, sent at once, on its own connection.
   * Inside a caller's transaction, or on an `SqlClient` whose pool the adapter did not make,
   * commits are never grouped.
   */
  readonly commitsInFlight?: number | undefined
  /** Group commit: commits in one statement, at most. Default 32. */
  readonly commitGroupSize?: number | undefined
}

// ---------------------------------------------------------------------------------------------
// Values into columns
// ---------------------------------------------------------------------------------------------

// PostgreSQL text cannot hold U+0000: the copy in an index column replaces it (the document keeps
// the exact value, and query results are re-checked against the document).
const text = (s: string | undefined): string | null => (s === undefined ? null : s.includes("\u0000") ? s.replaceAll("\u0000", "\uFFFD") : s)

// An instant for a timestamptz column; years before 1 (valid ISO, no real appeal) stay NULL.
const instant = (s: string | undefined): string | null => {
  if (s === undefined) return null
  const ms = Date.parse(s)
  return Number.isNaN(ms) || ms < -62135596800000 ? null : new Date(ms).toISOString()
}

const json = (value: unknown): string => JSON.stringify(value)

// A keyset cursor the server can take: ids hold no U+0000, so the ids after "p\u0000..." are
// exactly the ids after "p" (the memory store's answer, without sending U+0000).
const afterKey = (after: string): string => {
  const nul = after.indexOf("\u0000")
  return nul < 0 ? after : after.slice(0, nul)
}

/**
 * The projection row of a state: the state document and the index columns copied from it. The
 * one definition of what each column holds, for writing and for `Verify`.
 *
 * @example
 * import { PgStore } from "@murojaat/postgres"
 * import { AppealState } from "@murojaat/core"
 * PgStore.projection(AppealState.initial("A-1")).is_open // false
 */
export const projection = (s: AppealState.AppealState) => ({
  appeal_id: s.appealId,
  version: s.version,
  last_hash: s.lastHash,
  status: s.status,
  kind: text(s.kind),
  region_code: text(s.regionCode),
  district_code: text(s.districtCode),
  mahalla_code: text(s.mahallaCode),
  applicant_ref: text(s.applicantRef),
  assignee_id: text(s.assigneeId),
  category: text(s.category),
  priority: text(s.priority),
  registration_number: text(s.registrationNumber),
  received_at: instant(s.receivedAt),
  updated_at: instant(s.updatedAt),
  is_open: AppealState.open.has(s.status),
  state: json(s)
})

/** The phone digits and the lower-case e-mail of an applicant, for search by contact. */
export const contactKeys = (contact: { readonly phone?: string | undefined; readonly email?: string | undefined }) => ({
  phone: contact.phone === undefined ? null : contact.phone.replace(/\D/g, "") || null,
  email: contact.email === undefined ? null : text(contact.email.trim().toLowerCase())
})

const personalRow = (appealId: string, p: Appeal.Personal) => {
  const keys = contactKeys(p.applicant.contact)
  return { appeal_id: appealId, data: json(p), contact_phone: keys.phone, contact_email: keys.email }
}

const eventRow = (e: Event.AppealEvent) => ({
  appeal_id: e.appealId,
  seq: e.seq,
  event_id: text(e.id),
  type: e.type,
  prev_hash: e.prevHash,
  hash: e.hash,
  body: json(e)
})

// ---------------------------------------------------------------------------------------------
// One commit, one statement
// ---------------------------------------------------------------------------------------------

const REFUSED_VERSION = "MJ001"
const REFUSED_IDEMPOTENCY = "MJ002"

// The refusal code (migration 0005) of a failed commit statement, if that is why it failed.
const refusalOf = (e: unknown): string | undefined => {
  const cause = (e as { _tag?: unknown; cause?: { code?: unknown } } | null)?.cause
  const code = (e as { _tag?: unknown } | null)?._tag === "SqlError" ? cause?.code : undefined
  return code === REFUSED_VERSION || code === REFUSED_IDEMPOTENCY ? code : undefined
}

// Column types of the rows a commit writes: every parameter is cast, so the server never guesses.
const appealColumns = {
  appeal_id: "text", version: "integer", last_hash: "char(64)", status: "text", kind: "text", region_code: "text",
  district_code: "text", mahalla_code: "text", applicant_ref: "text", assignee_id: "text", category: "text",
  priority: "text", registration_number: "text", received_at: "timestamptz", updated_at: "timestamptz",
  is_open: "boolean", state: "json", due_at: "timestamptz"
} as const

// A statement being built: its parameters (each cast, so the server never guesses) and its CTEs.
// `insert` adds a CTE inserting `rows` into `table` with each column one array parameter
// (unnest), so the text depends only on which parts a statement has, never on how many rows: a
// few texts in all, each prepared once per connection. `names` are the unnest's columns (v),
// `select` what is inserted from them into `target`, `tail` what follows (a WHERE, an ON
// CONFLICT). Returns the columns' placeholders.
const builder = () => {
  const params: Array<unknown> = []
  const ctes: Array<string> = []
  const p = (value: unknown, type: string) => {
    params.push(value)
    return `$${params.length}::${type}`
  }
  const insert = (table: string, names: ReadonlyArray<string>, types: ReadonlyArray<string>, rows: ReadonlyArray<ReadonlyArray<unknown>>,
    tail = "", target: ReadonlyArray<string> = names, select = "*") => {
    const arrays = names.map((_, k) => p(rows.map((r) => r[k]), `${types[k]!}[]`))
    ctes.push(`${table} AS (INSERT INTO murojaat.${table} (${target.join(", ")})
      SELECT ${select} FROM unnest(${arrays.join(", ")}) v(${names.join(", ")}) ${tail})`)
    return arrays
  }
  return { params, ctes, p, insert }
}

/**
 * The one SQL statement that commits one appeal's stream (and the commit's idempotency record and
 * outbox rows): data-modifying CTEs guarded by the version and idempotency checks, ending in
 * `murojaat.refuse_commit` when a check failed. Exported for the tests that read it.
 *
 * @example
 * import { PgStore } from "@murojaat/postgres"
 * import { AppealState } from "@murojaat/core"
 * const s = PgStore.commitStatement({ streams: [], outbox: [] }, { appealId: "A-1", expectedVersion: 0, events: [], state: AppealState.initial("A-1") })
 * s.text.startsWith("WITH") // true
 */
export const commitStatement = (
  c: AppealStore.Commit,
  w: AppealStore.StreamWrite,
  upsert = false
): { readonly text: string; readonly params: ReadonlyArray<unknown> } => {
  const { params, p, ctes, insert } = builder()
  const row: Record<string, unknown> = projection(w.state)
  // `dueAt` undefined: the due time stays as it was; null: no clock runs.
  if (w.dueAt !== undefined) row["due_at"] = instant(w.dueAt ?? undefined)
  const columns = (Object.keys(appealColumns) as ReadonlyArray<keyof typeof appealColumns>).filter((k) => k in row)
  const values = columns.map((k) => p(row[k], appealColumns[k])).join(", ")
  const i = c.idempotency
  if (i !== undefined) {
    ctes.push(`i AS (INSERT INTO murojaat.idempotency (key, fingerprint, response) VALUES (${p(i.key, "text")}, ${p(i.fingerprint, "text")}, ${p(json(i.response ?? null), "json")})
      ON CONFLICT (key) DO NOTHING RETURNING 1)`)
  }
  const ifIdempotent = i === undefined ? "" : "WHERE EXISTS (SELECT 1 FROM i)"
  // Expected version 0: a new appeal (or one with no events yet); otherwise the row must still be
  // at the expected version. Under READ COMMITTED a concurrent writer's UPDATE waits for ours and
  // then re-checks `version`, so exactly one of two writers on the same version wins.
  // A new appeal is a plain insert: an upsert would also fire the table's UPDATE statement
  // triggers (migration 0010) on every submission. A row already there (which must then be at
  // version 0 for the commit to go through, an appeal stored without events) refuses the insert;
  // the store then sends the upsert (`upsert` true), which writes it only at version 0.
  ctes.push(
    w.expectedVersion === 0 && !upsert
      ? `a AS (INSERT INTO murojaat.appeal (${columns.join(", ")}) SELECT ${values} ${ifIdempotent}
          ON CONFLICT (appeal_id) DO NOTHING RETURNING 1)`
      : w.expectedVersion === 0
      ? `a AS (INSERT INTO murojaat.appeal (${columns.join(", ")}) SELECT ${values} ${ifIdempotent}
          ON CONFLICT (appeal_id) DO UPDATE SET ${columns.filter((k) => k !== "appeal_id").map((k) => `${k} = EXCLUDED.${k}`).join(", ")}
          WHERE murojaat.appeal.version = 0 RETURNING 1)`
      : `a AS (UPDATE murojaat.appeal SET (${columns.join(", ")}) = (SELECT ${values})
          WHERE appeal_id = ${p(w.appealId, "text")} AND version = ${p(w.expectedVersion, "integer")}${i === undefined ? "" : " AND EXISTS (SELECT 1 FROM i)"} RETURNING 1)`
  )
  // Rows go in only if the appeal's row was written.
  const rows = (table: string, names: ReadonlyArray<string>, types: ReadonlyArray<string>, values: ReadonlyArray<ReadonlyArray<unknown>>,
    tail = "", target: ReadonlyArray<string> = names, select = "*") => insert(table, names, types, values, `WHERE EXISTS (SELECT 1 FROM a) ${tail}`, target, select)
  // An event is both a row of its stream and, as a rule, the payload of its outbox message: its
  // JSON text is sent once, in the events' body array, and an outbox row whose payload is one of
  // the write's events takes the text from there by position (the same text, stored as it is).
  const events = w.events
  const bodies = events.length === 0 ? undefined
    : rows("appeal_event", ["appeal_id", "seq", "event_id", "type", "prev_hash", "hash", "body"], ["text", "integer", "text", "text", "char(64)", "char(64)", "json"],
      events.map((e) => [e.appealId, e.seq, text(e.id), e.type, e.prevHash, e.hash, json(e)]))![6]!
  const texts = w.texts ?? []
  if (texts.length > 0) rows("appeal_text", ["appeal_id", "seq", "texts"], ["text", "integer", "json"], texts.map((t) => [w.appealId, t.seq, json(t.texts)]))
  if (w.personal !== undefined) {
    const r = personalRow(w.appealId, w.personal)
    rows("appeal_personal", ["appeal_id", "data", "contact_phone", "contact_email"], ["text", "json", "text", "text"], [[r.appeal_id, r.data, r.contact_phone, r.contact_email]],
      "ON CONFLICT (appeal_id) DO UPDATE SET data = EXCLUDED.data, contact_phone = EXCLUDED.contact_phone, contact_email = EXCLUDED.contact_email")
  }
  if (c.outbox.length > 0) {
    // The 1-based position of each message's payload among the write's events, or null.
    const positions = c.outbox.map((m) => {
      const k = events.indexOf(m.payload as Event.AppealEvent)
      return k < 0 ? null : k + 1
    })
    const names = ["id", "appeal_id", "seq", "topic", "payload"]
    const types = ["text", "text", "integer", "text", "json"]
    const head = c.outbox.map((m) => [m.id, m.appealId, m.seq, m.topic])
    if (bodies === undefined || positions.every((k) => k === null)) rows("outbox", names, types, c.outbox.map((m, k) => [...head[k]!, json(m.payload ?? null)]))
    else {
      // A payload that is not an event of the write is sent as text, the others by position.
      rows("outbox", [...names, "at"], [...types, "integer"], c.outbox.map((m, k) => [...head[k]!, positions[k] === null ? json(m.payload ?? null) : null, positions[k]]), "",
        names, `id, appeal_id, seq, topic, coalesce(payload, (${bodies})[at])`)
    }
  }
  const checks = [
    ...(i === undefined ? [] : [`WHEN NOT EXISTS (SELECT 1 FROM i) THEN murojaat.refuse_commit('${REFUSED_IDEMPOTENCY}', 'idempotency key taken')`]),
    `WHEN NOT EXISTS (SELECT 1 FROM a) THEN murojaat.refuse_commit('${REFUSED_VERSION}', 'version moved')`
  ]
  // No row and no column: the checks are evaluated all the same (a refusal aborts the statement),
  // and the driver has no row description or row to read (about 4 us of client CPU per commit).
  return { text: `WITH ${ctes.join(",\n")}\nSELECT WHERE (CASE ${checks.join(" ")} ELSE 0 END) IS NULL`, params }
}

/** A commit of one appeal's stream, as `commitStatement` and `groupStatement` take it. */
export interface SingleCommit {
  readonly commit: AppealStore.Commit
  readonly write: AppealStore.StreamWrite
}

/**
 * Which parts a commit of one appeal has: commits of one shape can go in one `groupStatement`
 * (its text depends on the shape only).
 *
 * @example
 * import { PgStore } from "@murojaat/postgres"
 * import { AppealState } from "@murojaat/core"
 * PgStore.commitShape({ commit: { streams: [], outbox: [] }, write: { appealId: "A-1", expectedVersion: 0, events: [], state: AppealState.initial("A-1") } }) // "new"
 */
export const commitShape = ({ commit: c, write: w }: SingleCommit): string =>
  [
    w.expectedVersion === 0 ? "new" : "update",
    c.idempotency === undefined ? "" : "idempotency",
    w.dueAt === undefined ? "" : "due",
    w.events.length === 0 ? "" : "events",
    (w.texts ?? []).length === 0 ? "" : "texts",
    w.personal === undefined ? "" : "personal",
    c.outbox.length === 0 ? "" : "outbox"
  ].filter((p) => p !== "").join(" ")

/**
 * One statement that commits several appeals' streams at once (group commit), all of one
 * `commitShape`, no two of one appeal or one idempotency key. All or nothing, and stricter than
 * `commitStatement`: it goes through only if every commit in it would, and otherwise fails as a
 * whole and writes nothing. A taken idempotency key or an existing new appeal fails its plain
 * insert (unique violation); a moved version leaves an update short, which `refuse_commit`
 * answers. The store then sends each commit alone (`commitStatement`), so each gets exactly the
 * answer it would have had on its own. Each column is one array parameter over all the commits'
 * rows (unnest), so the text depends on the shape only, never on how many commits.
 *
 * @example
 * import { PgStore } from "@murojaat/postgres"
 * import { AppealState } from "@murojaat/core"
 * const one = (id: string) => ({ commit: { streams: [], outbox: [] }, write: { appealId: id, expectedVersion: 0, events: [], state: AppealState.initial(id) } })
 * PgStore.groupStatement([one("A-1"), one("A-2")]).text.startsWith("WITH") // true
 */
export const groupStatement = (group: ReadonlyArray<SingleCommit>): { readonly text: string; readonly params: ReadonlyArray<unknown> } => {
  const { params, p, ctes, insert } = builder()
  const first = group[0]!.write
  if (group[0]!.commit.idempotency !== undefined) {
    insert("idempotency", ["key", "fingerprint", "response"], ["text", "text", "json"],
      group.map(({ commit: c }) => [c.idempotency!.key, c.idempotency!.fingerprint, json(c.idempotency!.response ?? null)]))
  }
  const rows = group.map(({ write: w }) => {
    const row: Record<string, unknown> = projection(w.state)
    if (w.dueAt !== undefined) row["due_at"] = instant(w.dueAt ?? undefined)
    return row
  })
  const columns = (Object.keys(appealColumns) as ReadonlyArray<keyof typeof appealColumns>).filter((k) => k in rows[0]!)
  const arrays = columns.map((k) => p(rows.map((r) => r[k]), `${appealColumns[k]}[]`))
  if (first.expectedVersion === 0) {
    ctes.push(`appeal AS (INSERT INTO murojaat.appeal (${columns.join(", ")}) SELECT * FROM unnest(${arrays.join(", ")}) RETURNING 1)`)
  } else {
    // In id order, so two groups updating the same appeals lock them in the same order.
    const expected = p(group.map(({ write: w }) => w.expectedVersion), "integer[]")
    ctes.push(`appeal AS (UPDATE murojaat.appeal t SET (${columns.join(", ")}) = (${columns.map((k) => `v.${k}`).join(", ")})
      FROM (SELECT * FROM unnest(${arrays.join(", ")}, ${expected}) v(${columns.join(", ")}, expected) ORDER BY appeal_id COLLATE "C") v
      WHERE t.appeal_id = v.appeal_id AND t.version = v.expected RETURNING 1)`)
  }
  // Every event's JSON text once, in the events' body array; outbox rows whose payload is one of
  // the events take it from there by position (as in `commitStatement`).
  const events = group.flatMap(({ write: w }) => w.events)
  const bodies = events.length === 0 ? undefined
    : insert("appeal_event", ["appeal_id", "seq", "event_id", "type", "prev_hash", "hash", "body"], ["text", "integer", "text", "text", "char(64)", "char(64)", "json"],
      events.map((e) => [e.appealId, e.seq, text(e.id), e.type, e.prevHash, e.hash, json(e)]))[6]!
  const texts = group.flatMap(({ write: w }) => (w.texts ?? []).map((t) => [w.appealId, t.seq, json(t.texts)]))
  if (texts.length > 0) insert("appeal_text", ["appeal_id", "seq", "texts"], ["text", "integer", "json"], texts)
  const personal = group.flatMap(({ write: w }) => {
    if (w.personal === undefined) return []
    const r = personalRow(w.appealId, w.personal)
    return [[r.appeal_id, r.data, r.contact_phone, r.contact_email]]
  })
  if (personal.length > 0) {
    insert("appeal_personal", ["appeal_id", "data", "contact_phone", "contact_email"], ["text", "json", "text", "text"], personal,
      "ON CONFLICT (appeal_id) DO UPDATE SET data = EXCLUDED.data, contact_phone = EXCLUDED.contact_phone, contact_email = EXCLUDED.contact_email")
  }
  let offset = 0
  const outbox = group.flatMap(({ commit: c, write: w }) => {
    const base = offset
    offset += w.events.length
    return c.outbox.map((m) => {
      const k = w.events.indexOf(m.payload as Event.AppealEvent)
      return [m.id, m.appealId, m.seq, m.topic, k < 0 ? json(m.payload ?? null) : null, k < 0 ? null : base + k + 1]
    })
  })
  if (outbox.length > 0) {
    const names = ["id", "appeal_id", "seq", "topic", "payload"]
    if (bodies === undefined) insert("outbox", names, ["text", "text", "integer", "text", "json"], outbox.map((r) => r.slice(0, 5)))
    else insert("outbox", [...names, "at"], ["text", "text", "integer", "text", "json", "integer"], outbox, "", names, `id, appeal_id, seq, topic, coalesce(payload, (${bodies})[at])`)
  }
  const refusal = `murojaat.refuse_commit('${REFUSED_VERSION}', 'version moved')`
  return { text: `WITH ${ctes.join(",\n")}\nSELECT WHERE (CASE WHEN (SELECT count(*) FROM appeal) <> ${p(group.length, "integer")} THEN ${refusal} ELSE 0 END) IS NULL`, params }
}

// ---------------------------------------------------------------------------------------------
// AppealStore
// ---------------------------------------------------------------------------------------------

// The distinct workload keys (migration 0010) of projection rows: those with a district and an
// assignee, priority '' for none.
const workloadKeys = (
  rows: ReadonlyArray<{ readonly district_code: string | null; readonly assignee_id: string | null; readonly priority: string | null; readonly status: string }>
): ReadonlyArray<readonly [string, string, string, string]> => {
  const keys = new Map<string, readonly [string, string, string, string]>()
  for (const r of rows) {
    if (r.district_code === null || r.assignee_id === null) continue
    const k = [r.district_code, r.assignee_id, r.priority ?? "", r.status] as const
    keys.set(JSON.stringify(k), k)
  }
  return [...keys.values()]
}

const STORE = "AppealStore"

/**
 * The appeal store over an `SqlClient` connected to a migrated database, with the options' group
 * commit (`PortOptions.commitsInFlight`).
 *
 * @example
 * import { PgStore } from "@murojaat/postgres"
 * const store = PgStore.makeAppealStoreWith({ commitsInFlight: 0 }) // Effect<AppealStore.Service, never, SqlClient>
 */
export const makeAppealStoreWith = (options: PortOptions = {}): Effect.Effect<AppealStore.Service, never, SqlClient.SqlClient> => Effect.gen(function* () {
  const sql = yield* SqlClient.SqlClient
  const run = orStoreError(STORE)
  const AppealId = Schema.String
  const versionOf = SqlSchema.findOne({
    Request: AppealId,
    Result: Schema.Struct({ version: Schema.Number }),
    execute: (id) => sql`SELECT version FROM murojaat.appeal WHERE appeal_id = ${id}`
  })
  const stateOf = SqlSchema.findOne({
    Request: AppealId,
    Result: Schema.Struct({ version: Schema.Number, state: StateDocument }),
    execute: (id) => sql`SELECT version, state FROM murojaat.appeal WHERE appeal_id = ${id}`
  })
  const eventsOf = SqlSchema.findAll({
    Request: Schema.Struct({ appealId: AppealId, fromSeq: Schema.Number }),
    Result: Schema.Struct({ seq: Schema.Number, hash: Schema.String, body: EventDocument }),
    execute: ({ appealId, fromSeq }) => sql`SELECT seq, hash, body FROM murojaat.appeal_event
      WHERE appeal_id = ${appealId} AND seq >= ${fromSeq} ORDER BY seq`
  })
  const personalOf = SqlSchema.findOne({
    Request: AppealId,
    Result: Schema.Struct({ data: PersonalDocument }),
    execute: (id) => sql`SELECT data FROM murojaat.appeal_personal WHERE appeal_id = ${id}`
  })
  const textsOf = SqlSchema.findAll({
    Request: AppealId,
    Result: Schema.Struct({ seq: Schema.Number, texts: TextsDocument }),
    execute: (id) => sql`SELECT seq, texts FROM murojaat.appeal_text WHERE appeal_id = ${id} ORDER BY seq`
  })
  const states = decodeRows(Schema.Struct({ state: StateDocument }))
  const ids = decodeRows(Schema.Struct({ appeal_id: Schema.String }))
  const workloads = decodeRows(Schema.Struct({ assignee_id: Schema.String, priority: Schema.NullOr(Appeal.Priority), count: Schema.Number }))

  const writeStream = (w: AppealStore.StreamWrite) =>
    Effect.gen(function* () {
      // `dueAt` undefined: the due time stays as it was (as in memory); null: no clock runs.
      const row = w.dueAt === undefined ? projection(w.state) : { ...projection(w.state), due_at: instant(w.dueAt ?? undefined) }
      // Expected version 0: a new appeal (or one with no events yet); otherwise the row must still
      // be at the expected version. Under READ COMMITTED a concurrent writer's UPDATE waits for ours
      // and then re-checks `version`, so exactly one of two writers on the same version wins.
      const written =
        w.expectedVersion === 0
          ? yield* sql`INSERT INTO murojaat.appeal ${sql.insert(row)}
              ON CONFLICT (appeal_id) DO UPDATE SET ${sql.update(row, ["appeal_id"])}
              WHERE murojaat.appeal.version = 0
              RETURNING appeal_id`
          : yield* sql`UPDATE murojaat.appeal SET ${sql.update(row, ["appeal_id"])}
              WHERE appeal_id = ${w.appealId} AND version = ${w.expectedVersion}
              RETURNING appeal_id`
      if (written.length === 0) {
        const found = yield* versionOf(w.appealId).pipe(orCorrupt(STORE, "appeal"))
        return yield* Effect.fail(
          new Errors.VersionConflict({ appealId: w.appealId, expected: w.expectedVersion, actual: Option.match(found, { onNone: () => 0, onSome: (r) => r.version }) })
        )
      }
      if (w.events.length > 0) yield* sql`INSERT INTO murojaat.appeal_event ${sql.insert(w.events.map(eventRow))}`
      if (w.texts !== undefined && w.texts.length > 0) {
        yield* sql`INSERT INTO murojaat.appeal_text ${sql.insert(w.texts.map((t) => ({ appeal_id: w.appealId, seq: t.seq, texts: json(t.texts) })))}`
      }
      if (w.personal !== undefined) {
        const p = personalRow(w.appealId, w.personal)
        yield* sql`INSERT INTO murojaat.appeal_personal ${sql.insert(p)}
          ON CONFLICT (appeal_id) DO UPDATE SET ${sql.update(p, ["appeal_id"])}`
      }
    })

  // Before a commit of several appeals writes them (one statement each): their rows in id order,
  // then every workload count row their writes will change, in key order, created at 0 if new
  // (migration 0010). Each statement's trigger then changes only rows this transaction holds, so
  // writers take appeal rows before count rows, each kind in one order: no deadlock between them.
  const lockWorkload = (streams: ReadonlyArray<AppealStore.StreamWrite>) =>
    Effect.gen(function* () {
      const before = yield* sql<{ district_code: string | null; assignee_id: string | null; priority: string | null; status: string }>`
        SELECT district_code, assignee_id, priority, status FROM murojaat.appeal
        WHERE appeal_id = ANY(${streams.map((w) => w.appealId)}::text[]) ORDER BY appeal_id FOR UPDATE`
      const keys = workloadKeys([...before, ...streams.map((w) => projection(w.state))])
      if (keys.length === 0) return
      yield* sql`INSERT INTO murojaat.appeal_workload AS w (district_code, assignee_id, priority, status, appeals)
        SELECT d, a, p, s, 0 FROM unnest(${keys.map((k) => k[0])}::text[], ${keys.map((k) => k[1])}::text[], ${keys.map((k) => k[2])}::text[], ${keys.map((k) => k[3])}::text[]) AS k(d, a, p, s)
        ORDER BY d COLLATE "C", a COLLATE "C", p COLLATE "C", s COLLATE "C"
        ON CONFLICT (district_code, assignee_id, priority, status) DO UPDATE SET appeals = w.appeals`
    })

  const committed = (c: AppealStore.Commit) =>
    sql.withTransaction(
      Effect.gen(function* () {
        if (c.idempotency !== undefined) {
          const i = c.idempotency
          const inserted = yield* sql`INSERT INTO murojaat.idempotency (key, fingerprint, response)
            VALUES (${i.key}, ${i.fingerprint}, ${json(i.response ?? null)}) ON CONFLICT (key) DO NOTHING RETURNING key`
          if (inserted.length === 0) return yield* Effect.fail(new Errors.IdempotencyConflict({ key: i.key }))
        }
        // Streams in id order, so two commits touching the same appeals lock them in the same order (no deadlock).
        const streams = [...c.streams].sort((a, b) => (a.appealId < b.appealId ? -1 : a.appealId > b.appealId ? 1 : 0))
        yield* lockWorkload(streams)
        for (const w of streams) yield* writeStream(w)
        if (c.outbox.length > 0) {
          yield* sql`INSERT INTO murojaat.outbox ${sql.insert(
            c.outbox.map((m) => ({ id: m.id, appeal_id: m.appealId, seq: m.seq, topic: m.topic, payload: json(m.payload ?? null) }))
          )}`
        }
      })
    ).pipe(run)

  // A commit of one appeal (every submit and command; only merges touch two) is one statement, so
  // one round trip instead of a transaction's six or more. The same checks: the row is written only
  // at the expected version, nothing is written if the idempotency key is taken, and a refusal
  // aborts the whole statement (migration 0005), which is atomic on its own.
  const single = (c: AppealStore.Commit, w: AppealStore.StreamWrite, upsert = false): Effect.Effect<void, Errors.IdempotencyConflict | Errors.VersionConflict | Errors.StoreError> => {
    const { text: statement, params } = commitStatement(c, w, upsert)
    Prepared.register(statement)
    const refused = (e: SqlError): Effect.Effect<void, Errors.IdempotencyConflict | Errors.VersionConflict | Errors.StoreError | SqlError> =>
      refusalOf(e) === REFUSED_IDEMPOTENCY
        ? Effect.fail(new Errors.IdempotencyConflict({ key: c.idempotency?.key ?? "" }))
        : Effect.flatMap(versionOf(w.appealId).pipe(orCorrupt(STORE, "appeal")), (found) => {
            const actual = Option.match(found, { onNone: () => 0, onSome: (r) => r.version })
            // The plain insert of a new appeal met a row: at version 0 the upsert may write it.
            return w.expectedVersion === 0 && !upsert && actual === 0
              ? single(c, w, true)
              : Effect.fail(new Errors.VersionConflict({ appealId: w.appealId, expected: w.expectedVersion, actual }))
          })
    return Direct.rows(sql, statement, params).pipe(
      Effect.asVoid,
      Effect.catchIf((e): e is SqlError => refusalOf(e) !== undefined, refused),
      run
    )
  }

  type Refusal = Errors.IdempotencyConflict | Errors.VersionConflict | Errors.StoreError
  // Group commit (internal/group.ts): a group of one is the single statement; a larger one is
  // `groupStatement`, and if the server refuses it (any error it answers for the statement, which
  // then wrote nothing), each commit goes alone and gets its own answer. A broken connection is
  // every commit's failure, as it is a single statement's: whether it was made is unknown.
  const inFlight = Math.floor(options.commitsInFlight ?? 1)
  const grouped = inFlight <= 0 ? undefined : Group.make<SingleCommit, Refusal>({
    concurrency: inFlight,
    size: options.commitGroupSize ?? 32,
    shape: commitShape,
    claims: ({ commit: c, write: w }) => c.idempotency === undefined ? [`a:${w.appealId}`] : [`a:${w.appealId}`, `i:${c.idempotency.key}`],
    send: (group) => {
      // A commit whose caller was interrupted before its statement was sent is left out (its
      // outcome is read by no one): it is never written, as when it waits for a connection alone.
      const alone = ({ item, wanted }: Group.Sent<SingleCommit>) => wanted() ? Effect.exit(single(item.commit, item.write)) : Effect.succeed(Exit.void)
      if (group.length === 1) return Effect.map(alone(group[0]!), (exit) => [exit])
      const built = Direct.rowsOf(sql, () => {
        const wanted = group.filter((g) => g.wanted()).map((g) => g.item)
        if (wanted.length === 0) return undefined
        const statement = wanted.length === 1 ? commitStatement(wanted[0]!.commit, wanted[0]!.write) : groupStatement(wanted)
        Prepared.register(statement.text)
        return statement
      })
      return built.pipe(
        Effect.as(group.map(() => Exit.void)),
        Effect.catchAll((e) =>
          Direct.answered(e)
            ? Effect.forEach(group, alone, { concurrency: "unbounded" })
            : Effect.map(Effect.exit(run(Effect.fail(e))), (exit) => group.map(() => exit))
        )
      )
    }
  })

  // Keys the server cannot hold are refused before the transaction, as the in-memory store does.
  const commit = (c: AppealStore.Commit) =>
    Effect.suspend(() => {
      const unstorable = StoreKey.checkCommit(c, STORE)
      if (unstorable !== undefined) return Effect.fail(unstorable)
      const only = c.streams.length === 1 ? c.streams[0] : undefined
      if (only === undefined || !c.outbox.every((m) => m.appealId === only.appealId)) return committed(c)
      if (grouped === undefined) return single(c, only)
      return Effect.flatMap(Direct.direct(sql), (direct) => (direct ? grouped({ commit: c, write: only }) : single(c, only)))
    })

  // A key no commit can store is in no row: reads of it find nothing, without asking the server
  // (which would refuse U+0000, and turn a lone surrogate into U+FFFD and find another key's row).
  const absent = (key: string) => !StoreKey.isStorable(key)

  return {
    load: (appealId) =>
      absent(appealId) ? Effect.succeed(Option.none()) : Effect.flatMap(
        stateOf(appealId).pipe(orCorrupt(STORE, `projection of ${appealId}`)),
        (found) => {
          if (Option.isNone(found)) return Effect.succeed(Option.none())
          const r = found.value
          if (r.state.version !== r.version || r.state.appealId !== appealId) {
            return Effect.fail(corrupt(STORE, `projection of ${appealId}: version column ${r.version} differs from its state document`))
          }
          return Effect.succeed(Option.some(r.state))
        }
      ).pipe(run),
    events: (appealId, fromSeq = 1) =>
      absent(appealId) ? Effect.succeed([]) : Effect.flatMap(
        eventsOf({ appealId, fromSeq }).pipe(orCorrupt(STORE, `events of ${appealId}`)),
        (rows) => {
          const bad = rows.find((r) => r.body.seq !== r.seq || r.body.hash !== r.hash || r.body.appealId !== appealId)
          return bad === undefined
            ? Effect.succeed(rows.map((r) => r.body))
            : Effect.fail(corrupt(STORE, `event ${appealId}#${bad.seq}: its columns differ from its document`))
        }
      ).pipe(run),
    commit,
    ...PgCandidates.make(sql),
    personal: (appealId) =>
      absent(appealId) ? Effect.succeed(Option.none()) : Effect.map(
        personalOf(appealId).pipe(orCorrupt(STORE, `personal data of ${appealId}`)),
        Option.map((r) => r.data)
      ).pipe(run),
    texts: (appealId) =>
      absent(appealId) ? Effect.succeed([]) : Effect.map(
        textsOf(appealId).pipe(orCorrupt(STORE, `texts of ${appealId}`)),
        (rows) => rows.map((r) => ({ seq: r.seq, texts: r.texts }))
      ).pipe(run),
    // Personal data and texts go together, in one transaction: never one without the other.
    erasePersonal: (appealId) =>
      absent(appealId) ? Effect.succeed(false) : sql
        .withTransaction(
          Effect.gen(function* () {
            const personal = yield* sql`DELETE FROM murojaat.appeal_personal WHERE appeal_id = ${appealId} RETURNING appeal_id`
            const texts = yield* sql`DELETE FROM murojaat.appeal_text WHERE appeal_id = ${appealId} RETURNING seq`
            return personal.length > 0 || texts.length > 0
          })
        )
        .pipe(run),
    query: (q) => {
      const limit = AppealStore.pageLimit(q.limit)
      if (q.status !== undefined && q.status.length === 0) return Effect.succeed({ items: [], next: undefined })
      const where = [
        q.mahallaCode === undefined ? undefined : sql`mahalla_code = ${text(q.mahallaCode)}`,
        q.districtCode === undefined ? undefined : sql`district_code = ${text(q.districtCode)}`,
        q.assigneeId === undefined ? undefined : sql`assignee_id = ${text(q.assigneeId)}`,
        q.applicantRef === undefined ? undefined : sql`applicant_ref = ${text(q.applicantRef)}`,
        q.category === undefined ? undefined : sql`category = ${text(q.category)}`,
        q.status === undefined ? undefined : sql`status IN ${sql.in(q.status)}`,
        q.after === undefined ? undefined : sql`appeal_id > ${afterKey(q.after)}`
      ].filter((f) => f !== undefined)
      return Effect.map(
        sql`SELECT state FROM murojaat.appeal
          WHERE ${where.length === 0 ? sql`true` : sql.and(where)} ORDER BY appeal_id LIMIT ${limit + 1}`.pipe(Effect.flatMap(states), orCorrupt(STORE, "appeals")),
        (rows) => {
          const page = rows.slice(0, limit).map((r) => r.state)
          return { items: page.filter((s) => AppealStore.matchesQuery(s, q)), next: rows.length > limit ? page[page.length - 1]!.appealId : undefined }
        }
      ).pipe(run)
    },
    // Read from the counts the triggers of migration 0010 keep: the statement's cost is officers x
    // priorities x statuses, whatever the district's appeals. Key columns hold the exact values
    // (StoreKey refuses the rest); priority '' is none.
    workload: (districtCode, status) =>
      status.length === 0 ? Effect.succeed([]) : Effect.map(
        sql`SELECT assignee_id, nullif(priority, '') AS priority, sum(appeals)::int AS count FROM murojaat.appeal_workload
          WHERE district_code = ${text(districtCode)} AND status IN ${sql.in(status)} AND appeals > 0
          GROUP BY assignee_id, priority`.pipe(Effect.flatMap(workloads), orCorrupt(STORE, "workloads")),
        (rows) => AppealStore.sortWorkload(rows.map((r) => ({ officerId: r.assignee_id, count: r.count, ...(r.priority !== null ? { priority: r.priority } : {}) })))
      ).pipe(run),
    ids: (after, limit) =>
      Effect.map(
        sql`SELECT appeal_id FROM murojaat.appeal
          WHERE ${after === undefined ? sql`true` : sql`appeal_id > ${afterKey(after)}`} ORDER BY appeal_id LIMIT ${AppealStore.pageLimit(limit)}`.pipe(
          Effect.flatMap(ids),
          orCorrupt(STORE, "appeal ids")
        ),
        (rows) => rows.map((r) => r.appeal_id)
      ).pipe(run)
  }
})

/**
 * The appeal store over an `SqlClient` connected to a migrated database, with the default group
 * commit.
 *
 * @example
 * import { PgStore } from "@murojaat/postgres"
 * const store = PgStore.makeAppealStore // Effect<AppealStore.Service, never, SqlClient>
 */
export const makeAppealStore: Effect.Effect<AppealStore.Service, never, SqlClient.SqlClient> = makeAppealStoreWith()

// ---------------------------------------------------------------------------------------------
// Outbox
// ---------------------------------------------------------------------------------------------

const OutboxRow = Schema.Struct({
  position: BigIntText,
  id: Schema.String,
  appeal_id: Schema.String,
  seq: Schema.Number,
  topic: Schema.String,
  payload: Schema.Unknown,
  attempts: Schema.Number
})

/**
 * The outbox: claims with `FOR UPDATE SKIP LOCKED` and a lease, so several relays never get the
 * same message while its lease runs, and a dead relay's messages come back when it ends.
 *
 * @example
 * import { PgStore } from "@murojaat/postgres"
 * const outbox = PgStore.makeOutbox // Effect<Outbox.Service, never, SqlClient>
 */
export const makeOutbox: Effect.Effect<Outbox.Service, never, SqlClient.SqlClient> = Effect.gen(function* () {
  const sql = yield* SqlClient.SqlClient
  const run = orStoreError("Outbox")
  const claimed = decodeRows(OutboxRow)
  const pending = SqlSchema.single({
    Request: Schema.Void,
    Result: Schema.Struct({ n: Schema.Number }),
    execute: () => sql`SELECT count(*)::int AS n FROM murojaat.outbox WHERE published_at IS NULL`
  })
  return {
    claim: ({ limit, leaseMillis, now }) =>
      Effect.map(
        sql`WITH claimable AS (
            SELECT position FROM murojaat.outbox
            WHERE published_at IS NULL AND (claimed_until IS NULL OR claimed_until <= ${now})
            ORDER BY position
            LIMIT ${Math.max(0, Math.floor(limit))}
            FOR UPDATE SKIP LOCKED)
          UPDATE murojaat.outbox o SET claimed_until = ${now + leaseMillis}, attempts = o.attempts + 1
          FROM claimable c WHERE o.position = c.position
          RETURNING o.position, o.id, o.appeal_id, o.seq, o.topic, o.payload, o.attempts`.pipe(Effect.flatMap(claimed), orCorrupt("Outbox", "claimed messages")),
        (rows) =>
          [...rows]
            .sort((a, b) => Number(a.position) - Number(b.position))
            .map((r) => ({ id: r.id, appealId: r.appeal_id, seq: r.seq, topic: r.topic, payload: r.payload, attempts: r.attempts }))
      ).pipe(run),
    // The ids as one array parameter rather than one parameter each: a batch of 500 is one value
    // to encode, send and plan instead of 500.
    acknowledge: (ids) =>
      ids.length === 0
        ? Effect.void
        : sql`UPDATE murojaat.outbox SET published_at = now(), claimed_until = NULL
            WHERE id = ANY(${ids}::text[]) AND published_at IS NULL`.pipe(Effect.asVoid, run),
    release: (ids, error) =>
      ids.length === 0
        ? Effect.void
        : sql`UPDATE murojaat.outbox SET claimed_until = NULL, last_error = coalesce(${error ?? null}, last_error)
            WHERE id = ANY(${ids}::text[]) AND published_at IS NULL AND claimed_until IS NOT NULL`.pipe(Effect.asVoid, run),
    pending: Effect.map(pending(undefined).pipe(orCorrupt("Outbox", "pending count")), (r) => r.n).pipe(run)
  }
})

// ---------------------------------------------------------------------------------------------
// IdempotencyStore, IdGenerator, DirectoryStore
// ---------------------------------------------------------------------------------------------

/**
 * The idempotency records written by `commit`.
 *
 * @example
 * import { PgStore } from "@murojaat/postgres"
 * const idempotency = PgStore.makeIdempotencyStore
 */
export const makeIdempotencyStore: Effect.Effect<IdempotencyStore.Service, never, SqlClient.SqlClient> = Effect.map(SqlClient.SqlClient, (sql) => {
  const recordOf = SqlSchema.findOne({
    Request: Schema.String,
    Result: Schema.Struct({ fingerprint: Schema.String, response: Schema.Unknown }),
    execute: (key) => sql`SELECT fingerprint, response FROM murojaat.idempotency WHERE key = ${key}`
  })
  return {
    lookup: (key) =>
      !StoreKey.isStorable(key) ? Effect.succeed(Option.none()) : Effect.map(
        recordOf(key).pipe(orCorrupt("IdempotencyStore", "idempotency record")),
        Option.map((r) => ({ fingerprint: r.fingerprint, response: r.response }))
      ).pipe(orStoreError("IdempotencyStore"))
  }
})

/**
 * Appeal ids from a sequence and registration numbers from a per-district, per-Tashkent-year
 * counter row (`INSERT ... ON CONFLICT DO UPDATE`, safe across instances). A number taken by a
 * command whose commit then fails is not reused: the journal may have gaps, never duplicates.
 *
 * Appeal ids are taken from the sequence in blocks (1, 2, 4, ... up to `appealIdBlock`, default
 * 32: one round trip per block, shared by the instance's concurrent callers). They are unique across every instance
 * on the database, but not gapless (a block's unused ids are lost when the instance stops) and
 * not in commit order across instances (each hands out its own block). The register's sequence
 * is the registration number, which stays one counter step per registration.
 *
 * @example
 * import { PgStore } from "@murojaat/postgres"
 * const ids = PgStore.makeIdGenerator({ appealIdPrefix: "T" })
 */
export const makeIdGenerator = (options: PortOptions = {}): Effect.Effect<IdGenerator.Service, never, SqlClient.SqlClient> =>
  Effect.map(SqlClient.SqlClient, (sql) => {
    const run = orStoreError("IdGenerator")
    const prefix = options.appealIdPrefix ?? "A"
    const block = Math.max(1, Math.floor(options.appealIdBlock ?? 32))
    const nextAppeals = SqlSchema.findAll({
      Request: Schema.Number,
      Result: Schema.Struct({ n: BigIntText }),
      execute: (size) => sql`SELECT nextval('murojaat.appeal_id_seq')::text AS n FROM generate_series(1, ${size}::int)`
    })
    const nextAppeal = Shared.blocks(block, (size) =>
      Effect.map(nextAppeals(size).pipe(orCorrupt("IdGenerator", "appeal id sequence"), run), (rows) => rows.map((r) => r.n)))
    const nextRegistration = SqlSchema.single({
      Request: Schema.Struct({ districtCode: Schema.NullOr(Schema.String), year: Schema.Number }),
      Result: Schema.Struct({ n: Schema.Number }),
      execute: ({ districtCode, year }) => sql`INSERT INTO murojaat.registration_counter (district_code, year, last_number) VALUES (${districtCode}, ${year}, 1)
        ON CONFLICT (district_code, year) DO UPDATE SET last_number = murojaat.registration_counter.last_number + 1
        RETURNING last_number AS n`
    })
    return {
      appealId: Effect.map(nextAppeal, (n) => `${prefix}-${n.padStart(6, "0")}`),
      registrationNumber: (districtCode, at) => {
        const year = IdGenerator.tashkentYear(at)
        return Effect.map(
          nextRegistration({ districtCode: text(districtCode), year }).pipe(orCorrupt("IdGenerator", "registration counter")),
          (r) => IdGenerator.formatRegistration(districtCode, year, r.n)
        ).pipe(run)
      }
    }
  })

const emptyDirectory: Directory.Directory = { regions: [], districts: [], mahallas: [], officers: [] }

/**
 * The directory: one snapshot row plus one row per officer for lookups. The decoded snapshot is
 * kept while its `replaced_at` stamp is unchanged; the stamp is read with the calendar's in one
 * statement, shared by the callers that arrive while it is in flight, so a replacement (by any
 * instance) takes effect for the requests that start after the next stamp read completes.
 *
 * @example
 * import { PgStore } from "@murojaat/postgres"
 * const directory = PgStore.makeDirectoryStore
 */
export const makeDirectoryStore: Effect.Effect<DirectoryStore.Service, never, SqlClient.SqlClient> = Effect.map(SqlClient.SqlClient, (sql) => {
  const run = orStoreError("DirectoryStore")
  const stamps = Stamps.of(sql)
  const snapshot = SqlSchema.findOne({
    Request: Schema.Void,
    Result: Schema.Struct({ snapshot: DirectoryDocument }),
    execute: () => sql`SELECT snapshot FROM murojaat.directory WHERE id = 1`
  })
  let cached: { readonly stamp: string; readonly directory: Directory.Directory } | undefined
  const officer = SqlSchema.findOne({
    Request: Schema.String,
    Result: Schema.Struct({ officer: OfficerDocument }),
    execute: (id) => sql`SELECT officer FROM murojaat.directory_officer WHERE officer_id = ${id}`
  })
  return {
    // The decoded snapshot is kept while its row is unchanged: the service reads the directory on
    // every submit, and decoding a national directory each time would cost more than the commit.
    // `replaced_at` tells whether any instance replaced it since, read with the calendar's stamp
    // in one statement shared by concurrent callers (internal/stamps.ts): a replacement takes
    // effect for the requests that start after the next stamp read completes.
    snapshot: Effect.gen(function* () {
      const current = (yield* stamps).directory
      if (current === undefined) return emptyDirectory
      if (cached !== undefined && cached.stamp === current) return cached.directory
      const row = yield* snapshot(undefined).pipe(orCorrupt("DirectoryStore", "directory snapshot"))
      const directory = Option.match(row, { onNone: () => emptyDirectory, onSome: (r) => r.snapshot })
      cached = { stamp: current, directory }
      return directory
    }).pipe(run),
    officer: (id) => Effect.map(officer(id).pipe(orCorrupt("DirectoryStore", `officer ${id}`)), Option.map((r) => r.officer)).pipe(run),
    replace: (d) =>
      sql
        .withTransaction(
          Effect.gen(function* () {
            yield* sql`INSERT INTO murojaat.directory (id, snapshot) VALUES (1, ${json(d)})
              ON CONFLICT (id) DO UPDATE SET snapshot = excluded.snapshot, replaced_at = now()`
            yield* sql`DELETE FROM murojaat.directory_officer`
            for (let i = 0; i < d.officers.length; i += 5000) {
              const chunk = d.officers.slice(i, i + 5000).map((o) => ({ officer_id: o.id as string, officer: json(o) }))
              yield* sql`INSERT INTO murojaat.directory_officer ${sql.insert(chunk)}`
            }
          })
        )
        // Whatever the outcome (a commit whose answer was lost may have happened): this instance reads next.
        .pipe(Effect.ensuring(Stamps.changed(sql)), run)
  }
})

// ---------------------------------------------------------------------------------------------
// Layers
// ---------------------------------------------------------------------------------------------

/**
 * Every port over the `SqlClient` in context (a migrated database).
 *
 * @example
 * import { PgStore } from "@murojaat/postgres"
 * PgStore.layerFromClient()
 */
export const layerFromClient = (options: PortOptions = {}): Layer.Layer<Ports, never, SqlClient.SqlClient> =>
  Layer.mergeAll(
    Layer.effect(AppealStore.AppealStore, makeAppealStoreWith(options)),
    Layer.effect(Outbox.Outbox, makeOutbox),
    Layer.effect(IdempotencyStore.IdempotencyStore, makeIdempotencyStore),
    Layer.effect(IdGenerator.IdGenerator, makeIdGenerator(options)),
    Layer.effect(DirectoryStore.DirectoryStore, makeDirectoryStore),
    PgWorklist.layer,
    PgCalendarStore.layer(),
    // A submission's look-up, registration number and workloads in one statement.
    PgReservation.layerWith(options)
  )

/** Options of `layerPg`. */
export interface Options extends PortOptions {
  /** `postgres://user:password@host:port/database`. */
  readonly url: string | Redacted.Redacted<string>
  /** Apply pending migrations when the layer starts. Default false (run `murojaat migrate`). */
  readonly migrate?: boolean | undefined
  /** Pool size. Default 10. */
  readonly maxConnections?: number | undefined
  readonly applicationName?: string | undefined
  /**
   * Send the commit statement as a named prepared statement, parsed once per connection. Default
   * true. Behind PgBouncer in transaction mode it needs PgBouncer 1.21 or later with
   * `max_prepared_statements` above 0; otherwise set false (a connection whose statement the
   * server did not keep falls back to unnamed statements by itself, after one failed attempt).
   */
  readonly preparedStatements?: boolean | undefined
  /**
   * Keep the calendar's and the directory's freshness stamps between requests, read again only
   * after a change is notified (migration 0011), on one extra connection per pool that LISTENs.
   * Default true. While that connection is not known to work (connecting, lost, reconnecting),
   * every request reads the stamps. Set false behind PgBouncer in transaction mode, which cannot
   * LISTEN: then every request reads them.
   */
  readonly listenForChanges?: boolean | undefined
  /**
   * Send the two statements of every submission (the reservation and the commit) straight to the
   * pool's `pg` clients instead of through `@effect/sql` (about 0.25 ms less client CPU per
   * statement; the same text, parameters and errors). Default true. Those two statements then have
   * no tracing span: set false to trace them. Inside a caller's transaction they always go through
   * `@effect/sql`, on the transaction's connection.
   */
  readonly directStatements?: boolean | undefined
  /** The service's configuration (lifecycle settings, pipeline, deadlines). Default: the core's defaults. */
  readonly config?: AppealService.ConfigInput | undefined
}

/**
 * A connection pool to PostgreSQL (closed when the layer's scope closes) as an `SqlClient`, with
 * the pool's freshness listener on one more connection unless `listenForChanges` is false.
 *
 * @example
 * import { PgStore } from "@murojaat/postgres"
 * PgStore.layerClient({ url: "postgres://127.0.0.1/murojaat" })
 */
export const layerClient = (options: Options): Layer.Layer<SqlClient.SqlClient | PgClient.PgClient, Errors.StoreError> => {
  // What the pool's connections and the listener's are made from.
  const connection = {
    connectionString: Redacted.value(typeof options.url === "string" ? Redacted.make(options.url) : options.url),
    application_name: options.applicationName ?? "murojaat"
  }
  const client = Layer.scopedContext(
    Effect.gen(function* () {
      // The pool PgClient.layer would make, with clients that send the commit statements prepared;
      // made here so that the hot statements can use it directly (internal/direct.ts).
      let made: pg.Pool | undefined
      const pooled = PgClient.layerFromPool({
        acquire: Effect.acquireRelease(
          Effect.suspend(() => {
            const pool = new pg.Pool({
              ...connection,
              max: options.maxConnections ?? 10,
              Client: options.preparedStatements === false ? pg.Client : Prepared.PreparingClient
            })
            pool.on("error", () => {})
            made = pool
            return Effect.tryPromise({
              try: () => pool.query("SELECT 1"),
              catch: (cause) => new SqlError({ cause, message: "PgClient: Failed to connect" })
            }).pipe(
              Effect.timeoutFail({ duration: "5 seconds", onTimeout: () => new SqlError({ cause: new Error("Connection timed out"), message: "PgClient: Connection timed out" }) }),
              Effect.tapError(() => Effect.promise(() => pool.end())),
              Effect.as(pool)
            )
          }),
          (pool) => Effect.promise(() => pool.end()).pipe(Effect.interruptible, Effect.timeoutOption(1000))
        )
      })
      const context = yield* Layer.build(pooled)
      const sql = Context.get(context, SqlClient.SqlClient)
      if (made !== undefined && options.directStatements !== false) Direct.register(sql, made)
      // Closed before the pool (scopes close in reverse order).
      if (options.listenForChanges !== false) yield* Freshness.register(sql, yield* Freshness.listen(connection))
      return context
    })
  )
  return client.pipe(Layer.catchAll((e: SqlError) => Layer.fail(toStoreError("PgClient")(e))))
}

/**
 * The `AppealService` on the PostgreSQL server at `url` (built with `config`), with every port,
 * migrated first when `migrate` is true. Also provides the `SqlClient` (for `PgQueries`, the raw
 * reader and your own reports).
 *
 * @example
 * import { PgStore } from "@murojaat/postgres"
 * import { AppealService } from "@murojaat/core"
 * const live = PgStore.layerPg({ url: process.env.DATABASE_URL!, migrate: true, config: { pipeline: AppealService.rulesPipeline() } })
 * // Effect.provide(AppealService.submit(intake, actor), live)
 */
export const layerPg = (
  options: Options
): Layer.Layer<AppealService.AppealService | Ports | SqlClient.SqlClient | PgClient.PgClient, Errors.StoreError> => {
  const client = layerClient(options)
  const migrated = options.migrate === true ? Layer.effectDiscard(Migrator.migrate).pipe(Layer.provideMerge(client)) : client
  return AppealService.layerWith(options.config ?? {}).pipe(Layer.provideMerge(layerFromClient(options).pipe(Layer.provideMerge(migrated))))
}
