// Link suggestions for an intake: the open appeals of the same mahalla or the same applicant with
// similar text; a reader sees those he may read, and of the others only how many there are.
import { Effect, Option, Schema } from "effect"
import type * as Actor from "../../Actor.js"
import * as Appeal from "../../Appeal.js"
import type { ActorError, LinkSuggestions } from "../../AppealService.js"
import * as AppealState from "../../AppealState.js"
import { AppealStore } from "../../AppealStore.js"
import * as Decode from "../../Decode.js"
import type { DirectoryStore } from "../../DirectoryStore.js"
import * as Policy from "../../Policy.js"
import * as Similarity from "../../Similarity.js"
import * as Trust from "../trust.js"
import { nowIso } from "./base.js"
import { decodeIntake } from "./intake.js"

// The statuses in which an appeal is open, as the store queries them.
const openStatuses: ReadonlyArray<AppealState.Status> = [...AppealState.open]

export const SuggestOptions = Schema.Struct({ limit: Schema.optional(Schema.Int.pipe(Schema.between(1, 1000))) })

export const suggestLinks = (
  input: unknown,
  actor: Actor.Subject,
  options: { readonly limit?: number; readonly settings?: Similarity.Settings } = {}
): Effect.Effect<LinkSuggestions, ActorError, AppealStore | DirectoryStore> =>
  Effect.gen(function* () {
    const intake = yield* decodeIntake(input)
    const { limit = 500 } = yield* Decode.unknown(SuggestOptions, "options")({ limit: options?.limit })
    const who = yield* Trust.resolveActor(actor, "suggestLinks")
    const applicantRef = who._tag === "applicant" ? who.applicantRef : intake.applicantRef
    const now = yield* nowIso
    const store = yield* AppealStore
    const near = yield* store.query({ mahallaCode: intake.location.mahallaCode, status: openStatuses, limit })
    const own = applicantRef === undefined ? { items: [] } : yield* store.query({ applicantRef, status: openStatuses, limit })
    const states = new Map([...near.items, ...own.items].map((st) => [st.appealId, st]))
    const candidates: Array<Similarity.Candidate> = []
    for (const st of states.values()) {
      const personal = yield* store.personal(st.appealId)
      if (Option.isNone(personal)) continue
      candidates.push({
        id: st.appealId,
        ...(st.applicantRef !== undefined ? { applicantId: st.applicantRef } : {}),
        ...(st.mahallaCode !== undefined ? { mahallaCode: st.mahallaCode } : {}),
        text: personal.value.text.body,
        receivedAt: st.receivedAt ?? now,
        open: true
      })
    }
    const all = Similarity.suggest(
      {
        id: "(new)",
        ...(applicantRef !== undefined ? { applicantId: applicantRef } : {}),
        mahallaCode: intake.location.mahallaCode,
        text: intake.text.body,
        receivedAt: intake.receivedAt ?? now,
        open: true
      },
      candidates,
      options?.settings
    )
    const readable = all.filter((sug) => Policy.canRead(who, states.get(sug.appealId)!))
    return { suggestions: readable, similarElsewhere: all.length - readable.length }
  })

