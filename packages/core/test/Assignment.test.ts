import { fc, test } from "@fast-check/vitest"
import { Either, Schema } from "effect"
import { describe, expect } from "vitest"
import { Assignment, Directory, Errors } from "../src/index.js"
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

describe("working time and duty", () => {
  test.each([
    ["2026-03-18T04:00:00Z", true], // Wed 09:00 Tashkent
    ["2026-03-18T03:59:59Z", false], // Wed 08:59:59
    ["2026-03-18T12:59:59Z", true], // Wed 17:59:59
    ["2026-03-18T13:00:00Z", false], // Wed 18:00
    ["2026-03-20T06:00:00Z", true], // Fri 11:00
    ["2026-03-21T06:00:00Z", false], // Sat
    ["2026-03-22T06:00:00Z", false], // Sun
    ["2026-03-22T23:30:00Z", false] // Mon 04:30 local
  ])("defaultIsWorkingTime(%s) = %s", (at, expected) => {
    expect(Assignment.defaultIsWorkingTime(at)).toBe(expected)
  })

  test.prop([fc.integer({ min: 0, max: 4_000_000_000 })])("working time repeats every week", (seconds) => {
    const at = (s: number) => new Date(s * 1000).toISOString()
    expect(Assignment.defaultIsWorkingTime(at(seconds))).toBe(Assignment.defaultIsWorkingTime(at(seconds + 7 * 86_400)))
  })

  test.prop([fc.integer({ min: 0, max: 86_399 }), fc.boolean()])("absences always win over duty periods and working hours", (s, withDuty) => {
    const day = Date.parse("2026-03-18T00:00:00Z")
    const at = new Date(day + s * 1000).toISOString()
    const officer = {
      id: "O-1",
      active: true,
      duty: withDuty ? [{ from: "2026-03-17T00:00:00Z", to: "2026-03-20T00:00:00Z" }] : [],
      absences: [{ from: "2026-03-18T00:00:00Z", to: "2026-03-19T00:00:00Z", reason: "sickness" }]
    } as unknown as Directory.Officer
    expect(Assignment.dutyStatus(officer, at, Assignment.settings({ isWorkingTime: () => true }))).toBe("absent")
  })

  test("a duty period makes an officer on duty outside working hours, and only inside it", () => {
    const pi2 = Fixture.directory.officers.find((o) => o.id === "O-PI-2")!
    expect(Assignment.dutyStatus(pi2, "2026-03-18T23:00:00+05:00")).toBe("onDuty")
    expect(Assignment.dutyStatus(pi2, "2026-03-19T10:00:00+05:00")).toBe("offDuty")
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

const conflicted = (o: Directory.Officer, a: Assignment.AppealInput) =>
  o.id === a.subjectOfficerId || (a.applicantRef !== undefined && o.conflicts.some((c) => c.applicantRef === a.applicantRef))

describe("properties", () => {
  test.prop([caseArb])("never an officer off duty, outside coverage (but the senior fallback) or with a conflict", ({ d, appeal, at, offShift }) => {
    const policy = Assignment.settings({ nonUrgentOffShift: offShift })
    const r = Assignment.assign(Assignment.makeIndex(d), appeal, { at, settings: policy })
    if (Either.isLeft(r)) return
    const o = d.officers.find((x) => x.id === r.right.officerId)!
    const status = Assignment.dutyStatus(o, at, policy)
    if (appeal.priority === "urgent" || !offShift) expect(status).toBe("onDuty")
    else expect(["onDuty", "offDuty"]).toContain(status)
    expect(conflicted(o, appeal)).toBe(false)
    expect(o.districtCode).toBe(appeal.districtCode)
    expect(Directory.serves(o, appeal.mahallaCode as Directory.MahallaCode, appeal.districtCode as Directory.DistrictCode)).toBe(true)
    if (r.right.tier === "districtSenior") expect(o.roles).toContain("seniorInspector")
    else expect(o.mahallas.includes(appeal.mahallaCode as Directory.MahallaCode) || o.roles.some((x) => Directory.districtWideRoles.has(x))).toBe(true)
  })

  test.prop([caseArb, fc.integer()])("deterministic, whatever the order of the directory", ({ d, appeal, at }, seed) => {
    const shuffled = { ...d, officers: [...d.officers].sort((a, b) => ((hash(a.id, seed) - hash(b.id, seed)) | 0)) }
    const once = Assignment.assign(Assignment.makeIndex(d), appeal, { at })
    expect(Assignment.assign(Assignment.makeIndex(d), appeal, { at })).toEqual(once)
    expect(Assignment.assign(Assignment.makeIndex(shuffled), appeal, { at })).toEqual(once)
  })

  test.prop([caseArb])("the chosen officer has the least load among the eligible he was compared with", ({ d, appeal, at }) => {
    const loads = new Map<string, Assignment.Load>(d.officers.map((o, i) => [o.id, { weighted: (i * 7) % 5, count: i % 3 }]))
    const r = Assignment.assign(Assignment.makeIndex(d), appeal, { at, loads })
    if (Either.isLeft(r)) {
      expect(r.left.excluded.every((e) => e.reasons.length > 0)).toBe(true)
      return
    }
    const chosen = loads.get(r.right.officerId)?.weighted ?? 0
    for (const c of r.right.explanation.compared) expect(c.load).toBeGreaterThanOrEqual(chosen)
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
    expect(Math.max(...ws) - Math.min(...ws)).toBeLessThanOrEqual(Assignment.defaults.weights[priority])
  })

  test.prop([fc.integer({ min: 1, max: 8 }), fc.array(fc.constantFrom(...Assignment.Priority.literals), { maxLength: 80 })])(
    "mixed arrivals: weighted loads never differ by more than the heaviest weight",
    (k, priorities) => {
      const d = uniformDirectory(k)
      const appeals = priorities.map((priority, i) => ({ appealId: `A-${i}`, mahallaCode: "M0", districtCode: "D0", priority }))
      const { loads } = Assignment.assignAll(Assignment.makeIndex(d), appeals, { at: "2026-03-18T06:00:00Z" })
      const ws = d.officers.map((o) => loads.get(o.id)?.weighted ?? 0)
      expect(Math.max(...ws) - Math.min(...ws)).toBeLessThanOrEqual(Math.max(...Object.values(Assignment.defaults.weights)))
    }
  )

  test.prop([directoryArb.chain((d) => fc.record({ d: fc.constant(withAnchors(d)), at: atArb })).chain((c) => fc.record({ c: fc.constant(c), open: openArb(c.d) }))])(
    "duty-change reassignment keeps every open appeal assigned to an officer who may hold it",
    ({ c: { d, at }, open }) => {
      const idx = Assignment.makeIndex(d)
      const known = open.filter((a) => idx.mahallaDistrict.get(a.mahallaCode) === a.districtCode)
      const plan = Assignment.planDutyChanges(idx, known, { at })
      expect(plan.commands.filter((c) => c.type === "unassign")).toEqual([])
      const after = applyPlan(known, plan)
      for (const a of after) expect(Assignment.holdProblem(idx, a, at)).toBeUndefined()
    }
  )

  test.prop([directoryArb.chain((d) => fc.record({ d: fc.constant(d), at: atArb, open: openArb(d) }))])(
    "duty-change plans touch only appeals whose officer cannot hold them, never to the same officer",
    ({ d, at, open }) => {
      const idx = Assignment.makeIndex(d)
      const plan = Assignment.planDutyChanges(idx, open, { at })
      const moved = new Set(plan.commands.map((c) => c.appealId))
      for (const a of open) expect(moved.has(a.appealId)).toBe(Assignment.holdProblem(idx, a, at) !== undefined)
      for (const c of plan.commands) {
        const a = open.find((x) => x.appealId === c.appealId)!
        if (c.type === "reassign") {
          expect(c.officerId).not.toBe(a.officerId)
          expect(Assignment.holdProblem(idx, { ...a, officerId: c.officerId }, at)).toBeUndefined()
        } else expect(c.reason).toContain("noEligibleInspector:")
      }
    }
  )

  test.prop([directoryArb.chain((d) => fc.record({ d: fc.constant(d), at: atArb, open: openArb(d) }))])(
    "escalation moves overdue appeals only to a senior inspector of the district",
    ({ d, at, open }) => {
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
    }
  )

  test.prop([directoryArb.chain((d) => fc.record({ d: fc.constant(d), at: atArb, open: openArb(d), to: fc.integer({ min: 0, max: 9 }) }))])(
    "bulk reassignment to a named officer never moves an appeal he may not take",
    ({ d, at, open, to }) => {
      const idx = Assignment.makeIndex(d)
      const target = d.officers[to % Math.max(1, d.officers.length)]
      const r = Assignment.planBulk(idx, open, { kind: "reassign", appealIds: open.map((a) => a.appealId), to: target?.id ?? "O-404", reason: "rebalance" }, { at })
      if (target === undefined) {
        expect(Either.isLeft(r) && r.left._tag).toBe("OfficerNotFound")
        return
      }
      const plan = Either.getOrThrow(r)
      for (const c of plan.commands) {
        const a = open.find((x) => x.appealId === c.appealId)!
        expect(c.reason).toBe("bulk:rebalance")
        expect(conflicted(target, a)).toBe(false)
        expect(Directory.serves(target, a.mahallaCode as Directory.MahallaCode, a.districtCode as Directory.DistrictCode)).toBe(true)
      }
      expect(plan.steps.length).toBe(open.length)
    }
  )
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
