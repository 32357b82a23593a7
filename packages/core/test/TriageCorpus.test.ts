/**
 * The triage corpus (packages/core/test/fixtures/triage/, see its BRIEF.md) and the shipped model:
 * the frozen test split is byte for byte what was frozen (only its SHA-256 is read here: no test
 * reads its appeals; `pnpm triage:eval` alone scores it, in aggregate); the model in
 * internal/triage/modelData.ts is what `pnpm triage:train` makes from the corpus today; and on the
 * splits it was trained on, no urgent appeal is missed.
 */
import { createHash } from "node:crypto"
import { readFileSync } from "node:fs"
import { describe, expect, it } from "vitest"
import { Triage } from "@murojaat/core"
import { render, split, trainShipped } from "../../../scripts/triage-train.js"

const fixtures = new URL("./fixtures/triage/", import.meta.url)

describe("Triage corpus", () => {
  it("the test split is frozen: its SHA-256 is the one in FROZEN", () => {
    const frozen = readFileSync(new URL("FROZEN", fixtures), "utf8").trim().split(/\s+/)[0]
    const actual = createHash("sha256").update(readFileSync(new URL("test.jsonl", fixtures))).digest("hex")
    expect(frozen).toMatch(/^[0-9a-f]{64}$/)
    expect(actual).toBe(frozen)
  })

  it("the train and dev splits are well formed (ids, languages, categories)", () => {
    const codes = new Set(Triage.defaultEngine.taxonomy.categories.map((c) => c.code))
    for (const name of ["train", "dev"] as const) {
      const items = split(name)
      expect(new Set(items.map((i) => i.id)).size).toBe(items.length)
      for (const i of items) {
        expect(i.id.startsWith(`${name}-`)).toBe(true)
        expect(["uz-Latn", "uz-Cyrl", "ru", "mixed"]).toContain(i.lang)
        expect(codes.has(i.category)).toBe(true)
      }
    }
  })

  it("the shipped model is what pnpm triage:train makes from the corpus", { timeout: 600_000 }, () => {
    const shipped = readFileSync(new URL("../src/internal/triage/modelData.ts", import.meta.url), "utf8")
    expect(render(trainShipped()) === shipped).toBe(true)
  })

  it.each(["train", "dev"] as const)("no urgent appeal of the %s split is missed", (name) => {
    const missed = split(name).filter((i) => i.urgent && Triage.classify(i.text).priority !== "urgent").map((i) => i.id)
    expect(missed).toEqual([])
  })
})
