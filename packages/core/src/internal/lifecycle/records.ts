/**
 * The events each command records, by command, with their data, their rule ids and what they keep
 * apart (free texts, an intake's personal data). The public table and its documentation are
 * `Lifecycle.records`.
 */
// effect's Record module, under another name: `Record<K, V>` stays the TypeScript type.
import { Either, Record as Records } from "effect"
import * as Appeal from "../../Appeal.js"
import * as AppealMachine from "../../AppealMachine.js"
import type * as AppealState from "../../AppealState.js"
import type * as Command from "../../Command.js"
import * as Directory from "../../Directory.js"
import type * as Event from "../../Event.js"
import type * as Lifecycle from "../../Lifecycle.js"
import * as PreventiveMeasure from "../../PreventiveMeasure.js"

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

export const records: typeof Lifecycle.records = {
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
export const record = <C extends Command.Type>(command: Command.Of<C>, state: AppealState.AppealState, ctx: AppealMachine.Context): ReadonlyArray<Event.Pending> =>
  records[command.type](command, state, ctx)
