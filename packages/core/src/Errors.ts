/**
 * The catalogue of Murojaat's errors. Every error is a `Schema.TaggedError`; its `_tag` is the
 * stable public code (API, logs, database, docs use the same spelling). Every error has a message
 * in uz-Latn, uz-Cyrl, ru and en: `Errors.messages(error)`; `error.message` is the English one.
 *
 * Domain errors say why the law or the rules refuse something; they are expected outcomes and are
 * returned in the error channel, never thrown. Port errors (`StoreError`) say that something outside
 * failed, with a closed `reason` and whether retrying may help.
 *
 * @example
 * import { Errors } from "@murojaat/core"
 * const e = new Errors.AppealNotFound({ appealId: "A-1" })
 * e._tag                                  // "AppealNotFound"
 * Errors.messages(e)["uz-Latn"]           // "Murojaat topilmadi: A-1"
 */
import { Schema } from "effect"
import type * as I18n from "./I18n.js"
import * as ErrorText from "./internal/errorText.js"
import type * as Rule from "./Rule.js"

// ---------------------------------------------------------------------------------------------
// Input
// ---------------------------------------------------------------------------------------------

/**
 * What is wrong with one field of an input.
 *
 * @example
 * import { Errors } from "@murojaat/core"
 * Errors.FieldProblem.literals // ["missing", "wrongType", "invalidValue", "notAllowed"]
 *
 * @since 0.1.0
 * @category input
 */
export const FieldProblem = Schema.Literal("missing", "wrongType", "invalidValue", "notAllowed")
/** @see FieldProblem */
export type FieldProblem = typeof FieldProblem.Type

/**
 * One wrong field: its path (dotted, `applicant.name`), the kind of problem, what was expected, and
 * the technical detail from the decoder.
 *
 * @example
 * import { Errors } from "@murojaat/core"
 * new Errors.FieldIssue({ path: "kind", problem: "invalidValue", expected: '"ariza" | "taklif" | "shikoyat"', detail: "got \"x\"" })
 *
 * @since 0.1.0
 * @category input
 */
export class FieldIssue extends Schema.Class<FieldIssue>("FieldIssue")({
  path: Schema.String,
  problem: FieldProblem,
  expected: Schema.optional(Schema.String),
  detail: Schema.String
}) {}



/**
 * Input could not be decoded: names each wrong field and why. Returned by every decoder of
 * untrusted input (`Decode.unknown`).
 *
 * @example
 * import { Errors } from "@murojaat/core"
 * const e = new Errors.InvalidInput({ subject: "Appeal", issues: [new Errors.FieldIssue({ path: "kind", problem: "missing", detail: "is missing" })] })
 * e.message // "Invalid Appeal: kind: required field is missing"
 *
 * @since 0.1.0
 * @category input
 */
export class InvalidInput extends Schema.TaggedError<InvalidInput>()("InvalidInput", {
  subject: Schema.String,
  issues: Schema.Array(FieldIssue)
}) {
  /** The English message; `Errors.messages` gives all four. */
  override get message(): string {
    return messages(this).en
  }
}

// ---------------------------------------------------------------------------------------------
// Lifecycle and access
// ---------------------------------------------------------------------------------------------

/**
 * The command does not exist in the appeal's current state (including every terminal state).
 *
 * @example
 * import { Errors } from "@murojaat/core"
 * new Errors.InvalidTransition({ appealId: "A-1", state: "closed", command: "answer" }).message
 * // "Command answer is not possible for appeal A-1 in state closed"
 *
 * @since 0.1.0
 * @category lifecycle
 */
export class InvalidTransition extends Schema.TaggedError<InvalidTransition>()("InvalidTransition", {
  appealId: Schema.String,
  state: Schema.String,
  command: Schema.String
}) {
  /** The English message; `Errors.messages` gives all four. */
  override get message(): string {
    return messages(this).en
  }
}

/**
 * Why an actor was refused. One spelling, used in docs and the API.
 *
 * @example
 * import { Errors } from "@murojaat/core"
 * Errors.RefusalReason.literals.includes("roleNotAllowed") // true
 *
 * @since 0.1.0
 * @category lifecycle
 */
export const RefusalReason = Schema.Literal(
  "roleNotAllowed",
  "outsideJurisdiction",
  "conflictOfInterest",
  "notAssignee",
  "notApplicant",
  "readOnly",
  "officerInactive",
  "claimsMismatch"
)
/** @see RefusalReason */
export type RefusalReason = typeof RefusalReason.Type


/**
 * The actor may not do this: the role, the territory served, a conflict of interest, or
 * ownership forbids it.
 *
 * @example
 * import { Errors } from "@murojaat/core"
 * new Errors.NotAuthorized({ actor: "officer:O-7", command: "answer", reason: "notAssignee" }).message
 * // "Not authorized: officer:O-7 may not answer (the appeal is not assigned to you)"
 *
 * @since 0.1.0
 * @category lifecycle
 */
export class NotAuthorized extends Schema.TaggedError<NotAuthorized>()("NotAuthorized", {
  actor: Schema.String,
  command: Schema.String,
  reason: RefusalReason
}) {
  /** The English message; `Errors.messages` gives all four. */
  override get message(): string {
    return messages(this).en
  }
}

// A built-in rule id (`Rule.Id`, the one registry) by type, so a refusal cannot name a rule that
// does not exist. Decoding checks the id's shape only: the registry reads the machine and the
// engines, which read this catalogue, so it is not imported here (a stored record may also name a
// rule retired since). Rule.test.ts checks that every id the core refuses with is registered.
const ruleIdShape = /^[a-z][A-Za-z0-9]*(\.[a-z0-9][A-Za-z0-9-]*)+$/
const RuleId = Schema.String.pipe(
  Schema.filter((s): s is Rule.Id => ruleIdShape.test(s), { identifier: "RuleId", description: "a built-in rule id (Rule.Id)" })
)

/**
 * A rule of law or of the configured policy refuses the command in this state (for example a
 * second extension, or a left-without-consideration without its written conclusion).
 *
 * @example
 * import { Errors } from "@murojaat/core"
 * new Errors.RuleViolation({ appealId: "A-1", rule: "extension.once", source: "ZRU-445 Art. 28" }).message
 * // "Rule extension.once (ZRU-445 Art. 28) refuses this for appeal A-1"
 *
 * @since 0.1.0
 * @category lifecycle
 */
export class RuleViolation extends Schema.TaggedError<RuleViolation>()("RuleViolation", {
  appealId: Schema.String,
  rule: RuleId,
  source: Schema.String
}) {
  /** The English message; `Errors.messages` gives all four. */
  override get message(): string {
    return messages(this).en
  }
}

/**
 * No appeal has this id (or the caller may not know it exists).
 *
 * @example
 * import { Errors } from "@murojaat/core"
 * new Errors.AppealNotFound({ appealId: "A-404" })._tag // "AppealNotFound"
 *
 * @since 0.1.0
 * @category lifecycle
 */
export class AppealNotFound extends Schema.TaggedError<AppealNotFound>()("AppealNotFound", {
  appealId: Schema.String
}) {
  /** The English message; `Errors.messages` gives all four. */
  override get message(): string {
    return messages(this).en
  }
}

/**
 * Someone else changed the appeal since it was read: reload and decide again.
 *
 * @example
 * import { Errors } from "@murojaat/core"
 * new Errors.VersionConflict({ appealId: "A-1", expected: 3, actual: 4 }).message
 * // "Appeal A-1 changed meanwhile: expected version 3, found 4"
 *
 * @since 0.1.0
 * @category lifecycle
 */
export class VersionConflict extends Schema.TaggedError<VersionConflict>()("VersionConflict", {
  appealId: Schema.String,
  expected: Schema.Number,
  actual: Schema.Number
}) {
  /** The English message; `Errors.messages` gives all four. */
  override get message(): string {
    return messages(this).en
  }
}

/**
 * The idempotency key was used before with a different request.
 *
 * @example
 * import { Errors } from "@murojaat/core"
 * new Errors.IdempotencyConflict({ key: "k-1" })._tag // "IdempotencyConflict"
 *
 * @since 0.1.0
 * @category lifecycle
 */
export class IdempotencyConflict extends Schema.TaggedError<IdempotencyConflict>()("IdempotencyConflict", {
  key: Schema.String
}) {
  /** The English message; `Errors.messages` gives all four. */
  override get message(): string {
    return messages(this).en
  }
}

/**
 * An officer named by a command or an actor is not in the directory.
 *
 * @example
 * import { Errors } from "@murojaat/core"
 * new Errors.OfficerNotFound({ officerId: "O-9" }).message // "Officer not found in the directory: O-9"
 *
 * @since 0.1.0
 * @category directory
 */
export class OfficerNotFound extends Schema.TaggedError<OfficerNotFound>()("OfficerNotFound", {
  officerId: Schema.String
}) {
  /** The English message; `Errors.messages` gives all four. */
  override get message(): string {
    return messages(this).en
  }
}

// ---------------------------------------------------------------------------------------------
// Calendar and deadlines
// ---------------------------------------------------------------------------------------------

/**
 * Calendar data (JSON or iCalendar) was rejected: each problem names its place (`years.0.entries.3.date`,
 * `VEVENT 2.DTSTART`) and why, for example a date that does not exist, a date outside its year, a
 * worked day that is not a rest day, or one date both worked and off.
 *
 * @example
 * import { Errors } from "@murojaat/core"
 * const e = new Errors.InvalidCalendar({ calendar: "uz", issues: [new Errors.FieldIssue({ path: "years.0.entries.0.date", problem: "invalidValue", detail: "2027-01-02 is not in 2026" })] })
 * e.message // "Invalid calendar uz: years.0.entries.0.date: value is not valid (2027-01-02 is not in 2026)"
 *
 * @since 0.1.0
 * @category calendar
 */
export class InvalidCalendar extends Schema.TaggedError<InvalidCalendar>()("InvalidCalendar", {
  calendar: Schema.String,
  issues: Schema.Array(FieldIssue)
}) {
  /** The English message; `Errors.messages` gives all four. */
  override get message(): string {
    return messages(this).en
  }
}

// ---------------------------------------------------------------------------------------------
// Assignment
// ---------------------------------------------------------------------------------------------

/**
 * Why an officer was excluded from an assignment. Closed set, used in explanations and docs.
 *
 * @example
 * import { Errors } from "@murojaat/core"
 * Errors.ExclusionReason.literals.includes("subjectOfComplaint") // true
 *
 * @since 0.1.0
 * @category assignment
 */
export const ExclusionReason = Schema.Literal(
  "notServingMahalla",
  "roleMismatch",
  "inactive",
  "absent",
  "offDuty",
  "subjectOfComplaint",
  "declaredConflict",
  "currentAssignee"
)
/** @see ExclusionReason */
export type ExclusionReason = typeof ExclusionReason.Type

/**
 * Why no officer could take an appeal, from how far the best candidate got through the checks:
 * the mahalla is unknown (or not in the district given), nobody serves it, nobody holds the role,
 * nobody is on duty, every one on duty has a conflict, or only the current holder could take it.
 *
 * @example
 * import { Errors } from "@murojaat/core"
 * Errors.NoCandidateReason.literals[0] // "unknownMahalla"
 *
 * @since 0.1.0
 * @category assignment
 */
export const NoCandidateReason = Schema.Literal(
  "unknownMahalla",
  "noOfficerServesMahalla",
  "noOfficerWithRole",
  "noneOnDuty",
  "conflictOfInterest",
  "onlyCurrentAssignee"
)
/** @see NoCandidateReason */
export type NoCandidateReason = typeof NoCandidateReason.Type


/**
 * No officer can take the appeal, in the mahalla nor among the district's senior inspectors: it
 * stays in the district chief's queue (`chiefOfficerIds`). Names the reason, every officer
 * excluded with why, and the rule ids applied.
 *
 * @example
 * import { Errors } from "@murojaat/core"
 * new Errors.NoEligibleInspector({ appealId: "A-1", mahallaCode: "M-1", districtCode: "D-1", reason: "noneOnDuty", chiefOfficerIds: ["O-9"], excluded: [], rules: [] }).message
 * // "No eligible inspector for appeal A-1 in mahalla M-1 (nobody is on duty): it goes to the district chief's queue of D-1"
 *
 * @since 0.1.0
 * @category assignment
 */
export class NoEligibleInspector extends Schema.TaggedError<NoEligibleInspector>()("NoEligibleInspector", {
  appealId: Schema.String,
  mahallaCode: Schema.String,
  districtCode: Schema.String,
  reason: NoCandidateReason,
  chiefOfficerIds: Schema.Array(Schema.String),
  excluded: Schema.Array(
    Schema.Struct({ officerId: Schema.String, tier: Schema.String, role: Schema.String, reasons: Schema.Array(ExclusionReason) })
  ),
  rules: Schema.Array(RuleId)
}) {
  /** The English message; `Errors.messages` gives all four. */
  override get message(): string {
    return messages(this).en
  }
}

// ---------------------------------------------------------------------------------------------
// Ports (infrastructure)
// ---------------------------------------------------------------------------------------------

/**
 * Why a port (store, outbox, directory, idempotency) failed. Closed set, so a consumer can decide
 * redelivery exhaustively. `invalidInput`: a value no adapter can store as a key (U+0000, a lone
 * surrogate, longer than `StoreKey.maxLength`); every adapter refuses the same values
 * (docs/adapters.md), and the service reports them as `InvalidInput`.
 *
 * @example
 * import { Errors } from "@murojaat/core"
 * Errors.StoreFailure.literals.includes("unavailable") // true
 *
 * @since 0.1.0
 * @category ports
 */
export const StoreFailure = Schema.Literal("unavailable", "timeout", "serialization", "constraint", "corrupt", "invalidInput", "unknown")
/** @see StoreFailure */
export type StoreFailure = typeof StoreFailure.Type

/**
 * A bug: something failed that no rule foresaw. The async facade rejects with it instead of a raw
 * exception, so callers always get a tagged error; details stay out of it (they may hold input).
 *
 * @example
 * import { Errors } from "@murojaat/core"
 * new Errors.InternalError({ operation: "submit" }).message // "Internal error in submit: please report it"
 *
 * @since 0.2.0
 * @category ports
 */
export class InternalError extends Schema.TaggedError<InternalError>()("InternalError", {
  operation: Schema.String
}) {
  /** The English message; `Errors.messages` gives all four. */
  override get message(): string {
    return messages(this).en
  }
}

const retryable: Record<StoreFailure, boolean> = {
  unavailable: true,
  timeout: true,
  serialization: true,
  constraint: false,
  corrupt: false,
  invalidInput: false,
  unknown: false
}

/**
 * A port failed. `isRetryable` tells a queue consumer whether redelivery may succeed. The `detail`
 * is technical and carries no personal data.
 *
 * @example
 * import { Errors } from "@murojaat/core"
 * new Errors.StoreError({ port: "AppealStore", reason: "timeout", detail: "statement timeout" }).isRetryable // true
 *
 * @since 0.1.0
 * @category ports
 */
export class StoreError extends Schema.TaggedError<StoreError>()("StoreError", {
  port: Schema.String,
  reason: StoreFailure,
  detail: Schema.String
}) {
  /** The English message; `Errors.messages` gives all four. */
  override get message(): string {
    return messages(this).en
  }
  /** Whether trying again later may succeed. */
  get isRetryable(): boolean {
    return retryable[this.reason]
  }
}

// ---------------------------------------------------------------------------------------------
// The catalogue
// ---------------------------------------------------------------------------------------------

/**
 * Every error Murojaat returns. Adding an error here forces a message in the table below and a
 * mapping in every adapter that matches on `_tag` exhaustively.
 *
 * @example
 * import { Errors } from "@murojaat/core"
 * const code = (e: Errors.MurojaatError) => e._tag
 *
 * @since 0.1.0
 * @category catalogue
 */
export type MurojaatError =
  | InvalidInput
  | InvalidTransition
  | NotAuthorized
  | RuleViolation
  | AppealNotFound
  | VersionConflict
  | IdempotencyConflict
  | OfficerNotFound
  | NoEligibleInspector
  | InvalidCalendar
  | StoreError
  | InternalError

/**
 * The stable error codes.
 *
 * @example
 * import { Errors } from "@murojaat/core"
 * const c: Errors.Code = "VersionConflict"
 *
 * @since 0.1.0
 * @category catalogue
 */
export type Code = MurojaatError["_tag"]



/**
 * The four messages of an error.
 *
 * @example
 * import { Errors } from "@murojaat/core"
 * Errors.messages(new Errors.AppealNotFound({ appealId: "A-1" })).ru // "Обращение не найдено: A-1"
 *
 * @since 0.1.0
 * @category catalogue
 */
export const messages = (e: MurojaatError): I18n.Text => ErrorText.messages(e)

/**
 * One message of an error in the given locale.
 *
 * @example
 * import { Errors } from "@murojaat/core"
 * Errors.messageIn(new Errors.AppealNotFound({ appealId: "A-1" }), "uz-Cyrl") // "Мурожаат топилмади: A-1"
 *
 * @since 0.1.0
 * @category catalogue
 */
export const messageIn = (e: MurojaatError, locale: I18n.Locale): string => messages(e)[locale]

/**
 * Catalogue entry for docs and adapters: the code, what it means, and an example instance.
 *
 * @example
 * import { Errors } from "@murojaat/core"
 * const e: Errors.Entry | undefined = Errors.catalogue.find((e) => e.code === "AppealNotFound")
 * e?.example._tag // "AppealNotFound"
 *
 * @since 0.1.0
 * @category catalogue
 */
export interface Entry {
  readonly code: Code
  readonly meaning: string
  readonly example: MurojaatError
}

// One entry per code, checked by the compiler: a new error does not compile until it has its
// meaning and example here (and its messages in internal/errorText.ts).
const definitions: { readonly [K in Code]: { readonly meaning: string; readonly example: Extract<MurojaatError, { _tag: K }> } } = {
  InvalidInput: {
    meaning: "Input could not be decoded; every wrong field is named with the reason.",
    example: new InvalidInput({
      subject: "Appeal",
      issues: [new FieldIssue({ path: "applicant.name", problem: "missing", detail: "is missing" })]
    })
  },
  InvalidTransition: {
    meaning: "The command does not exist in the appeal's current state; terminal states accept nothing.",
    example: new InvalidTransition({ appealId: "A-1", state: "closed", command: "answer" })
  },
  NotAuthorized: {
    meaning: "The actor's role, territory, a conflict of interest or ownership forbids the command.",
    example: new NotAuthorized({ actor: "officer:O-7", command: "answer", reason: "notAssignee" })
  },
  RuleViolation: {
    meaning: "A rule of law or of the configured policy refuses the command; the rule id and its source are named.",
    example: new RuleViolation({ appealId: "A-1", rule: "extension.once", source: "ZRU-445 Art. 28" })
  },
  AppealNotFound: { meaning: "No appeal has this id.", example: new AppealNotFound({ appealId: "A-404" }) },
  VersionConflict: {
    meaning: "The appeal changed since it was read (optimistic concurrency); reload and decide again.",
    example: new VersionConflict({ appealId: "A-1", expected: 3, actual: 4 })
  },
  IdempotencyConflict: {
    meaning: "An idempotency key was reused with a different request.",
    example: new IdempotencyConflict({ key: "k-1" })
  },
  OfficerNotFound: {
    meaning: "An officer named by the actor or the command is not in the directory.",
    example: new OfficerNotFound({ officerId: "O-9" })
  },
  NoEligibleInspector: {
    meaning:
      "No officer of the mahalla nor senior inspector of the district can take the appeal (coverage, role, duty, conflicts); it stays in the district chief's queue. The reason and every exclusion are named.",
    example: new NoEligibleInspector({
      appealId: "A-1",
      mahallaCode: "1726262-001",
      districtCode: "1726262",
      reason: "noneOnDuty",
      chiefOfficerIds: ["O-9"],
      excluded: [{ officerId: "O-1", tier: "mahalla", role: "preventionInspector", reasons: ["absent"] }],
      rules: ["assignment.duty", "assignment.fallback.districtChiefQueue"]
    })
  },
  InvalidCalendar: {
    meaning: "Calendar data (JSON or iCalendar) was rejected; every problem is named with its place and reason.",
    example: new InvalidCalendar({
      calendar: "uz",
      issues: [new FieldIssue({ path: "years.0.entries.0.date", problem: "invalidValue", detail: "2027-01-02 is not in 2026" })]
    })
  },
  StoreError: {
    meaning: "A port failed; `reason` is a closed set and `isRetryable` tells whether redelivery may help.",
    example: new StoreError({ port: "AppealStore", reason: "unavailable", detail: "connection refused" })
  },
  InternalError: {
    meaning: "A bug: a failure no rule foresaw. The facade reports it instead of a raw exception; a retry with the same idempotency key is safe.",
    example: new InternalError({ operation: "submit" })
  }
}

/**
 * Every error code with its meaning and an example; rendered to docs/rules/errors.md.
 *
 * @example
 * import { Errors } from "@murojaat/core"
 * Errors.catalogue.map((e) => e.code).includes("NotAuthorized") // true
 *
 * @since 0.1.0
 * @category catalogue
 */
export const catalogue: ReadonlyArray<Entry> = (Object.keys(definitions) as Array<Code>).map((code) => ({ code, ...definitions[code] }))

/**
 * Whether a value is one of Murojaat's errors.
 *
 * @example
 * import { Errors } from "@murojaat/core"
 * Errors.isMurojaatError(new Errors.AppealNotFound({ appealId: "x" })) // true
 *
 * @since 0.1.0
 * @category catalogue
 */
export const isMurojaatError = (u: unknown): u is MurojaatError =>
  typeof u === "object" && u !== null && "_tag" in u && typeof (u as { _tag: unknown })._tag === "string" &&
  (u as { _tag: string })._tag in definitions
