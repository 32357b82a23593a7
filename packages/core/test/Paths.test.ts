// Every simple path of the machine (enumerated by xstate's graph utilities) is driven through the
// real decide/evolve with an actor who may take each step; every loop is then tried on each status.
import { Actor, AppealMachine, AppealMachineGraph, AppealState, Audit, Command, Decode, Event, Lifecycle } from "@murojaat/core"
import { Either } from "effect"
import { describe, expect, it } from "vitest"
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
  }
}

const step = (state: AppealState.AppealState, type: Command.Type, minute: number) => {
  const { command, actor } = happy(type, state)
  const decoded = Decode.either(Command.Command, "Command")(command)
  if (Either.isLeft(decoded)) throw new Error(decoded.left.message)
  const now = new Date(Date.parse("2026-03-02T04:00:00.000Z") + minute * 60_000).toISOString()
  return Lifecycle.execute(state, decoded.right, { now, actor, officer: lookup, appeal: others })
}

const drive = (commands: ReadonlyArray<Command.Type>) => {
  let state = AppealState.initial("A-1")
  const events: Array<Event.AppealEvent> = []
  const statuses: Array<AppealState.Status> = ["none"]
  commands.forEach((type, i) => {
    const r = step(state, type, i)
    if (Either.isLeft(r)) throw new Error(`${commands.slice(0, i + 1).join(" > ")}: ${r.left.message}`)
    events.push(...r.right.events)
    state = r.right.state
    statuses.push(state.status)
  })
  return { state, events, statuses }
}

const paths = AppealMachineGraph.paths()

describe("machine paths", () => {
  it("the path list covers every end status and every transition that changes status", () => {
    const ends = new Set(paths.map((p) => p.statuses[p.statuses.length - 1]))
    expect([...ends].sort()).toEqual(["closed", "forwarded", "handedToCriminalProcedure", "leftWithoutConsideration", "mergedAsDuplicate", "withdrawn"])
    expect(paths.length).toBeGreaterThanOrEqual(20)
  })

  it.each(paths.map((p) => [p.commands.join(" > "), p] as const))("%s", (_name, path) => {
    const run = drive(path.commands)
    // The real lifecycle follows the path the machine's structure promises.
    expect(run.statuses).toEqual(path.statuses)
    // Registration is never skipped: nothing but withdrawal happens before it.
    const reg = path.commands.indexOf("register")
    expect(reg === 1 || path.commands[1] === "withdraw").toBe(true)
    // An answer only after review; closing only after an answer.
    if (path.commands.includes("answer")) expect(path.commands.indexOf("startReview")).toBeLessThan(path.commands.indexOf("answer"))
    if (path.commands.includes("close")) expect(path.commands.indexOf("answer")).toBeLessThan(path.commands.indexOf("close"))
    expect(Lifecycle.replay("A-1", run.events)).toEqual(run.state)
    expect(Audit.verifyChain(run.events, { seq: run.state.version, hash: run.state.lastHash }).ok).toBe(true)
    // At the end nothing but rating and disputing (on a closed appeal) is accepted.
    for (const type of Command.types) {
      const r = step(run.state, type, 10_000)
      if (Either.isRight(r)) expect(run.state.status === "closed" && (type === "rate" || type === "dispute")).toBe(true)
    }
  })

  // Loops: every transition that keeps or returns to a status, tried from every status on a path to it.
  const prefixes = new Map<AppealState.Status, ReadonlyArray<Command.Type>>()
  for (const p of paths) p.statuses.forEach((s, i) => prefixes.has(s) || prefixes.set(s, p.commands.slice(0, i)))
  const loops = AppealMachine.transitions().filter((t) => t.to === t.from || (prefixes.get(t.to)?.length ?? 0) < (prefixes.get(t.from)?.length ?? 0))
  it.each(loops.map((t) => [`${t.from} --${t.command}--> ${t.to}`, t] as const))("loop %s", (_name, t) => {
    const before = drive(prefixes.get(t.from)!)
    const r = step(before.state, t.command, 500)
    if (Either.isLeft(r)) throw new Error(r.left.message)
    expect(r.right.state.status).toBe(t.to)
    expect(r.right.events.map((e) => e.type)).toEqual(t.grant.events)
  })
})
