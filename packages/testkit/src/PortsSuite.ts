/**
 * Ids and directory: appeal ids are never given twice, even to concurrent callers; registration
 * numbers run per district and Tashkent year without duplicates; the directory reads back as
 * replaced, with officer lookups.
 *
 * @example
 * import { PortsSuite } from "@murojaat/testkit"
 * PortsSuite.register
 */
import { describe, expect } from "@effect/vitest"
import { Directory, DirectoryStore, IdGenerator } from "@murojaat/core"
import { Effect, Option, Schema } from "effect"
import type { Adapter } from "./Adapter.js"
import { freshId, type It, same, timeoutOf } from "./internal/support.js"

const name = (s: string) => ({ "uz-Latn": s, "uz-Cyrl": s, ru: s, en: s })

/**
 * Registers the id and directory tests.
 *
 * @example
 * import { PortsSuite } from "@murojaat/testkit"
 * PortsSuite.register
 */
export const register = (it: It, adapter: Adapter): void => {
  describe("ids and directory", () => {
    it.effect(
      "appeal ids are unique, also when taken concurrently",
      () =>
        Effect.gen(function* () {
          const ids = yield* IdGenerator.IdGenerator
          const taken = yield* Effect.all(Array.from({ length: 60 }, () => ids.appealId), { concurrency: "unbounded" })
          expect(new Set(taken).size).toBe(60)
        }),
      timeoutOf(adapter)
    )

    it.effect(
      "registration numbers run 1, 2, 3... per district and Tashkent year, unique under concurrency",
      () =>
        Effect.gen(function* () {
          const ids = yield* IdGenerator.IdGenerator
          const district = freshId("dist")
          const taken = yield* Effect.all(Array.from({ length: 20 }, () => ids.registrationNumber(district, "2026-03-20T10:00:00Z")), { concurrency: "unbounded" })
          expect([...taken].sort()).toEqual(Array.from({ length: 20 }, (_, i) => IdGenerator.formatRegistration(district, 2026, i + 1)))
          // 19:00 UTC on 31 December is already 1 January in Tashkent (UTC+5).
          expect(yield* ids.registrationNumber(district, "2026-12-31T19:00:00Z")).toBe(IdGenerator.formatRegistration(district, 2027, 1))
          expect(yield* ids.registrationNumber(district, "2026-12-31T18:59:59Z")).toBe(IdGenerator.formatRegistration(district, 2026, 21))
          expect(yield* ids.registrationNumber(freshId("other"), "2026-03-20T10:00:00Z")).toMatch(/-2026-000001$/)
        }),
      timeoutOf(adapter)
    )

    it.effect(
      "the directory reads back as replaced, and officers are found by id",
      () =>
        Effect.gen(function* () {
          const directory = yield* DirectoryStore.DirectoryStore
          const d = Schema.decodeUnknownSync(Directory.Directory)({
            regions: [{ code: "R", name: name("Toshkent") }],
            districts: [{ code: "D", regionCode: "R", name: name("Yunusobod") }],
            mahallas: [{ code: "M", districtCode: "D", name: name("Bodomzor"), rank: "red" }],
            officers: [
              { id: "O-1", name: "Aliyev Sardor", roles: ["preventionInspector"], districtCode: "D", mahallas: ["M"], duty: [], absences: [], conflicts: [] },
              { id: "O-2", name: "Karimova Nodira", roles: ["districtChief"], districtCode: "D", mahallas: [], duty: [], absences: [], conflicts: [] }
            ]
          })
          yield* directory.replace(d)
          same(yield* directory.snapshot, d)
          same(Option.getOrUndefined(yield* directory.officer("O-2")), d.officers[1])
          expect(Option.isNone(yield* directory.officer("O-9"))).toBe(true)
          const smaller = { ...d, officers: [d.officers[1]!] }
          yield* directory.replace(smaller)
          expect(Option.isNone(yield* directory.officer("O-1"))).toBe(true)
          same(yield* directory.snapshot, smaller)
        }),
      timeoutOf(adapter)
    )
  })
}
