// Preventive measures: random command sequences checked step by step against an oracle written
// from the rule table (docs/rules/prevention.md), decide and evolve together.
import { fc, test } from "@fast-check/vitest"
import { Either } from "effect"
import { describe, expect } from "vitest"
import * as PreventiveMeasure from "../src/PreventiveMeasure.js"

const DAY = 86_400_000
const START = Date.UTC(2026, 2, 2, 5)
const kinds = PreventiveMeasure.PlannedKind.literals
const outcomes = PreventiveMeasure.Outcome.literals

// What the oracle knows of a measure: its kind and status.
interface Known {
  readonly kind: PreventiveMeasure.PlannedKind
  status: "planned" | "done" | "cancelled"
  readonly dueBy: number
}

const command = fc.oneof(
  fc.record({
    type: fc.constant("planMeasure" as const),
    kind: fc.constantFrom(...kinds),
    dueInDays: fc.option(fc.integer({ min: -2, max: 100 }), { nil: undefined }),
    body: fc.boolean(),
    links: fc.subarray(["A-1", "A-2", "A-3"])
  }),
  fc.record({ type: fc.constant("completeMeasure" as const), n: fc.integer({ min: 1, max: 6 }), outcome: fc.constantFrom(...outcomes) }),
  fc.record({ type: fc.constant("cancelMeasure" as const), n: fc.integer({ min: 1, max: 6 }) })
)

describe("decide and evolve against the oracle", () => {
  test.prop([fc.array(fc.tuple(command, fc.integer({ min: 0, max: 3 })), { maxLength: 25 })])("every command is accepted exactly when the rules allow it, with the events they name", (steps) => {
    let measures: ReadonlyArray<PreventiveMeasure.Measure> = []
    const known: Array<Known> = []
    let now = START
    for (const [c, days] of steps) {
      now += days * DAY
      const ctx = { now: new Date(now).toISOString() }
      if (c.type === "planMeasure") {
        const dueBy = c.dueInDays === undefined ? undefined : now + c.dueInDays * DAY
        const needsBody = c.kind === "referral"
        const cmd: PreventiveMeasure.Command = {
          type: "planMeasure",
          appealId: "A-2",
          kind: c.kind,
          ...(dueBy !== undefined ? { dueBy: new Date(dueBy).toISOString() } : {}),
          ...(c.body ? { body: { name: "Mahalla kengashi" } } : {}),
          linkedAppealIds: c.links as never
        }
        const r = PreventiveMeasure.decide(measures, cmd, ctx)
        const longest = now + PreventiveMeasure.defaultSettings.maxDays[c.kind] * DAY
        const okDue = dueBy === undefined || (dueBy > now && dueBy <= longest)
        const ok = okDue && needsBody === c.body && !c.links.includes("A-2")
        expect(Either.isRight(r), JSON.stringify(c)).toBe(ok)
        if (Either.isRight(r)) {
          const [p] = r.right
          expect(p?.type).toBe("measurePlanned")
          if (p?.type !== "measurePlanned") return
          expect(p.data.measureId).toBe(`A-2/M${known.length + 1}`)
          expect(Date.parse(p.data.dueBy)).toBe(dueBy ?? now + PreventiveMeasure.defaultSettings.defaultDays[c.kind] * DAY)
          known.push({ kind: c.kind, status: "planned", dueBy: Date.parse(p.data.dueBy) })
          measures = PreventiveMeasure.evolve(measures, { type: p.type, appealId: "A-2", at: ctx.now, data: p.data })
        } else {
          expect(r.left.rule).toBe(!okDue ? "measure.dueWithinTerm" : needsBody !== c.body ? "measure.referralNamesBody" : "measure.linksOthers")
        }
      } else {
        const m = known[c.n - 1]
        const measureId = `A-2/M${c.n}`
        const cmd: PreventiveMeasure.Command =
          c.type === "cancelMeasure"
            ? { type: "cancelMeasure", appealId: "A-2", measureId, reason: "moved away" }
            : { type: "completeMeasure", appealId: "A-2", measureId, outcome: c.outcome, note: "suhbat oʻtkazildi" }
        const r = PreventiveMeasure.decide(measures, cmd, ctx)
        const expected =
          m === undefined
            ? "measure.known"
            : m.status !== "planned"
              ? "measure.open"
              : c.type === "completeMeasure" && !PreventiveMeasure.outcomesOf[m.kind].includes(c.outcome)
                ? "measure.outcomeFitsKind"
                : undefined
        expect(Either.isLeft(r) ? r.left.rule : undefined).toBe(expected)
        if (Either.isRight(r)) {
          const [p] = r.right
          m!.status = c.type === "cancelMeasure" ? "cancelled" : "done"
          // The free text stays apart from the event's data.
          expect(JSON.stringify(p?.data)).not.toContain("moved away")
          measures = PreventiveMeasure.evolve(measures, { type: p!.type, appealId: "A-2", at: ctx.now, data: p!.data })
        }
      }
      expect(measures.map((x) => [x.kind, x.status])).toEqual(known.map((k) => [k.kind, k.status]))
      for (const [i, x] of measures.entries()) expect(PreventiveMeasure.isOverdue(x, ctx.now)).toBe(known[i]!.status === "planned" && now > known[i]!.dueBy)
    }
  })

  test("the machine's structure: planned, then done or cancelled, both final", () => {
    const states = PreventiveMeasure.machine.config.states ?? {}
    expect(Object.keys(states)).toEqual(["none", "planned", "done", "cancelled"])
    expect(states.done?.type).toBe("final")
    expect(states.cancelled?.type).toBe("final")
  })

  test("every rule the decisions name is in the rule table, with a source", () => {
    const ids = new Set(PreventiveMeasure.rules.map((r) => r.id))
    for (const r of PreventiveMeasure.rules) expect(r.source.length).toBeGreaterThan(5)
    for (const id of ["measure.dueWithinTerm", "measure.referralNamesBody", "measure.linksOthers", "measure.known", "measure.open", "measure.outcomeFitsKind", "measure.overdue"]) {
      expect(ids.has(id as PreventiveMeasure.RuleId)).toBe(true)
    }
  })
})
