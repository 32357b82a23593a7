/**
 * The intake: appeals forwarded by other systems (a virtual reception, the 112 line, another
 * ministry) arrive on a quorum queue as CloudEvents (`Messages.IntakeMessage`) and become appeals
 * through `AppealService.submit`, exactly once per message:
 *
 * - The sender is the broker user that published the message: RabbitMQ checks the `user-id`
 *   property against the connection's login, so a client cannot pose as another. The client's
 *   registration (`Client`) gives its system id, its districts and its scopes; it needs
 *   `appeals:submit`. The core then checks the districts like any integration's.
 * - The envelope is decoded with its schema and the appeal with the core's own (`Appeal.Intake`,
 *   limits included), so the queue accepts exactly what the HTTP API accepts.
 * - The idempotency key is the message id under the sender's system id
 *   (`amqp:<systemId>:<id>`): a redelivered message (the consumer died before its ack, the broker
 *   restarted) gets the first answer and writes nothing; another sender's id cannot collide.
 * - The message is acknowledged only after the commit. What cannot be accepted goes to the
 *   dead-letter queue with the reason: `malformed` (not JSON), `unknownClient`, `notInScope`,
 *   `invalidEnvelope`, `invalidIntake` (with the wrong fields' paths), `refused` (the core's code,
 *   e.g. `NotAuthorized` outside the client's districts), `conflict` (the id was used for another
 *   appeal), `retriesExhausted` (the store kept failing until the poison limit).
 * - With `reply-to`, the answer (`Messages.IntakeAccepted`: appeal id, number, status) is sent
 *   there, again on a redelivery.
 *
 * @example
 * import { Intake, Worker } from "@murojaat/rabbitmq"
 * const start = Worker.start("intake", Intake.body({ url: "amqp://127.0.0.1", clients: [{ user: "reception", systemId: "pm.gov.uz", scopes: ["appeals:submit"] }] }))
 *
 * @since 0.1.0
 */
import { Actor, AppealService, Decode, type Directory, type Errors } from "@murojaat/core"
import type * as amqp from "amqplib"
import { Effect, Schema } from "effect"
import * as Broker from "./Broker.js"
import * as Consumer from "./Consumer.js"
import * as Messages from "./Messages.js"
import type * as Worker from "./Worker.js"

/**
 * A system allowed to forward appeals: its broker user, the system id its appeals are recorded
 * under, the districts it may file in (absent: every district) and its scopes.
 *
 * @example
 * import type { Intake } from "@murojaat/rabbitmq"
 * const c: Intake.Client = { user: "reception", systemId: "pm.gov.uz", districts: ["1726262"] as any, scopes: ["appeals:submit"] }
 *
 * @since 0.1.0
 * @category settings
 */
export interface Client {
  readonly user: string
  readonly systemId: string
  readonly districts?: ReadonlyArray<Directory.DistrictCode> | undefined
  /** What it may do; the intake needs `appeals:submit`. Default: `["appeals:submit"]`. */
  readonly scopes?: ReadonlyArray<string> | undefined
}

/**
 * The intake's settings; the tunable ones default to `Consumer.defaults`.
 *
 * @example
 * import type { Intake } from "@murojaat/rabbitmq"
 * const s: Intake.Settings = { url: "amqp://127.0.0.1", clients: [], prefetch: 32, poisonLimit: 5 }
 *
 * @since 0.1.0
 * @category settings
 */
export interface Settings extends Consumer.Tunables {
  readonly url: string
  readonly clients: ReadonlyArray<Client>
  readonly names?: Broker.Names | undefined
  /** CloudEvents `source` of replies. Default `urn:murojaat`. */
  readonly source?: string | undefined
}

/**
 * The scope a client needs to forward appeals.
 *
 * @example
 * import { Intake } from "@murojaat/rabbitmq"
 * Intake.scope // "appeals:submit"
 *
 * @since 0.1.0
 * @category settings
 */
export const scope = "appeals:submit"

// The envelope alone: the appeal itself is decoded by the service, with the core's schema.
const Envelope = Schema.Struct({ ...Messages.IntakeMessage.fields, data: Schema.Unknown })
const decodeEnvelope = Decode.unknown(Envelope, "IntakeMessage")

/**
 * The idempotency key of a forwarded message: its id under the sender's system id.
 *
 * @example
 * import { Intake } from "@murojaat/rabbitmq"
 * Intake.idempotencyKey("pm.gov.uz", "m-17") // "amqp:pm.gov.uz:m-17"
 *
 * @since 0.1.0
 * @category handling
 */
export const idempotencyKey = (systemId: string, messageId: string): string => `amqp:${systemId}:${messageId}`

// Field paths and problems only: never the values (they may be personal).
const issues = (e: Errors.InvalidInput): string => e.issues.map((i) => `${i.path === "" ? "(root)" : i.path}: ${i.problem}`).join("; ").slice(0, 1000)

const transient: ReadonlySet<string> = new Set(["StoreError", "VersionConflict", "InternalError"])

/**
 * Handles one delivery: the outcome (handled, or dead-letter with the reason), or a failure to
 * retry (the store is unavailable).
 *
 * @example
 * import { Intake } from "@murojaat/rabbitmq"
 * typeof Intake.handle // "function"
 *
 * @since 0.1.0
 * @category handling
 */
export const handle = (settings: Settings) => {
  const clients = new Map(settings.clients.map((c) => [c.user, c]))
  const source = settings.source ?? "urn:murojaat"
  return (msg: amqp.ConsumeMessage, tools: Consumer.Tools): Effect.Effect<Consumer.Outcome, Errors.MurojaatError, AppealService.AppealService> =>
    Effect.gen(function* () {
      let json: unknown
      try {
        json = JSON.parse(msg.content.toString("utf8"))
      } catch {
        return Consumer.deadLetter("malformed", "the body is not JSON")
      }
      const user = msg.properties.userId as string | undefined
      const client = user === undefined ? undefined : clients.get(user)
      if (client === undefined) return Consumer.deadLetter("unknownClient", user === undefined ? "no user-id property" : "the user is not a registered client")
      if (!(client.scopes ?? [scope]).includes(scope)) return Consumer.deadLetter("notInScope", `the client lacks ${scope}`)
      const envelope = yield* Effect.either(decodeEnvelope(json))
      if (envelope._tag === "Left") return Consumer.deadLetter("invalidEnvelope", issues(envelope.left))
      const ce = envelope.right
      const actor = Actor.integration(client.systemId, client.districts)
      const result = yield* Effect.either(
        AppealService.submit(ce.data, actor, { idempotencyKey: idempotencyKey(client.systemId, ce.id), correlationId: msg.properties.correlationId ?? undefined })
      )
      if (result._tag === "Left") {
        const e = result.left
        if (transient.has(e._tag) && !(e._tag === "StoreError" && e.reason === "invalidInput")) return yield* Effect.fail(e)
        if (e._tag === "InvalidInput") return Consumer.deadLetter("invalidIntake", issues(e))
        if (e._tag === "IdempotencyConflict") return Consumer.deadLetter("conflict", "the message id was used for another appeal")
        return Consumer.deadLetter("refused", e._tag)
      }
      const replyTo = msg.properties.replyTo as string | undefined
      if (replyTo !== undefined && replyTo !== "") {
        const r = result.right
        const reply: Messages.IntakeAccepted = {
          specversion: "1.0",
          id: `${ce.id}.accepted`,
          source,
          type: `uz.murojaat.intake.accepted.v${Messages.version}`,
          subject: r.appealId,
          time: r.state.receivedAt ?? new Date(0).toISOString(),
          datacontenttype: "application/json",
          dataschema: Messages.dataschema("intake.accepted"),
          data: {
            messageId: ce.id,
            appealId: r.appealId,
            ...(r.state.registrationNumber !== undefined ? { registrationNumber: r.state.registrationNumber } : {}),
            status: r.state.status
          }
        }
        // A lost reply is not worth a second appeal: the answer is the same on a redelivery.
        yield* tools.publish("", [
          {
            routingKey: replyTo,
            body: Buffer.from(JSON.stringify(reply)),
            properties: { contentType: Messages.contentType, correlationId: msg.properties.correlationId ?? ce.id, messageId: reply.id, type: reply.type }
          }
        ])
      }
      return Consumer.handled
    })
}

/**
 * The intake's body for `Worker.start`. Needs the `AppealService`.
 *
 * @example
 * import { Intake, Worker } from "@murojaat/rabbitmq"
 * Worker.start("intake", Intake.body({ url: "amqp://127.0.0.1", clients: [] }))
 *
 * @since 0.1.0
 * @category workers
 */
export const body = (settings: Settings): ((ctl: Worker.Control) => Effect.Effect<void, never, AppealService.AppealService>) => {
  const names = settings.names ?? Broker.defaultNames
  return Consumer.body(
    Consumer.settings({ url: settings.url, queue: names.intake, deadLetter: names.intakeDeadLetter, connectionName: "murojaat-intake" }, settings),
    handle(settings)
  )
}
