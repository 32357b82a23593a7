/**
 * RabbitMQ benchmark (AMQP_URL; DATABASE_URL if set, else the embedded PostgreSQL):
 *
 * 1. Events relayed per second: a backlog of MUROJAAT_BENCH_EVENTS (default 20,000) committed
 *    events drained by the outbox relay (claim with FOR UPDATE SKIP LOCKED while the batch before
 *    is published, publish in waves with publisher confirms: an appeal's next message after its
 *    previous one's confirm, mark published), and again with `strictOrder: false` (the batch in
 *    claim order, one confirm wait), against
 *    amqplib publishing the very same messages on a confirm channel in batches of the same size
 *    (the floor a relay could reach), same broker, same bound quorum queue, same run.
 * 2. End-to-end lag at a steady rate (MUROJAAT_BENCH_RATE events/s, default 1,000, for 10 s): from
 *    the commit to the consumer's delivery, p50/p99; the baseline is amqplib's publish-to-delivery
 *    lag at the same rate.
 *
 * The machine is shared: beside wall-clock rates, each throughput case prints the CPU time it cost
 * per 1,000 events in this process (relay or amqplib, and the consumer), in the client backends
 * of the bench's database (read from /proc), and in the broker (the rabbitmq user's beam.smp: it
 * counts whatever else uses that broker meanwhile). CPU time depends less on the other sessions'
 * load than wall time does.
 *
 * Run: npx tsx scripts/bench.ts rabbitmq   (MUROJAAT_BENCH_BATCH: claim and publish batch size, default 500)
 */
import { Actor, AppealState, AppealStore, Audit, type Event, Outbox } from "@murojaat/core"
import { PgStore } from "@murojaat/postgres"
import { Testing } from "@murojaat/postgres/testing"
import { Broker, Messages, Relay, Worker } from "@murojaat/rabbitmq"
import { readdirSync, readFileSync, statSync } from "node:fs"
import { SqlClient } from "@murojaat/postgres"
import * as amqp from "amqplib"
import { Effect } from "effect"
import { fmt } from "../../../../scripts/benchkit.js"

const EVENTS = Number(process.env["MUROJAAT_BENCH_EVENTS"] ?? 20_000)
const RATE = Number(process.env["MUROJAAT_BENCH_RATE"] ?? 1_000)
const BATCH = Number(process.env["MUROJAAT_BENCH_BATCH"] ?? 500)
const PER_APPEAL = 4
const url = process.env["AMQP_URL"]
if (url === undefined || url === "") throw new Error("AMQP_URL is not set: eval \"$(bash .ci/rabbitmq.sh)\" first")

const actor = Actor.ref(Actor.system("bench"), "system")

// One appeal's commit: four events (as a submission records them), their outbox messages.
const commitOf = (appealId: string, at: string): AppealStore.Commit => {
  const pending: ReadonlyArray<Event.Pending> = [
    { type: "registered", data: { registrationNumber: `R-${appealId}` }, rules: ["bench"] },
    { type: "triaged", data: { category: "noise", priority: "normal", flags: [], confidence: 0.9, needsPerson: false }, rules: ["bench"] },
    { type: "assigned", data: { officerId: "O-101" as never }, rules: ["bench"] },
    { type: "reviewStarted", data: {}, rules: ["bench"] }
  ]
  const events = Audit.seal({ version: 0, lastHash: Audit.genesis }, pending, { appealId, at, actor })
  const last = events[events.length - 1]!
  const state: AppealState.AppealState = { ...AppealState.initial(appealId), status: "inReview", version: last.seq, lastHash: last.hash, districtCode: "D1", mahallaCode: "M1" }
  return {
    streams: [{ appealId, expectedVersion: 0, events, state }],
    outbox: events.map((e) => ({ id: e.id, appealId, seq: e.seq, topic: Outbox.topicOf(e.type), payload: e }))
  }
}

// CPU time (user + system, ms) of a process, from /proc; 0 once it is gone.
const cpuOf = (pid: number): number => {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" ")
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100 // USER_HZ is 100 on Linux
  } catch {
    return 0
  }
}
// The broker's processes: beam.smp run by the rabbitmq user (the system's RabbitMQ).
const brokerPids = (): ReadonlyArray<number> => {
  const uid = readFileSync("/etc/passwd", "utf8").split("\n").find((l) => l.startsWith("rabbitmq:"))?.split(":")[2]
  return readdirSync("/proc").filter((d) => /^\d+$/.test(d)).map(Number).filter((pid) => {
    try {
      return readFileSync(`/proc/${pid}/comm`, "utf8").trim() === "beam.smp" && String(statSync(`/proc/${pid}`).uid) === uid
    } catch {
      return false
    }
  })
}
interface Cpu {
  readonly node: number
  readonly pg: ReadonlyMap<number, number>
  readonly broker: ReadonlyMap<number, number>
}
// A snapshot of the CPU spent so far by this process, the database's backends and the broker.
const cpuNow = Effect.gen(function* () {
  const sql = yield* SqlClient.SqlClient
  const backends = yield* Effect.orDie(sql<{ pid: number }>`SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND backend_type = 'client backend'`)
  const u = process.cpuUsage()
  return {
    node: (u.user + u.system) / 1000,
    pg: new Map(backends.map((b) => [b.pid, cpuOf(b.pid)])),
    broker: new Map(brokerPids().map((pid) => [pid, cpuOf(pid)]))
  } satisfies Cpu
})
// CPU ms per 1,000 events since `from`, by process (a backend that ended in between is not counted).
const cpuSince = (from: Cpu, events: number) =>
  Effect.map(cpuNow, (to) => {
    const delta = (a: ReadonlyMap<number, number>, b: ReadonlyMap<number, number>) => [...b].reduce((s, [pid, ms]) => s + ms - (a.get(pid) ?? 0), 0)
    const per = (ms: number) => (ms * 1000) / events
    const node = per(to.node - from.node)
    const pg = per(delta(from.pg, to.pg))
    const broker = per(delta(from.broker, to.broker))
    return { node, pg, broker, total: node + pg + broker }
  })
const cpuLine = (c: { node: number; pg: number; broker: number; total: number }) =>
  `CPU ms per 1,000 events: ${fmt(c.total)} (this process ${fmt(c.node)}, PostgreSQL ${fmt(c.pg)}, broker ${fmt(c.broker)})`

const percentile = (xs: ReadonlyArray<number>, p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(p * xs.length))] ?? NaN

// A consumer on a quorum queue bound to every appeal event; records each delivery's lag from the
// message's `time` (the event's commit time) or its publish stamp.
const consumer = async (exchange: string) => {
  const conn = await amqp.connect(url)
  const ch = await conn.createChannel()
  await ch.assertExchange(exchange, "topic", { durable: true })
  const q = `${exchange}.bench`
  await ch.assertQueue(q, { durable: true, arguments: { "x-queue-type": "quorum" } })
  await ch.bindQueue(q, exchange, "appeal.#")
  await ch.prefetch(2000)
  const state = { count: 0, lags: [] as Array<number>, recording: false }
  await ch.consume(q, (m) => {
    if (m === null) return
    state.count++
    if (state.recording) {
      const stamp = Number(m.properties.headers?.["x-bench-sent"] ?? Date.parse(JSON.parse(m.content.toString()).time))
      state.lags.push(Date.now() - stamp)
    }
    ch.ack(m)
  })
  const waitFor = async (n: number) => {
    while (state.count < n) await new Promise((r) => setTimeout(r, 5))
  }
  return { state, waitFor, close: async () => { await ch.deleteQueue(q).catch(() => undefined); await conn.close() } }
}

const program = Effect.scoped(
  Effect.gen(function* () {
    const db = yield* Testing.database()
    const names = Broker.namesWithPrefix(`bench.${process.pid}`)
    console.log(`RabbitMQ benchmark (${db.kind} PostgreSQL; ${fmt(EVENTS)} events; batches of ${BATCH}; steady rate ${fmt(RATE)} events/s)`)
    return yield* Effect.gen(function* () {
      const store = yield* AppealStore.AppealStore
      const sink = yield* Effect.promise(() => consumer(names.exchange))
      const appeals = Math.ceil(EVENTS / PER_APPEAL)
      const commits = Array.from({ length: appeals }, (_, i) => commitOf(`B-${i}`, new Date().toISOString()))
      const messages = commits.flatMap((c) => c.outbox.map((m) => Messages.fromEvent(m.payload as Event.AppealEvent, "urn:murojaat:bench")))
      const total = messages.length

      // Baseline 1: amqplib, the same messages, confirm channel, batches of BATCH.
      const conn = yield* Effect.promise(() => amqp.connect(url))
      const ch = yield* Effect.promise(() => conn.createConfirmChannel())
      const cpu = yield* cpuNow
      let t = performance.now()
      yield* Effect.promise(async () => {
        for (let i = 0; i < total; i += BATCH) {
          for (const m of messages.slice(i, i + BATCH)) {
            ch.publish(names.exchange, `appeal.${m.type.split(".")[3]}`, Buffer.from(JSON.stringify(m)), Relay.properties(m.id, m.type, m.subject, m.seq, m.time))
          }
          await ch.waitForConfirms()
        }
      })
      const directRate = total / ((performance.now() - t) / 1000)
      // Its CPU counts the consumer's deliveries too, as the relay's does.
      yield* Effect.promise(() => sink.waitFor(total))
      const directCpu = yield* cpuSince(cpu, total)

      // Subjects: the relay drains the same messages (other appeal ids) in claim order, then in
      // waves (the default); that relay stays for the lag below. The lease is the default (10 s): a short one
      // on a loaded machine runs out under a batch claimed ahead and repeats it.
      const drain = (strictOrder: boolean, prefix: string) =>
        Effect.gen(function* () {
          yield* Effect.forEach(commits, (c) => store.commit(commitOf(`${prefix}${c.streams[0]!.appealId}`, new Date().toISOString())), { concurrency: 8, discard: true })
          const before = sink.state.count
          const relay = yield* Worker.start("relay", Relay.body({ url, names, batchSize: BATCH, heartbeatSeconds: 1, idleMillis: 5, strictOrder }))
          while ((yield* relay.health).state !== "running") yield* Effect.sleep("2 millis")
          const from = yield* cpuNow
          const started = performance.now()
          yield* Effect.promise(() => sink.waitFor(before + total))
          const rate = total / ((performance.now() - started) / 1000)
          return { relay, rate, cpu: yield* cpuSince(from, total) }
        })
      const loose = yield* drain(false, "C")
      yield* loose.relay.stop
      const { relay, rate: relayRate, cpu: relayCpu } = yield* drain(true, "")
      console.log(`events published per second with publisher confirms (${fmt(total)} events)`)
      console.log(`  baseline  amqplib, the same messages, confirm channel, batches of ${BATCH}   ${fmt(directRate)} events/s`)
      console.log(`  subject   outbox relay: claim ahead, publish in waves, confirm, mark        ${fmt(relayRate)} events/s`)
      console.log(`  subject   outbox relay, strictOrder false (claim order, one confirm wait)   ${fmt(loose.rate)} events/s`)
      console.log(`  ratio subject/baseline: ${(relayRate / directRate).toFixed(3)} (strictOrder false ${(loose.rate / directRate).toFixed(3)})`)
      console.log(`  baseline  ${cpuLine(directCpu)}`)
      console.log(`  subject   ${cpuLine(relayCpu)}`)
      console.log(`  subject   strictOrder false: ${cpuLine(loose.cpu)}`)
      console.log(`  ratio of total CPU per event subject/baseline: ${(relayCpu.total / directCpu.total).toFixed(2)} (strictOrder false ${(loose.cpu.total / directCpu.total).toFixed(2)})`)

      // 2. Lag at a steady rate, 10 s each: commits (relay) and direct publishes (baseline).
      const seconds = 10
      // Whole appeals of PER_APPEAL events each 10 ms tick, RATE events a second on average.
      const appealsAt = (tick: number) => Math.floor(((tick + 1) * RATE) / 100 / PER_APPEAL) - Math.floor((tick * RATE) / 100 / PER_APPEAL)
      sink.state.recording = true
      sink.state.lags = []
      let received = sink.state.count
      for (let tick = 0; tick < seconds * 100; tick++) {
        const start = Date.now()
        const batch = Array.from({ length: appealsAt(tick) }, (_, i) => commitOf(`L-${tick}-${i}`, new Date().toISOString()))
        yield* Effect.forEach(batch, (c) => store.commit(c), { concurrency: 4, discard: true })
        received += batch.length * PER_APPEAL
        const spent = Date.now() - start
        if (spent < 10) yield* Effect.sleep(`${10 - spent} millis`)
      }
      yield* Effect.promise(() => sink.waitFor(received))
      const relayLags = sink.state.lags
      sink.state.lags = []
      for (let tick = 0; tick < seconds * 100; tick++) {
        const start = Date.now()
        const sample = messages.slice(0, appealsAt(tick) * PER_APPEAL)
        for (const m of sample) {
          ch.publish(names.exchange, `appeal.${m.type.split(".")[3]}`, Buffer.from(JSON.stringify(m)), {
            ...Relay.properties(m.id, m.type, m.subject, m.seq, m.time),
            headers: { "x-bench-sent": Date.now() }
          })
        }
        yield* Effect.promise(() => ch.waitForConfirms())
        received += sample.length
        const spent = Date.now() - start
        if (spent < 10) yield* Effect.sleep(`${10 - spent} millis`)
      }
      yield* Effect.promise(() => sink.waitFor(received))
      const directLags = sink.state.lags
      const rateOf = (n: number) => fmt(n / seconds)
      console.log(`end-to-end lag at a steady rate, ${seconds} s each, quorum queue consumer`)
      console.log(`  baseline  amqplib publish -> delivery (${rateOf(directLags.length)} events/s)   p50 ${percentile(directLags, 0.5)} ms   p99 ${percentile(directLags, 0.99)} ms`)
      console.log(`  subject   commit -> relay -> delivery (${rateOf(relayLags.length)} events/s)   p50 ${percentile(relayLags, 0.5)} ms   p99 ${percentile(relayLags, 0.99)} ms`)
      yield* relay.stop
      yield* Effect.promise(async () => {
        await sink.close()
        await ch.deleteExchange(names.exchange).catch(() => undefined)
        await conn.close()
      })
    }).pipe(Effect.provide(PgStore.layerPg({ url: db.url, migrate: true })))
  })
)

Effect.runPromise(program).then(
  () => process.exit(0),
  (e) => {
    console.error(e)
    process.exit(1)
  }
)
