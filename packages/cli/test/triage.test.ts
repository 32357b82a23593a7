import { mkdtempSync, readFileSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { describe, expect, it } from "vitest"
import { AppealStore, type Event, Triage } from "@murojaat/core"
import { Effect, Layer, Option } from "effect"
import { correctionsFromStore } from "../src/commands/triage.js"
import { run } from "../src/index.js"
import { capture } from "./support.js"

interface Printed {
  readonly category: string
  readonly priority: string
  readonly flags: ReadonlyArray<string>
  readonly needsPerson: boolean
  readonly decidedBy: string
  readonly ruleIds: ReadonlyArray<string>
  readonly matches: ReadonlyArray<{ ruleId: string; words: ReadonlyArray<string> }>
  readonly urgency: { level: string; rules: ReadonlyArray<{ ruleId: string }> }
  readonly model?: { category: string; features: ReadonlyArray<{ feature: string }> }
  readonly explanation: Record<string, string>
}

const temp = () => mkdtempSync(join(tmpdir(), "murojaat-triage-"))

describe("murojaat triage", () => {
  it("prints the result with its explanation as JSON", async () => {
    const c = capture()
    expect(await run(["triage", "--text", "Эрим ҳозир мени уряпти, тез келинглар"], c.io)).toBe(0)
    const p = JSON.parse(c.out.join("")) as Printed
    expect(p).toMatchObject({ category: "domesticViolence", priority: "urgent", urgency: { level: "urgent" } })
    expect(p.flags).toContain("domesticViolence")
    expect(p.urgency.rules.map((r) => r.ruleId)).toContain("urgent.violenceNow")
    expect(p.matches.find((m) => m.ruleId === "dv.violence")?.words).toEqual(["уряпти"])
    expect(p.model?.features.length).toBeGreaterThan(0)
    expect(p.explanation.en).toContain("urgent.violenceNow")
  })

  it("reads the text from stdin", async () => {
    const c = capture("Ўғлим кеча мактабдан уйга қайтмади, телефони ўчиқ")
    expect(await run(["triage"], c.io)).toBe(0)
    expect(JSON.parse(c.out.join(""))).toMatchObject({ category: "missingPerson", priority: "urgent" })
  })

  it("applies operator rules from a JSON file", async () => {
    const file = join(temp(), "rules.json")
    writeFileSync(file, JSON.stringify({ rules: [{ id: "local.mosque", category: "proposal", weight: 9, match: ["masjid"], note: "n", examples: [] }] }))
    const c = capture()
    expect(await run(["triage", "--rules", file, "--text", "Masjid oldida"], c.io)).toBe(0)
    const p = JSON.parse(c.out.join("")) as Printed
    expect(p.ruleIds).toContain("local.mosque")
    expect(p.category).toBe("proposal")
  })

  it("train: learns from an operator's corrected appeals; the model is then used with --model", async () => {
    const dir = temp()
    const data = join(dir, "corrected.jsonl")
    const out = join(dir, "model.json")
    const lines = [
      ...Array.from({ length: 6 }, (_, i) => ({ text: `Bozorda qalbaki dori sotishyapti, ${i}-doʻkon`, category: "illegalTrade", urgent: false })),
      ...Array.from({ length: 6 }, (_, i) => ({ text: `Hovlimizga daydi it kirib oldi, ${i} marta`, category: "animals", urgent: false }))
    ]
    writeFileSync(data, lines.map((l) => JSON.stringify(l)).join("\n") + "\n")
    const c = capture()
    expect(await run(["triage", "train", "--data", data, "--out", out], c.io)).toBe(0)
    expect(JSON.parse(c.out.join(""))).toMatchObject({ out, examples: 12, categories: ["illegalTrade", "animals"] })
    const model = JSON.parse(readFileSync(out, "utf8")) as Triage.Model
    expect(model.format).toBe("murojaat.triage.model")
    const t = capture()
    expect(await run(["triage", "--model", out, "--text", "Bozorda qalbaki dori"], t.io)).toBe(0)
    expect((JSON.parse(t.out.join("")) as Printed).model?.category).toBe("illegalTrade")
  })

  it("export-corrections: from an export file and its texts, the last correction per appeal, as training lines", async () => {
    const dir = temp()
    const events = join(dir, "events.json")
    const texts = join(dir, "texts.jsonl")
    const out = join(dir, "corrections.jsonl")
    writeFileSync(
      events,
      JSON.stringify([
        { appealId: "A-1", seq: 2, type: "triaged", data: { category: "other", priority: "normal", flags: [], confidence: 0.3, needsPerson: true } },
        { appealId: "A-1", seq: 4, type: "triageCorrected", data: { category: "fraud", priority: "normal", flags: [] } },
        { appealId: "A-2", seq: 3, type: "triageCorrected", data: { category: "minors", priority: "urgent", flags: [] } },
        { appealId: "A-3", seq: 3, type: "triageCorrected", data: { category: "animals", priority: "low", flags: [] } }
      ])
    )
    writeFileSync(texts, [{ appealId: "A-1", text: "Kartamdan pul yechishdi" }, { appealId: "A-2", text: "Bola tomda" }].map((x) => JSON.stringify(x)).join("\n"))
    const c = capture()
    expect(await run(["triage", "export-corrections", "--events", events, "--texts", texts, "--out", out], c.io)).toBe(0)
    expect(JSON.parse(c.out.join(""))).toEqual({ out, exported: 2, withoutText: 1 })
    expect(readFileSync(out, "utf8").trim().split("\n").map((l) => JSON.parse(l))).toEqual([
      { appealId: "A-1", text: "Kartamdan pul yechishdi", category: "fraud", urgent: false },
      { appealId: "A-2", text: "Bola tomda", category: "minors", urgent: true }
    ])
    // The lines train a model as they are.
    const model = join(dir, "model.json")
    expect(await run(["triage", "train", "--data", out, "--out", model], capture().io)).toBe(0)
  })

  it("export-corrections from a store: the events of every appeal and the body from the personal-data record", async () => {
    const stored: Record<string, ReadonlyArray<Event.AppealEvent>> = {
      "A-1": [{ appealId: "A-1", seq: 5, type: "triageCorrected", data: { category: "fraud", priority: "normal", flags: [] } } as unknown as Event.AppealEvent],
      "A-2": [{ appealId: "A-2", seq: 2, type: "triaged", data: { category: "fraud", priority: "normal", flags: [] } } as unknown as Event.AppealEvent]
    }
    const store = {
      ids: (after: string | undefined) => Effect.succeed(after === undefined ? Object.keys(stored) : []),
      events: (id: string) => Effect.succeed(stored[id] ?? []),
      personal: (id: string) => Effect.succeed(id === "A-1" ? Option.some({ text: { body: "Kartamdan pul yechishdi", subject: "Karta" } }) : Option.none())
    } as unknown as AppealStore.Service
    const r = await Effect.runPromise(Effect.provide(correctionsFromStore, Layer.succeed(AppealStore.AppealStore, store)))
    expect(r).toEqual({ examples: [{ appealId: "A-1", text: "Kartamdan pul yechishdi", category: "fraud", urgent: false }], withoutText: [] })
  })

  it.each([
    [["triage"], "no text"],
    [["triage", "--bogus"], "Unknown option"],
    [["triage", "--rules", "/nonexistent/rules.json", "--text", "x"], "cannot read --rules"],
    [["triage", "train", "--out", "/tmp/x.json"], "--data"],
    [["triage", "train", "--data", "/nonexistent/data.jsonl", "--out", "/tmp/x.json"], "cannot read --data"],
    [["triage", "export-corrections"], "--events"],
    [["triage", "export-corrections", "--events", "/nonexistent/e.json"], "--texts"]
  ])("bad input %j: message on stderr, exit 2", async (argv, message) => {
    const c = capture()
    expect(await run(argv, c.io)).toBe(2)
    expect(c.err.join("")).toContain(message)
    expect(c.out).toEqual([])
  })

  it("invalid operator rules, training lines and models name what is wrong", async () => {
    const dir = temp()
    const rules = join(dir, "bad.json")
    writeFileSync(rules, JSON.stringify({ settings: { minConfidence: 5 } }))
    const c = capture()
    expect(await run(["triage", "--rules", rules, "--text", "x"], c.io)).toBe(2)
    expect(c.err.join("")).toContain("settings.minConfidence")
    const data = join(dir, "bad.jsonl")
    writeFileSync(data, `{"text": "ok", "category": "fraud"}\n{"text": "x", "category": "nowhere"}\n`)
    const t = capture()
    expect(await run(["triage", "train", "--data", data, "--out", join(dir, "m.json")], t.io)).toBe(2)
    expect(t.err.join("")).toContain("line 2: unknown category nowhere")
    const model = join(dir, "model.json")
    writeFileSync(model, JSON.stringify({ format: "murojaat.triage.model", version: 1 }))
    const m = capture()
    expect(await run(["triage", "--model", model, "--text", "x"], m.io)).toBe(2)
    expect(m.err.join("")).toContain("--model")
  })
})
