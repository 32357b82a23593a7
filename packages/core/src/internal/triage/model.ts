/**
 * The statistical layer: a multinomial logistic regression over hashed features (`features.ts`)
 * for the category, and a binary one for urgency, stored as data (`Model`, JSON-safe: base64 typed
 * arrays). Feature hashing: a feature's row is the low `bits` bits of its hash, so there is no
 * table of features to look up; features that share a row share its weights (training sees the
 * same sharing). Compiled once per model object, on first use: each row's weights (category and
 * urgency together) in one contiguous run of int16 entries (a feature is one hash, the run's start,
 * and one contiguous read of its few weights).
 *
 * A text's vector has 1 for each row at least one of its features falls in, scaled to unit length
 * (1/√rows); a category's score is its bias plus the dot product with its weights; probabilities
 * are the softmax of the scores. The dot product is summed in integers (the int8 weights) and
 * scaled once.
 */
import * as Base64 from "./base64.js"
import { type Bag, bag, extract, name, type Spec, words } from "./features.js"
import { fold, type Folded } from "./fold.js"

/** The serialised model (see `Triage.Model` for the public description). */
export interface Model {
  readonly format: "murojaat.triage.model"
  readonly version: 2
  readonly spec: Spec
  /** The table has 2^bits rows; a feature's row is the low `bits` bits of its hash. */
  readonly bits: number
  readonly categories: ReadonlyArray<string>
  /** Category biases. */
  readonly bias: ReadonlyArray<number>
  /** Category weights are int8 × scale. */
  readonly scale: number
  /** The rows that have weights (int32, little endian, base64), ascending: the others are all 0. */
  readonly hashes: string
  /** Per listed row: the number of categories n (uint8), then n × (category index uint8, weight int8). Base64. */
  readonly weights: string
  readonly urgency: {
    readonly bias: number
    readonly scale: number
    /** One int8 per listed row, base64. */
    readonly weights: string
  }
  /** Where the weights came from: counts of examples, sources, options. */
  readonly training: {
    readonly examples: number
    readonly sources: ReadonlyArray<string>
    readonly options: Readonly<Record<string, number | boolean | string>>
  }
  /** The strongest features per category (name and weight), for auditors. */
  readonly strongest: Readonly<Record<string, ReadonlyArray<readonly [string, number]>>>
  /** The strongest features for urgency. */
  readonly strongestUrgency: ReadonlyArray<readonly [string, number]>
}

/** A compiled model. */
export interface Compiled {
  readonly model: Model
  readonly categories: ReadonlyArray<string>
  /** Rows of the table (2^bits) and the mask of a hash's row bits. */
  readonly rows: number
  readonly mask: number
  /**
   * Which rows are listed, as a bit set with a running count: for each 32 rows, their bits (at
   * `2w`) and the number of listed rows before them (at `2w + 1`). A listed row's rank indexes
   * `offsets`. Small (16 KB for 2^16 rows), so it stays in the processor's cache where a table of
   * every row would not.
   */
  readonly listed: Int32Array
  /** Where listed row `k`'s weights start in `entries` (they end where row `k + 1`'s start). */
  readonly offsets: Int32Array
  /**
   * One int16 per weight: category index << 8 | int8 weight (× `scale`); the urgency weight (×
   * `urgencyScale`) has the index of the category count.
   */
  readonly entries: Int16Array
  /**
   * The same weights dense, four to a float64 (see {@link lanes}): listed row `k`'s categories and
   * urgency are the 13-bit lanes of `packed[k * words .. (k + 1) * words)`, each the weight plus
   * `offset`. Scoring adds whole rows as float64s, exactly (integers below 2^53), and takes the
   * lanes apart every `every` rows, before one can overflow. Undefined when a row's weights do not
   * fit a lane (only a malformed model: weights are int8); then the entries are read one by one.
   */
  readonly packed: Float64Array | undefined
  readonly words: number
  readonly offset: number
  readonly every: number
  readonly scale: number
  readonly bias: Float64Array
  readonly urgencyScale: number
  readonly urgencyBias: number
}

/** Lanes per float64 in `Compiled.packed`, and their width (4 × 13 bits fit 53 exactly). */
export const lanes = 4
const LANE = 1 << 13

/** Bounds of `bits`: 2^10 to 2^20 rows. */
export const minBits = 10
export const maxBits = 20

const int32s = (bytes: Uint8Array): Int32Array => {
  const out = new Int32Array(bytes.length >> 2)
  for (let i = 0; i < out.length; i++) out[i] = bytes[4 * i]! | (bytes[4 * i + 1]! << 8) | (bytes[4 * i + 2]! << 16) | (bytes[4 * i + 3]! << 24)
  return out
}

/** Encodes int32s as little-endian bytes. */
export const int32Bytes = (xs: ArrayLike<number>): Uint8Array => {
  const out = new Uint8Array(xs.length * 4)
  for (let i = 0; i < xs.length; i++) {
    const x = xs[i]!
    out[4 * i] = x & 0xff
    out[4 * i + 1] = (x >>> 8) & 0xff
    out[4 * i + 2] = (x >>> 16) & 0xff
    out[4 * i + 3] = (x >>> 24) & 0xff
  }
  return out
}

const cache = new WeakMap<Model, Compiled>()

const popcount = (x: number): number => {
  x -= (x >>> 1) & 0x55555555
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333)
  return (Math.imul((x + (x >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24)
}

// The dense copy of the entries (see `Compiled.packed`).
const pack = (offsets: Int32Array, entries: Int16Array, width: number): Pick<Compiled, "packed" | "words" | "offset" | "every"> => {
  const rows = offsets.length - 1
  const words = Math.ceil(width / lanes)
  const totals = new Int32Array(rows * width)
  let extreme = 0
  for (let k = 0; k < rows; k++)
    for (let q = offsets[k]!; q < offsets[k + 1]!; q++) {
      const e = entries[q]!
      const at = k * width + (e >> 8)
      totals[at]! += (e << 24) >> 24
      extreme = Math.max(extreme, Math.abs(totals[at]!))
    }
  const offset = Math.max(128, extreme)
  const every = Math.floor((LANE - 1) / (2 * offset))
  if (every < 1) return { packed: undefined, words, offset, every }
  const packed = new Float64Array(rows * words)
  for (let k = 0; k < rows; k++)
    for (let j = 0; j < width; j++) packed[k * words + Math.floor(j / lanes)]! += (totals[k * width + j]! + offset) * LANE ** (j % lanes)
  return { packed, words, offset, every }
}

/** The rank of row `r` among the listed rows, or -1 when it is not listed (it has no weights). */
const rankOf = (listed: Int32Array, r: number): number => {
  const w = (r >>> 5) << 1
  const bits = listed[w]!
  const b = r & 31
  return ((bits >>> b) & 1) === 0 ? -1 : listed[w + 1]! + popcount(bits & ((1 << b) - 1))
}

/**
 * Compiles a model (cached per model object). Throws on data that is not a well-formed model: call
 * it on models that passed `check`.
 */
export const compile = (model: Model): Compiled => {
  const known = cache.get(model)
  if (known !== undefined) return known
  const bits = model.bits
  if (!Number.isInteger(bits) || bits < minBits || bits > maxBits) throw new Error(`bits must be an integer from ${minBits} to ${maxBits}`)
  const rows = 1 << bits
  const C = model.categories.length
  const listed = int32s(Base64.decode(model.hashes))
  const raw = Base64.decode(model.weights)
  const u = Base64.decode(model.urgency.weights)
  if (u.length !== listed.length) throw new Error("one urgency weight per listed row")
  const bitSet = new Int32Array(2 * (rows >>> 5))
  const offsets = new Int32Array(listed.length + 1)
  const entries: Array<number> = []
  let p = 0
  for (let i = 0; i < listed.length; i++) {
    const r = listed[i]!
    if (r < 0 || r >= rows || (i > 0 && r <= listed[i - 1]!)) throw new Error("listed rows must ascend within the table")
    bitSet[2 * (r >>> 5)]! |= 1 << (r & 31)
    offsets[i] = entries.length
    const n = raw[p++]
    if (n === undefined || p + 2 * n > raw.length) throw new Error("model weights end early")
    for (let j = 0; j < n; j++) {
      const cat = raw[p++]!
      if (cat >= C) throw new Error("a weight names no category")
      entries.push((cat << 8) | raw[p++]!)
    }
    if (u[i] !== 0) entries.push((C << 8) | u[i]!)
  }
  offsets[listed.length] = entries.length
  for (let w = 1, before = 0; w < rows >>> 5; w++) bitSet[2 * w + 1] = before += popcount(bitSet[2 * w - 2]!)
  if (p !== raw.length) throw new Error("model weights run past the listed rows")
  const E = Int16Array.from(entries)
  const compiled: Compiled = {
    ...pack(offsets, E, C + 1),
    model,
    categories: model.categories,
    rows,
    mask: rows - 1,
    listed: bitSet,
    offsets,
    entries: E,
    scale: model.scale,
    bias: Float64Array.from(model.bias),
    urgencyScale: model.urgency.scale,
    urgencyBias: model.urgency.bias
  }
  cache.set(model, compiled)
  return compiled
}

/** One feature that carried a decision. */
export interface Carrier {
  readonly feature: string
  readonly words: string
  readonly weight: number
}

/** What the model says about one text. */
export interface Prediction {
  /** Probabilities in the model's category order. */
  readonly probabilities: ReadonlyArray<number>
  readonly best: number
  readonly second: number
  /** Probability that the text is urgent. */
  readonly urgency: number
  /** Features known to the model in the text. */
  readonly known: number
  /**
   * The features that carried category `target` against `against` (or urgency when `target` is
   * -1), strongest first. Computed when asked, from a copy of what the prediction read.
   */
  readonly carriers: (target: number, against: number) => ReadonlyArray<Carrier>
}

/** How many features a decision lists. */
export const carried = 8

interface Work {
  bag: Bag
  /** Integer sums: the categories' weights, then urgency's. */
  sums: Int32Array
  /**
   * The rows a text has read, one bit a row (8 KB for 2^16 rows, so it stays in the first-level
   * cache), cleared after each text.
   */
  seen: Int32Array
  /** Row sums in lanes (see `Compiled.packed`). */
  lanes: Float64Array
  /** The ranks of the distinct listed rows of a text. */
  ranks: Int32Array
}
let work: Work | undefined

const workFor = (c: Compiled): Work => {
  const sums = c.categories.length + 1
  if (work === undefined || work.sums.length < sums || work.seen.length < c.rows >>> 5)
    work = { bag: work?.bag ?? bag(), sums: new Int32Array(sums), seen: new Int32Array(Math.max(c.rows >>> 5, work?.seen.length ?? 0)), lanes: work?.lanes ?? new Float64Array(8), ranks: work?.ranks ?? new Int32Array(1024) }
  return work
}

const HALF = LANE * LANE

// Adds the lanes of `acc` to `sums` (less the offsets of the rows added) and clears it.
const unpack = (acc: Float64Array, words: number, sums: Int32Array, width: number, offsets: number): void => {
  for (let d = 0, j = 0; d < words; d++) {
    const v = acc[d]!
    acc[d] = 0
    // Exact: v is an integer below 2^52 and HALF a power of two. One division splits it into two
    // 26-bit integers, whose 13-bit lanes are taken apart with integer operations (a division a
    // lane made a chain of four dependent divisions per word).
    const high = Math.floor(v / HALF)
    const low = v - high * HALF
    if (j < width) sums[j++]! += (low & (LANE - 1)) - offsets
    if (j < width) sums[j++]! += (low >>> 13) - offsets
    if (j < width) sums[j++]! += (high & (LANE - 1)) - offsets
    if (j < width) sums[j++]! += (high >>> 13) - offsets
  }
}

const noSkip: ReadonlyArray<number> = Object.freeze([])

/** Scores a folded text (words marked in `skip` are left out). */
export const predict = (c: Compiled, f: Folded, skip?: Uint8Array): Prediction => {
  const wk = workFor(c)
  const b = extract(f, c.model.spec, wk.bag, skip, false)
  const hash = b.hash
  const sums = wk.sums
  const listed = c.listed
  const offsets = c.offsets
  const entries = c.entries
  const mask = c.mask
  const C = c.categories.length
  sums.fill(0)
  // Each row once (the vector is 0/1): first the ranks of the distinct rows that have weights.
  // Without branches on the data (whether a row is new, whether it is listed: a fifth of the
  // features repeat a row, unpredictably), the rank is written every time and the count moves on
  // only for a new listed row.
  if (wk.ranks.length < b.count) wk.ranks = new Int32Array(b.count * 2)
  const ranks = wk.ranks
  const seen = wk.seen
  let listedRows = 0
  let n = 0
  for (let k = 0, end = b.count; k < end; k++) {
    const r = hash[k]! & mask
    const w = r >>> 5
    const bit = r & 31
    const had = seen[w]!
    const fresh = ((had >>> bit) & 1) ^ 1
    seen[w] = had | (1 << bit)
    n += fresh
    const bits = listed[w << 1]!
    ranks[listedRows] = listed[(w << 1) + 1]! + popcount(bits & ((1 << bit) - 1))
    listedRows += fresh & (bits >>> bit)
  }
  // Cleared whole when the bit set is small beside the text (a memset of 8 KB for 2^16 rows is
  // cheaper than revisiting the text's rows), else word by word (a table of 2^20 rows is 128 KB).
  const seenWords = c.rows >>> 5
  if (seenWords <= 8 * b.count) seen.fill(0, 0, seenWords)
  else for (let k = 0, end = b.count; k < end; k++) seen[(hash[k]! & mask) >>> 5] = 0
  // ... then their weights, added as whole rows (`packed`), or one by one. A loop of independent
  // reads, so the processor waits for several rows' cache misses at once.
  const packed = c.packed
  if (packed !== undefined) {
    const words = c.words
    if (wk.lanes.length < words) wk.lanes = new Float64Array(words)
    const acc = wk.lanes
    acc.fill(0, 0, words)
    const every = c.every
    for (let from = 0; from < listedRows; from += every) {
      const to = Math.min(listedRows, from + every)
      if (words === 6) {
        let a0 = 0, a1 = 0, a2 = 0, a3 = 0, a4 = 0, a5 = 0
        for (let i = from; i < to; i++) {
          const at = ranks[i]! * 6
          a0 += packed[at]!
          a1 += packed[at + 1]!
          a2 += packed[at + 2]!
          a3 += packed[at + 3]!
          a4 += packed[at + 4]!
          a5 += packed[at + 5]!
        }
        acc[0] = a0; acc[1] = a1; acc[2] = a2; acc[3] = a3; acc[4] = a4; acc[5] = a5
      } else for (let i = from; i < to; i++) for (let d = 0, at = ranks[i]! * words; d < words; d++) acc[d]! += packed[at + d]!
      unpack(acc, words, sums, C + 1, (to - from) * c.offset)
    }
  } else
    for (let i = 0; i < listedRows; i++) {
      const rank = ranks[i]!
      for (let q = offsets[rank]!, to = offsets[rank + 1]!; q < to; q++) {
        const e = entries[q]!
        sums[e >> 8]! += (e << 24) >> 24
      }
    }
  const norm = n > 0 ? 1 / Math.sqrt(n) : 0
  // A plain array: a typed array this size would be allocated outside the heap, per text.
  const scores: Array<number> = []
  const scale = c.scale * norm
  let max = -Infinity
  for (let j = 0; j < C; j++) {
    const x = c.bias[j]! + sums[j]! * scale
    scores.push(x)
    if (x > max) max = x
  }
  let z = 0
  for (let j = 0; j < C; j++) z += scores[j] = Math.exp(scores[j]! - max)
  for (let j = 0; j < C; j++) scores[j]! /= z
  let best = 0
  for (let j = 1; j < C; j++) if (scores[j]! > scores[best]!) best = j
  let second = best === 0 ? (C > 1 ? 1 : 0) : 0
  for (let j = 0; j < C; j++) if (j !== best && scores[j]! > scores[second]!) second = j
  // The features are named when asked, by reading the text again: nothing is kept meanwhile but
  // the text and the words the filler marks left out (the buffers serve the next prediction).
  const source = f.source
  let kept: Array<number> | undefined
  if (skip !== undefined) for (let w = 0; w < f.count; w++) if (skip[w] === 1) (kept ??= []).push(w)
  const skipped = kept ?? noSkip
  return {
    probabilities: scores,
    best,
    second,
    urgency: 1 / (1 + Math.exp(-(c.urgencyBias + sums[C]! * c.urgencyScale * norm))),
    known: n,
    carriers: (target, against) => {
      const g = fold(source)
      const marks = new Uint8Array(g.count)
      for (const w of skipped) marks[w] = 1
      return carriers(c, g, marks, target, against)
    }
  }
}

// The rows of a text, each with the first feature that fell in it (for its name).
const rowsOf = (c: Compiled, f: Folded, skip: Uint8Array | undefined): { readonly bag: Bag; readonly rows: ReadonlyArray<number>; readonly first: ReadonlyArray<number> } => {
  const b = extract(f, c.model.spec, bag(), skip, true)
  const at = new Map<number, number>()
  for (let k = 0; k < b.count; k++) {
    const r = b.hash[k]! & c.mask
    if (!at.has(r)) at.set(r, k)
  }
  return { bag: b, rows: [...at.keys()], first: [...at.values()] }
}

const carriers = (c: Compiled, f: Folded, skip: Uint8Array | undefined, target: number, against: number): ReadonlyArray<Carrier> => {
  const { bag: b, rows, first } = rowsOf(c, f, skip)
  const norm = rows.length > 0 ? 1 / Math.sqrt(rows.length) : 0
  const C = c.categories.length
  const top: Array<{ readonly i: number; readonly weight: number }> = []
  rows.forEach((r, i) => {
    let x = 0
    const rank = rankOf(c.listed, r)
    for (let q = rank < 0 ? 0 : c.offsets[rank]!, to = rank < 0 ? 0 : c.offsets[rank + 1]!; q < to; q++) {
      const e = c.entries[q]!
      const w = (e << 24) >> 24
      const cat = e >> 8
      if (target < 0) x += cat === C ? norm * w * c.urgencyScale : 0
      else if (cat === target) x += norm * c.scale * w
      else if (cat === against) x -= norm * c.scale * w
    }
    if (x > 0) top.push({ i, weight: x })
  })
  top.sort((a, b) => b.weight - a.weight || a.i - b.i)
  return top.slice(0, carried).map(({ i, weight }) => ({ feature: name(f, b, first[i]!), words: words(f, b, first[i]!), weight: Math.round(weight * 1000) / 1000 }))
}
