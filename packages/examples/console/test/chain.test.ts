// The console's chain verification (WebCrypto over the core's canonical JSON) agrees with the
// core's own (`Audit.hashOf`, `Audit.verifyChain`, node:crypto) on random chains, and catches any
// single edit of any event.
import { Actor, Audit } from "@murojaat/core"
import fc from "fast-check"
import { describe, expect, it } from "vitest"
import { hashOf, sha256Hex, verify } from "../src/app/chain.js"

// JSON values as the API sends them (no undefined, no non-finite numbers), keys of any kind.
const json: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
  value: fc.oneof({ depthSize: "small" }, fc.string(), fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true }), fc.boolean(), fc.constant(null), tie("array"), tie("object")),
  array: fc.array(tie("value"), { maxLength: 4 }),
  object: fc.dictionary(fc.string({ maxLength: 6 }), tie("value"), { maxKeys: 4 })
})).value

// Endings ("closed", "withdrawn") and what may or may not follow them, so that chains written
// behind the lifecycle's back (something after an ending) are among the random ones.
const open = ["reviewStarted", "informationRequested", "answered", "measurePlanned", "reassigned"] as const
const pendingOf = (types: ReadonlyArray<string>) =>
  fc.record({ type: fc.constantFrom(...types), data: fc.dictionary(fc.string({ maxLength: 8 }), json, { maxKeys: 4 }), rules: fc.array(fc.string({ maxLength: 12 }), { maxLength: 3 }) })

/** A chain sealed by the core itself (the oracle), of 1 to 8 events. */
const sealed = (types: ReadonlyArray<string>) =>
  fc.array(pendingOf(types), { minLength: 1, maxLength: 8 }).map((ps) =>
    Audit.seal({ version: 0, lastHash: Audit.genesis }, ps as never, { appealId: "A-000001", at: "2026-03-02T05:00:00.000Z", actor: Actor.ref(Actor.system("console-test"), "system") })
  )
/** Any chain, intact or not as the lifecycle sees it. */
const chain = sealed([...open, "closed", "rated", "withdrawn", "measureCompleted"])
/** A chain the lifecycle could have written (no ending), which the core finds intact. */
const intact = sealed(open)

describe("the console's chain verification", () => {
  it("hashes as the core does (SHA-256, NIST vectors and Audit.sha256)", async () => {
    expect(await sha256Hex("abc")).toBe("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
    await fc.assert(fc.asyncProperty(fc.string({ unit: "grapheme" }), async (s) => {
        expect(await sha256Hex(s)).toBe(Audit.sha256(s))
      })
    )
  })

  it("agrees with Audit.hashOf on every event and with Audit.verifyChain on every chain", async () => {
    await fc.assert(
      fc.asyncProperty(chain, async (events) => {
        for (const e of events) expect(await hashOf(e as never)).toBe(Audit.hashOf(e))
        const mine = await verify(events as never)
        expect(mine.verdict).toEqual(Audit.verifyChain(events))
        // Each event's own checks hold on a sealed chain, whatever the lifecycle thinks of its order.
        expect(mine.checks.every((c) => c.hashOk && c.linkOk)).toBe(true)
        const head = { seq: events.length, hash: events.at(-1)!.hash }
        expect((await verify(events as never, head)).verdict).toEqual(Audit.verifyChain(events, head))
      }),
      { numRuns: 150 }
    )
  })

  it("any single edit of any event (a field changed, added or removed) is caught at that event, as the core catches it", async () => {
    const edit = fc.record({ at: fc.nat(), field: fc.constantFrom("type", "at", "data", "rules", "actor", "extra", "drop", "seq", "prevHash"), value: json })
    await fc.assert(
      fc.asyncProperty(intact, edit, async (events, e) => {
        expect(Audit.verifyChain(events).ok).toBe(true)
        const i = e.at % events.length
        const original = events[i]! as unknown as Record<string, unknown>
        const changed: Record<string, unknown> = { ...original }
        if (e.field === "drop") delete changed["data"]
        else if (e.field === "extra") changed["extra"] = e.value ?? 0
        else if (e.field === "data") changed["data"] = { ...(original["data"] as object), edited: e.value ?? 0 }
        else if (e.field === "seq") changed["seq"] = (original["seq"] as number) + 1
        else if (e.field === "prevHash") changed["prevHash"] = "f".repeat(64)
        else changed[e.field] = JSON.stringify([original[e.field], e.value])
        const tampered = events.map((x, k) => (k === i ? changed : x)) as never as typeof events
        const mine = await verify(tampered as never)
        expect(mine.verdict.ok).toBe(false)
        expect(mine.verdict).toEqual(Audit.verifyChain(tampered))
        if (!mine.verdict.ok) expect(mine.verdict.index).toBe(i)
      }),
      { numRuns: 200 }
    )
  })
})
