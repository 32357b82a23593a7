/**
 * The appeal lifecycle as two pure functions, event-sourced:
 *
 * - `decide(state, command, context)` asks the machine (`AppealMachine`, through xstate's pure
 *   `transition`) whether the command exists in this state, whether this actor may give it and
 *   whether its rules hold; it returns the events to record, or a typed error.
 * - `evolve(state, event)` folds one event into the state. `replay(events)` folds them all.
 *
 * `execute` does both and seals the events onto the hash chain: it is what a service calls.
 *
 * @example
 * import { Actor, AppealState, Lifecycle } from "@murojaat/core"
 * const r = Lifecycle.decide(AppealState.initial("A-1"), { type: "startReview", appealId: "A-1" } as any,
 *   { now: "2026-03-02T05:00:00.000Z", actor: Actor.system("rules") })
 * r._tag === "Left" && r.left._tag // "InvalidTransition"
 */
// effect's Record module, under another name: `Record<K, V>` stays the TypeScript type.
import { Either, Record as Records } from "effect"
import { transition } from "xstate"
import * as Actor from "./Actor.js"
import * as Appeal from "./Appeal.js"
import * as AppealMachine from "./AppealMachine.js"
import * as AppealState from "./AppealState.js"
import * as Audit from "./Audit.js"
import type * as Command from "./Command.js"
import * as Directory from "./Directory.js"
import * as Errors from "./Errors.js"
import * as Event from "./Event.js"
import * as ClockFacts from "./internal/clockFacts.js"
import * as PreventiveMeasure from "./PreventiveMeasure.js"

/**
 * What `decide` may refuse with.
 *
 * @example
 * import { Lifecycle } from "@murojaat/core"
 * const code = (e: Lifecycle.DecideError) => e._tag
 *
 * @since 0.1.0
 * @category decide
 */
export type DecideError = Errors.InvalidTransition | Errors.NotAuthorized | Errors.RuleViolation | Errors.InvalidInput

/**
 * A decision: the events to record (pending: their free texts and personal data are digested when
 * they are sealed), the role the actor acted in and the status the machine moves to.
 *
 * @example
 * import { Lifecycle } from "@murojaat/core"
 * const d: Lifecycle.Decision = { events: [], role: "system", status: "received" }
 *
 * @since 0.1.0
 * @category decide
 */
export interface Decision {
  readonly events: ReadonlyArray<Event.Pending>
  readonly role: Actor.Role
  /** The status the machine moves to. */
  readonly status: AppealState.Status
}

// The officer who holds the appeal: every status that accepts reassign or unassign has one (the
// machine's structure), so a state without one is corrupt: a defect, not a refusal.
const holder = (state: AppealState.AppealState): Directory.OfficerId => {
  if (state.assigneeId === undefined) throw new Error(`appeal ${state.appealId} is ${state.status} without an assignee`)
  return Directory.OfficerId.make(state.assigneeId)
}

// The rule ids every event of a command carries: the lifecycle's own (`lifecycle.<command>`), then
// the grant's rules in order. Built once, shared by every event of that command (events are
// immutable).
const applied = Records.map(AppealMachine.grants, (grant, type): ReadonlyArray<string> => [`lifecycle.${type}`, ...grant.rules])

// The events of a measure command, as `PreventiveMeasure.decide` builds them (the measure's id,
// its due time), with the lifecycle's rule ids. Its guards (`AppealMachine.preventionRules`) held,
// so the module accepts the command: a refusal here is a defect.
const measureEvents = (
  c: PreventiveMeasure.Command,
  state: AppealState.AppealState,
  ctx: AppealMachine.Context
): ReadonlyArray<Event.Pending> => {
  const decided = PreventiveMeasure.decide(state.measures ?? [], c, { now: ctx.now, settings: ctx.settings?.preventiveMeasures })
  if (Either.isLeft(decided)) throw new Error(`measure command ${c.type} on ${state.appealId} refused by ${decided.left.rule} after its guards held`)
  return decided.right.map((p) => ({ ...p, rules: applied[c.type] }))
}

// The order an extension or a breach names: its guard `protectionOrder.extension.sameOrder` held.
const issuedOrder = (state: AppealState.AppealState): NonNullable<AppealState.AppealState["protectionOrder"]> => {
  if (state.protectionOrder === undefined) throw new Error(`appeal ${state.appealId} has no protection order`)
  return state.protectionOrder
}

/**
 * The events each command records, typed by command: `(command, state, ctx) => events`, with their
 * data, their rule ids (`lifecycle.<command>`, the grant's rules, and for `triage` and `assign` the
 * rule ids the command names) and what they keep apart: a person's free texts (`Event.textFields`)
 * go to `texts`, the personal data of an intake to `personal`. Nothing is hashed here: the seal
 * (`Audit.seal`) puts their digests into the data.
 *
 * @example
 * import { Actor, AppealState, Lifecycle } from "@murojaat/core"
 * Lifecycle.records.startReview({ type: "startReview", appealId: "A-1" } as any, AppealState.initial("A-1"), { now: "2026-03-02T05:00:00.000Z", actor: Actor.system("x") })
 * // [{ type: "reviewStarted", data: {}, rules: ["lifecycle.startReview"] }]
 * Lifecycle.records.escalate({ type: "escalate", appealId: "A-1", reason: "overdue" } as any, AppealState.initial("A-1"), { now: "2026-03-02T05:00:00.000Z", actor: Actor.system("x") })
 * // [{ type: "escalated", data: {}, texts: { reason: "overdue" }, rules: ["lifecycle.escalate", "escalate.supervisorServes"] }]
 *
 * @since 0.1.0
 * @category decide
 */
export const records: {
  readonly [C in Command.Type]: (command: Command.Of<C>, state: AppealState.AppealState, ctx: AppealMachine.Context) => ReadonlyArray<Event.Pending>
} = {
  receive: (c, _state, ctx) => {
    const { facts, personal } = Appeal.split(c.intake)
    // Object.assign, not a spread with a key added after it: see `Audit.seal`.
    const data = Object.assign({}, facts, { receivedAt: c.intake.receivedAt ?? ctx.now })
    return [{ type: "received", data, personal, rules: applied.receive }]
  },
  register: (c) => [{ type: "registered", data: { registrationNumber: c.registrationNumber }, rules: applied.register }],
  leaveWithoutConsideration: (c) => [
    { type: "leftWithoutConsideration", data: { ground: c.ground, approvedBy: c.approvedBy }, texts: { conclusion: c.conclusion }, rules: applied.leaveWithoutConsideration }
  ],
  triage: (c) => [
    {
      type: "triaged",
      data: { category: c.category, priority: c.priority, flags: c.flags, confidence: c.confidence, needsPerson: c.needsPerson },
      rules: [...applied.triage, ...c.ruleIds]
    }
  ],
  correctTriage: (c, state) => [
    {
      type: "triageCorrected",
      data: {
        category: c.category,
        priority: c.priority,
        flags: c.flags,
        previous: { category: state.category ?? "", priority: state.priority ?? "normal", flags: state.flags }
      },
      texts: { reason: c.reason },
      rules: applied.correctTriage
    }
  ],
  assign: (c) => [{ type: "assigned", data: { officerId: c.officerId }, rules: [...applied.assign, ...c.ruleIds] }],
  reassign: (c, state) => [
    { type: "reassigned", data: { officerId: c.officerId, previousOfficerId: holder(state) }, texts: { reason: c.reason }, rules: applied.reassign }
  ],
  unassign: (c, state) => [{ type: "unassigned", data: { previousOfficerId: holder(state) }, texts: { reason: c.reason }, rules: applied.unassign }],
  startReview: () => [{ type: "reviewStarted", data: {}, rules: applied.startReview }],
  declareExtraStudy: (c) => [
    {
      type: "extraStudyDeclared",
      data: c.applicantNotice === undefined ? {} : { applicantNotice: c.applicantNotice },
      texts: { reason: c.reason },
      rules: applied.declareExtraStudy
    }
  ],
  requestInformation: (c) => [{ type: "informationRequested", data: {}, texts: { request: c.request }, rules: applied.requestInformation }],
  provideInformation: (c) => [{ type: "informationProvided", data: {}, texts: { note: c.note }, rules: applied.provideInformation }],
  extendDeadline: (c) => [
    { type: "deadlineExtended", data: { applicantNotice: c.applicantNotice }, texts: { reason: c.reason }, rules: applied.extendDeadline }
  ],
  forward: (c) => [{ type: "forwarded", data: { body: c.body, applicantNotice: c.applicantNotice }, rules: applied.forward }],
  handToCriminalProcedure: (c) => [{ type: "handedToCriminalProcedure", data: { reference: c.reference }, rules: applied.handToCriminalProcedure }],
  issueProtectionOrder: (c) => [
    { type: "protectionOrderIssued", data: { orderNumber: c.orderNumber, validUntil: c.validUntil }, rules: applied.issueProtectionOrder }
  ],
  refuseProtectionOrder: (c) => [{ type: "protectionOrderRefused", data: {}, texts: { reason: c.reason }, rules: applied.refuseProtectionOrder }],
  extendProtectionOrder: (c, state) => [
    {
      type: "protectionOrderExtended",
      data: { orderNumber: c.orderNumber, previousValidUntil: issuedOrder(state).validUntil, validUntil: c.validUntil, onVictimApplication: c.onVictimApplication },
      texts: { reason: c.reason },
      rules: applied.extendProtectionOrder
    }
  ],
  recordProtectionOrderBreach: (c) => [
    {
      type: "protectionOrderBreached",
      data: c.reference === undefined ? { orderNumber: c.orderNumber, occurredAt: c.occurredAt } : { orderNumber: c.orderNumber, occurredAt: c.occurredAt, reference: c.reference },
      rules: applied.recordProtectionOrderBreach
    }
  ],
  planMeasure: measureEvents,
  completeMeasure: measureEvents,
  cancelMeasure: measureEvents,
  answer: (c) => [
    {
      type: "answered",
      data: c.approvedBy === undefined ? { outcome: c.outcome } : { outcome: c.outcome, approvedBy: c.approvedBy },
      texts: { answerText: c.answerText, legalBasis: c.legalBasis },
      rules: applied.answer
    }
  ],
  close: () => [{ type: "closed", data: {}, rules: applied.close }],
  rate: (c) => [
    c.comment === undefined
      ? { type: "rated", data: { score: c.score }, rules: applied.rate }
      : { type: "rated", data: { score: c.score }, texts: { comment: c.comment }, rules: applied.rate }
  ],
  dispute: (c) => [{ type: "disputed", data: { repeatAppealId: c.repeatAppealId }, texts: { reason: c.reason }, rules: applied.dispute }],
  mergeInto: (c) => [{ type: "mergedAsDuplicate", data: { targetAppealId: c.targetAppealId }, texts: { reason: c.reason }, rules: applied.mergeInto }],
  withdraw: (c) => [
    c.reason === undefined
      ? { type: "withdrawn", data: {}, rules: applied.withdraw }
      : { type: "withdrawn", data: {}, texts: { reason: c.reason }, rules: applied.withdraw }
  ],
  escalate: (c) => [
    {
      type: "escalated",
      data: c.supervisorId === undefined ? {} : { supervisorId: c.supervisorId },
      texts: { reason: c.reason },
      rules: applied.escalate
    }
  ]
}

// The correlation TypeScript needs (microsoft/TypeScript#47109): the command of type C goes to the
// recorder of C.
const record = <C extends Command.Type>(command: Command.Of<C>, state: AppealState.AppealState, ctx: AppealMachine.Context): ReadonlyArray<Event.Pending> =>
  records[command.type](command, state, ctx)

/**
 * Decides a command: the events it produces, or why it is refused. Refusals come in this order:
 * the command does not exist in this status (`InvalidTransition`: xstate's `transition` takes no
 * transition); the actor may not give it (`NotAuthorized`, with the reason); a rule does not hold
 * (`RuleViolation`, with the rule id and its legal source). The grant is evaluated once, after the
 * machine has said where the command leads (see `AppealMachine`). The events are pending: their
 * free texts and personal data are digested when they are sealed (`Audit.seal`, `execute`).
 *
 * @example
 * import { Actor, AppealState, Lifecycle } from "@murojaat/core"
 * const s = { ...AppealState.initial("A-1"), status: "received" as const, mahallaCode: "M1", districtCode: "D1" }
 * const r = Lifecycle.decide(s, { type: "register", appealId: "A-1", registrationNumber: "D1-2026-1" } as any,
 *   { now: "2026-03-02T05:00:00.000Z", actor: Actor.system("registry") })
 * r._tag === "Right" && r.right.events[0]!.type // "registered"
 *
 * @since 0.1.0
 * @category decide
 */
export const decide = (
  state: AppealState.AppealState,
  command: Command.Command,
  ctx: AppealMachine.Context
): Either.Either<Decision, DecideError> => {
  if (command.appealId !== state.appealId) {
    return Either.left(
      new Errors.InvalidInput({
        subject: "Command",
        issues: [new Errors.FieldIssue({ path: "appealId", problem: "invalidValue", expected: state.appealId, detail: "command names another appeal" })]
      })
    )
  }
  const [next, actions] = transition(AppealMachine.machine, AppealMachine.snapshot(state.status), command)
  if (actions.length === 0) {
    return Either.left(new Errors.InvalidTransition({ appealId: state.appealId, state: state.status, command: command.type }))
  }
  const verdict = AppealMachine.evaluate({ state, command, ctx })
  if (!verdict.ok) {
    return Either.left(
      verdict.refusal === "rule"
        ? new Errors.RuleViolation({ appealId: state.appealId, rule: verdict.rule, source: AppealMachine.guard(verdict.rule).source })
        : new Errors.NotAuthorized({ actor: Actor.label(ctx.actor), command: command.type, reason: verdict.refusal })
    )
  }
  return Either.right({ events: record(command, state, ctx), role: verdict.role, status: next.value })
}

const statusAfter: { readonly [T in Event.Type]: AppealState.Status | null } = {
  received: "received",
  registered: "registered",
  leftWithoutConsideration: "leftWithoutConsideration",
  triaged: "triaged",
  triageCorrected: null,
  assigned: "assigned",
  reassigned: "assigned",
  unassigned: "triaged",
  reviewStarted: "inReview",
  extraStudyDeclared: null,
  informationRequested: "awaitingApplicant",
  informationProvided: "inReview",
  deadlineExtended: null,
  escalated: null,
  forwarded: "forwarded",
  handedToCriminalProcedure: "handedToCriminalProcedure",
  protectionOrderIssued: null,
  protectionOrderRefused: null,
  protectionOrderExtended: null,
  protectionOrderBreached: null,
  measurePlanned: null,
  measureCompleted: null,
  measureCancelled: null,
  answered: "answered",
  closed: "closed",
  rated: null,
  disputed: null,
  mergedAsDuplicate: "mergedAsDuplicate",
  withdrawn: "withdrawn"
}

type State = AppealState.AppealState

// A state as `evolve` builds it: every field present (an absent one is `undefined`, which JSON,
// canonical JSON and Schema read as absent), always in the same order. So every state `evolve`
// returns has one shape, and V8 copies and reads it on its fast path; a spread of states of many
// shapes (keys added as the appeal goes on) costs more than xstate's transition itself. A field
// added to `AppealState` must be added to `draft`: this type does not compile without it.
type Optional = { [K in keyof State]-?: {} extends Pick<State, K> ? K : never }[keyof State]
type Draft = { -readonly [K in keyof Required<State>]: K extends Optional ? State[K] | undefined : State[K] }

const draft = (s: State): Draft => ({
  appealId: s.appealId, status: s.status, version: s.version, lastHash: s.lastHash, kind: s.kind, channel: s.channel,
  regionCode: s.regionCode, districtCode: s.districtCode, mahallaCode: s.mahallaCode, applicantRef: s.applicantRef,
  subjectOfficerId: s.subjectOfficerId, anonymous: s.anonymous,
  representativeWithoutAuthority: s.representativeWithoutAuthority, personalDigest: s.personalDigest, receivedAt: s.receivedAt,
  lateEntry: s.lateEntry, registeredAt: s.registeredAt, registrationNumber: s.registrationNumber, category: s.category,
  priority: s.priority, flags: s.flags, needsPerson: s.needsPerson, assigneeId: s.assigneeId, extraStudy: s.extraStudy,
  extended: s.extended, escalated: s.escalated, awaitingSince: s.awaitingSince, pauses: s.pauses, outcome: s.outcome,
  answeredAt: s.answeredAt, closedAt: s.closedAt, rating: s.rating, forwardedTo: s.forwardedTo,
  criminalReference: s.criminalReference, protectionOrder: s.protectionOrder, protectionOrderDecided: s.protectionOrderDecided,
  measures: s.measures, mergedInto: s.mergedInto, disputedBy: s.disputedBy, links: s.links, updatedAt: s.updatedAt, clockFacts: s.clockFacts
})

// Writes what one event establishes into the new state.
const apply = (next: Draft, s: State, e: Event.AppealEvent): void => {
  switch (e.type) {
    case "received": {
      const d = e.data
      next.kind = d.kind
      next.channel = d.channel
      next.regionCode = d.regionCode
      next.districtCode = d.districtCode
      next.mahallaCode = d.mahallaCode
      if (d.applicantRef !== undefined) next.applicantRef = d.applicantRef
      if (d.subjectOfficerId !== undefined) next.subjectOfficerId = d.subjectOfficerId
      next.anonymous = d.anonymous
      next.representativeWithoutAuthority = d.representativeWithoutAuthority
      next.personalDigest = d.personalDigest
      next.receivedAt = d.receivedAt
      const late = AppealState.lateEntryOf(d.receivedAt, e.at).lateEntry
      if (late !== undefined) next.lateEntry = late
      next.links = d.links
      return
    }
    case "registered":
      next.registrationNumber = e.data.registrationNumber
      next.registeredAt = e.at
      return
    case "triaged":
    case "triageCorrected":
      next.category = e.data.category
      next.priority = e.data.priority
      next.flags = e.data.flags
      next.needsPerson = e.type === "triaged" ? e.data.needsPerson : false
      return
    case "assigned":
    case "reassigned":
      next.assigneeId = e.data.officerId
      return
    case "unassigned":
      next.assigneeId = undefined
      return
    case "extraStudyDeclared":
      next.extraStudy = true
      return
    case "informationRequested":
      next.awaitingSince = e.at
      return
    case "informationProvided":
      next.awaitingSince = undefined
      if (s.awaitingSince !== undefined) next.pauses = [...(s.pauses ?? []), { from: s.awaitingSince, to: e.at }]
      return
    case "deadlineExtended":
      next.extended = true
      return
    case "escalated":
      next.escalated = true
      return
    case "forwarded":
      next.forwardedTo = e.data.body
      return
    case "handedToCriminalProcedure":
      next.criminalReference = e.data.reference
      return
    case "protectionOrderIssued":
      next.protectionOrder = { orderNumber: e.data.orderNumber, validUntil: e.data.validUntil }
      next.protectionOrderDecided = true
      return
    case "protectionOrderRefused":
      next.protectionOrderDecided = true
      return
    case "protectionOrderExtended":
      if (s.protectionOrder !== undefined) {
        next.protectionOrder = { ...s.protectionOrder, validUntil: e.data.validUntil, extensions: (s.protectionOrder.extensions ?? 0) + 1 }
      }
      return
    case "protectionOrderBreached":
      if (s.protectionOrder !== undefined) {
        next.protectionOrder = { ...s.protectionOrder, breaches: [...(s.protectionOrder.breaches ?? []), { occurredAt: e.data.occurredAt, recordedAt: e.at }] }
      }
      return
    case "measurePlanned":
    case "measureCompleted":
    case "measureCancelled":
      next.measures = PreventiveMeasure.evolve(s.measures ?? [], e)
      return
    case "answered":
      next.outcome = e.data.outcome
      next.answeredAt = e.at
      return
    case "closed":
      next.closedAt = e.at
      return
    case "rated":
      next.rating = e.data.score
      return
    case "disputed":
      next.disputedBy = [...s.disputedBy, e.data.repeatAppealId]
      return
    case "mergedAsDuplicate":
      next.mergedInto = e.data.targetAppealId
      return
    case "reviewStarted":
    case "leftWithoutConsideration":
    case "withdrawn":
      return
  }
}

/**
 * Folds one event into the state. It trusts the event (the decision was made when it was
 * recorded), so replaying history never re-runs today's rules on yesterday's facts. The state it
 * returns has every field of `AppealState.AppealState`, an absent one `undefined`.
 *
 * @example
 * import { Actor, AppealState, Audit, Lifecycle } from "@murojaat/core"
 * const [e] = Audit.seal({ version: 0, lastHash: Audit.genesis }, [{ type: "reviewStarted", data: {}, rules: [] }],
 *   { appealId: "A-1", at: "2026-01-05T05:00:00.000Z", actor: Actor.ref(Actor.system("t"), "system") })
 * const s = Lifecycle.evolve(AppealState.initial("A-1"), e!)
 * s.status // "inReview"
 * s.version // 1
 *
 * @since 0.1.0
 * @category evolve
 */
export const evolve = (state: State, event: Event.AppealEvent): State => {
  // One copy per event, then what the event establishes and the envelope's facts.
  const next = draft(state)
  apply(next, state, event)
  next.status = statusAfter[event.type] ?? state.status
  next.version = event.seq
  next.lastHash = event.hash
  next.updatedAt = event.at
  // What the legal clocks need from the history, gathered here so that no commit reads it again
  // (`undefined` only for a state stored before they existed, which had none).
  next.clockFacts = ClockFacts.fold(state, event)
  return next
}

/**
 * Rebuilds an appeal's state from its events.
 *
 * @example
 * import { Lifecycle } from "@murojaat/core"
 * Lifecycle.replay("A-1", []).status // "none"
 *
 * @since 0.1.0
 * @category evolve
 */
export const replay = (appealId: string, events: ReadonlyArray<Event.AppealEvent>): AppealState.AppealState =>
  events.reduce(evolve, AppealState.initial(appealId))

/**
 * The result of executing a command: the sealed events, the new state, and the events' free texts
 * for the personal-data record (`AppealStore.StreamWrite.texts`).
 *
 * @example
 * import { Lifecycle } from "@murojaat/core"
 * const r: Lifecycle.Executed = { events: [], state: Lifecycle.replay("A-1", []), role: "system", texts: [] }
 *
 * @since 0.1.0
 * @category engine
 */
export interface Executed {
  readonly events: ReadonlyArray<Event.AppealEvent>
  readonly state: AppealState.AppealState
  readonly role: Actor.Role
  readonly texts: ReadonlyArray<Event.TextRecord>
}

/**
 * Decides a command, seals the events onto the appeal's hash chain (actor, time, causation and
 * correlation ids from the command) and folds them into the new state. Free texts (`Event.textFields`)
 * come back apart, in `texts`; the events carry their digest.
 *
 * @example
 * import { Actor, AppealState, Lifecycle } from "@murojaat/core"
 * const s = { ...AppealState.initial("A-1"), status: "received" as const, mahallaCode: "M1", districtCode: "D1" }
 * const r = Lifecycle.execute(s, { type: "register", appealId: "A-1", registrationNumber: "D1-2026-1" } as any,
 *   { now: "2026-03-02T05:00:00.000Z", actor: Actor.system("registry") })
 * r._tag === "Right" && r.right.state.status // "registered"
 * const w = Lifecycle.execute(s, { type: "escalate", appealId: "A-1", reason: "Karimov is waiting" } as any,
 *   { now: "2026-03-02T05:00:00.000Z", actor: Actor.system("deadline-timer") })
 * w._tag === "Right" && w.right.texts // [{ seq: 1, texts: { reason: "Karimov is waiting" } }]
 * w._tag === "Right" && JSON.stringify(w.right.events).includes("Karimov") // false
 *
 * @since 0.1.0
 * @category engine
 */
export const execute = (
  state: AppealState.AppealState,
  command: Command.Command,
  ctx: AppealMachine.Context
): Either.Either<Executed, DecideError> =>
  Either.map(decide(state, command, ctx), (d) => {
    const events = Audit.seal(state, d.events, {
      appealId: state.appealId,
      at: ctx.now,
      actor: Actor.ref(ctx.actor, d.role),
      causationId: command.commandId,
      correlationId: command.correlationId
    })
    // Sealing keeps the order of the decided events, so the i-th pending is the i-th sealed.
    const texts = d.events.flatMap((p, i) => (p.texts === undefined ? [] : [{ seq: events[i]!.seq, texts: p.texts }]))
    return { events, state: events.reduce(evolve, state), role: d.role, texts }
  })
