/**
 * Submission benchmark: CPU and wall time per `AppealService.submit` on `layerMemory` with Murojaat's
 * own pipeline (`rulesPipeline`: register, triage, assign), as the reference HTTP service runs it
 * (an applicant's intake with an idempotency key), against a baseline run in the same process: the
 * same appeal's four lifecycle steps alone (`Lifecycle.execute` of receive, register, triage and
 * assign on a decoded intake and fixed triage fields: decide, seal, evolve; no decoding, no store,
 * no triage, no assignment, no Effect).
 *
 * The clock is fixed on a working day in working hours (Tuesday 3 March 2026, 10:00 in Tashkent),
 * so every submission is assigned, as on a weekday. Each round submits on a fresh in-memory store
 * (built before the round is timed), so the figure does not grow with the appeals held.
 *
 * CPU is user + system time from `process.cpuUsage`; wall from `performance.now`. Rounds of the
 * baseline and the subject alternate; the medians are printed.
 *
 * Run: `npx tsx scripts/bench.ts submit` (`SUBMIT_ROUNDS`, `SUBMIT_N` per round, `SUBMIT_WARMUP` rounds).
 */
import { Clock, Effect, Either, Layer, ManagedRuntime } from "effect"
import { Actor, Appeal, AppealService, AppealState, Decode, Lifecycle, Sample, type Command } from "../src/index.js"
import { fmt } from "../../../scripts/benchkit.js"

const rounds = Number(process.env["SUBMIT_ROUNDS"] ?? 9)
const n = Number(process.env["SUBMIT_N"] ?? 200)
const now = Date.parse("2026-03-03T05:00:00.000Z")
const nowIso = new Date(now).toISOString()

// A clock that stands still: every submission happens at the same instant of a working day.
const fixedClock: Clock.Clock = {
  [Clock.ClockTypeId]: Clock.ClockTypeId,
  unsafeCurrentTimeMillis: () => now,
  currentTimeMillis: Effect.sync(() => now),
  unsafeCurrentTimeNanos: () => BigInt(now) * 1_000_000n,
  currentTimeNanos: Effect.sync(() => BigInt(now) * 1_000_000n),
  sleep: () => Effect.void
}

const intake = { ...Sample.intake, applicantRef: "smart-mahalla:u-1001" }
const applicant = Actor.applicant("smart-mahalla:u-1001")

const runtime = () => {
  const rt = ManagedRuntime.make(Layer.merge(AppealService.layerMemory(Sample.directory, { pipeline: AppealService.rulesPipeline() }), Layer.setClock(fixedClock)))
  rt.runSync(Effect.void) // builds the layer outside the timed region
  return rt
}

let keys = 0
const submitOnce = (rt: ReturnType<typeof runtime>) =>
  rt.runSync(AppealService.submit(intake, applicant, { idempotencyKey: `bench-${++keys}`, correlationId: "bench" }))

// The baseline: the four lifecycle steps of the same appeal, as pure functions.
const decoded = Either.getOrThrow(Decode.either(Appeal.Intake, "Appeal")(intake))
const officer = Sample.directory.officers.find((o) => o.id === "O-101")!
const lookup = (id: string) => (id === "O-101" ? officer : undefined)
const system = (name: string) => Actor.system(name)
const lifecycleOnce = (i: number) => {
  const appealId = `A-${i}`
  const steps: ReadonlyArray<readonly [unknown, Actor.Actor]> = [
    [{ type: "receive", appealId, intake: decoded, commandId: `bench-${i}`, correlationId: "bench" }, applicant],
    [{ type: "register", appealId, registrationNumber: `1726262-2026-${i}`, correlationId: "bench" }, system("registry")],
    [{ type: "triage", appealId, category: "publicServices", priority: "normal", flags: [], confidence: 0.9, needsPerson: false, ruleIds: ["services.lighting"], correlationId: "bench" }, system("triage")],
    [{ type: "assign", appealId, officerId: "O-101", ruleIds: ["assign.mahallaInspector"], correlationId: "bench" }, system("assignment")]
  ]
  let state = AppealState.initial(appealId)
  for (const [command, actor] of steps) {
    const r = Lifecycle.execute(state, command as Command.Command, { now: nowIso, actor, officer: lookup })
    if (Either.isLeft(r)) throw new Error(`baseline: ${(command as Command.Command).type} refused (${r.left._tag})`)
    state = r.right.state
  }
  return state
}

// Both reach the same end before anything is timed.
{
  const r = submitOnce(runtime())
  if (r.state.status !== "assigned") throw new Error(`the submission stopped at ${r.state.status} (${JSON.stringify(r.holdup)})`)
  if (lifecycleOnce(0).status !== "assigned") throw new Error("the baseline did not reach assigned")
}

interface Round {
  readonly cpuMs: number
  readonly wallMs: number
}
const timed = (run: () => void): Round => {
  const c0 = process.cpuUsage()
  const w0 = performance.now()
  run()
  const wall = performance.now() - w0
  const c = process.cpuUsage(c0)
  return { cpuMs: (c.user + c.system) / 1000 / n, wallMs: wall / n }
}
const subjectRound = () => {
  const rt = runtime()
  const r = timed(() => {
    for (let i = 0; i < n; i++) submitOnce(rt)
  })
  void rt.dispose()
  return r
}
let serial = 0
const baselineRound = () =>
  timed(() => {
    for (let i = 0; i < n; i++) lifecycleOnce(++serial)
  })

// Warm-up: the JIT sees both paths before any round is timed (the submission's path keeps
// getting faster for a few thousand submissions).
for (let i = 0; i < Number(process.env["SUBMIT_WARMUP"] ?? 12); i++) {
  subjectRound()
  baselineRound()
}
const b: Array<Round> = []
const s: Array<Round> = []
for (let i = 0; i < rounds; i++) {
  b.push(baselineRound())
  s.push(subjectRound())
}
const median = (xs: ReadonlyArray<number>) => [...xs].sort((x, y) => x - y)[Math.floor(xs.length / 2)]!
const bc = median(b.map((r) => r.cpuMs))
const bw = median(b.map((r) => r.wallMs))
const sc = median(s.map((r) => r.cpuMs))
const sw = median(s.map((r) => r.wallMs))
console.log(`AppealService.submit in memory (rulesPipeline, assigned): ${rounds} rounds of ${n}, medians per submission`)
console.log(`  baseline  ${"4 lifecycle steps alone (Lifecycle.execute)".padEnd(52)} CPU ${bc.toFixed(3)} ms, wall ${bw.toFixed(3)} ms (${fmt(1000 / bw)}/s)`)
console.log(`  subject   ${"AppealService.submit, layerMemory".padEnd(52)} CPU ${sc.toFixed(3)} ms, wall ${sw.toFixed(3)} ms (${fmt(1000 / sw)}/s)`)
console.log(`  ratio subject/baseline: CPU ${(sc / bc).toFixed(2)}x, wall ${(sw / bw).toFixed(2)}x`)
console.log(`  subject CPU per round (ms): ${s.map((r) => r.cpuMs.toFixed(3)).join(" ")}`)
