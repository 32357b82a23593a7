// The outbox relay against the real broker (AMQP_URL): every committed event arrives, in order
// per appeal, as a CloudEvent that its schema accepts, and the outbox ends empty.
import { describe, expect, it } from "@effect/vitest"
import { Actor, AppealService, Outbox, Sample } from "@murojaat/core"
import { Messages, Relay, Worker } from "@murojaat/rabbitmq"
import * as amqp from "amqplib"
import { Clock, Effect, Schema } from "effect"
import { amqpUrl, cleanup, collector, freshNames } from "./support.js"

const layer = AppealService.layerMemory(Sample.directory, { pipeline: AppealService.rulesPipeline() })

describe("outbox relay", () => {
  it.live("publishes every committed event in order per appeal, with its schema, and empties the outbox", () =>
    Effect.gen(function* () {
      const url = amqpUrl()
      const names = freshNames("relay")
      const sink = yield* Effect.promise(() => collector(url, names.exchange, ["appeal.#"]))
      yield* Effect.addFinalizer(() => Effect.promise(() => Promise.all([sink.close(), cleanup(url, names)])))
      // Appeals submitted before and while the relay runs.
      const submit = (i: number) =>
        AppealService.submit({ ...Sample.intake, text: { body: `Koʻcha chirogʻi ${i} yonmaydi` } }, Actor.applicant(`user-${i}`))
      const before = yield* Effect.forEach([1, 2, 3, 4, 5], submit)
      const handle = yield* Worker.start("relay", Relay.body({ url, names, leaseMillis: 1000, heartbeatSeconds: 1, batchSize: 7 }))
      const after = yield* Effect.forEach([6, 7, 8], submit)
      const answered = yield* AppealService.execute({ type: "assign", appealId: before[0]!.appealId, officerId: "O-101" }, Actor.officer("O-201"))
      const expected = [...before, ...after].flatMap((r) => r.events).length + answered.events.length
      yield* Effect.promise(() => sink.until((r) => r.length >= expected))
      expect(sink.received.length).toBe(expected)
      // In order per appeal: seq 1, 2, 3... exactly.
      const seqs = new Map<string, Array<number>>()
      for (const m of sink.received) seqs.set(m.body.subject, [...(seqs.get(m.body.subject) ?? []), m.body.seq])
      for (const [, list] of seqs) expect(list).toEqual(list.map((_, i) => i + 1))
      // Each message is valid for its schema, and its AMQP properties match.
      for (const m of sink.received) {
        const type = m.body.data.type ?? m.routingKey.slice("appeal.".length)
        const schema = Messages.appealMessages[type as keyof typeof Messages.appealMessages]
        expect(Schema.is(schema as unknown as Schema.Schema<unknown>)(m.body)).toBe(true)
        expect(m.properties.messageId).toBe(m.body.id)
        expect(m.properties.contentType).toBe(Messages.contentType)
      }
      // Nothing personal: the applicant's name, his account and text are not in any message.
      const all = JSON.stringify(sink.received.map((m) => m.body))
      for (const secret of ["Aliyev", "Bobur", "user-1", "chirogʻi", "+998901112233"]) expect(all).not.toContain(secret)
      // Rows are marked after the broker's confirm, and a consumer may see a message before its
      // row is marked: the outbox empties within a few seconds of the last delivery.
      const pending = Effect.flatMap(Outbox.Outbox, (o) => o.pending)
      const end = (yield* Clock.currentTimeMillis) + 10_000
      while ((yield* pending) > 0 && (yield* Clock.currentTimeMillis) < end) yield* Effect.sleep("50 millis")
      expect(yield* pending).toBe(0)
      yield* handle.stop
      const health = yield* handle.health
      expect(health.state).toBe("stopped")
      expect(health.processed).toBe(expected)
    }).pipe(Effect.scoped, Effect.provide(layer))
  )

  // A broker that nacks one message (an internal error, a full queue rejecting publishes): the
  // appeal it belongs to must not get a later message marked before it, in either mode.
  const nacking = (nack: string) => {
    const published: Array<string> = []
    const ch = {
      publish: (_exchange: string, _key: string, _body: Buffer, props: amqp.Options.Publish, cb: (err: unknown) => void) => {
        published.push(String(props.messageId))
        setImmediate(() => cb(props.messageId === nack ? new Error("nack") : null))
        return true
      }
    } as unknown as amqp.ConfirmChannel
    return { ch, published }
  }
  for (const strictOrder of [false, true]) {
    it.live(`a nacked message stops its appeal for the batch${strictOrder ? " (strictOrder: its later messages are not even sent)" : ""}`, () =>
      Effect.gen(function* () {
        const submitted = yield* Effect.forEach([1, 2], (i) => AppealService.submit({ ...Sample.intake, text: { body: `Koʻcha chirogʻi ${i} yonmaydi` } }, Actor.applicant(`user-${i}`)))
        const [a, b] = submitted.map((r) => r.events.map((e) => e.id))
        expect(a!.length).toBeGreaterThanOrEqual(3)
        const outbox = yield* Outbox.Outbox
        const now = yield* Clock.currentTimeMillis
        const batch = yield* outbox.claim({ limit: 100, leaseMillis: 60_000, now })
        expect(batch.map((m) => m.id).sort()).toEqual([...a!, ...b!].sort())
        // The broker refuses appeal a's second message.
        const broker = nacking(a![1]!)
        const r = yield* Relay.publishBatch(Relay.resolve({ url: "amqp://unused", strictOrder }), broker.ch, batch, now)
        // Marked: all of b, and a's first message only; a's second and later come back, in order.
        expect(r).toEqual({ published: b!.length + 1, failed: a!.length - 1 })
        const again = yield* outbox.claim({ limit: 100, leaseMillis: 60_000, now })
        expect(again.map((m) => m.id)).toEqual(a!.slice(1))
        // Claim order sends the whole batch at once; waves stop the appeal at its nacked message.
        expect(broker.published.filter((id) => a!.includes(id))).toEqual(strictOrder ? a!.slice(0, 2) : a)
      }).pipe(Effect.provide(layer))
    )
  }

  // The broker closes the channel in the middle of a batch (here: a publish to an exchange that
  // does not exist, which RabbitMQ answers by closing the channel, as it does when it goes down).
  // Whatever the relay marks published, the broker had confirmed: it is in the queue; the rest
  // comes back to the outbox.
  for (const strictOrder of [false, true]) {
    it.live(`a channel closed in the middle of a batch: every message marked published is in the queue${strictOrder ? " (strictOrder)" : ""}`, () =>
      Effect.gen(function* () {
        const url = amqpUrl()
        const names = freshNames("relay-close")
        const sink = yield* Effect.promise(() => collector(url, names.exchange, ["appeal.#"]))
        yield* Effect.addFinalizer(() => Effect.promise(() => Promise.all([sink.close(), cleanup(url, names)])))
        yield* Effect.forEach([1, 2], (i) => AppealService.submit({ ...Sample.intake, text: { body: `Koʻcha chirogʻi ${i} yonmaydi` } }, Actor.applicant(`user-${i}`)))
        const outbox = yield* Outbox.Outbox
        const now = yield* Clock.currentTimeMillis
        const batch = yield* outbox.claim({ limit: 100, leaseMillis: 60_000, now })
        expect(batch.length).toBeGreaterThanOrEqual(6)
        const conn = yield* Effect.acquireRelease(Effect.promise(() => amqp.connect(url)), (c) => Effect.promise(() => c.close().catch(() => undefined)))
        conn.on("error", () => undefined)
        const real = yield* Effect.promise(() => conn.createConfirmChannel())
        real.on("error", () => undefined)
        // Before the batch's fourth message, a publish the broker answers by closing the channel.
        let sent = 0
        const ch = new Proxy(real, {
          get: (target, key) => {
            if (key === "publish") {
              return (...args: Parameters<amqp.ConfirmChannel["publish"]>) => {
                if (++sent === 4) target.publish(`${names.exchange}.missing`, "x", Buffer.from("x"), {}, () => undefined)
                return target.publish(...args)
              }
            }
            const value = Reflect.get(target, key)
            return typeof value === "function" ? value.bind(target) : value
          }
        })
        const r = yield* Relay.publishBatch(Relay.resolve({ url, names, strictOrder }), ch, batch, now)
        expect(r.published + r.failed).toBe(batch.length)
        expect(r.failed).toBeGreaterThan(0)
        // What was not marked comes back; what was marked is in the queue.
        const back = new Set((yield* outbox.claim({ limit: 100, leaseMillis: 60_000, now })).map((m) => m.id))
        const marked = batch.map((m) => m.id).filter((id) => !back.has(id))
        expect(marked.length).toBe(r.published)
        yield* Effect.promise(() => sink.until((got) => marked.every((id) => got.some((m) => m.body.id === id))))
      }).pipe(Effect.scoped, Effect.provide(layer))
    )
  }
})
