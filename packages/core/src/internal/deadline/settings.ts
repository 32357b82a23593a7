/**
 * Deadline settings: how days are counted, which event types play which part, and the context a
 * computation runs in (calendar, settings, working hours in milliseconds). The public names and
 * their documentation are in `Deadline.ts`.
 */
import { Either, Schema } from "effect"
import * as Calendar from "../../Calendar.js"
import type * as Deadline from "../../Deadline.js"
import { FieldIssue, InvalidInput } from "../../Errors.js"
import * as localTime from "../localTime.js"

export const DayUnit = Schema.Literal("calendarDays", "workingDays")

const HHMM = Schema.String.pipe(
  Schema.pattern(/^([01]\d|2[0-3]):[0-5]\d$/),
  Schema.annotations({ description: "local time HH:MM (Asia/Tashkent)" })
)

const types = (...ts: ReadonlyArray<string>) => Schema.optionalWith(Schema.Array(Schema.String), { default: () => ts })

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

const hours = Schema.Number.pipe(Schema.greaterThan(0), Schema.lessThanOrEqualTo(72))

export const Settings = Schema.Struct({
  week: Schema.optionalWith(Calendar.WeekType, { default: () => "fiveDay" as const }),
  workingHours: Schema.optionalWith(Schema.Struct({ start: HHMM, end: HHMM }), { default: () => ({ start: "09:00", end: "18:00" }) }),
  periodStart: Schema.optionalWith(Schema.Literal("nextDay", "sameDay"), { default: () => "nextDay" as const }),
  endOnNonWorkingDay: Schema.optionalWith(Schema.Literal("nextWorkingDay", "previousWorkingDay", "keep"), {
    default: () => "nextWorkingDay" as const
  }),
  dueTime: Schema.optionalWith(Schema.Literal("endOfWorkingHours", "endOfDay"), { default: () => "endOfWorkingHours" as const }),
  forwardingUnit: Schema.optionalWith(DayUnit, { default: () => "calendarDays" as const }),
  considerationUnit: Schema.optionalWith(DayUnit, { default: () => "calendarDays" as const }),
  urgentFirstContactHours: Schema.optionalWith(hours, { default: () => 3 }),
  protectionOrderStudyHours: Schema.optionalWith(hours, { default: () => 24 }),
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

export const defaultSettings: typeof Settings.Type = Schema.decodeSync(Settings)({})

/** An `InvalidInput` with one issue at `path`. */
export const invalid = (subject: string, path: string, detail: string, expected?: string): InvalidInput =>
  new InvalidInput({
    subject,
    issues: [new FieldIssue({ path, problem: "invalidValue", detail, ...(expected === undefined ? {} : { expected }) })]
  })

export const decodeSettings = (input: unknown): Either.Either<typeof Settings.Type, InvalidInput> =>
  Either.mapLeft(Schema.decodeUnknownEither(Settings, { errors: "all", onExcessProperty: "error" })(input), (e) =>
    invalid("Deadline.Settings", "", e.message)
  )

/** What one computation runs with: the options resolved once. */
export interface Ctx {
  readonly cal: Calendar.Calendar
  readonly p: Deadline.Settings
  readonly week: Calendar.WeekType
  /** Start and end of working hours, in milliseconds after local midnight. */
  readonly workStart: number
  readonly workEnd: number
  readonly explain: boolean
}

/** The settings the options name, else the defaults. */
export const settingsOf = (o: Deadline.Options | undefined): Deadline.Settings => o?.settings ?? defaultSettings

export const ctxOf = (o: Deadline.Options | undefined): Ctx => {
  const p = settingsOf(o)
  return {
    cal: o?.calendar ?? Calendar.uzbekistan,
    p,
    week: p.week,
    workStart: localTime.msOfHhmm(p.workingHours.start),
    workEnd: localTime.msOfHhmm(p.workingHours.end),
    explain: o?.explain ?? true
  }
}
