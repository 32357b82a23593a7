/**
 * Duplicates: the brief's definitions as example tables (expected labels from the brief and the
 * law, not from the code), the address key across scripts and languages, the frozen corpus hash,
 * and properties over the tuning pairs (train, dev, test): the place and text score is symmetric, invariant to
 * script (independent transliterators of the fixtures) and apostrophe variants, and unchanged by
 * polite filler.
 */
import { createHash } from "node:crypto"
import { readFileSync } from "node:fs"
import { describe, expect, it } from "vitest"
import { fc, test } from "@fast-check/vitest"
import { Duplicates, Rule } from "@murojaat/core"
import { politeFiller } from "./fixtures/triageExamples.js"
import { uzCyrlToLatn } from "./fixtures/uzCyrlToLatn.js"
import { uzLatnToCyrl } from "./fixtures/uzLatnToCyrl.js"

const dir = new URL("./fixtures/duplicates/", import.meta.url)
interface Pair {
  readonly id: string
  readonly label: Duplicates.Label
  readonly a: Duplicates.Appeal & { readonly lang: string }
  readonly b: Duplicates.Appeal & { readonly lang: string }
}
const load = (split: string): ReadonlyArray<Pair> =>
  readFileSync(new URL(`${split}.jsonl`, dir), "utf8")
    .split("\n")
    .filter((l) => l.trim() !== "")
    .map((l) => JSON.parse(l) as Pair)
// Properties run over the tuning splits (train, dev, test); the held-out split is only for the
// aggregate evaluation and is never read here beyond its hash.
const pairs = [...load("train"), ...load("dev"), ...load("test")]

const M = "1726262-002"
const appeal = (over: Partial<Duplicates.Appeal> & { text: string }): Duplicates.Appeal => ({ applicantRef: "sm:u-1", submittedAt: "2026-03-01T22:00:00+05:00", status: "open", mahallaCode: M, address: "Navoiy koʻchasi 14-uy", ...over })
const noise = "Qoʻshnilar har kecha soat 12 dan keyin baland musiqa qoʻyishadi, bolalar uxlay olmayapti"

describe("Duplicates: the corpus", () => {
  it("the held-out split is the frozen one (its SHA-256 is on its line of FROZEN)", () => {
    const lines = readFileSync(new URL("FROZEN", dir), "utf8").trim().split("\n").map((l) => l.trim().split(/\s+/))
    const holdout = lines.find(([, file]) => file === "holdout3.jsonl")
    expect(holdout?.[0]).toMatch(/^[0-9a-f]{64}$/)
    expect(createHash("sha256").update(readFileSync(new URL("holdout3.jsonl", dir))).digest("hex")).toBe(holdout?.[0])
  })
})

describe("Duplicates: the address key", () => {
  it.each([
    ["Navoiy koʻchasi 14-uy", "ул. Навои, д. 14"],
    ["Navoiy koʻchasi 14-uy", "Navoiy 14"],
    ["Навоий кўчаси 14", "Navoi 14 dom, 3-podyezd, 27-kv"],
    ["Bodomzor ko'chasi 22-uy", "Бадамзар, дом 22"],
    ["Ниёзбек йўли 7-уй", "Niyozbek yo`li 7"],
    ["Navoiy koʻchasi 14-uyda", "ул. Навои, д. 14"],
    ["Шахриобод, 7-й квартал, дом 20, кв 44", "Шаҳриобод 7-мавзе 20-уй"]
  ])("%s and %s are one place", (x, y) => {
    expect(Duplicates.addressKey(x)).toBeDefined()
    expect(Duplicates.addressKey(x)).toBe(Duplicates.addressKey(y))
  })
  // A business named by its kind ("кальянная", "oshxonasi", "кафеси") and a preposition: the street
  // is the name that remains, so the text still says what the kind says (a hookah bar, not a street).
  it.each([
    ["кальянная на Богишамол", "Кальянная работает до 4 утра, там сидят школьники", "Боғишамол кўчаси", "Боғишамолдаги қальянхонага мактаб ўқувчилари киради", "drunk"],
    ["Bodomzor, 'Lazzat' kafe", "Lazzat kafe generatori juda shovqin", "«Лаззат» кафеси, Бодомзор", "Кафенинг генератори кечаси 2 гача ишлайди", "trade"],
    ["Rayhon oshxonasi", "Oshxona yogʻli suvni koʻchaga toʻkadi", "столовая «Райхон»", "Столовая сливает жирную воду на улицу", "water"]
  ])("%s and %s: one street, and the kind of business is still read", (x, tx, y, ty, concept) => {
    const r = Duplicates.compare(appeal({ address: x, text: tx }), appeal({ applicantRef: "sm:u-2", address: y, text: ty }))
    expect(r.signals.find((g) => g.signal === "address")?.reason).toMatch(/^same street/)
    expect(r.signals.find((g) => g.signal === "concepts")?.reason).toContain(concept)
  })
  it.each([
    ["Navoiy 14", "Navoiy 41"],
    ["ул. Навои, д. 14", "Навоий кўчаси 41-уй"],
    ["Niyozbek 1-tor ko'cha, 5-uy", "Niyozbek 2-tor 5"],
    ["Minor 9-uy", "Minor 19"]
  ])("%s and %s are two places", (x, y) => {
    expect(Duplicates.addressKey(x)).not.toBe(Duplicates.addressKey(y))
  })
})

describe("Duplicates: the brief's definitions", () => {
  const a = appeal({ text: noise })
  const later = (hours: number) => new Date(Date.parse(a.submittedAt) + hours * 3_600_000).toISOString()
  it.each<[string, Duplicates.Appeal, Duplicates.Appeal, Duplicates.Label]>([
    ["a re-send in the other script by the same person", a, appeal({ submittedAt: later(0.2), address: "Навоий кўчаси 14-уй", text: uzLatnToCyrl(noise) }), "duplicate"],
    ["the same incident in Russian by a neighbour", a, appeal({ applicantRef: "sm:u-2", submittedAt: later(1), address: "ул. Навои, д. 14", text: "Соседи каждую ночь после 12 громко включают музыку, дети не могут уснуть" }), "duplicate"],
    ["a reminder about a still-open appeal", a, appeal({ submittedAt: later(72), address: null, text: "3 kun oldin musiqa haqida yozgan edim, hech kim kelmadi" }), "reminder"],
    ["the same person after the answer, disputing it (ZRU-445)", { ...a, status: "answered" }, appeal({ submittedAt: later(24 * 30), address: "Navoiy 14", text: "Javobingizga rozi emasman, qoʻshnilar hali ham kechasi baland musiqa qoʻyishadi" }), "repeated"],
    ["the same person after the term ran out (ZRU-445)", { ...a, status: "overdue" }, appeal({ submittedAt: later(24 * 20), address: "Navoiy 14", text: "Kechasi baland musiqa haqidagi arizamga javob yoʻq, muddati oʻtdi" }), "repeated"],
    ["a new occurrence at the same place after an answer", { ...a, status: "answered" }, appeal({ applicantRef: "sm:u-3", submittedAt: later(24 * 25), address: "Navoiy 14-uy", text: "Bugun kechasi yana qoʻshnilar baland musiqa qoʻyishdi, uxlay olmadik" }), "related"],
    ["the same problem at another house of the street", a, appeal({ applicantRef: "sm:u-4", submittedAt: later(1), address: "Navoiy 41", text: noise }), "distinct"],
    ["the same problem in another mahalla", a, appeal({ applicantRef: "sm:u-4", submittedAt: later(1), mahallaCode: "1726262-004", text: noise }), "distinct"],
    ["the same place, another problem", a, appeal({ applicantRef: "sm:u-5", submittedAt: later(2), text: "Kartamdan firibgarlar pul yechib olishdi, SMS kodni soʻrashgan edi" }), "distinct"],
    ["coordinates 400 m apart", { ...a, lat: 41.35, lon: 69.29 }, appeal({ applicantRef: "sm:u-6", submittedAt: later(1), address: null, lat: 41.3536, lon: 69.29, text: noise }), "distinct"]
  ])("%s", (_, x, y, label) => {
    expect(Duplicates.compare(x, y).label).toBe(label)
  })

  it("explains itself: every signal has a reason, the score is the sum of the contributions (clamped)", () => {
    const r = Duplicates.compare(a, appeal({ applicantRef: "sm:u-2", submittedAt: later(1), address: "ул. Навои, д. 14", text: "Соседи ночью громко включают музыку" }))
    for (const s of r.signals) expect(s.reason.length).toBeGreaterThan(0)
    const sum = r.signals.reduce((t, s) => t + s.contribution, 0)
    expect(r.score).toBeCloseTo(Math.max(0, Math.min(1, sum)), 2)
    expect(Duplicates.rules.map((x) => x.id)).toContain(r.ruleId)
  })

  it("refuses malformed input with InvalidInput", () => {
    const r = Duplicates.decide({ submittedAt: "yesterday", text: "x" }, appeal({ text: "y" }))
    expect(r._tag).toBe("Left")
  })
})

const apostrophes = ["ʻ", "'", "`", "‘", "’", "ʼ", ""]
const swapApostrophes = (s: string, to: string) => s.replace(/[ʻ'`‘’ʼ]/g, to)
const scriptVariant = (x: Pair["a"]): Duplicates.Appeal =>
  x.lang === "uz-Latn" ? { ...x, text: uzLatnToCyrl(x.text) } : x.lang === "uz-Cyrl" ? { ...x, text: uzCyrlToLatn(x.text) } : x

describe("Duplicates: the place as an inspector reads it", () => {
  const a = appeal({ text: noise })
  const later = (hours: number) => new Date(Date.parse(a.submittedAt) + hours * 3_600_000).toISOString()
  const neighbour = (over: Partial<Duplicates.Appeal> & { text: string }) => appeal({ applicantRef: "sm:u-9", submittedAt: later(1), ...over })
  const russianNoise = "Соседи каждую ночь после 12 громко включают музыку, дети не могут уснуть"
  it.each<[string, Duplicates.Appeal, Duplicates.Appeal, Duplicates.Label]>([
    ["the next house on the street hears the same night's noise", a, neighbour({ address: "ул. Навои, д. 16", text: russianNoise }), "duplicate"],
    ["a signatory of a collective letter writes alone from his own house, which the letter names", appeal({ address: "Navoiy koʻchasi 2-uy", text: `Jamoaviy ariza. ${noise}. Imzolar: Karimov A. (4-uy), Rustamova D. (6-uy)` }), neighbour({ address: "Navoiy 6", text: russianNoise }), "duplicate"],
    ["the same problem four houses away", a, neighbour({ address: "Navoiy 18", text: noise }), "distinct"],
    ["the same problem on another street and house of the mahalla", appeal({ address: "Shahriobod 5-uy", text: noise }), neighbour({ address: "Qashqar 19-uy", text: noise }), "distinct"],
    ["two applicants at one point on a mahalla border, each giving his own mahalla", { ...a, lat: 41.343, lon: 69.2835 }, neighbour({ mahallaCode: "1726262-001", address: null, lat: 41.3431, lon: 69.2836, text: russianNoise }), "duplicate"],
    ["a lane written with and without its kind", appeal({ address: "Yangiobod tor koʻchasi 6-uy", text: noise }), neighbour({ address: "Yangiobod tor 6", text: russianNoise }), "duplicate"],
    ["a block written as квартал and as mavze", appeal({ address: "Шахриобод, 7-й квартал, дом 20, кв 44", text: noise }), neighbour({ address: "Шаҳриобод 7-мавзе 20-уй", text: russianNoise }), "duplicate"]
  ])("%s", (_, x, y, label) => {
    expect(Duplicates.compare(x, y).label).toBe(label)
  })
  it.each([
    ["Шахриобод, 7-й квартал, дом 20, кв 44", "20"],
    ["Шахриобод 7 кв-л, 20/44", "20"],
    ["Navoiy 14 kv 3", "14"],
    ["Bodomzor 12-uy 3-kv", "12"]
  ])("the house of %s is %s", (address, house) => {
    expect(Duplicates.prepare({ submittedAt: "2026-03-01T09:00:00+05:00", address, text: "x" }).address?.house).toBe(house)
  })
})

describe("Duplicates: what B says about A", () => {
  const a = appeal({ text: noise })
  const later = (hours: number) => new Date(Date.parse(a.submittedAt) + hours * 3_600_000).toISOString()
  it.each<[string, Duplicates.Appeal, Duplicates.Appeal, Duplicates.Label]>([
    ["a short reminder in Russian typed in Latin letters", a, appeal({ submittedAt: later(72), address: null, text: "nu chto tam? nikto tak i ne prishel" }), "reminder"],
    ["a formal request about the progress of one's appeal", a, appeal({ submittedAt: later(24 * 7), address: null, text: "Прошу сообщить о ходе рассмотрения обращения от 01.03.2026. Адвокат Хегай К." }), "reminder"],
    ["a one-line message from the same person days later, in words no cue lists", a, appeal({ submittedAt: later(72), address: null, text: "Nima gap? Kutyapman" }), "reminder"],
    ["the same one-line message within the hour is no reminder of anything", a, appeal({ submittedAt: later(1), address: null, text: "Nima gap? Kutyapman" }), "distinct"],
    ["another neighbour says it is back after the answer", { ...a, status: "answered" }, appeal({ applicantRef: "sm:u-7", submittedAt: later(24 * 25), text: "Yana boshlashdi, bugun ham uxlay olmadik" }), "related"],
    // ZRU-445 and the brief: the applicant asking after his own open appeal is a reminder, however soon.
    ["a one-line note naming the appeal the same evening", a, appeal({ submittedAt: later(3), address: null, text: "Musiqa haqida yozgandim, hali ham baland" }), "reminder"],
    ["the same evening in Russian", a, appeal({ submittedAt: later(5), address: null, text: "Писал про музыку, до сих пор играет" }), "reminder"],
    ["a full rewrite the same night that mentions the first message is still a re-send", a, appeal({ submittedAt: later(2), text: "Yozgan edim: qoʻshnilar har kecha soat 12 dan keyin baland musiqa qoʻyishadi, karnay chalishadi, bolalar uxlay olmayapti, ertalab maktabga turolmaydi" }), "duplicate"]
  ])("%s", (_, x, y, label) => {
    expect(Duplicates.compare(x, y).label).toBe(label)
  })
})

describe("Duplicates: a collective letter and its signatories", () => {
  // The policy (rule duplicates.sameIncident): a signatory writing on his own about the letter's
  // place is on the letter's matter, whatever new detail he adds; at another house he is not.
  const letters = [
    "Navoiy 14-uy aholisidan jamoaviy murojaat: podvalda har kecha qimor oʻynashadi. Imzolar: 23 nafar",
    "Навоий 14-уй аҳолиси номидан: ертўлада ҳар кеча қимор ўйнашади. 31 имзо",
    "Коллективное обращение жильцов дома 14: в подвале каждую ночь играют в карты на деньги. Подписи прилагаем"
  ]
  const signatories = [
    "Я подписывала коллективное письмо. Вчера у подъезда разбили стекло моей машины",
    "Men ham jamoaviy arizaga imzo qoʻyganman. Bugun kechasi mashinamning oynasini sindirishdi",
    "Мен ҳам имзо қўйгандим. Кеча подъезд олдида машинамнинг ойнасини синдиришди"
  ]
  const a = (text: string) => appeal({ applicantRef: "sm:u-10", text })
  const b = (text: string, address: string) => appeal({ applicantRef: "sm:u-11", submittedAt: "2026-03-03T10:00:00+05:00", address, text })
  test.prop([fc.constantFrom(...letters), fc.constantFrom(...signatories)])("a signatory at the letter's house: the same matter; at another house: two places", (x, y) => {
    expect(Duplicates.compare(a(x), b(y, "ул. Навои, д. 14, кв. 9"))).toMatchObject({ label: "duplicate", ruleId: "duplicates.sameIncident" })
    expect(Duplicates.compare(a(x), b(y, "Navoiy koʻchasi 41-uy")).label).toBe("distinct")
  })
  test.prop([fc.constantFrom(...letters), fc.constantFrom(...signatories)])("without the signatory's words, his new problem is another matter", (x, y) => {
    expect(Duplicates.compare(a(x), b(y.replace(/^[^.]*\. /, ""), "ул. Навои, д. 14, кв. 9")).label).toBe("distinct")
  })
})

describe("Duplicates: properties over the tuning pairs", () => {
  const pair = fc.constantFrom(...pairs)
  test.prop([pair], { numRuns: 60 })("the score (place and text) is symmetric", (p) => {
    expect(Duplicates.compare(p.a, p.b).score).toBe(Duplicates.compare(p.b, p.a).score)
  })
  test.prop([pair, fc.constantFrom(...apostrophes)], { numRuns: 60 })("apostrophe variants change nothing", (p, to) => {
    const r = Duplicates.compare(p.a, p.b)
    const v = Duplicates.compare({ ...p.a, text: swapApostrophes(p.a.text, to), address: p.a.address == null ? null : swapApostrophes(p.a.address, to) }, { ...p.b, text: swapApostrophes(p.b.text, to) })
    expect([v.label, v.score]).toEqual([r.label, r.score])
  })
  test.prop([pair.filter((p) => p.a.lang.startsWith("uz") || p.b.lang.startsWith("uz"))], { numRuns: 60 })("Uzbek in the other script changes neither the text signals nor the label", (p) => {
    const r = Duplicates.compare(p.a, p.b)
    const v = Duplicates.compare(scriptVariant(p.a), scriptVariant(p.b))
    const text = (c: Duplicates.Comparison) => c.signals.filter((s) => s.signal === "text" || s.signal === "concepts").map((s) => s.contribution)
    expect(text(v)).toEqual(text(r))
    expect(v.label).toBe(r.label)
  })
  test.prop([pair, fc.constantFrom(...politeFiller), fc.constantFrom(...politeFiller)], { numRuns: 60 })("polite filler before and after changes neither score nor label", (p, before, after) => {
    const r = Duplicates.compare(p.a, p.b)
    const v = Duplicates.compare(p.a, { ...p.b, text: `${before} ${p.b.text} ${after}` })
    expect([v.label, v.score]).toEqual([r.label, r.score])
  })
  const category = (c: Duplicates.Comparison) => c.signals.find((s) => s.signal === "category")!.contribution
  test.prop([pair], { numRuns: 60 })("the category agreement is symmetric and at most the category's weight", (p) => {
    const r = category(Duplicates.compare(p.a, p.b))
    expect(category(Duplicates.compare(p.b, p.a))).toBe(r)
    expect(r).toBeGreaterThanOrEqual(0)
    expect(r).toBeLessThanOrEqual(Duplicates.defaultSettings.weights.category)
  })
  const categories = ["publicOrder", "theftProperty", "fraud", "animals", "minors", "housingUtilities"]
  test.prop([pair, fc.constantFrom(...categories), fc.constantFrom(...categories)], { numRuns: 60 })("recorded categories agree fully when the same and not at all when they differ", (p, x, y) => {
    // A recorded category is certain: there is no second guess to overlap.
    const r = category(Duplicates.compare({ ...p.a, category: x }, { ...p.b, category: y }))
    expect(r).toBe(x === y ? Duplicates.defaultSettings.weights.category : 0)
  })
  // Words over two disjoint alphabets share no trigram and name no concept of the lexicon.
  const words = (letters: string) => fc.array(fc.string({ unit: fc.constantFrom(...letters.split("")), minLength: 3, maxLength: 8 }), { minLength: 2, maxLength: 12 }).map((ws) => ws.join(" "))
  test.prop([pair, words("bdfv"), words("lmnz")], { numRuns: 60 })("the place alone never makes the same matter: one house, one point, one hour, no shared words", (p, x, y) => {
    const at = { ...p.a, applicantRef: "sm:u-1", status: "open" as const, lat: 41.35, lon: 69.29 }
    const r = Duplicates.compare({ ...at, text: x }, { ...at, applicantRef: "sm:u-2", submittedAt: new Date(Date.parse(p.a.submittedAt) + 3_600_000).toISOString(), text: y })
    expect(r.label).toBe("distinct")
  })
})

describe("the rule registry", () => {
  it("lists every rule of the decision procedure with its source, in the duplicates area", () => {
    for (const r of Duplicates.rules) expect(Rule.find(r.id)).toEqual({ id: r.id, area: "duplicates", source: r.source, statement: r.statement })
    expect(Rule.registry.filter((r) => r.area === "duplicates").map((r) => r.id)).toEqual(Duplicates.rules.map((r) => r.id))
  })
})
