import { fc, test } from "@fast-check/vitest"
import { Actor, Appeal, Policy } from "@murojaat/core"
import { Arbitrary, FastCheck } from "effect"
import { describe, expect, it } from "vitest"
import { actors } from "./support/world.js"

const grantees: ReadonlyArray<Policy.Grantee> = [
  "preventionInspector",
  "seniorInspector",
  "womensAffairsInspector",
  "juvenileInspector",
  "probationInspector",
  "districtChief",
  "assignee",
  "applicant",
  "system",
  "integrationSystem"
]
const scopeArb = fc.record({
  mahallaCode: fc.constantFrom("M1", "M2", "M3"),
  districtCode: fc.constantFrom("D1", "D2"),
  assigneeId: fc.constantFrom(undefined, "I1", "W1", "S1"),
  applicantRef: fc.constantFrom(undefined, "u1", "u2"),
  subjectOfficerId: fc.constantFrom(undefined, "I1", "S1", "C1")
})

describe("access policy", () => {
  test.prop([fc.subarray([...grantees]), scopeArb])("an auditor never acts and always reads", (who, scope) => {
    expect(Policy.check(who, Actor.auditor("AUD"), scope)).toEqual({ ok: false, reason: "readOnly" })
    expect(Policy.canRead(Actor.auditor("AUD"), scope)).toBe(true)
  })

  test.prop([fc.subarray([...grantees]), scopeArb, fc.constantFrom(...actors)])("an officer never acts on or reads a complaint about himself", (who, scope, actor) => {
    fc.pre(actor._tag === "officer")
    const s = { ...scope, subjectOfficerId: (actor as Actor.Officer).officerId }
    expect(Policy.check(who, actor, s)).toEqual({ ok: false, reason: "conflictOfInterest" })
    expect(Policy.canRead(actor, s)).toBe(false)
  })

  test.prop([fc.subarray([...grantees]), scopeArb, fc.constantFrom(...actors)])("whoever is allowed to act may also read", (who, scope, actor) => {
    if (Policy.check(who, actor, scope).ok) expect(Policy.canRead(actor, scope)).toBe(true)
  })

  test.prop([fc.subarray([...grantees]), scopeArb, fc.constantFrom(...actors)])("an actor acts only when one of his roles is granted", (who, scope, actor) => {
    const d = Policy.check(who, actor, scope)
    if (d.ok) {
      const viaAssignee = actor._tag === "officer" && who.includes("assignee") && scope.assigneeId === actor.officerId
      expect(viaAssignee || who.includes(d.role as Policy.Grantee) || (d.role === "integrationSystem" && who.includes("integrationSystem"))).toBe(true)
    }
  })

  it.each([
    ["inspector in his mahalla", ["preventionInspector"], "I1", { mahallaCode: "M1", districtCode: "D1" }, { ok: true, role: "preventionInspector" }],
    ["inspector in another mahalla", ["preventionInspector"], "I1", { mahallaCode: "M2", districtCode: "D1" }, { ok: false, reason: "outsideJurisdiction" }],
    ["chief in his district", ["districtChief"], "C1", { mahallaCode: "M2", districtCode: "D1" }, { ok: true, role: "districtChief" }],
    ["chief in another district", ["districtChief"], "C1", { mahallaCode: "M3", districtCode: "D2" }, { ok: false, reason: "outsideJurisdiction" }],
    ["assignee anywhere", ["assignee"], "W1", { mahallaCode: "M3", districtCode: "D2", assigneeId: "W1" }, { ok: true, role: "womensAffairsInspector" }],
    ["not the assignee", ["assignee"], "I1", { mahallaCode: "M1", districtCode: "D1", assigneeId: "W1" }, { ok: false, reason: "notAssignee" }],
    ["role not granted", ["districtChief"], "I1", { mahallaCode: "M1", districtCode: "D1" }, { ok: false, reason: "roleNotAllowed" }]
  ] as const)("%s", (_name, who, officerId, scope, expected) => {
    const actor = actors.find((a) => a._tag === "officer" && a.officerId === officerId)!
    expect(Policy.check(who, actor, scope)).toEqual(expected)
  })

  // Schema-derived arbitraries come from effect's own fast-check, so they run under FastCheck.assert.
  it("masking hides names, contact, residence and digit runs", () =>
    FastCheck.assert(FastCheck.property(Arbitrary.make(Appeal.Personal), (p) => {
    const m = Policy.mask(p)
    if (m.applicant.type === "individual" && p.applicant.type === "individual") {
      for (const k of ["surname", "name", "patronymic"] as const) {
        const v = m.applicant[k]
        if (v !== undefined) for (const w of v.split(" ")) expect(w).toMatch(/^(\S\*{1,8}|\*|)$/)
      }
      if (p.applicant.residence !== undefined) expect(m.applicant.residence).toBe("***")
    }
    const phone = m.applicant.contact.phone
    if (phone !== undefined) expect((phone.match(/\d/g) ?? []).length).toBeLessThanOrEqual(2)
    expect(m.text.body).not.toMatch(/\d{7,}/)
    expect(m.point).toBeUndefined()
    }))
  )
})

describe("masking text", () => {
  test.prop([fc.string(), fc.stringMatching(/^\+?\d{7,15}$/), fc.string()])("no run of seven or more digits survives", (a, digits, b) => {
    const masked = Policy.maskText(`${a} ${digits} ${b}`)
    expect(masked.includes(digits.replace("+", ""))).toBe(false)
    expect(masked.match(/\d{7,}/)).toBeNull()
  })

  it("keeps the last two digits so a reader can tell numbers apart", () => {
    expect(Policy.maskText("Tel: +998901234567")).toBe("Tel: +**********67")
    expect(Policy.maskText("pasport 1234567")).toBe("pasport *****67")
    expect(Policy.maskText("a@b.uz yozing")).toBe("***@*** yozing")
  })
})
