import { describe, expect, it } from "vitest"
import { fc, test } from "@fast-check/vitest"
import { Either } from "effect"
import { Normalize, Taxonomy, Triage } from "@murojaat/core"
import { corpus, toPair } from "./fixtures/triage-corpus.js"
import { uzLatnToCyrl } from "./fixtures/uzLatnToCyrl.js"

const decision = (r: Triage.Result) => ({
  category: r.category,
  priority: r.priority,
  flags: r.flags,
  confidence: r.confidence,
  needsPerson: r.needsPerson,
  ruleIds: r.ruleIds,
  signals: r.signals
})

const uzLatn = corpus.filter((i) => i.lang === "uz-Latn")
const vocabulary = [...new Set(uzLatn.flatMap((i) => i.text.split(/\s+/)))]
/** Latin Uzbek texts built from the corpus's words, with random punctuation. */
const latinText = fc.oneof(
  fc.constantFrom(...uzLatn.map((i) => i.text)),
  fc.array(fc.tuple(fc.constantFrom(...vocabulary), fc.constantFrom(" ", ", ", ". ", " ")), { minLength: 1, maxLength: 25 }).map((ws) => ws.map(([w, p]) => w + p).join(""))
)
const anyText = fc.oneof(fc.string({ maxLength: 200 }), fc.string({ unit: "binary", maxLength: 200 }), latinText, fc.constantFrom(...corpus.map((i) => i.text)))
const urgentPhrases = ["Qoʻshnim pichoq bilan qoʻrqitdi", "Муж сказал, что убьет меня", "Erim hozir meni uryapti", "Ўғлим уйга қайтмади", "Сейчас во дворе избивают человека, помогите", "Ҳовлида милтиқ бор"]

describe("Triage rules", () => {
  it.each(Taxonomy.defaults.rules.flatMap((r) => r.examples.map((e) => [r.id, e] as const)))("rule %s fires on its example %s", (id, example) => {
    expect(Triage.classify(example).ruleIds).toContain(id)
  })

  it("never misses an urgent appeal of the corpus (urgent recall 100%)", () => {
    const missed = corpus.filter((i) => i.urgent && Triage.classify(i.text).priority !== "urgent").map((i) => i.id)
    expect(missed).toEqual([])
  })

  it("classifies the corpus well (see pnpm triage:eval for the full report)", () => {
    const rep = Triage.report(corpus.map((i) => toPair(i, Triage.classify(i.text))))
    expect(rep.total).toBeGreaterThanOrEqual(200)
    expect(rep.urgentRecall).toBe(1)
    expect(rep.accuracy).toBeGreaterThan(0.85)
  })

  it("explains itself: rule ids and the citizen's own words", () => {
    const r = Triage.classify("Эрим мени пичоқ билан ўлдираман деб қўрқитди")
    expect(r.priority).toBe("urgent")
    expect(r.signals).toEqual(["threatToLife", "weapon"])
    expect(r.category).toBe("domesticViolence")
    expect(r.flags).toEqual(expect.arrayContaining(["domesticViolence", "suspectedCrime", "threatToSafety"]))
    expect(r.matches.find((m) => m.ruleId === "signal.weapon")?.words).toEqual(["пичоқ"])
    for (const l of ["uz-Latn", "uz-Cyrl", "ru", "en"] as const) expect(r.explanation[l]).toContain("signal.weapon")
  })

  it("needs a person when evidence is weak, never a silent guess", () => {
    const r = Triage.classify("Salom, iltimos men bilan bogʻlaning")
    expect(r).toMatchObject({ category: "other", needsPerson: true, confidence: 0, ruleIds: [] })
  })

  it.each([
    ["Qoʻshnimda qurol yoʻq, lekin shovqin qiladi", "signal.weapon"],
    ["Сосед не угрожал, просто шумит", "violence.threat"],
    ["Erim meni urmadi, faqat soʻkdi", "dv.violence"],
    ["U qurolsiz edi", "signal.weapon"]
  ])("negation: %s does not fire %s", (text, id) => {
    expect(Triage.classify(text).ruleIds).not.toContain(id)
  })

  it("routes forwarded categories to their competent body", () => {
    const r = Triage.classify("Mahallamizda uch kundan beri gaz yoʻq")
    expect(r.category).toBe("housingUtilities")
    expect(Taxonomy.category(Triage.defaultEngine.taxonomy, r.category)?.competentBody?.en).toBe("District (city) khokimiyat")
  })

  it("lets operators add and override rules and categories as data", () => {
    const engine = Either.getOrThrow(
      Triage.fromOverrides({
        categories: [{ code: "graffiti", name: { "uz-Latn": "Devoriy yozuv", "uz-Cyrl": "Деворий ёзув", ru: "Граффити", en: "Graffiti" }, priority: "low", role: "preventionInspector", flags: [], note: "Paint." }],
        rules: [{ id: "local.graffiti", category: "graffiti", weight: 3, match: ["devorga yoz", "граффити"], note: "Graffiti", examples: ["Devorga yozib ketishdi"] }],
        disable: ["animals.dog"],
        settings: { minConfidence: 0.9 }
      })
    )
    expect(Triage.classify("Devorga yozib ketishdi", engine).category).toBe("graffiti")
    expect(Triage.classify("Кучада итлар кўп", engine).ruleIds).not.toContain("animals.dog")
  })

  it("refuses invalid operator data with InvalidInput naming the field", () => {
    const bad = Triage.fromOverrides({ rules: [{ id: "x.y", category: "nope", match: ["a b c"], note: "", examples: [] }] })
    expect(Either.isLeft(bad) && bad.left._tag).toBe("InvalidInput")
    expect(Either.isLeft(bad) && bad.left.issues.map((i) => [i.path.replace(/\d+/, "N"), i.detail])).toEqual([["rules.N.category", "unknown category nope"]])
    const wrongType = Triage.fromOverrides({ settings: { minConfidence: "high" } })
    expect(Either.isLeft(wrongType) && wrongType.left.issues[0]?.path).toBe("settings.minConfidence")
  })

  it("decide: non-strings and over-long texts are typed errors", () => {
    expect(Either.isLeft(Triage.decide(42))).toBe(true)
    expect(Either.isLeft(Triage.decide(null))).toBe(true)
    const tooLong = Triage.decide("a".repeat(Taxonomy.defaultSettings.maxChars + 1))
    expect(Either.isLeft(tooLong) && tooLong.left.issues[0]?.problem).toBe("invalidValue")
    expect(Either.isRight(Triage.decide("Ўғлим уйга қайтмади"))).toBe(true)
  })

  it("gives the triaged event data", () => {
    expect(Object.keys(Triage.toEventData(Triage.classify("salom")))).toEqual(["category", "priority", "flags", "confidence", "needsPerson", "ruleIds"])
  })
})

describe("Triage properties", () => {
  test.prop([anyText])("total: any string gives a well-formed result", (s) => {
    const r = Triage.classify(s)
    expect(Taxonomy.Priority.literals).toContain(r.priority)
    expect(r.confidence).toBeGreaterThanOrEqual(0)
    expect(r.confidence).toBeLessThanOrEqual(1)
    expect(Triage.defaultEngine.taxonomy.categories.map((c) => c.code)).toContain(r.category)
    if (r.ruleIds.length === 0) expect(r.needsPerson).toBe(true)
  })

  it("total on a huge and a binary-looking text", () => {
    const huge = corpus.map((i) => i.text).join(" ").repeat(20).slice(0, Taxonomy.defaultSettings.maxChars)
    expect(Either.isRight(Triage.decide(huge))).toBe(true)
    const binary = Array.from({ length: 5000 }, (_, i) => String.fromCharCode((i * 7919) % 65536)).join("")
    expect(Triage.classify(binary).category).toBeTypeOf("string")
    expect(Triage.classify("\u0000\uFFFF\uD800").needsPerson).toBe(true)
  })

  test.prop([anyText])("deterministic", (s) => {
    expect(Triage.classify(s)).toEqual(Triage.classify(s))
  })

  test.prop([latinText])("invariant under script: Latin and Cyrillic Uzbek of the same text", (latin) => {
    expect(decision(Triage.classify(uzLatnToCyrl(latin)))).toEqual(decision(Triage.classify(latin)))
  })

  test.prop([latinText, fc.array(fc.constantFrom(...Normalize.apostrophes), { minLength: 1 })])("invariant under apostrophe variants", (latin, variants) => {
    let n = 0
    const varied = latin.replace(/[\u02BB\u02BC']/g, () => variants[n++ % variants.length]!)
    expect(decision(Triage.classify(varied))).toEqual(decision(Triage.classify(latin)))
  })

  test.prop([anyText, fc.constantFrom(...urgentPhrases)])("adding an urgent phrase never lowers priority (and makes it urgent)", (s, phrase) => {
    const before = Triage.classify(s)
    const after = Triage.classify(`${s}. ${phrase}`)
    expect(Taxonomy.rank(after.priority)).toBeGreaterThanOrEqual(Taxonomy.rank(before.priority))
    expect(after.priority).toBe("urgent")
  })
})

describe("Triage accuracy report from inspectors' corrections", () => {
  it("counts corrections as errors and uncorrected triage as right", () => {
    const r = Triage.reportFromEvents([
      { appealId: "A-1", seq: 2, type: "triaged", data: { category: "other", priority: "normal", flags: [], needsPerson: true } },
      { appealId: "A-1", seq: 5, type: "triageCorrected", data: { category: "fraud", priority: "normal", flags: ["suspectedCrime"], reason: "card fraud", previous: { category: "other", priority: "normal", flags: [] } } },
      { appealId: "A-2", seq: 2, type: "triaged", data: { category: "fraud", priority: "normal", flags: [] } },
      { appealId: "A-3", seq: 2, type: "triaged", data: { category: "missingPerson", priority: "normal", flags: [] } },
      { appealId: "A-3", seq: 4, type: "triageCorrected", data: { category: "missingPerson", priority: "urgent", flags: [], reason: "child", previous: { category: "missingPerson", priority: "normal", flags: [] } } },
      { appealId: "A-4", seq: 1, type: "received", data: { text: "..." } }
    ])
    expect(r).toMatchObject({ total: 3, correct: 2, corrected: 2, needsPerson: 1, urgentActual: 1, urgentFound: 0, urgentRecall: 0, underPrioritised: 1 })
    expect(r.perCategory.find((s) => s.name === "fraud")).toMatchObject({ support: 2, predicted: 1, precision: 1, recall: 0.5 })
    expect(r.confusions).toEqual([{ actual: "fraud", predicted: "other", count: 1 }])
  })
})
