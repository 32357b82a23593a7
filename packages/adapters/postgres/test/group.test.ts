// Group commit (internal/group.ts) against a fake `send` the test completes by hand: it records
// every group it is given and answers only when the test says so, with the outcomes the test
// chose. The expected groups come from a model written from the rules in group.ts's header (one
// shape per group, at most `size`, claims disjoint, FIFO per shape, nothing waits for company,
// at most `concurrency` groups out), never from the module's own state.
//
// Determinism: callers are started with `Effect.runFork`, which runs them at once up to their
// suspension, and `make` calls `send` synchronously while it forms a group, so an arrival's
// groups are recorded when `runFork` returns. A group's end is seen by an observer the fake
// registers on its own fiber; observers run newest first, so it runs right after the module's
// (which forms the next groups) in the same loop. The waits count scheduler turns, never time.
import { expect, it } from "@effect/vitest"
import { Cause, Effect, Exit, FastCheck as fc, Fiber, Option } from "effect"
import * as Group from "../src/internal/group.js"

interface Item {
  readonly id: number
  readonly shape: string
  readonly claims: ReadonlyArray<string>
  readonly fails: boolean
}

interface Refused {
  readonly _tag: "Refused"
  readonly id: number
}

type Outcomes = ReadonlyArray<Exit.Exit<void, Refused>>

// How the test answers a group: every item its own outcome, a defect, or outcomes for only the
// first `short` items.
type Answer = { readonly _tag: "ok" } | { readonly _tag: "die" } | { readonly _tag: "short"; readonly keep: number }

interface SentGroup {
  readonly index: number
  readonly sent: ReadonlyArray<Group.Sent<Item>>
  readonly ids: ReadonlyArray<number>
  resume?: (answer: Effect.Effect<Outcomes>) => void
  exit?: Exit.Exit<Outcomes>
  sawInterrupt: boolean
}

// What a caller ended with, in words the expectations can spell.
const summary = (exit: Exit.Exit<void, Refused>, refusal: Refused): string =>
  Exit.match(exit, {
    onSuccess: () => "ok",
    onFailure: (cause) =>
      Cause.isInterruptedOnly(cause)
        ? "interrupted"
        : Option.match(Cause.failureOption(cause), {
          // The very failure `send` gave, not an equal-looking one.
          onSome: (e) => (e === refusal ? "refused" : "refused-other"),
          onNone: () => (Cause.isDie(cause) ? "defect" : "other")
        })
  })

// Yields until `cond` holds; a bounded count of scheduler turns, so a hang fails instead of stalling.
const waitFor = (cond: () => boolean, what: string) =>
  Effect.gen(function* () {
    for (let turn = 0; turn < 2_000; turn++) {
      if (cond()) return
      yield* Effect.yieldNow()
    }
    expect.fail(`never happened: ${what}`)
  })

/** A queue over a fake sender, and the moves a test makes on it. */
const harness = (concurrency: number, size: number, items: ReadonlyArray<Item>) => {
  const refusals = items.map((item): Refused => ({ _tag: "Refused", id: item.id }))
  const groups: Array<SentGroup> = []
  const violations: Array<string> = []
  let outNow = 0
  const send = (sent: ReadonlyArray<Group.Sent<Item>>): Effect.Effect<Outcomes> => {
    const g: SentGroup = { index: groups.length, sent, ids: sent.map((s) => s.item.id), sawInterrupt: false }
    groups.push(g)
    outNow++
    // Rules 2 and 3, checked the moment a group is handed over.
    if (sent.length === 0) violations.push(`group ${g.index} is empty`)
    if (sent.length > size) violations.push(`group ${g.index} has ${sent.length} items, size ${size}`)
    if (new Set(sent.map((s) => s.item.shape)).size > 1) violations.push(`group ${g.index} mixes shapes`)
    const claims = sent.flatMap((s) => s.item.claims)
    if (new Set(claims).size !== claims.length) violations.push(`group ${g.index} shares a claim`)
    if (outNow > concurrency) violations.push(`group ${g.index} sent with ${outNow} out, concurrency ${concurrency}`)
    return Effect.withFiberRuntime<Outcomes>((fiber) => {
      // Observers run newest first: this one after the module's, which has then sent what came next.
      fiber.addObserver((exit) => {
        g.exit = exit
      })
      return Effect.async<Outcomes>((resume) => {
        g.resume = resume
        return Effect.sync(() => {
          g.sawInterrupt = true
        })
      }).pipe(
        // Still inside the fiber, so before the module's observer sends the next group.
        Effect.ensuring(Effect.sync(() => outNow--))
      )
    })
  }
  const submit = Group.make<Item, Refused>({ concurrency, size, shape: (item) => item.shape, claims: (item) => item.claims, send })
  const callers = new Map<number, Fiber.RuntimeFiber<void, Refused>>()

  const outcomes = (g: SentGroup): Outcomes =>
    g.sent.map((s) => (s.item.fails ? Exit.fail(refusals[s.item.id]!) : Exit.void))

  return {
    groups,
    violations,
    callers,
    refusals,
    arrive: (id: number) =>
      Effect.sync(() => {
        callers.set(id, Effect.runFork(submit(items[id]!)))
      }),
    // Answers group `index` and waits until it is over (and the module has sent what came next).
    complete: (index: number, answer: Answer) =>
      Effect.gen(function* () {
        const g = groups[index]!
        yield* waitFor(() => g.resume !== undefined, `group ${index} started`)
        g.resume!(
          answer._tag === "ok"
            ? Effect.succeed(outcomes(g))
            : answer._tag === "die"
            ? Effect.die(new Error("sender died"))
            : Effect.succeed(outcomes(g).slice(0, answer.keep))
        )
        yield* waitFor(() => g.exit !== undefined, `group ${index} over`)
      }),
    interrupt: (id: number) => Fiber.interrupt(callers.get(id)!),
    settleGroup: (index: number) => waitFor(() => groups[index]!.exit !== undefined, `group ${index} interrupted`),
    outcome: (id: number) =>
      Effect.gen(function* () {
        const fiber = callers.get(id)!
        yield* waitFor(() => fiber.unsafePoll() !== null, `caller ${id} done`)
        return summary(fiber.unsafePoll()!, refusals[id]!)
      })
  }
}

/** The rules of group.ts's header, as a model: what is waiting, what is out, what each caller gets. */
class Model {
  readonly queue: Array<number> = []
  readonly formed: Array<Array<number>> = []
  readonly out = new Set<number>()
  readonly interrupted = new Set<number>()
  readonly interruptedWaiting = new Set<number>()
  readonly deadGroups = new Set<number>()
  readonly expected = new Map<number, string>()
  constructor(readonly concurrency: number, readonly size: number, readonly items: ReadonlyArray<Item>) {}

  groupOf(id: number): number | undefined {
    const index = this.formed.findIndex((g) => g.includes(id))
    return index < 0 ? undefined : index
  }

  pending(id: number): boolean {
    if (this.interrupted.has(id)) return false
    if (this.queue.includes(id)) return true
    const g = this.groupOf(id)
    return g !== undefined && this.out.has(g)
  }

  // The oldest waiting item picks the shape; later ones of that shape join in arrival order while
  // there is room and no earlier item (in the group or left waiting) holds one of their claims;
  // everything else keeps its place.
  private pump(): void {
    while (this.out.size < this.concurrency && this.queue.length > 0) {
      const shape = this.items[this.queue[0]!]!.shape
      const taken = new Set<string>()
      const group: Array<number> = []
      const rest: Array<number> = []
      for (const id of this.queue) {
        const item = this.items[id]!
        if (group.length < this.size && item.shape === shape && item.claims.every((c) => !taken.has(c))) group.push(id)
        else rest.push(id)
        item.claims.forEach((c) => taken.add(c))
      }
      this.queue.splice(0, this.queue.length, ...rest)
      this.out.add(this.formed.length)
      this.formed.push(group)
    }
  }

  arrive(id: number): void {
    this.queue.push(id)
    this.pump()
  }

  complete(index: number, answer: Answer): void {
    this.out.delete(index)
    this.formed[index]!.forEach((id) => {
      if (this.interrupted.has(id)) return
      // A sender that died or answered short is a defect every item of the group reports.
      this.expected.set(id, answer._tag === "ok" ? (this.items[id]!.fails ? "refused" : "ok") : "defect")
    })
    this.pump()
  }

  // Returns the group this ended (all its callers gone), if any.
  interrupt(id: number): number | undefined {
    this.interrupted.add(id)
    this.expected.set(id, "interrupted")
    const at = this.queue.indexOf(id)
    if (at >= 0) {
      this.queue.splice(at, 1)
      this.interruptedWaiting.add(id)
      return undefined
    }
    const g = this.groupOf(id)!
    if (this.formed[g]!.some((other) => !this.interrupted.has(other))) return undefined
    this.out.delete(g)
    this.deadGroups.add(g)
    this.pump()
    return g
  }
}

type Step =
  | { readonly _tag: "arrive"; readonly count: number }
  | { readonly _tag: "complete"; readonly pick: number; readonly dies: boolean }
  | { readonly _tag: "interrupt"; readonly pick: number }

const itemArb = fc.record({
  shape: fc.constantFrom("a", "a", "b", "c"),
  claims: fc.uniqueArray(fc.constantFrom("x", "y", "z"), { maxLength: 2 }),
  fails: fc.boolean()
})

const stepArb: fc.Arbitrary<Step> = fc.oneof(
  // Arrivals come in bursts, so items pile up behind the groups out.
  { arbitrary: fc.record({ _tag: fc.constant("arrive" as const), count: fc.integer({ min: 1, max: 4 }) }), weight: 4 },
  { arbitrary: fc.record({ _tag: fc.constant("complete" as const), pick: fc.nat(), dies: fc.integer({ min: 0, max: 5 }).map((n) => n === 0) }), weight: 3 },
  { arbitrary: fc.record({ _tag: fc.constant("interrupt" as const), pick: fc.nat() }), weight: 2 }
)

// Runs the steps on the queue and on the model side by side, checking after every step; then lets
// every item arrive, answers every group, and checks what each caller got.
const scenario = (concurrency: number, size: number, drawn: ReadonlyArray<Omit<Item, "id">>, steps: ReadonlyArray<Step>) =>
  Effect.gen(function* () {
    const items = drawn.map((item, id): Item => ({ ...item, id }))
    const h = harness(concurrency, size, items)
    const model = new Model(concurrency, size, items)
    let arrived = 0

    const check = (what: string) => {
      expect(h.violations, what).toEqual([])
      // Rule 4 (and 5, 6): exactly the model's groups, in the model's order.
      expect(h.groups.map((g) => g.ids), what).toEqual(model.formed)
      // Rule 6: `wanted()` answers false exactly for items whose caller was interrupted.
      for (const g of h.groups) for (const s of g.sent) expect(s.wanted(), `${what}: wanted() of item ${s.item.id}`).toBe(!model.interrupted.has(s.item.id))
    }

    const arrive = Effect.gen(function* () {
      const id = arrived++
      const room = model.out.size < concurrency
      model.arrive(id)
      yield* h.arrive(id)
      check(`after item ${id} arrived`)
      // Rule 5: with room, an item goes at once, whoever else is about.
      if (room) expect(h.groups.at(-1)?.ids, `item ${id} sent at once`).toContain(id)
    })

    for (const step of steps) {
      if (step._tag === "arrive") {
        for (let k = 0; k < step.count && arrived < items.length; k++) yield* arrive
      } else if (step._tag === "complete") {
        const out = [...model.out]
        if (out.length === 0) continue
        const index = out[step.pick % out.length]!
        const answer: Answer = step.dies ? { _tag: "die" } : { _tag: "ok" }
        model.complete(index, answer)
        yield* h.complete(index, answer)
        check(`after group ${index} answered ${answer._tag}`)
      } else {
        const pending = items.map((item) => item.id).filter((id) => id < arrived && model.pending(id))
        if (pending.length === 0) continue
        const id = pending[step.pick % pending.length]!
        const dead = model.interrupt(id)
        const exit = yield* h.interrupt(id)
        expect(Exit.isInterrupted(exit), `caller ${id} interrupted`).toBe(true)
        // Rule 6: a group nobody wants any more is interrupted, and the next group goes.
        if (dead !== undefined) yield* h.settleGroup(dead)
        check(`after caller ${id} was interrupted`)
      }
    }

    while (arrived < items.length) yield* arrive
    // Answer the oldest group out until none is; every answer can release a new group.
    for (let guard = 0; model.out.size > 0; guard++) {
      expect(guard).toBeLessThanOrEqual(items.length)
      const index = Math.min(...model.out)
      model.complete(index, { _tag: "ok" })
      yield* h.complete(index, { _tag: "ok" })
      check(`draining: after group ${index}`)
    }
    expect(model.queue).toEqual([])

    // Rule 6: items interrupted while waiting were never sent; groups nobody wanted were interrupted.
    const sentIds = h.groups.flatMap((g) => g.ids)
    for (const id of model.interruptedWaiting) expect(sentIds).not.toContain(id)
    for (const g of model.deadGroups) {
      expect(h.groups[g]!.sawInterrupt, `group ${g} saw its interruption`).toBe(true)
      expect(Exit.isInterrupted(h.groups[g]!.exit!), `group ${g} ended interrupted`).toBe(true)
    }
    // Every item not interrupted while waiting was sent exactly once.
    expect(new Set(sentIds).size).toBe(sentIds.length)
    expect(sentIds.length).toBe(items.length - model.interruptedWaiting.size)
    // Rule 1: every caller ends, with exactly what `send` gave its item (or interrupted).
    for (const item of items) expect(yield* h.outcome(item.id), `caller ${item.id}`).toBe(model.expected.get(item.id))
  })

it.effect.prop(
  "groups follow the model (one shape, at most size, no shared claim, FIFO per shape, never more than concurrency out, nothing waits for company), every caller gets its own outcome, interrupted items are never sent and groups nobody wants are interrupted",
  [
    fc.integer({ min: 1, max: 4 }),
    fc.integer({ min: 1, max: 6 }),
    fc.array(itemArb, { minLength: 1, maxLength: 12 }),
    fc.array(stepArb, { maxLength: 60 })
  ],
  ([concurrency, size, items, steps]) => scenario(concurrency, size, items, steps),
  { fastCheck: { numRuns: 400 } }
)

it.effect.prop(
  "a group answered with fewer outcomes than items: every caller of it gets a defect, none hangs, and the queue goes on",
  [fc.integer({ min: 1, max: 3 }), fc.integer({ min: 2, max: 6 }), fc.integer({ min: 2, max: 8 }), fc.nat()],
  ([concurrency, size, count, seed]) =>
    Effect.gen(function* () {
      // All of one shape, no claims, and all failing, so an outcome handed to the wrong item shows.
      const items = Array.from({ length: count }, (_, id): Item => ({ id, shape: "a", claims: [], fails: true }))
      const h = harness(concurrency, size, items)
      for (const item of items) yield* h.arrive(item.id)
      // The first group to fill past one item gets a short answer; the rest are answered in full.
      for (let index = 0; index < h.groups.length; index++) {
        const g = h.groups[index]!
        const short = g.ids.length > 1 && h.groups.slice(0, index).every((e) => e.ids.length <= 1)
        yield* h.complete(index, short ? { _tag: "short", keep: seed % g.ids.length } : { _tag: "ok" })
      }
      expect(h.groups.flatMap((g) => g.ids).sort((a, b) => a - b)).toEqual(items.map((i) => i.id))
      const shortGroup = h.groups.find((g, index) => g.ids.length > 1 && h.groups.slice(0, index).every((e) => e.ids.length <= 1))
      for (const item of items) {
        const expected = shortGroup?.ids.includes(item.id) ? "defect" : "refused"
        expect(yield* h.outcome(item.id), `caller ${item.id}`).toBe(expected)
      }
    }),
  { fastCheck: { numRuns: 100 } }
)

// The rules as a table: who arrives, what comes back, and the groups `send` saw (items by number).
const plain = (shape: string, claims: ReadonlyArray<string> = [], fails = false) => ({ shape, claims, fails })

it.effect("concurrency 1, size 3: five items while one group is out go as [1], [2,3,4], [5]", () =>
  Effect.gen(function* () {
    const items = Array.from({ length: 6 }, (_, id): Item => ({ id, ...plain("a") }))
    const h = harness(1, 3, items)
    for (const id of [1, 2, 3, 4, 5]) yield* h.arrive(id)
    expect(h.groups.map((g) => g.ids)).toEqual([[1]])
    yield* h.complete(0, { _tag: "ok" })
    expect(h.groups.map((g) => g.ids)).toEqual([[1], [2, 3, 4]])
    yield* h.complete(1, { _tag: "ok" })
    expect(h.groups.map((g) => g.ids)).toEqual([[1], [2, 3, 4], [5]])
    yield* h.complete(2, { _tag: "ok" })
    for (const id of [1, 2, 3, 4, 5]) expect(yield* h.outcome(id)).toBe("ok")
  }))

it.effect("the oldest waiting item picks the shape: a1 out, then b2 a3 b4 a5 wait → [2,4], then [3,5]", () =>
  Effect.gen(function* () {
    const h = harness(1, 6, [plain("a"), plain("a"), plain("b"), plain("a"), plain("b"), plain("a")].map((p, id) => ({ id, ...p })))
    for (const id of [1, 2, 3, 4, 5]) yield* h.arrive(id)
    yield* h.complete(0, { _tag: "ok" })
    yield* h.complete(1, { _tag: "ok" })
    expect(h.groups.map((g) => g.ids)).toEqual([[1], [2, 4], [3, 5]])
  }))

it.effect("an item whose claim is taken waits for a later group: 1{x} out, then 2{x} 3{y} 4{x} → [2,3], then [4]", () =>
  Effect.gen(function* () {
    const h = harness(1, 6, [plain("a"), plain("a", ["x"]), plain("a", ["x"]), plain("a", ["y"]), plain("a", ["x"])].map((p, id) => ({ id, ...p })))
    for (const id of [1, 2, 3, 4]) yield* h.arrive(id)
    yield* h.complete(0, { _tag: "ok" })
    yield* h.complete(1, { _tag: "ok" })
    expect(h.groups.map((g) => g.ids)).toEqual([[1], [2, 3], [4]])
  }))

it.effect("no item overtakes an earlier one it shares a claim with: 1{x} out, then 2{x} 3{x,k} 4{y,k} → [2], [3], [4]", () =>
  Effect.gen(function* () {
    const h = harness(1, 6, [plain("a"), plain("a", ["x"]), plain("a", ["x"]), plain("a", ["x", "k"]), plain("a", ["y", "k"])].map((p, id) => ({ id, ...p })))
    for (const id of [1, 2, 3, 4]) yield* h.arrive(id)
    yield* h.complete(0, { _tag: "ok" })
    yield* h.complete(1, { _tag: "ok" })
    yield* h.complete(2, { _tag: "ok" })
    expect(h.groups.map((g) => g.ids)).toEqual([[1], [2], [3], [4]])
  }))

it.effect("concurrency 2: the first two go alone at once; 3 and 4 wait and go together", () =>
  Effect.gen(function* () {
    const h = harness(2, 6, Array.from({ length: 5 }, (_, id): Item => ({ id, ...plain("a") })))
    for (const id of [1, 2, 3, 4]) yield* h.arrive(id)
    expect(h.groups.map((g) => g.ids)).toEqual([[1], [2]])
    yield* h.complete(1, { _tag: "ok" })
    expect(h.groups.map((g) => g.ids)).toEqual([[1], [2], [3, 4]])
  }))

it.effect("each caller gets its own outcome: in [2,3], 2 refused and 3 committed", () =>
  Effect.gen(function* () {
    const h = harness(1, 6, [plain("a"), plain("a"), plain("a", [], true), plain("a")].map((p, id) => ({ id, ...p })))
    for (const id of [1, 2, 3]) yield* h.arrive(id)
    yield* h.complete(0, { _tag: "ok" })
    yield* h.complete(1, { _tag: "ok" })
    expect([yield* h.outcome(1), yield* h.outcome(2), yield* h.outcome(3)]).toEqual(["ok", "refused", "ok"])
  }))

it.effect("an item interrupted while it waits is never sent: 1 out, 2 and 3 wait, 2 interrupted → [3]", () =>
  Effect.gen(function* () {
    const h = harness(1, 6, Array.from({ length: 4 }, (_, id): Item => ({ id, ...plain("a") })))
    for (const id of [1, 2, 3]) yield* h.arrive(id)
    yield* h.interrupt(2)
    yield* h.complete(0, { _tag: "ok" })
    expect(h.groups.map((g) => g.ids)).toEqual([[1], [3]])
  }))

it.effect("a group whose callers were all interrupted is interrupted, and the next item goes at once", () =>
  Effect.gen(function* () {
    const h = harness(1, 6, Array.from({ length: 5 }, (_, id): Item => ({ id, ...plain("a") })))
    for (const id of [1, 2, 3]) yield* h.arrive(id)
    yield* h.complete(0, { _tag: "ok" })
    yield* h.interrupt(2)
    expect(h.groups[1]!.sent.map((s) => s.wanted())).toEqual([false, true])
    expect(h.groups[1]!.exit).toBeUndefined()
    yield* h.interrupt(3)
    yield* h.settleGroup(1)
    expect(h.groups[1]!.sawInterrupt).toBe(true)
    // `out` went back down: the next item does not wait.
    yield* h.arrive(4)
    expect(h.groups.map((g) => g.ids)).toEqual([[1], [2, 3], [4]])
  }))

it.effect("a sender that dies: every caller of the group gets a defect, and the queue goes on", () =>
  Effect.gen(function* () {
    const h = harness(1, 6, Array.from({ length: 5 }, (_, id): Item => ({ id, ...plain("a") })))
    for (const id of [1, 2, 3]) yield* h.arrive(id)
    yield* h.complete(0, { _tag: "ok" })
    yield* h.complete(1, { _tag: "die" })
    yield* h.arrive(4)
    expect(h.groups.map((g) => g.ids)).toEqual([[1], [2, 3], [4]])
    yield* h.complete(2, { _tag: "ok" })
    expect([yield* h.outcome(2), yield* h.outcome(3), yield* h.outcome(4)]).toEqual(["defect", "defect", "ok"])
  }))

it.effect("a sender that dies at once, before the queue even watches it: every caller gets a defect, none hangs", () =>
  Effect.gen(function* () {
    const submit = Group.make<number, never>({ concurrency: 1, size: 3, shape: () => "a", claims: () => [], send: () => Effect.die("at once") })
    const exits = yield* Effect.all([1, 2, 3, 4].map((n) => Effect.exit(submit(n))), { concurrency: "unbounded" })
    for (const exit of exits) expect(Exit.isFailure(exit) && Cause.isDie(exit.cause)).toBe(true)
  }))
