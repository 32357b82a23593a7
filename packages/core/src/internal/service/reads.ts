// Reads: an appeal as the reader may see it, its history and verification, and erasure of
// personal data (link suggestions are `suggestions.ts`).
import { Effect, Option } from "effect"
import * as Actor from "../../Actor.js"
import type { Erasure, ReadError, View } from "../../AppealService.js"
import * as AppealState from "../../AppealState.js"
import { AppealStore } from "../../AppealStore.js"
import * as Audit from "../../Audit.js"
import { DirectoryStore } from "../../DirectoryStore.js"
import type * as Event from "../../Event.js"
import * as Lifecycle from "../../Lifecycle.js"
import * as Policy from "../../Policy.js"
import * as PersonalData from "../personalData.js"
import { readAs } from "./base.js"

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
    const projectionMatches = AppealState.matchesReplay(state, Lifecycle.replay(state.appealId, events))
    return { ...verification, projectionMatches }
  })

export const erasePersonal = (appealId: string, actor: Actor.Subject): Effect.Effect<Erasure, ReadError, AppealStore | DirectoryStore> =>
  Effect.flatMap(readAs(appealId, actor, "erasePersonal"), ({ who, state }) => PersonalData.erase(state, who))
