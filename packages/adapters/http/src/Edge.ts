/**
 * The edge of the service, around every request: a request id (in the response and in every log
 * line), one structured JSON log line per request (method, route, status, duration, caller key,
 * error code; never a query string, a body or a name), security headers, CORS as a setting, rate
 * limits (per client after authentication, per address before it), a body size cap, and draining
 * on shutdown (requests that arrive while the service stops get 503; those in flight finish).
 *
 * Every failure that escapes a handler becomes a problem document here: nothing reaches the client
 * as a bare 500 or a dropped connection.
 *
 * @example
 * import { Edge } from "@murojaat/http"
 * Edge.defaultSettings.maxBodyBytes // 262144
 *
 * @since 0.1.0
 */
import { HttpApiError, HttpMiddleware, HttpServerError, HttpServerRequest, HttpServerResponse } from "@effect/platform"
import type { HttpApp } from "@effect/platform"
import { randomUUID } from "node:crypto"
import type { I18n } from "@murojaat/core"
import { Cause, Context, Effect, type Exit, FiberRef, HashMap, Layer, LogLevel, Option } from "effect"
import * as Problem from "./Problem.js"
import { unsafeSetFiberRefs } from "./internal/provide.js"

// ---------------------------------------------------------------------------------------------
// Settings
// ---------------------------------------------------------------------------------------------

/**
 * A rate: so many requests per minute, with bursts up to `burst`.
 *
 * @example
 * import type { Edge } from "@murojaat/http"
 * const r: Edge.Rate = { perMinute: 600, burst: 100 }
 *
 * @since 0.1.0
 */
export interface Rate {
  readonly perMinute: number
  readonly burst: number
}

/**
 * The edge's settings.
 *
 * - `maxBodyBytes`: the largest request body (default 256 KiB: the longest appeal text is 20,000
 *   characters, a few times over in UTF-8 and JSON escapes); `maxAdminBodyBytes` for directory and
 *   calendar administration (default 8 MiB).
 * - `rateLimit`: per authenticated client (default 1,200 a minute, bursts of 200; a registered
 *   client's `rateLimitPerMinute` overrides it); `addressRateLimit`: per remote address, before
 *   authentication (default 6,000 a minute). `false` turns one off. Limits are per instance.
 * - `cors`: the origins a browser may call from (default none: no CORS headers at all).
 * - `trustProxy`: take the client address from `X-Forwarded-For` (only behind a proxy you run).
 * - `hsts`: send `Strict-Transport-Security` (only when served over TLS, by you or a proxy).
 *
 * @example
 * import { Edge } from "@murojaat/http"
 * const s: Edge.Settings = { ...Edge.defaultSettings, cors: { allowedOrigins: ["https://portal.example.uz"] } }
 *
 * @since 0.1.0
 */
export interface Settings {
  readonly maxBodyBytes: number
  readonly maxAdminBodyBytes: number
  readonly rateLimit: Rate | false
  readonly addressRateLimit: Rate | false
  readonly cors?: { readonly allowedOrigins: ReadonlyArray<string>; readonly maxAgeSeconds?: number } | undefined
  readonly trustProxy: boolean
  readonly hsts: boolean
}

/**
 * The default settings.
 *
 * @example
 * import { Edge } from "@murojaat/http"
 * Edge.defaultSettings.cors // undefined
 *
 * @since 0.1.0
 */
export const defaultSettings: Settings = {
  maxBodyBytes: 256 * 1024,
  maxAdminBodyBytes: 8 * 1024 * 1024,
  rateLimit: { perMinute: 1200, burst: 200 },
  addressRateLimit: { perMinute: 6000, burst: 600 },
  cors: undefined,
  trustProxy: false,
  hsts: false
}

/**
 * The settings in force.
 *
 * @example
 * import { Edge } from "@murojaat/http"
 * Edge.EdgeSettings.key // "@murojaat/http/Edge/Settings"
 *
 * @since 0.1.0
 */
export class EdgeSettings extends Context.Tag("@murojaat/http/Edge/Settings")<EdgeSettings, Settings>() {}

// ---------------------------------------------------------------------------------------------
// The request's context
// ---------------------------------------------------------------------------------------------

/**
 * What the edge knows of the request being handled: its id, its language, and what the handlers
 * tell it for the log line (the caller's key, the problem code).
 *
 * @example
 * import { Edge } from "@murojaat/http"
 * const r: Edge.RequestInfo = { id: "r-1", locale: "en", started: 0 }
 *
 * @since 0.1.0
 */
export interface RequestInfo {
  readonly id: string
  readonly locale: I18n.Locale
  readonly started: number
  caller?: string
  code?: string
}

/**
 * The current request's info (set by `middleware`; a placeholder outside a request).
 *
 * @example
 * import { Edge } from "@murojaat/http"
 * import { Effect, FiberRef } from "effect"
 * Effect.runSync(FiberRef.get(Edge.currentRequest)).id // "-"
 *
 * @since 0.1.0
 */
export const currentRequest: FiberRef.FiberRef<RequestInfo> = FiberRef.unsafeMake<RequestInfo>({ id: "-", locale: "uz-Latn", started: 0 })

/**
 * A request id the caller sent (`X-Request-Id`) is kept when it is 1 to 128 of `A-Z a-z 0-9 . _ : -`
 * (it goes into logs and the core's correlation id); otherwise a new UUID is made.
 *
 * @example
 * import { Edge } from "@murojaat/http"
 * Edge.requestIdOf("portal-42") // "portal-42"
 * Edge.requestIdOf("<script>").length // 36
 *
 * @since 0.1.0
 */
export const requestIdOf = (header: string | undefined): string =>
  header !== undefined && /^[A-Za-z0-9._:-]{1,128}$/.test(header) ? header : randomUUID()

// ---------------------------------------------------------------------------------------------
// Rate limits
// ---------------------------------------------------------------------------------------------

/**
 * Token buckets by key (a client, an address): `take` answers 0 when a request may go on, or the
 * seconds to wait. Buckets that refilled are forgotten, so the map stays as small as the set of
 * recently active keys.
 *
 * @example
 * import { Edge } from "@murojaat/http"
 * const limiter = Edge.makeLimiter()
 * limiter.take("a", { perMinute: 60, burst: 1 }, 0) // 0
 * limiter.take("a", { perMinute: 60, burst: 1 }, 0) // 1
 *
 * @since 0.1.0
 */
export const makeLimiter = () => {
  const buckets = new Map<string, { tokens: number; at: number }>()
  let swept = 0
  return {
    take: (key: string, rate: Rate, now: number): number => {
      const perMs = rate.perMinute / 60_000
      if (now - swept > 60_000) {
        swept = now
        for (const [k, b] of buckets) if (b.tokens + (now - b.at) * perMs >= rate.burst) buckets.delete(k)
      }
      const b = buckets.get(key) ?? { tokens: rate.burst, at: now }
      const tokens = Math.min(rate.burst, b.tokens + Math.max(0, now - b.at) * perMs)
      if (tokens >= 1) {
        buckets.set(key, { tokens: tokens - 1, at: now })
        return 0
      }
      buckets.set(key, { tokens, at: now })
      return (1 - tokens) / perMs / 1000
    },
    size: () => buckets.size
  }
}

/**
 * The rate limiter service: client buckets and address buckets.
 *
 * @example
 * import { Edge } from "@murojaat/http"
 * Edge.RateLimiter.key // "@murojaat/http/Edge/RateLimiter"
 *
 * @since 0.1.0
 */
export class RateLimiter extends Context.Tag("@murojaat/http/Edge/RateLimiter")<
  RateLimiter,
  { readonly clients: ReturnType<typeof makeLimiter>; readonly addresses: ReturnType<typeof makeLimiter> }
>() {}

/**
 * Fails with a 429 problem when the client (by its log key) is over its rate.
 *
 * @example
 * import { Edge } from "@murojaat/http"
 * const check = Edge.limitClient("officer:O-101", undefined)
 *
 * @since 0.1.0
 */
export const limitClient = (key: string, perMinute: number | undefined): Effect.Effect<void, Problem.Problem, RateLimiter | EdgeSettings> =>
  Effect.flatMap(Effect.all([RateLimiter, EdgeSettings]), ([limiter, settings]) => {
    const problem = clientOverRate(limiter, settings, key, perMinute, Date.now())
    return problem === undefined ? Effect.void : Effect.fail(problem)
  })

/**
 * The check of `limitClient` with the limiter and settings in hand (what authentication runs on
 * every request): the 429 problem when the client is over its rate, else `undefined`.
 *
 * @example
 * import { Edge } from "@murojaat/http"
 * const limiter = { clients: Edge.makeLimiter(), addresses: Edge.makeLimiter() }
 * Edge.clientOverRate(limiter, Edge.defaultSettings, "officer:O-101", 60, 0) // undefined
 *
 * @since 0.1.0
 */
export const clientOverRate = (
  limiter: RateLimiter["Type"],
  settings: Settings,
  key: string,
  perMinute: number | undefined,
  now: number
): Problem.Problem | undefined => {
  if (settings.rateLimit === false) return undefined
  const rate = perMinute === undefined ? settings.rateLimit : { perMinute, burst: Math.max(1, Math.ceil(perMinute / 6)) }
  const wait = limiter.clients.take(key, rate, now)
  return wait > 0 ? Problem.rateLimited(wait) : undefined
}

// ---------------------------------------------------------------------------------------------
// Draining
// ---------------------------------------------------------------------------------------------

/**
 * Shutdown state: whether the service is draining, and how many requests are in flight.
 *
 * @example
 * import { Edge } from "@murojaat/http"
 * Edge.Drain.key // "@murojaat/http/Edge/Drain"
 *
 * @since 0.1.0
 */
export class Drain extends Context.Tag("@murojaat/http/Edge/Drain")<
  Drain,
  {
    readonly draining: () => boolean
    readonly inFlight: () => number
    readonly start: () => void
    /** Resolves when no request is in flight (or the time is up). */
    readonly idle: (timeoutMs: number) => Effect.Effect<void>
    readonly enter: () => void
    readonly leave: () => void
  }
>() {}

/**
 * A fresh drain state.
 *
 * @example
 * import { Edge } from "@murojaat/http"
 * Edge.makeDrain().inFlight() // 0
 *
 * @since 0.1.0
 */
export const makeDrain = (): Drain["Type"] => {
  let draining = false
  let inFlight = 0
  let waiters: Array<() => void> = []
  return {
    draining: () => draining,
    inFlight: () => inFlight,
    start: () => {
      draining = true
    },
    enter: () => {
      inFlight++
    },
    leave: () => {
      inFlight--
      if (inFlight === 0) {
        const w = waiters
        waiters = []
        w.forEach((f) => f())
      }
    },
    idle: (timeoutMs) =>
      inFlight === 0
        ? Effect.void
        : Effect.async<void>((resume) => {
            const done = () => resume(Effect.void)
            waiters.push(done)
            const timer = setTimeout(done, timeoutMs)
            return Effect.sync(() => clearTimeout(timer))
          })
  }
}

/**
 * The edge's services: settings, rate limiter, drain state.
 *
 * @example
 * import { Edge } from "@murojaat/http"
 * Edge.layer(Edge.defaultSettings)
 *
 * @since 0.1.0
 */
export const layer = (settings: Partial<Settings> = {}): Layer.Layer<EdgeSettings | RateLimiter | Drain> =>
  Layer.mergeAll(
    Layer.succeed(EdgeSettings, { ...defaultSettings, ...settings }),
    Layer.sync(RateLimiter, () => ({ clients: makeLimiter(), addresses: makeLimiter() })),
    Layer.sync(Drain, makeDrain)
  )

// ---------------------------------------------------------------------------------------------
// Responses
// ---------------------------------------------------------------------------------------------

/**
 * The problem response for the current request (its language, path and id), with `Retry-After`
 * when the problem has one.
 *
 * @example
 * import { Edge, Problem } from "@murojaat/http"
 * const response = Edge.problemResponse(Problem.notFound())
 *
 * @since 0.1.0
 */
export const problemResponse = (problem: Problem.Problem): Effect.Effect<HttpServerResponse.HttpServerResponse, never, HttpServerRequest.HttpServerRequest> =>
  Effect.flatMap(FiberRef.get(currentRequest), (info) => Effect.map(HttpServerRequest.HttpServerRequest, (request) => problemResponseOf(problem, info, request.url)))

const problemResponseOf = (problem: Problem.Problem, info: RequestInfo, url: string): HttpServerResponse.HttpServerResponse => {
  info.code = problem.code
  const body = Problem.document(problem, info.locale, { instance: pathOf(url), requestId: info.id })
  const headers: Record<string, string> = { "content-language": Problem.contentLanguage(info.locale), vary: "Accept-Language" }
  if (problem.retryAfter !== undefined) headers["retry-after"] = String(problem.retryAfter)
  if (problem.status === 401) headers["www-authenticate"] = 'Bearer realm="murojaat"'
  return jsonResponse(body, { status: problem.status, contentType: Problem.mediaType, headers })
}

/**
 * A JSON response (`application/json` unless `contentType` says otherwise) with its
 * `Content-Length`. The text goes to the socket as it is, written once with the status line and
 * headers: no copy into bytes first (`HttpServerResponse.unsafeJson` encodes to a `Uint8Array`,
 * which Node then writes in two parts).
 *
 * @example
 * import { Edge } from "@murojaat/http"
 * Edge.jsonResponse({ ok: true }, { status: 201 }).headers["content-length"] // "11"
 *
 * @since 0.1.0
 */
export const jsonResponse = (
  body: unknown,
  options: { readonly status?: number; readonly contentType?: string; readonly headers?: Record<string, string> } = {}
): HttpServerResponse.HttpServerResponse => {
  const text = JSON.stringify(body)
  return HttpServerResponse.raw(text, {
    status: options.status ?? 200,
    contentType: options.contentType ?? "application/json",
    contentLength: Buffer.byteLength(text, "utf8"),
    ...(options.headers !== undefined ? { headers: options.headers } : {})
  })
}

const pathOf = (url: string): string => {
  const q = url.indexOf("?")
  const path = q < 0 ? url : url.slice(0, q)
  return path.length > 300 ? path.slice(0, 300) : path
}

// The routing layer's decode errors name paths and say what was expected; the values are dropped
// (they may be anything a caller sent). Issues at one path (a union's members) are merged.
const decodeProblem = (e: HttpApiError.HttpApiDecodeError): Problem.Problem => {
  const byPath = new Map<string, { problem: Problem.Issue["problem"]; expected: Array<string> }>()
  for (const i of e.issues) {
    const path = i.path.map(String).join(".")
    const entry = byPath.get(path) ?? { problem: i._tag === "Missing" ? "missing" : i._tag === "Unexpected" ? "notAllowed" : "invalidValue", expected: [] }
    const expected = /^Expected (.*?)(, actual [\s\S]*)?$/.exec(i.message)?.[1]
    if (expected !== undefined && expected !== "undefined" && !entry.expected.includes(expected)) entry.expected.push(expected.slice(0, 200))
    byPath.set(path, entry)
  }
  return Problem.invalid(
    "request",
    [...byPath].map(([path, entry]) => ({
      path,
      problem: entry.problem,
      ...(entry.expected.length > 0 ? { expected: entry.expected.join(" | ") } : {}),
      detail: entry.problem === "missing" ? "is missing" : entry.problem === "notAllowed" ? "is not a parameter of this endpoint" : "is not valid here"
    }))
  )
}

/**
 * Turns every failure of an app into a problem response: a `Problem` as it is, the routing layer's
 * decode errors as `InvalidInput` (400), an unknown route as 404, a request body that could not be
 * read as 400, anything else (a defect) as 500 with only the request id for the client and the
 * error's kind in the log. Interruption is left alone (the client went away).
 *
 * @example
 * import { Edge } from "@murojaat/http"
 * import { HttpServerResponse } from "@effect/platform"
 * import { Effect } from "effect"
 * const app = Edge.problems(Effect.succeed(HttpServerResponse.empty()))
 *
 * @since 0.1.0
 */
export const problems = <E, R>(app: HttpApp.HttpApp<HttpServerResponse.HttpServerResponse, E, R>): HttpApp.HttpApp<HttpServerResponse.HttpServerResponse, never, R | HttpServerRequest.HttpServerRequest> =>
  Effect.catchAllCause(app, (cause) => {
    if (Cause.isInterruptedOnly(cause)) return Effect.failCause(cause as Cause.Cause<never>)
    const failure = Cause.failureOption(cause)
    if (Option.isSome(failure)) {
      const e: unknown = failure.value
      if (e instanceof Problem.Problem) return problemResponse(e)
      if (e instanceof HttpApiError.HttpApiDecodeError) return problemResponse(decodeProblem(e))
      if (HttpServerError.isServerError(e) && e._tag === "RouteNotFound") return problemResponse(Problem.notFound())
      if (HttpServerError.isServerError(e) && e._tag === "RequestError") return problemResponse(Problem.malformedBody())
    }
    const squashed = Cause.squash(cause)
    return Effect.zipRight(
      Effect.logError("unexpected failure").pipe(
        Effect.annotateLogs({
          error: squashed instanceof Error ? squashed.name : typeof squashed,
          tag: typeof squashed === "object" && squashed !== null && "_tag" in squashed ? String((squashed as { _tag: unknown })._tag) : undefined,
          // Frames only: the message of an unexpected error may quote data.
          at: squashed instanceof Error ? (squashed.stack ?? "").split("\n").slice(1, 6).map((l) => l.trim()) : undefined
        })
      ),
      problemResponse(Problem.internal())
    )
  }) as never

// ---------------------------------------------------------------------------------------------
// The middleware
// ---------------------------------------------------------------------------------------------

const apiSecurityHeaders = {
  "x-content-type-options": "nosniff",
  "x-frame-options": "DENY",
  "referrer-policy": "no-referrer",
  "cross-origin-opener-policy": "same-origin",
  "content-security-policy": "default-src 'none'; frame-ancestors 'none'"
}

// The API reference page runs the bundled Swagger UI inline, from this service only.
const docsSecurityHeaders = {
  ...apiSecurityHeaders,
  "content-security-policy":
    "default-src 'none'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; connect-src 'self'; frame-ancestors 'none'"
}

const clientAddress = (request: HttpServerRequest.HttpServerRequest, trustProxy: boolean): string => {
  const forwarded = trustProxy ? request.headers["x-forwarded-for"]?.split(",")[0]?.trim() : undefined
  return forwarded !== undefined && forwarded !== "" ? forwarded : Option.getOrElse(request.remoteAddress, () => "unknown")
}

const routeOf = (path: string): string =>
  // Ids in paths are the operator's codes, not personal data; still, the log keeps the route shape.
  path
    .replace(/^\/v1\/appeals\/[^/]+/, "/v1/appeals/:appealId")
    .replace(/^\/v1\/officers\/[^/]+/, "/v1/officers/:officerId")
    .slice(0, 200)

/**
 * The edge's services, in hand: what `middlewareWith` needs (taken once, when the service starts,
 * rather than looked up on every request).
 *
 * @example
 * import { Edge } from "@murojaat/http"
 * const services: Edge.Services = { settings: Edge.defaultSettings, limiter: { clients: Edge.makeLimiter(), addresses: Edge.makeLimiter() }, drain: Edge.makeDrain() }
 *
 * @since 0.1.0
 */
export interface Services {
  readonly settings: Settings
  readonly limiter: RateLimiter["Type"]
  readonly drain: Drain["Type"]
}

/**
 * The edge middleware (give it to `HttpApiBuilder.serve`): request id, draining, address rate
 * limit, body size cap, security headers, CORS, problems for every failure, one log line per
 * request. It takes the edge's services from the context on each request; `middlewareWith` takes
 * them once.
 *
 * @example
 * import { Edge } from "@murojaat/http"
 * import { HttpApiBuilder } from "@effect/platform"
 * const serving = HttpApiBuilder.serve(Edge.middleware)
 *
 * @since 0.1.0
 */
export const middleware = (
  app: HttpApp.Default
): HttpApp.Default<never, EdgeSettings | RateLimiter | Drain> =>
  Effect.flatMap(Effect.all({ settings: EdgeSettings, limiter: RateLimiter, drain: Drain }), (services) => middlewareWith(services)(app))

/**
 * The edge middleware over services in hand (see `middleware`): the service builds it once.
 *
 * @example
 * import { Edge } from "@murojaat/http"
 * import { HttpServerResponse } from "@effect/platform"
 * import { Effect } from "effect"
 * const services = { settings: Edge.defaultSettings, limiter: { clients: Edge.makeLimiter(), addresses: Edge.makeLimiter() }, drain: Edge.makeDrain() }
 * const app = Edge.middlewareWith(services)(Effect.succeed(HttpServerResponse.empty()))
 *
 * @since 0.1.0
 */
export const middlewareWith =
  (services: Services) =>
  <E>(app: HttpApp.Default<E>): HttpApp.Default => {
    const { settings, limiter, drain } = services
    const answered = problems(app)
    const hsts: Record<string, string> = settings.hsts ? { "strict-transport-security": "max-age=31536000" } : {}
    const apiHeaders = { ...apiSecurityHeaders, ...hsts }
    const docsHeaders = { ...docsSecurityHeaders, ...hsts }
    const withHeaders = (response: HttpServerResponse.HttpServerResponse, path: string, info: RequestInfo) => {
      const headers: Record<string, string> = { ...(path === "/docs" ? docsHeaders : apiHeaders), "x-request-id": info.id }
      // A page mounted beside the API (the reference service's console) keeps its own policy.
      const policy = response.headers["content-security-policy"]
      if (policy !== undefined) headers["content-security-policy"] = policy
      if (path.startsWith("/v1/") || path.startsWith("/open311/")) headers["cache-control"] = "no-store"
      return HttpServerResponse.setHeaders(response, headers)
    }
    // The answer of a request refused at the edge (draining, the address over its rate, a body
    // declared too large), or undefined when it goes on.
    const refused = (request: HttpServerRequest.HttpServerRequest, info: RequestInfo, path: string): HttpServerResponse.HttpServerResponse | undefined => {
      if (drain.draining()) return HttpServerResponse.setHeader(problemResponseOf(Problem.unavailable(), info, request.url), "connection", "close")
      if (settings.addressRateLimit !== false) {
        const wait = limiter.addresses.take(clientAddress(request, settings.trustProxy), settings.addressRateLimit, Date.now())
        if (wait > 0) return problemResponseOf(Problem.rateLimited(wait), info, request.url)
      }
      const declared = request.headers["content-length"]
      const cap = path === "/v1/directory" || path.startsWith("/v1/calendar") ? settings.maxAdminBodyBytes : settings.maxBodyBytes
      if (declared !== undefined && (!/^[0-9]{1,15}$/.test(declared) || Number(declared) > cap)) {
        return problemResponseOf(/^[0-9]{1,15}$/.test(declared) ? Problem.payloadTooLarge(cap) : Problem.malformedBody(), info, request.url)
      }
      return undefined
    }
    const logLine = (request: HttpServerRequest.HttpServerRequest, info: RequestInfo, exit: Exit.Exit<HttpServerResponse.HttpServerResponse>) =>
      Effect.logInfo("request").pipe(
        Effect.annotateLogs({
          method: request.method,
          route: routeOf(pathOf(request.url)),
          status: exit._tag === "Success" ? exit.value.status : 499,
          ms: Date.now() - info.started,
          ...(info.caller !== undefined ? { caller: info.caller } : {}),
          ...(info.code !== undefined ? { code: info.code } : {})
        })
      )
    // One bracket per request (rather than `Effect.locally`, `Effect.annotateLogs` and
    // `Effect.ensuring`, each its own): the request's info and its id in the log annotations are
    // set (with the platform's access log turned off, as `HttpMiddleware.withLoggerDisabled` does:
    // ours replaces it, the platform's logs the full URL, query string included) in one update of
    // the fiber's refs, the request runs, then the drain is left (when it was entered) and the two
    // are put back in another, whatever the exit. The request's log line, and its fields, only when
    // info lines are written (the service may log at warning level).
    const withRequest: HttpApp.Default = Effect.uninterruptibleMask((restore) =>
      Effect.withFiberRuntime((fiber) => {
        const request = Context.unsafeGet(fiber.currentContext, HttpServerRequest.HttpServerRequest)
        const info: RequestInfo = {
          id: requestIdOf(request.headers["x-request-id"]),
          locale: Problem.negotiate(request.headers["accept-language"]),
          started: Date.now()
        }
        const path = pathOf(request.url)
        const refusal = refused(request, info, path)
        const handled: HttpApp.Default =
          refusal !== undefined ? Effect.succeed(withHeaders(refusal, path, info)) : Effect.map(answered, (response) => withHeaders(response, path, info))
        const lineWritten = !LogLevel.greaterThan(fiber.getFiberRef(FiberRef.currentMinimumLogLevel), LogLevel.Info)
        const priorInfo = fiber.getFiberRef(currentRequest)
        const priorAnnotations = fiber.getFiberRef(FiberRef.currentLogAnnotations)
        if (refusal === undefined) drain.enter()
        unsafeSetFiberRefs(fiber, [
          [HttpMiddleware.loggerDisabled, true],
          [currentRequest, info],
          [FiberRef.currentLogAnnotations, HashMap.set(priorAnnotations, "requestId", info.id)]
        ])
        const end = (exit: Exit.Exit<HttpServerResponse.HttpServerResponse>) => {
          unsafeSetFiberRefs(fiber, [
            [currentRequest, priorInfo],
            [FiberRef.currentLogAnnotations, priorAnnotations]
          ])
          return exit
        }
        return Effect.flatMap(Effect.exit(restore(handled)), (exit) => {
          if (refusal === undefined) drain.leave()
          return lineWritten ? Effect.flatMap(logLine(request, info, exit), () => end(exit)) : end(exit)
        })
      })
    )
    return settings.cors === undefined
      ? withRequest
      : HttpMiddleware.cors({
          allowedOrigins: settings.cors.allowedOrigins,
          allowedHeaders: ["authorization", "content-type", "accept-language", "idempotency-key", "if-match", "if-none-match", "x-request-id"],
          exposedHeaders: ["etag", "location", "x-request-id", "retry-after", "content-language"],
          maxAge: settings.cors.maxAgeSeconds ?? 600
        })(withRequest)
  }
