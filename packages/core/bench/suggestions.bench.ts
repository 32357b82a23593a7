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
import { ManagedRuntime } from "effect"
import { Actor, AppealService, Sample } from "../src/index.js"
import { compare, fmt } from "../../../scripts/benchkit.js"
import { before, district, PER, queries } from "./suggestionsWorld.js"

const runtime = ManagedRuntime.make(AppealService.layerMemory(Sample.directory))
let t = performance.now()
for (const [i, intake] of district.entries()) runtime.runSync(AppealService.submit(intake, Actor.applicant(`u-${i % 300}`)))
console.log(`${fmt(PER)} open appeals submitted in one mahalla in ${fmt(performance.now() - t)} ms`)
const asker = Actor.applicant("u-7")

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
