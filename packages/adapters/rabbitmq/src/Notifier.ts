/**
 * The notifier port: sends one notice to an applicant. Two adapters ship: e-mail over SMTP
 * (`SmtpNotifier`, nodemailer) and a signed webhook (`WebhookNotifier`: an SMS gateway or the
 * Smart Mahalla app sits behind it). A notifier sends; the notice worker (`Notify`) decides what,
 * records it, and retries.
 *
 * @example
 * import { Notifier } from "@murojaat/rabbitmq"
 * import { Effect } from "effect"
 * const sent: Array<string> = []
 * const program = Effect.flatMap(Notifier.Notifier, (n) => n.send({ id: "notice:A-1#2", appealId: "A-1", kind: "registered", locale: "en", subject: "s", text: "t", recipient: {} }))
 * Effect.runSync(Effect.provide(program, Notifier.layerCollect(sent)))
 * sent // ["notice:A-1#2"]
 *
 * @since 0.1.0
 */
import { Context, Effect, Layer } from "effect"
import type { DeliveryError } from "./Errors.js"
import type * as Notices from "./Notices.js"

/**
 * The notifier's operations: `channel` names it in records; `send` delivers one notice or fails
 * with a `DeliveryError` (permanent or not).
 *
 * @example
 * import type { Notifier } from "@murojaat/rabbitmq"
 * const name = (n: Notifier.Service) => n.channel
 *
 * @since 0.1.0
 * @category models
 */
export interface Service {
  readonly channel: string
  /** Whether this notifier can reach the recipient at all (an e-mail notifier needs an address). */
  readonly reaches: (recipient: Notices.Recipient) => boolean
  readonly send: (notice: Notices.Notice) => Effect.Effect<void, DeliveryError>
}

/**
 * The notifier service.
 *
 * @example
 * import { Notifier } from "@murojaat/rabbitmq"
 * Notifier.Notifier.key // "@murojaat/rabbitmq/Notifier"
 *
 * @since 0.1.0
 * @category tags
 */
export class Notifier extends Context.Tag("@murojaat/rabbitmq/Notifier")<Notifier, Service>() {}

/**
 * A notifier that only collects the ids of what it was asked to send (tests, dry runs).
 *
 * @example
 * import { Notifier } from "@murojaat/rabbitmq"
 * Notifier.layerCollect([])
 *
 * @since 0.1.0
 * @category layers
 */
export const layerCollect = (into: Array<string>): Layer.Layer<Notifier> =>
  Layer.succeed(Notifier, { channel: "collect", reaches: () => true, send: (n) => Effect.sync(() => void into.push(n.id)) })
