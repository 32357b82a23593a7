/**
 * The deadline timer, run inside the service: every `intervalSeconds` it walks each district's
 * overdue appeals (`AppealService.escalateOverdue`, as the system actor `deadline-timer`) and
 * records one escalation per breach. Several instances may run it against one database: each
 * escalation is decided on the appeal's state at the version its commit expects, so a breach is
 * escalated at most once; the optional `Lock` (a PostgreSQL advisory lock in the reference service)
 * also keeps the other instances from repeating the walk at the same moment.
 *
 * @example
 * import { Timer } from "@murojaat/http"
 * const timer = Timer.layer({ intervalSeconds: 60 })
 *
 * @since 0.1.0
 */
import { Actor, AppealService, DirectoryStore } from "@murojaat/core"
import { Context, Duration, Effect, Layer, Option, Schedule } from "effect"

/**
 * Runs a sweep only if this instance holds the lock now: `Some` with the sweep's result, `None` when
 * another instance holds it.
 *
 * @example
 * import { Timer } from "@murojaat/http"
 * Timer.Lock.key // "@murojaat/http/Timer/Lock"
 *
 * @since 0.1.0
 */
export class Lock extends Context.Tag("@murojaat/http/Timer/Lock")<
  Lock,
  { readonly exclusive: <A, E, R>(sweep: Effect.Effect<A, E, R>) => Effect.Effect<Option.Option<A>, E, R> }
>() {}

/**
 * What one sweep did, over every district.
 *
 * @example
 * import type { Timer } from "@murojaat/http"
 * const s: Timer.Sweep = { districts: 1, checked: 0, escalated: 0, failed: 0 }
 *
 * @since 0.1.0
 */
export interface Sweep {
  readonly districts: number
  readonly checked: number
  readonly escalated: number
  readonly failed: number
}

/**
 * One sweep over every district of the directory.
 *
 * @example
 * import { Timer } from "@murojaat/http"
 * const once = Timer.sweep // Effect<Timer.Sweep, ..., AppealService | DirectoryStore>
 *
 * @since 0.1.0
 */
export const sweep: Effect.Effect<Sweep, AppealService.ActorError, AppealService.AppealService | DirectoryStore.DirectoryStore> = Effect.gen(function* () {
  const directory = yield* Effect.flatMap(DirectoryStore.DirectoryStore, (d) => d.snapshot)
  let checked = 0
  let escalated = 0
  let failed = 0
  for (const district of directory.districts) {
    const run = yield* AppealService.escalateOverdue({ districtCode: district.code }, Actor.system("deadline-timer"))
    checked += run.checked
    escalated += run.escalated.length
    failed += run.failed.length
  }
  return { districts: directory.districts.length, checked, escalated, failed } satisfies Sweep
})

/**
 * The timer as a layer: a fiber that sweeps every `intervalSeconds` (default 60), first after
 * `firstDelaySeconds` (default 5), until the layer's scope closes. A failed sweep is logged (codes
 * only) and the next one runs on time.
 *
 * @example
 * import { Timer } from "@murojaat/http"
 * Timer.layer({ intervalSeconds: 30 })
 *
 * @since 0.1.0
 */
export const layer = (
  options: { readonly intervalSeconds?: number; readonly firstDelaySeconds?: number } = {}
): Layer.Layer<never, never, AppealService.AppealService | DirectoryStore.DirectoryStore> =>
  Layer.scopedDiscard(
    Effect.gen(function* () {
      const lock = yield* Effect.serviceOption(Lock)
      const once = Option.match(lock, { onNone: () => Effect.map(sweep, Option.some), onSome: (l) => l.exclusive(sweep) })
      const logged = once.pipe(
        Effect.tap((r) =>
          Option.isNone(r)
            ? Effect.logDebug("deadline timer: another instance is sweeping")
            : r.value.escalated > 0 || r.value.failed > 0
              ? Effect.logInfo("deadline timer").pipe(Effect.annotateLogs({ ...r.value }))
              : Effect.void
        ),
        Effect.catchAllCause((cause) =>
          Effect.logWarning("deadline timer: sweep failed").pipe(
            Effect.annotateLogs({ error: String((cause._tag === "Fail" ? (cause.error as { _tag?: string })._tag : cause._tag) ?? "unknown") })
          )
        )
      )
      yield* Effect.sleep(Duration.seconds(options.firstDelaySeconds ?? 5)).pipe(
        Effect.zipRight(Effect.repeat(logged, Schedule.spaced(Duration.seconds(options.intervalSeconds ?? 60)))),
        Effect.forkScoped
      )
    })
  )
