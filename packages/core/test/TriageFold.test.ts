/**
 * The fold's tight loop (issue 13, third round) gives exactly what the fold before it gave (kept
 * verbatim in fixtures/triageFoldBefore.ts), for generated texts in every script the appeals use,
 * with marks, apostrophes, digits, punctuation and code units beyond the table, and for the corpus.
 */
import { readFileSync } from "node:fs"
import { describe, expect } from "vitest"
import { fc, test } from "@fast-check/vitest"
import { fold, foldInto, scratch } from "../src/internal/triage/fold.js"
import { fold as before } from "./fixtures/triageFoldBefore.js"

const corpus = ["train", "dev"].flatMap((split) =>
  readFileSync(new URL(`./fixtures/triage/${split}.jsonl`, import.meta.url), "utf8")
    .split("\n")
    .filter((l) => l.trim() !== "")
    .map((l) => (JSON.parse(l) as { text: string }).text)
)

// Latin, Uzbek and Russian Cyrillic (е after vowels, ъ, ь), older Turkic letters, every apostrophe
// variant, combining marks, digits, clause and sentence marks, dashes, the ellipsis, a Greek and a
// CJK letter, a superscript digit, a lone surrogate.
const alphabet = [
  ..."abcdefghijklmnopqrstuvwxyzABCHQXWcCh ",
  ..."абвгдеёжзийклмнопрстуфхцчшщъыьэюяқғҳўАЕЁЪЬҚҒҲЎ",
  ..."şçğöüıéèàáñíóúŞÇĞÖÜ",
  "'", "`", "\u2018", "\u2019", "\u02bb", "\u02bc", "\u00b4", "\u02b9", "\u2032", "\u201b", "\u02bd",
  "\u0301", "\u0308", ..."0123456789", ..."¹²", ..."  .,;:()!?\n\r-", "\u2013", "\u2014", "\u2026", "λ", "Ω", "中", "\ud800"
]
const text = fc.array(fc.constantFrom(...alphabet), { maxLength: 300 }).map((cs) => cs.join(""))

describe("fold: the tight loop equals the fold before it (oracle)", () => {
  const s = scratch()
  test.prop([fc.oneof(text, fc.constantFrom(...corpus))], { numRuns: 2000 })("same words, keys, offsets, clauses, sentences", (t) => {
    const want = before(t)
    expect(fold(t)).toEqual(want)
    // The reused scratch gives the same (after any earlier, longer text).
    const r = foldInto(s, t)
    expect(r.count).toBe(want.count)
    expect(Array.from(r.codes.subarray(0, want.codes.length))).toEqual(Array.from(want.codes))
    expect(Array.from(r.from.subarray(0, want.count))).toEqual(Array.from(want.from))
  })
})

// The fold's short path for ASCII letters inside a word (`| 0x20`, no table): every printable ASCII
// unit, with the neighbours of the letter ranges ("@", "[", "`", "{") that `| 0x20` must not take
// for letters, between Cyrillic letters and е.
describe("fold: ASCII runs equal the fold before it (oracle)", () => {
  const ascii = [...Array.from({ length: 95 }, (_, i) => String.fromCharCode(32 + i)), ..."еЕкўъ", "\u02bc", "\u0301"]
  const mixed = fc.array(fc.constantFrom(...ascii), { maxLength: 200 }).map((cs) => cs.join(""))
  test.prop([mixed], { numRuns: 2000 })("same words, keys, offsets, clauses, sentences", (t) => {
    expect(fold(t)).toEqual(before(t))
  })
})
