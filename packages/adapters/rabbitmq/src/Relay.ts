/**
 * The outbox relay: publishes every committed domain event to the event exchange, in order per
 * appeal, with publisher confirms, in batches, and marks outbox rows published only after the
 * broker confirmed them.
 *
 * How order holds:
 * - One relay publishes at a time. Relays take a lock on the broker (an exclusive queue, held by
 *   the connection: it goes when the connection dies); the others wait on standby and take over.
 * - A relay that takes the lock first waits out the outbox lease (`leaseMillis`, plus four
 *   heartbeats), so every claim of an earlier holder has ended before it claims anything: the
 *   oldest claimable messages are then always the earliest unpublished ones of their appeal.
 * - A batch (`Outbox.claim`, oldest first) is published in waves (`strictOrder`, the default): the
 *   first message of each appeal in the batch, then, once the broker confirmed those, the second,
 *   and so on. A message the broker does not confirm (a nack: an internal error, a full queue that
 *   rejects publishes) stops its appeal for this batch: it and the appeal's later messages are
 *   released and come back first in the next claim, so no later message of an appeal goes out
 *   before an earlier one. With `strictOrder: false` the batch goes in claim order on the one
 *   channel (which the broker keeps per queue) and is confirmed once; a nack still stops its appeal
 *   (its later messages in the batch, confirmed or not, are released and come back in order), but
 *   a consumer may then see a later message before the earlier one's redelivery (a gap in `seq`,
 *   docs/integration.md).
 * - The next batch is claimed while this one is published, and published only if this one was
 *   confirmed whole; otherwise it is released unpublished, so released messages keep their place.
 * - Before each claim the relay checks that it still holds the lock (one round trip), and it
 *   publishes nothing after a claim's lease is three-quarters gone.
 *
 * Delivery is at least once: a crash after the broker's confirm and before the rows are marked
 * publishes them again. Consumers keep the last `seq` they applied per appeal, drop a message with
 * a `seq` at or below it, and apply `seq + 1` (docs/integration.md).
 *
 * @example
 * import { Relay, Worker } from "@murojaat/rabbitmq"
 * import { AppealService, Sample } from "@murojaat/core"
 * import { Effect, Layer } from "effect"
 * const relay = Effect.scoped(Effect.flatMap(Worker.start("relay", Relay.body({ url: "amqp://127.0.0.1" })), (h) => h.done))
 * // Effect.runFork(Effect.provide(relay, AppealService.layerMemory(Sample.directory)))
 *
 * @since 0.1.0
 */
import { AppealStore, type Errors, type Event, Outbox } from "@murojaat/core"
import type * as amqp from "amqplib"
import { Clock, Effect, Exit, Fiber, Option } from "effect"
import * as Broker from "./Broker.js"
import { BrokerError, describe } from "./Errors.js"
import * as Messages from "./Messages.js"
import type * as Worker from "./Worker.js"

/**
 * A consumer registered for personal data: it receives, beside the public message of each listed
 * event type, a copy with the personal record or the event's texts on `personal.<consumer>.<topic>`.
 * Give its broker user topic permissions on that prefix only (docs/integration.md).
 *
 * @example
 * import type { Relay } from "@murojaat/rabbitmq"
 * const r: Relay.PersonalConsumer = { consumer: "smart-mahalla", events: ["received", "answered"] }
 *
 * @since 0.1.0
 * @category settings
 */
export interface PersonalConsumer {
  readonly consumer: string
  readonly events: ReadonlyArray<Event.Type>
}

/**
 * The relay's settings.
 *
 * @example
 * import type { Relay } from "@murojaat/rabbitmq"
 * const s: Relay.Settings = { url: "amqp://127.0.0.1", batchSize: 500 }
 *
 * @since 0.1.0
 * @category settings
 */
export interface Settings {
  readonly url: string
  readonly names?: Broker.Names | undefined
  /** CloudEvents `source` of every message. Default `urn:murojaat`. */
  readonly source?: string | undefined
  /** Messages per claim. Default 500. */
  readonly batchSize?: number | undefined
  /**
   * Publish a batch in waves, each waiting for the broker's confirms of the one before (an
   * appeal's next message only after its previous one was confirmed), so not even a nack lets a
   * later message of an appeal out first. Default true. False: the batch in claim order, confirmed
   * once (one confirm round trip per batch; after a nack a consumer may see a gap in `seq`).
   */
  readonly strictOrder?: boolean | undefined
  /** The outbox lease of a claim, in ms. Default 10,000. A new lock holder waits it out. */
  readonly leaseMillis?: number | undefined
  /** How long to wait when the outbox is empty, in ms. Default 50. */
  readonly idleMillis?: number | undefined
  /** AMQP heartbeat, in seconds. Default 2. */
  readonly heartbeatSeconds?: number | undefined
  /** First wait after a failure, in ms; doubles up to 15 s. Default 500. */
  readonly retryMillis?: number | undefined
  readonly personal?: ReadonlyArray<PersonalConsumer> | undefined
  /**
   * Called after the broker confirmed a wave, before the outbox rows are marked: metrics, and
   * fault drills (a relay killed here has published messages it has not marked).
   */
  readonly onConfirmed?: ((ids: ReadonlyArray<string>) => Effect.Effect<void>) | undefined
}

/**
 * The settings with every default filled in.
 *
 * @example
 * import { Relay } from "@murojaat/rabbitmq"
 * Relay.resolve({ url: "amqp://127.0.0.1" }).batchSize // 500
 *
 * @since 0.1.0
 * @category settings
 */
export const resolve = (s: Settings) => ({
  url: s.url,
  names: s.names ?? Broker.defaultNames,
  source: s.source ?? "urn:murojaat",
  batchSize: Math.max(1, s.batchSize ?? 500),
  strictOrder: s.strictOrder ?? true,
  leaseMillis: Math.max(100, s.leaseMillis ?? 10_000),
  idleMillis: Math.max(1, s.idleMillis ?? 50),
  heartbeatSeconds: Math.max(1, s.heartbeatSeconds ?? 2),
  retryMillis: Math.max(10, s.retryMillis ?? 500),
  personal: s.personal ?? [],
  onConfirmed: s.onConfirmed
})

type Resolved = ReturnType<typeof resolve>

/**
 * The routing key of a consumer's personal copy of a topic.
 *
 * @example
 * import { Relay } from "@murojaat/rabbitmq"
 * Relay.personalKey("smart-mahalla", "appeal.received") // "personal.smart-mahalla.appeal.received"
 *
 * @since 0.1.0
 * @category topology
 */
export const personalKey = (consumer: string, topic: string): string => `personal.${consumer}.${topic}`

/**
 * The AMQP properties of an outgoing appeal message: persistent, `message-id` = the event id
 * (`appealId#seq`), the CloudEvents type and content type, and `x-murojaat-seq`.
 *
 * @example
 * import { Relay } from "@murojaat/rabbitmq"
 * Relay.properties("A-1#2", "uz.murojaat.appeal.registered.v1", "A-1", 2, "2026-03-02T10:00:00.000Z").messageId // "A-1#2"
 *
 * @since 0.1.0
 * @category publishing
 */
export const properties = (id: string, type: string, appealId: string, seq: number, at: string): amqp.Options.Publish => ({
  persistent: true,
  messageId: id,
  type,
  contentType: Messages.contentType,
  appId: "murojaat",
  timestamp: Math.floor(Date.parse(at) / 1000),
  headers: { "x-murojaat-appeal": appealId, "x-murojaat-seq": seq }
})

// An outbox message's public message.
const publicMessage = (s: Resolved, m: Outbox.Message): Broker.Outgoing => {
  const event = m.payload as Event.AppealEvent
  const message = Messages.fromEvent(event, s.source)
  return { routingKey: m.topic, body: Buffer.from(JSON.stringify(message)), properties: properties(m.id, message.type, m.appealId, m.seq, event.at) }
}

// One outbox message as the messages it becomes: the public one and the personal copies.
const outgoing = (
  s: Resolved,
  m: Outbox.Message,
  store: Option.Option<AppealStore.AppealStore["Type"]>
): Effect.Effect<ReadonlyArray<Broker.Outgoing>, unknown> =>
  Effect.gen(function* () {
    const event = m.payload as Event.AppealEvent
    const out: Array<Broker.Outgoing> = [publicMessage(s, m)]
    const registered = s.personal.filter((p) => p.events.includes(event.type))
    if (registered.length === 0 || Option.isNone(store)) return out
    const personal = event.type === "received" ? Option.getOrNull(yield* store.value.personal(m.appealId)) : undefined
    const texts = "textDigest" in event.data ? ((yield* store.value.texts(m.appealId)).find((t) => t.seq === m.seq)?.texts ?? null) : undefined
    for (const p of registered) {
      const copy: Messages.PersonalMessage = {
        specversion: "1.0",
        id: `${m.id}@${p.consumer}`,
        source: s.source,
        type: Messages.personalType,
        subject: m.appealId as never,
        time: event.at,
        datacontenttype: "application/json",
        dataschema: Messages.dataschema("appeal.personal"),
        seq: m.seq,
        consumer: p.consumer,
        data: { event, ...(personal !== undefined ? { personal } : {}), ...(texts !== undefined ? { texts } : {}) }
      }
      out.push({
        routingKey: personalKey(p.consumer, m.topic),
        body: Buffer.from(JSON.stringify(copy)),
        properties: properties(copy.id, copy.type, m.appealId, m.seq, event.at)
      })
    }
    return out
  })

// The outcome of publishing a batch: what the broker confirmed (to mark published) and what goes
// back to the outbox.
interface Sent {
  readonly confirmed: ReadonlyArray<string>
  readonly rest: ReadonlyArray<string>
}

// Publishes a batch, in one pass or in waves, and sorts its messages into confirmed and rest.
const send = (s: Resolved, ch: amqp.ConfirmChannel, batch: ReadonlyArray<Outbox.Message>, claimedAt: number): Effect.Effect<Sent, unknown> =>
  Effect.gen(function* () {
    const store = yield* Effect.serviceOption(AppealStore.AppealStore)
    const stopped = new Set<string>()
    const confirmed: Array<string> = []
    const deadline = claimedAt + Math.floor((s.leaseMillis * 3) / 4)
    for (const all of s.strictOrder ? waves(batch) : [batch]) {
      if ((yield* Clock.currentTimeMillis) > deadline) break
      const wave = all.filter((m) => !stopped.has(m.appealId))
      if (wave.length === 0) break
      // Without consumers of personal data, one message each, built without an effect per message.
      const parts = s.personal.length === 0 ? wave.map((m) => [publicMessage(s, m)]) : yield* Effect.forEach(wave, (m) => outgoing(s, m, store))
      const results = yield* Effect.promise(() => Broker.publishConfirmed(ch, s.names.exchange, parts.flat()))
      let i = 0
      const now: Array<string> = []
      for (let w = 0; w < wave.length; w++) {
        const n = parts[w]!.length
        const ok = results.slice(i, i + n).every((r) => r)
        i += n
        // In claim order: after an appeal's unconfirmed message, its later ones are not counted.
        if (!ok) stopped.add(wave[w]!.appealId)
        else if (!stopped.has(wave[w]!.appealId)) now.push(wave[w]!.id)
      }
      confirmed.push(...now)
      if (s.onConfirmed !== undefined && now.length > 0) yield* s.onConfirmed(now)
    }
    const done = new Set(confirmed)
    return { confirmed, rest: batch.filter((m) => !done.has(m.id)).map((m) => m.id) }
  })

// The k-th wave: the k-th message of each appeal in the batch (claim order is each appeal's seq order).
const waves = (batch: ReadonlyArray<Outbox.Message>): ReadonlyArray<ReadonlyArray<Outbox.Message>> => {
  const byAppeal = new Map<string, Array<Outbox.Message>>()
  for (const m of batch) {
    const list = byAppeal.get(m.appealId)
    if (list === undefined) byAppeal.set(m.appealId, [m])
    else list.push(m)
  }
  const out: Array<Array<Outbox.Message>> = []
  for (const list of byAppeal.values()) list.forEach((m, k) => (out[k] ??= []).push(m))
  return out
}

// Marks what the broker confirmed, gives back the rest.
const settle = (sent: Sent) =>
  Effect.gen(function* () {
    const outbox = yield* Outbox.Outbox
    yield* outbox.acknowledge(sent.confirmed)
    if (sent.rest.length > 0) yield* outbox.release(sent.rest, "not confirmed by the broker")
  })

/**
 * Publishes one claimed batch and settles it: acknowledges what the broker confirmed (and nothing
 * of an appeal after a message it did not), releases the rest. Waves (`strictOrder`), or one pass
 * in claim order. Returns how many messages were published and how many were released.
 *
 * @example
 * import { Relay } from "@murojaat/rabbitmq"
 * typeof Relay.publishBatch // "function"
 *
 * @since 0.1.0
 * @category publishing
 */
export const publishBatch = (
  s: Resolved,
  ch: amqp.ConfirmChannel,
  batch: ReadonlyArray<Outbox.Message>,
  claimedAt: number
): Effect.Effect<{ readonly published: number; readonly failed: number }, unknown, Outbox.Outbox> =>
  Effect.gen(function* () {
    const sent = yield* send(s, ch, batch, claimedAt)
    yield* settle(sent)
    return { published: sent.confirmed.length, failed: sent.rest.length }
  })

// Takes the relay lock: an exclusive queue of this connection. Another holder makes the broker
// close the channel with RESOURCE_LOCKED; then we wait on standby and try again.
const acquireLock = (s: Resolved, connection: Broker.Connection, ctl: Worker.Control) =>
  Effect.gen(function* () {
    while (!(yield* ctl.isStopping)) {
      const ch = yield* Broker.channel(connection, { confirm: false })
      const got = yield* Effect.either(Broker.attempt("take relay lock", () => ch.assertQueue(s.names.relayLock, { exclusive: true, durable: false })))
      if (got._tag === "Right") return { ch, held: true as const }
      yield* ctl.set("standby", "another relay holds the lock")
      yield* Effect.raceFirst(ctl.sleepUnlessStopping(Math.max(200, s.heartbeatSeconds * 500)), connection.closed)
      if (yield* connection.isClosed) {
        return yield* Effect.fail(new BrokerError({ operation: "take relay lock", detail: "connection closed" }))
      }
    }
    return { ch: undefined, held: false as const }
  })

// One connection's life: lock, fence, then claim and publish until a stop or a failure.
const session = (s: Resolved, ctl: Worker.Control) =>
  Effect.scoped(
    Effect.gen(function* () {
      yield* ctl.set("connecting")
      const connection = yield* Broker.connect(s.url, { name: "murojaat-relay", heartbeatSeconds: s.heartbeatSeconds })
      const ch = yield* Broker.channel(connection, { confirm: true })
      yield* Broker.declareExchange(ch, s.names)
      const lock = yield* acquireLock(s, connection, ctl)
      if (!lock.held) return
      yield* ctl.set("fencing", "waiting out earlier claims")
      yield* Effect.raceFirst(ctl.sleepUnlessStopping(s.leaseMillis + 4 * s.heartbeatSeconds * 1000), connection.closed)
      yield* ctl.set("running")
      const outbox = yield* Outbox.Outbox
      let closed = false
      ch.on("close", () => (closed = true))
      // Still the holder? A dead connection fails here, before anything is claimed.
      const claim = Effect.gen(function* () {
        yield* Broker.attempt("check relay lock", () => lock.ch.checkQueue(s.names.relayLock))
        const claimedAt = yield* Clock.currentTimeMillis
        const batch = yield* outbox.claim({ limit: s.batchSize, leaseMillis: s.leaseMillis, now: claimedAt })
        return { batch, claimedAt }
      })
      // A batch claimed ahead and not published goes back at once (not after its lease), first in
      // the next claim.
      type Ahead = Fiber.RuntimeFiber<Effect.Effect.Success<typeof claim>, Effect.Effect.Error<typeof claim>>
      const giveBack = (fiber: Ahead) =>
        Effect.flatMap(Fiber.await(fiber), (exit) =>
          Exit.isSuccess(exit) && exit.value.batch.length > 0
            ? Effect.ignore(outbox.release(exit.value.batch.map((m) => m.id), "claimed ahead, not published"))
            : Effect.void
        )
      let ahead: Ahead | undefined
      // The marking of the batch before runs while this one is published; one at a time.
      let settling: Fiber.RuntimeFiber<void, Errors.StoreError> | undefined
      yield* Effect.addFinalizer(() =>
        Effect.zipRight(settling === undefined ? Effect.void : Effect.ignore(Fiber.await(settling)), ahead === undefined ? Effect.void : giveBack(ahead))
      )
      while (!(yield* ctl.isStopping)) {
        if (closed) return yield* Effect.fail(new BrokerError({ operation: "publish", detail: "channel closed" }))
        const current = ahead === undefined ? yield* claim : yield* Fiber.join(ahead)
        ahead = undefined
        if (current.batch.length === 0) {
          yield* Effect.raceFirst(ctl.sleepUnlessStopping(s.idleMillis), connection.closed)
          continue
        }
        // The next claim runs while this batch is published (the database's round trips under the
        // broker's); it is used only if this batch went out whole, so order holds.
        // A daemon: a stop in the middle of the claim still gets its rows, to give them back.
        ahead = yield* Effect.forkDaemon(claim)
        const sent = yield* send(s, ch, current.batch, current.claimedAt)
        if (settling !== undefined) yield* Fiber.join(settling)
        settling = undefined
        if (sent.confirmed.length > 0) yield* ctl.processed(sent.confirmed.length)
        if (sent.rest.length === 0) settling = yield* Effect.forkDaemon(settle(sent))
        else {
          // Released messages must be claimable before anything later of their appeal is claimed:
          // settled now, and the batch claimed ahead goes back unpublished.
          yield* settle(sent)
          yield* ctl.failed(new BrokerError({ operation: "publish", detail: `${sent.rest.length} message(s) not confirmed` }), sent.rest.length)
          const back = ahead
          ahead = undefined
          yield* giveBack(back)
        }
      }
    })
  )

/**
 * The relay's body for `Worker.start`: sessions one after another, reconnecting with backoff
 * after a broker or store failure, until a stop. Needs the `Outbox` (and the `AppealStore` when
 * consumers are registered for personal data).
 *
 * @example
 * import { Relay, Worker } from "@murojaat/rabbitmq"
 * const start = Worker.start("relay", Relay.body({ url: "amqp://127.0.0.1" }))
 *
 * @since 0.1.0
 * @category workers
 */
export const body = (settings: Settings) => (ctl: Worker.Control): Effect.Effect<void, never, Outbox.Outbox> =>
  Effect.gen(function* () {
    const s = resolve(settings)
    let wait = s.retryMillis
    while (!(yield* ctl.isStopping)) {
      const started = yield* Clock.currentTimeMillis
      const r = yield* Effect.either(Effect.catchAllDefect(session(s, ctl), (d) => Effect.fail(new BrokerError({ operation: "relay", detail: describe(d) }))))
      if (r._tag === "Right") continue
      yield* ctl.failed(r.left)
      yield* Effect.logWarning(`relay: ${describe(r.left)}; retrying in ${wait} ms`)
      yield* ctl.set("connecting", describe(r.left))
      yield* ctl.sleepUnlessStopping(wait)
      // A session that ran a while resets the backoff.
      wait = (yield* Clock.currentTimeMillis) - started > 30_000 ? s.retryMillis : Math.min(15_000, wait * 2)
    }
  })
