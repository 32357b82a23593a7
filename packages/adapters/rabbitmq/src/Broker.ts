/**
 * The broker side: connections (scoped, closed with their scope) and the topology the workers
 * declare: one durable topic exchange for events, quorum queues for the intake and the notices,
 * each with its dead-letter queue, and the relay's lock (an exclusive queue: only one connection
 * can hold it, and the broker drops it when that connection dies).
 *
 * Queue arguments are fixed when a queue is first declared (RabbitMQ refuses to redeclare a queue
 * with other arguments): to change the poison limit of an existing queue, use a policy
 * (`delivery-limit`) or a new queue name.
 *
 * @example
 * import { Broker } from "@murojaat/rabbitmq"
 * Broker.defaultNames.exchange // "murojaat.events"
 *
 * @since 0.1.0
 */
import { Writable } from "node:stream"
import * as amqp from "amqplib"
import { Deferred, Effect, type Scope } from "effect"
import { BrokerError, describe } from "./Errors.js"

/**
 * The names of the exchange and queues.
 *
 * @example
 * import { Broker } from "@murojaat/rabbitmq"
 * Broker.namesWithPrefix("test-1").intake // "test-1.intake"
 *
 * @since 0.1.0
 * @category topology
 */
export interface Names {
  /** Topic exchange of appeal events (`appeal.<type>`), personal copies and deadline warnings. */
  readonly exchange: string
  /** Quorum queue of forwarded appeals. */
  readonly intake: string
  readonly intakeDeadLetter: string
  /** Quorum queue of the events the notice worker turns into notices. */
  readonly notify: string
  readonly notifyDeadLetter: string
  /** Exclusive queue held by the active relay. */
  readonly relayLock: string
}

/**
 * The default names.
 *
 * @example
 * import { Broker } from "@murojaat/rabbitmq"
 * Broker.defaultNames.intakeDeadLetter // "murojaat.intake.dlq"
 *
 * @since 0.1.0
 * @category topology
 */
export const defaultNames: Names = namesWithPrefix("murojaat")

/**
 * Every name under one prefix (a deployment, a test).
 *
 * @example
 * import { Broker } from "@murojaat/rabbitmq"
 * Broker.namesWithPrefix("staging").exchange // "staging.events"
 *
 * @since 0.1.0
 * @category topology
 */
export function namesWithPrefix(prefix: string): Names {
  return {
    exchange: `${prefix}.events`,
    intake: `${prefix}.intake`,
    intakeDeadLetter: `${prefix}.intake.dlq`,
    notify: `${prefix}.notify`,
    notifyDeadLetter: `${prefix}.notify.dlq`,
    relayLock: `${prefix}.relay.lock`
  }
}

/**
 * A connection and a way to learn that it closed.
 *
 * @example
 * import type { Broker } from "@murojaat/rabbitmq"
 * const wait = (c: Broker.Connection) => c.closed
 *
 * @since 0.1.0
 * @category connections
 */
export interface Connection {
  readonly model: amqp.ChannelModel
  /** Completes when the connection closed (broker restart, network, heartbeat timeout). */
  readonly closed: Effect.Effect<void>
  readonly isClosed: Effect.Effect<boolean>
}

// Room in the socket's buffer for a batch of frames held together (see `hold`): 4 MiB.
const SOCKET_BUFFER = 4 * 1024 * 1024

/**
 * Opens a connection, closed when the scope closes. `name` shows in the broker's management
 * views; `heartbeatSeconds` (default 5) bounds how long a dead peer goes unnoticed.
 *
 * @example
 * import { Broker } from "@murojaat/rabbitmq"
 * import { Effect } from "effect"
 * const program = Effect.scoped(Effect.flatMap(Broker.connect("amqp://127.0.0.1", { name: "probe" }), (c) => Effect.succeed(c.model)))
 *
 * @since 0.1.0
 * @category connections
 */
export const connect = (
  url: string,
  options: { readonly name: string; readonly heartbeatSeconds?: number }
): Effect.Effect<Connection, BrokerError, Scope.Scope> =>
  Effect.acquireRelease(
    Effect.gen(function* () {
      const target = new URL(url)
      if (!target.searchParams.has("heartbeat")) target.searchParams.set("heartbeat", String(options.heartbeatSeconds ?? 5))
      // amqplib hands these to net.connect, whose socket takes `writableHighWaterMark`.
      const socket: amqp.SocketOptions & { readonly writableHighWaterMark: number } = {
        clientProperties: { connection_name: options.name },
        writableHighWaterMark: SOCKET_BUFFER
      }
      const model = yield* Effect.tryPromise({
        try: () => amqp.connect(target.toString(), socket),
        catch: (e) => new BrokerError({ operation: "connect", detail: describe(e) })
      })
      const closed = yield* Deferred.make<void>()
      // Without listeners an 'error' event would be thrown: errors end in 'close' anyway.
      model.on("error", () => undefined)
      model.on("close", () => void Effect.runFork(Deferred.succeed(closed, undefined)))
      return { model, closed: Deferred.await(closed), isClosed: Deferred.isDone(closed) }
    }),
    (c) => Effect.promise(() => c.model.close().catch(() => undefined))
  )

/**
 * Runs a broker operation, failing with a `BrokerError` that names it.
 *
 * @example
 * import { Broker } from "@murojaat/rabbitmq"
 * Broker.attempt("declare", () => Promise.resolve(1))
 *
 * @since 0.1.0
 * @category connections
 */
export const attempt = <A>(operation: string, run: () => PromiseLike<A>): Effect.Effect<A, BrokerError> =>
  Effect.tryPromise({ try: () => Promise.resolve(run()), catch: (e) => new BrokerError({ operation, detail: describe(e) }) })

/**
 * A channel of the connection, with publisher confirms or without; its errors end in 'close'.
 *
 * @example
 * import { Broker } from "@murojaat/rabbitmq"
 * const open = (c: Broker.Connection) => Broker.channel(c, { confirm: true })
 *
 * @since 0.1.0
 * @category connections
 */
export const channel = <C extends boolean>(
  connection: Connection,
  options: { readonly confirm: C }
): Effect.Effect<C extends true ? amqp.ConfirmChannel : amqp.Channel, BrokerError> =>
  Effect.map(
    attempt("open channel", () => (options.confirm ? connection.model.createConfirmChannel() : connection.model.createChannel())),
    (ch) => {
      ch.on("error", () => undefined)
      return ch as C extends true ? amqp.ConfirmChannel : amqp.Channel
    }
  )

/**
 * Declares the event exchange (durable topic exchange).
 *
 * @example
 * import { Broker } from "@murojaat/rabbitmq"
 * const declare = (ch: import("amqplib").Channel) => Broker.declareExchange(ch, Broker.defaultNames)
 *
 * @since 0.1.0
 * @category topology
 */
export const declareExchange = (ch: amqp.Channel, names: Pick<Names, "exchange">): Effect.Effect<void, BrokerError> =>
  Effect.asVoid(attempt("declare exchange", () => ch.assertExchange(names.exchange, "topic", { durable: true })))

/**
 * Declares a consumer's quorum queue and its dead-letter queue (quorum too), binds the queue to
 * the event exchange for `bindings`, and sets the poison limit: a message delivered `deliveryLimit`
 * times without an ack (its consumer crashed on it, or gave it back each time) is dead-lettered by
 * the broker, at least once, with `x-first-death-reason: delivery_limit`.
 *
 * @example
 * import { Broker } from "@murojaat/rabbitmq"
 * const declare = (ch: import("amqplib").Channel) =>
 *   Broker.declareQueue(ch, { queue: "q", deadLetter: "q.dlq", deliveryLimit: 10, exchange: "murojaat.events", bindings: ["appeal.answered"] })
 *
 * @since 0.1.0
 * @category topology
 */
export const declareQueue = (
  ch: amqp.Channel,
  spec: {
    readonly queue: string
    readonly deadLetter: string
    readonly deliveryLimit: number
    readonly exchange?: string | undefined
    readonly bindings?: ReadonlyArray<string> | undefined
  }
): Effect.Effect<void, BrokerError> =>
  Effect.gen(function* () {
    yield* attempt("declare dead-letter queue", () => ch.assertQueue(spec.deadLetter, { durable: true, arguments: { "x-queue-type": "quorum" } }))
    yield* attempt("declare queue", () =>
      ch.assertQueue(spec.queue, {
        durable: true,
        arguments: {
          "x-queue-type": "quorum",
          "x-delivery-limit": spec.deliveryLimit,
          "x-dead-letter-exchange": "",
          "x-dead-letter-routing-key": spec.deadLetter,
          // At-least-once dead-lettering needs the queue to refuse publishes rather than drop heads.
          "x-dead-letter-strategy": "at-least-once",
          "x-overflow": "reject-publish"
        }
      })
    )
    if (spec.exchange !== undefined) for (const key of spec.bindings ?? []) yield* attempt("bind queue", () => ch.bindQueue(spec.queue, spec.exchange!, key))
  })

/**
 * One message to publish.
 *
 * @example
 * import type { Broker } from "@murojaat/rabbitmq"
 * const o: Broker.Outgoing = { routingKey: "appeal.closed", body: Buffer.from("{}"), properties: { persistent: true } }
 *
 * @since 0.1.0
 * @category publishing
 */
export interface Outgoing {
  readonly routingKey: string
  readonly body: Buffer
  readonly properties: amqp.Options.Publish
}

/**
 * Publishes messages on a confirm channel, in order, and waits for the broker's confirms: for each
 * message true when the broker took responsibility for it (every queue it was routed to has it),
 * false when it refused it or the channel closed first (then it may or may not have been routed).
 * Honours back-pressure: when the socket's buffer is full, waits for it to drain.
 *
 * @example
 * import { Broker } from "@murojaat/rabbitmq"
 * const send = (ch: import("amqplib").ConfirmChannel) => Broker.publishConfirmed(ch, "murojaat.events", [{ routingKey: "appeal.closed", body: Buffer.from("{}"), properties: {} }])
 *
 * @since 0.1.0
 * @category publishing
 */
export const publishConfirmed = async (
  ch: amqp.ConfirmChannel,
  exchange: string,
  messages: ReadonlyArray<Outgoing>
): Promise<ReadonlyArray<boolean>> => {
  const confirms: Array<Promise<boolean>> = []
  const held = hold(ch)
  try {
    for (const m of messages) {
      let writable = true
      confirms.push(
        new Promise<boolean>((resolve) => {
          try {
            writable = ch.publish(exchange, m.routingKey, m.body, m.properties, (err) => resolve(err === null || err === undefined))
          } catch {
            resolve(false)
          }
        })
      )
      if (!writable) {
        // The frames held so far must go out for the channel's buffer to drain.
        held.release()
        const drained = await Promise.race([
          new Promise<boolean>((resolve) => ch.once("drain", () => resolve(true))),
          new Promise<boolean>((resolve) => ch.once("close", () => resolve(false)))
        ])
        if (!drained) break
      }
    }
  } finally {
    held.releaseAfterMux()
  }
  const results = await Promise.all(confirms)
  return messages.map((_, i) => results[i] ?? false)
}

// amqplib writes each message to the socket on its own (one system call each: a third of the
// relay's CPU in a profile). Corking the socket while a batch is handed to amqplib sends the batch
// in a few writes. amqplib moves a channel's frames to the socket in a setImmediate scheduled from
// the channel stream's 'readable' event (a nextTick): two turns later they are all in the socket's
// buffer. The cork is always undone: at the latest two turns after the loop, or before waiting for
// the channel to drain (which needs the socket to write).
const hold = (ch: amqp.ConfirmChannel) => {
  const socket = (ch as unknown as { connection?: { stream?: unknown } }).connection?.stream
  const corkable = socket instanceof Writable ? socket : undefined
  let corked = corkable !== undefined
  corkable?.cork()
  const release = () => {
    if (!corked) return
    corked = false
    corkable!.uncork()
  }
  return { release, releaseAfterMux: () => (corked ? setImmediate(() => setImmediate(release)) : undefined) }
}
