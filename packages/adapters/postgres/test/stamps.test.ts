// The calendar's and the directory's freshness stamps, read in one statement that concurrent
// callers share (single flight), and a replacement by another instance seen by the next read.
// The oracles are counts of the statements the pool's clients sent (the client's query method
// wrapped) and of the reads the shared reader started, never timing.
import { expect, layer } from "@effect/vitest"
import { type Calendar, Sample } from "@murojaat/core"
import { PgCalendarStore, PgStore } from "@murojaat/postgres"
import { Deferred, Effect, Fiber } from "effect"
import * as Shared from "../src/internal/shared.js"
import { counting, Instances, instances } from "./support.js"

const year2027: Calendar.Year = {
  year: 2027,
  source: "Decree for 2027 (test data)",
  entries: [{ date: "2027-03-10", kind: "holiday", weeks: ["fiveDay", "sixDay"], name: "Ramazon hayiti (test)", source: "test" }]
}

layer(instances, { excludeTestServices: true, timeout: "240 seconds" })("postgres stamps", (it) => {
  it.effect("a single flight: callers arriving while a read is in flight get its result; one arriving after it starts the next", () =>
    Effect.gen(function* () {
      let reads = 0
      const gate = yield* Deferred.make<void>()
      const shared = Shared.singleFlight(Effect.zipRight(Deferred.await(gate), Effect.sync(() => ++reads)))
      const first = yield* Effect.fork(shared)
      // Started while the first read waits at the gate: they join it.
      const joined = yield* Effect.fork(Effect.all(Array.from({ length: 10 }, () => shared), { concurrency: "unbounded" }))
      yield* Effect.repeatN(Effect.yieldNow(), 50) // every forked caller has run up to its wait
      yield* Deferred.succeed(gate, undefined)
      expect(yield* Fiber.join(first)).toBe(1)
      expect(yield* Fiber.join(joined)).toEqual(Array.from({ length: 10 }, () => 1))
      expect(yield* shared).toBe(2)
      expect(reads).toBe(2)
    }))

  it.effect("an interrupted caller does not interrupt the read the others wait for", () =>
    Effect.gen(function* () {
      const gate = yield* Deferred.make<void>()
      const shared = Shared.singleFlight(Effect.as(Deferred.await(gate), "stamp"))
      const leader = yield* Effect.fork(shared)
      const other = yield* Effect.fork(shared)
      yield* Effect.repeatN(Effect.yieldNow(), 50) // every forked caller has run up to its wait
      yield* Fiber.interrupt(leader)
      yield* Deferred.succeed(gate, undefined)
      expect(yield* Fiber.join(other)).toBe("stamp")
    }))

  it.effect("concurrent reads of the calendar and the directory share one stamp statement; a later read sends the next", () =>
    Effect.gen(function* () {
      const { a } = yield* Instances
      const ports = yield* Effect.provide(Effect.all({ directory: PgStore.makeDirectoryStore, calendar: PgCalendarStore.make() }), a)
      yield* ports.directory.snapshot // the decoded snapshot cached, so only stamps are read below
      const [, concurrent] = yield* counting(
        "murojaat.directory WHERE id = 1",
        Effect.all([...Array.from({ length: 20 }, () => ports.directory.snapshot), ...Array.from({ length: 20 }, () => ports.calendar.current)], { concurrency: "unbounded" })
      )
      expect(concurrent).toBe(1)
      const [, sequential] = yield* counting("murojaat.directory WHERE id = 1", Effect.zipRight(ports.directory.snapshot, ports.calendar.current))
      expect(sequential).toBe(2)
    }))

  it.effect("a directory replaced and a decree added by another instance are seen by the next read", () =>
    Effect.gen(function* () {
      const { a, b } = yield* Instances
      const mine = yield* Effect.provide(Effect.all({ directory: PgStore.makeDirectoryStore, calendar: PgCalendarStore.make() }), a)
      const other = yield* Effect.provide(Effect.all({ directory: PgStore.makeDirectoryStore, calendar: PgCalendarStore.make() }), b)
      const officers = (yield* mine.directory.snapshot).officers.length
      expect((yield* mine.calendar.current).coveredYears.has(2027)).toBe(false)
      yield* other.directory.replace({ ...Sample.directory, officers: Sample.directory.officers.slice(0, 1) })
      yield* other.calendar.addYears([year2027])
      expect((yield* mine.directory.snapshot).officers.length).toBe(1)
      expect((yield* mine.calendar.current).coveredYears.has(2027)).toBe(true)
      yield* other.directory.replace(Sample.directory)
      expect((yield* mine.directory.snapshot).officers.length).toBe(Sample.directory.officers.length)
      expect(officers).not.toBe(1)
    }))
})
