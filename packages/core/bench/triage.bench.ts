/**
 * Triage throughput on 300-2,000 character appeals (built deterministically from the labelled
 * corpus: Latin, Cyrillic, Russian, mixed). Baseline: one precompiled regular expression per
 * category (an alternation of that category's rule words, lower-cased, no normalisation, no
 * negation, no context, no explanation), run in the same process. Also prints the full
 * `Triage.classify` cost split: tokenisation alone, and the engine with explanations.
 *
 * Run: npx tsx scripts/bench.ts triage
 */
import { Normalize, Taxonomy, Triage } from "../src/index.js"
import { corpus } from "../test/fixtures/triage-corpus.js"
import { compare, fmt } from "../../../scripts/benchkit.js"

// Texts of 300 to 2,000 characters: consecutive corpus appeals joined until a target length that
// cycles through the range, so every run measures the same data.
const texts: Array<string> = []
for (let i = 0, target = 300; texts.length < 400; i++, target = 300 + ((target + 437) % 1701)) {
  let t = ""
  for (let j = i; t.length < target; j++) t += (t === "" ? "" : " ") + corpus[j % corpus.length]!.text
  texts.push(t.slice(0, Math.max(target, 300)).slice(0, 2000))
}
const chars = texts.reduce((n, t) => n + t.length, 0)
console.log(`${texts.length} texts, ${fmt(chars / texts.length)} characters on average (min ${Math.min(...texts.map((t) => t.length))}, max ${Math.max(...texts.map((t) => t.length))})`)

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")
const baseline = Taxonomy.defaults.categories.flatMap((c) => {
  const words = Taxonomy.defaults.rules.filter((r) => r.category === c.code).flatMap((r) => r.match.map((p) => escape(p.replace(/=/g, "").toLowerCase())))
  return words.length === 0 ? [] : [{ code: c.code, re: new RegExp(words.join("|"), "g") }]
})

const regexCategory = (text: string): string => {
  const t = text.toLowerCase()
  let best = "other"
  let bestHits = 0
  for (const { code, re } of baseline) {
    const hits = t.match(re)?.length ?? 0
    if (hits > bestHits) [best, bestHits] = [code, hits]
  }
  return best
}
const accuracy = (f: (t: string) => string) => corpus.filter((i) => f(i.text) === i.category).length / corpus.length
console.log(`category accuracy on the ${corpus.length}-appeal corpus: regex baseline ${(accuracy(regexCategory) * 100).toFixed(1)}%, Triage ${(accuracy((t) => Triage.classify(t).category) * 100).toFixed(1)}%`)

let sink = 0
let k = 0
const regexCase = {
  name: "one precompiled RegExp per category (count hits)",
  run: () => {
    sink += regexCategory(texts[k++ % texts.length]!).length
    return 1
  }
}
const tokensCase = {
  name: "Normalize.tokens only",
  run: () => {
    sink += Normalize.tokens(texts[k++ % texts.length]!).length
    return 1
  }
}
const triageCase = {
  name: "Triage.classify (full result + explanation)",
  run: () => {
    sink += Triage.classify(texts[k++ % texts.length]!).ruleIds.length
    return 1
  }
}

const full = compare("Triage vs one RegExp per category, appeals per second (one core)", regexCase, triageCase)
compare("Tokenisation share", tokensCase, triageCase)
console.log(`  Triage.classify: ${fmt(full.subject.opsPerSecond)} appeals/s = ${fmt((full.subject.opsPerSecond * chars) / texts.length / 1e6)} M characters/s; ${(1e6 / full.subject.opsPerSecond).toFixed(0)} µs per appeal`)
if (sink === -1) console.log("")
