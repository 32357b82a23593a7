// The machine against the rules: an oracle written by hand from docs/rules/lifecycle.md and
// ../shared/lifecycle.md (./support/lifecycleOracle.ts) says, for every command, in which statuses it
// may be given, where it leads and which event it records. Every path the oracle allows is driven
// through the real decide/evolve with an actor who may take each step, checking the status and the
// event types after each command; every command is then tried in every status, and must be taken
// exactly where the oracle allows it. The machine's own path enumeration (xstate's graph utilities,
// published in docs/rules/lifecycle.md) must be the oracle's.
import { Actor, AppealMachineGraph, AppealState, Audit, Command, Decode, Event, Lifecycle } from "@murojaat/core"
import { Either } from "effect"
import { describe, expect, it } from "vitest"
import { after, ends, expected, simplePaths } from "./support/lifecycleOracle.js"
import { lookup, officer, others } from "./support/world.js"

const intake = {
  kind: "shikoyat",
  form: "electronic",
  channel: "smartMahallaApp",
  applicant: { type: "individual", surname: "Karimova", name: "Dilnoza", residence: "Bodomzor 3", contact: {}, consent: { given: true, form: "electronic" } },
  applicantRef: "u1",
  location: { regionCode: "R1", districtCode: "D1", mahallaCode: "M1" },
  text: { body: "Qoʻshnim har kecha shovqin qiladi" }
}
const notice = { channel: "post", reference: "OUT-7" }

// A command that satisfies the rules in `state`, and an actor who may give it.
const happy = (type: Command.Type, state: AppealState.AppealState): { command: unknown; actor: Actor.Actor } => {
  const base = { type, appealId: "A-1" }
  const assignee = state.assigneeId !== undefined ? Actor.fromOfficer(officer(state.assigneeId)) : undefined
  const chief = Actor.fromOfficer(officer("C1"))
  const system = Actor.system("rules")
  const applicant = Actor.applicant("u1")
  switch (type) {
    case "receive":
      return { command: { ...base, intake }, actor: applicant }
    case "register":
      return { command: { ...base, registrationNumber: "D1-2026-000001" }, actor: system }
    case "triage":
      return { command: { ...base, category: "publicOrder", priority: "normal", flags: [], confidence: 0.9, needsPerson: false, ruleIds: ["r"] }, actor: system }
    case "correctTriage":
      return { command: { ...base, category: "familyConflict", priority: "high", flags: ["domesticViolence"], reason: "Violence in the family" }, actor: chief }
    case "assign":
      return { command: { ...base, officerId: "I1" }, actor: system }
    case "reassign":
      return { command: { ...base, officerId: state.assigneeId === "W1" ? "I1" : "W1", reason: "Leave" }, actor: chief }
    case "unassign":
      return { command: { ...base, reason: "Back to the queue" }, actor: chief }
    case "startReview":
    case "requestInformation":
    case "answer":
      return {
        command:
          type === "startReview"
            ? base
            : type === "requestInformation"
              ? { ...base, request: "Please send the photo" }
              : { ...base, outcome: "explained", answerText: "Explained", legalBasis: "ZRU-445 Art. 28" },
        actor: assignee!
      }
    case "provideInformation":
      return { command: { ...base, note: "Photo sent" }, actor: applicant }
    case "declareExtraStudy":
      return { command: { ...base, reason: "Needs checking" }, actor: chief }
    case "extendDeadline":
      return { command: { ...base, reason: "Expert opinion", applicantNotice: notice }, actor: chief }
    case "forward":
      return { command: { ...base, body: { name: "Khokimiyat" }, applicantNotice: notice }, actor: chief }
    case "handToCriminalProcedure":
      return { command: { ...base, reference: "KUSP-1" }, actor: chief }
    // The prevention inspector of the mahalla decides on a protection order (ZRU-561).
    case "issueProtectionOrder":
      return { command: { ...base, orderNumber: "HO-1", validUntil: "2026-09-01T00:00:00.000Z" }, actor: Actor.fromOfficer(officer("I1")) }
    case "refuseProtectionOrder":
      return { command: { ...base, reason: "No violence found" }, actor: Actor.fromOfficer(officer("I1")) }
    case "leaveWithoutConsideration":
      return { command: { ...base, ground: "otherRequirements", conclusion: "Conclusion approved by the head", approvedBy: "C1" }, actor: chief }
    case "close":
      return { command: base, actor: system }
    case "rate":
      return { command: { ...base, score: 5 }, actor: applicant }
    case "dispute":
      return { command: { ...base, repeatAppealId: "A-2", reason: "Nothing changed" }, actor: applicant }
    case "mergeInto":
      return { command: { ...base, targetAppealId: "A-2", reason: "Same matter" }, actor: chief }
    case "withdraw":
      return { command: base, actor: applicant }
    case "escalate":
      return { command: { ...base, reason: "overdue:consideration" }, actor: system }
    // Prevention: the prevention inspector of the mahalla (ZRU-561; ZRU-371).
    case "planMeasure":
      return { command: { ...base, kind: "homeVisit" }, actor: Actor.fromOfficer(officer("I1")) }
    case "completeMeasure":
      return { command: { ...base, measureId: "A-1/M1", outcome: "held", note: "Talked with the family" }, actor: Actor.fromOfficer(officer("I1")) }
    case "cancelMeasure":
      return { command: { ...base, measureId: "A-1/M1", reason: "Moved away" }, actor: Actor.fromOfficer(officer("I1")) }
    case "extendProtectionOrder":
      return {
        command: { ...base, orderNumber: "HO-1", validUntil: "2026-10-01T00:00:00.000Z", onVictimApplication: true, reason: "Threats go on" },
        actor: Actor.fromOfficer(officer("I1"))
      }
    case "recordProtectionOrderBreach":
      return { command: { ...base, orderNumber: "HO-1", occurredAt: "2026-03-02T06:00:00.000Z" }, actor: Actor.fromOfficer(officer("I1")) }
  }
}

// What settling a measure or an order needs to exist: a planned measure and an issued order, as an
// appeal that reached this status with them would have (planned or issued in an earlier status).
const withPrevention = (state: AppealState.AppealState): AppealState.AppealState => ({
  ...state,
  protectionOrder: { orderNumber: "HO-1", validUntil: "2026-09-01T00:00:00.000Z" },
  measures: [
    { measureId: "A-1/M1", appealId: "A-1", kind: "homeVisit", status: "planned", plannedAt: "2026-03-02T04:00:00.000Z", dueBy: "2026-03-07T04:00:00.000Z", linkedAppealIds: [] }
  ]
})

const step = (state: AppealState.AppealState, type: Command.Type, minute: number) => {
  const { command, actor } = happy(type, state)
  const decoded = Decode.either(Command.Command, "Command")(command)
  if (Either.isLeft(decoded)) throw new Error(decoded.left.message)
  const now = new Date(Date.parse("2026-03-02T04:00:00.000Z") + minute * 60_000).toISOString()
  return Lifecycle.execute(state, decoded.right, { now, actor, officer: lookup, appeal: others })
}

// Drives the commands, checking each step against the oracle: the status after it and the events
// it recorded.
const drive = (commands: ReadonlyArray<Command.Type>) => {
  let state = AppealState.initial("A-1")
  const events: Array<Event.AppealEvent> = []
  const statuses: Array<AppealState.Status> = ["none"]
  commands.forEach((type, i) => {
    const r = step(state, type, i)
    const where = commands.slice(0, i + 1).join(" > ")
    if (Either.isLeft(r)) throw new Error(`${where}: ${r.left.message}`)
    expect(r.right.state.status, where).toBe(after(type, state.status))
    expect(r.right.events.map((e) => e.type), where).toEqual([expected[type].event])
    events.push(...r.right.events)
    state = r.right.state
    statuses.push(state.status)
  })
  return { state, events, statuses }
}

const key = (p: { readonly commands: ReadonlyArray<string> }) => p.commands.join(" > ")
const oraclePaths = simplePaths(Command.types)
// The shortest way the oracle knows to each status it can reach.
const prefixes = new Map<AppealState.Status, ReadonlyArray<Command.Type>>([["none", []]])
for (const p of [...oraclePaths].sort((a, b) => a.commands.length - b.commands.length)) {
  p.statuses.forEach((s, i) => prefixes.has(s) || prefixes.set(s, p.commands.slice(0, i)))
}

describe("machine paths against the rules", () => {
  it("the oracle reaches every status and every end, by the 22 paths published in docs/rules/lifecycle.md", () => {
    expect([...prefixes.keys()].sort()).toEqual([...AppealState.Status.literals].sort())
    expect([...new Set(oraclePaths.map((p) => p.statuses[p.statuses.length - 1]))].sort()).toEqual([...ends].sort())
    expect(oraclePaths.length).toBe(22)
  })

  it("the machine's path enumeration (xstate/graph) is the oracle's", () => {
    expect(AppealMachineGraph.paths().map(key).sort()).toEqual(oraclePaths.map(key).sort())
    for (const p of AppealMachineGraph.paths()) expect(p.statuses, key(p)).toEqual(oraclePaths.find((o) => key(o) === key(p))?.statuses)
  })

  it.each(oraclePaths.map((p) => [key(p), p] as const))("%s", (_name, path) => {
    const run = drive(path.commands)
    expect(run.statuses).toEqual(path.statuses)
    expect(Lifecycle.replay("A-1", run.events)).toEqual(run.state)
    expect(Audit.verifyChain(run.events, { seq: run.state.version, hash: run.state.lastHash }).ok).toBe(true)
  })

  // Every command in every status: taken where the oracle allows it (to its status, with its event),
  // refused as not possible in this status everywhere else.
  const cases = [...prefixes.keys()].flatMap((status) => Command.types.map((type) => [`${status} --${type}-->`, status, type] as const))
  it.each(cases)("%s", (_name, status, type) => {
    const before = drive(prefixes.get(status)!)
    expect(before.state.status).toBe(status)
    const r = step(withPrevention(before.state), type, 500)
    const to = after(type, status)
    if (to === undefined) {
      expect(r).toMatchObject({ _tag: "Left", left: { _tag: "InvalidTransition", state: status, command: type } })
      return
    }
    if (Either.isLeft(r)) throw new Error(`${status} --${type}-->: ${r.left.message}`)
    expect(r.right.state.status).toBe(to)
    expect(r.right.events.map((e) => e.type)).toEqual([expected[type].event])
  })
})
