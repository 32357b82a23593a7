/**
 * Liveness and readiness for orchestrators and load balancers: `GET /health` answers 200 while the
 * process serves (503 once it is draining, so a balancer stops sending before it stops), `GET
 * /ready` answers 200 only when every check passes (the database is reachable, its migrations are
 * the code's), 503 with the failed checks otherwise. The checks come from the storage adapter
 * (`Readiness`); without one, readiness is liveness.
 *
 * @example
 * import { Health } from "@murojaat/http"
 * import { Effect } from "effect"
 * const readiness = Health.layerReadiness({ database: Effect.succeed("ok") })
 *
 * @since 0.1.0
 */
import { HttpApiBuilder, HttpServerResponse } from "@effect/platform"
import { Context, Effect, Layer, Option } from "effect"
import * as Edge from "./Edge.js"

/**
 * A check: `"ok"`, or a short reason (a code, never a connection string or a value).
 *
 * @example
 * import type { Health } from "@murojaat/http"
 * import { Effect } from "effect"
 * const check: Health.Check = Effect.succeed("ok")
 *
 * @since 0.1.0
 */
export type Check = Effect.Effect<string>

/**
 * The readiness checks, by name.
 *
 * @example
 * import { Health } from "@murojaat/http"
 * Health.Readiness.key // "@murojaat/http/Health/Readiness"
 *
 * @since 0.1.0
 */
export class Readiness extends Context.Tag("@murojaat/http/Health/Readiness")<Readiness, Readonly<Record<string, Check>>>() {}

/**
 * Readiness checks as a layer.
 *
 * @example
 * import { Health } from "@murojaat/http"
 * import { Effect } from "effect"
 * Health.layerReadiness({ database: Effect.succeed("ok") })
 *
 * @since 0.1.0
 */
export const layerReadiness = (checks: Readonly<Record<string, Check>>): Layer.Layer<Readiness> => Layer.succeed(Readiness, checks)

/**
 * Runs the checks (each at most `timeoutMs`, a check that takes longer is `"timeout"`).
 *
 * @example
 * import { Health } from "@murojaat/http"
 * import { Effect } from "effect"
 * Effect.runPromise(Health.run({ a: Effect.succeed("ok") })) // { ready: true, checks: { a: "ok" } }
 *
 * @since 0.1.0
 */
export const run = (
  checks: Readonly<Record<string, Check>>,
  timeoutMs = 2000
): Effect.Effect<{ readonly ready: boolean; readonly checks: Readonly<Record<string, string>> }> =>
  Effect.map(
    Effect.forEach(
      Object.entries(checks),
      ([name, check]) =>
        check.pipe(
          Effect.timeoutTo({ duration: timeoutMs, onTimeout: () => "timeout", onSuccess: (s) => s }),
          Effect.catchAllCause(() => Effect.succeed("failed")),
          Effect.map((result) => [name, result] as const)
        ),
      { concurrency: "unbounded" }
    ),
    (results) => ({ ready: results.every(([, r]) => r === "ok"), checks: Object.fromEntries(results) })
  )

/**
 * The `/health` and `/ready` routes, on the API's router.
 *
 * @example
 * import { Health } from "@murojaat/http"
 * const routes = Health.routes
 *
 * @since 0.1.0
 */
export const routes: Layer.Layer<never, never, Edge.Drain> = HttpApiBuilder.Router.use((router) =>
  Effect.gen(function* () {
    const drain = yield* Edge.Drain
    const readiness = yield* Effect.serviceOption(Readiness)
    const checks = Option.getOrElse(readiness, () => ({}))
    yield* router.get(
      "/health",
      Effect.sync(() =>
        HttpServerResponse.unsafeJson({ status: drain.draining() ? "draining" : "ok" }, { status: drain.draining() ? 503 : 200, headers: { "cache-control": "no-store" } })
      )
    )
    yield* router.get(
      "/ready",
      Effect.map(run(checks), (report) =>
        HttpServerResponse.unsafeJson(
          { status: report.ready && !drain.draining() ? "ready" : "unavailable", checks: report.checks },
          { status: report.ready && !drain.draining() ? 200 : 503, headers: { "cache-control": "no-store" } }
        )
      )
    )
  })
)
