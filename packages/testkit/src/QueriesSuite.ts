/**
 * Queries: `AppealStore.query` returns exactly the appeals matching every given filter (mahalla,
 * district, assignee, applicant, category, status), ordered by appeal id, and keyset pages
 * (`after` = previous page's last id) put together give the whole answer; `ids` pages through
 * every appeal in order.
 *
 * @example
 * import { QueriesSuite } from "@murojaat/testkit"
 * QueriesSuite.register
 */
import { describe, expect } from "@effect/vitest"
import { type AppealState, AppealStore } from "@murojaat/core"
import { Effect, FastCheck as fc } from "effect"
import type { Adapter } from "./Adapter.js"
import { freshId, type It, newAppeal, outboxOf, runsOf, timeoutOf } from "./internal/support.js"

const statuses: ReadonlyArray<AppealState.Status> = ["registered", "assigned", "inReview", "answered", "closed"]

interface Fields {
  readonly districtCode: string
  readonly mahallaCode: string
  readonly assigneeId?: string
  readonly applicantRef?: string
  readonly category?: string
  readonly status: AppealState.Status
}

const allPages = (q: AppealStore.Query) =>
  Effect.gen(function* () {
    const store = yield* AppealStore.AppealStore
    const out: Array<string> = []
    let after: string | undefined
    for (let guard = 0; guard < 1000; guard++) {
      const page = yield* store.query({ ...q, ...(after === undefined ? {} : { after }) })
      expect(page.items.length).toBeLessThanOrEqual(q.limit ?? 100)
      out.push(...page.items.map((s) => s.appealId))
      if (page.next === undefined) return out
      after = page.next
    }
    return out
  })

/**
 * Registers the query tests.
 *
 * @example
 * import { QueriesSuite } from "@murojaat/testkit"
 * QueriesSuite.register
 */
export const register = (it: It, adapter: Adapter): void => {
  describe("queries", () => {
    // One population per run, in districts no other run uses.
    const tag = freshId("q")
    const districts = [`${tag}-D1`, `${tag}-D2`]
    const mahallas = [`${tag}-M1`, `${tag}-M2`, `${tag}-M3`]
    const officers = [`${tag}-O1`, `${tag}-O2`]
    const applicants = [`${tag}-U1`, `${tag}-U2`]
    const categories = ["noise", "domestic", "theft"]
    const pick = <A>(xs: ReadonlyArray<A>, i: number) => xs[i % xs.length]!
    const population: ReadonlyArray<{ readonly appealId: string } & Fields> = Array.from({ length: 36 }, (_, i) => ({
      appealId: freshId("qa"),
      districtCode: pick(districts, i),
      mahallaCode: pick(mahallas, i * 7),
      ...(i % 4 === 0 ? {} : { assigneeId: pick(officers, i * 5) }),
      ...(i % 3 === 0 ? {} : { applicantRef: pick(applicants, i * 11) }),
      ...(i % 5 === 0 ? {} : { category: pick(categories, i * 13) }),
      status: pick(statuses, i * 3)
    }))
    const seed = Effect.gen(function* () {
      const store = yield* AppealStore.AppealStore
      if ((yield* store.query({ districtCode: districts[0]!, limit: 1 })).items.length > 0) return
      for (const { appealId, ...fields } of population) {
        const w = newAppeal(appealId, fields)
        yield* store.commit({ streams: [w], outbox: outboxOf(w.events) })
      }
    })
    const maybe = <A>(xs: ReadonlyArray<A>) => fc.option(fc.constantFrom(...xs), { nil: undefined })
    const queries = fc.record({
      districtCode: fc.constantFrom(...districts),
      mahallaCode: maybe(mahallas),
      assigneeId: maybe(officers),
      applicantRef: maybe(applicants),
      category: maybe(categories),
      status: fc.option(fc.subarray([...statuses], { minLength: 1 }), { nil: undefined }),
      limit: fc.integer({ min: 1, max: 9 })
    })

    it.effect.prop(
      "every filter combination returns exactly the matching appeals, in id order, across keyset pages",
      [queries],
      ([q]) =>
        Effect.gen(function* () {
          yield* seed
          const query = Object.fromEntries(Object.entries(q).filter(([, v]) => v !== undefined)) as AppealStore.Query
          const expected = population
            .filter(
              (a) =>
                a.districtCode === q.districtCode &&
                (q.mahallaCode === undefined || a.mahallaCode === q.mahallaCode) &&
                (q.assigneeId === undefined || a.assigneeId === q.assigneeId) &&
                (q.applicantRef === undefined || a.applicantRef === q.applicantRef) &&
                (q.category === undefined || a.category === q.category) &&
                (q.status === undefined || q.status.includes(a.status))
            )
            .map((a) => a.appealId)
            .sort()
          expect(yield* allPages(query)).toEqual(expected)
        }),
      { timeout: timeoutOf(adapter), fastCheck: { numRuns: runsOf(adapter) * 2, endOnFailure: true } }
    )

    it.effect(
      "an empty status list matches nothing; the states returned are the stored ones",
      () =>
        Effect.gen(function* () {
          yield* seed
          const store = yield* AppealStore.AppealStore
          expect((yield* store.query({ districtCode: districts[0]!, status: [] })).items).toEqual([])
          const page = yield* store.query({ districtCode: districts[1]!, limit: 3 })
          for (const s of page.items) expect(s.districtCode).toBe(districts[1])
        }),
      timeoutOf(adapter)
    )

    it.effect(
      "ids pages through every appeal in id order",
      () =>
        Effect.gen(function* () {
          yield* seed
          const store = yield* AppealStore.AppealStore
          const mine = new Set(population.map((a) => a.appealId))
          const seen: Array<string> = []
          let after: string | undefined
          for (;;) {
            const ids = yield* store.ids(after, 50)
            if (ids.length === 0) break
            seen.push(...ids)
            after = ids[ids.length - 1]
          }
          expect(seen).toEqual([...seen].sort())
          expect(seen.filter((id) => mine.has(id))).toEqual([...mine].sort())
        }),
      timeoutOf(adapter)
    )
  })
}
