/**
 * `murojaat worker relay|intake|notify|deadlines [--database URL | --data-dir DIR] [--amqp URL] ...`
 *
 * Runs one background worker of @murojaat/rabbitmq on the chosen database (as `migrate`: --database,
 * DATABASE_URL, or the embedded server in --data-dir) and broker (--amqp, else AMQP_URL), until
 * SIGINT or SIGTERM, then stops it gracefully (the batch or messages in hand finish) and prints its
 * health as JSON. On start it prints `{ worker, state: "started", database, broker }` on one line.
 * `--health-port N` serves `GET /health` on 127.0.0.1 (200 while running or on standby, else 503).
 *
 *   relay      the outbox relay (--batch N, --lease-ms N; --claim-order: a batch in claim order
 *              with one confirm wait, instead of an appeal's next message only after the broker
 *              confirmed the one before)
 *   intake     forwarded appeals (--clients FILE: JSON array of { user, systemId, districts?, scopes? };
 *              --prefetch N, --poison-limit N)
 *   notify     applicant notices (--smtp smtp://[user:pass@]host:port --from ADDRESS, or
 *              --webhook URL with the secret in the environment variable named by --webhook-secret-env;
 *              --prefetch N, --poison-limit N)
 *   deadlines  warnings and escalations (--interval-ms N; --once: one run, printed, then exit;
 *              warnings to the broker with --amqp/AMQP_URL, else to the log)
 *
 * `--prefix NAME` names the exchange and queues (default `murojaat`). Exit 0 after a stop, 1 when
 * the worker failed for good or the database is unreachable, 2 on bad options.
 */
import { createServer, type Server } from "node:http"
import { parseArgs } from "node:util"
import { AppealService } from "@murojaat/core"
import { Broker, Deadlines, DeliveryLog, Intake, Notify, Relay, SmtpNotifier, WebhookNotifier, Worker } from "@murojaat/rabbitmq"
import { Effect, Layer } from "effect"
import { type Command, define, type Io, oneLine, printJson, readJson, UsageError } from "../Command.js"
import { databaseOptions, layerFor, runOn } from "../database.js"

const usage =
  "murojaat worker relay|intake|notify|deadlines [--database URL | --data-dir DIR] [--amqp URL] [--prefix NAME] [--health-port N] [--batch N] [--lease-ms N] [--claim-order] [--clients FILE] [--prefetch N] [--poison-limit N] [--smtp URL --from ADDRESS | --webhook URL --webhook-secret-env NAME] [--interval-ms N] [--once]"

const kinds = ["relay", "intake", "notify", "deadlines"] as const
type Kind = (typeof kinds)[number]

const positive = (flag: string, value: string | undefined): number | undefined => {
  if (value === undefined) return undefined
  const n = Number(value)
  if (!Number.isInteger(n) || n < 1) throw new UsageError(`--${flag} must be a positive whole number (got ${JSON.stringify(value)})`)
  return n
}

// The broker URL, shown without its password.
const brokerUrl = (flag: string | undefined): { readonly url: string; readonly shown: string } | undefined => {
  const url = flag ?? process.env["AMQP_URL"]
  if (url === undefined || url === "") return undefined
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    throw new UsageError(`${flag !== undefined ? "--amqp" : "AMQP_URL"} is not a URL; expected amqp://user:password@host:port/vhost`)
  }
  if (parsed.protocol !== "amqp:" && parsed.protocol !== "amqps:") throw new UsageError(`the broker URL must be amqp:// or amqps:// (got ${parsed.protocol}//…)`)
  if (parsed.password !== "") parsed.password = "***"
  return { url, shown: parsed.toString() }
}

const clientsOf = (value: unknown): ReadonlyArray<Intake.Client> => {
  const ok =
    Array.isArray(value) &&
    value.every(
      (c) =>
        c !== null &&
        typeof c === "object" &&
        typeof (c as Intake.Client).user === "string" &&
        typeof (c as Intake.Client).systemId === "string" &&
        ((c as Intake.Client).districts === undefined || Array.isArray((c as Intake.Client).districts)) &&
        ((c as Intake.Client).scopes === undefined || Array.isArray((c as Intake.Client).scopes))
    )
  if (!ok) throw new UsageError("--clients must hold a JSON array of { user, systemId, districts?, scopes? }")
  return value as ReadonlyArray<Intake.Client>
}

// The notifier: SMTP or the signed webhook.
const notifierOf = (values: { smtp?: string | undefined; from?: string | undefined; webhook?: string | undefined; "webhook-secret-env"?: string | undefined }) => {
  if ((values.smtp === undefined) === (values.webhook === undefined)) throw new UsageError("notify needs exactly one of --smtp URL and --webhook URL")
  if (values.smtp !== undefined) {
    let u: URL
    try {
      u = new URL(values.smtp)
    } catch {
      throw new UsageError("--smtp is not a URL; expected smtp://[user:password@]host:port or smtps://...")
    }
    if (values.from === undefined) throw new UsageError("--smtp needs --from ADDRESS")
    return SmtpNotifier.layer({
      host: u.hostname,
      port: Number(u.port || (u.protocol === "smtps:" ? 465 : 25)),
      secure: u.protocol === "smtps:",
      ...(u.username !== "" ? { user: decodeURIComponent(u.username), password: decodeURIComponent(u.password) } : {}),
      from: values.from
    })
  }
  const name = values["webhook-secret-env"]
  const secret = name === undefined ? undefined : process.env[name]
  if (secret === undefined || secret === "") throw new UsageError("--webhook needs --webhook-secret-env NAME, the environment variable holding the shared secret")
  return WebhookNotifier.layer({ url: values.webhook!, secret })
}

// Completes on SIGINT or SIGTERM (and removes its listeners).
const signalled = Effect.async<void>((resume) => {
  const on = () => resume(Effect.void)
  process.once("SIGINT", on)
  process.once("SIGTERM", on)
  return Effect.sync(() => {
    process.off("SIGINT", on)
    process.off("SIGTERM", on)
  })
})

const healthServer = (port: number, handle: Worker.Handle) =>
  Effect.acquireRelease(
    Effect.async<Server>((resume) => {
      const server = createServer((req, res) => {
        Effect.runPromise(handle.health).then((h) => {
          res.statusCode = req.url === "/health" ? (h.healthy ? 200 : 503) : 404
          res.setHeader("content-type", "application/json")
          res.end(JSON.stringify(h))
        })
      })
      server.listen(port, "127.0.0.1", () => resume(Effect.succeed(server)))
    }),
    (server) => Effect.promise(() => new Promise<void>((r) => server.close(() => r())))
  )

const execute = async (argv: ReadonlyArray<string>, io: Io): Promise<number> => {
  const { values, positionals } = parseArgs({
    args: [...argv],
    options: {
      ...databaseOptions,
      amqp: { type: "string" },
      prefix: { type: "string" },
      "health-port": { type: "string" },
      batch: { type: "string" },
      "lease-ms": { type: "string" },
      "claim-order": { type: "boolean", default: false },
      clients: { type: "string" },
      prefetch: { type: "string" },
      "poison-limit": { type: "string" },
      smtp: { type: "string" },
      from: { type: "string" },
      webhook: { type: "string" },
      "webhook-secret-env": { type: "string" },
      "interval-ms": { type: "string" },
      once: { type: "boolean", default: false }
    },
    allowPositionals: true,
    strict: true
  })
  const kind = positionals[0] as Kind | undefined
  if (kind === undefined || !kinds.includes(kind)) throw new UsageError(`name the worker: ${kinds.join(", ")}`)
  if (positionals.length > 1) throw new UsageError(`unexpected argument ${positionals[1]}`)
  if (values.prefix !== undefined && !/^[A-Za-z0-9._-]{1,100}$/.test(values.prefix)) throw new UsageError("--prefix takes letters, digits, . _ - (1 to 100)")
  const names = values.prefix === undefined ? Broker.defaultNames : Broker.namesWithPrefix(values.prefix)
  const broker = brokerUrl(values.amqp)
  if (broker === undefined && !(kind === "deadlines")) throw new UsageError("the broker is needed: --amqp URL or AMQP_URL")
  const tunables = { prefetch: positive("prefetch", values.prefetch), poisonLimit: positive("poison-limit", values["poison-limit"]) }
  const healthPort = positive("health-port", values["health-port"])
  if (kind === "intake" && values.clients === undefined) throw new UsageError("intake needs --clients FILE")
  const clients = kind === "intake" ? clientsOf(await readJson("clients", values.clients!)) : undefined
  // Forwarded appeals go through the same automatic steps as any other channel.
  const { where, layer } = layerFor(values, { server: false, embedded: true }, kind === "intake" ? { pipeline: AppealService.rulesPipeline() } : undefined)
  const logged = Layer.provideMerge(DeliveryLog.layerSql, layer)
  const alerts = broker === undefined ? Deadlines.alertsToLog : Deadlines.alertsToBroker({ url: broker.url, names })

  if (kind === "deadlines" && values.once) {
    const run = await runOn(io, Effect.provide(Deadlines.runOnce(), Layer.merge(logged, alerts)))
    if (run === undefined) return 1
    printJson(io, run)
    return 0
  }
  const started = (handle: Worker.Handle) =>
    Effect.gen(function* () {
      if (healthPort !== undefined) yield* healthServer(healthPort, handle)
      io.out(JSON.stringify({ worker: kind, state: "started", database: where, broker: broker?.shown ?? null }))
      const ended = yield* Effect.raceFirst(Effect.as(signalled, "signal" as const), Effect.as(handle.done, "ended" as const))
      yield* handle.stop
      const health = yield* handle.health
      printJson(io, health)
      return ended === "signal" || health.state === "stopped" ? 0 : 1
    })
  const program = (() => {
    switch (kind) {
      case "relay":
        return Effect.provide(
          Effect.flatMap(Worker.start("relay", Relay.body({ url: broker!.url, names, batchSize: positive("batch", values.batch), leaseMillis: positive("lease-ms", values["lease-ms"]), strictOrder: !values["claim-order"] })), started),
          logged
        )
      case "intake":
        return Effect.provide(Effect.flatMap(Worker.start("intake", Intake.body({ url: broker!.url, names, clients: clients!, ...tunables })), started), logged)
      case "notify":
        return Effect.provide(
          Effect.flatMap(Worker.start("notify", Notify.body({ url: broker!.url, names, ...tunables })), started),
          Layer.merge(logged, notifierOf(values))
        )
      case "deadlines":
        return Effect.provide(
          Effect.flatMap(Worker.start("deadlines", Deadlines.body({ intervalMillis: positive("interval-ms", values["interval-ms"]) })), started),
          Layer.merge(logged, alerts)
        )
    }
  })()
  const code = await runOn(io, Effect.scoped(program))
  if (code === undefined) {
    io.err(oneLine(`murojaat worker ${kind}: stopped on an error`))
    return 1
  }
  return code
}

/** The `worker` command. */
export const worker: Command = define({
  name: "worker",
  summary: "Run a background worker on RabbitMQ: the outbox relay, the intake of forwarded appeals, applicant notices, or the deadline worker.",
  usage,
  execute
})
