// The lifecycle rules on legal terms (issue 10), through Lifecycle.decide/execute, with expected
// values counted by hand on the shipped calendar (../shared/domain.md: ZRU-445 Art. 23, 28, 22;
// ZRU-561), and properties whose bounds come from the law, not from the code under test.
import { fc, test } from "@fast-check/vitest"
import { Actor, AppealMachine, AppealState, Calendar, Command, Decode, Deadline, Lifecycle } from "@murojaat/core"
import { Either, Schema } from "effect"
import { describe, expect, it } from "vitest"
import { lookup, officer } from "./support/world.js"

const chief = Actor.fromOfficer(officer("C1"))
const inspector = Actor.fromOfficer(officer("I1"))
const post = { channel: "post", reference: "OUT-1" }

const open = (kind: "ariza" | "taklif" | "shikoyat", receivedAt: string, extra: Partial<AppealState.AppealState> = {}): AppealState.AppealState => ({
  ...AppealState.initial("A-1"),
  status: "inReview",
  kind,
  receivedAt,
  regionCode: "R1",
  districtCode: "D1",
  mahallaCode: "M1",
  applicantRef: "u1",
  assigneeId: "I1",
  ...extra
})

const command = (c: Record<string, unknown>): Command.Command => {
  const d = Decode.either(Command.Command, "Command")({ appealId: "A-1", ...c })
  if (Either.isLeft(d)) throw new Error(d.left.message)
  return d.right
}
const extend = (notice: unknown = post) => command({ type: "extendDeadline", reason: "Expert opinion needed", applicantNotice: notice })
const extraStudy = (notice?: unknown) => command({ type: "declareExtraStudy", reason: "Needs checking", ...(notice === undefined ? {} : { applicantNotice: notice }) })

const decide = (state: AppealState.AppealState, c: Command.Command, now: string, actor: Actor.Actor = chief, extra: Partial<AppealMachine.Context> = {}) =>
  Lifecycle.decide(state, c, { now, actor, officer: lookup, ...extra })
const refusedBy = (r: ReturnType<typeof decide>) => (Either.isLeft(r) ? (r.left._tag === "RuleViolation" ? r.left.rule : r.left._tag) : "accepted")

// An application received Tue 10 Mar 2026, 10:00 Tashkent. Day 1 is Wed 11 Mar; day 15 is Wed 25 Mar
// (the days off 20-23 Mar count as calendar days): the term ends Wed 25 Mar at 18:00 (13:00 UTC).
const march10 = "2026-03-10T10:00:00+05:00"

describe("the head's extension (ZRU-445 Art. 28)", () => {
  it("is accepted while the term runs and refused once it ran out", () => {
    expect(refusedBy(decide(open("ariza", march10), extend(), "2026-03-25T17:59:00+05:00"))).toBe("accepted")
    expect(refusedBy(decide(open("ariza", march10), extend(), "2026-03-25T18:01:00+05:00"))).toBe("extension.beforeTermEnds")
    expect(refusedBy(decide(open("shikoyat", march10), extend(), "2026-04-10T10:00:00+05:00"))).toBe("extension.beforeTermEnds")
  })

  it("after extra study, runs while the month runs", () => {
    // Extra study declared: 10 Mar + 1 month = Fri 10 Apr 18:00.
    const s = open("shikoyat", march10, { extraStudy: true })
    expect(refusedBy(decide(s, extend(), "2026-04-10T17:00:00+05:00"))).toBe("accepted")
    expect(refusedBy(decide(s, extend(), "2026-04-11T09:00:00+05:00"))).toBe("extension.beforeTermEnds")
  })

  it("is refused for a proposal, and told in writing, not in person", () => {
    expect(refusedBy(decide(open("taklif", march10), extend(), "2026-03-12T10:00:00+05:00"))).toBe("extension.notForProposal")
    expect(refusedBy(decide(open("ariza", march10), extend({ channel: "inPerson", reference: "talk" }), "2026-03-12T10:00:00+05:00"))).toBe("extension.writtenNotice")
    for (const channel of ["post", "email", "sms", "app"])
      expect(refusedBy(decide(open("ariza", march10), extend({ channel, reference: "OUT-2" }), "2026-03-12T10:00:00+05:00")), channel).toBe("accepted")
  })

  it("counts the time awaiting the applicant only when the pause setting is on", () => {
    // Awaiting the applicant Thu 12 Mar 10:00 to Mon 16 Mar 12:00: 4 days. With the pause on, the
    // term ends 25 Mar + 4 = Sun 29 Mar, so Mon 30 Mar 18:00; without it, still Wed 25 Mar.
    const s = open("ariza", march10, { pauses: [{ from: "2026-03-12T05:00:00.000Z", to: "2026-03-16T07:00:00.000Z" }] })
    const pauseOn = { deadlines: { settings: Schema.decodeUnknownSync(Deadline.Settings)({ pauseWhileAwaitingApplicant: true }) } }
    expect(refusedBy(decide(s, extend(), "2026-03-30T17:00:00+05:00", chief, pauseOn))).toBe("accepted")
    expect(refusedBy(decide(s, extend(), "2026-03-30T18:01:00+05:00", chief, pauseOn))).toBe("extension.beforeTermEnds")
    expect(refusedBy(decide(s, extend(), "2026-03-27T10:00:00+05:00"))).toBe("extension.beforeTermEnds")
  })
})

describe("extra study and a proposal's longer study (ZRU-445 Art. 28)", () => {
  it("extra study of an application is declared before the 15 days end", () => {
    expect(refusedBy(decide(open("shikoyat", march10), extraStudy(), "2026-03-24T10:00:00+05:00", inspector))).toBe("accepted")
    expect(refusedBy(decide(open("shikoyat", march10), extraStudy(), "2026-03-26T10:00:00+05:00", inspector))).toBe("extraStudy.beforeTermEnds")
  })

  // A proposal received Mon 6 Apr 2026, 10:00: day 1 Tue 7 Apr, day 10 Thu 16 Apr (a working day).
  const april6 = "2026-04-06T10:00:00+05:00"
  it("a proposal's longer study is declared within 10 days, with a written notice", () => {
    expect(refusedBy(decide(open("taklif", april6), extraStudy(post), "2026-04-16T17:00:00+05:00", inspector))).toBe("accepted")
    expect(refusedBy(decide(open("taklif", april6), extraStudy(post), "2026-04-17T09:00:00+05:00", inspector))).toBe("extraStudy.proposalWithinTenDays")
    expect(refusedBy(decide(open("taklif", april6), extraStudy(), "2026-04-10T10:00:00+05:00", inspector))).toBe("extraStudy.proposalNoticeWritten")
    expect(refusedBy(decide(open("taklif", april6), extraStudy({ channel: "inPerson", reference: "x" }), "2026-04-10T10:00:00+05:00", inspector))).toBe(
      "extraStudy.proposalNoticeWritten"
    )
  })

  it("the recorded declaration carries the notice and meets the proposal notice clock", () => {
    const r = Lifecycle.execute(open("taklif", april6), extraStudy(post), { now: "2026-04-14T10:00:00+05:00", actor: inspector, officer: lookup })
    const e = Either.getOrThrow(r).events[0]!
    expect(e.type).toBe("extraStudyDeclared")
    expect((e.data as { applicantNotice?: unknown }).applicantNotice).toEqual(post)
    const received = { type: "received", at: april6, data: { kind: "taklif", receivedAt: april6 } }
    const report = Either.getOrThrow(Deadline.status([received, e], "2026-04-20T10:00:00+05:00"))
    expect(report.clocks.find((c) => c.clock === "proposalNotice")?.state).toBe("met")
    // Longer study: 6 Apr + 2 months = Sat 6 Jun; Sun 7 Jun: Mon 8 Jun.
    expect(report.clocks.find((c) => c.clock === "consideration")?.dueDate).toBe("2026-06-08")
  })
})

describe("receipt at its true date (ZRU-445 Art. 23)", () => {
  it("an appeal received 42 days before its entry is taken, keeps its date and is marked", () => {
    const intake = {
      kind: "ariza",
      form: "written",
      channel: "inPersonReception",
      applicant: { type: "individual", surname: "Karimov", name: "Anvar", residence: "Bodomzor 12", contact: {}, consent: { given: true, form: "written" } },
      applicantRef: "u1",
      location: { regionCode: "R1", districtCode: "D1", mahallaCode: "M1" },
      text: { body: "Found in the archive" },
      receivedAt: "2026-02-02T10:00:00+05:00"
    }
    const d = Decode.either(Command.Command, "Command")({ type: "receive", appealId: "A-1", intake })
    if (Either.isLeft(d)) throw new Error(`the receive command changed shape: ${d.left.message}`)
    // 2 Feb to 16 Mar 2026: 26 more days of February, then 16 of March = 42.
    const r = Lifecycle.execute(AppealState.initial("A-1"), d.right, { now: "2026-03-16T09:00:00+05:00", actor: Actor.system("registry"), officer: lookup })
    const state = Either.getOrThrow(r).state
    expect(Date.parse(state.receivedAt!)).toBe(Date.parse("2026-02-02T10:00:00+05:00"))
    expect(state.lateEntry).toEqual({ enteredAt: "2026-03-16T09:00:00+05:00", daysAfterReceipt: 42 })
  })
})

describe("disputing an answer (ZRU-445 Art. 22)", () => {
  const answered = { ...open("ariza", march10), status: "answered" as const, outcome: "explained" as const, answeredAt: "2026-03-20T05:00:00.000Z", assigneeId: undefined }
  const dispute = command({ type: "dispute", repeatAppealId: "A-2", reason: "Nothing changed" })
  it("is never refused for coming after the term; it is marked for the supervisor to decide on restoration", () => {
    // Answered 20 Mar 2026; 12 months later is 20 Mar 2027.
    const late = decide(answered, dispute, "2027-05-01T05:00:00.000Z", Actor.applicant("u1"), { appeal: () => undefined })
    expect(refusedBy(late)).toBe("accepted")
    expect(AppealMachine.disputeAfterTerm(answered, "2027-03-20T05:00:00.000Z")).toBe(false)
    expect(AppealMachine.disputeAfterTerm(answered, "2027-05-01T05:00:00.000Z")).toBe(true)
    expect(AppealMachine.disputeAfterTerm(answered, "2030-01-01T00:00:00.000Z", { ...AppealMachine.defaultSettings, disputeTermMonths: null })).toBe(false)
  })
})

describe("protection orders (ZRU-561: the prevention inspector studies and issues)", () => {
  const dv = open("shikoyat", "2026-03-02T10:00:00+05:00", { flags: ["domesticViolence"], assigneeId: "W1" })
  const issue = command({ type: "issueProtectionOrder", orderNumber: "HO-1", validUntil: "2026-04-01T05:00:00.000Z" })
  it.each([
    ["the prevention inspector of the mahalla", "I1", "accepted"],
    ["a senior inspector of the district", "S1", "accepted"],
    ["the women's affairs inspector holding the appeal", "W1", "NotAuthorized"],
    ["the district chief", "C1", "NotAuthorized"],
    ["a prevention inspector of another mahalla", "I2", "NotAuthorized"]
  ])("%s: %s", (_who, id, expected) => {
    expect(refusedBy(decide(dv, issue, "2026-03-02T12:00:00+05:00", Actor.fromOfficer(officer(id))))).toBe(expected)
  })
})

// ---------------------------------------------------------------------------------------------
// Properties. Bounds from the law: a 15-day term ends no earlier than day 15 and, moved over days
// off, never later than 15 + 10 days (no run of days off in Uzbekistan is longer than 6 days); a
// month ends by day 31 + 10.
// ---------------------------------------------------------------------------------------------

const DAY = 86_400_000
const arbReceipt = fc.integer({ min: Date.UTC(2025, 0, 1) / 60_000, max: Date.UTC(2026, 10, 30) / 60_000 }).map((m) => m * 60_000)

describe("properties", () => {
  test.prop([arbReceipt, fc.constantFrom("ariza" as const, "shikoyat" as const), fc.boolean(), fc.integer({ min: 0, max: 60 * 24 * 60 })])(
    "an extension recorded after the term ended is always refused; one recorded before day 15 always accepted",
    (receivedMs, kind, study, minutesAfter) => {
      const s = open(kind, new Date(receivedMs).toISOString(), { extraStudy: study })
      const surelyEnded = receivedMs + ((study ? 31 : 15) + 10) * DAY
      const late = decide(s, extend(), new Date(surelyEnded + minutesAfter * 60_000).toISOString())
      expect(refusedBy(late)).toBe("extension.beforeTermEnds")
      const early = decide(s, extend(), new Date(receivedMs + Math.min(minutesAfter * 60_000, 14 * DAY)).toISOString())
      expect(refusedBy(early)).toBe("accepted")
    }
  )

  const types = ["deadlineExtended", "extraStudyDeclared", "informationRequested", "informationProvided", "reviewStarted", "answered", "withdrawn", "forwarded", "escalated"] as const
  const arbStep = fc.record({ type: fc.constantFrom(...types), hours: fc.integer({ min: 1, max: 24 * 20 }) })
  test.prop([arbReceipt, fc.constantFrom("ariza" as const, "taklif" as const, "shikoyat" as const), fc.array(arbStep, { maxLength: 8 }), fc.boolean(), fc.array(fc.integer({ min: 0, max: 24 * 120 }), { minLength: 2, maxLength: 6 })])(
    "a term that ran out stays violated whatever comes later, and a conditional clock never falls overdue",
    (receivedMs, kind, steps, pause, probes) => {
      const receivedAt = Calendar.formatInstant(receivedMs)
      const events: Array<Deadline.EventInput> = [{ type: "received", at: receivedAt, data: { kind, receivedAt } }]
      let t = receivedMs
      for (const st of steps) {
        t += st.hours * 3_600_000
        events.push({ type: st.type, at: Calendar.formatInstant(t), data: { applicantNotice: post } })
      }
      const options = { settings: Schema.decodeUnknownSync(Deadline.Settings)({ pauseWhileAwaitingApplicant: pause }) }
      const times = [...probes].sort((a, b) => a - b).map((h) => Calendar.formatInstant(receivedMs + h * 3_600_000))
      const reports = times.map((now) => Either.getOrThrow(Deadline.status(events, now, options)))
      for (let i = 1; i < reports.length; i++)
        for (const before of reports[i - 1]!.clocks) {
          const after = reports[i]!.clocks.find((c) => c.clock === before.clock)!
          if (Deadline.violated.has(before.state)) expect(Deadline.violated.has(after.state), `${before.clock}: ${before.state} then ${after.state}`).toBe(true)
        }
      for (const r of reports) for (const c of r.clocks) if (Deadline.conditional.has(c.clock)) expect(c.state).not.toBe("overdue")
    }
  )
})
