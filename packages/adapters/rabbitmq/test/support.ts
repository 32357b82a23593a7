// Shared helpers of the RabbitMQ tests: the broker (AMQP_URL, which `pnpm test` gets from
// .ci/rabbitmq.sh), names of their own per test, and a collector of the messages of a queue.
import { randomBytes } from "node:crypto"
import * as amqp from "amqplib"
import { Broker } from "@murojaat/rabbitmq"

/** The broker of the integration tests: AMQP_URL is required (no silent skip). */
export const amqpUrl = (): string => {
  const url = process.env["AMQP_URL"]
  if (url === undefined || url === "") {
    throw new Error("AMQP_URL is not set: run the tests with `pnpm test` (it starts RabbitMQ with .ci/rabbitmq.sh) or eval \"$(bash .ci/rabbitmq.sh)\" first")
  }
  return url
}

/** Exchange and queue names no other test uses. */
export const freshNames = (what: string): Broker.Names => Broker.namesWithPrefix(`t.${what}.${randomBytes(4).toString("hex")}`)

/** A received message, parsed. */
export interface Received {
  readonly routingKey: string
  readonly body: any
  readonly properties: amqp.MessageProperties
}

/**
 * A quorum queue bound to `exchange` for `keys`, and everything that arrives in it (acked at
 * once). `close` deletes the queue.
 */
export const collector = async (url: string, exchange: string, keys: ReadonlyArray<string>) => {
  const conn = await amqp.connect(url)
  const ch = await conn.createChannel()
  await ch.assertExchange(exchange, "topic", { durable: true })
  const queue = `${exchange}.collector.${randomBytes(3).toString("hex")}`
  await ch.assertQueue(queue, { durable: true, arguments: { "x-queue-type": "quorum" } })
  for (const k of keys) await ch.bindQueue(queue, exchange, k)
  const received: Array<Received> = []
  const waiters: Array<() => void> = []
  await ch.consume(queue, (m) => {
    if (m === null) return
    received.push({ routingKey: m.fields.routingKey, body: JSON.parse(m.content.toString("utf8")), properties: m.properties })
    ch.ack(m)
    for (const w of waiters.splice(0)) w()
  })
  return {
    received,
    /** Waits until `done(received)` holds, or fails after `ms`. */
    until: async (done: (r: ReadonlyArray<Received>) => boolean, ms = 30_000) => {
      const end = Date.now() + ms
      while (!done(received)) {
        if (Date.now() > end) throw new Error(`timed out with ${received.length} message(s)`)
        await new Promise<void>((r) => {
          waiters.push(r)
          setTimeout(r, 200)
        })
      }
    },
    close: async () => {
      await ch.deleteQueue(queue).catch(() => undefined)
      await conn.close().catch(() => undefined)
    }
  }
}

/** Deletes every queue and the exchange of a test's names. */
export const cleanup = async (url: string, names: Broker.Names) => {
  const conn = await amqp.connect(url)
  const ch = await conn.createChannel()
  for (const q of [names.intake, names.intakeDeadLetter, names.notify, names.notifyDeadLetter]) await ch.deleteQueue(q).catch(() => undefined)
  await ch.deleteExchange(names.exchange).catch(() => undefined)
  await conn.close().catch(() => undefined)
}
