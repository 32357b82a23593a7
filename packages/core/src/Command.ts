/**
 * Commands: what an actor asks to happen to an appeal. Each decodes from untrusted input
 * (`Decode.unknown(Command.Command, "Command")`). The lifecycle machine decides whether the command
 * exists in the appeal's state, whether this actor may give it, and which events it produces.
 *
 * Every command names its appeal and may carry a `commandId` (recorded as the events' causation id
 * and usable as an idempotency key) and a `correlationId` (to follow one piece of work across
 * appeals and systems).
 *
 * @example
 * import { Command, Decode } from "@murojaat/core"
 * Decode.either(Command.Command, "Command")({ type: "startReview", appealId: "A-1" })._tag // "Right"
 */
import { Schema } from "effect"
import * as Appeal from "./Appeal.js"
import * as Directory from "./Directory.js"
import * as Limits from "./Limits.js"
import * as PreventiveMeasure from "./PreventiveMeasure.js"
import * as ProtectionOrder from "./ProtectionOrder.js"

const envelope = {
  appealId: Appeal.AppealId,
  commandId: Schema.optional(Limits.requiredText(Limits.defaultSettings.opaqueId)),
  correlationId: Schema.optional(Limits.requiredText(Limits.defaultSettings.opaqueId))
}

const make = <T extends string, F extends Schema.Struct.Fields>(type: T, fields: F) =>
  Schema.Struct({ type: Schema.Literal(type), ...envelope, ...fields })

const limit = Limits.defaultSettings
const Reason = Limits.requiredText(limit.reason).pipe(Schema.minLength(3))
const Note = Limits.requiredText(limit.note)
const Reference = Limits.requiredText(limit.reference)

/**
 * How the applicant was told in writing (extension, forwarding): the channel and the outgoing
 * document's reference.
 *
 * @example
 * import { Command } from "@murojaat/core"
 * import { Schema } from "effect"
 * Schema.decodeUnknownSync(Command.Notice)({ channel: "post", reference: "OUT-2026-17" })
 *
 * @since 0.1.0
 * @category models
 */
export const Notice = Schema.Struct({
  channel: Schema.Literal("post", "email", "sms", "app", "inPerson"),
  reference: Reference
})
/** @see Notice */
export type Notice = typeof Notice.Type

/**
 * Legal grounds to leave an appeal without consideration. The first three are ZRU-445 Art. 29;
 * the last three are grounds that appeal portals apply (insults or threats, meaningless text,
 * advertising). They are enabled by the `Lifecycle.Settings.portalGrounds` setting.
 *
 * @example
 * import { Command } from "@murojaat/core"
 * Command.LeaveGround.literals[0] // "anonymous"
 *
 * @since 0.1.0
 * @category models
 */
export const LeaveGround = Schema.Literal(
  "anonymous",
  "noRepresentativeAuthority",
  "otherRequirements",
  "insultsOrThreats",
  "meaninglessText",
  "advertising"
)
/** @see LeaveGround */
export type LeaveGround = typeof LeaveGround.Type

/**
 * Outcome of an answer, as official reporting counts them: resolved in the applicant's favour,
 * a legal explanation given, or rejected with grounds.
 *
 * @example
 * import { Command } from "@murojaat/core"
 * Command.Outcome.literals // ["satisfied", "explained", "rejectedWithGrounds"]
 *
 * @since 0.1.0
 * @category models
 */
export const Outcome = Schema.Literal("satisfied", "explained", "rejectedWithGrounds")
/** @see Outcome */
export type Outcome = typeof Outcome.Type

/**
 * A body an appeal is forwarded to.
 *
 * @example
 * import { Command } from "@murojaat/core"
 * import { Schema } from "effect"
 * Schema.decodeUnknownSync(Command.Body)({ name: "Yunusobod tumani hokimligi" })
 *
 * @since 0.1.0
 * @category models
 */
export const Body = Schema.Struct({
  code: Schema.optional(Limits.requiredText(limit.code)),
  name: Limits.requiredText(limit.organisationName).pipe(Schema.minLength(2))
})
/** @see Body */
export type Body = typeof Body.Type

const Category = Limits.matching(64, /^[a-zA-Z][a-zA-Z0-9]{0,63}$/)
const Flags = Limits.array(Category, limit.flags)
const RuleIds = Limits.array(Limits.requiredText(limit.ruleId), limit.ruleIds)

/**
 * Receive an appeal from any channel. @example import { Command } from "@murojaat/core"; Command.Receive.fields.type.literals // ["receive"]
 *
 * @since 0.1.0
 * @category commands
 */
export const Receive = make("receive", { intake: Appeal.Intake })
/**
 * Register it: gives the registration number; refusal is forbidden (ZRU-445 Art. 23). @example import { Command } from "@murojaat/core"; Command.Register.fields.type.literals // ["register"]
 *
 * @since 0.1.0
 * @category commands
 */
export const Register = make("register", { registrationNumber: Schema.String.pipe(Schema.minLength(1), Schema.maxLength(64)) })
/**
 * Leave without consideration on a ground of ZRU-445 Art. 29, with the written conclusion approved by the head. @example import { Command } from "@murojaat/core"; Command.LeaveWithoutConsideration.fields.type.literals // ["leaveWithoutConsideration"]
 *
 * @since 0.1.0
 * @category commands
 */
export const LeaveWithoutConsideration = make("leaveWithoutConsideration", {
  ground: LeaveGround,
  conclusion: Note.pipe(Schema.minLength(10)),
  approvedBy: Directory.OfficerId
})
/**
 * Set category, priority and flags (by the triage rules, or by an officer when they need a person). @example import { Command } from "@murojaat/core"; Command.Triage.fields.type.literals // ["triage"]
 *
 * @since 0.1.0
 * @category commands
 */
export const Triage = make("triage", {
  category: Category,
  priority: Appeal.Priority,
  flags: Flags,
  confidence: Schema.Number.pipe(Schema.between(0, 1)),
  needsPerson: Schema.Boolean,
  ruleIds: RuleIds
})
/**
 * Correct the triage, with a reason (audited; feeds the accuracy report). @example import { Command } from "@murojaat/core"; Command.CorrectTriage.fields.type.literals // ["correctTriage"]
 *
 * @since 0.1.0
 * @category commands
 */
export const CorrectTriage = make("correctTriage", { category: Category, priority: Appeal.Priority, flags: Flags, reason: Reason })
/**
 * Assign to an officer. @example import { Command } from "@murojaat/core"; Command.Assign.fields.type.literals // ["assign"]
 *
 * @since 0.1.0
 * @category commands
 */
export const Assign = make("assign", { officerId: Directory.OfficerId, ruleIds: Schema.optionalWith(RuleIds, { default: () => [] }) })
/**
 * Give it to another officer. @example import { Command } from "@murojaat/core"; Command.Reassign.fields.type.literals // ["reassign"]
 *
 * @since 0.1.0
 * @category commands
 */
export const Reassign = make("reassign", { officerId: Directory.OfficerId, reason: Reason })
/**
 * Take it from its officer back to the triaged queue. @example import { Command } from "@murojaat/core"; Command.Unassign.fields.type.literals // ["unassign"]
 *
 * @since 0.1.0
 * @category commands
 */
export const Unassign = make("unassign", { reason: Reason })
/**
 * The assigned officer starts working on it. @example import { Command } from "@murojaat/core"; Command.StartReview.fields.type.literals // ["startReview"]
 *
 * @since 0.1.0
 * @category commands
 */
export const StartReview = make("startReview", {})
/**
 * Declare that it needs extra study, checking or documents (term up to 1 month, ZRU-445 Art. 28); for a proposal, that it needs longer study, with the written notice to the proposer (`applicantNotice`, required for a taklif). @example import { Command } from "@murojaat/core"; Command.DeclareExtraStudy.fields.type.literals // ["declareExtraStudy"]
 *
 * @since 0.1.0
 * @category commands
 */
export const DeclareExtraStudy = make("declareExtraStudy", { reason: Reason, applicantNotice: Schema.optional(Notice) })
/**
 * Ask the applicant for information or documents. @example import { Command } from "@murojaat/core"; Command.RequestInformation.fields.type.literals // ["requestInformation"]
 *
 * @since 0.1.0
 * @category commands
 */
export const RequestInformation = make("requestInformation", { request: Note })
/**
 * The applicant's answer to a request (or its record by the officer). @example import { Command } from "@murojaat/core"; Command.ProvideInformation.fields.type.literals // ["provideInformation"]
 *
 * @since 0.1.0
 * @category commands
 */
export const ProvideInformation = make("provideInformation", { note: Note })
/**
 * Extend the deadline once, by at most one month, by the head, telling the applicant in writing (ZRU-445 Art. 28). @example import { Command } from "@murojaat/core"; Command.ExtendDeadline.fields.type.literals // ["extendDeadline"]
 *
 * @since 0.1.0
 * @category commands
 */
export const ExtendDeadline = make("extendDeadline", { reason: Reason, applicantNotice: Notice })
/**
 * Forward to the competent body, named, telling the applicant (ZRU-445; article not confirmed). @example import { Command } from "@murojaat/core"; Command.Forward.fields.type.literals // ["forward"]
 *
 * @since 0.1.0
 * @category commands
 */
export const Forward = make("forward", { body: Body, applicantNotice: Notice })
/**
 * Hand to the criminal-procedure track: the appeal reveals a crime (Criminal Procedure Code). @example import { Command } from "@murojaat/core"; Command.HandToCriminalProcedure.fields.type.literals // ["handToCriminalProcedure"]
 *
 * @since 0.1.0
 * @category commands
 */
export const HandToCriminalProcedure = make("handToCriminalProcedure", { reference: Reference })
/**
 * Answer with an outcome, the answer text and its legal basis. @example import { Command } from "@murojaat/core"; Command.Answer.fields.type.literals // ["answer"]
 *
 * @since 0.1.0
 * @category commands
 */
export const Answer = make("answer", {
  outcome: Outcome,
  answerText: Note,
  legalBasis: Limits.requiredText(limit.legalBasis).pipe(Schema.minLength(3)),
  approvedBy: Schema.optional(Directory.OfficerId)
})
/**
 * Issue a protection order for the victim (ZRU-561 of 2 Sep 2019): its number and when it ends. @example import { Command } from "@murojaat/core"; Command.IssueProtectionOrder.fields.type.literals // ["issueProtectionOrder"]
 *
 * @since 0.1.0
 * @category commands
 */
export const IssueProtectionOrder = make("issueProtectionOrder", {
  orderNumber: Reference,
  validUntil: Directory.Instant
})
/**
 * Decide, after study, that no protection order is issued, with the reason (ZRU-561). @example import { Command } from "@murojaat/core"; Command.RefuseProtectionOrder.fields.type.literals // ["refuseProtectionOrder"]
 *
 * @since 0.1.0
 * @category commands
 */
export const RefuseProtectionOrder = make("refuseProtectionOrder", { reason: Reason })
/**
 * Extend the protection order issued on this appeal to a later end, with the reason (ZRU-561; rules `protectionOrder.extension.*`). @example import { Command } from "@murojaat/core"; Command.ExtendProtectionOrder.fields.type.literals // ["extendProtectionOrder"]
 *
 * @since 0.1.0
 * @category commands
 */
export const ExtendProtectionOrder = make("extendProtectionOrder", ProtectionOrder.commandFields.extendProtectionOrder)
/**
 * Record a breach of the protection order issued on this appeal, when it happened, and the administrative case opened for it, if any (ZRU-561). @example import { Command } from "@murojaat/core"; Command.RecordProtectionOrderBreach.fields.type.literals // ["recordProtectionOrderBreach"]
 *
 * @since 0.1.0
 * @category commands
 */
export const RecordProtectionOrderBreach = make("recordProtectionOrderBreach", ProtectionOrder.commandFields.recordProtectionOrderBreach)
/**
 * Plan a preventive measure (prevention talk, home visit, entry on the preventive register, referral) on this appeal, linked to the other appeals behind it; the lifecycle gives its id (`<appealId>/M<n>`). @example import { Command } from "@murojaat/core"; Command.PlanMeasure.fields.type.literals // ["planMeasure"]
 *
 * @since 0.1.0
 * @category commands
 */
export const PlanMeasure = make("planMeasure", PreventiveMeasure.commandFields.planMeasure)
/**
 * Record that a planned measure was carried out, with its outcome and a note. @example import { Command } from "@murojaat/core"; Command.CompleteMeasure.fields.type.literals // ["completeMeasure"]
 *
 * @since 0.1.0
 * @category commands
 */
export const CompleteMeasure = make("completeMeasure", PreventiveMeasure.commandFields.completeMeasure)
/**
 * Cancel a planned measure, with the reason. @example import { Command } from "@murojaat/core"; Command.CancelMeasure.fields.type.literals // ["cancelMeasure"]
 *
 * @since 0.1.0
 * @category commands
 */
export const CancelMeasure = make("cancelMeasure", PreventiveMeasure.commandFields.cancelMeasure)
/**
 * Close an answered appeal. @example import { Command } from "@murojaat/core"; Command.Close.fields.type.literals // ["close"]
 *
 * @since 0.1.0
 * @category commands
 */
export const Close = make("close", {})
/**
 * The applicant rates the answer (1 to 5). @example import { Command } from "@murojaat/core"; Command.Rate.fields.type.literals // ["rate"]
 *
 * @since 0.1.0
 * @category commands
 */
export const Rate = make("rate", {
  score: Schema.Number.pipe(Schema.int(), Schema.between(1, 5)),
  comment: Schema.optional(Limits.text(limit.reason))
})
/**
 * The applicant disputes the answer: a repeated appeal is opened under a supervisor (ZRU-445: repeated appeal; Art. 22: complaint within 1 year). @example import { Command } from "@murojaat/core"; Command.Dispute.fields.type.literals // ["dispute"]
 *
 * @since 0.1.0
 * @category commands
 */
export const Dispute = make("dispute", { repeatAppealId: Appeal.AppealId, reason: Reason })
/**
 * Merge as a duplicate of another appeal (named). @example import { Command } from "@murojaat/core"; Command.MergeInto.fields.type.literals // ["mergeInto"]
 *
 * @since 0.1.0
 * @category commands
 */
export const MergeInto = make("mergeInto", { targetAppealId: Appeal.AppealId, reason: Reason })
/**
 * The applicant withdraws the appeal before the answer. @example import { Command } from "@murojaat/core"; Command.Withdraw.fields.type.literals // ["withdraw"]
 *
 * @since 0.1.0
 * @category commands
 */
export const Withdraw = make("withdraw", { reason: Schema.optional(Limits.text(limit.reason)) })
/**
 * Put it under a supervisor's control (overdue, or by the chief). @example import { Command } from "@murojaat/core"; Command.Escalate.fields.type.literals // ["escalate"]
 *
 * @since 0.1.0
 * @category commands
 */
export const Escalate = make("escalate", { reason: Reason, supervisorId: Schema.optional(Directory.OfficerId) })

/**
 * Any command.
 *
 * @example
 * import { Command } from "@murojaat/core"
 * import { Schema } from "effect"
 * Schema.decodeUnknownSync(Command.Command)({ type: "withdraw", appealId: "A-1" }).type // "withdraw"
 *
 * @since 0.1.0
 * @category commands
 */
export const Command = Schema.Union(
  Receive,
  Register,
  LeaveWithoutConsideration,
  Triage,
  CorrectTriage,
  Assign,
  Reassign,
  Unassign,
  StartReview,
  DeclareExtraStudy,
  RequestInformation,
  ProvideInformation,
  ExtendDeadline,
  Forward,
  HandToCriminalProcedure,
  IssueProtectionOrder,
  RefuseProtectionOrder,
  ExtendProtectionOrder,
  RecordProtectionOrderBreach,
  PlanMeasure,
  CompleteMeasure,
  CancelMeasure,
  Answer,
  Close,
  Rate,
  Dispute,
  MergeInto,
  Withdraw,
  Escalate
)
/** @see Command */
export type Command = typeof Command.Type
/**
 * What a caller may send to `AppealService.execute`: every command except `receive` (an appeal is
 * received with `AppealService.submit`), and `register` and `dispute` without the ids that the
 * service takes from the `IdGenerator` (the registration number; the repeated appeal's id). A
 * caller never chooses an id: claiming another appeal's id would refuse the citizen it belongs to.
 *
 * @example
 * import { Command, Decode } from "@murojaat/core"
 * Decode.either(Command.Input, "Command")({ type: "register", appealId: "A-1" })._tag // "Right"
 * Decode.either(Command.Input, "Command")({ type: "receive", appealId: "A-1", intake: {} })._tag // "Left"
 *
 * @since 0.1.0
 * @category commands
 */
export const Input = Schema.Union(
  make("register", {}),
  LeaveWithoutConsideration,
  Triage,
  CorrectTriage,
  Assign,
  Reassign,
  Unassign,
  StartReview,
  DeclareExtraStudy,
  RequestInformation,
  ProvideInformation,
  ExtendDeadline,
  Forward,
  HandToCriminalProcedure,
  IssueProtectionOrder,
  RefuseProtectionOrder,
  ExtendProtectionOrder,
  RecordProtectionOrderBreach,
  PlanMeasure,
  CompleteMeasure,
  CancelMeasure,
  Answer,
  Close,
  Rate,
  make("dispute", { reason: Dispute.fields.reason }),
  MergeInto,
  Withdraw,
  Escalate
)
/** @see Input */
export type Input = typeof Input.Type
/**
 * The wire form of an {@link Input}: what a caller writes.
 *
 * @example
 * import { Command } from "@murojaat/core"
 * const c: Command.InputEncoded = { type: "register", appealId: "A-1" }
 * c.type // "register"
 *
 * @since 0.1.0
 * @category commands
 */
export type InputEncoded = typeof Input.Encoded

/**
 * The wire form of a {@link Command}.
 *
 * @example
 * import { Command, Decode } from "@murojaat/core"
 * const wire: Command.Encoded = { type: "startReview", appealId: "A-1" }
 * Decode.either(Command.Command, "Command")(wire)._tag // "Right"
 *
 * @since 0.1.0
 * @category commands
 */
export type Encoded = typeof Command.Encoded

/**
 * The command names. Audit vocabulary.
 *
 * @example
 * import { Command } from "@murojaat/core"
 * Command.types.includes("answer") // true
 *
 * @since 0.1.0
 * @category vocabulary
 */
export const types = Command.members.map((m) => m.fields.type.literals[0]) as ReadonlyArray<Command["type"]>
/**
 * A command name.
 *
 * @example
 * import { Command } from "@murojaat/core"
 * const t: Command.Type = "extendDeadline"
 * t // "extendDeadline"
 *
 * @since 0.1.0
 * @category vocabulary
 */
export type Type = Command["type"]

/**
 * The command of one type.
 *
 * @example
 * import { Command } from "@murojaat/core"
 * type A = Command.Of<"answer">
 *
 * @since 0.1.0
 * @category vocabulary
 */
export type Of<T extends Type> = Extract<Command, { type: T }>
