/**
 * `pnpm bench:http`: appeals submitted per second through the reference service (the full
 * pipeline: decoding, directory checks, triage, deadlines, assignment, the hash chain, one atomic
 * commit, the answer with its clocks), against a minimal hand-written node:http + pg endpoint that
 * inserts the same rows in one transaction (bench/baseline.ts), and pgbench running that
 * transaction alone as the ceiling. One run, one embedded PostgreSQL, the same number of database
 * connections for the three; autocannon drives both HTTP servers, each its own process.
 *
 * The two HTTP endpoints are measured in alternating rounds (BENCH_ROUNDS, each BENCH_SECONDS /
 * BENCH_ROUNDS long), so the machine's load weighs on both alike; throughput and latency are the
 * medians of the rounds, the ratio the geometric mean of the rounds' ratios. The rounds are an even
 * number, half of them with the service first: an endpoint measures better when it runs first in a
 * round (the other's phase leaves the server writing and vacuuming into the next), by 0.1-0.3 of
 * the ratio on this machine, so an odd number of rounds (or a median over them) leans towards
 * whichever went first more often.
 *
 * Options (environment): BENCH_SECONDS (20 per endpoint), BENCH_ROUNDS (4, made even), BENCH_WARMUP (10 s per endpoint: the service's JIT
 * is still compiling after 5 s, at up to a sixth of its CPU), BENCH_HTTP_CONNECTIONS (16),
 * BENCH_DB_CONNECTIONS (10), BENCH_SERVICE_FLAGS (more node flags for the service process, e.g.
 * `--max-semi-space-size=32`, to try one against what `pnpm start` runs), BENCH_SERVICE_LOG (a file the service's output
 * is copied to, e.g. V8's traces). Prints a table, the ratios and the CPU each server process spent per
 * request, the share of a core each server's main thread used and how busy the machine was; the
 * figures go to docs/performance.md ("HTTP").
 */
import { type ChildProcess, execFileSync, spawn } from "node:child_process"
import { createWriteStream, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs"
import { createRequire } from "node:module"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { Identity } from "@murojaat/http"
import { Testing } from "@murojaat/postgres/testing"
import { Effect, Exit, Scope } from "effect"
import pg from "pg"

interface Result {
  readonly requests: { readonly average: number; readonly total: number }
  readonly latency: { readonly p50: number; readonly p99: number; readonly average: number }
  readonly non2xx: number
  readonly errors: number
  readonly timeouts: number
}
type Autocannon = (options: Record<string, unknown>) => Promise<Result>
const autocannon = createRequire(import.meta.url)("autocannon") as Autocannon

const seconds = Number(process.env["BENCH_SECONDS"] ?? 20)
// Rounded up to an even number: as many rounds with each endpoint first.
const rounds = Math.max(2, 2 * Math.ceil(Number(process.env["BENCH_ROUNDS"] ?? 4) / 2))
const warmup = Number(process.env["BENCH_WARMUP"] ?? 10)
const httpConnections = Number(process.env["BENCH_HTTP_CONNECTIONS"] ?? 16)
const dbConnections = Number(process.env["BENCH_DB_CONNECTIONS"] ?? 10)
const secret = "bench-secret-bench-secret-bench-secret!"
const work = mkdtempSync(join(tmpdir(), "murojaat-bench-http-"))

const intake = {
  kind: "ariza",
  form: "electronic",
  channel: "smartMahallaApp",
  applicantRef: "smart-mahalla:u-1001",
  applicant: { type: "individual", surname: "Aliyev", name: "Bobur", residence: "Bodomzor 5", contact: { phone: "+998901112233" }, consent: { given: true, form: "electronic" } },
  location: { regionCode: "1726", districtCode: "1726262", mahallaCode: "1726262-001" },
  text: { body: "Koʻchamizdagi chiroqlar kechasi yonmaydi, bolalar qorongʻida maktabdan qaytishadi." }
}

const started = (child: ChildProcess, pattern: RegExp): Promise<RegExpExecArray> =>
  new Promise((resolve, reject) => {
    let out = ""
    child.stdout!.on("data", (d) => {
      out += String(d)
      const m = pattern.exec(out)
      if (m !== null) resolve(m)
    })
    child.stderr!.on("data", (d) => (out += String(d)))
    child.on("exit", (code) => reject(new Error(`exited ${code} before it was ready:\n${out.slice(-2000)}`)))
  })

// CPU time (user + system, ms) processes have used so far: /proc/<pid>/stat, in clock ticks of 10
// ms. Throughput on a shared machine depends on what else runs; the CPU each submission costs does
// not. A process that is gone counts 0 (its time went with it).
const cpuMs = (pids: ReadonlyArray<number | undefined>): number =>
  pids.reduce<number>((total, pid) => {
    if (pid === undefined) return Number.NaN
    return total + (cpuOf(pid) ?? 0)
  }, 0)

// One process's CPU time so far (ms), undefined when it is gone.
const cpuOf = (pid: number): number | undefined => {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, "utf8").replace(/^.*\) /, "").split(" ")
    return (Number(fields[11]) + Number(fields[12])) * 10
  } catch {
    return undefined
  }
}

// A process's main thread's CPU time so far (ms): the thread whose id is the process's. Node runs
// JavaScript there; GC helpers and libuv's pool are other threads. NaN when it is gone.
const mainThreadOf = (pid: number | undefined): number => {
  try {
    const fields = readFileSync(`/proc/${pid}/task/${pid}/stat`, "utf8").replace(/^.*\) /, "").split(" ")
    return (Number(fields[11]) + Number(fields[12])) * 10
  } catch {
    return Number.NaN
  }
}

// The machine's CPU times so far (all cores, in ticks): user, nice, system, idle, iowait, irq,
// softirq, steal. A server that leaves the machine idle is waiting on something, not computing.
const machineTimes = (): ReadonlyArray<number> => readFileSync("/proc/stat", "utf8").split("\n")[0]!.trim().split(/\s+/).slice(1, 9).map(Number)
const machineShares = (before: ReadonlyArray<number>, after: ReadonlyArray<number>) => {
  const d = after.map((v, i) => v - before[i]!)
  const total = d.reduce((a, b) => a + b, 0) || 1
  return { busy: (total - d[3]! - d[4]! - d[7]!) / total, idle: d[3]! / total, iowait: d[4]! / total }
}

// The CPU the database's processes spent between two scans, process by process: a backend that
// started in between (a pool replacing an idle connection) counts from its start; one that ended
// in between cannot be read after and counts nothing, rather than a negative difference.
const cpuSince = (before: ReadonlyMap<number, number>, pids: ReadonlyArray<number>): number =>
  pids.reduce((total, pid) => {
    const now = cpuOf(pid)
    return now === undefined ? total : total + now - (before.get(pid) ?? 0)
  }, 0)
const cpuByPid = (pids: ReadonlyArray<number>): ReadonlyMap<number, number> =>
  new Map(pids.flatMap((pid) => {
    const t = cpuOf(pid)
    return t === undefined ? [] : [[pid, t] as const]
  }))

// The embedded server's processes that exist now (postmaster, backends, WAL writer): the CPU of a
// request is also the server's, and on one machine the two compete for the same cores. Other
// servers on the machine are not counted. Autovacuum workers and the checkpointer are left out:
// both endpoints' rows cause their work, which falls in whichever round happens to be running, so
// counting it would only add noise to the comparison.
const parentOf = (pid: number | string): number => Number(/^PPid:\s+(\d+)/m.exec(readFileSync(`/proc/${pid}/status`, "utf8"))?.[1] ?? 0)
const databasePids = (postmaster: number): ReadonlyArray<number> =>
  readdirSync("/proc").filter((d) => /^\d+$/.test(d)).filter((d) => {
    try {
      if (Number(d) !== postmaster && parentOf(d) !== postmaster) return false
      return !/postgres: (autovacuum|checkpointer)/.test(readFileSync(`/proc/${d}/cmdline`, "utf8"))
    } catch {
      return false
    }
  }).map(Number)

// The embedded server's postmaster: the parent of a backend of ours.
const postmasterOf = async (url: string): Promise<number> => {
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  try {
    const { rows } = await client.query<{ pid: number }>("SELECT pg_backend_pid() AS pid")
    return parentOf(rows[0]!.pid)
  } finally {
    await client.end()
  }
}

// The server's WAL flushes and bytes so far (pg_stat_io, PostgreSQL 16 and later; pg_stat_wal): a
// commit that waits for its flush alone costs the machine a flush; concurrent commits share one.
const walOf = async (url: string): Promise<{ readonly flushes: number; readonly bytes: number }> => {
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  try {
    const flushes = await client.query<{ n: string }>("SELECT coalesce(sum(fsyncs), 0)::text AS n FROM pg_stat_io WHERE object = 'wal'").then((r) => Number(r.rows[0]!.n), () => Number.NaN)
    const bytes = await client.query<{ n: string }>("SELECT wal_bytes::text AS n FROM pg_stat_wal").then((r) => Number(r.rows[0]!.n), () => Number.NaN)
    return { flushes, bytes }
  } finally {
    await client.end()
  }
}

interface Endpoint {
  readonly title: string
  readonly url: string
  readonly pid: number | undefined
  readonly headers: () => Record<string, string>
}

interface Round {
  readonly rps: number
  readonly p50: number
  readonly p99: number
  readonly requests: number
  readonly non2xx: number
  readonly errors: number
  readonly cpu: number
  readonly databaseCpu: number
  readonly loadCpu: number
  readonly walFlushes: number
  readonly walBytes: number
  // The endpoint's main thread (its event loop), in ms of CPU, and the round's wall time.
  readonly mainThread: number
  readonly wall: number
  // Shares of the machine's CPU time during the round (all cores, /proc/stat): busy, idle, waiting for I/O.
  readonly machine: { readonly busy: number; readonly idle: number; readonly iowait: number }
}

const cannon = (e: Endpoint, duration: number) =>
  autocannon({
    url: e.url,
    method: "POST",
    connections: httpConnections,
    duration,
    requests: [{ setupRequest: (req: Record<string, unknown>) => ({ ...req, headers: { ...(req["headers"] as object), ...e.headers() }, body: JSON.stringify(intake) }) }]
  })

// One measured round of one endpoint: its throughput and latency, and what the machine's processes
// and the database's WAL spent on it.
const measure = async (e: Endpoint, databaseUrl: string, postmaster: number, duration: number): Promise<Round> => {
  const walBefore = await walOf(databaseUrl)
  const databaseBefore = cpuByPid(databasePids(postmaster))
  const before = [cpuMs([e.pid]), cpuMs([process.pid])] as const
  const [mainBefore, machineBefore, started] = [mainThreadOf(e.pid), machineTimes(), Date.now()]
  const result = await cannon(e, duration)
  const [mainAfter, machineAfter, ended] = [mainThreadOf(e.pid), machineTimes(), Date.now()]
  const pidsAfter = databasePids(postmaster)
  const after = [cpuMs([e.pid]), cpuSince(databaseBefore, pidsAfter), cpuMs([process.pid])] as const
  const walAfter = await walOf(databaseUrl)
  return {
    rps: result.requests.total / duration,
    p50: result.latency.p50,
    p99: result.latency.p99,
    requests: result.requests.total,
    non2xx: result.non2xx,
    errors: result.errors + result.timeouts,
    cpu: after[0] - before[0],
    databaseCpu: after[1],
    loadCpu: after[2] - before[1],
    walFlushes: walAfter.flushes - walBefore.flushes,
    walBytes: walAfter.bytes - walBefore.bytes,
    mainThread: mainAfter - mainBefore,
    wall: ended - started,
    machine: machineShares(machineBefore, machineAfter)
  }
}

const geometricMean = (xs: ReadonlyArray<number>): number => Math.exp(xs.reduce((n, x) => n + Math.log(x), 0) / Math.max(1, xs.length))

const median = (xs: ReadonlyArray<number>): number => {
  const s = [...xs].sort((a, b) => a - b)
  const m = s.length >> 1
  return s.length % 2 === 1 ? s[m]! : (s[m - 1]! + s[m]!) / 2
}

// The rounds of one endpoint together: medians of throughput and latency; costs per request over
// all of its rounds.
const summary = (rounds: ReadonlyArray<Round>) => {
  const requests = rounds.reduce((n, r) => n + r.requests, 0)
  const per = (f: (r: Round) => number) => rounds.reduce((n, r) => n + f(r), 0) / Math.max(1, requests)
  return {
    rps: median(rounds.map((r) => r.rps)),
    p50: median(rounds.map((r) => r.p50)),
    p99: median(rounds.map((r) => r.p99)),
    non2xx: rounds.reduce((n, r) => n + r.non2xx, 0),
    errors: rounds.reduce((n, r) => n + r.errors, 0),
    cpuPerRequest: per((r) => r.cpu),
    databaseCpuPerRequest: per((r) => r.databaseCpu),
    loadCpuPerRequest: per((r) => r.loadCpu),
    walFlushesPerRequest: per((r) => r.walFlushes),
    walBytesPerRequest: per((r) => r.walBytes),
    // Share of a core the main thread used, and of the machine busy, over all rounds.
    mainThreadLoad: rounds.reduce((n, r) => n + r.mainThread, 0) / Math.max(1, rounds.reduce((n, r) => n + r.wall, 0)),
    machineBusy: rounds.reduce((n, r) => n + r.machine.busy, 0) / Math.max(1, rounds.length),
    machineIdle: rounds.reduce((n, r) => n + r.machine.idle, 0) / Math.max(1, rounds.length)
  }
}

const pct = (x: number): string => `${(100 * x).toFixed(0)}%`

const percentile = (sorted: ReadonlyArray<number>, p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0

const main = async () => {
  const scope = Effect.runSync(Scope.make())
  const children: Array<ChildProcess> = []
  try {
    const db = await Effect.runPromise(Scope.extend(Testing.database({ server: "never" }), scope))
    const citizen = await Effect.runPromise(Identity.mint({ ...Identity.development, secret }, { kind: "applicant", sub: "smart-mahalla:u-1001" }))

    // The service, as `pnpm start` runs it (logs at warning level: the baseline logs nothing either).
    // BENCH_PROFILE=DIR writes a CPU profile of the service there (it is written when it stops).
    const profile = process.env["BENCH_PROFILE"] ? ["--cpu-prof", "--cpu-prof-dir", process.env["BENCH_PROFILE"]] : []
    const flags = (process.env["BENCH_SERVICE_FLAGS"] ?? "").split(" ").filter((f) => f !== "")
    const service = spawn(process.execPath, [...profile, ...flags, "--import", "tsx", "packages/examples/service/src/main.ts"], {
      env: {
        ...process.env,
        DATABASE_URL: db.appUrl,
        PORT: "0",
        MUROJAAT_MIGRATE: "false",
        MUROJAAT_JWT_SECRET: secret,
        MUROJAAT_TIMER_SECONDS: "0",
        MUROJAAT_RATE_PER_MINUTE: "0",
        MUROJAAT_ADDRESS_RATE_PER_MINUTE: "0",
        MUROJAAT_LOG_LEVEL: "WARN",
        MUROJAAT_DB_CONNECTIONS: String(dbConnections)
      },
      stdio: ["ignore", "pipe", "pipe"]
    })
    children.push(service)
    // BENCH_SERVICE_LOG=FILE copies what the service prints there (e.g. V8's traces from BENCH_SERVICE_FLAGS).
    if (process.env["BENCH_SERVICE_LOG"]) {
      const log = createWriteStream(process.env["BENCH_SERVICE_LOG"])
      service.stdout!.pipe(log)
      service.stderr!.pipe(log)
    }
    const serviceUrl = (await started(service, /Murojaat reference service: (http:\/\/[0-9.:]+)/))[1]!

    // One real submission gives the baseline and pgbench the sizes of the rows they write.
    const first = await fetch(`${serviceUrl}/v1/appeals`, {
      method: "POST",
      headers: { authorization: `Bearer ${citizen}`, "content-type": "application/json", "idempotency-key": "sample" },
      body: JSON.stringify(intake)
    })
    const answer = (await first.json()) as { appeal: Record<string, unknown>; events: Array<Record<string, unknown>> }
    const { statusName: _, ...state } = answer.appeal
    const sampleFile = join(work, "sample.json")
    writeFileSync(sampleFile, JSON.stringify({ state, events: answer.events.slice(0, 3), personal: intake.applicant, response: answer }))

    const baseline = spawn(process.execPath, ["--import", "tsx", "packages/examples/service/bench/baseline.ts"], {
      env: { ...process.env, DATABASE_URL: db.appUrl, BENCH_SAMPLE: sampleFile, BENCH_CONNECTIONS: String(dbConnections) },
      stdio: ["ignore", "pipe", "pipe"]
    })
    children.push(baseline)
    const baselinePort = (await started(baseline, /listening (\d+)/))[1]!

    let n = 0
    const svcEndpoint: Endpoint = {
      title: "service",
      url: `${serviceUrl}/v1/appeals`,
      pid: service.pid,
      headers: () => ({ authorization: `Bearer ${citizen}`, "content-type": "application/json", "idempotency-key": `bench-${process.pid}-${++n}` })
    }
    const baseEndpoint: Endpoint = {
      title: "hand-written",
      url: `http://127.0.0.1:${baselinePort}/appeals`,
      pid: baseline.pid,
      headers: () => ({ "content-type": "application/json", "idempotency-key": `b-${++n}` })
    }
    // Both warmed up (the service last, so its pool's connections are not left idle long enough to
    // be closed before the first round), then rounds alternating (service first, then hand-written
    // first, ...), so a change of the machine's load during the run weighs on both alike; the ratio
    // is taken per round and their geometric mean printed.
    for (const e of [baseEndpoint, svcEndpoint]) {
      process.stderr.write(`${e.title}: warm-up ${warmup} s\n`)
      await cannon(e, warmup)
    }
    const postmaster = await postmasterOf(db.appUrl)
    const svcRounds: Array<Round> = []
    const baseRounds: Array<Round> = []
    const roundSeconds = Math.max(1, Math.round(seconds / rounds))
    for (let r = 0; r < rounds; r++) {
      process.stderr.write(`round ${r + 1} of ${rounds}: ${roundSeconds} s each, ${httpConnections} connections\n`)
      const order = r % 2 === 0 ? [svcEndpoint, baseEndpoint] : [baseEndpoint, svcEndpoint]
      for (const e of order) {
        const m = await measure(e, db.appUrl, postmaster, roundSeconds)
        ;(e === svcEndpoint ? svcRounds : baseRounds).push(m)
        process.stderr.write(`  ${e.title}: ${m.rps.toFixed(0)}/s, CPU per request ${(m.cpu / m.requests).toFixed(2)} ms, database ${(m.databaseCpu / m.requests).toFixed(2)} ms; main thread ${pct(m.mainThread / m.wall)} of a core, machine ${pct(m.machine.busy)} busy, ${pct(m.machine.idle)} idle\n`)
      }
    }
    const svc = summary(svcRounds)
    const base = summary(baseRounds)
    const ratios = svcRounds.map((r, i) => r.rps / baseRounds[i]!.rps)

    // pgbench: the baseline's transaction alone, from a script with the same row sizes.
    let ceiling: { tps: number; p50: number; p99: number } | string
    try {
      const sample = JSON.parse(readFileSync(sampleFile, "utf8")) as { state: unknown; events: Array<unknown>; response: unknown }
      const lit = (v: unknown) => `'${JSON.stringify(v).replaceAll("'", "''")}'`
      const script = [
        "SELECT nextval('murojaat.appeal_id_seq') AS n \\gset",
        "BEGIN;",
        `INSERT INTO murojaat.idempotency (key, fingerprint, response) VALUES ('pgbench:' || :n, 'f', ${lit(sample.response)});`,
        `INSERT INTO murojaat.appeal (appeal_id, version, last_hash, status, kind, region_code, district_code, mahalla_code, applicant_ref, received_at, updated_at, due_at, is_open, state) VALUES ('P-' || :n, 3, '${"0".repeat(64)}', 'triaged', 'ariza', '1726', '1726262', '1726262-001', 'smart-mahalla:u-1001', now(), now(), now(), true, ${lit(sample.state)});`,
        `INSERT INTO murojaat.appeal_event (appeal_id, seq, event_id, type, prev_hash, hash, body) VALUES ('P-' || :n, 1, 'P-' || :n || '#1', 'received', '${"0".repeat(64)}', '${"0".repeat(64)}', ${lit(sample.events[0])}), ('P-' || :n, 2, 'P-' || :n || '#2', 'registered', '${"0".repeat(64)}', '${"0".repeat(64)}', ${lit(sample.events[1])}), ('P-' || :n, 3, 'P-' || :n || '#3', 'triaged', '${"0".repeat(64)}', '${"0".repeat(64)}', ${lit(sample.events[2])});`,
        `INSERT INTO murojaat.appeal_personal (appeal_id, data, contact_phone) VALUES ('P-' || :n, ${lit(intake.applicant)}, '998901112233');`,
        `INSERT INTO murojaat.outbox (id, appeal_id, seq, topic, payload) VALUES ('P-' || :n || '#1', 'P-' || :n, 1, 'appeal.received', ${lit(sample.events[0])}), ('P-' || :n || '#2', 'P-' || :n, 2, 'appeal.registered', ${lit(sample.events[1])}), ('P-' || :n || '#3', 'P-' || :n, 3, 'appeal.triaged', ${lit(sample.events[2])});`,
        "COMMIT;"
      ].join("\n")
      const scriptFile = join(work, "submit.sql")
      writeFileSync(scriptFile, script)
      process.stderr.write(`pgbench: ${seconds} s with ${dbConnections} connections\n`)
      execFileSync("pgbench", ["-n", "-c", String(dbConnections), "-j", "2", "-T", String(seconds), "-f", scriptFile, "-l", "--log-prefix", join(work, "pgbench"), db.appUrl], {
        stdio: ["ignore", "pipe", "pipe"]
      })
      const latencies = readdirSync(work)
        .filter((f) => f.startsWith("pgbench."))
        .flatMap((f) => readFileSync(join(work, f), "utf8").trim().split("\n").map((l) => Number(l.split(" ")[2]) / 1000))
        .sort((a, b) => a - b)
      ceiling = { tps: latencies.length / seconds, p50: percentile(latencies, 50), p99: percentile(latencies, 99) }
    } catch (e) {
      ceiling = `pgbench not run: ${(e as NodeJS.ErrnoException).code === "ENOENT" ? "pgbench is not installed (Debian: apt-get install postgresql-client)" : String((e as Error).message).split("\n")[0]}`
    }

    const row = (name: string, rps: number, p50: number, p99: number, extra = "") =>
      `| ${name} | ${rps.toFixed(0)} | ${p50.toFixed(1)} | ${p99.toFixed(1)} |${extra}`
    const lines = [
      `HTTP submissions, ${rounds} alternating rounds of ${Math.max(1, Math.round(seconds / rounds))} s each, ${httpConnections} HTTP connections, ${dbConnections} database connections, embedded PostgreSQL, Node ${process.version}`,
      "",
      "| what | submissions/s | p50 ms | p99 ms |",
      "| --- | --- | --- | --- |",
      row("reference service (full pipeline)", svc.rps, svc.p50, svc.p99),
      row("hand-written node:http + pg, same rows", base.rps, base.p50, base.p99),
      typeof ceiling === "string" ? `| pgbench | ${ceiling} | | |` : row("pgbench, the same transaction alone", ceiling.tps, ceiling.p50, ceiling.p99),
      "",
      `service / hand-written: ${geometricMean(ratios).toFixed(2)}x (geometric mean of ${rounds} alternating rounds: ${ratios.map((x) => x.toFixed(2)).join(", ")}; service first ${geometricMean(ratios.filter((_, r) => r % 2 === 0)).toFixed(2)}x, hand-written first ${geometricMean(ratios.filter((_, r) => r % 2 === 1)).toFixed(2)}x)`,
      typeof ceiling === "string" ? "" : `service / pgbench: ${(svc.rps / ceiling.tps).toFixed(2)}x; hand-written / pgbench: ${(base.rps / ceiling.tps).toFixed(2)}x`,
      `CPU per request (the server process, user + system): service ${svc.cpuPerRequest.toFixed(2)} ms, hand-written ${base.cpuPerRequest.toFixed(2)} ms (${(base.cpuPerRequest / svc.cpuPerRequest).toFixed(2)}x)`,
      `CPU per request of the database server: service ${svc.databaseCpuPerRequest.toFixed(2)} ms, hand-written ${base.databaseCpuPerRequest.toFixed(2)} ms; of the load generator (autocannon): ${svc.loadCpuPerRequest.toFixed(2)} ms, ${base.loadCpuPerRequest.toFixed(2)} ms`,
      `main thread (share of a core): service ${pct(svc.mainThreadLoad)}, hand-written ${pct(base.mainThreadLoad)}; machine busy: ${pct(svc.machineBusy)}, ${pct(base.machineBusy)}; idle: ${pct(svc.machineIdle)}, ${pct(base.machineIdle)}`,
      `WAL per request: service ${svc.walFlushesPerRequest.toFixed(2)} flushes, ${(svc.walBytesPerRequest / 1024).toFixed(1)} kB; hand-written ${base.walFlushesPerRequest.toFixed(2)} flushes, ${(base.walBytesPerRequest / 1024).toFixed(1)} kB`,
      `non-2xx: service ${svc.non2xx}, hand-written ${base.non2xx}; errors: ${svc.errors}, ${base.errors}`
    ]
    process.stdout.write(lines.join("\n") + "\n")
  } finally {
    for (const c of children) c.kill("SIGTERM")
    await new Promise((r) => setTimeout(r, 5000))
    for (const c of children) c.kill("SIGKILL")
    await Effect.runPromise(Scope.close(scope, Exit.void))
    rmSync(work, { recursive: true, force: true })
  }
}

void main().catch((e) => {
  console.error(e)
  process.exit(1)
})
