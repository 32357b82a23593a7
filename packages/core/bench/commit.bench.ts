/**
 * The due time a commit stores, for an appeal with a long history (60 events: review, then rounds
 * of requests for information, replies and escalations): before, the service read the whole history
 * and ran `Deadline.status` over it (`AppealService.dueTime(events)`, the read itself not counted
 * here); now it computes from the clock facts the state gathered (`Deadline.dueAtOf(state)`). Both
 * give the same due time; the benchmark checks it before timing.
 *
 * Run: `npx tsx scripts/bench.ts commit`
 */
import { Either } from "effect"
import { Actor, AppealService, AppealState, Command, Deadline, Decode, type Event, Lifecycle, Sample } from "../src/index.js"
import { compare } from "../../../scripts/benchkit.js"

const H = 3_600_000
// The default counting settings (the service's, without a configuration).
const settings = Deadline.defaultSettings
let t = Date.parse("2026-03-02T05:00:00.000Z")
let state = AppealState.initial("A-1")
let events: ReadonlyArray<Event.AppealEvent> = []
const officers = new Map(Sample.directory.officers.map((o) => [o.id as string, o]))
const give = (input: unknown, actor: Actor.Actor) => {
  t += 2 * H
  const command = Either.getOrThrow(Decode.either(Command.Command, "Command")(input))
  const r = Either.getOrThrowWith(
    Lifecycle.execute(state, command, { now: new Date(t).toISOString(), actor, officer: (id) => officers.get(id), deadlines: { settings } }),
    (e) => new Error(`bench history: ${command.type} refused (${e._tag})`)
  )
  state = r.state
  events = [...events, ...r.events]
}
const system = Actor.system("bench")
const inspector = Actor.fromOfficer(officers.get("O-101")!)
give({ type: "receive", appealId: "A-1", intake: { ...Sample.intake, applicantRef: "bench" } }, system)
give({ type: "register", appealId: "A-1", registrationNumber: "1726262-2026-000001" }, system)
give({ type: "triage", appealId: "A-1", category: "publicOrder", priority: "normal", flags: [], confidence: 0.9, needsPerson: false, ruleIds: [] }, system)
give({ type: "assign", appealId: "A-1", officerId: "O-101" }, system)
give({ type: "startReview", appealId: "A-1" }, inspector)
while (events.length < 60) {
  give({ type: "requestInformation", appealId: "A-1", request: "Send the documents" }, inspector)
  give({ type: "provideInformation", appealId: "A-1", note: "Sent" }, Actor.applicant("bench"))
  give({ type: "escalate", appealId: "A-1", reason: "Supervisor's attention" }, system)
}
const now = new Date(t).toISOString()
const options = { settings }

const before = Either.getOrThrow(AppealService.dueTime(events, now, options))
const after = Either.getOrThrow(Deadline.dueAtOf(state, now, options))
if (before !== after) throw new Error(`the two disagree: ${before} (history) and ${after} (state)`)
console.log(`${events.length} events; due ${after}`)

compare(
  `Due time of a commit, ${events.length} events of history: computations per second (one core)`,
  { name: "AppealService.dueTime(history), as before", run: () => (AppealService.dueTime(events, now, options), 1) },
  { name: "Deadline.dueAtOf(state): the clock facts", run: () => (Deadline.dueAtOf(state, now, options), 1) }
)
