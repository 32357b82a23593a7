/**
 * The Effect API: the same appeal as a program of the `AppealService`, provided here with the
 * service on in-memory ports (swap in `@murojaat/postgres`'s `layerPg` for production).
 *
 * Run: `pnpm --filter @murojaat/example-quickstart effect`
 */
import { pathToFileURL } from "node:url"
import { Actor, AppealService } from "@murojaat/core"
import { Effect } from "effect"
import { appeal, directory } from "./world.js"

export const program = Effect.gen(function* () {
  const received = yield* AppealService.submit(appeal, Actor.applicant("smart-mahalla:u-42"))
  // Officers act by id (the subject an app authenticated); the service takes their roles and
  // mahallas from the directory at the time of each command.
  const chief = Actor.officer("O-301")
  const inspector = Actor.officer("O-101")
  if (received.state.status === "triaged") {
    yield* AppealService.execute({ type: "assign", appealId: received.appealId, officerId: "O-101" }, chief)
  }
  yield* AppealService.execute({ type: "startReview", appealId: received.appealId }, inspector)
  // Typed errors are values: catch one by its code.
  const refusal = yield* AppealService.execute({ type: "close", appealId: received.appealId }, inspector).pipe(
    Effect.map(() => undefined),
    Effect.catchTag("InvalidTransition", (e) => Effect.succeed(`${e._tag}: ${e.message}`))
  )
  const answered = yield* AppealService.execute(
    { type: "answer", appealId: received.appealId, outcome: "satisfied", answerText: "Chiroqlar tuzatildi.", legalBasis: "ZRU-445 Art. 28" },
    inspector
  )
  const verified = yield* AppealService.verify(received.appealId, Actor.auditor("AUD-1"))
  return { appealId: received.appealId, status: answered.state.status, refusal, chainOk: verified.ok && verified.projectionMatches }
})

// The service reads its configuration once, when the layer is built.
export const layer = AppealService.layerMemory(directory, { pipeline: AppealService.rulesPipeline() })

export const main = () => Effect.runPromise(program.pipe(Effect.provide(layer)))

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  main().then((r) => console.log(JSON.stringify(r, null, 2)))
}
