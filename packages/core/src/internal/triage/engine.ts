/**
 * The triage engine behind `Triage.classify`: one fold of the text, one run of the combined matcher
 * (category rules and urgency cues together), the classifier (the shipped model, or an operator's),
 * then the decisions: category (rules win where they are confident, the model decides the rest,
 * disagreement lowers confidence and asks for a person), urgency (rules on cues, else the model's
 * urgency probability), priority, flags and the explanation.
 */
import * as I18n from "../../I18n.js"
import * as Taxonomy from "../../Taxonomy.js"
import type * as Triage from "../../Triage.js"
import { type Folded, foldInto, scratch, type Scratch } from "./fold.js"
import * as Matcher from "./matcher.js"
import * as Model from "./model.js"
import * as Urgency from "./urgency.js"

/** Each further distinct word a rule matches adds this share of its weight ... */
export const evidenceStep = 0.5
/** ... up to this multiple of its weight. */
export const maxEvidence = 2

/** What an engine compiles on first use. */
export interface Compiled {
  readonly matcher: Matcher.Compiled
  readonly rules: number
  readonly order: ReadonlyMap<string, number>
  readonly categories: ReadonlyMap<string, Taxonomy.Category>
  /** A classifier's category list -> each category's taxonomy order, or -1 (see {@link ordersOf}). */
  readonly orders: WeakMap<ReadonlyArray<string>, Int32Array>
  /**
   * Score slots: the taxonomy's categories in order, then any other category a rule names. Per
   * rule its slot (-1: no category), its flags and its signal as bits of `Flag.literals` and
   * `Signal.literals` (the decision reads arrays, not maps and sets).
   */
  readonly slotCodes: ReadonlyArray<string>
  /** Each slot's tie order (the taxonomy order; 0 for a code outside it, as before). */
  readonly slotOrder: Int32Array
  readonly ruleSlot: Int32Array
  readonly ruleFlags: Int32Array
  readonly ruleSignal: Int32Array
  /** Per rule, what a match copies from it, in one shape (the rules themselves come in many). */
  readonly ruleParts: ReadonlyArray<RuleParts>
}

/**
 * The parts of a rule a match is built from. Decoded rules have a dozen shapes (optional keys
 * present or not), so reading them per match is a megamorphic look-up each; these records share one.
 */
interface RuleParts {
  readonly id: string
  readonly category: string | undefined
  readonly weight: number
  readonly signal: Taxonomy.Signal | undefined
  readonly priority: Taxonomy.Priority | undefined
  readonly flags: ReadonlyArray<Taxonomy.Flag>
}

const flagBit = new Map(Taxonomy.Flag.literals.map((f, i) => [f as string, 1 << i]))
const signalBit = new Map(Taxonomy.Signal.literals.map((x, i) => [x as string, 1 << i]))
const bitsOf = (xs: ReadonlyArray<string> | undefined, bits: ReadonlyMap<string, number>): number => {
  let m = 0
  for (const x of xs ?? []) m |= bits.get(x) ?? 0
  return m
}
// The literals whose bits are set, in the literals' order.
const ofBits = <A extends string>(literals: ReadonlyArray<A>, m: number): Array<A> => {
  const out: Array<A> = []
  for (let i = 0; m !== 0 && i < literals.length; i++) if ((m & (1 << i)) !== 0) out.push(literals[i]!)
  return out
}
const threatToSafety = flagBit.get("threatToSafety")!
const noFlags: ReadonlyArray<Taxonomy.Flag> = []

const compiledCache = new WeakMap<Taxonomy.Taxonomy, Compiled>()

/** Compiles a taxonomy's rules and cues into one matcher (cached per taxonomy object). */
export const compile = (taxonomy: Taxonomy.Taxonomy): Compiled => {
  const known = compiledCache.get(taxonomy)
  if (known !== undefined) return known
  const order = new Map(taxonomy.categories.map((x, i) => [x.code, i]))
  const slotCodes = taxonomy.categories.map((x) => x.code)
  const slotOf = new Map(order)
  for (const r of taxonomy.rules)
    if (r.category !== undefined && !slotOf.has(r.category)) {
      slotOf.set(r.category, slotCodes.length)
      slotCodes.push(r.category)
    }
  const c: Compiled = {
    matcher: Matcher.compile([...taxonomy.rules, ...taxonomy.cues], taxonomy.fillers),
    rules: taxonomy.rules.length,
    order,
    categories: new Map(taxonomy.categories.map((x) => [x.code, x])),
    orders: new WeakMap(),
    slotCodes,
    slotOrder: Int32Array.from(slotCodes, (code) => order.get(code) ?? 0),
    ruleSlot: Int32Array.from(taxonomy.rules, (r) => (r.category === undefined ? -1 : slotOf.get(r.category)!)),
    ruleFlags: Int32Array.from(taxonomy.rules, (r) => bitsOf(r.flags, flagBit)),
    ruleSignal: Int32Array.from(taxonomy.rules, (r) => bitsOf(r.signal === undefined ? undefined : [r.signal], signalBit)),
    ruleParts: taxonomy.rules.map((r): RuleParts => ({
      id: r.id,
      category: r.category,
      weight: r.weight ?? 1,
      signal: r.signal,
      priority: r.priority,
      flags: r.flags ?? noFlags
    }))
  }
  compiledCache.set(taxonomy, c)
  return c
}

// Each classifier category's taxonomy order (-1: not in the taxonomy), once per category list: the
// built-in model returns the same list on every call, so the per-appeal loops read an array
// instead of looking each code up.
const ordersOf = (c: Compiled, categories: ReadonlyArray<string>): Int32Array => {
  let orders = c.orders.get(categories)
  if (orders === undefined) {
    orders = Int32Array.from(categories, (code) => c.order.get(code) ?? -1)
    c.orders.set(categories, orders)
  }
  return orders
}

// What the engine reads from any classifier: categories with probabilities, the urgency
// probability, and (when asked) the features that carried a category or urgency.
interface Read {
  readonly categories: ReadonlyArray<string>
  readonly probabilities: ArrayLike<number>
  readonly urgency: number | undefined
  readonly features: (target: number, against: number) => ReadonlyArray<Triage.Feature>
}

const builtIn = Symbol("murojaat.triage.model")
interface BuiltIn {
  readonly [builtIn]: (folded: Folded, skip: Uint8Array) => Read
}

/** The built-in classifier over a trained model (see `model.ts`). */
export const modelClassifier = (model: Model.Model, name = "ngram-logistic"): Triage.Classifier => {
  const read = (folded: Folded, skip?: Uint8Array): Read => {
    const c = Model.compile(model)
    const p = Model.predict(c, folded, skip)
    return { categories: c.categories, probabilities: p.probabilities, urgency: p.urgency, features: p.carriers }
  }
  const classifier: Triage.Classifier & BuiltIn = {
    name,
    predict: ({ folded }) => {
      const r = read(folded)
      let best = 0
      let second = r.categories.length > 1 ? 1 : 0
      for (let i = 0; i < r.categories.length; i++) if (r.probabilities[i]! > r.probabilities[best]!) best = i
      if (second === best) second = 0
      for (let i = 0; i < r.categories.length; i++) if (i !== best && r.probabilities[i]! > r.probabilities[second]!) second = i
      return {
        probabilities: r.categories.map((category, i) => ({ category, probability: r.probabilities[i]! })),
        urgency: r.urgency,
        features: r.features(best, second),
        urgencyFeatures: r.features(-1, -1)
      }
    },
    [builtIn]: read
  }
  return classifier
}

const readAny = (classifier: Triage.Classifier, text: string, folded: Folded, skip: Uint8Array): Read => {
  const fast = (classifier as Partial<BuiltIn>)[builtIn]
  if (fast !== undefined) return fast(folded, skip)
  const p = classifier.predict({ text, folded })
  return {
    categories: p.probabilities.map((x) => x.category),
    probabilities: p.probabilities.map((x) => x.probability),
    urgency: p.urgency,
    features: (target) => (target < 0 ? (p.urgencyFeatures ?? []) : p.features)
  }
}

const round2 = (n: number): number => Math.round(n * 100) / 100
const round3 = (n: number): number => Math.round(n * 1000) / 1000

// A scratch for the fold and the filler marks; a nested call (a classifier that triages) gets its own.
let shared: Scratch | undefined
let sharedSkip = new Uint8Array(0)
let busy = false

// Each code unit below U+0500 (Latin, Greek, Cyrillic) in lower case, from `toLowerCase` itself;
// -1 where one unit's lower case is not one unit or depends on its neighbours (İ, Σ).
const lowerUnit = Int32Array.from({ length: 0x500 }, (_, u) => {
  const l = String.fromCharCode(u).toLowerCase()
  return l.length === 1 && u !== 0x3a3 ? l.charCodeAt(0) : -1
})

/**
 * Whether two words are equal ignoring case, as their `toLowerCase` are; without making strings (a
 * two-byte string's `toLowerCase` is a runtime call) unless a unit is outside the table.
 */
export const sameLower = (a: string, b: string): boolean => {
  const n = a.length
  let same = n === b.length
  for (let i = 0; i < n; i++) {
    const x = a.charCodeAt(i)
    const lx = x < 0x500 ? lowerUnit[x]! : -1
    if (lx < 0) return a.toLowerCase() === b.toLowerCase()
    if (same) {
      const y = b.charCodeAt(i)
      const ly = y < 0x500 ? lowerUnit[y]! : -1
      if (ly < 0) return a.toLowerCase() === b.toLowerCase()
      same = lx === ly
    }
  }
  if (same) return true
  // `a` maps unit for unit; `b` may still lower to it if it has a unit outside the table.
  for (let i = 0; i < b.length; i++) {
    const y = b.charCodeAt(i)
    if (y >= 0x500 || lowerUnit[y]! < 0) return a.toLowerCase() === b.toLowerCase()
  }
  return false
}

// Distinct words, ignoring case (the matcher already dropped exact repeats); few words, so a
// quadratic scan allocates less than a set.
const distinctWords = (words: ReadonlyArray<string>): number => {
  if (words.length < 2) return words.length
  let n = 0
  for (let i = 0; i < words.length; i++) {
    let j = 0
    while (j < i && !sameLower(words[j]!, words[i]!)) j++
    if (j === i) n++
  }
  return n
}

// Built property by property in the order of `Triage.Match` (absent ones left out): no
// intermediate objects.
const matchOf = (rule: RuleParts, fired: Matcher.Fired): Triage.Match => {
  const weight = rule.weight
  const m: { -readonly [K in keyof Triage.Match]: Triage.Match[K] } = { ruleId: rule.id } as Triage.Match
  if (rule.category !== undefined) m.category = rule.category
  m.weight = weight
  m.score = round2(weight * Math.min(maxEvidence, 1 + evidenceStep * (distinctWords(fired.words) - 1)))
  if (rule.signal !== undefined) {
    m.priority = "urgent"
    m.signal = rule.signal
  } else if (rule.priority !== undefined) m.priority = rule.priority
  m.flags = rule.flags
  m.words = fired.words
  m.context = fired.context
  return m
}

/** Triages a text with an engine's parts. */
export const classify = (text: string, taxonomy: Taxonomy.Taxonomy, classifier: Triage.Classifier | undefined): Triage.Result => {
  const nested = busy
  const s = nested ? scratch() : (shared ??= scratch())
  busy = true
  try {
    const folded = foldInto(s, text)
    let skip = nested ? new Uint8Array(folded.count) : sharedSkip
    if (skip.length < folded.count) skip = sharedSkip = new Uint8Array(folded.count * 2)
    return decide(text, folded, skip, taxonomy, classifier)
  } finally {
    busy = nested
  }
}

// What the lazy parts of a result (the explanation, the model's and urgency's features) need, in
// one object its three parts share: no closures over `decide`, whose variables would then live in
// a heap context for the whole decision.
class Pending {
  explanation: I18n.Text | undefined = undefined
  modelFeatures: ReadonlyArray<Triage.Feature> | undefined = undefined
  urgencyFeatures: ReadonlyArray<Triage.Feature> | undefined = undefined
  result: Omit<Triage.Result, "explanation"> | undefined = undefined
  constructor(
    readonly taxonomy: Taxonomy.Taxonomy,
    readonly read: Read | undefined,
    readonly modelBest: number,
    readonly modelSecond: number,
    readonly unsure: boolean
  ) {}
}
// The state is kept in a private field added to the result's own objects: a base class whose
// constructor returns the object it is given lets a subclass stamp its field on that object. The
// field is invisible to keys, JSON, spreads and equality checks, and adding it is an ordinary store
// (a hidden property defined with `Object.defineProperty` was a runtime call per object).
const Given = function (this: unknown, o: object) {
  return o
} as unknown as new (o: object) => object
class Stamped extends Given {
  readonly #pending: Pending
  constructor(o: object, p: Pending) {
    super(o)
    this.#pending = p
  }
  static of(o: object): Pending {
    return (o as Stamped).#pending
  }
}
function explanationOf(this: object): I18n.Text {
  const p = Stamped.of(this)
  return (p.explanation ??= explain(p.taxonomy, p.result!))
}
function modelFeaturesOf(this: object): ReadonlyArray<Triage.Feature> {
  const p = Stamped.of(this)
  return (p.modelFeatures ??= p.read!.features(p.modelBest, p.modelSecond))
}
function urgencyFeaturesOf(this: object): ReadonlyArray<Triage.Feature> {
  const p = Stamped.of(this)
  return (p.urgencyFeatures ??= p.read !== undefined && p.unsure ? p.read.features(-1, -1) : [])
}
// Own enumerable getters (JSON and equality see them), one shared function per key: a getter
// written in an object literal would make every result a dictionary with its own closures, which
// then survive young-generation collections (once a third of the time went to the collector).
const explanationGetter: PropertyDescriptor = { get: explanationOf, enumerable: true, configurable: true }
const modelFeaturesGetter: PropertyDescriptor = { get: modelFeaturesOf, enumerable: true, configurable: true }
const urgencyFeaturesGetter: PropertyDescriptor = { get: urgencyFeaturesOf, enumerable: true, configurable: true }
const withPending = <T extends object>(o: T, p: Pending, key: string, getter: PropertyDescriptor): T => {
  new Stamped(o, p)
  Object.defineProperty(o, key, getter)
  return o
}

// Each score slot's factor e^(ruleWeight × score) while the model's categories are combined; -1
// (never an exponential) for a slot no rule scored.
let slotFactor = new Float64Array(0)

const decide = (text: string, folded: Folded, skip: Uint8Array, taxonomy: Taxonomy.Taxonomy, classifier: Triage.Classifier | undefined): Triage.Result => {
  const settings = taxonomy.settings
  const c = compile(taxonomy)
  const fired = Matcher.run(c.matcher, folded, skip)

  // Category rules and urgency cues; each rule's score added to its category's slot (the slots
  // touched, in the order first scored, and their sums: a few, so a scan beats a map).
  const matches: Array<Triage.Match> = []
  const hits: Array<Urgency.CueHit> = []
  const touched: Array<number> = []
  const sums: Array<number> = []
  let flagBits = 0
  let signalBits = 0
  for (const f of fired) {
    if (f.item < c.rules) {
      const m = matchOf(c.ruleParts[f.item]!, f)
      matches.push(m)
      flagBits |= c.ruleFlags[f.item]!
      signalBits |= c.ruleSignal[f.item]!
      const slot = c.ruleSlot[f.item]!
      if (slot >= 0) {
        const k = touched.indexOf(slot)
        if (k < 0) {
          touched.push(slot)
          sums.push(0 + m.score)
        } else sums[k]! += m.score
      }
    } else {
      const cue = taxonomy.cues[f.item - c.rules]!
      hits.push({ cueId: cue.id, kind: cue.kind, words: f.words, at: f.at })
    }
  }
  const scores: Array<{ readonly category: string; readonly score: number }> = []
  // Highest first, ties in taxonomy order; an insertion sort (stable, as `sort` is) of a few
  // entries, with each entry's slot moved alongside.
  const sorted: Array<number> = []
  for (let i = 0; i < touched.length; i++) {
    const slot = touched[i]!
    const x = { category: c.slotCodes[slot]!, score: round2(sums[i]!) }
    const ox = c.slotOrder[slot]!
    scores.push(x)
    sorted.push(slot)
    let j = i - 1
    for (; j >= 0; j--) {
      const y = scores[j]!
      if ((x.score - y.score || c.slotOrder[sorted[j]!]! - ox) <= 0) break
      scores[j + 1] = y
      sorted[j + 1] = sorted[j]!
    }
    scores[j + 1] = x
    sorted[j + 1] = slot
  }
  const top = scores[0]?.score ?? 0
  const second = scores[1]?.score ?? 0
  const ruleConfidence = top > 0 ? round2(Math.min(1, top / settings.saturation) * (0.4 + (0.6 * (top - second)) / top)) : 0
  // No rule score, no rule category, whatever the minimum (minScore 0 is valid: the best score, 0,
  // reaches it with nothing scored).
  const ruleCategory = scores.length > 0 && top >= settings.minScore ? scores[0]!.category : undefined
  const ruleSlot = ruleCategory === undefined ? -1 : sorted[0]!

  // The classifier. Where it decides, the rules' scores still count: each category's probability
  // is multiplied by e^(ruleWeight × score) and the whole renormalised.
  const read = classifier === undefined ? undefined : readAny(classifier, text, folded, skip)
  let modelBest = -1
  let modelSecond = -1
  let combinedBest = -1
  let combinedZ = 0
  let combinedTop = 0
  let ruleIndex = -1
  const orders = read === undefined ? undefined : ordersOf(c, read.categories)
  if (read !== undefined) {
    const ps = read.probabilities
    let bestScore = -Infinity
    // The factor of a category no rule scored (e^(ruleWeight × 0)), computed once; each scored
    // slot's factor in a shared array, written after the classifier ran (a classifier that
    // triages has returned) and cleared before anything else runs.
    const unscored = touched.length === 0 ? 1 : Math.exp(settings.ruleWeight * 0)
    if (slotFactor.length < c.slotCodes.length) slotFactor = new Float64Array(c.slotCodes.length).fill(-1)
    const factor = slotFactor
    for (let k = 0; k < touched.length; k++) factor[touched[k]!] = Math.exp(settings.ruleWeight * sums[k]!)
    for (let i = 0; i < read.categories.length; i++) {
      const slot = orders![i]!
      if (slot < 0) continue
      if (slot === ruleSlot) ruleIndex = i
      if (modelBest < 0 || ps[i]! > ps[modelBest]!) {
        modelSecond = modelBest
        modelBest = i
      } else if (modelSecond < 0 || ps[i]! > ps[modelSecond]!) modelSecond = i
      const f = factor[slot]!
      const boosted = ps[i]! * (f !== -1 ? f : unscored)
      combinedZ += boosted
      if (boosted > bestScore) {
        bestScore = boosted
        combinedBest = i
        combinedTop = boosted
      }
    }
    for (const slot of touched) factor[slot] = -1
  }
  const pBest = modelBest < 0 ? 0 : read!.probabilities[modelBest]!
  const modelCategory = modelBest < 0 ? undefined : read!.categories[modelBest]!

  let category: string
  let confidence: number
  let needsPerson: boolean
  let decidedBy: Triage.Result["decidedBy"]
  if (ruleCategory !== undefined && (ruleConfidence >= settings.ruleConfidence || modelCategory === undefined)) {
    category = ruleCategory
    decidedBy = "rules"
    if (modelCategory === undefined || modelCategory === ruleCategory) {
      confidence = modelCategory === undefined ? ruleConfidence : round2(Math.max(ruleConfidence, pBest))
      needsPerson = confidence < settings.minConfidence
    } else {
      // The model disagrees: less confident, and a person decides.
      const pRule = ruleIndex < 0 ? 0 : read!.probabilities[ruleIndex]!
      confidence = round2(ruleConfidence * (0.5 + (0.5 * pRule) / pBest))
      needsPerson = true
    }
  } else if (read !== undefined && combinedBest >= 0) {
    category = read.categories[combinedBest]!
    decidedBy = "model"
    confidence = round2(combinedTop / combinedZ)
    // Rules with enough evidence for another category: a person decides.
    needsPerson = confidence < settings.minConfidence || (ruleCategory !== undefined && ruleCategory !== category)
  } else {
    category = settings.fallbackCategory
    decidedBy = "fallback"
    confidence = 0
    needsPerson = true
  }

  // Urgency.
  const allHits = Urgency.withProgressive(folded, hits)
  const evaluated = Urgency.evaluate(taxonomy.urgency, allHits)
  // Where an urgent rule fired, the unsure ones say nothing more: the explanation lists the urgent.
  let anyUrgent = false
  for (const u of evaluated) if (u.level === "urgent") anyUrgent = true
  const urgencyFired = anyUrgent ? evaluated.filter((u) => u.level === "urgent") : evaluated
  const probability = read?.urgency
  const level: Triage.UrgencyLevel = anyUrgent
    ? "urgent"
    : urgencyFired.length > 0 || (probability !== undefined && probability >= settings.unsure)
      ? "unsure"
      : "none"
  if (level === "unsure") needsPerson = true

  const chosen = c.categories.get(category)
  let priority: Taxonomy.Priority = chosen?.priority ?? "normal"
  for (const m of matches) if (m.priority !== undefined) priority = Taxonomy.maxPriority(priority, m.priority)
  if (level !== "none") priority = "urgent"
  if (!needsPerson) flagBits |= bitsOf(chosen?.flags, flagBit)
  if (level === "urgent") flagBits |= threatToSafety
  const flags = ofBits(Taxonomy.Flag.literals, flagBits)
  if (anyUrgent) for (const u of urgencyFired) signalBits |= signalBit.get(u.signal) ?? 0
  const signals = ofBits(Taxonomy.Signal.literals, signalBits)
  const ruleIds: Array<string> = []
  for (const m of matches) ruleIds.push(m.ruleId)
  for (const u of urgencyFired) ruleIds.push(u.ruleId)
  if (decidedBy === "model") ruleIds.push(modelRuleId)
  if (level === "unsure") ruleIds.push(unsureRuleId)
  if (ruleIds.length > 100) ruleIds.length = 100
  const cues: Array<{ readonly cueId: string; readonly kind: Taxonomy.CueKind; readonly words: ReadonlyArray<string> }> = []
  for (const h of allHits) cues.push({ cueId: h.cueId, kind: h.kind, words: h.words })
  const lazy = new Pending(taxonomy, read, modelBest, modelSecond, level === "unsure")
  const urgency = withPending(
    (probability !== undefined ? { level, rules: urgencyFired, cues, probability: round3(probability) } : { level, rules: urgencyFired, cues }) as Omit<Triage.Urgency, "features">,
    lazy,
    "features",
    urgencyFeaturesGetter
  ) as Triage.Urgency
  let model: Triage.ModelDecision | undefined
  if (read !== undefined && modelCategory !== undefined) {
    const topThree: Array<{ readonly category: string; readonly probability: number }> = []
    topThree.push({ category: modelCategory, probability: round3(pBest) })
    if (modelSecond >= 0) topThree.push({ category: read.categories[modelSecond]!, probability: round3(read.probabilities[modelSecond]!) })
    let third = -1
    for (let i = 0; i < read.categories.length; i++)
      if (i !== modelBest && i !== modelSecond && orders![i]! >= 0 && (third < 0 || read.probabilities[i]! > read.probabilities[third]!)) third = i
    if (third >= 0) topThree.push({ category: read.categories[third]!, probability: round3(read.probabilities[third]!) })
    model = withPending(
      { classifier: classifier!.name, category: modelCategory, probability: round3(pBest), agrees: modelCategory === category, top: topThree } as Omit<Triage.ModelDecision, "features">,
      lazy,
      "features",
      modelFeaturesGetter
    ) as Triage.ModelDecision
  }
  // The four-language explanation is written when it is first read (most callers read only the
  // decision).
  const result = (model !== undefined
    ? { category, priority, flags, confidence, needsPerson, decidedBy, ruleIds, signals, matches, scores, urgency, model }
    : { category, priority, flags, confidence, needsPerson, decidedBy, ruleIds, signals, matches, scores, urgency }) as Omit<Triage.Result, "explanation">
  lazy.result = result
  return withPending(result, lazy, "explanation", explanationGetter) as Triage.Result
}

/** The rule id recorded when the statistical layer chose the category. */
export const modelRuleId = "triage.model"
/** The rule id recorded when urgency is unsure (urgent, and a person decides). */
export const unsureRuleId = "urgency.unsure"

const names = {
  category: I18n.text("Toifa", "Тоифа", "Категория", "Category"),
  confidence: I18n.text("ishonch", "ишонч", "уверенность", "confidence"),
  needsPerson: I18n.text("qarorni inson qabul qilishi kerak", "қарорни инсон қабул қилиши керак", "решение должен принять человек", "a person must decide"),
  byRules: I18n.text("qoidalar boʻyicha", "қоидалар бўйича", "по правилам", "by the rules"),
  byModel: I18n.text("statistik model boʻyicha", "статистик модел бўйича", "по статистической модели", "by the statistical model"),
  fallback: I18n.text("dalil yetarli emas", "далил етарли эмас", "недостаточно данных", "not enough evidence"),
  priority: I18n.text("Ustuvorlik", "Устуворлик", "Приоритет", "Priority"),
  urgency: I18n.text("Shoshilinchlik", "Шошилинчлик", "Срочность", "Urgency"),
  urgent: I18n.text("shoshilinch", "шошилинч", "срочно", "urgent"),
  unsure: I18n.text("aniq emas: shoshilinch deb olinadi, inson tekshiradi", "аниқ эмас: шошилинч деб олинади, инсон текширади", "неясно: считается срочным, проверит человек", "unsure: treated as urgent, a person checks"),
  none: I18n.text("xavf belgisi yoʻq", "хавф белгиси йўқ", "признаков опасности нет", "no sign of danger"),
  rules: I18n.text("Qoidalar", "Қоидалар", "Правила", "Rules"),
  noRule: I18n.text("hech qaysi qoida ishlamadi", "ҳеч қайси қоида ишламади", "ни одно правило не сработало", "no rule fired"),
  model: I18n.text("Model", "Модел", "Модель", "Model"),
  features: I18n.text("belgilar", "белгилар", "признаки", "features"),
  flags: I18n.text("Belgilar", "Белгилар", "Флаги", "Flags")
}

const explain = (taxonomy: Taxonomy.Taxonomy, r: Omit<Triage.Result, "explanation">): I18n.Text => {
  const cat = Taxonomy.category(taxonomy, r.category)
  const features = (fs: ReadonlyArray<Triage.Feature>) => fs.slice(0, 5).map((f) => `${f.feature} (${f.words})`).join(", ")
  const line = (l: I18n.Locale) => {
    const how = r.decidedBy === "rules" ? names.byRules[l] : r.decidedBy === "model" ? names.byModel[l] : names.fallback[l]
    const level = r.urgency.level === "urgent" ? names.urgent[l] : r.urgency.level === "unsure" ? names.unsure[l] : names.none[l]
    const why =
      r.urgency.rules.length > 0
        ? ` (${r.urgency.rules.map((u) => `${u.ruleId}: ${u.cues.map((id) => `${id} [${(r.urgency.cues.find((x) => x.cueId === id)?.words ?? []).map((w) => `"${w}"`).join(", ")}]`).join(" + ")}`).join("; ")})`
        : r.urgency.level === "unsure" && r.urgency.features.length > 0
          ? ` (p=${r.urgency.probability}; ${features(r.urgency.features)})`
          : ""
    return [
      `${names.category[l]}: ${cat ? cat.name[l] : r.category} (${r.category}), ${how}, ${names.confidence[l]} ${r.confidence}${r.needsPerson ? `; ${names.needsPerson[l]}` : ""}.`,
      `${names.priority[l]}: ${r.priority}. ${names.urgency[l]}: ${level}${why}.`,
      `${names.rules[l]}: ${r.matches.length === 0 ? names.noRule[l] : r.matches.map((m) => `${m.ruleId} [${m.words.map((w) => `"${w}"`).join(", ")}]`).join("; ")}.`,
      ...(r.model !== undefined ? [`${names.model[l]}: ${r.model.category} ${r.model.probability}${r.model.features.length > 0 ? `; ${names.features[l]}: ${features(r.model.features)}` : ""}.`] : []),
      ...(r.flags.length > 0 ? [`${names.flags[l]}: ${r.flags.join(", ")}.`] : [])
    ].join(" ")
  }
  return I18n.text(line("uz-Latn"), line("uz-Cyrl"), line("ru"), line("en"))
}

/** Decodes a model's weights (throws when they do not decode; `Triage.decodeModel` catches it). */
export const checkModel = (model: Model.Model): void => {
  Model.compile(model)
}
