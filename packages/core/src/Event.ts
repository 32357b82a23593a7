/**
 * Events: the facts an appeal's history is made of. They are append-only and hash-chained: each
 * records its actor, time, causation and correlation ids, the rule ids applied, and the SHA-256 of
 * the previous event of the same appeal (see `Audit`). Replaying them (`Lifecycle.replay`) gives the
 * appeal's state.
 *
 * The `received` event keeps no personal data: names, contact, text, exact place and attachments
 * are kept apart (`Appeal.Personal`), and the event carries only their digest.
 *
 * @example
 * import { Event } from "@murojaat/core"
 * Event.types.includes("deadlineExtended") // true
 */
import { Schema } from "effect"
import * as Actor from "./Actor.js"
import * as Appeal from "./Appeal.js"
import * as Command from "./Command.js"
import * as Directory from "./Directory.js"

const Hash = Schema.String.pipe(Schema.pattern(/^[0-9a-f]{64}$/))
const Text = Schema.String

/**
 * The data each event type carries.
 *
 * @example
 * import { Event } from "@murojaat/core"
 * Object.keys(Event.data.answered.fields) // ["outcome", "answerText", "legalBasis", "approvedBy"]
 */
export const data = {
  received: Schema.Struct({
    kind: Appeal.Kind,
    form: Appeal.Form,
    channel: Appeal.Channel,
    regionCode: Directory.RegionCode,
    districtCode: Directory.DistrictCode,
    mahallaCode: Directory.MahallaCode,
    applicantType: Schema.Literal("individual", "legalEntity"),
    anonymous: Schema.Boolean,
    missing: Schema.Array(Schema.String),
    representativeWithoutAuthority: Schema.Boolean,
    consent: Schema.Boolean,
    collective: Schema.Boolean,
    signatoryCount: Schema.NonNegativeInt,
    attachmentCount: Schema.NonNegativeInt,
    links: Schema.Array(Appeal.Link),
    script: Appeal.Script,
    language: Appeal.Language,
    applicantRef: Schema.optional(Schema.String),
    subjectOfficerId: Schema.optional(Directory.OfficerId),
    forwardedBy: Schema.optional(Schema.String),
    receivedAt: Directory.Instant,
    personalDigest: Hash
  }),
  registered: Schema.Struct({ registrationNumber: Schema.String }),
  leftWithoutConsideration: Schema.Struct({ ground: Command.LeaveGround, conclusion: Text, approvedBy: Directory.OfficerId }),
  triaged: Schema.Struct({
    category: Schema.String,
    priority: Appeal.Priority,
    flags: Schema.Array(Schema.String),
    confidence: Schema.Number.pipe(Schema.between(0, 1)),
    needsPerson: Schema.Boolean
  }),
  triageCorrected: Schema.Struct({
    category: Schema.String,
    priority: Appeal.Priority,
    flags: Schema.Array(Schema.String),
    reason: Text,
    previous: Schema.Struct({ category: Schema.String, priority: Appeal.Priority, flags: Schema.Array(Schema.String) })
  }),
  assigned: Schema.Struct({ officerId: Directory.OfficerId }),
  reassigned: Schema.Struct({ officerId: Directory.OfficerId, previousOfficerId: Directory.OfficerId, reason: Text }),
  unassigned: Schema.Struct({ previousOfficerId: Directory.OfficerId, reason: Text }),
  reviewStarted: Schema.Struct({}),
  extraStudyDeclared: Schema.Struct({ reason: Text, applicantNotice: Schema.optional(Command.Notice) }),
  informationRequested: Schema.Struct({ request: Text }),
  informationProvided: Schema.Struct({ note: Text }),
  deadlineExtended: Schema.Struct({ reason: Text, applicantNotice: Command.Notice }),
  escalated: Schema.Struct({ reason: Text, supervisorId: Schema.optional(Directory.OfficerId) }),
  forwarded: Schema.Struct({ body: Command.Body, applicantNotice: Command.Notice }),
  handedToCriminalProcedure: Schema.Struct({ reference: Schema.String }),
  protectionOrderIssued: Schema.Struct({ orderNumber: Schema.String, validUntil: Directory.Instant }),
  protectionOrderRefused: Schema.Struct({ reason: Text }),
  answered: Schema.Struct({
    outcome: Command.Outcome,
    answerText: Text,
    legalBasis: Text,
    approvedBy: Schema.optional(Directory.OfficerId)
  }),
  closed: Schema.Struct({}),
  rated: Schema.Struct({ score: Schema.Int.pipe(Schema.between(1, 5)), comment: Schema.optional(Schema.String) }),
  disputed: Schema.Struct({ repeatAppealId: Appeal.AppealId, reason: Text }),
  mergedAsDuplicate: Schema.Struct({ targetAppealId: Appeal.AppealId, reason: Text }),
  withdrawn: Schema.Struct({ reason: Schema.optional(Schema.String) })
} as const

/**
 * An event type name. Audit vocabulary.
 *
 * @example
 * import { Event } from "@murojaat/core"
 * const t: Event.Type = "answered"
 * Event.types.includes(t) // true
 */
export type Type = keyof typeof data

/**
 * Every event type, in lifecycle order.
 *
 * @example
 * import { Event } from "@murojaat/core"
 * Event.types[0] // "received"
 */
export const types = Object.keys(data) as ReadonlyArray<Type>

/**
 * The data of one event type.
 *
 * @example
 * import { Directory, Event, Schema } from "@murojaat/core"
 * const d: Event.Data<"assigned"> = { officerId: Schema.decodeUnknownSync(Directory.OfficerId)("O-1") }
 * d.officerId // "O-1"
 */
export type Data<T extends Type> = (typeof data)[T]["Type"]

/**
 * The envelope fields every stored event has.
 *
 * @example
 * import { Event } from "@murojaat/core"
 * Object.keys(Event.envelope).includes("prevHash") // true
 */
export const envelope = {
  id: Schema.String,
  appealId: Appeal.AppealId,
  seq: Schema.Number.pipe(Schema.int(), Schema.greaterThanOrEqualTo(1)),
  at: Directory.Instant,
  actor: Actor.Ref,
  causationId: Schema.optional(Schema.String),
  correlationId: Schema.optional(Schema.String),
  rules: Schema.Array(Schema.String),
  prevHash: Hash,
  hash: Hash
}

const member = <T extends Type>(type: T) => Schema.Struct({ type: Schema.Literal(type), data: data[type], ...envelope })

/**
 * A stored appeal event (any type).
 *
 * @example
 * import { Event, Decode } from "@murojaat/core"
 * Decode.either(Event.AppealEvent, "AppealEvent")({})._tag // "Left"
 */
export const AppealEvent = Schema.Union(
  member("received"),
  member("registered"),
  member("leftWithoutConsideration"),
  member("triaged"),
  member("triageCorrected"),
  member("assigned"),
  member("reassigned"),
  member("unassigned"),
  member("reviewStarted"),
  member("extraStudyDeclared"),
  member("informationRequested"),
  member("informationProvided"),
  member("deadlineExtended"),
  member("escalated"),
  member("forwarded"),
  member("handedToCriminalProcedure"),
  member("protectionOrderIssued"),
  member("protectionOrderRefused"),
  member("answered"),
  member("closed"),
  member("rated"),
  member("disputed"),
  member("mergedAsDuplicate"),
  member("withdrawn")
)
/** @see AppealEvent */
export type AppealEvent = typeof AppealEvent.Type

/**
 * A stored event of one type.
 *
 * @example
 * import { Event } from "@murojaat/core"
 * const isAnswer = (e: Event.AppealEvent): e is Event.Of<"answered"> => e.type === "answered"
 * isAnswer({ type: "closed" } as Event.AppealEvent) // false
 */
export type Of<T extends Type> = Extract<AppealEvent, { type: T }>

/**
 * An event decided but not yet sealed into the chain: its type, data and the rule ids applied.
 *
 * @example
 * import { Event } from "@murojaat/core"
 * const p: Event.Pending = { type: "reviewStarted", data: {}, rules: ["lifecycle.startReview"] }
 */
export type Pending = { [T in Type]: { readonly type: T; readonly data: Data<T>; readonly rules: ReadonlyArray<string> } }[Type]

/**
 * Events after which nothing more can be done with the appeal, except reading (and rating and
 * disputing an answer, which are not terminal).
 *
 * @example
 * import { Event } from "@murojaat/core"
 * Event.terminal.has("withdrawn") // true
 */
export const terminal: ReadonlySet<Type> = new Set([
  "leftWithoutConsideration",
  "forwarded",
  "handedToCriminalProcedure",
  "mergedAsDuplicate",
  "withdrawn",
  "closed"
])
