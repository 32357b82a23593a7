/**
 * The reference service composed: Murojaat's HTTP API (`@murojaat/http`) on PostgreSQL
 * (`@murojaat/postgres`: embedded by default, a server with `DATABASE_URL`), with the core's own
 * rules pipeline, the deadline worker (`@murojaat/rabbitmq`'s `Deadlines`, the one `murojaat worker
 * deadlines` runs: each breach escalated and each warning logged once across instances), readiness
 * checks (database reachable, migrations current), and the demo directory loaded into an empty
 * database.
 *
 * Settings come from the environment (`configFromEnv`), documented in docs/http.md.
 */
import { createServer } from "node:http"
import { HttpApiBuilder, HttpServerResponse } from "@effect/platform"
import { NodeHttpServer } from "@effect/platform-node"
import { SqlClient } from "@effect/sql"
import { AppealService, DirectoryStore } from "@murojaat/core"
import { Analytics, Health, Identity, Server } from "@murojaat/http"
import { Embedded, Migrator, PgAnalytics, PgStore } from "@murojaat/postgres"
import { Deadlines, DeliveryLog } from "@murojaat/rabbitmq"
import * as Console from "@murojaat/example-console/build"
import { Effect, Layer } from "effect"
import * as World from "./world.js"

/** Everything the service is started with. */
export interface Config {
  readonly host: string
  readonly port: number
  /** A PostgreSQL server; absent: the embedded server in `dataDir`. */
  readonly databaseUrl?: string | undefined
  readonly dataDir: string
  readonly migrate: boolean
  readonly maxConnections: number
  /** Send the store's commit as a named prepared statement (PgStore's `preparedStatements`); off behind a pooler that cannot keep them. */
  readonly preparedStatements: boolean
  /** Keep the calendar's and directory's stamps until a change is notified (PgStore's `listenForChanges`); off behind a pooler that cannot LISTEN. */
  readonly listenForChanges: boolean
  /** Send a submission's reservation and commit to the pool's clients directly (PgStore's `directStatements`); off to trace them through `@effect/sql`. */
  readonly directStatements: boolean
  /** Group commit: statements of each kind (reservations, commits) on their way at once (PgStore's `commitsInFlight` and `reservationsInFlight`); 0 sends each alone. */
  readonly groupInFlight: number
  readonly identity: Identity.Settings
  /** Whether tokens are development tokens (a local secret): the service then prints some. */
  readonly development: boolean
  readonly clients: ReadonlyArray<unknown>
  /** Load the demo directory when the database has none. */
  readonly demoDirectory: boolean
  /** Seconds between deadline sweeps; 0: no timer in this instance. */
  readonly timerSeconds: number
  /** How often the prevention analytics' facts are refreshed, in seconds; 0: never (another instance does it). */
  readonly analyticsRefreshSeconds: number
  readonly edge: Server.Settings["edge"]
  readonly open311: Server.Settings["open311"]
  readonly drainSeconds: number
  /** The web console at `/` (with its OpenID provider, if any), or `false` to leave it out. */
  readonly console: Console.PageConfig | false
}

const int = (name: string, value: string | undefined, fallback: number, min: number, max: number): number => {
  if (value === undefined || value === "") return fallback
  if (!/^[0-9]+$/.test(value) || Number(value) < min || Number(value) > max) throw new Error(`${name} must be an integer from ${min} to ${max}`)
  return Number(value)
}

/**
 * The configuration from the environment:
 * `HOST` (127.0.0.1), `PORT` (8080; 0 for any free port), `DATABASE_URL`, `MUROJAAT_DATA_DIR`
 * (.murojaat/postgres), `MUROJAAT_MIGRATE` (true), `MUROJAAT_DB_CONNECTIONS` (10),
 * `MUROJAAT_PG_PREPARED` (true; false behind PgBouncer before 1.21 or without `max_prepared_statements`),
 * `MUROJAAT_PG_LISTEN` (true; false behind PgBouncer in transaction mode, which cannot LISTEN),
 * `MUROJAAT_PG_DIRECT` (true; false sends a submission's two statements through `@effect/sql`, with their spans),
 * `MUROJAAT_PG_GROUP_IN_FLIGHT` (1: group commit, reservations and commits that arrive while one of their kind is out go together; 0: each alone),
 * `MUROJAAT_JWKS_URL` + `MUROJAAT_JWT_ISSUER` + `MUROJAAT_JWT_AUDIENCE` (production tokens) or
 * `MUROJAAT_JWT_SECRET` (else the development secret file), `MUROJAAT_CLIENTS_FILE` (a JSON list
 * of clients; default the demo clients in development), `MUROJAAT_DEMO_DIRECTORY` (true),
 * `MUROJAAT_TIMER_SECONDS` (60), `MUROJAAT_CORS_ORIGINS` (comma-separated), `MUROJAAT_RATE_PER_MINUTE`
 * and `MUROJAAT_ADDRESS_RATE_PER_MINUTE` (0: off), `MUROJAAT_LOG_LEVEL` (Info), `MUROJAAT_TRUST_PROXY`, `MUROJAAT_HSTS`, `MUROJAAT_OPEN311` (true), `MUROJAAT_DRAIN_SECONDS` (10),
 * `MUROJAAT_CONSOLE` (true: the web console at `/`), `MUROJAAT_OIDC_ISSUER` + `MUROJAAT_OIDC_CLIENT_ID`
 * (+ `MUROJAAT_OIDC_SCOPE`, default `openid`): the console's sign-in through that OpenID provider.
 */
export const configFromEnv = (env: NodeJS.ProcessEnv = process.env, readFile: (path: string) => string = () => "[]"): Config => {
  const jwks = env["MUROJAAT_JWKS_URL"]
  const development = jwks === undefined || jwks === ""
  const identity: Identity.Settings = development
    ? {
        issuer: env["MUROJAAT_JWT_ISSUER"] ?? Identity.development.issuer,
        audience: env["MUROJAAT_JWT_AUDIENCE"] ?? Identity.development.audience,
        secret: env["MUROJAAT_JWT_SECRET"] ?? Identity.developmentSecret(env["MUROJAAT_JWT_SECRET_FILE"] ?? Identity.development.secretFile)
      }
    : {
        issuer: required(env, "MUROJAAT_JWT_ISSUER"),
        audience: required(env, "MUROJAAT_JWT_AUDIENCE"),
        jwksUrl: jwks
      }
  const clientsFile = env["MUROJAAT_CLIENTS_FILE"]
  const clients = clientsFile !== undefined && clientsFile !== "" ? (JSON.parse(readFile(clientsFile)) as ReadonlyArray<unknown>) : development ? World.clients : []
  const flag = (name: string, fallback: boolean) => (env[name] === undefined || env[name] === "" ? fallback : env[name] === "true" || env[name] === "1")
  const rate = env["MUROJAAT_RATE_PER_MINUTE"]
  const addressRate = env["MUROJAAT_ADDRESS_RATE_PER_MINUTE"]
  const perMinute = (name: string, value: string) => {
    const n = int(name, value, 0, 0, 10_000_000)
    return n === 0 ? (false as const) : { perMinute: n, burst: Math.max(1, Math.ceil(n / 6)) }
  }
  const origins = env["MUROJAAT_CORS_ORIGINS"]
  return {
    host: env["HOST"] ?? "127.0.0.1",
    port: int("PORT", env["PORT"], 8080, 0, 65535),
    databaseUrl: env["DATABASE_URL"] === "" ? undefined : env["DATABASE_URL"],
    dataDir: env["MUROJAAT_DATA_DIR"] ?? ".murojaat/postgres",
    migrate: flag("MUROJAAT_MIGRATE", true),
    maxConnections: int("MUROJAAT_DB_CONNECTIONS", env["MUROJAAT_DB_CONNECTIONS"], 10, 1, 500),
    preparedStatements: flag("MUROJAAT_PG_PREPARED", true),
    listenForChanges: flag("MUROJAAT_PG_LISTEN", true),
    directStatements: flag("MUROJAAT_PG_DIRECT", true),
    groupInFlight: int("MUROJAAT_PG_GROUP_IN_FLIGHT", env["MUROJAAT_PG_GROUP_IN_FLIGHT"], 1, 0, 500),
    identity,
    development,
    clients,
    demoDirectory: flag("MUROJAAT_DEMO_DIRECTORY", true),
    timerSeconds: int("MUROJAAT_TIMER_SECONDS", env["MUROJAAT_TIMER_SECONDS"], 60, 0, 86_400),
    analyticsRefreshSeconds: int("MUROJAAT_ANALYTICS_REFRESH_SECONDS", env["MUROJAAT_ANALYTICS_REFRESH_SECONDS"], 300, 0, 86_400),
    edge: {
      ...(rate !== undefined && rate !== "" ? { rateLimit: perMinute("MUROJAAT_RATE_PER_MINUTE", rate) } : {}),
      ...(addressRate !== undefined && addressRate !== "" ? { addressRateLimit: perMinute("MUROJAAT_ADDRESS_RATE_PER_MINUTE", addressRate) } : {}),
      ...(origins !== undefined && origins !== "" ? { cors: { allowedOrigins: origins.split(",").map((o) => o.trim()) } } : {}),
      trustProxy: flag("MUROJAAT_TRUST_PROXY", false),
      hsts: flag("MUROJAAT_HSTS", false)
    },
    open311: flag("MUROJAAT_OPEN311", true) ? { responseType: "realtime" } : false,
    drainSeconds: int("MUROJAAT_DRAIN_SECONDS", env["MUROJAAT_DRAIN_SECONDS"], 10, 0, 600),
    console: flag("MUROJAAT_CONSOLE", true) ? consoleConfig(env) : false
  }
}

const consoleConfig = (env: NodeJS.ProcessEnv): Console.PageConfig => {
  const issuer = env["MUROJAAT_OIDC_ISSUER"]
  if (issuer === undefined || issuer === "") return {}
  const clientId = env["MUROJAAT_OIDC_CLIENT_ID"]
  if (clientId === undefined || clientId === "") throw new Error("MUROJAAT_OIDC_CLIENT_ID is required with MUROJAAT_OIDC_ISSUER")
  // Refused at start rather than at the first sign-in: the page's CSP names the issuer's origin.
  if (!URL.canParse(issuer)) throw new Error("MUROJAAT_OIDC_ISSUER must be a URL")
  const scope = env["MUROJAAT_OIDC_SCOPE"]
  return { oidc: { issuer, clientId, ...(scope !== undefined && scope !== "" ? { scope } : {}) } }
}

/**
 * The web console's routes (packages/examples/console): its files, built with esbuild in memory
 * when the service starts (a fraction of a second; nothing is written, so concurrent starts cannot
 * race), at `/` and `/console/*`, with their types, a strict CSP and cache headers; and its
 * settings at `/console/config.json`.
 */
export const consoleRoutes = (config: Console.PageConfig) =>
  HttpApiBuilder.Router.use((router) =>
    Effect.gen(function* () {
      const assets = yield* Effect.promise(() => Console.build())
      for (const asset of assets) {
        const headers = Console.headersOf(asset, config)
        yield* router.get(asset.path as `/${string}`, Effect.sync(() => HttpServerResponse.uint8Array(asset.contents, { contentType: asset.contentType, headers })))
      }
      const settings = new TextEncoder().encode(JSON.stringify(config))
      const configAsset = { path: "/console/config.json", contents: settings, contentType: "application/json", immutable: false }
      yield* router.get("/console/config.json", Effect.sync(() => HttpServerResponse.uint8Array(settings, { contentType: configAsset.contentType, headers: Console.headersOf(configAsset, config) })))
      yield* Effect.logInfo("console built").pipe(Effect.annotateLogs({ files: assets.length, bytes: assets.reduce((n, a) => n + a.contents.byteLength, 0) }))
    })
  )

const required = (env: NodeJS.ProcessEnv, name: string): string => {
  const value = env[name]
  if (value === undefined || value === "") throw new Error(`${name} is required with MUROJAAT_JWKS_URL`)
  return value
}

/** The core's service and ports on the configured database, with Murojaat's own rules pipeline. */
export const database = (config: Config) => {
  const options = { maxConnections: config.maxConnections, migrate: config.migrate, directStatements: config.directStatements, commitsInFlight: config.groupInFlight, reservationsInFlight: config.groupInFlight, config: { pipeline: AppealService.rulesPipeline() } }
  return config.databaseUrl !== undefined
    ? PgStore.layerPg({ url: config.databaseUrl, applicationName: "murojaat-service", preparedStatements: config.preparedStatements, listenForChanges: config.listenForChanges, ...options })
    : Embedded.layerEmbedded({ dataDir: config.dataDir, ...options })
}

// The database is reachable, and its schema is the one this code migrates to.
const readiness = Layer.effect(
  Health.Readiness,
  Effect.map(SqlClient.SqlClient, (sql) => {
    const latest = Migrator.files().at(-1)?.version ?? 0
    return {
      database: sql`SELECT 1 AS ok`.pipe(
        Effect.as("ok"),
        Effect.catchAll(() => Effect.succeed("unreachable"))
      ),
      migrations: sql<{ version: number | null }>`SELECT max(version) AS version FROM murojaat.schema_migration`.pipe(
        Effect.map((rows) => (Number(rows[0]?.version ?? 0) === latest ? "ok" : `schema at ${rows[0]?.version ?? 0}, code at ${latest}`)),
        Effect.catchAll(() => Effect.succeed("unreadable"))
      )
    }
  })
)

// The demo directory, loaded when the database has none (a first start).
const demoDirectory = Layer.effectDiscard(
  Effect.gen(function* () {
    const store = yield* DirectoryStore.DirectoryStore
    const current = yield* store.snapshot
    if (current.districts.length === 0) {
      yield* store.replace(World.directory)
      yield* Effect.logInfo("demo directory loaded").pipe(Effect.annotateLogs({ mahallas: World.directory.mahallas.length, officers: World.directory.officers.length }))
    }
  })
)

/** The service as a layer: serving while alive; outputs the HTTP server (its address). */
export const layer = (config: Config) => {
  const db = database(config)
  // The prevention analytics in SQL over the facts (migration 0007), read by /v1/analytics/* and
  // refreshed in the background (every instance may refresh: refreshes claim their work with SKIP LOCKED).
  const analytics = PgAnalytics.layer()
  const http = Server.layer({
    identity: config.identity,
    clients: config.clients,
    edge: config.edge,
    open311: config.open311,
    drainSeconds: config.drainSeconds,
    analytics
  }).pipe(Layer.provide(readiness), Layer.provide(config.console === false ? Layer.empty : consoleRoutes(config.console)))
  const refresh =
    config.analyticsRefreshSeconds === 0 ? Layer.empty : Analytics.refresher(`${config.analyticsRefreshSeconds} seconds`).pipe(Layer.provide(analytics))
  // Warnings go to the log (no broker here); the delivery log in the database keeps each one once.
  const timer =
    config.timerSeconds === 0
      ? Layer.empty
      : Deadlines.layer({ intervalMillis: config.timerSeconds * 1000 }).pipe(Layer.provide(Layer.merge(DeliveryLog.layerSql, Deadlines.alertsToLog)))
  const setup = config.demoDirectory ? demoDirectory : Layer.empty
  // After the requests in flight drained and the handler is off, whatever connection is still open
  // (idle keep-alive, or a request that arrived in the last instant and will never be answered) is
  // closed, so the server's close does not wait on it forever. Its finalizer runs between the two.
  const server = createServer()
  const closer = Layer.scopedDiscard(Effect.addFinalizer(() => Effect.sync(() => server.closeAllConnections())))
  return Layer.mergeAll(http, timer, refresh).pipe(
    Layer.provide(closer),
    Layer.provideMerge(NodeHttpServer.layer(() => server, { host: config.host, port: config.port })),
    Layer.provide(setup),
    Layer.provideMerge(db)
  )
}
