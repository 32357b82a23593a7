import { createHash } from "node:crypto"
import { fc, test } from "@fast-check/vitest"
import { Actor, AppealMachine, AppealState, Audit, Event } from "@murojaat/core"
import { describe, expect } from "vitest"

const pendingArb = fc.array(
  fc.record({
    type: fc.constantFrom(...Event.types),
    data: fc.dictionary(fc.string({ maxLength: 8 }), fc.jsonValue({ maxDepth: 2 }), { maxKeys: 4 }),
    rules: fc.array(fc.string({ minLength: 1, maxLength: 12 }), { maxLength: 3 })
  }),
  { minLength: 1, maxLength: 12 }
) as fc.Arbitrary<ReadonlyArray<Event.Pending>>

// docs/rules/lifecycle.md and prevention.md: a terminal status accepts only what settles its
// measures and its protection order (and, handed to criminal procedure, new measures); `closed`
// accepts rate, dispute and the prevention commands. Written out here, not read from
// Audit.endings, so the test checks the code against the rules.
const settling = ["measureCompleted", "measureCancelled", "protectionOrderExtended", "protectionOrderBreached"]
const afterEnding: Readonly<Record<string, ReadonlyArray<string>>> = {
  closed: ["rated", "disputed", "measurePlanned", ...settling],
  leftWithoutConsideration: settling,
  forwarded: settling,
  handedToCriminalProcedure: ["measurePlanned", ...settling],
  mergedAsDuplicate: settling,
  withdrawn: settling
}
const commandsAfter: Readonly<Record<string, ReadonlyArray<string>>> = {
  closed: ["cancelMeasure", "completeMeasure", "dispute", "extendProtectionOrder", "planMeasure", "rate", "recordProtectionOrderBreach"],
  handedToCriminalProcedure: ["cancelMeasure", "completeMeasure", "extendProtectionOrder", "planMeasure", "recordProtectionOrderBreach"]
}
const settlingCommands = ["cancelMeasure", "completeMeasure", "extendProtectionOrder", "recordProtectionOrderBreach"]

// A history the lifecycle could have written: after an ending, only what the ending allows.
const lawful = (pending: ReadonlyArray<Event.Pending>): ReadonlyArray<Event.Pending> => {
  let allowed: ReadonlyArray<string> | undefined
  return pending.filter((p) => {
    if (allowed !== undefined) return allowed.includes(p.type)
    allowed = afterEnding[p.type]
    return true
  })
}

// An event of a type with empty data: the chain does not read the data, only hashes it.
const bare = (type: Event.Type): Event.Pending => ({ type, data: {}, rules: [] }) as unknown as Event.Pending

const meta = { appealId: "A-1", at: "2026-03-20T05:00:00.000Z", actor: Actor.ref(Actor.system("rules"), "system"), causationId: "cmd-1" }

const chainArb = pendingArb.map((pending) => Audit.seal({ version: 0, lastHash: Audit.genesis }, lawful(pending), meta))

const headOf = (events: ReadonlyArray<Event.AppealEvent>) => ({ seq: events[events.length - 1]!.seq, hash: events[events.length - 1]!.hash })

type Edit = (e: Event.AppealEvent) => Event.AppealEvent
const edits: Record<string, Edit> = {
  at: (e) => ({ ...e, at: "2026-03-21T05:00:00.000Z" }),
  type: (e) => ({ ...e, type: e.type === "closed" ? "withdrawn" : "closed" }) as Event.AppealEvent,
  data: (e) => ({ ...e, data: { ...(e.data as object), tampered: true } }) as Event.AppealEvent,
  actor: (e) => ({ ...e, actor: { ...e.actor, id: `${e.actor.id}x` } }),
  rules: (e) => ({ ...e, rules: [...e.rules, "injected"] }),
  seq: (e) => ({ ...e, seq: e.seq + 1 }),
  appealId: (e) => ({ ...e, appealId: "A-2" }) as Event.AppealEvent,
  causationId: (e) => ({ ...e, causationId: "cmd-2" }),
  prevHash: (e) => ({ ...e, prevHash: e.prevHash.replace(/^./, (c) => (c === "0" ? "1" : "0")) }),
  hash: (e) => ({ ...e, hash: e.hash.replace(/^./, (c) => (c === "0" ? "1" : "0")) })
}

describe("audit chain", () => {
  test.prop([chainArb])("a sealed chain verifies, anchored at its head", (events) => {
    expect(Audit.verifyChain(events, headOf(events))).toEqual({ ok: true, count: events.length, head: headOf(events) })
  })

  test.prop([chainArb, fc.nat(), fc.constantFrom(...Object.keys(edits))])("any single edit of any field fails verification", (events, i, field) => {
    const at = i % events.length
    const tampered = events.map((e, k) => (k === at ? edits[field]!(e) : e))
    const r = Audit.verifyChain(tampered, headOf(events))
    expect(r.ok).toBe(false)
    if (!r.ok) expect(r.index).toBeLessThanOrEqual(at + 1)
  })

  test.prop([chainArb, fc.nat()])("deleting any event fails verification against the head", (events, i) => {
    const at = i % events.length
    const r = Audit.verifyChain([...events.slice(0, at), ...events.slice(at + 1)], headOf(events))
    expect(r.ok).toBe(false)
  })

  test.prop([chainArb.filter((e) => e.length >= 2), fc.nat(), fc.nat()])("reordering any two events fails verification", (events, a, b) => {
    const i = a % events.length
    const j = b % events.length
    fc.pre(i !== j)
    const swapped = [...events]
    ;[swapped[i], swapped[j]] = [swapped[j]!, swapped[i]!]
    expect(Audit.verifyChain(swapped).ok).toBe(false)
  })

  test.prop([chainArb, fc.nat()])(
    "rewriting an event and re-hashing the rest is caught only by the anchored head (why the head must be kept apart)",
    (events, i) => {
      const at = i % events.length
      const rewritten: Array<Event.AppealEvent> = []
      let prev = at === 0 ? Audit.genesis : events[at - 1]!.hash
      for (const [k, e] of events.entries()) {
        if (k < at) {
          rewritten.push(e)
          continue
        }
        const changed = k === at ? edits.data!(e) : e
        const unsealed = { ...changed, prevHash: prev }
        const hash = Audit.hashOf(unsealed)
        rewritten.push({ ...unsealed, hash })
        prev = hash
      }
      expect(Audit.verifyChain(rewritten).ok).toBe(true)
      expect(Audit.verifyChain(rewritten, headOf(events))).toMatchObject({ ok: false, reason: "headMismatch" })
    }
  )

  test.prop([pendingArb, fc.constantFrom(...Object.keys(afterEnding)), pendingArb])(
    "an event sealed after the appeal ended is reported, even with the forged head trusted",
    (before, ending, after) => {
      const head = Audit.seal({ version: 0, lastHash: Audit.genesis }, [...lawful(before).filter((p) => !(p.type in afterEnding)), bare(ending as Event.Type)], meta)
      const forbidden = after.filter((p) => !afterEnding[ending]!.includes(p.type))
      fc.pre(forbidden.length > 0)
      const last = head[head.length - 1]!
      const forged = Audit.seal({ version: last.seq, lastHash: last.hash }, forbidden, meta)
      const events = [...head, ...forged]
      expect(Audit.verifyChain(events, headOf(events))).toMatchObject({ ok: false, reason: "afterEnd", index: head.length, seq: last.seq + 1 })
    }
  )

  test("after closed, a rating and disputes are still lawful; a new review is not", () => {
    const closed = Audit.seal({ version: 0, lastHash: Audit.genesis }, [bare("answered"), bare("closed")], meta)
    const then = (types: ReadonlyArray<Event.Type>) =>
      Audit.verifyChain([...closed, ...Audit.seal({ version: 2, lastHash: closed[1]!.hash }, types.map(bare), meta)])
    expect(then(["rated", "disputed", "disputed"])).toMatchObject({ ok: true, count: 5 })
    expect(then(["rated", "reviewStarted"])).toMatchObject({ ok: false, reason: "afterEnd", seq: 4 })
    expect(then(["closed"])).toMatchObject({ ok: false, reason: "afterEnd", seq: 3 })
  })

  test("the endings agree with the machine: terminal statuses take only the prevention commands, closed also rate and dispute", () => {
    const from = (s: string) => AppealMachine.transitions().filter((t) => t.from === s)
    for (const s of [...AppealState.terminal, "closed"]) {
      expect(from(s).map((t) => t.command).sort(), s).toEqual(commandsAfter[s] ?? settlingCommands)
      expect(from(s).every((t) => t.to === s), s).toBe(true)
    }
    expect(Object.keys(Audit.endings).sort()).toEqual(Object.keys(afterEnding).sort())
  })

  test.prop([fc.string({ unit: "grapheme", maxLength: 300 })])("SHA-256 agrees with node:crypto on UTF-8 text", (s) => {
    expect(Audit.sha256(s)).toBe(createHash("sha256").update(s, "utf8").digest("hex"))
  })

  test.prop([fc.string({ unit: "binary", maxLength: 200 })])("SHA-256 of any string (lone surrogates included) agrees with node:crypto", (s) => {
    expect(Audit.sha256(s)).toBe(createHash("sha256").update(Buffer.from(s, "utf8")).digest("hex"))
  })

  test.prop([fc.jsonValue()])("canonical JSON is valid JSON of the same value and ignores key order", (v) => {
    const c = Audit.canonical(v)
    expect(Audit.canonical(JSON.parse(c))).toBe(c)
    const reversed = JSON.parse(JSON.stringify(v), (_k, x) =>
      x !== null && typeof x === "object" && !Array.isArray(x) ? Object.fromEntries(Object.entries(x).reverse()) : x
    )
    expect(Audit.canonical(reversed)).toBe(c)
  })

  test("known vectors", () => {
    expect(Audit.sha256("")).toBe("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
    expect(Audit.sha256("abc")).toBe("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
    expect(Audit.canonical({ b: [1, { d: null, c: "x" }], a: true, u: undefined })).toBe('{"a":true,"b":[1,{"c":"x","d":null}]}')
  })
})
