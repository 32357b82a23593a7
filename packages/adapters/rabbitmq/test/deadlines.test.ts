// The deadline worker on the in-memory store with a test clock: warnings once per clock and
// threshold, escalations once per breach even with two workers at the same time, both found
// through the worklist's soon-due and overdue lists.
import { describe, expect, it } from "@effect/vitest"
import { Actor, AppealService, AppealStore, Sample } from "@murojaat/core"
import { Deadlines, DeliveryLog, Messages, Worker } from "@murojaat/rabbitmq"
import { Effect, Layer, Schema, TestClock } from "effect"

const at = (iso: string) => TestClock.setTime(Date.parse(iso))

describe("deadline worker", () => {
  it.effect("warns once per clock and threshold, and escalates a breach once with two workers running", () => {
    const sent: Array<Messages.DeadlineWarning> = []
    const alerts = Layer.succeed(Deadlines.Alerts, { channel: "test", warn: (w) => Effect.sync(() => void sent.push(w)) })
    return Effect.gen(function* () {
      // Monday 2 March 2026, 10:00 in Tashkent: an ariza, registered at once; 15 days to consider it.
      yield* at("2026-03-02T05:00:00.000Z")
      // Not urgent (no safety clock): only the registration and consideration terms run.
      const a = yield* AppealService.submit({ ...Sample.intake, text: { body: "Hovlimizdagi oʻrindiq singan, taʼmirlashni soʻraymiz" } }, Actor.applicant("u-1"))
      const quiet = yield* Deadlines.runOnce()
      expect(quiet).toMatchObject({ districts: 1, overdue: 0, escalated: [], warned: [] })
      // Friday 13 March: three working days before the term ends on Tuesday 17 March.
      yield* at("2026-03-13T05:00:00.000Z")
      const first = yield* Deadlines.runOnce()
      expect(first.soonDue).toBe(1)
      expect(first.warned.length).toBeGreaterThan(0)
      expect(first.escalated).toEqual([])
      expect(sent.map((w) => [w.data.appealId, w.data.clock])).toContainEqual([a.appealId, "consideration"])
      for (const w of sent) expect(Schema.is(Messages.DeadlineWarning)(w)).toBe(true)
      const again = yield* Deadlines.runOnce()
      expect(again.warned).toEqual([])
      const warnings = sent.length
      // Wednesday 18 March: the term ran out. Three workers at once escalate it once.
      yield* at("2026-03-18T05:00:00.000Z")
      const runs = yield* Effect.all([Deadlines.runOnce(), Deadlines.runOnce(), Deadlines.runOnce()], { concurrency: "unbounded" })
      expect(runs.flatMap((r) => r.escalated)).toEqual([a.appealId])
      expect((yield* Deadlines.runOnce()).escalated).toEqual([])
      const events = yield* Effect.flatMap(AppealStore.AppealStore, (s) => s.events(a.appealId))
      const escalations = events.filter((e) => e.type === "escalated")
      expect(escalations.length).toBe(1)
      expect(escalations[0]!.actor).toEqual({ kind: "system", id: "deadline-timer", role: "system" })
      expect(sent.length).toBe(warnings)
      // The records: each warning sent once.
      const records = yield* Effect.flatMap(DeliveryLog.DeliveryLog, (l) => l.records(a.appealId))
      expect(records.map((r) => [r.kind, r.status, r.attempts])).toEqual(sent.map(() => ["warning", "sent", 1]))
    }).pipe(
      Effect.provide(Layer.mergeAll(alerts, DeliveryLog.layerMemory())),
      Effect.provide(AppealService.layerMemory(Sample.directory, { pipeline: AppealService.rulesPipeline() }))
    )
  })

  it.effect("escalates each term as it falls due, once, even after an earlier term's escalation", () =>
    Effect.gen(function* () {
      // Monday 2 March 2026, 10:00: an ariza, then marked urgent with a report of domestic violence:
      // first contact within 3 hours (13:00), the protection-order study within 24 hours (Tue 3 Mar
      // 10:00), consideration by Tue 17 Mar 18:00.
      yield* at("2026-03-02T05:00:00.000Z")
      const a = yield* AppealService.submit(Sample.intake, Actor.applicant("u-2"))
      yield* AppealService.execute(
        { type: "correctTriage", appealId: a.appealId, category: "familyConflict", priority: "urgent", flags: ["domesticViolence"], reason: "Violence" },
        yield* AppealService.officerActor("O-301")
      )
      const twice = Effect.map(Effect.all([Deadlines.runOnce(), Deadlines.runOnce()], { concurrency: "unbounded" }), (rs) => rs.flatMap((r) => r.escalated))
      // 14:00: first contact is late. 11:00 next day: the protection-order study too. 18 March:
      // consideration. Each breach once, with two workers at every step.
      const ticks = ["2026-03-02T09:00:00.000Z", "2026-03-03T06:00:00.000Z", "2026-03-18T05:00:00.000Z"]
      for (const iso of ticks) {
        yield* at(iso)
        expect(yield* twice).toEqual([a.appealId])
        expect(yield* twice).toEqual([])
      }
      const events = yield* Effect.flatMap(AppealStore.AppealStore, (s) => s.events(a.appealId))
      const escalated = events.filter((e) => e.type === "escalated")
      expect(escalated.map((e) => Date.parse(e.at))).toEqual(ticks.map(Date.parse))
      expect(escalated.every((e) => e.actor.id === "deadline-timer")).toBe(true)
    }).pipe(
      Effect.provide(Layer.mergeAll(Deadlines.alertsToLog, DeliveryLog.layerMemory())),
      Effect.provide(AppealService.layerMemory(Sample.directory, { pipeline: AppealService.rulesPipeline() }))
    )
  )

  it.effect("runs until stopped, and a stop lets the run in hand finish", () =>
    Effect.gen(function* () {
      yield* at("2026-03-02T05:00:00.000Z")
      const handle = yield* Worker.start("deadlines", Deadlines.body({ intervalMillis: 60_000 }))
      yield* TestClock.adjust("1 millis")
      expect((yield* handle.health).state).toBe("running")
      yield* handle.stop
      expect((yield* handle.health)).toMatchObject({ state: "stopped", failed: 0 })
      // The same worker as a layer (the reference service's way): built, run once, released.
      yield* TestClock.setTime(Date.parse("2026-03-18T05:00:00.000Z"))
      const a = yield* AppealService.submit(Sample.intake, Actor.applicant("u-9"))
      yield* TestClock.setTime(Date.parse("2026-04-18T05:00:00.000Z"))
      yield* Effect.scoped(Effect.zipRight(Layer.build(Deadlines.layer({ intervalMillis: 60_000 })), TestClock.adjust("10 millis")))
      const events = yield* Effect.flatMap(AppealStore.AppealStore, (s) => s.events(a.appealId))
      expect(events.filter((e) => e.type === "escalated").length).toBe(1)
    }).pipe(
      Effect.scoped,
      Effect.provide(Layer.mergeAll(Deadlines.alertsToLog, DeliveryLog.layerMemory())),
      Effect.provide(AppealService.layerMemory(Sample.directory))
    )
  )
})
