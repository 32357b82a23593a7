/**
 * Triage: classifies an appeal's text into a category, sets its priority and flags, and explains
 * itself (the rules that fired and the citizen's words they matched). Rules are data
 * (`Taxonomy.Rule`); the text is normalised first (`Normalize`), so Latin and Cyrillic Uzbek,
 * Russian, any apostrophe and any suffix meet the same rule.
 *
 * How a result is reached:
 * 1. Every rule whose pattern occurs (not negated, with its context, without its `unless`) fires.
 * 2. Each fired rule adds its weight to its category's score (more, up to twice, when it matched
 *    several distinct words: weight x min(2, 1 + 0.5 x (words - 1))). The best category wins if its score
 *    reaches `minScore`; confidence = min(1, best / saturation) x (0.4 + 0.6 x margin), where
 *    margin = (best - second) / best. Below `minScore` or `minConfidence`, `needsPerson` is true:
 *    a person decides, the rules never guess silently.
 * 3. Priority = the most urgent of: the chosen category's default, the default of every category
 *    with enough evidence, and the priority of every fired rule. Priority signals (threat to life,
 *    weapon, child in danger, violence now) make it urgent whatever the category.
 * 4. Flags = the flags of every fired rule, plus the chosen category's flags when confident.
 *
 * @example
 * import { Triage } from "@murojaat/core"
 * const r = Triage.classify("Эрим мени пичоқ билан ўлдираман деб қўрқитди")
 * r.priority // "urgent"
 * r.signals // ["threatToLife", "weapon"]
 * r.flags.includes("domesticViolence") // true
 */
import { Either } from "effect"
import * as Errors from "./Errors.js"
import * as I18n from "./I18n.js"
import * as Normalize from "./Normalize.js"
import * as Taxonomy from "./Taxonomy.js"

// ---------------------------------------------------------------------------------------------
// Compiled rules
// ---------------------------------------------------------------------------------------------

interface Word {
  readonly keys: ReadonlyArray<string>
  readonly exact: boolean
}
interface CompiledPattern {
  readonly words: ReadonlyArray<Word>
}
interface CompiledRule {
  readonly rule: Taxonomy.Rule
  readonly match: ReadonlyArray<number>
  readonly context: ReadonlyArray<number>
  readonly unless: ReadonlyArray<number>
  readonly negatable: boolean
}

/**
 * A compiled taxonomy, ready to triage. Build once with {@link make} and reuse.
 *
 * @example
 * import { Triage, Taxonomy } from "@murojaat/core"
 * const engine: Triage.Engine = Triage.make(Taxonomy.defaults)
 * engine.taxonomy.categories.length // 22
 */
export interface Engine {
  readonly taxonomy: Taxonomy.Taxonomy
  /** @internal */
  readonly patterns: ReadonlyArray<CompiledPattern>
  /** @internal */
  readonly rules: ReadonlyArray<CompiledRule>
  /** @internal first words indexed: exact key -> patterns; 3-letter key prefix -> (key, pattern) */
  readonly exactIndex: ReadonlyMap<string, ReadonlyArray<number>>
  /** @internal */
  readonly prefixIndex: ReadonlyMap<string, ReadonlyArray<readonly [string, number]>>
}

/**
 * Words that negate the words right after them (Russian: не, нет, ни, без), as matching keys.
 *
 * @example
 * import { Triage } from "@murojaat/core"
 * Triage.negatorsBefore.has("ne") // true
 */
export const negatorsBefore: ReadonlySet<string> = new Set(["ne", "net", "ni", "bez"])
/**
 * Words that negate the words right before them (Uzbek: yoʻq, emas; Russian: нет), as matching keys.
 *
 * @example
 * import { Triage } from "@murojaat/core"
 * Triage.negatorsAfter.has("yok") // true
 */
export const negatorsAfter: ReadonlySet<string> = new Set(["yok", "emas", "net"])

/**
 * How many words before a match a preceding negator reaches (same clause): "не угрожал".
 *
 * @example
 * import { Triage } from "@murojaat/core"
 * Triage.negationBefore // 1
 */
export const negationBefore = 1
/**
 * How many words after a match a following negator reaches (same clause): "pichoq yoʻq", "tahdid qilgani yoʻq".
 *
 * @example
 * import { Triage } from "@murojaat/core"
 * Triage.negationAfter // 2
 */
export const negationAfter = 2

/**
 * Each further distinct word a rule matches adds this share of its weight ...
 *
 * @example
 * import { Triage } from "@murojaat/core"
 * Triage.evidenceStep // 0.5
 */
export const evidenceStep = 0.5
/**
 * ... up to this multiple of its weight.
 *
 * @example
 * import { Triage } from "@murojaat/core"
 * Triage.maxEvidence // 2
 */
export const maxEvidence = 2

/**
 * Maximum number of other words between two words of a phrase.
 *
 * @example
 * import { Triage } from "@murojaat/core"
 * Triage.phraseGap // 2
 */
export const phraseGap = 2

// Uzbek verb negation (-ma-) and "without" (-siz) right after a stem negate it: "urmadi", "qurolsiz".
const negatingSuffix = /^(ma|siz)/

const compileWord = (raw: string): Word => {
  const exact = raw.startsWith("=")
  const keys = Normalize.keyVariants(exact ? raw.slice(1) : raw).filter((k) => k.length > 0)
  // A stem shorter than 3 letters would match too much: it is matched whole.
  return { keys, exact: exact || keys.some((k) => k.length < 3) }
}

const compilePattern = (p: string): CompiledPattern => ({
  words: p
    .split(/[\s\-]+/u)
    .filter((w) => /[\p{L}\p{N}]/u.test(w))
    .flatMap((w) => {
      // "o'g'il-qiz" or "5-yosh" inside a word: split like the tokenizer does.
      const exact = w.startsWith("=")
      const parts = Normalize.tokens(exact ? w.slice(1) : w).map((t) => t.text)
      return parts.map((part, i) => compileWord(exact || (i < parts.length - 1) ? `=${part}` : part))
    })
    .filter((w) => w.keys.length > 0)
})

/**
 * Compiles a taxonomy (validated or the defaults) into an {@link Engine}.
 *
 * @example
 * import { Triage, Taxonomy } from "@murojaat/core"
 * Triage.classify("Кучада итлар кўп", Triage.make(Taxonomy.defaults)).category // "animals"
 */
export const make = (taxonomy: Taxonomy.Taxonomy = Taxonomy.defaults): Engine => {
  const patterns: Array<CompiledPattern> = []
  const ids = new Map<string, number>()
  const intern = (p: string): number => {
    const known = ids.get(p)
    if (known !== undefined) return known
    const compiled = compilePattern(p)
    if (compiled.words.length === 0) return -1
    patterns.push(compiled)
    ids.set(p, patterns.length - 1)
    return patterns.length - 1
  }
  const internAll = (ps: ReadonlyArray<string> | undefined) => (ps ?? []).map(intern).filter((i) => i >= 0)
  const rules = taxonomy.rules.map((rule) => ({
    rule,
    match: internAll(rule.match),
    context: internAll(rule.context),
    unless: internAll(rule.unless),
    negatable: rule.negatable ?? true
  }))
  const exactIndex = new Map<string, Array<number>>()
  const prefixIndex = new Map<string, Array<readonly [string, number]>>()
  patterns.forEach((p, pid) => {
    const first = p.words[0]!
    for (const k of first.keys) {
      if (first.exact) exactIndex.set(k, [...(exactIndex.get(k) ?? []), pid])
      else prefixIndex.set(k.slice(0, 3), [...(prefixIndex.get(k.slice(0, 3)) ?? []), [k, pid] as const])
    }
  })
  return { taxonomy, patterns, rules, exactIndex, prefixIndex }
}

/**
 * Validates operator data (`Taxonomy.Overrides`, e.g. parsed JSON) over the defaults and compiles it.
 *
 * @example
 * import { Triage } from "@murojaat/core"
 * import { Either } from "effect"
 * const e = Triage.fromOverrides({ rules: [{ id: "local.mosque", category: "proposal", weight: 3, match: ["masjid"], note: "n", examples: [] }] })
 * Either.isRight(e) && Triage.classify("Masjid oldida", e.right).category // "proposal"
 */
export const fromOverrides = (overrides: unknown, base: Taxonomy.Taxonomy = Taxonomy.defaults): Either.Either<Engine, Errors.InvalidInput> =>
  Either.map(Taxonomy.make(overrides, base), make)

/**
 * The engine for the built-in taxonomy.
 *
 * @example
 * import { Triage } from "@murojaat/core"
 * Triage.defaultEngine.taxonomy.settings.minConfidence // 0.5
 */
export const defaultEngine: Engine = make()

// ---------------------------------------------------------------------------------------------
// Matching
// ---------------------------------------------------------------------------------------------

interface Occurrence {
  readonly first: number
  readonly last: number
  readonly tokens: ReadonlyArray<number>
  readonly negatedBySuffix: boolean
}

type WordHit = "none" | "hit" | "negated"

const wordHit = (w: Word, k: string): WordHit => {
  for (const key of w.keys) {
    if (w.exact) {
      if (k === key) return "hit"
    } else if (k.startsWith(key)) return negatingSuffix.test(k.slice(key.length)) ? "negated" : "hit"
  }
  return "none"
}

const findOccurrences = (engine: Engine, toks: ReadonlyArray<Normalize.Token>): Map<number, Array<Occurrence>> => {
  const found = new Map<number, Array<Occurrence>>()
  const extend = (pid: number, start: number, firstHit: WordHit) => {
    const p = engine.patterns[pid]!
    const at: Array<number> = [start]
    let negated = firstHit === "negated"
    for (let w = 1; w < p.words.length; w++) {
      const prev = at[at.length - 1]!
      let hitAt = -1
      for (let j = prev + 1; j <= prev + 1 + phraseGap && j < toks.length; j++) {
        if (toks[j]!.clause !== toks[start]!.clause) break
        const h = wordHit(p.words[w]!, toks[j]!.key)
        if (h !== "none") {
          hitAt = j
          negated = negated || h === "negated"
          break
        }
      }
      if (hitAt < 0) return
      at.push(hitAt)
    }
    const list = found.get(pid) ?? []
    list.push({ first: start, last: at[at.length - 1]!, tokens: at, negatedBySuffix: negated })
    found.set(pid, list)
  }
  toks.forEach((t, i) => {
    for (const pid of engine.exactIndex.get(t.key) ?? []) extend(pid, i, "hit")
    for (const [k, pid] of engine.prefixIndex.get(t.key.slice(0, 3)) ?? []) {
      if (t.key.startsWith(k)) extend(pid, i, negatingSuffix.test(t.key.slice(k.length)) ? "negated" : "hit")
    }
  })
  return found
}

const negatedNearby = (toks: ReadonlyArray<Normalize.Token>, o: Occurrence): boolean => {
  const clause = toks[o.first]!.clause
  for (let j = Math.max(0, o.first - negationBefore); j < o.first; j++)
    if (toks[j]!.clause === clause && negatorsBefore.has(toks[j]!.key)) return true
  for (let j = o.last + 1; j <= Math.min(toks.length - 1, o.last + negationAfter); j++)
    if (toks[j]!.clause === clause && negatorsAfter.has(toks[j]!.key)) return true
  return false
}

// ---------------------------------------------------------------------------------------------
// Result
// ---------------------------------------------------------------------------------------------

/**
 * One rule that fired: its id, what it contributes, and the citizen's words it matched (as written)
 * with the context words that allowed it.
 *
 * @example
 * import { Triage } from "@murojaat/core"
 * const m: Triage.Match = Triage.classify("Qoʻshnim pichoq koʻrsatdi").matches.find((m) => m.ruleId === "signal.weapon")!
 * m.words // ["pichoq"]
 */
export interface Match {
  readonly ruleId: string
  readonly category?: string
  readonly weight: number
  /** What the rule adds to its category: weight x min(2, 1 + 0.5 x (distinct words matched - 1)). */
  readonly score: number
  readonly priority?: Taxonomy.Priority
  readonly signal?: Taxonomy.Signal
  readonly flags: ReadonlyArray<Taxonomy.Flag>
  readonly words: ReadonlyArray<string>
  readonly context: ReadonlyArray<string>
}

/**
 * The triage of one text. `ruleIds`, `category`, `priority`, `flags`, `confidence` and
 * `needsPerson` are what the `triaged` event records; `matches`, `scores` and `explanation` say why.
 *
 * @example
 * import { Triage } from "@murojaat/core"
 * const r: Triage.Result = Triage.classify("")
 * r.needsPerson // true
 * r.category // "other"
 */
export interface Result {
  readonly category: string
  readonly priority: Taxonomy.Priority
  readonly flags: ReadonlyArray<Taxonomy.Flag>
  readonly confidence: number
  readonly needsPerson: boolean
  readonly ruleIds: ReadonlyArray<string>
  readonly signals: ReadonlyArray<Taxonomy.Signal>
  readonly matches: ReadonlyArray<Match>
  readonly scores: ReadonlyArray<{ readonly category: string; readonly score: number }>
  readonly explanation: I18n.Text
}

const uniq = <A>(xs: Iterable<A>): Array<A> => [...new Set(xs)]
const round2 = (n: number): number => Math.round(n * 100) / 100

const fire = (engine: Engine, toks: ReadonlyArray<Normalize.Token>, occ: Map<number, Array<Occurrence>>, cr: CompiledRule): Match | undefined => {
  const words: Array<string> = []
  const context: Array<string> = []
  let contextOccurrences: ReadonlyArray<Occurrence> | undefined
  for (const pid of cr.match) {
    for (const o of occ.get(pid) ?? []) {
      if (cr.negatable && (o.negatedBySuffix || negatedNearby(toks, o))) continue
      const sentence = toks[o.first]!.sentence
      if (cr.unless.some((u) => (occ.get(u) ?? []).some((x) => toks[x.first]!.sentence === sentence))) continue
      if (cr.context.length > 0) {
        const win = cr.rule.window ?? Taxonomy.contextWindow
        contextOccurrences ??= cr.context.flatMap((c) => occ.get(c) ?? [])
        if (contextOccurrences.length === 0) break
        const near = contextOccurrences.filter((x) => x.last >= o.first - win && x.first <= o.last + win && (x.first < o.first || x.first > o.last))
        if (near.length === 0) continue
        for (const x of near) context.push(x.tokens.map((t) => toks[t]!.text).join(" "))
      }
      words.push(o.tokens.map((t) => toks[t]!.text).join(" "))
    }
  }
  if (words.length === 0) return undefined
  const r = cr.rule
  const weight = r.weight ?? 1
  const distinct = uniq(words.map((w) => Normalize.normalize(w))).length
  return {
    ruleId: r.id,
    ...(r.category !== undefined ? { category: r.category } : {}),
    weight,
    score: round2(weight * Math.min(maxEvidence, 1 + evidenceStep * (distinct - 1))),
    ...(r.priority !== undefined || r.signal !== undefined ? { priority: r.signal !== undefined ? "urgent" : r.priority! } : {}),
    ...(r.signal !== undefined ? { signal: r.signal } : {}),
    flags: r.flags ?? [],
    words: uniq(words),
    context: uniq(context)
  }
}

const names = {
  category: I18n.text("Toifa", "Тоифа", "Категория", "Category"),
  confidence: I18n.text("ishonch", "ишонч", "уверенность", "confidence"),
  needsPerson: I18n.text("qarorni inson qabul qilishi kerak", "қарорни инсон қабул қилиши керак", "решение должен принять человек", "a person must decide"),
  priority: I18n.text("Ustuvorlik", "Устуворлик", "Приоритет", "Priority"),
  signals: I18n.text("signallar", "сигналлар", "сигналы", "signals"),
  rules: I18n.text("Qoidalar", "Қоидалар", "Правила", "Rules"),
  none: I18n.text("hech qaysi qoida ishlamadi", "ҳеч қайси қоида ишламади", "ни одно правило не сработало", "no rule fired"),
  flags: I18n.text("Belgilar", "Белгилар", "Флаги", "Flags")
}

const explain = (engine: Engine, r: Omit<Result, "explanation">): I18n.Text => {
  const cat = Taxonomy.category(engine.taxonomy, r.category)
  const line = (l: I18n.Locale) =>
    [
      `${names.category[l]}: ${cat ? cat.name[l] : r.category} (${r.category}), ${names.confidence[l]} ${r.confidence}${r.needsPerson ? `; ${names.needsPerson[l]}` : ""}.`,
      `${names.priority[l]}: ${r.priority}${r.signals.length > 0 ? ` (${names.signals[l]}: ${r.signals.join(", ")})` : ""}.`,
      `${names.rules[l]}: ${r.matches.length === 0 ? names.none[l] : r.matches.map((m) => `${m.ruleId} [${m.words.map((w) => `"${w}"`).join(", ")}]`).join("; ")}.`,
      ...(r.flags.length > 0 ? [`${names.flags[l]}: ${r.flags.join(", ")}.`] : [])
    ].join(" ")
  return I18n.text(line("uz-Latn"), line("uz-Cyrl"), line("ru"), line("en"))
}

/**
 * Triages a text. Total and deterministic: any string (empty, huge, binary-looking) gives a result.
 *
 * @example
 * import { Triage } from "@murojaat/core"
 * const r = Triage.classify("Qoʻshnilar har kecha baland ovozda musiqa qoʻyishadi")
 * r.category // "publicOrder"
 * r.ruleIds.includes("order.noise") // true
 */
export const classify = (text: string, engine: Engine = defaultEngine): Result => {
  const { taxonomy } = engine
  const settings = taxonomy.settings
  const toks = Normalize.tokens(text)
  const occ = findOccurrences(engine, toks)
  const matches = engine.rules.flatMap((cr) => {
    const m = fire(engine, toks, occ, cr)
    return m === undefined ? [] : [m]
  })
  const order = new Map(taxonomy.categories.map((c, i) => [c.code, i]))
  const totals = new Map<string, number>()
  for (const m of matches) if (m.category !== undefined) totals.set(m.category, (totals.get(m.category) ?? 0) + m.score)
  const scores = [...totals]
    .map(([category, score]) => ({ category, score: round2(score) }))
    .sort((a, b) => b.score - a.score || (order.get(a.category) ?? 0) - (order.get(b.category) ?? 0))
  const best = scores[0]
  const top = best?.score ?? 0
  const second = scores[1]?.score ?? 0
  const confidence = top > 0 ? round2(Math.min(1, top / settings.saturation) * (0.4 + (0.6 * (top - second)) / top)) : 0
  const enough = best !== undefined && top >= settings.minScore
  const needsPerson = !enough || confidence < settings.minConfidence
  const category = enough ? best.category : settings.fallbackCategory
  const chosen = Taxonomy.category(taxonomy, category)
  let priority: Taxonomy.Priority = chosen?.priority ?? "normal"
  for (const s of scores) {
    const c = s.score >= settings.minScore ? Taxonomy.category(taxonomy, s.category) : undefined
    if (c !== undefined) priority = Taxonomy.maxPriority(priority, c.priority)
  }
  for (const m of matches) if (m.priority !== undefined) priority = Taxonomy.maxPriority(priority, m.priority)
  const flagOrder = Taxonomy.Flag.literals
  const flagSet = new Set(matches.flatMap((m) => m.flags))
  if (!needsPerson) for (const f of chosen?.flags ?? []) flagSet.add(f)
  const flags = flagOrder.filter((f) => flagSet.has(f))
  const signals = Taxonomy.Signal.literals.filter((s) => matches.some((m) => m.signal === s))
  const result = { category, priority, flags, confidence, needsPerson, ruleIds: matches.map((m) => m.ruleId), signals, matches, scores }
  return { ...result, explanation: explain(engine, result) }
}

/**
 * Triages untrusted input: a string of at most `settings.maxChars` characters gives a
 * {@link Result}; anything else gives `Errors.InvalidInput`.
 *
 * @example
 * import { Triage } from "@murojaat/core"
 * Triage.decide(42)._tag // "Left"
 * Triage.decide("Ўғлим уйга қайтмади")._tag // "Right"
 */
export const decide = (input: unknown, engine: Engine = defaultEngine): Either.Either<Result, Errors.InvalidInput> => {
  const max = engine.taxonomy.settings.maxChars
  if (typeof input !== "string")
    return Either.left(new Errors.InvalidInput({ subject: "Triage.text", issues: [new Errors.FieldIssue({ path: "text", problem: "wrongType", expected: "string", detail: `got ${input === null ? "null" : typeof input}` })] }))
  if (input.length > max)
    return Either.left(new Errors.InvalidInput({ subject: "Triage.text", issues: [new Errors.FieldIssue({ path: "text", problem: "invalidValue", expected: `at most ${max} characters`, detail: `${input.length} characters` })] }))
  return Either.right(classify(input, engine))
}

/**
 * The data of the `triaged` event for a result.
 *
 * @example
 * import { Triage } from "@murojaat/core"
 * Object.keys(Triage.toEventData(Triage.classify("salom"))) // ["category", "priority", "flags", "confidence", "needsPerson", "ruleIds"]
 */
export const toEventData = (r: Result) => ({
  category: r.category,
  priority: r.priority,
  flags: [...r.flags] as Array<string>,
  confidence: r.confidence,
  needsPerson: r.needsPerson,
  ruleIds: [...r.ruleIds]
})

// ---------------------------------------------------------------------------------------------
// Accuracy
// ---------------------------------------------------------------------------------------------

/**
 * What triage said, or what is true: category, priority, flags.
 *
 * @example
 * import { Triage } from "@murojaat/core"
 * const l: Triage.Labels = { category: "fraud", priority: "normal", flags: ["suspectedCrime"] }
 */
export interface Labels {
  readonly category: string
  readonly priority: Taxonomy.Priority
  readonly flags: ReadonlyArray<string>
  readonly needsPerson?: boolean
}

/**
 * Precision and recall of one category (or one flag).
 *
 * @example
 * import { Triage } from "@murojaat/core"
 * Triage.report([]).perCategory.length // 0
 */
export interface Stats {
  readonly name: string
  readonly support: number
  readonly predicted: number
  readonly truePositives: number
  readonly precision: number
  readonly recall: number
}

/**
 * An accuracy report: overall category accuracy, accuracy where triage was confident, per-category and
 * per-flag precision/recall, recall of urgent cases, under-prioritised cases and the confusions.
 *
 * @example
 * import { Triage } from "@murojaat/core"
 * Triage.report([{ predicted: { category: "fraud", priority: "normal", flags: [] }, actual: { category: "fraud", priority: "urgent", flags: [] } }]).urgentRecall // 0
 */
export interface Report {
  readonly total: number
  readonly correct: number
  readonly accuracy: number
  readonly confident: number
  readonly confidentAccuracy: number
  readonly needsPerson: number
  readonly urgentActual: number
  readonly urgentFound: number
  readonly urgentRecall: number
  readonly urgentPrecision: number
  readonly underPrioritised: number
  readonly perCategory: ReadonlyArray<Stats>
  readonly perFlag: ReadonlyArray<Stats>
  readonly confusions: ReadonlyArray<{ readonly actual: string; readonly predicted: string; readonly count: number }>
}

const ratio = (a: number, b: number): number => (b === 0 ? 1 : Math.round((a / b) * 10000) / 10000)

const stats = (name: string, pairs: ReadonlyArray<readonly [boolean, boolean]>): Stats => {
  const support = pairs.filter(([, actual]) => actual).length
  const predicted = pairs.filter(([p]) => p).length
  const truePositives = pairs.filter(([p, a]) => p && a).length
  return { name, support, predicted, truePositives, precision: ratio(truePositives, predicted), recall: ratio(truePositives, support) }
}

/**
 * Builds an accuracy {@link Report} from (predicted, actual) pairs: the evaluation corpus, or
 * inspectors' corrections (see {@link reportFromEvents}).
 *
 * @example
 * import { Triage } from "@murojaat/core"
 * const r = Triage.report([{ predicted: { category: "fraud", priority: "normal", flags: [] }, actual: { category: "fraud", priority: "normal", flags: [] } }])
 * r.accuracy // 1
 */
export const report = (pairs: ReadonlyArray<{ readonly predicted: Labels; readonly actual: Labels }>): Report => {
  const categories = uniq(pairs.flatMap((p) => [p.actual.category, p.predicted.category])).sort()
  const flags = uniq(pairs.flatMap((p) => [...p.actual.flags, ...p.predicted.flags])).sort()
  const correct = pairs.filter((p) => p.predicted.category === p.actual.category).length
  const confidentPairs = pairs.filter((p) => p.predicted.needsPerson !== true)
  const urgent = pairs.filter((p) => p.actual.priority === "urgent")
  const predictedUrgent = pairs.filter((p) => p.predicted.priority === "urgent")
  const confusions = new Map<string, number>()
  for (const p of pairs)
    if (p.predicted.category !== p.actual.category) {
      const k = `${p.actual.category}\u0000${p.predicted.category}`
      confusions.set(k, (confusions.get(k) ?? 0) + 1)
    }
  return {
    total: pairs.length,
    correct,
    accuracy: ratio(correct, pairs.length),
    confident: confidentPairs.length,
    confidentAccuracy: ratio(confidentPairs.filter((p) => p.predicted.category === p.actual.category).length, confidentPairs.length),
    needsPerson: pairs.length - confidentPairs.length,
    urgentActual: urgent.length,
    urgentFound: urgent.filter((p) => p.predicted.priority === "urgent").length,
    urgentRecall: ratio(urgent.filter((p) => p.predicted.priority === "urgent").length, urgent.length),
    urgentPrecision: ratio(predictedUrgent.filter((p) => p.actual.priority === "urgent").length, predictedUrgent.length),
    underPrioritised: pairs.filter((p) => Taxonomy.rank(p.predicted.priority) < Taxonomy.rank(p.actual.priority)).length,
    perCategory: categories.map((c) => stats(c, pairs.map((p) => [p.predicted.category === c, p.actual.category === c] as const))),
    perFlag: flags.map((f) => stats(f, pairs.map((p) => [p.predicted.flags.includes(f), p.actual.flags.includes(f)] as const))),
    confusions: [...confusions]
      .map(([k, count]) => {
        const [actual, predicted] = k.split("\u0000") as [string, string]
        return { actual, predicted, count }
      })
      .sort((a, b) => b.count - a.count || a.actual.localeCompare(b.actual) || a.predicted.localeCompare(b.predicted))
  }
}

/**
 * The minimal shape of the stored events this report reads (`triaged`, `triageCorrected`); other
 * event types are ignored.
 *
 * @example
 * import { Triage } from "@murojaat/core"
 * const e: Triage.TriageEvent = { appealId: "A-1", seq: 3, type: "triaged", data: { category: "fraud", priority: "normal", flags: [] } }
 */
export interface TriageEvent {
  readonly appealId: string
  readonly seq: number
  readonly type: string
  readonly data: unknown
}

const labelsOf = (data: unknown): Labels | undefined => {
  if (typeof data !== "object" || data === null) return undefined
  const d = data as Record<string, unknown>
  const priority = d["priority"]
  if (typeof d["category"] !== "string" || typeof priority !== "string" || !(Taxonomy.Priority.literals as ReadonlyArray<string>).includes(priority)) return undefined
  const flags = Array.isArray(d["flags"]) ? d["flags"].filter((f): f is string => typeof f === "string") : []
  return { category: d["category"], priority: priority as Taxonomy.Priority, flags, ...(d["needsPerson"] === true ? { needsPerson: true } : {}) }
}

/**
 * The accuracy report from inspectors' corrections: for each appeal, the first `triaged` event is
 * the prediction and the last `triageCorrected` (if any) the truth; an appeal nobody corrected
 * counts as correctly triaged. Also returns how many appeals were corrected.
 *
 * @example
 * import { Triage } from "@murojaat/core"
 * const r = Triage.reportFromEvents([
 *   { appealId: "A-1", seq: 2, type: "triaged", data: { category: "other", priority: "normal", flags: [] } },
 *   { appealId: "A-1", seq: 5, type: "triageCorrected", data: { category: "fraud", priority: "normal", flags: [], reason: "card fraud", previous: { category: "other", priority: "normal", flags: [] } } }
 * ])
 * r.accuracy // 0
 * r.corrected // 1
 */
export const reportFromEvents = (events: ReadonlyArray<TriageEvent>): Report & { readonly corrected: number } => {
  const byAppeal = new Map<string, { predicted?: Labels; actual?: Labels }>()
  for (const e of [...events].sort((a, b) => a.appealId.localeCompare(b.appealId) || a.seq - b.seq)) {
    const entry = byAppeal.get(e.appealId) ?? {}
    const labels = labelsOf(e.data)
    if (labels !== undefined && e.type === "triaged" && entry.predicted === undefined) entry.predicted = labels
    if (labels !== undefined && e.type === "triageCorrected") entry.actual = labels
    byAppeal.set(e.appealId, entry)
  }
  const pairs = [...byAppeal.values()].flatMap((x) => (x.predicted === undefined ? [] : [{ predicted: x.predicted, actual: x.actual ?? x.predicted }]))
  return { ...report(pairs), corrected: [...byAppeal.values()].filter((x) => x.predicted !== undefined && x.actual !== undefined).length }
}
