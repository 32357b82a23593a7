// Model-based tests of the prevention commands in the lifecycle: random runs of planMeasure,
// completeMeasure, cancelMeasure, extendProtectionOrder and recordProtectionOrderBreach on an appeal
// with an order, checked step by step against a model written by hand from docs/rules/prevention.md
// (terms, outcomes, the regimes of ZRU-561). Nothing here reads PreventiveMeasure, ProtectionOrder
// or AppealMachine: the tests compare the lifecycle with the rules.
import { fc, test } from "@fast-check/vitest"
import { Actor, AppealMachine, AppealState, Audit, Command, Decode, Lifecycle } from "@murojaat/core"
import { Either } from "effect"
import { describe, expect, it } from "vitest"
import { lookup, officer, others } from "./support/world.js"

const DAY = 86_400_000
// The terms of docs/rules/prevention.md, section 6 (Murojaat settings): default and longest, in days.
const terms = {
  preventionTalk: [10, 30],
  homeVisit: [5, 15],
  preventiveRegister: [30, 90],
  referral: [5, 30]
} as const
type Kind = keyof typeof terms
// The outcomes each kind may end with (docs/rules/prevention.md, section 6).
const outcomes: Record<Kind, ReadonlyArray<string>> = {
  preventionTalk: ["held", "personAbsent", "personRefused"],
  homeVisit: ["held", "personAbsent", "personRefused"],
  preventiveRegister: ["entered", "notEntered"],
  referral: ["accepted", "declined", "noAnswer"]
}
const allOutcomes = ["held", "personAbsent", "personRefused", "entered", "notEntered", "accepted", "declined", "noAnswer"] as const

// The order, issued 10 Jan 2026 10:00 Tashkent (05:00 UTC), valid 30 days: within both regimes.
const issuedAt = Date.parse("2026-01-10T05:00:00.000Z")
const firstUntil = issuedAt + 30 * DAY
// 12 calendar months after the issue, the current regime's ceiling (10 Jan 2027 10:00 Tashkent).
const ceiling = Date.parse("2027-01-10T05:00:00.000Z")

interface ModelMeasure {
  readonly id: string
  readonly kind: Kind
  status: "planned" | "done" | "cancelled"
  readonly dueBy: number
  outcome?: string
}
interface Model {
  readonly measures: Array<ModelMeasure>
  validUntil: number
  extensions: number
  breaches: number
}

type Step =
  | { readonly op: "plan"; readonly kind: Kind; readonly dueDays: number | undefined; readonly body: boolean; readonly linkSelf: boolean }
  | { readonly op: "complete"; readonly n: number; readonly outcome: (typeof allOutcomes)[number] }
  | { readonly op: "cancel"; readonly n: number }
  | { readonly op: "extend"; readonly days: number; readonly victim: boolean; readonly sameOrder: boolean }
  | { readonly op: "breach"; readonly hoursAgo: number; readonly sameOrder: boolean }

const kindArb = fc.constantFrom<Kind>("preventionTalk", "homeVisit", "preventiveRegister", "referral")
const stepArb: fc.Arbitrary<Step> = fc.oneof(
  fc.record({
    op: fc.constant("plan" as const),
    kind: kindArb,
    dueDays: fc.option(fc.integer({ min: -2, max: 100 }), { nil: undefined }),
    body: fc.boolean(),
    linkSelf: fc.integer({ min: 0, max: 9 }).map((n) => n === 0)
  }),
  fc.record({ op: fc.constant("complete" as const), n: fc.integer({ min: 1, max: 5 }), outcome: fc.constantFrom(...allOutcomes) }),
  fc.record({ op: fc.constant("cancel" as const), n: fc.integer({ min: 1, max: 5 }) }),
  fc.record({ op: fc.constant("extend" as const), days: fc.integer({ min: -5, max: 400 }), victim: fc.boolean(), sameOrder: fc.integer({ min: 0, max: 9 }).map((n) => n !== 0) }),
  fc.record({ op: fc.constant("breach" as const), hoursAgo: fc.integer({ min: -5, max: 2000 }), sameOrder: fc.integer({ min: 0, max: 9 }).map((n) => n !== 0) })
)

const iso = (ms: number) => new Date(ms).toISOString()

// The rule the model says refuses the step, or undefined; and the model after it.
const judge = (m: Model, s: Step, now: number, regime: "current" | "original"): string | undefined => {
  switch (s.op) {
    case "plan": {
      const [def, max] = terms[s.kind]
      const due = s.dueDays === undefined ? now + def * DAY : now + s.dueDays * DAY
      if (!(due > now && due <= now + max * DAY)) return "measure.dueWithinTerm"
      if ((s.kind === "referral") !== s.body) return "measure.referralNamesBody"
      if (s.linkSelf) return "measure.linksOthers"
      m.measures.push({ id: `A-1/M${m.measures.length + 1}`, kind: s.kind, status: "planned", dueBy: due })
      return undefined
    }
    case "complete":
    case "cancel": {
      const x = m.measures.find((y) => y.id === `A-1/M${s.n}`)
      if (x === undefined) return "measure.known"
      if (x.status !== "planned") return "measure.open"
      if (s.op === "cancel") {
        x.status = "cancelled"
        return undefined
      }
      if (!outcomes[x.kind].includes(s.outcome)) return "measure.outcomeFitsKind"
      x.status = "done"
      x.outcome = s.outcome
      return undefined
    }
    case "extend": {
      if (!s.sameOrder) return "protectionOrder.extension.sameOrder"
      const until = m.validUntil + s.days * DAY
      if (!(now >= issuedAt && now < m.validUntil) || !(until > m.validUntil)) return "protectionOrder.extension.inForce"
      if (regime === "original") {
        if (m.extensions >= 1 || !s.victim || until > m.validUntil + 30 * DAY) return "protectionOrder.extension.original"
      } else if (until > ceiling) return "protectionOrder.extension.current"
      m.validUntil = until
      m.extensions++
      return undefined
    }
    case "breach": {
      if (!s.sameOrder) return "protectionOrder.extension.sameOrder"
      const at = now - s.hoursAgo * 3_600_000
      if (!(at <= now && at >= issuedAt && at < m.validUntil)) return "protectionOrder.breach.whileInForce"
      m.breaches++
      return undefined
    }
  }
}

const commandOf = (s: Step, now: number, validUntil: number): unknown => {
  const base = { appealId: "A-1" }
  switch (s.op) {
    case "plan":
      return {
        ...base,
        type: "planMeasure",
        kind: s.kind,
        ...(s.dueDays === undefined ? {} : { dueBy: iso(now + s.dueDays * DAY) }),
        ...(s.body ? { body: { name: "Mahalla va oilani qoʻllab-quvvatlash boʻlimi" } } : {}),
        linkedAppealIds: s.linkSelf ? ["A-1"] : ["A-7"]
      }
    case "complete":
      return { ...base, type: "completeMeasure", measureId: `A-1/M${s.n}`, outcome: s.outcome, note: "Talked with the family" }
    case "cancel":
      return { ...base, type: "cancelMeasure", measureId: `A-1/M${s.n}`, reason: "Moved away" }
    case "extend":
      return {
        ...base,
        type: "extendProtectionOrder",
        orderNumber: s.sameOrder ? "HO-1" : "HO-2",
        validUntil: iso(validUntil + s.days * DAY),
        onVictimApplication: s.victim,
        reason: "Threats go on"
      }
    case "breach":
      return { ...base, type: "recordProtectionOrderBreach", orderNumber: s.sameOrder ? "HO-1" : "HO-2", occurredAt: iso(now - s.hoursAgo * 3_600_000) }
  }
}

// An appeal in review by W1 in mahalla M1, its order issued on 10 Jan 2026 by the prevention
// inspector I1, built through the lifecycle so that its history is real.
const inspector = Actor.fromOfficer(officer("I1"))
const setup = (regime: "current" | "original") => {
  const settings = { ...AppealMachine.defaultSettings, protectionOrderRegime: regime }
  let state: AppealState.AppealState = {
    ...AppealState.initial("A-1"),
    status: "inReview",
    kind: "shikoyat",
    receivedAt: iso(issuedAt - DAY),
    regionCode: "R1",
    districtCode: "D1",
    mahallaCode: "M1",
    assigneeId: "W1",
    flags: ["domesticViolence"],
    clockFacts: { termChanges: [], firsts: [] }
  }
  const issue = Decode.either(Command.Command, "Command")({ type: "issueProtectionOrder", appealId: "A-1", orderNumber: "HO-1", validUntil: iso(firstUntil) })
  const r = Lifecycle.execute(state, Either.getOrThrow(issue), { now: iso(issuedAt), actor: inspector, settings, officer: lookup, appeal: others })
  const base = state
  state = Either.getOrThrow(r).state
  return { base, state, events: Either.getOrThrow(r).events, settings }
}

describe("prevention commands in the lifecycle (model-based, oracle from docs/rules/prevention.md)", () => {
  test.prop([fc.constantFrom("current" as const, "original" as const), fc.array(fc.tuple(stepArb, fc.integer({ min: 0, max: 72 })), { minLength: 1, maxLength: 30 })], {
    numRuns: 300
  })("every step is accepted or refused as the rules say, the status never changes, and replay equals state", (regime, steps) => {
    const built = setup(regime)
    let { state, events } = built
    const { base, settings } = built
    const model: Model = { measures: [], validUntil: firstUntil, extensions: 0, breaches: 0 }
    let now = issuedAt
    for (const [step, hours] of steps) {
      now += hours * 3_600_000
      const command = Decode.either(Command.Command, "Command")(commandOf(step, now, model.validUntil))
      if (Either.isLeft(command)) throw new Error(command.left.message)
      const want = judge(model, step, now, regime)
      const r = Lifecycle.execute(state, command.right, { now: iso(now), actor: inspector, settings, officer: lookup, appeal: others })
      if (want === undefined) {
        if (Either.isLeft(r)) throw new Error(`${JSON.stringify(step)} refused: ${r.left.message}`)
        expect(r.right.state.status).toBe("inReview")
        events = [...events, ...r.right.events]
        state = r.right.state
      } else {
        expect(r, JSON.stringify(step)).toMatchObject({ _tag: "Left", left: { _tag: "RuleViolation", rule: want } })
      }
    }
    expect((state.measures ?? []).map((m) => [m.measureId, m.kind, m.status, m.outcome, Date.parse(m.dueBy)])).toEqual(
      model.measures.map((m) => [m.id, m.kind, m.status, m.outcome, m.dueBy])
    )
    expect(Date.parse(state.protectionOrder!.validUntil)).toBe(model.validUntil)
    expect(state.protectionOrder!.extensions ?? 0).toBe(model.extensions)
    expect(state.protectionOrder!.breaches?.length ?? 0).toBe(model.breaches)
    // Folding the events onto the state before the order gives the state: the events say it all.
    expect(events.reduce(Lifecycle.evolve, base)).toEqual(state)
    expect(Audit.verifyChain(events, { seq: state.version, hash: state.lastHash }).ok).toBe(true)
  })

  it("an extension is its own event, never a second order; the order keeps its number", () => {
    const { state, settings } = setup("current")
    const extend = Either.getOrThrow(
      Decode.either(Command.Command, "Command")({ type: "extendProtectionOrder", appealId: "A-1", orderNumber: "HO-1", validUntil: "2026-06-01T05:00:00.000Z", onVictimApplication: false, reason: "Threats go on" })
    )
    const r = Either.getOrThrow(Lifecycle.execute(state, extend, { now: "2026-02-01T05:00:00.000Z", actor: inspector, settings, officer: lookup, appeal: others }))
    expect(r.events.map((e) => e.type)).toEqual(["protectionOrderExtended"])
    expect(r.events[0]!.data).toMatchObject({ orderNumber: "HO-1", previousValidUntil: iso(firstUntil), validUntil: "2026-06-01T05:00:00.000Z" })
    expect(r.texts).toEqual([{ seq: r.events[0]!.seq, texts: { reason: "Threats go on" } }])
    expect(r.state.protectionOrder).toEqual({ orderNumber: "HO-1", validUntil: "2026-06-01T05:00:00.000Z", extensions: 1 })
    expect(r.state.protectionOrderDecided).toBe(true)
  })

  it("after the appeal was handed to criminal procedure, measures are still planned and the order still extended", () => {
    const { state, settings } = setup("current")
    const handed = { ...state, status: "handedToCriminalProcedure" as const }
    const ctx = { now: "2026-02-01T05:00:00.000Z", actor: inspector, settings, officer: lookup, appeal: others }
    const plan = Either.getOrThrow(Decode.either(Command.Command, "Command")({ type: "planMeasure", appealId: "A-1", kind: "preventiveRegister" }))
    const planned = Either.getOrThrow(Lifecycle.execute(handed, plan, ctx))
    expect(planned.state.status).toBe("handedToCriminalProcedure")
    expect(planned.state.measures?.[0]).toMatchObject({ measureId: "A-1/M1", status: "planned", dueBy: "2026-03-03T05:00:00.000Z" })
    // Withdrawn: what exists is settled, nothing new is planned.
    const withdrawn = { ...planned.state, status: "withdrawn" as const }
    expect(Lifecycle.decide(withdrawn, plan, ctx)).toMatchObject({ _tag: "Left", left: { _tag: "InvalidTransition" } })
    const cancel = Either.getOrThrow(Decode.either(Command.Command, "Command")({ type: "cancelMeasure", appealId: "A-1", measureId: "A-1/M1", reason: "Moved away" }))
    expect(Either.getOrThrow(Lifecycle.execute(withdrawn, cancel, ctx)).state.measures?.[0]?.status).toBe("cancelled")
  })

  it("an officer outside the mahalla may not plan, and an applicant may not extend", () => {
    const { state, settings } = setup("current")
    const ctx = { now: "2026-02-01T05:00:00.000Z", settings, officer: lookup, appeal: others }
    const plan = Either.getOrThrow(Decode.either(Command.Command, "Command")({ type: "planMeasure", appealId: "A-1", kind: "homeVisit" }))
    expect(Lifecycle.decide(state, plan, { ...ctx, actor: Actor.fromOfficer(officer("I3")) })).toMatchObject({ _tag: "Left", left: { _tag: "NotAuthorized" } })
    const extend = Either.getOrThrow(
      Decode.either(Command.Command, "Command")({ type: "extendProtectionOrder", appealId: "A-1", orderNumber: "HO-1", validUntil: "2026-06-01T05:00:00.000Z", onVictimApplication: true, reason: "Threats go on" })
    )
    expect(Lifecycle.decide(state, extend, { ...ctx, actor: Actor.applicant("u1") })).toMatchObject({ _tag: "Left", left: { _tag: "NotAuthorized" } })
  })
})
