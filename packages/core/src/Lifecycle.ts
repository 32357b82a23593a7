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
import * as Errors from "./Errors.js"
import * as Event from "./Event.js"

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

const data = <T extends Event.Type>(type: T, command: Command.Command, state: AppealState.AppealState, ctx: AppealMachine.Context): Event.Data<T> => {
  const c = command as Command.Command & Record<string, unknown>
  switch (type) {
    case "received": {
      const intake = (command as Command.Of<"receive">).intake
      const { facts, personal } = Appeal.split(intake)
      return { ...facts, receivedAt: intake.receivedAt ?? ctx.now, personalDigest: Audit.digest(personal) } as Event.Data<T>
    }
    case "triaged": {
      const t = command as Command.Of<"triage">
      return { category: t.category, priority: t.priority, flags: t.flags, confidence: t.confidence, needsPerson: t.needsPerson } as Event.Data<T>
    }
    case "triageCorrected": {
      const t = command as Command.Of<"correctTriage">
      return {
        category: t.category,
        priority: t.priority,
        flags: t.flags,
        reason: t.reason,
        previous: { category: state.category ?? "", priority: state.priority ?? "normal", flags: state.flags }
      } as Event.Data<T>
    }
    case "reassigned":
      return { officerId: c.officerId, previousOfficerId: state.assigneeId, reason: c.reason } as Event.Data<T>
    case "unassigned":
      return { previousOfficerId: state.assigneeId, reason: c.reason } as Event.Data<T>
    case "assigned":
      return { officerId: c.officerId } as Event.Data<T>
    default: {
      // The remaining events carry the command's own fields, without the envelope.
      const { type: _t, appealId: _a, commandId: _c, correlationId: _r, ...rest } = c
      return rest as Event.Data<T>
    }
  }
}

// The event's free texts leave its data for the personal-data record; the data keeps their digest
// (an optional text not given leaves neither).
const withTexts = (type: Event.Type, data: Record<string, unknown>): { readonly data: Record<string, unknown>; readonly texts?: Event.Texts } => {
  const fields = Event.textFields[type]
  if (fields === undefined) return { data }
  const kept: Record<string, unknown> = { ...data }
  const texts: Record<string, string> = {}
  for (const f of fields) {
    if (typeof kept[f] === "string") texts[f] = kept[f]
    delete kept[f]
  }
  return Object.keys(texts).length === 0 ? { data: kept } : { data: { ...kept, textDigest: Audit.digest(texts) }, texts }
}

const extraRules = (command: Command.Command): ReadonlyArray<string> =>
  command.type === "triage" || command.type === "assign" ? command.ruleIds : []

/**
 * Decides a command: the events it produces, or why it is refused. Refusals come in this order:
 * the command does not exist in this status (`InvalidTransition`); the actor may not give it
 * (`NotAuthorized`, with the reason); a rule does not hold (`RuleViolation`, with the rule id and
 * its legal source).
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
  const grant = AppealMachine.table[state.status][command.type] === undefined ? undefined : AppealMachine.grants[command.type]
  if (grant === undefined) {
    return Either.left(new Errors.InvalidTransition({ appealId: state.appealId, state: state.status, command: command.type }))
  }
  const input: AppealMachine.GuardInput = { state, command, ctx }
  const verdict = AppealMachine.evaluate(grant, input)
  if (!verdict.ok) {
    return Either.left(
      verdict.refusal === "rule"
        ? new Errors.RuleViolation({ appealId: state.appealId, rule: verdict.rule, source: AppealMachine.rules[verdict.rule].source })
        : new Errors.NotAuthorized({ actor: Actor.label(ctx.actor), command: command.type, reason: verdict.refusal })
    )
  }
  const snapshot = AppealMachine.machine.resolveState({ value: state.status, context: {} })
  const [next, actions] = transition(AppealMachine.machine, snapshot, { type: command.type, input })
  const rules = [`lifecycle.${command.type}`, ...grant.rules, ...extraRules(command)]
  const events = actions
    .filter((a) => a.type === "record")
    .map((a) => {
      const type = (a.params as { event: Event.Type }).event
      return { type, ...withTexts(type, data(type, command, state, ctx) as Record<string, unknown>), rules } as Event.Pending
    })
  return Either.right({ events, role: verdict.role, status: next.value as AppealState.Status })
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
  const next: Record<string, unknown> = { ...state, ...patch }
  for (const k of Object.keys(patch)) if (next[k] === undefined) delete next[k]
  return {
    ...(next as AppealState.AppealState),
    status: statusAfter[event.type] ?? state.status,
    version: event.seq,
    lastHash: event.hash,
    updatedAt: event.at
  }
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
