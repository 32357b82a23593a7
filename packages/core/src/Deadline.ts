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
 * How days are counted is {@link Settings} with documented defaults: the appeals law (ZRU-445) says
 * "days" and "months" and nothing on counting, so the defaults follow the Civil Code's general
 * rules (a period starts on the day after the event, Art. 146; a period of months ends on the same
 * date of the last month; a term ending on a non-working day moves to the next working day). Whether
 * those rules govern appeals is UNCONFIRMED, hence settings.
 *
 * Everything here is a pure function of its inputs (appeal events, `now`, calendar, settings): no
 * clock, no time-zone database (Tashkent is a fixed UTC+5).
 *
 * @example
 * import { Deadline } from "@murojaat/core"
 * import { Either } from "effect"
 * const s = Either.getOrThrow(Deadline.compute({ kind: "ariza", receivedAt: "2026-03-10T10:00:00+05:00" }))
 * s.clocks.find((c) => c.clock === "consideration")?.dueAt // "2026-03-25T18:00:00+05:00"
 *
 * @since 0.1.0
 */
import type { Either, Option } from "effect"
import { Schema } from "effect"
import * as Appeal from "./Appeal.js"
import type * as Calendar from "./Calendar.js"
import type { InvalidInput, RuleViolation } from "./Errors.js"
import * as compute_ from "./internal/deadline/compute.js"
import * as escalation_ from "./internal/deadline/escalation.js"
import * as events_ from "./internal/deadline/events.js"
import * as extension_ from "./internal/deadline/extension.js"
import * as fromState_ from "./internal/deadline/fromState.js"
import * as lateChange_ from "./internal/deadline/lateChange.js"
import * as rules_ from "./internal/deadline/rules.js"
import * as settings_ from "./internal/deadline/settings.js"
import * as status_ from "./internal/deadline/status.js"

// ---------------------------------------------------------------------------------------------
// Vocabulary
// ---------------------------------------------------------------------------------------------

/**
 * Kind of appeal (ZRU-445): the model's `Appeal.Kind`, named here for callers of this module.
 *
 * @example
 * import { Deadline } from "@murojaat/core"
 * Deadline.Kind.literals // ["ariza", "taklif", "shikoyat"]
 *
 * @since 0.1.0
 * @category models
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
 *
 * @since 0.1.0
 * @category models
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
 *
 * @since 0.1.0
 * @category settings
 */
export const DayUnit = settings_.DayUnit
/** @see DayUnit */
export type DayUnit = typeof DayUnit.Type

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
 * Deadline.defaultSettings.events.answered // ["answered"]
 *
 * @since 0.1.0
 * @category settings
 */
export const EventTypes = settings_.EventTypes
/** @see EventTypes */
export type EventTypes = typeof EventTypes.Type

/**
 * The counting settings. Every field has a default (decode `{}` to get them all); where the law is
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
 * - `urgentFirstContactHours` (3): a Murojaat choice; the law sets no term for urgent safety cases.
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
 * import { Deadline } from "@murojaat/core"
 * import { Schema } from "effect"
 * Schema.decodeUnknownSync(Deadline.Settings)({}).periodStart // "nextDay"
 *
 * @since 0.2.0
 * @category settings
 */
export const Settings = settings_.Settings
/** @see Settings */
export type Settings = typeof Settings.Type
/**
 * What a caller may pass: any subset of {@link Settings}.
 *
 * @example
 * import { Deadline } from "@murojaat/core"
 * import { Either } from "effect"
 * const input: Deadline.SettingsInput = { periodStart: "sameDay" }
 * Either.getOrThrow(Deadline.decodeSettings(input)).periodStart // "sameDay"
 *
 * @since 0.2.0
 * @category settings
 */
export type SettingsInput = typeof Settings.Encoded

/**
 * The default settings (every default above).
 *
 * @example
 * import { Deadline } from "@murojaat/core"
 * Deadline.defaultSettings.pauseWhileAwaitingApplicant // false
 *
 * @since 0.2.0
 * @category settings
 */
export const defaultSettings: Settings = settings_.defaultSettings

/**
 * Decodes settings from unknown input (configuration files), filling defaults. Unknown fields are
 * refused (`InvalidInput`, subject `Deadline.Settings`).
 *
 * @example
 * import { Deadline } from "@murojaat/core"
 * import { Either } from "effect"
 * Either.isLeft(Deadline.decodeSettings({ week: "fourDay" })) // true
 *
 * @since 0.2.0
 * @category settings
 */
export const decodeSettings: (input: unknown) => Either.Either<Settings, InvalidInput> = settings_.decodeSettings

// ---------------------------------------------------------------------------------------------
// Rules (the table auditors read)
// ---------------------------------------------------------------------------------------------

/**
 * One legal (or settings) rule of a clock, with its source.
 *
 * @example
 * import { Deadline } from "@murojaat/core"
 * const r: Deadline.Rule | undefined = Deadline.rules.find((r) => r.id === "registration.sameDay")
 * r?.clock // "registration"
 *
 * @since 0.1.0
 * @category rules
 */
export interface Rule {
  readonly id: RuleId
  readonly clock: ClockId
  readonly term: string
  readonly source: string
  readonly note: string
}

/**
 * The id of a deadline rule, derived from the table (`as const`): part of the one registry's
 * `Rule.Id`.
 *
 * @example
 * import { Deadline } from "@murojaat/core"
 * const id: Deadline.RuleId = "consideration.standard"
 * Deadline.rules.some((r) => r.id === id) // true
 *
 * @since 0.2.0
 * @category rules
 */
export type RuleId = (typeof rules_.rules)[number]["id"]

/**
 * Every rule the engine applies, in docs order.
 *
 * @example
 * import { Deadline } from "@murojaat/core"
 * Deadline.rules.find((r) => r.id === "consideration.standard")?.term // "15 days"
 *
 * @since 0.1.0
 * @category rules
 */
export const rules: ReadonlyArray<Rule> = rules_.rules

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
 *
 * @since 0.1.0
 * @category models
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
 *
 * @since 0.1.0
 * @category models
 */
export interface Explanation {
  readonly ruleId: RuleId
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
 *
 * @since 0.1.0
 * @category models
 */
export interface Clock {
  readonly clock: ClockId
  readonly ruleId: RuleId
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
 *
 * @since 0.1.0
 * @category models
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
 *
 * @since 0.1.0
 * @category models
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
 *
 * @since 0.1.0
 * @category models
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
 *
 * @since 0.1.0
 * @category models
 */
export interface Options {
  readonly calendar?: Calendar.Calendar
  /** The counting settings (default {@link defaultSettings}). */
  readonly settings?: Settings
  /** When false, explanations carry no day lists (faster; for bulk jobs). Default true. */
  readonly explain?: boolean
}

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
 *
 * @since 0.1.0
 * @category computation
 */
export const compute: (facts: Facts, options?: Options & { readonly now?: string }) => Either.Either<Schedule, InvalidInput> =
  compute_.compute

// ---------------------------------------------------------------------------------------------
// From events
// ---------------------------------------------------------------------------------------------

/**
 * The minimal shape of an appeal event the engine reads: any stored event of the lifecycle fits.
 *
 * @example
 * import { Deadline } from "@murojaat/core"
 * const e: Deadline.EventInput = { type: "received", at: "2026-03-19T15:00:00+05:00", data: { kind: "ariza" } }
 *
 * @since 0.1.0
 * @category events
 */
export interface EventInput {
  readonly type: string
  readonly at: string
  readonly data?: unknown
  readonly appealId?: string
}

/**
 * A change to the terms (the head's extension, a declaration of extra or longer study) that the
 * law does not allow at that moment: the rule it breaks, the rule's source, and the due time it
 * came after (when it came too late).
 *
 * @example
 * import { Deadline } from "@murojaat/core"
 * const late: Deadline.LateChange = { rule: "extension.beforeTermEnds", source: "ZRU-445 Art. 28", dueAt: "2026-03-25T18:00:00+05:00" }
 * late.rule // "extension.beforeTermEnds"
 *
 * @since 0.1.0
 * @category late changes
 */
export interface LateChange {
  readonly rule: (typeof lateChangeRules)[number]
  readonly source: string
  readonly dueAt?: string
}

/**
 * The lifecycle's rules (`AppealMachine.rules`, ids of `Rule.Id`) that a change to the terms can
 * break: the machine refuses such a command, and the engine ignores such an event read from
 * elsewhere ({@link lateChange}). They are stated once, in the machine; docs/rules/deadlines.md
 * lists them with the clocks.
 *
 * @example
 * import { Deadline } from "@murojaat/core"
 * Deadline.lateChangeRules.includes("extension.notForProposal") // true
 *
 * @since 0.2.0
 * @category late changes
 */
export const lateChangeRules = lateChange_.lateChangeRules

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
 *
 * @since 0.1.0
 * @category late changes
 */
export const lateChange: (
  facts: Facts,
  change: "extension" | "extraStudy",
  at: string,
  options?: Options & { readonly now?: string }
) => Option.Option<LateChange> = lateChange_.lateChange

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
 *
 * @since 0.1.0
 * @category events
 */
export const factsFromEvents: (
  events: ReadonlyArray<EventInput>,
  settings?: Settings,
  options?: Options & { readonly now?: string }
) => Either.Either<Facts, InvalidInput> = events_.factsFromEvents

/**
 * Computes every clock of an appeal from its events.
 *
 * @example
 * import { Deadline } from "@murojaat/core"
 * import { Either } from "effect"
 * const s = Deadline.fromEvents([{ type: "received", at: "2026-03-19T15:00:00+05:00", data: { kind: "taklif" } }])
 * Either.getOrThrow(s).clocks.map((c) => c.clock).includes("proposalNotice") // true
 *
 * @since 0.1.0
 * @category events
 */
export const fromEvents: (
  events: ReadonlyArray<EventInput>,
  options?: Options & { readonly now?: string }
) => Either.Either<Schedule, InvalidInput> = events_.fromEvents

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
 *
 * @since 0.1.0
 * @category status
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
 *
 * @since 0.1.0
 * @category status
 */
export const violated: ReadonlySet<ClockState> = status_.violated

/**
 * The clocks that count only when their act turns out to be needed: forwarding (only an appeal the
 * body forwards owes it) and the proposal notice (only a proposal that needs longer study owes it).
 * They raise no warnings and never fall overdue; the act done late shows as `metLate`.
 *
 * @example
 * import { Deadline } from "@murojaat/core"
 * Deadline.conditional.has("forwarding") // true
 *
 * @since 0.1.0
 * @category status
 */
export const conditional: ReadonlySet<ClockId> = status_.conditional

/**
 * A clock with its state at `now`.
 *
 * @example
 * import { Deadline } from "@murojaat/core"
 * import { Either } from "effect"
 * const cs: ReadonlyArray<Deadline.ClockStatus> = Either.getOrThrow(Deadline.overdue([{ type: "received", at: "2026-03-02T10:00:00+05:00", data: { kind: "ariza" } }], "2026-04-01T10:00:00+05:00"))
 * cs.every((c) => c.state === "overdue") // true
 *
 * @since 0.1.0
 * @category status
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
 *
 * @since 0.1.0
 * @category status
 */
export interface Warning {
  readonly clock: ClockId
  readonly ruleId: RuleId
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
 *
 * @since 0.1.0
 * @category status
 */
export interface Report {
  readonly now: string
  readonly clocks: ReadonlyArray<ClockStatus>
  readonly warnings: ReadonlyArray<Warning>
}

/**
 * Moves a notice time into working hours: unchanged inside working hours of a working day; the start
 * of working hours the same day when earlier; otherwise the start of the next working day.
 *
 * @example
 * import { Deadline } from "@murojaat/core"
 * Deadline.scheduleNotice("2026-03-19T19:30:00+05:00") // "2026-03-24T09:00:00+05:00" (holidays 20-23 Mar)
 *
 * @since 0.1.0
 * @category status
 */
export const scheduleNotice: (at: string, options?: Options) => string = status_.scheduleNotice

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
 *
 * @since 0.1.0
 * @category status
 */
export const status: (events: ReadonlyArray<EventInput>, now: string, options?: Options) => Either.Either<Report, InvalidInput> =
  status_.status

/**
 * The clocks overdue at `now`.
 *
 * @example
 * import { Deadline } from "@murojaat/core"
 * import { Either } from "effect"
 * const events = [{ type: "received", at: "2026-03-02T10:00:00+05:00", data: { kind: "ariza" } }]
 * Either.getOrThrow(Deadline.overdue(events, "2026-04-01T10:00:00+05:00")).map((c) => c.clock) // ["registration", "consideration"]
 *
 * @since 0.1.0
 * @category status
 */
export const overdue: (
  events: ReadonlyArray<EventInput>,
  now: string,
  options?: Options
) => Either.Either<ReadonlyArray<ClockStatus>, InvalidInput> = status_.overdue

/**
 * The lifecycle command to escalate an overdue appeal, with why and when to send it.
 *
 * @example
 * import { Deadline } from "@murojaat/core"
 * import { Either, Option } from "effect"
 * const events = [{ type: "received", at: "2026-03-02T10:00:00+05:00", data: { kind: "ariza" }, appealId: "A-1" }]
 * const e: Option.Option<Deadline.Escalation> = Either.getOrThrow(Deadline.escalation(events, "2026-04-01T10:00:00+05:00"))
 * Option.map(e, (x) => x.command.appealId) // Option.some("A-1")
 *
 * @since 0.1.0
 * @category escalation
 */
export interface Escalation {
  /** The `escalate` command of the lifecycle (`Command.Escalate`). */
  readonly command: { readonly type: "escalate"; readonly appealId: string; readonly reason: string }
  /** The overdue clocks not escalated since each fell due (an earlier escalation covers only the terms overdue by then). */
  readonly clocks: ReadonlyArray<ClockId>
  readonly ruleIds: ReadonlyArray<RuleId>
  /** The earliest due time passed among `clocks`. */
  readonly overdueSince: string
  /** Send no earlier than this (working hours; safety clocks at once when configured). */
  readonly notBefore: string
}

/**
 * The escalation due at `now`: an `escalate` command when a clock is overdue and the appeal was not
 * escalated since that clock fell due (once per term that falls due: a term falling due after an
 * earlier escalation is escalated again); `None` otherwise.
 *
 * @example
 * import { Deadline } from "@murojaat/core"
 * import { Either, Option } from "effect"
 * const events = [{ type: "received", at: "2026-03-02T10:00:00+05:00", data: { kind: "ariza" }, appealId: "A-1" }]
 * const e = Either.getOrThrow(Deadline.escalation(events, "2026-04-01T10:00:00+05:00"))
 * Option.map(e, (x) => x.command.type) // Option.some("escalate")
 *
 * @since 0.1.0
 * @category escalation
 */
export const escalation: (
  events: ReadonlyArray<EventInput>,
  now: string,
  options?: Options
) => Either.Either<Option.Option<Escalation>, InvalidInput> = escalation_.escalation

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
 *
 * @since 0.1.0
 * @category late changes
 */
export const checkExtension: (
  events: ReadonlyArray<EventInput>,
  options?: Options & { readonly now?: string }
) => Either.Either<Clock, RuleViolation | InvalidInput> = extension_.checkExtension

// ---------------------------------------------------------------------------------------------
// From an appeal's state (the service's path: no history read)
// ---------------------------------------------------------------------------------------------

/**
 * Where each clock of an appeal stands at `now`, from its state: the clock facts its events
 * gathered (`AppealState.clockFacts`, kept by `Lifecycle.evolve`), so no event is read. The same
 * report as {@link status} over the appeal's events; a state without clock facts (stored before
 * they existed) is `InvalidInput` (replay its events).
 *
 * @example
 * import { Actor, AppealService, Deadline, Sample } from "@murojaat/core"
 * import { Effect, Either } from "effect"
 * const r = Effect.runSync(Effect.provide(AppealService.submit(Sample.intake, Actor.applicant("user-1")), AppealService.layerMemory(Sample.directory)))
 * const report = Either.getOrThrow(Deadline.statusOf(r.state, r.state.updatedAt!))
 * report.clocks.find((c) => c.clock === "registration")?.state // "met"
 * report.clocks.find((c) => c.clock === "consideration")?.state // "running"
 *
 * @since 0.2.0
 * @category from state
 */
export const statusOf: (state: AppealStateType, now: string, options?: Options) => Either.Either<Report, InvalidInput> = fromState_.statusOf

/**
 * The nearest due time of an appeal's running clocks at `now`, from its state (see
 * {@link statusOf}), as an ISO instant in UTC; `null` when none runs. What the service stores with
 * every commit for the worklists.
 *
 * @example
 * import { AppealState, Deadline } from "@murojaat/core"
 * Deadline.dueAtOf(AppealState.initial("A-1"), "2026-03-02T06:00:00.000Z")._tag // "Left"
 *
 * @since 0.2.0
 * @category from state
 */
export const dueAtOf: (state: AppealStateType, now: string, options?: Options) => Either.Either<string | null, InvalidInput> = fromState_.dueAtOf

type AppealStateType = import("./AppealState.js").AppealState
