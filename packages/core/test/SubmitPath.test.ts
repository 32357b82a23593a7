// The shortcuts of the submission path give what the work they replace gives: the machine's
// answer kept per status and command type, the in-memory store's index of registration numbers.
import { describe, expect, it } from "vitest"
import { Effect, Either } from "effect"
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
