import { fc, test } from "@fast-check/vitest"
import { Either, Option, Schema } from "effect"
import { describe, expect, it } from "vitest"
import { Calendar, Deadline, Rule } from "@murojaat/core"
import { examples, statusExamples } from "./fixtures/deadlineExamples.js"

const cal = Calendar.uzbekistan
const settingsOf = (p: Deadline.SettingsInput = {}) => Schema.decodeUnknownSync(Deadline.Settings)(p)
const run = (facts: Deadline.Facts, p?: Deadline.SettingsInput, now?: string) =>
  Either.getOrThrow(Deadline.compute(facts, { settings: settingsOf(p), ...(now === undefined ? {} : { now }) }))
const clock = (s: Deadline.Schedule, id: Deadline.ClockId) => s.clocks.find((c) => c.clock === id)!
const ms = (iso: string) => Calendar.parseInstant(iso)!

// ---------------------------------------------------------------------------------------------
// The example table (rendered in docs/rules/deadlines.md)
// ---------------------------------------------------------------------------------------------

describe("Deadline: the example table", () => {
  it.each(examples.map((e) => [e.title, e] as const))("%s", (_, ex) => {
    const c = clock(run(ex.facts, ex.settings), ex.clock)
    expect(c.dueAt).toBe(ex.due)
    expect(Rule.find(ex.rule)?.id).toBe(ex.rule)
    if (!ex.rule.startsWith("counting.") && !ex.rule.startsWith("pause.")) expect(c.ruleId).toBe(ex.clockRule ?? ex.rule)
  })

  it.each(statusExamples.map((e) => [e.title, e] as const))("status: %s", (_, ex) => {
    const r = Either.getOrThrow(Deadline.status(ex.events, ex.now, { settings: settingsOf(ex.settings) }))
    expect(r.clocks.find((c) => c.clock === ex.clock)).toMatchObject({ state: ex.state, dueAt: ex.due })
  })

  it("covers every rule of the clocks (the lifecycle's rules on late changes are run by TermRules.test.ts)", () => {
    for (const r of Deadline.rules) expect(examples.some((e) => e.rule === r.id) || statusExamples.some((e) => e.rule === r.id), r.id).toBe(true)
  })
})

// ---------------------------------------------------------------------------------------------
// Explanations
// ---------------------------------------------------------------------------------------------

describe("Deadline: explanations", () => {
  it("name the rule, the source, the start, the days counted and the days skipped with why", () => {
    const c = clock(run({ kind: "shikoyat", receivedAt: "2026-03-06T10:00:00+05:00" }), "consideration")
    expect(c.explanation).toMatchObject({
      ruleId: "consideration.standard",
      source: expect.stringContaining("ZRU-445"),
      start: "2026-03-06T10:00:00+05:00",
      countFrom: "2026-03-07",
      unit: "calendarDays",
      daysCounted: 15,
      provisional: false
    })
    expect(c.explanation.daysSkipped).toEqual([
      { date: "2026-03-21", reason: expect.stringMatching(/Navroʻz/) },
      { date: "2026-03-22", reason: expect.stringMatching(/Sunday/) },
      { date: "2026-03-23", reason: expect.stringMatching(/moved from Saturday 21 Mar.*from 2026-03-21/) }
    ])
    expect(c.explanation.adjustments.join(" ")).toMatch(/next working day 2026-03-24/)
  })

  it("list the skipped days of a working-day count", () => {
    const c = clock(run({ kind: "ariza", receivedAt: "2026-03-18T10:00:00+05:00" }, { forwardingUnit: "workingDays" }), "forwarding")
    expect(c.explanation.daysSkipped.map((d) => d.date)).toEqual(["2026-03-20", "2026-03-21", "2026-03-22", "2026-03-23"])
    expect(c.explanation.daysSkipped[0]!.reason).toMatch(/Ramazon hayiti/)
  })

  it("report an extension and its ceiling, and ignore a second one", () => {
    const c = clock(run({ kind: "ariza", receivedAt: "2026-03-10T10:00:00+05:00", extended: true, extraExtensions: 1 }), "consideration")
    expect(c.ruleId).toBe("consideration.extension")
    expect(c.explanation.adjustments.join("\n")).toMatch(/base term: 15 days \(rule consideration.standard\) ending 2026-03-25/)
    expect(c.explanation.adjustments.join("\n")).toMatch(/1 further extension\(s\) ignored/)
  })

  it("honour a shorter extension (until) but never shorten the term", () => {
    const shorter = clock(run({ kind: "ariza", receivedAt: "2026-03-10T10:00:00+05:00", extended: { until: "2026-04-07" } }), "consideration")
    expect(shorter.dueDate).toBe("2026-04-07")
    const before = clock(run({ kind: "ariza", receivedAt: "2026-03-10T10:00:00+05:00", extended: { until: "2026-03-12" } }), "consideration")
    expect(before.dueDate).toBe("2026-03-25")
  })

  it("mark results in years without a decree as provisional", () => {
    expect(clock(run({ kind: "taklif", receivedAt: "2026-12-01T10:00:00+05:00" }), "consideration").explanation.provisional).toBe(true)
    expect(clock(run({ kind: "taklif", receivedAt: "2026-10-01T10:00:00+05:00" }), "consideration").explanation.provisional).toBe(false)
  })

  it("reject a receipt time that is not a time", () => {
    const r = Deadline.compute({ kind: "ariza", receivedAt: "31/12/2026" })
    expect(Either.isLeft(r) && r.left._tag).toBe("InvalidInput")
  })

  it("decode settings with defaults and reject bad ones", () => {
    expect(Either.getOrThrow(Deadline.decodeSettings({ week: "sixDay" })).considerationUnit).toBe("calendarDays")
    expect(Either.isLeft(Deadline.decodeSettings({ workingHours: { start: "18:00", end: "09:00" } }))).toBe(true)
    expect(Either.isLeft(Deadline.decodeSettings({ urgentFirstContactHours: 0 }))).toBe(true)
  })
})

// ---------------------------------------------------------------------------------------------
// Properties
// ---------------------------------------------------------------------------------------------

const FROM = Date.UTC(2024, 11, 20)
const TO = Date.UTC(2026, 11, 31)
const arbMs = fc.integer({ min: FROM / 60_000, max: TO / 60_000 }).map((m) => m * 60_000)
const arbSettings = fc.record({
  week: fc.constantFrom("fiveDay" as const, "sixDay" as const),
  periodStart: fc.constantFrom("nextDay" as const, "sameDay" as const),
  endOnNonWorkingDay: fc.constantFrom("nextWorkingDay" as const, "previousWorkingDay" as const, "keep" as const),
  dueTime: fc.constantFrom("endOfWorkingHours" as const, "endOfDay" as const),
  forwardingUnit: fc.constantFrom("calendarDays" as const, "workingDays" as const),
  considerationUnit: fc.constantFrom("calendarDays" as const, "workingDays" as const)
})
const arbFacts = fc.record({
  kind: fc.constantFrom("ariza" as const, "taklif" as const, "shikoyat" as const),
  extraStudy: fc.boolean(),
  extended: fc.boolean(),
  urgent: fc.boolean(),
  domesticViolence: fc.boolean()
})
const fmt = Calendar.formatInstant

// Oracles from the law (../shared/domain.md; docs/rules/deadlines.md), written with plain `Date`
// arithmetic on civil dates: none of the engine's day numbers or month arithmetic. Working days come
// from `Calendar.isWorkingDay`, whose data Calendar.test.ts checks against the decrees by hand.
const DAY_MS = 86_400_000
/** The Tashkent (UTC+5, no daylight saving) date of an instant. */
const tashkentDate = (epochMs: number): string => new Date(epochMs + 5 * 3_600_000).toISOString().slice(0, 10)
const shiftDate = (date: string, days: number): string => new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10)
/** The same date `months` later, or the last day of that month when it has no such date (31 Jan + 1 month = 28 Feb). */
const plusMonths = (date: string, months: number): string => {
  const [y, m, d] = date.split("-").map(Number) as [number, number, number]
  const lastOfMonth = new Date(Date.UTC(y, m - 1 + months + 1, 0))
  return new Date(Date.UTC(lastOfMonth.getUTCFullYear(), lastOfMonth.getUTCMonth(), Math.min(d, lastOfMonth.getUTCDate()))).toISOString().slice(0, 10)
}
/** A last day that is not a working day, moved as the `endOnNonWorkingDay` setting says. */
const settle = (date: string, s: { readonly week: Calendar.WeekType; readonly endOnNonWorkingDay: "nextWorkingDay" | "previousWorkingDay" | "keep" }): string => {
  if (s.endOnNonWorkingDay === "keep") return date
  const step = s.endOnNonWorkingDay === "nextWorkingDay" ? 1 : -1
  let d = date
  while (!Calendar.isWorkingDay(cal, d, s.week)) d = shiftDate(d, step)
  return d
}
/**
 * ZRU-445 Art. 28: at most 2 months in all, counted from receipt. A period of months ends on the same
 * date of its last month (Civil Code reading); counted from the day of receipt itself (`sameDay`),
 * the day of receipt is day 1, so it ends the day before.
 */
const legalCeiling = (
  receiptDate: string,
  s: { readonly week: Calendar.WeekType; readonly periodStart: "nextDay" | "sameDay"; readonly endOnNonWorkingDay: "nextWorkingDay" | "previousWorkingDay" | "keep" }
): string => settle(shiftDate(plusMonths(receiptDate, 2), s.periodStart === "sameDay" ? -1 : 0), s)

/** Receipts in 2025-2026, one in three on the 28th to 31st (where months are cut short). */
const arbReceipt = fc
  .record({
    year: fc.constantFrom(2025, 2026),
    month: fc.integer({ min: 1, max: 12 }),
    day: fc.oneof(fc.integer({ min: 1, max: 31 }), fc.integer({ min: 28, max: 31 })),
    minute: fc.integer({ min: 0, max: 24 * 60 - 1 })
  })
  .map(({ year, month, day, minute }) => {
    const last = new Date(Date.UTC(year, month, 0)).getUTCDate()
    return Date.UTC(year, month - 1, Math.min(day, last)) - 5 * 3_600_000 + minute * 60_000
  })

describe("Deadline: properties", () => {
  test.prop([arbFacts, arbSettings, arbMs, fc.integer({ min: 0, max: 60 * 24 * 40 })])(
    "due dates never decrease when receipt moves later",
    (f, p, at, laterMinutes) => {
      const a = run({ ...f, receivedAt: fmt(at) }, p)
      const b = run({ ...f, receivedAt: fmt(at + laterMinutes * 60_000) }, p)
      for (const c of a.clocks) expect(ms(clock(b, c.clock).dueAt), c.clock).toBeGreaterThanOrEqual(ms(c.dueAt))
    }
  )

  test.prop([arbFacts, arbSettings, arbMs])("working-day counts never land on a non-working day", (f, p, at) => {
    const settings = { ...p, forwardingUnit: "workingDays" as const, considerationUnit: "workingDays" as const }
    const s = run({ ...f, extraStudy: false, extended: false, kind: f.kind === "taklif" ? "ariza" : f.kind, receivedAt: fmt(at) }, settings)
    for (const id of ["registration", "forwarding", "consideration"] as const)
      expect(Calendar.isWorkingDay(cal, clock(s, id).dueDate, p.week), id).toBe(true)
    // With the default end rule every day clock lands on a working day, whatever the unit.
    const d = run({ ...f, receivedAt: fmt(at) }, { ...p, endOnNonWorkingDay: "nextWorkingDay" })
    for (const c of d.clocks) if (c.explanation.unit !== "hours") expect(Calendar.isWorkingDay(cal, c.dueDate, p.week), c.clock).toBe(true)
  })

  // The ceiling of ZRU-445 Art. 28 ("2 months in all") computed here from the law's words, not
  // from the engine's month arithmetic (see `legalCeiling` below).
  test("an extension never takes a term past 2 months from receipt, never shortens it, and extra study plus the head's month make exactly 2 months", () => {
    let extendedRuns = 0
    let exactRuns = 0
    fc.assert(
      fc.property(arbFacts, arbSettings, arbReceipt, fc.option(fc.integer({ min: 0, max: 90 }), { nil: undefined, freq: 2 }), fc.boolean(), (f, p, at, untilOffset, fromReceipt) => {
        const settings = { ...p, extensionCountsFrom: fromReceipt ? ("receipt" as const) : ("endOfTerm" as const) }
        const receiptDate = tashkentDate(at)
        const until = untilOffset === undefined ? undefined : shiftDate(receiptDate, untilOffset)
        const facts = { ...f, receivedAt: fmt(at) }
        const extended = clock(run({ ...facts, extended: until === undefined ? true : { until } }, settings), "consideration")
        const plain = clock(run({ ...facts, extended: false }, settings), "consideration")
        const ceiling = legalCeiling(receiptDate, settings)
        expect(extended.dueDate <= ceiling, `${extended.dueDate} after the ceiling ${ceiling}`).toBe(true)
        expect(ms(extended.dueAt)).toBeGreaterThanOrEqual(ms(plain.dueAt))
        if (f.kind === "taklif") return
        extendedRuns++
        // The full month (no `until`) counted as 2 months from receipt reaches the ceiling exactly;
        // so does 1 month of extra study and the head's month after it, when no month is cut short.
        const exact = until === undefined && (fromReceipt || (f.extraStudy && p.periodStart === "nextDay" && Number(receiptDate.slice(8)) <= 28))
        if (exact) {
          exactRuns++
          expect(extended.dueDate).toBe(ceiling)
        }
      }),
      { numRuns: 300 }
    )
    expect(extendedRuns).toBeGreaterThan(120)
    expect(exactRuns).toBeGreaterThan(40)
  })

  // ZRU-445 Art. 28 (15 days) and the 5 days of forwarding, read as calendar days counted from the
  // day after receipt, a last day off moved to the next working day (the defaults).
  test("with the defaults, forwarding and consideration end on day 5 and day 15 after receipt, moved past days off", () => {
    let runs = 0
    fc.assert(
      fc.property(arbReceipt, fc.constantFrom("ariza" as const, "shikoyat" as const), fc.constantFrom("fiveDay" as const, "sixDay" as const), (at, kind, week) => {
        const s = run({ kind, receivedAt: fmt(at) }, { week })
        const settings = { ...Deadline.defaultSettings, week }
        expect(clock(s, "forwarding").dueDate).toBe(settle(shiftDate(tashkentDate(at), 5), settings))
        expect(clock(s, "consideration").dueDate).toBe(settle(shiftDate(tashkentDate(at), 15), settings))
        expect(clock(s, "consideration").dueAt.slice(10)).toBe("T18:00:00+05:00")
        runs++
      }),
      { numRuns: 200 }
    )
    expect(runs).toBe(200)
  })

  test.prop([
    arbFacts,
    arbSettings,
    arbMs,
    fc.array(fc.tuple(fc.integer({ min: 0, max: 30 * 24 * 60 }), fc.option(fc.integer({ min: 0, max: 20 * 24 * 60 }), { nil: undefined })), { maxLength: 3 }),
    fc.integer({ min: 0, max: 60 * 24 * 60 })
  ])("pause never shortens a term", (f, p, at, pauses, nowAfter) => {
    const facts: Deadline.Facts = {
      ...f,
      receivedAt: fmt(at),
      pauses: pauses.map(([start, len]) => ({
        from: fmt(at + start * 60_000),
        ...(len === undefined ? {} : { to: fmt(at + (start + len) * 60_000) })
      }))
    }
    const now = fmt(at + nowAfter * 60_000)
    const off = run(facts, { ...p, pauseWhileAwaitingApplicant: false }, now)
    const on = run(facts, { ...p, pauseWhileAwaitingApplicant: true }, now)
    for (const c of off.clocks) expect(ms(clock(on, c.clock).dueAt), c.clock).toBeGreaterThanOrEqual(ms(c.dueAt))
  })

  test.prop([arbFacts, arbSettings, arbMs, fc.integer({ min: 0, max: 60 * 24 * 70 })])("results are identical for identical inputs", (f, p, at, nowAfter) => {
    const facts = { ...f, receivedAt: fmt(at) }
    expect(run(facts, p)).toEqual(run(facts, p))
    const events: ReadonlyArray<Deadline.EventInput> = [
      { type: "received", at: fmt(at), appealId: "A-1", data: { kind: f.kind, receivedAt: fmt(at) } },
      { type: "triaged", at: fmt(at + 60_000), data: { priority: f.urgent ? "urgent" : "normal", flags: f.domesticViolence ? ["domesticViolence"] : [] } }
    ]
    const now = fmt(at + nowAfter * 60_000)
    const options = { settings: settingsOf(p) }
    expect(JSON.stringify(Deadline.status(events, now, options))).toBe(JSON.stringify(Deadline.status(events, now, options)))
    expect(Deadline.escalation(events, now, options)).toEqual(Deadline.escalation(events, now, options))
  })

  test.prop([arbMs, fc.constantFrom("fiveDay" as const, "sixDay" as const)])("notices are scheduled only in working hours, never earlier", (at, week) => {
    const settings = settingsOf({ week })
    const n = ms(Deadline.scheduleNotice(fmt(at), { settings }))
    expect(n).toBeGreaterThanOrEqual(at)
    const t = Calendar.localTimeOfDay(n)
    expect(Calendar.isWorkingDay(cal, tashkentDate(n), week)).toBe(true)
    expect(t >= 9 * 3_600_000 && t < 18 * 3_600_000).toBe(true)
  })
})

// ---------------------------------------------------------------------------------------------
// Status, warnings, overdue, escalation (pure functions of events and now)
// ---------------------------------------------------------------------------------------------

const ev = (type: string, at: string, data: unknown = {}): Deadline.EventInput => ({ type, at, data, appealId: "A-7" })
const received = (at: string, kind: Deadline.Kind = "ariza") => ev("received", at, { kind, receivedAt: at })

describe("Deadline: status and warnings", () => {
  const life = [
    received("2026-03-10T10:00:00+05:00"),
    ev("registered", "2026-03-10T10:05:00+05:00", { registrationNumber: "R-1" }),
    ev("triaged", "2026-03-10T10:06:00+05:00", { priority: "urgent", flags: ["domesticViolence"] }),
    ev("reviewStarted", "2026-03-10T11:00:00+05:00")
  ]

  it("reads events: met clocks, running clocks, safety clocks from triage", () => {
    const r = Either.getOrThrow(Deadline.status(life, "2026-03-12T12:00:00+05:00"))
    const state = Object.fromEntries(r.clocks.map((c) => [c.clock, c.state]))
    expect(state).toEqual({
      registration: "met",
      forwarding: "notRequired", // review started: the body keeps the appeal (a later forward would still be judged on day 5)
      consideration: "running",
      urgentFirstContact: "met",
      protectionOrderStudy: "overdue"
    })
    expect(r.warnings).toEqual([expect.objectContaining({ clock: "protectionOrderStudy", level: "overdue", dueAt: "2026-03-11T10:00:00+05:00" })])
  })

  it("warns 3 and 1 working days before, at the start of working hours", () => {
    const events = [received("2026-03-10T10:00:00+05:00")]
    // due Wed 25 Mar; the working days before it are 24, 19, 18 Mar (20-23 Mar are off).
    const at = (now: string) => Either.getOrThrow(Deadline.status(events, now)).warnings.filter((w) => w.clock === "consideration")
    expect(at("2026-03-18T08:59:00+05:00")).toEqual([])
    expect(at("2026-03-18T09:00:00+05:00")).toEqual([expect.objectContaining({ level: "dueSoon", threshold: "3 working day(s) before", notifyAt: "2026-03-18T09:00:00+05:00" })])
    expect(at("2026-03-21T12:00:00+05:00")).toEqual([expect.objectContaining({ threshold: "3 working day(s) before" })])
    expect(at("2026-03-24T12:00:00+05:00")).toEqual([expect.objectContaining({ level: "dueSoon", threshold: "1 working day(s) before" })])
    expect(at("2026-03-25T18:00:01+05:00")).toEqual([expect.objectContaining({ level: "overdue", notifyAt: "2026-03-26T09:00:00+05:00" })])
  })

  it("an overdue notice on a holiday night waits for working hours; safety notices may go at once", () => {
    const events = [received("2026-03-20T02:00:00+05:00"), ev("triaged", "2026-03-20T02:01:00+05:00", { priority: "urgent", flags: [] })]
    const w = Either.getOrThrow(Deadline.status(events, "2026-03-20T06:00:00+05:00")).warnings.find((x) => x.clock === "urgentFirstContact")!
    expect(w).toMatchObject({ level: "overdue", at: "2026-03-20T05:00:00+05:00", notifyAt: "2026-03-24T09:00:00+05:00" })
    const anyTime = { settings: settingsOf({ safetyNoticesAnyTime: true }) }
    const w2 = Either.getOrThrow(Deadline.status(events, "2026-03-20T06:00:00+05:00", anyTime)).warnings.find((x) => x.clock === "urgentFirstContact")!
    expect(w2.notifyAt).toBe("2026-03-20T05:00:00+05:00")
  })

  it("answered late is metLate; a withdrawn appeal stops its clocks", () => {
    const late = [received("2026-03-10T10:00:00+05:00"), ev("answered", "2026-03-26T10:00:00+05:00")]
    const r = Either.getOrThrow(Deadline.status(late, "2026-04-01T10:00:00+05:00"))
    expect(r.clocks.find((c) => c.clock === "consideration")).toMatchObject({ state: "metLate", settledBy: "answered" })
    const gone = [received("2026-03-10T10:00:00+05:00"), ev("withdrawn", "2026-03-11T10:00:00+05:00")]
    const g = Either.getOrThrow(Deadline.status(gone, "2026-04-01T10:00:00+05:00"))
    // Withdrawn on day 1: the terms still ran, so they stop; forwarding was never needed.
    expect(Object.fromEntries(g.clocks.filter((c) => c.clock !== "registration").map((c) => [c.clock, c.state]))).toEqual({ forwarding: "notRequired", consideration: "stopped" })
    expect(g.warnings.filter((w) => w.clock !== "registration")).toEqual([])
  })

  it("events after now are not known yet", () => {
    const events = [received("2026-03-10T10:00:00+05:00"), ev("answered", "2026-03-20T10:00:00+05:00")]
    const r = Either.getOrThrow(Deadline.status(events, "2026-03-15T10:00:00+05:00"))
    expect(r.clocks.find((c) => c.clock === "consideration")!.state).toBe("running")
    const extendedLater = [received("2026-03-10T10:00:00+05:00"), ev("deadlineExtended", "2026-03-24T10:00:00+05:00")]
    const before = Either.getOrThrow(Deadline.status(extendedLater, "2026-03-20T10:00:00+05:00"))
    expect(before.clocks.find((c) => c.clock === "consideration")!.dueDate).toBe("2026-03-25")
    const after = Either.getOrThrow(Deadline.status(extendedLater, "2026-03-26T10:00:00+05:00"))
    expect(after.clocks.find((c) => c.clock === "consideration")).toMatchObject({ dueDate: "2026-04-27", state: "running" })
  })

  it("with the pause on, awaiting the applicant pauses the day clocks and moves the due date", () => {
    const events = [received("2026-03-10T10:00:00+05:00"), ev("informationRequested", "2026-03-12T10:00:00+05:00", { request: "copy of the deed" })]
    const options = { settings: settingsOf({ pauseWhileAwaitingApplicant: true }) }
    const r = Either.getOrThrow(Deadline.status(events, "2026-03-30T10:00:00+05:00", options))
    const c = r.clocks.find((x) => x.clock === "consideration")!
    expect(c.state).toBe("paused")
    // 25 Mar + 18 days still waiting (12 to 30 Mar) = Sun 12 Apr: Mon 13 Apr.
    expect(c.dueDate).toBe("2026-04-13")
    expect(c.explanation.adjustments.join(" ")).toMatch(/paused 18 day\(s\).*still waiting/)
  })

  it("without the pause (default), awaiting the applicant changes nothing", () => {
    const events = [received("2026-03-10T10:00:00+05:00"), ev("informationRequested", "2026-03-12T10:00:00+05:00", { request: "copy" })]
    const r = Either.getOrThrow(Deadline.status(events, "2026-03-30T10:00:00+05:00"))
    expect(r.clocks.find((x) => x.clock === "consideration")).toMatchObject({ state: "overdue", dueDate: "2026-03-25" })
  })

  it("reads extra study and extension from events", () => {
    const events = [received("2026-03-09T10:00:00+05:00", "shikoyat"), ev("extraStudyDeclared", "2026-03-11T10:00:00+05:00"), ev("deadlineExtended", "2026-04-01T10:00:00+05:00")]
    const s = Either.getOrThrow(Deadline.fromEvents(events))
    expect(clock(s, "consideration")).toMatchObject({ ruleId: "consideration.extension", dueDate: "2026-05-12" })
  })

  it("rejects a stream without a received event, or with an unknown kind", () => {
    expect(Either.isLeft(Deadline.factsFromEvents([ev("registered", "2026-03-10T10:00:00+05:00")]))).toBe(true)
    const r = Deadline.factsFromEvents([ev("received", "2026-03-10T10:00:00+05:00", { kind: "petition" })])
    expect(Either.isLeft(r) && r.left.issues[0]!.path).toBe("received.data.kind")
  })
})

describe("Deadline: escalation", () => {
  const events = [received("2026-03-10T10:00:00+05:00"), ev("registered", "2026-03-10T10:05:00+05:00"), ev("reviewStarted", "2026-03-11T10:00:00+05:00")]

  it("produces an escalate command when a clock is overdue, scheduled in working hours", () => {
    const e = Either.getOrThrow(Deadline.escalation(events, "2026-03-28T11:00:00+05:00"))
    expect(Option.isSome(e)).toBe(true)
    const x = Option.getOrThrow(e)
    expect(x.command).toMatchObject({ type: "escalate", appealId: "A-7" })
    expect(x.command.reason).toMatch(/consideration was due 2026-03-25T18:00:00\+05:00/)
    expect(x.clocks).toEqual(["consideration"])
    expect(x.notBefore).toBe("2026-03-30T09:00:00+05:00") // Saturday 28 Mar: Monday 9:00
  })

  it("produces nothing before the due time, or when already escalated since", () => {
    expect(Option.isNone(Either.getOrThrow(Deadline.escalation(events.slice(0, 2).concat(ev("forwarded", "2026-03-12T10:00:00+05:00")), "2026-03-20T10:00:00+05:00")))).toBe(true)
    const escalated = [...events, ev("escalated", "2026-03-26T10:00:00+05:00", { reason: "overdue" })]
    expect(Option.isNone(Either.getOrThrow(Deadline.escalation(escalated, "2026-03-28T11:00:00+05:00")))).toBe(true)
  })

  // "An overdue term puts the appeal under a supervisor's control once per term that falls due"
  // (docs/rules/deadlines.md): an escalation covers the terms that had fallen due by then, not the
  // ones that fall due after it.
  it("escalates a term that falls due after an earlier term's escalation", () => {
    // An ariza received Mon 2 Mar 2026 10:00 and never registered: registration was due that day at
    // 18:00 (registration.sameDay), consideration 15 days from Tue 3 Mar, Tue 17 Mar 18:00.
    const unregistered = [received("2026-03-02T10:00:00+05:00")]
    const first = Either.getOrThrow(Deadline.escalation(unregistered, "2026-03-03T10:00:00+05:00"))
    expect(Option.map(first, (x) => [x.clocks, x.overdueSince])).toEqual(Option.some([["registration"], "2026-03-02T18:00:00+05:00"]))
    const once = [...unregistered, ev("escalated", "2026-03-03T10:00:00+05:00", { reason: "overdue" })]
    expect(Option.isNone(Either.getOrThrow(Deadline.escalation(once, "2026-03-17T10:00:00+05:00")))).toBe(true)
    // Wed 18 Mar: consideration fell due after the escalation of 3 Mar: a second breach, escalated.
    const second = Either.getOrThrow(Deadline.escalation(once, "2026-03-18T10:00:00+05:00"))
    expect(Option.map(second, (x) => [x.clocks, x.overdueSince])).toEqual(Option.some([["consideration"], "2026-03-17T18:00:00+05:00"]))
    expect(Option.map(second, (x) => x.command.reason)).toEqual(Option.some(expect.stringMatching(/^Overdue: consideration was due 2026-03-17T18:00:00\+05:00/)))
    const twice = [...once, ev("escalated", "2026-03-18T10:00:00+05:00", { reason: "overdue" })]
    expect(Option.isNone(Either.getOrThrow(Deadline.escalation(twice, "2026-04-20T10:00:00+05:00")))).toBe(true)
  })

  // A timer ticking at random moments, recording each escalation it is given: after every tick
  // each overdue term has an escalation since it fell due (none missed), and every escalation
  // covered a term no earlier escalation had (none repeated).
  const tick = fc.integer({ min: 0, max: 45 * 24 * 60 }).map((m) => m * 60_000)
  test.prop(
    [
      fc.record({
        receivedMs: fc.integer({ min: Date.parse("2026-01-05T00:00:00Z") / 60_000, max: Date.parse("2026-11-01T00:00:00Z") / 60_000 }).map((m) => m * 60_000),
        kind: fc.constantFrom("ariza" as const, "shikoyat" as const, "taklif" as const),
        registeredAfterMinutes: fc.option(fc.integer({ min: 1, max: 3 * 24 * 60 })),
        urgent: fc.boolean(),
        ticks: fc.uniqueArray(tick, { minLength: 1, maxLength: 10 })
      })
    ],
    { numRuns: 150 }
  )("once per term that falls due, none missed, none repeated", ({ receivedMs, kind, registeredAfterMinutes, urgent, ticks }) => {
    const iso = (t: number) => new Date(t).toISOString()
    const events: Array<Deadline.EventInput> = [received(iso(receivedMs), kind)]
    if (urgent) events.push(ev("triaged", iso(receivedMs + 60_000), { priority: "urgent", flags: ["domesticViolence"] }))
    if (registeredAfterMinutes !== null) events.push(ev("registered", iso(receivedMs + registeredAfterMinutes * 60_000), { registrationNumber: "R-1" }))
    const escalations: Array<number> = []
    for (const t of [...ticks].sort((a, b) => a - b).map((d) => receivedMs + d)) {
      const now = iso(t)
      const known = events.filter((e) => ms(e.at) <= t).sort((a, b) => ms(a.at) - ms(b.at))
      const dueTimes = Either.getOrThrow(Deadline.overdue(known, now)).map((c) => ms(c.dueAt))
      const uncovered = dueTimes.filter((due) => !escalations.some((e) => e >= due && e <= t))
      const e = Either.getOrThrow(Deadline.escalation(known, now))
      // Escalated exactly when some overdue term has had no escalation since it fell due.
      expect(Option.isSome(e)).toBe(uncovered.length > 0)
      if (Option.isSome(e)) {
        escalations.push(t)
        events.push(ev("escalated", now, { reason: e.value.command.reason }))
      }
      for (const due of dueTimes) expect(escalations.some((x) => x >= due && x <= t)).toBe(true)
    }
  })

  it("refuses a second extension (extension.once)", () => {
    expect(Either.getOrThrow(Deadline.checkExtension(events)).dueDate).toBe("2026-04-27")
    const r = Deadline.checkExtension([...events, ev("deadlineExtended", "2026-03-20T10:00:00+05:00")])
    expect(Either.isLeft(r) && r.left._tag).toBe("RuleViolation")
    expect(Either.isLeft(r) && r.left.message).toMatch(/extension.once/)
  })
})

describe("inputs outside the supported years", () => {
  it("are refused at once instead of walking centuries of days", () => {
    for (const receivedAt of ["0926-03-02T10:00:00+05:00", "2999-01-01T10:00:00+05:00"]) {
      const r = Deadline.compute({ kind: "ariza", receivedAt })
      expect(Either.isLeft(r) && r.left.issues[0]?.path).toBe("receivedAt")
    }
    const s = Deadline.status([{ type: "received", at: "2026-03-02T10:00:00+05:00", data: { kind: "ariza" } }], "0999-01-01T00:00:00Z")
    expect(Either.isLeft(s) && s.left.issues[0]?.path).toBe("now")
  })
})
