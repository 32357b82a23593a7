// The deadline timer of the service: a sweep escalates each breach once, and two instances
// sweeping at the same moment still escalate it once.
import { describe, expect, it } from "@effect/vitest"
import { Actor, AppealService, Sample } from "@murojaat/core"
import { Timer } from "@murojaat/http"
import { Effect, TestClock } from "effect"

const layer = AppealService.layerMemory(Sample.directory, { pipeline: AppealService.rulesPipeline() })

describe("Timer", () => {
  it.effect("escalates an overdue appeal once, however many sweeps run at once", () =>
    Effect.gen(function* () {
      yield* TestClock.setTime(Date.parse("2026-03-02T05:00:00.000Z"))
      const submitted = yield* AppealService.submit({ ...Sample.intake, applicantRef: "u-1" }, Actor.applicant("u-1"))
      const before = yield* Timer.sweep
      expect(before.escalated).toBe(0)
      yield* TestClock.adjust("60 days")
      const sweeps = yield* Effect.all([Timer.sweep, Timer.sweep, Timer.sweep], { concurrency: "unbounded" })
      expect(sweeps.reduce((n, s) => n + s.escalated, 0)).toBe(1)
      const again = yield* Timer.sweep
      expect(again.escalated).toBe(0)
      const events = yield* AppealService.history(submitted.appealId, Actor.auditor("AUD-1"))
      expect(events.filter((e) => e.type === "escalated").map((e) => e.actor.id)).toEqual(["deadline-timer"])
    }).pipe(Effect.provide(layer))
  )
})
