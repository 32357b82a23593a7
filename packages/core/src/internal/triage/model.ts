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
   * Per row, side by side (one cache line): where its weights start in `entries` (they end where
   * the next row's start, at `2r + 2`), and the stamp of the last text that had a feature in it (the
   * only mutable part: scoring marks the rows it has read, see `predict`).
   */
  readonly rowAt: Int32Array
  /** The stamp of the text being scored. */
  generation: number
  /**
   * One int16 per weight: category index << 8 | int8 weight (× `scale`); the urgency weight (×
   * `urgencyScale`) has the index of the category count.
   */
  readonly entries: Int16Array
  readonly scale: number
  readonly bias: Float64Array
  readonly urgencyScale: number
  readonly urgencyBias: number
}

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
  const rowAt = new Int32Array(2 * rows + 2)
  const entries: Array<number> = []
  let p = 0
  let next = 0
  for (let i = 0; i < listed.length; i++) {
    const r = listed[i]!
    if (r < 0 || r >= rows || (i > 0 && r <= listed[i - 1]!)) throw new Error("listed rows must ascend within the table")
    while (next <= r) rowAt[2 * next++] = entries.length
    const n = raw[p++]
    if (n === undefined || p + 2 * n > raw.length) throw new Error("model weights end early")
    for (let j = 0; j < n; j++) {
      const cat = raw[p++]!
      if (cat >= C) throw new Error("a weight names no category")
      entries.push((cat << 8) | raw[p++]!)
    }
    if (u[i] !== 0) entries.push((C << 8) | u[i]!)
  }
  while (next <= rows) rowAt[2 * next++] = entries.length
  if (p !== raw.length) throw new Error("model weights run past the listed rows")
  const compiled: Compiled = {
    model,
    categories: model.categories,
    rows,
    mask: rows - 1,
    rowAt,
    generation: 0,
    entries: Int16Array.from(entries),
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
  readonly probabilities: Float64Array
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
}
let work: Work | undefined

const workFor = (c: Compiled): Work => {
  const sums = c.categories.length + 1
  if (work === undefined || work.sums.length < sums) work = { bag: work?.bag ?? bag(), sums: new Int32Array(sums) }
  if (++c.generation === 0x7fffffff) {
    for (let r = 1; r < c.rowAt.length; r += 2) c.rowAt[r] = 0
    c.generation = 1
  }
  return work
}

/** Scores a folded text (words marked in `skip` are left out). */
export const predict = (c: Compiled, f: Folded, skip?: Uint8Array): Prediction => {
  const wk = workFor(c)
  const b = extract(f, c.model.spec, wk.bag, skip, false)
  const hash = b.hash
  const gen = c.generation
  const sums = wk.sums
  const rowAt = c.rowAt
  const entries = c.entries
  const mask = c.mask
  const C = c.categories.length
  sums.fill(0)
  // Each row once (the vector is 0/1), its weights read in one run.
  let n = 0
  for (let k = 0, end = b.count; k < end; k++) {
    const at = (hash[k]! & mask) << 1
    if (rowAt[at + 1] === gen) continue
    rowAt[at + 1] = gen
    n++
    for (let q = rowAt[at]!, to = rowAt[at + 2]!; q < to; q++) {
      const e = entries[q]!
      sums[e >> 8]! += (e << 24) >> 24
    }
  }
  const norm = n > 0 ? 1 / Math.sqrt(n) : 0
  const scores = new Float64Array(C)
  const scale = c.scale * norm
  let max = -Infinity
  for (let j = 0; j < C; j++) {
    const x = c.bias[j]! + sums[j]! * scale
    scores[j] = x
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
  // the text and the filler marks (the buffers serve the next prediction).
  const source = f.source
  const kept = skip?.slice(0, f.count)
  return {
    probabilities: scores,
    best,
    second,
    urgency: 1 / (1 + Math.exp(-(c.urgencyBias + sums[C]! * c.urgencyScale * norm))),
    known: n,
    carriers: (target, against) => carriers(c, fold(source), kept, target, against)
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
    for (let q = c.rowAt[2 * r]!; q < c.rowAt[2 * r + 2]!; q++) {
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
