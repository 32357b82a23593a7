// verify-db walks the events table and every index column of the projection: a projection row
// removed, or a column altered behind the application's back, is reported with the appeal and the column.
import { SqlClient } from "@effect/sql"
import { expect, layer } from "@effect/vitest"
import { Actor, AppealService, DirectoryStore, Sample } from "@murojaat/core"
import { Verify } from "@murojaat/postgres"
import { Effect } from "effect"
import { layerUnderTest } from "./support.js"

const submit = Effect.gen(function* () {
  yield* Effect.flatMap(DirectoryStore.DirectoryStore, (d) => d.replace(Sample.directory))
  return (yield* AppealService.submit(Sample.intake, Actor.system("verify-test"))).appealId
})

layer(layerUnderTest({ server: "never" }), { excludeTestServices: true, timeout: "120 seconds" })("verify-db", (it) => {
  it.effect("a sound appeal verifies; every altered index column and a removed projection row are reported", () =>
    Effect.gen(function* () {
      const sql = yield* SqlClient.SqlClient
      const id = yield* submit
      expect(yield* Verify.one(id)).toEqual([])
      // Each column altered as an intruder with the owner's rights would: reported by name.
      const alterations: ReadonlyArray<readonly [string, string]> = [
        ["due_at", "due_at = due_at + interval '30 days'"],
        ["assignee_id", "assignee_id = 'O-999'"],
        ["status", "status = 'closed'"],
        ["mahalla_code", "mahalla_code = '1726262-999'"],
        ["district_code", "district_code = '1726999'"],
        ["is_open", "is_open = NOT is_open"],
        ["registration_number", "registration_number = 'X-1'"],
        ["category", "category = 'other'"],
        ["priority", "priority = 'low'"]
      ]
      for (const [column, set] of alterations) {
        const target = yield* submit
        yield* sql.unsafe(`UPDATE murojaat.appeal SET ${set} WHERE appeal_id = $1`, [target])
        const found = yield* Verify.one(target)
        expect(found).toContainEqual(expect.objectContaining({ appealId: target, reason: "columnMismatch", column }))
      }
      // The projection row removed: the events are still there, and verify-db finds them.
      const gone = yield* submit
      yield* sql`DELETE FROM murojaat.appeal_text WHERE appeal_id = ${gone}`.pipe(Effect.ignore)
      yield* sql`DELETE FROM murojaat.appeal_personal WHERE appeal_id = ${gone}`
      yield* sql`DELETE FROM murojaat.appeal WHERE appeal_id = ${gone}`
      const report = yield* Verify.all()
      expect(report.ok).toBe(false)
      expect(report.broken).toContainEqual(expect.objectContaining({ appealId: gone, reason: "projectionMissing" }))
      expect(report.broken.some((b) => b.appealId === id)).toBe(false)
    })
  )
})
