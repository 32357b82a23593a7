// A small world for lifecycle tests: two districts, three mahallas, officers of every role, two
// applicants, and every kind of actor. Generators build commands that fit the current state most of
// the time (so random runs reach deep states) and arbitrary ones otherwise.
import { fc } from "@fast-check/vitest"
import { Actor, AppealMachine, AppealState, Command, Directory } from "@murojaat/core"
import { Schema } from "effect"

const text = (s: string) => ({ "uz-Latn": s, "uz-Cyrl": s, ru: s, en: s })

export const directory: Directory.Directory = Schema.decodeUnknownSync(Directory.Directory)({
  regions: [{ code: "R1", name: text("Region") }],
  districts: [
    { code: "D1", regionCode: "R1", name: text("District 1") },
    { code: "D2", regionCode: "R1", name: text("District 2") }
  ],
  mahallas: [
    { code: "M1", districtCode: "D1", name: text("Mahalla 1") },
    { code: "M2", districtCode: "D1", name: text("Mahalla 2") },
    { code: "M3", districtCode: "D2", name: text("Mahalla 3") }
  ],
  officers: [
    { id: "I1", name: "Inspector One", roles: ["preventionInspector"], districtCode: "D1", mahallas: ["M1"], duty: [], absences: [], conflicts: [] },
    { id: "I2", name: "Inspector Two", roles: ["preventionInspector"], districtCode: "D1", mahallas: ["M2"], duty: [], absences: [], conflicts: [{ applicantRef: "u2" }] },
    { id: "W1", name: "Women's Inspector", roles: ["womensAffairsInspector"], districtCode: "D1", mahallas: ["M1", "M2"], duty: [], absences: [], conflicts: [] },
    { id: "S1", name: "Senior", roles: ["seniorInspector"], districtCode: "D1", mahallas: [], duty: [], absences: [], conflicts: [] },
    { id: "C1", name: "Chief One", roles: ["districtChief"], districtCode: "D1", mahallas: [], duty: [], absences: [], conflicts: [] },
    { id: "I3", name: "Inspector Three", roles: ["preventionInspector"], districtCode: "D2", mahallas: ["M3"], duty: [], absences: [], conflicts: [] },
    { id: "C2", name: "Chief Two", roles: ["districtChief"], districtCode: "D2", mahallas: [], duty: [], absences: [], conflicts: [] },
    { id: "X1", name: "Retired", roles: ["preventionInspector"], districtCode: "D1", mahallas: ["M1"], duty: [], absences: [], conflicts: [], active: false }
  ]
})

export const officer = (id: string): Directory.Officer => directory.officers.find((o) => o.id === id)!
export const lookup = (id: string) => directory.officers.find((o) => o.id === id)

export const actors: ReadonlyArray<Actor.Actor> = [
  ...directory.officers.map(Actor.fromOfficer),
  Actor.applicant("u1"),
  Actor.applicant("u2"),
  Actor.system("rules"),
  Actor.integration("portal"),
  Actor.integration("portal-d2", ["D2" as Directory.DistrictCode]),
  Actor.auditor("AUD")
]

export const mahallaDistrict: Record<string, string> = { M1: "D1", M2: "D1", M3: "D2" }

export const intakeArb = fc
  .record({
    kind: fc.constantFrom("ariza", "taklif", "shikoyat"),
    form: fc.constantFrom("oral", "written", "electronic"),
    channel: fc.constantFrom("smartMahallaApp", "webPortal", "trustPhone", "inPersonReception", "inspectorTablet", "forwardedFromBody", "open311"),
    anonymous: fc.boolean(),
    representative: fc.constantFrom("none", "withProof", "withoutProof"),
    mahalla: fc.constantFrom("M1", "M2", "M3"),
    applicantRef: fc.constantFrom("u1", "u2", undefined),
    subject: fc.constantFrom(undefined, undefined, "I1", "S1", "C1"),
    receivedLag: fc.integer({ min: -600, max: 3 * 24 * 60 }),
    body: fc.string({ minLength: 1, maxLength: 80 })
  })
  .map((r) => ({
    kind: r.kind,
    form: r.form,
    channel: r.channel,
    applicant: {
      type: "individual" as const,
      ...(r.anonymous ? {} : { surname: "Karimov", name: "Anvar", residence: "Bodomzor 12" }),
      contact: { phone: "+998901234567" },
      consent: { given: true, form: "electronic" as const },
      ...(r.representative === "none" ? {} : { representative: { name: "Vakil", ...(r.representative === "withProof" ? { authorityProof: "Ishonchnoma 12" } : {}) } })
    },
    ...(r.applicantRef !== undefined ? { applicantRef: r.applicantRef } : {}),
    location: { regionCode: "R1", districtCode: mahallaDistrict[r.mahalla]!, mahallaCode: r.mahalla },
    text: { body: r.body.trim() === "" ? "x" : r.body },
    ...(r.subject !== undefined ? { subjectOfficerId: r.subject } : {}),
    // Negative lag: declared receipt in the future (must be refused).
    receivedLagMinutes: r.receivedLag
  }))

/** What `intakeArb` generates: an intake plus the lag of its declared receipt. */
export type IntakeSeed = typeof intakeArb extends fc.Arbitrary<infer T> ? T : never

/** One step of a random run: which command (biased towards those the status allows), by whom, with which parameters. */
export interface Step {
  readonly pickAllowed: boolean
  readonly typeIndex: number
  readonly actorIndex: number
  readonly rightActor: boolean
  readonly minutes: number
  readonly p: {
    readonly officer: string
    readonly approver: string
    readonly ground: Command.LeaveGround
    readonly category: string
    readonly priority: "urgent" | "high" | "normal" | "low"
    readonly flags: ReadonlyArray<string>
    readonly outcome: Command.Outcome
    readonly score: number
    readonly target: string
  }
}

export const stepArb: fc.Arbitrary<Step> = fc.record({
  pickAllowed: fc.integer({ min: 0, max: 9 }).map((n) => n < 8),
  typeIndex: fc.nat(),
  actorIndex: fc.nat(),
  rightActor: fc.integer({ min: 0, max: 9 }).map((n) => n < 7),
  minutes: fc.oneof(fc.integer({ min: 1, max: 600 }), fc.integer({ min: 1, max: 60 * 24 * 400 })),
  p: fc.record({
    officer: fc.constantFrom("I1", "I2", "W1", "S1", "C1", "I3", "C2", "X1", "NOPE"),
    approver: fc.constantFrom("C1", "C2", "S1", "I1"),
    ground: fc.constantFrom("anonymous", "noRepresentativeAuthority", "otherRequirements", "insultsOrThreats", "meaninglessText", "advertising"),
    category: fc.constantFrom("familyConflict", "publicOrder", "theft", "other"),
    priority: fc.constantFrom("urgent", "high", "normal", "low"),
    flags: fc.subarray(["suspectedCrime", "domesticViolence", "minorInvolved"]),
    outcome: fc.constantFrom("satisfied", "explained", "rejectedWithGrounds"),
    score: fc.integer({ min: 1, max: 5 }),
    target: fc.constantFrom("A-2", "A-1")
  })
})

const notice = { channel: "post" as const, reference: "OUT-1" }

/** Builds the command of a type with the step's parameters. */
export const buildCommand = (type: Command.Type, appealId: string, p: Step["p"], intake: unknown, now: string): unknown => {
  const base = { type, appealId }
  switch (type) {
    case "receive": {
      const { receivedLagMinutes, ...rest } = intake as { receivedLagMinutes: number }
      return { ...base, intake: { ...rest, receivedAt: new Date(Date.parse(now) - receivedLagMinutes * 60_000).toISOString() } }
    }
    case "register":
      return { ...base, registrationNumber: "D1-2026-000001" }
    case "leaveWithoutConsideration":
      return { ...base, ground: p.ground, conclusion: "Written conclusion of the head", approvedBy: p.approver }
    case "triage":
      return { ...base, category: p.category, priority: p.priority, flags: p.flags, confidence: 0.9, needsPerson: false, ruleIds: ["t.rule"] }
    case "correctTriage":
      return { ...base, category: p.category, priority: p.priority, flags: p.flags, reason: "Corrected by officer" }
    case "assign":
      return { ...base, officerId: p.officer }
    case "reassign":
      return { ...base, officerId: p.officer, reason: "Duty change" }
    case "unassign":
      return { ...base, reason: "Back to queue" }
    case "startReview":
    case "close":
      return base
    case "declareExtraStudy":
      return { ...base, reason: "Needs checking" }
    case "requestInformation":
      return { ...base, request: "Send the documents" }
    case "provideInformation":
      return { ...base, note: "Documents sent" }
    case "extendDeadline":
      return { ...base, reason: "Expert opinion needed", applicantNotice: notice }
    case "forward":
      return { ...base, body: { name: "District khokimiyat" }, applicantNotice: notice }
    case "handToCriminalProcedure":
      return { ...base, reference: "KUSP-17" }
    case "issueProtectionOrder":
      // Valid for 6 months, or (p.score === 5) for 2 years: beyond every regime.
      return { ...base, orderNumber: "HO-17", validUntil: new Date(Date.parse(now) + (p.score === 5 ? 730 : 180) * 86_400_000).toISOString() }
    case "refuseProtectionOrder":
      return { ...base, reason: "No violence found" }
    case "answer":
      return { ...base, outcome: p.outcome, answerText: "The answer", legalBasis: "ZRU-445 Art. 28", approvedBy: p.approver }
    case "rate":
      return { ...base, score: p.score }
    case "dispute":
      return { ...base, repeatAppealId: p.target, reason: "I disagree with the answer" }
    case "mergeInto":
      return { ...base, targetAppealId: p.target, reason: "Same matter" }
    case "withdraw":
      return { ...base, reason: "Resolved" }
    case "escalate":
      return { ...base, reason: "overdue:consideration" }
    // Measures: every kind, a referral with its body; a due time beyond every term (p.score 5) is refused.
    case "planMeasure": {
      const kind = (["preventionTalk", "homeVisit", "preventiveRegister", "referral"] as const)[p.score % 4]!
      return {
        ...base,
        kind,
        ...(kind === "referral" ? { body: { name: "Mahalla va oilani qoʻllab-quvvatlash boʻlimi" } } : {}),
        ...(p.score === 5 ? { dueBy: new Date(Date.parse(now) + 400 * 86_400_000).toISOString() } : {})
      }
    }
    // A measure that may not exist (M3), with an outcome that fits some kinds only.
    case "completeMeasure":
      return { ...base, measureId: `${appealId}/M${(p.score % 3) + 1}`, outcome: p.score % 2 === 0 ? "held" : "accepted", note: "Talked with the family" }
    case "cancelMeasure":
      return { ...base, measureId: `${appealId}/M${(p.score % 3) + 1}`, reason: "Moved away" }
    // The order issued above (HO-17), to a later end; on the victim's application or not.
    case "extendProtectionOrder":
      return { ...base, orderNumber: "HO-17", validUntil: new Date(Date.parse(now) + 200 * 86_400_000).toISOString(), onVictimApplication: p.score % 2 === 0, reason: "Threats go on" }
    case "recordProtectionOrderBreach":
      return { ...base, orderNumber: "HO-17", occurredAt: new Date(Date.parse(now) - 3_600_000).toISOString(), ...(p.score > 3 ? { reference: "AJ-2026-17" } : {}) }
  }
}

/** An actor likely to be allowed for the command on the state (to reach deep states). */
export const rightActorFor = (type: Command.Type, state: AppealState.AppealState, intake: IntakeSeed): Actor.Actor => {
  const grant = AppealMachine.grants[type]
  const applicantRef = type === "receive" ? intake.applicantRef : state.applicantRef
  if (grant.who.includes("assignee") && state.assigneeId !== undefined) return Actor.fromOfficer(officer(state.assigneeId))
  if (grant.who.includes("applicant") && applicantRef !== undefined) return Actor.applicant(applicantRef)
  if (grant.who.includes("system")) return Actor.system("rules")
  const district = type === "receive" ? mahallaDistrict[intake.location.mahallaCode] : state.districtCode
  if (grant.who.includes("districtChief")) return Actor.fromOfficer(officer(district === "D2" ? "C2" : "C1"))
  if (grant.who.includes("preventionInspector")) return Actor.fromOfficer(officer(state.mahallaCode === "M3" ? "I3" : state.mahallaCode === "M2" ? "I2" : "I1"))
  return Actor.system("rules")
}

/**
 * Other appeals a command may name (merge targets, repeated appeals): any id but the appeal under
 * test is an open, registered appeal of district D1.
 */
export const others = (id: string): AppealState.AppealState | undefined =>
  id === "A-1" ? undefined : { ...AppealState.initial(id), status: "registered", version: 2, districtCode: "D1", mahallaCode: "M1", regionCode: "R1" }
