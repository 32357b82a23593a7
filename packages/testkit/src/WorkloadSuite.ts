/**
 * Workload: `AppealStore.workload` counts the district's appeals in the given statuses that
 * someone holds, by officer and priority, in `sortWorkload` order; the loads automatic
 * assignment computes from those counts are the loads of the appeals themselves, as `query`
 * returns them (what assignment read before the aggregate).
 *
 * @example
 * import { WorkloadSuite } from "@murojaat/testkit"
 * WorkloadSuite.register
 */
import { describe, expect } from "@effect/vitest"
import { type AppealState, AppealStore, Assignment } from "@murojaat/core"
import { Effect, FastCheck as fc } from "effect"
import type { Adapter } from "./Adapter.js"
import { freshId, type It, newAppeal, outboxOf, runsOf, timeoutOf } from "./internal/support.js"

const statuses: ReadonlyArray<AppealState.Status> = ["registered", "triaged", "assigned", "inReview", "awaitingApplicant", "answered", "closed"]
const priorities = ["urgent", "high", "normal", "low"] as const
const held: ReadonlyArray<AppealState.Status> = ["assigned", "inReview", "awaitingApplicant"]

interface Row {
  readonly district: number
  readonly officer: number | undefined
  readonly priority: (typeof priorities)[number] | undefined
  readonly status: AppealState.Status
}

const row = fc.record({
  district: fc.integer({ min: 0, max: 1 }),
  officer: fc.option(fc.integer({ min: 0, max: 3 }), { nil: undefined }),
  priority: fc.option(fc.constantFrom(...priorities), { nil: undefined }),
  status: fc.constantFrom(...statuses)
})

// Every appeal the query-based reading returned, page after page (the reading the aggregate replaces).
const heldAppeals = (districtCode: string, status: ReadonlyArray<AppealState.Status>) =>
  Effect.gen(function* () {
    const store = yield* AppealStore.AppealStore
    const out: Array<AppealState.AppealState> = []
    let after: string | undefined
    for (let guard = 0; guard < 1000; guard++) {
      const page = yield* store.query({ districtCode, status, limit: 7, ...(after !== undefined ? { after } : {}) })
      out.push(...page.items)
      if (page.next === undefined) break
      after = page.next
    }
    return out
  })

/**
 * Registers the workload tests.
 *
 * @example
 * import { WorkloadSuite } from "@murojaat/testkit"
 * WorkloadSuite.register
 */
export const register = (it: It, adapter: Adapter): void => {
  describe("workload", () => {
    it.effect.prop(
      "counts by officer and priority are the held appeals of the district, and weigh as the appeals themselves",
      [fc.array(row, { maxLength: 40 }), fc.subarray([...statuses])],
      ([rows, status]) =>
        Effect.gen(function* () {
          // A population of its own per run: districts and officers no other run uses.
          const tag = freshId("wk")
          const districts = [`${tag}-D0`, `${tag}-D1`]
          const officer = (i: number) => `${tag}-O${i}`
          const store = yield* AppealStore.AppealStore
          for (const r of rows) {
            const w = newAppeal(freshId("wa"), {
              districtCode: districts[r.district]!,
              status: r.status,
              ...(r.officer !== undefined ? { assigneeId: officer(r.officer) } : {}),
              ...(r.priority !== undefined ? { priority: r.priority } : {})
            })
            yield* store.commit({ streams: [w], outbox: outboxOf(w.events) })
          }
          for (const [d, districtCode] of districts.entries()) {
            // The oracle: the generated rows themselves, counted by hand.
            const expected = new Map<string, { officerId: string; priority?: string; count: number }>()
            for (const r of rows) {
              if (r.district !== d || r.officer === undefined || !status.includes(r.status)) continue
              const key = `${r.officer}/${r.priority ?? ""}`
              const e = expected.get(key) ?? { officerId: officer(r.officer), ...(r.priority !== undefined ? { priority: r.priority } : {}), count: 0 }
              expected.set(key, { ...e, count: e.count + 1 })
            }
            const key = (a: { officerId: string; priority?: string }) => `${a.officerId} ${a.priority ?? ""}`
            const byOrder = (a: { officerId: string; priority?: string }, b: { officerId: string; priority?: string }) => (key(a) < key(b) ? -1 : 1)
            const actual = yield* store.workload(districtCode, status)
            expect(actual).toEqual([...expected.values()].sort(byOrder))
          }
          // What assignment balances on is unchanged: the loads of the appeals it used to read.
          const open = (yield* heldAppeals(districts[0]!, held)).flatMap((s) =>
            s.assigneeId === undefined ? [] : [{ officerId: s.assigneeId, priority: s.priority ?? ("normal" as const) }]
          )
          expect(Assignment.loadsFromCounts(yield* store.workload(districts[0]!, held))).toEqual(Assignment.loads(open))
        }),
      { timeout: timeoutOf(adapter), fastCheck: { numRuns: runsOf(adapter), endOnFailure: true } }
    )

    it.effect(
      "no statuses count nothing; an unknown district has no workload",
      () =>
        Effect.gen(function* () {
          const store = yield* AppealStore.AppealStore
          const d = freshId("wkd")
          const w = newAppeal(freshId("wa"), { districtCode: d, status: "assigned", assigneeId: freshId("wko"), priority: "high" })
          yield* store.commit({ streams: [w], outbox: outboxOf(w.events) })
          expect(yield* store.workload(d, [])).toEqual([])
          expect(yield* store.workload(freshId("nowhere"), held)).toEqual([])
          expect((yield* store.workload(d, held)).map((r) => r.count)).toEqual([1])
        }),
      timeoutOf(adapter)
    )
  })
}
