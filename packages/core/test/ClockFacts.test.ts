// The clock facts an appeal's state gathers (`AppealState.clockFacts`, folded by `Lifecycle.evolve`)
// give the same clocks as the appeal's whole history: for random lifecycle runs, at the time of each
// command and later, `Deadline.statusOf(state)` is `Deadline.status(events)`, the nearest due time
// is the one `AppealService.dueTime(events)` computes, and the deadline timer's escalation is
// `Deadline.escalation(events)`. The history-based functions read every event afresh (the way the
// service worked before the facts existed): they are the oracle.
import { fc, test } from "@fast-check/vitest"
import { AppealMachine, AppealService, AppealState, Command, Deadline, Decode, type Event, Lifecycle } from "@murojaat/core"
import { Either } from "effect"
import { describe, expect } from "vitest"
import { escalationOfState } from "../src/internal/deadline/fromState.js"
import { actors, buildCommand, intakeArb, type IntakeSeed, lookup, others, rightActorFor, type Step, stepArb } from "./support/world.js"

const start = Date.parse("2026-03-02T04:00:00.000Z")

// Counting settings: the defaults, and working days with pauses while awaiting the applicant (so the
// periods awaiting him, and when each term change was recorded relative to them, matter).
const settingsArb = fc.constantFrom<Deadline.Options>(
  {},
  { settings: Deadline.Settings.make({ ...Deadline.defaultSettings, pauseWhileAwaitingApplicant: true, considerationUnit: "workingDays", forwardingUnit: "workingDays" }) },
  { settings: Deadline.Settings.make({ ...Deadline.defaultSettings, pauseWhileAwaitingApplicant: true, extensionCountsFrom: "receipt" }) }
)

// Commands that end the appeal are picked less often, so random runs go deep (as in Lifecycle.test).
const ending: ReadonlySet<Command.Type> = new Set(["leaveWithoutConsideration", "forward", "handToCriminalProcedure", "mergeInto", "withdraw"])

// A move of a run: a random step, or a scripted command given by the actor likely to be allowed.
type Move = { readonly step: Step; readonly type?: Command.Type }

// Scripted runs: the appeal reaches review, then requests for information, replies, the head's
// extension, extra study, escalations and the answer come in random order, hours to days apart,
// so that term changes are recorded while the terms run, during and after periods awaiting the applicant.
const middle: ReadonlyArray<Command.Type> = ["requestInformation", "provideInformation", "extendDeadline", "declareExtraStudy", "escalate", "answer"]
const scriptArb = fc
  .tuple(fc.array(fc.constantFrom(...middle), { minLength: 3, maxLength: 10 }), fc.array(stepArb, { minLength: 16, maxLength: 16 }))
  .map(([tail, steps]): ReadonlyArray<Move> =>
    (["receive", "register", "triage", "assign", "startReview", ...tail] as const).map((type, i) => {
      const step = steps[i]!
      return { type, step: { ...step, minutes: (step.minutes % (60 * 24 * 4)) + 1 } }
    })
  )
const randomArb = (minLength: number, maxLength: number) => fc.array(stepArb.map((step): Move => ({ step })), { minLength, maxLength })
const movesArb = (minLength: number, maxLength: number) => fc.oneof(randomArb(minLength, maxLength), scriptArb)

// The inspector of the appeal's mahalla, so that a scripted assignment is accepted.
const inspectorOf = (mahalla: string | undefined) => (mahalla === "M3" ? "I3" : mahalla === "M2" ? "I2" : "I1")

interface Snapshot {
  readonly state: AppealState.AppealState
  readonly events: ReadonlyArray<Event.AppealEvent>
  readonly at: number
}

// A run through the real lifecycle; every state it passes through, with its history.
const run = (intake: IntakeSeed, moves: ReadonlyArray<Move>, options: Deadline.Options): ReadonlyArray<Snapshot> => {
  let state = AppealState.initial("A-1")
  let events: ReadonlyArray<Event.AppealEvent> = []
  let t = start
  const out: Array<Snapshot> = []
  for (const { step, type: scripted } of moves) {
    t += step.minutes * 60_000
    const now = new Date(t).toISOString()
    const allowed = AppealMachine.transitions()
      .filter((tr) => tr.from === state.status && (step.typeIndex % 7 === 0 || !ending.has(tr.command)))
      .map((tr) => tr.command)
    const pool = step.pickAllowed && allowed.length > 0 ? allowed : Command.types
    const type = scripted ?? pool[step.typeIndex % pool.length]!
    const actor = scripted !== undefined || step.rightActor ? rightActorFor(type, state, intake) : actors[step.actorIndex % actors.length]!
    const p = scripted === undefined ? step.p : { ...step.p, officer: inspectorOf(state.mahallaCode), approver: state.districtCode === "D2" ? "C2" : "C1" }
    const command = Decode.either(Command.Command, "Command")(buildCommand(type, "A-1", p, intake, now))
    if (Either.isLeft(command)) throw new Error(`test built an invalid command: ${command.left.message}`)
    const r = Lifecycle.execute(state, command.right, { now, actor, officer: lookup, appeal: others, deadlines: options })
    if (Either.isLeft(r)) continue
    state = r.right.state
    events = [...events, ...r.right.events]
    out.push({ state, events, at: t })
  }
  return out
}

describe("clock facts", () => {
  test.prop([intakeArb, movesArb(1, 30), settingsArb, fc.integer({ min: 0, max: 60 * 24 * 120 })], { numRuns: 150 })(
    "the state's clock facts give the clocks, the due time and the escalation its history gives, at every step and later",
    (intake, steps, options, laterMinutes) => {
      const snapshots = run(intake, steps, options)
      let compared = 0
      for (const { state, events, at } of snapshots) {
        for (const now of [new Date(at).toISOString(), new Date(at + laterMinutes * 60_000).toISOString()]) {
          const fromHistory = Deadline.status(events, now, options)
          const fromState = Deadline.statusOf(state, now, options)
          expect(fromState).toEqual(fromHistory)
          expect(Deadline.dueAtOf(state, now, options)).toEqual(AppealService.dueTime(events, now, options))
          expect(escalationOfState(state, now, options)).toEqual(Deadline.escalation(events, now, options))
          if (Either.isRight(fromHistory)) compared++
        }
      }
      // Not vacuous: every accepted run has a receipt, so its clocks exist and were compared.
      if (snapshots.length > 0) expect(compared).toBeGreaterThan(0)
    }
  )

  test.prop([intakeArb, movesArb(5, 30), settingsArb], { numRuns: 60 })(
    "a state stored before the facts existed gets them back from its events: the replay of the history up to it",
    (intake, steps, options) => {
      for (const { state, events } of run(intake, steps, options)) {
        const { clockFacts: _, ...old } = state
        expect(AppealState.matchesReplay(old, Lifecycle.replay("A-1", events))).toBe(true)
        // Folding further from a state without facts keeps none (a partial list would mislead).
        expect(Lifecycle.replay("A-1", events).clockFacts).toEqual(state.clockFacts)
        expect(Deadline.statusOf(old as AppealState.AppealState, new Date(start).toISOString())._tag).toBe("Left")
      }
    }
  )

  test("random runs reach the facts that matter: term changes recorded while awaiting the applicant, escalations", () => {
    // The generator explores what the equivalence above needs: without these, it would pass on thin runs.
    const seen = { awaitingChange: 0, escalated: 0, runs: 0 }
    fc.assert(
      fc.property(intakeArb, movesArb(20, 40), settingsArb, (intake, steps, options) => {
        const last = run(intake, steps, options).at(-1)
        seen.runs++
        if (last?.state.clockFacts?.termChanges.some((c) => c.awaitingSince !== undefined || c.pausesEnded > 0)) seen.awaitingChange++
        if (last?.state.clockFacts?.escalatedAt !== undefined) seen.escalated++
      }),
      { numRuns: 300, seed: 11 }
    )
    expect(seen.awaitingChange).toBeGreaterThan(0)
    expect(seen.escalated).toBeGreaterThan(0)
  })
})
