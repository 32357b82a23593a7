/**
 * The HTTP service composed: the REST API (`Api`, `Handlers`) under `/v1`, its OpenAPI 3.1
 * document at `/openapi.json`, the API reference at `/docs` (Swagger UI bundled into the page:
 * no CDN, it works offline), `/health` and `/ready`, Open311 GeoReport v2 under `/open311/v2`, the
 * edge (`Edge`) around all of it, and draining on shutdown.
 *
 * The layer needs an `HttpServer` (`NodeHttpServer.layer` from `@effect/platform-node` on Node),
 * the core's `AppealService` with the ports (`@murojaat/postgres`'s `layerPg` or `layerEmbedded`,
 * or `AppealService.layerMemory()`), and optionally `Health.Readiness`.
 *
 * @example
 * import { Server } from "@murojaat/http"
 * import { NodeHttpServer } from "@effect/platform-node"
 * import { AppealService, Sample } from "@murojaat/core"
 * import { Layer } from "effect"
 * import { createServer } from "node:http"
 * const app = Server.layer({
 *   identity: { issuer: "murojaat-dev", audience: "murojaat", secret: "a-development-secret-of-32-bytes!" },
 *   clients: []
 * }).pipe(Layer.provide(AppealService.layerMemory(Sample.directory)), Layer.provide(NodeHttpServer.layer(createServer, { port: 8080, host: "127.0.0.1" })))
 * // Layer.launch(app) serves until interrupted
 *
 * @since 0.1.0
 */
import { HttpApiBuilder, HttpApiSwagger, type HttpApp, HttpMiddleware, HttpRouter, type HttpServer } from "@effect/platform"
import { Analytics as CoreAnalytics, type AppealService, type AppealStore, type CalendarStore, type DirectoryStore } from "@murojaat/core"
import { Effect, Layer } from "effect"
import * as Analytics from "./Analytics.js"
import * as Api from "./Api.js"
import * as Edge from "./Edge.js"
import * as Handlers from "./Handlers.js"
import * as Health from "./Health.js"
import * as Identity from "./Identity.js"
import * as Open311 from "./open311/index.js"

/**
 * The service's settings.
 *
 * - `identity`: how tokens are verified (`Identity.Settings`); `clients`: the registry of
 *   integration systems and auditors (`Identity.Client`, api keys as SHA-256 digests).
 * - `edge`: body limits, rate limits, CORS, proxy trust, HSTS (`Edge.Settings`).
 * - `open311`: the Open311 GeoReport v2 face (`Open311.Options`), or `false` to leave it out.
 * - `drainSeconds`: on shutdown, how long requests in flight may take to finish (default 10).
 * - `tracing`: a span per request for Effect's tracer (default false).
 * - `analytics`: the prevention analytics port behind `/v1/analytics/*` (default: computed from the store).
 *
 * @example
 * import type { Server } from "@murojaat/http"
 * const s: Server.Settings = { identity: { issuer: "i", audience: "a", secret: "a-development-secret-of-32-bytes!" }, clients: [], open311: false }
 *
 * @since 0.1.0
 */
export interface Settings<R = never> {
  readonly identity: Identity.Settings
  readonly clients: ReadonlyArray<unknown>
  readonly edge?: Partial<Edge.Settings> | undefined
  readonly open311?: Open311.Options | false | undefined
  readonly drainSeconds?: number | undefined
  /**
   * A span per request for Effect's tracer (an OpenTelemetry exporter you provide). Default false:
   * without an exporter the spans are only cost.
   */
  readonly tracing?: boolean | undefined
  /**
   * The prevention analytics behind `/v1/analytics/*` (the core's `Analytics` port): on PostgreSQL
   * `PgAnalytics.layer()` (SQL over the stored facts; it needs the `SqlClient` of the storage
   * layer, `R`). Default: `Analytics.layerFromStore()`, the facts computed from the `AppealStore`
   * at every read: right for the in-memory store and tests, too slow for a real district.
   */
  readonly analytics?: Layer.Layer<CoreAnalytics.Analytics, never, R> | undefined
}

/**
 * What the service needs from the application: the core's service and ports.
 *
 * @example
 * import type { Server } from "@murojaat/http"
 * type R = Server.Requirements
 *
 * @since 0.1.0
 */
export type Requirements =
  | AppealService.AppealService
  | AppealStore.AppealStore
  | DirectoryStore.DirectoryStore
  | CalendarStore.CalendarStore
  | HttpServer.HttpServer
  | HttpRouter.HttpRouter.DefaultServices

// -------------------------------------------------------------------------------------------------
// Mount points beside the REST API. Open311 GeoReport v2 (packages/adapters/http/src/open311/) is
// mounted here, under /open311/v2, with the services it needs captured from the layer's context.
// -------------------------------------------------------------------------------------------------
const open311Routes = (options: Open311.Options): Layer.Layer<never, never, Open311.Requirements> =>
  HttpApiBuilder.Router.use((router) =>
    Effect.gen(function* () {
      const context = yield* Effect.context<Open311.Requirements>()
      const routes = HttpRouter.use(Open311.router({ basePath: "/open311/v2", ...options }), Effect.provide(context))
      yield* router.mount("/open311/v2", routes)
    })
  )

// On shutdown this finalizer runs first (its layer is built last): new requests get 503 and
// `Connection: close`, requests in flight finish (up to `seconds`), then the server closes and the
// storage layers release.
const draining = (seconds: number): Layer.Layer<never, never, Edge.Drain | HttpServer.HttpServer> =>
  Layer.scopedDiscard(
    Effect.flatMap(Edge.Drain, (drain) =>
      Effect.addFinalizer(() =>
        Effect.gen(function* () {
          drain.start()
          const inFlight = drain.inFlight()
          yield* Effect.logInfo("draining").pipe(Effect.annotateLogs({ inFlight }))
          yield* drain.idle(seconds * 1000)
          yield* Effect.logInfo("drained").pipe(Effect.annotateLogs({ left: drain.inFlight() }))
        })
      )
    )
  )

/**
 * The whole HTTP service as a layer (it serves while the layer is alive). Also outputs the edge's
 * services (`Edge.Drain` for a test or a supervisor that wants to drain by hand).
 *
 * @example
 * import { Server } from "@murojaat/http"
 * Server.layer({ identity: { issuer: "i", audience: "a", secret: "a-development-secret-of-32-bytes!" }, clients: [], open311: false })
 *
 * @since 0.1.0
 */
export const layer = <R = never>(settings: Settings<R>): Layer.Layer<Edge.Drain | Edge.EdgeSettings | Edge.RateLimiter, never, Requirements | R> => {
  const edge = Edge.layer(settings.edge)
  const identity = Identity.layer(settings.identity, settings.clients)
  const port: Layer.Layer<CoreAnalytics.Analytics, never, AppealStore.AppealStore | R> = settings.analytics ?? CoreAnalytics.layerFromStore()
  const analytics = Analytics.live.pipe(Layer.provide(port))
  const api = HttpApiBuilder.api(Api.api).pipe(Layer.provide(Handlers.layer), Layer.provide(analytics), Layer.provide(Handlers.authentication))
  const routes = Layer.mergeAll(
    HttpApiBuilder.middlewareOpenApi({ path: "/openapi.json" }),
    HttpApiSwagger.layer({ path: "/docs" }),
    Health.routes,
    settings.open311 === false ? Layer.empty : open311Routes(settings.open311 ?? {}),
    // The edge wraps the router (the API's and the mounted routes): there it can still change the
    // response (a middleware given to \`serve\` runs after the response is written), and every
    // failure becomes a problem document before the API's own encoder could answer it in another
    // shape.
    // Its services are taken once here, not from the context on every request.
    // Inside it, POST /v1/appeals is answered before the router (`Handlers.submitShortcut`), unless
    // requests are traced (the router names their spans).
    HttpApiBuilder.middleware(
      Effect.map(
        Effect.all({ settings: Edge.EdgeSettings, limiter: Edge.RateLimiter, drain: Edge.Drain, shortcut: Handlers.submitShortcut }),
        ({ shortcut, ...services }) =>
          (app: HttpApp.Default) =>
            Edge.middlewareWith(services)(settings.tracing === true ? app : shortcut(app))
      )
    )
  )
  const served = HttpApiBuilder.serve().pipe(Layer.provide(routes), Layer.provide(api))
  const serving = settings.tracing === true ? served : HttpMiddleware.withTracerDisabledWhen(served, () => true)
  return Layer.mergeAll(serving, draining(settings.drainSeconds ?? 10)).pipe(Layer.provide(identity), Layer.provideMerge(edge))
}
