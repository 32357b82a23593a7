/**
 * The model reads only the features it knows, looked up as they are hashed (`extract` with a
 * table). Oracle: the earlier extraction, kept here verbatim (every feature hashed into buffers,
 * then each looked up in the model's table): the fused reading must give exactly the known
 * features of the oracle, in the same order, with the same words, positions and rows, for generated
 * texts in every script and for the corpus.
 */
import { readFileSync } from "node:fs"
import { describe, expect } from "vitest"
import { fc, test } from "@fast-check/vitest"
import { type Bag, bag, extract, maxNgram, NGRAM, PAIR, type Spec, STEM } from "../src/internal/triage/features.js"
import { fold, type Folded } from "../src/internal/triage/fold.js"
import * as Model from "../src/internal/triage/model.js"
import { model as shipped } from "../src/internal/triage/modelData.js"
import { stemEnd } from "../src/internal/triage/stem.js"

// ---- The oracle: the extraction before the fused lookup (issue 13), unchanged. ----
const BEGIN = 0x5e
const END = 0x24
const PRIME = 0x01000193
const mix = (x: number): number => {
  let h = x ^ (x >>> 16)
  h = Math.imul(h, 0x85ebca6b)
  h ^= h >>> 13
  h = Math.imul(h, 0xc2b2ae35)
  h ^= h >>> 16
  return h === 0 ? 1 : h
}
interface Feature {
  readonly hash: number
  readonly word: number
  readonly meta: number
}
const oracleExtract = (f: Folded, spec: Spec, skip?: Uint8Array): Array<Feature> => {
  const out: Array<Feature> = []
  const codes = f.codes
  let wantN = 0
  for (const n of spec.ngrams) if (n >= 1 && n <= maxNgram) wantN |= 1 << n
  let prevStem = 0
  let prevWord = -1
  for (let w = 0; w < f.count; w++) {
    if (f.numeric[w] === 1 || (skip !== undefined && skip[w] === 1)) continue
    const s = f.start[w]!
    const e = f.end[w]!
    const padded = e - s + 2
    if (wantN !== 0) {
      let packed = 0
      for (let j = 0; j < padded; j++) {
        const code = j === 0 ? BEGIN : j === padded - 1 ? END : codes[s + j - 1]!
        packed = ((packed << 7) | (code < 128 ? code : 64 | (code & 63))) & 0xfffffff
        for (let n = 1; n <= maxNgram && n <= j + 1; n++) {
          if ((wantN & (1 << n)) === 0) continue
          out.push({ hash: mix((packed & ((1 << (7 * n)) - 1)) | (n << 28)), word: w, meta: NGRAM | (n << 2) | ((j - n + 1) << 6) })
        }
      }
    }
    if (spec.stems || spec.pairs) {
      const se = stemEnd(codes, s, e)
      let h = 0x9e3779b9 | 0
      for (let j = s; j < se; j++) h = Math.imul(h ^ codes[j]!, PRIME)
      h = mix(h)
      if (spec.stems) out.push({ hash: h, word: w, meta: STEM | ((se - s) << 6) })
      if (spec.pairs && prevWord >= 0) out.push({ hash: mix(Math.imul(prevStem, 31) ^ h ^ 0x5bd1e995), word: w, meta: PAIR | (prevWord << 6) })
      prevStem = h
      prevWord = w
    }
  }
  return out
}
// The earlier lookup: open addressing, fingerprint in the high 16 bits of an entry.
const oracleRow = (c: Model.Compiled, h: number): number => {
  const fp = ((h >>> 16) | 1) & 0xffff
  let i = h & c.mask
  for (;;) {
    const e = c.table[i]!
    if (e === 0) return -1
    if (e >>> 16 === fp) return e & 0xffff
    i = (i + 1) & c.mask
  }
}
// ---- end of the oracle ----

const compiled = Model.compile(shipped)
const specs: ReadonlyArray<Spec> = [shipped.spec, { ngrams: [1, 2, 3, 4], stems: true, pairs: true }, { ngrams: [3], stems: false, pairs: true }, { ngrams: [], stems: true, pairs: false }]

const fused = (f: Folded, spec: Spec, b: Bag, skip?: Uint8Array) => {
  extract(f, spec, b, skip, compiled)
  return Array.from({ length: b.count }, (_, k) => ({ hash: b.hash[k]!, word: b.word[k]!, meta: b.meta[k]!, row: b.row[k]! }))
}
const expected = (f: Folded, spec: Spec, skip?: Uint8Array) =>
  oracleExtract(f, spec, skip).flatMap((x) => {
    const row = oracleRow(compiled, x.hash)
    return row < 0 ? [] : [{ ...x, row }]
  })
const all = (f: Folded, spec: Spec, b: Bag, skip?: Uint8Array) => {
  extract(f, spec, b, skip)
  return Array.from({ length: b.count }, (_, k) => ({ hash: b.hash[k]!, word: b.word[k]!, meta: b.meta[k]! }))
}

const corpus = ["train", "dev"].flatMap((split) =>
  readFileSync(new URL(`./fixtures/triage/${split}.jsonl`, import.meta.url), "utf8")
    .split("\n")
    .filter((l) => l.trim() !== "")
    .map((l) => (JSON.parse(l) as { text: string }).text)
)

// Letters of every script the texts use, apostrophes, digits, punctuation and spaces.
const alphabet = [..."abcdefghijklmnopqrstuvwxyzABCXQ’ʻ'`0123456789 .,!?-абвгдеёжзийклмнопрстуфхцчшщъыьэюяқғҳўАБҚЎ"]
const text = fc.array(fc.constantFrom(...alphabet), { maxLength: 400 }).map((cs) => cs.join(""))

describe("model features: fused lookup equals extraction then lookup (oracle)", () => {
  const b = bag(16)
  test.prop([text, fc.constantFrom(...specs), fc.array(fc.boolean(), { maxLength: 80 })], { numRuns: 400 })("generated texts, any spec, any skipped words", (t, spec, marks) => {
    const f = fold(t)
    const skip = marks.length === 0 ? undefined : Uint8Array.from({ length: f.count }, (_, i) => (marks[i % marks.length] ? 1 : 0))
    expect(fused(f, spec, b, skip)).toEqual(expected(f, spec, skip))
    // Without a table, every feature, as before.
    expect(all(f, spec, b, skip)).toEqual(oracleExtract(f, spec, skip))
  })
  test.prop([fc.constantFrom(...corpus)], { numRuns: 300 })("corpus texts, the shipped spec", (t) => {
    const f = fold(t)
    const got = fused(f, shipped.spec, b)
    expect(got).toEqual(expected(f, shipped.spec))
    // The corpus's texts carry features the model knows (the comparison is not vacuous).
    expect(got.length).toBeGreaterThan(0)
  })
})
