/**
 * Trains the statistical layer (`model.ts`) from labelled texts. Pure and deterministic: the same
 * examples and options give the same model, byte for byte (a fixed-seed shuffle, float64 sums in a
 * fixed order, weights rounded to int8).
 *
 * Features are hashed into 2^bits rows (`model.ts`); an example is the set of rows its features
 * fall in, each 1/√rows. Category: multinomial logistic regression, AdaGrad stochastic gradient
 * descent with L2 regularisation, over the rows used by at least `minDf` examples (the others keep
 * zero weights). Urgency: binary logistic regression over the same rows, urgent examples weighted
 * `urgentWeight` times (the detector's job is recall). Category weights smaller than `prune`
 * quantisation steps are dropped, so the stored rows stay sparse.
 */
import * as Base64 from "./base64.js"
import { bag, extract, name, type Spec } from "./features.js"
import { fold } from "./fold.js"
import * as Matcher from "./matcher.js"
import { int32Bytes, maxBits, minBits, type Model } from "./model.js"

/** One labelled text (`urgent` unknown: the example does not train urgency). */
export interface Example {
  readonly text: string
  readonly category: string
  readonly urgent?: boolean | undefined
}

/** Training options (all recorded in the model). */
export interface Options {
  readonly spec: Spec
  /** The model's table has 2^bits rows. */
  readonly bits: number
  readonly minDf: number
  readonly epochs: number
  readonly rate: number
  readonly l2: number
  readonly urgencyL2: number
  readonly urgentWeight: number
  readonly seed: number
  /** Category weights smaller than this many quantisation steps (of 127) are dropped. */
  readonly prune: number
}

/** The options the shipped model was selected with (see scripts/triage-train.ts). */
export const defaultOptions: Options = {
  spec: { ngrams: [4], stems: true, pairs: false },
  bits: 16,
  minDf: 1,
  epochs: 30,
  rate: 0.5,
  l2: 3e-4,
  urgencyL2: 1e-4,
  urgentWeight: 3,
  seed: 13,
  prune: 4
}

// xorshift32: a deterministic shuffle.
const rng = (seed: number) => {
  let x = seed | 0 || 1
  return () => {
    x ^= x << 13
    x ^= x >>> 17
    x ^= x << 5
    return (x >>> 0) / 4294967296
  }
}

interface Doc {
  readonly rows: Int32Array
  readonly values: Float64Array
  readonly label: number
  readonly urgent: boolean | undefined
}

const quantise = (xs: Float64Array): { scale: number; q: Int8Array } => {
  let max = 0
  for (const x of xs) max = Math.max(max, Math.abs(x))
  const scale = max === 0 ? 1 : max / 127
  const q = new Int8Array(xs.length)
  for (let i = 0; i < xs.length; i++) q[i] = Math.max(-127, Math.min(127, Math.round(xs[i]! / scale)))
  // The scale is stored as JSON: round it so that it prints the same everywhere.
  return { scale: Number(scale.toPrecision(12)), q }
}

/**
 * Trains a model on `examples` over `categories` (their order is the model's; categories without an
 * example are left out). `sources` names where the examples came from, for the record.
 */
export const train = (
  examples: ReadonlyArray<Example>,
  categories: ReadonlyArray<string>,
  sources: ReadonlyArray<string>,
  options: Options = defaultOptions,
  fillers: ReadonlyArray<string> = []
): Model => {
  // Filler phrases are left out, as when triaging.
  const fillerMatcher = Matcher.compile([], fillers)
  const present = new Set(examples.map((e) => e.category))
  const cats = categories.filter((c) => present.has(c))
  const index = new Map(cats.map((c, i) => [c, i]))
  if (!Number.isInteger(options.bits) || options.bits < minBits || options.bits > maxBits) throw new RangeError(`bits must be an integer from ${minBits} to ${maxBits}`)
  const R = 1 << options.bits
  const mask = R - 1
  const b = bag()
  // Rows of every example; per feature, in how many examples it occurs and its readable name (the
  // first place it was seen): a row is named after its most frequent feature.
  const names = new Map<number, string>()
  const featureDf = new Map<number, number>()
  const df = new Int32Array(R)
  const raw: Array<{ rows: Int32Array; label: number; urgent: boolean | undefined }> = []
  for (const e of examples) {
    const label = index.get(e.category)
    if (label === undefined) continue
    const f = fold(e.text)
    const skip = new Uint8Array(f.count)
    Matcher.run(fillerMatcher, f, skip)
    extract(f, options.spec, b, skip)
    const rows = new Set<number>()
    const features = new Set<number>()
    for (let k = 0; k < b.count; k++) {
      const h = b.hash[k]!
      rows.add(h & mask)
      features.add(h)
      if (!names.has(h)) names.set(h, name(f, b, k))
    }
    for (const h of features) featureDf.set(h, (featureDf.get(h) ?? 0) + 1)
    for (const r of rows) df[r]!++
    raw.push({ rows: Int32Array.from(rows).sort(), label, urgent: e.urgent })
  }
  const rowName = new Map<number, string>()
  const rowBest = new Map<number, number>()
  for (const [h, d] of [...featureDf].sort((x, y) => x[0] - y[0])) {
    const r = h & mask
    if ((rowBest.get(r) ?? 0) < d) {
      rowBest.set(r, d)
      rowName.set(r, names.get(h)!)
    }
  }
  const docs: Array<Doc> = raw.map(({ rows, label, urgent }) => {
    const value = rows.length === 0 ? 0 : 1 / Math.sqrt(rows.length)
    const trained = rows.filter((r) => df[r]! >= options.minDf)
    return { rows: trained, values: new Float64Array(trained.length).fill(value), label, urgent }
  })
  const C = cats.length
  const W = new Float64Array(R * C)
  const G = new Float64Array(R * C).fill(1e-8)
  const B = new Float64Array(C)
  const GB = new Float64Array(C).fill(1e-8)
  const U = new Float64Array(R)
  const GU = new Float64Array(R).fill(1e-8)
  let ub = 0
  let gub = 1e-8
  const p = new Float64Array(C)
  const random = rng(options.seed)
  const order = docs.map((_, i) => i)
  for (let epoch = 0; epoch < options.epochs; epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1))
      ;[order[i], order[j]] = [order[j]!, order[i]!]
    }
    for (const d of order) {
      const { rows, values, label, urgent } = docs[d]!
      // Category: softmax gradient.
      for (let c = 0; c < C; c++) {
        let s = B[c]!
        for (let j = 0; j < rows.length; j++) s += W[rows[j]! * C + c]! * values[j]!
        p[c] = s
      }
      let max = -Infinity
      for (let c = 0; c < C; c++) max = Math.max(max, p[c]!)
      let z = 0
      for (let c = 0; c < C; c++) z += p[c] = Math.exp(p[c]! - max)
      for (let c = 0; c < C; c++) {
        const g = p[c]! / z - (c === label ? 1 : 0)
        GB[c]! += g * g
        B[c]! -= (options.rate * g) / Math.sqrt(GB[c]!)
        for (let j = 0; j < rows.length; j++) {
          const k = rows[j]! * C + c
          const gg = g * values[j]! + options.l2 * W[k]!
          G[k]! += gg * gg
          W[k]! -= (options.rate * gg) / Math.sqrt(G[k]!)
        }
      }
      // Urgency: weighted logistic gradient (examples of unknown urgency are left out).
      if (urgent === undefined) continue
      let s = ub
      for (let j = 0; j < rows.length; j++) s += U[rows[j]!]! * values[j]!
      const g = (1 / (1 + Math.exp(-s)) - (urgent ? 1 : 0)) * (urgent ? options.urgentWeight : 1)
      gub += g * g
      ub -= (options.rate * g) / Math.sqrt(gub)
      for (let j = 0; j < rows.length; j++) {
        const r = rows[j]!
        const gg = g * values[j]! + options.urgencyL2 * U[r]!
        GU[r]! += gg * gg
        U[r]! -= (options.rate * gg) / Math.sqrt(GU[r]!)
      }
    }
  }
  // Adding a constant to one feature's weights for every category changes no probability, so each
  // row is centred on its median: most categories then sit at 0 and are dropped.
  const sorted = new Float64Array(C)
  for (let r = 0; r < R; r++) {
    for (let c = 0; c < C; c++) sorted[c] = W[r * C + c]!
    sorted.sort()
    const median = C % 2 === 1 ? sorted[(C - 1) >> 1]! : (sorted[C / 2 - 1]! + sorted[C / 2]!) / 2
    for (let c = 0; c < C; c++) W[r * C + c]! -= median
  }
  // Sparse rows: the rows with a weight, each (count, then (category, int8 weight) per category kept).
  const { scale, q } = quantise(W)
  const urgency = quantise(U)
  const kept = (r: number, c: number) => Math.abs(q[r * C + c]!) >= Math.max(1, options.prune)
  const bytes: Array<number> = []
  const listed: Array<number> = []
  const urgencyBytes: Array<number> = []
  for (let r = 0; r < R; r++) {
    const cs: Array<number> = []
    for (let c = 0; c < C; c++) if (kept(r, c)) cs.push(c)
    if (cs.length === 0 && urgency.q[r] === 0) continue
    listed.push(r)
    urgencyBytes.push(urgency.q[r]! & 0xff)
    bytes.push(cs.length)
    for (const c of cs) bytes.push(c, q[r * C + c]! & 0xff)
  }
  const strongest: Record<string, ReadonlyArray<readonly [string, number]>> = {}
  cats.forEach((cat, c) => {
    strongest[cat] = listed
      .map((r) => [rowName.get(r) ?? `#${r}`, kept(r, c) ? q[r * C + c]! * scale : 0] as const)
      .filter(([, w]) => w > 0)
      .sort((x, y) => y[1] - x[1] || (x[0] < y[0] ? -1 : 1))
      .slice(0, 12)
      .map(([n, w]) => [n, Math.round(w * 100) / 100] as const)
  })
  const strongestUrgency = listed
    .map((r) => [rowName.get(r) ?? `#${r}`, urgency.q[r]! * urgency.scale] as const)
    .filter(([, w]) => w > 0)
    .sort((x, y) => y[1] - x[1] || (x[0] < y[0] ? -1 : 1))
    .slice(0, 20)
    .map(([n, w]) => [n, Math.round(w * 100) / 100] as const)
  return {
    format: "murojaat.triage.model",
    version: 2,
    spec: options.spec,
    bits: options.bits,
    categories: cats,
    bias: Array.from(B, (x) => Number(x.toPrecision(8))),
    scale,
    hashes: Base64.encode(int32Bytes(listed)),
    weights: Base64.encode(Uint8Array.from(bytes)),
    urgency: { bias: Number(ub.toPrecision(8)), scale: urgency.scale, weights: Base64.encode(Uint8Array.from(urgencyBytes)) },
    training: {
      examples: docs.length,
      sources: [...sources],
      options: {
        ngrams: options.spec.ngrams.join(","),
        stems: options.spec.stems,
        pairs: options.spec.pairs,
        bits: options.bits,
        minDf: options.minDf,
        epochs: options.epochs,
        rate: options.rate,
        l2: options.l2,
        urgencyL2: options.urgencyL2,
        urgentWeight: options.urgentWeight,
        seed: options.seed,
        prune: options.prune
      }
    },
    strongest,
    strongestUrgency
  }
}
