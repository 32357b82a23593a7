/**
 * What every background worker shares: a handle to read its health and to stop it gracefully.
 * A worker's body runs in its own fiber; it reports its state (`connecting`, `standby`, `running`…)
 * and counts what it did, and it looks at `stopping` between units of work (a batch, a message, a
 * run), so a stop lets the unit in hand finish: nothing is left half-done that a restart would not
 * redo. After `stopTimeoutMillis` the fiber is interrupted.
 *
 * @example
 * import { Worker } from "@murojaat/rabbitmq"
 * import { Effect } from "effect"
 * const program = Effect.scoped(Effect.gen(function* () {
 *   const handle = yield* Worker.start("demo", (ctl) => Effect.zipRight(ctl.set("running"), ctl.sleepUnlessStopping(10_000)))
 *   yield* handle.stop
 *   return (yield* handle.health).state
 * }))
 * Effect.runPromise(program) // Promise<"stopped">
 *
 * @since 0.1.0
 */
import { Clock, Deferred, Duration, Effect, Exit, Fiber, Ref, type Scope } from "effect"
import { describe } from "./Errors.js"

/**
 * The states of a worker. `standby`: waiting to take over (another relay is active); `fencing`:
 * waiting for an earlier holder's claims to run out before publishing.
 *
 * @example
 * import type { Worker } from "@murojaat/rabbitmq"
 * const s: Worker.State = "running"
 *
 * @since 0.1.0
 * @category models
 */
export type State = "starting" | "connecting" | "standby" | "fencing" | "running" | "stopping" | "stopped" | "failed"

/**
 * A worker's health: its state since when, how many units it handled and failed, and the last
 * error (codes and ids only).
 *
 * @example
 * import type { Worker } from "@murojaat/rabbitmq"
 * const h: Worker.Health = { worker: "relay", state: "running", since: "2026-03-02T10:00:00.000Z", healthy: true, processed: 10, failed: 0 }
 *
 * @since 0.1.0
 * @category models
 */
export interface Health {
  readonly worker: string
  readonly state: State
  readonly since: string
  /** Running or on standby: what a readiness probe asks. */
  readonly healthy: boolean
  readonly processed: number
  readonly failed: number
  readonly lastError?: string | undefined
  readonly detail?: string | undefined
}

/**
 * What a worker's body is given: report its state, count its work, and learn that it should stop.
 *
 * @example
 * import type { Worker } from "@murojaat/rabbitmq"
 * const body = (ctl: Worker.Control) => ctl.set("running")
 *
 * @since 0.1.0
 * @category models
 */
export interface Control {
  readonly set: (state: State, detail?: string) => Effect.Effect<void>
  readonly processed: (n?: number) => Effect.Effect<void>
  readonly failed: (error: unknown, n?: number) => Effect.Effect<void>
  /** True once a stop was asked for. */
  readonly isStopping: Effect.Effect<boolean>
  /** Completes when a stop is asked for. */
  readonly stopping: Effect.Effect<void>
  /** Sleeps, but wakes at once when a stop is asked for. */
  readonly sleepUnlessStopping: (millis: number) => Effect.Effect<void>
}

/**
 * A running worker.
 *
 * @example
 * import type { Worker } from "@murojaat/rabbitmq"
 * const probe = (h: Worker.Handle) => h.health
 *
 * @since 0.1.0
 * @category models
 */
export interface Handle {
  readonly name: string
  readonly health: Effect.Effect<Health>
  /** Asks the worker to stop, and waits until it did (interrupting it after the timeout). */
  readonly stop: Effect.Effect<void>
  /** Completes when the worker ended, by a stop or a failure. */
  readonly done: Effect.Effect<Exit.Exit<void, unknown>>
}

const healthyStates: ReadonlySet<State> = new Set(["running", "standby", "fencing"])

/**
 * Starts a worker's body in a fiber of the current scope (closing the scope stops it gracefully).
 *
 * @example
 * import { Worker } from "@murojaat/rabbitmq"
 * import { Effect } from "effect"
 * Effect.scoped(Effect.flatMap(Worker.start("noop", (ctl) => ctl.set("running")), (h) => h.done))
 *
 * @since 0.1.0
 * @category constructors
 */
export const start = <E, R>(
  name: string,
  body: (ctl: Control) => Effect.Effect<void, E, R>,
  options: { readonly stopTimeoutMillis?: number } = {}
): Effect.Effect<Handle, never, R | Scope.Scope> =>
  Effect.gen(function* () {
    const now = Effect.map(Clock.currentTimeMillis, (ms) => new Date(ms).toISOString())
    const health = yield* Ref.make<Health>({ worker: name, state: "starting", since: yield* now, healthy: false, processed: 0, failed: 0 })
    const stopAsked = yield* Deferred.make<void>()
    const ctl: Control = {
      set: (state, detail) =>
        Effect.flatMap(now, (since) =>
          Ref.update(health, (h) => (h.state === state && h.detail === detail ? h : { ...h, state, since, detail, healthy: healthyStates.has(state) }))
        ),
      processed: (n = 1) => Ref.update(health, (h) => ({ ...h, processed: h.processed + n })),
      failed: (error, n = 1) => Ref.update(health, (h) => ({ ...h, failed: h.failed + n, lastError: describe(error) })),
      isStopping: Deferred.isDone(stopAsked),
      stopping: Deferred.await(stopAsked),
      sleepUnlessStopping: (millis) => Effect.raceFirst(Effect.sleep(Duration.millis(millis)), Deferred.await(stopAsked))
    }
    const fiber = yield* Effect.forkDaemon(
      body(ctl).pipe(
        Effect.onExit((exit) =>
          Exit.isSuccess(exit) || Exit.isInterrupted(exit)
            ? ctl.set("stopped")
            : Effect.zipRight(ctl.failed(Exit.isFailure(exit) ? exit.cause : exit), ctl.set("failed"))
        )
      )
    )
    const timeout = options.stopTimeoutMillis ?? 30_000
    const stop = Effect.gen(function* () {
      yield* Deferred.succeed(stopAsked, undefined)
      if ((yield* fiber.poll)._tag === "None") yield* ctl.set("stopping")
      const ended = yield* Effect.timeout(Fiber.await(fiber), Duration.millis(timeout)).pipe(Effect.option)
      if (ended._tag === "None") yield* Fiber.interrupt(fiber)
    })
    yield* Effect.addFinalizer(() => stop)
    return {
      name,
      health: Ref.get(health),
      stop,
      done: Effect.map(Fiber.await(fiber), (exit) => exit as Exit.Exit<void, unknown>)
    }
  })
