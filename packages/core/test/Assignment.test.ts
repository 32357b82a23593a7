import { fc, test } from "@fast-check/vitest"
import { Either, Schema } from "effect"
import { describe, expect } from "vitest"
import { Actor, Assignment, Directory, Errors, Policy } from "../src/index.js"
import * as Choice from "../src/internal/assignment/choice.js"
import * as Eligibility from "../src/internal/eligibility.js"
import * as Fixture from "./fixtures/assignment/index.js"

const index = Assignment.makeIndex(Fixture.directory)

describe("example table (fixtures/assignment/examples.json, rendered in docs/rules/assignment.md)", () => {
  for (const ex of Fixture.examples) {
    test(`${ex.id}: ${ex.title}`, () => {
      const r = Assignment.assign(index, ex.appeal, { at: ex.at, loads: Assignment.loads(ex.open) })
      if ("officerId" in ex.expect) {
        expect(Either.isRight(r) && { officerId: r.right.officerId, tier: r.right.tier }).toEqual(ex.expect)
      } else {
        expect(Either.isLeft(r) && { error: r.left.reason, chiefOfficerIds: r.left.chiefOfficerIds }).toEqual(ex.expect)
      }
    })
  }
})

describe("explanations", () => {
  test("a complaint about an officer names him as excluded with subjectOfComplaint and lists the rule", () => {
    const ex = Fixture.examples.find((e) => e.id === "conflict-subject")!
    const r = Assignment.assign(index, ex.appeal, { at: ex.at })
    expect(Either.isRight(r)).toBe(true)
    const e = Either.getOrThrow(r).explanation
    expect(e.stages[0]!.considered.find((c) => c.officerId === "O-PI-1")!.exclusions).toEqual(["subjectOfComplaint"])
    expect(e.rules).toContain(Assignment.RuleId.subject)
    expect(e.compared.map((c) => c.officerId)).toEqual(["O-PI-2"])
  })

  test("a role fallback explains the specialist's absence and records the fallback rule", () => {
    const ex = Fixture.examples.find((e) => e.id === "role-fallback")!
    const e = Either.getOrThrow(Assignment.assign(index, ex.appeal, { at: ex.at })).explanation
    expect(e.stages.map((s) => s.role)).toEqual(["womensAffairsInspector", "preventionInspector"])
    expect(e.stages[0]!.considered.find((c) => c.officerId === "O-WA-1")!.exclusions).toEqual(["absent"])
    expect(e.stages[1]!.considered.find((c) => c.officerId === "O-PI-2")!.exclusions).toEqual(["offDuty"])
    expect(e.rules).toContain(Assignment.RuleId.roleFallback)
  })

  test("the workloads compared are sorted, the chosen first", () => {
    const ex = Fixture.examples.find((e) => e.id === "least-load")!
    const e = Either.getOrThrow(Assignment.assign(index, ex.appeal, { at: ex.at, loads: Assignment.loads(ex.open) })).explanation
    expect(e.compared).toEqual([
      { officerId: "O-PI-2", load: 0.5, open: 1 },
      { officerId: "O-PI-1", load: 2, open: 2 }
    ])
    expect(e.chosen).toBe("O-PI-2")
  })

  test("the error names every exclusion and has four messages", () => {
    const ex = Fixture.examples.find((e) => e.id === "fallback-chief-conflict")!
    const r = Assignment.assign(index, ex.appeal, { at: ex.at })
    const err = Either.isLeft(r) ? r.left : undefined
    expect(err?.excluded).toEqual([
      { officerId: "O-SR-1", tier: "districtSenior", role: "seniorInspector", reasons: ["declaredConflict"] },
      { officerId: "O-SR-2", tier: "districtSenior", role: "seniorInspector", reasons: ["absent"] }
    ])
    const m = Errors.messages(err!)
    expect(Object.values(m).every((t) => t.includes("E-9"))).toBe(true)
    expect(m.en).toContain("every officer on duty has a conflict of interest")
    expect(Errors.catalogue.map((c) => c.code)).toContain("NoEligibleInspector")
  })

  test("every exclusion reason has four non-empty texts", () => {
    for (const r of Assignment.ExclusionReason.literals) {
      expect(Object.values(Assignment.exclusionText[r]).every((t) => t.length > 0)).toBe(true)
    }
  })
})

// ---------------------------------------------------------------------------------------------
// Oracles written from docs/rules/assignment.md and the 2026 calendar (../shared/domain.md), not
// from the code under test.
// ---------------------------------------------------------------------------------------------

// 2026, five-day week: weekdays that are not working days (fixed holidays on weekdays, Ramazon
// hayiti Fri 20 Mar, Qurbon hayiti Wed 27 May, decree PF-257's extra days off and transfers), and
// the worked Saturday 12 Dec. Hand-copied from the domain notes.
const offWeekdays2026 = new Set([
  "2026-01-01", "2026-01-02", "2026-03-09", "2026-03-20", "2026-03-23", "2026-05-11", "2026-05-27",
  "2026-05-28", "2026-05-29", "2026-08-31", "2026-09-01", "2026-10-01", "2026-12-08", "2026-12-31"
])
const workedSaturdays2026 = new Set(["2026-12-12"])

// Working time: a working day of 2026 (five-day week), 09:00 <= local time < 18:00, Tashkent UTC+5.
const oracleWorking = (epoch: number): boolean => {
  const local = new Date(epoch + 5 * 3_600_000)
  const date = local.toISOString().slice(0, 10)
  const dow = local.getUTCDay()
  const minutes = local.getUTCHours() * 60 + local.getUTCMinutes()
  const workingDay = workedSaturdays2026.has(date) || (dow >= 1 && dow <= 5 && !offWeekdays2026.has(date))
  return workingDay && minutes >= 9 * 60 && minutes < 18 * 60
}

const within = (t: number, p: { readonly from: string; readonly to: string }) => Date.parse(p.from) <= t && t < Date.parse(p.to)

// docs/rules/assignment.md: "assignment.coverage": listed mahalla, or senior inspector / district chief of the district.
const oracleServes = (o: Directory.Officer, a: { readonly mahallaCode: string; readonly districtCode: string }) =>
  o.mahallas.includes(a.mahallaCode as Directory.MahallaCode) ||
  (o.districtCode === a.districtCode && (o.roles.includes("seniorInspector") || o.roles.includes("districtChief")))

// "assignment.duty": active, not absent (absences always win), inside a duty period or, without any, in working time.
const oracleOnDuty = (o: Directory.Officer, t: number) =>
  o.active !== false && !o.absences.some((p) => within(t, p)) && (o.duty.length > 0 ? o.duty.some((p) => within(t, p)) : oracleWorking(t))
const oraclePresent = (o: Directory.Officer, t: number) => o.active !== false && !o.absences.some((p) => within(t, p))

// "assignment.conflict.subject" and "assignment.conflict.declared".
const conflicted = (o: Directory.Officer, a: Assignment.AppealInput) =>
  o.id === a.subjectOfficerId || (a.applicantRef !== undefined && o.conflicts.some((c) => c.applicantRef === a.applicantRef))

// The planners' table ("Reassignment and unassignment"): the reason recorded, or undefined when the officer may keep it.
const oracleHoldReason = (d: Directory.Directory, a: Assignment.OpenAppeal, t: number): string | undefined => {
  const o = d.officers.find((x) => x.id === a.officerId)
  if (o === undefined) return "dutyChange:notInDirectory"
  if (o.active === false) return "dutyChange:inactive"
  const absence = o.absences.find((p) => within(t, p))
  if (absence !== undefined) return `dutyChange:absent:${absence.reason}`
  if (!oracleServes(o, a)) return "dutyChange:notServingMahalla"
  if (o.id === a.subjectOfficerId) return "conflictOfInterest:subjectOfComplaint"
  if (a.applicantRef !== undefined && o.conflicts.some((c) => c.applicantRef === a.applicantRef)) return "conflictOfInterest:declared"
  return undefined
}

// Runs a property by hand and counts the runs that reached a decision, so none passes vacuously.
const holds = <T>(arb: fc.Arbitrary<T>, body: (value: T) => boolean, numRuns = 300): number => {
  let decided = 0
  fc.assert(
    fc.property(arb, (v) => {
      if (body(v)) decided++
    }),
    { numRuns }
  )
  return decided
}

describe("working time and duty (calendar: holidays count)", () => {
  test.each([
    ["2026-03-18T04:00:00Z", true], // Wed 09:00 Tashkent
    ["2026-03-18T03:59:59Z", false], // Wed 08:59:59
    ["2026-03-18T12:59:59Z", true], // Wed 17:59:59
    ["2026-03-18T13:00:00Z", false], // Wed 18:00
    ["2026-03-19T06:00:00Z", true], // Thu 11:00
    ["2026-03-20T06:00:00Z", false], // Fri 11:00, Ramazon hayiti
    ["2026-03-21T06:00:00Z", false], // Sat, Navroʻz
    ["2026-03-22T06:00:00Z", false], // Sun
    ["2026-03-23T06:00:00Z", false], // Mon, rest day moved from Navroʻz
    ["2026-03-22T23:30:00Z", false], // Mon 04:30 local
    ["2026-12-12T06:00:00Z", true], // worked Saturday
    ["2026-03-18T11:00:00+05:00", true] // the offset is read, never the host's zone
  ])("isWorkingTime(%s) = %s", (at, expected) => {
    expect(Assignment.isWorkingTime(at)).toBe(expected)
  })

  const holiday = fc.constantFrom(...offWeekdays2026, ...workedSaturdays2026)
  const anyDay = fc.integer({ min: 0, max: 364 }).map((d) => new Date(Date.UTC(2026, 0, 1 + d)).toISOString().slice(0, 10))
  const instant2026 = fc
    .tuple(fc.oneof(holiday, anyDay), fc.integer({ min: 0, max: 24 * 60 - 1 }))
    .map(([date, m]) => Date.parse(`${date}T00:00:00+05:00`) + m * 60_000)

  test("working time is the 2026 calendar's working days, 09:00-18:00 Tashkent (hand table of holidays)", () => {
    const working = holds(instant2026, (t) => {
      const at = new Date(t).toISOString()
      expect(Assignment.isWorkingTime(at)).toBe(oracleWorking(t))
      return oracleWorking(t)
    }, 1000)
    expect(working).toBeGreaterThan(40)
  })

  test.prop([instant2026, fc.boolean()])("absences always win over duty periods and working hours", (t, withDuty) => {
    const at = new Date(t).toISOString()
    const officer = {
      id: "O-1",
      active: true,
      duty: withDuty ? [{ from: new Date(t - 86_400_000).toISOString(), to: new Date(t + 86_400_000).toISOString() }] : [],
      absences: [{ from: new Date(t - 60_000).toISOString(), to: new Date(t + 60_000).toISOString(), reason: "sickness" }]
    } as unknown as Directory.Officer
    expect(Assignment.dutyStatus(officer, at)).toBe("absent")
  })

  test("a duty period makes an officer on duty outside working hours, and only inside it", () => {
    const pi2 = Fixture.directory.officers.find((o) => o.id === "O-PI-2")!
    expect(Assignment.dutyStatus(pi2, "2026-03-18T23:00:00+05:00")).toBe("onDuty")
    expect(Assignment.dutyStatus(pi2, "2026-03-19T10:00:00+05:00")).toBe("offDuty")
  })

  test("another calendar and week type are honoured: the six-day week works on Monday 23 March 2026", () => {
    const six = Assignment.settings({ week: "sixDay" })
    expect(Assignment.isWorkingTime("2026-03-23T11:00:00+05:00", six)).toBe(true)
    expect(Assignment.isWorkingTime("2026-03-23T11:00:00+05:00")).toBe(false)
    expect(Assignment.isWorkingTime("2026-03-18T08:30:00+05:00", Assignment.settings({ workingHours: { start: "08:00", end: "17:00" } }))).toBe(true)
  })
})

// ---------------------------------------------------------------------------------------------
// Generated directories
// ---------------------------------------------------------------------------------------------

const text = { "uz-Latn": "x", "uz-Cyrl": "x", ru: "x", en: "x" }
const roles = Directory.OfficerRole.literals
const refs = ["u1", "u2", "u3"]
const base = Date.parse("2026-03-16T00:00:00Z") // Monday
const iso = (hours: number) => new Date(base + hours * 3_600_000).toISOString()
const window = 24 * 7

const periodArb = fc.tuple(fc.integer({ min: 0, max: window }), fc.integer({ min: 1, max: 72 })).map(([s, d]) => ({ from: iso(s), to: iso(s + d) }))

interface Spec {
  readonly districts: number
  readonly mahallas: ReadonlyArray<number> // district of each mahalla
}

const officerArb = (spec: Spec, i: number) =>
  fc
    .record({
      district: fc.integer({ min: 0, max: spec.districts - 1 }),
      roles: fc.uniqueArray(fc.constantFrom(...roles), { minLength: 1, maxLength: 2 }),
      picks: fc.array(fc.integer({ min: 0, max: spec.mahallas.length - 1 }), { maxLength: 3 }),
      duty: fc.array(periodArb, { maxLength: 2 }),
      absences: fc.array(periodArb.map((p) => ({ ...p, reason: "leave" as const })), { maxLength: 1 }),
      conflicts: fc.array(fc.constantFrom(...refs).map((applicantRef) => ({ applicantRef })), { maxLength: 1 }),
      active: fc.integer({ min: 0, max: 9 }).map((n) => n > 0)
    })
    .map((o) => ({
      id: `O-${String(i).padStart(2, "0")}`,
      name: "n",
      roles: o.roles,
      districtCode: `D${o.district}`,
      mahallas: [...new Set(o.picks.filter((m) => spec.mahallas[m] === o.district).map((m) => `M${m}`))],
      duty: o.duty,
      absences: o.absences,
      conflicts: o.conflicts,
      active: o.active
    }))

const directoryArb = fc
  .record({ districts: fc.integer({ min: 1, max: 2 }), size: fc.integer({ min: 1, max: 5 }) })
  .chain(({ districts, size }) =>
    fc.array(fc.integer({ min: 0, max: districts - 1 }), { minLength: size, maxLength: size }).map((mahallas) => ({ districts, mahallas }))
  )
  .chain((spec) =>
    fc.integer({ min: 0, max: 10 }).chain((n) =>
      fc.tuple(...Array.from({ length: n }, (_, i) => officerArb(spec, i))).map((officers) => ({ spec, officers }))
    )
  )
  .map(({ spec, officers }) =>
    Schema.decodeUnknownSync(Directory.Directory)({
      regions: [{ code: "R", name: text }],
      districts: Array.from({ length: spec.districts }, (_, d) => ({ code: `D${d}`, regionCode: "R", name: text })),
      mahallas: spec.mahallas.map((d, m) => ({ code: `M${m}`, districtCode: `D${d}`, name: text })),
      officers
    })
  )

const appealArb = (d: Directory.Directory, id = "A-1") =>
  fc
    .record({
      mahalla: fc.integer({ min: 0, max: d.mahallas.length }), // one past the end: unknown mahalla
      priority: fc.constantFrom(...Assignment.Priority.literals),
      role: fc.option(fc.constantFrom(...roles), { nil: undefined }),
      subject: fc.option(fc.integer({ min: 0, max: 10 }), { nil: undefined }),
      applicantRef: fc.option(fc.constantFrom(...refs), { nil: undefined })
    })
    .map((a): Assignment.AppealInput => {
      const m = d.mahallas[a.mahalla]
      return {
        appealId: id,
        mahallaCode: m?.code ?? "M99",
        districtCode: m?.districtCode ?? "D0",
        priority: a.priority,
        ...(a.role ? { role: a.role } : {}),
        ...(a.subject !== undefined ? { subjectOfficerId: `O-${String(a.subject).padStart(2, "0")}` } : {}),
        ...(a.applicantRef ? { applicantRef: a.applicantRef } : {})
      }
    })

const atArb = fc.integer({ min: 0, max: window * 60 }).map((m) => iso(m / 60))

const caseArb = directoryArb.chain((d) => fc.record({ d: fc.constant(d), appeal: appealArb(d), at: atArb, offShift: fc.boolean() }))

const openArb = (d: Directory.Directory) =>
  fc
    .array(fc.tuple(appealArb(d), fc.integer({ min: 0, max: 11 })), { maxLength: 12 })
    .map((xs) => xs.map(([a, o], i): Assignment.OpenAppeal => ({ ...a, appealId: `A-${i}`, officerId: `O-${String(o).padStart(2, "0")}` })))

// docs/rules/assignment.md, "Settings and their defaults".
const weights: Record<Assignment.Priority, number> = { urgent: 4, high: 2, normal: 1, low: 0.5 }

describe("properties", () => {
  // docs/rules/assignment.md, "How an officer is chosen", with empty workloads (so the smallest id wins):
  // stages are the required role, then its fallbacks (specialists -> prevention inspector), in the
  // mahalla (officers listing it, plus district-wide officers when the role is theirs); then the
  // district's senior inspectors; the first stage with an eligible officer decides.
  const fallbacks: Partial<Record<Directory.OfficerRole, Directory.OfficerRole>> = {
    womensAffairsInspector: "preventionInspector",
    juvenileInspector: "preventionInspector",
    probationInspector: "preventionInspector"
  }
  const oracleChoice = (d: Directory.Directory, a: Assignment.AppealInput, t: number, offShift: boolean): string | undefined => {
    if (!d.mahallas.some((m) => m.code === a.mahallaCode && m.districtCode === a.districtCode)) return undefined
    const dutyOk = (o: Directory.Officer) => (a.priority === "urgent" || !offShift ? oracleOnDuty(o, t) : oraclePresent(o, t))
    const wide = (r: Directory.OfficerRole) => r === "seniorInspector" || r === "districtChief"
    const inStage = (o: Directory.Officer, r: Directory.OfficerRole) =>
      o.roles.includes(r) && (o.mahallas.includes(a.mahallaCode as Directory.MahallaCode) || (wide(r) && o.districtCode === a.districtCode))
    const role = a.role ?? "preventionInspector"
    const fallback = fallbacks[role]
    const stages: Array<(o: Directory.Officer) => boolean> = [
      (o) => inStage(o, role),
      ...(fallback !== undefined ? [(o: Directory.Officer) => inStage(o, fallback)] : []),
      (o) => o.roles.includes("seniorInspector") && o.districtCode === a.districtCode
    ]
    for (const stage of stages) {
      const ids = d.officers.filter((o) => stage(o) && dutyOk(o) && !conflicted(o, a)).map((o) => o.id).sort()
      if (ids.length > 0) return ids[0]
    }
    return undefined
  }

  test("the officer chosen is the one the rules name (oracle from docs/rules), off duty, absent, outside coverage or conflicted never", () => {
    const assigned = holds(caseArb, ({ d, appeal, at, offShift }) => {
      const r = Assignment.assign(Assignment.makeIndex(d), appeal, { at, settings: Assignment.settings({ nonUrgentOffShift: offShift }) })
      expect(Either.isRight(r) ? r.right.officerId : undefined).toBe(oracleChoice(d, appeal, Date.parse(at), offShift))
      return Either.isRight(r)
    }, 500)
    // Not vacuous: a good share of the generated cases find an officer.
    expect(assigned).toBeGreaterThan(50)
  })

  // The service meets a refusal as a plain value (its holdup): it must be, byte for byte, what
  // encoding the error gave before (the error built and encoded: the old path).
  test.prop([caseArb, openArb(Fixture.directory)])("a refusal as a plain value is exactly the encoded error; a choice is unchanged", ({ d, appeal, at, offShift }, open) => {
    const settings = Assignment.settings({ nonUrgentOffShift: offShift })
    const options = { at: at as Directory.Instant, settings, loads: Assignment.loads(open, settings) }
    const plain = Choice.chooseOrRefuse(d, appeal, options)
    const error = Assignment.choose(d, appeal, options)
    if (Either.isLeft(error)) {
      expect(Either.isLeft(plain)).toBe(true)
      if (Either.isLeft(plain)) expect(JSON.stringify(plain.left)).toBe(JSON.stringify(Schema.encodeSync(Errors.NoEligibleInspector)(error.left)))
      expect(error.left).toBeInstanceOf(Errors.NoEligibleInspector)
    } else expect(plain).toEqual(error)
  })

  test.prop([caseArb, fc.integer()])("deterministic, whatever the order of the directory", ({ d, appeal, at }, seed) => {
    const shuffled = { ...d, officers: [...d.officers].sort((a, b) => ((hash(a.id, seed) - hash(b.id, seed)) | 0)) }
    const once = Assignment.assign(Assignment.makeIndex(d), appeal, { at })
    expect(Assignment.assign(Assignment.makeIndex(d), appeal, { at })).toEqual(once)
    expect(Assignment.assign(Assignment.makeIndex(shuffled), appeal, { at })).toEqual(once)
  })

  test("the chosen officer has the least load among the eligible he was compared with", () => {
    const assigned = holds(caseArb, ({ d, appeal, at }) => {
      const loads = new Map<string, Assignment.Load>(d.officers.map((o, i) => [o.id, { weighted: (i * 7) % 5, count: i % 3 }]))
      const r = Assignment.assign(Assignment.makeIndex(d), appeal, { at, loads })
      if (Either.isLeft(r)) {
        expect(r.left.excluded.every((e) => e.reasons.length > 0)).toBe(true)
        return false
      }
      const chosen = loads.get(r.right.officerId)?.weighted ?? 0
      for (const c of r.right.explanation.compared) expect(c.load).toBeGreaterThanOrEqual(chosen)
      return true
    })
    expect(assigned).toBeGreaterThan(12)
  })

  test.prop([
    fc.integer({ min: 1, max: 8 }),
    fc.constantFrom(...Assignment.Priority.literals),
    fc.integer({ min: 1, max: 80 })
  ])("uniform arrivals: weighted loads never differ by more than one appeal's weight", (k, priority, n) => {
    const d = uniformDirectory(k)
    const appeals = Array.from({ length: n }, (_, i) => ({ appealId: `A-${i}`, mahallaCode: "M0", districtCode: "D0", priority }))
    const { results, loads } = Assignment.assignAll(Assignment.makeIndex(d), appeals, { at: "2026-03-18T06:00:00Z" })
    expect(results.every(Either.isRight)).toBe(true)
    const ws = d.officers.map((o) => loads.get(o.id)?.weighted ?? 0)
    expect(Math.max(...ws) - Math.min(...ws)).toBeLessThanOrEqual(weights[priority])
  })

  test.prop([fc.integer({ min: 1, max: 8 }), fc.array(fc.constantFrom(...Assignment.Priority.literals), { maxLength: 80 })])(
    "mixed arrivals: weighted loads never differ by more than the heaviest weight",
    (k, priorities) => {
      const d = uniformDirectory(k)
      const appeals = priorities.map((priority, i) => ({ appealId: `A-${i}`, mahallaCode: "M0", districtCode: "D0", priority }))
      const { loads } = Assignment.assignAll(Assignment.makeIndex(d), appeals, { at: "2026-03-18T06:00:00Z" })
      const ws = d.officers.map((o) => loads.get(o.id)?.weighted ?? 0)
      expect(Math.max(...ws) - Math.min(...ws)).toBeLessThanOrEqual(4)
    }
  )

  test("duty-change reassignment leaves every open appeal with an officer who may hold it (oracle from the planners' table)", () => {
    const arb = directoryArb.chain((d) => fc.record({ d: fc.constant(withAnchors(d)), at: atArb })).chain((c) => fc.record({ c: fc.constant(c), open: openArb(c.d) }))
    const moved = holds(arb, ({ c: { d, at }, open }) => {
      const idx = Assignment.makeIndex(d)
      const known = open.filter((a) => d.mahallas.some((m) => m.code === a.mahallaCode && m.districtCode === a.districtCode))
      const plan = Assignment.planDutyChanges(idx, known, { at })
      expect(plan.commands.filter((c) => c.type === "unassign")).toEqual([])
      for (const a of applyPlan(known, plan)) expect(oracleHoldReason(d, a, Date.parse(at))).toBeUndefined()
      return plan.commands.length > 0
    })
    expect(moved).toBeGreaterThan(100)
  })

  test("duty-change plans move exactly the appeals whose officer may not hold them, with the reason of the table, never to the same officer", () => {
    const arb = directoryArb.chain((d) => fc.record({ d: fc.constant(d), at: atArb, open: openArb(d) }))
    const moved = holds(arb, ({ d, at, open }) => {
      const t = Date.parse(at)
      const plan = Assignment.planDutyChanges(Assignment.makeIndex(d), open, { at })
      const commands = new Map(plan.commands.map((c) => [c.appealId, c]))
      for (const a of open) {
        const expected = oracleHoldReason(d, a, t)
        const c = commands.get(a.appealId)
        if (expected === undefined) {
          expect(c).toBeUndefined()
          continue
        }
        expect(c).toBeDefined()
        if (c!.type === "reassign") {
          expect(c!.reason).toBe(expected)
          expect(c!.officerId).not.toBe(a.officerId)
          const to = d.officers.find((o) => o.id === c!.officerId)!
          expect(oracleHoldReason(d, { ...a, officerId: to.id }, t)).toBeUndefined()
          expect(oracleOnDuty(to, t)).toBe(true)
        } else expect(c!.reason.startsWith(`${expected};noEligibleInspector:`)).toBe(true)
      }
      return plan.commands.length > 0
    })
    expect(moved).toBeGreaterThan(100)
  })

  test("escalation moves overdue appeals only to a senior inspector of the district", () => {
    const arb = directoryArb.chain((d) => fc.record({ d: fc.constant(withAnchors(d)), at: atArb })).chain((c) => fc.record({ c: fc.constant(c), open: openArb(c.d) }))
    const moved = holds(arb, ({ c: { d, at }, open }) => {
      const idx = Assignment.makeIndex(d)
      const plan = Assignment.planEscalation(idx, open, open.map((a) => ({ appealId: a.appealId, reason: "overdue:consideration" })), { at })
      expect(plan.commands.every((c) => c.type === "reassign")).toBe(true)
      for (const c of plan.commands) {
        const a = open.find((x) => x.appealId === c.appealId)!
        const o = idx.byId.get((c as { officerId: string }).officerId)!
        expect(o.roles).toContain("seniorInspector")
        expect(o.districtCode).toBe(a.districtCode)
        expect(c.reason).toBe("escalation:overdue:consideration")
      }
      return plan.commands.length > 0
    })
    // Not vacuous: with a senior always on duty in each district, most runs escalate something.
    expect(moved).toBeGreaterThan(100)
  })

  test("bulk reassignment to a named officer never moves an appeal he may not take", () => {
    const arb = directoryArb.chain((d) => fc.record({ d: fc.constant(d), at: atArb, open: openArb(d), to: fc.integer({ min: 0, max: 9 }) }))
    const counts = { moved: 0, refused: 0 }
    holds(arb, ({ d, at, open, to }) => {
      const idx = Assignment.makeIndex(d)
      const target = d.officers[to % Math.max(1, d.officers.length)]
      const r = Assignment.planBulk(idx, open, { kind: "reassign", appealIds: open.map((a) => a.appealId), to: target?.id ?? "O-404", reason: "rebalance" }, { at })
      if (target === undefined) {
        expect(Either.isLeft(r) && r.left._tag).toBe("OfficerNotFound")
        return false
      }
      const plan = Either.getOrThrow(r)
      for (const c of plan.commands) {
        const a = open.find((x) => x.appealId === c.appealId)!
        expect(c.reason).toBe("bulk:rebalance")
        expect(conflicted(target, a)).toBe(false)
        expect(oracleServes(target, a)).toBe(true)
        expect(oracleOnDuty(target, Date.parse(at))).toBe(true)
      }
      for (const s of plan.steps.filter((x) => x.action === "refused")) {
        const a = open.find((x) => x.appealId === s.appealId)!
        const eligible = !conflicted(target, a) && oracleServes(target, a) && oracleOnDuty(target, Date.parse(at)) && target.id !== a.officerId
        expect(eligible && (target.roles.includes("seniorInspector") || target.roles.includes(a.role ?? "preventionInspector")), s.appealId).toBe(false)
      }
      expect(plan.steps.length).toBe(open.length)
      counts.moved += plan.commands.length
      counts.refused += plan.steps.filter((x) => x.action === "refused").length
      return plan.commands.length > 0
    }, 500)
    // Not vacuous: appeals are moved, and appeals are refused.
    expect(counts.moved).toBeGreaterThan(30)
    expect(counts.refused).toBeGreaterThan(100)
  })
})

describe("planners", () => {
  const open = Schema.decodeUnknownSync(Schema.Array(Assignment.OpenAppeal))(
    JSON.parse(JSON.stringify([
      { appealId: "P-1", mahallaCode: "1726262-001", districtCode: "1726262", priority: "urgent", category: "domesticViolence", officerId: "O-WA-1" },
      { appealId: "P-2", mahallaCode: "1726262-001", districtCode: "1726262", priority: "normal", officerId: "O-PI-1" },
      { appealId: "P-3", mahallaCode: "1726262-003", districtCode: "1726262", priority: "low", officerId: "O-SR-1" }
    ]))
  )

  test("leave of the women's affairs inspector moves her appeal to the prevention inspector on duty", () => {
    const plan = Assignment.planDutyChanges(index, open, { at: "2026-03-26T11:00:00+05:00" })
    expect(plan.commands).toEqual([{ type: "reassign", appealId: "P-1", officerId: "O-PI-1", reason: "dutyChange:absent:leave" }])
    expect(plan.loads.get("O-WA-1")?.count).toBe(0)
    expect(plan.loads.get("O-PI-1")?.weighted).toBe(5)
  })

  test("escalation moves a mahalla officer's overdue appeal to the senior and keeps the senior's own", () => {
    const plan = Assignment.planEscalation(
      index,
      open,
      [
        { appealId: "P-2", reason: "overdue:consideration" },
        { appealId: "P-3", reason: "overdue:consideration" }
      ],
      { at: "2026-03-18T11:00:00+05:00" }
    )
    expect(plan.commands).toEqual([{ type: "reassign", appealId: "P-2", officerId: "O-SR-1", reason: "escalation:overdue:consideration" }])
    expect(plan.steps.find((s) => s.appealId === "P-3")?.action).toBe("keep")
  })

  test("bulk unassignment and unknown appeals", () => {
    const plan = Either.getOrThrow(Assignment.planBulk(index, open, { kind: "unassign", appealIds: ["P-2"], reason: "territory changed" }, { at: "2026-03-18T11:00:00+05:00" }))
    expect(plan.commands).toEqual([{ type: "unassign", appealId: "P-2", reason: "bulk:territory changed" }])
    const missing = Assignment.planBulk(index, open, { kind: "unassign", appealIds: ["P-404"], reason: "x" }, { at: "2026-03-18T11:00:00+05:00" })
    expect(Either.isLeft(missing) && missing.left._tag).toBe("AppealNotFound")
  })

  test("bulk reassignment to a named officer refuses what he may not take", () => {
    const plan = Either.getOrThrow(
      Assignment.planBulk(index, open, { kind: "reassign", appealIds: ["P-1", "P-2", "P-3"], to: "O-PI-2", reason: "cover" }, { at: "2026-03-18T11:00:00+05:00" })
    )
    expect(plan.commands.map((c) => c.appealId)).toEqual(["P-1", "P-2"])
    expect(plan.steps.find((s) => s.appealId === "P-3")).toMatchObject({ action: "refused", exclusions: ["notServingMahalla"] })
  })

  test("bulk automatic reassignment spreads by the rules", () => {
    const plan = Either.getOrThrow(Assignment.planBulk(index, open, { kind: "reassign", appealIds: ["P-2"], reason: "rebalance" }, { at: "2026-03-18T11:00:00+05:00" }))
    expect(plan.commands).toEqual([{ type: "reassign", appealId: "P-2", officerId: "O-PI-2", reason: "bulk:rebalance" }])
  })

  test("decoding names the wrong fields", () => {
    const r = Assignment.decodeAppeal({ appealId: "A-1", mahallaCode: "M", districtCode: "D", priority: "soon" })
    expect(Either.isLeft(r) && r.left.issues.map((i) => i.path)).toEqual(["priority"])
  })
})

// ---------------------------------------------------------------------------------------------
// Helpers
// ---------------------------------------------------------------------------------------------

function hash(s: string, seed: number): number {
  let h = seed | 0
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 2654435761)
  return h
}

function uniformDirectory(k: number): Directory.Directory {
  return Schema.decodeUnknownSync(Directory.Directory)({
    regions: [{ code: "R", name: text }],
    districts: [{ code: "D0", regionCode: "R", name: text }],
    mahallas: [{ code: "M0", districtCode: "D0", name: text }],
    officers: Array.from({ length: k }, (_, i) => ({
      id: `O-${i}`,
      name: "n",
      roles: ["preventionInspector"],
      districtCode: "D0",
      mahallas: ["M0"],
      duty: [],
      absences: [],
      conflicts: []
    }))
  })
}

// Every district gets a senior inspector always on duty, with no absence or conflict: the fallback exists.
function withAnchors(d: Directory.Directory): Directory.Directory {
  const anchors = d.districts.map((x) => ({
    id: `S-${x.code}`,
    name: "anchor",
    roles: ["seniorInspector"],
    districtCode: x.code,
    mahallas: [],
    duty: [{ from: "2026-01-01T00:00:00Z", to: "2027-01-01T00:00:00Z" }],
    absences: [],
    conflicts: []
  }))
  return Schema.decodeUnknownSync(Directory.Directory)({ ...d, officers: [...d.officers, ...anchors] })
}

function applyPlan(open: ReadonlyArray<Assignment.OpenAppeal>, plan: Assignment.Plan): ReadonlyArray<Assignment.OpenAppeal> {
  const to = new Map(plan.commands.flatMap((c) => (c.type === "reassign" ? [[c.appealId, c.officerId] as const] : [])))
  return open.map((a) => ({ ...a, officerId: to.get(a.appealId) ?? a.officerId }))
}

describe("the one eligibility module (internal/eligibility.ts), against the rules' own wording", () => {
  // AppealMachine "assign.officerServes": "the officer is active in the directory and serves the appeal's
  // mahalla, or is a senior inspector or district chief of its district"; "assign.noConflict": "the officer
  // is not the one the appeal complains about and has declared no conflict with the applicant".
  const caseArb2 = directoryArb.chain((d) => fc.record({ d: fc.constant(d), appeal: appealArb(d), pick: fc.nat() }))
  test("servesAppeal and hasConflict answer as the machine's assign rules state; Directory.serves and Policy.covers agree", () => {
    const served = holds(caseArb2, ({ d, appeal, pick }) => {
      const o = d.officers[pick % Math.max(1, d.officers.length)]
      expect(Eligibility.servesAppeal(undefined, appeal)).toBe(false)
      if (o === undefined) return false
      const serves = o.active !== false && oracleServes(o, appeal)
      expect(Eligibility.servesAppeal(o, appeal)).toBe(serves)
      expect(Directory.serves(o, appeal.mahallaCode as Directory.MahallaCode, appeal.districtCode as Directory.DistrictCode)).toBe(serves)
      expect(Eligibility.hasConflict(o, appeal)).toBe(conflicted(o, appeal))
      const actor = { _tag: "officer", officerId: o.id, roles: o.roles, districtCode: o.districtCode, mahallas: o.mahallas } as unknown as Actor.Officer
      for (const r of o.roles) {
        // Access policy: a district-wide role covers its district, any other role the mahallas listed.
        const covers = r === "seniorInspector" || r === "districtChief" ? o.districtCode === appeal.districtCode : o.mahallas.includes(appeal.mahallaCode as Directory.MahallaCode)
        expect(Policy.covers(actor, r, appeal)).toBe(covers)
      }
      return serves
    })
    expect(served).toBeGreaterThan(20)
  })
})
