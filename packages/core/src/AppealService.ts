/**
 * The application service: how a command travels from untrusted input to stored events.
 *
 *   decode (Schema) -> idempotency -> load state -> read access -> decide (machine + rules)
 *   -> seal events onto the hash chain -> commit events + state + personal data + outbox +
 *   idempotency record in ONE atomic write (optimistic concurrency on the appeal's version).
 *
 * On `VersionConflict` (another instance changed the appeal meanwhile) the command is decided
 * again on the fresh state, a few times, so concurrent writers lose no update and a refusal is
 * always made on the latest facts.
 *
 * @example
 * import { Actor, AppealService, Sample } from "@murojaat/core"
 * import { Effect } from "effect"
 * const program = AppealService.submit({
 *   kind: "ariza", form: "electronic", channel: "smartMahallaApp",
 *   applicant: { type: "individual", surname: "Karimov", name: "Anvar", residence: "Bodomzor 12", contact: {}, consent: { given: true, form: "electronic" } },
 *   location: { regionCode: "1726", districtCode: "1726262", mahallaCode: "1726262-001" },
 *   text: { body: "Koʻchada chiroq yoʻq" }
 * }, Actor.applicant("user-1"))
 * // The directory says which codes exist and who serves where (here the shipped sample).
 * const result = Effect.runSync(Effect.provide(program, AppealService.layerMemory(Sample.directory)))
 * result.state.status // "registered"
 */
import { Context, Effect, Either, Layer, Option } from "effect"
import * as Actor from "./Actor.js"
import type * as Appeal from "./Appeal.js"
import type * as AppealMachine from "./AppealMachine.js"
import type * as AppealState from "./AppealState.js"
import { AppealStore, layerMemory as storeLayerMemory } from "./AppealStore.js"
import type { Workload as AppealStoreWorkload } from "./AppealStore.js"
import type * as Assignment from "./Assignment.js"
import type * as Audit from "./Audit.js"
import type * as Calendar from "./Calendar.js"
import { CalendarStore, layerMemory as calendarLayerMemory } from "./CalendarStore.js"
import type * as Command from "./Command.js"
import type * as Deadline from "./Deadline.js"
import type * as Directory from "./Directory.js"
import { DirectoryStore, layerMemory as directoryLayerMemory } from "./DirectoryStore.js"
import type * as Errors from "./Errors.js"
import type * as Event from "./Event.js"
import { IdempotencyStore } from "./IdempotencyStore.js"
import { IdGenerator, layerMemory as idsLayerMemory } from "./IdGenerator.js"
import type * as PersonalData from "./internal/personalData.js"
import * as Base from "./internal/service/base.js"
import * as Commands from "./internal/service/commands.js"
import * as Intake from "./internal/service/intake.js"
import * as Reads from "./internal/service/reads.js"
import * as Suggestions from "./internal/service/suggestions.js"
import * as Timer from "./internal/service/timer.js"
import * as Worklists from "./internal/service/worklists.js"
import * as Trust from "./internal/trust.js"
import type * as Lifecycle from "./Lifecycle.js"
import type { Outbox } from "./Outbox.js"
import * as Reservation from "./Reservation.js"
import type * as Similarity from "./Similarity.js"
import type * as Triage from "./Triage.js"
import * as Worklist from "./Worklist.js"

/**
 * What automatic steps follow receipt. Triage and assignment are functions so that the operator
 * can plug the rule engines (`Triage`, `Assignment`) or his own.
 *
 * @example
 * import { AppealService } from "@murojaat/core"
 * const p: AppealService.Pipeline = { registerOnReceipt: true }
 * p.triage // undefined
 *
 * @since 0.1.0
 * @category models
 */
export interface Pipeline {
  /** Register at once on receipt (electronic channels register automatically). Default: true. */
  readonly registerOnReceipt: boolean
  /** Classifies a registered appeal; `undefined` leaves it for a person. */
  readonly triage?: ((input: { readonly text: string; readonly state: AppealState.AppealState }) => TriageFields | undefined) | undefined
  /**
   * Whether a triaged appeal goes to automatic assignment at all, decided before any workload is
   * read (an appeal that needs a person waits for one). Default: every triaged appeal does.
   */
  readonly assigns?: ((state: AppealState.AppealState) => boolean) | undefined
  /** Chooses an officer for a triaged appeal; `undefined` leaves it in the queue. */
  readonly assign?:
    | ((input: {
        readonly state: AppealState.AppealState
        readonly directory: Directory.Directory
        readonly now: string
        /**
         * The district's held appeals counted by officer and priority (the workloads; weigh them
         * with `Assignment.loadsFromCounts`).
         */
        readonly workload: ReadonlyArray<AppealStoreWorkload>
        /** The calendar the service counts on (configured, or the CalendarStore's), for duty in working hours. */
        readonly calendar?: Calendar.Calendar | undefined
      }) =>
        | { readonly officerId: string; readonly ruleIds: ReadonlyArray<string> }
        /** Nobody can take it: the appeal stays `triaged` and the result's `holdup` carries this. */
        | { readonly refused: Errors.NoEligibleInspector }
        /**
         * The same refusal as a plain value, its encoding (no error is built: `Assignment`'s
         * refusal at submission is an expected outcome, e.g. nobody on duty at the weekend).
         */
        | { readonly refusal: typeof Errors.NoEligibleInspector.Encoded }
        | undefined)
    | undefined
}

/**
 * The pipeline of Murojaat's own rules: register on receipt, classify with `Triage`, and assign
 * with `Assignment`. An appeal whose triage needs a person is not assigned automatically, unless
 * it is urgent: someone on duty must see it now.
 *
 * @example
 * import { AppealService } from "@murojaat/core"
 * AppealService.layerConfig({ pipeline: AppealService.rulesPipeline() })
 *
 * @since 0.1.0
 * @category constructors
 */
export const rulesPipeline = (options: { readonly triage?: Triage.Engine; readonly assignment?: Assignment.Settings } = {}): Pipeline =>
  Intake.rulesPipeline(options)

/**
 * The fields of a triage command.
 *
 * @example
 * import { AppealService } from "@murojaat/core"
 * const f: AppealService.TriageFields = { category: "fraud", priority: "normal", flags: [], confidence: 0.9, needsPerson: false, ruleIds: ["fraud.card"] }
 * f.priority // "normal"
 *
 * @since 0.1.0
 * @category models
 */
export type TriageFields = Omit<Command.Of<"triage">, "type" | "appealId" | "commandId" | "correlationId">

/**
 * The service's configuration: lifecycle settings and the pipeline. Optional: without it, the
 * defaults apply.
 *
 * @example
 * import { AppealService, AppealMachine } from "@murojaat/core"
 * AppealService.layerConfig({ settings: { ...AppealMachine.defaultSettings, answerApprovalByHead: true } })
 *
 * @since 0.1.0
 * @category services
 */
export const Config = Base.Config
/** @see Config */
export type Config = Base.Config

/**
 * The default configuration.
 *
 * @example
 * import { AppealService } from "@murojaat/core"
 * AppealService.defaultConfig.pipeline.registerOnReceipt // true
 *
 * @since 0.1.0
 * @category constructors
 */
export const defaultConfig: Config["Type"] = Base.defaultConfig

/**
 * A configuration as given to `layerConfig`, `layerWith` and `layerMemory`: unspecified parts take
 * the defaults.
 *
 * @example
 * import { AppealService } from "@murojaat/core"
 * const manual: AppealService.ConfigInput = { pipeline: { registerOnReceipt: false } }
 * AppealService.layerConfig(manual)
 *
 * @since 0.2.0
 * @category models
 */
export interface ConfigInput {
  readonly settings?: Partial<AppealMachine.Settings> | undefined
  readonly pipeline?: Partial<Pipeline> | undefined
  readonly deadlines?: Deadline.Options | undefined
}

/**
 * A configuration layer; unspecified parts take the defaults. The service reads it once, when it
 * is built: provide it to the service's layer (`Layer.provide`, or use `layerWith`).
 *
 * @example
 * import { AppealService } from "@murojaat/core"
 * AppealService.layerConfig({ pipeline: { registerOnReceipt: false } })
 *
 * @since 0.1.0
 * @category layers
 */
export const layerConfig = (config: ConfigInput): Layer.Layer<Config> => Base.layerConfig(config)

/**
 * The nearest due time of an appeal's running legal clocks at `now`, as an ISO instant in UTC, or
 * `null` when none runs (answered, closed, ended) or the events cannot be read as clocks.
 *
 * @example
 * import { AppealService } from "@murojaat/core"
 * AppealService.dueAt([{ type: "received", at: "2026-03-02T05:00:00.000Z", data: { kind: "ariza" } }], "2026-03-02T05:00:00.000Z")
 * // "2026-03-02T13:00:00.000Z": the registration clock, due at the end of that working day
 *
 * @since 0.1.0
 * @category deadlines
 */
export const dueAt = (events: ReadonlyArray<Deadline.EventInput>, now: string, options: Deadline.Options = {}): string | null =>
  Either.getOrElse(Base.dueTime(events, now, options), () => null)

/**
 * The nearest due time of an appeal's running legal clocks, as `dueAt`, but failing when it cannot
 * be computed (for example a time outside the years the deadline engine counts, 1992 to 2200): a commit never stores
 * an appeal whose legal clocks are unknown. `null` means no clock runs.
 *
 * @example
 * import { AppealService } from "@murojaat/core"
 * AppealService.dueTime([{ type: "received", at: "2026-03-02T05:00:00.000Z", data: { kind: "ariza" } }], "2026-03-02T05:00:00.000Z")._tag // "Right"
 * AppealService.dueTime([{ type: "received", at: "1980-03-02T05:00:00.000Z", data: { kind: "ariza" } }], "1980-03-02T05:00:00.000Z")._tag // "Left"
 *
 * @since 0.1.0
 * @category deadlines
 */
export const dueTime = (
  events: ReadonlyArray<Deadline.EventInput>,
  now: string,
  options: Deadline.Options = {}
): Either.Either<string | null, Errors.InvalidInput> =>
  Base.dueTime(events, now, options)

/**
 * The storage ports the service needs (the CalendarStore is optional: without it, and without a
 * configured calendar, the shipped calendar counts).
 *
 * @example
 * import { AppealService } from "@murojaat/core"
 * import { Layer } from "effect"
 * const ports: Layer.Layer<AppealService.Ports> = AppealService.layerMemory()
 * Layer.isLayer(ports) // true
 *
 * @since 0.1.0
 * @category ports
 */
export type Ports = AppealStore | IdempotencyStore | IdGenerator | DirectoryStore

/**
 * Why an actor could not be resolved: malformed (`InvalidInput`), an officer the directory does not
 * know (`OfficerNotFound`), or one it knows as inactive or with other roles and territory than the
 * caller claimed (`NotAuthorized`).
 *
 * @example
 * import { AppealService } from "@murojaat/core"
 * const code = (e: AppealService.ActorError) => e._tag
 *
 * @since 0.1.0
 * @category errors
 */
export type ActorError = Errors.InvalidInput | Errors.OfficerNotFound | Errors.NotAuthorized | Errors.StoreError

/**
 * Every error the service may fail with.
 *
 * @example
 * import { Actor, AppealService } from "@murojaat/core"
 * import { Effect, Either } from "effect"
 * const r = Effect.runSync(Effect.either(Effect.provide(AppealService.get("A-9", Actor.auditor("AUD-1")), AppealService.layerMemory())))
 * const e: AppealService.ServiceError | undefined = Either.isLeft(r) ? r.left : undefined
 * e?._tag // "AppealNotFound"
 *
 * @since 0.1.0
 * @category errors
 */
export type ServiceError =
  | Lifecycle.DecideError
  | ActorError
  | Errors.AppealNotFound
  | Errors.VersionConflict
  | Errors.IdempotencyConflict
  | Errors.OfficerNotFound
  | Errors.StoreError

/**
 * What a command did: the appeal's new state and the events recorded. JSON-safe, so it is also
 * the idempotent answer to a repeated request.
 *
 * @example
 * import { AppealService } from "@murojaat/core"
 * const r: AppealService.Result = { appealId: "A-1", state: {} as any, events: [] }
 *
 * @since 0.1.0
 * @category models
 */
export interface Result {
  readonly appealId: string
  readonly state: AppealState.AppealState
  readonly events: ReadonlyArray<Event.AppealEvent>
  /** Set by `submit` when the appeal stopped at `triaged`, before assignment: why. */
  readonly holdup?: Holdup | undefined
  /**
   * The calendar and counting settings the service decided with (due times, term rules): an
   * answer shows the appeal's clocks on them without reading the calendar again. Set by `submit`
   * and `execute`; not stored with an idempotent answer (a replay carries the settings in force).
   */
  readonly deadlines?: Deadline.Options | undefined
}

/**
 * Why a submitted appeal stopped at `triaged` instead of being assigned: triage asked for a person
 * (`needsPerson`, and the appeal is not urgent); no officer could take it (`noEligibleInspector`,
 * with the assignment's typed refusal: its `reason` is `noneOnDuty` when nobody is on duty, and it
 * names every officer excluded and why); or the pipeline has no automatic assignment, or its own
 * `assign` chose nobody (`notAssigned`). The appeal waits in the district's queue either way.
 *
 * @example
 * import { Actor, AppealService, Sample } from "@murojaat/core"
 * import { Effect } from "effect"
 * const manual = AppealService.layerMemory(Sample.directory, { pipeline: { triage: () => ({ category: "publicOrder", priority: "normal", flags: [], confidence: 0.4, needsPerson: true, ruleIds: [] }) } })
 * const r = Effect.runSync(Effect.provide(AppealService.submit(Sample.intake, Actor.applicant("user-1")), manual))
 * r.holdup // { reason: "needsPerson" }
 *
 * @since 0.2.0
 * @category models
 */
export type Holdup =
  | { readonly reason: "needsPerson" }
  | { readonly reason: "noEligibleInspector"; readonly error: typeof Errors.NoEligibleInspector.Encoded }
  | { readonly reason: "notAssigned" }

/**
 * Per-request options.
 *
 * @example
 * import { AppealService } from "@murojaat/core"
 * const o: AppealService.RequestOptions = { idempotencyKey: "portal-7f3a", correlationId: "req-1" }
 * o.idempotencyKey // "portal-7f3a"
 *
 * @since 0.1.0
 * @category models
 */
export interface RequestOptions {
  /** Makes a retried request safe: the same key and request give the first answer again. */
  readonly idempotencyKey?: string | undefined
  readonly correlationId?: string | undefined
  /**
   * The version of the appeal the caller decided on (HTTP `If-Match`), for `execute` and
   * `dispute`: an appeal at another version refuses the command with `VersionConflict`, and the
   * commit itself re-checks it, so no write can slip in between (not retried, unlike a conflict
   * without it). A new appeal has no version to expect: `submit` ignores it.
   */
  readonly expectedVersion?: number | undefined
}

/**
 * The schema of `RequestOptions`: an idempotency key of 1 to 255 visible ASCII characters (a UUID,
 * a ULID, "portal-7f3a"), a correlation id of 1 to 128, an expected version that is a whole number
 * from 0.
 *
 * @example
 * import { AppealService, Decode } from "@murojaat/core"
 * Decode.either(AppealService.RequestOptionsSchema, "RequestOptions")({ idempotencyKey: "" })._tag // "Left"
 * Decode.either(AppealService.RequestOptionsSchema, "RequestOptions")({ idempotencyKey: "portal-7f3a" })._tag // "Right"
 * Decode.either(AppealService.RequestOptionsSchema, "RequestOptions")({ expectedVersion: -1 })._tag // "Left"
 *
 * @since 0.1.0
 * @category models
 */
export const RequestOptionsSchema = Base.RequestOptionsSchema

/**
 * What a reader sees of an appeal: its state, its personal data and the free texts of its events
 * (by seq, beside `history`), masked for readers who may not see them (auditors, integration
 * systems), absent once erased.
 *
 * @example
 * import { AppealService } from "@murojaat/core"
 * const v: AppealService.View = { state: {} as any, personal: undefined, texts: [], masked: false }
 *
 * @since 0.1.0
 * @category models
 */
export interface View {
  readonly state: AppealState.AppealState
  readonly personal: Appeal.Personal | undefined
  readonly texts: ReadonlyArray<Event.TextRecord>
  readonly masked: boolean
}

/**
 * Every error a read may fail with.
 *
 * @example
 * import { AppealService } from "@murojaat/core"
 * const code = (e: AppealService.ReadError) => e._tag
 *
 * @since 0.1.0
 * @category errors
 */
export type ReadError = ActorError | Errors.AppealNotFound

/**
 * Link suggestions for an appeal about to be submitted (or just received): the open appeals of the
 * same mahalla and of the same applicant, and the applicant's appeals answered within
 * `repeatWindowDays`, compared by `Duplicates` (each suggestion carries its label, score, rule and
 * signals; `distinct` pairs are left out). A reader sees the suggestions for appeals he may read;
 * of the others, only how many there are (`similarElsewhere`) and whether one of them is an open
 * appeal of the same category at the same place (`openAtPlace`), so a citizen learns that his
 * neighbours' matter is already being handled without learning anything about them.
 *
 * @example
 * import { AppealService } from "@murojaat/core"
 * const r: AppealService.LinkSuggestions = { suggestions: [], similarElsewhere: 0 }
 *
 * @since 0.1.0
 * @category models
 */
export interface LinkSuggestions {
  readonly suggestions: ReadonlyArray<Similarity.Suggestion>
  readonly similarElsewhere: number
  /** One of the appeals counted in `similarElsewhere` is open, of the same category, at the same place. */
  readonly openAtPlace?: boolean
}

/**
 * What one run of the overdue check did.
 *
 * @example
 * import { AppealService } from "@murojaat/core"
 * const r: AppealService.EscalationRun = { checked: 0, escalated: [], failed: [] }
 *
 * @since 0.1.0
 * @category models
 */
export interface EscalationRun {
  /** Overdue appeals looked at. */
  readonly checked: number
  /** Appeals escalated now, with the reason recorded. */
  readonly escalated: ReadonlyArray<{ readonly appealId: string; readonly reason: string }>
  /** Appeals whose escalation was refused (changed meanwhile, ended), with the error code. */
  readonly failed: ReadonlyArray<{ readonly appealId: string; readonly code: string }>
}

/**
 * What `erasePersonal` covered: the appeal and the repeated appeals opened by disputing it, and
 * which of them still had personal data or texts.
 *
 * @example
 * import { AppealService } from "@murojaat/core"
 * const e: AppealService.Erasure = { appealIds: ["A-1", "A-7"], removed: ["A-1", "A-7"] }
 *
 * @since 0.1.0
 * @category models
 */
export type Erasure = PersonalData.Erasure

// ---------------------------------------------------------------------------------------------
// The service
// ---------------------------------------------------------------------------------------------

/**
 * The service's operations: every command and query, with the ports, the configuration and the
 * calendar already bound (see `make`). The module's functions of the same names (`submit`,
 * `execute`, ...) call them through the `AppealService` tag.
 *
 * @example
 * import { Actor, AppealService, Sample } from "@murojaat/core"
 * import { Effect } from "effect"
 * const program = Effect.flatMap(AppealService.AppealService, (service: AppealService.Service) =>
 *   service.submit(Sample.intake, Actor.applicant("user-1")))
 * Effect.runSync(Effect.provide(program, AppealService.layerMemory(Sample.directory))).state.status // "registered"
 *
 * @since 0.2.0
 * @category models
 */
export interface Service {
  /** See {@link submit}. */
  readonly submit: (input: unknown, actor: Actor.Subject, options?: RequestOptions) => Effect.Effect<Result, ServiceError>
  /** See {@link execute}. */
  readonly execute: (input: unknown, actor: Actor.Subject, options?: RequestOptions) => Effect.Effect<Result, ServiceError>
  /** See {@link dispute}. */
  readonly dispute: (appealId: string, reason: string, actor: Actor.Subject, options?: RequestOptions) => Effect.Effect<Result, ServiceError>
  /** See {@link get}. */
  readonly get: (appealId: string, actor: Actor.Subject) => Effect.Effect<View, ReadError>
  /** See {@link history}. */
  readonly history: (appealId: string, actor: Actor.Subject) => Effect.Effect<ReadonlyArray<Event.AppealEvent>, ReadError>
  /** See {@link verify}. */
  readonly verify: (appealId: string, actor: Actor.Subject) => Effect.Effect<Audit.Verification & { readonly projectionMatches: boolean }, ReadError>
  /** See {@link suggestLinks}. */
  readonly suggestLinks: (
    input: unknown,
    actor: Actor.Subject,
    options?: { readonly limit?: number; readonly settings?: Similarity.Settings }
  ) => Effect.Effect<LinkSuggestions, ActorError>
  /** See {@link worklist}. */
  readonly worklist: (officerId: string, actor: Actor.Subject, page?: Worklist.PageRequest) => Effect.Effect<Worklist.DuePage, ActorError>
  /** See {@link overdue}. */
  readonly overdue: (area: Worklist.Area, actor: Actor.Subject, page?: Worklist.PageRequest) => Effect.Effect<Worklist.DuePage, ActorError>
  /** See {@link soonDue}. */
  readonly soonDue: (area: Worklist.Area, until: string, actor: Actor.Subject, page?: Worklist.PageRequest) => Effect.Effect<Worklist.DuePage, ActorError>
  /** See {@link escalateOverdue}. */
  readonly escalateOverdue: (area: Worklist.Area, actor: Actor.Subject) => Effect.Effect<EscalationRun, ActorError>
  /** See {@link erasePersonal}. */
  readonly erasePersonal: (appealId: string, actor: Actor.Subject) => Effect.Effect<Erasure, ReadError>
  /** See {@link officerActor}. */
  readonly officerActor: (officerId: string) => Effect.Effect<Actor.Officer, ActorError>
}

/**
 * The appeal service, as an Effect service: build it with `layer` (over any adapter's ports) or
 * `layerMemory` (every port in memory), then call the module's functions (`AppealService.submit`,
 * ...), which need only this tag.
 *
 * @example
 * import { AppealService } from "@murojaat/core"
 * AppealService.AppealService.key // "@murojaat/core/AppealService"
 *
 * @since 0.2.0
 * @category services
 */
export class AppealService extends Context.Tag("@murojaat/core/AppealService")<AppealService, Service>() {}

/**
 * Builds the service from the ports in context. The configuration (`Config`, optional: the
 * defaults otherwise) is read once, here; the calendar in force is the configured one, else the
 * `CalendarStore`'s (optional), read once per request and re-resolved only when it changed (a
 * decree was loaded, by this instance or another), else the shipped one. Time is read per request
 * from Effect's `Clock`.
 *
 * @example
 * import { AppealService, AppealStore, DirectoryStore, IdGenerator, Sample } from "@murojaat/core"
 * import { Effect, Layer } from "effect"
 * const ports = Layer.mergeAll(AppealStore.layerMemory(), IdGenerator.layerMemory(), DirectoryStore.layerMemory(Sample.directory))
 * const service = Effect.runSync(Effect.provide(AppealService.make, ports))
 * typeof service.submit // "function"
 *
 * @since 0.2.0
 * @category constructors
 */
export const make: Effect.Effect<Service, never, Ports | Worklist.Worklist> = Effect.gen(function* () {
  const store = yield* AppealStore
  const idempotency = yield* IdempotencyStore
  const ids = yield* IdGenerator
  // An adapter's own reservation (one round trip), else the same operations over the other ports.
  const reservation = Option.getOrElse(yield* Effect.serviceOption(Reservation.Reservation), () => Reservation.make(idempotency, ids, store))
  const ports = Context.make(AppealStore, store).pipe(
    Context.add(IdempotencyStore, idempotency),
    Context.add(IdGenerator, ids),
    Context.add(Reservation.Reservation, reservation),
    Context.add(DirectoryStore, yield* DirectoryStore),
    Context.add(Worklist.Worklist, yield* Worklist.Worklist),
    Context.add(Base.Resolver, Base.resolver(yield* Base.configured, yield* Effect.serviceOption(CalendarStore)))
  )
  // The submission is given its ports (no context provided per request: see `Intake.Ports`).
  const submit = Intake.submit({
    store,
    idempotency,
    ids,
    reservation,
    directories: Context.get(ports, DirectoryStore),
    resolver: Context.get(ports, Base.Resolver)
  })
  const bound = <A, E>(program: Effect.Effect<A, E, Ports | Reservation.Reservation | Worklist.Worklist | Base.Resolver>): Effect.Effect<A, E> =>
    Effect.provide(program, ports)
  const execute: Service["execute"] = (input, actor, options = {}) => bound(Commands.execute(input, actor, options))
  return {
    submit,
    execute,
    dispute: (appealId, reason, actor, options = {}) => execute({ type: "dispute", appealId, reason }, actor, options),
    get: (appealId, actor) => bound(Reads.get(appealId, actor)),
    history: (appealId, actor) => bound(Reads.history(appealId, actor)),
    verify: (appealId, actor) => bound(Reads.verify(appealId, actor)),
    suggestLinks: (input, actor, options = {}) => bound(Suggestions.suggestLinks(input, actor, options)),
    worklist: (officerId, actor, page) => bound(Worklists.worklist(officerId, actor, page)),
    overdue: (area, actor, page) => bound(Worklists.overdue(area, actor, page)),
    soonDue: (area, until, actor, page) => bound(Worklists.soonDue(area, until, actor, page)),
    escalateOverdue: (area, actor) => bound(Timer.escalateOverdue(area, actor)),
    erasePersonal: (appealId, actor) => bound(Reads.erasePersonal(appealId, actor)),
    officerActor: (officerId) => bound(Effect.map(Trust.resolveActor(Actor.officer(officerId), "act"), (a) => a as Actor.Officer))
  }
})

/**
 * The service over the ports of any adapter. Give it a configuration with
 * `Layer.provide(AppealService.layerConfig(...))`; keep the ports for other uses with
 * `Layer.provideMerge(ports)`.
 *
 * @example
 * import { AppealService, AppealStore, CalendarStore, DirectoryStore, IdGenerator } from "@murojaat/core"
 * import { Layer } from "effect"
 * const ports = Layer.mergeAll(AppealStore.layerMemory(), IdGenerator.layerMemory(), DirectoryStore.layerMemory(), CalendarStore.layerMemory())
 * const live = AppealService.layer.pipe(Layer.provide(AppealService.layerConfig({ pipeline: AppealService.rulesPipeline() })), Layer.provideMerge(ports))
 * // the same: AppealService.layerWith({ pipeline: AppealService.rulesPipeline() }).pipe(Layer.provideMerge(ports))
 * Layer.isLayer(live) // true
 *
 * @since 0.2.0
 * @category layers
 */
export const layer: Layer.Layer<AppealService, never, Ports | Worklist.Worklist> = Layer.effect(AppealService, make)

/**
 * The service over the ports of any adapter, with a configuration: `layer` given
 * `layerConfig(config)`, as a layer of its own (a service built with another configuration in the
 * same application is another instance). Keep the ports in the output with
 * `Layer.provideMerge(ports)`.
 *
 * @example
 * import { Actor, AppealService, AppealStore, DirectoryStore, IdGenerator, Sample } from "@murojaat/core"
 * import { Effect, Layer } from "effect"
 * const ports = Layer.mergeAll(AppealStore.layerMemory(), IdGenerator.layerMemory(), DirectoryStore.layerMemory(Sample.directory))
 * const manual = AppealService.layerWith({ pipeline: { registerOnReceipt: false } }).pipe(Layer.provideMerge(ports))
 * Effect.runSync(Effect.provide(AppealService.submit(Sample.intake, Actor.applicant("user-1")), manual)).state.status // "received"
 *
 * @since 0.2.0
 * @category layers
 */
export const layerWith = (config: ConfigInput): Layer.Layer<AppealService, never, Ports | Worklist.Worklist> =>
  // A new layer each time: layers are shared by reference within one build, so reusing `layer`
  // would give a second service with another configuration the first one's instance.
  Layer.effect(AppealService, make).pipe(Layer.provide(layerConfig(config)))

/**
 * The service on every port in memory (store, outbox, idempotency, ids, the given directory and
 * the shipped calendar), with the ports themselves (tests and demos read them), and the given
 * configuration (the defaults otherwise).
 *
 * @example
 * import { AppealService, Sample } from "@murojaat/core"
 * AppealService.layerMemory(Sample.directory, { pipeline: AppealService.rulesPipeline() })
 *
 * @since 0.1.0
 * @category layers
 */
export const layerMemory = (
  directory?: Directory.Directory,
  config: ConfigInput = {}
): Layer.Layer<AppealService | Ports | Outbox | CalendarStore | Worklist.Worklist> =>
  layerWith(config).pipe(Layer.provideMerge(Layer.mergeAll(storeLayerMemory(), idsLayerMemory(), directoryLayerMemory(directory), calendarLayerMemory())))

// ---------------------------------------------------------------------------------------------
// Commands and queries, through the service
// ---------------------------------------------------------------------------------------------

/**
 * Receives a new appeal from any channel: decodes it, checks it against the directory, gives it
 * an id from the `IdGenerator`, records `received`, and then (as configured) registers, triages and
 * assigns it, all in one commit.
 *
 * @example
 * import { Actor, AppealService } from "@murojaat/core"
 * import { Effect } from "effect"
 * const r = Effect.runSync(Effect.either(Effect.provide(AppealService.submit({ kind: "x" }, Actor.system("portal")), AppealService.layerMemory())))
 * r._tag === "Left" && r.left._tag // "InvalidInput"
 *
 * @since 0.1.0
 * @category commands
 */
export const submit = (input: unknown, actor: Actor.Subject, options: RequestOptions = {}): Effect.Effect<Result, ServiceError, AppealService> =>
  Effect.flatMap(AppealService, (s) => s.submit(input, actor, options))

/**
 * Executes a command on an existing appeal. The actor is resolved first (officers from the
 * directory); the command is decided on the latest state and retried on `VersionConflict` up to 5
 * times. Ids are never the caller's: `register` takes its number and `dispute` its repeated
 * appeal's id from the `IdGenerator` (see `Command.Input`). A `dispute` also creates the repeated
 * appeal in the same commit.
 *
 * @example
 * import { Actor, AppealService } from "@murojaat/core"
 * import { Effect } from "effect"
 * const r = Effect.runSync(Effect.either(Effect.provide(
 *   AppealService.execute({ type: "startReview", appealId: "A-9" }, Actor.system("x")), AppealService.layerMemory())))
 * r._tag === "Left" && r.left._tag // "AppealNotFound"
 *
 * @since 0.1.0
 * @category commands
 */
export const execute = (input: unknown, actor: Actor.Subject, options: RequestOptions = {}): Effect.Effect<Result, ServiceError, AppealService> =>
  Effect.flatMap(AppealService, (s) => s.execute(input, actor, options))

/**
 * Disputes an answer: records the dispute on the appeal and opens the repeated appeal (its id from
 * the `IdGenerator`), under a supervisor's control. Returns the result for the original appeal; the
 * new appeal's id is in `state.disputedBy`.
 *
 * @example
 * import { Actor, AppealService } from "@murojaat/core"
 * AppealService.dispute("A-1", "The noise goes on", Actor.applicant("user-1"))
 *
 * @since 0.1.0
 * @category commands
 */
export const dispute = (
  appealId: string,
  reason: string,
  actor: Actor.Subject,
  options: RequestOptions = {}
): Effect.Effect<Result, ServiceError, AppealService> => Effect.flatMap(AppealService, (s) => s.dispute(appealId, reason, actor, options))

/**
 * Reads an appeal as the actor may see it. `AppealNotFound` if it does not exist or the actor may
 * not read it.
 *
 * @example
 * import { Actor, AppealService } from "@murojaat/core"
 * AppealService.get("A-1", Actor.auditor("AUD-1"))
 *
 * @since 0.1.0
 * @category queries
 */
export const get = (appealId: string, actor: Actor.Subject): Effect.Effect<View, ReadError, AppealService> =>
  Effect.flatMap(AppealService, (s) => s.get(appealId, actor))

/**
 * An appeal's events, for a reader who may read the appeal.
 *
 * @example
 * import { Actor, AppealService } from "@murojaat/core"
 * AppealService.history("A-1", Actor.auditor("AUD-1"))
 *
 * @since 0.1.0
 * @category queries
 */
export const history = (appealId: string, actor: Actor.Subject): Effect.Effect<ReadonlyArray<Event.AppealEvent>, ReadError, AppealService> =>
  Effect.flatMap(AppealService, (s) => s.history(appealId, actor))

/**
 * Verifies one stored appeal, for a reader who may read it: its chain, anchored at the head its
 * projection records, and that the projection equals the replay of the events.
 *
 * @example
 * import { Actor, AppealService } from "@murojaat/core"
 * AppealService.verify("A-1", Actor.auditor("AUD-1"))
 *
 * @since 0.1.0
 * @category queries
 */
export const verify = (
  appealId: string,
  actor: Actor.Subject
): Effect.Effect<Audit.Verification & { readonly projectionMatches: boolean }, ReadError, AppealService> =>
  Effect.flatMap(AppealService, (s) => s.verify(appealId, actor))

/**
 * Suggests links for an intake before it is submitted (duplicates, reminders, repeated and related
 * appeals, by `Duplicates`). Looks at up to `limit` (1 to 1,000, default 500) open appeals of the
 * same mahalla and of the same applicant, and as many of his answered ones.
 *
 * @example
 * import { Actor, AppealService } from "@murojaat/core"
 * AppealService.suggestLinks({ kind: "ariza" }, Actor.applicant("u-1")) // fails with InvalidInput
 *
 * @since 0.1.0
 * @category queries
 */
export const suggestLinks = (
  input: unknown,
  actor: Actor.Subject,
  options: { readonly limit?: number; readonly settings?: Similarity.Settings } = {}
): Effect.Effect<LinkSuggestions, ActorError, AppealService> => Effect.flatMap(AppealService, (s) => s.suggestLinks(input, actor, options))

/**
 * An officer's open appeals, due first on top, for the officer himself, a senior inspector or the
 * chief of his district, an auditor or the system. Appeals the reader may not read are left out.
 *
 * @example
 * import { Actor, AppealService } from "@murojaat/core"
 * AppealService.worklist("O-101", Actor.officer("O-101"))
 *
 * @since 0.1.0
 * @category queries
 */
export const worklist = (officerId: string, actor: Actor.Subject, page?: Worklist.PageRequest): Effect.Effect<Worklist.DuePage, ActorError, AppealService> =>
  Effect.flatMap(AppealService, (s) => s.worklist(officerId, actor, page))

/**
 * The area's open appeals whose due time has passed, now, for an actor whose roles cover the area
 * (a district-wide officer for a district, an inspector for his mahalla, auditors, the system).
 *
 * @example
 * import { Actor, AppealService } from "@murojaat/core"
 * AppealService.overdue({ districtCode: "1726262" }, Actor.officer("O-301"))
 *
 * @since 0.1.0
 * @category queries
 */
export const overdue = (area: Worklist.Area, actor: Actor.Subject, page?: Worklist.PageRequest): Effect.Effect<Worklist.DuePage, ActorError, AppealService> =>
  Effect.flatMap(AppealService, (s) => s.overdue(area, actor, page))

/**
 * The area's open appeals due from now up to `until`, for an actor whose roles cover the area.
 *
 * @example
 * import { Actor, AppealService } from "@murojaat/core"
 * AppealService.soonDue({ mahallaCode: "1726262-001" }, "2026-03-05T13:00:00.000Z", Actor.officer("O-101"))
 *
 * @since 0.1.0
 * @category queries
 */
export const soonDue = (
  area: Worklist.Area,
  until: string,
  actor: Actor.Subject,
  page?: Worklist.PageRequest
): Effect.Effect<Worklist.DuePage, ActorError, AppealService> => Effect.flatMap(AppealService, (s) => s.soonDue(area, until, actor, page))

/**
 * The deadline timer's run over one area: every open appeal whose due time has passed is checked
 * with the clocks its state carries (`Deadline`'s rules); when a clock fell due and no escalation
 * followed it, the appeal is escalated by the system (`deadline-timer`) through the same command
 * path as `execute`, with the overdue clocks and their rule ids in the reason. Run by the system,
 * or by an officer whose roles cover the area. Safe to run from several instances: each escalation
 * is decided on the state at the version its commit expects, so a breach is escalated exactly once.
 *
 * @example
 * import { Actor, AppealService } from "@murojaat/core"
 * AppealService.escalateOverdue({ districtCode: "1726262" }, Actor.system("deadline-timer"))
 *
 * @since 0.1.0
 * @category commands
 */
export const escalateOverdue = (area: Worklist.Area, actor: Actor.Subject): Effect.Effect<EscalationRun, ActorError, AppealService> =>
  Effect.flatMap(AppealService, (s) => s.escalateOverdue(area, actor))

/**
 * Erases an appeal's personal data and the free texts of its events, and those of every repeated
 * appeal opened by disputing it (they copy the applicant, his place and the dispute's reason), when
 * retention ends or consent is withdrawn (ZRU-547 Art. 27). The events keep their digests, so every
 * chain still verifies. Allowed to the system (the operator's retention job) and to the district
 * chief of the appeal's district; `AppealNotFound` for a reader who may not read the appeal,
 * `NotAuthorized` for other readers.
 *
 * @example
 * import { Actor, AppealService, Sample } from "@murojaat/core"
 * import { Effect } from "effect"
 * const program = Effect.gen(function* () {
 *   const r = yield* AppealService.submit(Sample.intake, Actor.applicant("user-1"))
 *   const erased = yield* AppealService.erasePersonal(r.appealId, Actor.system("retention"))
 *   const view = yield* AppealService.get(r.appealId, Actor.applicant("user-1"))
 *   return { removed: erased.removed.length, personal: view.personal, texts: view.texts }
 * })
 * Effect.runSync(Effect.provide(program, AppealService.layerMemory(Sample.directory))) // { removed: 1, personal: undefined, texts: [] }
 *
 * @since 0.1.0
 * @category commands
 */
export const erasePersonal = (appealId: string, actor: Actor.Subject): Effect.Effect<Erasure, ReadError, AppealService> =>
  Effect.flatMap(AppealService, (s) => s.erasePersonal(appealId, actor))

/**
 * The officer actor for an officer id, from the directory: his roles and territory as the
 * directory has them now. `OfficerNotFound` if the directory does not know him; `NotAuthorized`
 * (`officerInactive`) if he is no longer active.
 *
 * @example
 * import { AppealService } from "@murojaat/core"
 * AppealService.officerActor("O-1")
 *
 * @since 0.1.0
 * @category queries
 */
export const officerActor = (officerId: string): Effect.Effect<Actor.Officer, ActorError, AppealService> =>
  Effect.flatMap(AppealService, (s) => s.officerActor(officerId))
