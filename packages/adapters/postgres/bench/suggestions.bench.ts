/**
 * Link suggestions before submission on PostgreSQL (DATABASE_URL, else the embedded server): a new
 * appeal in a mahalla of 500 open appeals, through `AppealService.suggestLinks` (the candidates'
 * personal data and stored comparison profiles in one round trip, `AppealStore.personalMany`),
 * against the earlier wiring in the same process (one personal-data round trip per candidate,
 * `Similarity.suggest`), sequential requests, rounds alternating, medians. The first request
 * derives and stores the profiles and is printed apart. The district is the core benchmark's
 * (packages/core/bench/suggestionsWorld.ts).
 *
 * Run: npx tsx scripts/bench.ts suggestions
 */
import { Actor, AppealService, DirectoryStore, Sample } from "@murojaat/core"
import { PgStore } from "@murojaat/postgres"
import { Testing } from "@murojaat/postgres/testing"
import { Effect } from "effect"
import { before, district, PER, queries } from "../../../core/bench/suggestionsWorld.js"
import { fmt } from "../../../../scripts/benchkit.js"

const ROUNDS = 3
const PER_ROUND = 20

const median = (xs: ReadonlyArray<number>) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!

const program = Effect.scoped(
  Effect.gen(function* () {
    const db = yield* Testing.database()
    return yield* Effect.gen(function* () {
      yield* Effect.flatMap(DirectoryStore.DirectoryStore, (d) => d.replace(Sample.directory))
      let t = performance.now()
      for (const [i, intake] of district.entries()) yield* AppealService.submit(intake, Actor.applicant(`u-${i % 300}`))
      console.log(`${fmt(PER)} open appeals submitted in one mahalla (${db.kind} PostgreSQL) in ${fmt(performance.now() - t)} ms`)
      const asker = Actor.applicant("u-7")
      t = performance.now()
      yield* AppealService.suggestLinks(queries[0]!, asker)
      console.log(`first request (derives and stores ${fmt(PER)} comparison profiles): ${fmt(performance.now() - t)} ms`)
      let k = 0
      // Mean ms per request over `PER_ROUND` sequential requests.
      const round = <A, E, R>(one: (q: (typeof queries)[number]) => Effect.Effect<A, E, R>) =>
        Effect.gen(function* () {
          const start = performance.now()
          for (let i = 0; i < PER_ROUND; i++) yield* one(queries[k++ % queries.length]!)
          return (performance.now() - start) / PER_ROUND
        })
      const earlier = before
      const now = (q: (typeof queries)[number]) => AppealService.suggestLinks(q, asker)
      yield* round(earlier)
      yield* round(now)
      const b: Array<number> = []
      const s: Array<number> = []
      for (let i = 0; i < ROUNDS; i++) {
        b.push(yield* round(earlier))
        s.push(yield* round(now))
      }
      console.log("link suggestions for a new appeal in a mahalla of 500 open appeals, PostgreSQL")
      console.log(`  baseline  before: a round trip per candidate, Similarity.suggest  ${median(b).toFixed(2)} ms per request`)
      console.log(`  subject   AppealService.suggestLinks (one round trip, stored profiles)  ${median(s).toFixed(2)} ms per request`)
      console.log(`  ratio subject/baseline (requests per second): ${(median(b) / median(s)).toFixed(3)}`)
    }).pipe(Effect.provide(PgStore.layerPg({ url: db.url, migrate: true })))
  })
)

Effect.runPromise(program).catch((e) => {
  console.error(e)
  process.exit(1)
})
