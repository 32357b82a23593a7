import { mkdtempSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { describe, expect, it } from "vitest"
import { run } from "../src/index.js"
import { capture } from "./support.js"

const dir = mkdtempSync(join(tmpdir(), "murojaat-deadline-"))
const file = (name: string, content: string) => {
  const p = join(dir, name)
  writeFileSync(p, content)
  return p
}

interface Printed {
  readonly kind: string
  readonly week: string
  readonly clocks: ReadonlyArray<{ clock: string; ruleId: string; dueAt: string; explanation: { ruleId: string; source: string; daysSkipped: ReadonlyArray<{ date: string; reason: string }> } }>
}
const due = (p: Printed, clock: string) => p.clocks.find((c) => c.clock === clock)?.dueAt

describe("murojaat deadline", () => {
  it("prints each clock's due time and explanation as JSON", async () => {
    const c = capture()
    expect(await run(["deadline", "--kind", "ariza", "--received", "2026-03-06T10:00:00+05:00"], c.io)).toBe(0)
    const p = JSON.parse(c.out.join("")) as Printed
    expect(p.kind).toBe("ariza")
    expect(p.week).toBe("fiveDay")
    expect(p.clocks.map((x) => x.clock)).toEqual(["registration", "forwarding", "consideration"])
    expect(due(p, "consideration")).toBe("2026-03-24T18:00:00+05:00")
    const consideration = p.clocks.find((x) => x.clock === "consideration")!
    expect(consideration.explanation.source).toMatch(/ZRU-445.*Art\. 28/)
    expect(consideration.explanation.daysSkipped.map((d) => d.date)).toEqual(["2026-03-21", "2026-03-22", "2026-03-23"])
  })

  it("takes --week 6, --extra-study and --extended", async () => {
    const c = capture()
    expect(await run(["deadline", "--kind", "shikoyat", "--received", "2026-03-09T10:00:00+05:00", "--extra-study", "--extended", "--week", "6"], c.io)).toBe(0)
    const p = JSON.parse(c.out.join("")) as Printed
    expect(p.week).toBe("sixDay")
    expect(p.clocks.find((x) => x.clock === "consideration")).toMatchObject({ ruleId: "consideration.extension", dueAt: "2026-05-11T18:00:00+05:00" })
  })

  it("adds the proposal notice for taklif and the safety clocks on request", async () => {
    const c = capture()
    expect(await run(["deadline", "--kind", "taklif", "--received", "2026-04-30T19:00:00+05:00", "--urgent", "--domestic-violence"], c.io)).toBe(0)
    const p = JSON.parse(c.out.join("")) as Printed
    expect(p.clocks.map((x) => x.clock)).toEqual(["registration", "forwarding", "consideration", "proposalNotice", "urgentFirstContact", "protectionOrderStudy"])
    expect(due(p, "proposalNotice")).toBe("2026-05-12T18:00:00+05:00")
  })

  it("loads next year's decree from iCalendar", async () => {
    const ics = file(
      "2027.ics",
      ["BEGIN:VCALENDAR", "BEGIN:VEVENT", "DTSTART;VALUE=DATE:20270104", "SUMMARY:Extra day off", "END:VEVENT", "END:VCALENDAR"].join("\r\n")
    )
    const without = capture()
    await run(["deadline", "--kind", "ariza", "--received", "2026-12-19T10:00:00+05:00"], without.io)
    const withDecree = capture()
    expect(await run(["deadline", "--kind", "ariza", "--received", "2026-12-19T10:00:00+05:00", "--decree", ics], withDecree.io)).toBe(0)
    // 15 days from 20 Dec is Sun 3 Jan 2027; Mon 4 Jan is a working day without the decree, off with it.
    expect(due(JSON.parse(without.out.join("")) as Printed, "consideration")).toBe("2027-01-04T18:00:00+05:00")
    expect(due(JSON.parse(withDecree.out.join("")) as Printed, "consideration")).toBe("2027-01-05T18:00:00+05:00")
  })

  it("explains bad input on stderr with exit 2", async () => {
    const cases: ReadonlyArray<ReadonlyArray<string>> = [
      ["deadline", "--received", "2026-03-06T10:00:00+05:00"],
      ["deadline", "--kind", "petition", "--received", "2026-03-06T10:00:00+05:00"],
      ["deadline", "--kind", "ariza", "--received", "yesterday"],
      ["deadline", "--kind", "ariza", "--received", "2026-03-06T10:00:00+05:00", "--week", "4"],
      ["deadline", "--kind", "ariza", "--received", "2026-03-06T10:00:00+05:00", "--bogus"],
      ["deadline", "--kind", "ariza", "--received", "2026-03-06T10:00:00+05:00", "--calendar", join(dir, "missing.json")],
      ["deadline", "--kind", "ariza", "--received", "2026-03-06T10:00:00+05:00", "--calendar", file("bad.json", '{"id":"x","timeZone":"Asia/Tashkent","fixedHolidays":[],"years":[{"year":2026,"source":"s","entries":[{"date":"2026-02-30","kind":"extraDayOff","weeks":["fiveDay"],"name":"n","source":"s"}]}]}')]
    ]
    for (const argv of cases) {
      const c = capture()
      expect(await run(argv, c.io), argv.join(" ")).toBe(2)
      expect(c.err.join("")).toMatch(/^murojaat deadline: [^\n]+ \(usage: murojaat deadline [^\n]*\)$/)
      expect(c.out).toEqual([])
    }
    const c = capture()
    await run(cases[6]!, c.io)
    expect(c.err.join("")).toMatch(/Invalid calendar x: years\.0\.entries\.0\.date/)
  })
})
