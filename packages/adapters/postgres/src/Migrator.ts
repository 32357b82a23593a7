/**
 * Versioned, forward-only schema migrations: the numbered SQL files in `migrations/`
 * (`0001_appeals.sql`, ...), applied in order, each recorded with its checksum in
 * `murojaat.schema_migration`. Run them with `migrate` (at service start when asked: `layerPg({
 * url, migrate: true })`) or `murojaat migrate`. Several instances may start at once: an advisory
 * lock makes one apply and the others see the result. A shipped migration whose file changed, or a
 * database newer than the code, is refused instead of guessed at.
 *
 * @example
 * import { Migrator } from "@murojaat/postgres"
 * Migrator.files().map((m) => m.name) // ["0001_appeals.sql", ...]
 */
import { createHash } from "node:crypto"
import { readdirSync, readFileSync } from "node:fs"
import { fileURLToPath } from "node:url"
import { SqlClient } from "@effect/sql"
import { Errors } from "@murojaat/core"
import { Effect } from "effect"
import { orStoreError } from "./internal/errors.js"

/** One migration file. */
export interface Migration {
  readonly version: number
  readonly name: string
  readonly sql: string
  readonly checksum: string
}

/** What `migrate` did. */
export interface Report {
  /** Migrations applied by this call, in order. */
  readonly applied: ReadonlyArray<string>
  /** The schema version after the call. */
  readonly version: number
}

// src/ and dist/ are both one level below the package root, beside migrations/.
const directory = fileURLToPath(new URL("../migrations/", import.meta.url))

/**
 * The migration files shipped with this package, in version order.
 *
 * @example
 * import { Migrator } from "@murojaat/postgres"
 * Migrator.files()[0]!.version // 1
 */
export const files = (): ReadonlyArray<Migration> =>
  readdirSync(directory)
    .filter((n) => /^\d{4}_[a-z0-9_]+\.sql$/.test(n))
    .sort()
    .map((name) => {
      const sql = readFileSync(directory + name, "utf8")
      return { version: Number(name.slice(0, 4)), name, sql, checksum: createHash("sha256").update(sql).digest("hex") }
    })

const refuse = (detail: string) => new Errors.StoreError({ port: "Migrator", reason: "constraint", detail })

/**
 * Applies the migrations the database does not have yet, in one transaction (PostgreSQL DDL is
 * transactional: all or nothing), under an advisory lock.
 *
 * @example
 * import { Migrator } from "@murojaat/postgres"
 * const program = Migrator.migrate // Effect<Report, StoreError, SqlClient>
 */
export const migrate: Effect.Effect<Report, Errors.StoreError, SqlClient.SqlClient> = Effect.gen(function* () {
  const sql = yield* SqlClient.SqlClient
  const wanted = files()
  return yield* sql.withTransaction(
    Effect.gen(function* () {
      yield* sql`SELECT pg_advisory_xact_lock(hashtext('murojaat.migrate'))`
      yield* sql`CREATE SCHEMA IF NOT EXISTS murojaat`
      yield* sql`CREATE TABLE IF NOT EXISTS murojaat.schema_migration (
        version integer PRIMARY KEY, name text NOT NULL, checksum text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())`
      const done = yield* sql<{ version: number; name: string; checksum: string }>`SELECT version, name, checksum FROM murojaat.schema_migration ORDER BY version`
      for (const d of done) {
        const file = wanted.find((m) => m.version === d.version)
        if (file === undefined) return yield* Effect.fail(refuse(`database has migration ${d.name}, which this version of @murojaat/postgres does not know: upgrade the code`))
        if (file.checksum !== d.checksum) return yield* Effect.fail(refuse(`migration ${d.name} was changed after it was applied: migrations are forward-only, add a new file`))
      }
      const applied: Array<string> = []
      for (const m of wanted) {
        if (done.some((d) => d.version === m.version)) continue
        yield* sql.unsafe(m.sql)
        yield* sql`INSERT INTO murojaat.schema_migration ${sql.insert({ version: m.version, name: m.name, checksum: m.checksum })}`
        applied.push(m.name)
      }
      return { applied, version: wanted.length === 0 ? 0 : wanted[wanted.length - 1]!.version }
    })
  ).pipe(orStoreError("Migrator"))
})
