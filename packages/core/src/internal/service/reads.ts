// Reads: an appeal as the reader may see it, its history and verification, link suggestions, and
// erasure of personal data.
import { Effect, Option, Schema } from "effect"
import * as Actor from "../../Actor.js"
import * as Appeal from "../../Appeal.js"
import type { ActorError, Erasure, LinkSuggestions, ReadError, View } from "../../AppealService.js"
import * as AppealState from "../../AppealState.js"
import { AppealStore } from "../../AppealStore.js"
import * as Audit from "../../Audit.js"
import * as Decode from "../../Decode.js"
import { DirectoryStore } from "../../DirectoryStore.js"
import type * as Event from "../../Event.js"
import * as Lifecycle from "../../Lifecycle.js"
import * as Policy from "../../Policy.js"
import * as Similarity from "../../Similarity.js"
import * as PersonalData from "../personalData.js"
import * as Trust from "../trust.js"
import { nowIso, readAs } from "./base.js"

export const get = (appealId: string, actor: Actor.Subject): Effect.Effect<View, ReadError, AppealStore | DirectoryStore> =>
  Effect.gen(function* () {
    const { who, state } = yield* readAs(appealId, actor, "read")
    const personal = yield* Effect.flatMap(AppealStore, (s) => s.personal(state.appealId))
    const masked = !Policy.seesPersonalData(who)
    const texts = PersonalData.textsFor(yield* Effect.flatMap(AppealStore, (s) => s.texts(state.appealId)), masked)
    return { state, personal: Option.getOrUndefined(Option.map(personal, (p) => (masked ? Policy.mask(p) : p))), texts, masked }
  })

export const history = (
  appealId: string,
  actor: Actor.Subject
): Effect.Effect<ReadonlyArray<Event.AppealEvent>, ReadError, AppealStore | DirectoryStore> =>
  Effect.flatMap(readAs(appealId, actor, "history"), ({ state }) => Effect.flatMap(AppealStore, (s) => s.events(state.appealId)))

export const verify = (
  appealId: string,
  actor: Actor.Subject
): Effect.Effect<Audit.Verification & { readonly projectionMatches: boolean }, ReadError, AppealStore | DirectoryStore> =>
  Effect.gen(function* () {
    const { state } = yield* readAs(appealId, actor, "verify")
    const events = yield* Effect.flatMap(AppealStore, (s) => s.events(state.appealId))
    const verification = Audit.verifyChain(events, { seq: state.version, hash: state.lastHash })
    const projectionMatches = Audit.canonical(Lifecycle.replay(state.appealId, events)) === Audit.canonical(state)
    return { ...verification, projectionMatches }
  })

export const openStatuses: ReadonlyArray<AppealState.Status> = ["received", "registered", "triaged", "assigned", "inReview", "awaitingApplicant"]

export const SuggestOptions = Schema.Struct({ limit: Schema.optional(Schema.Int.pipe(Schema.between(1, 1000))) })

export const suggestLinks = (
  input: unknown,
  actor: Actor.Subject,
  options: { readonly limit?: number; readonly settings?: Similarity.Settings } = {}
): Effect.Effect<LinkSuggestions, ActorError, AppealStore | DirectoryStore> =>
  Effect.gen(function* () {
    const intake = yield* Decode.unknown(Appeal.Intake, "Appeal")(input)
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

export const erasePersonal = (appealId: string, actor: Actor.Subject): Effect.Effect<Erasure, ReadError, AppealStore | DirectoryStore> =>
  Effect.flatMap(readAs(appealId, actor, "erasePersonal"), ({ who, state }) => PersonalData.erase(state, who))
