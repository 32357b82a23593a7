/**
 * Audit: the stored log is append-only and hash-chained. Stored chains verify and match the
 * projection; where the storage enforces it, an ordinary UPDATE or DELETE of an event is refused;
 * an event edited behind every guard is caught by verification (edited content, or content and
 * hash recomputed together).
 *
 * @example
 * import { AuditSuite } from "@murojaat/testkit"
 * AuditSuite.register
 */
import { describe, expect } from "@effect/vitest"
import { Actor, AppealService, AppealStore, Audit, type Event } from "@murojaat/core"
import { Effect } from "effect"
import type { Adapter } from "./Adapter.js"
import { commitStream, freshId, type It, needs, newAppeal, same, timeoutOf } from "./internal/support.js"
import { RawReader } from "./RawReader.js"

const submitted = Effect.map(
  AppealService.submit(
    {
      kind: "shikoyat",
      form: "written",
      channel: "inPersonReception",
      applicant: { type: "individual", surname: "Karimova", name: "Dilnoza", residence: "Bodomzor 3", contact: {}, consent: { given: true, form: "written" } },
      location: { regionCode: "1726", districtCode: "1726262", mahallaCode: "1726262-001" },
      text: { body: "Qoʻshnilar kechasi shovqin qiladi" }
    },
    Actor.system("testkit")
  ),
  (r) => r.appealId
)

// An auditor reads every appeal (the access policy applies to verification as to every read).
const verify = (appealId: string) => AppealService.verify(appealId, Actor.auditor("testkit"))

/**
 * Registers the audit tests.
 *
 * @example
 * import { AuditSuite } from "@murojaat/testkit"
 * AuditSuite.register
 */
export const register = (it: It, adapter: Adapter): void => {
  describe("audit append-only", () => {
    it.effect(
      "stored chains verify, anchored at the projection's head, and the projection is their replay",
      () =>
        Effect.gen(function* () {
          const id = yield* submitted
          const v = yield* verify(id)
          expect(v).toMatchObject({ ok: true, projectionMatches: true })
          const w = newAppeal(freshId("chain"), {}, 5)
          yield* commitStream(w)
          const stored = yield* Effect.flatMap(AppealStore.AppealStore, (s) => s.events(w.appealId))
          expect(Audit.verifyChain(stored, { seq: 5, hash: w.state.lastHash })).toMatchObject({ ok: true, count: 5 })
        }),
      timeoutOf(adapter)
    )

    needs(it, adapter, "appendOnlyEnforced", "the storage refuses to rewrite or delete a stored event", () =>
      Effect.gen(function* () {
        const w = newAppeal(freshId("guard"), {}, 2)
        yield* commitStream(w)
        const raw = yield* RawReader
        expect(yield* raw.tryRewriteEvent!(w.appealId, 1)).toBe("refused")
        expect(yield* raw.tryDeleteEvent!(w.appealId, 2)).toBe("refused")
        same(yield* raw.events(w.appealId), w.events)
      })
    )

    needs(it, adapter, "tamper", "an event edited behind the store's back is caught by verification", () =>
      Effect.gen(function* () {
        const raw = yield* RawReader
        // Content edited, hash left: the event no longer hashes to its hash.
        const a = yield* submitted
        yield* raw.tamperEvent!(a, 1, (e) => ({ ...e, at: "2020-01-01T00:00:00.000Z" }))
        expect(yield* verify(a)).toMatchObject({ ok: false, reason: "hashMismatch", seq: 1 })
        // Content and hash rewritten together: the next event's link breaks.
        const b = newAppeal(freshId("relinked"), {}, 3)
        yield* commitStream(b)
        yield* raw.tamperEvent!(b.appealId, 2, (e) => {
          const edited = { ...e, data: { reason: "rewritten" } } as unknown as Event.AppealEvent
          return { ...edited, hash: Audit.hashOf(edited) }
        })
        expect(yield* verify(b.appealId)).toMatchObject({ ok: false, reason: "prevHashMismatch", seq: 3 })
        // The last event rewritten with its hash: only the projection's head shows it.
        yield* raw.tamperEvent!(b.appealId, 3, (e) => {
          const edited = { ...e, data: { reason: "rewritten" } } as unknown as Event.AppealEvent
          return { ...edited, hash: Audit.hashOf(edited) }
        })
        const events = yield* Effect.flatMap(AppealStore.AppealStore, (s) => s.events(b.appealId))
        expect(Audit.verifyChain(events, { seq: 3, hash: b.state.lastHash })).toMatchObject({ ok: false })
      })
    )
  })
}
