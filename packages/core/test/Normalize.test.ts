import { describe, expect, it } from "vitest"
import { fc, test } from "@fast-check/vitest"
import { Normalize } from "@murojaat/core"
import { uzLatnToCyrl } from "./fixtures/uzLatnToCyrl.js"

const word = fc.stringMatching(/^[a-z]{1,6}(o\u02BB|g\u02BB|sh|ch)?[a-z]{0,6}$/)

describe("Normalize", () => {
  it.each([
    ["Ўғлим", "Oʻgʻlim"],
    ["Ерим ўғлимни урди", "Yerim oʻgʻlimni urdi"],
    ["Шаҳар", "Shahar"],
    ["ШАҲАР", "SHAHAR"],
    ["объект", "obʼyekt"],
    ["поезд", "poyezd"],
    ["мева", "meva"],
    ["Эшик", "Eshik"],
    ["цех", "tsex"]
  ])("CLDR Cyrillic to Latin: %s -> %s", (cyr, latin) => {
    expect(Normalize.toLatin(cyr)).toBe(latin)
  })

  it("makes every apostrophe variant canonical", () => {
    for (const a of Normalize.apostrophes) expect(Normalize.fixApostrophes(`o${a}g${a}il ma${a}lumot`)).toBe("oʻgʻil maʼlumot")
  })

  it("normalises case, numbers and spacing", () => {
    expect(Normalize.normalize("  ҚЎШНИМ   15-ёшли   боламни 2марта урди ")).toBe("qoʻshnim 15 yoshli bolamni 2 marta urdi")
  })

  it("folds Russian-keyboard Cyrillic and missing apostrophes to one key", () => {
    const keys = ["qoʻshni", "qo'shni", "qoshni", "қўшни", "QO`SHNI"].map(Normalize.key)
    expect(new Set(keys).size).toBe(1)
    expect(Normalize.keyVariants("qoʻshni")).toContain(Normalize.key("кушни"))
  })

  it("stems Uzbek and Russian suffixes", () => {
    expect(Normalize.stem(Normalize.key("qoʻshnilarimizdan"))).toBe(Normalize.stem(Normalize.key("qoʻshnidan")))
    expect(Normalize.stem(Normalize.key("oʻldiraman"))).toBe(Normalize.stem(Normalize.key("oʻldirdi")))
    expect(Normalize.stem(Normalize.key("угрожает"))).toBe(Normalize.stem(Normalize.key("угрожал")))
  })

  it("splits clauses and sentences", () => {
    expect(Normalize.tokens("Ўғлим йўқолди. Ёрдам беринг, тез!").map((t) => [t.clause, t.sentence])).toEqual([[0, 0], [0, 0], [1, 1], [1, 1], [2, 1]])
  })

  test.prop([fc.array(word, { minLength: 1, maxLength: 8 })])("Latin and Cyrillic Uzbek give the same keys", (words) => {
    const latin = words.join(" ")
    expect(Normalize.tokens(uzLatnToCyrl(latin)).map((t) => t.key)).toEqual(Normalize.tokens(latin).map((t) => t.key))
  })

  test.prop([fc.string({ unit: "binary", maxLength: 300 })])("tokens is total and offsets point into the text", (s) => {
    for (const t of Normalize.tokens(s)) expect(s.slice(t.start, t.end)).toBe(t.text)
  })

  it("folds a text in one pass: keys, offsets, clauses and sentences, numbers apart", () => {
    const text = "Qoʻshnim 15-yoshli oʻgʻlimni urdi. Ёрдам беринг, тез!"
    const f = Normalize.fold(text)
    expect(Normalize.foldedKeys(f)).toEqual(["koshnim", "15", "yoshli", "oglimni", "urdi", "yordam", "bering", "tez"])
    expect(Array.from(f.numeric)).toEqual([0, 1, 0, 0, 0, 0, 0, 0])
    expect(Array.from(f.sentence)).toEqual([0, 0, 0, 0, 0, 1, 1, 1])
    expect(Array.from(f.clause)).toEqual([0, 0, 0, 0, 0, 1, 1, 2])
    expect(text.slice(f.from[3], f.to[3])).toBe("oʻgʻlimni")
  })

  test.prop([fc.string({ maxLength: 200 })])("fold gives each word the key of its text (one implementation)", (s) => {
    const f = Normalize.fold(s)
    const keys = Normalize.foldedKeys(f)
    for (let i = 0; i < f.count; i++) expect(Normalize.key(s.slice(f.from[i], f.to[i]))).toBe(keys[i])
  })

  test.prop([fc.string({ maxLength: 40 })])("stem never grows a key and keeps at least minStem letters when it cuts", (s) => {
    const k = Normalize.key(s)
    const st = Normalize.stem(k)
    expect(k.startsWith(st)).toBe(true)
    if (st !== k) expect(st.length).toBeGreaterThanOrEqual(Normalize.minStem)
  })
})
