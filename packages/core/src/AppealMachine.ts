/**
 * The appeal lifecycle: an xstate v5 machine for its structure and one table for its rules.
 *
 * - `machine` says which command leads from which status to which; its events are the decoded
 *   commands. It has no guards and no context.
 * - `grants` (one per command: who may give it, the rules that guard it, the events it records, the
 *   legal source) and `rules` (by id) say whether this actor may give it now; `evaluate` reads them
 *   once, in order, and gives the acting role or the first refusal.
 *
 * Why the rules are not xstate guards: a refusal must say which check failed (the policy's reason,
 * or the rule id and its legal source) and an accepted command must say in which role the actor
 * acted. A guard answers yes or no, so guards would be evaluated once by `transition` and again to
 * explain. Split this way, `Lifecycle.decide` asks xstate where the command leads, then evaluates
 * the grant once; nothing is looked up before xstate and nothing is evaluated twice.
 *
 * This module holds the tables, the types and the machine's structure; the rules' checks, the
 * evaluation and the readings of the machine (snapshots, transitions) work in
 * `internal/lifecycle/`. The Mermaid diagram and the path list are in `AppealMachineGraph` (it
 * imports `xstate/graph`; this module, on the path of every command, does not). Choices where the law is silent are
 * written in each grant's `note` and rendered to docs/rules/lifecycle.md.
 *
 * @example
 * import { AppealMachine } from "@murojaat/core"
 * AppealMachine.transitions().filter((t) => t.from === "inReview").map((t) => t.command).includes("answer") // true
 */
import { setup, type SnapshotFrom } from "xstate"
import type * as Actor from "./Actor.js"
import type * as AppealState from "./AppealState.js"
import type * as Command from "./Command.js"
import type * as Deadline from "./Deadline.js"
import * as Directory from "./Directory.js"
import type * as Errors from "./Errors.js"
import type * as Event from "./Event.js"
import * as checks_ from "./internal/lifecycle/checks.js"
import * as disputeTerm_ from "./internal/lifecycle/disputeTerm.js"
import * as evaluate_ from "./internal/lifecycle/evaluate.js"
import * as prevention_ from "./internal/lifecycle/prevention.js"
import * as settings_ from "./internal/lifecycle/settings.js"
import * as snapshots_ from "./internal/lifecycle/snapshots.js"
import * as transitions_ from "./internal/lifecycle/transitions.js"
import type * as Policy from "./Policy.js"
import * as PreventiveMeasure from "./PreventiveMeasure.js"
import * as ProtectionOrder from "./ProtectionOrder.js"

/**
 * Settings where the law is silent or reasonable operators differ. Defaults are documented with
 * each field and in docs/rules/lifecycle.md.
 *
 * @example
 * import { AppealMachine } from "@murojaat/core"
 * AppealMachine.defaultSettings.disputeTermMonths // 12
 *
 * @since 0.1.0
 * @category settings
 */
export interface Settings {
  /**
   * Whether the grounds appeal portals apply (insults or threats, meaningless text, advertising)
   * may be used to leave an appeal without consideration. ZRU-445 Art. 29 names anonymity and a
   * representative without authority, and "other requirements"; portals read that as these three.
   * Default: true.
   */
  readonly portalGrounds: boolean
  /**
   * The protection-order regime (ZRU-561 of 2 Sep 2019). Sources disagree: the original regime
   * gives an order valid up to 30 days; the current regulation (gendermadad.uz) up to 1 year.
   * Default: `current`.
   */
  readonly protectionOrderRegime: "current" | "original"
  /** Whether an answer needs the head's approval (`approvedBy` a district chief). Default: false. */
  readonly answerApprovalByHead: boolean
  /**
   * The term, in months, for disputing an answer; `null`: no term. A complaint to a higher body is
   * filed within 1 year of learning of the decision, and a missed term may be restored for a good
   * reason (ZRU-445 Art. 22 as amended by ZRU-683 of 2021). Whether a dispute to the supervisors of
   * the same body is such a complaint is not settled, so the term is a setting, and it never
   * refuses a dispute: one filed later is accepted, marked (`disputeAfterTerm`), and the supervisor
   * who controls the repeated appeal decides whether the term is restored (rule `dispute.term`).
   * Counted from the answer, the earliest day the applicant could learn of it. Default: 12.
   */
  readonly disputeTermMonths: number | null
  /** The terms of preventive measures (no law sets them). Default: `PreventiveMeasure.defaultSettings`. */
  readonly preventiveMeasures?: PreventiveMeasure.Settings | undefined
  /** The numbers of protection orders (extensions, the suggestion). Default: `ProtectionOrder.defaultSettings`. */
  readonly protectionOrders?: ProtectionOrder.Settings | undefined
}

/**
 * The default settings.
 *
 * @example
 * import { AppealMachine } from "@murojaat/core"
 * AppealMachine.defaultSettings.portalGrounds // true
 *
 * @since 0.1.0
 * @category settings
 */
export const defaultSettings: Settings = settings_.defaultSettings

/**
 * What decide knows besides the state and the command: the time (from Effect's `Clock`), the
 * actor, the settings, and a lookup of officers named by the command (assignees, approvers).
 *
 * @example
 * import { Actor, AppealMachine } from "@murojaat/core"
 * const ctx: AppealMachine.Context = { now: "2026-03-02T05:00:00.000Z", actor: Actor.system("rules") }
 *
 * @since 0.1.0
 * @category rules
 */
export interface Context {
  readonly now: string
  readonly actor: Actor.Actor
  readonly settings?: Settings | undefined
  readonly officer?: ((id: string) => Directory.Officer | undefined) | undefined
  /**
   * A lookup of the other appeals the command names (a merge target, the repeated appeals of a
   * dispute), loaded by the service. An appeal it does not know is treated as absent.
   */
  readonly appeal?: ((id: string) => AppealState.AppealState | undefined) | undefined
  /**
   * The calendar and counting policy of the legal terms, for the rules that ask whether a term still
   * runs (an extension, extra study). Default: the shipped calendar and `Deadline.defaultSettings`.
   */
  readonly deadlines?: Deadline.Options | undefined
}

/**
 * What every rule sees: the appeal's state, the command, and the context.
 *
 * @example
 * import { Actor, AppealMachine, AppealState } from "@murojaat/core"
 * const input: AppealMachine.RuleInput = { state: AppealState.initial("A-1"), command: { type: "startReview", appealId: "A-1" } as any, ctx: { now: "2026-03-02T05:00:00.000Z", actor: Actor.system("x") } }
 * input.state.status // "none"
 *
 * @since 0.1.0
 * @category rules
 */
export interface RuleInput {
  readonly state: AppealState.AppealState
  readonly command: Command.Command
  readonly ctx: Context
}

/**
 * A rule that guards transitions: its id (audit vocabulary), legal source, what it requires, and
 * the check.
 *
 * @example
 * import { AppealMachine } from "@murojaat/core"
 * AppealMachine.rules["extension.once"].source // "ZRU-445 Art. 28"
 *
 * @since 0.1.0
 * @category rules
 */
export interface Rule {
  readonly source: string
  readonly requires: string
  readonly holds: (input: RuleInput) => boolean
}

/**
 * Every rule the machine's transitions name, by id.
 *
 * @example
 * import { AppealMachine } from "@murojaat/core"
 * Object.keys(AppealMachine.rules).includes("leave.notACrime") // true
 *
 * @since 0.1.0
 * @category rules
 */
export const rules = {
  "receive.notInFuture": {
    source: "ZRU-445 Art. 28 (terms run from the day of receipt)",
    requires: "the declared time of receipt is not later than now",
    holds: checks_.receiptNotInFuture
  },
  "receive.supportedYears": {
    source: "Murojaat policy (the calendar covers 1992 to 2200, the years of the Republic: a receipt date outside them is a typing error, not an old appeal)",
    requires: "the declared time of receipt is in the years 1992 to 2200",
    holds: checks_.receiptInSupportedYears
  },
  "receive.trueReceiptDate": {
    source: "ZRU-445 Art. 23 (registration the day of receipt; refusing to register is forbidden) and Art. 28 (terms run from the day of receipt)",
    requires:
      "never refuses: an appeal received long ago (through another body, lost and found) is taken with its true date of receipt, never dated to the day it is entered; when entered on a later day it is marked `lateEntry`, and its terms run from the true date",
    holds: checks_.neverRefuses
  },
  "leave.groundApplies": {
    source: "ZRU-445 Art. 29",
    requires:
      "ground `anonymous` only for an anonymous appeal; `noRepresentativeAuthority` only when a representative gave no proof of authority; portal grounds only when the `portalGrounds` setting is on",
    holds: checks_.groundApplies
  },
  "leave.approvedByHead": {
    source: "ZRU-445 Art. 29 (written conclusion approved by the head of the body)",
    requires:
      "`approvedBy` is an active district chief of the appeal's own district, in the directory, and not the officer the appeal complains about",
    holds: checks_.leaveApprovedByHead
  },
  "leave.notACrime": {
    source: "Criminal Procedure Code (reports of crimes follow it, not ZRU-445)",
    requires: "an appeal flagged `suspectedCrime` is handed to criminal procedure, never left without consideration",
    holds: checks_.notASuspectedCrime
  },
  "answer.notACrime": {
    source: "Criminal Procedure Code (reports of crimes follow it, not ZRU-445)",
    requires:
      "an appeal flagged `suspectedCrime` is handed to criminal procedure, not just answered; an officer who finds no crime corrects the triage first, with a reason",
    holds: checks_.notASuspectedCrime
  },
  "protectionOrder.validity": {
    source: "ZRU-561 of 2 Sep 2019 (protection order); setting `protectionOrderRegime`: up to 1 year (current regulation) or 30 days (original regime)",
    requires: "the order ends after now and no later than the regime allows: 1 year (current, default) or 30 days (original)",
    holds: checks_.protectionOrderValidity
  },
  "protectionOrder.once": {
    source: "ZRU-561 of 2 Sep 2019",
    requires: "the protection-order study ends once on an appeal: one order issued or refused (a new incident is a new appeal)",
    holds: checks_.protectionOrderUndecided
  },
  "triage.changes": {
    source: "Murojaat policy (audit noise)",
    requires: "a correction changes the category, the priority or the flags",
    holds: checks_.triageChanges
  },
  "assign.officerServes": {
    source: "MIA order No. 151 of 2017 (support-point territories)",
    requires: "the officer is active in the directory and serves the appeal's mahalla, or is a senior inspector or district chief of its district",
    holds: checks_.officerServes
  },
  "assign.noConflict": {
    source: "Murojaat policy (conflict of interest: an officer never handles a complaint about himself, nor an applicant he declared a conflict with; no article confirmed)",
    requires: "the officer is not the one the appeal complains about and has declared no conflict with the applicant",
    holds: checks_.officerHasNoConflict
  },
  "reassign.otherOfficer": {
    source: "Murojaat policy",
    requires: "reassignment names an officer other than the current one",
    holds: checks_.otherOfficer
  },
  "extraStudy.once": {
    source: "ZRU-445 Art. 28",
    requires: "extra study is declared at most once (the term becomes one month)",
    holds: checks_.extraStudyNotDeclared
  },
  "extraStudy.beforeTermEnds": {
    source: "ZRU-445 Art. 28 (up to 1 month where extra study is needed: a term is lengthened while it runs); CM resolution No. 40 of 2026 (deadline-violated appeals are scored)",
    requires: "for an ariza or shikoyat, extra study is declared before the 15-day term ends; after that the term has run out and stays violated",
    holds: checks_.extraStudyBeforeTermEnds
  },
  "extraStudy.proposalWithinTenDays": {
    source: "ZRU-445 Art. 28 (a proposal that needs longer study: the proposer is told in writing within 10 days)",
    requires: "for a taklif, longer study is declared within the 10-day notice term; after it, the proposal keeps its 1-month term",
    holds: checks_.proposalStudyWithinTenDays
  },
  "extraStudy.proposalNoticeWritten": {
    source: "ZRU-445 Art. 28 (the proposer is told in writing)",
    requires: "for a taklif, the declaration names the written notice to the proposer (`applicantNotice`: post, e-mail, SMS or the app; not in person)",
    holds: checks_.proposalNoticeWritten
  },
  "extension.once": {
    source: "ZRU-445 Art. 28",
    requires: "the deadline is extended at most once, by at most one month, with the applicant told in writing",
    holds: checks_.notExtended
  },
  "extension.notForProposal": {
    source: "ZRU-445 Art. 28 (the head's extension by at most 1 month, 2 months in all, is given for applications and complaints; a proposal that needs longer study follows the 10-day notice)",
    requires: "only an ariza or a shikoyat is extended by the head; a taklif is refused (its longer study is declared with `declareExtraStudy` within 10 days)",
    holds: checks_.notAProposal
  },
  "extension.beforeTermEnds": {
    source: "ZRU-445 Art. 28 (the head extends a term: only one that still runs); CM resolution No. 40 of 2026 (deadline-violated appeals are scored)",
    requires: "the extension is recorded before the term it extends ends; after that the term has run out and stays violated, and a later answer is late",
    holds: checks_.extensionBeforeTermEnds
  },
  "extension.writtenNotice": {
    source: "ZRU-445 Art. 28 (the applicant is told in writing)",
    requires: "the applicant is told in writing: by post, e-mail, SMS or the app (paper or electronic), not in person",
    holds: checks_.extensionNoticeWritten
  },
  "answer.approval": {
    source: "Murojaat setting `answerApprovalByHead` (default off)",
    requires:
      "when the setting is on, `approvedBy` is an active district chief of the appeal's own district, in the directory, and not the officer the appeal complains about",
    holds: checks_.answerApprovedWhenRequired
  },
  "rate.once": {
    source: "Murojaat policy",
    requires: "an answer is rated once",
    holds: checks_.notRated
  },
  "dispute.term": {
    source: "ZRU-445 Art. 22 as amended by ZRU-683 of 2021 (a complaint to a higher body within 1 year of learning of the decision; a missed term is restored for a good reason); setting `disputeTermMonths`",
    requires:
      "never refuses: a dispute after the term (default 12 months from the answer) is accepted and marked (`disputeAfterTerm`); the supervisor who controls the repeated appeal decides whether the term is restored for a good reason (the appeal is then considered) or not (it is left without consideration)",
    holds: checks_.neverRefuses
  },
  "dispute.newAppeal": {
    source: "ZRU-445 (a repeated appeal, takroriy: from the same person, disputing the decision on an earlier one; article not confirmed)",
    requires: "the repeated appeal has an id of its own",
    holds: checks_.repeatIsNewAppeal
  },
  "merge.otherAppeal": {
    source: "Murojaat policy",
    requires: "an appeal is merged into another appeal, not itself",
    holds: checks_.mergeIntoOther
  },
  "merge.targetOpen": {
    source: "Murojaat policy (a duplicate is considered with the appeal it joins, so that appeal must still be under consideration)",
    requires:
      "the appeal merged into exists and is open (not answered, closed or ended); so no merge ever leads back to the appeal merged (no cycles)",
    holds: checks_.mergeTargetOpen
  },
  "merge.notACrime": {
    source: "Criminal Procedure Code (reports of crimes follow it, not ZRU-445)",
    requires: "an appeal flagged `suspectedCrime` is handed to criminal procedure, never ended by merging it into another appeal",
    holds: checks_.notASuspectedCrime
  },
  "forward.notACrime": {
    source: "Criminal Procedure Code (reports of crimes follow it, not ZRU-445)",
    requires: "an appeal flagged `suspectedCrime` is handed to criminal procedure, never ended by forwarding it",
    holds: checks_.notASuspectedCrime
  },
  "dispute.oneOpen": {
    source: "Murojaat policy (one repeated appeal under control at a time; a further dispute follows its answer)",
    requires: "no repeated appeal opened by an earlier dispute of this appeal is still open",
    holds: checks_.noOpenRepeat
  },
  "escalate.supervisorServes": {
    source: "Murojaat policy (control is given to a supervisor of the appeal's own district)",
    requires: "a named supervisor is an active senior inspector or district chief of the appeal's district, in the directory, and not the officer the appeal complains about",
    holds: checks_.supervisorServes
  }
} satisfies Record<string, Rule>

/**
 * The protection order of an appeal as the extension and breach checks read it
 * (`ProtectionOrder.Order`), or `undefined` when none was issued. It was issued when the appeal's
 * first `protectionOrderIssued` event was recorded (its clock facts keep it); for a state without
 * clock facts, the time of receipt stands in for it, which only ever makes the current regime's
 * ceiling earlier.
 *
 * @example
 * import { AppealMachine, AppealState } from "@murojaat/core"
 * const s = { ...AppealState.initial("A-1"), receivedAt: "2026-01-09T05:00:00.000Z",
 *   protectionOrder: { orderNumber: "HO-1", validUntil: "2026-02-09T05:00:00.000Z" },
 *   clockFacts: { termChanges: [], firsts: [{ type: "protectionOrderIssued", at: "2026-01-10T05:00:00.000Z" }] } }
 * AppealMachine.orderOf(s)?.issuedAt // "2026-01-10T05:00:00.000Z"
 * AppealMachine.orderOf(AppealState.initial("A-1")) // undefined
 *
 * @since 0.2.0
 * @category prevention
 */
export const orderOf: (state: AppealState.AppealState) => ProtectionOrder.Order | undefined = prevention_.orderOf

/**
 * The rules of preventive measures and protection orders as guards of their commands, by id: the
 * tables of `PreventiveMeasure.rules` and `ProtectionOrder.rules` (registered in the `prevention`
 * area of `Rule.registry`), each holding unless the module's own check names it. The rules that
 * guard no command (`measure.overdue`, `protectionOrder.ownInitiative`) always hold here.
 *
 * @example
 * import { AppealMachine } from "@murojaat/core"
 * AppealMachine.preventionRules["measure.known"].source // "Murojaat policy"
 *
 * @since 0.2.0
 * @category prevention
 */
export const preventionRules: { readonly [K in PreventiveMeasure.RuleId | ProtectionOrder.RuleId]: Rule } = {
  ...prevention_.guards(PreventiveMeasure.rules, prevention_.measureRefusal),
  ...prevention_.guards(ProtectionOrder.rules, prevention_.orderRefusal)
}

/**
 * The id of a prevention rule that guards a command (`preventionRules`).
 *
 * @example
 * import { AppealMachine } from "@murojaat/core"
 * const id: AppealMachine.PreventionRuleId = "measure.open"
 *
 * @since 0.2.0
 * @category prevention
 */
export type PreventionRuleId = keyof typeof preventionRules

/**
 * A rule id.
 *
 * @example
 * import { AppealMachine } from "@murojaat/core"
 * const id: AppealMachine.RuleId = "extension.once"
 * AppealMachine.rules[id].source // "ZRU-445 Art. 28"
 *
 * @since 0.1.0
 * @category rules
 */
export type RuleId = keyof typeof rules

/**
 * The id of any rule a grant names: a lifecycle rule (`rules`) or a prevention rule (`preventionRules`).
 *
 * @example
 * import { AppealMachine } from "@murojaat/core"
 * const ids: ReadonlyArray<AppealMachine.GuardId> = ["extension.once", "measure.known"]
 *
 * @since 0.2.0
 * @category rules
 */
export type GuardId = RuleId | PreventionRuleId

const guardsById: { readonly [K in GuardId]: Rule } = { ...rules, ...preventionRules }

/**
 * The rule a grant names, by id: its source, what it requires, its check.
 *
 * @example
 * import { AppealMachine } from "@murojaat/core"
 * AppealMachine.guard("protectionOrder.extension.sameOrder").source // "ZRU-561 of 2 Sep 2019 (protection order)"
 *
 * @since 0.2.0
 * @category rules
 */
export const guard = (id: GuardId): Rule => guardsById[id]

/**
 * What a transition declares: who may make it, the rules that guard it, the events it records,
 * its legal source and, where the law is silent, the choice made.
 *
 * @example
 * import { AppealMachine } from "@murojaat/core"
 * AppealMachine.grants.answer.who // ["assignee"]
 *
 * @since 0.1.0
 * @category rules
 */
export interface Grant {
  readonly who: ReadonlyArray<Policy.Grantee>
  readonly rules: ReadonlyArray<GuardId>
  readonly events: ReadonlyArray<Event.Type>
  readonly source: string
  readonly note?: string
}

const officers: ReadonlyArray<Policy.Grantee> = Directory.OfficerRole.literals
const supervisors: ReadonlyArray<Policy.Grantee> = ["seniorInspector", "districtChief"]
// Who plans and carries out preventive measures: the inspectors of the appeal's mahalla who do
// preventive work, the senior inspectors of its district, and the officer who holds the appeal.
const measureOfficers: ReadonlyArray<Policy.Grantee> = ["assignee", "preventionInspector", "womensAffairsInspector", "juvenileInspector", "seniorInspector"]

/**
 * The grant of every command: one per command, whatever state it is given in.
 *
 * @example
 * import { AppealMachine } from "@murojaat/core"
 * AppealMachine.grants.extendDeadline.rules // ["extension.once", "extension.notForProposal", "extension.beforeTermEnds", "extension.writtenNotice"]
 *
 * @since 0.1.0
 * @category rules
 */
export const grants: { readonly [C in Command.Type]: Grant } = {
  receive: {
    who: ["applicant", "integrationSystem", "system", ...officers],
    rules: ["receive.notInFuture", "receive.supportedYears", "receive.trueReceiptDate"],
    events: ["received"],
    source: "ZRU-445 (oral, written and electronic appeals have equal force; article not confirmed)",
    note: "Officers receive oral appeals (tablets, receptions) in the mahallas they serve."
  },
  register: {
    who: ["system", "integrationSystem", ...officers],
    rules: [],
    events: ["registered"],
    source: "ZRU-445 Art. 23 (registration the same day, or the next working day after hours; refusal forbidden)",
    note: "There is no command to refuse registration: the law forbids it."
  },
  leaveWithoutConsideration: {
    who: supervisors,
    rules: ["leave.groundApplies", "leave.approvedByHead", "leave.notACrime"],
    events: ["leftWithoutConsideration"],
    source: "ZRU-445 Art. 29"
  },
  triage: {
    who: ["system", ...supervisors],
    rules: [],
    events: ["triaged"],
    source: "Murojaat triage rules (rule ids recorded on the event)",
    note: "Supervisors triage by hand when the rules say a person is needed."
  },
  correctTriage: {
    who: ["assignee", ...supervisors],
    rules: ["triage.changes"],
    events: ["triageCorrected"],
    source: "Murojaat policy (corrections are audited and feed the accuracy report)"
  },
  assign: {
    who: ["system", ...supervisors],
    rules: ["assign.officerServes", "assign.noConflict"],
    events: ["assigned"],
    source: "Murojaat assignment policy; MIA order No. 151 of 2017"
  },
  reassign: {
    who: ["system", ...supervisors],
    rules: ["reassign.otherOfficer", "assign.officerServes", "assign.noConflict"],
    events: ["reassigned"],
    source: "Murojaat assignment policy",
    note: "The new officer starts the review again (state `assigned`); the legal clocks do not restart. The system reassigns on duty changes."
  },
  unassign: {
    who: ["system", ...supervisors],
    rules: [],
    events: ["unassigned"],
    source: "Murojaat assignment policy"
  },
  startReview: {
    who: ["assignee"],
    rules: [],
    events: ["reviewStarted"],
    source: "Murojaat policy (the law names no such step; the terms of ZRU-445 Art. 28 run from receipt whatever the status)"
  },
  declareExtraStudy: {
    who: ["assignee", ...supervisors],
    rules: ["extraStudy.once", "extraStudy.beforeTermEnds", "extraStudy.proposalWithinTenDays", "extraStudy.proposalNoticeWritten"],
    events: ["extraStudyDeclared"],
    source: "ZRU-445 Art. 28 (up to 1 month where extra study, checking or documents are needed; for a proposal, the proposer is told within 10 days)"
  },
  requestInformation: {
    who: ["assignee"],
    rules: [],
    events: ["informationRequested"],
    source: "Murojaat policy (the law names no request for information and gives no pause: the terms of ZRU-445 Art. 28 keep running)",
    note: "Whether the clock pauses while waiting is a deadline setting, off by default: the law gives no pause."
  },
  provideInformation: {
    who: ["applicant", "assignee"],
    rules: [],
    events: ["informationProvided"],
    source: "Murojaat policy (the applicant's reply to a request for information)",
    note: "The assigned officer records information the applicant gave orally or on paper."
  },
  extendDeadline: {
    who: ["districtChief"],
    rules: ["extension.once", "extension.notForProposal", "extension.beforeTermEnds", "extension.writtenNotice"],
    events: ["deadlineExtended"],
    source: "ZRU-445 Art. 28 (the head may, as an exception, extend by at most 1 month, telling the applicant in writing)"
  },
  forward: {
    who: ["assignee", ...supervisors],
    rules: ["forward.notACrime"],
    events: ["forwarded"],
    source: "ZRU-445 (not within competence: forward to the competent body within 5 days and tell the applicant; article not confirmed)",
    note: "Forwarding late is still allowed; the deadline engine reports the violation."
  },
  handToCriminalProcedure: {
    who: ["assignee", "districtChief"],
    rules: [],
    events: ["handedToCriminalProcedure"],
    source: "Criminal Procedure Code (reports of crimes are not appeals under ZRU-445)"
  },
  issueProtectionOrder: {
    who: ["preventionInspector", "seniorInspector"],
    rules: ["protectionOrder.once", "protectionOrder.validity"],
    events: ["protectionOrderIssued"],
    source: "ZRU-561 of 2 Sep 2019 (the prevention inspector studies the report within 24 hours and issues the order)",
    note: "The prevention inspectors of the appeal's mahalla (and the senior inspectors of its district, who are senior prevention inspectors) decide, whoever holds the appeal: the law names the prevention inspector. Recorded on the appeal that reported the violence; the appeal stays where it is. Extending the order is a command of its own (`extendProtectionOrder`), never a new order."
  },
  refuseProtectionOrder: {
    who: ["preventionInspector", "seniorInspector"],
    rules: ["protectionOrder.once"],
    events: ["protectionOrderRefused"],
    source: "ZRU-561 of 2 Sep 2019 (the 24-hour study ends with a decision)"
  },
  extendProtectionOrder: {
    who: ["preventionInspector", "seniorInspector"],
    rules: [
      "protectionOrder.extension.sameOrder",
      "protectionOrder.extension.inForce",
      "protectionOrder.extension.original",
      "protectionOrder.extension.current"
    ],
    events: ["protectionOrderExtended"],
    source: "ZRU-561 of 2 Sep 2019 (the prevention inspector who issues the order extends it; the original text: once by 30 days on the victim's application)",
    note: "Its own command: an extension moves the end of the order issued on this appeal and is counted, never recorded as a new order. Allowed in every status once an order may exist, after the answer and after the appeal ended too: an order outlives the 15 days of its appeal."
  },
  recordProtectionOrderBreach: {
    who: ["preventionInspector", "seniorInspector", "womensAffairsInspector", "districtChief"],
    rules: ["protectionOrder.extension.sameOrder", "protectionOrder.breach.whileInForce"],
    events: ["protectionOrderBreached"],
    source: "ZRU-561 of 2 Sep 2019; Code of Administrative Responsibility (a breach of the order is an offence; article not confirmed)",
    note: "Recorded on the appeal the order was issued on, for a time the order was in force, with the administrative case's reference when one was opened. Like an extension, allowed whatever the appeal's status."
  },
  planMeasure: {
    who: measureOfficers,
    rules: ["measure.dueWithinTerm", "measure.referralNamesBody", "measure.linksOthers"],
    events: ["measurePlanned"],
    source: "ZRU-371 of 14 May 2014 \"On the prevention of offences\" (prevention talk, preventive register, individual preventive measures; articles not confirmed)",
    note: "Planned on the appeal that led to the measure, linked to the other appeals behind it, by the inspectors of its mahalla (prevention, women's affairs, juvenile), the senior inspectors of its district, or the officer who holds it. Allowed from registration on, before and after the answer, and after the appeal was handed to criminal procedure: prevention goes on beside a criminal case (ZRU-561 protects the victim whatever the case). Not after it was left without consideration, forwarded (the competent body's work), merged (plan on the appeal it joined) or withdrawn."
  },
  completeMeasure: {
    who: measureOfficers,
    rules: ["measure.known", "measure.open", "measure.outcomeFitsKind"],
    events: ["measureCompleted"],
    source: "ZRU-371 of 14 May 2014 (preventive measures; articles not confirmed); Murojaat policy (outcomes)",
    note: "Allowed in every status in which a measure may exist, after the appeal ended too: a measure planned is always settled, never left planned because its appeal moved on."
  },
  cancelMeasure: {
    who: [...measureOfficers, "districtChief"],
    rules: ["measure.known", "measure.open"],
    events: ["measureCancelled"],
    source: "Murojaat policy (a measure no longer needed is cancelled with the reason, never deleted)",
    note: "Like completing, allowed whatever the appeal's status; the district chief may cancel too."
  },
  answer: {
    who: ["assignee"],
    rules: ["answer.notACrime", "answer.approval"],
    events: ["answered"],
    source: "ZRU-445 Art. 28 (answer within the term), reporting outcomes: satisfied, explained, rejected with grounds"
  },
  close: {
    who: ["system", "applicant"],
    rules: [],
    events: ["closed"],
    source: "Murojaat policy (the system closes after the feedback window; the applicant may close earlier)"
  },
  rate: {
    who: ["applicant"],
    rules: ["rate.once"],
    events: ["rated"],
    source: "Smart Mahalla: citizens rate the inspector",
    note: "Allowed on an answered or a closed appeal; it does not change the status."
  },
  dispute: {
    who: ["applicant"],
    rules: ["dispute.term", "dispute.newAppeal", "dispute.oneOpen"],
    events: ["disputed"],
    source: "ZRU-445: repeated appeal (article not confirmed); Art. 22 (a complaint to a higher body within 1 year of learning of the decision, restorable for a good reason)",
    note: "Disputing reopens the matter as a new, repeated appeal linked to this one (`repeatOf`) and placed under a supervisor's control; this appeal keeps its answer and records the dispute. So a closed appeal accepts rate and dispute, and besides them only the prevention commands, which keep it closed."
  },
  mergeInto: {
    who: ["assignee", ...supervisors],
    rules: ["merge.otherAppeal", "merge.targetOpen", "merge.notACrime"],
    events: ["mergedAsDuplicate"],
    source: "Murojaat policy (duplicates and collective appeals are considered once)"
  },
  withdraw: {
    who: ["applicant"],
    rules: [],
    events: ["withdrawn"],
    source: "Murojaat policy (the applicant may withdraw before the answer)",
    note: "ZRU-445 does not regulate withdrawal; it is allowed in every open status."
  },
  escalate: {
    who: ["system", ...supervisors],
    rules: ["escalate.supervisorServes"],
    events: ["escalated"],
    source: "CM resolution No. 40 of 30 Jan 2026 (deadline-violated appeals are a scored indicator)",
    note: "Escalation is a flag, not a status: the appeal stays where it is, under a supervisor's control. It may be recorded again for a new breach (the deadline engine proposes it once per clock that falls due), so every breach is on record."
  }
}

/**
 * When the term for disputing an answer ends: `disputeTermMonths` after the answer (the earliest day
 * the applicant could learn of it; ZRU-445 Art. 22). `undefined` when no term is set or there is no
 * answer yet.
 *
 * @example
 * import { AppealMachine, AppealState } from "@murojaat/core"
 * const s = { ...AppealState.initial("A-1"), answeredAt: "2026-03-31T05:00:00.000Z" }
 * AppealMachine.disputeTermEnds(s) // "2027-03-31T05:00:00.000Z"
 * AppealMachine.disputeTermEnds(s, { ...AppealMachine.defaultSettings, disputeTermMonths: null }) // undefined
 *
 * @since 0.1.0
 * @category deadlines
 */
export const disputeTermEnds: (state: AppealState.AppealState, settings?: Settings) => string | undefined = disputeTerm_.disputeTermEnds

/**
 * Whether a dispute made at `at` comes after the term (rule `dispute.term`): the mark the
 * supervisor of the repeated appeal reads to decide whether the term is restored for a good reason.
 * The dispute itself is never refused for it.
 *
 * @example
 * import { AppealMachine, AppealState } from "@murojaat/core"
 * const s = { ...AppealState.initial("A-1"), answeredAt: "2026-03-31T05:00:00.000Z" }
 * AppealMachine.disputeAfterTerm(s, "2027-03-31T05:00:00.000Z") // false
 * AppealMachine.disputeAfterTerm(s, "2027-04-01T05:00:00.000Z") // true
 *
 * @since 0.1.0
 * @category rules
 */
export const disputeAfterTerm: (state: AppealState.AppealState, at: string, settings?: Settings) => boolean = disputeTerm_.disputeAfterTerm

/**
 * The verdict on one command: the role the actor acts in, or why it is refused (a policy refusal,
 * or the first rule that does not hold).
 *
 * @example
 * import { AppealMachine } from "@murojaat/core"
 * const v: AppealMachine.Verdict = { ok: false, refusal: "rule", rule: "extension.once" }
 *
 * @since 0.1.0
 * @category evaluation
 */
export type Verdict =
  | { readonly ok: true; readonly role: Actor.Role }
  | { readonly ok: false; readonly refusal: Errors.RefusalReason; readonly rule?: undefined }
  | { readonly ok: false; readonly refusal: "rule"; readonly rule: GuardId }

/**
 * Evaluates the command's grant, once: the policy (who) first, then each rule in order. Returns the
 * acting role, or the first refusal. Whether the command exists in the appeal's status is the
 * machine's question, asked before this one (`Lifecycle.decide`).
 *
 * @example
 * import { Actor, AppealMachine, AppealState } from "@murojaat/core"
 * const state = { ...AppealState.initial("A-1"), status: "inReview" as const, assigneeId: "O-1" }
 * AppealMachine.evaluate({ state, command: { type: "startReview", appealId: "A-1" } as any, ctx: { now: "2026-01-05T05:00:00Z", actor: Actor.system("x") } })
 * // { ok: false, refusal: "roleNotAllowed" }
 *
 * @since 0.1.0
 * @category evaluation
 */
export const evaluate = (input: RuleInput): Verdict => evaluate_.evaluate(grants[input.command.type], guardsById, input)

// Every transition records the command's events (Lifecycle builds them); the action is also how
// `transition` shows that a transition was taken when it keeps the status (xstate's own `can`
// counts a transition with neither a target nor an action as doing nothing).
const to = <S extends AppealState.Status>(target: S) => ({ target, actions: "record" }) as const
const stay = { actions: "record" } as const

const openCommon = { withdraw: to("withdrawn"), escalate: stay }
const beforeReview = { leaveWithoutConsideration: to("leftWithoutConsideration"), forward: to("forwarded"), mergeInto: to("mergedAsDuplicate") }
const working = {
  issueProtectionOrder: stay,
  refuseProtectionOrder: stay,
  correctTriage: stay,
  reassign: to("assigned"),
  unassign: to("triaged"),
  declareExtraStudy: stay,
  extendDeadline: stay,
  handToCriminalProcedure: to("handedToCriminalProcedure")
}
// Prevention: measures and protection orders do not change the appeal's status. A measure is
// planned from registration on; what exists (a planned measure, an issued order) is settled
// whatever the status, after the appeal ended too (`ended`).
const settle = { completeMeasure: stay, cancelMeasure: stay }
const order = { extendProtectionOrder: stay, recordProtectionOrderBreach: stay }
const prevention = { planMeasure: stay, ...settle }
const ended = { on: { ...settle, ...order } }

/**
 * The xstate machine: which command leads from which status to which, and nothing else. Its events
 * are the decoded commands (`Command.Command`); it has no guards and no context, so a status is all
 * a snapshot holds. Each transition has the action `record` (the command's events are recorded).
 * Terminal statuses take only the prevention commands, which keep the status. Who may give a
 * command and which rules guard it are the grants (`grants`, `rules`, `preventionRules`),
 * evaluated once by `evaluate`.
 *
 * @example
 * import { AppealMachine } from "@murojaat/core"
 * AppealMachine.machine.id // "appeal"
 *
 * @since 0.1.0
 * @category machine
 */
export const machine = setup({
  types: { context: {} as Record<string, never>, events: {} as Command.Command },
  actions: {
    // Lifecycle.decide builds the events from the action list it gets back; nothing runs here.
    record: () => undefined
  }
}).createMachine({
  id: "appeal",
  initial: "none",
  context: {},
  states: {
    none: { on: { receive: to("received") } },
    received: { on: { register: to("registered"), ...openCommon } },
    registered: { on: { triage: to("triaged"), ...beforeReview, ...openCommon, ...prevention } },
    triaged: {
      on: {
        assign: to("assigned"),
        correctTriage: stay,
        handToCriminalProcedure: to("handedToCriminalProcedure"),
        ...beforeReview,
        ...openCommon,
        ...prevention
      }
    },
    assigned: { on: { startReview: to("inReview"), ...working, ...beforeReview, ...openCommon, reassign: stay, ...prevention, ...order } },
    inReview: {
      on: { requestInformation: to("awaitingApplicant"), answer: to("answered"), ...working, ...beforeReview, ...openCommon, ...prevention, ...order }
    },
    awaitingApplicant: {
      on: {
        provideInformation: to("inReview"),
        issueProtectionOrder: stay,
        refuseProtectionOrder: stay,
        reassign: to("assigned"),
        unassign: to("triaged"),
        declareExtraStudy: stay,
        extendDeadline: stay,
        ...openCommon,
        ...prevention,
        ...order
      }
    },
    answered: { on: { close: to("closed"), rate: stay, dispute: stay, ...prevention, ...order } },
    closed: { on: { rate: stay, dispute: stay, ...prevention, ...order } },
    // The ends of an appeal: no command changes its status any more (they are not xstate final
    // states only because a final state takes no event at all).
    leftWithoutConsideration: ended,
    forwarded: ended,
    handedToCriminalProcedure: { on: { ...prevention, ...order } },
    mergedAsDuplicate: ended,
    withdrawn: ended
  }
})

/**
 * A snapshot of the machine: the status an appeal is in.
 *
 * @example
 * import { AppealMachine } from "@murojaat/core"
 * const s: AppealMachine.Snapshot = AppealMachine.snapshot("received")
 * s.value // "received"
 *
 * @since 0.1.0
 * @category machine
 */
export type Snapshot = SnapshotFrom<typeof machine>

/**
 * The machine's snapshot of a status, resolved once and kept: the machine has no context, so the
 * status is the whole snapshot, and xstate's snapshots are immutable.
 *
 * @example
 * import { AppealMachine } from "@murojaat/core"
 * AppealMachine.snapshot("inReview").value // "inReview"
 * AppealMachine.snapshot("inReview") === AppealMachine.snapshot("inReview") // true
 *
 * @since 0.1.0
 * @category machine
 */
export const snapshot: (status: AppealState.Status) => Snapshot = snapshots_.cached((status) => machine.resolveState({ value: status, context: {} }))

/**
 * One transition of the machine with its grant, for docs and tests.
 *
 * @example
 * import { AppealMachine } from "@murojaat/core"
 * const t: AppealMachine.Transition = AppealMachine.transitions()[0]!
 * t.from // "none"
 *
 * @since 0.1.0
 * @category machine
 */
export interface Transition {
  readonly from: AppealState.Status
  readonly command: Command.Type
  readonly to: AppealState.Status
  readonly grant: Grant
}

/**
 * Every transition of the machine, read from the machine itself, in its order (status by status).
 *
 * @example
 * import { AppealMachine } from "@murojaat/core"
 * AppealMachine.transitions().some((t) => t.from === "closed" && t.command === "dispute") // true
 * AppealMachine.transitions().find((t) => t.from === "inReview" && t.command === "answer")?.to // "answered"
 *
 * @since 0.1.0
 * @category machine
 */
export const transitions: () => ReadonlyArray<Transition> = transitions_.lister(machine, grants)
