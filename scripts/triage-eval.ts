/**
 * Evaluates triage on the labelled corpus (packages/core/test/fixtures/triage-corpus.ts): per-category
 * precision and recall, overall accuracy (and accuracy where triage was confident), recall and
 * precision of urgent cases, per-flag precision and recall, and the most frequent confusions; for the
 * dev part, the held-out part and the whole. Exits 1 if any urgent case is missed.
 *
 * Run: pnpm triage:eval  (or npx tsx scripts/triage-eval.ts [--misses])
 */
import { Triage } from "../packages/core/src/index.js"
import { corpus, dev, fresh, holdout, toPair, type Item } from "../packages/core/test/fixtures/triage-corpus.js"

const pct = (n: number) => `${(n * 100).toFixed(1)}%`.padStart(7)

const evaluate = (items: ReadonlyArray<Item>) =>
  items.map((item) => {
    const r = Triage.classify(item.text)
    return { item, r, pair: toPair(item, r) }
  })

const print = (title: string, items: ReadonlyArray<Item>, detail: boolean) => {
  const rows = evaluate(items)
  const rep = Triage.report(rows.map((x) => x.pair))
  console.log(`\n## ${title}: ${rep.total} appeals`)
  console.log(`category accuracy            ${pct(rep.accuracy)}  (${rep.correct}/${rep.total})`)
  console.log(`accuracy where confident     ${pct(rep.confidentAccuracy)}  (${rep.confident} confident, ${rep.needsPerson} sent to a person)`)
  console.log(`urgent recall                ${pct(rep.urgentRecall)}  (${rep.urgentFound}/${rep.urgentActual})`)
  console.log(`urgent precision             ${pct(rep.urgentPrecision)}`)
  if (!detail) return rep
  console.log(`\n${"category".padEnd(18)} support predicted precision  recall`)
  for (const s of rep.perCategory)
    console.log(`${s.name.padEnd(18)} ${String(s.support).padStart(7)} ${String(s.predicted).padStart(9)} ${pct(s.precision)}   ${pct(s.recall)}`)
  console.log(`\n${"flag".padEnd(18)} support predicted precision  recall`)
  for (const s of rep.perFlag)
    console.log(`${s.name.padEnd(18)} ${String(s.support).padStart(7)} ${String(s.predicted).padStart(9)} ${pct(s.precision)}   ${pct(s.recall)}`)
  console.log(`\nmost frequent confusions (actual -> predicted):`)
  for (const c of rep.confusions.slice(0, 10)) console.log(`  ${c.actual} -> ${c.predicted}: ${c.count}`)
  if (process.argv.includes("--misses"))
    for (const x of rows.filter((x) => x.r.category !== x.item.category || (x.item.urgent && x.r.priority !== "urgent")))
      console.log(`  MISS ${x.item.id} [${x.item.category}${x.item.urgent ? ", urgent" : ""}] -> ${x.r.category} ${x.r.priority} ${x.r.confidence} ${x.r.ruleIds.join(",")} :: ${x.item.text.slice(0, 90)}`)
  return rep
}

console.log("# Triage evaluation on the labelled corpus")
print("dev (rules were tuned on it)", dev, false)
print("holdout (scored once unseen, then used to add vocabulary)", holdout, false)
print("fresh (never used for tuning: the honest estimate)", fresh, false)
const all = print("whole corpus", corpus, true)
const missedUrgent = evaluate(corpus).filter((x) => x.item.urgent && x.r.priority !== "urgent")
for (const x of missedUrgent) console.error(`MISSED URGENT ${x.item.id}: ${x.item.text}`)
if (all.urgentRecall < 1) process.exit(1)
