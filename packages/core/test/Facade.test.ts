// The async facade as a non-Effect application uses it: typed inputs (misspellings do not compile,
// yet everything is decoded at run time), the directory and the calendar decree loaded through it,
// the outbox read through it, and a submission that stops at `triaged` saying why.
import { fc, test } from "@fast-check/vitest"
import { Actor, AppealService, Command, Errors, Facade, Sample } from "@murojaat/core"
import { describe, expect, it } from "vitest"

const at = Date.parse("2026-03-25T05:00:00.000Z") // a Wednesday, 10:00 in Tashkent, a working day
const triagedAs = (needsPerson: boolean): AppealService.ConfigInput["pipeline"] => ({
  triage: () => ({ category: "publicOrder", priority: "normal", flags: [], confidence: needsPerson ? 0.3 : 0.9, needsPerson, ruleIds: [] })
})
const noOfficers = { ...Sample.directory, officers: [] }

describe("Facade types", () => {
  it("refuses a misspelt command and a layer with a directory at compile time, and still decodes at run time", async () => {
    const m = Facade.make({ directory: Sample.directory, now: () => at })
    try {
      const r = await m.submit(Sample.intake, Actor.applicant("user-1"))
      // @ts-expect-error: "anwser" is not a command
      const typo: Command.InputEncoded = { type: "anwser", appealId: r.appealId }
      await expect(m.execute(typo, Actor.officer("O-101"))).rejects.toMatchObject({ _tag: "InvalidInput" })
      // @ts-expect-error: an answer needs its outcome, text and legal basis
      await expect(m.execute({ type: "answer", appealId: r.appealId }, Actor.officer("O-101"))).rejects.toBeInstanceOf(Errors.InvalidInput)
      // @ts-expect-error: with a layer the directory is the stored one, never silently ignored
      const both: Facade.Options = { layer: AppealService.layerMemory(), directory: Sample.directory }
      expect(both.layer).toBeDefined()
    } finally {
      await m.dispose()
    }
  })

  test.prop([fc.string({ maxLength: 30 }).filter((t) => !(Command.types as ReadonlyArray<string>).includes(t))], { numRuns: 40 })(
    "any command type that is not a command is InvalidInput at run time, never a defect",
    async (type) => {
      const m = Facade.make({ directory: Sample.directory, now: () => at })
      try {
        await expect(m.execute({ type, appealId: "A-000001" } as never, Actor.officer("O-101"))).rejects.toMatchObject({ _tag: "InvalidInput" })
      } finally {
        await m.dispose()
      }
    }
  )
})

describe("Facade directory and calendar", () => {
  it("replaces the stored directory of a layer, refusing a broken one without changing anything", async () => {
    const m = Facade.make({ layer: AppealService.layerMemory(), now: () => at })
    try {
      await expect(m.officerActor("O-101")).rejects.toMatchObject({ _tag: "OfficerNotFound" })
      const broken = { ...Sample.directory, mahallas: [{ ...Sample.directory.mahallas[0]!, districtCode: "9999999" }] }
      await expect(m.replaceDirectory(broken)).rejects.toMatchObject({ _tag: "InvalidInput" })
      expect((await m.directory()).officers).toEqual([])
      const stored = await m.replaceDirectory(JSON.parse(JSON.stringify(Sample.directory)))
      expect(stored.officers.map((o) => o.id)).toEqual(["O-101", "O-102", "O-201", "O-301"])
      expect((await m.officerActor("O-101")).roles).toEqual(["preventionInspector"])
      expect((await m.submit(Sample.intake, Actor.applicant("user-1"))).state.status).toBe("registered")
    } finally {
      await m.dispose()
    }
  })

  it("loads next year's decree from JSON or iCalendar, refusing impossible data with InvalidCalendar", async () => {
    const m = Facade.make()
    try {
      expect([...(await m.calendar()).coveredYears]).toEqual([2025, 2026])
      const entry = { date: "2027-01-04", kind: "extraDayOff", weeks: ["fiveDay", "sixDay"], name: "Extra day off", source: "Decree PF-1" } as const
      await expect(m.loadCalendarDecree({ years: [{ year: 2027, source: "Decree PF-1", entries: [{ ...entry, date: "2028-01-04" }] }] })).rejects.toBeInstanceOf(
        Errors.InvalidCalendar
      )
      await expect(m.loadCalendarDecree({ years: [{ year: 2027 }] as never })).rejects.toMatchObject({ _tag: "InvalidInput" })
      expect([...(await m.calendar()).coveredYears]).toEqual([2025, 2026])
      expect(await m.loadCalendarDecree({ years: [{ year: 2027, source: "Decree PF-1", entries: [entry] }] })).toEqual([2025, 2026, 2027])
      const ics = "BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nDTSTART;VALUE=DATE:20280103\r\nSUMMARY:Extra day off\r\nEND:VEVENT\r\nEND:VCALENDAR"
      expect(await m.loadCalendarDecree({ iCalendar: ics, source: "Decree PF-2" })).toEqual([2025, 2026, 2027, 2028])
      await expect(m.loadCalendarDecree({ iCalendar: "not a calendar", source: "x" })).rejects.toMatchObject({ _tag: "InvalidCalendar" })
    } finally {
      await m.dispose()
    }
  })
})

describe("Facade outbox", () => {
  it("claims, releases and acknowledges the messages a commit wrote, one per event", async () => {
    let now = at
    const m = Facade.make({ directory: Sample.directory, now: () => now })
    try {
      const r = await m.submit(Sample.intake, Actor.applicant("user-1"))
      expect(await m.outbox.pending()).toBe(r.events.length)
      const claimed = await m.outbox.claim({ limit: 1, leaseMillis: 1000 })
      expect(claimed.map((c) => c.id)).toEqual([`${r.appealId}#1`])
      await m.outbox.release(claimed.map((c) => c.id), "broker down")
      const again = await m.outbox.claim({ leaseMillis: 1000 })
      expect(again.map((c) => c.id)).toEqual(r.events.map((e) => `${r.appealId}#${e.seq}`))
      // Nothing is claimable while leased; after the lease ends, it is again.
      expect(await m.outbox.claim()).toEqual([])
      now += 1001
      expect((await m.outbox.claim()).length).toBe(r.events.length)
      await m.outbox.acknowledge(again.map((c) => c.id))
      expect(await m.outbox.pending()).toBe(0)
    } finally {
      await m.dispose()
    }
  })
})

describe("Facade holdup", () => {
  const submitWith = async (directory: typeof Sample.directory, pipeline: AppealService.ConfigInput["pipeline"]) => {
    const m = Facade.make({ directory, config: { pipeline }, now: () => at })
    try {
      return await m.submit(Sample.intake, Actor.applicant("user-1"))
    } finally {
      await m.dispose()
    }
  }

  it("says the appeal needs a person", async () => {
    const r = await submitWith(Sample.directory, { ...triagedAs(true), assign: AppealService.rulesPipeline().assign, assigns: AppealService.rulesPipeline().assigns })
    expect(r.state.status).toBe("triaged")
    expect(r.holdup).toEqual({ reason: "needsPerson" })
  })

  it("gives the assignment's typed refusal when nobody can take it", async () => {
    const r = await submitWith(noOfficers, { ...triagedAs(false), assign: AppealService.rulesPipeline().assign })
    expect(r.state.status).toBe("triaged")
    expect(r.holdup?.reason).toBe("noEligibleInspector")
    if (r.holdup?.reason !== "noEligibleInspector") throw new Error("expected noEligibleInspector")
    expect(r.holdup.error).toMatchObject({ _tag: "NoEligibleInspector", reason: "noOfficerServesMahalla", mahallaCode: "1726262-001" })
    // JSON-safe: the same answer after a round trip (an idempotent replay from a database).
    expect(JSON.parse(JSON.stringify(r.holdup))).toEqual(r.holdup)
  })

  it("says nobody is on duty when every officer serving the mahalla is off duty", async () => {
    const offDuty = {
      ...Sample.directory,
      officers: Sample.directory.officers.map((o) => ({ ...o, duty: [{ from: "2026-03-26T09:00:00+05:00", to: "2026-03-26T18:00:00+05:00" }] }))
    }
    const r = await submitWith(offDuty as typeof Sample.directory, { ...triagedAs(false), assign: AppealService.rulesPipeline().assign })
    if (r.holdup?.reason !== "noEligibleInspector") throw new Error(`expected noEligibleInspector, got ${JSON.stringify(r.holdup)}`)
    expect(r.holdup.error.reason).toBe("noneOnDuty")
  })

  it("says the pipeline assigns nothing, and is absent once assigned or before triage", async () => {
    expect((await submitWith(Sample.directory, triagedAs(false))).holdup).toEqual({ reason: "notAssigned" })
    const assigned = await submitWith(Sample.directory, { ...triagedAs(false), assign: AppealService.rulesPipeline().assign })
    expect(assigned.state.status).toBe("assigned")
    expect(assigned.holdup).toBeUndefined()
    expect((await submitWith(Sample.directory, {})).holdup).toBeUndefined()
  })
})
