/**
 * Trains the statistical layer (`model.ts`) from labelled texts. Pure and deterministic: the same
 * examples and options give the same model, byte for byte (a fixed-seed shuffle, float64 sums in a
 * fixed order, weights rounded to int8).
 *
 * Category: multinomial logistic regression, AdaGrad stochastic gradient descent with L2
 * regularisation, over the features seen in at least `minDf` examples. Urgency: binary logistic
 * regression over the same features, urgent examples weighted `urgentWeight` times (the detector's
 * job is recall). Weights below half a quantisation step are dropped, so rows stay sparse.
 */
import * as Base64 from "./base64.js"
import { bag, extract, name, type Spec } from "./features.js"
import { fold } from "./fold.js"
import * as Matcher from "./matcher.js"
import { int32Bytes, type Model } from "./model.js"

/** One labelled text (`urgent` unknown: the example does not train urgency). */
export interface Example {
  readonly text: string
  readonly category: string
  readonly urgent?: boolean | undefined
}

/** Training options (all recorded in the model). */
export interface Options {
  readonly spec: Spec
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
  spec: { ngrams: [4], stems: true, pairs: true },
  minDf: 2,
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
  const b = bag()
  // Features of every example, and a readable name for each (the first place it was seen).
  const names = new Map<number, string>()
  const df = new Map<number, number>()
  const raw: Array<{ counts: Map<number, number>; label: number; urgent: boolean | undefined }> = []
  for (const e of examples) {
    const label = index.get(e.category)
    if (label === undefined) continue
    const f = fold(e.text)
    const skip = new Uint8Array(f.count)
    Matcher.run(fillerMatcher, f, skip)
    extract(f, options.spec, b, skip)
    const counts = new Map<number, number>()
    for (let k = 0; k < b.count; k++) {
      const h = b.hash[k]!
      counts.set(h, (counts.get(h) ?? 0) + 1)
      if (!names.has(h)) names.set(h, name(f, b, k))
    }
    for (const h of counts.keys()) df.set(h, (df.get(h) ?? 0) + 1)
    raw.push({ counts, label, urgent: e.urgent })
  }
  const hashes = [...df].filter(([, d]) => d >= options.minDf).map(([h]) => h).sort((x, y) => x - y)
  const rowOf = new Map(hashes.map((h, r) => [h, r]))
  const docs: Array<Doc> = raw.map(({ counts, label, urgent }) => {
    const rows: Array<number> = []
    const values: Array<number> = []
    for (const [h, n] of [...counts].sort((x, y) => x[0] - y[0])) {
      const r = rowOf.get(h)
      if (r === undefined) continue
      rows.push(r)
      values.push(Math.log1p(n))
    }
    const norm = Math.sqrt(values.reduce((s, v) => s + v * v, 0)) || 1
    return { rows: Int32Array.from(rows), values: Float64Array.from(values, (v) => v / norm), label, urgent }
  })
  const R = hashes.length
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
  // Sparse rows: (count, then (category, int8 weight) per category kept).
  const { scale, q } = quantise(W)
  const bytes: Array<number> = []
  const keptRows: Array<number> = []
  for (let r = 0; r < R; r++) {
    const kept: Array<number> = []
    for (let c = 0; c < C; c++) if (Math.abs(q[r * C + c]!) >= Math.max(1, options.prune)) kept.push(c)
    keptRows.push(r)
    bytes.push(kept.length)
    for (const c of kept) bytes.push(c, q[r * C + c]! & 0xff)
  }
  const urgency = quantise(U)
  const strongest: Record<string, ReadonlyArray<readonly [string, number]>> = {}
  cats.forEach((cat, c) => {
    strongest[cat] = hashes
      .map((h, r) => [names.get(h)!, Math.abs(q[r * C + c]!) >= Math.max(1, options.prune) ? q[r * C + c]! * scale : 0] as const)
      .filter(([, w]) => w > 0)
      .sort((x, y) => y[1] - x[1] || (x[0] < y[0] ? -1 : 1))
      .slice(0, 12)
      .map(([n, w]) => [n, Math.round(w * 100) / 100] as const)
  })
  const strongestUrgency = hashes
    .map((h, r) => [names.get(h)!, urgency.q[r]! * urgency.scale] as const)
    .filter(([, w]) => w > 0)
    .sort((x, y) => y[1] - x[1] || (x[0] < y[0] ? -1 : 1))
    .slice(0, 20)
    .map(([n, w]) => [n, Math.round(w * 100) / 100] as const)
  return {
    format: "murojaat.triage.model",
    version: 1,
    spec: options.spec,
    categories: cats,
    bias: Array.from(B, (x) => Number(x.toPrecision(8))),
    scale,
    hashes: Base64.encode(int32Bytes(keptRows.map((r) => hashes[r]!))),
    weights: Base64.encode(Uint8Array.from(bytes)),
    urgency: { bias: Number(ub.toPrecision(8)), scale: urgency.scale, weights: Base64.encode(Uint8Array.from(urgency.q, (x) => x & 0xff)) },
    training: {
      examples: docs.length,
      sources: [...sources],
      options: {
        ngrams: options.spec.ngrams.join(","),
        stems: options.spec.stems,
        pairs: options.spec.pairs,
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
