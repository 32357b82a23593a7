/**
 * The errors of the RabbitMQ adapter and its workers: the broker refused or was unreachable
 * (`BrokerError`), a notice could not be delivered (`DeliveryError`). Like the core's errors they
 * carry codes and ids, never the values a person typed.
 *
 * @example
 * import { Errors } from "@murojaat/rabbitmq"
 * new Errors.BrokerError({ operation: "connect", detail: "ECONNREFUSED" }).message // "broker connect failed: ECONNREFUSED"
 *
 * @since 0.1.0
 */
import { Schema } from "effect"

/**
 * The broker could not be reached, closed the channel, or refused an operation.
 *
 * @example
 * import { Errors } from "@murojaat/rabbitmq"
 * new Errors.BrokerError({ operation: "publish", detail: "channel closed" })._tag // "BrokerError"
 *
 * @since 0.1.0
 * @category errors
 */
export class BrokerError extends Schema.TaggedError<BrokerError>()("BrokerError", {
  operation: Schema.String,
  detail: Schema.String
}) {
  /** One line for operators. */
  override get message(): string {
    return `broker ${this.operation} failed: ${this.detail}`
  }
}

/**
 * A notice could not be delivered by a `Notifier`: `permanent` failures (the address was refused,
 * the webhook answered 4xx) are not retried; the others are.
 *
 * @example
 * import { Errors } from "@murojaat/rabbitmq"
 * new Errors.DeliveryError({ channel: "webhook", permanent: false, detail: "HTTP 503" }).message // "webhook delivery failed: HTTP 503"
 *
 * @since 0.1.0
 * @category errors
 */
export class DeliveryError extends Schema.TaggedError<DeliveryError>()("DeliveryError", {
  channel: Schema.String,
  permanent: Schema.Boolean,
  detail: Schema.String
}) {
  /** One line for operators. */
  override get message(): string {
    return `${this.channel} delivery failed: ${this.detail}`
  }
}

/**
 * The text of any failure, for logs: the message of an `Error`, else its JSON. Never more than 500
 * characters.
 *
 * @example
 * import { Errors } from "@murojaat/rabbitmq"
 * Errors.describe(new Error("boom")) // "boom"
 *
 * @since 0.1.0
 * @category errors
 */
export const describe = (e: unknown): string => {
  const text = e instanceof Error ? e.message : typeof e === "string" ? e : safeJson(e)
  return text.length > 500 ? `${text.slice(0, 497)}...` : text
}

const safeJson = (e: unknown): string => {
  try {
    return JSON.stringify(e) ?? String(e)
  } catch {
    return String(e)
  }
}
