/**
 * @murojaat/rabbitmq: Murojaat on RabbitMQ (amqplib). The outbox relay publishes every committed
 * event as a CloudEvent with publisher confirms; the intake creates appeals forwarded by other
 * systems exactly once per message; the notice worker tells applicants, by e-mail or a signed
 * webhook, each notice once; the deadline worker warns and escalates once per breach.
 *
 * @example
 * import { Relay, Worker } from "@murojaat/rabbitmq"
 * const relay = Worker.start("relay", Relay.body({ url: process.env.AMQP_URL! }))
 *
 * @since 0.1.0
 */
export * as Broker from "./Broker.js"
export * as Consumer from "./Consumer.js"
export * as Deadlines from "./Deadlines.js"
export * as DeliveryLog from "./DeliveryLog.js"
export * as Errors from "./Errors.js"
export * as Intake from "./Intake.js"
export * as Messages from "./Messages.js"
export * as Notices from "./Notices.js"
export * as Notifier from "./Notifier.js"
export * as Notify from "./Notify.js"
export * as Relay from "./Relay.js"
export * as SmtpNotifier from "./SmtpNotifier.js"
export * as WebhookNotifier from "./WebhookNotifier.js"
export * as Worker from "./Worker.js"
