/**
 * Evaluates duplicate detection on the labelled corpus (packages/core/test/fixtures/duplicates):
 * precision and recall of `duplicate` and a confusion table over the five labels, per split. The
 * test split is frozen (its SHA-256 is in FROZEN, checked here): it is reported in aggregate only,
 * never pair by pair, and is never used to tune. `--pairs` lists the errors of train and dev.
 *
 * Run: pnpm similarity:eval [--pairs] [--split train,dev]
 */
import { createHash } from "node:crypto"
import { readFileSync } from "node:fs"
import { Duplicates } from "../packages/core/src/index.js"

const dir = new URL("../packages/core/test/fixtures/duplicates/", import.meta.url)
const args = process.argv.slice(2)
const showPairs = args.includes("--pairs")
const splitArg = args.indexOf("--split")
const splits = splitArg >= 0 ? args[splitArg + 1]!.split(",") : ["train", "dev", "test"]

interface Pair {
  readonly id: string
  readonly label: Duplicates.Label
  readonly kind: string
  readonly a: Duplicates.Appeal
  readonly b: Duplicates.Appeal
}

const read = (split: string): { text: string; pairs: ReadonlyArray<Pair> } => {
  const text = readFileSync(new URL(`${split}.jsonl`, dir), "utf8")
  return { text, pairs: text.split("\n").filter((l) => l.trim() !== "").map((l) => JSON.parse(l) as Pair) }
}

const frozen = readFileSync(new URL("FROZEN", dir), "utf8").trim().split(/\s+/)[0]
const pct = (x: number) => (Number.isNaN(x) ? "  n/a" : x.toFixed(3))
let failed = false
for (const split of splits) {
  const { text, pairs } = read(split)
  if (split === "test") {
    const sha = createHash("sha256").update(text).digest("hex")
    if (sha !== frozen) {
      console.error(`test.jsonl does not match FROZEN (${sha} ≠ ${frozen})`)
      process.exit(1)
    }
  }
  const table = new Map<string, number>()
  const errors: Array<string> = []
  for (const p of pairs) {
    const r = Duplicates.compare(p.a, p.b)
    table.set(`${p.label}|${r.label}`, (table.get(`${p.label}|${r.label}`) ?? 0) + 1)
    if (showPairs && split !== "test" && r.label !== p.label)
      errors.push(`${p.id} ${p.kind}: ${p.label} → ${r.label} (${r.ruleId}, score ${r.score})\n    ${r.signals.filter((s) => ["address", "distance", "text", "concepts", "category", "cues", "mahalla"].includes(s.signal)).map((s) => `${s.signal}: ${s.reason} [${s.contribution}]`).join("; ")}`)
  }
  const n = (actual: string, predicted: string) => table.get(`${actual}|${predicted}`) ?? 0
  const tp = n("duplicate", "duplicate")
  const predicted = Duplicates.labels.reduce((s, l) => s + n(l, "duplicate"), 0)
  const actual = Duplicates.labels.reduce((s, l) => s + n("duplicate", l), 0)
  const precision = tp / predicted
  const recall = tp / actual
  const correct = Duplicates.labels.reduce((s, l) => s + n(l, l), 0)
  console.log(`\n${split}${split === "test" ? " (frozen, aggregate only)" : ""}: ${pairs.length} pairs, accuracy ${pct(correct / pairs.length)}`)
  console.log(`  duplicate: precision ${pct(precision)} (${tp}/${predicted}), recall ${pct(recall)} (${tp}/${actual})`)
  const w = 10
  console.log(`  ${"actual \\ predicted".padEnd(20)}${Duplicates.labels.map((l) => l.padStart(w)).join("")}`)
  for (const a of Duplicates.labels) console.log(`  ${a.padEnd(20)}${Duplicates.labels.map((p) => String(n(a, p)).padStart(w)).join("")}`)
  for (const e of errors) console.log("  " + e)
  if (split === "test" && !(precision >= 0.9 && recall >= 0.9)) failed = true
}
if (failed) {
  console.log("\ntarget not met: duplicate precision and recall ≥ 0.90 on the frozen test split")
  process.exitCode = 1
}
