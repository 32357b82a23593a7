// The service's shared steps: configuration, time, idempotency, the decision step, the atomic
// commit and the read check. Every other service module builds on these.
import { Clock, Context, Effect, Either, Layer, Option, Schema } from "effect"
import * as Actor from "../../Actor.js"
import * as Appeal from "../../Appeal.js"
import * as AppealMachine from "../../AppealMachine.js"
import type { ConfigInput, Pipeline, RequestOptions, Result, ServiceError } from "../../AppealService.js"
import * as AppealState from "../../AppealState.js"
import { AppealStore } from "../../AppealStore.js"
import type * as AppealStoreModule from "../../AppealStore.js"
import type { CalendarStore } from "../../CalendarStore.js"
import * as Command from "../../Command.js"
import * as Deadline from "../../Deadline.js"
import * as Decode from "../../Decode.js"
import * as Directory from "../../Directory.js"
import { DirectoryStore } from "../../DirectoryStore.js"
import * as Errors from "../../Errors.js"
import type * as Event from "../../Event.js"
import { IdempotencyStore, fingerprint, type Record as IdempotencyRecord } from "../../IdempotencyStore.js"
import * as Lifecycle from "../../Lifecycle.js"
import { topicOf } from "../../Outbox.js"
import { nearestDue, dueAtOfState } from "../deadline/fromState.js"
import * as Policy from "../../Policy.js"
import * as Trust from "../trust.js"

/**
 * The service's configuration: lifecycle settings and the pipeline. Optional: without it, the
 * defaults apply.
 *
 * @example
 * import { AppealService, AppealMachine } from "@murojaat/core"
 * AppealService.layerConfig({ settings: { ...AppealMachine.defaultSettings, answerApprovalByHead: true } })
 */
export class Config extends Context.Tag("@murojaat/core/AppealService/Config")<
  Config,
  {
    readonly settings: AppealMachine.Settings
    readonly pipeline: Pipeline
    /** Calendar and counting policy for the due times the store keeps (`StreamWrite.dueAt`). */
    readonly deadlines: Deadline.Options
  }
>() {}

export const defaultConfig: Config["Type"] = {
  settings: AppealMachine.defaultSettings,
  pipeline: { registerOnReceipt: true },
  deadlines: {}
}

export const layerConfig = (config: ConfigInput): Layer.Layer<Config> =>
  Layer.succeed(Config, {
    settings: { ...defaultConfig.settings, ...config.settings },
    pipeline: { ...defaultConfig.pipeline, ...config.pipeline },
    deadlines: config.deadlines ?? defaultConfig.deadlines
  })

export const dueTime = (
  events: ReadonlyArray<Deadline.EventInput>,
  now: string,
  options: Deadline.Options = {}
): Either.Either<string | null, Errors.InvalidInput> => Either.map(Deadline.status(events, now, { ...options, explain: false }), nearestDue)

// Keys and correlation ids are visible ASCII only: no adapter transforms them (PostgreSQL text
// cannot hold NUL, Unicode may be normalised), so two different keys can never collide.
export const Token = (max: number) =>
  Schema.String.pipe(
    Schema.pattern(new RegExp(`^[\\x21-\\x7E]{1,${max}}$`), { message: () => `1 to ${max} visible ASCII characters (no spaces)` })
  )

export const RequestOptionsSchema = Schema.Struct({
  idempotencyKey: Schema.optional(Schema.UndefinedOr(Token(255))),
  correlationId: Schema.optional(Schema.UndefinedOr(Token(128))),
  expectedVersion: Schema.optional(Schema.UndefinedOr(Schema.Int.pipe(Schema.between(0, Number.MAX_SAFE_INTEGER))))
})

// Decoders are built once, not per request: building one walks the schema. Synchronous (an
// `Either`, which is also an effect): decoding needs no fiber of its own.
const decodeRequestOptions = Decode.either(RequestOptionsSchema, "RequestOptions")

export const decodeOptions = (options: unknown): Either.Either<RequestOptions, Errors.InvalidInput> => decodeRequestOptions(options ?? {})

// The configuration as given (`layerConfig`), or the defaults: read once, when the service is built.
export const configured = Effect.map(Effect.serviceOption(Config), Option.getOrElse(() => defaultConfig))

// The configuration one request runs with: the settings and pipeline the service read when it was
// built, and the calendar in force. `once` resolves it at the request's entry point, so the steps of
// one command never ask the CalendarStore again.
export class Resolved extends Context.Tag("@murojaat/core/internal/AppealService/Resolved")<Resolved, Config["Type"]>() {}

// How the service resolves a request's configuration (built by `resolver`, provided by the service).
export class Resolver extends Context.Tag("@murojaat/core/internal/AppealService/Resolver")<
  Resolver,
  Effect.Effect<Config["Type"], Errors.StoreError>
>() {}

/**
 * The configuration of each request from the one read when the service was built: a configured
 * calendar is used as is; otherwise the CalendarStore's calendar in force (one cheap read: the
 * stores keep the compiled calendar until a decree changes it), and the resolved configuration is
 * rebuilt only when that calendar changed, that is when a decree was loaded. Without either, the
 * shipped calendar (Deadline's default).
 */
export const resolver = (
  configured: Config["Type"],
  calendars: Option.Option<CalendarStore["Type"]>
): Effect.Effect<Config["Type"], Errors.StoreError> => {
  if (configured.deadlines.calendar !== undefined || Option.isNone(calendars)) return Effect.succeed(configured)
  let last: { readonly calendar: unknown; readonly config: Config["Type"] } | undefined
  return Effect.flatMap(calendars.value.current, (calendar) =>
    Effect.sync(() => {
      if (last === undefined || last.calendar !== calendar) last = { calendar, config: { ...configured, deadlines: { ...configured.deadlines, calendar } } }
      return last.config
    })
  )
}

export const config = Resolved

/** Runs one request with its configuration resolved once (settings, pipeline, the calendar in force). */
export const once = <A, E, R>(program: Effect.Effect<A, E, R>): Effect.Effect<A, E | Errors.StoreError, Exclude<R, Resolved> | Resolver> =>
  Effect.flatMap(Effect.flatten(Resolver), (c) => Effect.provideService(program, Resolved, c))

// The result with the calendar and counting settings it was decided with, added after the
// idempotent answer is stored (a calendar is no part of a stored answer), so a caller shows the
// clocks on them without reading the calendar again.
export const withDeadlines = <E, R>(program: Effect.Effect<Result, E, R>) =>
  Effect.flatMap(program, (r) => Effect.map(config, ({ deadlines }): Result => ({ ...r, deadlines })))

export const nowIso = Effect.map(Clock.currentTimeMillis, (ms) => new Date(ms).toISOString())

export const systemActor = (name: string) => Actor.system(name)

// Officers a command names (assignee, approver) so that rules can look them up without I/O.
export const namedOfficers = (command: Command.Command): ReadonlyArray<string> => {
  switch (command.type) {
    case "assign":
    case "reassign":
      return [command.officerId]
    case "leaveWithoutConsideration":
      return [command.approvedBy]
    case "answer":
      return command.approvedBy === undefined ? [] : [command.approvedBy]
    case "escalate":
      return command.supervisorId === undefined ? [] : [command.supervisorId]
    default:
      return []
  }
}

export const officerLookup = (ids: ReadonlyArray<string>) =>
  Effect.gen(function* () {
    const directory = yield* DirectoryStore
    const found = new Map<string, Directory.Officer>()
    for (const id of ids) {
      const o = yield* directory.officer(id)
      if (Option.isSome(o)) found.set(id, o.value)
    }
    return (id: string) => found.get(id)
  })

export const withIdempotency = <R>(
  key: string | undefined,
  request: unknown,
  run: (idem: AppealStoreModule.Commit["idempotency"]) => Effect.Effect<Result, ServiceError, R>
): Effect.Effect<Result, ServiceError, R | IdempotencyStore> => {
  if (key === undefined) return run(undefined)
  const print = fingerprint(request)
  return Effect.flatMap(answeredUnder(key, print), (prior) =>
    Option.isSome(prior) ? Effect.succeed(prior.value) : racing(key, run({ key, fingerprint: print, response: undefined }), print)
  )
}

// The answer stored under `key` for the same request (its fingerprint), none when nothing is
// stored, or the conflict when the key was used for another request.
export const priorAnswer = (key: string, print: string, prior: Option.Option<IdempotencyRecord>): Effect.Effect<Option.Option<Result>, Errors.IdempotencyConflict> =>
  Option.isNone(prior)
    ? Effect.succeed(Option.none())
    : prior.value.fingerprint === print
      ? Effect.succeed(Option.some(prior.value.response as Result))
      : Effect.fail(new Errors.IdempotencyConflict({ key }))

// The `...In` forms take the port itself: the submission is given its ports by the service (no
// context to provide per request); the others read it from the context.
export const answeredIn = (store: IdempotencyStore["Type"], key: string, print: string) => Effect.flatMap(store.lookup(key), (prior) => priorAnswer(key, print, prior))
export const answeredUnder = (key: string, print: string) => Effect.flatMap(IdempotencyStore, (store) => answeredIn(store, key, print))

// Two copies of one request racing: the loser's commit meets the winner's record (the commit is
// atomic, so it wrote nothing) and answers with the winner's answer.
export const racingIn = <R>(store: IdempotencyStore["Type"], key: string, attempt: Effect.Effect<Result, ServiceError, R>, print: string): Effect.Effect<Result, ServiceError, R> =>
  Effect.catchTag(attempt, "IdempotencyConflict", (conflict) =>
    Effect.flatMap(answeredIn(store, key, print), Option.match({ onNone: () => Effect.fail(conflict), onSome: Effect.succeed }))
  )
export const racing = <R>(key: string, attempt: Effect.Effect<Result, ServiceError, R>, print: string): Effect.Effect<Result, ServiceError, R | IdempotencyStore> =>
  Effect.flatMap(IdempotencyStore, (store) => racingIn(store, key, attempt, print))

export const outboxOf = (events: ReadonlyArray<Event.AppealEvent>): ReadonlyArray<AppealStoreModule.OutboxWrite> =>
  events.map((e) => ({ id: e.id, appealId: e.appealId, seq: e.seq, topic: topicOf(e.type), payload: e }))

// Every decision counts terms on the service's calendar and counting settings (the term rules
// refuse extensions after the term ended, and so need the same calendar as the due times).
export const step = (state: AppealState.AppealState, command: Command.Command, ctx: AppealMachine.Context) =>
  Effect.flatMap(config, ({ deadlines }) => Lifecycle.execute(state, command, { deadlines, ...ctx }))

export const commitResult = (
  writes: ReadonlyArray<AppealStoreModule.StreamWrite>,
  result: Result,
  idem: AppealStoreModule.Commit["idempotency"]
) => Effect.flatMap(AppealStore, (store) => commitIn(store, writes, result, idem))

export const commitIn = (
  store: AppealStore["Type"],
  writes: ReadonlyArray<AppealStoreModule.StreamWrite>,
  result: Result,
  idem: AppealStoreModule.Commit["idempotency"]
) =>
  Effect.as(
    store.commit({
      streams: writes,
      outbox: writes.flatMap((w) => outboxOf(w.events)),
      idempotency: idem === undefined ? undefined : { ...idem, response: result }
    }),
    result
  ).pipe(
    // A value the store cannot keep (a NUL, a lone surrogate, an over-long key) is the caller's
    // input, whatever the adapter: the same InvalidInput on every store.
    Effect.catchIf(
      (e): e is Errors.StoreError => e._tag === "StoreError" && e.reason === "invalidInput",
      () =>
        Effect.fail(
          new Errors.InvalidInput({
            subject: "Request",
            issues: [new Errors.FieldIssue({ path: "", problem: "invalidValue", detail: "holds a value the store cannot keep (NUL, a lone surrogate or an over-long key)" })]
          })
        )
    )
  )

// The due time a commit stores, from the clock facts of the appeal's new state (no history is
// read): an appeal whose legal clocks cannot be computed is refused.
export const dueAtOrFail = (state: AppealState.AppealState, now: string) =>
  Effect.flatMap(config, ({ deadlines }) => {
    const due = dueAtOfState(state, now, deadlines)
    // Every state the service commits has them: new appeals gather them from their first event,
    // and a stored appeal is loaded with them (`withClockFacts`).
    return due === undefined ? Effect.dieMessage(`appeal ${state.appealId} has no clock facts`) : due
  })

// A stored appeal with its clock facts: a state stored before they existed gets them from its
// events, once (the commit that follows stores them).
export const withClockFacts = (state: AppealState.AppealState) =>
  state.clockFacts !== undefined || state.version === 0
    ? Effect.succeed(state)
    : Effect.map(Effect.flatMap(AppealStore, (s) => s.events(state.appealId)), (events) => {
        const { clockFacts } = Lifecycle.replay(state.appealId, events.slice(0, state.version))
        return clockFacts === undefined ? state : { ...state, clockFacts }
      })

export const load = (appealId: string, actor: Actor.Actor) => Effect.flatMap(AppealStore, (store) => loadIn(store, appealId, actor))

export const loadIn = (store: AppealStore["Type"], appealId: string, actor: Actor.Actor) =>
  Effect.flatMap(store.load(appealId), (state) =>
    // An appeal the actor may not read is reported as not found: its existence is not disclosed.
    Option.isNone(state) || !Policy.canRead(actor, state.value) ? Effect.fail(new Errors.AppealNotFound({ appealId })) : Effect.succeed(state.value)
  )

export const decodeAppealId = Decode.unknown(Appeal.AppealId, "appealId")

// Every read: the id is decoded, the actor resolved, and an appeal he may not read is not found.
export const readAs = (appealId: unknown, actor: Actor.Subject, action: string) =>
  Effect.gen(function* () {
    const id = yield* decodeAppealId(appealId)
    const who = yield* Trust.resolveActor(actor, action)
    const state = yield* load(id, who)
    return { who, state }
  })
