/**
 * The statistical model's features, read off a folded text (`fold.ts`) in one pass and hashed to
 * 32-bit integers (a feature's row in the model is its hash's low bits): character n-grams of each
 * word with its boundaries ("^kosh", "oshn", ...,
 * "nim$"), the word's stem ("stem:koshni"), and pairs of consecutive stems ("koshni+ur"). Numbers
 * are left out (they name houses and sums, not topics). Every feature remembers where it was seen,
 * so a decision can name the features that carried it and the citizen's word they came from.
 */
import { type Folded, widened } from "./fold.js"
import { stemEnd } from "./stem.js"

/** Which features are read: n-gram sizes, stems, stem pairs. Part of a trained model. */
export interface Spec {
  readonly ngrams: ReadonlyArray<number>
  readonly stems: boolean
  readonly pairs: boolean
}

/** Feature kinds. */
export const NGRAM = 1
export const STEM = 2
export const PAIR = 3

const BEGIN = 0x5e // ^
const END = 0x24 // $
const PRIME = 0x01000193

/** Reusable buffers: the features of one text. */
export interface Bag {
  count: number
  hash: Int32Array
  /** The word the feature was read from (for a pair: the second word). */
  word: Int32Array
  /** kind | size << 2 | at << 6, where `at` is: n-gram: its offset in the padded word (0 = "^");
   * stem: its length; pair: the first word. */
  meta: Int32Array
}

/** Empty buffers that grow on demand. */
export const bag = (size = 4096): Bag => ({ count: 0, hash: new Int32Array(size), word: new Int32Array(size), meta: new Int32Array(size) })

const ensure = (b: Bag, n: number) => {
  if (b.hash.length >= n) return
  const size = Math.max(n, b.hash.length * 2)
  const i32 = (a: Int32Array) => widened(a, size)
  b.hash = i32(b.hash)
  b.word = i32(b.word)
  b.meta = i32(b.meta)
}

/** The kind of feature `k`. */
export const kindOf = (b: Bag, k: number): number => b.meta[k]! & 3
const sizeOf = (b: Bag, k: number): number => (b.meta[k]! >> 2) & 15
const atOf = (b: Bag, k: number): number => b.meta[k]! >> 6

/** The longest n-gram: four 7-bit characters are packed exactly into 28 bits before hashing. */
export const maxNgram = 4

// murmur3's finaliser: every bit of the input reaches the low bits (the table slot) and the high
// bits (the fingerprint).
const mix = (x: number): number => {
  let h = x ^ (x >>> 16)
  h = Math.imul(h, 0x85ebca6b)
  h ^= h >>> 13
  h = Math.imul(h, 0xc2b2ae35)
  h ^= h >>> 16
  return h === 0 ? 1 : h
}

/**
 * Reads the features of `f` into `b` (cleared first) and returns it. Words marked in `skip`
 * (filler phrases) are left out as if they were not there. With `where` false only the hashes are
 * written (scoring needs nothing else; naming a feature reads the text again with `where`).
 */
export const extract = (f: Folded, spec: Spec, b: Bag, skip?: Uint8Array, where = true): Bag => {
  const codes = f.codes
  let wantN = 0 // bit set of the n-gram sizes read
  for (const n of spec.ngrams) if (n >= 1 && n <= maxNgram) wantN |= 1 << n
  // The sizes read, ascending (the order features are written in), and the smallest.
  let smallest = maxNgram + 1
  for (let n = maxNgram; n >= 1; n--) if ((wantN & (1 << n)) !== 0) smallest = n
  const sizes = spec.ngrams.length
  // The n-gram size when exactly one is read (else 0), and its mask.
  const one = wantN !== 0 && (wantN & (wantN - 1)) === 0 ? smallest : 0
  const oneMask = one === 0 ? 0 : (1 << (7 * one)) - 1
  const stems = spec.stems
  const pairs = spec.pairs
  let count = 0
  let prevStem = 0
  let prevWord = -1
  for (let w = 0; w < f.count; w++) {
    if (f.numeric[w] === 1 || (skip !== undefined && skip[w] === 1)) continue
    const s = f.start[w]!
    const e = f.end[w]!
    const padded = e - s + 2
    // Upper bound on the features of this word.
    if (count + padded * sizes + 2 > b.hash.length) ensure(b, count + padded * sizes + 2)
    const hash = b.hash
    const word = b.word
    const meta = b.meta
    if (one !== 0 && !where) {
      // One n-gram size and only the hashes (scoring): the same features, in the same order, from
      // a loop without the per-character size loop and position tests.
      let packed = BEGIN
      if (one === 1) hash[count++] = mix(BEGIN | (1 << 28))
      for (let i = s; i < e; i++) {
        const code = codes[i]!
        packed = ((packed << 7) | (code < 128 ? code : 64 | (code & 63))) & 0xfffffff
        if (i - s + 2 >= one) hash[count++] = mix((packed & oneMask) | (one << 28))
      }
      packed = ((packed << 7) | END) & 0xfffffff
      if (padded >= one) hash[count++] = mix((packed & oneMask) | (one << 28))
    } else if (wantN !== 0) {
      // The last four characters of the padded word, 7 bits each ("^" and "$" at the ends).
      let packed = 0
      for (let j = 0; j < padded; j++) {
        const code = j === 0 ? BEGIN : j === padded - 1 ? END : codes[s + j - 1]!
        packed = ((packed << 7) | (code < 128 ? code : 64 | (code & 63))) & 0xfffffff
        for (let n = smallest; n <= maxNgram && n <= j + 1; n++) {
          if ((wantN & (1 << n)) === 0) continue
          hash[count] = mix((packed & ((1 << (7 * n)) - 1)) | (n << 28))
          if (where) {
            word[count] = w
            meta[count] = NGRAM | (n << 2) | ((j - n + 1) << 6)
          }
          count++
        }
      }
    }
    if (stems || pairs) {
      const se = stemEnd(codes, s, e)
      let h = 0x9e3779b9 | 0
      for (let j = s; j < se; j++) h = Math.imul(h ^ codes[j]!, PRIME)
      h = mix(h)
      if (stems) {
        hash[count] = h
        if (where) {
          word[count] = w
          meta[count] = STEM | ((se - s) << 6)
        }
        count++
      }
      if (pairs && prevWord >= 0) {
        hash[count] = mix(Math.imul(prevStem, 31) ^ h ^ 0x5bd1e995)
        if (where) {
          word[count] = w
          meta[count] = PAIR | (prevWord << 6)
        }
        count++
      }
      prevStem = h
      prevWord = w
    }
  }
  b.count = count
  return b
}

const str = (codes: ArrayLike<number>, from: number, to: number): string => {
  let out = ""
  for (let j = from; j < to; j++) out += String.fromCharCode(codes[j]!)
  return out
}

const stemOf = (f: Folded, w: number): string => str(f.codes, f.start[w]!, stemEnd(f.codes, f.start[w]!, f.end[w]!))

/**
 * The name of feature `k` of `b`: an n-gram with its boundaries ("^kosh"), `stem:koshni`, or a pair
 * `koshni+ur`. Names are in matching-key form, the same in every script.
 */
export const name = (f: Folded, b: Bag, k: number): string => {
  const w = b.word[k]!
  const kind = kindOf(b, k)
  if (kind === STEM) return `stem:${stemOf(f, w)}`
  if (kind === PAIR) return `${stemOf(f, atOf(b, k))}+${stemOf(f, w)}`
  const s = f.start[w]!
  const len = f.end[w]! - s
  const i = atOf(b, k)
  const n = sizeOf(b, k)
  let out = ""
  for (let j = i; j < i + n; j++) out += j === 0 ? "^" : j === len + 1 ? "$" : String.fromCharCode(f.codes[s + j - 1]!)
  return out
}

/** The citizen's words a feature was read from, as written. */
export const words = (f: Folded, b: Bag, k: number): string => {
  const w = b.word[k]!
  const own = f.source.slice(f.from[w]!, f.to[w]!)
  return kindOf(b, k) === PAIR ? `${f.source.slice(f.from[atOf(b, k)]!, f.to[atOf(b, k)]!)} ${own}` : own
}
