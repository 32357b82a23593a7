/**
 * What the REST API answers: an appeal with its status name in the request's language, its legal
 * clocks (each with the rule, the legal source and the explanation of how its due time was
 * counted), the events recorded, lists and pages. The schemas here are the documented shapes
 * (OpenAPI); the builders produce exactly them.
 *
 * @example
 * import { Views } from "@murojaat/http"
 * import { AppealState } from "@murojaat/core"
 * Views.appeal(AppealState.initial("A-1"), "ru").statusName // "не принято"
 *
 * @since 0.1.0
 */
import { Appeal, AppealState, Audit, Deadline, Event, I18n } from "@murojaat/core"
import { Either, Schema } from "effect"

// ---------------------------------------------------------------------------------------------
// Schemas (the documented shapes)
// ---------------------------------------------------------------------------------------------

/**
 * An appeal's state as the API shows it: the projection (`AppealState`) and the name of its status
 * in the request's language.
 *
 * @example
 * import { Views } from "@murojaat/http"
 * Views.AppealSchema.fields.statusName !== undefined // true
 *
 * @since 0.1.0
 */
export const AppealSchema = Schema.Struct({
  ...AppealState.AppealState.fields,
  statusName: Schema.String.annotations({ description: "The status in the language of Accept-Language." })
}).annotations({ identifier: "Appeal" })

const SkippedDay = Schema.Struct({ date: Schema.String, reason: Schema.String })

/**
 * Why a clock is due when it is (`Deadline.Explanation`).
 *
 * @example
 * import { Views } from "@murojaat/http"
 * Views.ExplanationSchema.fields.source !== undefined // true
 *
 * @since 0.1.0
 */
export const ExplanationSchema = Schema.Struct({
  ruleId: Schema.String,
  source: Schema.String.annotations({ description: "The legal source (law and article)." }),
  start: Schema.String,
  countFrom: Schema.optional(Schema.String),
  term: Schema.String,
  unit: Schema.Literal("calendarDays", "workingDays", "months", "hours", "sameDay"),
  daysCounted: Schema.Number,
  nonWorkingDaysCounted: Schema.Number,
  daysSkipped: Schema.Array(SkippedDay),
  adjustments: Schema.Array(Schema.String),
  provisional: Schema.Boolean,
  awaitingApplicant: Schema.optional(Schema.Boolean)
}).annotations({ identifier: "DeadlineExplanation" })

/**
 * One legal clock of an appeal and where it stands (`Deadline.ClockStatus`).
 *
 * @example
 * import { Views } from "@murojaat/http"
 * Views.ClockSchema.fields.state !== undefined // true
 *
 * @since 0.1.0
 */
export const ClockSchema = Schema.Struct({
  clock: Deadline.ClockId,
  ruleId: Schema.String,
  dueAt: Schema.String,
  dueDate: Schema.String,
  state: Schema.Literal("running", "dueSoon", "overdue", "met", "metLate", "stopped", "stoppedLate", "paused", "notRequired"),
  settledAt: Schema.optional(Schema.String),
  settledBy: Schema.optional(Schema.String),
  explanation: ExplanationSchema
}).annotations({ identifier: "DeadlineClock" })

/**
 * A warning or overdue notice (`Deadline.Warning`).
 *
 * @example
 * import { Views } from "@murojaat/http"
 * Views.WarningSchema.fields.notifyAt !== undefined // true
 *
 * @since 0.1.0
 */
export const WarningSchema = Schema.Struct({
  clock: Deadline.ClockId,
  ruleId: Schema.String,
  level: Schema.Literal("dueSoon", "overdue"),
  threshold: Schema.String,
  at: Schema.String,
  notifyAt: Schema.String,
  dueAt: Schema.String
}).annotations({ identifier: "DeadlineWarning" })

/**
 * An appeal's clocks at the time of the answer (`Deadline.Report`); `null` when the events cannot
 * be read as clocks.
 *
 * @example
 * import { Views } from "@murojaat/http"
 * Views.DeadlinesSchema.fields.clocks !== undefined // true
 *
 * @since 0.1.0
 */
export const DeadlinesSchema = Schema.Struct({
  now: Schema.String,
  clocks: Schema.Array(ClockSchema),
  warnings: Schema.Array(WarningSchema)
}).annotations({ identifier: "Deadlines" })

const TextRecordSchema = Schema.Struct({ seq: Schema.Number, texts: Event.Texts }).annotations({ identifier: "EventTexts" })

/**
 * The answer of `GET /v1/appeals/{appealId}`: the appeal, its clocks, its personal data and the
 * texts of its events as the reader may see them (masked for auditors and integrations).
 *
 * @example
 * import { Views } from "@murojaat/http"
 * Views.AppealViewSchema.fields.masked !== undefined // true
 *
 * @since 0.1.0
 */
export const AppealViewSchema = Schema.Struct({
  appeal: AppealSchema,
  deadlines: Schema.NullOr(DeadlinesSchema),
  personal: Schema.optional(Appeal.Personal),
  texts: Schema.Array(TextRecordSchema),
  masked: Schema.Boolean
}).annotations({ identifier: "AppealView" })

/**
 * The answer of a submission or a command: the appeal after it, its clocks, and the events it
 * recorded.
 *
 * @example
 * import { Views } from "@murojaat/http"
 * Views.CommandResultSchema.fields.events !== undefined // true
 *
 * @since 0.1.0
 */
export const CommandResultSchema = Schema.Struct({
  appeal: AppealSchema,
  deadlines: Schema.NullOr(DeadlinesSchema),
  events: Schema.Array(Event.AppealEvent)
}).annotations({ identifier: "CommandResult" })

/**
 * The answer of `GET /v1/appeals/{appealId}/history`: every event, and the verification of the chain
 * anchored at the projection's head.
 *
 * @example
 * import { Views } from "@murojaat/http"
 * Views.HistorySchema.fields.verification !== undefined // true
 *
 * @since 0.1.0
 */
export const HistorySchema = Schema.Struct({
  appealId: Schema.String,
  events: Schema.Array(Event.AppealEvent),
  verification: Schema.Struct({
    ok: Schema.Boolean,
    count: Schema.optional(Schema.Number),
    index: Schema.optional(Schema.Number),
    seq: Schema.optional(Schema.NullOr(Schema.Number)),
    reason: Schema.optional(Schema.String),
    detail: Schema.optional(Schema.String),
    projectionMatches: Schema.Boolean
  })
}).annotations({ identifier: "History" })

/**
 * A page of appeals; `next` is the opaque cursor of the next page (absent on the last).
 *
 * @example
 * import { Views } from "@murojaat/http"
 * Views.PageSchema.fields.next !== undefined // true
 *
 * @since 0.1.0
 */
export const PageSchema = Schema.Struct({
  items: Schema.Array(AppealSchema),
  next: Schema.optional(Schema.String.annotations({ description: "Pass as `after` for the next page." }))
}).annotations({ identifier: "AppealPage" })

/**
 * Link suggestions for an intake (`AppealService.LinkSuggestions`).
 *
 * @example
 * import { Views } from "@murojaat/http"
 * Views.SuggestionsSchema.fields.similarElsewhere !== undefined // true
 *
 * @since 0.1.0
 */
export const SuggestionsSchema = Schema.Struct({
  suggestions: Schema.Array(
    Schema.Struct({
      appealId: Schema.String,
      kind: Schema.Literal("duplicateOf", "relatedTo"),
      reasons: Schema.Array(Schema.Literal("sameApplicant", "samePlace")),
      similarity: Schema.Number,
      label: Schema.optional(Schema.Literal("duplicate", "reminder", "repeated", "related")).annotations({ description: "What the new appeal is with respect to this one (`Duplicates.Label`)." }),
      score: Schema.optional(Schema.Number),
      ruleId: Schema.optional(Schema.String).annotations({ description: "The rule of the duplicates decision procedure that chose the label (docs/rules/duplicates.md)." }),
      signals: Schema.optional(Schema.Array(Schema.Struct({ signal: Schema.String, contribution: Schema.Number, reason: Schema.String })))
    })
  ),
  similarElsewhere: Schema.Number.annotations({ description: "Similar appeals the caller may not read: only how many." }),
  openAtPlace: Schema.optional(Schema.Boolean).annotations({ description: "Whether one of those is an open appeal of the same category at the same place." })
}).annotations({ identifier: "LinkSuggestions" })

// ---------------------------------------------------------------------------------------------
// Builders
// ---------------------------------------------------------------------------------------------

/**
 * An appeal's state with its status name in a locale.
 *
 * @example
 * import { Views } from "@murojaat/http"
 * import { AppealState } from "@murojaat/core"
 * Views.appeal({ ...AppealState.initial("A-1"), status: "registered" }, "uz-Cyrl").statusName // "рўйхатга олинди"
 *
 * @since 0.1.0
 */
export const appeal = (state: AppealState.AppealState, locale: I18n.Locale): typeof AppealSchema.Type => ({
  ...state,
  statusName: I18n.pick(AppealState.names[state.status], locale)
})

/**
 * The clocks of an appeal's events at `now`, on the calendar and settings given; `null` when the
 * events cannot be read as clocks (never a failure of the whole answer).
 *
 * @example
 * import { Views } from "@murojaat/http"
 * const d = Views.deadlines([{ type: "received", at: "2026-03-02T05:00:00.000Z", data: { kind: "ariza" } }], "2026-03-02T06:00:00.000Z")
 * d?.clocks.some((c) => c.clock === "consideration") // true
 *
 * @since 0.1.0
 */
export const deadlines = (
  events: ReadonlyArray<Deadline.EventInput>,
  now: string,
  options: Deadline.Options = {}
): typeof DeadlinesSchema.Type | null => {
  const report = Deadline.status(events, now, options)
  return Either.isRight(report) ? (report.right as typeof DeadlinesSchema.Type) : null
}

/**
 * The verification part of a history answer.
 *
 * @example
 * import { Views } from "@murojaat/http"
 * Views.verification({ ok: true, count: 0, head: undefined, projectionMatches: true }).ok // true
 *
 * @since 0.1.0
 */
export const verification = (v: Audit.Verification & { readonly projectionMatches: boolean }): typeof HistorySchema.Type["verification"] =>
  v.ok
    ? { ok: true, count: v.count, projectionMatches: v.projectionMatches }
    : { ok: false, index: v.index, seq: v.seq ?? null, reason: v.reason, detail: v.detail, projectionMatches: v.projectionMatches }

/**
 * The strong entity tag of an appeal at a version: the version, quoted.
 *
 * @example
 * import { Views } from "@murojaat/http"
 * Views.etag(7) // "\"7\""
 *
 * @since 0.1.0
 */
export const etag = (version: number): string => `"${version}"`

/**
 * The version an `If-Match` header names: `undefined` for `*` (any existing version), a number for
 * one strong tag, or `"invalid"` for anything else (a weak tag, a list, garbage): a command is
 * refused rather than run on a precondition the service cannot read.
 *
 * @example
 * import { Views } from "@murojaat/http"
 * Views.ifMatch("\"7\"") // 7
 * Views.ifMatch("*") // undefined
 * Views.ifMatch("W/\"7\"") // "invalid"
 *
 * @since 0.1.0
 */
export const ifMatch = (header: string): number | undefined | "invalid" => {
  const value = header.trim()
  if (value === "*") return undefined
  const m = /^"(0|[1-9][0-9]{0,8})"$/.exec(value)
  return m === null ? "invalid" : Number(m[1])
}

/**
 * Encodes a keyset cursor as an opaque token (base64url of JSON); `decodeCursor` reverses it.
 *
 * @example
 * import { Views } from "@murojaat/http"
 * Views.decodeCursor(Views.encodeCursor({ appealId: "A-1" })) // { appealId: "A-1" }
 *
 * @since 0.1.0
 */
export const encodeCursor = (cursor: unknown): string => Buffer.from(JSON.stringify(cursor), "utf8").toString("base64url")

/**
 * Decodes an opaque cursor; `undefined` when it is not one this service made.
 *
 * @example
 * import { Views } from "@murojaat/http"
 * Views.decodeCursor("not a cursor") // undefined
 *
 * @since 0.1.0
 */
export const decodeCursor = (token: string): unknown => {
  if (token.length > 1000 || !/^[A-Za-z0-9_-]+$/.test(token)) return undefined
  try {
    return JSON.parse(Buffer.from(token, "base64url").toString("utf8")) as unknown
  } catch {
    return undefined
  }
}
