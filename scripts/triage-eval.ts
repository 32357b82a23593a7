/**
 * Evaluates triage on the corpus (packages/core/test/fixtures/triage/, see its BRIEF.md) and writes
 * the figures docs/rules/triage.md shows (docs/rules/triage-evaluation.json):
 *
 * - train (author A), dev (author B) and the frozen test split (author C), each with category
 *   accuracy, accuracy where triage was confident, urgent recall and precision, per-category
 *   precision and recall, and the confusion matrix; also the old labelled corpus;
 * - the same metrics when every Uzbek Cyrillic text is transliterated to Latin by the CLDR
 *   uz_Cyrl-uz_Latn rules (ICU's transform; test/fixtures/uzCyrlToLatn.ts, written apart from the
 *   code under test), and when every apostrophe is swapped for ʻ, ’, ', ` or dropped;
 * - dev scored by a model trained on train alone (the shipped model has seen dev).
 *
 * Urgent recall counts an urgent appeal as caught when triage gave it urgent priority: an urgency
 * rule fired, or the detector was unsure (urgent priority and needsPerson: the top of the worklist).
 * An appeal left at normal priority is missed, whatever its needsPerson. The false-urgent rate is the
 * share of non-urgent appeals given urgent priority (the price of that recall).
 *
 * The frozen test split is read here and nowhere else, and only in aggregate: no appeal of it, and
 * no result of one, is ever printed. `--no-test` leaves it out (for development), `--misses` lists
 * the misses of train and dev.
 *
 * Run: pnpm triage:eval [--no-test] [--misses]
 */
import { createHash } from "node:crypto"
import { readFileSync, writeFileSync } from "node:fs"
import { join } from "node:path"
import { fileURLToPath } from "node:url"
import { Taxonomy, Triage } from "../packages/core/src/index.js"
import { uzCyrlToLatn } from "../packages/core/test/fixtures/uzCyrlToLatn.js"
import { fixtures, type Item, old, root, split } from "./triage-train.js"

const resultsFile = join(root, "docs/rules/triage-evaluation.json")

/** The figures of one evaluation (aggregates only). */
export type Figures = Pick<
  Triage.Report,
  "total" | "accuracy" | "confidentAccuracy" | "needsPerson" | "urgentActual" | "urgentFound" | "urgentRecall" | "urgentPrecision"
> & { readonly urgentPredicted: number; readonly falseUrgentRate: number }

/** What the evaluation file holds. */
export interface Evaluation {
  readonly model: string
  readonly splits: ReadonlyArray<{
    readonly name: string
    readonly note: string
    readonly figures: Figures
    readonly perCategory: ReadonlyArray<{ readonly name: string; readonly support: number; readonly precision: number; readonly recall: number }>
    readonly matrix: Triage.Report["matrix"]
    readonly variants: ReadonlyArray<{ readonly name: string; readonly figures: Figures }>
  }>
}

/** The SHA-256 of the shipped model's data module: an evaluation is of one model. */
export const modelDigest = (): string => createHash("sha256").update(readFileSync(join(root, "packages/core/src/internal/triage/modelData.ts"))).digest("hex")

const pairOf = (item: Item, r: Triage.Result) => ({
  predicted: { category: r.category, priority: r.priority, flags: r.flags, needsPerson: r.needsPerson },
  actual: { category: item.category, priority: item.urgent ? ("urgent" as const) : ("normal" as const), flags: item.flags ?? [] }
})

const figures = (rep: Triage.Report): Figures => ({
  total: rep.total,
  accuracy: rep.accuracy,
  confidentAccuracy: rep.confidentAccuracy,
  needsPerson: rep.needsPerson,
  urgentActual: rep.urgentActual,
  urgentFound: rep.urgentFound,
  urgentRecall: rep.urgentRecall,
  urgentPrecision: rep.urgentPrecision,
  urgentPredicted: rep.urgentPrecision === 0 ? 0 : Math.round(rep.urgentFound / rep.urgentPrecision),
  falseUrgentRate: rep.total === rep.urgentActual ? 0 : ((rep.urgentPrecision === 0 ? 0 : Math.round(rep.urgentFound / rep.urgentPrecision)) - rep.urgentFound) / (rep.total - rep.urgentActual)
})

const score = (items: ReadonlyArray<Item>, engine: Triage.Engine, transform: (i: Item) => string = (i) => i.text) =>
  Triage.report(items.map((i) => pairOf(i, Triage.classify(transform(i), engine))))

const apostrophe = /[\u0027\u0060\u2018\u2019\u02BB\u02BC\u00B4\u02B9\u2032\u201B\u02BD]/g
const variants: ReadonlyArray<{ readonly name: string; readonly transform: (i: Item) => string }> = [
  { name: "Uzbek Cyrillic transliterated to Latin (CLDR uz_Cyrl-uz_Latn)", transform: (i) => (i.lang === "uz-Cyrl" ? uzCyrlToLatn(i.text) : i.text) },
  ...(["\u02BB", "\u2019", "'", "`", ""] as const).map((a) => ({
    name: a === "" ? "apostrophes dropped" : `every apostrophe as ${a} (U+${a.charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")})`,
    transform: (i: Item) => i.text.replace(apostrophe, a)
  }))
]

const pct = (n: number) => `${(n * 100).toFixed(1)}%`

const printFigures = (title: string, f: Figures) =>
  console.log(
    `${title.padEnd(64)} ${String(f.total).padStart(5)}  accuracy ${pct(f.accuracy).padStart(6)}  confident ${pct(f.confidentAccuracy).padStart(6)}  urgent recall ${pct(f.urgentRecall).padStart(6)} (${f.urgentFound}/${f.urgentActual})  precision ${pct(f.urgentPrecision).padStart(6)}  false urgent ${pct(f.falseUrgentRate).padStart(6)}`
  )

const printMatrix = (m: Triage.Report["matrix"]) => {
  const short = (s: string) => s.slice(0, 6)
  console.log(`  ${"actual \\ predicted".padEnd(18)} ${m.labels.map((l) => short(l).padStart(6)).join(" ")}`)
  m.labels.forEach((l, i) => console.log(`  ${l.padEnd(18)} ${m.counts[i]!.map((n) => (n === 0 ? "." : String(n)).padStart(6)).join(" ")}`))
}

const evaluateSplit = (name: string, note: string, items: ReadonlyArray<Item>, engine: Triage.Engine, misses: boolean) => {
  const rep = score(items, engine)
  console.log(`\n## ${name}: ${note}`)
  printFigures("as written", figures(rep))
  const vs = variants.map((v) => ({ name: v.name, figures: figures(score(items, engine, v.transform)) }))
  for (const v of vs) printFigures(v.name, v.figures)
  console.log(`\n  ${"category".padEnd(18)} support precision recall`)
  for (const s of rep.perCategory) console.log(`  ${s.name.padEnd(18)} ${String(s.support).padStart(7)} ${pct(s.precision).padStart(9)} ${pct(s.recall).padStart(6)}`)
  console.log("")
  printMatrix(rep.matrix)
  if (misses)
    for (const i of items) {
      const r = Triage.classify(i.text, engine)
      if (r.category !== i.category || (i.urgent && r.priority !== "urgent"))
        console.log(`  MISS ${i.id} [${i.category}${i.urgent ? ", urgent" : ""}] -> ${r.category} ${r.priority} (${r.decidedBy}, ${r.confidence}) :: ${i.text.slice(0, 100)}`)
    }
  return {
    name,
    note,
    figures: figures(rep),
    perCategory: rep.perCategory.map((s) => ({ name: s.name, support: s.support, precision: s.precision, recall: s.recall })),
    matrix: rep.matrix,
    variants: vs
  }
}

/** The frozen test split, checked against FROZEN before it is read. */
const frozenTest = (): ReadonlyArray<Item> => {
  const bytes = readFileSync(join(fixtures, "test.jsonl"))
  const frozen = readFileSync(join(fixtures, "FROZEN"), "utf8").trim().split(/\s+/)[0]
  if (createHash("sha256").update(bytes).digest("hex") !== frozen) throw new Error("test.jsonl is not the frozen test split (its SHA-256 differs from FROZEN)")
  return bytes
    .toString("utf8")
    .split("\n")
    .filter((l) => l.trim() !== "")
    .map((l) => JSON.parse(l) as Item)
}

if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1]) {
  const misses = process.argv.includes("--misses")
  const withTest = !process.argv.includes("--no-test")
  const engine = Triage.defaultEngine
  console.log(`# Triage evaluation (model ${modelDigest().slice(0, 12)}, trained on ${Triage.defaultModel.training.examples} appeals: ${Triage.defaultModel.training.sources.join(", ")})`)
  const splits = [
    evaluateSplit("train", "author A; the model is trained on it and the rules were tuned on it", split("train"), engine, misses),
    evaluateSplit("dev", "author B; used to tune cues, rules and settings, and part of the shipped model's training", split("dev"), engine, misses)
  ]
  // Dev as it scored before it joined the training: a model trained on train alone.
  const trainOnly = Triage.make(Taxonomy.defaults, { model: Triage.train(split("train").map((i) => ({ text: i.text, category: i.category, urgent: i.urgent })), { options: Triage.trainDefaults }) })
  splits.push(evaluateSplit("dev, model trained on train only", "author B; the same rules and cues, the model without dev", split("dev"), trainOnly, false))
  splits.push(evaluateSplit("old corpus", "labelled before issue 13 (its urgency is the old, wider definition); part of the model's category training", old(), engine, false))
  if (withTest) splits.push(evaluateSplit("frozen test", "author C; never read for tuning; scored by this script only, in aggregate", frozenTest(), engine, false))
  const evaluation: Evaluation = { model: modelDigest(), splits }
  if (withTest) {
    writeFileSync(resultsFile, `${JSON.stringify(evaluation, null, 2)}\n`)
    console.log(`\nwrote docs/rules/triage-evaluation.json`)
  }
}
