/**
 * Duplicates.Index: what it promises (brief of issue 18: candidates by place and category, not a
 * scan): every appeal of the same applicant, or of the same mahalla with the same triage category
 * or the same address key, is a candidate, and it is suggested exactly when `compare` does not
 * say `distinct`, with the same comparison. Checked over the train and dev pairs, all earlier
 * appeals in one index.
 */
import { readFileSync } from "node:fs"
import { describe, expect, it } from "vitest"
import * as fc from "fast-check"
import { Duplicates } from "@murojaat/core"
import { uzLatnToCyrl } from "./fixtures/uzLatnToCyrl.js"

interface Pair {
  readonly id: string
  readonly a: Duplicates.Appeal
  readonly b: Duplicates.Appeal
}
const pairs: ReadonlyArray<Pair> = ["train", "dev"].flatMap((s) =>
  readFileSync(new URL(`./fixtures/duplicates/${s}.jsonl`, import.meta.url), "utf8")
    .split("\n")
    .filter((l) => l.trim() !== "")
    .map((l) => JSON.parse(l) as Pair)
)

describe("Duplicates.Index", () => {
  const prepared = pairs.map((p) => ({ id: p.id, a: Duplicates.prepare(p.a), b: Duplicates.prepare(p.b) }))
  const index = Duplicates.Index.make()
  for (const p of prepared) index.add(p.id, p.a)

  it("finds every earlier appeal that shares the applicant, or the mahalla and the category or address key", () => {
    let checked = 0
    for (const p of prepared) {
      const sameApplicant = p.a.applicant !== undefined && p.a.applicant === p.b.applicant
      const sameMahalla = p.a.input.mahallaCode === p.b.input.mahallaCode
      const key = Duplicates.addressKey(p.a.input.address)
      const shares = sameApplicant || (sameMahalla && (p.a.category === p.b.category || (key !== undefined && key === Duplicates.addressKey(p.b.input.address))))
      if (!shares) continue
      checked++
      expect(index.candidates(p.b).has(p.id)).toBe(true)
      const direct = Duplicates.comparePrepared(p.a, p.b)
      const found = index.suggest(p.b).find((s) => s.id === p.id)
      if (direct.label === "distinct") expect(found).toBeUndefined()
      else expect(found?.comparison).toEqual(direct)
    }
    expect(checked).toBeGreaterThan(pairs.length / 2)
  })

  it("ranks by score, then id, and leaves distinct ones out", () => {
    for (const p of prepared.slice(0, 40)) {
      const s = index.suggest(p.b)
      for (const x of s) expect(x.comparison.label).not.toBe("distinct")
      for (let i = 1; i < s.length; i++) expect(s[i - 1]!.comparison.score >= s[i]!.comparison.score).toBe(true)
    }
  })

  it("files by category: same mahalla and category, nothing else shared, is a candidate; another mahalla is not", () => {
    const ix = Duplicates.Index.make()
    const base = { submittedAt: "2026-03-01T09:00:00+05:00", status: "open" as const, category: "fraud", text: "Salom" }
    ix.add("a", Duplicates.prepare({ ...base, applicantRef: "sm:u-1", mahallaCode: "M-1", address: "Navoiy 14" }))
    ix.add("b", Duplicates.prepare({ ...base, applicantRef: "sm:u-2", mahallaCode: "M-2", address: "Navoiy 14" }))
    const q = Duplicates.prepare({ ...base, applicantRef: "sm:u-3", mahallaCode: "M-1", address: "Chinor 3" })
    expect([...ix.candidates(q)]).toEqual(["a"])
  })

  it("removes an appeal from every bucket", () => {
    const ix = Duplicates.Index.make()
    const p = prepared[0]!
    ix.add("x", p.a)
    expect(ix.candidates(p.a).has("x")).toBe(true)
    ix.remove("x")
    expect(ix.size).toBe(0)
    expect(ix.candidates(p.a).size).toBe(0)
  })

  it("concept ids are unique, and the bit set scores exactly the concepts the explanation names, past 32 concepts too", () => {
    expect(new Set(Duplicates.lexicon.map((c) => c.id)).size).toBe(Duplicates.lexicon.length)
    // Past 32 concepts the bit set spans several words: concepts i and i + 32 share a bit position,
    // so a bit set folded into one word would score them as shared; the explanation reads the
    // concept sets, not the bits, and is the independent witness.
    expect(Duplicates.lexicon.length).toBeGreaterThan(32)
    const n = Duplicates.lexicon.length
    const appeal = (ref: string, at: string, text: string): Duplicates.Appeal => ({ applicantRef: ref, submittedAt: at, status: "open", mahallaCode: "M-1", address: null, text })
    fc.assert(
      fc.property(fc.integer({ min: 0, max: n - 1 }), fc.integer({ min: 0, max: n - 1 }), fc.boolean(), (i, j, aligned) => {
        // Half the runs pair concepts one word of bits apart, where a one-word bit set collides.
        const k = aligned ? (i + 32) % n : j
        const a = appeal("sm:a", "2026-05-01T10:00:00+05:00", Duplicates.lexicon[i]!.words[0]!.trim())
        const b = appeal("sm:b", "2026-05-01T12:00:00+05:00", Duplicates.lexicon[k]!.words[0]!.trim())
        const signals = Duplicates.compare(a, b).signals.filter((x) => x.signal === "concepts")
        const named = signals[0]!.reason !== "no shared concept"
        expect(signals[0]!.contribution > 0).toBe(named)
        // A first word may be polite filler ("inspektor"), which names no concept at all.
        if (i === k && named) expect(signals[0]!.reason).toContain(Duplicates.lexicon[i]!.id)
      }),
      { numRuns: 400 }
    )
  })
})

describe("Duplicates.lexicon", () => {
  // Entries that, cut to their beginning, are a polite word or a preposition the text drops ("ден"
  // of "деньги" is "день" folded, "с" is "с уважением"): in a sentence they are whole words and match.
  const cut = new Set(["сняли ден", "snyali den", "собирает с", "собирают ден", "inspektor", "инспектор"])
  const entries = Duplicates.lexicon.flatMap((c) => c.words.filter((w) => !cut.has(w)).map((w) => [c.id, w.trim()] as const))
  const at = "2026-05-01T10:00:00+05:00"
  it("every entry alone names its concept, so none is lost to the fold, to filler or to another entry's spelling", () => {
    fc.assert(
      fc.property(fc.constantFrom(...entries), ([id, w]) => {
        expect(Duplicates.prepare({ submittedAt: at, text: w }).text.concepts.has(id)).toBe(true)
      }),
      { numRuns: 400 }
    )
  })
  // The fold makes one entry serve both scripts of Uzbek: an entry in Latin letters names its concept in Cyrillic too.
  const latin = entries.filter(([, w]) => /^[a-zʻ' -]+$/.test(w))
  it("an Uzbek entry written in Cyrillic names the same concept", () => {
    fc.assert(
      fc.property(fc.constantFrom(...latin), ([id, w]) => {
        expect(Duplicates.prepare({ submittedAt: at, text: uzLatnToCyrl(w) }).text.concepts.has(id)).toBe(true)
      }),
      { numRuns: 400 }
    )
  })
})
