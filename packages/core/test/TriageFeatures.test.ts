/**
 * The model's features and its scoring (issue 13, third round). Oracles: the extraction before the
 * fused lookup (kept here verbatim: every feature hashed into buffers), which `extract` must equal
 * with or without the feature positions; and a plain reading of the serialised model (base64
 * decoded with Node's Buffer, rows in a Map, float64 arithmetic, the formula of `Triage.Model`'s
 * documentation: each row a feature falls in counts once, 1/√rows), which the compiled table and
 * its integer sums must equal.
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
// ---- end of the oracle ----

// The model read as its documentation describes it, independently of model.ts.
const oracleModel = (m: Model.Model) => {
  const bytes = (b64: string) => Buffer.from(b64.replace(/\s+/g, ""), "base64")
  const listed = bytes(m.hashes)
  const weights = bytes(m.weights)
  const urgency = bytes(m.urgency.weights)
  const rows = new Map<number, { readonly cats: Map<number, number>; readonly urgency: number }>()
  for (let i = 0, p = 0; i < listed.length / 4; i++) {
    const n = weights[p++]!
    const cats = new Map<number, number>()
    for (let j = 0; j < n; j++, p += 2) cats.set(weights[p]!, weights.readInt8(p + 1))
    rows.set(listed.readInt32LE(4 * i), { cats, urgency: urgency.readInt8(i) })
  }
  return (f: Folded, skip?: Uint8Array) => {
    const seen = new Set(oracleExtract(f, m.spec, skip).map((x) => x.hash & ((1 << m.bits) - 1)))
    const v = seen.size === 0 ? 0 : 1 / Math.sqrt(seen.size)
    const scores = m.categories.map((_, c) => m.bias[c]! + [...seen].reduce((s, r) => s + (rows.get(r)?.cats.get(c) ?? 0) * m.scale * v, 0))
    const max = Math.max(...scores)
    const z = scores.reduce((s, x) => s + Math.exp(x - max), 0)
    const u = m.urgency.bias + [...seen].reduce((s, r) => s + (rows.get(r)?.urgency ?? 0) * m.urgency.scale * v, 0)
    return { probabilities: scores.map((x) => Math.exp(x - max) / z), urgency: 1 / (1 + Math.exp(-u)), rows: seen.size }
  }
}

const compiled = Model.compile(shipped)
const oracle = oracleModel(shipped)
const specs: ReadonlyArray<Spec> = [shipped.spec, { ngrams: [1, 2, 3, 4], stems: true, pairs: true }, { ngrams: [3], stems: false, pairs: true }, { ngrams: [], stems: true, pairs: false }, { ngrams: [1], stems: false, pairs: false }, { ngrams: [2, 2], stems: true, pairs: false }]

const all = (f: Folded, spec: Spec, b: Bag, skip?: Uint8Array) => {
  extract(f, spec, b, skip)
  return Array.from({ length: b.count }, (_, k) => ({ hash: b.hash[k]!, word: b.word[k]!, meta: b.meta[k]! }))
}
const hashes = (f: Folded, spec: Spec, b: Bag, skip?: Uint8Array) => {
  extract(f, spec, b, skip, false)
  return Array.from(b.hash.subarray(0, b.count))
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

const close = (got: ArrayLike<number>, want: ReadonlyArray<number>) => {
  expect(got.length).toBe(want.length)
  for (let i = 0; i < want.length; i++) expect(Math.abs(got[i]! - want[i]!)).toBeLessThan(1e-9)
}

describe("model features and scoring (oracles)", () => {
  const b = bag(16)
  test.prop([text, fc.constantFrom(...specs), fc.array(fc.boolean(), { maxLength: 80 })], { numRuns: 400 })("extraction: every feature, with or without positions", (t, spec, marks) => {
    const f = fold(t)
    const skip = marks.length === 0 ? undefined : Uint8Array.from({ length: f.count }, (_, i) => (marks[i % marks.length] ? 1 : 0))
    const want = oracleExtract(f, spec, skip)
    expect(all(f, spec, b, skip)).toEqual(want)
    expect(hashes(f, spec, b, skip)).toEqual(want.map((x) => x.hash))
  })
  test.prop([fc.oneof(text, fc.constantFrom(...corpus)), fc.array(fc.boolean(), { maxLength: 80 })], { numRuns: 400 })("scoring equals the model read as documented", (t, marks) => {
    const f = fold(t)
    const skip = marks.length === 0 ? undefined : Uint8Array.from({ length: f.count }, (_, i) => (marks[i % marks.length] ? 1 : 0))
    const want = oracle(f, skip)
    const got = Model.predict(compiled, f, skip)
    close(got.probabilities, want.probabilities)
    expect(Math.abs(got.urgency - want.urgency)).toBeLessThan(1e-9)
    expect(got.known).toBe(want.rows)
  })
  // The same listed rows in a table of 2^18 rows (a text's features fall in other rows, some
  // listed): the bit set of rows seen is then cleared word by word, and texts alternate between
  // the two tables, so a bit left over from one text would show in the next one's rows.
  const wide: Model.Model = { ...shipped, bits: 18 }
  const wideCompiled = Model.compile(wide)
  const wideOracle = oracleModel(wide)
  test.prop([fc.array(fc.tuple(fc.oneof(text, fc.constantFrom(...corpus)), fc.boolean()), { minLength: 1, maxLength: 6 })], { numRuns: 100 })("scoring equals the model read as documented, tables of 2^16 and 2^18 rows alternating", (texts) => {
    for (const [t, isWide] of texts) {
      const f = fold(t)
      const want = (isWide ? wideOracle : oracle)(f)
      const got = Model.predict(isWide ? wideCompiled : compiled, f)
      close(got.probabilities, want.probabilities)
      expect(Math.abs(got.urgency - want.urgency)).toBeLessThan(1e-9)
      expect(got.known).toBe(want.rows)
    }
  })
  test.prop([fc.constantFrom(...corpus)], { numRuns: 200 })("corpus texts carry weighted rows (the comparison is not vacuous)", (t) => {
    const p = Model.predict(compiled, fold(t))
    expect(p.known).toBeGreaterThan(0)
    expect(Math.max(...p.probabilities)).toBeGreaterThan(1.5 / shipped.categories.length)
  })
})
