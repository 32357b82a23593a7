// Fault drills of @murojaat/rabbitmq on PostgreSQL (DATABASE_URL in CI, else embedded) and
// RabbitMQ (AMQP_URL, from .ci/rabbitmq.sh; a private node for the broker restart):
// - two relays at once, the active one SIGKILLed in the middle of a batch (confirmed by the broker,
//   not yet marked in the outbox): every event delivered at least once, first deliveries in order
//   per appeal, the outbox drained;
// - two intake consumers at once, one SIGKILLed after its appeal's commit and before its ack: every
//   forwarded appeal created exactly once;
// - the broker restarted in the middle of a stream of events and forwarded appeals: nothing lost,
//   nothing created twice.
import { type ChildProcess, spawn } from "node:child_process"
import { randomBytes } from "node:crypto"
import { rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { expect, layer } from "@effect/vitest"
import { Actor, AppealService, DirectoryStore, Outbox, Sample } from "@murojaat/core"
import { PgStore, SqlClient } from "@murojaat/postgres"
import { Testing } from "@murojaat/postgres/testing"
import { Broker, DeliveryLog, Intake, Messages, Relay, Worker } from "@murojaat/rabbitmq"
import * as amqp from "amqplib"
import { Context, Effect, Fiber, Layer } from "effect"
import { privateBroker } from "./fixtures/rabbitBroker.js"

const amqpUrl = (): string => {
  const url = process.env["AMQP_URL"]
  if (url === undefined || url === "") throw new Error("AMQP_URL is not set: run pnpm test (it starts RabbitMQ with .ci/rabbitmq.sh)")
  return url
}

interface Proc {
  readonly child: ChildProcess
  readonly lines: Array<string>
  readonly waitFor: (prefix: string, ms?: number) => Promise<string>
  readonly exited: Promise<number | null>
}

const worker = (kind: "relay" | "intake", dbUrl: string, settings: Record<string, unknown>): Proc => {
  const child = spawn(process.execPath, ["--import", "tsx", "packages/adapters/rabbitmq/test/fixtures/rabbitWorker.ts", kind, dbUrl, JSON.stringify(settings)], {
    cwd: process.cwd(),
    stdio: ["ignore", "pipe", "pipe"]
  })
  const lines: Array<string> = []
  let stderr = ""
  child.stdout!.on("data", (d) => lines.push(...String(d).split("\n").filter((l) => l !== "")))
  child.stderr!.on("data", (d) => (stderr += String(d)))
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)))
  return {
    child,
    lines,
    exited,
    waitFor: async (prefix, ms = 90_000) => {
      const end = Date.now() + ms
      for (;;) {
        const line = lines.find((l) => l.startsWith(prefix))
        if (line !== undefined) return line
        if (child.exitCode !== null || Date.now() > end) throw new Error(`${kind} ${child.pid}: no "${prefix}" (exit ${child.exitCode}); stderr: ${stderr.slice(-2000)}`)
        await new Promise((r) => setTimeout(r, 50))
      }
    }
  }
}

const until = async (what: string, check: () => Promise<boolean>, ms = 120_000) => {
  const end = Date.now() + ms
  while (!(await check())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`)
    await new Promise((r) => setTimeout(r, 200))
  }
}

// A quorum queue bound to every appeal event, read at the end.
const eventQueue = async (url: string, exchange: string) => {
  const conn = await amqp.connect(url)
  const ch = await conn.createChannel()
  await ch.assertExchange(exchange, "topic", { durable: true })
  const queue = `${exchange}.audit`
  await ch.assertQueue(queue, { durable: true, arguments: { "x-queue-type": "quorum" } })
  await ch.bindQueue(queue, exchange, "appeal.#")
  await conn.close()
  return queue
}

const drain = async (url: string, queue: string): Promise<ReadonlyArray<{ id: string; subject: string; seq: number }>> => {
  const conn = await amqp.connect(url)
  const ch = await conn.createChannel()
  const out: Array<{ id: string; subject: string; seq: number }> = []
  for (;;) {
    const m = await ch.get(queue, { noAck: true })
    if (m === false) break
    const body = JSON.parse(m.content.toString("utf8"))
    out.push({ id: body.id, subject: body.subject, seq: body.seq })
  }
  await ch.deleteQueue(queue).catch(() => undefined)
  await conn.close()
  return out
}

// Every event in the database delivered at least once, and the first delivery of each appeal's
// events in seq order. Returns how many deliveries were repeats.
const checkDelivered = (events: ReadonlyArray<{ id: string; appealId: string; seq: number }>, got: ReadonlyArray<{ id: string; subject: string; seq: number }>) => {
  const seen = new Set<string>()
  const last = new Map<string, number>()
  let repeats = 0
  for (const m of got) {
    if (seen.has(m.id)) {
      repeats++
      continue
    }
    seen.add(m.id)
    expect(m.seq, `first delivery of ${m.id} in order`).toBe((last.get(m.subject) ?? 0) + 1)
    last.set(m.subject, m.seq)
  }
  expect(events.filter((e) => !seen.has(e.id)).map((e) => e.id)).toEqual([])
  return repeats
}

const submitOne = (i: number, tag: string) =>
  AppealService.submit({ ...Sample.intake, text: { body: `Koʻcha ${tag} ${i}: chiroqlar yonmaydi` } }, Actor.system("fault-drill"))

const allEvents = Effect.flatMap(SqlClient.SqlClient, (sql) => sql<{ id: string; appeal_id: string; seq: number }>`SELECT id, appeal_id, seq FROM murojaat.outbox`)

// One database for the file (each drill counts what it added); its URL for the child processes.
class DbUrl extends Context.Tag("DbUrl")<DbUrl, string>() {}
const shared = Layer.unwrapScoped(
  Effect.map(Testing.database({ server: "preferred" }), (db) =>
    Layer.merge(
      Layer.succeed(DbUrl, db.url),
      Layer.provideMerge(DeliveryLog.layerSql, PgStore.layerPg({ url: db.url, migrate: true, config: { pipeline: AppealService.rulesPipeline() } }))
    )
  )
)
const withDb = <A, E, R>(f: (url: string) => Effect.Effect<A, E, R>) =>
  Effect.scoped(Effect.zipRight(Effect.flatMap(DirectoryStore.DirectoryStore, (d) => d.replace(Sample.directory)), Effect.flatMap(DbUrl, f)))

const appealCount = Effect.flatMap(SqlClient.SqlClient, (sql) => Effect.map(sql<{ n: number }>`SELECT count(*)::int AS n FROM murojaat.appeal`, (r) => r[0]!.n))

const forwarded = (id: string, i: number) => ({
  specversion: "1.0",
  id,
  source: "urn:drill",
  type: Messages.intakeType,
  data: { ...Sample.intake, channel: "forwardedFromBody", forwardedBy: "112", text: { body: `Forwarded ${i}: qoʻshnilar shovqini` } }
})

layer(shared, { timeout: "240 seconds", excludeTestServices: true })("fault drills (RabbitMQ)", (it) => {
  it.effect(
    "two relays, the active one SIGKILLed in the middle of a batch: every event delivered, in order per appeal, nothing lost",
    () =>
      withDb((dbUrl) =>
        Effect.gen(function* () {
          const url = amqpUrl()
          const names = Broker.namesWithPrefix(`t.drill.relay.${randomBytes(3).toString("hex")}`)
          const queue = yield* Effect.promise(() => eventQueue(url, names.exchange))
          yield* Effect.forEach(Array.from({ length: 40 }, (_, i) => i), (i) => submitOne(i, "a"), { discard: true })
          const settings = { url, names, batchSize: 25, leaseMillis: 1500, heartbeatSeconds: 1 }
          // Two relays at once; whichever holds the lock hangs after the broker confirmed 30
          // messages of a batch, before marking them (the other never hangs: one hang file).
          const hangFile = join(tmpdir(), `murojaat-hang-${randomBytes(4).toString("hex")}`)
          yield* Effect.addFinalizer(() => Effect.sync(() => rmSync(hangFile, { force: true })))
          const relays = [worker("relay", dbUrl, { ...settings, hangAfter: 30, hangFile }), worker("relay", dbUrl, { ...settings, hangAfter: 30, hangFile })]
          yield* Effect.promise(() => Promise.all(relays.map((r) => r.waitFor("READY"))))
          const hung = yield* Effect.promise(() => Promise.any(relays.map((r, i) => r.waitFor("HANG").then(() => i))))
          const first = relays[hung]!
          const second = relays[1 - hung]!
          first.child.kill("SIGKILL")
          yield* Effect.promise(() => first.exited)
          // More appeals while the second takes over; the first comes back (and waits on standby).
          yield* Effect.forEach(Array.from({ length: 20 }, (_, i) => i), (i) => submitOne(i, "b"), { discard: true })
          const again = worker("relay", dbUrl, settings)
          yield* Effect.promise(() => again.waitFor("READY"))
          const outbox = yield* Outbox.Outbox
          yield* Effect.promise(() => until("the outbox to drain", () => Effect.runPromise(outbox.pending).then((n) => n === 0)))
          second.child.kill("SIGTERM")
          again.child.kill("SIGTERM")
          expect(yield* Effect.promise(() => Promise.all([second.exited, again.exited]))).toEqual([0, 0])
          const events = (yield* allEvents).map((e) => ({ id: e.id, appealId: e.appeal_id, seq: e.seq }))
          const got = yield* Effect.promise(() => drain(url, queue))
          const repeats = checkDelivered(events, got)
          // The killed relay's confirmed but unmarked messages were published again.
          expect(repeats).toBeGreaterThan(0)
        })
      ),
    240_000
  )

  it.effect(
    "two intake consumers, one SIGKILLed after its commit and before its ack: every forwarded appeal created exactly once",
    () =>
      withDb((dbUrl) =>
        Effect.gen(function* () {
          const url = amqpUrl()
          const user = new URL(url).username
          const names = Broker.namesWithPrefix(`t.drill.intake.${randomBytes(3).toString("hex")}`)
          const settings = { url, names, clients: [{ user, systemId: "drill" }], prefetch: 4, heartbeatSeconds: 1 }
          const appealsBefore = yield* appealCount
          const killed = worker("intake", dbUrl, { ...settings, hangBeforeAck: true })
          const other = worker("intake", dbUrl, settings)
          yield* Effect.promise(() => Promise.all([killed.waitFor("READY"), other.waitFor("READY")]))
          const conn = yield* Effect.acquireRelease(Effect.promise(() => amqp.connect(url)), (c) => Effect.promise(() => c.close().catch(() => undefined)))
          const ch = yield* Effect.promise(() => conn.createConfirmChannel())
          const replies = yield* Effect.promise(() => ch.assertQueue("", { exclusive: true }))
          const answers: Array<string> = []
          yield* Effect.promise(() => ch.consume(replies.queue, (m) => m !== null && answers.push(JSON.parse(m.content.toString()).data.messageId), { noAck: true }))
          const ids = Array.from({ length: 30 }, (_, i) => `drill-${i}`)
          for (const [i, id] of ids.entries()) {
            ch.sendToQueue(names.intake, Buffer.from(JSON.stringify(forwarded(id, i))), { persistent: true, userId: user, replyTo: replies.queue, messageId: id })
          }
          yield* Effect.promise(() => ch.waitForConfirms())
          // One consumer commits an appeal, then is killed before acknowledging it.
          const hung = (yield* Effect.promise(() => killed.waitFor("HANG"))).slice("HANG ".length)
          killed.child.kill("SIGKILL")
          yield* Effect.promise(() => killed.exited)
          yield* Effect.promise(() => until("every message answered", async () => ids.every((id) => answers.includes(id))))
          // The hung message was answered twice (before the kill, and on its redelivery)...
          yield* Effect.promise(() => until("the redelivery", async () => answers.filter((a) => a === hung).length >= 2))
          other.child.kill("SIGTERM")
          expect(yield* Effect.promise(() => other.exited)).toBe(0)
          // ...and created once: 30 messages, 30 appeals, one idempotency record each.
          expect((yield* appealCount) - appealsBefore).toBe(30)
          const sql = yield* SqlClient.SqlClient
          const keys = yield* sql<{ key: string }>`SELECT key FROM murojaat.idempotency WHERE key LIKE 'amqp:drill:%'`
          expect(keys.map((k) => k.key).sort()).toEqual(ids.map((id) => Intake.idempotencyKey("drill", id)).sort())
          const dead = yield* Effect.promise(() => ch.checkQueue(names.intakeDeadLetter))
          expect(dead.messageCount).toBe(0)
          yield* Effect.promise(async () => {
            for (const q of [names.intake, names.intakeDeadLetter]) await ch.deleteQueue(q).catch(() => undefined)
          })
        })
      ),
    240_000
  )

  it.effect(
    "the broker restarted in the middle of a stream: every event delivered in order, every forwarded appeal created once",
    () =>
      withDb(() =>
        Effect.gen(function* () {
          const appealsBefore = yield* appealCount
          const eventsBefore = new Set((yield* allEvents).map((e) => e.id))
          const broker = yield* Effect.acquireRelease(Effect.promise(privateBroker), (b) => Effect.promise(b.close))
          const names = Broker.namesWithPrefix("drill.restart")
          const queue = yield* Effect.promise(() => eventQueue(broker.url, names.exchange))
          const relay = yield* Worker.start("relay", Relay.body({ url: broker.url, names, batchSize: 20, leaseMillis: 1500, heartbeatSeconds: 1, retryMillis: 200 }))
          const intake = yield* Worker.start(
            "intake",
            Intake.body({ url: broker.url, names, clients: [{ user: "guest", systemId: "drill" }], prefetch: 2, heartbeatSeconds: 1 })
          )
          const publish = (from: number, to: number) =>
            Effect.promise(async () => {
              const conn = await amqp.connect(broker.url)
              const ch = await conn.createConfirmChannel()
              for (let i = from; i < to; i++) ch.sendToQueue(names.intake, Buffer.from(JSON.stringify(forwarded(`r-${i}`, i))), { persistent: true, userId: "guest" })
              await ch.waitForConfirms()
              await conn.close()
            })
          yield* Effect.promise(() => until("the intake queue", async () => (await Effect.runPromise(intake.health)).state === "running"))
          yield* publish(0, 20)
          // In the middle of the stream: the relay past its fencing and publishing, appeals still
          // being submitted. (Restarted any earlier, the broker would go down while the relay waits
          // out the lease and has published nothing: a drill of a reconnect, not of a stream.)
          yield* Effect.promise(() => until("the relay running", async () => (await Effect.runPromise(relay.health)).state === "running"))
          const before = yield* Effect.fork(Effect.forEach(Array.from({ length: 30 }, (_, i) => i), (i) => submitOne(i, "before"), { discard: true }))
          yield* Effect.promise(() => until("the relay publishing", async () => (await Effect.runPromise(relay.health)).processed >= 15))
          // The broker goes down while both streams run, and comes back on the same data.
          yield* Effect.promise(broker.restart)
          yield* Fiber.join(before)
          yield* Effect.forEach(Array.from({ length: 15 }, (_, i) => i), (i) => submitOne(i, "after"), { discard: true })
          yield* publish(20, 30)
          const outbox = yield* Outbox.Outbox
          const sql = yield* SqlClient.SqlClient
          const created = Effect.map(sql<{ n: number }>`SELECT count(*)::int AS n FROM murojaat.idempotency WHERE key LIKE 'amqp:drill:r-%'`, (r) => r[0]!.n)
          yield* Effect.promise(() =>
            until("the forwarded appeals", () => Effect.runPromise(Effect.provideService(created, SqlClient.SqlClient, sql)).then((n) => n === 30), 180_000)
          )
          yield* Effect.promise(() => until("the outbox to drain", () => Effect.runPromise(outbox.pending).then((n) => n === 0), 180_000))
          yield* relay.stop
          yield* intake.stop
          expect((yield* appealCount) - appealsBefore).toBe(75)
          const events = (yield* allEvents).filter((e) => !eventsBefore.has(e.id)).map((e) => ({ id: e.id, appealId: e.appeal_id, seq: e.seq }))
          checkDelivered(events, yield* Effect.promise(() => drain(broker.url, queue)))
          expect((yield* relay.health).failed + (yield* intake.health).failed).toBeGreaterThan(0)
        })
      ),
    400_000
  )
})
