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
 * result.state.status // "registered"
 * // Still decoded at run time: an answer without its outcome, text and legal basis is refused.
 * const refused = await murojaat.execute({ type: "answer", appealId: result.appealId } as never, Actor.officer("O-101")).catch((e) => e._tag)
 * refused // "InvalidInput"
 * await murojaat.dispose()
 */
import { Cause, Clock, Duration, Effect, Either, Exit, Layer, ManagedRuntime, Option, Schema } from "effect"
import type * as Actor from "./Actor.js"
import type * as Appeal from "./Appeal.js"
import * as AppealService from "./AppealService.js"
import type * as Audit from "./Audit.js"
import * as Calendar from "./Calendar.js"
import { CalendarStore } from "./CalendarStore.js"
import type * as Command from "./Command.js"
import * as Decode from "./Decode.js"
import * as Directory from "./Directory.js"
import { DirectoryStore } from "./DirectoryStore.js"
import type * as Event from "./Event.js"
import * as Errors from "./Errors.js"
import * as Outbox from "./Outbox.js"
import type * as Worklist from "./Worklist.js"

/**
 * The ports a facade runs on: the service's storage ports, the worklists, the outbox and the
 * calendar store. `@murojaat/postgres`'s `layerPg` and `layerEmbedded` provide them all.
 *
 * @example
 * import { AppealService, Facade } from "@murojaat/core"
 * import { Layer } from "effect"
 * const ports: Layer.Layer<Facade.Ports> = AppealService.layerMemory()
 * Layer.isLayer(ports) // true
 *
 * @since 0.2.0
 * @category models
 */
export type Ports = AppealService.Ports | Worklist.Worklist | Outbox.Outbox | CalendarStore

interface Common {
  /** Lifecycle settings and the pipeline after receipt. */
  readonly config?: AppealService.ConfigInput | undefined
  /**
   * Where "now" comes from, in epoch milliseconds. Default: the system clock. Tests, replays and
   * demos pass their own.
   */
  readonly now?: (() => number) | undefined
}

/**
 * A facade on in-memory ports, starting with `directory` (default: an empty directory).
 *
 * @example
 * import { Facade, Sample } from "@murojaat/core"
 * const options: Facade.MemoryOptions = { directory: Sample.directory }
 * options.directory?.officers.length // 4
 *
 * @since 0.2.0
 * @category models
 */
export interface MemoryOptions extends Common {
  readonly layer?: undefined
  /** The directory to start with. */
  readonly directory?: Directory.Directory | undefined
}

/**
 * A facade on the ports of a layer, e.g. PostgreSQL's. The directory is the one stored there: load
 * or replace it with `replaceDirectory` (a `directory` option here is a compile error, never
 * silently ignored).
 *
 * @example
 * import { AppealService, Facade } from "@murojaat/core"
 * const options: Facade.LayerOptions = { layer: AppealService.layerMemory() }
 * // `{ layer, directory }` does not compile: load the directory with `replaceDirectory`.
 * const m = Facade.make(options)
 * const stored = await m.directory()
 * stored.officers.length // 0
 * await m.dispose()
 *
 * @since 0.2.0
 * @category models
 */
export interface LayerOptions extends Common {
  /** The ports (e.g. the PostgreSQL adapter's layer, which may fail to start with `StoreError`). */
  readonly layer: Layer.Layer<Ports, Errors.StoreError>
  readonly directory?: never
}

/**
 * How to build a facade: in memory (with a `directory`), or on the ports of a `layer`.
 *
 * @example
 * import { Facade } from "@murojaat/core"
 * const options: Facade.Options = {}
 * typeof Facade.make(options).submit // "function"
 *
 * @since 0.1.0
 * @category models
 */
export type Options = MemoryOptions | LayerOptions

/**
 * An Effect `Clock` that reads the time from a function (for `Options.now`).
 *
 * @example
 * import { Facade } from "@murojaat/core"
 * let t = Date.parse("2026-03-20T05:00:00Z")
 * const clock = Facade.clockFrom(() => t)
 * clock.unsafeCurrentTimeMillis() // 1773982800000
 *
 * @since 0.1.0
 * @category utils
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
export type Environment = AppealService.AppealService | Ports | AppealService.Config

/**
 * A directory as JSON gives it (`Directory.Directory`'s encoded form): what `replaceDirectory` takes.
 *
 * @example
 * import { Facade } from "@murojaat/core"
 * const empty: Facade.DirectoryInput = { regions: [], districts: [], mahallas: [], officers: [] }
 *
 * @since 0.2.0
 * @category models
 */
export type DirectoryInput = typeof Directory.Directory.Encoded

/**
 * Calendar years as JSON gives them (`Calendar.Year`'s encoded form): one decree's years.
 *
 * @example
 * import { Facade } from "@murojaat/core"
 * const decree: Facade.YearsInput = [{ year: 2027, source: "Decree PF-1 of 20.12.2026", entries: [{ date: "2027-01-04", kind: "extraDayOff", weeks: ["fiveDay", "sixDay"], name: "Extra day off", source: "Decree PF-1" }] }]
 *
 * @since 0.2.0
 * @category models
 */
export type YearsInput = ReadonlyArray<typeof Calendar.Year.Encoded>

/**
 * A calendar decree to load: years as JSON, or an iCalendar file (RFC 5545) with its source (the
 * decree's name and date).
 *
 * @example
 * import { Facade } from "@murojaat/core"
 * const fromFile: Facade.Decree = { iCalendar: "BEGIN:VCALENDAR\r\nEND:VCALENDAR", source: "Decree PF-1 of 20.12.2026" }
 *
 * @since 0.2.0
 * @category models
 */
export type Decree = { readonly years: YearsInput } | { readonly iCalendar: string; readonly source: string }

/**
 * The outbox as a relay uses it: claim (leased from now), acknowledge once published, release on
 * failure, count what is pending. Delivery is at least once; the message id (`<appealId>#<seq>`)
 * lets consumers drop repeats.
 *
 * @example
 * import { Facade } from "@murojaat/core"
 * const m = Facade.make()
 * await m.outbox.pending() // 0
 * await m.dispose()
 *
 * @since 0.2.0
 * @category models
 */
export interface OutboxReader {
  /** Claims up to `limit` (default 100) unpublished messages, oldest first, for `leaseMillis` (default 30 s). */
  readonly claim: (options?: { readonly limit?: number; readonly leaseMillis?: number }) => Promise<ReadonlyArray<Outbox.Message>>
  /** Marks messages published. */
  readonly acknowledge: (ids: ReadonlyArray<string>) => Promise<void>
  /** Gives claimed messages back (publishing failed), with the error for operators. */
  readonly release: (ids: ReadonlyArray<string>, error?: string) => Promise<void>
  /** How many messages are not yet published. */
  readonly pending: () => Promise<number>
}

/**
 * The facade's functions. Inputs are typed with their encoded (JSON) forms, so a misspelt command
 * or field is a compile error, and every input is still decoded at run time (`InvalidInput`).
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
 * // `m.execute({ type: "anwser", ... })` does not compile: the command types are checked.
 * await m.dispose()
 *
 * @since 0.1.0
 * @category models
 */
export interface Murojaat {
  /** Receives a new appeal; `holdup` says why when it stops at `triaged`. */
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
  /** Erases an appeal's personal data and free texts (retention ended, consent withdrawn). */
  readonly erasePersonal: (appealId: string, actor: Actor.Subject) => Promise<AppealService.Erasure>
  /** The directory in force. */
  readonly directory: () => Promise<Directory.Directory>
  /**
   * Loads or replaces the directory (from your personnel system), after decoding and checking every
   * reference (`InvalidInput` naming each wrong field; nothing changes then). Returns what was stored.
   */
  readonly replaceDirectory: (directory: DirectoryInput) => Promise<Directory.Directory>
  /** The calendar in force (shipped years and every decree loaded). */
  readonly calendar: () => Promise<Calendar.Calendar>
  /**
   * Loads a calendar decree (next year's, each December): impossible data is refused with
   * `InvalidCalendar` (malformed JSON with `InvalidInput`) and nothing changes. Returns the covered years.
   */
  readonly loadCalendarDecree: (decree: Decree) => Promise<ReadonlyArray<number>>
  /** The outbox, for a relay that publishes events. */
  readonly outbox: OutboxReader
  /** Runs any Effect program of the library with the configured layer. */
  readonly run: <A, E>(program: Effect.Effect<A, E, Environment>) => Promise<A>
  /** Releases the layer's resources (database pools, embedded servers). */
  readonly dispose: () => Promise<void>
}

const decodeYears = Decode.unknown(Schema.Array(Calendar.Year), "Calendar")

const decreeYears = (decree: Decree): Effect.Effect<ReadonlyArray<Calendar.Year>, Errors.InvalidInput | Errors.InvalidCalendar> =>
  "iCalendar" in decree
    ? Either.match(Calendar.fromICalendar(decree.iCalendar, { source: decree.source }), { onLeft: Effect.fail, onRight: Effect.succeed })
    : decodeYears(decree.years)

/**
 * Builds a facade: `make({ directory })` in memory, `make({ layer })` on the ports of a layer.
 *
 * @example
 * import { Facade } from "@murojaat/core"
 * const m = Facade.make({ config: { pipeline: { registerOnReceipt: true } } })
 * await m.dispose()
 *
 * @since 0.1.0
 * @category constructors
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
  const directories = Effect.map(DirectoryStore, (d) => d)
  const calendars = Effect.map(CalendarStore, (c) => c)
  const outboxes = Effect.map(Outbox.Outbox, (o) => o)
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
    erasePersonal: (appealId, actor) => run(AppealService.erasePersonal(appealId, actor)),
    directory: () => run(Effect.flatMap(directories, (d) => d.snapshot)),
    replaceDirectory: (input) =>
      run(
        Effect.gen(function* () {
          const directory = yield* Decode.unknown(Directory.Directory, "Directory")(input)
          yield* Effect.flatMap(directories, (d) => d.replace(directory))
          return directory
        })
      ),
    calendar: () => run(Effect.flatMap(calendars, (c) => c.current)),
    loadCalendarDecree: (decree) =>
      run(
        Effect.gen(function* () {
          const years = yield* decreeYears(decree)
          const calendar = yield* Effect.flatMap(calendars, (c) => c.addYears(years))
          return [...calendar.coveredYears].sort((a, b) => a - b)
        })
      ),
    outbox: {
      claim: (o = {}) =>
        run(Effect.flatMap(Effect.zip(outboxes, Clock.currentTimeMillis), ([box, now]) => box.claim({ limit: o.limit ?? 100, leaseMillis: o.leaseMillis ?? 30_000, now }))),
      acknowledge: (ids) => run(Effect.flatMap(outboxes, (box) => box.acknowledge(ids))),
      release: (ids, error) => run(Effect.flatMap(outboxes, (box) => box.release(ids, error))),
      pending: () => run(Effect.flatMap(outboxes, (box) => box.pending))
    },
    run,
    dispose: () => runtime.dispose()
  }
}
