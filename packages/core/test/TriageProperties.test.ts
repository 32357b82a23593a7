/**
 * Properties of triage over the train split's texts and over generated ones: total and
 * deterministic; the same decision in Latin and Cyrillic Uzbek (both directions, the Cyrillic to
 * Latin one by the independent CLDR transliterator) and with every common apostrophe; polite filler
 * changes nothing; a danger sentence makes any appeal urgent.
 */
import { readFileSync } from "node:fs"
import { describe, expect, it } from "vitest"
import { fc, test } from "@fast-check/vitest"
import { Either } from "effect"
import { Normalize, Taxonomy, Triage } from "@murojaat/core"
import { anySettings } from "./fixtures/triageOracle/settings.js"
import { dangerSentences, politeFiller, unsure } from "./fixtures/triageExamples.js"
import { uzCyrlToLatn } from "./fixtures/uzCyrlToLatn.js"
import { uzLatnToCyrl } from "./fixtures/uzLatnToCyrl.js"

interface Item {
  readonly id: string
  readonly lang: string
  readonly text: string
}
const train: ReadonlyArray<Item> = readFileSync(new URL("./fixtures/triage/train.jsonl", import.meta.url), "utf8")
  .split("\n")
  .filter((l) => l.trim() !== "")
  .map((l) => JSON.parse(l) as Item)

const decision = (r: Triage.Result) => ({
  category: r.category,
  priority: r.priority,
  flags: r.flags,
  confidence: r.confidence,
  needsPerson: r.needsPerson,
  ruleIds: r.ruleIds,
  signals: r.signals,
  urgency: r.urgency.level,
  probability: r.urgency.probability
})

const uzLatn = train.filter((i) => i.lang === "uz-Latn").map((i) => i.text)
const uzCyrl = train.filter((i) => i.lang === "uz-Cyrl").map((i) => i.text)
const vocabulary = [...new Set(uzLatn.flatMap((t) => t.split(/\s+/)))]
/** Latin Uzbek: texts of the corpus, and word salads of its words with random punctuation. */
const latinText = fc.oneof(
  fc.constantFrom(...uzLatn),
  fc.array(fc.tuple(fc.constantFrom(...vocabulary), fc.constantFrom(" ", ", ", ". ", " ")), { minLength: 1, maxLength: 30 }).map((ws) => ws.map(([w, p]) => w + p).join(""))
)
const anyText = fc.oneof(fc.string({ maxLength: 300 }), fc.string({ unit: "binary", maxLength: 300 }), latinText, fc.constantFrom(...train.map((i) => i.text)))
const apostrophe = /[\u0027\u0060\u2018\u2019\u02BB\u02BC\u00B4\u02B9\u2032\u201B\u02BD]/g

describe("Triage properties", () => {
  test.prop([anyText])("total: any string gives a well-formed result", (s) => {
    const r = Triage.classify(s)
    expect(Taxonomy.Priority.literals).toContain(r.priority)
    expect(r.confidence).toBeGreaterThanOrEqual(0)
    expect(r.confidence).toBeLessThanOrEqual(1)
    expect(Triage.defaultEngine.taxonomy.categories.map((c) => c.code)).toContain(r.category)
    expect(["urgent", "unsure", "none"]).toContain(r.urgency.level)
    if (r.urgency.level !== "none") expect(r.priority).toBe("urgent")
    if (r.urgency.level === "unsure") expect(r.needsPerson).toBe(true)
  })

  it("total on a huge and a binary-looking text", () => {
    const huge = train.map((i) => i.text).join(" ").slice(0, Taxonomy.defaultSettings.maxChars)
    expect(Triage.decide(huge)._tag).toBe("Right")
    const binary = Array.from({ length: 5000 }, (_, i) => String.fromCharCode((i * 7919) % 65536)).join("")
    expect(Triage.classify(binary).category).toBeTypeOf("string")
    expect(Triage.classify("\u0000\uFFFF\uD800").needsPerson).toBe(true)
  })

  // Texts no rule matches (other scripts, digits, filler, nothing) beside the corpus's.
  const unmatched = fc.oneof(fc.constantFrom("", " ", "Salom", "12345", "中文 λ Ω", "Assalomu alaykum", "😀"), fc.string({ unit: "grapheme", maxLength: 50 }))
  // A taxonomy is compiled on first use (tens of ms), so each run classifies several texts.
  test.prop([anySettings, fc.array(fc.oneof(anyText, unmatched), { minLength: 1, maxLength: 8 }), fc.boolean()], { numRuns: 60 })(
    "total on any valid settings (minScore 0 included): never throws, and no rule score gives no rule category",
    (settings, ts, withModel) => {
      const taxonomy = Either.getOrThrow(Taxonomy.make({ settings }))
      const engine = Triage.make(taxonomy, withModel ? {} : { classifier: null })
      for (const s of ts) {
        const r = Triage.classify(s, engine)
        // Every lazy part read as well.
        expect(() => JSON.stringify(r)).not.toThrow()
        expect(taxonomy.categories.map((c) => c.code)).toContain(r.category)
        expect(r.confidence).toBeGreaterThanOrEqual(0)
        expect(r.confidence).toBeLessThanOrEqual(1)
        if (r.scores.length === 0) expect(r.decidedBy).not.toBe("rules")
        if (r.decidedBy === "fallback") expect(r.category).toBe(settings.fallbackCategory)
      }
    }
  )

  test.prop([anyText])("deterministic (the explanation too)", (s) => {
    expect(Triage.classify(s)).toEqual(Triage.classify(s))
  })

  test.prop([latinText])("the same decision in Latin and in Cyrillic Uzbek", (latin) => {
    expect(decision(Triage.classify(uzLatnToCyrl(latin)))).toEqual(decision(Triage.classify(latin)))
  })

  test.prop([fc.constantFrom(...uzCyrl)])("the same decision in Cyrillic and in its CLDR (ICU uz_Cyrl-uz_Latn) transliteration", (cyrillic) => {
    expect(decision(Triage.classify(uzCyrlToLatn(cyrillic)))).toEqual(decision(Triage.classify(cyrillic)))
  })

  test.prop([latinText, fc.constantFrom("\u02BB", "\u2019", "'", "`", "")])("the same decision with any common apostrophe, or none", (latin, variant) => {
    expect(decision(Triage.classify(latin.replace(apostrophe, variant)))).toEqual(decision(Triage.classify(latin)))
  })

  test.prop([anyText, fc.subarray([...politeFiller], { minLength: 1, maxLength: 3 }), fc.constantFrom("before", "after", "both")])(
    "polite filler before or after an appeal changes nothing",
    (s, filler, where) => {
      const before = where === "after" ? "" : `${filler.join(" ")} `
      const after = where === "before" ? "" : ` ${filler.join(" ")}`
      const plain = Triage.classify(`.${s}.`)
      const polite = Triage.classify(`${before}.${s}.${after}`)
      expect(polite.category).toBe(plain.category)
      expect(decision(polite)).toEqual(decision(plain))
    }
  )

  test.prop([anyText, fc.constantFrom(...dangerSentences)])("a danger sentence makes any appeal urgent, and never lowers its priority", (s, danger) => {
    const before = Triage.classify(s)
    const after = Triage.classify(`${s}\n${danger}`)
    expect(after.urgency.level).toBe("urgent")
    expect(after.priority).toBe("urgent")
    expect(Taxonomy.rank(after.priority)).toBeGreaterThanOrEqual(Taxonomy.rank(before.priority))
  })

  test.prop([anyText, fc.constantFrom(...unsure.map((u) => u.text))])("a danger sign alone is never silently normal: the appeal goes to a person, urgent", (s, sign) => {
    const r = Triage.classify(`${s}\n${sign}`)
    expect(r.urgency.level).not.toBe("none")
    expect(r.priority).toBe("urgent")
    expect(r.needsPerson || r.urgency.level === "urgent").toBe(true)
  })

  test.prop([fc.constantFrom(...uzCyrl)])("folding is invariant under the CLDR transliteration (the keys the rules and the model read)", (cyrillic) => {
    expect(Normalize.foldedKeys(Normalize.fold(uzCyrlToLatn(cyrillic)))).toEqual(Normalize.foldedKeys(Normalize.fold(cyrillic)))
  })
})
