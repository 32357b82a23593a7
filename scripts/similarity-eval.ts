/**
 * Evaluates duplicate detection on the labelled corpus (packages/core/test/fixtures/duplicates):
 * precision and recall of `duplicate` and a confusion table over the five labels, per split.
 *
 * - train, dev, test, holdout (author D: the frozen measure of the first round, used once), extra
 *   (author E) and holdout2 (author F: the frozen measure of the second round, used once) are tuning
 *   splits: `--pairs` lists their errors pair by pair.
 * - holdout3 (author G) is the frozen measure: its SHA-256 must be the one in FROZEN (line `<sha>  holdout3.jsonl`),
 *   it is reported in aggregate only (never pair by pair, whatever the flags), and the target
 *   (duplicate precision and recall ≥ 0.90) is checked on it. When the file or its line in FROZEN is
 *   missing the script says so and exits 1: without the frozen split there is no measure.
 * - `--cv` cross-validates `matterThreshold` and `topicThreshold` over the tuning splits (5 folds of
 *   pairs, the thresholds chosen on four, measured on the one left out) and prints the out-of-fold
 *   figures and the thresholds that maximise the lower of precision and recall on all tuning pairs.
 * - `--loso` does the same leaving one tuning split out at a time (the thresholds chosen on the other
 *   splits, measured on the one left out): how the detection carries to an author it was not tuned on.
 *
 * Run: pnpm similarity:eval [--pairs] [--cv] [--loso] [--split train,dev,test,holdout,extra,holdout2,holdout3]
 */
import { createHash } from "node:crypto"
import { existsSync, readFileSync } from "node:fs"
import { Duplicates } from "../packages/core/src/index.js"

const dir = new URL("../packages/core/test/fixtures/duplicates/", import.meta.url)
const args = process.argv.slice(2)
const showPairs = args.includes("--pairs")
const crossValidate = args.includes("--cv")
const leaveOneOut = args.includes("--loso")
const splitArg = args.indexOf("--split")
const tuning = ["train", "dev", "test", "holdout", "extra", "holdout2"]
const FROZEN_SPLIT = "holdout3"
const splits = splitArg >= 0 ? args[splitArg + 1]!.split(",") : [...tuning, FROZEN_SPLIT]

interface Pair {
  readonly id: string
  readonly label: Duplicates.Label
  readonly kind: string
  readonly a: Duplicates.Appeal
  readonly b: Duplicates.Appeal
}

const parse = (text: string): ReadonlyArray<Pair> => text.split("\n").filter((l) => l.trim() !== "").map((l) => JSON.parse(l) as Pair)
const fileOf = (split: string) => new URL(`${split}.jsonl`, dir)

/** The SHA-256 FROZEN records for a file (lines `<sha>  <file>`), if any. */
const frozenSha = (file: string): string | undefined => {
  const frozen = new URL("FROZEN", dir)
  if (!existsSync(frozen)) return undefined
  for (const line of readFileSync(frozen, "utf8").split("\n")) {
    const [sha, name] = line.trim().split(/\s+/)
    if (name === file && sha !== undefined && /^[0-9a-f]{64}$/.test(sha)) return sha
  }
  return undefined
}

/** Reads the frozen split after checking it against FROZEN; `undefined` (with the reason printed) when it cannot be measured. */
const readFrozen = (): ReadonlyArray<Pair> | undefined => {
  const file = `${FROZEN_SPLIT}.jsonl`
  if (!existsSync(fileOf(FROZEN_SPLIT))) {
    console.error(`\n${FROZEN_SPLIT}: ${file} is missing: the frozen held-out split has not landed yet, so the target cannot be measured`)
    return undefined
  }
  const expected = frozenSha(file)
  if (expected === undefined) {
    console.error(`\n${FROZEN_SPLIT}: FROZEN has no SHA-256 for ${file}: the split is not frozen yet, so it cannot serve as the measure`)
    return undefined
  }
  const text = readFileSync(fileOf(FROZEN_SPLIT), "utf8")
  const sha = createHash("sha256").update(text).digest("hex")
  if (sha !== expected) {
    console.error(`\n${FROZEN_SPLIT}: ${file} does not match FROZEN (${sha} ≠ ${expected})`)
    return undefined
  }
  return parse(text)
}

const pct = (x: number) => (Number.isNaN(x) ? "  n/a" : x.toFixed(3))

/** Counts of (actual, predicted) and the duplicate figures. */
const tally = (rows: ReadonlyArray<readonly [Duplicates.Label, Duplicates.Label]>) => {
  const table = new Map<string, number>()
  for (const [a, p] of rows) table.set(`${a}|${p}`, (table.get(`${a}|${p}`) ?? 0) + 1)
  const n = (actual: string, predicted: string) => table.get(`${actual}|${predicted}`) ?? 0
  const tp = n("duplicate", "duplicate")
  const predicted = Duplicates.labels.reduce((s, l) => s + n(l, "duplicate"), 0)
  const actual = Duplicates.labels.reduce((s, l) => s + n("duplicate", l), 0)
  const correct = Duplicates.labels.reduce((s, l) => s + n(l, l), 0)
  return { n, tp, predicted, actual, precision: tp / predicted, recall: tp / actual, accuracy: correct / rows.length }
}

const signalsShown = new Set(["address", "distance", "text", "concepts", "category", "cues", "mahalla"])

let failed = false
const all: Array<Pair> = []
/** The tuning split of each pair of `all`, for `--loso`. */
const splitOf: Array<string> = []
for (const split of splits) {
  const frozen = split === FROZEN_SPLIT
  let pairs: ReadonlyArray<Pair>
  if (frozen) {
    const read = readFrozen()
    if (read === undefined) {
      failed = true
      continue
    }
    pairs = read
  } else pairs = parse(readFileSync(fileOf(split), "utf8"))
  if (!frozen) {
    all.push(...pairs)
    for (const _ of pairs) splitOf.push(split)
  }
  const rows: Array<readonly [Duplicates.Label, Duplicates.Label]> = []
  const errors: Array<string> = []
  for (const p of pairs) {
    const r = Duplicates.compare(p.a, p.b)
    rows.push([p.label, r.label])
    // The frozen split is never shown pair by pair.
    if (showPairs && !frozen && r.label !== p.label)
      errors.push(
        `${p.id} ${p.kind}: ${p.label} → ${r.label} (${r.ruleId}, score ${r.score})\n    ${r.signals
          .filter((s) => signalsShown.has(s.signal))
          .map((s) => `${s.signal}: ${s.reason} [${s.contribution}]`)
          .join("; ")}`
      )
  }
  const t = tally(rows)
  console.log(`\n${split}${frozen ? " (frozen, aggregate only)" : " (tuning)"}: ${pairs.length} pairs, accuracy ${pct(t.accuracy)}`)
  console.log(`  duplicate: precision ${pct(t.precision)} (${t.tp}/${t.predicted}), recall ${pct(t.recall)} (${t.tp}/${t.actual})`)
  const w = 10
  console.log(`  ${"actual \\ predicted".padEnd(20)}${Duplicates.labels.map((l) => l.padStart(w)).join("")}`)
  for (const a of Duplicates.labels) console.log(`  ${a.padEnd(20)}${Duplicates.labels.map((p) => String(t.n(a, p)).padStart(w)).join("")}`)
  for (const e of errors) console.log("  " + e)
  if (frozen && !(t.precision >= 0.9 && t.recall >= 0.9)) failed = true
}

if ((crossValidate || leaveOneOut) && all.length > 0) {
  // Each pair is prepared once; only the two thresholds vary.
  const prepared = all.map((p) => ({ label: p.label, a: Duplicates.prepare(p.a), b: Duplicates.prepare(p.b) }))
  const steps = (from: number, to: number, step: number) => Array.from({ length: Math.round((to - from) / step) + 1 }, (_, i) => Math.round((from + i * step) * 1000) / 1000)
  const grid = steps(0.15, 0.55, 0.02).flatMap((matterThreshold) => steps(0, 0.5, 0.025).map((topicThreshold) => ({ matterThreshold, topicThreshold })))
  const labelsAt = grid.map((g) => {
    const s = { ...Duplicates.defaultSettings, ...g }
    return prepared.map((p) => Duplicates.comparePrepared(p.a, p.b, s).label)
  })
  // The lower of precision and recall; accuracy over the five labels breaks ties.
  const score = (idx: ReadonlyArray<number>, g: number) => {
    const t = tally(idx.map((i) => [prepared[i]!.label, labelsAt[g]![i]!] as const))
    return Math.min(t.precision || 0, t.recall || 0) + 0.001 * t.accuracy
  }
  const best = (idx: ReadonlyArray<number>) => grid.reduce((b, _, g) => (score(idx, g) > score(idx, b) ? g : b), 0)
  const show = (g: number) => `matter ${grid[g]!.matterThreshold} topic ${grid[g]!.topicThreshold}`
  /** Chooses the thresholds on all but each group of `groups`, measures on the group; returns the out-of-group rows and the choices. */
  const heldOut = (groups: ReadonlyArray<ReadonlyArray<number>>) => {
    const outRows: Array<readonly [Duplicates.Label, Duplicates.Label]> = []
    const chosen: Array<number> = []
    for (let f = 0; f < groups.length; f++) {
      const g = best(groups.filter((_, h) => h !== f).flat())
      chosen.push(g)
      for (const i of groups[f]!) outRows.push([prepared[i]!.label, labelsAt[g]![i]!])
    }
    return { outRows, chosen }
  }
  if (crossValidate) {
    // Folds by a fixed stride over the pairs in file order, so every fold mixes the authors.
    const k = 5
    const folds = Array.from({ length: k }, (_, f) => prepared.map((_, i) => i).filter((i) => i % k === f))
    const { outRows, chosen } = heldOut(folds)
    const t = tally(outRows)
    const overall = best(prepared.map((_, i) => i))
    console.log(`\ncross-validation of matterThreshold and topicThreshold over ${prepared.length} tuning pairs (${k} folds): chosen ${chosen.map(show).join("; ")}`)
    console.log(`  out of fold: duplicate precision ${pct(t.precision)} (${t.tp}/${t.predicted}), recall ${pct(t.recall)} (${t.tp}/${t.actual}), accuracy ${pct(t.accuracy)}`)
    console.log(`  on all tuning pairs the best is ${show(overall)} (defaults: matter ${Duplicates.defaultSettings.matterThreshold} topic ${Duplicates.defaultSettings.topicThreshold})`)
  }
  if (leaveOneOut) {
    const names = [...new Set(splitOf)]
    const groups = names.map((n) => prepared.map((_, i) => i).filter((i) => splitOf[i] === n))
    const { outRows, chosen } = heldOut(groups)
    console.log(`\nleave one split out (thresholds chosen on the other ${names.length - 1} splits, measured on the one left out):`)
    let at = 0
    names.forEach((n, f) => {
      const t = tally(outRows.slice(at, at + groups[f]!.length))
      at += groups[f]!.length
      console.log(`  ${n.padEnd(10)} ${show(chosen[f]!).padEnd(24)} duplicate precision ${pct(t.precision)} (${t.tp}/${t.predicted}), recall ${pct(t.recall)} (${t.tp}/${t.actual})`)
    })
    const t = tally(outRows)
    console.log(`  all left out: duplicate precision ${pct(t.precision)} (${t.tp}/${t.predicted}), recall ${pct(t.recall)} (${t.tp}/${t.actual}), accuracy ${pct(t.accuracy)}`)
  }
}

if (failed) {
  console.log(`\ntarget not met or not measured: duplicate precision and recall ≥ 0.90 on the frozen ${FROZEN_SPLIT} split`)
  process.exitCode = 1
}
