/**
 * Preventive measures (profilaktik choralar): what an inspector does about the appeals he
 * analyses, beyond answering them (the seed article: "analyse the accumulated appeals to plan
 * preventive work"). A measure is a prevention talk, a home visit, an entry on the preventive
 * register, or a referral to another body; a protection order (ZRU-561) is a measure too, recorded
 * by its own commands (`ProtectionOrder`). Each measure is linked to the appeal it is recorded on
 * and to the other appeals that led to it, has its own small lifecycle (`planned` → `done` or
 * `cancelled`), a due time, and an outcome.
 *
 * Measures live in the appeal's audited event log: three events (`measurePlanned`,
 * `measureCompleted`, `measureCancelled`) on the stream of the appeal they are recorded on, hash
 * chained like every other event, so the measure's history is the appeal's history. This module
 * holds everything about them that is pure: the command and event fields, the machine, `decide`
 * and `evolve`, the due times, and the rules with their sources. The lifecycle carries them:
 * `Command.PlanMeasure`, `CompleteMeasure` and `CancelMeasure`; the events in `Event.AppealEvent`;
 * the grants (who, in which statuses) and guards (`AppealMachine.preventionRules`) in
 * `AppealMachine`; the fold into `AppealState.measures` in `Lifecycle.evolve`, which calls
 * `evolve` here. `fromEvents` reads the measures of stored events (`Event.AppealEvent`) or of any
 * list of the same shape.
 *
 * No law found sets terms for these measures: their terms are settings (`Settings`), marked
 * "Murojaat setting".
 *
 * @example
 * import { PreventiveMeasure } from "@murojaat/core"
 * import { Either } from "effect"
 * const plan = PreventiveMeasure.decide([], { type: "planMeasure", appealId: "A-1", kind: "homeVisit" }, { now: "2026-03-02T10:00:00+05:00" })
 * Either.map(plan, (events) => events.map((e) => e.type)) // Either.right(["measurePlanned"])
 *
 * @since 0.2.0
 */
import { Either, Schema } from "effect"
import { setup, transition } from "xstate"
import * as Appeal from "./Appeal.js"
import * as Directory from "./Directory.js"
import * as LocalTime from "./internal/localTime.js"
import * as Limits from "./Limits.js"

// ---------------------------------------------------------------------------------------------
// Vocabulary
// ---------------------------------------------------------------------------------------------

/**
 * The kinds of preventive measure. Audit vocabulary. `protectionOrder` is issued, extended and
 * breached by its own commands (ZRU-561; `ProtectionOrder`); the others are planned here.
 *
 * @example
 * import { PreventiveMeasure } from "@murojaat/core"
 * PreventiveMeasure.Kind.literals // ["preventionTalk", "homeVisit", "preventiveRegister", "referral", "protectionOrder"]
 *
 * @since 0.2.0
 * @category vocabulary
 */
export const Kind = Schema.Literal("preventionTalk", "homeVisit", "preventiveRegister", "referral", "protectionOrder")
/** @see Kind */
export type Kind = typeof Kind.Type

/**
 * The kinds a `planMeasure` command plans (every kind but the protection order).
 *
 * @example
 * import { PreventiveMeasure } from "@murojaat/core"
 * PreventiveMeasure.PlannedKind.literals.includes("protectionOrder" as never) // false
 *
 * @since 0.2.0
 * @category vocabulary
 */
export const PlannedKind = Schema.Literal("preventionTalk", "homeVisit", "preventiveRegister", "referral")
/** @see PlannedKind */
export type PlannedKind = typeof PlannedKind.Type

/**
 * How a measure ended. A talk or a visit was held, or the person was not found or refused; an
 * entry on the register was made or not (the register's own procedure decides); a referral was
 * accepted, declined, or not answered.
 *
 * @example
 * import { PreventiveMeasure } from "@murojaat/core"
 * PreventiveMeasure.Outcome.literals.includes("personAbsent") // true
 *
 * @since 0.2.0
 * @category vocabulary
 */
export const Outcome = Schema.Literal("held", "personAbsent", "personRefused", "entered", "notEntered", "accepted", "declined", "noAnswer")
/** @see Outcome */
export type Outcome = typeof Outcome.Type

/**
 * The outcomes each kind may end with (rule `measure.outcomeFitsKind`).
 *
 * @example
 * import { PreventiveMeasure } from "@murojaat/core"
 * PreventiveMeasure.outcomesOf.referral // ["accepted", "declined", "noAnswer"]
 *
 * @since 0.2.0
 * @category vocabulary
 */
export const outcomesOf: { readonly [K in PlannedKind]: ReadonlyArray<Outcome> } = {
  preventionTalk: ["held", "personAbsent", "personRefused"],
  homeVisit: ["held", "personAbsent", "personRefused"],
  preventiveRegister: ["entered", "notEntered"],
  referral: ["accepted", "declined", "noAnswer"]
}

/**
 * The status of a measure.
 *
 * @example
 * import { PreventiveMeasure } from "@murojaat/core"
 * PreventiveMeasure.Status.literals // ["planned", "done", "cancelled"]
 *
 * @since 0.2.0
 * @category vocabulary
 */
export const Status = Schema.Literal("planned", "done", "cancelled")
/** @see Status */
export type Status = typeof Status.Type

/**
 * A measure id: the appeal's id, `/M` and the measure's number on that appeal (`A-1/M2`). The
 * lifecycle gives it (`nextId`); a caller never chooses one.
 *
 * @example
 * import { PreventiveMeasure } from "@murojaat/core"
 * import { Schema } from "effect"
 * Schema.is(PreventiveMeasure.MeasureId)("A-2026-000001/M1") // true
 *
 * @since 0.2.0
 * @category vocabulary
 */
export const MeasureId = Limits.matching(80, /^[0-9A-Za-z][0-9A-Za-z._:-]{0,63}\/M[1-9][0-9]{0,5}$/).pipe(
  Schema.annotations({ description: "measure id: <appeal id>/M<n>" })
)
/** @see MeasureId */
export type MeasureId = typeof MeasureId.Type

// ---------------------------------------------------------------------------------------------
// Settings and rules
// ---------------------------------------------------------------------------------------------

/**
 * The terms of measures, in calendar days from planning: `defaultDays` when the plan gives no
 * due time, `maxDays` the latest a plan may set. No law found sets them: Murojaat settings.
 * Defaults: a home visit within 5 days (default) or 15 (latest); a prevention talk 10 or 30; an
 * entry on the register 30 or 90; a referral 5 or 30 (the appeals law's 5 days for forwarding,
 * ZRU-445, as a familiar yardstick, not as a rule for referrals).
 *
 * @example
 * import { PreventiveMeasure } from "@murojaat/core"
 * PreventiveMeasure.defaultSettings.defaultDays.homeVisit // 5
 *
 * @since 0.2.0
 * @category settings
 */
export interface Settings {
  readonly defaultDays: { readonly [K in PlannedKind]: number }
  readonly maxDays: { readonly [K in PlannedKind]: number }
}

/**
 * The default settings (see {@link Settings}).
 *
 * @example
 * import { PreventiveMeasure } from "@murojaat/core"
 * PreventiveMeasure.defaultSettings.maxDays.preventiveRegister // 90
 *
 * @since 0.2.0
 * @category settings
 */
export const defaultSettings: Settings = {
  defaultDays: { preventionTalk: 10, homeVisit: 5, preventiveRegister: 30, referral: 5 },
  maxDays: { preventionTalk: 30, homeVisit: 15, preventiveRegister: 90, referral: 30 }
}

const SETTING = "Murojaat setting (no law found sets a term for this measure; PreventiveMeasure.Settings)"
const POLICY = "Murojaat policy"

/**
 * The rules of measures, each with its source: the table `decide` applies and docs/rules/prevention.md renders.
 *
 * @example
 * import { PreventiveMeasure } from "@murojaat/core"
 * PreventiveMeasure.rules.map((r) => r.id).includes("measure.open") // true
 *
 * @since 0.2.0
 * @category rules
 */
export const rules = [
  {
    id: "measure.dueWithinTerm",
    source: SETTING,
    statement: "a plan's due time, when given, is after now and no later than the kind's longest term (maxDays); without one, the kind's default term (defaultDays) from now"
  },
  { id: "measure.referralNamesBody", source: POLICY, statement: "a referral names the body it refers to, and only a referral names one" },
  { id: "measure.linksOthers", source: POLICY, statement: "the appeals a measure links are other appeals than the one it is recorded on, each named once" },
  { id: "measure.known", source: POLICY, statement: "completing or cancelling names a measure planned on this appeal" },
  {
    id: "measure.open",
    source: POLICY,
    statement: "a measure is completed or cancelled once; until then it is planned (its record is kept, never rewritten)"
  },
  { id: "measure.outcomeFitsKind", source: POLICY, statement: "the outcome is one the measure's kind can have (outcomesOf)" },
  {
    id: "measure.overdue",
    source: SETTING,
    statement: "a measure still planned after its due time is overdue: it shows in the inspector's list until it is done or cancelled"
  }
] as const

/**
 * The id of a measure rule.
 *
 * @example
 * import { PreventiveMeasure } from "@murojaat/core"
 * const id: PreventiveMeasure.RuleId = "measure.known"
 *
 * @since 0.2.0
 * @category rules
 */
export type RuleId = (typeof rules)[number]["id"]

const sourceOf = (id: RuleId): string => rules.find((r) => r.id === id)!.source

// ---------------------------------------------------------------------------------------------
// Commands and events
// ---------------------------------------------------------------------------------------------

const limit = Limits.defaultSettings
const Reason = Limits.requiredText(limit.reason).pipe(Schema.minLength(3))
const Note = Limits.requiredText(limit.note)
const Links = Limits.array(Appeal.AppealId, limit.links)

/**
 * A body a referral names (the same shape as the body an appeal is forwarded to).
 *
 * @example
 * import { PreventiveMeasure } from "@murojaat/core"
 * import { Schema } from "effect"
 * Schema.decodeUnknownSync(PreventiveMeasure.Body)({ name: "Mahalla va oilani qoʻllab-quvvatlash boʻlimi" }).name.length > 0 // true
 *
 * @since 0.2.0
 * @category commands
 */
export const Body = Schema.Struct({
  code: Schema.optional(Limits.requiredText(limit.code)),
  name: Limits.requiredText(limit.organisationName).pipe(Schema.minLength(2))
})
/** @see Body */
export type Body = typeof Body.Type

/**
 * The fields of the measure commands, without the envelope (`type`, `appealId`, `commandId`,
 * `correlationId`) that `Command` adds. `completeMeasure.note` and `cancelMeasure.reason` are free
 * text: personal data kept apart (see `textFields`).
 *
 * @example
 * import { PreventiveMeasure } from "@murojaat/core"
 * Object.keys(PreventiveMeasure.commandFields.planMeasure) // ["kind", "dueBy", "linkedAppealIds", "body"]
 *
 * @since 0.2.0
 * @category commands
 */
export const commandFields = {
  planMeasure: {
    kind: PlannedKind,
    dueBy: Schema.optional(Directory.Instant),
    linkedAppealIds: Schema.optional(Links),
    body: Schema.optional(Body)
  },
  completeMeasure: { measureId: MeasureId, outcome: Outcome, note: Note },
  cancelMeasure: { measureId: MeasureId, reason: Reason }
} as const

/**
 * A measure command as `decide` reads it (decoded; the lifecycle's envelope may carry more).
 *
 * @example
 * import { PreventiveMeasure } from "@murojaat/core"
 * const c: PreventiveMeasure.Command = { type: "cancelMeasure", appealId: "A-1", measureId: "A-1/M1", reason: "moved away" }
 *
 * @since 0.2.0
 * @category commands
 */
export type Command =
  | ({ readonly type: "planMeasure"; readonly appealId: string } & Schema.Struct.Type<typeof commandFields.planMeasure>)
  | ({ readonly type: "completeMeasure"; readonly appealId: string } & Schema.Struct.Type<typeof commandFields.completeMeasure>)
  | ({ readonly type: "cancelMeasure"; readonly appealId: string } & Schema.Struct.Type<typeof commandFields.cancelMeasure>)

const TextDigest = Schema.String.pipe(Schema.pattern(/^[0-9a-f]{64}$/))

/**
 * The data of the measure events (for `Event.data`). `textDigest` is the digest of the event's
 * free texts, filled in by the seal (`Audit.seal`).
 *
 * @example
 * import { PreventiveMeasure } from "@murojaat/core"
 * Object.keys(PreventiveMeasure.eventData.measureCompleted.fields) // ["measureId", "outcome", "textDigest"]
 *
 * @since 0.2.0
 * @category events
 */
export const eventData = {
  measurePlanned: Schema.Struct({
    measureId: MeasureId,
    kind: PlannedKind,
    dueBy: Directory.Instant,
    linkedAppealIds: Links,
    body: Schema.optional(Body)
  }),
  measureCompleted: Schema.Struct({ measureId: MeasureId, outcome: Outcome, textDigest: TextDigest }),
  measureCancelled: Schema.Struct({ measureId: MeasureId, textDigest: TextDigest })
} as const

/**
 * The measure event types.
 *
 * @example
 * import { PreventiveMeasure } from "@murojaat/core"
 * PreventiveMeasure.eventTypes // ["measurePlanned", "measureCompleted", "measureCancelled"]
 *
 * @since 0.2.0
 * @category events
 */
export const eventTypes = ["measurePlanned", "measureCompleted", "measureCancelled"] as const
/**
 * A measure event type.
 *
 * @example
 * import { PreventiveMeasure } from "@murojaat/core"
 * const t: PreventiveMeasure.EventType = "measurePlanned"
 *
 * @since 0.2.0
 * @category events
 */
export type EventType = (typeof eventTypes)[number]

/**
 * The free-text fields of the measure events (for `Event.textFields`): kept in the personal-data
 * record, the event keeps their digest.
 *
 * @example
 * import { PreventiveMeasure } from "@murojaat/core"
 * PreventiveMeasure.textFields.measureCompleted // ["note"]
 *
 * @since 0.2.0
 * @category events
 */
export const textFields: { readonly [T in EventType]?: ReadonlyArray<string> } = {
  measureCompleted: ["note"],
  measureCancelled: ["reason"]
}

/**
 * A measure event decided but not sealed: its data without the digest, its free texts apart
 * (`Event.Pending`'s shape).
 *
 * @example
 * import { PreventiveMeasure } from "@murojaat/core"
 * const p: PreventiveMeasure.Pending = { type: "measureCancelled", data: { measureId: "A-1/M1" }, texts: { reason: "moved away" }, rules: ["measure.known", "measure.open"] }
 *
 * @since 0.2.0
 * @category events
 */
export type Pending =
  | { readonly type: "measurePlanned"; readonly data: (typeof eventData.measurePlanned)["Type"]; readonly rules: ReadonlyArray<RuleId> }
  | {
      readonly type: "measureCompleted"
      readonly data: Omit<(typeof eventData.measureCompleted)["Type"], "textDigest">
      readonly texts: { readonly note: string }
      readonly rules: ReadonlyArray<RuleId>
    }
  | {
      readonly type: "measureCancelled"
      readonly data: Omit<(typeof eventData.measureCancelled)["Type"], "textDigest">
      readonly texts: { readonly reason: string }
      readonly rules: ReadonlyArray<RuleId>
    }

// ---------------------------------------------------------------------------------------------
// State
// ---------------------------------------------------------------------------------------------

/**
 * A measure as its events made it.
 *
 * @example
 * import { PreventiveMeasure } from "@murojaat/core"
 * import { Schema } from "effect"
 * Schema.is(PreventiveMeasure.Measure)({ measureId: "A-1/M1", appealId: "A-1", kind: "homeVisit", status: "planned",
 *   plannedAt: "2026-03-02T05:00:00.000Z", dueBy: "2026-03-07T05:00:00.000Z", linkedAppealIds: [] }) // true
 *
 * @since 0.2.0
 * @category models
 */
export const Measure = Schema.Struct({
  measureId: Schema.String,
  appealId: Schema.String,
  kind: PlannedKind,
  status: Status,
  plannedAt: Schema.String,
  dueBy: Schema.String,
  linkedAppealIds: Schema.Array(Schema.String),
  body: Schema.optional(Body),
  outcome: Schema.optional(Outcome),
  endedAt: Schema.optional(Schema.String)
})
/** @see Measure */
export type Measure = typeof Measure.Type

/**
 * The id the next measure of an appeal gets: `<appealId>/M<n>`, n one more than the measures it has.
 *
 * @example
 * import { PreventiveMeasure } from "@murojaat/core"
 * PreventiveMeasure.nextId("A-1", []) // "A-1/M1"
 *
 * @since 0.2.0
 * @category models
 */
export const nextId = (appealId: string, measures: ReadonlyArray<Measure>): MeasureId => `${appealId}/M${measures.length + 1}`

// ---------------------------------------------------------------------------------------------
// The machine
// ---------------------------------------------------------------------------------------------

/**
 * The lifecycle of one measure as an xstate machine (structure only, like `AppealMachine.machine`):
 * `none` → `planned` on `planMeasure`; `planned` → `done` on `completeMeasure`, → `cancelled` on
 * `cancelMeasure`; `done` and `cancelled` are final.
 *
 * @example
 * import { PreventiveMeasure } from "@murojaat/core"
 * Object.keys(PreventiveMeasure.machine.config.states ?? {}) // ["none", "planned", "done", "cancelled"]
 *
 * @since 0.2.0
 * @category machine
 */
export const machine = setup({
  types: { context: {} as Record<string, never>, events: {} as Command },
  actions: { record: () => undefined }
}).createMachine({
  id: "measure",
  initial: "none",
  context: {},
  states: {
    none: { on: { planMeasure: { target: "planned", actions: "record" } } },
    planned: { on: { completeMeasure: { target: "done", actions: "record" }, cancelMeasure: { target: "cancelled", actions: "record" } } },
    done: { type: "final" },
    cancelled: { type: "final" }
  }
})

const snapshotOf = (status: Status | "none") => machine.resolveState({ value: status, context: {} })

// ---------------------------------------------------------------------------------------------
// Decide and evolve
// ---------------------------------------------------------------------------------------------

/**
 * Why a measure command is refused: the rule and its source (the lifecycle turns it into
 * `Errors.RuleViolation`).
 *
 * @example
 * import { PreventiveMeasure } from "@murojaat/core"
 * const r: PreventiveMeasure.Refusal = { rule: "measure.known", source: "Murojaat policy" }
 *
 * @since 0.2.0
 * @category decide
 */
export interface Refusal {
  readonly rule: RuleId
  readonly source: string
}

/**
 * What `decide` knows besides the measures and the command: the time, and the settings.
 *
 * @example
 * import { PreventiveMeasure } from "@murojaat/core"
 * const ctx: PreventiveMeasure.Context = { now: "2026-03-02T10:00:00+05:00" }
 *
 * @since 0.2.0
 * @category decide
 */
export interface Context {
  readonly now: string
  readonly settings?: Settings | undefined
}

const refuse = (rule: RuleId): Either.Either<never, Refusal> => Either.left({ rule, source: sourceOf(rule) })

const iso = (ms: number): string => new Date(ms).toISOString()

/**
 * Decides a measure command against the appeal's measures: the events it records, or the first
 * rule that refuses it. Whether the actor may give it and whether the appeal's status allows it
 * are the lifecycle's questions (its grants); this answers the measure's own.
 *
 * @example
 * import { PreventiveMeasure } from "@murojaat/core"
 * import { Either } from "effect"
 * const ctx = { now: "2026-03-02T10:00:00+05:00" }
 * const planned = Either.getOrThrow(PreventiveMeasure.decide([], { type: "planMeasure", appealId: "A-1", kind: "preventionTalk" }, ctx))
 * planned[0]?.data // { measureId: "A-1/M1", kind: "preventionTalk", dueBy: "2026-03-12T05:00:00.000Z", linkedAppealIds: [] }
 * const measures = PreventiveMeasure.fromEvents(planned.map((p) => ({ ...p, appealId: "A-1", at: ctx.now })))
 * const done = PreventiveMeasure.decide(measures, { type: "completeMeasure", appealId: "A-1", measureId: "A-1/M1", outcome: "accepted", note: "-" }, ctx)
 * Either.isLeft(done) && done.left.rule // "measure.outcomeFitsKind"
 *
 * @since 0.2.0
 * @category decide
 */
export const decide = (measures: ReadonlyArray<Measure>, command: Command, ctx: Context): Either.Either<ReadonlyArray<Pending>, Refusal> => {
  const settings = ctx.settings ?? defaultSettings
  const now = LocalTime.parseInstant(ctx.now) ?? Number.NaN
  if (command.type === "planMeasure") {
    const longest = now + settings.maxDays[command.kind] * LocalTime.MS_PER_DAY
    const due = command.dueBy === undefined ? now + settings.defaultDays[command.kind] * LocalTime.MS_PER_DAY : LocalTime.parseInstant(command.dueBy) ?? Number.NaN
    if (!(due > now && due <= longest)) return refuse("measure.dueWithinTerm")
    if ((command.kind === "referral") !== (command.body !== undefined)) return refuse("measure.referralNamesBody")
    const links = command.linkedAppealIds ?? []
    if (links.includes(command.appealId as Appeal.AppealId) || new Set(links).size !== links.length) return refuse("measure.linksOthers")
    return Either.right([
      {
        type: "measurePlanned",
        data: {
          measureId: nextId(command.appealId, measures),
          kind: command.kind,
          dueBy: iso(due),
          linkedAppealIds: links,
          ...(command.body !== undefined ? { body: command.body } : {})
        },
        rules: ["measure.dueWithinTerm", "measure.referralNamesBody", "measure.linksOthers"]
      }
    ])
  }
  const measure = measures.find((m) => m.measureId === command.measureId)
  if (measure === undefined) return refuse("measure.known")
  // The machine says whether the measure's status takes the command at all.
  const [, actions] = transition(machine, snapshotOf(measure.status), command)
  if (actions.length === 0) return refuse("measure.open")
  if (command.type === "cancelMeasure") {
    return Either.right([{ type: "measureCancelled", data: { measureId: measure.measureId }, texts: { reason: command.reason }, rules: ["measure.known", "measure.open"] }])
  }
  if (!outcomesOf[measure.kind].includes(command.outcome)) return refuse("measure.outcomeFitsKind")
  return Either.right([
    {
      type: "measureCompleted",
      data: { measureId: measure.measureId, outcome: command.outcome },
      texts: { note: command.note },
      rules: ["measure.known", "measure.open", "measure.outcomeFitsKind"]
    }
  ])
}

/**
 * The minimal shape of an event `evolve` reads: any stored appeal event fits.
 *
 * @example
 * import { PreventiveMeasure } from "@murojaat/core"
 * const e: PreventiveMeasure.EventInput = { type: "measureCancelled", appealId: "A-1", at: "2026-03-03T05:00:00.000Z", data: { measureId: "A-1/M1" } }
 *
 * @since 0.2.0
 * @category evolve
 */
export interface EventInput {
  readonly type: string
  readonly appealId: string
  readonly at: string
  readonly data?: unknown
}

const isPlanned = Schema.is(eventData.measurePlanned)
const hasId = Schema.is(Schema.Struct({ measureId: Schema.String }))
const hasOutcome = Schema.is(Schema.Struct({ measureId: Schema.String, outcome: Outcome }))

/**
 * Folds one event into the appeal's measures. Other events leave them as they are, and so does an
 * event that names no measure of the list (it trusts the log: the decision was made when the
 * event was recorded).
 *
 * @example
 * import { PreventiveMeasure } from "@murojaat/core"
 * const ms = PreventiveMeasure.evolve([], { type: "measurePlanned", appealId: "A-1", at: "2026-03-02T05:00:00.000Z",
 *   data: { measureId: "A-1/M1", kind: "homeVisit", dueBy: "2026-03-07T05:00:00.000Z", linkedAppealIds: [] } })
 * ms[0]?.status // "planned"
 *
 * @since 0.2.0
 * @category evolve
 */
export const evolve = (measures: ReadonlyArray<Measure>, event: EventInput): ReadonlyArray<Measure> => {
  const d = event.data
  if (event.type === "measurePlanned" && isPlanned(d)) {
    return [
      ...measures,
      {
        measureId: d.measureId,
        appealId: event.appealId,
        kind: d.kind,
        status: "planned",
        plannedAt: event.at,
        dueBy: d.dueBy,
        linkedAppealIds: d.linkedAppealIds,
        ...(d.body !== undefined ? { body: d.body } : {})
      }
    ]
  }
  if (event.type === "measureCompleted" && hasOutcome(d)) {
    return measures.map((m) => (m.measureId === d.measureId ? { ...m, status: "done" as const, outcome: d.outcome, endedAt: event.at } : m))
  }
  if (event.type === "measureCancelled" && hasId(d)) {
    return measures.map((m) => (m.measureId === d.measureId ? { ...m, status: "cancelled" as const, endedAt: event.at } : m))
  }
  return measures
}

/**
 * The measures an appeal's events record, in the order they were planned.
 *
 * @example
 * import { PreventiveMeasure } from "@murojaat/core"
 * PreventiveMeasure.fromEvents([{ type: "received", appealId: "A-1", at: "2026-03-02T05:00:00.000Z" }]) // []
 *
 * @since 0.2.0
 * @category evolve
 */
export const fromEvents = (events: ReadonlyArray<EventInput>): ReadonlyArray<Measure> => events.reduce(evolve, [] as ReadonlyArray<Measure>)

/**
 * Whether a measure is overdue at `now`: still planned after its due time (rule `measure.overdue`).
 *
 * @example
 * import { PreventiveMeasure } from "@murojaat/core"
 * const m = { measureId: "A-1/M1", appealId: "A-1", kind: "homeVisit" as const, status: "planned" as const,
 *   plannedAt: "2026-03-02T05:00:00.000Z", dueBy: "2026-03-07T05:00:00.000Z", linkedAppealIds: [] }
 * PreventiveMeasure.isOverdue(m, "2026-03-08T05:00:00.000Z") // true
 * PreventiveMeasure.isOverdue({ ...m, status: "done" }, "2026-03-08T05:00:00.000Z") // false
 *
 * @since 0.2.0
 * @category deadlines
 */
export const isOverdue = (m: Measure, now: string): boolean => {
  const t = LocalTime.parseInstant(now)
  const due = LocalTime.parseInstant(m.dueBy)
  return m.status === "planned" && t !== undefined && due !== undefined && t > due
}
