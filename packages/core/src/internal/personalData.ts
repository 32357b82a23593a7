// The service side of the personal-data record: showing an appeal's texts to a reader, and erasing
// an appeal's personal data with the copies the service made of it (the repeated appeals of its
// disputes). AppealService exposes both; the logic lives here so that the service stays a pipeline.
import { Effect, Option } from "effect"
import * as Actor from "../Actor.js"
import type * as AppealState from "../AppealState.js"
import { AppealStore } from "../AppealStore.js"
import * as Errors from "../Errors.js"
import type * as Event from "../Event.js"
import * as Policy from "../Policy.js"

/** The texts of an appeal's events as a reader may see them: masked for those who may not see personal data. */
export const textsFor = (records: ReadonlyArray<Event.TextRecord>, masked: boolean): ReadonlyArray<Event.TextRecord> =>
  masked
    ? records.map((r) => ({ seq: r.seq, texts: Object.fromEntries(Object.entries(r.texts).map(([field, text]) => [field, Policy.maskText(text)])) }))
    : records

/** What an erasure covered. */
export interface Erasure {
  /** The appeal and every repeated appeal opened by disputing it (transitively), in the order visited. */
  readonly appealIds: ReadonlyArray<string>
  /** Those of them that still had personal data or texts to erase. */
  readonly removed: ReadonlyArray<string>
}

// Who may erase: the operator's retention job (a system actor, in process) and the district chief
// of the appeal's district, as the head of the data controller's unit (ZRU-547 Art. 27: erasure
// when retention ends or consent is withdrawn).
const erasers = ["system", "districtChief"] as const

/**
 * Erases the personal data and texts of an appeal, read by `actor` (already resolved from the
 * directory, and allowed to read it), and of the repeated appeals its disputes opened: they copy
 * the applicant, his place and the dispute's reason, so the person's erasure must reach them.
 */
export const erase = (
  state: AppealState.AppealState,
  actor: Actor.Actor
): Effect.Effect<Erasure, Errors.NotAuthorized | Errors.StoreError, AppealStore> =>
  Effect.gen(function* () {
    const verdict = Policy.check(erasers, actor, state)
    if (!verdict.ok) return yield* Effect.fail(new Errors.NotAuthorized({ actor: Actor.label(actor), command: "erasePersonal", reason: verdict.reason }))
    const store = yield* AppealStore
    const appealIds: Array<string> = []
    const removed: Array<string> = []
    const queue: Array<AppealState.AppealState> = [state]
    const seen = new Set<string>([state.appealId])
    while (queue.length > 0) {
      const s = queue.shift()!
      appealIds.push(s.appealId)
      if (yield* store.erasePersonal(s.appealId)) removed.push(s.appealId)
      for (const repeatId of s.disputedBy) {
        if (seen.has(repeatId)) continue
        seen.add(repeatId)
        const repeat = yield* store.load(repeatId)
        if (Option.isSome(repeat)) queue.push(repeat.value)
      }
    }
    return { appealIds, removed }
  })
