/**
 * The plain async face of Murojaat, for applications that do not use Effect (Express, NestJS,
 * plain Node). Every command and query is an async function that resolves with data or rejects
 * with the same typed error the Effect API fails with (`error._tag` is the stable code, and
 * `Errors.messages(error)` gives the four messages). The facade adds no logic: it runs the
 * `AppealService` programs with the layer you configure.
 *
 * @example
 * import { Actor, Facade, Sample } from "@murojaat/core"
 * // In-memory ports with the sample directory; pass `layer` for PostgreSQL.
 * const murojaat = Facade.make({ directory: Sample.directory })
 * const result = await murojaat.submit({
 *   kind: "shikoyat", form: "electronic", channel: "webPortal",
 *   applicant: { type: "individual", surname: "Karimova", name: "Dilnoza", residence: "Bodomzor 3", contact: {}, consent: { given: true, form: "electronic" } },
 *   location: { regionCode: "1726", districtCode: "1726262", mahallaCode: "1726262-001" },
 *   text: { body: "Qoʻshnilar kechasi shovqin qiladi" }
 * }, Actor.applicant("user-1"))
 * try {
 *   await murojaat.execute({ type: "answer", appealId: result.appealId } as never, Actor.applicant("user-1"))
 * } catch (e) {
 *   // e._tag === "InvalidInput": answer needs outcome, answerText and legalBasis
 * }
 * await murojaat.dispose()
 */
import { Cause, Clock, Duration, Effect, Exit, Layer, ManagedRuntime, Option } from "effect"
import type * as Actor from "./Actor.js"
import type * as Appeal from "./Appeal.js"
import * as AppealService from "./AppealService.js"
import type * as Audit from "./Audit.js"
import type * as Command from "./Command.js"
import type * as Directory from "./Directory.js"
import type * as Event from "./Event.js"
import * as Errors from "./Errors.js"
import * as Worklist from "./Worklist.js"

/**
 * How to build a facade. Without `layer`, every port is in memory (with `directory`).
 *
 * @example
 * import { Facade } from "@murojaat/core"
 * const options: Facade.Options = {}
 * typeof Facade.make(options).submit // "function"
 */
export interface Options {
  /** The ports: e.g. the PostgreSQL adapter's layer (which may fail to start with `StoreError`). */
  readonly layer?: Layer.Layer<AppealService.Ports | Worklist.Worklist, Errors.StoreError> | undefined
  /** For the in-memory default: the directory to start with. */
  readonly directory?: Directory.Directory | undefined
  /** Lifecycle settings and the pipeline after receipt. */
  readonly config?: AppealService.ConfigInput | undefined
  /**
   * Where "now" comes from, in epoch milliseconds. Default: the system clock. Tests, replays and
   * demos pass their own.
   */
  readonly now?: (() => number) | undefined
}

/**
 * An Effect `Clock` that reads the time from a function (for `Options.now`).
 *
 * @example
 * import { Facade } from "@murojaat/core"
 * let t = Date.parse("2026-03-20T05:00:00Z")
 * const clock = Facade.clockFrom(() => t)
 * clock.unsafeCurrentTimeMillis() // 1773982800000
 */
export const clockFrom = (now: () => number): Clock.Clock => ({
  [Clock.ClockTypeId]: Clock.ClockTypeId,
  unsafeCurrentTimeMillis: now,
  unsafeCurrentTimeNanos: () => BigInt(Math.round(now())) * 1_000_000n,
  currentTimeMillis: Effect.sync(now),
  currentTimeNanos: Effect.sync(() => BigInt(Math.round(now())) * 1_000_000n),
  sleep: (d: Duration.Duration) => Effect.sleep(d).pipe(Effect.withClock(Clock.make()))
})

/**
 * What the facade's programs run with: the service, its ports and its configuration.
 *
 * @example
 * import { AppealService, Facade } from "@murojaat/core"
 * import { Effect } from "effect"
 * const program: Effect.Effect<number, never, Facade.Environment> = Effect.as(AppealService.AppealService, 1)
 * await Facade.make().run(program) // 1
 *
 * @since 0.2.0
 * @category models
 */
export type Environment = AppealService.AppealService | AppealService.Ports | Worklist.Worklist | AppealService.Config

/**
 * The facade's functions.
 *
 * @example
 * import { Actor, Facade, Sample } from "@murojaat/core"
 * const m: Facade.Murojaat = Facade.make({ directory: Sample.directory })
 * const r = await m.submit({ kind: "ariza", form: "oral", channel: "trustPhone",
 *   applicant: { type: "individual", contact: {}, consent: { given: true, form: "oral" } },
 *   location: { regionCode: "1726", districtCode: "1726262", mahallaCode: "1726262-001" }, text: { body: "Yordam kerak" } }, Actor.officer("O-101"))
 * r.events[0]?.type // "received"
 * // Officers are named by id (the authenticated subject); the directory gives their roles.
 * const list = await m.worklist("O-101", Actor.officer("O-301"))
 * list.items.length // 0
 */
export interface Murojaat {
  readonly submit: (intake: Appeal.IntakeEncoded, actor: Actor.Subject, options?: AppealService.RequestOptions) => Promise<AppealService.Result>
  readonly execute: (command: Command.InputEncoded, actor: Actor.Subject, options?: AppealService.RequestOptions) => Promise<AppealService.Result>
  readonly dispute: (appealId: string, reason: string, actor: Actor.Subject, options?: AppealService.RequestOptions) => Promise<AppealService.Result>
  readonly get: (appealId: string, actor: Actor.Subject) => Promise<AppealService.View>
  readonly history: (appealId: string, actor: Actor.Subject) => Promise<ReadonlyArray<Event.AppealEvent>>
  readonly verify: (appealId: string, actor: Actor.Subject) => Promise<Audit.Verification & { readonly projectionMatches: boolean }>
  /** The officer as the directory has him now (roles, territory); refuses unknown and inactive officers. */
  readonly officerActor: (officerId: string) => Promise<Actor.Officer>
  readonly suggestLinks: (intake: Appeal.IntakeEncoded, actor: Actor.Subject) => Promise<AppealService.LinkSuggestions>
  /** An officer's open appeals, due first on top (for him, his district's supervisors, auditors). */
  readonly worklist: (officerId: string, actor: Actor.Subject, page?: Worklist.PageRequest) => Promise<Worklist.DuePage>
  /** The area's open appeals whose due time has passed, now, for an actor whose roles cover the area. */
  readonly overdue: (area: Worklist.Area, actor: Actor.Subject, page?: Worklist.PageRequest) => Promise<Worklist.DuePage>
  /** The area's open appeals due from now up to `until`. */
  readonly soonDue: (area: Worklist.Area, until: string, actor: Actor.Subject, page?: Worklist.PageRequest) => Promise<Worklist.DuePage>
  /** The deadline timer over an area: escalates what fell due. */
  readonly escalateOverdue: (area: Worklist.Area, actor: Actor.Subject) => Promise<AppealService.EscalationRun>
  /** Runs any Effect program of the library with the configured layer. */
  readonly run: <A, E>(program: Effect.Effect<A, E, Environment>) => Promise<A>
  /** Releases the layer's resources (database pools, embedded servers). */
  readonly dispose: () => Promise<void>
}

/**
 * Builds a facade.
 *
 * @example
 * import { Facade } from "@murojaat/core"
 * const m = Facade.make({ config: { pipeline: { registerOnReceipt: true } } })
 * await m.dispose()
 */
export const make = (options: Options = {}): Murojaat => {
  const config = AppealService.layerConfig(options.config ?? {})
  // The service over the given ports (or every port in memory), built with the configuration.
  const service: Layer.Layer<Exclude<Environment, AppealService.Config>, Errors.StoreError> =
    options.layer === undefined
      ? AppealService.layerMemory(options.directory, options.config ?? {})
      : AppealService.layerWith(options.config ?? {}).pipe(Layer.provideMerge(options.layer))
  const clock = options.now === undefined ? Layer.empty : Layer.setClock(clockFrom(options.now))
  const runtime = ManagedRuntime.make(Layer.mergeAll(service, config, clock))
  const run = <A, E>(program: Effect.Effect<A, E, Environment>): Promise<A> =>
    runtime.runPromiseExit(program).then((exit) => {
      if (Exit.isSuccess(exit)) return exit.value
      // Reject with the typed error itself, so callers can switch on `_tag`. A defect is a bug: it
      // rejects with `InternalError`, never a raw exception (which might quote the caller's input).
      const failure = Cause.failureOption(exit.cause)
      throw Option.isSome(failure) ? failure.value : new Errors.InternalError({ operation: "facade" })
    })
  // Every argument goes to the service as given (`unknown` at run time): the service decodes it.
  return {
    submit: (intake, actor, o) => run(AppealService.submit(intake, actor, o)),
    execute: (command, actor, o) => run(AppealService.execute(command, actor, o)),
    dispute: (appealId, reason, actor, o) => run(AppealService.dispute(appealId, reason, actor, o)),
    get: (appealId, actor) => run(AppealService.get(appealId, actor)),
    history: (appealId, actor) => run(AppealService.history(appealId, actor)),
    verify: (appealId, actor) => run(AppealService.verify(appealId, actor)),
    officerActor: (officerId) => run(AppealService.officerActor(officerId)),
    suggestLinks: (intake, actor) => run(AppealService.suggestLinks(intake, actor)),
    worklist: (officerId, actor, page) => run(AppealService.worklist(officerId, actor, page)),
    overdue: (area, actor, page) => run(AppealService.overdue(area, actor, page)),
    soonDue: (area, until, actor, page) => run(AppealService.soonDue(area, until, actor, page)),
    escalateOverdue: (area, actor) => run(AppealService.escalateOverdue(area, actor)),
    run,
    dispose: () => runtime.dispose()
  }
}
