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

  it("sends complaints about an officer to the district chief and missing persons as urgent", () => {
    expect(Taxonomy.category(Taxonomy.defaults, "officerComplaint")).toMatchObject({ role: "districtChief", flags: ["officerComplaint"] })
    expect(Taxonomy.category(Taxonomy.defaults, "missingPerson")?.priority).toBe("urgent")
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
