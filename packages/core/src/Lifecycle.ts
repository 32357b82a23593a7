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
import { Either } from "effect"
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
 * A decision: the events to record and the role the actor acted in.
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

// A person's free texts leave the event for the personal-data record; the event keeps their digest.
const written = (texts: Event.Texts) => ({ textDigest: Audit.digest(texts), texts })

/**
 * What a command records: for each command, its events with their data and free texts (the rule
 * ids are added by `decide`). Free texts (`Event.textFields`) go to `texts`, and the data carries
 * their digest (`textDigest`).
 *
 * @example
 * import { Lifecycle } from "@murojaat/core"
 * const r: Lifecycle.Recorded = { type: "reviewStarted", data: {} }
 */
export type Recorded = {
  readonly [T in Event.Type]: { readonly type: T; readonly data: Event.Data<T>; readonly texts?: Event.Texts | undefined }
}[Event.Type]

/**
 * The events of each command, typed by command: `(command, state, ctx) => events`.
 *
 * @example
 * import { Actor, AppealState, Lifecycle } from "@murojaat/core"
 * Lifecycle.records.startReview({ type: "startReview", appealId: "A-1" } as any, AppealState.initial("A-1"), { now: "2026-03-02T05:00:00.000Z", actor: Actor.system("x") })
 * // [{ type: "reviewStarted", data: {} }]
 */
export const records: {
  readonly [C in Command.Type]: (command: Command.Of<C>, state: AppealState.AppealState, ctx: AppealMachine.Context) => ReadonlyArray<Recorded>
} = {
  receive: (c, _state, ctx) => {
    const { facts, personal } = Appeal.split(c.intake)
    return [{ type: "received", data: { ...facts, receivedAt: c.intake.receivedAt ?? ctx.now, personalDigest: Audit.digest(personal) } }]
  },
  register: (c) => [{ type: "registered", data: { registrationNumber: c.registrationNumber } }],
  leaveWithoutConsideration: (c) => {
    const t = written({ conclusion: c.conclusion })
    return [{ type: "leftWithoutConsideration", data: { ground: c.ground, approvedBy: c.approvedBy, textDigest: t.textDigest }, texts: t.texts }]
  },
  triage: (c) => [
    { type: "triaged", data: { category: c.category, priority: c.priority, flags: c.flags, confidence: c.confidence, needsPerson: c.needsPerson } }
  ],
  correctTriage: (c, state) => {
    const t = written({ reason: c.reason })
    const previous = { category: state.category ?? "", priority: state.priority ?? "normal", flags: state.flags }
    return [{ type: "triageCorrected", data: { category: c.category, priority: c.priority, flags: c.flags, previous, textDigest: t.textDigest }, texts: t.texts }]
  },
  assign: (c) => [{ type: "assigned", data: { officerId: c.officerId } }],
  reassign: (c, state) => {
    const t = written({ reason: c.reason })
    return [{ type: "reassigned", data: { officerId: c.officerId, previousOfficerId: holder(state), textDigest: t.textDigest }, texts: t.texts }]
  },
  unassign: (c, state) => {
    const t = written({ reason: c.reason })
    return [{ type: "unassigned", data: { previousOfficerId: holder(state), textDigest: t.textDigest }, texts: t.texts }]
  },
  startReview: () => [{ type: "reviewStarted", data: {} }],
  declareExtraStudy: (c) => {
    const t = written({ reason: c.reason })
    const notice = c.applicantNotice === undefined ? {} : { applicantNotice: c.applicantNotice }
    return [{ type: "extraStudyDeclared", data: { ...notice, textDigest: t.textDigest }, texts: t.texts }]
  },
  requestInformation: (c) => {
    const t = written({ request: c.request })
    return [{ type: "informationRequested", data: { textDigest: t.textDigest }, texts: t.texts }]
  },
  provideInformation: (c) => {
    const t = written({ note: c.note })
    return [{ type: "informationProvided", data: { textDigest: t.textDigest }, texts: t.texts }]
  },
  extendDeadline: (c) => {
    const t = written({ reason: c.reason })
    return [{ type: "deadlineExtended", data: { applicantNotice: c.applicantNotice, textDigest: t.textDigest }, texts: t.texts }]
  },
  forward: (c) => [{ type: "forwarded", data: { body: c.body, applicantNotice: c.applicantNotice } }],
  handToCriminalProcedure: (c) => [{ type: "handedToCriminalProcedure", data: { reference: c.reference } }],
  issueProtectionOrder: (c) => [{ type: "protectionOrderIssued", data: { orderNumber: c.orderNumber, validUntil: c.validUntil } }],
  refuseProtectionOrder: (c) => {
    const t = written({ reason: c.reason })
    return [{ type: "protectionOrderRefused", data: { textDigest: t.textDigest }, texts: t.texts }]
  },
  answer: (c) => {
    const t = written({ answerText: c.answerText, legalBasis: c.legalBasis })
    const approval = c.approvedBy === undefined ? {} : { approvedBy: c.approvedBy }
    return [{ type: "answered", data: { outcome: c.outcome, ...approval, textDigest: t.textDigest }, texts: t.texts }]
  },
  close: () => [{ type: "closed", data: {} }],
  rate: (c) => {
    if (c.comment === undefined) return [{ type: "rated", data: { score: c.score } }]
    const t = written({ comment: c.comment })
    return [{ type: "rated", data: { score: c.score, textDigest: t.textDigest }, texts: t.texts }]
  },
  dispute: (c) => {
    const t = written({ reason: c.reason })
    return [{ type: "disputed", data: { repeatAppealId: c.repeatAppealId, textDigest: t.textDigest }, texts: t.texts }]
  },
  mergeInto: (c) => {
    const t = written({ reason: c.reason })
    return [{ type: "mergedAsDuplicate", data: { targetAppealId: c.targetAppealId, textDigest: t.textDigest }, texts: t.texts }]
  },
  withdraw: (c) => {
    if (c.reason === undefined) return [{ type: "withdrawn", data: {} }]
    const t = written({ reason: c.reason })
    return [{ type: "withdrawn", data: { textDigest: t.textDigest }, texts: t.texts }]
  },
  escalate: (c) => {
    const t = written({ reason: c.reason })
    const supervisor = c.supervisorId === undefined ? {} : { supervisorId: c.supervisorId }
    return [{ type: "escalated", data: { ...supervisor, textDigest: t.textDigest }, texts: t.texts }]
  }
}

// The correlation TypeScript needs (microsoft/TypeScript#47109): the command of type C goes to the
// recorder of C.
const record = <C extends Command.Type>(command: Command.Of<C>, state: AppealState.AppealState, ctx: AppealMachine.Context): ReadonlyArray<Recorded> =>
  records[command.type](command, state, ctx)

const extraRules = (command: Command.Command): ReadonlyArray<string> =>
  command.type === "triage" || command.type === "assign" ? command.ruleIds : []

/**
 * Decides a command: the events it produces, or why it is refused. Refusals come in this order:
 * the command does not exist in this status (`InvalidTransition`: xstate's `transition` takes no
 * transition); the actor may not give it (`NotAuthorized`, with the reason); a rule does not hold
 * (`RuleViolation`, with the rule id and its legal source). The grant is evaluated once, after the
 * machine has said where the command leads (see `AppealMachine`).
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
  const rules = [`lifecycle.${command.type}`, ...AppealMachine.grants[command.type].rules, ...extraRules(command)]
  const events: ReadonlyArray<Event.Pending> = record(command, state, ctx).map((e) => ({ ...e, rules }))
  return Either.right({ events, role: verdict.role, status: next.value })
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
