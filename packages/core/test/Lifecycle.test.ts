// Model-based tests of the lifecycle: random runs of commands from random actors, checked step by
// step against an oracle written from docs/rules/lifecycle.md and ../shared/lifecycle.md
// (./support/lifecycleOracle.ts, independent of AppealMachine's tables).
import { fc, test } from "@fast-check/vitest"
import { Actor, AppealMachine, AppealState, Audit, Command, Deadline, Decode, Event, Lifecycle } from "@murojaat/core"
import { Either } from "effect"
import { describe, expect, it } from "vitest"
import { after, expected, prevention, terminal } from "./support/lifecycleOracle.js"
import { actors, buildCommand, intakeArb, type IntakeSeed, lookup, others, rightActorFor, type Step, stepArb } from "./support/world.js"

const applicantCommands = new Set(["receive", "provideInformation", "close", "rate", "dispute", "withdraw"])
const systemCommands = new Set(["receive", "register", "triage", "assign", "reassign", "unassign", "close", "escalate"])
const ending = new Set(["leaveWithoutConsideration", "forward", "handToCriminalProcedure", "mergeInto", "withdraw"])
const assigneeOnly = new Set(["startReview", "requestInformation", "answer"])

// Security properties an accepted command must satisfy, whatever the machine says.
const mayHaveActed = (type: Command.Type, actor: Actor.Actor, before: AppealState.AppealState, after: AppealState.AppealState): string | undefined => {
  const scope = type === "receive" ? after : before
  switch (actor._tag) {
    case "auditor":
      return "an auditor changed an appeal"
    case "applicant":
      if (!applicantCommands.has(type)) return `applicant gave ${type}`
      return scope.applicantRef === actor.applicantRef ? undefined : "applicant acted on another's appeal"
    case "system":
      return systemCommands.has(type) ? undefined : `system gave ${type}`
    case "integration":
      if (type !== "receive" && type !== "register") return `integration gave ${type}`
      return actor.districts === undefined || actor.districts.includes(scope.districtCode as never) ? undefined : "integration outside its districts"
    case "officer": {
      if (scope.subjectOfficerId === actor.officerId) return "officer acted on a complaint about himself"
      const isAssignee = before.assigneeId === actor.officerId
      if (assigneeOnly.has(type) && !isAssignee) return `${type} by someone other than the assignee`
      if (type === "extendDeadline" && !actor.roles.includes("districtChief")) return "extension not by the head"
      const districtWide = actor.roles.some((r) => r === "seniorInspector" || r === "districtChief") && actor.districtCode === scope.districtCode
      if (!isAssignee && !districtWide && !actor.mahallas.includes(scope.mahallaCode as never)) return "officer outside his territory"
      return undefined
    }
  }
}

const start = Date.parse("2026-03-02T04:00:00.000Z")

interface Run {
  readonly state: AppealState.AppealState
  readonly events: ReadonlyArray<Event.AppealEvent>
  readonly accepted: number
}

const runSteps = (intake: IntakeSeed, steps: ReadonlyArray<Step>, check: boolean): Run => {
  let state = AppealState.initial("A-1")
  let events: ReadonlyArray<Event.AppealEvent> = []
  let t = start
  let accepted = 0
  for (const step of steps) {
    t += step.minutes * 60_000
    const now = new Date(t).toISOString()
    // Commands that end the appeal are picked less often, so runs go deep; so are the prevention
    // commands, which keep the status (PreventionLifecycle.test.ts runs them in depth).
    const allowed = Command.types.filter(
      (c) =>
        expected[c].from.includes(state.status) &&
        (step.typeIndex % 7 === 0 || !ending.has(c)) &&
        (step.typeIndex % 5 === 0 || !prevention.includes(c))
    )
    const pool = step.pickAllowed && allowed.length > 0 ? allowed : Command.types
    const type = pool[step.typeIndex % pool.length]!
    const actor = step.rightActor ? rightActorFor(type, state, intake) : actors[step.actorIndex % actors.length]!
    const decoded = Decode.either(Command.Command, "Command")(buildCommand(type, "A-1", step.p, intake, now))
    if (Either.isLeft(decoded)) throw new Error(`test built an invalid command: ${decoded.left.message}`)
    const r = Lifecycle.execute(state, decoded.right, { now, actor, officer: lookup, appeal: others })
    if (!check) {
      if (Either.isRight(r)) {
        state = r.right.state
        events = [...events, ...r.right.events]
        accepted++
      }
      continue
    }
    if (Either.isRight(r)) {
      // The command exists in this status, per the oracle, and leads where the oracle says.
      expect(expected[type].from).toContain(state.status)
      expect(mayHaveActed(type, actor, state, r.right.state)).toBeUndefined()
      // Every accepted command appends events chained to the previous head.
      expect(r.right.events.length).toBeGreaterThan(0)
      expect(r.right.events[0]!.prevHash).toBe(state.lastHash)
      expect(r.right.events.map((e) => e.seq)).toEqual(r.right.events.map((_, i) => state.version + i + 1))
      expect(r.right.events.every((e) => e.at === now && e.actor.id === Actor.id(actor))).toBe(true)
      expect(r.right.state.status).toBe(after(type, state.status))
      expect(r.right.events.map((e) => e.type)).toEqual([expected[type].event])
      events = [...events, ...r.right.events]
      // Replay equals state; the whole chain verifies against the head.
      expect(Lifecycle.replay("A-1", events)).toEqual(r.right.state)
      expect(Audit.verifyChain(events, { seq: r.right.state.version, hash: r.right.state.lastHash }).ok).toBe(true)
      state = r.right.state
      accepted++
    } else {
      const e = r.left
      expect(["InvalidTransition", "NotAuthorized", "RuleViolation"]).toContain(e._tag)
      if (!expected[type].from.includes(state.status)) expect(e._tag).toBe("InvalidTransition")
      if (terminal.includes(state.status) && !prevention.includes(type)) expect(e._tag).toBe("InvalidTransition")
      if (actor._tag === "auditor" && e._tag !== "InvalidTransition") expect(e).toMatchObject({ _tag: "NotAuthorized", reason: "readOnly" })
    }
    // Invariants of every reachable state.
    const assignedStatuses = ["assigned", "inReview", "awaitingApplicant"]
    if (assignedStatuses.includes(state.status)) expect(state.assigneeId).toBeDefined()
    if (["received", "registered", "triaged"].includes(state.status)) expect(state.assigneeId).toBeUndefined()
    if (state.assigneeId !== undefined) expect(state.assigneeId).not.toBe(state.subjectOfficerId)
    expect(events.filter((e) => e.type === "deadlineExtended").length).toBeLessThanOrEqual(1)
    expect(events.filter((e) => e.type === "protectionOrderIssued" || e.type === "protectionOrderRefused").length).toBeLessThanOrEqual(1)
    if (events.some((e) => e.type === "escalated")) expect(state.escalated).toBe(true)
    if (state.status === "answered" || state.status === "closed") expect(state.outcome).toBeDefined()
    // Measures (oracle: the events by type, docs/rules/prevention.md): one per plan, numbered in
    // order; each settled at most once, and settled as its last event says.
    const plans = events.filter((e) => e.type === "measurePlanned")
    expect((state.measures ?? []).map((m) => m.measureId)).toEqual(plans.map((_, i) => `A-1/M${i + 1}`))
    for (const m of state.measures ?? []) {
      const ends = events.filter((e) => (e.type === "measureCompleted" || e.type === "measureCancelled") && e.data.measureId === m.measureId)
      expect(ends.length).toBeLessThanOrEqual(1)
      expect(m.status).toBe(ends[0]?.type === "measureCompleted" ? "done" : ends[0]?.type === "measureCancelled" ? "cancelled" : "planned")
    }
    // An order: extended as often as its extensions say, never to an earlier end; a breach falls in its term.
    const extensions = events.filter((e) => e.type === "protectionOrderExtended")
    if (extensions.length > 0) expect(state.protectionOrder?.extensions).toBe(extensions.length)
    for (const x of extensions) if (x.type === "protectionOrderExtended") expect(Date.parse(x.data.validUntil)).toBeGreaterThan(Date.parse(x.data.previousValidUntil))
    const issued = events.find((e) => e.type === "protectionOrderIssued")
    for (const b of events) {
      if (b.type !== "protectionOrderBreached") continue
      expect(issued).toBeDefined()
      expect(b.data.occurredAt >= issued!.at && b.data.occurredAt <= b.at).toBe(true)
    }
  }
  return { state, events, accepted }
}

describe("lifecycle (model-based)", () => {
  test.prop([intakeArb, fc.array(stepArb, { minLength: 1, maxLength: 40 })], { numRuns: 400 })(
    "random commands from random actors never reach an invalid state, never let an unauthorized actor act, and replay equals state",
    (intake, steps) => {
      runSteps(intake, steps, true)
    }
  )

  test.prop([intakeArb, fc.array(stepArb, { minLength: 1, maxLength: 40 })], { numRuns: 100 })(
    "the same inputs always give the same events (decide is deterministic)",
    (intake, steps) => {
      const a = runSteps(intake, steps, false)
      const b = runSteps(intake, steps, false)
      expect(b.events).toEqual(a.events)
    }
  )

  test("random runs reach every status (the generator explores the whole machine)", () => {
    const seen = new Set<string>()
    fc.assert(
      fc.property(intakeArb, fc.array(stepArb, { minLength: 5, maxLength: 40 }), (intake, steps) => {
        const r = runSteps(intake, steps, false)
        for (const e of r.events) seen.add(Lifecycle.replay("A-1", r.events.slice(0, e.seq)).status)
      }),
      { numRuns: 1500, seed: 20261125 }
    )
    expect([...seen].sort()).toEqual(AppealState.Status.literals.filter((s) => s !== "none").slice().sort())
  })

  test.prop([fc.constantFrom(...terminal), fc.constantFrom(...Command.types), fc.constantFrom(...actors), stepArb, intakeArb])(
    "terminal states accept no command but the prevention commands that settle what exists",
    (status, type, actor, step, intake) => {
      const state: AppealState.AppealState = { ...AppealState.initial("A-1"), status, mahallaCode: "M1", districtCode: "D1", applicantRef: "u1", assigneeId: "I1" }
      const command = Decode.either(Command.Command, "Command")(buildCommand(type, "A-1", step.p, intake, "2026-03-02T05:00:00.000Z"))
      if (Either.isLeft(command)) throw new Error(command.left.message)
      const r = Lifecycle.decide(state, command.right, { now: "2026-03-02T05:00:00.000Z", actor, officer: lookup, appeal: others })
      if (expected[type].from.includes(status)) {
        expect(prevention).toContain(type)
        if (Either.isRight(r)) expect(r.right.status).toBe(status)
      } else expect(r).toMatchObject({ _tag: "Left", left: { _tag: "InvalidTransition" } })
    }
  )

  test.prop([fc.constantFrom(...Command.types.filter((c) => c !== "receive")), fc.constantFrom(...actors), stepArb])(
    "a closed appeal accepts only rate, dispute and the prevention commands, and stays closed",
    (type, actor, step) => {
      const state: AppealState.AppealState = {
        ...AppealState.initial("A-1"),
        status: "closed",
        mahallaCode: "M1",
        districtCode: "D1",
        applicantRef: "u1",
        outcome: "satisfied",
        answeredAt: "2026-03-02T05:00:00.000Z"
      }
      const command = Decode.either(Command.Command, "Command")(buildCommand(type, "A-1", step.p, {}, "2026-03-03T05:00:00.000Z"))
      if (Either.isLeft(command)) throw new Error(command.left.message)
      const r = Lifecycle.execute(state, command.right, { now: "2026-03-03T05:00:00.000Z", actor, officer: lookup, appeal: others })
      if (Either.isRight(r)) {
        expect(["rate", "dispute", ...prevention]).toContain(type)
        expect(r.right.state.status).toBe("closed")
      } else if (type !== "rate" && type !== "dispute" && !prevention.includes(type)) {
        expect(r.left._tag).toBe("InvalidTransition")
      }
    }
  )
})


describe("protection orders (ZRU-561)", () => {
  const inReview: AppealState.AppealState = {
    ...AppealState.initial("A-1"),
    status: "inReview",
    mahallaCode: "M1",
    districtCode: "D1",
    assigneeId: "W1",
    flags: ["domesticViolence"]
  }
  const now = "2026-03-02T05:00:00.000Z"
  const issue = (validUntil: string) =>
    ({ type: "issueProtectionOrder", appealId: "A-1", orderNumber: "HO-1", validUntil }) as unknown as Command.Command
  // The prevention inspector of the mahalla studies the report and decides (ZRU-561, per the brief).
  const preventionInspector = actors.find((a) => a._tag === "officer" && a.officerId === "I1")!

  it.each([
    ["30 days, current regime", "2026-04-01T05:00:00.000Z", "current", "ok"],
    ["11 months, current regime", "2027-02-01T05:00:00.000Z", "current", "ok"],
    ["13 months, current regime", "2027-04-02T05:00:00.000Z", "current", "protectionOrder.validity"],
    ["30 days, original regime", "2026-04-01T05:00:00.000Z", "original", "ok"],
    ["31 days, original regime", "2026-04-02T05:00:01.000Z", "original", "protectionOrder.validity"],
    ["already ended", "2026-03-01T05:00:00.000Z", "current", "protectionOrder.validity"]
  ] as const)("an order valid %s", (_name, validUntil, regime, expected) => {
    const settings = { ...AppealMachine.defaultSettings, protectionOrderRegime: regime }
    const r = Lifecycle.execute(inReview, issue(validUntil), { now, actor: preventionInspector, settings, officer: lookup, appeal: others })
    if (expected === "ok") {
      expect(Either.isRight(r) && r.right.state.protectionOrder).toEqual({ orderNumber: "HO-1", validUntil })
      // Once decided, the study is over: no second order on the same appeal.
      const again = Either.isRight(r) ? Lifecycle.decide(r.right.state, issue(validUntil), { now, actor: preventionInspector, settings, officer: lookup, appeal: others }) : undefined
      expect(again).toMatchObject({ _tag: "Left", left: { _tag: "RuleViolation", rule: "protectionOrder.once" } })
    } else {
      expect(r).toMatchObject({ _tag: "Left", left: { _tag: "RuleViolation", rule: expected } })
    }
  })

  it("issuing the order meets the 24-hour study clock", () => {
    const received = { type: "received", at: "2026-03-02T05:00:00.000Z", data: { kind: "shikoyat" } }
    const triaged = { type: "triaged", at: "2026-03-02T05:00:00.000Z", data: { priority: "high", flags: ["domesticViolence"] } }
    const issued = { type: "protectionOrderIssued", at: "2026-03-02T15:00:00.000Z", data: {} }
    const status = (events: ReadonlyArray<{ type: string; at: string; data: unknown }>) =>
      Either.getOrThrow(Deadline.status(events, "2026-03-03T10:00:00.000Z")).clocks.find((c) => c.clock === "protectionOrderStudy")?.state
    expect(status([received, triaged])).toBe("overdue")
    expect(status([received, triaged, issued])).toBe("met")
  })
})
