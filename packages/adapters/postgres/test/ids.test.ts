// Appeal ids taken from the sequence in blocks: one fetch shared by concurrent callers, never the
// same id twice, even from two instances on one database. The oracles are counts: distinct ids
// and the sequence's own position, never timing.
import { expect, layer } from "@effect/vitest"
import { PgStore } from "@murojaat/postgres"
import { Effect, FastCheck as fc } from "effect"
import { Instances, instances } from "./support.js"

layer(instances, { excludeTestServices: true, timeout: "240 seconds" })("postgres appeal id blocks", (it) => {
  it.effect.prop(
    "appeal ids from blocks: concurrent callers of two instances never get the same id, and each instance fetches a block (1, 2, 4, ... up to its size) only when its last is used up",
    [fc.integer({ min: 1, max: 9 }), fc.integer({ min: 1, max: 60 }), fc.integer({ min: 1, max: 60 })],
    ([block, callsA, callsB]) =>
      Effect.gen(function* () {
        const { a, b, admin } = yield* Instances
        const position = admin<{ n: string }>`SELECT (CASE WHEN is_called THEN last_value ELSE last_value - 1 END)::text AS n FROM murojaat.appeal_id_seq`.pipe(
          Effect.map((r) => BigInt(r[0]!.n))
        )
        const before = yield* position
        const ga = yield* Effect.provide(PgStore.makeIdGenerator({ appealIdBlock: block }), a)
        const gb = yield* Effect.provide(PgStore.makeIdGenerator({ appealIdBlock: block, appealIdPrefix: "A" }), b)
        const ids = yield* Effect.all([...Array.from({ length: callsA }, () => ga.appealId), ...Array.from({ length: callsB }, () => gb.appealId)], {
          concurrency: "unbounded"
        })
        expect(ids.every((id) => /^A-\d{6,}$/.test(id))).toBe(true)
        expect(new Set(ids).size).toBe(callsA + callsB)
        // Blocks of 1, 2, 4, ... up to `block` ids, each fetched once its last is used up, whatever the concurrency.
        const consumed = (calls: number) => {
          let total = 0
          for (let size = 1; total < calls; size = Math.min(block, size * 2)) total += size
          return total
        }
        const fetched = consumed(callsA) + consumed(callsB)
        expect(yield* position).toBe(before + BigInt(fetched))
      }),
    { fastCheck: { numRuns: 25 } }
  )

  it.effect("ids stay unique and formatted as before: A- and at least six digits", () =>
    Effect.gen(function* () {
      const { a } = yield* Instances
      const g = yield* Effect.provide(PgStore.makeIdGenerator({ appealIdPrefix: "T" }), a)
      const id = yield* g.appealId
      expect(id).toMatch(/^T-\d{6,}$/)
      expect(yield* g.appealId).not.toBe(id)
    }))
})
