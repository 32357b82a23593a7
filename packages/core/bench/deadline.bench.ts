/**
 * Deadline benchmark: due-date computations per second on the shipped Uzbek calendar, against a
 * naive day-by-day loop (a `Date` per day, a string-keyed set of non-working days) measured in the
 * same run. Both compute the same dates; the benchmark checks they agree before timing.
 *
 * Run: `npx tsx scripts/bench.ts deadline`
 */
import { Either } from "effect"
import { Calendar, Deadline } from "../src/index.js"
import { nthWorkingDayNumber } from "../src/internal/calendar/arithmetic.js"
import { compare, fmt } from "../../../scripts/benchkit.js"

const cal = Calendar.uzbekistan
const week = "fiveDay" as const
const H = 3_600_000
const D = 86_400_000
const OFFSET = 5 * H

// 4,096 receipt times spread over 2025-2026 (deterministic).
let seed = 42
const rand = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31)
const start = Date.UTC(2025, 0, 1)
const receipts = Array.from({ length: 4096 }, () => start + Math.floor(rand() * 729 * 24) * H)
const receiptIso = receipts.map((ms) => Calendar.formatInstant(ms))

// ---------------------------------------------------------------------------------------------
// The naive baseline: walk day by day with Date objects and a set of "YYYY-MM-DD" strings.
// ---------------------------------------------------------------------------------------------

const off = new Set<string>()
for (const y of [2025, 2026, 2027]) for (const d of Calendar.daysOff(cal, y, week)) off.add(d.date)
const isoOf = (localMidnightUtc: Date) => localMidnightUtc.toISOString().slice(0, 10)
const isOff = (d: Date) => off.has(isoOf(d))
const localMidnight = (ms: number) => new Date(Math.floor((ms + OFFSET) / D) * D)
const nextDay = (d: Date) => new Date(d.getTime() + D)
const rollForward = (d: Date) => {
  let x = d
  while (isOff(x)) x = nextDay(x)
  return x
}
/** 15 working days from the day after receipt (the consideration term counted in working days). */
const naiveWorkingDays = (ms: number, n: number): string => {
  let d = localMidnight(ms)
  let left = n
  while (left > 0) {
    d = nextDay(d)
    if (!isOff(d)) left--
  }
  return isoOf(d)
}
/** Every clock of an ariza by the default settings: registration, forwarding (5 days), consideration (15 days). */
const naiveClocks = (ms: number): readonly [string, string, string] => {
  const day = localMidnight(ms)
  const time = (ms + OFFSET) % D
  const registration = !isOff(day) && time < 18 * H ? day : rollForward(nextDay(day))
  let f = day
  for (let i = 0; i < 5; i++) f = nextDay(f)
  let c = day
  for (let i = 0; i < 15; i++) c = nextDay(c)
  return [isoOf(registration), isoOf(rollForward(f)), isoOf(rollForward(c))]
}

// ---------------------------------------------------------------------------------------------
// Agreement check, then timing
// ---------------------------------------------------------------------------------------------

const workingSettings = { ...Deadline.defaultSettings, considerationUnit: "workingDays" as const }
for (let i = 0; i < 512; i++) {
  const fast = Calendar.isoFromDay(nthWorkingDayNumber(cal, Calendar.localDay(receipts[i]!) + 1, 15, week))
  const full = Either.getOrThrow(Deadline.compute({ kind: "ariza", receivedAt: receiptIso[i]! }, { settings: workingSettings }))
  const naive = naiveWorkingDays(receipts[i]!, 15)
  if (fast !== naive || full.clocks[2]!.dueDate !== naive) throw new Error(`disagreement at ${receiptIso[i]}: ${fast} / ${full.clocks[2]!.dueDate} vs ${naive}`)
  const clocks = Either.getOrThrow(Deadline.compute({ kind: "ariza", receivedAt: receiptIso[i]! })).clocks.map((c) => c.dueDate)
  if (clocks.join() !== naiveClocks(receipts[i]!).join()) throw new Error(`disagreement at ${receiptIso[i]}: ${clocks} vs ${naiveClocks(receipts[i]!)}`)
}
console.log("agreement: fast, full and naive give the same dates for 512 receipts")

const BATCH = 256
let k = 0
const batch = (f: (i: number) => unknown) => () => {
  for (let j = 0; j < BATCH; j++) f((k++) & 4095)
  return BATCH
}
let sink = 0
const keep = (s: string | number) => {
  sink ^= typeof s === "number" ? s : s.length
}

const r1 = compare(
  "due date of a 15-working-day term",
  { name: "naive day-by-day loop (Date + string set)", run: batch((i) => keep(naiveWorkingDays(receipts[i]!, 15))) },
  { name: "nthWorkingDayNumber (internal day-number path of Calendar.addWorkingDays; prefix counts)", run: batch((i) => keep(nthWorkingDayNumber(cal, Calendar.localDay(receipts[i]!) + 1, 15, week))) }
)
const r2 = compare(
  "all clocks of an ariza (registration, forwarding, consideration), no explanation",
  { name: "naive day-by-day loop (Date + string set)", run: batch((i) => keep(naiveClocks(receipts[i]!)[2])) },
  { name: "Deadline.compute({ explain: false })", run: batch((i) => keep(Either.getOrThrow(Deadline.compute({ kind: "ariza", receivedAt: receiptIso[i]! }, { explain: false })).clocks.length)) }
)
const r3 = compare(
  "all clocks of an ariza with full explanations (skipped days and reasons)",
  { name: "naive day-by-day loop (dates only)", run: batch((i) => keep(naiveClocks(receipts[i]!)[2])) },
  { name: "Deadline.compute (explained)", run: batch((i) => keep(Either.getOrThrow(Deadline.compute({ kind: "ariza", receivedAt: receiptIso[i]! })).clocks.length)) }
)
const t0 = performance.now()
Calendar.make(Calendar.uzbekistanData)
const compileMs = performance.now() - t0
console.log(`\nCalendar.make (validate + compile 2024-2029 for both weeks): ${compileMs.toFixed(2)} ms`)
console.log(
  `summary: working-day term ${fmt(r1.subject.opsPerSecond)}/s (${r1.ratio.toFixed(1)}x naive); all clocks ${fmt(r2.subject.opsPerSecond)}/s (${r2.ratio.toFixed(1)}x); explained ${fmt(r3.subject.opsPerSecond)}/s (${r3.ratio.toFixed(2)}x)`
)
if (sink === 0.5) console.log(sink)
