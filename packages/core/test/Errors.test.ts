import { AppealState, Errors, I18n } from "@murojaat/core"
import { describe, expect, it } from "vitest"

// Every error class the module exports, found at run time (a `Schema.TaggedError` class carries its
// `_tag`), so an error added without a catalogue entry or messages cannot slip past the compiler's
// exhaustive maps by not being in the `MurojaatError` union.
const errorClasses = Object.entries(Errors).flatMap(([name, v]) =>
  typeof v === "function" && v.prototype instanceof Error && typeof (v as { _tag?: unknown })._tag === "string" ? [[name, (v as { _tag: string })._tag] as const] : []
)

describe("error catalogue", () => {
  it("every error class exported is in the catalogue under its own name, and the catalogue has nothing else", () => {
    expect(errorClasses.length).toBeGreaterThanOrEqual(12)
    for (const [name, tag] of errorClasses) expect(tag).toBe(name)
    expect(Errors.catalogue.map((e) => e.code).sort()).toEqual(errorClasses.map(([, tag]) => tag).sort())
  })

  it.each(errorClasses.map(([, tag]) => [tag] as const))("%s has its four messages: uz-Latn, uz-Cyrl, ru, en", (tag) => {
    const entry = Errors.catalogue.find((e) => e.code === tag)!
    const m = Errors.messages(entry.example)
    expect(Object.keys(m).sort()).toEqual(["en", "ru", "uz-Cyrl", "uz-Latn"])
    expect([...I18n.locales].sort()).toEqual(["en", "ru", "uz-Cyrl", "uz-Latn"])
    for (const l of I18n.locales) {
      expect(typeof m[l]).toBe("string")
      expect(m[l].trim().length, `${tag} ${l}`).toBeGreaterThan(5)
      expect(Errors.messageIn(entry.example, l)).toBe(m[l])
    }
  })

  it("codes are unique and each example carries its code", () => {
    const codes = Errors.catalogue.map((e) => e.code)
    expect(new Set(codes).size).toBe(codes.length)
    for (const e of Errors.catalogue) expect(e.example._tag).toBe(e.code)
  })

  it.each(Errors.catalogue.map((e) => [e.code, e] as const))("%s has four distinct, non-empty messages and an English `message`", (_code, entry) => {
    const m = Errors.messages(entry.example)
    for (const l of I18n.locales) expect(m[l].trim().length).toBeGreaterThan(5)
    expect(new Set(I18n.locales.map((l) => m[l])).size).toBe(4)
    expect(entry.example.message).toBe(m.en)
    expect(Errors.isMurojaatError(entry.example)).toBe(true)
    expect(entry.example).toBeInstanceOf(Error)
  })

  it("Cyrillic Uzbek messages are in Cyrillic and Latin ones in Latin", () => {
    for (const e of Errors.catalogue) {
      const m = Errors.messages(e.example)
      expect(/[А-Яа-яЎўҚқҒғҲҳ]/.test(m["uz-Cyrl"])).toBe(true)
      expect(/[А-Яа-яЎўҚқҒғҲҳ]/.test(m["uz-Latn"])).toBe(false)
    }
  })

  it("every refusal reason and every no-candidate reason reads in all four languages", () => {
    for (const reason of Errors.RefusalReason.literals) {
      const m = Errors.messages(new Errors.NotAuthorized({ actor: "officer:O-1", command: "answer", reason }))
      expect(new Set(I18n.locales.map((l) => m[l])).size).toBe(4)
      for (const l of I18n.locales) expect(m[l]).not.toContain("undefined")
    }
    for (const reason of Errors.NoCandidateReason.literals) {
      const m = Errors.messages(new Errors.NoEligibleInspector({ appealId: "A-1", mahallaCode: "M1", districtCode: "D1", reason, chiefOfficerIds: [], excluded: [], rules: [] }))
      for (const l of I18n.locales) expect(m[l]).not.toContain("undefined")
    }
  })

  it("a new instance's message is its English text (each class's own getter)", () => {
    const e = new Errors.RuleViolation({ appealId: "A-9", rule: "extension.once", source: "ZRU-445 Art. 28" })
    expect(e.message).toBe("Rule extension.once (ZRU-445 Art. 28) refuses this for appeal A-9")
    expect(String(e)).toContain("RuleViolation")
  })

  it("retryable store failures are exactly the transient ones", () => {
    const retryable = Errors.StoreFailure.literals.filter((reason) => new Errors.StoreError({ port: "p", reason, detail: "" }).isRetryable)
    expect(retryable).toEqual(["unavailable", "timeout", "serialization"])
  })

  it("non-errors are not mistaken for errors", () => {
    expect(Errors.isMurojaatError({ _tag: "Something" })).toBe(false)
    expect(Errors.isMurojaatError(new Error("x"))).toBe(false)
    expect(Errors.isMurojaatError(null)).toBe(false)
  })
})

describe("status names", () => {
  it("every status has a distinct name in each of the four languages, in the right script", () => {
    for (const l of I18n.locales) {
      const all = AppealState.Status.literals.map((st) => AppealState.names[st][l])
      expect(new Set(all).size).toBe(all.length)
      for (const n of all) expect(n.trim().length).toBeGreaterThan(3)
    }
    for (const st of AppealState.Status.literals) {
      expect(/[А-Яа-яЎўҚқҒғҲҳ]/.test(AppealState.names[st]["uz-Cyrl"])).toBe(true)
      expect(/[А-Яа-я]/.test(AppealState.names[st]["uz-Latn"])).toBe(false)
    }
  })
})
