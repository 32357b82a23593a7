/**
 * The district and the earlier wiring the suggestion benchmarks share (packages/core/bench and
 * packages/adapters/postgres/bench): 500 open appeals in one mahalla (texts of the duplicates
 * corpus, addresses on 20 streets), 50 new appeals to suggest for, and the link suggestions as
 * they were read and compared before `Duplicates`: the mahalla's and the applicant's open appeals,
 * each one's personal data read on its own, compared by `Similarity.suggest` (bags of stems).
 */
import { readFileSync } from "node:fs"
import { Effect, Option } from "effect"
import { AppealState, AppealStore, Sample, Similarity } from "../src/index.js"

const texts = readFileSync(new URL("../test/fixtures/duplicates/train.jsonl", import.meta.url), "utf8")
  .split("\n")
  .filter((l) => l.trim() !== "")
  .flatMap((l) => {
    const p = JSON.parse(l) as { a: { text: string }; b: { text: string } }
    return [p.a.text, p.b.text]
  })
const streets = ["Navoiy", "Bodomzor", "Minor", "Shahriobod", "Niyozbek", "Sayram", "Chinor", "Gulzor", "Qashqar", "Shodlik", "Olmazor", "Yangiobod", "Beruniy", "Sebzor", "Chilonzor", "Labzak", "Zarqaynar", "Oqtepa", "Uchtepa", "Qoraqamish"]

/** Open appeals in the mahalla. */
export const PER = 500

/** The i-th intake of the district, with a text. */
export const intakeOf = (i: number, text: string) => ({
  ...Sample.intake,
  location: { ...Sample.intake.location, address: `${streets[i % streets.length]} koʻchasi ${1 + (i % 37)}-uy` },
  text: { body: text }
})

/** The intakes submitted (applicant `u-(i % 300)`). */
export const district = Array.from({ length: PER }, (_, i) => intakeOf(i, texts[i % texts.length]!))

/** The new appeals suggestions are asked for, by applicant u-7. */
export const queries = Array.from({ length: 50 }, (_, i) => intakeOf(i * 7, texts[(i * 13 + 1) % texts.length]!))

/** The earlier wiring, as it read and compared before Duplicates (one personal read per candidate, Similarity.suggest). */
export const before = (intake: (typeof queries)[number]) =>
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
