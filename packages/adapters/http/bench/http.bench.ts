/**
 * HTTP layer benchmark: the server's CPU per `POST /v1/appeals` through the service's HTTP app
 * (`Server.layer`: edge middleware, bearer authentication, the platform's router, the handler with
 * its checks, problem mapping, the answer with its clocks), against a baseline in the same server
 * process: a bare node:http endpoint that makes the same core call (`AppealService.submit` on the
 * same in-memory core, the same intake) and writes the same answer (the appeal with its status
 * name, its clocks, its events; JSON), with no authentication, edge or router. The difference is
 * what the HTTP layer costs.
 *
 * The servers run in a child process (this file, forked), so the client's work is not counted:
 * the child reports its own `process.cpuUsage()` (user + system) before and after each round, and
 * the parent drives the round over keep-alive connections (node:http Agent). Rounds of the
 * baseline and the subject alternate on the one core layer (the store grows the same for both);
 * the medians are printed.
 *
 * Run: `npx tsx scripts/bench.ts http.bench` (`HTTP_BENCH_ROUNDS` 7, `HTTP_BENCH_N` 400 per round,
 * `HTTP_BENCH_CONCURRENCY` 8, `HTTP_BENCH_WARMUP` 4 rounds of each first; `HTTP_BENCH_PROFILE=DIR` writes a CPU profile of the server process during the measured rounds
 * of one scenario (`HTTP_BENCH_CORE=canned` or `memory`), its frames mapped to the sources;
 * `HTTP_BENCH_ONLY=subject` drives only the subject, for a profile of it alone; `HTTP_BENCH_BEFORE=DIR`
 * serves another copy of `src/` beside the subject, on its own core, and prints it as "before";
 * `HTTP_BENCH_SUBJECT=DIR` serves a copy of `src/` as the subject, so that two copies can be
 * measured in both slots).
 */
import { fork } from "node:child_process"
import { createServer, request as httpRequest, Agent, type IncomingMessage, type ServerResponse } from "node:http"
import { mkdirSync, writeFileSync } from "node:fs"
import { Session } from "node:inspector"
import { findSourceMap } from "node:module"
import { join } from "node:path"
import { fileURLToPath, pathToFileURL } from "node:url"
import { HttpServer } from "@effect/platform"
import { NodeHttpServer } from "@effect/platform-node"
import { Actor, AppealService, Sample } from "@murojaat/core"
import { Context, Effect, Exit, Layer, Logger, LogLevel, Runtime, Scope } from "effect"
import { Identity, Problem, Server, Views } from "../src/index.js"

const identity = { issuer: "murojaat-bench", audience: "murojaat", secret: "bench-secret-bench-secret-bench-secret!" }
const applicantRef = "smart-mahalla:u-1001"
const intake = { ...Sample.intake, applicantRef }
const body = JSON.stringify(intake)

// -------------------------------------------------------------------------------------------------
// The server process
// -------------------------------------------------------------------------------------------------

// The servers on one core layer: the service's HTTP app and the bare endpoint, with ports.
const servers = async (core: Layer.Layer<AppealService.AppealService | Ports>, scope: Scope.Scope, server: typeof Server = Server) => {
  // The rate limits stay on (their code runs), set high enough that the benchmark never meets them.
  const edge = { rateLimit: { perMinute: 100_000_000, burst: 100_000_000 }, addressRateLimit: { perMinute: 100_000_000, burst: 100_000_000 } }
  const layer = server.layer({ identity, clients: [], open311: false, edge }).pipe(
    Layer.provideMerge(core),
    Layer.provideMerge(NodeHttpServer.layer(patient, { port: 0, host: "127.0.0.1" })),
    Layer.provide(logging)
  )
  // A runtime, so the baseline runs with the layer's context and log settings, built once.
  const runtime = await Effect.runPromise(Scope.extend(Layer.toRuntime(layer), scope))
  const address = Context.get(runtime.context, HttpServer.HttpServer).address
  const subjectPort = address._tag === "TcpAddress" ? address.port : 0

  // The baseline: the same core call and the same answer, on bare node:http.
  const subject = Actor.applicant(applicantRef)
  const submit = (input: unknown, key: string, id: string) =>
    Runtime.runPromise(runtime)(
      AppealService.submit(input, subject, { idempotencyKey: `bench:${key}`, correlationId: id }).pipe(
        Effect.map((result) => {
          const now = new Date().toISOString()
          return {
            result,
            text: JSON.stringify({ appeal: Views.appeal(result.state, "uz-Latn"), deadlines: Views.deadlines(result.events, now, result.deadlines), events: result.events })
          }
        })
      )
    )
  let ids = 0
  const baseline = patient((req: IncomingMessage, res: ServerResponse) => {
    const chunks: Array<Buffer> = []
    req.on("data", (c: Buffer) => chunks.push(c))
    req.on("end", () => {
      submit(JSON.parse(Buffer.concat(chunks).toString("utf8")), String(req.headers["idempotency-key"]), `b-${++ids}`).then(
        ({ result, text }) => {
          res.writeHead(201, {
            "content-type": "application/json",
            "content-length": Buffer.byteLength(text),
            "content-language": Problem.contentLanguage("uz-Latn"),
            etag: Views.etag(result.state.version),
            location: `/v1/appeals/${encodeURIComponent(result.appealId)}`
          })
          res.end(text)
        },
        () => {
          res.writeHead(500).end()
        }
      )
    })
  })
  await new Promise<void>((resolve) => baseline.listen(0, "127.0.0.1", resolve))
  await Effect.runPromise(Scope.addFinalizer(scope, Effect.sync(() => baseline.close())))
  return { subjectPort, baselinePort: (baseline.address() as { port: number }).port }
}

// The profile of the measured rounds, its frames mapped to the TypeScript sources (tsx compiles
// each file to one line; its source maps are registered with the process).
const writeProfile = (profile: { nodes: Array<{ callFrame: { url: string; lineNumber: number; columnNumber: number; functionName: string } }> }, dir: string) => {
  for (const node of profile.nodes) {
    const frame = node.callFrame
    if (!frame.url.startsWith("file://") || frame.lineNumber < 0) continue
    const entry = findSourceMap(fileURLToPath(frame.url))?.findEntry(frame.lineNumber, frame.columnNumber)
    if (entry === undefined || !("originalLine" in entry)) continue
    frame.lineNumber = entry.originalLine
    frame.columnNumber = entry.originalColumn
    const name = (entry as { name?: string }).name
    if (frame.functionName === "" && name !== undefined) frame.functionName = name
  }
  mkdirSync(dir, { recursive: true })
  writeFileSync(join(dir, `http-bench-${process.pid}.cpuprofile`), JSON.stringify(profile))
}

// Idle keep-alive connections stay open while the other servers' rounds run (Node closes them
// after 5 s by default, and a request the client sends on one just then is reset).
const patient = (listener?: (req: IncomingMessage, res: ServerResponse) => void) => {
  const server = listener === undefined ? createServer() : createServer(listener)
  server.keepAliveTimeout = 600_000
  return server
}

type Ports = Exclude<Layer.Layer.Success<ReturnType<typeof AppealService.layerMemory>>, AppealService.AppealService>

// As the reference service runs: JSON logs at warning level.
const logging = Layer.mergeAll(Logger.json, Logger.minimumLogLevel(LogLevel.Warning))

const serve = async () => {
  const scope = Effect.runSync(Scope.make())
  const memory = () => AppealService.layerMemory(Sample.directory, { pipeline: AppealService.rulesPipeline() })
  // The core's answer made once and given again: the core costs next to nothing, so what is left
  // is the HTTP layer (the handler still hashes the key, computes the clocks and encodes the answer).
  const canned = () =>
    Layer.effect(
      AppealService.AppealService,
      Effect.map(AppealService.AppealService, (service) => {
        let kept: AppealService.Result | undefined
        return {
          ...service,
          submit: (input, actor, options) =>
            kept !== undefined ? Effect.succeed(kept) : Effect.tap(service.submit(input, actor, options), (r) => Effect.sync(() => (kept = r)))
        } satisfies AppealService.Service
      })
    ).pipe(Layer.provideMerge(memory()))
  // HTTP_BENCH_BEFORE: another copy of src/ (the code before a change), served beside, same core.
  const beforeDir = process.env["HTTP_BENCH_BEFORE"]
  const earlier = beforeDir === undefined ? undefined : ((await import(pathToFileURL(join(beforeDir, "index.ts")).href)) as { Server: typeof Server }).Server
  // HTTP_BENCH_SUBJECT: a copy of src/ served as the subject, so an A/B can put each copy in each
  // slot (the slots are not alike: the same code measures up to ~12% apart in them).
  const subjectDir = process.env["HTTP_BENCH_SUBJECT"]
  const subject = subjectDir === undefined ? Server : ((await import(pathToFileURL(join(subjectDir, "index.ts")).href)) as { Server: typeof Server }).Server
  const real = { ...(await servers(memory(), scope, subject)), ...(earlier !== undefined ? { beforePort: (await servers(memory(), scope, earlier)).subjectPort } : {}) }
  const fixed = { ...(await servers(canned(), scope, subject)), ...(earlier !== undefined ? { beforePort: (await servers(canned(), scope, earlier)).subjectPort } : {}) }
  const session = process.env["HTTP_BENCH_PROFILE"] !== undefined ? new Session() : undefined
  const post = (method: string, params: object = {}) =>
    new Promise<any>((resolve, reject) => session!.post(method, params, (e, r) => (e !== null ? reject(e) : resolve(r))))
  process.on("message", async (m: { readonly type: string }) => {
    if (m.type === "profile") {
      session!.connect()
      await post("Profiler.enable")
      await post("Profiler.setSamplingInterval", { interval: 200 })
      await post("Profiler.start")
    } else if (m.type === "cpu") {
      const c = process.cpuUsage()
      process.send!({ type: "cpu", ms: (c.user + c.system) / 1000 })
    } else if (m.type === "stop") {
      if (session !== undefined) writeProfile((await post("Profiler.stop")).profile, process.env["HTTP_BENCH_PROFILE"]!)
      void Effect.runPromise(Scope.close(scope, Exit.void)).then(() => process.exit(0))
    }
  })
  process.send!({ type: "ready", real, fixed })
}

// -------------------------------------------------------------------------------------------------
// The driver
// -------------------------------------------------------------------------------------------------

interface Round {
  readonly cpuMs: number
  readonly perSecond: number
}

const drive = async () => {
  const rounds = Number(process.env["HTTP_BENCH_ROUNDS"] ?? 7)
  const n = Number(process.env["HTTP_BENCH_N"] ?? 400)
  const concurrency = Number(process.env["HTTP_BENCH_CONCURRENCY"] ?? 8)
  const warmup = Number(process.env["HTTP_BENCH_WARMUP"] ?? 4)
  const only = process.env["HTTP_BENCH_ONLY"]
  const cores = (process.env["HTTP_BENCH_CORE"] ?? "canned,memory").split(",")
  const profile = process.env["HTTP_BENCH_PROFILE"]
  const child = fork(fileURLToPath(import.meta.url), [], {
    execArgv: ["--import", "tsx"],
    env: { ...process.env, HTTP_BENCH_ROLE: "server" },
    stdio: ["ignore", "inherit", "inherit", "ipc"]
  })
  const waiting = new Map<string, { resolve: (m: unknown) => void; reject: (e: Error) => void }>()
  child.on("message", (m: { type: string }) => {
    const w = waiting.get(m.type)
    waiting.delete(m.type)
    w?.resolve(m)
  })
  child.on("exit", (code) => {
    for (const w of waiting.values()) w.reject(new Error(`the server exited (${code})`))
  })
  const next = <A>(type: string) => new Promise<A>((resolve, reject) => waiting.set(type, { resolve: resolve as (m: unknown) => void, reject }))
  type Ports = { subjectPort: number; baselinePort: number; beforePort?: number }
  const ready = await next<{ real: Ports; fixed: Ports }>("ready")
  const cpu = async () => {
    const reply = next<{ ms: number }>("cpu")
    child.send({ type: "cpu" })
    return (await reply).ms
  }
  const token = await Effect.runPromise(Identity.mint(identity, { kind: "applicant", sub: applicantRef }))
  const agent = new Agent({ keepAlive: true, maxSockets: concurrency })
  let keys = 0
  const post = (port: number, path: string, headers: Record<string, string>) =>
    new Promise<{ status: number; text: string }>((resolve, reject) => {
      const req = httpRequest({ host: "127.0.0.1", port, path, method: "POST", agent, headers: { ...headers, "content-type": "application/json", "content-length": String(Buffer.byteLength(body)) } }, (res) => {
        const chunks: Array<Buffer> = []
        res.on("data", (c: Buffer) => chunks.push(c))
        res.on("end", () => resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString("utf8") }))
        res.on("error", reject)
      })
      req.on("error", reject)
      req.end(body)
    })

  const round = async (once: () => Promise<{ status: number; text: string }>): Promise<Round> => {
    let left = n
    let failed = 0
    const c0 = await cpu()
    const w0 = performance.now()
    await Promise.all(
      Array.from({ length: concurrency }, async () => {
        while (left-- > 0) if ((await once()).status !== 201) failed++
      })
    )
    const wall = performance.now() - w0
    const c = await cpu()
    if (failed > 0) throw new Error(`${failed} requests failed`)
    return { cpuMs: (c - c0) / n, perSecond: n / (wall / 1000) }
  }
  const median = (xs: ReadonlyArray<number>) => [...xs].sort((x, y) => x - y)[Math.floor(xs.length / 2)] ?? Number.NaN

  const scenario = async (title: string, ports: Ports) => {
    const subjectOnce = () => post(ports.subjectPort, "/v1/appeals", { authorization: `Bearer ${token}`, "idempotency-key": `s-${++keys}`, "accept-language": "uz-Latn" })
    const baselineOnce = () => post(ports.baselinePort, "/v1/appeals", { "idempotency-key": `b-${++keys}` })
    const beforePort = ports.beforePort
    const beforeOnce = () => post(beforePort!, "/v1/appeals", { authorization: `Bearer ${token}`, "idempotency-key": `e-${++keys}`, "accept-language": "uz-Latn" })
    // Both answer the same document before anything is timed.
    const [s, b] = [await subjectOnce(), await baselineOnce()]
    if (s.status !== 201 || b.status !== 201) throw new Error(`not submitted: subject ${s.status} ${s.text.slice(0, 300)}, baseline ${b.status}`)
    const shape = (text: string) => {
      const j = JSON.parse(text) as { appeal: Record<string, unknown>; deadlines: unknown; events: Array<unknown> }
      return JSON.stringify({ appeal: Object.keys(j.appeal), deadlines: j.deadlines === null ? null : Object.keys(j.deadlines as object), events: j.events.length })
    }
    if (shape(s.text) !== shape(b.text)) throw new Error(`the answers differ: ${shape(s.text)} / ${shape(b.text)}`)
    // Warm-up: the JIT sees both paths before any round is timed.
    for (let i = 0; i < warmup; i++) {
      if (only !== "subject") await round(baselineOnce)
      if (beforePort !== undefined && only !== "subject") await round(beforeOnce)
      await round(subjectOnce)
    }
    if (profile !== undefined) child.send({ type: "profile" })
    const bs: Array<Round> = []
    const ss: Array<Round> = []
    const es: Array<Round> = []
    for (let i = 0; i < rounds; i++) {
      if (only !== "subject") bs.push(await round(baselineOnce))
      if (beforePort !== undefined && only !== "subject") es.push(await round(beforeOnce))
      ss.push(await round(subjectOnce))
    }
    const sc = median(ss.map((r) => r.cpuMs))
    const bc = median(bs.map((r) => r.cpuMs))
    console.log(`POST /v1/appeals, ${title}: server CPU per request (user + system), ${rounds} rounds of ${n}, ${concurrency} keep-alive connections, medians`)
    console.log(`  baseline  ${"node:http, the same core call and answer".padEnd(52)} CPU ${bc.toFixed(3)} ms (${median(bs.map((r) => r.perSecond)).toFixed(0)}/s)`)
    console.log(`  subject   ${"Server.layer (edge, auth, router, handler)".padEnd(52)} CPU ${sc.toFixed(3)} ms (${median(ss.map((r) => r.perSecond)).toFixed(0)}/s)`)
    if (es.length > 0) {
      const ec = median(es.map((r) => r.cpuMs))
      console.log(`  before    ${"Server.layer of HTTP_BENCH_BEFORE".padEnd(52)} CPU ${ec.toFixed(3)} ms (${median(es.map((r) => r.perSecond)).toFixed(0)}/s)`)
      console.log(`  ratio before/baseline: CPU ${(ec / bc).toFixed(2)}x; the HTTP layer before: ${(ec - bc).toFixed(3)} ms per request; subject/before ${(sc / ec).toFixed(2)}x`)
      console.log(`  before CPU per round (ms): ${es.map((r) => r.cpuMs.toFixed(3)).join(" ")}`)
    }
    console.log(`  ratio subject/baseline: CPU ${(sc / bc).toFixed(2)}x; the HTTP layer: ${(sc - bc).toFixed(3)} ms per request`)
    console.log(`  CPU per round (ms): subject ${ss.map((r) => r.cpuMs.toFixed(3)).join(" ")}; baseline ${bs.map((r) => r.cpuMs.toFixed(3)).join(" ")}`)
  }
  if (cores.includes("canned")) await scenario("the core's answer given again (the HTTP layer alone)", ready.fixed)
  if (cores.includes("memory")) await scenario("AppealService.layerMemory (rulesPipeline)", ready.real)
  child.send({ type: "stop" })
  agent.destroy()
  await new Promise((resolve) => child.once("exit", resolve))
}

if (process.env["HTTP_BENCH_ROLE"] === "server") await serve()
else await drive()
