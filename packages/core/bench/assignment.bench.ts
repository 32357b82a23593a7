/**
 * Assignment at national scale: 9,500 mahallas in 200 districts, 12,000 officers, 200,000 open
 * appeals. Compares `Assignment.assign` on an index built once (by mahalla, by district, duty and
 * absences parsed, workloads in a map) with a naive linear scan that looks at every officer and
 * sums every open appeal for each candidate, in the same process. Prints assignments per second,
 * the ratio, the index build time and the heap the index and workloads use.
 *
 * Run: npx tsx scripts/bench.ts assignment
 */
import { runInNewContext } from "node:vm"
import { setFlagsFromString } from "node:v8"
import { Either } from "effect"
import { Assignment, Directory } from "../src/index.js"
import { compare, fmt } from "../../../scripts/benchkit.js"

setFlagsFromString("--expose-gc")
const gc = runInNewContext("gc") as () => void
const heap = () => {
  gc()
  gc()
  return process.memoryUsage().heapUsed
}
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`
const atStart = heap()

// Deterministic pseudo-random numbers (mulberry32), so every run measures the same data.
let seed = 20260318
const random = () => {
  seed = (seed + 0x6d2b79f5) | 0
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed)
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296
}
const pick = <A>(xs: ReadonlyArray<A>): A => xs[Math.floor(random() * xs.length)]!

const MAHALLAS = 9_500
const DISTRICTS = 200
const OFFICERS = 12_000
const OPEN = 200_000
const AT = "2026-03-18T06:00:00Z" // Wednesday 11:00 in Tashkent
const name = { "uz-Latn": "x", "uz-Cyrl": "x", ru: "x", en: "x" }

const districtOf = (m: number) => Math.floor((m * DISTRICTS) / MAHALLAS)
const mahallaCode = (m: number) => `M${m}`
const districtCode = (d: number) => `D${d}`
const byDistrict: Array<Array<string>> = Array.from({ length: DISTRICTS }, () => [])
for (let m = 0; m < MAHALLAS; m++) byDistrict[districtOf(m)]!.push(mahallaCode(m))

const shifts = Array.from({ length: 7 }, (_, day) => ({
  from: new Date(Date.parse("2026-03-16T04:00:00Z") + day * 86_400_000).toISOString(),
  to: new Date(Date.parse("2026-03-16T04:00:00Z") + day * 86_400_000 + 12 * 3_600_000).toISOString()
}))
const leave = { from: "2026-03-10T00:00:00Z", to: "2026-03-25T00:00:00Z", reason: "leave" as const }

const officers: Array<Directory.Officer> = []
const officer = (id: string, roles: ReadonlyArray<Directory.OfficerRole>, d: number, mahallas: ReadonlyArray<string>) => {
  const r = random()
  officers.push({
    id,
    name: "n",
    roles,
    districtCode: districtCode(d),
    mahallas,
    duty: r < 0.2 ? shifts : [],
    absences: r > 0.95 ? [leave] : [],
    conflicts: random() < 0.02 ? [{ applicantRef: `u-${Math.floor(random() * 50_000)}` }] : [],
    active: random() > 0.01
  } as unknown as Directory.Officer)
}
for (let d = 0; d < DISTRICTS; d++) {
  const ms = byDistrict[d]!
  officer(`CH-${d}`, ["districtChief"], d, [])
  officer(`SR-${d}-a`, ["seniorInspector"], d, [])
  officer(`SR-${d}-b`, ["seniorInspector"], d, [])
  officer(`WA-${d}`, ["womensAffairsInspector"], d, ms)
  officer(`JV-${d}`, ["juvenileInspector"], d, ms)
  officer(`PR-${d}`, ["probationInspector"], d, ms)
}
for (let k = 0; officers.length < OFFICERS; k++) {
  const m = k % MAHALLAS
  const next = (m + 1) % MAHALLAS
  officer(`PI-${k}`, ["preventionInspector"], districtOf(m), districtOf(next) === districtOf(m) ? [mahallaCode(m), mahallaCode(next)] : [mahallaCode(m)])
}
const directory = {
  regions: [{ code: "R", name }],
  districts: Array.from({ length: DISTRICTS }, (_, d) => ({ code: districtCode(d), regionCode: "R", name })),
  mahallas: Array.from({ length: MAHALLAS }, (_, m) => ({ code: mahallaCode(m), districtCode: districtCode(districtOf(m)), name })),
  officers
} as unknown as Directory.Directory

const priorities: ReadonlyArray<Assignment.Priority> = ["urgent", "high", "high", "normal", "normal", "normal", "normal", "normal", "low", "low"]
const categories = ["domesticViolence", "minors", "probation", "weapons", "other", "other", "other", "neighbourDispute", "publicOrder", "theftProperty"]
const appealAt = (i: number): Assignment.AppealInput => {
  const m = Math.floor(random() * MAHALLAS)
  return {
    appealId: `A-${i}`,
    mahallaCode: mahallaCode(m),
    districtCode: districtCode(districtOf(m)),
    priority: pick(priorities),
    category: pick(categories),
    ...(random() < 0.03 ? { subjectOfficerId: pick(officers).id } : {}),
    applicantRef: `u-${Math.floor(random() * 50_000)}`
  }
}
// Each open appeal is held by an officer who serves its mahalla (its prevention inspector or specialist).
const holders = new Map<string, Array<string>>()
for (const o of officers) for (const m of o.mahallas) (holders.get(m) ?? holders.set(m, []).get(m)!).push(o.id)
const open: Array<Assignment.OpenAppeal> = Array.from({ length: OPEN }, (_, i) => {
  const a = appealAt(i)
  return { ...a, officerId: pick(holders.get(a.mahallaCode)!) }
})
const stream = Array.from({ length: 20_000 }, (_, i) => appealAt(OPEN + i))

// ---------------------------------------------------------------------------------------------
// Subject: index built once, workloads in a map updated after each choice.
// ---------------------------------------------------------------------------------------------
const before = heap()
const inputBytes = before - atStart
const t0 = performance.now()
const index = Assignment.makeIndex(directory)
const current = new Map(Assignment.loads(open))
const buildMs = performance.now() - t0
const indexBytes = heap() - before

let next = 0
const batch = 1_000
let queued = 0
const subject = {
  name: "Assignment.assign on the index (with explanation)",
  run: () => {
    for (let i = 0; i < batch; i++) {
      const a = stream[next++ % stream.length]!
      const r = Assignment.assign(index, a, { at: AT, loads: current })
      if (Either.isRight(r)) {
        const l = current.get(r.right.officerId) ?? { weighted: 0, count: 0 }
        current.set(r.right.officerId, { weighted: l.weighted + Assignment.defaultSettings.weights[a.priority], count: l.count + 1 })
      } else queued++
    }
    return batch
  }
}

// ---------------------------------------------------------------------------------------------
// Baseline: the naive way, scanning every officer and summing every open appeal per candidate.
// ---------------------------------------------------------------------------------------------
const working = Assignment.isWorkingTime(AT)
const onDuty = (o: Directory.Officer) =>
  o.active !== false && !Directory.isAbsent(o, AT) && (o.duty.length > 0 ? Directory.onDutyPeriod(o, AT) : working)
const eligible = (o: Directory.Officer, r: Directory.OfficerRole, a: Assignment.AppealInput) =>
  o.roles.includes(r) &&
  Directory.serves(o, a.mahallaCode as Directory.MahallaCode, a.districtCode as Directory.DistrictCode) &&
  onDuty(o) &&
  o.id !== a.subjectOfficerId &&
  !o.conflicts.some((c) => c.applicantRef === a.applicantRef)
const naiveLoad = (id: string) => {
  let w = 0
  for (const a of open) if (a.officerId === id) w += Assignment.defaultSettings.weights[a.priority]
  return w
}
const naive = (a: Assignment.AppealInput): string | undefined => {
  const role = Assignment.requiredRole(a)
  for (const r of [role, ...(Assignment.defaultSettings.roleFallbacks[role] ?? []), "seniorInspector" as const]) {
    let best: { id: string; load: number } | undefined
    for (const o of directory.officers) {
      if (!eligible(o, r, a)) continue
      const load = naiveLoad(o.id)
      if (best === undefined || load < best.load || (load === best.load && o.id < best.id)) best = { id: o.id, load }
    }
    if (best !== undefined) return best.id
  }
  return undefined
}
// A second, fairer baseline: scan every officer, but read workloads from a precomputed map.
const scan = (a: Assignment.AppealInput, loads: Assignment.Loads): string | undefined => {
  const role = Assignment.requiredRole(a)
  for (const r of [role, ...(Assignment.defaultSettings.roleFallbacks[role] ?? []), "seniorInspector" as const]) {
    let best: { id: string; load: number } | undefined
    for (const o of directory.officers) {
      if (!eligible(o, r, a)) continue
      const load = loads.get(o.id)?.weighted ?? 0
      if (best === undefined || load < best.load || (load === best.load && o.id < best.id)) best = { id: o.id, load }
    }
    if (best !== undefined) return best.id
  }
  return undefined
}
let nextScan = 0
const scanLoads = Assignment.loads(open)
const scanBaseline = {
  name: "officer scan, workloads precomputed",
  run: () => {
    for (let i = 0; i < 20; i++) scan(stream[nextScan++ % stream.length]!, scanLoads)
    return 20
  }
}

let nextNaive = 0
const baseline = {
  name: "naive linear scan (officers x open appeals)",
  run: () => {
    for (let i = 0; i < 5; i++) naive(stream[nextNaive++ % stream.length]!)
    return 5
  }
}

// Both ways agree on the officer when the workloads are the same (spot check on fresh loads).
const fresh = Assignment.loads(open)
let agree = 0
const sample = 50
for (let i = 0; i < sample; i++) {
  const a = stream[i]!
  const r = Assignment.assign(index, a, { at: AT, loads: fresh })
  const chosen = Either.isRight(r) ? r.right.officerId : undefined
  if (chosen === naive(a) && chosen === scan(a, fresh)) agree++
}

console.log(`directory: ${fmt(MAHALLAS)} mahallas, ${fmt(DISTRICTS)} districts, ${fmt(officers.length)} officers; ${fmt(OPEN)} open appeals`)
console.log(`heap used by the inputs (directory, open appeals, arrival stream): ${mb(inputBytes)}`)
console.log(`index + workloads: built in ${buildMs.toFixed(0)} ms, heap used ${mb(indexBytes)}`)
console.log(`agreement of the three ways on ${sample} appeals: ${agree}/${sample}`)
compare("assignments per second, against the naive scan", baseline, subject)
compare("assignments per second, against an officer scan with precomputed workloads", scanBaseline, subject)
console.log(`  heap used after the run: ${mb(heap())}; district chief's queue: ${fmt(queued)} of ${fmt(next)} assigned`)

const t1 = performance.now()
const plan = Assignment.planDutyChanges(index, open, { at: AT })
console.log(
  `planDutyChanges over ${fmt(OPEN)} open appeals: ${(performance.now() - t1).toFixed(0)} ms, ${fmt(plan.commands.length)} commands ` +
    `(${fmt(plan.commands.filter((c) => c.type === "unassign").length)} unassign)`
)
