/**
 * Worklist: the due-ordered queries (`Worklist` port) over what commits wrote with `dueAt`. An
 * officer's open appeals come due first on top, those without a running clock last; overdue and
 * soon-due lists hold exactly the open appeals of the area due before `now`, or from `now` to
 * `until`; keyset pages put together give the whole list; a commit without `dueAt` keeps the due
 * time, one with `null` clears it.
 *
 * @example
 * import { WorklistSuite } from "@murojaat/testkit"
 * WorklistSuite.register
 */
import { describe, expect } from "@effect/vitest"
import { type AppealState, AppealStore, Worklist } from "@murojaat/core"
import { Effect, Option } from "effect"
import type { Adapter } from "./Adapter.js"
import { advance, escalation, freshId, type It, newAppeal, outboxOf, seal, timeoutOf } from "./internal/support.js"

const put = (fields: Partial<AppealState.AppealState>, dueAt: string | null | undefined) =>
  Effect.gen(function* () {
    const w = { ...newAppeal(freshId("wl"), { status: "assigned", ...fields }), dueAt }
    yield* Effect.flatMap(AppealStore.AppealStore, (s) => s.commit({ streams: [w], outbox: outboxOf(w.events) }))
    return w.appealId
  })

const allPages = (fetch: (after: Worklist.DueCursor | undefined) => Effect.Effect<Worklist.DuePage, unknown, Worklist.Worklist>) =>
  Effect.gen(function* () {
    const out: Array<string> = []
    let after: Worklist.DueCursor | undefined
    for (let guard = 0; guard < 100; guard++) {
      const page = yield* fetch(after)
      out.push(...page.items.map((s) => s.appealId))
      if (page.next === undefined) break
      after = page.next
    }
    return out
  })

const day = (d: number) => `2026-04-${String(d).padStart(2, "0")}T10:00:00.000Z`

/**
 * Registers the worklist tests.
 *
 * @example
 * import { WorklistSuite } from "@murojaat/testkit"
 * WorklistSuite.register
 */
export const register = (it: It, adapter: Adapter): void => {
  describe("worklist", () => {
    it.effect(
      "an officer's open appeals come due first on top, those with no due time last, across keyset pages",
      () =>
        Effect.gen(function* () {
          const officer = freshId("officer")
          const late = yield* put({ assigneeId: officer }, day(20))
          const none1 = yield* put({ assigneeId: officer }, null)
          const soon = yield* put({ assigneeId: officer }, day(2))
          const none2 = yield* put({ assigneeId: officer }, undefined)
          const same1 = yield* put({ assigneeId: officer }, day(9))
          const same2 = yield* put({ assigneeId: officer }, day(9))
          yield* put({ assigneeId: officer, status: "closed" }, day(1))
          yield* put({ assigneeId: freshId("other") }, day(1))
          const worklist = yield* Worklist.Worklist
          // Ties are ordered by appeal id in code units ("…-100" before "…-99"), not by creation.
          const expected = [soon, ...[same1, same2].sort(), late, ...[none1, none2].sort()]
          for (const limit of [1, 2, 3, 10]) expect(yield* allPages((after) => worklist.worklist(officer, { after, limit }))).toEqual(expected)
        }),
      timeoutOf(adapter)
    )

    it.effect(
      "overdue and soon-due lists by district and by mahalla hold exactly the open appeals due in range",
      () =>
        Effect.gen(function* () {
          const d = freshId("district")
          const m1 = `${d}-m1`
          const m2 = `${d}-m2`
          const over1 = yield* put({ districtCode: d, mahallaCode: m1 }, day(1))
          const over2 = yield* put({ districtCode: d, mahallaCode: m2 }, day(3))
          const soon = yield* put({ districtCode: d, mahallaCode: m2 }, day(6))
          const edge = yield* put({ districtCode: d, mahallaCode: m1 }, day(8))
          yield* put({ districtCode: d, mahallaCode: m2 }, day(25))
          yield* put({ districtCode: d, mahallaCode: m1 }, null)
          yield* put({ districtCode: d, mahallaCode: m1, status: "answered" }, day(1))
          const worklist = yield* Worklist.Worklist
          const now = day(5)
          expect(yield* allPages((after) => worklist.overdue({ districtCode: d }, now, { after, limit: 1 }))).toEqual([over1, over2])
          expect(yield* allPages((after) => worklist.overdue({ mahallaCode: m2 }, now, { after }))).toEqual([over2])
          expect(yield* allPages((after) => worklist.soonDue({ districtCode: d }, now, day(8), { after, limit: 1 }))).toEqual([soon, edge])
          expect(yield* allPages((after) => worklist.soonDue({ mahallaCode: m1 }, now, day(8), { after }))).toEqual([edge])
        }),
      timeoutOf(adapter)
    )

    it.effect(
      "a commit without dueAt keeps the due time; with null it clears it; closing takes the appeal off the lists",
      () =>
        Effect.gen(function* () {
          const officer = freshId("officer")
          const id = yield* put({ assigneeId: officer, districtCode: officer }, day(2))
          const store = yield* AppealStore.AppealStore
          const worklist = yield* Worklist.Worklist
          const step = (dueAt: string | null | undefined, status?: AppealState.Status) =>
            Effect.gen(function* () {
              const state = Option.getOrThrow(yield* store.load(id))
              const events = seal(state, id, [escalation("step")])
              const next = { ...advance(state, events), ...(status === undefined ? {} : { status }) }
              yield* store.commit({ streams: [{ appealId: id, expectedVersion: state.version, events, state: next, dueAt }], outbox: outboxOf(events) })
            })
          yield* step(undefined)
          expect((yield* worklist.overdue({ districtCode: officer }, day(5))).items.map((s) => s.appealId)).toEqual([id])
          yield* step(null)
          expect((yield* worklist.overdue({ districtCode: officer }, day(5))).items).toEqual([])
          expect((yield* worklist.worklist(officer)).next).toBeUndefined()
          expect((yield* worklist.worklist(officer)).items.map((s) => s.appealId)).toEqual([id])
          yield* step(day(3), "closed")
          expect((yield* worklist.worklist(officer)).items).toEqual([])
        }),
      timeoutOf(adapter)
    )
  })
}
