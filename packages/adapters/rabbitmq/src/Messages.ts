/**
 * The messages Murojaat exchanges over RabbitMQ: CloudEvents 1.0 in structured JSON mode
 * (`content-type: application/cloudevents+json`), one versioned schema per type. The Effect
 * schemas here are the source; the JSON Schema files in `schemas/` are generated from them
 * (`JSONSchema.make`, `pnpm docs:build`) and checked current by `pnpm docs:check`.
 *
 * Outgoing appeal events carry no personal data: the `received` event's `applicantRef`, the
 * digests of the personal record and of free texts (`personalDigest`, `textDigest`: a digest of a
 * short text lets a guesser confirm it), and the id of an applicant who acted are withheld.
 * Consumers registered for personal data get a second, separate message (`PersonalMessage`) on a
 * routing key of their own (see docs/integration.md).
 *
 * @example
 * import { Messages } from "@murojaat/rabbitmq"
 * Messages.appealType("answered") // "uz.murojaat.appeal.answered.v1"
 *
 * @since 0.1.0
 */
import { Actor, Appeal, Event, Limits } from "@murojaat/core"
import { JSONSchema, Schema } from "effect"

/**
 * The version of every schema in this module; a change that is not backwards compatible bumps it,
 * and the new types are published beside the old ones until consumers moved.
 *
 * @example
 * import { Messages } from "@murojaat/rabbitmq"
 * Messages.version // 1
 *
 * @since 0.1.0
 * @category versions
 */
export const version = 1 as const

/**
 * The CloudEvents content type of every message body.
 *
 * @example
 * import { Messages } from "@murojaat/rabbitmq"
 * Messages.contentType // "application/cloudevents+json"
 *
 * @since 0.1.0
 * @category envelope
 */
export const contentType = "application/cloudevents+json"

/**
 * The CloudEvents `type` of an appeal event.
 *
 * @example
 * import { Messages } from "@murojaat/rabbitmq"
 * Messages.appealType("received") // "uz.murojaat.appeal.received.v1"
 *
 * @since 0.1.0
 * @category envelope
 */
export const appealType = <T extends Event.Type>(type: T): `uz.murojaat.appeal.${T}.v1` => `uz.murojaat.appeal.${type}.v1`

/**
 * The `dataschema` URI of a message type: the name of its JSON Schema file in `schemas/`.
 *
 * @example
 * import { Messages } from "@murojaat/rabbitmq"
 * Messages.dataschema("appeal.answered") // "urn:murojaat:schema:appeal.answered.v1"
 *
 * @since 0.1.0
 * @category envelope
 */
export const dataschema = (name: string): string => `urn:murojaat:schema:${name}.v${version}`

/**
 * The fields withheld from outgoing appeal events: personal data and digests of it.
 *
 * @example
 * import { Messages } from "@murojaat/rabbitmq"
 * Messages.withheld.includes("applicantRef") // true
 *
 * @since 0.1.0
 * @category privacy
 */
export const withheld: ReadonlyArray<string> = ["applicantRef", "personalDigest", "textDigest"]

const omit = (fields: Schema.Struct.Fields, keys: ReadonlyArray<string>): Schema.Struct.Fields =>
  Object.fromEntries(Object.entries(fields).filter(([k]) => !keys.includes(k)))

/**
 * Who acted, as messages show it: kind and role always; the id of officers, systems, integrations
 * and auditors, never an applicant's.
 *
 * @example
 * import { Messages } from "@murojaat/rabbitmq"
 * import { Schema } from "effect"
 * Schema.decodeUnknownSync(Messages.PublicActor)({ kind: "applicant", role: "applicant" }).kind // "applicant"
 *
 * @since 0.1.0
 * @category schemas
 */
export const PublicActor = Schema.Struct({
  kind: Actor.Ref.fields.kind,
  role: Actor.Role,
  id: Schema.optional(Schema.String)
})
/** @see PublicActor @example import type { Messages } from "@murojaat/rabbitmq"; const a: Messages.PublicActor = { kind: "system", role: "system", id: "deadline-timer" } @since 0.1.0 */
export type PublicActor = typeof PublicActor.Type

const Hash = Schema.String.pipe(Schema.pattern(/^[0-9a-f]{64}$/))
const MessageId = Schema.String.pipe(Schema.pattern(/^[\x21-\x7E]{1,200}$/))

// The CloudEvents attributes every outgoing message has, for a type and its schema's name.
const envelope = <T extends string>(type: T, schemaName: string) => ({
  specversion: Schema.Literal("1.0"),
  id: MessageId,
  source: Schema.String,
  type: Schema.Literal(type),
  subject: Schema.String,
  time: Schema.String,
  datacontenttype: Schema.Literal("application/json"),
  dataschema: Schema.Literal(dataschema(schemaName))
})

const appealMessage = <T extends Event.Type>(type: T) =>
  Schema.Struct({
    ...envelope(appealType(type), `appeal.${type}`),
    subject: Appeal.AppealId,
    /** The event's number in its appeal: consumers apply seq n+1 after n, and drop seq ≤ the last applied. */
    seq: Schema.Int.pipe(Schema.greaterThanOrEqualTo(1)),
    data: Schema.Struct({
      appealId: Appeal.AppealId,
      seq: Schema.Int.pipe(Schema.greaterThanOrEqualTo(1)),
      at: Schema.String,
      actor: PublicActor,
      rules: Schema.Array(Schema.String),
      causationId: Schema.optional(Schema.String),
      correlationId: Schema.optional(Schema.String),
      prevHash: Hash,
      hash: Hash,
      facts: Schema.Struct(omit(Event.data[type].fields, withheld))
    })
  }).annotations({ identifier: `appeal.${type}.v${version}`, title: `Murojaat event ${type}, version ${version}` })

/**
 * The schema of each outgoing appeal event message, by event type.
 *
 * @example
 * import { Messages } from "@murojaat/rabbitmq"
 * Object.keys(Messages.appealMessages).length // 24
 *
 * @since 0.1.0
 * @category schemas
 */
export const appealMessages = Object.fromEntries(Event.types.map((t) => [t, appealMessage(t)])) as {
  readonly [T in Event.Type]: ReturnType<typeof appealMessage<T>>
}

/**
 * An outgoing appeal event message, as it is on the wire.
 *
 * @example
 * import type { Messages } from "@murojaat/rabbitmq"
 * const seqOf = (m: Messages.AppealMessage) => m.seq
 *
 * @since 0.1.0
 * @category schemas
 */
export type AppealMessage = (typeof appealMessages)[Event.Type]["Type"]

/**
 * The outgoing message of a stored event (an outbox payload): the envelope, and the event without
 * the withheld fields. Builds plain JSON without decoding (the store wrote the event), so the relay
 * pays one object copy per message.
 *
 * @example
 * import { Messages } from "@murojaat/rabbitmq"
 * const m = Messages.fromEvent({ id: "A-1#1", appealId: "A-1", seq: 1, type: "closed", at: "2026-03-02T10:00:00.000Z",
 *   actor: { kind: "applicant", id: "user-1", role: "applicant" }, rules: [], prevHash: "0".repeat(64), hash: "1".repeat(64), data: {} } as any, "urn:murojaat:test")
 * m.data.actor // { kind: "applicant", role: "applicant" }
 *
 * @since 0.1.0
 * @category encoding
 */
export const fromEvent = (event: Event.AppealEvent, source: string): AppealMessage => {
  const e = event as Event.AppealEvent & { readonly data: Record<string, unknown> }
  const facts: Record<string, unknown> = {}
  for (const k in e.data) if (!withheld.includes(k)) facts[k] = e.data[k]
  const actor = e.actor.kind === "applicant" ? { kind: e.actor.kind, role: e.actor.role } : { kind: e.actor.kind, role: e.actor.role, id: e.actor.id }
  return {
    specversion: "1.0",
    id: e.id,
    source,
    type: appealType(e.type),
    subject: e.appealId,
    time: e.at,
    datacontenttype: "application/json",
    dataschema: dataschema(`appeal.${e.type}`),
    seq: e.seq,
    data: {
      appealId: e.appealId,
      seq: e.seq,
      at: e.at,
      actor,
      rules: e.rules,
      ...(e.causationId !== undefined ? { causationId: e.causationId } : {}),
      ...(e.correlationId !== undefined ? { correlationId: e.correlationId } : {}),
      prevHash: e.prevHash,
      hash: e.hash,
      facts
    }
  } as unknown as AppealMessage
}

/**
 * The message a consumer registered for personal data receives beside the public one: the whole
 * event (it verifies against the chain), and what it keeps apart: for `received` the personal
 * record, for events with free text their texts; `null` once erased. Read when it is published.
 *
 * @example
 * import { Messages } from "@murojaat/rabbitmq"
 * Messages.personalType // "uz.murojaat.appeal.personal.v1"
 *
 * @since 0.1.0
 * @category schemas
 */
export const PersonalMessage = Schema.Struct({
  ...envelope(`uz.murojaat.appeal.personal.v${version}`, "appeal.personal"),
  subject: Appeal.AppealId,
  seq: Schema.Int.pipe(Schema.greaterThanOrEqualTo(1)),
  /** The consumer this copy is for. */
  consumer: Schema.String,
  data: Schema.Struct({
    event: Event.AppealEvent,
    personal: Schema.optional(Schema.NullOr(Appeal.Personal)),
    texts: Schema.optional(Schema.NullOr(Event.Texts))
  })
}).annotations({ identifier: `appeal.personal.v${version}`, title: `Murojaat event with personal data, version ${version}` })
/** @see PersonalMessage @example import type { Messages } from "@murojaat/rabbitmq"; const c = (m: Messages.PersonalMessage) => m.consumer @since 0.1.0 */
export type PersonalMessage = typeof PersonalMessage.Type

/**
 * The CloudEvents type of a personal copy.
 *
 * @example
 * import { Messages } from "@murojaat/rabbitmq"
 * Messages.personalType.endsWith(".v1") // true
 *
 * @since 0.1.0
 * @category envelope
 */
export const personalType = `uz.murojaat.appeal.personal.v${version}` as const

/**
 * The CloudEvents type of an appeal forwarded into Murojaat by another system.
 *
 * @example
 * import { Messages } from "@murojaat/rabbitmq"
 * Messages.intakeType // "uz.murojaat.intake.submit.v1"
 *
 * @since 0.1.0
 * @category envelope
 */
export const intakeType = `uz.murojaat.intake.submit.v${version}` as const

/**
 * An appeal forwarded by another system (a virtual reception, the 112 line, another ministry):
 * a CloudEvent whose `id` is the sender's message id (the appeal is created once per id and
 * sender) and whose `data` is an `Appeal.Intake`, decoded with the core's schema and limits.
 *
 * @example
 * import { Messages } from "@murojaat/rabbitmq"
 * import { Schema } from "effect"
 * Schema.is(Messages.IntakeMessage)({ specversion: "1.0", id: "m-1", source: "urn:x", type: "uz.murojaat.intake.submit.v1", data: {} }) // false
 *
 * @since 0.1.0
 * @category schemas
 */
export const IntakeMessage = Schema.Struct({
  specversion: Schema.Literal("1.0"),
  /** Visible ASCII, 1 to 200 characters: it becomes part of the idempotency key. */
  id: MessageId,
  source: Limits.requiredText(500),
  type: Schema.Literal(intakeType),
  time: Schema.optional(Schema.String),
  datacontenttype: Schema.optional(Schema.Literal("application/json")),
  dataschema: Schema.optional(Schema.String),
  data: Appeal.Intake
}).annotations({ identifier: `intake.submit.v${version}`, title: `An appeal forwarded to Murojaat, version ${version}` })
/** @see IntakeMessage @example import type { Messages } from "@murojaat/rabbitmq"; const id = (m: Messages.IntakeMessage) => m.id @since 0.1.0 */
export type IntakeMessage = typeof IntakeMessage.Type

/**
 * The answer to an accepted intake, sent to the message's `reply-to` queue (when given) with its
 * `correlation-id`: the appeal's id, registration number and status. The same answer for a
 * redelivered message.
 *
 * @example
 * import { Messages } from "@murojaat/rabbitmq"
 * import { Schema } from "effect"
 * Schema.is(Messages.IntakeAccepted)({ specversion: "1.0", id: "m-1.accepted", source: "urn:murojaat", type: "uz.murojaat.intake.accepted.v1",
 *   subject: "A-1", time: "2026-03-02T10:00:00.000Z", datacontenttype: "application/json", dataschema: "urn:murojaat:schema:intake.accepted.v1",
 *   data: { messageId: "m-1", appealId: "A-1", status: "registered" } }) // true
 *
 * @since 0.1.0
 * @category schemas
 */
export const IntakeAccepted = Schema.Struct({
  ...envelope(`uz.murojaat.intake.accepted.v${version}`, "intake.accepted"),
  data: Schema.Struct({
    messageId: Schema.String,
    appealId: Schema.String,
    registrationNumber: Schema.optional(Schema.String),
    status: Schema.String
  })
}).annotations({ identifier: `intake.accepted.v${version}`, title: `The answer to a forwarded appeal, version ${version}` })
/** @see IntakeAccepted @example import type { Messages } from "@murojaat/rabbitmq"; const a = (m: Messages.IntakeAccepted) => m.data.appealId @since 0.1.0 */
export type IntakeAccepted = typeof IntakeAccepted.Type

/**
 * A deadline warning from the deadline worker: a clock of an appeal falls due soon (the
 * thresholds of `Deadline.status`). Sent once per appeal, clock, due time and threshold. Codes and
 * ids only. Escalations of overdue appeals are lifecycle events (`appeal.escalated`).
 *
 * @example
 * import { Messages } from "@murojaat/rabbitmq"
 * Messages.warningType // "uz.murojaat.deadline.warning.v1"
 *
 * @since 0.1.0
 * @category schemas
 */
export const DeadlineWarning = Schema.Struct({
  ...envelope(`uz.murojaat.deadline.warning.v${version}`, "deadline.warning"),
  data: Schema.Struct({
    appealId: Schema.String,
    clock: Schema.String,
    ruleId: Schema.String,
    threshold: Schema.String,
    dueAt: Schema.String,
    districtCode: Schema.optional(Schema.String),
    mahallaCode: Schema.optional(Schema.String),
    assigneeId: Schema.optional(Schema.String)
  })
}).annotations({ identifier: `deadline.warning.v${version}`, title: `A deadline falling due soon, version ${version}` })
/** @see DeadlineWarning @example import type { Messages } from "@murojaat/rabbitmq"; const c = (w: Messages.DeadlineWarning) => w.data.clock @since 0.1.0 */
export type DeadlineWarning = typeof DeadlineWarning.Type

/**
 * The CloudEvents type of a deadline warning.
 *
 * @example
 * import { Messages } from "@murojaat/rabbitmq"
 * Messages.warningType.startsWith("uz.murojaat.deadline") // true
 *
 * @since 0.1.0
 * @category envelope
 */
export const warningType = `uz.murojaat.deadline.warning.v${version}` as const

/**
 * Every message schema, by the name of its JSON Schema file (without `.json`).
 *
 * @example
 * import { Messages } from "@murojaat/rabbitmq"
 * Messages.all().some((s) => s.name === "intake.submit.v1") // true
 *
 * @since 0.1.0
 * @category schemas
 */
export const all = (): ReadonlyArray<{ readonly name: string; readonly schema: Schema.Schema.AnyNoContext }> => [
  ...Event.types.map((t) => ({ name: `appeal.${t}.v${version}`, schema: appealMessages[t] as unknown as Schema.Schema.AnyNoContext })),
  { name: `appeal.personal.v${version}`, schema: PersonalMessage },
  { name: `intake.submit.v${version}`, schema: IntakeMessage },
  { name: `intake.accepted.v${version}`, schema: IntakeAccepted },
  { name: `deadline.warning.v${version}`, schema: DeadlineWarning }
]

/**
 * The JSON Schema (draft-07) of a message schema, as the files in `schemas/` hold it.
 *
 * @example
 * import { Messages } from "@murojaat/rabbitmq"
 * Messages.jsonSchema(Messages.IntakeAccepted).type // "object"
 *
 * @since 0.1.0
 * @category schemas
 */
export const jsonSchema = (schema: Schema.Schema.AnyNoContext): JSONSchema.JsonSchema7Root => JSONSchema.make(schema)
