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
import { Clock, Context, Effect, Either, Layer, Option, Schema } from "effect"
import * as Actor from "./Actor.js"
import * as Appeal from "./Appeal.js"
import * as AppealMachine from "./AppealMachine.js"
import * as Assignment from "./Assignment.js"
import * as AppealState from "./AppealState.js"
import { AppealStore, layerMemory as storeLayerMemory } from "./AppealStore.js"
import type * as AppealStoreModule from "./AppealStore.js"
import * as Audit from "./Audit.js"
import { CalendarStore, layerMemory as calendarLayerMemory } from "./CalendarStore.js"
import * as Command from "./Command.js"
import * as Deadline from "./Deadline.js"
import * as Decode from "./Decode.js"
import * as Directory from "./Directory.js"
import { DirectoryStore, layerMemory as directoryLayerMemory } from "./DirectoryStore.js"
import * as Errors from "./Errors.js"
import type * as Event from "./Event.js"
import { IdempotencyStore, fingerprint } from "./IdempotencyStore.js"
import { IdGenerator, layerMemory as idsLayerMemory } from "./IdGenerator.js"
import * as PersonalData from "./internal/personalData.js"
import * as Lifecycle from "./Lifecycle.js"
import type { Outbox } from "./Outbox.js"
import { topicOf } from "./Outbox.js"
import * as Policy from "./Policy.js"
import * as Similarity from "./Similarity.js"
import * as Triage from "./Triage.js"
import * as Trust from "./internal/trust.js"
import * as Worklist from "./Worklist.js"

/**
 * What automatic steps follow receipt. Triage and assignment are functions so that the operator
 * can plug the rule engines (`Triage`, `Assignment`) or his own.
 *
 * @example
 * import { AppealService } from "@murojaat/core"
 * const p: AppealService.Pipeline = { registerOnReceipt: true }
 * p.triage // undefined
 */
export interface Pipeline {
  /** Register at once on receipt (electronic channels register automatically). Default: true. */
  readonly registerOnReceipt: boolean
  /** Classifies a registered appeal; `undefined` leaves it for a person. */
  readonly triage?: ((input: { readonly text: string; readonly state: AppealState.AppealState }) => TriageFields | undefined) | undefined
  /** Chooses an officer for a triaged appeal; `undefined` leaves it in the queue. */
  readonly assign?:
    | ((input: {
        readonly state: AppealState.AppealState
        readonly directory: Directory.Directory
        readonly now: string
        /** The open appeals of the district and who holds them (the workloads). */
        readonly open: ReadonlyArray<Assignment.OpenAppeal>
      }) => { readonly officerId: string; readonly ruleIds: ReadonlyArray<string> } | undefined)
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
 */
export const rulesPipeline = (options: { readonly triage?: Triage.Engine; readonly assignment?: Assignment.Settings } = {}): Pipeline => ({
  registerOnReceipt: true,
  triage: ({ text }) => Triage.toEventData(Triage.classify(text, options.triage)),
  assign: ({ state, directory, now, open }) => {
    if (state.needsPerson && state.priority !== "urgent") return undefined
    const r = Assignment.choose(directory, assignmentInput(state), { at: now, open, ...(options.assignment !== undefined ? { settings: options.assignment } : {}) })
    return Either.isRight(r) ? { officerId: r.right.officerId, ruleIds: r.right.command.ruleIds } : undefined
  }
})

const assignmentInput = (state: AppealState.AppealState): Assignment.AppealInput => ({
  appealId: state.appealId,
  mahallaCode: state.mahallaCode ?? "",
  districtCode: state.districtCode ?? "",
  priority: state.priority ?? "normal",
  ...(state.category !== undefined ? { category: state.category } : {}),
  ...(state.subjectOfficerId !== undefined ? { subjectOfficerId: state.subjectOfficerId } : {}),
  ...(state.applicantRef !== undefined ? { applicantRef: state.applicantRef } : {})
}) as Assignment.AppealInput

const held: ReadonlyArray<AppealState.Status> = ["assigned", "inReview", "awaitingApplicant"]

// The open, assigned appeals of a district: the workloads assignment balances.
const openWorkload = (districtCode: string) =>
  Effect.gen(function* () {
    const store = yield* AppealStore
    const out: Array<Assignment.OpenAppeal> = []
    let after: string | undefined
    do {
      const page = yield* store.query({ districtCode, status: held, limit: 1000, ...(after !== undefined ? { after } : {}) })
      for (const s of page.items) {
        if (s.assigneeId !== undefined) out.push({ ...assignmentInput(s), officerId: s.assigneeId } as Assignment.OpenAppeal)
      }
      after = page.next
    } while (after !== undefined)
    return out
  })

/**
 * The fields of a triage command.
 *
 * @example
 * import { AppealService } from "@murojaat/core"
 * const f: AppealService.TriageFields = { category: "fraud", priority: "normal", flags: [], confidence: 0.9, needsPerson: false, ruleIds: ["fraud.card"] }
 * f.priority // "normal"
 */
export type TriageFields = Omit<Command.Of<"triage">, "type" | "appealId" | "commandId" | "correlationId">

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

/**
 * The default configuration.
 *
 * @example
 * import { AppealService } from "@murojaat/core"
 * AppealService.defaultConfig.pipeline.registerOnReceipt // true
 */
export const defaultConfig: Config["Type"] = {
  settings: AppealMachine.defaultSettings,
  pipeline: { registerOnReceipt: true },
  deadlines: {}
}

/**
 * A configuration layer; unspecified parts take the defaults.
 *
 * @example
 * import { AppealService } from "@murojaat/core"
 * AppealService.layerConfig({ pipeline: { registerOnReceipt: false } })
 */
export const layerConfig = (config: {
  readonly settings?: Partial<AppealMachine.Settings>
  readonly pipeline?: Partial<Pipeline>
  readonly deadlines?: Deadline.Options
}): Layer.Layer<Config> =>
  Layer.succeed(Config, {
    settings: { ...defaultConfig.settings, ...config.settings },
    pipeline: { ...defaultConfig.pipeline, ...config.pipeline },
    deadlines: config.deadlines ?? defaultConfig.deadlines
  })

const runningClock: ReadonlySet<Deadline.ClockState> = new Set(["running", "dueSoon", "overdue", "paused"])

/**
 * The nearest due time of an appeal's running legal clocks at `now`, as an ISO instant in UTC, or
 * `null` when none runs (answered, closed, ended) or the events cannot be read as clocks.
 *
 * @example
 * import { AppealService } from "@murojaat/core"
 * AppealService.dueAt([{ type: "received", at: "2026-03-02T05:00:00.000Z", data: { kind: "ariza" } }], "2026-03-02T05:00:00.000Z")
 * // "2026-03-02T13:00:00.000Z": the registration clock, due at the end of that working day
 */
export const dueAt = (events: ReadonlyArray<Deadline.EventInput>, now: string, options: Deadline.Options = {}): string | null =>
  Either.getOrElse(dueTime(events, now, options), () => null)

/**
 * The nearest due time of an appeal's running legal clocks, as `dueAt`, but failing when it cannot
 * be computed (for example a time outside the years the deadline engine counts, 1992 to 2200): a commit never stores
 * an appeal whose legal clocks are unknown. `null` means no clock runs.
 *
 * @example
 * import { AppealService } from "@murojaat/core"
 * AppealService.dueTime([{ type: "received", at: "2026-03-02T05:00:00.000Z", data: { kind: "ariza" } }], "2026-03-02T05:00:00.000Z")._tag // "Right"
 * AppealService.dueTime([{ type: "received", at: "1980-03-02T05:00:00.000Z", data: { kind: "ariza" } }], "1980-03-02T05:00:00.000Z")._tag // "Left"
 */
export const dueTime = (
  events: ReadonlyArray<Deadline.EventInput>,
  now: string,
  options: Deadline.Options = {}
): Either.Either<string | null, Errors.InvalidInput> =>
  Either.map(Deadline.status(events, now, { ...options, explain: false }), (report) => {
    const due = report.clocks.filter((c) => runningClock.has(c.state)).map((c) => Date.parse(c.dueAt))
    return due.length === 0 ? null : new Date(Math.min(...due)).toISOString()
  })

/**
 * Every port the service needs.
 *
 * @example
 * import { AppealService } from "@murojaat/core"
 * import { Layer } from "effect"
 * const ports: Layer.Layer<AppealService.Ports> = AppealService.layerMemory()
 * Layer.isLayer(ports) // true
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
 */
export interface Result {
  readonly appealId: string
  readonly state: AppealState.AppealState
  readonly events: ReadonlyArray<Event.AppealEvent>
}

/**
 * Per-request options.
 *
 * @example
 * import { AppealService } from "@murojaat/core"
 * const o: AppealService.RequestOptions = { idempotencyKey: "portal-7f3a", correlationId: "req-1" }
 * o.idempotencyKey // "portal-7f3a"
 */
export interface RequestOptions {
  /** Makes a retried request safe: the same key and request give the first answer again. */
  readonly idempotencyKey?: string | undefined
  readonly correlationId?: string | undefined
}

// Keys and correlation ids are visible ASCII only: no adapter transforms them (PostgreSQL text
// cannot hold NUL, Unicode may be normalised), so two different keys can never collide.
const Token = (max: number) =>
  Schema.String.pipe(
    Schema.pattern(new RegExp(`^[\\x21-\\x7E]{1,${max}}$`), { message: () => `1 to ${max} visible ASCII characters (no spaces)` })
  )

/**
 * The schema of `RequestOptions`: an idempotency key of 1 to 255 visible ASCII characters (a UUID,
 * a ULID, "portal-7f3a"), a correlation id of 1 to 128.
 *
 * @example
 * import { AppealService, Decode } from "@murojaat/core"
 * Decode.either(AppealService.RequestOptionsSchema, "RequestOptions")({ idempotencyKey: "" })._tag // "Left"
 * Decode.either(AppealService.RequestOptionsSchema, "RequestOptions")({ idempotencyKey: "portal-7f3a" })._tag // "Right"
 */
export const RequestOptionsSchema = Schema.Struct({
  idempotencyKey: Schema.optional(Schema.UndefinedOr(Token(255))),
  correlationId: Schema.optional(Schema.UndefinedOr(Token(128)))
})

const decodeOptions = (options: unknown): Effect.Effect<RequestOptions, Errors.InvalidInput> =>
  Decode.unknown(RequestOptionsSchema, "RequestOptions")(options ?? {})

const configured = Effect.map(Effect.serviceOption(Config), Option.getOrElse(() => defaultConfig))

// The calendar for due times: the configured one, else the CalendarStore's (when one is provided),
// else the shipped calendar (Deadline's default).
const config = Effect.flatMap(configured, (c) =>
  c.deadlines.calendar !== undefined
    ? Effect.succeed(c)
    : Effect.flatMap(Effect.serviceOption(CalendarStore), (store) =>
        Option.isNone(store)
          ? Effect.succeed(c)
          : Effect.map(store.value.current, (calendar) => ({ ...c, deadlines: { ...c.deadlines, calendar } }))
      )
)

const nowIso = Effect.map(Clock.currentTimeMillis, (ms) => new Date(ms).toISOString())

const systemActor = (name: string) => Actor.system(name)

// Officers a command names (assignee, approver) so that rules can look them up without I/O.
const namedOfficers = (command: Command.Command): ReadonlyArray<string> => {
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

const officerLookup = (ids: ReadonlyArray<string>) =>
  Effect.gen(function* () {
    const directory = yield* DirectoryStore
    const found = new Map<string, Directory.Officer>()
    for (const id of ids) {
      const o = yield* directory.officer(id)
      if (Option.isSome(o)) found.set(id, o.value)
    }
    return (id: string) => found.get(id)
  })

const withIdempotency = <R>(
  key: string | undefined,
  request: unknown,
  run: (idem: AppealStoreModule.Commit["idempotency"]) => Effect.Effect<Result, ServiceError, R>
): Effect.Effect<Result, ServiceError, R | IdempotencyStore> =>
  Effect.gen(function* () {
    if (key === undefined) return yield* run(undefined)
    const print = fingerprint(request)
    const answered = Effect.flatMap(
      Effect.flatMap(IdempotencyStore, (s) => s.lookup(key)),
      (prior): Effect.Effect<Option.Option<Result>, Errors.IdempotencyConflict> =>
        Option.isNone(prior)
          ? Effect.succeed(Option.none())
          : prior.value.fingerprint === print
            ? Effect.succeed(Option.some(prior.value.response as Result))
            : Effect.fail(new Errors.IdempotencyConflict({ key }))
    )
    const prior = yield* answered
    if (Option.isSome(prior)) return prior.value
    // Two copies of one request racing: the loser's commit meets the winner's record (the commit
    // is atomic, so it wrote nothing) and answers with the winner's answer.
    return yield* run({ key, fingerprint: print, response: undefined }).pipe(
      Effect.catchTag("IdempotencyConflict", (conflict) =>
        Effect.flatMap(answered, Option.match({ onNone: () => Effect.fail(conflict), onSome: Effect.succeed }))
      )
    )
  })

const outboxOf = (events: ReadonlyArray<Event.AppealEvent>): ReadonlyArray<AppealStoreModule.OutboxWrite> =>
  events.map((e) => ({ id: e.id, appealId: e.appealId, seq: e.seq, topic: topicOf(e.type), payload: e }))

// Every decision counts terms on the service's calendar and counting settings (the term rules
// refuse extensions after the term ended, and so need the same calendar as the due times).
const step = (state: AppealState.AppealState, command: Command.Command, ctx: AppealMachine.Context) =>
  Effect.flatMap(config, ({ deadlines }) => Lifecycle.execute(state, command, { deadlines, ...ctx }))

// After receipt: register, triage and assign as configured, each as the system, each recorded.
const pipelineAfterReceipt = (
  state0: AppealState.AppealState,
  text: string,
  now: string,
  correlationId: string | undefined,
  directory: Directory.Directory
) =>
  Effect.gen(function* () {
    const { settings, pipeline } = yield* config
    let state = state0
    const events: Array<Event.AppealEvent> = []
    const run = (command: Command.Command, actor: Actor.Actor, officer?: (id: string) => Directory.Officer | undefined) =>
      Effect.map(step(state, command, { now, actor, settings, officer }), (r) => {
        state = r.state
        events.push(...r.events)
      })
    const base = { appealId: state.appealId as Appeal.AppealId, ...(correlationId !== undefined ? { correlationId } : {}) } as const
    if (pipeline.registerOnReceipt) {
      const registrationNumber = yield* Effect.flatMap(IdGenerator, (g) => g.registrationNumber(state.districtCode ?? "", now))
      yield* run({ type: "register", ...base, registrationNumber }, systemActor("registry"))
      const fields = pipeline.triage?.({ text, state })
      if (fields !== undefined) {
        yield* run({ type: "triage", ...base, ...fields }, systemActor("triage"))
        if (pipeline.assign !== undefined) {
          const open = yield* openWorkload(state.districtCode ?? "")
          const choice = pipeline.assign({ state, directory, now, open })
          if (choice !== undefined) {
            const officers = new Map(directory.officers.map((o) => [o.id as string, o]))
            yield* run({ type: "assign", ...base, officerId: choice.officerId as Directory.OfficerId, ruleIds: choice.ruleIds }, systemActor("assignment"), (id) =>
              officers.get(id)
            )
          }
        }
      }
    }
    return { state, events }
  })

const commitResult = (
  writes: ReadonlyArray<AppealStoreModule.StreamWrite>,
  result: Result,
  idem: AppealStoreModule.Commit["idempotency"]
) =>
  Effect.as(
    Effect.flatMap(AppealStore, (store) =>
      store.commit({
        streams: writes,
        outbox: writes.flatMap((w) => outboxOf(w.events)),
        idempotency: idem === undefined ? undefined : { ...idem, response: result }
      })
    ),
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

// The due time a commit stores: an appeal whose legal clocks cannot be computed is refused.
const dueAtOrFail = (events: ReadonlyArray<Deadline.EventInput>, now: string) =>
  Effect.flatMap(config, ({ deadlines }) => dueTime(events, now, deadlines))

// A new appeal: receive (and the pipeline), as one commit.
const receiveNew = (
  appealId: string,
  intake: Appeal.Intake,
  actor: Actor.Actor,
  options: RequestOptions,
  commandId: string | undefined,
  idem: AppealStoreModule.Commit["idempotency"],
  directory: Directory.Directory
) =>
  Effect.gen(function* () {
    const { settings } = yield* config
    const now = yield* nowIso
    const withRef: Appeal.Intake =
      actor._tag === "applicant" && intake.applicantRef === undefined ? { ...intake, applicantRef: actor.applicantRef } : intake
    const command: Command.Command = {
      type: "receive",
      appealId: appealId as Appeal.AppealId,
      intake: withRef,
      ...(commandId !== undefined ? { commandId } : {}),
      ...(options.correlationId !== undefined ? { correlationId: options.correlationId } : {})
    }
    const received = yield* step(AppealState.initial(appealId), command, { now, actor, settings })
    const after = yield* pipelineAfterReceipt(received.state, withRef.text.body, now, options.correlationId, directory)
    const events = [...received.events, ...after.events]
    const result: Result = { appealId, state: after.state, events }
    const { personal } = Appeal.split(withRef)
    const due = yield* dueAtOrFail(events, now)
    return yield* commitResult([{ appealId, expectedVersion: 0, events, state: after.state, personal, texts: received.texts, dueAt: due }], result, idem)
  })

// What the service checks of an intake before believing it: an applicant files as himself; the
// codes exist in the directory and agree; a named officer exists; linked appeals exist and the actor
// may read them (an unreadable one is reported as not found, like a missing one).
const checkIntake = (intake: Appeal.Intake, actor: Actor.Actor, directory: Directory.Directory) =>
  Effect.gen(function* () {
    if (actor._tag === "applicant" && intake.applicantRef !== undefined && intake.applicantRef !== actor.applicantRef) {
      return yield* Effect.fail(new Errors.NotAuthorized({ actor: Actor.label(actor), command: "receive", reason: "notApplicant" }))
    }
    const issues = [...Trust.locationIssues(directory, intake.location), ...Trust.subjectOfficerIssues(directory, intake.subjectOfficerId)]
    if (issues.length > 0) return yield* Effect.fail(new Errors.InvalidInput({ subject: "Appeal", issues }))
    for (const link of intake.links) yield* load(link.appealId, actor)
  })

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
 */
export const submit = (input: unknown, actor: Actor.Subject, options: RequestOptions = {}): Effect.Effect<Result, ServiceError, Ports> =>
  Effect.gen(function* () {
    const opts = yield* decodeOptions(options)
    const intake = yield* Decode.unknown(Appeal.Intake, "Appeal")(input)
    const who = yield* Trust.resolveActor(actor, "receive")
    return yield* withIdempotency(opts.idempotencyKey, { submit: input, actor: Actor.label(who) }, (idem) =>
      Effect.gen(function* () {
        const directory = yield* Effect.flatMap(DirectoryStore, (d) => d.snapshot)
        yield* checkIntake(intake, who, directory)
        const appealId = yield* Effect.flatMap(IdGenerator, (g) => g.appealId)
        return yield* receiveNew(appealId, intake, who, opts, opts.idempotencyKey, idem, directory)
      })
    )
  })

const load = (appealId: string, actor: Actor.Actor) =>
  Effect.gen(function* () {
    const state = yield* Effect.flatMap(AppealStore, (s) => s.load(appealId))
    // An appeal the actor may not read is reported as not found: its existence is not disclosed.
    if (Option.isNone(state) || !Policy.canRead(actor, state.value)) return yield* Effect.fail(new Errors.AppealNotFound({ appealId }))
    return state.value
  })

// Disputing creates the repeated appeal: the applicant's data and place are carried over, the text
// is the dispute's reason, it is linked `repeatOf`, registered, and put under a supervisor's control.
const disputeWrites = (original: AppealState.AppealState, command: Command.Of<"dispute">, actor: Actor.Actor, now: string) =>
  Effect.gen(function* () {
    const { settings } = yield* config
    const personal = yield* Effect.flatMap(AppealStore, (s) => s.personal(original.appealId))
    if (Option.isNone(personal)) {
      return yield* Effect.fail(
        new Errors.RuleViolation({ appealId: original.appealId, rule: "dispute.personalDataKept", source: "ZRU-547 (data erased when retention ended)" })
      )
    }
    const p = personal.value
    const intake: Appeal.Intake = {
      kind: "shikoyat",
      form: "electronic",
      channel: original.channel ?? "smartMahallaApp",
      applicant: p.applicant,
      ...(original.applicantRef !== undefined ? { applicantRef: original.applicantRef } : {}),
      signatories: p.signatories,
      location: {
        regionCode: original.regionCode as Directory.RegionCode,
        districtCode: original.districtCode as Directory.DistrictCode,
        mahallaCode: original.mahallaCode as Directory.MahallaCode,
        ...(p.point !== undefined ? { point: p.point } : {}),
        ...(p.address !== undefined ? { address: p.address } : {})
      },
      text: { body: command.reason },
      attachments: [],
      links: [{ kind: "repeatOf", appealId: original.appealId as Appeal.AppealId }],
      ...(original.subjectOfficerId !== undefined ? { subjectOfficerId: original.subjectOfficerId as Directory.OfficerId } : {})
    }
    const base = { appealId: command.repeatAppealId, ...(command.correlationId !== undefined ? { correlationId: command.correlationId } : {}) }
    const r1 = yield* step(AppealState.initial(command.repeatAppealId), { type: "receive", ...base, intake }, { now, actor, settings })
    const registrationNumber = yield* Effect.flatMap(IdGenerator, (g) => g.registrationNumber(original.districtCode ?? "", now))
    const r2 = yield* step(r1.state, { type: "register", ...base, registrationNumber }, { now, actor: systemActor("registry"), settings })
    const r3 = yield* step(
      r2.state,
      { type: "escalate", ...base, reason: `repeated appeal disputing ${original.appealId}: under a supervisor's control` },
      { now, actor: systemActor("repeat-control"), settings }
    )
    const events = [...r1.events, ...r2.events, ...r3.events]
    return {
      appealId: command.repeatAppealId as string,
      expectedVersion: 0,
      events,
      state: r3.state,
      personal: Appeal.split(intake).personal,
      texts: [...r1.texts, ...r2.texts, ...r3.texts],
      dueAt: yield* dueAtOrFail(events, now)
    }
  })

// The ids a caller never chooses, from the IdGenerator: the registration number (taken only once
// the machine would accept the registration, so refused attempts burn no number) and the repeated
// appeal's id.
const complete = (input: Command.Input, state: AppealState.AppealState, ctx: AppealMachine.Context) =>
  Effect.gen(function* () {
    switch (input.type) {
      case "register": {
        const probe: Command.Command = { ...input, registrationNumber: "(pending)" }
        const decided = Lifecycle.decide(state, probe, ctx)
        if (Either.isLeft(decided)) return yield* Effect.fail(decided.left)
        const registrationNumber = yield* Effect.flatMap(IdGenerator, (g) => g.registrationNumber(state.districtCode ?? "", ctx.now))
        return { ...input, registrationNumber } satisfies Command.Command as Command.Command
      }
      case "dispute": {
        const repeatAppealId = (yield* Effect.flatMap(IdGenerator, (g) => g.appealId)) as Appeal.AppealId
        return { ...input, repeatAppealId } satisfies Command.Command as Command.Command
      }
      default:
        return input as Command.Command
    }
  })

// The other appeals a command names, loaded for the machine's rules: a merge target (which the
// actor must be able to read: otherwise it is "not found", whether or not it exists) and the
// repeated appeals of earlier disputes.
const related = (command: Command.Input, state: AppealState.AppealState, actor: Actor.Actor) =>
  Effect.gen(function* () {
    const found = new Map<string, AppealState.AppealState>()
    if (command.type === "mergeInto") found.set(command.targetAppealId, yield* load(command.targetAppealId, actor))
    if (command.type === "dispute") {
      const store = yield* AppealStore
      for (const id of state.disputedBy) {
        const repeat = yield* store.load(id)
        if (Option.isSome(repeat)) found.set(id, repeat.value)
      }
    }
    return found
  })

const executeOnce = (input: Command.Input, actor: Actor.Actor, idem: AppealStoreModule.Commit["idempotency"]) =>
  Effect.gen(function* () {
    const { settings } = yield* config
    const now = yield* nowIso
    const state = yield* load(input.appealId, actor)
    const others = yield* related(input, state, actor)
    const officer = yield* officerLookup(namedOfficers(input as Command.Command))
    const ctx: AppealMachine.Context = { now, actor, settings, officer, appeal: (id) => others.get(id) }
    const command = yield* complete(input, state, ctx)
    const r = yield* step(state, command, ctx)
    const history = yield* Effect.flatMap(AppealStore, (s) => s.events(command.appealId))
    const writes: Array<AppealStoreModule.StreamWrite> = [
      { appealId: command.appealId, expectedVersion: state.version, events: r.events, state: r.state, texts: r.texts, dueAt: yield* dueAtOrFail([...history, ...r.events], now) }
    ]
    if (command.type === "dispute") writes.push(yield* disputeWrites(r.state, command, actor, now))
    // A merge is decided on the target as read: the commit re-checks its version (a write with no
    // events), so two appeals merged into each other at the same moment cannot both succeed.
    if (command.type === "mergeInto") {
      const target = others.get(command.targetAppealId)!
      writes.push({ appealId: target.appealId, expectedVersion: target.version, events: [], state: target })
    }
    const result: Result = { appealId: command.appealId, state: r.state, events: r.events }
    return yield* commitResult(writes, result, idem)
  })

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
 */
export const execute = (input: unknown, actor: Actor.Subject, options: RequestOptions = {}): Effect.Effect<Result, ServiceError, Ports> =>
  Effect.gen(function* () {
    const opts = yield* decodeOptions(options)
    const command = yield* Decode.unknown(Command.Input, "Command")(input)
    const who = yield* Trust.resolveActor(actor, command.type)
    const key = opts.idempotencyKey ?? command.commandId
    const withCorrelation = command.correlationId === undefined && opts.correlationId !== undefined ? { ...command, correlationId: opts.correlationId } : command
    return yield* withIdempotency(key, { execute: input, actor: Actor.label(who) }, (idem) =>
      executeOnce(withCorrelation, who, idem).pipe(Effect.retry({ times: 5, while: (e) => e._tag === "VersionConflict" }))
    )
  })

/**
 * Disputes an answer: records the dispute on the appeal and opens the repeated appeal (its id from
 * the `IdGenerator`), under a supervisor's control. Returns the result for the original appeal; the
 * new appeal's id is in `state.disputedBy`.
 *
 * @example
 * import { Actor, AppealService } from "@murojaat/core"
 * AppealService.dispute("A-1", "The noise goes on", Actor.applicant("user-1"))
 */
export const dispute = (appealId: string, reason: string, actor: Actor.Subject, options: RequestOptions = {}): Effect.Effect<Result, ServiceError, Ports> =>
  execute({ type: "dispute", appealId, reason }, actor, options)

/**
 * What a reader sees of an appeal: its state, its personal data and the free texts of its events
 * (by seq, beside `history`), masked for readers who may not see them (auditors, integration
 * systems), absent once erased.
 *
 * @example
 * import { AppealService } from "@murojaat/core"
 * const v: AppealService.View = { state: {} as any, personal: undefined, texts: [], masked: false }
 */
export interface View {
  readonly state: AppealState.AppealState
  readonly personal: Appeal.Personal | undefined
  readonly texts: ReadonlyArray<Event.TextRecord>
  readonly masked: boolean
}

const decodeAppealId = Decode.unknown(Appeal.AppealId, "appealId")

// Every read: the id is decoded, the actor resolved, and an appeal he may not read is not found.
const readAs = (appealId: unknown, actor: Actor.Subject, action: string) =>
  Effect.gen(function* () {
    const id = yield* decodeAppealId(appealId)
    const who = yield* Trust.resolveActor(actor, action)
    const state = yield* load(id, who)
    return { who, state }
  })

/**
 * Every error a read may fail with.
 *
 * @example
 * import { AppealService } from "@murojaat/core"
 * const code = (e: AppealService.ReadError) => e._tag
 */
export type ReadError = ActorError | Errors.AppealNotFound

/**
 * Reads an appeal as the actor may see it. `AppealNotFound` if it does not exist or the actor may
 * not read it.
 *
 * @example
 * import { Actor, AppealService } from "@murojaat/core"
 * AppealService.get("A-1", Actor.auditor("AUD-1"))
 */
export const get = (appealId: string, actor: Actor.Subject): Effect.Effect<View, ReadError, AppealStore | DirectoryStore> =>
  Effect.gen(function* () {
    const { who, state } = yield* readAs(appealId, actor, "read")
    const personal = yield* Effect.flatMap(AppealStore, (s) => s.personal(state.appealId))
    const masked = !Policy.seesPersonalData(who)
    const texts = PersonalData.textsFor(yield* Effect.flatMap(AppealStore, (s) => s.texts(state.appealId)), masked)
    return { state, personal: Option.getOrUndefined(Option.map(personal, (p) => (masked ? Policy.mask(p) : p))), texts, masked }
  })

/**
 * An appeal's events, for a reader who may read the appeal.
 *
 * @example
 * import { Actor, AppealService } from "@murojaat/core"
 * AppealService.history("A-1", Actor.auditor("AUD-1"))
 */
export const history = (
  appealId: string,
  actor: Actor.Subject
): Effect.Effect<ReadonlyArray<Event.AppealEvent>, ReadError, AppealStore | DirectoryStore> =>
  Effect.flatMap(readAs(appealId, actor, "history"), ({ state }) => Effect.flatMap(AppealStore, (s) => s.events(state.appealId)))

/**
 * Verifies one stored appeal, for a reader who may read it: its chain, anchored at the head its
 * projection records, and that the projection equals the replay of the events.
 *
 * @example
 * import { Actor, AppealService } from "@murojaat/core"
 * AppealService.verify("A-1", Actor.auditor("AUD-1"))
 */
export const verify = (
  appealId: string,
  actor: Actor.Subject
): Effect.Effect<Audit.Verification & { readonly projectionMatches: boolean }, ReadError, AppealStore | DirectoryStore> =>
  Effect.gen(function* () {
    const { state } = yield* readAs(appealId, actor, "verify")
    const events = yield* Effect.flatMap(AppealStore, (s) => s.events(state.appealId))
    const verification = Audit.verifyChain(events, { seq: state.version, hash: state.lastHash })
    const projectionMatches = Audit.canonical(Lifecycle.replay(state.appealId, events)) === Audit.canonical(state)
    return { ...verification, projectionMatches }
  })

/**
 * Link suggestions for an appeal about to be submitted (or just received): the open appeals of the
 * same applicant or the same mahalla with similar text (`Similarity.suggest`, its windows and
 * thresholds). A reader sees the suggestions for appeals he may read; of the others, only how many
 * there are, so a citizen learns that his neighbours' matter is already being handled without
 * learning anything about them.
 *
 * @example
 * import { AppealService } from "@murojaat/core"
 * const r: AppealService.LinkSuggestions = { suggestions: [], similarElsewhere: 0 }
 */
export interface LinkSuggestions {
  readonly suggestions: ReadonlyArray<Similarity.Suggestion>
  readonly similarElsewhere: number
}

const openStatuses: ReadonlyArray<AppealState.Status> = ["received", "registered", "triaged", "assigned", "inReview", "awaitingApplicant"]

const SuggestOptions = Schema.Struct({ limit: Schema.optional(Schema.Int.pipe(Schema.between(1, 1000))) })

/**
 * Suggests links for an intake before it is submitted (duplicates and related appeals). Looks at
 * up to `limit` (1 to 1,000, default 500) open appeals of the same mahalla and of the same
 * applicant.
 *
 * @example
 * import { Actor, AppealService } from "@murojaat/core"
 * AppealService.suggestLinks({ kind: "ariza" }, Actor.applicant("u-1")) // fails with InvalidInput
 */
export const suggestLinks = (
  input: unknown,
  actor: Actor.Subject,
  options: { readonly limit?: number; readonly settings?: Similarity.Settings } = {}
): Effect.Effect<LinkSuggestions, ActorError, AppealStore | DirectoryStore> =>
  Effect.gen(function* () {
    const intake = yield* Decode.unknown(Appeal.Intake, "Appeal")(input)
    const { limit = 500 } = yield* Decode.unknown(SuggestOptions, "options")({ limit: options?.limit })
    const who = yield* Trust.resolveActor(actor, "suggestLinks")
    const applicantRef = who._tag === "applicant" ? who.applicantRef : intake.applicantRef
    const now = yield* nowIso
    const store = yield* AppealStore
    const near = yield* store.query({ mahallaCode: intake.location.mahallaCode, status: openStatuses, limit })
    const own = applicantRef === undefined ? { items: [] } : yield* store.query({ applicantRef, status: openStatuses, limit })
    const states = new Map([...near.items, ...own.items].map((st) => [st.appealId, st]))
    const candidates: Array<Similarity.Candidate> = []
    for (const st of states.values()) {
      const personal = yield* store.personal(st.appealId)
      if (Option.isNone(personal)) continue
      candidates.push({
        id: st.appealId,
        ...(st.applicantRef !== undefined ? { applicantId: st.applicantRef } : {}),
        ...(st.mahallaCode !== undefined ? { mahallaCode: st.mahallaCode } : {}),
        text: personal.value.text.body,
        receivedAt: st.receivedAt ?? now,
        open: true
      })
    }
    const all = Similarity.suggest(
      {
        id: "(new)",
        ...(applicantRef !== undefined ? { applicantId: applicantRef } : {}),
        mahallaCode: intake.location.mahallaCode,
        text: intake.text.body,
        receivedAt: intake.receivedAt ?? now,
        open: true
      },
      candidates,
      options?.settings
    )
    const readable = all.filter((sug) => Policy.canRead(who, states.get(sug.appealId)!))
    return { suggestions: readable, similarElsewhere: all.length - readable.length }
  })

const Area = Schema.Union(Schema.Struct({ districtCode: Directory.DistrictCode }), Schema.Struct({ mahallaCode: Directory.MahallaCode }))
const DueCursor = Schema.Struct({ dueAt: Schema.NullOr(Directory.Instant), appealId: Appeal.AppealId })
const PageRequest = Schema.Struct({
  after: Schema.optional(Schema.UndefinedOr(DueCursor)),
  limit: Schema.optional(Schema.UndefinedOr(Schema.Int.pipe(Schema.between(1, 1000))))
})
const decodeArea = Decode.unknown(Area, "area")
const decodePage = (page: unknown) => Decode.unknown(PageRequest, "page")(page ?? {})

// An area list for an actor whose roles cover the area; items he may not read are left out.
const areaList = (
  area: unknown,
  actor: Actor.Subject,
  action: string,
  page: unknown,
  list: (w: Worklist.Service, area: Worklist.Area, now: string, page: Worklist.PageRequest) => Effect.Effect<Worklist.DuePage, Errors.StoreError>
): Effect.Effect<Worklist.DuePage, ActorError, Worklist.Worklist | DirectoryStore> =>
  Effect.gen(function* () {
    const where = yield* decodeArea(area)
    const request = yield* decodePage(page)
    const who = yield* Trust.resolveActor(actor, action)
    const directory = yield* Effect.flatMap(DirectoryStore, (d) => d.snapshot)
    const covered = Trust.coversArea(directory, who, where)
    if (!covered.ok) return yield* Effect.fail(new Errors.NotAuthorized({ actor: Actor.label(who), command: action, reason: covered.reason }))
    const now = yield* nowIso
    const result = yield* Effect.flatMap(Worklist.Worklist, (w) => list(w, where, now, request))
    return { items: Trust.readable(who, result.items), next: result.next }
  })

/**
 * An officer's open appeals, due first on top, for the officer himself, a senior inspector or the
 * chief of his district, an auditor or the system. Appeals the reader may not read are left out.
 *
 * @example
 * import { Actor, AppealService } from "@murojaat/core"
 * AppealService.worklist("O-101", Actor.officer("O-101"))
 */
export const worklist = (
  officerId: string,
  actor: Actor.Subject,
  page?: Worklist.PageRequest
): Effect.Effect<Worklist.DuePage, ActorError, Worklist.Worklist | DirectoryStore> =>
  Effect.gen(function* () {
    const id = yield* Decode.unknown(Directory.OfficerId, "officerId")(officerId)
    const request = yield* decodePage(page)
    const who = yield* Trust.resolveActor(actor, "worklist")
    const officer = yield* Effect.flatMap(DirectoryStore, (d) => d.officer(id))
    if (Option.isNone(officer)) return yield* Effect.fail(new Errors.OfficerNotFound({ officerId: id }))
    if (!Trust.seesWorklistOf(who, officer.value)) {
      return yield* Effect.fail(new Errors.NotAuthorized({ actor: Actor.label(who), command: "worklist", reason: "outsideJurisdiction" }))
    }
    const result = yield* Effect.flatMap(Worklist.Worklist, (w) => w.worklist(id, request))
    return { items: Trust.readable(who, result.items), next: result.next }
  })

/**
 * The area's open appeals whose due time has passed, now, for an actor whose roles cover the area
 * (a district-wide officer for a district, an inspector for his mahalla, auditors, the system).
 *
 * @example
 * import { Actor, AppealService } from "@murojaat/core"
 * AppealService.overdue({ districtCode: "1726262" }, Actor.officer("O-301"))
 */
export const overdue = (
  area: Worklist.Area,
  actor: Actor.Subject,
  page?: Worklist.PageRequest
): Effect.Effect<Worklist.DuePage, ActorError, Worklist.Worklist | DirectoryStore> =>
  areaList(area, actor, "overdue", page, (w, a, now, p) => w.overdue(a, now, p))

/**
 * The area's open appeals due from now up to `until`, for an actor whose roles cover the area.
 *
 * @example
 * import { Actor, AppealService } from "@murojaat/core"
 * AppealService.soonDue({ mahallaCode: "1726262-001" }, "2026-03-05T13:00:00.000Z", Actor.officer("O-101"))
 */
export const soonDue = (
  area: Worklist.Area,
  until: string,
  actor: Actor.Subject,
  page?: Worklist.PageRequest
): Effect.Effect<Worklist.DuePage, ActorError, Worklist.Worklist | DirectoryStore> =>
  Effect.flatMap(Decode.unknown(Directory.Instant, "until")(until), (to) =>
    areaList(area, actor, "soonDue", page, (w, a, now, p) => w.soonDue(a, now, to, p))
  )

/**
 * What one run of the overdue check did.
 *
 * @example
 * import { AppealService } from "@murojaat/core"
 * const r: AppealService.EscalationRun = { checked: 0, escalated: [], failed: [] }
 */
export interface EscalationRun {
  /** Overdue appeals looked at. */
  readonly checked: number
  /** Appeals escalated now, with the reason recorded. */
  readonly escalated: ReadonlyArray<{ readonly appealId: string; readonly reason: string }>
  /** Appeals whose escalation was refused (changed meanwhile, ended), with the error code. */
  readonly failed: ReadonlyArray<{ readonly appealId: string; readonly code: string }>
}

// One appeal's escalation, decided from the events at the version the commit expects: a retry after
// `VersionConflict` reads again and decides again, so a breach another instance escalated meanwhile
// is not escalated twice.
const escalateOne = (appealId: string, now: string) =>
  Effect.gen(function* () {
    const { settings, deadlines } = yield* config
    const store = yield* AppealStore
    const state = yield* store.load(appealId)
    if (Option.isNone(state)) return Option.none<string>()
    const events = yield* store.events(appealId)
    // Read between two commits: decide again on a consistent read.
    if (events.length !== state.value.version) {
      return yield* Effect.fail(new Errors.VersionConflict({ appealId, expected: state.value.version, actual: events.length }))
    }
    const due = Deadline.escalation(events, now, deadlines)
    if (Either.isLeft(due) || Option.isNone(due.right)) return Option.none<string>()
    const command: Command.Command = { ...due.right.value.command, appealId: appealId as Appeal.AppealId }
    const r = yield* step(state.value, command, { now, actor: Actor.system("deadline-timer"), settings })
    const dueAtNext = yield* dueAtOrFail([...events, ...r.events], now)
    yield* commitResult([{ appealId, expectedVersion: state.value.version, events: r.events, state: r.state, dueAt: dueAtNext }], { appealId, state: r.state, events: r.events }, undefined)
    return Option.some(due.right.value.command.reason)
  }).pipe(Effect.retry({ times: 5, while: (e) => e._tag === "VersionConflict" }))

/**
 * The deadline timer's run over one area: every open appeal whose due time has passed is checked
 * with `Deadline.escalation`; when a clock fell due and no escalation followed it, the appeal is
 * escalated by the system (`deadline-timer`), with the overdue clocks and their rule ids in the
 * reason. Run by the system, or by an officer whose roles cover the area. Safe to run from several
 * instances: each escalation is decided on the events at the version its commit expects, so a
 * breach is escalated exactly once.
 *
 * @example
 * import { Actor, AppealService } from "@murojaat/core"
 * AppealService.escalateOverdue({ districtCode: "1726262" }, Actor.system("deadline-timer"))
 */
export const escalateOverdue = (
  area: Worklist.Area,
  actor: Actor.Subject
): Effect.Effect<EscalationRun, ActorError, Ports | Worklist.Worklist> =>
  Effect.gen(function* () {
    const where = yield* decodeArea(area)
    const who = yield* Trust.resolveActor(actor, "escalateOverdue")
    const directory = yield* Effect.flatMap(DirectoryStore, (d) => d.snapshot)
    const covered = who._tag === "auditor" ? { ok: false as const, reason: "readOnly" as const } : Trust.coversArea(directory, who, where)
    if (!covered.ok) return yield* Effect.fail(new Errors.NotAuthorized({ actor: Actor.label(who), command: "escalateOverdue", reason: covered.reason }))
    const now = yield* nowIso
    const worklist = yield* Worklist.Worklist
    const escalated: Array<{ appealId: string; reason: string }> = []
    const failed: Array<{ appealId: string; code: string }> = []
    let checked = 0
    let after: Worklist.DueCursor | undefined
    do {
      const page = yield* worklist.overdue(where, now, { after, limit: 200 })
      for (const state of page.items) {
        checked++
        const r = yield* Effect.either(escalateOne(state.appealId, now))
        if (Either.isRight(r)) {
          if (Option.isSome(r.right)) escalated.push({ appealId: state.appealId, reason: r.right.value })
        } else if (r.left._tag === "StoreError") return yield* Effect.fail(r.left)
        else failed.push({ appealId: state.appealId, code: r.left._tag })
      }
      after = page.next
    } while (after !== undefined)
    return { checked, escalated, failed }
  })

/**
 * What `erasePersonal` covered: the appeal and the repeated appeals opened by disputing it, and
 * which of them still had personal data or texts.
 *
 * @example
 * import { AppealService } from "@murojaat/core"
 * const e: AppealService.Erasure = { appealIds: ["A-1", "A-7"], removed: ["A-1", "A-7"] }
 */
export type Erasure = PersonalData.Erasure

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
 */
export const erasePersonal = (appealId: string, actor: Actor.Subject): Effect.Effect<Erasure, ReadError, AppealStore | DirectoryStore> =>
  Effect.flatMap(readAs(appealId, actor, "erasePersonal"), ({ who, state }) => PersonalData.erase(state, who))

/**
 * The officer actor for an officer id, from the directory: his roles and territory as the
 * directory has them now. `OfficerNotFound` if the directory does not know him; `NotAuthorized`
 * (`officerInactive`) if he is no longer active.
 *
 * @example
 * import { AppealService } from "@murojaat/core"
 * AppealService.officerActor("O-1")
 */
export const officerActor = (officerId: string): Effect.Effect<Actor.Officer, ActorError, DirectoryStore> =>
  Effect.map(Trust.resolveActor(Actor.officer(officerId), "act"), (a) => a as Actor.Officer)

/**
 * Every port in memory: store, outbox, idempotency, ids, the given directory and the shipped
 * calendar.
 *
 * @example
 * import { AppealService } from "@murojaat/core"
 * AppealService.layerMemory()
 */
export const layerMemory = (directory?: Directory.Directory): Layer.Layer<Ports | Outbox | CalendarStore | Worklist.Worklist> =>
  Layer.mergeAll(storeLayerMemory(), idsLayerMemory(), directoryLayerMemory(directory), calendarLayerMemory())
