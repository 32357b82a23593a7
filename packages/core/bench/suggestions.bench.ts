/**
 * The service's link suggestions before submission (`AppealService.suggestLinks`, by `Duplicates`)
 * for a new appeal in a mahalla of 500 open appeals (texts of the duplicates corpus, addresses on
 * 20 streets) on the in-memory store, against the earlier wiring in the same process: the same
 * store reads (the mahalla's and the applicant's open appeals, each one's personal data, one read
 * per candidate) compared by `Similarity.suggest` (bags of stems). What the new wiring adds is the
 * applicant's answered appeals, each candidate's due time, and Duplicates' comparison with its
 * explanations; it reads the candidates' personal data in one call, with the comparison profile
 * stored in each record (`AppealStore.personalMany`). The first request derives and stores the
 * profiles (printed apart); the measured ones read them back, as every later request does.
 *
 * Run: npx tsx scripts/bench.ts suggestions
 */
import { readFileSync } from "node:fs"
import { Effect, ManagedRuntime, Option } from "effect"
import { Actor, AppealService, AppealState, AppealStore, Sample, Similarity } from "../src/index.js"
import { compare, fmt } from "../../../scripts/benchkit.js"

const texts = readFileSync(new URL("../test/fixtures/duplicates/train.jsonl", import.meta.url), "utf8")
  .split("\n")
  .filter((l) => l.trim() !== "")
  .flatMap((l) => {
    const p = JSON.parse(l) as { a: { text: string }; b: { text: string } }
    return [p.a.text, p.b.text]
  })
const streets = ["Navoiy", "Bodomzor", "Minor", "Shahriobod", "Niyozbek", "Sayram", "Chinor", "Gulzor", "Qashqar", "Shodlik", "Olmazor", "Yangiobod", "Beruniy", "Sebzor", "Chilonzor", "Labzak", "Zarqaynar", "Oqtepa", "Uchtepa", "Qoraqamish"]
const PER = 500
const intakeOf = (i: number, text: string) => ({
  ...Sample.intake,
  location: { ...Sample.intake.location, address: `${streets[i % streets.length]} koʻchasi ${1 + (i % 37)}-uy` },
  text: { body: text }
})

const runtime = ManagedRuntime.make(AppealService.layerMemory(Sample.directory))
let t = performance.now()
for (let i = 0; i < PER; i++) runtime.runSync(AppealService.submit(intakeOf(i, texts[i % texts.length]!), Actor.applicant(`u-${i % 300}`)))
console.log(`${fmt(PER)} open appeals submitted in one mahalla in ${fmt(performance.now() - t)} ms`)

const queries = Array.from({ length: 50 }, (_, i) => intakeOf(i * 7, texts[(i * 13 + 1) % texts.length]!))
const asker = Actor.applicant("u-7")

// The earlier wiring, as it read and compared before Duplicates (same reads, Similarity.suggest).
const before = (intake: (typeof queries)[number]) =>
  Effect.gen(function* () {
    const store = yield* AppealStore.AppealStore
    const open = [...AppealState.open]
    const near = yield* store.query({ mahallaCode: intake.location.mahallaCode, status: open, limit: 500 })
    const own = yield* store.query({ applicantRef: "u-7", status: open, limit: 500 })
    const states = new Map([...near.items, ...own.items].map((st) => [st.appealId, st]))
    const candidates: Array<Similarity.Candidate> = []
    for (const st of states.values()) {
      const personal = yield* store.personal(st.appealId)
      if (Option.isNone(personal)) continue
      candidates.push({ id: st.appealId, ...(st.applicantRef !== undefined ? { applicantId: st.applicantRef } : {}), ...(st.mahallaCode !== undefined ? { mahallaCode: st.mahallaCode } : {}), text: personal.value.text.body, receivedAt: st.receivedAt!, open: true })
    }
    return Similarity.suggest({ id: "(new)", applicantId: "u-7", mahallaCode: intake.location.mahallaCode, text: intake.text.body, receivedAt: new Date().toISOString(), open: true }, candidates)
  })

// The first request after the 500 submissions derives every candidate's profile and stores it.
t = performance.now()
runtime.runSync(AppealService.suggestLinks(queries[0]!, asker))
console.log(`first request (derives and stores 500 comparison profiles): ${fmt(performance.now() - t)} ms`)

let k = 0
let sink = 0
const r = compare(
  "link suggestions for a new appeal in a mahalla of 500 open appeals",
  { name: "before: the same reads, Similarity.suggest", run: () => ((sink += runtime.runSync(before(queries[k++ % queries.length]!)).length), 1) },
  { name: "AppealService.suggestLinks (Duplicates)", run: () => ((sink += runtime.runSync(AppealService.suggestLinks(queries[k++ % queries.length]!, asker)).suggestions.length), 1) },
  3000
)
console.log(`  suggestLinks: ${(1000 / r.subject.opsPerSecond).toFixed(2)} ms per new appeal; before: ${(1000 / r.baseline.opsPerSecond).toFixed(2)} ms`)
void runtime.dispose()
if (sink < 0) console.log(sink)
