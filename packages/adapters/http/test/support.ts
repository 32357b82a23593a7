// Starts the HTTP service on a free port of 127.0.0.1 over the given core layer (in memory by
// default), with development tokens for every kind of caller.
import { createServer } from "node:http"
import { HttpServer } from "@effect/platform"
import { NodeHttpServer } from "@effect/platform-node"
import { AppealService, Sample } from "@murojaat/core"
import { Identity, Server } from "@murojaat/http"
import { Context, Effect, Exit, Layer, Logger, LogLevel, Scope } from "effect"

export const identity = { issuer: "murojaat-test", audience: "murojaat", secret: "test-secret-test-secret-test-secret!" }

export const clients = [
  { id: "portal", kind: "integration", districts: ["1726262"], apiKeyDigests: [Identity.digestApiKey("portal-key")] },
  { id: "elsewhere", kind: "integration", districts: ["1726999"] },
  { id: "AUD-1", kind: "auditor" },
  { id: "admin", kind: "integration", scopes: ["directory:read", "directory:admin", "calendar:admin"] },
  { id: "slow", kind: "integration", rateLimitPerMinute: 6 }
]

export const token = (claims: Identity.Claims, options: { ttlSeconds?: number; now?: number } = {}) => Effect.runPromise(Identity.mint(identity, claims, options))

export interface Running {
  readonly url: string
  readonly close: () => Promise<void>
  readonly context: Context.Context<never>
}

export const start = async (
  core: Layer.Layer<any, any, never> = AppealService.layerMemory(Sample.directory, { pipeline: AppealService.rulesPipeline() }),
  settings: Partial<Server.Settings> = {},
  // The service's logging (a test that reads the log lines gives its own logger and level).
  logging: Layer.Layer<never> = Logger.minimumLogLevel(process.env["HTTP_TEST_LOGS"] ? LogLevel.All : LogLevel.None)
): Promise<Running> => {
  const layer = Server.layer({ identity, clients, open311: false, ...settings }).pipe(
    Layer.provide(core),
    Layer.provideMerge(NodeHttpServer.layer(createServer, { port: 0, host: "127.0.0.1" })),
    Layer.provide(logging)
  )
  const scope = Effect.runSync(Scope.make())
  const context = (await Effect.runPromise(Layer.buildWithScope(layer, scope))) as Context.Context<never>
  const address = Context.get(context as Context.Context<HttpServer.HttpServer>, HttpServer.HttpServer).address
  const port = address._tag === "TcpAddress" ? address.port : 0
  return { url: `http://127.0.0.1:${port}`, context, close: () => Effect.runPromise(Scope.close(scope, Exit.void)) }
}

/** An HTTP answer as the tests read it. */
export interface Answer {
  readonly status: number
  readonly headers: Headers
  readonly json: any
  readonly text: string
}

export const call = async (
  base: string,
  method: string,
  path: string,
  options: { token?: string; body?: unknown; raw?: string; headers?: Record<string, string> } = {}
): Promise<Answer> => {
  const headers: Record<string, string> = { ...options.headers }
  if (options.token !== undefined) headers["authorization"] = `Bearer ${options.token}`
  let body: string | undefined
  if (options.raw !== undefined) body = options.raw
  else if (options.body !== undefined) {
    body = JSON.stringify(options.body)
    headers["content-type"] ??= "application/json"
  }
  const res = await fetch(base + path, { method, headers, ...(body !== undefined ? { body } : {}) })
  const text = await res.text()
  let json: any
  try {
    json = text === "" ? undefined : JSON.parse(text)
  } catch {
    json = undefined
  }
  return { status: res.status, headers: res.headers, json, text }
}
