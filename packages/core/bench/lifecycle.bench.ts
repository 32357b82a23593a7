/**
 * Lifecycle benchmark: commands decided, sealed onto the SHA-256 hash chain and folded into the
 * state per second on one core (`Lifecycle.execute` = decide + seal + evolve), against a bare
 * xstate `transition()` of the same machine with the same inputs, measured in the same run.
 *
 * Each operation is one command of a whole appeal's life (receive, register, triage, assign,
 * startReview, answer, close: 7 commands per appeal).
 *
 * Run: `npx tsx scripts/bench.ts lifecycle`
 */
import { transition } from "xstate"
import { Actor, AppealMachine, AppealState, Command, Directory, Lifecycle, Schema } from "../src/index.js"
import { compare, fmt } from "../../../scripts/benchkit.js"

const officer = Schema.decodeUnknownSync(Directory.Officer)({
  id: "O-1",
  name: "Inspector",
  roles: ["preventionInspector"],
  districtCode: "D1",
  mahallas: ["M1"],
  duty: [],
  absences: [],
  conflicts: []
})
const inspector = Actor.fromOfficer(officer)
const system = Actor.system("rules")
const applicant = Actor.applicant("u-1")
const lookup = (id: string) => (id === "O-1" ? officer : undefined)

const script = (appealId: string): ReadonlyArray<{ readonly command: Command.Command; readonly actor: Actor.Actor }> =>
  [
    {
      command: {
        type: "receive",
        appealId,
        intake: {
          kind: "shikoyat",
          form: "electronic",
          channel: "smartMahallaApp",
          applicantRef: "u-1",
          applicant: { type: "individual", surname: "Karimova", name: "Dilnoza", residence: "Bodomzor 3", declaredFalse: false, contact: {}, consent: { given: true, form: "electronic", revoked: false } },
          signatories: [],
          location: { regionCode: "R1", districtCode: "D1", mahallaCode: "M1" },
          text: { body: "Qoʻshnim har kecha baland musiqa qoʻyadi, bolalarim uxlay olmayapti." },
          attachments: [],
          links: []
        }
      },
      actor: applicant
    },
    { command: { type: "register", appealId, registrationNumber: "D1-2026-000001" }, actor: system },
    { command: { type: "triage", appealId, category: "publicOrder", priority: "normal", flags: [], confidence: 0.9, needsPerson: false, ruleIds: ["order.noise"] }, actor: system },
    { command: { type: "assign", appealId, officerId: "O-1", ruleIds: ["assign.leastLoad"] }, actor: system },
    { command: { type: "startReview", appealId }, actor: inspector },
    { command: { type: "answer", appealId, outcome: "explained", answerText: "Tushuntirildi", legalBasis: "ZRU-445 Art. 28" }, actor: inspector },
    { command: { type: "close", appealId }, actor: system }
  ] as unknown as ReadonlyArray<{ readonly command: Command.Command; readonly actor: Actor.Actor }>

const steps = script("A-1")
const now = "2026-03-25T05:00:00.000Z"

// Subject: the whole decision path, events hashed and folded.
const subject = () => {
  let state = AppealState.initial("A-1")
  for (const { command, actor } of steps) {
    const r = Lifecycle.execute(state, command, { now, actor, officer: lookup })
    if (r._tag === "Left") throw new Error(r.left.message)
    state = r.right.state
  }
  return steps.length
}

// Baseline: xstate's pure transition of the same machine, with the same guard inputs.
const baseline = () => {
  let snapshot = AppealMachine.machine.resolveState({ value: "none", context: {} })
  let state = AppealState.initial("A-1")
  for (const { command, actor } of steps) {
    const [next] = transition(AppealMachine.machine, snapshot, { type: command.type, input: { state, command, ctx: { now, actor, officer: lookup } } })
    snapshot = next
    // Keep the guard inputs true to the path (statuses and the assignee), as decide would see them.
    state = { ...state, status: next.value as AppealState.Status, mahallaCode: "M1", districtCode: "D1", applicantRef: "u-1", assigneeId: command.type === "assign" ? "O-1" : state.assigneeId }
  }
  return steps.length
}

if (subject() !== baseline()) throw new Error("the two runs disagree")
const r = compare(
  "Lifecycle: commands per second (one core)",
  { name: "bare xstate transition() of AppealMachine", run: baseline },
  { name: "Lifecycle.execute (decide + SHA-256 seal + evolve)", run: subject }
)
console.log(`  ${fmt(r.subject.opsPerSecond)} commands/s decided, hashed and folded; ${fmt(r.subject.opsPerSecond / steps.length)} whole appeals/s`)
