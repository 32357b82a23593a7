import { mkdtempSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { AppealMachine, AppealMachineGraph, Audit, type Event } from "@murojaat/core"
import { describe, expect, it } from "vitest"
import { run } from "../src/index.js"
import { capture } from "./support.js"

const dir = mkdtempSync(join(tmpdir(), "murojaat-cli-"))
const file = (name: string, content: string) => {
  const p = join(dir, name)
  writeFileSync(p, content)
  return p
}

describe("murojaat demo, lifecycle, verify-chain", () => {
  it("demo runs an appeal through its life and prints a verified chain", async () => {
    const c = capture()
    expect(await run(["demo", "--memory"], c.io)).toBe(0)
    const report = JSON.parse(c.out.join(""))
    expect(report.finalState.status).toBe("closed")
    expect(report.events.map((e: { type: string }) => e.type)).toEqual([
      "received",
      "registered",
      "triaged",
      "assigned",
      "reviewStarted",
      "informationRequested",
      "informationProvided",
      "deadlineExtended",
      "answered",
      "rated",
      "closed"
    ])
    expect(report.chain).toMatchObject({ ok: true, count: 11, projectionMatches: true })
    expect(report.tamperCheck).toMatchObject({ ok: false, reason: "hashMismatch" })
    expect(report.refusals.map((r: { code: string }) => r.code)).toEqual(["AppealNotFound", "RuleViolation"])
    expect(report.auditorSees).toContain("applicant")
  })

  it("demo speaks the chosen language and refuses an unknown one", async () => {
    const c = capture()
    expect(await run(["demo", "--memory", "--lang", "uz-Cyrl"], c.io)).toBe(0)
    expect(JSON.parse(c.out.join("")).refusals[1].message).toContain("қоидаси")
    const bad = capture()
    expect(await run(["demo", "--lang", "fr"], bad.io)).toBe(2)
    expect(bad.err.join("")).toContain("--lang must be one of")
    const both = capture()
    expect(await run(["demo", "--memory", "--data-dir", "x"], both.io)).toBe(2)
    expect(both.err.join("")).toContain("--memory cannot be combined")
  })

  it("lifecycle prints the machine's transitions, its Mermaid diagram and its paths", async () => {
    const json = capture()
    expect(await run(["lifecycle"], json.io)).toBe(0)
    expect(JSON.parse(json.out.join("")).length).toBe(AppealMachine.transitions().length)
    const mermaid = capture()
    expect(await run(["lifecycle", "--mermaid"], mermaid.io)).toBe(0)
    expect(mermaid.out.join("")).toBe(AppealMachineGraph.mermaid())
    const paths = capture()
    expect(await run(["lifecycle", "--paths"], paths.io)).toBe(0)
    expect(JSON.parse(paths.out.join(""))).toEqual(AppealMachineGraph.paths())
  })

  it("verify-chain checks an export against its heads: removed newest events and events after the end are caught", async () => {
    const meta = { appealId: "A-1", at: "2026-03-25T05:00:00.000Z", actor: { kind: "system", id: "t", role: "system" } } as const
    const pending = (type: string) => ({ type, data: {}, rules: [`lifecycle.${type}`] }) as unknown as Event.Pending
    const sealed = Audit.seal({ version: 0, lastHash: Audit.genesis }, [pending("reviewStarted"), pending("withdrawn")], meta)
    const head = { appealId: "A-1", seq: 2, hash: sealed[1]!.hash }
    const exported = (events: ReadonlyArray<unknown>, heads = [head]) => JSON.stringify({ format: "murojaat.events", version: 2, heads, events })
    const verify = async (content: string, ...flags: Array<string>) => {
      const c = capture()
      const code = await run(["verify-chain", file("chain.json", content), ...flags], c.io)
      return { code, report: JSON.parse(c.out.join("") || "null"), err: c.err.join("") }
    }
    const intact = await verify(exported(sealed))
    expect(intact.code).toBe(0)
    expect(intact.report).toMatchObject({ ok: true, format: 2, events: 2, appeals: [{ appealId: "A-1", ok: true, headChecked: true }] })
    // The newest event removed: the rest is a sound chain, but it does not reach the exported head.
    const truncated = await verify(exported(sealed.slice(0, 1)))
    expect(truncated.code).toBe(1)
    expect(truncated.report.appeals[0]).toMatchObject({ ok: false, reason: "headMismatch" })
    // Every event removed: the head still names the appeal.
    expect((await verify(exported([]))).report.appeals[0]).toMatchObject({ appealId: "A-1", ok: false, reason: "headMismatch" })
    // A forged event after `withdrawn`, sealed properly, with the head moved to match it.
    const forged = Audit.seal({ version: 2, lastHash: sealed[1]!.hash }, [pending("reviewStarted")], meta)
    const appended = await verify(exported([...sealed, ...forged], [{ appealId: "A-1", seq: 3, hash: forged[0]!.hash }]))
    expect(appended.code).toBe(1)
    expect(appended.report.appeals[0]).toMatchObject({ ok: false, reason: "afterEnd", seq: 3 })
    // Events of an appeal the heads do not name.
    const other = Audit.seal({ version: 0, lastHash: Audit.genesis }, [pending("reviewStarted")], { ...meta, appealId: "A-2" })
    expect((await verify(exported([...sealed, ...other]))).report.appeals[1]).toMatchObject({ appealId: "A-2", ok: false, reason: "noHead" })
    // Reordered.
    expect((await verify(exported([sealed[1], sealed[0]]))).report).toMatchObject({ ok: false, appeals: [{ ok: false, index: 0 }] })
  })

  it("verify-chain still reads exports without heads (array, object, JSON Lines), but cannot vouch for them without --without-head", async () => {
    const sealed = Audit.seal(
      { version: 0, lastHash: Audit.genesis },
      [
        { type: "reviewStarted", data: {}, rules: ["lifecycle.startReview"] },
        { type: "closed", data: {}, rules: ["lifecycle.close"] }
      ],
      { appealId: "A-1", at: "2026-03-25T05:00:00.000Z", actor: { kind: "system", id: "t", role: "system" } }
    )
    for (const content of [JSON.stringify(sealed), JSON.stringify({ events: sealed }), sealed.map((e) => JSON.stringify(e)).join("\n")]) {
      const strict = capture()
      expect(await run(["verify-chain", file("old.json", content)], strict.io)).toBe(1)
      expect(JSON.parse(strict.out.join(""))).toMatchObject({ ok: false, format: 1, events: 2, appeals: [{ appealId: "A-1", ok: false, reason: "noHead" }] })
      expect(strict.err.join("")).toContain("carries no head")
      const links = capture()
      expect(await run(["verify-chain", file("old.json", content), "--without-head"], links.io)).toBe(0)
      expect(JSON.parse(links.out.join(""))).toMatchObject({ ok: true, appeals: [{ appealId: "A-1", ok: true, headChecked: false }] })
    }
    const tampered = capture()
    expect(await run(["verify-chain", file("bad.json", JSON.stringify([sealed[1], sealed[0]])), "--without-head"], tampered.io)).toBe(1)
    expect(JSON.parse(tampered.out.join(""))).toMatchObject({ ok: false, appeals: [{ ok: false, index: 0 }] })
    const newer = capture()
    expect(await run(["verify-chain", file("v3.json", JSON.stringify({ format: "murojaat.events", version: 3, heads: [], events: [] }))], newer.io)).toBe(2)
    expect(newer.err.join("")).toContain("export format version 3")
  })

  it("verify-chain explains unreadable input with exit 2", async () => {
    for (const [args, message] of [
      [["verify-chain"], "give exactly one FILE"],
      [["verify-chain", join(dir, "missing.json")], "cannot read"],
      [["verify-chain", file("garbage.json", "{not json\n")], "line 1 is not valid JSON"],
      [["verify-chain", file("wrong.json", JSON.stringify([{ type: "closed" }]))], "Invalid event 1"]
    ] as const) {
      const c = capture()
      expect(await run([...args], c.io)).toBe(2)
      expect(c.err.join("")).toContain(message)
    }
  })

  it("unknown commands and help", async () => {
    const c = capture()
    expect(await run(["nope"], c.io)).toBe(2)
    expect(c.err.join("")).toContain("unknown command: nope")
    const h = capture()
    expect(await run(["help"], h.io)).toBe(0)
    expect(h.err.join("")).toContain("murojaat verify-chain FILE")
  })
})
