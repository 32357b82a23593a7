import { mkdtempSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { AppealMachine, Audit } from "@murojaat/core"
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
    expect(JSON.stringify(report.auditorSees)).not.toContain("Qodirova")
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
    expect(mermaid.out.join("")).toBe(AppealMachine.mermaid())
    const paths = capture()
    expect(await run(["lifecycle", "--paths"], paths.io)).toBe(0)
    expect(JSON.parse(paths.out.join(""))).toEqual(AppealMachine.paths())
  })

  it("verify-chain accepts an intact export (array, object or JSON Lines) and reports a tampered one", async () => {
    const sealed = Audit.seal(
      { version: 0, lastHash: Audit.genesis },
      [
        { type: "reviewStarted", data: {}, rules: ["lifecycle.startReview"] },
        { type: "closed", data: {}, rules: ["lifecycle.close"] }
      ],
      { appealId: "A-1", at: "2026-03-25T05:00:00.000Z", actor: { kind: "system", id: "t", role: "system" } }
    )
    for (const content of [JSON.stringify(sealed), JSON.stringify({ events: sealed }), sealed.map((e) => JSON.stringify(e)).join("\n")]) {
      const c = capture()
      expect(await run(["verify-chain", file("ok.json", content)], c.io)).toBe(0)
      expect(JSON.parse(c.out.join(""))).toMatchObject({ ok: true, events: 2, appeals: [{ appealId: "A-1", ok: true }] })
    }
    const tampered = capture()
    expect(await run(["verify-chain", file("bad.json", JSON.stringify([sealed[1], sealed[0]]))], tampered.io)).toBe(1)
    expect(JSON.parse(tampered.out.join(""))).toMatchObject({ ok: false, appeals: [{ ok: false, index: 0 }] })
  })

  it("verify-chain explains unreadable input with exit 2", async () => {
    for (const [args, message] of [
      [["verify-chain"], "give exactly one FILE"],
      [["verify-chain", join(dir, "missing.json")], "cannot read"],
      [["verify-chain", file("garbage.json", "{not json\n")], "line 1 is not JSON"],
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
