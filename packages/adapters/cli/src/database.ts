/**
 * Which PostgreSQL a database command works on: `--database URL`, else `DATABASE_URL`, else the
 * embedded server with its data in `--data-dir` (default `.murojaat/postgres`).
 */
import { Embedded, PgStore } from "@murojaat/postgres"
import { Cause, Effect, Exit } from "effect"
import type { Io } from "./Command.js"

/** The options every database command accepts, for `parseArgs`. */
export const databaseOptions = {
  database: { type: "string" },
  "data-dir": { type: "string" }
} as const

/**
 * The layer for the chosen database, migrated at start when asked: `migrate.server` for a server
 * (never for a read-only check of production), `migrate.embedded` for the local embedded one.
 */
export const layerFor = (
  values: { readonly database?: string | undefined; readonly "data-dir"?: string | undefined },
  migrate: { readonly server: boolean; readonly embedded: boolean }
): { readonly where: string; readonly layer: ReturnType<typeof PgStore.layerPg> } => {
  const url = values.database ?? process.env["DATABASE_URL"]
  if (url !== undefined && url !== "") {
    const shown = new URL(url)
    shown.password = shown.password === "" ? "" : "***"
    return { where: shown.toString(), layer: PgStore.layerPg({ url, migrate: migrate.server, maxConnections: 4 }) }
  }
  const dataDir = values["data-dir"] ?? ".murojaat/postgres"
  return { where: `embedded:${dataDir}`, layer: Embedded.layerEmbedded({ dataDir, migrate: migrate.embedded, maxConnections: 4 }) }
}

/** Runs a database program; a failure is printed on stderr and gives exit code 1. */
export const runOn = async <A>(io: Io, program: Effect.Effect<A, unknown, never>): Promise<A | undefined> => {
  const exit = await Effect.runPromiseExit(program)
  if (Exit.isSuccess(exit)) return exit.value
  const failure = Cause.squash(exit.cause)
  io.err(`database error: ${failure instanceof Error ? failure.message : JSON.stringify(failure)}`)
  return undefined
}
