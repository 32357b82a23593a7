import { mkdtempSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { describe, expect, it } from "vitest"
import { run } from "../src/index.js"
import { capture } from "./support.js"

interface Printed {
  readonly category: string
  readonly priority: string
  readonly flags: ReadonlyArray<string>
  readonly needsPerson: boolean
  readonly ruleIds: ReadonlyArray<string>
  readonly matches: ReadonlyArray<{ ruleId: string; words: ReadonlyArray<string> }>
  readonly explanation: Record<string, string>
}

describe("murojaat triage", () => {
  it("prints the result with its explanation as JSON", async () => {
    const c = capture()
    expect(await run(["triage", "--text", "Эрим мени пичоқ билан ўлдираман деб қўрқитди"], c.io)).toBe(0)
    const p = JSON.parse(c.out.join("")) as Printed
    expect(p).toMatchObject({ category: "domesticViolence", priority: "urgent", needsPerson: false })
    expect(p.flags).toContain("domesticViolence")
    expect(p.matches.find((m) => m.ruleId === "signal.weapon")?.words).toEqual(["пичоқ"])
    expect(p.explanation.en).toContain("signal.weapon")
  })

  it("reads the text from stdin", async () => {
    const c = capture("Ўғлим кеча мактабдан уйга қайтмади")
    expect(await run(["triage"], c.io)).toBe(0)
    expect(JSON.parse(c.out.join(""))).toMatchObject({ category: "missingPerson", priority: "urgent" })
  })

  it("applies operator rules from a JSON file", async () => {
    const dir = mkdtempSync(join(tmpdir(), "murojaat-triage-"))
    const file = join(dir, "rules.json")
    writeFileSync(file, JSON.stringify({ rules: [{ id: "local.mosque", category: "proposal", weight: 3, match: ["masjid"], note: "n", examples: [] }] }))
    const c = capture()
    expect(await run(["triage", "--rules", file, "--text", "Masjid oldida"], c.io)).toBe(0)
    expect((JSON.parse(c.out.join("")) as Printed).ruleIds).toEqual(["local.mosque"])
  })

  it.each([
    [["triage"], "no text"],
    [["triage", "--bogus"], "Unknown option"],
    [["triage", "--rules", "/nonexistent/rules.json", "--text", "x"], "cannot read --rules"]
  ])("bad input %j: message on stderr, exit 2", async (argv, message) => {
    const c = capture()
    expect(await run(argv, c.io)).toBe(2)
    expect(c.err.join("")).toContain(message)
    expect(c.out).toEqual([])
  })

  it("invalid operator rules name the field", async () => {
    const dir = mkdtempSync(join(tmpdir(), "murojaat-triage-"))
    const file = join(dir, "bad.json")
    writeFileSync(file, JSON.stringify({ settings: { minConfidence: 5 } }))
    const c = capture()
    expect(await run(["triage", "--rules", file, "--text", "x"], c.io)).toBe(2)
    expect(c.err.join("")).toContain("settings.minConfidence")
  })
})
