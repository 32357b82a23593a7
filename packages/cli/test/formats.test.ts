// The input file examples of docs/cli.md are real: each is read by the command that takes it.
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { Facade } from "@murojaat/core"
import { describe, expect, it } from "vitest"
import { run } from "../src/index.js"
import { capture } from "./support.js"

const doc = readFileSync(join(process.cwd(), "docs", "cli.md"), "utf8")
const dir = mkdtempSync(join(tmpdir(), "murojaat-formats-"))
const files = new Map<string, string>()
for (const m of doc.matchAll(/^```\w+ file=(\S+)\n([\s\S]*?)^```$/gm)) {
  writeFileSync(join(dir, m[1]!), m[2]!)
  files.set(m[1]!, join(dir, m[1]!))
}
const path = (name: string) => files.get(name) ?? `(docs/cli.md has no ${name})`

const ok = async (argv: ReadonlyArray<string>) => {
  const c = capture()
  const code = await run(argv, c.io)
  expect({ argv, code, err: c.err }).toEqual({ argv, code: 0, err: [] })
  return JSON.parse(c.out.join("")) as Record<string, any>
}

describe("the input formats documented in docs/cli.md", () => {
  it("documents every file a command reads", () => {
    expect([...files.keys()].sort()).toEqual(["appeal.json", "calendar.json", "decree.ics", "directory.json", "open.json", "rules.json", "years.json"])
  })

  it("directory, appeal and open workload: assign reads them and places the appeal", async () => {
    const r = await ok(["assign", "--directory", path("directory.json"), "--appeal", path("appeal.json"), "--open", path("open.json"), "--at", "2026-03-25T10:00"])
    expect(r).toMatchObject({ outcome: "assigned", officerId: "O-101" })
  })

  it("calendar files: deadline reads the whole calendar and the decree; the JSON years load as a decree", async () => {
    expect((await ok(["deadline", "--kind", "ariza", "--received", "2026-03-25", "--calendar", path("calendar.json")])).clocks.length).toBeGreaterThan(0)
    expect((await ok(["deadline", "--kind", "ariza", "--received", "2026-12-28", "--decree", path("decree.ics")])).clocks.length).toBeGreaterThan(0)
    const m = Facade.make()
    try {
      expect(await m.loadCalendarDecree({ years: JSON.parse(readFileSync(path("years.json"), "utf8")) })).toEqual([2025, 2026, 2027])
    } finally {
      await m.dispose()
    }
  })

  it("triage rules: triage reads them", async () => {
    expect(await ok(["triage", "--text", "Qoʻshnim pichoq koʻrsatdi", "--rules", path("rules.json")])).toHaveProperty("category")
  })
})
