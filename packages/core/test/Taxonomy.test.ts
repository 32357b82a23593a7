import { describe, expect, it } from "vitest"
import { fc, test } from "@fast-check/vitest"
import { Either } from "effect"
import { Directory, Taxonomy } from "@murojaat/core"

describe("Taxonomy", () => {
  it("has about twenty categories, each with four names, a default priority and a valid officer role", () => {
    const cats = Taxonomy.defaults.categories
    expect(cats.length).toBeGreaterThanOrEqual(18)
    expect(cats.length).toBeLessThanOrEqual(25)
    for (const c of cats) {
      for (const l of ["uz-Latn", "uz-Cyrl", "ru", "en"] as const) expect(c.name[l].length).toBeGreaterThan(0)
      expect(Directory.OfficerRole.literals).toContain(c.role)
      expect(Taxonomy.Priority.literals).toContain(c.priority)
    }
  })

  it("names the competent body for categories other bodies handle", () => {
    const forwarded = Taxonomy.defaults.categories.filter((c) => c.competentBody !== undefined).map((c) => c.code)
    expect(forwarded).toEqual(["landDispute", "socialSupport", "housingUtilities"])
  })

  // Missing persons were urgent by category; since issue 13 the urgency detector decides (a person
  // who did not come back and cannot be reached, or is helpless, is urgent; a relative abroad out
  // of touch for months is not), so the category's default is high.
  it("sends complaints about an officer to the district chief and missing persons to a senior inspector, high", () => {
    expect(Taxonomy.category(Taxonomy.defaults, "officerComplaint")).toMatchObject({ role: "districtChief", flags: ["officerComplaint"] })
    expect(Taxonomy.category(Taxonomy.defaults, "missingPerson")).toMatchObject({ role: "seniorInspector", priority: "high" })
  })

  it("has a cue of every kind an urgency rule needs, and unique ids across rules, cues and urgency rules", () => {
    const kinds = new Set(Taxonomy.defaults.cues.map((c) => c.kind))
    for (const u of Taxonomy.defaults.urgency) for (const k of u.when) expect(kinds.has(k)).toBe(true)
    const ids = [...Taxonomy.defaults.rules, ...Taxonomy.defaults.cues, ...Taxonomy.defaults.urgency].map((r) => r.id)
    expect(new Set(ids).size).toBe(ids.length)
    const dup = Taxonomy.check({ ...Taxonomy.defaults, cues: [...Taxonomy.defaults.cues, Taxonomy.defaults.cues[0]!] })
    expect(Either.isLeft(dup) && dup.left.issues[0]?.detail).toMatch(/duplicate id cue\./)
  })

  it("overrides replace the filler list and disable cues and urgency rules by id", () => {
    const t = Either.getOrThrow(Taxonomy.make({ fillers: ["salom"], disable: ["cue.crowd", "urgent.crowdAttack"] }))
    expect(t.fillers).toEqual(["salom"])
    expect(t.cues.some((c) => c.id === "cue.crowd")).toBe(false)
    expect(t.urgency.some((u) => u.id === "urgent.crowdAttack")).toBe(false)
  })

  it("the defaults pass their own integrity check", () => {
    expect(Either.isRight(Taxonomy.check(Taxonomy.defaults))).toBe(true)
  })

  it("refuses duplicate ids and unknown categories", () => {
    const r = Taxonomy.check({ ...Taxonomy.defaults, rules: [...Taxonomy.defaults.rules, Taxonomy.defaults.rules[0]!] })
    expect(Either.isLeft(r) && r.left.issues[0]?.detail).toMatch(/duplicate rule id/)
    const f = Taxonomy.make({ settings: { fallbackCategory: "nowhere" } })
    expect(Either.isLeft(f) && f.left.issues[0]?.path).toBe("settings.fallbackCategory")
  })

  it("overrides a category by code without adding a second one", () => {
    const base = Taxonomy.category(Taxonomy.defaults, "animals")!
    const t = Either.getOrThrow(Taxonomy.make({ categories: [{ ...base, priority: "high" }] }))
    expect(t.categories.length).toBe(Taxonomy.defaults.categories.length)
    expect(Taxonomy.category(t, "animals")?.priority).toBe("high")
  })

  test.prop([fc.constantFrom(...Taxonomy.Priority.literals), fc.constantFrom(...Taxonomy.Priority.literals)])("maxPriority is the more urgent and commutative", (a, b) => {
    const m = Taxonomy.maxPriority(a, b)
    expect(m).toBe(Taxonomy.maxPriority(b, a))
    expect(Taxonomy.rank(m)).toBe(Math.max(Taxonomy.rank(a), Taxonomy.rank(b)))
  })

  test.prop([fc.anything()])("make never throws on any input", (u) => {
    const r = Taxonomy.make(u)
    if (Either.isLeft(r)) expect(r.left._tag).toBe("InvalidInput")
  })
})
