/**
 * The deadline rule table: every legal (or settings) rule a clock applies, with its source, in the
 * order auditors read it (docs/rules/deadlines.md). Its ids are `Deadline.RuleId`, part of the one
 * rule registry (`Rule.ts`). Documented in `Deadline.ts`.
 *
 * The lifecycle's rules on late changes (`extension.notForProposal`, `extension.beforeTermEnds`...)
 * are the machine's (`AppealMachine.rules`): the engine applies them to events read from elsewhere
 * (`lateChange.ts`) but does not repeat them here, so each id has one statement and one source.
 */
import type * as Deadline from "../../Deadline.js"

/** What a row holds; its id becomes `Deadline.RuleId` (the table is `as const`). */
interface Row {
  readonly id: string
  readonly clock: Deadline.ClockId
  readonly term: string
  readonly source: string
  readonly note: string
}

/** The article that sets the consideration terms, the extension and the proposal notice. */
export const ZRU_445_28 = "ZRU-445 of 11 Sep 2017 (Law on appeals of individuals and legal entities), Art. 28"

export const rules = [
  {
    id: "registration.sameDay",
    clock: "registration",
    term: "same day; next working day when received after working hours or on a non-working day",
    source: "ZRU-445 Art. 23 (registration; refusing to register is forbidden)",
    note: "Due at the end of working hours of the registration day. Working hours are a setting."
  },
  {
    id: "registration.trueReceiptDate",
    clock: "registration",
    term: "counted from the true day of receipt, however long ago",
    source: "ZRU-445 Art. 23 (registration the day of receipt; refusing to register is forbidden) and Art. 28 (terms run from the day of receipt)",
    note: "An appeal that reached the body long ago (through another body, or lost and found) is registered with its true date of receipt, never refused and never dated to the day it was entered. Its terms run from that date, so a late registration shows as registration met late, and the appeal is marked as entered late (`lateEntry`)."
  },
  {
    id: "forwarding.fiveDays",
    clock: "forwarding",
    term: "5 days",
    source: "ZRU-445 (an appeal outside the body's competence is forwarded to the competent body within 5 days, the applicant told; article not confirmed)",
    note: "Calendar days by default; whether the law means working days is UNCONFIRMED (setting `forwardingUnit`). Counted only when the appeal is forwarded: forwarded after day 5 is late, whatever was done before (review started, information asked). An appeal the body keeps and answers owes no forwarding (the clock shows `notRequired`)."
  },
  {
    id: "consideration.standard",
    clock: "consideration",
    term: "15 days",
    source: ZRU_445_28,
    note: "ariza and shikoyat. Counted from the day of receipt; calendar days by default (setting `considerationUnit`)."
  },
  {
    id: "consideration.extraStudy",
    clock: "consideration",
    term: "1 month",
    source: ZRU_445_28,
    note: "ariza and shikoyat that need extra study, checking or documents. Counts only when declared before the 15-day term ends."
  },
  { id: "consideration.proposal", clock: "consideration", term: "1 month", source: ZRU_445_28, note: "taklif (proposal)." },
  {
    id: "consideration.proposalLongerStudy",
    clock: "consideration",
    term: "N months from receipt (setting `proposalLongerStudyMonths`, default 2)",
    source: `${ZRU_445_28} (a proposal that needs longer study is excepted from the 1-month term; the proposer is told in writing within 10 days; no other term is named)`,
    note: "Counts only when the longer study is declared, with the written notice, within the 10 days. The law names no term for such a proposal; the default borrows the 2-month ceiling of Art. 28 so that no proposal runs without a term."
  },
  {
    id: "consideration.extension",
    clock: "consideration",
    term: "+ at most 1 month, once; never beyond 2 months from receipt",
    source: ZRU_445_28,
    note: "ariza and shikoyat only: by the head of the body, as an exception, telling the applicant in writing. Counts only when recorded before the term it extends ends. The extra month runs from the last day of the term it extends (31 Jan + 1 month of extra study = 28 Feb; + 1 month = 28 Mar), never past the 2-month ceiling (31 Mar): setting `extensionCountsFrom`. A second extension is ignored. An extension recorded on a taklif is ignored (the lifecycle's rule `extension.notForProposal`): its term stays 1 month, or the longer-study term when that was declared in time."
  },
  {
    id: "proposal.notice",
    clock: "proposalNotice",
    term: "10 days",
    source: ZRU_445_28,
    note: "taklif only, and only when the proposal needs longer study: the proposer is told in writing within 10 days (met by the declaration of longer study, which carries the written notice). An ordinary proposal answered within the month owes no notice: after day 10 the clock shows `notRequired`, never overdue."
  },
  {
    id: "term.noLateChanges",
    clock: "consideration",
    term: "a term that ran out stays violated",
    source: `${ZRU_445_28} (an extension or longer term changes a term that still runs); CM resolution No. 40 of 30 Jan 2026 (deadline-violated appeals are scored)`,
    note: "An extension, a declaration of extra study or a pause recorded after the term it would change had ended is ignored and listed in the explanation; an answer after that is met late. An appeal that ends another way (withdrawn, forwarded, merged, left without consideration) after a term ran out shows that clock as `stoppedLate`."
  },
  {
    id: "urgent.firstContact",
    clock: "urgentFirstContact",
    term: "N hours (setting, default 3), counted continuously",
    source: "Murojaat policy (the law sets no term; act fast where an appeal shows a threat to safety)",
    note: "When triage sets priority urgent. Counted from receipt, every hour counts (safety does not wait for working days)."
  },
  {
    id: "protectionOrder.study",
    clock: "protectionOrderStudy",
    term: "24 hours, counted continuously",
    source: "ZRU-561 of 2 Sep 2019 (protecting women from harassment and violence), as amended by ZRU-829 of 11 Apr 2023",
    note: "When triage flags domestic violence: the prevention inspector studies the report within 24 hours and decides on a protection order."
  },
  {
    id: "counting.civilCode",
    clock: "consideration",
    term: "start the day after receipt; months end on the same date; a term ending on a non-working day moves to the next working day",
    source: "Civil Code Art. 146 and the following articles (end of a period; non-working last day; article numbers after 146 UNCONFIRMED)",
    note: "Default reading; settings `periodStart`, `endOnNonWorkingDay`, `dueTime`. Whether the Civil Code governs appeals is UNCONFIRMED."
  },
  {
    id: "pause.awaitingApplicant",
    clock: "consideration",
    term: "off by default; when on, days awaiting the applicant are added",
    source: "Murojaat policy (ZRU-445 gives no pause)",
    note: "Applies to day terms (forwarding, consideration, proposal notice) between the request for information and the applicant's reply, only when the request came before the term ended."
  }
] as const satisfies ReadonlyArray<Row>

/** The legal source of a rule of the table. */
export const sourceOf = (id: Deadline.RuleId): string => rules.find((r) => r.id === id)!.source
