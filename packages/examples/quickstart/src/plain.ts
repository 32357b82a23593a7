/**
 * The async facade, as a plain Node (Express, NestJS) app would use it: every call resolves with
 * data or rejects with a typed error whose `_tag` is the stable code.
 *
 * Run: `pnpm --filter @murojaat/example-quickstart plain`
 */
import { pathToFileURL } from "node:url"
import { Actor, AppealService, Errors, Facade } from "@murojaat/core"
import { appeal, directory } from "./world.js"

export const main = async () => {
  const murojaat = Facade.make({ directory, config: { pipeline: AppealService.rulesPipeline() } })
  try {
    const citizen = Actor.applicant("smart-mahalla:u-42")
    const received = await murojaat.submit(appeal, citizen, { idempotencyKey: "app-request-0001" })
    // Officers act by id: the directory gives their roles and mahallas at the time of each command.
    const inspector = Actor.officer("O-101")
    if (received.state.status === "triaged") {
      // The rules were not sure enough to assign alone: the chief assigns.
      await murojaat.execute({ type: "assign", appealId: received.appealId, officerId: "O-101" }, Actor.officer("O-301"))
    }
    await murojaat.execute({ type: "startReview", appealId: received.appealId }, inspector)
    let refusal: string | undefined
    try {
      await murojaat.execute({ type: "close", appealId: received.appealId }, inspector)
    } catch (e) {
      if (!Errors.isMurojaatError(e)) throw e
      refusal = `${e._tag}: ${Errors.messageIn(e, "uz-Latn")}`
    }
    const answered = await murojaat.execute(
      { type: "answer", appealId: received.appealId, outcome: "satisfied", answerText: "Chiroqlar tuzatildi.", legalBasis: "ZRU-445 Art. 28" },
      inspector
    )
    const verified = await murojaat.verify(received.appealId, Actor.auditor("AUD-1"))
    return { appealId: received.appealId, status: answered.state.status, refusal, chainOk: verified.ok && verified.projectionMatches }
  } finally {
    await murojaat.dispose()
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  main().then((r) => console.log(JSON.stringify(r, null, 2)))
}
