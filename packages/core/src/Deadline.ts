/**
 * Every legal clock of an appeal on the Uzbek calendar, computed and explained.
 *
 * Clocks: registration (same day, or the next working day after hours), forwarding to the competent
 * body (5 days, counted only when the appeal is forwarded), consideration (15 days; up to 1 month
 * with extra study; proposals 1 month), the proposal's 10-day notice (counted only when a proposal
 * needs longer study), one extension of at most 1 month by the head for applications and complaints
 * (ceiling 2 months), first contact in urgent safety cases (hours, a setting) and the
 * protection-order study (24 hours).
 *
 * A term that ran out stays violated whatever comes later: an extension, a declaration of extra
 * study or a pause recorded after the term it would change had ended is ignored (rule
 * `term.noLateChanges`), and an appeal that ends another way after a term ran out shows that clock
 * as `stoppedLate`.
 * Each due time comes with an {@link Explanation}: rule id, legal source, start, days counted, days
 * skipped and why.
 *
 * How days are counted is a {@link Policy} with documented defaults: the appeals law (ZRU-445) says
 * "days" and "months" and nothing on counting, so the defaults follow the Civil Code's general
 * rules (a period starts on the day after the event, Art. 146; a period of months ends on the same
 * date of the last month; a term ending on a non-working day moves to the next working day). Whether
 * those rules govern appeals is UNCONFIRMED, hence settings.
 *
 * Everything here is a pure function of its inputs (appeal events, `now`, calendar, policy): no
 * clock, no time-zone database (Tashkent is a fixed UTC+5).
 *
 * @example
 * import { Deadline } from "@murojaat/core"
 * import { Either } from "effect"
 * const s = Either.getOrThrow(Deadline.compute({ kind: "ariza", receivedAt: "2026-03-10T10:00:00+05:00" }))
 * s.clocks.find((c) => c.clock === "consideration")?.dueAt // "2026-03-25T18:00:00+05:00"
 */
import { Either, Option, Schema } from "effect"
import * as Appeal from "./Appeal.js"
import * as Calendar from "./Calendar.js"
import { FieldIssue, InvalidInput, RuleViolation } from "./Errors.js"

// ---------------------------------------------------------------------------------------------
// Vocabulary
// ---------------------------------------------------------------------------------------------

/**
 * Kind of appeal (ZRU-445): the model's `Appeal.Kind`, named here for callers of this module.
 *
 * @example
 * import { Deadline } from "@murojaat/core"
 * Deadline.Kind.literals // ["ariza", "taklif", "shikoyat"]
 */
export const Kind = Appeal.Kind
/** @see Kind */
export type Kind = typeof Kind.Type

/**
 * The clocks of an appeal. Audit vocabulary.
 *
 * @example
 * import { Deadline } from "@murojaat/core"
 * Deadline.ClockId.literals.includes("protectionOrderStudy") // true
 */
export const ClockId = Schema.Literal(
  "registration",
  "forwarding",
  "consideration",
  "proposalNotice",
  "urgentFirstContact",
  "protectionOrderStudy"
)
/** @see ClockId */
export type ClockId = typeof ClockId.Type

/**
 * How a term of days is counted: every calendar day, or working days only.
 *
 * @example
 * import { Deadline } from "@murojaat/core"
 * Deadline.DayUnit.literals // ["calendarDays", "workingDays"]
 */
export const DayUnit = Schema.Literal("calendarDays", "workingDays")
/** @see DayUnit */
export type DayUnit = typeof DayUnit.Type

const HHMM = Schema.String.pipe(
  Schema.pattern(/^([01]\d|2[0-3]):[0-5]\d$/),
  Schema.annotations({ description: "local time HH:MM (Asia/Tashkent)" })
)

const types = (...ts: ReadonlyArray<string>) => Schema.optionalWith(Schema.Array(Schema.String), { default: () => ts })

/**
 * Which event types play which part, so the engine reads any event stream with `type`, `at` and
 * `data` (the defaults are the lifecycle's event names). `terminal` events stop every clock not yet
 * met. The forwarding clock is met only by `forwarded`; `competenceAccepted` events (review started,
 * extra study, an answer) show it `notRequired` (the body works on the appeal as its own), but a
 * forward that comes later is still judged against its 5 days: forwarding late is late. The
 * proposal notice is met only by `extraStudyDeclared` (the written notice that a proposal needs
 * longer study).
 *
 * @example
 * import { Deadline } from "@murojaat/core"
 * Deadline.defaultPolicy.events.answered // ["answered"]
 */
export const EventTypes = Schema.Struct({
  received: types("received"),
  registered: types("registered"),
  triaged: types("triaged", "triageCorrected"),
  extraStudyDeclared: types("extraStudyDeclared"),
  informationRequested: types("informationRequested"),
  informationProvided: types("informationProvided"),
  deadlineExtended: types("deadlineExtended"),
  forwarded: types("forwarded"),
  competenceAccepted: types("reviewStarted", "extraStudyDeclared", "answered"),
  answered: types("answered"),
  firstContact: types("reviewStarted", "informationRequested", "answered"),
  protectionOrderDecided: types("protectionOrderIssued", "protectionOrderRefused", "answered", "handedToCriminalProcedure"),
  escalated: types("escalated"),
  terminal: types("leftWithoutConsideration", "forwarded", "handedToCriminalProcedure", "mergedAsDuplicate", "withdrawn", "closed")
})
/** @see EventTypes */
export type EventTypes = typeof EventTypes.Type

/**
 * The counting policy. Every field has a default (decode `{}` to get them all); where the law is
 * silent the default and its reason are documented in docs/rules/deadlines.md.
 *
 * - `week` (`fiveDay`): the body's working week, for working days and the end-of-term rule.
 * - `workingHours` (`09:00`-`18:00`): when registration "after hours" starts and notices may go out.
 *   UNCONFIRMED: a local setting, not law.
 * - `periodStart` (`nextDay`): a term runs from the day after receipt (Civil Code Art. 146);
 *   `sameDay` counts the day of receipt as day 1.
 * - `endOnNonWorkingDay` (`nextWorkingDay`): a term ending on a non-working day ends on the next
 *   working day (Civil Code, the article after Art. 146; number UNCONFIRMED). `previousWorkingDay`
 *   is the stricter internal practice; `keep` ignores the calendar.
 * - `dueTime` (`endOfWorkingHours`): an act done in an office is due when its working day ends
 *   (Civil Code reading); `endOfDay` gives until 23:59:59.
 * - `forwardingUnit`, `considerationUnit` (`calendarDays`): the law says "days", read as calendar
 *   days; the forwarding unit is UNCONFIRMED in the domain brief.
 * - `urgentFirstContactHours` (3): local policy; the law sets no term for urgent safety cases.
 * - `protectionOrderStudyHours` (24): ZRU-561.
 * - `pauseWhileAwaitingApplicant` (false): the law gives no pause; when on, the days between an
 *   information request and the answer are added to day terms.
 * - `warnWorkingDaysBefore` ([3, 1]) and `warnHoursBefore` ([1]): warnings before a due time.
 * - `safetyNoticesAnyTime` (false): when true, notices of the hour clocks (safety) go out at once
 *   instead of waiting for working hours.
 * - `safetyFlags` (["domesticViolence"]): triage flags that start the protection-order study.
 * - `extensionCountsFrom` (`endOfTerm`): the head's extra month runs from the end of the term it
 *   extends (31 Jan + 1 month extra study = 28 Feb, + 1 month = 28 Mar), never past the 2-month
 *   ceiling; `receipt` gives the whole 2 months from receipt (31 Mar).
 * - `proposalLongerStudyMonths` (2): the term, in months from receipt, of a proposal that needs
 *   longer study (the proposer told within 10 days). ZRU-445 Art. 28 excepts such proposals from the
 *   1-month term and names no other term; the default borrows the 2-month ceiling of the same
 *   article so that no appeal runs without a term.
 *
 * @example
 * import { Deadline, Schema } from "@murojaat/core"
 * Schema.decodeUnknownSync(Deadline.Policy)({}).periodStart // "nextDay"
 */
export const Policy = Schema.Struct({
  week: Schema.optionalWith(Calendar.WeekType, { default: () => "fiveDay" as const }),
  workingHours: Schema.optionalWith(Schema.Struct({ start: HHMM, end: HHMM }), { default: () => ({ start: "09:00", end: "18:00" }) }),
  periodStart: Schema.optionalWith(Schema.Literal("nextDay", "sameDay"), { default: () => "nextDay" as const }),
  endOnNonWorkingDay: Schema.optionalWith(Schema.Literal("nextWorkingDay", "previousWorkingDay", "keep"), {
    default: () => "nextWorkingDay" as const
  }),
  dueTime: Schema.optionalWith(Schema.Literal("endOfWorkingHours", "endOfDay"), { default: () => "endOfWorkingHours" as const }),
  forwardingUnit: Schema.optionalWith(DayUnit, { default: () => "calendarDays" as const }),
  considerationUnit: Schema.optionalWith(DayUnit, { default: () => "calendarDays" as const }),
  urgentFirstContactHours: Schema.optionalWith(Schema.Number.pipe(Schema.greaterThan(0), Schema.lessThanOrEqualTo(72)), { default: () => 3 }),
  protectionOrderStudyHours: Schema.optionalWith(Schema.Number.pipe(Schema.greaterThan(0), Schema.lessThanOrEqualTo(72)), { default: () => 24 }),
  pauseWhileAwaitingApplicant: Schema.optionalWith(Schema.Boolean, { default: () => false }),
  warnWorkingDaysBefore: Schema.optionalWith(Schema.Array(Schema.Int.pipe(Schema.between(1, 30))), { default: () => [3, 1] }),
  warnHoursBefore: Schema.optionalWith(Schema.Array(Schema.Number.pipe(Schema.greaterThan(0))), { default: () => [1] }),
  safetyNoticesAnyTime: Schema.optionalWith(Schema.Boolean, { default: () => false }),
  safetyFlags: Schema.optionalWith(Schema.Array(Schema.String), { default: () => ["domesticViolence"] }),
  extensionCountsFrom: Schema.optionalWith(Schema.Literal("endOfTerm", "receipt"), { default: () => "endOfTerm" as const }),
  proposalLongerStudyMonths: Schema.optionalWith(Schema.Int.pipe(Schema.between(1, 12)), { default: () => 2 }),
  events: Schema.optionalWith(EventTypes, { default: () => Schema.decodeSync(EventTypes)({}) })
}).pipe(
  Schema.filter((p) => p.workingHours.start < p.workingHours.end || "workingHours.start must be before workingHours.end")
)
/** @see Policy */
export type Policy = typeof Policy.Type
/**
 * What a caller may pass: any subset of {@link Policy}.
 *
 * @example
 * import { Deadline } from "@murojaat/core"
 * import { Either } from "effect"
 * const input: Deadline.PolicyInput = { periodStart: "sameDay" }
 * Either.getOrThrow(Deadline.decodePolicy(input)).periodStart // "sameDay"
 */
export type PolicyInput = typeof Policy.Encoded

/**
 * The default policy (every default above).
 *
 * @example
 * import { Deadline } from "@murojaat/core"
 * Deadline.defaultPolicy.pauseWhileAwaitingApplicant // false
 */
export const defaultPolicy: Policy = Schema.decodeSync(Policy)({})

const toInvalid = (subject: string, e: unknown): InvalidInput =>
  new InvalidInput({
    subject,
    issues: [new FieldIssue({ path: "", problem: "invalidValue", detail: e instanceof Error ? e.message : String(e) })]
  })

/**
 * Decodes a policy from unknown input (configuration files), filling defaults.
 *
 * @example
 * import { Deadline } from "@murojaat/core"
 * import { Either } from "effect"
 * Either.isLeft(Deadline.decodePolicy({ week: "fourDay" })) // true
 */
export const decodePolicy = (input: unknown): Either.Either<Policy, InvalidInput> =>
  Either.mapLeft(Schema.decodeUnknownEither(Policy, { errors: "all", onExcessProperty: "error" })(input), (e) => toInvalid("DeadlinePolicy", e))

// ---------------------------------------------------------------------------------------------
// Rules (the table auditors read)
// ---------------------------------------------------------------------------------------------

/**
 * One legal (or policy) rule of a clock, with its source.
 *
 * @example
 * import { Deadline } from "@murojaat/core"
 * const r: Deadline.Rule | undefined = Deadline.rules.find((r) => r.id === "registration.sameDay")
 * r?.clock // "registration"
 */
export interface Rule {
  readonly id: string
  readonly clock: ClockId
  readonly term: string
  readonly source: string
  readonly note: string
}

const ZRU_445_28 = "ZRU-445 of 11 Sep 2017 (Law on appeals of individuals and legal entities), Art. 28"

/**
 * Every rule the engine applies, in docs order.
 *
 * @example
 * import { Deadline } from "@murojaat/core"
 * Deadline.rules.find((r) => r.id === "consideration.standard")?.term // "15 days"
 */
export const rules: ReadonlyArray<Rule> = [
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
    note: "ariza and shikoyat only: by the head of the body, as an exception, telling the applicant in writing. Counts only when recorded before the term it extends ends. The extra month runs from the last day of the term it extends (31 Jan + 1 month of extra study = 28 Feb; + 1 month = 28 Mar), never past the 2-month ceiling (31 Mar): setting `extensionCountsFrom`. A second extension is ignored."
  },
  {
    id: "extension.notForProposal",
    clock: "consideration",
    term: "no extension by the head",
    source: `${ZRU_445_28} (the head's extension is given for applications and complaints; a proposal that needs longer study follows the 10-day notice)`,
    note: "An extension recorded on a taklif is ignored: its term stays 1 month, or the longer-study term when that was declared in time."
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
]

const sourceOf = (id: string): string => rules.find((r) => r.id === id)!.source

// ---------------------------------------------------------------------------------------------
// Results
// ---------------------------------------------------------------------------------------------

/**
 * A day the count stepped over, and why.
 *
 * @example
 * import { Deadline } from "@murojaat/core"
 * import { Either } from "effect"
 * // Received after hours on Thursday 19 March 2026, before the Ramazon hayiti and Navroʻz days off
 * const s = Either.getOrThrow(Deadline.compute({ kind: "ariza", receivedAt: "2026-03-19T19:30:00+05:00" }))
 * const skipped: ReadonlyArray<Deadline.SkippedDay> = s.clocks.find((c) => c.clock === "registration")?.explanation.daysSkipped ?? []
 * skipped.map((d) => d.date) // ["2026-03-20", "2026-03-21", "2026-03-22", "2026-03-23"]
 */
export interface SkippedDay {
  readonly date: string
  readonly reason: string
}

/**
 * Why a clock is due when it is: which rule, its source, where counting started, how many days were
 * counted, which days were skipped and why, and every adjustment (extension, pause, non-working
 * last day).
 *
 * @example
 * import { Deadline } from "@murojaat/core"
 * import { Either } from "effect"
 * const s = Either.getOrThrow(Deadline.compute({ kind: "ariza", receivedAt: "2026-03-10T10:00:00+05:00" }))
 * const why: Deadline.Explanation | undefined = s.clocks.find((c) => c.clock === "consideration")?.explanation
 * why?.countFrom // "2026-03-11"
 */
export interface Explanation {
  readonly ruleId: string
  readonly source: string
  /** The event that starts the clock (receipt), as an ISO instant in +05:00. */
  readonly start: string
  /** The first counted day (ISO date), for day terms. */
  readonly countFrom?: string
  readonly term: string
  readonly unit: "calendarDays" | "workingDays" | "months" | "hours" | "sameDay"
  /** Days in the counted span (calendar days for calendar units, working days for working units). */
  readonly daysCounted: number
  /** Non-working days counted inside a calendar-day term (they count; listed for the reader). */
  readonly nonWorkingDaysCounted: number
  /** Days stepped over: non-working days in a working-day count, and the non-working last days. */
  readonly daysSkipped: ReadonlyArray<SkippedDay>
  readonly adjustments: ReadonlyArray<string>
  /** True when a counted day lies in a year without decree data (fixed holidays only). */
  readonly provisional: boolean
  /** True when the term is paused now, awaiting the applicant (setting `pauseWhileAwaitingApplicant`). */
  readonly awaitingApplicant?: boolean
}

/**
 * One computed clock.
 *
 * @example
 * import { Deadline } from "@murojaat/core"
 * import { Either } from "effect"
 * const s = Either.getOrThrow(Deadline.compute({ kind: "ariza", receivedAt: "2026-03-10T10:00:00+05:00" }))
 * const c: Deadline.Clock | undefined = s.clocks.find((c) => c.clock === "consideration")
 * c?.dueDate // "2026-03-25"
 */
export interface Clock {
  readonly clock: ClockId
  readonly ruleId: string
  /** Due instant, ISO 8601 with +05:00. */
  readonly dueAt: string
  /** Due date (Tashkent), ISO. */
  readonly dueDate: string
  readonly explanation: Explanation
}

/**
 * The clocks of one appeal.
 *
 * @example
 * import { Deadline } from "@murojaat/core"
 * import { Either } from "effect"
 * const s: Deadline.Schedule = Either.getOrThrow(Deadline.compute({ kind: "taklif", receivedAt: "2026-03-10T10:00:00+05:00" }))
 * s.week // "fiveDay"
 */
export interface Schedule {
  readonly kind: Kind
  readonly receivedAt: string
  readonly week: Calendar.WeekType
  readonly clocks: ReadonlyArray<Clock>
}

// ---------------------------------------------------------------------------------------------
// Facts: what the clocks depend on
// ---------------------------------------------------------------------------------------------

/**
 * A period awaiting the applicant; `to` absent while still waiting.
 *
 * @example
 * import { Deadline } from "@murojaat/core"
 * const p: Deadline.Pause = { from: "2026-03-12T10:00:00+05:00", to: "2026-03-16T10:00:00+05:00" }
 * p.to // "2026-03-16T10:00:00+05:00"
 */
export interface Pause {
  readonly from: string
  readonly to?: string
}

/**
 * What the clocks of an appeal depend on. Build it directly (the CLI does) or from events with
 * {@link factsFromEvents}.
 *
 * @example
 * import { Deadline } from "@murojaat/core"
 * import { Either } from "effect"
 * const f: Deadline.Facts = { kind: "ariza", receivedAt: "2026-03-10T10:00:00+05:00", extraStudy: true }
 * Either.isRight(Deadline.compute(f)) // true
 */
export interface Facts {
  readonly kind: Kind
  /** Time of receipt, ISO 8601 (no offset = Tashkent time). */
  readonly receivedAt: string
  readonly extraStudy?: boolean
  /** The head extended the term (once). `until`, when given, asks for less than the full month. */
  readonly extended?: boolean | { readonly until?: string }
  readonly urgent?: boolean
  readonly domesticViolence?: boolean
  readonly pauses?: ReadonlyArray<Pause>
  /** Extensions after the first (ignored by law, reported in the explanation). */
  readonly extraExtensions?: number
  /**
   * Changes that were recorded but do not count (too late, or not allowed for the kind), in words;
   * they are listed in the consideration clock's explanation.
   */
  readonly notes?: ReadonlyArray<string>
}

/**
 * Options shared by every computation.
 *
 * @example
 * import { Calendar, Deadline } from "@murojaat/core"
 * import { Either } from "effect"
 * const o: Deadline.Options = { calendar: Calendar.uzbekistan, explain: false }
 * Either.isRight(Deadline.compute({ kind: "ariza", receivedAt: "2026-03-10T10:00:00+05:00" }, o)) // true
 */
export interface Options {
  readonly calendar?: Calendar.Calendar
  readonly policy?: Policy
  /** When false, explanations carry no day lists (faster; for bulk jobs). Default true. */
  readonly explain?: boolean
}

const MS_H = 3_600_000
const MS_D = 86_400_000

const hhmmToMs = (s: string) => (Number(s.slice(0, 2)) * 60 + Number(s.slice(3, 5))) * 60_000

interface Ctx {
  readonly cal: Calendar.Calendar
  readonly p: Policy
  readonly week: Calendar.WeekType
  readonly workStart: number
  readonly workEnd: number
  readonly explain: boolean
}

const ctxOf = (o: Options | undefined): Ctx => {
  const p = o?.policy ?? defaultPolicy
  return {
    cal: o?.calendar ?? Calendar.uzbekistan,
    p,
    week: p.week,
    workStart: hhmmToMs(p.workingHours.start),
    workEnd: hhmmToMs(p.workingHours.end),
    explain: o?.explain ?? true
  }
}

const reasonText = (ctx: Ctx, d: number): string => {
  const rs = Calendar.reasonsForDayNumber(ctx.cal, d, ctx.week)
  return rs.length === 0 ? "non-working day" : rs.map((r) => (r.from === undefined ? r.name : `${r.name} (from ${r.from})`)).join("; ")
}

const skippedIn = (ctx: Ctx, from: number, toInclusive: number): Array<SkippedDay> => {
  const out: Array<SkippedDay> = []
  if (!ctx.explain) return out
  for (let d = from; d <= toInclusive; d++)
    if (!Calendar.isWorkingDayNumber(ctx.cal, d, ctx.week)) out.push({ date: Calendar.isoFromDay(d), reason: reasonText(ctx, d) })
  return out
}

const provisionalSpan = (ctx: Ctx, from: number, to: number): boolean =>
  !Calendar.isCovered(ctx.cal, from) || !Calendar.isCovered(ctx.cal, to)

const dueInstant = (ctx: Ctx, day: number): number =>
  Calendar.instantOf(day, ctx.p.dueTime === "endOfWorkingHours" ? ctx.workEnd : MS_D - 1000)

const pauseDays = (ctx: Ctx, pauses: ReadonlyArray<Pause> | undefined, nowMs: number | undefined, unit: DayUnit) => {
  let days = 0
  const notes: Array<string> = []
  if (!ctx.p.pauseWhileAwaitingApplicant || pauses === undefined) return { days, notes }
  for (const pz of pauses) {
    const a = Calendar.parseInstant(pz.from)
    const b = pz.to === undefined ? nowMs : Calendar.parseInstant(pz.to)
    if (a === undefined || b === undefined || b <= a) continue
    const fromDay = Calendar.localDay(a)
    const toDay = Calendar.localDay(b)
    const n = unit === "workingDays" ? Calendar.workingDaysBetweenNumbers(ctx.cal, fromDay, toDay, ctx.week) : toDay - fromDay
    if (n <= 0) continue
    days += n
    notes.push(
      `paused ${n} ${unit === "workingDays" ? "working " : ""}day(s) awaiting the applicant, ${Calendar.isoFromDay(fromDay)} to ${Calendar.isoFromDay(toDay)}${pz.to === undefined ? " (still waiting)" : ""} (rule pause.awaitingApplicant)`
    )
  }
  return { days, notes }
}

interface DayTerm {
  readonly clock: ClockId
  readonly ruleId: string
  readonly source: string
  readonly term: string
  readonly amount: number
  readonly unit: DayUnit | "months"
  readonly extension?: { readonly untilDay?: number; readonly extra: number }
  readonly pauses?: ReadonlyArray<Pause>
  readonly notes?: ReadonlyArray<string>
}

/** The core of every day term: count, extend, pause, then settle the last day on the calendar. */
const dayTerm = (ctx: Ctx, receivedMs: number, t: DayTerm, nowMs: number | undefined): Clock => {
  const startDay = Calendar.localDay(receivedMs)
  const sameDay = ctx.p.periodStart === "sameDay"
  const countFrom = sameDay ? startDay : startDay + 1
  const adjustments: Array<string> = []
  let skipped: Array<SkippedDay> = []
  let end: number
  let counted: number
  if (t.unit === "calendarDays") {
    end = countFrom + t.amount - 1
    counted = t.amount
  } else if (t.unit === "workingDays") {
    end = Calendar.nthWorkingDayNumber(ctx.cal, countFrom, t.amount, ctx.week)
    counted = t.amount
    skipped = skippedIn(ctx, countFrom, end)
  } else {
    end = Calendar.addMonths(startDay, t.amount) - (sameDay ? 1 : 0)
    counted = end - countFrom + 1
  }
  let ruleId = t.ruleId
  if (t.extension !== undefined) {
    ruleId = "consideration.extension"
    adjustments.push(`base term: ${t.term} (rule ${t.ruleId}) ending ${Calendar.isoFromDay(end)}`)
    const ceiling = Calendar.addMonths(startDay, 2) - (sameDay ? 1 : 0)
    // The extra month runs from the last day of the term it extends (its nominal last day: moving a
    // non-working last day forward is a grace for acting, not a longer term).
    const full = ctx.p.extensionCountsFrom === "receipt" ? ceiling : Calendar.addMonths(end, 1)
    let target = Math.min(full, ceiling)
    if (t.extension.untilDay !== undefined && t.extension.untilDay < target) target = Math.max(t.extension.untilDay, end)
    adjustments.push(
      `extended by the head from ${Calendar.isoFromDay(end)} to ${Calendar.isoFromDay(target)} (rule consideration.extension: at most 1 month${ctx.p.extensionCountsFrom === "receipt" ? ", counted as 2 months from receipt (setting extensionCountsFrom = receipt)" : ", counted from the last day of the term it extends"}${full > ceiling ? `, capped at the 2-month ceiling ${Calendar.isoFromDay(ceiling)}` : ""})`
    )
    if (t.extension.extra > 0)
      adjustments.push(`${t.extension.extra} further extension(s) ignored: only one is allowed (rule consideration.extension, ${ZRU_445_28})`)
    if (t.unit === "calendarDays" || t.unit === "months") counted += target - end
    else counted += Calendar.workingDaysBetweenNumbers(ctx.cal, end + 1, target + 1, ctx.week)
    end = target
  }
  if (t.notes !== undefined) adjustments.push(...t.notes)
  // Pauses, in order; one that begins after the term (as extended by the earlier pauses) ended is
  // ignored: a term that ran out stays violated (rule term.noLateChanges).
  let awaiting = false
  if (ctx.p.pauseWhileAwaitingApplicant)
    for (const pz of [...(t.pauses ?? [])].sort((a, b) => (Calendar.parseInstant(a.from) ?? 0) - (Calendar.parseInstant(b.from) ?? 0))) {
      const from = Calendar.parseInstant(pz.from)
      if (from === undefined) continue
      if (from > dueInstant(ctx, settleDay(ctx, end))) {
        adjustments.push(`awaiting the applicant from ${Calendar.isoFromDay(Calendar.localDay(from))} not counted: the term had already ended (rule term.noLateChanges)`)
        continue
      }
      const pd = pauseDays(ctx, [pz], nowMs, t.unit === "workingDays" ? "workingDays" : "calendarDays")
      if (pz.to === undefined) awaiting = true
      if (pd.days === 0) continue
      const before = end
      end = t.unit === "workingDays" ? Calendar.nthWorkingDayNumber(ctx.cal, end + 1, pd.days, ctx.week) : end + pd.days
      if (t.unit === "workingDays") skipped = skipped.concat(skippedIn(ctx, before + 1, end))
      counted += pd.days
      adjustments.push(...pd.notes)
    }
  let due = end
  if (!Calendar.isWorkingDayNumber(ctx.cal, end, ctx.week)) {
    const rule = ctx.p.endOnNonWorkingDay
    due = settleDay(ctx, end)
    if (rule === "nextWorkingDay") {
      if (t.unit !== "workingDays") skipped = skipped.concat(skippedIn(ctx, end, due - 1))
      adjustments.push(`the term ended on ${Calendar.isoFromDay(end)}, a non-working day: moved to the next working day ${Calendar.isoFromDay(due)} (rule counting.civilCode)`)
    } else if (rule === "previousWorkingDay") {
      if (t.unit !== "workingDays") skipped = skipped.concat(skippedIn(ctx, due + 1, end))
      adjustments.push(`the term ended on ${Calendar.isoFromDay(end)}, a non-working day: brought back to the previous working day ${Calendar.isoFromDay(due)} (setting endOnNonWorkingDay)`)
    } else adjustments.push(`the term ends on ${Calendar.isoFromDay(end)}, a non-working day, kept (setting endOnNonWorkingDay = keep)`)
  }
  let nonWorkingCounted = 0
  if (ctx.explain && t.unit !== "workingDays")
    nonWorkingCounted = end - countFrom + 1 - Calendar.workingDaysBetweenNumbers(ctx.cal, countFrom, end + 1, ctx.week)
  const dueMs = dueInstant(ctx, due)
  return {
    clock: t.clock,
    ruleId,
    dueAt: Calendar.formatInstant(dueMs),
    dueDate: Calendar.isoFromDay(due),
    explanation: {
      ruleId,
      source: t.source,
      start: Calendar.formatInstant(receivedMs),
      countFrom: Calendar.isoFromDay(countFrom),
      term: t.term,
      unit: t.unit,
      daysCounted: counted,
      nonWorkingDaysCounted: nonWorkingCounted,
      daysSkipped: skipped,
      adjustments,
      provisional: provisionalSpan(ctx, countFrom, due),
      ...(awaiting ? { awaitingApplicant: true } : {})
    }
  }
}

/** The day a term ending on `end` is due, after the end-on-a-non-working-day setting. */
const settleDay = (ctx: Ctx, end: number): number => {
  if (Calendar.isWorkingDayNumber(ctx.cal, end, ctx.week)) return end
  switch (ctx.p.endOnNonWorkingDay) {
    case "nextWorkingDay":
      return Calendar.nextWorkingDayNumber(ctx.cal, end, ctx.week)
    case "previousWorkingDay":
      return Calendar.previousWorkingDayNumber(ctx.cal, end, ctx.week)
    case "keep":
      return end
  }
}

const hourTerm = (ctx: Ctx, receivedMs: number, clock: ClockId, ruleId: string, source: string, hours: number): Clock => {
  const dueMs = receivedMs + hours * MS_H
  return {
    clock,
    ruleId,
    dueAt: Calendar.formatInstant(dueMs),
    dueDate: Calendar.isoFromDay(Calendar.localDay(dueMs)),
    explanation: {
      ruleId,
      source,
      start: Calendar.formatInstant(receivedMs),
      term: `${hours} hours`,
      unit: "hours",
      daysCounted: 0,
      nonWorkingDaysCounted: 0,
      daysSkipped: [],
      adjustments: [`${hours} hours counted continuously from receipt; non-working days and nights are not skipped`],
      provisional: false
    }
  }
}

const registration = (ctx: Ctx, receivedMs: number): Clock => {
  const day = Calendar.localDay(receivedMs)
  const time = Calendar.localTimeOfDay(receivedMs)
  const working = Calendar.isWorkingDayNumber(ctx.cal, day, ctx.week)
  const adjustments: Array<string> = []
  let due = day
  let skipped: Array<SkippedDay> = []
  if (working && time < ctx.workEnd) adjustments.push("received on a working day before the end of working hours: registered the same day")
  else {
    due = Calendar.nextWorkingDayNumber(ctx.cal, day + 1, ctx.week)
    skipped = skippedIn(ctx, day, due - 1)
    adjustments.push(
      working
        ? `received after working hours (${ctx.p.workingHours.end}): registered the next working day ${Calendar.isoFromDay(due)}`
        : `received on a non-working day: registered the next working day ${Calendar.isoFromDay(due)}`
    )
  }
  const dueMs = Calendar.instantOf(due, ctx.workEnd)
  return {
    clock: "registration",
    ruleId: "registration.sameDay",
    dueAt: Calendar.formatInstant(dueMs),
    dueDate: Calendar.isoFromDay(due),
    explanation: {
      ruleId: "registration.sameDay",
      source: "ZRU-445 Art. 23",
      start: Calendar.formatInstant(receivedMs),
      countFrom: Calendar.isoFromDay(day),
      term: "same day, or the next working day after hours",
      unit: "sameDay",
      daysCounted: due - day,
      nonWorkingDaysCounted: 0,
      daysSkipped: skipped,
      adjustments,
      provisional: provisionalSpan(ctx, day, due)
    }
  }
}

const supportedFrom = Date.UTC(1992, 0, 1)
const supportedUntil = Date.UTC(2200, 11, 31)

const invalid = (subject: string, path: string, detail: string, expected?: string) =>
  new InvalidInput({
    subject,
    issues: [new FieldIssue({ path, problem: "invalidValue", detail, ...(expected === undefined ? {} : { expected }) })]
  })

/**
 * Computes every clock of an appeal from its facts. `now` only matters for a pause still open.
 *
 * @example
 * import { Deadline } from "@murojaat/core"
 * import { Either } from "effect"
 * // Received Thursday 19 Mar 2026 at 15:00: Ramazon hayiti (Fri 20), Navro'z (Sat 21), Sunday and the
 * // transferred Monday 23 Mar are skipped by the 5-day week.
 * const s = Either.getOrThrow(Deadline.compute({ kind: "ariza", receivedAt: "2026-03-19T15:00:00+05:00" }, { explain: true }))
 * s.clocks.map((c) => c.clock) // ["registration", "forwarding", "consideration"]
 */
export const compute = (facts: Facts, options?: Options & { readonly now?: string }): Either.Either<Schedule, InvalidInput> => {
  const ctx = ctxOf(options)
  const receivedMs = Calendar.parseInstant(facts.receivedAt)
  if (receivedMs === undefined) return Either.left(invalid("Deadline", "receivedAt", `"${facts.receivedAt}" is not a date and time`, "ISO 8601, e.g. 2026-03-19T15:00:00+05:00"))
  // The calendar model covers the years of the Republic (ZRU-445 is of 2017); outside them day
  // counting is meaningless and would walk centuries of days.
  if (receivedMs < supportedFrom || receivedMs > supportedUntil) {
    return Either.left(invalid("Deadline", "receivedAt", `"${facts.receivedAt}" is outside the supported years`, "a time between 1992 and 2200"))
  }
  const nowMs = options?.now === undefined ? undefined : Calendar.parseInstant(options.now)
  let untilDay: number | undefined
  if (typeof facts.extended === "object" && facts.extended.until !== undefined) {
    const u = Calendar.parseInstant(facts.extended.until)
    if (u === undefined) return Either.left(invalid("Deadline", "extended.until", `"${facts.extended.until}" is not a date`, "ISO 8601 date"))
    untilDay = Calendar.localDay(u)
  }
  return Either.right(schedule(ctx, facts, receivedMs, nowMs, untilDay))
}

const schedule = (ctx: Ctx, facts: Facts, receivedMs: number, nowMs: number | undefined, untilDay: number | undefined): Schedule => {
  const clocks: Array<Clock> = [registration(ctx, receivedMs)]
  const unitWord = (u: DayUnit) => (u === "workingDays" ? "working days" : "days")
  clocks.push(
    dayTerm(
      ctx,
      receivedMs,
      {
        clock: "forwarding",
        ruleId: "forwarding.fiveDays",
        source: sourceOf("forwarding.fiveDays"),
        term: `5 ${unitWord(ctx.p.forwardingUnit)}`,
        amount: 5,
        unit: ctx.p.forwardingUnit,
        ...(facts.pauses === undefined ? {} : { pauses: facts.pauses })
      },
      nowMs
    )
  )
  const proposal = facts.kind === "taklif"
  const extension = facts.extended && !proposal ? { extra: facts.extraExtensions ?? 0, ...(untilDay === undefined ? {} : { untilDay }) } : undefined
  const notes = [
    ...(facts.extended && proposal ? ["an extension by the head is not counted: a proposal is not extended like an application (rule extension.notForProposal)"] : []),
    ...(facts.notes ?? [])
  ]
  const longer = ctx.p.proposalLongerStudyMonths
  const base = proposal
    ? facts.extraStudy
      ? { ruleId: "consideration.proposalLongerStudy", term: `${longer} month(s)`, amount: longer, unit: "months" as const }
      : { ruleId: "consideration.proposal", term: "1 month", amount: 1, unit: "months" as const }
    : facts.extraStudy
        ? { ruleId: "consideration.extraStudy", term: "1 month", amount: 1, unit: "months" as const }
        : { ruleId: "consideration.standard", term: `15 ${unitWord(ctx.p.considerationUnit)}`, amount: 15, unit: ctx.p.considerationUnit }
  clocks.push(
    dayTerm(
      ctx,
      receivedMs,
      {
        clock: "consideration",
        source: ZRU_445_28,
        ...base,
        ...(extension === undefined ? {} : { extension }),
        ...(notes.length === 0 ? {} : { notes }),
        ...(facts.pauses === undefined ? {} : { pauses: facts.pauses })
      },
      nowMs
    )
  )
  if (facts.kind === "taklif")
    clocks.push(
      dayTerm(
        ctx,
        receivedMs,
        {
          clock: "proposalNotice",
          ruleId: "proposal.notice",
          source: ZRU_445_28,
          term: `10 ${unitWord(ctx.p.considerationUnit)}`,
          amount: 10,
          unit: ctx.p.considerationUnit,
          ...(facts.pauses === undefined ? {} : { pauses: facts.pauses })
        },
        nowMs
      )
    )
  if (facts.urgent)
    clocks.push(hourTerm(ctx, receivedMs, "urgentFirstContact", "urgent.firstContact", sourceOf("urgent.firstContact"), ctx.p.urgentFirstContactHours))
  if (facts.domesticViolence)
    clocks.push(hourTerm(ctx, receivedMs, "protectionOrderStudy", "protectionOrder.study", sourceOf("protectionOrder.study"), ctx.p.protectionOrderStudyHours))
  return { kind: facts.kind, receivedAt: Calendar.formatInstant(receivedMs), week: ctx.week, clocks }
}

// ---------------------------------------------------------------------------------------------
// From events
// ---------------------------------------------------------------------------------------------

/**
 * The minimal shape of an appeal event the engine reads: any stored event of the lifecycle fits.
 *
 * @example
 * import { Deadline } from "@murojaat/core"
 * const e: Deadline.EventInput = { type: "received", at: "2026-03-19T15:00:00+05:00", data: { kind: "ariza" } }
 */
export interface EventInput {
  readonly type: string
  readonly at: string
  readonly data?: unknown
  readonly appealId?: string
}

const field = (data: unknown, key: string): unknown =>
  typeof data === "object" && data !== null ? (data as Record<string, unknown>)[key] : undefined

/**
 * A change to the terms (the head's extension, a declaration of extra or longer study) that the
 * law does not allow at that moment: the rule it breaks, the rule's source, and the due time it
 * came after (when it came too late).
 *
 * @example
 * import { Deadline } from "@murojaat/core"
 * const late: Deadline.LateChange = { rule: "extension.beforeTermEnds", source: "ZRU-445 Art. 28", dueAt: "2026-03-25T18:00:00+05:00" }
 * late.rule // "extension.beforeTermEnds"
 */
export interface LateChange {
  readonly rule: "extension.once" | "extension.notForProposal" | "extension.beforeTermEnds" | "extraStudy.once" | "extraStudy.beforeTermEnds" | "extraStudy.proposalWithinTenDays"
  readonly source: string
  readonly dueAt?: string
}

const dueOf = (facts: Facts, clock: ClockId, options: Options | undefined): number | undefined => {
  const s = compute(facts, { ...options, explain: false })
  if (Either.isLeft(s)) return undefined
  const c = s.right.clocks.find((x) => x.clock === clock)
  return c === undefined ? undefined : Calendar.parseInstant(c.dueAt)
}

/**
 * Checks a change to the terms recorded at `at` against ZRU-445 Art. 28, given the facts so far:
 * the head's extension is for ariza and shikoyat, once, while the term runs; extra study (ariza,
 * shikoyat) once, before the 15-day term ends; a proposal's longer study within the 10-day notice
 * term. `None` when the change counts. The lifecycle refuses such a command with the same rule; the
 * engine ignores such an event read from elsewhere. A term that ran out stays violated.
 *
 * @example
 * import { Deadline } from "@murojaat/core"
 * import { Option } from "effect"
 * const facts: Deadline.Facts = { kind: "ariza", receivedAt: "2026-03-10T10:00:00+05:00" }
 * // The 15-day term ends Wed 25 Mar 2026 at 18:00.
 * Option.isNone(Deadline.lateChange(facts, "extension", "2026-03-25T17:00:00+05:00")) // true
 * Option.map(Deadline.lateChange(facts, "extension", "2026-03-26T09:00:00+05:00"), (c) => c.rule) // Option.some("extension.beforeTermEnds")
 */
export const lateChange = (
  facts: Facts,
  change: "extension" | "extraStudy",
  at: string,
  options?: Options & { readonly now?: string }
): Option.Option<LateChange> => {
  const atMs = Calendar.parseInstant(at)
  const proposal = facts.kind === "taklif"
  const refuse = (rule: LateChange["rule"], dueMs?: number) =>
    Option.some<LateChange>({ rule, source: ZRU_445_28, ...(dueMs === undefined ? {} : { dueAt: Calendar.formatInstant(dueMs) }) })
  const late = (dueMs: number | undefined) => atMs !== undefined && dueMs !== undefined && atMs > dueMs
  // Pauses still open count up to the moment of the change.
  const opts = { ...options, now: at }
  if (change === "extension") {
    if (proposal) return refuse("extension.notForProposal")
    if (facts.extended) return refuse("extension.once")
    const due = dueOf({ ...facts, extended: false }, "consideration", opts)
    return late(due) ? refuse("extension.beforeTermEnds", due) : Option.none()
  }
  if (facts.extraStudy) return refuse("extraStudy.once")
  if (proposal) {
    const due = dueOf(facts, "proposalNotice", opts)
    return late(due) ? refuse("extraStudy.proposalWithinTenDays", due) : Option.none()
  }
  const due = dueOf({ ...facts, extended: false }, "consideration", opts)
  return late(due) ? refuse("extraStudy.beforeTermEnds", due) : Option.none()
}

const noteOf = (type: string, at: string, c: LateChange): string =>
  `${type} at ${at} not counted: ${
    c.rule === "extension.notForProposal"
      ? "a proposal is not extended like an application"
      : c.rule === "extension.once"
        ? "only one extension is allowed"
        : c.rule === "extraStudy.once"
          ? "extra study is declared once"
          : c.rule === "extraStudy.proposalWithinTenDays"
            ? `longer study of a proposal is declared, with the written notice, within 10 days (they ended ${c.dueAt})`
            : `the term it would change had already ended at ${c.dueAt}`
  } (rule ${c.rule}; a term that ran out stays violated: rule term.noLateChanges)`

/**
 * Reads the facts the clocks depend on from an appeal's events: the kind and receipt time
 * (`received`: `data.kind`, `data.receivedAt` or the event time), the latest triage (priority
 * `urgent`; a safety flag such as `domesticViolence`), extra study, the extension and the pauses
 * awaiting the applicant. Events are read in time order, as they happened: an extension or a
 * declaration of extra study that came too late ({@link lateChange}) does not count and is listed in
 * `notes`.
 *
 * @example
 * import { Deadline } from "@murojaat/core"
 * import { Either } from "effect"
 * const f = Deadline.factsFromEvents([{ type: "received", at: "2026-03-19T15:00:00+05:00", data: { kind: "shikoyat" } }])
 * Either.getOrThrow(f).kind // "shikoyat"
 */
export const factsFromEvents = (
  events: ReadonlyArray<EventInput>,
  policy: Policy = defaultPolicy,
  options?: Options & { readonly now?: string }
): Either.Either<Facts, InvalidInput> => {
  const T = policy.events
  const received = events.find((e) => T.received.includes(e.type))
  if (received === undefined) return Either.left(invalid("AppealEvents", "", "no received event", `an event of type ${T.received.join(" | ")}`))
  const kind = field(received.data, "kind")
  if (kind !== "ariza" && kind !== "taklif" && kind !== "shikoyat")
    return Either.left(invalid("AppealEvents", "received.data.kind", `got ${JSON.stringify(kind)}`, '"ariza" | "taklif" | "shikoyat"'))
  const receivedAtRaw = field(received.data, "receivedAt")
  const receivedAt = typeof receivedAtRaw === "string" ? receivedAtRaw : received.at
  if (Calendar.parseInstant(receivedAt) === undefined)
    return Either.left(invalid("AppealEvents", "received.data.receivedAt", `"${receivedAt}" is not a date and time`, "ISO 8601 instant"))
  const opts: Options & { readonly now?: string } = { ...options, policy }
  let facts: Facts = { kind, receivedAt, extraStudy: false, urgent: false, domesticViolence: false }
  let extensions = 0
  const pauses: Array<Pause> = []
  const notes: Array<string> = []
  let open: string | undefined
  const ordered = events
    .map((e, i) => ({ e, i, ms: Calendar.parseInstant(e.at) ?? Number.POSITIVE_INFINITY }))
    .sort((a, b) => a.ms - b.ms || a.i - b.i)
    .map((x) => x.e)
  const withPauses = (): Facts => ({ ...facts, ...(pauses.length > 0 || open !== undefined ? { pauses: [...pauses, ...(open === undefined ? [] : [{ from: open }])] } : {}) })
  for (const e of ordered) {
    if (T.triaged.includes(e.type)) {
      const flags = field(e.data, "flags")
      facts = {
        ...facts,
        urgent: field(e.data, "priority") === "urgent",
        domesticViolence: Array.isArray(flags) && flags.some((f) => policy.safetyFlags.includes(String(f)))
      }
    }
    if (T.extraStudyDeclared.includes(e.type)) {
      const late = lateChange(withPauses(), "extraStudy", e.at, opts)
      if (Option.isNone(late)) facts = { ...facts, extraStudy: true }
      else if (late.value.rule !== "extraStudy.once") notes.push(noteOf(e.type, e.at, late.value))
    }
    if (T.deadlineExtended.includes(e.type)) {
      const late = lateChange(withPauses(), "extension", e.at, opts)
      if (Option.isNone(late)) {
        extensions++
        const u = field(e.data, "until")
        facts = { ...facts, extended: typeof u === "string" ? { until: u } : true }
      } else if (late.value.rule === "extension.once") extensions++
      else notes.push(noteOf(e.type, e.at, late.value))
    }
    if (T.informationRequested.includes(e.type) && open === undefined) open = e.at
    else if (T.informationProvided.includes(e.type) && open !== undefined) {
      pauses.push({ from: open, to: e.at })
      open = undefined
    }
  }
  const all = withPauses()
  return Either.right({
    ...all,
    ...(extensions > 1 ? { extraExtensions: extensions - 1 } : {}),
    ...(notes.length > 0 ? { notes } : {})
  })
}

/**
 * Computes every clock of an appeal from its events.
 *
 * @example
 * import { Deadline } from "@murojaat/core"
 * import { Either } from "effect"
 * const s = Deadline.fromEvents([{ type: "received", at: "2026-03-19T15:00:00+05:00", data: { kind: "taklif" } }])
 * Either.getOrThrow(s).clocks.map((c) => c.clock).includes("proposalNotice") // true
 */
export const fromEvents = (
  events: ReadonlyArray<EventInput>,
  options?: Options & { readonly now?: string }
): Either.Either<Schedule, InvalidInput> =>
  Either.flatMap(factsFromEvents(events, options?.policy ?? defaultPolicy, options), (f) => compute(f, options))

// ---------------------------------------------------------------------------------------------
// Status, warnings, overdue, escalation
// ---------------------------------------------------------------------------------------------

/**
 * Where a clock stands at `now`:
 * `running`, `dueSoon` (a warning threshold passed), `overdue`, `met` (done in time), `metLate`,
 * `stopped` (the appeal ended another way before the term ran out: withdrawn, forwarded, merged...),
 * `stoppedLate` (it ended another way after the term had run out: the term stays violated),
 * `paused` (awaiting the applicant with the pause setting on), `notRequired` (a clock that counts
 * only when its act is needed, forwarding or the proposal notice, and the act was not needed: the
 * appeal stayed with the body, the proposal needed no longer study).
 *
 * Violated: `overdue`, `metLate`, `stoppedLate`. Once violated, a clock never shows anything else.
 *
 * @example
 * import { Deadline } from "@murojaat/core"
 * import { Either } from "effect"
 * const r = Either.getOrThrow(Deadline.status([{ type: "received", at: "2026-03-02T10:00:00+05:00", data: { kind: "ariza" } }], "2026-04-01T10:00:00+05:00"))
 * const state: Deadline.ClockState | undefined = r.clocks.find((c) => c.clock === "consideration")?.state
 * state // "overdue"
 */
export type ClockState = "running" | "dueSoon" | "overdue" | "met" | "metLate" | "stopped" | "stoppedLate" | "paused" | "notRequired"

/**
 * The states that count as a violated term (CM resolution No. 40 of 2026 scores deadline-violated
 * appeals).
 *
 * @example
 * import { Deadline } from "@murojaat/core"
 * Deadline.violated.has("stoppedLate") // true
 * Deadline.violated.has("notRequired") // false
 */
export const violated: ReadonlySet<ClockState> = new Set<ClockState>(["overdue", "metLate", "stoppedLate"])

/**
 * The clocks that count only when their act turns out to be needed: forwarding (only an appeal the
 * body forwards owes it) and the proposal notice (only a proposal that needs longer study owes it).
 * They raise no warnings and never fall overdue; the act done late shows as `metLate`.
 *
 * @example
 * import { Deadline } from "@murojaat/core"
 * Deadline.conditional.has("forwarding") // true
 */
export const conditional: ReadonlySet<ClockId> = new Set<ClockId>(["forwarding", "proposalNotice"])

/**
 * A clock with its state at `now`.
 *
 * @example
 * import { Deadline } from "@murojaat/core"
 * import { Either } from "effect"
 * const cs: ReadonlyArray<Deadline.ClockStatus> = Either.getOrThrow(Deadline.overdue([{ type: "received", at: "2026-03-02T10:00:00+05:00", data: { kind: "ariza" } }], "2026-04-01T10:00:00+05:00"))
 * cs.every((c) => c.state === "overdue") // true
 */
export interface ClockStatus extends Clock {
  readonly state: ClockState
  /** When the clock was met (or stopped), ISO. */
  readonly settledAt?: string
  /** The event type that met or stopped it. */
  readonly settledBy?: string
}

/**
 * A warning or overdue notice, scheduled in working hours.
 *
 * @example
 * import { Deadline } from "@murojaat/core"
 * import { Either } from "effect"
 * const r = Either.getOrThrow(Deadline.status([{ type: "received", at: "2026-03-02T10:00:00+05:00", data: { kind: "ariza" } }], "2026-04-01T10:00:00+05:00"))
 * const w: Deadline.Warning | undefined = r.warnings.find((w) => w.clock === "consideration" && w.level === "overdue")
 * w?.threshold // "due time passed"
 */
export interface Warning {
  readonly clock: ClockId
  readonly ruleId: string
  readonly level: "dueSoon" | "overdue"
  /** What threshold it is: "3 working days before", "1 hour before", "due time passed". */
  readonly threshold: string
  /** When the threshold was crossed. */
  readonly at: string
  /** When to send the notice: `at`, moved into working hours. */
  readonly notifyAt: string
  readonly dueAt: string
}

/**
 * Everything about an appeal's clocks at `now`.
 *
 * @example
 * import { Deadline } from "@murojaat/core"
 * import { Either } from "effect"
 * const r: Deadline.Report = Either.getOrThrow(Deadline.status([{ type: "received", at: "2026-03-02T10:00:00+05:00", data: { kind: "ariza" } }], "2026-03-02T11:00:00+05:00"))
 * r.now // "2026-03-02T11:00:00+05:00"
 */
export interface Report {
  readonly now: string
  readonly clocks: ReadonlyArray<ClockStatus>
  readonly warnings: ReadonlyArray<Warning>
}

const completionTypes = (T: EventTypes, clock: ClockId): ReadonlyArray<string> => {
  switch (clock) {
    case "registration":
      return T.registered
    case "forwarding":
      return T.forwarded
    case "consideration":
      return T.answered
    case "proposalNotice":
      return T.extraStudyDeclared
    case "urgentFirstContact":
      return T.firstContact
    case "protectionOrderStudy":
      return T.protectionOrderDecided
  }
}

const isHourClock = (c: ClockId) => c === "urgentFirstContact" || c === "protectionOrderStudy"

/**
 * Moves a notice time into working hours: unchanged inside working hours of a working day; the start
 * of working hours the same day when earlier; otherwise the start of the next working day.
 *
 * @example
 * import { Deadline } from "@murojaat/core"
 * Deadline.scheduleNotice("2026-03-19T19:30:00+05:00") // "2026-03-24T09:00:00+05:00" (holidays 20-23 Mar)
 */
export const scheduleNotice = (at: string, options?: Options): string => {
  const ms = Calendar.parseInstant(at)
  if (ms === undefined) throw new RangeError(`not a date and time: ${at}`)
  return Calendar.formatInstant(noticeMs(ctxOf(options), ms))
}

const noticeMs = (ctx: Ctx, ms: number): number => {
  const day = Calendar.localDay(ms)
  const t = Calendar.localTimeOfDay(ms)
  if (Calendar.isWorkingDayNumber(ctx.cal, day, ctx.week)) {
    if (t >= ctx.workStart && t < ctx.workEnd) return ms
    if (t < ctx.workStart) return Calendar.instantOf(day, ctx.workStart)
  }
  return Calendar.instantOf(Calendar.nextWorkingDayNumber(ctx.cal, day + 1, ctx.week), ctx.workStart)
}

/** The k-th working day strictly before `day`. */
const workingDaysBefore = (ctx: Ctx, day: number, k: number): number => {
  let d = day
  let left = k
  while (left > 0) {
    d--
    if (Calendar.isWorkingDayNumber(ctx.cal, d, ctx.week)) left--
  }
  return d
}

/**
 * Every clock's state at `now`, and the warnings due by `now` (each scheduled in working hours).
 * A pure function of (events, now): the same inputs always give the same report.
 *
 * @example
 * import { Deadline } from "@murojaat/core"
 * import { Either } from "effect"
 * const events = [{ type: "received", at: "2026-03-02T10:00:00+05:00", data: { kind: "ariza" } }]
 * const r = Either.getOrThrow(Deadline.status(events, "2026-03-20T10:00:00+05:00"))
 * r.clocks.find((c) => c.clock === "consideration")?.state // "overdue"
 */
export const status = (events: ReadonlyArray<EventInput>, now: string, options?: Options): Either.Either<Report, InvalidInput> => {
  const ctx = ctxOf(options)
  const nowMs = Calendar.parseInstant(now)
  if (nowMs === undefined) return Either.left(invalid("Deadline", "now", `"${now}" is not a date and time`, "ISO 8601 instant"))
  if (nowMs < supportedFrom || nowMs > supportedUntil) return Either.left(invalid("Deadline", "now", `"${now}" is outside the supported years`, "a time between 1992 and 2200"))
  // Only what has happened by `now` counts: a later extension or answer is not known yet.
  const sorted = events
    .map((e) => ({ e, ms: Calendar.parseInstant(e.at) }))
    .filter((x): x is { e: EventInput; ms: number } => x.ms !== undefined && x.ms <= nowMs)
  return Either.map(fromEvents(sorted.map((x) => x.e), { ...options, now }), (s) => {
    const T = ctx.p.events
    const clocks: Array<ClockStatus> = []
    const warnings: Array<Warning> = []
    for (const c of s.clocks) {
      const dueMs = Calendar.parseInstant(c.dueAt)!
      const done = completionTypes(T, c.clock)
      const optional = conditional.has(c.clock)
      // An answer ends the need for a proposal notice; working on the appeal (review, extra study,
      // an answer) shows that the body keeps it, so no forwarding is needed. A conditional clock's
      // act still counts whenever it comes: a forward on day 10 after review began is late.
      const stops = optional ? [...T.terminal, ...T.answered, ...(c.clock === "forwarding" ? T.competenceAccepted : [])] : T.terminal
      const settle = optional
        ? (sorted.find(({ e }) => done.includes(e.type)) ?? sorted.find(({ e }) => stops.includes(e.type)))
        : sorted.find(({ e }) => done.includes(e.type) || stops.includes(e.type))
      if (settle !== undefined) {
        const met = done.includes(settle.e.type)
        const inTime = settle.ms <= dueMs
        clocks.push({
          ...c,
          state: met ? (inTime ? "met" : "metLate") : optional ? "notRequired" : inTime ? "stopped" : "stoppedLate",
          settledAt: Calendar.formatInstant(settle.ms),
          settledBy: settle.e.type
        })
        continue
      }
      if (optional) {
        clocks.push({ ...c, state: nowMs > dueMs ? "notRequired" : "running" })
        continue
      }
      if (c.explanation.awaitingApplicant === true) {
        clocks.push({ ...c, state: "paused" })
        continue
      }
      const safety = isHourClock(c.clock)
      const sched = (ms: number) => (safety && ctx.p.safetyNoticesAnyTime ? ms : noticeMs(ctx, ms))
      if (nowMs > dueMs) {
        clocks.push({ ...c, state: "overdue" })
        warnings.push({
          clock: c.clock,
          ruleId: c.ruleId,
          level: "overdue",
          threshold: "due time passed",
          at: c.dueAt,
          notifyAt: Calendar.formatInstant(sched(dueMs)),
          dueAt: c.dueAt
        })
        continue
      }
      const thresholds: Array<{ ms: number; label: string }> = safety
        ? ctx.p.warnHoursBefore.map((h) => ({ ms: dueMs - h * MS_H, label: `${h} hour(s) before` }))
        : ctx.p.warnWorkingDaysBefore.map((k) => ({
            ms: Calendar.instantOf(workingDaysBefore(ctx, Calendar.localDay(dueMs), k), ctx.workStart),
            label: `${k} working day(s) before`
          }))
      const crossed = thresholds.filter((t) => t.ms <= nowMs).sort((a, b) => b.ms - a.ms)
      const latest = crossed[0]
      if (latest !== undefined)
        warnings.push({
          clock: c.clock,
          ruleId: c.ruleId,
          level: "dueSoon",
          threshold: latest.label,
          at: Calendar.formatInstant(latest.ms),
          notifyAt: Calendar.formatInstant(sched(latest.ms)),
          dueAt: c.dueAt
        })
      clocks.push({ ...c, state: latest !== undefined ? "dueSoon" : "running" })
    }
    return { now: Calendar.formatInstant(nowMs), clocks, warnings }
  })
}

/**
 * The clocks overdue at `now`.
 *
 * @example
 * import { Deadline } from "@murojaat/core"
 * import { Either } from "effect"
 * const events = [{ type: "received", at: "2026-03-02T10:00:00+05:00", data: { kind: "ariza" } }]
 * Either.getOrThrow(Deadline.overdue(events, "2026-04-01T10:00:00+05:00")).map((c) => c.clock) // ["registration", "consideration"]
 */
export const overdue = (events: ReadonlyArray<EventInput>, now: string, options?: Options): Either.Either<ReadonlyArray<ClockStatus>, InvalidInput> =>
  Either.map(status(events, now, options), (r) => r.clocks.filter((c) => c.state === "overdue"))

/**
 * The lifecycle command to escalate an overdue appeal, with why and when to send it.
 *
 * @example
 * import { Deadline } from "@murojaat/core"
 * import { Either, Option } from "effect"
 * const events = [{ type: "received", at: "2026-03-02T10:00:00+05:00", data: { kind: "ariza" }, appealId: "A-1" }]
 * const e: Option.Option<Deadline.Escalation> = Either.getOrThrow(Deadline.escalation(events, "2026-04-01T10:00:00+05:00"))
 * Option.map(e, (x) => x.command.appealId) // Option.some("A-1")
 */
export interface Escalation {
  /** The `escalate` command of the lifecycle (`Command.Escalate`). */
  readonly command: { readonly type: "escalate"; readonly appealId: string; readonly reason: string }
  readonly clocks: ReadonlyArray<ClockId>
  readonly ruleIds: ReadonlyArray<string>
  /** The earliest due time passed. */
  readonly overdueSince: string
  /** Send no earlier than this (working hours; safety clocks at once when configured). */
  readonly notBefore: string
}

/**
 * The escalation due at `now`: an `escalate` command when a clock is overdue and the appeal was not
 * escalated since that clock fell due; `None` otherwise.
 *
 * @example
 * import { Deadline } from "@murojaat/core"
 * import { Either, Option } from "effect"
 * const events = [{ type: "received", at: "2026-03-02T10:00:00+05:00", data: { kind: "ariza" }, appealId: "A-1" }]
 * const e = Either.getOrThrow(Deadline.escalation(events, "2026-04-01T10:00:00+05:00"))
 * Option.map(e, (x) => x.command.type) // Option.some("escalate")
 */
export const escalation = (
  events: ReadonlyArray<EventInput>,
  now: string,
  options?: Options
): Either.Either<Option.Option<Escalation>, InvalidInput> =>
  Either.map(status(events, now, options), (r) => {
    const ctx = ctxOf(options)
    const late = r.clocks.filter((c) => c.state === "overdue")
    if (late.length === 0) return Option.none()
    const since = Math.min(...late.map((c) => Calendar.parseInstant(c.dueAt)!))
    const nowMs = Calendar.parseInstant(now)!
    const escalatedSince = events.some((e) => {
      const ms = Calendar.parseInstant(e.at)
      return ctx.p.events.escalated.includes(e.type) && ms !== undefined && ms >= since && ms <= nowMs
    })
    if (escalatedSince) return Option.none()
    const safety = late.some((c) => isHourClock(c.clock))
    const appealId = events.find((e) => typeof e.appealId === "string")?.appealId ?? ""
    return Option.some({
      command: {
        type: "escalate" as const,
        appealId,
        reason: `Overdue: ${late.map((c) => `${c.clock} was due ${c.dueAt} (${c.ruleId})`).join("; ")}`
      },
      clocks: late.map((c) => c.clock),
      ruleIds: late.map((c) => c.ruleId),
      overdueSince: Calendar.formatInstant(since),
      notBefore: Calendar.formatInstant(safety && ctx.p.safetyNoticesAnyTime ? nowMs : noticeMs(ctx, nowMs))
    })
  })

/**
 * Checks a new extension against the law before the lifecycle accepts it: by the head, for ariza
 * and shikoyat only, once, while the term still runs (ZRU-445 Art. 28). `now` (default: the last
 * event's time) is when the extension would be recorded. Returns the extended consideration clock,
 * or `RuleViolation` with the rule (`extension.once`, `extension.notForProposal`,
 * `extension.beforeTermEnds`).
 *
 * @example
 * import { Deadline } from "@murojaat/core"
 * import { Either } from "effect"
 * const events = [{ type: "received", at: "2026-03-02T10:00:00+05:00", data: { kind: "ariza" }, appealId: "A-1" }]
 * Either.isRight(Deadline.checkExtension(events, { now: "2026-03-10T10:00:00+05:00" })) // true
 * // The 15-day term ended Tue 17 Mar 2026 at 18:00: too late to extend it.
 * Either.isLeft(Deadline.checkExtension(events, { now: "2026-03-18T10:00:00+05:00" })) // true
 */
export const checkExtension = (
  events: ReadonlyArray<EventInput>,
  options?: Options & { readonly now?: string }
): Either.Either<Clock, RuleViolation | InvalidInput> => {
  const policy = options?.policy ?? defaultPolicy
  const appealId = events.find((e) => typeof e.appealId === "string")?.appealId ?? ""
  const latest = Math.max(...events.map((e) => Calendar.parseInstant(e.at) ?? Number.NEGATIVE_INFINITY))
  const at = options?.now ?? (Number.isFinite(latest) ? Calendar.formatInstant(latest) : "")
  return Either.flatMap(factsFromEvents(events, policy, { ...options, now: at }), (f): Either.Either<Clock, RuleViolation | InvalidInput> => {
    const late = lateChange(f, "extension", at, options)
    if (Option.isSome(late)) return Either.left(new RuleViolation({ appealId, rule: late.value.rule, source: late.value.source }))
    return Either.map(compute({ ...f, extended: true }, { ...options, now: at }), (s) => s.clocks.find((c) => c.clock === "consideration")!)
  })
}
