// murojaat analytics: CSV and JSON from a file of facts equal the core's reports on the same facts;
// a database run (embedded, after `demo`) refreshes and reports; bad input is exit code 2.
import { mkdtempSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { Actor, Analytics, AnalyticsExport, type AppealFact, ReportPeriod } from "@murojaat/core"
import { Embedded } from "@murojaat/postgres"
import { Effect, Option } from "effect"
import { describe, expect, it } from "vitest"
import { run } from "../src/index.js"
import { capture } from "./support.js"

const dir = mkdtempSync(join(tmpdir(), "murojaat-analytics-"))
const file = (name: string, content: string) => {
  const p = join(dir, name)
  writeFileSync(p, content)
  return p
}

const fact = (i: number): AppealFact.Fact => ({
  appealId: `A-${String(i).padStart(3, "0")}`,
  version: 4,
  regionCode: "R1",
  districtCode: i % 2 === 0 ? "D1" : "D2",
  mahallaCode: `M${i % 4}`,
  kind: "shikoyat",
  category: i % 3 === 0 ? "domesticViolence" : "publicOrder",
  flags: i % 3 === 0 ? ["domesticViolence"] : [],
  status: "answered",
  receivedAt: new Date(Date.UTC(2026, 1, 1) + i * 11 * 3_600_000).toISOString(),
  counted: true,
  registered: true,
  outcome: i % 5 === 0 ? "rejectedWithGrounds" : "satisfied",
  assigneeId: `O${i % 3}`,
  ...(i % 4 === 0 ? { rating: 1 + (i % 5) } : {}),
  ...(i > 10 && i % 10 === 3 ? { repeatOf: `A-${String(i - 10).padStart(3, "0")}` } : {}),
  violated: i % 9 === 0,
  applicantRef: `u${i % 7}`,
  measures: [],
  computedAt: "2026-04-01T00:00:00.000Z"
})
const facts = Array.from({ length: 120 }, (_, i) => fact(i))
const factsFile = file("facts.json", JSON.stringify(facts))
const system = Actor.system("murojaat-cli")
const march = Option.getOrThrow(ReportPeriod.fromLabel("2026-03"))

describe("murojaat analytics (from a file of facts)", () => {
  it("hotspots as CSV: the core's report of the same facts, March against February by default", async () => {
    const c = capture()
    expect(await run(["analytics", "hotspots", "--period", "2026-03", "--level", "district", "--facts", factsFile], c.io)).toBe(0)
    const report = Effect.runSync(
      Effect.provideService(Analytics.hotspots({ level: "district", area: { all: true }, current: march, previous: ReportPeriod.previous(march) }, system), Analytics.Analytics, Analytics.fromFacts(facts))
    )
    expect(c.out.join("")).toBe(AnalyticsExport.csv(AnalyticsExport.hotspots(report)))
    expect(c.out.join("").split("\r\n")[0]).toBe("level,code,category,current,previous,currentPerDay,previousPerDay,share,ratio,pValue,qValue,rise,currentFrom,currentTo,previousFrom,previousTo")
  })

  it("ratings as JSON records, per inspector of a district, judged at the end of the period", async () => {
    const c = capture()
    expect(await run(["analytics", "ratings", "--period", "2026-Q1", "--level", "inspector", "--district", "D1", "--format", "json", "--facts", factsFile], c.io)).toBe(0)
    const q1 = Option.getOrThrow(ReportPeriod.fromLabel("2026-Q1"))
    const report = Effect.runSync(
      Effect.provideService(Analytics.ratings({ level: "inspector", area: { districtCode: "D1" }, interval: q1, asOf: q1.to }, system), Analytics.Analytics, Analytics.fromFacts(facts))
    )
    const printed = JSON.parse(c.out.join("")) as ReadonlyArray<Record<string, unknown>>
    expect(printed).toEqual(AnalyticsExport.records(AnalyticsExport.ratings(report)))
    expect(printed.map((r) => r["code"])).toEqual(["O0", "O1", "O2"])
  })

  it("signals carry appeal ids, never the applicants' account references", async () => {
    const c = capture()
    expect(await run(["analytics", "signals", "--as-of", "2026-04-01T00:00:00+05:00", "--facts", factsFile], c.io)).toBe(0)
    const out = c.out.join("")
    expect(out.split("\r\n").length).toBeGreaterThan(3)
    for (let u = 0; u < 7; u++) expect(out).not.toMatch(new RegExp(`\\bu${u}\\b`))
  })

  it("bad input is exit code 2 with one line naming it", async () => {
    const cases: ReadonlyArray<ReadonlyArray<string>> = [
      ["analytics"],
      ["analytics", "everything"],
      ["analytics", "hotspots", "--facts", factsFile],
      ["analytics", "hotspots", "--period", "2026-13", "--facts", factsFile],
      ["analytics", "hotspots", "--period", "2026-03", "--level", "inspector", "--facts", factsFile],
      ["analytics", "ratings", "--period", "2026-03", "--district", "D1", "--region", "R1", "--facts", factsFile],
      ["analytics", "signals", "--as-of", "yesterday", "--facts", factsFile],
      ["analytics", "signals", "--format", "xml", "--facts", factsFile],
      ["analytics", "refresh", "--facts", factsFile],
      ["analytics", "hotspots", "--period", "2026-03", "--facts", file("bad.json", JSON.stringify([{ appealId: 1 }]))],
      ["analytics", "hotspots", "--period", "2026-03", "--facts", factsFile, "--data-dir", dir]
    ]
    for (const argv of cases) {
      const c = capture()
      expect(await run(argv, c.io), argv.join(" ")).toBe(2)
      expect(c.out).toEqual([])
      expect(c.err.join("")).toMatch(/^murojaat analytics: .*\(usage: murojaat analytics/)
    }
  })
})

describe("murojaat analytics (embedded database in --data-dir)", () => {
  it("after a demo appeal, refresh computes its fact and the reports read it", async () => {
    const dataDir = Embedded.temporaryDataDir()
    const env = process.env["DATABASE_URL"]
    delete process.env["DATABASE_URL"]
    try {
      expect(await run(["demo", "--data-dir", dataDir], capture().io)).toBe(0)
      const refresh = capture()
      expect(await run(["analytics", "refresh", "--data-dir", dataDir], refresh.io)).toBe(0)
      expect(JSON.parse(refresh.out.join(""))).toMatchObject({ facts: 1 })
      const year = String(new Date().getUTCFullYear())
      const ratings = capture()
      expect(await run(["analytics", "ratings", "--period", year, "--level", "district", "--format", "json", "--data-dir", dataDir, "--no-refresh"], ratings.io)).toBe(0)
      const rows = JSON.parse(ratings.out.join("")) as ReadonlyArray<Record<string, unknown>>
      expect(rows.reduce((n, r) => n + Number(r["registered"]), 0)).toBe(1)
    } finally {
      if (env !== undefined) process.env["DATABASE_URL"] = env
      Embedded.removeDataDir(dataDir)
    }
  }, 180_000)
})
