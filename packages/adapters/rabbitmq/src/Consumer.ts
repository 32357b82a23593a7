/**
 * What the intake and the notice worker share: a consumer of one quorum queue that acknowledges a
 * message only after its handler's effect is done, retries a failing handler with exponential
 * backoff, gives a message back to the queue after the retries (the broker counts deliveries), and
 * sends what cannot be handled to the queue's dead-letter queue with the reason in
 * `x-murojaat-reason` and `x-murojaat-detail` (codes and field paths, never values). A message that
 * kills its consumer again and again is dead-lettered by the broker itself at the poison limit
 * (`x-first-death-reason: delivery_limit`).
 *
 * Settings: `prefetch` (messages in hand at once), `retry` (attempts per delivery, first and
 * largest wait), `poisonLimit` (deliveries before the broker dead-letters). A graceful stop cancels
 * the consumer, lets the messages in hand finish and be acknowledged, and closes the connection.
 *
 * @example
 * import { Consumer } from "@murojaat/rabbitmq"
 * Consumer.defaults.prefetch // 16
 *
 * @since 0.1.0
 */
import type * as amqp from "amqplib"
import { Clock, Duration, Effect, FiberSet, Schedule } from "effect"
import * as Broker from "./Broker.js"
import { BrokerError, describe } from "./Errors.js"
import type * as Worker from "./Worker.js"

/**
 * What became of a message: handled (acknowledge it), or not acceptable (dead-letter it with the
 * reason, then acknowledge it). A handler that fails is retried.
 *
 * @example
 * import type { Consumer } from "@murojaat/rabbitmq"
 * const o: Consumer.Outcome = { _tag: "deadLetter", reason: "malformed", detail: "not JSON" }
 *
 * @since 0.1.0
 * @category models
 */
export type Outcome = { readonly _tag: "handled" } | { readonly _tag: "deadLetter"; readonly reason: string; readonly detail: string }

/**
 * The outcome of a handled message.
 *
 * @example
 * import { Consumer } from "@murojaat/rabbitmq"
 * Consumer.handled._tag // "handled"
 *
 * @since 0.1.0
 * @category models
 */
export const handled: Outcome = { _tag: "handled" }

/**
 * The outcome of a message that cannot be accepted.
 *
 * @example
 * import { Consumer } from "@murojaat/rabbitmq"
 * Consumer.deadLetter("malformed", "not JSON").reason // "malformed"
 *
 * @since 0.1.0
 * @category models
 */
export const deadLetter = (reason: string, detail: string): Outcome => ({ _tag: "deadLetter", reason, detail })

/**
 * Retries of a failing handler within one delivery.
 *
 * @example
 * import type { Consumer } from "@murojaat/rabbitmq"
 * const r: Consumer.Retry = { attempts: 3, baseMillis: 200, maxMillis: 5_000 }
 *
 * @since 0.1.0
 * @category settings
 */
export interface Retry {
  /** Tries per delivery, the first included. */
  readonly attempts: number
  /** The first wait; it doubles each time. */
  readonly baseMillis: number
  readonly maxMillis: number
}

/**
 * A consumer's settings.
 *
 * @example
 * import type { Consumer } from "@murojaat/rabbitmq"
 * const s: Partial<Consumer.Settings> = { prefetch: 32, poisonLimit: 5 }
 *
 * @since 0.1.0
 * @category settings
 */
export interface Settings {
  readonly url: string
  readonly queue: string
  readonly deadLetter: string
  /** The exchange and routing keys to bind the queue to, if any. */
  readonly exchange?: string | undefined
  readonly bindings?: ReadonlyArray<string> | undefined
  readonly connectionName: string
  readonly prefetch: number
  readonly retry: Retry
  /** Deliveries of one message before it is dead-lettered (the queue's `x-delivery-limit`). */
  readonly poisonLimit: number
  readonly heartbeatSeconds: number
  /** The wait before reconnecting after the broker failed; doubles up to 15 s. */
  readonly reconnectMillis: number
  /** Called after a message's effect is done, before its ack: metrics, and fault drills. */
  readonly beforeAck?: ((msg: amqp.ConsumeMessage) => Effect.Effect<void>) | undefined
}

/**
 * The defaults of the tunable settings.
 *
 * @example
 * import { Consumer } from "@murojaat/rabbitmq"
 * Consumer.defaults.poisonLimit // 10
 *
 * @since 0.1.0
 * @category settings
 */
export const defaults = {
  prefetch: 16,
  retry: { attempts: 3, baseMillis: 200, maxMillis: 5_000 } as Retry,
  poisonLimit: 10,
  heartbeatSeconds: 5,
  reconnectMillis: 500
}

/**
 * The settings a worker's user may tune; the rest are the worker's own.
 *
 * @example
 * import type { Consumer } from "@murojaat/rabbitmq"
 * const t: Consumer.Tunables = { prefetch: 4 }
 *
 * @since 0.1.0
 * @category settings
 */
export interface Tunables {
  /** Called after a message's effect is done, before its ack (metrics, fault drills). */
  readonly beforeAck?: ((msg: amqp.ConsumeMessage) => Effect.Effect<void>) | undefined
  readonly prefetch?: number | undefined
  readonly retry?: Retry | undefined
  readonly poisonLimit?: number | undefined
  readonly heartbeatSeconds?: number | undefined
}

/**
 * A worker's consumer settings: its own (queue, bindings, name) and the tunables, with the defaults.
 *
 * @example
 * import { Consumer } from "@murojaat/rabbitmq"
 * Consumer.settings({ url: "amqp://127.0.0.1", queue: "q", deadLetter: "q.dlq", connectionName: "demo" }, { prefetch: 4 }).prefetch // 4
 *
 * @since 0.1.0
 * @category settings
 */
export const settings = (
  own: Pick<Settings, "url" | "queue" | "deadLetter" | "connectionName" | "exchange" | "bindings">,
  tunables: Tunables
): Settings => ({
  ...own,
  prefetch: tunables.prefetch ?? defaults.prefetch,
  retry: tunables.retry ?? defaults.retry,
  poisonLimit: tunables.poisonLimit ?? defaults.poisonLimit,
  heartbeatSeconds: tunables.heartbeatSeconds ?? defaults.heartbeatSeconds,
  reconnectMillis: defaults.reconnectMillis,
  beforeAck: tunables.beforeAck
})

/**
 * Tools a handler may use: publish on the consumer's confirm channel (replies, forwarded copies).
 *
 * @example
 * import type { Consumer } from "@murojaat/rabbitmq"
 * const reply = (t: Consumer.Tools) => t.publish("", [])
 *
 * @since 0.1.0
 * @category models
 */
export interface Tools {
  readonly publish: (exchange: string, messages: ReadonlyArray<Broker.Outgoing>) => Effect.Effect<ReadonlyArray<boolean>>
}

/**
 * How many times the broker delivered a message before this delivery (quorum queues count it in
 * `x-delivery-count`).
 *
 * @example
 * import { Consumer } from "@murojaat/rabbitmq"
 * Consumer.previousDeliveries({ properties: { headers: { "x-delivery-count": 2 } } } as any) // 2
 *
 * @since 0.1.0
 * @category models
 */
export const previousDeliveries = (msg: Pick<amqp.ConsumeMessage, "properties">): number => {
  const n = Number(msg.properties.headers?.["x-delivery-count"] ?? 0)
  return Number.isFinite(n) && n > 0 ? n : 0
}

// The copy sent to the dead-letter queue: the original body and properties, the reason added.
const deadLetterCopy = (s: Settings, msg: amqp.ConsumeMessage, reason: string, detail: string, at: string): Broker.Outgoing => ({
  routingKey: s.deadLetter,
  body: msg.content,
  properties: {
    ...msg.properties,
    persistent: true,
    headers: { ...msg.properties.headers, "x-murojaat-reason": reason, "x-murojaat-detail": detail, "x-murojaat-dead-lettered-at": at, "x-murojaat-queue": s.queue }
  }
})

// One delivery: the handler with retries, then ack, dead-letter, or give back.
const deliver = <R>(
  s: Settings,
  ctl: Worker.Control,
  consumer: amqp.Channel,
  tools: Tools,
  msg: amqp.ConsumeMessage,
  handle: (msg: amqp.ConsumeMessage, tools: Tools) => Effect.Effect<Outcome, unknown, R>
): Effect.Effect<void, never, R> =>
  Effect.gen(function* () {
    const schedule = Schedule.exponential(Duration.millis(s.retry.baseMillis)).pipe(
      Schedule.union(Schedule.spaced(Duration.millis(s.retry.maxMillis))),
      Schedule.intersect(Schedule.recurs(Math.max(0, s.retry.attempts - 1)))
    )
    const result = yield* Effect.either(Effect.retry(Effect.catchAllDefect(Effect.suspend(() => handle(msg, tools)), (d) => Effect.fail(d)), schedule))
    const at = new Date(yield* Clock.currentTimeMillis).toISOString()
    let outcome: Outcome | undefined
    if (result._tag === "Right") outcome = result.right
    else {
      yield* ctl.failed(result.left)
      // The last delivery the broker allows: dead-letter it ourselves, with the reason.
      if (previousDeliveries(msg) + 1 >= s.poisonLimit) outcome = deadLetter("retriesExhausted", describe(result.left))
    }
    if (outcome === undefined) {
      yield* Effect.sync(() => consumer.nack(msg, false, true))
      return
    }
    if (outcome._tag === "deadLetter") {
      const [ok] = yield* tools.publish("", [deadLetterCopy(s, msg, outcome.reason, outcome.detail, at)])
      if (ok !== true) {
        yield* Effect.sync(() => consumer.nack(msg, false, true))
        return
      }
      yield* ctl.failed(new BrokerError({ operation: "consume", detail: `dead-lettered: ${outcome.reason}` }))
    } else yield* ctl.processed()
    if (s.beforeAck !== undefined) yield* s.beforeAck(msg)
    yield* Effect.sync(() => consumer.ack(msg))
  }).pipe(Effect.catchAllCause((cause) => Effect.logWarning(`consumer ${s.queue}: ${describe(cause)}`)))

// One connection's life: declare, consume until a stop or a failure, then drain.
const session = <R>(s: Settings, ctl: Worker.Control, handle: (msg: amqp.ConsumeMessage, tools: Tools) => Effect.Effect<Outcome, unknown, R>) =>
  Effect.scoped(
    Effect.gen(function* () {
      yield* ctl.set("connecting")
      const connection = yield* Broker.connect(s.url, { name: s.connectionName, heartbeatSeconds: s.heartbeatSeconds })
      const publisher = yield* Broker.channel(connection, { confirm: true })
      const consumer = yield* Broker.channel(connection, { confirm: false })
      if (s.exchange !== undefined) yield* Broker.declareExchange(consumer, { exchange: s.exchange })
      yield* Broker.declareQueue(consumer, { queue: s.queue, deadLetter: s.deadLetter, deliveryLimit: s.poisonLimit, exchange: s.exchange, bindings: s.bindings })
      yield* Broker.attempt("prefetch", () => consumer.prefetch(s.prefetch))
      const tools: Tools = { publish: (exchange, messages) => Effect.promise(() => Broker.publishConfirmed(publisher, exchange, messages)) }
      const inFlight = yield* FiberSet.make<void, never>()
      const run = yield* FiberSet.runtime(inFlight)<R>()
      const tag = yield* Broker.attempt("consume", () =>
        consumer.consume(s.queue, (msg) => {
          if (msg !== null) run(deliver(s, ctl, consumer, tools, msg, handle))
        })
      )
      yield* ctl.set("running")
      yield* Effect.raceFirst(ctl.stopping, connection.closed)
      if (yield* connection.isClosed) return yield* Effect.fail(new BrokerError({ operation: "consume", detail: "connection closed" }))
      // Graceful: no new deliveries; the ones in hand finish and are acknowledged.
      yield* Effect.ignore(Broker.attempt("cancel", () => consumer.cancel(tag.consumerTag)))
      yield* FiberSet.awaitEmpty(inFlight)
    })
  )

/**
 * A consumer's body for `Worker.start`: sessions one after another, reconnecting with backoff
 * after a broker failure, until a stop.
 *
 * @example
 * import { Consumer, Worker } from "@murojaat/rabbitmq"
 * import { Effect } from "effect"
 * const settings = { ...Consumer.defaults, url: "amqp://127.0.0.1", queue: "q", deadLetter: "q.dlq", connectionName: "demo" }
 * Worker.start("demo", Consumer.body(settings, () => Effect.succeed(Consumer.handled)))
 *
 * @since 0.1.0
 * @category workers
 */
export const body =
  <R>(settings: Settings, handle: (msg: amqp.ConsumeMessage, tools: Tools) => Effect.Effect<Outcome, unknown, R>) =>
  (ctl: Worker.Control): Effect.Effect<void, never, R> =>
    Effect.gen(function* () {
      let wait = settings.reconnectMillis
      while (!(yield* ctl.isStopping)) {
        const started = yield* Clock.currentTimeMillis
        const r = yield* Effect.either(session(settings, ctl, handle))
        if (r._tag === "Right") continue
        yield* ctl.failed(r.left)
        yield* ctl.set("connecting", describe(r.left))
        yield* ctl.sleepUnlessStopping(wait)
        wait = (yield* Clock.currentTimeMillis) - started > 30_000 ? settings.reconnectMillis : Math.min(15_000, wait * 2)
      }
    })
