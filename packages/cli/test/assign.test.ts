import { mkdtempSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { describe, expect, it } from "vitest"
import * as Fixture from "../../core/test/fixtures/assignment/index.js"
import { run } from "../src/index.js"
import { capture } from "./support.js"


const dir = mkdtempSync(join(tmpdir(), "murojaat-assign-"))
const file = (name: string, content: string) => {
  const p = join(dir, name)
  writeFileSync(p, content)
  return p
}
const base = ["assign", "--directory", Fixture.path("directory.json"), "--appeal", Fixture.path("appeal.json")]

describe("murojaat assign", () => {
  it("prints the chosen officer with the explanation and the assign command", async () => {
    const c = capture()
    const code = await run([...base, "--open", Fixture.path("open.json"), "--at", "2026-03-18T11:00:00+05:00"], c.io)
    expect(code).toBe(0)
    const out = JSON.parse(c.out.join(""))
    expect(out.outcome).toBe("assigned")
    expect(out.officerId).toBe("O-WA-1")
    expect(out.command).toMatchObject({ type: "assign", appealId: "A-2026-000101", officerId: "O-WA-1" })
    expect(out.explanation.compared).toEqual([{ officerId: "O-WA-1", load: 4, open: 1 }])
    expect(out.summary.at(-1)).toBe("→ O-WA-1")
  })

  it("explains in Uzbek why officers were excluded, and falls back to the prevention inspector", async () => {
    const c = capture()
    const code = await run([...base, "--at", "2026-03-26T11:00:00+05:00", "--lang", "uz-Latn"], c.io)
    expect(code).toBe(0)
    const out = JSON.parse(c.out.join(""))
    expect(out.officerId).toBe("O-PI-1")
    expect(out.summary).toContain("mahalla/womensAffairsInspector O-WA-1: taʼtilda, kasal yoki boshqa sababga koʻra yoʻq")
  })

  it("reports the district chief's queue with the typed reason", async () => {
    const appeal = file("weekend.json", JSON.stringify({ appealId: "A-9", mahallaCode: "1726262-003", districtCode: "1726262", priority: "normal" }))
    const c = capture()
    const code = await run(["assign", "--directory", Fixture.path("directory.json"), "--appeal", appeal, "--at", "2026-03-21T11:00:00+05:00"], c.io)
    expect(code).toBe(0)
    const out = JSON.parse(c.out.join(""))
    expect(out.outcome).toBe("districtChiefQueue")
    expect(out.error).toMatchObject({ _tag: "NoEligibleInspector", reason: "noneOnDuty", chiefOfficerIds: ["O-CH-1"] })
  })

  it.each([
    ["a missing file", () => ["assign", "--directory", join(dir, "nope.json"), "--appeal", Fixture.path("appeal.json")], "cannot read --directory"],
    ["a file that is not JSON", () => ["assign", "--directory", file("broken.json", "{"), "--appeal", Fixture.path("appeal.json")], "is not valid JSON"],
    [
      "an appeal with wrong fields",
      () => ["assign", "--directory", Fixture.path("directory.json"), "--appeal", file("bad.json", JSON.stringify({ appealId: "A-1", mahallaCode: "M", districtCode: "D", priority: "soon" }))],
      "priority: value is not valid"
    ],
    [
      "a directory with a dangling reference",
      () => ["assign", "--directory", file("dir.json", JSON.stringify({ regions: [], districts: [], mahallas: [], officers: [{ id: "O", name: "n", roles: ["preventionInspector"], districtCode: "D", mahallas: [], duty: [], absences: [], conflicts: [] }] })), "--appeal", Fixture.path("appeal.json")],
      "unknown district D"
    ],
    ["a missing option", () => ["assign", "--directory", Fixture.path("directory.json")], "--directory and --appeal are required"],
    ["an unknown option", () => [...base, "--colour"], "Unknown option"],
    ["a bad instant", () => [...base, "--at", "tomorrow"], "--at tomorrow is not a date"]
  ])("refuses %s with a clear message and exit code 2", async (_name, argv, message) => {
    const c = capture()
    expect(await run(argv(), c.io)).toBe(2)
    expect(c.err.join("\n")).toContain(message)
    expect(c.out).toEqual([])
  })
})
