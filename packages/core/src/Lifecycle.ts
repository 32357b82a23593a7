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

/**
 * What `decide` may refuse with.
 *
 * @example
 * import { Lifecycle } from "@murojaat/core"
 * const code = (e: Lifecycle.DecideError) => e._tag
 */
export type DecideError = Errors.InvalidTransition | Errors.NotAuthorized | Errors.RuleViolation | Errors.InvalidInput

/**
 * A decision: the events to record (pending: their free texts and personal data are digested when
 * they are sealed), the role the actor acted in and the status the machine moves to.
 *
 * @example
 * import { Lifecycle } from "@murojaat/core"
 * const d: Lifecycle.Decision = { events: [], role: "system", status: "received" }
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
        ? new Errors.RuleViolation({ appealId: state.appealId, rule: verdict.rule, source: AppealMachine.rules[verdict.rule].source })
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
  answered: "answered",
  closed: "closed",
  rated: null,
  disputed: null,
  mergedAsDuplicate: "mergedAsDuplicate",
  withdrawn: "withdrawn"
}

const fold = (s: AppealState.AppealState, e: Event.AppealEvent): Partial<AppealState.AppealState> => {
  switch (e.type) {
    case "received": {
      const d = e.data
      return {
        kind: d.kind,
        channel: d.channel,
        regionCode: d.regionCode,
        districtCode: d.districtCode,
        mahallaCode: d.mahallaCode,
        ...(d.applicantRef !== undefined ? { applicantRef: d.applicantRef } : {}),
        ...(d.subjectOfficerId !== undefined ? { subjectOfficerId: d.subjectOfficerId } : {}),
        anonymous: d.anonymous,
        representativeWithoutAuthority: d.representativeWithoutAuthority,
        personalDigest: d.personalDigest,
        receivedAt: d.receivedAt,
        ...AppealState.lateEntryOf(d.receivedAt, e.at),
        links: d.links
      }
    }
    case "registered":
      return { registrationNumber: e.data.registrationNumber, registeredAt: e.at }
    case "triaged":
    case "triageCorrected":
      return {
        category: e.data.category,
        priority: e.data.priority,
        flags: e.data.flags,
        needsPerson: e.type === "triaged" ? e.data.needsPerson : false
      }
    case "assigned":
    case "reassigned":
      return { assigneeId: e.data.officerId }
    case "unassigned":
      return { assigneeId: undefined }
    case "extraStudyDeclared":
      return { extraStudy: true }
    case "informationRequested":
      return { awaitingSince: e.at }
    case "informationProvided":
      return { awaitingSince: undefined, ...(s.awaitingSince === undefined ? {} : { pauses: [...(s.pauses ?? []), { from: s.awaitingSince, to: e.at }] }) }
    case "deadlineExtended":
      return { extended: true }
    case "escalated":
      return { escalated: true }
    case "forwarded":
      return { forwardedTo: e.data.body }
    case "handedToCriminalProcedure":
      return { criminalReference: e.data.reference }
    case "protectionOrderIssued":
      return { protectionOrder: { orderNumber: e.data.orderNumber, validUntil: e.data.validUntil }, protectionOrderDecided: true }
    case "protectionOrderRefused":
      return { protectionOrderDecided: true }
    case "answered":
      return { outcome: e.data.outcome, answeredAt: e.at }
    case "closed":
      return { closedAt: e.at }
    case "rated":
      return { rating: e.data.score }
    case "disputed":
      return { disputedBy: [...s.disputedBy, e.data.repeatAppealId] }
    case "mergedAsDuplicate":
      return { mergedInto: e.data.targetAppealId }
    case "reviewStarted":
    case "leftWithoutConsideration":
    case "withdrawn":
      return {}
  }
}

/**
 * Folds one event into the state. It trusts the event (the decision was made when it was
 * recorded), so replaying history never re-runs today's rules on yesterday's facts.
 *
 * @example
 * import { Actor, AppealState, Audit, Lifecycle } from "@murojaat/core"
 * const [e] = Audit.seal({ version: 0, lastHash: Audit.genesis }, [{ type: "reviewStarted", data: {}, rules: [] }],
 *   { appealId: "A-1", at: "2026-01-05T05:00:00.000Z", actor: Actor.ref(Actor.system("t"), "system") })
 * const s = Lifecycle.evolve(AppealState.initial("A-1"), e!)
 * s.status // "inReview"
 * s.version // 1
 */
export const evolve = (state: AppealState.AppealState, event: Event.AppealEvent): AppealState.AppealState => {
  const patch = fold(state, event)
  // One copy per event: the patch and the envelope's facts, then the fields the patch cleared.
  const next: Record<string, unknown> = {
    ...state,
    ...patch,
    status: statusAfter[event.type] ?? state.status,
    version: event.seq,
    lastHash: event.hash,
    updatedAt: event.at
  }
  for (const k in patch) if (next[k] === undefined) delete next[k]
  // What the legal clocks need from the history, gathered here so that no commit reads it again.
  const clocks = ClockFacts.fold(state, event)
  if (clocks !== undefined) next.clockFacts = clocks
  return next as AppealState.AppealState
}

/**
 * Rebuilds an appeal's state from its events.
 *
 * @example
 * import { Lifecycle } from "@murojaat/core"
 * Lifecycle.replay("A-1", []).status // "none"
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
