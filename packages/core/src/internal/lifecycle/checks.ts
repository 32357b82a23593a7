/**
 * The checks of the lifecycle rules: one predicate per requirement, each named for what it requires.
 * The rule table (`AppealMachine.rules`: id, legal source, the requirement in words) names these; a
 * check that several rules share (a suspected crime is never ended another way) is written once.
 *
 * Every check holds for a command it does not concern: a grant lists its rules per command, and a
 * rule shared by two commands (the assign rules, for `assign` and `reassign`) reads only its own.
 */
import { Option } from "effect"
import type * as AppealMachine from "../../AppealMachine.js"
import * as AppealState from "../../AppealState.js"
import * as Deadline from "../../Deadline.js"
import * as Eligibility from "../eligibility.js"
import * as LocalTime from "../localTime.js"
import { settingsOf } from "./settings.js"

type Check = (input: AppealMachine.RuleInput) => boolean

/** For the rules that record a choice and never refuse (`receive.trueReceiptDate`, `dispute.term`). */
export const neverRefuses: Check = () => true

// ---------------------------------------------------------------------------------------------
// Receipt
// ---------------------------------------------------------------------------------------------

export const receiptNotInFuture: Check = ({ command, ctx }) =>
  command.type !== "receive" || command.intake.receivedAt === undefined || Date.parse(command.intake.receivedAt) <= Date.parse(ctx.now)

// The calendar covers 1992 to 2200: a receipt date outside them is a typing error.
const firstSupported = Date.UTC(1992, 0, 1)
const afterLastSupported = Date.UTC(2201, 0, 1)

export const receiptInSupportedYears: Check = ({ command }) => {
  if (command.type !== "receive" || command.intake.receivedAt === undefined) return true
  const ms = Date.parse(command.intake.receivedAt)
  return ms >= firstSupported && ms < afterLastSupported
}

// ---------------------------------------------------------------------------------------------
// Who: heads, officers, supervisors
// ---------------------------------------------------------------------------------------------

// "Approved by the head": an active district chief of the appeal's own district, in the directory,
// and never the officer a complaint is about (he may not approve what concerns himself).
const headOfDistrict = (ctx: AppealMachine.Context, id: string | undefined, state: AppealState.AppealState): boolean => {
  const o = id === undefined ? undefined : ctx.officer?.(id)
  return (
    o !== undefined &&
    o.active !== false &&
    o.roles.includes("districtChief") &&
    o.districtCode === state.districtCode &&
    o.id !== state.subjectOfficerId
  )
}

export const leaveApprovedByHead: Check = ({ command, state, ctx }) =>
  command.type !== "leaveWithoutConsideration" || headOfDistrict(ctx, command.approvedBy, state)

export const answerApprovedWhenRequired: Check = ({ command, state, ctx }) =>
  command.type !== "answer" || !settingsOf(ctx).answerApprovalByHead || headOfDistrict(ctx, command.approvedBy, state)

const targetOfficer = (input: AppealMachine.RuleInput): string | undefined =>
  input.command.type === "assign" || input.command.type === "reassign" ? input.command.officerId : undefined

export const officerServes: Check = (input) => {
  const id = targetOfficer(input)
  return id === undefined || Eligibility.servesAppeal(input.ctx.officer?.(id), input.state)
}

export const officerHasNoConflict: Check = (input) => {
  const id = targetOfficer(input)
  return id === undefined || !Eligibility.hasConflict(input.ctx.officer?.(id) ?? { id, conflicts: [] }, input.state)
}

export const otherOfficer: Check = ({ command, state }) => command.type !== "reassign" || command.officerId !== state.assigneeId

export const supervisorServes: Check = ({ command, state, ctx }) => {
  if (command.type !== "escalate" || command.supervisorId === undefined) return true
  const o = ctx.officer?.(command.supervisorId)
  return (
    o !== undefined &&
    o.active !== false &&
    o.districtCode === state.districtCode &&
    o.roles.some((r) => r === "seniorInspector" || r === "districtChief") &&
    o.id !== state.subjectOfficerId
  )
}

// ---------------------------------------------------------------------------------------------
// Consideration
// ---------------------------------------------------------------------------------------------

export const groundApplies: Check = ({ command, state, ctx }) => {
  if (command.type !== "leaveWithoutConsideration") return true
  switch (command.ground) {
    case "anonymous":
      return state.anonymous
    case "noRepresentativeAuthority":
      return state.representativeWithoutAuthority
    case "otherRequirements":
      return true
    default:
      return settingsOf(ctx).portalGrounds
  }
}

/** A report of a crime follows criminal procedure: it is never answered, left, forwarded or merged. */
export const notASuspectedCrime: Check = ({ state }) => !state.flags.includes("suspectedCrime")

export const triageChanges: Check = ({ command, state }) =>
  command.type !== "correctTriage" ||
  command.category !== state.category ||
  command.priority !== state.priority ||
  [...command.flags].sort().join() !== [...state.flags].sort().join()

export const notRated: Check = ({ state }) => state.rating === undefined

// ---------------------------------------------------------------------------------------------
// Terms: extra study and extension (ZRU-445 Art. 28)
// ---------------------------------------------------------------------------------------------

// Written form: paper (post) or electronic (e-mail, SMS, the app) (ZRU-445: electronic form has
// the same force); a word said in person is not a written notice.
const writtenChannels: ReadonlySet<string> = new Set(["post", "email", "sms", "app"])

// What the legal terms of an appeal depend on, as its state knows it.
const factsOf = (state: AppealState.AppealState): Deadline.Facts | undefined =>
  state.kind === undefined || state.receivedAt === undefined
    ? undefined
    : {
        kind: state.kind,
        receivedAt: state.receivedAt,
        extraStudy: state.extraStudy,
        extended: state.extended,
        pauses: [...(state.pauses ?? []), ...(state.awaitingSince === undefined ? [] : [{ from: state.awaitingSince }])]
      }

// The rule a change to the terms would break now (Deadline.lateChange), if any: the deadline module
// owns when a term has run out, so each late-change rule holds unless it is the one named.
const lateRule = (input: AppealMachine.RuleInput, change: "extension" | "extraStudy"): string | undefined => {
  const facts = factsOf(input.state)
  if (facts === undefined) return undefined
  const late = Deadline.lateChange(facts, change, input.ctx.now, input.ctx.deadlines)
  return Option.isSome(late) ? late.value.rule : undefined
}

export const extraStudyNotDeclared: Check = ({ state }) => !state.extraStudy

export const extraStudyBeforeTermEnds: Check = (input) =>
  input.command.type !== "declareExtraStudy" || lateRule(input, "extraStudy") !== "extraStudy.beforeTermEnds"

export const proposalStudyWithinTenDays: Check = (input) =>
  input.command.type !== "declareExtraStudy" || lateRule(input, "extraStudy") !== "extraStudy.proposalWithinTenDays"

export const proposalNoticeWritten: Check = ({ command, state }) =>
  command.type !== "declareExtraStudy" ||
  state.kind !== "taklif" ||
  (command.applicantNotice !== undefined && writtenChannels.has(command.applicantNotice.channel))

export const notExtended: Check = ({ state }) => !state.extended

export const notAProposal: Check = ({ state }) => state.kind !== "taklif"

export const extensionBeforeTermEnds: Check = (input) =>
  input.command.type !== "extendDeadline" || lateRule(input, "extension") !== "extension.beforeTermEnds"

export const extensionNoticeWritten: Check = ({ command }) => command.type !== "extendDeadline" || writtenChannels.has(command.applicantNotice.channel)

// ---------------------------------------------------------------------------------------------
// Protection order (ZRU-561)
// ---------------------------------------------------------------------------------------------

const dayMs = 86_400_000

export const protectionOrderValidity: Check = ({ command, ctx }) => {
  if (command.type !== "issueProtectionOrder") return true
  const until = Date.parse(command.validUntil)
  const now = Date.parse(ctx.now)
  // The current regime counts a year on the Tashkent calendar (UTC+5), as a person counts it.
  const ceiling = settingsOf(ctx).protectionOrderRegime === "original" ? now + 30 * dayMs : LocalTime.addMonthsToInstant(now, 12)
  return until > now && until <= ceiling
}

export const protectionOrderUndecided: Check = ({ state }) => !state.protectionOrderDecided

// ---------------------------------------------------------------------------------------------
// Other appeals: disputes and merges
// ---------------------------------------------------------------------------------------------

export const repeatIsNewAppeal: Check = ({ command, state }) => command.type !== "dispute" || command.repeatAppealId !== state.appealId

export const noOpenRepeat: Check = ({ command, state, ctx }) =>
  command.type !== "dispute" ||
  state.disputedBy.every((id) => {
    const repeat = ctx.appeal?.(id)
    // Unknown to the lookup: refuse rather than allow a second open repeated appeal.
    return repeat !== undefined && !AppealState.open.has(repeat.status)
  })

export const mergeIntoOther: Check = ({ command, state }) => command.type !== "mergeInto" || command.targetAppealId !== state.appealId

export const mergeTargetOpen: Check = ({ command, ctx }) => {
  if (command.type !== "mergeInto") return true
  const target = ctx.appeal?.(command.targetAppealId)
  return target !== undefined && AppealState.open.has(target.status)
}
