/**
 * Outbox: messages are written in the commit of their events (and only then); relays claim the
 * oldest first, with a lease that hides a claimed message until it runs out; acknowledged
 * messages are never claimed again; released ones come back at once; relays claiming at the same
 * time never get the same message.
 *
 * @example
 * import { OutboxSuite } from "@murojaat/testkit"
 * OutboxSuite.register
 */
import { describe, expect } from "@effect/vitest"
import { Outbox } from "@murojaat/core"
import { Effect } from "effect"
import type { Adapter } from "./Adapter.js"
import { commitStream, drainOutbox, freshId, type It, newAppeal, timeoutOf } from "./internal/support.js"
import { RawReader } from "./RawReader.js"

const T = 1_900_000_000_000
const LEASE = 30_000

// Commits appeals one after another (so their messages have a known age order); returns message ids.
const commitMessages = (appeals: number, eventsEach: number) =>
  Effect.gen(function* () {
    const ids: Array<string> = []
    for (let i = 0; i < appeals; i++) {
      const w = newAppeal(freshId("ob"), {}, eventsEach)
      yield* commitStream(w)
      ids.push(...w.events.map((e) => e.id))
    }
    return ids
  })

/**
 * Registers the outbox tests.
 *
 * @example
 * import { OutboxSuite } from "@murojaat/testkit"
 * OutboxSuite.register
 */
export const register = (it: It, adapter: Adapter): void => {
  describe("outbox", () => {
    it.effect(
      "messages are stored by the commit of their events, unpublished, and counted as pending",
      () =>
        Effect.gen(function* () {
          yield* drainOutbox
          const outbox = yield* Outbox.Outbox
          const w = newAppeal(freshId("atomic"), {}, 3)
          yield* commitStream(w)
          const rows = yield* Effect.flatMap(RawReader, (r) => r.outbox(w.appealId))
          expect(rows.map((r) => [r.id, r.seq, r.topic, r.published, r.attempts])).toEqual(w.events.map((e) => [e.id, e.seq, "appeal.escalated", false, 0]))
          expect(yield* outbox.pending).toBe(3)
        }),
      timeoutOf(adapter)
    )

    it.effect(
      "claims take the oldest first and hide claimed messages until the lease runs out",
      () =>
        Effect.gen(function* () {
          yield* drainOutbox
          const outbox = yield* Outbox.Outbox
          const ids = yield* commitMessages(3, 1)
          const first = yield* outbox.claim({ limit: 2, leaseMillis: LEASE, now: T })
          expect(first.map((m) => [m.id, m.attempts])).toEqual([[ids[0], 1], [ids[1], 1]])
          const second = yield* outbox.claim({ limit: 10, leaseMillis: LEASE, now: T + 1 })
          expect(second.map((m) => m.id)).toEqual([ids[2]])
          expect(yield* outbox.claim({ limit: 10, leaseMillis: LEASE, now: T + LEASE - 1 })).toEqual([])
          // The relay died: its lease runs out and the messages come back, counted again.
          const again = yield* outbox.claim({ limit: 10, leaseMillis: LEASE, now: T + LEASE })
          expect(again.map((m) => [m.id, m.attempts])).toEqual([[ids[0], 2], [ids[1], 2]])
          expect(again[0]).toMatchObject({ topic: "appeal.escalated", seq: 1 })
        }),
      timeoutOf(adapter)
    )

    it.effect(
      "acknowledged messages are never claimed again; released ones come back at once",
      () =>
        Effect.gen(function* () {
          yield* drainOutbox
          const outbox = yield* Outbox.Outbox
          const ids = yield* commitMessages(2, 2)
          const claimed = yield* outbox.claim({ limit: 10, leaseMillis: LEASE, now: T })
          expect(claimed.length).toBe(4)
          yield* outbox.acknowledge([ids[0]!, ids[1]!])
          yield* outbox.release([ids[2]!], "broker unavailable")
          expect(yield* outbox.pending).toBe(2)
          expect((yield* outbox.claim({ limit: 10, leaseMillis: LEASE, now: T + 1 })).map((m) => m.id)).toEqual([ids[2]])
          const late = yield* outbox.claim({ limit: 10, leaseMillis: LEASE, now: T + 10 * LEASE })
          expect(late.map((m) => m.id).sort()).toEqual([ids[2], ids[3]].sort())
          yield* outbox.acknowledge(late.map((m) => m.id))
          expect(yield* outbox.pending).toBe(0)
          const rows = yield* Effect.flatMap(RawReader, (r) => r.outbox(claimed[0]!.appealId))
          expect(rows.every((r) => r.published)).toBe(true)
        }),
      timeoutOf(adapter)
    )

    it.effect(
      "relays claiming at the same time never get the same message, and together get them all",
      () =>
        Effect.gen(function* () {
          yield* drainOutbox
          const outbox = yield* Outbox.Outbox
          const ids = yield* commitMessages(10, 4)
          const batches = yield* Effect.all(
            Array.from({ length: 4 }, () => outbox.claim({ limit: 12, leaseMillis: LEASE, now: T })),
            { concurrency: "unbounded" }
          )
          const got = batches.flat().map((m) => m.id)
          expect(new Set(got).size).toBe(got.length)
          const rest = yield* outbox.claim({ limit: 100, leaseMillis: LEASE, now: T })
          expect([...got, ...rest.map((m) => m.id)].sort()).toEqual([...ids].sort())
        }),
      timeoutOf(adapter)
    )
  })
}
