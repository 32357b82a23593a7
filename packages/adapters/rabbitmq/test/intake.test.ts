// The intake against the real broker (AMQP_URL): a forwarded appeal is created once however often
// its message is delivered; what cannot be accepted lands in the dead-letter queue with the reason.
import { describe, expect, it } from "@effect/vitest"
import { AppealService, AppealStore, Sample } from "@murojaat/core"
import { Intake, Messages, Worker } from "@murojaat/rabbitmq"
import * as amqp from "amqplib"
import { Effect, Schema } from "effect"
import { amqpUrl, cleanup, freshNames } from "./support.js"

const layer = AppealService.layerMemory(Sample.directory, { pipeline: AppealService.rulesPipeline() })
const user = () => new URL(amqpUrl()).username

const forwarded = (id: string, data: unknown = { ...Sample.intake, channel: "forwardedFromBody", forwardedBy: "Virtual qabulxona" }) => ({
  specversion: "1.0",
  id,
  source: "urn:pm.gov.uz:reception",
  type: Messages.intakeType,
  data
})

// Reads every message of a queue (without consuming the others' queues), then deletes it.
const drain = async (ch: amqp.Channel, queue: string) => {
  const out: Array<amqp.GetMessage> = []
  for (;;) {
    const m = await ch.get(queue, { noAck: true })
    if (m === false) return out
    out.push(m)
  }
}

describe("intake", () => {
  it.live("creates a forwarded appeal once per message id, replies, and dead-letters what it cannot accept with the reason", () =>
    Effect.gen(function* () {
      const url = amqpUrl()
      const names = freshNames("intake")
      const conn = yield* Effect.promise(() => amqp.connect(url))
      yield* Effect.addFinalizer(() => Effect.promise(async () => { await cleanup(url, names); await conn.close().catch(() => undefined) }))
      const ch = yield* Effect.promise(() => conn.createConfirmChannel())
      const replies = yield* Effect.promise(() => ch.assertQueue("", { exclusive: true }))
      const handle = yield* Worker.start(
        "intake",
        Intake.body({
          url,
          names,
          clients: [{ user: user(), systemId: "pm.gov.uz", scopes: ["appeals:submit"] }],
          retry: { attempts: 2, baseMillis: 10, maxMillis: 50 },
          poisonLimit: 3
        })
      )
      // Wait until the queues exist.
      for (let i = 0; i < 100 && (yield* handle.health).state !== "running"; i++) yield* Effect.sleep("50 millis")
      const send = (body: unknown, props: amqp.Options.Publish = {}) =>
        Effect.promise(async () => {
          ch.sendToQueue(names.intake, Buffer.from(typeof body === "string" ? body : JSON.stringify(body)), { persistent: true, userId: user(), replyTo: replies.queue, ...props })
          await ch.waitForConfirms()
        })
      // The same message three times (a sender retrying), and a second appeal.
      yield* send(forwarded("msg-1"), { correlationId: "c-1" })
      yield* send(forwarded("msg-1"), { correlationId: "c-1" })
      yield* send(forwarded("msg-2"))
      yield* send(forwarded("msg-1"), { correlationId: "c-1" })
      // Poison: not JSON; no user-id; an envelope without a type; an appeal without a kind; the
      // same id with another appeal.
      yield* send("{not json")
      yield* send(forwarded("msg-3"), { userId: undefined })
      yield* send({ ...forwarded("msg-4"), type: undefined })
      yield* send(forwarded("msg-5", { ...Sample.intake, kind: undefined }))
      yield* send(forwarded("msg-1", { ...Sample.intake, text: { body: "Boshqa murojaat" } }))
      const store = yield* AppealStore.AppealStore
      const dead: Array<amqp.GetMessage> = []
      for (let i = 0; i < 200 && dead.length < 5; i++) {
        yield* Effect.sleep("100 millis")
        dead.push(...(yield* Effect.promise(() => drain(ch, names.intakeDeadLetter))))
      }
      const reasons = dead.map((m) => [m.properties.headers?.["x-murojaat-reason"], String(m.properties.headers?.["x-murojaat-detail"])])
      expect(reasons.map((r) => r[0]).sort()).toEqual(["conflict", "invalidEnvelope", "invalidIntake", "malformed", "unknownClient"])
      expect(reasons.find((r) => r[0] === "invalidIntake")![1]).toContain("kind: missing")
      // The dead letters name fields, never values.
      expect(reasons.map((r) => r[1]).join(" ")).not.toContain("Boshqa")
      // Two appeals, not four: msg-1 was created once.
      const ids = yield* store.ids(undefined, 100)
      expect(ids.length).toBe(2)
      const got = yield* Effect.promise(() => drain(ch, replies.queue))
      const answers = got.map((m) => JSON.parse(m.content.toString("utf8")))
      for (const a of answers) expect(Schema.is(Messages.IntakeAccepted)(a)).toBe(true)
      const first = answers.filter((a) => a.data.messageId === "msg-1")
      expect(first.length).toBe(3)
      expect(new Set(first.map((a) => a.data.appealId)).size).toBe(1)
      expect(first[0].data.registrationNumber).toMatch(/\S/)
      expect(got.filter((m) => m.properties.correlationId === "c-1").length).toBe(3)
      const health = yield* handle.health
      expect(health.processed).toBe(4)
      yield* handle.stop
    }).pipe(Effect.scoped, Effect.provide(layer))
  )
})

// The checks that need a second broker user, run on the handler directly.
const message = (body: unknown, userId: string) =>
  ({ content: Buffer.from(JSON.stringify(body)), properties: { userId, headers: {} }, fields: {} }) as unknown as amqp.ConsumeMessage
const tools = { publish: () => Effect.succeed([true]) }

describe("intake handler", () => {
  it.live("refuses a client without the scope, and an appeal outside the client's districts (the core's NotAuthorized)", () =>
    Effect.gen(function* () {
      const handle = Intake.handle({
        url: "amqp://unused",
        clients: [
          { user: "reader", systemId: "reader", scopes: ["appeals:read"] },
          { user: "elsewhere", systemId: "elsewhere", districts: ["1703202" as never] },
          { user: "here", systemId: "here", districts: ["1726262" as never] }
        ]
      })
      expect(yield* handle(message(forwarded("m-1"), "reader"), tools)).toEqual({ _tag: "deadLetter", reason: "notInScope", detail: "the client lacks appeals:submit" })
      expect(yield* handle(message(forwarded("m-2"), "elsewhere"), tools)).toEqual({ _tag: "deadLetter", reason: "refused", detail: "NotAuthorized" })
      expect(yield* handle(message(forwarded("m-3"), "here"), tools)).toEqual({ _tag: "handled" })
      expect((yield* Effect.flatMap(AppealStore.AppealStore, (s) => s.ids(undefined, 10))).length).toBe(1)
    }).pipe(Effect.provide(layer))
  )
})
