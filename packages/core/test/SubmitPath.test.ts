// The shortcuts of the submission path give what the work they replace gives: the machine's
// answer kept per status and command type, the in-memory store's index of registration numbers.
import { describe, expect, it } from "vitest"
import { Clock, Effect, Either, Layer } from "effect"
import { transition } from "xstate"
import * as fc from "fast-check"
import { Actor, AppealMachine, AppealService, AppealState, AppealStore, Command, Sample } from "../src/index.js"
import { target } from "../src/internal/lifecycle/decide.js"

describe("the machine's answer kept per status and command type", () => {
  it("is xstate's transition for every status and command type", () => {
    for (const status of AppealState.Status.literals) {
      for (const type of Command.types) {
        const command = { type, appealId: "A-1" } as unknown as Command.Command
        const [next, actions] = transition(AppealMachine.machine, AppealMachine.snapshot(status), command)
        const expected = actions.length === 0 ? null : next.value
        // Asked twice: the kept answer is the same as the first.
        expect(target(status, command)).toBe(expected)
        expect(target(status, command)).toBe(expected)
      }
    }
  })
})

describe("the in-memory store's registration numbers", () => {
  const state = (appealId: string, registrationNumber: string | undefined): AppealState.AppealState => ({
    ...AppealState.initial(appealId),
    version: 0,
    ...(registrationNumber !== undefined ? { registrationNumber } : {})
  })
  const write = (appealId: string, expectedVersion: number, registrationNumber: string | undefined): AppealStore.StreamWrite => ({
    appealId,
    expectedVersion,
    events: [],
    state: { ...state(appealId, registrationNumber), version: expectedVersion }
  })

  it("refuses a number another appeal holds, and frees a number its holder gave up (as a scan of every state would)", () => {
    // Commits of random numbers to a few appeals: each is accepted exactly when no other appeal
    // holds the number at that moment (the oracle: a scan over the states committed so far).
    const step = fc.record({ appeal: fc.constantFrom("A-1", "A-2", "A-3"), number: fc.option(fc.constantFrom("R-1", "R-2", "R-3"), { nil: undefined }) })
    fc.assert(
      fc.property(fc.array(step, { maxLength: 30 }), (steps) => {
        const held = new Map<string, { version: number; number: string | undefined }>()
        const program = Effect.gen(function* () {
          const store = yield* AppealStore.AppealStore
          for (const s of steps) {
            const version = held.get(s.appeal)?.version ?? 0
            const taken = [...held].some(([id, h]) => id !== s.appeal && h.number !== undefined && h.number === s.number)
            const r = yield* Effect.either(store.commit({ streams: [write(s.appeal, version, s.number)], outbox: [], idempotency: undefined }))
            expect(Either.isLeft(r)).toBe(taken)
            if (Either.isLeft(r)) expect(r.left._tag).toBe("StoreError")
            else held.set(s.appeal, { version, number: s.number })
          }
        })
        Effect.runSync(Effect.provide(program, AppealStore.layerMemory()))
      }),
      { numRuns: 200 }
    )
  })

  it("keeps submissions' numbers unique through the service", () => {
    const program = Effect.gen(function* () {
      const out: Array<string | undefined> = []
      for (let i = 0; i < 20; i++) out.push((yield* AppealService.submit(Sample.intake, Actor.applicant(`u-${i}`))).state.registrationNumber)
      return out
    })
    const numbers = Effect.runSync(Effect.provide(program, AppealService.layerMemory(Sample.directory)))
    expect(new Set(numbers).size).toBe(20)
  })
})

describe("a submission's hash chain", () => {
  // A fixed instant of a working day, and a pipeline of fixed decisions (no engine's tuning moves them).
  const at = Date.parse("2026-03-03T05:00:00.000Z")
  const fixed: Clock.Clock = {
    [Clock.ClockTypeId]: Clock.ClockTypeId,
    unsafeCurrentTimeMillis: () => at,
    currentTimeMillis: Effect.sync(() => at),
    unsafeCurrentTimeNanos: () => BigInt(at) * 1_000_000n,
    currentTimeNanos: Effect.sync(() => BigInt(at) * 1_000_000n),
    sleep: () => Effect.void
  }
  const pipeline = {
    triage: () => ({ category: "publicOrder", priority: "normal" as const, flags: [], confidence: 0.9, needsPerson: false, ruleIds: ["order.noise"] }),
    assign: () => ({ officerId: "O-101", ruleIds: ["assign.mahallaInspector"] })
  }

  it("is the chain the service sealed before its submission path was rewritten (issue 12): the same hashes", () => {
    // Recorded from the service as it was before the rewrite (commit 846d6fa), for this submission.
    const before = [
      "9c2c6e230d22bbe7ef96456f1fd6b0636cb504b78c44edf6fbd5bf0919818e5d",
      "92db6ca0b86580e4d2877ef40ad853f6a607dbbd11b433a596898e143d44ca1c",
      "c1adcc3837375a337046a5b85d75561ab5b55b3cc3953659c00194b696a1994b",
      "3866d186b53fe260e8734cbd71671b3ecf25f4298ddbb6c5f258fc30e1bea17f"
    ]
    const layer = Layer.merge(AppealService.layerMemory(Sample.directory, { pipeline }), Layer.setClock(fixed))
    const program = Effect.gen(function* () {
      const r = yield* AppealService.submit({ ...Sample.intake, links: [] }, Actor.applicant("user-1"), { idempotencyKey: "golden-1", correlationId: "req-1" })
      const verified = yield* AppealService.verify(r.appealId, Actor.auditor("AUD-1"))
      return { r, verified }
    })
    const { r, verified } = Effect.runSync(Effect.provide(program, layer))
    expect(r.state.status).toBe("assigned")
    expect(r.events.map((e) => e.hash)).toEqual(before)
    expect(verified.ok).toBe(true)
    expect(verified.projectionMatches).toBe(true)
  })
})
