/**
 * Which PostgreSQL a database command works on: `--database URL`, else `DATABASE_URL`, else the
 * embedded server with its data in `--data-dir` (default `.murojaat/postgres`).
 */
import type { AppealService } from "@murojaat/core"
import { Embedded, PgStore } from "@murojaat/postgres"
import { Cause, Effect, Exit } from "effect"
import { type Io, oneLine, UsageError } from "./Command.js"

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
  migrate: { readonly server: boolean; readonly embedded: boolean },
  /** The service's configuration (pipeline, settings); the core's defaults when absent. */
  config?: AppealService.ConfigInput
): { readonly where: string; readonly layer: ReturnType<typeof PgStore.layerPg>; readonly dataDir?: string } => {
  const fromEnv = values.database === undefined
  const url = values.database ?? process.env["DATABASE_URL"]
  if (values.database === "") throw new UsageError("--database needs a URL (postgres://user@host:port/database)")
  if (values["data-dir"] !== undefined && values["data-dir"].trim() === "") throw new UsageError("--data-dir needs a folder")
  if (values.database !== undefined && values["data-dir"] !== undefined) throw new UsageError("--database and --data-dir cannot be combined")
  if (url !== undefined && url !== "") {
    const shown = postgresUrl(url, fromEnv ? "DATABASE_URL" : "--database")
    shown.password = shown.password === "" ? "" : "***"
    return { where: shown.toString(), layer: PgStore.layerPg({ url, migrate: migrate.server, maxConnections: 4, config }) }
  }
  const dataDir = values["data-dir"] ?? ".murojaat/postgres"
  return { where: `embedded:${dataDir}`, dataDir, layer: Embedded.layerEmbedded({ dataDir, migrate: migrate.embedded, maxConnections: 4, config }) }
}

// A URL the driver can use, or a usage error that names where it came from (never echoes a password).
const postgresUrl = (url: string, source: string): URL => {
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    throw new UsageError(`${source} is not a URL; expected postgres://user:password@host:port/database`)
  }
  if (parsed.protocol !== "postgres:" && parsed.protocol !== "postgresql:") {
    throw new UsageError(`${source} must be a postgres:// or postgresql:// URL (got ${parsed.protocol}//…)`)
  }
  return parsed
}

/** Runs a database program; a failure is printed on stderr and gives exit code 1. */
export const runOn = async <A>(io: Io, program: Effect.Effect<A, unknown, never>): Promise<A | undefined> => {
  const exit = await Effect.runPromiseExit(program)
  if (Exit.isSuccess(exit)) return exit.value
  const failure = Cause.squash(exit.cause)
  io.err(`database error: ${oneLine(failure instanceof Error ? failure.message : JSON.stringify(failure))}`)
  return undefined
}
