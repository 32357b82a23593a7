/**
 * A database for tests, benchmarks and fault drills: with `DATABASE_URL`, a fresh database
 * created on that server (dropped afterwards, so runs never see each other's rows; the role needs
 * CREATEDB); without it, an embedded server in a temporary folder. `server: "never"` always uses
 * the embedded server; `server: "required"` (integration tests) refuses to fall back when
 * `CI=true`: a CI run without its server must fail, not pass on the embedded one.
 *
 * @example
 * import { Testing } from "@murojaat/postgres/testing"
 * import { Effect } from "effect"
 * const program = Effect.scoped(Effect.flatMap(Testing.database(), (db) => Effect.log(db.url)))
 */
import { randomBytes } from "node:crypto"
import { Errors } from "@murojaat/core"
import { Effect, type Scope } from "effect"
import pg from "pg"
import * as Embedded from "../Embedded.js"
import * as Migrator from "../Migrator.js"
import * as PgStore from "../PgStore.js"
import * as Roles from "../Roles.js"

/** Where the test database is. */
export interface Database {
  /** A role with every right (the server's DATABASE_URL role, or the embedded superuser): setup and intruder tests. */
  readonly url: string
  /**
   * The role the ports should use: on the embedded server the application role (`Roles.app`),
   * with the schema migrated by the owner and its grants given; on DATABASE_URL the same as `url`.
   */
  readonly appUrl: string
  /** "server" (DATABASE_URL) or "embedded". */
  readonly kind: "server" | "embedded"
}

const adminQuery = (url: string, text: string) =>
  Effect.tryPromise({
    try: async () => {
      const client = new pg.Client({ connectionString: url })
      await client.connect()
      try {
        await client.query(text)
      } finally {
        await client.end()
      }
    },
    catch: (e) => new Errors.StoreError({ port: "Testing", reason: "unavailable", detail: e instanceof Error ? e.message : String(e) })
  })

/**
 * A fresh database on the server at `url`, dropped when the scope closes.
 *
 * @example
 * import { Testing } from "@murojaat/postgres/testing"
 * Testing.freshDatabase("postgres://murojaat@127.0.0.1/murojaat")
 */
export const freshDatabase = (url: string): Effect.Effect<string, Errors.StoreError, Scope.Scope> => {
  const name = `murojaat_t_${randomBytes(6).toString("hex")}`
  const target = new URL(url)
  target.pathname = `/${name}`
  return Effect.acquireRelease(
    Effect.as(adminQuery(url, `CREATE DATABASE ${name}`), target.toString()),
    () => Effect.ignore(adminQuery(url, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`))
  )
}

/**
 * The test database: fresh on `DATABASE_URL`, or an embedded server in a temporary folder.
 *
 * @example
 * import { Testing } from "@murojaat/postgres/testing"
 * Testing.database({ server: "required" })
 */
export const database = (options: { readonly server?: "never" | "preferred" | "required" } = {}): Effect.Effect<Database, Errors.StoreError, Scope.Scope> => {
  const server = options.server ?? "preferred"
  const url = process.env["DATABASE_URL"]
  if (server !== "never" && url !== undefined && url !== "") return Effect.map(freshDatabase(url), (u) => ({ url: u, appUrl: u, kind: "server" as const }))
  if (server === "required" && process.env["CI"] === "true") {
    return Effect.fail(
      new Errors.StoreError({ port: "Testing", reason: "unavailable", detail: "CI=true but DATABASE_URL is not set: .ci/run must start PostgreSQL (.ci/postgres.sh)" })
    )
  }
  const dataDir = Embedded.temporaryDataDir()
  return Effect.acquireRelease(Effect.succeed(dataDir), (d) => Effect.sync(() => Embedded.removeDataDir(d))).pipe(
    Effect.zipRight(Embedded.start({ dataDir, ephemeral: true })),
    Effect.tap((s) =>
      Effect.scoped(
        Effect.provide(
          Effect.zipRight(Migrator.migrate, Roles.grant(Roles.app)),
          PgStore.layerClient({ url: s.ownerUrl, maxConnections: 1 })
        )
      )
    ),
    Effect.map((s) => ({ url: s.superuserUrl, appUrl: s.url, kind: "embedded" as const }))
  )
}
