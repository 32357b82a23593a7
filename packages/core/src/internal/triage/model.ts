/**
 * The statistical layer: a multinomial logistic regression over hashed features (`features.ts`)
 * for the category, and a binary one for urgency, stored as data (`Model`, JSON-safe: base64 typed
 * arrays). Compiled once per model object, on first use: an open-addressing hash table from
 * feature hash to row, and sparse rows of (category, weight).
 *
 * A text's vector is log(1 + count) per known feature, scaled to unit length; a category's score is
 * its bias plus the dot product with its weights; probabilities are the softmax of the scores.
 */
import * as Base64 from "./base64.js"
import { type Bag, bag, extract, name, rowIn, type Spec, words } from "./features.js"
import { fold, type Folded } from "./fold.js"

/** The serialised model (see `Triage.Model` for the public description). */
export interface Model {
  readonly format: "murojaat.triage.model"
  readonly version: 1
  readonly spec: Spec
  readonly categories: ReadonlyArray<string>
  /** Category biases. */
  readonly bias: ReadonlyArray<number>
  /** Category weights are int8 × scale. */
  readonly scale: number
  /** The feature hashes (int32, little endian, base64), one per row. */
  readonly hashes: string
  /** Per row: the number of categories n (uint8), then n × (category index uint8, weight int8). Base64. */
  readonly weights: string
  readonly urgency: {
    readonly bias: number
    readonly scale: number
    /** One int8 per row, base64. */
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
  readonly rows: number
  readonly mask: number
  /**
   * Open addressing on the low bits of a feature's hash; an entry is the hash's 16-bit fingerprint
   * (high bits, never 0) << 16 | its row, 0 = empty. 4 bytes a slot: the table stays in cache.
   */
  readonly table: Uint32Array
  readonly rowStart: Int32Array
  readonly cls: Uint8Array
  /** Category weights, int8 (× `scale`). */
  readonly q: Int8Array
  /** `cls` and `q` of each weight in one int16 (category << 8 | weight byte): one load per weight in the hot loop. */
  readonly packed: Int16Array
  readonly scale: number
  readonly bias: Float64Array
  /** Urgency weights, int8 (× `urgencyScale`). */
  readonly urgency: Int8Array
  readonly urgencyScale: number
  readonly urgencyBias: number
}

/** The most rows (features) a model may have: rows are 16-bit in the table. */
export const maxRows = 0xffff

const fingerprint = (h: number): number => ((h >>> 16) | 1) & 0xffff

const int32s = (bytes: Uint8Array): Int32Array => {
  const out = new Int32Array(bytes.length >> 2)
  for (let i = 0; i < out.length; i++) out[i] = bytes[4 * i]! | (bytes[4 * i + 1]! << 8) | (bytes[4 * i + 2]! << 16) | (bytes[4 * i + 3]! << 24)
  return out
}
const int8 = (b: number): number => (b > 127 ? b - 256 : b)

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
  const hashes = int32s(Base64.decode(model.hashes))
  const rows = hashes.length
  const raw = Base64.decode(model.weights)
  const rowStart = new Int32Array(rows + 1)
  let nnz = 0
  for (let r = 0, p = 0; r < rows; r++) {
    const n = raw[p]
    if (n === undefined) throw new Error("model weights end early")
    rowStart[r] = nnz
    nnz += n
    p += 1 + 2 * n
  }
  rowStart[rows] = nnz
  const cls = new Uint8Array(nnz)
  const q = new Int8Array(nnz)
  for (let r = 0, p = 0, k = 0; r < rows; r++) {
    const n = raw[p++]!
    for (let j = 0; j < n; j++, k++) {
      cls[k] = raw[p++]!
      q[k] = int8(raw[p++]!)
    }
  }
  if (rows > maxRows) throw new Error(`a model has at most ${maxRows} features`)
  const packed = new Int16Array(nnz)
  for (let k = 0; k < nnz; k++) packed[k] = (cls[k]! << 8) | (q[k]! & 0xff)
  let size = 1024
  while (size < rows * 2) size *= 2
  const mask = size - 1
  const table = new Uint32Array(size)
  for (let r = 0; r < rows; r++) {
    let i = hashes[r]! & mask
    while (table[i] !== 0) i = (i + 1) & mask
    table[i] = ((fingerprint(hashes[r]!) << 16) | r) >>> 0
  }
  const u = Base64.decode(model.urgency.weights)
  const urgency = new Int8Array(rows)
  for (let r = 0; r < rows; r++) urgency[r] = int8(u[r] ?? 0)
  const compiled: Compiled = {
    model,
    categories: model.categories,
    rows,
    mask,
    table,
    rowStart,
    cls,
    q,
    packed,
    scale: model.scale,
    bias: Float64Array.from(model.bias),
    urgency,
    urgencyScale: model.urgency.scale,
    urgencyBias: model.urgency.bias
  }
  cache.set(model, compiled)
  return compiled
}

/** Row of a feature hash, or -1. */
export const rowOf = (c: Compiled, h: number): number => rowIn(c.table, c.mask, h)

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
  /** Per row, side by side (one cache line for a row first seen): generation stamp, count, first feature. */
  seen: Int32Array
  distinct: Int32Array
  value: Float64Array
  generation: number
  rows: number
}
let work: Work | undefined

const workFor = (rows: number): Work => {
  if (work === undefined || work.rows < rows) {
    work = {
      bag: work?.bag ?? bag(),
      seen: new Int32Array(rows * 3),
      distinct: new Int32Array(4096),
      value: new Float64Array(4096),
      generation: 0,
      rows
    }
  }
  return work
}

// log(1 + n) for small counts.
let LOG1P: Float64Array | undefined

// The known features of the last scored text: distinct rows, their values (after normalisation)
// and the first feature of each (for its name). Returns how many rows.
const read = (c: Compiled, f: Folded, skip: Uint8Array | undefined): number => {
  const wk = workFor(c.rows)
  const b = extract(f, c.model.spec, wk.bag, skip, c)
  if (++wk.generation === 0x7fffffff) {
    wk.seen.fill(0)
    wk.generation = 1
  }
  const gen = wk.generation
  const seen = wk.seen
  const rows = b.row
  let distinct = wk.distinct
  let n = 0
  for (let k = 0, end = b.count; k < end; k++) {
    const r = rows[k]!
    const at = r * 3
    if (seen[at] !== gen) {
      seen[at] = gen
      seen[at + 1] = 1
      seen[at + 2] = k
      if (n === distinct.length) {
        const d = new Int32Array(n * 2)
        d.set(distinct)
        wk.distinct = distinct = d
        wk.value = new Float64Array(n * 2)
      }
      distinct[n++] = r
    } else seen[at + 1]!++
  }
  const value = wk.value
  const log1p = (LOG1P ??= Float64Array.from({ length: 64 }, (_, k) => Math.log1p(k)))
  let norm = 0
  for (let i = 0; i < n; i++) {
    const m = seen[distinct[i]! * 3 + 1]!
    const v = m < 64 ? log1p[m]! : Math.log1p(m)
    value[i] = v
    norm += v * v
  }
  norm = norm > 0 ? 1 / Math.sqrt(norm) : 0
  for (let i = 0; i < n; i++) value[i]! *= norm
  return n
}

/** Scores a folded text (words marked in `skip` are left out). */
export const predict = (c: Compiled, f: Folded, skip?: Uint8Array): Prediction => {
  const n = read(c, f, skip)
  const wk = work!
  const distinct = wk.distinct
  const value = wk.value
  const C = c.categories.length
  const scores = new Float64Array(C)
  const rowStart = c.rowStart
  const packed = c.packed
  const uw = c.urgency
  let u = 0
  for (let i = 0; i < n; i++) {
    const r = distinct[i]!
    const v = value[i]!
    for (let q = rowStart[r]!, end = rowStart[r + 1]!; q < end; q++) {
      const e = packed[q]!
      scores[e >> 8]! += v * ((e << 24) >> 24)
    }
    u += v * uw[r]!
  }
  let max = -Infinity
  for (let j = 0; j < C; j++) {
    scores[j] = c.bias[j]! + scores[j]! * c.scale
    if (scores[j]! > max) max = scores[j]!
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
    urgency: 1 / (1 + Math.exp(-(c.urgencyBias + u * c.urgencyScale))),
    known: n,
    carriers: (target, against) => {
      const again = fold(source)
      return carriers(c, again, read(c, again, kept), target, against)
    }
  }
}

const carriers = (c: Compiled, f: Folded, n: number, target: number, against: number): ReadonlyArray<Carrier> => {
  const wk = work!
  const top: Array<{ readonly i: number; readonly weight: number }> = []
  for (let i = 0; i < n; i++) {
    const r = wk.distinct[i]!
    const v = wk.value[i]!
    let x = 0
    if (target < 0) x = v * c.urgency[r]! * c.urgencyScale
    else
      for (let q = c.rowStart[r]!, end = c.rowStart[r + 1]!; q < end; q++) {
        if (c.cls[q] === target) x += v * c.q[q]! * c.scale
        else if (c.cls[q] === against) x -= v * c.q[q]! * c.scale
      }
    if (x > 0) top.push({ i, weight: x })
  }
  top.sort((a, b) => b.weight - a.weight || a.i - b.i)
  return top.slice(0, carried).map(({ i, weight }) => {
    const k = wk.seen[wk.distinct[i]! * 3 + 2]!
    return { feature: name(f, wk.bag, k), words: words(f, wk.bag, k), weight: Math.round(weight * 1000) / 1000 }
  })
}
