/**
 * Lifecycle benchmark: commands per second on one core, against a bare xstate `transition()` of the
 * same machine with the same commands as events, measured in the same run.
 *
 * - `Lifecycle.decide` + `Lifecycle.evolve`: the machine's transition, the grant (policy and rules)
 *   evaluated once, the typed pending events (`Lifecycle.records`: data, rule ids, and the free
 *   texts and personal data kept apart, not digested) and the fold into the state. The events are
 *   numbered and linked as `Audit.seal` does, but neither digested nor hashed: that is the seal's
 *   work, measured on its own.
 * - `Audit.seal` alone: the digests of the texts and personal data, canonical JSON and SHA-256 of
 *   the same events.
 * - `Lifecycle.execute`: all of it, as a service runs it.
 *
 * Each operation is one command of a whole appeal's life (receive, register, triage, assign,
 * startReview, answer, close: 7 commands per appeal).
 *
 * Run: `npx tsx scripts/bench.ts lifecycle`
 */
import { transition } from "xstate"
import { Schema } from "effect"
import { Actor, Appeal, AppealMachine, AppealState, Audit, Command, Directory, Event, Lifecycle } from "../src/index.js"
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

const ctxOf = (actor: Actor.Actor) => ({ now, actor, officer: lookup })

const appealId = Schema.decodeSync(Appeal.AppealId)("A-1")

// What Audit.seal does but the digests and the hash: the envelope evolve reads (seq, time, hash
// field), built as the seal builds it (one literal per event, no spread of the pending event). The
// data keeps no digest: evolve does not read them.
const link = (state: AppealState.AppealState, pending: ReadonlyArray<Event.Pending>, actor: Actor.Ref): ReadonlyArray<Event.AppealEvent> =>
  pending.map((p, i) => {
    const seq = state.version + i + 1
    const event = { id: `A-1#${seq}`, appealId, seq, type: p.type, at: now, actor, rules: p.rules, data: p.data, prevHash: state.lastHash, hash: state.lastHash }
    return event as Event.AppealEvent
  })

// The decided events of the whole path, to seal on their own.
const decided: Array<{ readonly state: AppealState.AppealState; readonly pending: ReadonlyArray<Event.Pending>; readonly actor: Actor.Ref }> = []
{
  let state = AppealState.initial("A-1")
  for (const { command, actor } of steps) {
    const r = Lifecycle.execute(state, command, ctxOf(actor))
    if (r._tag === "Left") throw new Error(r.left.message)
    const d = Lifecycle.decide(state, command, ctxOf(actor))
    if (d._tag === "Left") throw new Error(d.left.message)
    decided.push({ state, pending: d.right.events, actor: Actor.ref(actor, d.right.role) })
    state = r.right.state
  }
}

// Baseline: xstate's pure transition of the same machine, the same commands as its events.
const baseline = () => {
  let snapshot = AppealMachine.snapshot("none")
  for (const { command } of steps) snapshot = transition(AppealMachine.machine, snapshot, command)[0]
  if (snapshot.value !== "closed") throw new Error("the baseline did not reach closed")
  return steps.length
}

// Walks the whole path, each command taking the state to the next.
const walk = (next: (state: AppealState.AppealState, command: Command.Command, actor: Actor.Actor) => AppealState.AppealState) => () => {
  let state = AppealState.initial("A-1")
  for (const { command, actor } of steps) state = next(state, command, actor)
  return steps.length
}
const right = <A>(r: { readonly _tag: "Left"; readonly left: { readonly message: string } } | { readonly _tag: "Right"; readonly right: A }): A => {
  if (r._tag === "Left") throw new Error(r.left.message)
  return r.right
}

// Subject: decide (transition, grant once, typed events) and evolve; no hashing.
const decideEvolve = walk((state, command, actor) => {
  const d = right(Lifecycle.decide(state, command, ctxOf(actor)))
  return link(state, d.events, Actor.ref(actor, d.role)).reduce(Lifecycle.evolve, state)
})

// The seal alone: canonical JSON and SHA-256 of the same events.
const seal = () => {
  for (const { state, pending, actor } of decided) Audit.seal(state, pending, { appealId: "A-1", at: now, actor })
  return steps.length
}

// Everything: decide, seal, evolve.
const execute = walk((state, command, actor) => right(Lifecycle.execute(state, command, ctxOf(actor))).state)

if (decideEvolve() !== baseline() || execute() !== steps.length) throw new Error("the runs disagree")
// Warm every case up before any is timed, so that the first comparison does not pay for the JIT.
for (const run of [baseline, decideEvolve, seal, execute]) for (let i = 0; i < 3000; i++) run()
const bare = { name: "bare xstate transition() of AppealMachine", run: baseline }
const r = compare("Lifecycle: decide + evolve, commands per second (one core)", bare, { name: "Lifecycle.decide + evolve (no hashing)", run: decideEvolve })
const s = compare("Seal: commands per second (one core)", bare, { name: "Audit.seal (canonical JSON + SHA-256)", run: seal })
const e = compare("Lifecycle.execute: commands per second (one core)", bare, { name: "Lifecycle.execute (decide + seal + evolve)", run: execute })
console.log(`  decide + evolve ${fmt(r.subject.opsPerSecond)} commands/s (${r.ratio.toFixed(2)}x bare transition); seal ${fmt(s.subject.opsPerSecond)} commands/s; execute ${fmt(e.subject.opsPerSecond)} commands/s, ${fmt(e.subject.opsPerSecond / steps.length)} whole appeals/s`)
