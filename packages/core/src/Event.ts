/**
 * Events: the facts an appeal's history is made of. They are append-only and hash-chained: each
 * records its actor, time, causation and correlation ids, the rule ids applied, and the SHA-256 of
 * the previous event of the same appeal (see `Audit`). Replaying them (`Lifecycle.replay`) gives the
 * appeal's state.
 *
 * The `received` event keeps no personal data: names, contact, text, exact place and attachments
 * are kept apart (`Appeal.Personal`), and the event carries only their digest. Likewise every free
 * text a person writes in a command (reasons, notes, comments, answers; `textFields`) is kept apart
 * in the personal-data record (`Texts`, by event), and the event carries `textDigest`, the digest
 * of those texts, so erasing them leaves the chain verifiable.
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
import * as PreventiveMeasure from "./PreventiveMeasure.js"
import * as ProtectionOrder from "./ProtectionOrder.js"

const Hash = Schema.String.pipe(Schema.pattern(/^[0-9a-f]{64}$/))
// The digest of the event's texts (`Texts`), which live in the personal-data record.
const TextDigest = Hash

/**
 * The data each event type carries.
 *
 * @example
 * import { Event } from "@murojaat/core"
 * Object.keys(Event.data.answered.fields) // ["outcome", "approvedBy", "textDigest"]
 *
 * @since 0.1.0
 * @category models
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
  leftWithoutConsideration: Schema.Struct({ ground: Command.LeaveGround, approvedBy: Directory.OfficerId, textDigest: TextDigest }),
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
    textDigest: TextDigest,
    previous: Schema.Struct({ category: Schema.String, priority: Appeal.Priority, flags: Schema.Array(Schema.String) })
  }),
  assigned: Schema.Struct({ officerId: Directory.OfficerId }),
  reassigned: Schema.Struct({ officerId: Directory.OfficerId, previousOfficerId: Directory.OfficerId, textDigest: TextDigest }),
  unassigned: Schema.Struct({ previousOfficerId: Directory.OfficerId, textDigest: TextDigest }),
  reviewStarted: Schema.Struct({}),
  extraStudyDeclared: Schema.Struct({ applicantNotice: Schema.optional(Command.Notice), textDigest: TextDigest }),
  informationRequested: Schema.Struct({ textDigest: TextDigest }),
  informationProvided: Schema.Struct({ textDigest: TextDigest }),
  deadlineExtended: Schema.Struct({ applicantNotice: Command.Notice, textDigest: TextDigest }),
  escalated: Schema.Struct({ supervisorId: Schema.optional(Directory.OfficerId), textDigest: TextDigest }),
  forwarded: Schema.Struct({ body: Command.Body, applicantNotice: Command.Notice }),
  handedToCriminalProcedure: Schema.Struct({ reference: Schema.String }),
  protectionOrderIssued: Schema.Struct({ orderNumber: Schema.String, validUntil: Directory.Instant }),
  protectionOrderRefused: Schema.Struct({ textDigest: TextDigest }),
  protectionOrderExtended: ProtectionOrder.eventData.protectionOrderExtended,
  protectionOrderBreached: ProtectionOrder.eventData.protectionOrderBreached,
  measurePlanned: PreventiveMeasure.eventData.measurePlanned,
  measureCompleted: PreventiveMeasure.eventData.measureCompleted,
  measureCancelled: PreventiveMeasure.eventData.measureCancelled,
  answered: Schema.Struct({
    outcome: Command.Outcome,
    approvedBy: Schema.optional(Directory.OfficerId),
    textDigest: TextDigest
  }),
  closed: Schema.Struct({}),
  rated: Schema.Struct({ score: Schema.Int.pipe(Schema.between(1, 5)), textDigest: Schema.optional(TextDigest) }),
  disputed: Schema.Struct({ repeatAppealId: Appeal.AppealId, textDigest: TextDigest }),
  mergedAsDuplicate: Schema.Struct({ targetAppealId: Appeal.AppealId, textDigest: TextDigest }),
  withdrawn: Schema.Struct({ textDigest: Schema.optional(TextDigest) })
} as const

/**
 * An event type name. Audit vocabulary.
 *
 * @example
 * import { Event } from "@murojaat/core"
 * const t: Event.Type = "answered"
 * Event.types.includes(t) // true
 *
 * @since 0.1.0
 * @category vocabulary
 */
export type Type = keyof typeof data

/**
 * Every event type, in lifecycle order.
 *
 * @example
 * import { Event } from "@murojaat/core"
 * Event.types[0] // "received"
 *
 * @since 0.1.0
 * @category vocabulary
 */
export const types = Object.keys(data) as ReadonlyArray<Type>

/**
 * The data of one event type.
 *
 * @example
 * import { Directory, Event } from "@murojaat/core"
 * import { Schema } from "effect"
 * const d: Event.Data<"assigned"> = { officerId: Schema.decodeUnknownSync(Directory.OfficerId)("O-1") }
 * d.officerId // "O-1"
 *
 * @since 0.1.0
 * @category models
 */
export type Data<T extends Type> = (typeof data)[T]["Type"]

/**
 * The command fields whose values are free text written by a person, by the event type that
 * records them. Such text may name people (the applicant, neighbours, officers), so it is personal
 * data (ZRU-547): it goes to the personal-data record (`Texts`), the event keeps `textDigest`, and
 * erasure removes it. Identifiers (registration, order and document references), codes and the
 * names of official bodies are not free text and stay in the event (docs/security.md gives the
 * reasons field by field).
 *
 * @example
 * import { Event } from "@murojaat/core"
 * Event.textFields.answered // ["answerText", "legalBasis"]
 * Event.textFields.registered // undefined
 *
 * @since 0.1.0
 * @category models
 */
export const textFields: { readonly [T in Type]?: ReadonlyArray<string> } = {
  leftWithoutConsideration: ["conclusion"],
  triageCorrected: ["reason"],
  reassigned: ["reason"],
  unassigned: ["reason"],
  extraStudyDeclared: ["reason"],
  informationRequested: ["request"],
  informationProvided: ["note"],
  deadlineExtended: ["reason"],
  escalated: ["reason"],
  protectionOrderRefused: ["reason"],
  ...ProtectionOrder.textFields,
  ...PreventiveMeasure.textFields,
  answered: ["answerText", "legalBasis"],
  rated: ["comment"],
  disputed: ["reason"],
  mergedAsDuplicate: ["reason"],
  withdrawn: ["reason"]
}

/**
 * The free texts of one event, by field name (see `textFields`). `textDigest` in the event is
 * `Audit.digest` of this object.
 *
 * @example
 * import { Event } from "@murojaat/core"
 * import { Schema } from "effect"
 * Schema.decodeUnknownSync(Event.Texts)({ note: "Hujjatlar yuborildi" }).note // "Hujjatlar yuborildi"
 *
 * @since 0.1.0
 * @category models
 */
// Keys are field names (`textFields`): identifiers, never `__proto__` or other text a JSON
// document or an object could treat specially.
export const Texts = Schema.Record({ key: Schema.String.pipe(Schema.pattern(/^[a-zA-Z][a-zA-Z0-9]{0,63}$/)), value: Schema.String })
/** @see Texts */
export type Texts = typeof Texts.Type

/**
 * One entry of the personal-data record of texts: the texts of the appeal's event number `seq`.
 *
 * @example
 * import { Event } from "@murojaat/core"
 * const r: Event.TextRecord = { seq: 7, texts: { comment: "Rahmat" } }
 * r.seq // 7
 *
 * @since 0.1.0
 * @category models
 */
export interface TextRecord {
  readonly seq: number
  readonly texts: Texts
}

/**
 * The envelope fields every stored event has.
 *
 * @example
 * import { Event } from "@murojaat/core"
 * Object.keys(Event.envelope).includes("prevHash") // true
 *
 * @since 0.1.0
 * @category models
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
 *
 * @since 0.1.0
 * @category models
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
  member("protectionOrderExtended"),
  member("protectionOrderBreached"),
  member("measurePlanned"),
  member("measureCompleted"),
  member("measureCancelled"),
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
 *
 * @since 0.1.0
 * @category models
 */
export type Of<T extends Type> = Extract<AppealEvent, { type: T }>

/**
 * The data fields the seal fills in: the digests of what an event keeps apart (its free texts,
 * and the personal data of a `received` event). A decision never computes them, so deciding does
 * no hashing; `Audit.seal`, which hashes anyway, does.
 *
 * @example
 * import { Event } from "@murojaat/core"
 * const f: Event.Digests = "textDigest"
 * Object.keys(Event.data.answered.fields).includes(f) // true
 *
 * @since 0.2.0
 * @category events
 */
export type Digests = "textDigest" | "personalDigest"

// What an event of type T keeps apart, by type: the personal data of `received`; the free texts of
// an event whose data carries `textDigest` (required or optional as the digest is); nothing else.
type Apart<T extends Type> = T extends "received"
  ? { readonly personal: Appeal.Personal; readonly texts?: undefined }
  : "textDigest" extends keyof Data<T>
    ? {} extends Pick<Data<T>, "textDigest" & keyof Data<T>>
      ? { readonly texts?: Texts | undefined; readonly personal?: undefined }
      : { readonly texts: Texts; readonly personal?: undefined }
    : { readonly texts?: undefined; readonly personal?: undefined }

/**
 * An event decided but not yet sealed into the chain: its type, its data without the digests
 * (`Digests`), the rule ids applied, and what it keeps apart: the free texts (`texts`, by field,
 * see `textFields`) or, for `received`, the personal data (`personal`). Sealing (`Audit.seal`)
 * digests them into `data.textDigest` and `data.personalDigest`; the texts and the personal data
 * themselves are never sealed.
 *
 * @example
 * import { Event } from "@murojaat/core"
 * const p: Event.Pending = { type: "reviewStarted", data: {}, rules: ["lifecycle.startReview"] }
 * const q: Event.Pending = { type: "escalated", data: {}, texts: { reason: "overdue" }, rules: ["lifecycle.escalate"] }
 * q.texts // { reason: "overdue" }
 *
 * @since 0.1.0
 * @category models
 */
export type Pending = {
  [T in Type]: {
    readonly type: T
    readonly data: Omit<Data<T>, Digests>
    readonly rules: ReadonlyArray<string>
  } & Apart<T>
}[Type]

/**
 * Events after which the appeal's status no longer changes: only what settles its preventive
 * measures and protection order may follow (and, after `closed`, rating and disputing the answer;
 * see `Audit.endings`).
 *
 * @example
 * import { Event } from "@murojaat/core"
 * Event.terminal.has("withdrawn") // true
 *
 * @since 0.1.0
 * @category lifecycle
 */
export const terminal: ReadonlySet<Type> = new Set([
  "leftWithoutConsideration",
  "forwarded",
  "handedToCriminalProcedure",
  "mergedAsDuplicate",
  "withdrawn",
  "closed"
])
