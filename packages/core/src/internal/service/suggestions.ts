// Link suggestions for an intake, by `Duplicates`: the candidates are the open appeals of the same
// mahalla and of the same applicant, and the applicant's answered appeals within the repeat window
// (so that a repeated appeal in the sense of ZRU-445 can be suggested); each is compared with its
// place, status and due time, and only what is not `distinct` is suggested. A reader sees the
// suggestions he may read; of the others only how many there are, and whether one of them is an
// open appeal of the same category at the same place.
import { Effect, Either, Schema } from "effect"
import type * as Actor from "../../Actor.js"
import type * as Appeal from "../../Appeal.js"
import type { ActorError, LinkSuggestions } from "../../AppealService.js"
import * as AppealState from "../../AppealState.js"
import * as AppealStore from "../../AppealStore.js"
import * as Decode from "../../Decode.js"
import type * as Deadline from "../../Deadline.js"
import type { DirectoryStore } from "../../DirectoryStore.js"
import * as Duplicates from "../../Duplicates.js"
import * as Policy from "../../Policy.js"
import * as Similarity from "../../Similarity.js"
import { statusOfState } from "../deadline/fromState.js"
import * as Trust from "../trust.js"
import { nowIso, Resolver } from "./base.js"
import * as Profile from "./comparisonProfile.js"
import { decodeIntake } from "./intake.js"

// The statuses in which an appeal is open, and those in which it was answered, as the store queries them.
const openStatuses: ReadonlyArray<AppealState.Status> = [...AppealState.open]
const answeredStatuses: ReadonlyArray<AppealState.Status> = ["answered", "closed"]

export const SuggestOptions = Schema.Struct({ limit: Schema.optional(Schema.Int.pipe(Schema.between(1, 1000))) })

// What `suggestLinks` returns: `openAtPlace` is always decided here.
export interface Suggestions extends LinkSuggestions {
  readonly openAtPlace: boolean
}

/**
 * A candidate's status when the new appeal arrives, in `Duplicates`' terms: `answered` once answered
 * (a closed appeal was answered first); `overdue` while open past its consideration term (ZRU-445
 * Art. 28, from the clock facts in its state); else `open`. A state without clock facts (stored
 * before they existed) counts as open: its term is not known here.
 */
export const duplicatesStatus = (state: AppealState.AppealState, at: string, deadlines: Deadline.Options): Duplicates.Status => {
  if (answeredStatuses.includes(state.status)) return "answered"
  const report = statusOfState(state, at, { ...deadlines, explain: false })
  const overdue = report !== undefined && Either.isRight(report) && report.right.clocks.some((c) => c.clock === "consideration" && c.state === "overdue")
  return overdue ? "overdue" : "open"
}

/** The comparison input of a stored appeal: its state's facts and its personal data's address, point and text. */
const candidateOf = (state: AppealState.AppealState, personal: Appeal.Personal, status: Duplicates.Status, fallbackAt: string): Duplicates.Appeal => ({
  applicantRef: state.applicantRef ?? null,
  submittedAt: state.receivedAt ?? fallbackAt,
  status,
  mahallaCode: state.mahallaCode ?? null,
  address: personal.address ?? null,
  lat: personal.point?.lat ?? null,
  lon: personal.point?.lon ?? null,
  text: personal.text.body
})

const daysBetween = (from: string, to: string): number => (Date.parse(to) - Date.parse(from)) / 86_400_000

export const suggestLinks = (
  input: unknown,
  actor: Actor.Subject,
  options: { readonly limit?: number; readonly settings?: Similarity.Settings } = {}
): Effect.Effect<Suggestions, ActorError, AppealStore.AppealStore | DirectoryStore | Resolver> =>
  Effect.gen(function* () {
    const intake = yield* decodeIntake(input)
    const { limit = 500 } = yield* Decode.unknown(SuggestOptions, "options")({ limit: options?.limit })
    const who = yield* Trust.resolveActor(actor, "suggestLinks")
    const applicantRef = who._tag === "applicant" ? who.applicantRef : intake.applicantRef
    const now = yield* nowIso
    const at = intake.receivedAt ?? now
    const settings = options?.settings ?? Similarity.defaultSettings
    const compareWith = settings.duplicates ?? Duplicates.defaultSettings
    const { deadlines } = yield* Effect.flatten(Resolver)
    const store = yield* AppealStore.AppealStore
    const near = yield* store.query({ mahallaCode: intake.location.mahallaCode, status: openStatuses, limit })
    const own = applicantRef === undefined ? [] : (yield* store.query({ applicantRef, status: openStatuses, limit })).items
    // Answered appeals count only within the repeat window: a dispute after it is a new matter.
    const answered =
      applicantRef === undefined
        ? []
        : (yield* store.query({ applicantRef, status: answeredStatuses, limit })).items.filter((st) => {
            const age = st.answeredAt === undefined ? Number.NaN : daysBetween(st.answeredAt, at)
            return age >= 0 && age <= settings.repeatWindowDays
          })
    const states = new Map([...near.items, ...own, ...answered].map((st) => [st.appealId, st]))
    const index = Duplicates.Index.make(compareWith)
    const prepared = new Map<string, Duplicates.Prepared>()
    // One read for every candidate's personal data, with the comparison profile stored in it for
    // this model: deriving a profile (trigrams, concepts, address, triage) is the costly part, so
    // each is derived once and stored back in its personal record, erased with it. An appeal
    // whose personal data was erased is not returned: nothing is left to compare.
    const version = Profile.version()
    const records = yield* store.personalMany([...states.keys()], version ?? "")
    const derived: Array<AppealStore.ProfileWrite> = []
    for (const record of records) {
      const st = states.get(record.appealId)!
      // Overdue or open decides the label only for the applicant's own appeals; for the
      // others it is settled below, for those suggested (the clocks are the costly part).
      const own = applicantRef !== undefined && st.applicantRef === applicantRef
      const status = own ? duplicatesStatus(st, at, deadlines) : answeredStatuses.includes(st.status) ? "answered" : "open"
      const input = candidateOf(st, record.personal, status, now)
      let p = version === undefined || record.profile === undefined ? undefined : Profile.fromStored(record.profile, input)
      if (p === undefined) {
        p = Duplicates.prepare(input)
        const data = version === undefined ? undefined : Profile.toStored(p)
        if (version !== undefined && data !== undefined) derived.push({ appealId: record.appealId, basis: record.basis, version, data })
      }
      prepared.set(record.appealId, p)
      index.add(record.appealId, p)
    }
    // Storing the profiles only spares later requests the work: a store that refuses the write
    // leaves this answer whole (the warning names no appeal and no person).
    if (derived.length > 0) {
      yield* store.saveProfiles(derived).pipe(
        Effect.catchTag("StoreError", (e) => Effect.logWarning(`suggestLinks: comparison profiles not stored (${e.port}: ${e.reason})`))
      )
    }
    const mine = Duplicates.prepare({
      applicantRef: applicantRef ?? null,
      submittedAt: at,
      mahallaCode: intake.location.mahallaCode,
      address: intake.location.address ?? null,
      lat: intake.location.point?.lat ?? null,
      lon: intake.location.point?.lon ?? null,
      text: intake.text.body
    })
    const suggestions: Array<Similarity.Suggestion> = []
    let similarElsewhere = 0
    let openAtPlace = false
    for (const found of index.suggest(mine, compareWith)) {
      const { id } = found
      const st = states.get(id)!
      const p = prepared.get(id)!
      // Another applicant's open appeal past its term: the same label, but the signals say so.
      const comparison =
        p.input.status === "open" && (p.applicant === undefined || p.applicant !== mine.applicant) && duplicatesStatus(st, at, deadlines) === "overdue"
          ? Duplicates.comparePrepared({ ...p, input: { ...p.input, status: "overdue" } }, mine, compareWith)
          : found.comparison
      if (!Policy.canRead(who, st)) {
        similarElsewhere++
        // Not `distinct`, so not told apart by address or coordinates; "other" is no category.
        openAtPlace ||= AppealState.open.has(st.status) && st.mahallaCode === intake.location.mahallaCode && mine.category !== "other" && p.category === mine.category
        continue
      }
      const { label } = comparison
      if (label === "distinct") continue
      const reasons: Array<"sameApplicant" | "samePlace"> = []
      if (applicantRef !== undefined && st.applicantRef === applicantRef) reasons.push("sameApplicant")
      if (st.mahallaCode === intake.location.mahallaCode) reasons.push("samePlace")
      suggestions.push({
        appealId: id,
        kind: label === "duplicate" ? "duplicateOf" : "relatedTo",
        reasons,
        similarity: comparison.score,
        label,
        score: comparison.score,
        ruleId: comparison.ruleId,
        signals: comparison.signals
      })
    }
    return { suggestions, similarElsewhere, openAtPlace }
  })
