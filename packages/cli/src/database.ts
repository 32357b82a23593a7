/**
 * Which PostgreSQL a database command works on: `--database URL`; else the embedded server in
 * `--data-dir DIR` when given; else `DATABASE_URL`; else the embedded server in `.murojaat/postgres`.
 */
import { existsSync } from "node:fs"
import { join } from "node:path"
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
): { readonly where: string; readonly layer: ReturnType<typeof PgStore.layerPg>; readonly dataDir?: string; readonly endpoint?: string } => {
  const fromEnv = values.database === undefined
  // An explicit --data-dir wins over DATABASE_URL from the environment.
  const url = values.database ?? (values["data-dir"] === undefined ? process.env["DATABASE_URL"] : undefined)
  if (values.database === "") throw new UsageError("--database needs a URL (postgres://user@host:port/database)")
  if (values["data-dir"] !== undefined && values["data-dir"].trim() === "") throw new UsageError("--data-dir needs a folder")
  if (values.database !== undefined && values["data-dir"] !== undefined) throw new UsageError("--database and --data-dir cannot be combined")
  if (url !== undefined && url !== "") {
    const shown = postgresUrl(url, fromEnv ? "DATABASE_URL" : "--database")
    shown.password = shown.password === "" ? "" : "***"
    const endpoint = `${shown.hostname}:${shown.port === "" ? "5432" : shown.port}`
    return { where: shown.toString(), endpoint, layer: PgStore.layerPg({ url, migrate: migrate.server, maxConnections: 4, config }) }
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
    // Name the host and port as written, so the mistake is easy to see (never the password).
    const m = /^[a-z]+:\/\/(?:[^@/]*@)?([^/:?#]*)(?::([^/?#]*))?/i.exec(url)
    const where = m === null ? "" : ` (host "${m[1]}", port "${m[2] ?? "5432"}")`
    throw new UsageError(`${source} is not a valid URL${where}; expected postgres://user:password@host:port/database with a port from 1 to 65535`)
  }
  if (parsed.protocol !== "postgres:" && parsed.protocol !== "postgresql:") {
    throw new UsageError(`${source} must be a postgres:// or postgresql:// URL (got ${parsed.protocol}//…)`)
  }
  if (parsed.hostname === "") throw new UsageError(`${source} names no host; expected postgres://user:password@host:port/database`)
  return parsed
}

// Why a connection failed, from the driver's code (a socket errno or a SQLSTATE), in words.
const connectionProblems: Record<string, string> = {
  ECONNREFUSED: "connection refused (is a server running and listening there?)",
  ECONNRESET: "the connection was reset",
  ENOTFOUND: "host not found",
  EAI_AGAIN: "host not found (name resolution failed)",
  EHOSTUNREACH: "host unreachable",
  ENETUNREACH: "network unreachable",
  ETIMEDOUT: "no answer (timed out)",
  "28P01": "password authentication failed",
  "28000": "the server refused this user or address (pg_hba.conf)",
  "3D000": "the database does not exist",
  "57P03": "the server is starting up or shutting down"
}

/**
 * One line for a failed database program: a connection failure names the host and port (from the
 * URL, or from the driver's message) and why; anything else is the error's own message.
 */
export const failureLine = (failure: unknown, endpoint?: string): string => {
  const detail = typeof failure === "object" && failure !== null && typeof (failure as { detail?: unknown }).detail === "string" ? (failure as { detail: string }).detail : ""
  const code = /^([A-Z0-9_]+):/.exec(detail)?.[1]
  const problem = code !== undefined ? connectionProblems[code] : undefined
  if (problem !== undefined) {
    const at = endpoint ?? /(?:connect \w+|getaddrinfo \w+) (\S+)/.exec(detail)?.[1] ?? "the configured server"
    return `cannot connect to PostgreSQL at ${at}: ${problem}`
  }
  const message = failure instanceof Error ? failure.message : JSON.stringify(failure)
  // An embedded server that did not start: its first line says why (the server's log follows).
  return `database error: ${oneLine(detail.startsWith("embedded PostgreSQL") ? (detail.split("\n")[0] ?? message) : message)}`
}

/**
 * Runs a database program; a failure is printed on stderr as one line (a connection failure names
 * the host and port, `endpoint` when given) and gives exit code 1 (`undefined` here).
 */
export const runOn = async <A>(io: Io, program: Effect.Effect<A, unknown, never>, endpoint?: string): Promise<A | undefined> => {
  const exit = await Effect.runPromiseExit(program)
  if (Exit.isSuccess(exit)) return exit.value
  io.err(failureLine(Cause.squash(exit.cause), endpoint))
  return undefined
}

/**
 * Refuses an embedded data folder that holds no Murojaat database (nothing there, or a folder
 * Murojaat did not make), for commands that only read: starting a server there would create an
 * empty database and report on nothing.
 */
export const requireDatabase = (dataDir: string | undefined): void => {
  if (dataDir === undefined) return
  if (!existsSync(join(dataDir, "PG_VERSION")) || !existsSync(Embedded.credentialsFile(dataDir))) {
    throw new UsageError(`--data-dir ${dataDir} holds no Murojaat database (nothing to check there); give the folder your application uses, or --database URL`)
  }
}
