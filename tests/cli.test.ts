// End to end: the `murojaat` program as a user runs it, in its own process.
import { execFileSync, spawnSync } from "node:child_process"
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { dirname, join } from "node:path"
import { fileURLToPath } from "node:url"
import { describe, expect, it } from "vitest"

const root = join(dirname(fileURLToPath(import.meta.url)), "..")
const bin = join(root, "packages/cli/src/bin.ts")
// Without DATABASE_URL, so the demo runs on its default: an embedded PostgreSQL of its own.
const env = { ...process.env, DATABASE_URL: "" }
const murojaat = (...args: ReadonlyArray<string>) =>
  spawnSync(process.execPath, ["--import", "tsx", bin, ...args], { cwd: root, encoding: "utf8", timeout: 120_000, env })

describe("murojaat CLI, end to end", () => {
  it("demo runs on an embedded PostgreSQL, exports a chain that verify-chain accepts, and an edited copy that it rejects", () => {
    const dir = mkdtempSync(join(tmpdir(), "murojaat-e2e-"))
    const file = join(dir, "events.json")
    const data = join(dir, "pg")
    const demo = murojaat("demo", "--export", file, "--data-dir", data)
    expect(demo.status).toBe(0)
    expect(demo.stderr).toContain("storage embedded:")
    // The stored appeal verifies in the database too.
    const stored = murojaat("verify-chain", "--stored", "--data-dir", data)
    expect(stored.status).toBe(0)
    expect(JSON.parse(stored.stdout)).toMatchObject({ checked: 1, ok: true, broken: [] })
    expect(JSON.parse(demo.stdout).chain).toMatchObject({ ok: true, projectionMatches: true })

    const ok = murojaat("verify-chain", file)
    expect(ok.status).toBe(0)
    expect(JSON.parse(ok.stdout)).toMatchObject({ ok: true, format: 2, events: 11, appeals: [{ ok: true, headChecked: true }] })

    const exported = JSON.parse(readFileSync(file, "utf8")) as { events: Array<{ data: Record<string, unknown> }> }
    const edited = structuredClone(exported)
    edited.events[8]!.data = { ...edited.events[8]!.data, outcome: "rejectedWithGrounds" }
    writeFileSync(join(dir, "edited.json"), JSON.stringify(edited))
    const bad = murojaat("verify-chain", join(dir, "edited.json"))
    expect(bad.status).toBe(1)
    expect(JSON.parse(bad.stdout).appeals[0]).toMatchObject({ ok: false, seq: 9, reason: "hashMismatch" })

    // The newest events removed (the rest is a sound chain): the exported head shows it.
    writeFileSync(join(dir, "cut.json"), JSON.stringify({ ...exported, events: exported.events.slice(0, 9) }))
    const cut = murojaat("verify-chain", join(dir, "cut.json"))
    expect(cut.status).toBe(1)
    expect(JSON.parse(cut.stdout).appeals[0]).toMatchObject({ ok: false, reason: "headMismatch" })
  }, 300_000)

  it("a bad database URL exits 2 with one line, no stack trace", () => {
    const r = murojaat("verify-db", "--database", "not a url")
    expect(r.status).toBe(2)
    expect(r.stdout).toBe("")
    expect(r.stderr.trimEnd().split("\n")).toEqual([expect.stringContaining("murojaat verify-db: --database is not a valid URL")])
  })

  it("a bad command line exits 2 with the usage, and nothing on stdout", () => {
    const r = murojaat("deadline", "--kind", "arz", "--received", "2026-03-20T10:00:00+05:00")
    expect(r.status).toBe(2)
    expect(r.stdout).toBe("")
    expect(r.stderr).toContain("usage: murojaat deadline")
  })

  it("lifecycle --mermaid prints a diagram a renderer accepts", () => {
    const out = execFileSync(process.execPath, ["--import", "tsx", bin, "lifecycle", "--mermaid"], { cwd: root, encoding: "utf8" })
    expect(out.startsWith("stateDiagram-v2\n")).toBe(true)
    expect(out).toContain("inReview --> answered: answer")
  })
})
