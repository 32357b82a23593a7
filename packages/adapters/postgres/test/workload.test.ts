// The workload counts of migration 0010 are kept by triggers on murojaat.appeal. Whatever the
// writes (new appeals; changes of district, assignee, priority and status; commits of two appeals
// in one transaction; statements changing many rows; deletes), run one after another or
// concurrently (racing on the same appeals, two-appeal commits in opposite orders), the counts
// table must equal the oracle: a GROUP BY over murojaat.appeal itself. A deadlock or a lost
// increment would show as an error other than VersionConflict, or as a difference.
import { SqlClient } from "@effect/sql"
import { expect, layer } from "@effect/vitest"
import { AppealState, AppealStore, Errors } from "@murojaat/core"
import { Effect, FastCheck as fc } from "effect"
import { layerUnderTest } from "./support.js"

const statuses: ReadonlyArray<AppealState.Status> = ["registered", "triaged", "assigned", "inReview", "awaitingApplicant", "answered", "closed"]
const priorities = ["urgent", "high", "normal", "low"] as const

const fields = fc.record({
  district: fc.constantFrom(undefined, "D1", "D2", "D'3"),
  assignee: fc.constantFrom(undefined, "O1", "O2", "O\"3"),
  priority: fc.constantFrom(undefined, ...priorities),
  status: fc.constantFrom(...statuses)
})
type Fields = typeof fields extends fc.Arbitrary<infer T> ? T : never

// Appeals are named by index into the run's appeals (created by "create", so an index may not exist yet).
const op = fc.oneof(
  { weight: 4, arbitrary: fc.record({ kind: fc.constant("create" as const), fields }) },
  { weight: 6, arbitrary: fc.record({ kind: fc.constant("change" as const), appeal: fc.nat(11), fields }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant("pair" as const), a: fc.nat(11), b: fc.nat(11), fa: fields, fb: fields }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant("bulk" as const), district: fc.constantFrom("D1", "D2"), status: fc.constantFrom(...statuses) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant("delete" as const), appeal: fc.nat(11) }) }
)
// Batches of operations; the operations of a batch run concurrently.
const program = fc.array(fc.array(op, { minLength: 1, maxLength: 6 }), { minLength: 1, maxLength: 6 })

let run = 0

layer(layerUnderTest({ server: "preferred" }), { excludeTestServices: true, timeout: "300 seconds" })("postgres workload counts", (it) => {
  it.effect.prop(
    "after any commits, concurrent or not, the counts table equals a GROUP BY over the appeals",
    [program],
    ([batches]) =>
      Effect.gen(function* () {
        const store = yield* AppealStore.AppealStore
        const sql = yield* SqlClient.SqlClient // every right: the deletes and bulk updates an operator could run
        const prefix = `WL-${process.pid}-${++run}`
        const ids: Array<string> = []
        const versions = new Map<string, number>()
        const stateOf = (appealId: string, version: number, f: Fields): AppealState.AppealState => ({
          ...AppealState.initial(appealId),
          version,
          status: f.status,
          ...(f.district !== undefined ? { districtCode: f.district } : {}),
          ...(f.assignee !== undefined ? { assigneeId: f.assignee } : {}),
          ...(f.priority !== undefined ? { priority: f.priority } : {})
        })
        const write = (appealId: string, f: Fields) => {
          const expectedVersion = versions.get(appealId) ?? 0
          return { appealId, expectedVersion, events: [], state: stateOf(appealId, expectedVersion + 1, f) }
        }
        // A lost race is a VersionConflict; anything else (a deadlock, a CHECK violation) fails the property.
        const settle = (streams: ReadonlyArray<AppealStore.StreamWrite>) =>
          store.commit({ streams, outbox: [] }).pipe(
            Effect.tap(() => Effect.sync(() => streams.forEach((w) => versions.set(w.appealId, w.expectedVersion + 1)))),
            Effect.catchIf((e) => e instanceof Errors.VersionConflict, () => Effect.void),
          )
        const idOf = (i: number) => ids[i % Math.max(1, ids.length)]
        for (const batch of batches) {
          yield* Effect.all(
            batch.map((o) =>
              Effect.suspend((): Effect.Effect<void, unknown> => {
                switch (o.kind) {
                  case "create": {
                    const id = `${prefix}-${ids.length}`
                    ids.push(id)
                    return settle([write(id, o.fields)])
                  }
                  case "change": {
                    const id = idOf(o.appeal)
                    return id === undefined ? Effect.void : settle([write(id, o.fields)])
                  }
                  case "pair": {
                    const a = idOf(o.a)
                    const b = idOf(o.b)
                    return a === undefined || b === undefined || a === b ? Effect.void : settle([write(a, o.fa), write(b, o.fb)])
                  }
                  case "bulk":
                    return sql`UPDATE murojaat.appeal SET status = ${o.status} WHERE district_code = ${o.district} AND appeal_id LIKE ${prefix + "-%"}`.pipe(Effect.asVoid)
                  case "delete": {
                    const id = idOf(o.appeal)
                    return id === undefined ? Effect.void : sql`DELETE FROM murojaat.appeal WHERE appeal_id = ${id}`.pipe(Effect.tap(() => Effect.sync(() => versions.delete(id))))
                  }
                }
              })
            ),
            { concurrency: "unbounded", discard: true }
          )
        }
        const oracle = yield* sql<{ d: string; a: string; p: string; s: string; n: number }>`
          SELECT district_code AS d, assignee_id AS a, coalesce(priority, '') AS p, status AS s, count(*)::int AS n
          FROM murojaat.appeal WHERE district_code IS NOT NULL AND assignee_id IS NOT NULL GROUP BY 1, 2, 3, 4`
        const counts = yield* sql<{ d: string; a: string; p: string; s: string; n: number }>`
          SELECT district_code AS d, assignee_id AS a, priority AS p, status AS s, appeals AS n FROM murojaat.appeal_workload WHERE appeals > 0`
        const key = (r: { d: string; a: string; p: string; s: string }) => JSON.stringify([r.d, r.a, r.p, r.s])
        const sorted = (rows: ReadonlyArray<{ d: string; a: string; p: string; s: string; n: number }>) => [...rows].sort((x, y) => (key(x) < key(y) ? -1 : key(x) > key(y) ? 1 : 0))
        expect(sorted(counts)).toEqual(sorted(oracle))
      }),
    { fastCheck: { numRuns: 40, endOnFailure: true } }
  )

  // Two-appeal commits write one appeal per statement: without the lock of every count row they
  // change, up front and in key order, two such commits changing the same count rows in opposite
  // orders deadlock (seen here as a StoreError); with it, every commit is committed or loses a
  // version race, and the counts still equal the oracle.
  it.effect("concurrent two-appeal commits over few count rows neither deadlock nor lose a change", () =>
    Effect.gen(function* () {
      const store = yield* AppealStore.AppealStore
      const sql = yield* SqlClient.SqlClient
      const ids = Array.from({ length: 8 }, (_, i) => `WL-${process.pid}-pair-${i}`)
      const versions = new Map<string, number>()
      const write = (appealId: string, k: number) => {
        const v = versions.get(appealId) ?? 0
        const state: AppealState.AppealState = { ...AppealState.initial(appealId), version: v + 1, status: k % 2 === 0 ? "assigned" : "inReview", districtCode: "DP", assigneeId: `OP${k % 3}` }
        return { appealId, expectedVersion: v, events: [], state }
      }
      let conflicts = 0
      let committed = 0
      for (let round = 0; round < 40; round++) {
        yield* Effect.all(
          [0, 2, 4, 6].map((i) => {
            // Disjoint pairs (no version race between them), keys rotating so their count rows overlap in opposite orders.
            const streams = [write(ids[i]!, round + i), write(ids[i + 1]!, round + i + 1)]
            return store.commit({ streams, outbox: [] }).pipe(
              Effect.tap(() => Effect.sync(() => { committed++; streams.forEach((w) => versions.set(w.appealId, w.expectedVersion + 1)) })),
              Effect.catchIf((e) => e instanceof Errors.VersionConflict, () => Effect.sync(() => conflicts++))
            )
          }),
          { concurrency: "unbounded", discard: true }
        )
      }
      expect(committed + conflicts).toBe(160)
      const oracle = yield* sql<{ a: string; s: string; n: number }>`
        SELECT assignee_id AS a, status AS s, count(*)::int AS n FROM murojaat.appeal WHERE district_code = 'DP' GROUP BY 1, 2 ORDER BY 1, 2`
      const counts = yield* sql<{ a: string; s: string; n: number }>`
        SELECT assignee_id AS a, status AS s, appeals AS n FROM murojaat.appeal_workload WHERE district_code = 'DP' AND appeals > 0 ORDER BY 1, 2`
      expect(counts).toEqual(oracle)
    }))

  it.effect("a statement that would take an appeal out of a count it is not in is refused (check_violation), instead of drifting", () =>
    Effect.gen(function* () {
      const sql = yield* SqlClient.SqlClient
      const store = yield* AppealStore.AppealStore
      const id = `WL-${process.pid}-check`
      yield* store.commit({ streams: [{ appealId: id, expectedVersion: 0, events: [], state: { ...AppealState.initial(id), version: 1, status: "assigned", districtCode: "D9", assigneeId: "O9" } }], outbox: [] })
      expect(yield* sql<{ n: number }>`SELECT appeals AS n FROM murojaat.appeal_workload WHERE district_code = 'D9'`).toEqual([{ n: 1 }])
      // Drift planted by hand: the next change of the appeal would take the count below 0.
      yield* sql`UPDATE murojaat.appeal_workload SET appeals = 0 WHERE district_code = 'D9'`
      const refused = yield* Effect.flip(sql`UPDATE murojaat.appeal SET status = 'answered' WHERE appeal_id = ${id}`)
      expect(String((refused as { cause?: { code?: unknown } }).cause?.code)).toBe("23514")
      expect(yield* sql<{ status: string }>`SELECT status FROM murojaat.appeal WHERE appeal_id = ${id}`).toEqual([{ status: "assigned" }])
      yield* sql`UPDATE murojaat.appeal_workload SET appeals = 1 WHERE district_code = 'D9'`
    }))
})
