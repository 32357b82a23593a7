/**
 * Triage: classifies an appeal's text into a category, decides its urgency, sets its priority and
 * flags, and explains itself (the rules and cues that fired with the citizen's words, and the
 * model's features that carried its decision).
 *
 * How a result is reached (docs/rules/triage.md has the rules, the model's strongest features and
 * the evaluation):
 * 1. **One pass of normalisation** (`Normalize.fold`): Latin and Cyrillic Uzbek, Russian, every
 *    apostrophe and doubled letter meet in one matching key per word.
 * 2. **One combined matcher** over every pattern of the category rules (`Taxonomy.Rule`) and the
 *    urgency cues (`Taxonomy.Cue`): a trie walked once from each word.
 * 3. **Category.** Rules score their categories; where they are confident (`ruleConfidence`) they
 *    win. Otherwise the {@link Classifier} decides (by default a logistic regression over character
 *    n-grams and stems, trained at build time: {@link defaultModel}). When rules and model
 *    disagree, confidence drops and a person decides (`needsPerson`).
 * 4. **Urgency**, a separate detector whose only job is recall: urgency rules combine cues (violence
 *    and "now", a small child and water, missing and unreachable...) and make the appeal urgent
 *    with a named signal; without one, the model's urgency probability from `unsure` up makes it
 *    "unsure": urgent (top of the worklist) and a person decides. Never silently normal.
 * 5. **Priority** is the most urgent of the category's default, any fired rule's, and urgency.
 *
 * The engine compiles on first use (no work at import). Texts may be any string; {@link decide}
 * refuses non-strings and over-long texts.
 *
 * @example
 * import { Triage } from "@murojaat/core"
 * const r = Triage.classify("Эрим мени пичоқ билан ўлдираман деб қўрқитди")
 * r.priority // "urgent"
 * r.urgency.level // "urgent"
 * r.category // "domesticViolence"
 *
 * @since 0.1.0
 */
import { Either, Schema } from "effect"
import * as Decode from "./Decode.js"
import * as Errors from "./Errors.js"
import type * as I18n from "./I18n.js"
import * as Normalize from "./Normalize.js"
import * as Taxonomy from "./Taxonomy.js"
import * as Engine_ from "./internal/triage/engine.js"
import * as Matcher from "./internal/triage/matcher.js"
import * as ModelData from "./internal/triage/model.js"
import { model as shippedModel } from "./internal/triage/modelData.js"
import * as Report_ from "./internal/triage/report.js"
import * as Train from "./internal/triage/train.js"

// ---------------------------------------------------------------------------------------------
// The classifier port and the model
// ---------------------------------------------------------------------------------------------

/**
 * A feature that carried a decision: its name (a character n-gram with word boundaries "^kosh",
 * `stem:koshni`, or a pair of stems `koshni+ur`, all in matching-key form), the citizen's words it
 * was read from, and how much it added.
 *
 * @example
 * import { Triage } from "@murojaat/core"
 * const f: Triage.Feature = { feature: "stem:pichok", words: "pichoq", weight: 1.2 }
 *
 * @since 0.2.0
 * @category models
 */
export interface Feature {
  readonly feature: string
  readonly words: string
  readonly weight: number
}

/**
 * What a classifier is given: the text, and its folded form (computed once, shared with the rules).
 *
 * @example
 * import { Triage, Normalize } from "@murojaat/core"
 * const input: Triage.ClassifierInput = { text: "Salom", folded: Normalize.fold("Salom") }
 *
 * @since 0.2.0
 * @category models
 */
export interface ClassifierInput {
  readonly text: string
  readonly folded: Normalize.Folded
}

/**
 * What a classifier says: a probability per category it knows, optionally the probability that the
 * appeal is urgent, and the features that carried its best category (and urgency).
 *
 * @example
 * import { Triage } from "@murojaat/core"
 * const p: Triage.Prediction = { probabilities: [{ category: "fraud", probability: 0.9 }], features: [] }
 *
 * @since 0.2.0
 * @category models
 */
export interface Prediction {
  readonly probabilities: ReadonlyArray<{ readonly category: string; readonly probability: number }>
  readonly urgency?: number | undefined
  readonly features: ReadonlyArray<Feature>
  readonly urgencyFeatures?: ReadonlyArray<Feature> | undefined
}

/**
 * The port of the statistical layer. The default is {@link modelClassifier} over
 * {@link defaultModel}; an operator plugs in a stronger classifier (a service, another model) with
 * `Triage.make(taxonomy, { classifier })` without touching the rules. It must be total and
 * deterministic for a given text.
 *
 * @example
 * import { Triage, Taxonomy } from "@murojaat/core"
 * const always: Triage.Classifier = { name: "always-fraud", predict: () => ({ probabilities: [{ category: "fraud", probability: 0.99 }], features: [] }) }
 * Triage.classify("Salom", Triage.make(Taxonomy.defaults, { classifier: always })).category // "fraud"
 *
 * @since 0.2.0
 * @category models
 */
export interface Classifier {
  readonly name: string
  readonly predict: (input: ClassifierInput) => Prediction
}

/**
 * A trained model as data (JSON-safe): feature spec, the size of its hashed table (2^bits rows: a
 * feature's row is the low bits of its hash), categories, biases, the rows that have weights and
 * their sparse int8 category weights (base64), the urgency weight of each such row, what it was
 * trained on, and its strongest features per category for auditors. Version 2 (feature hashing);
 * a version 1 model is refused: retrain it with `murojaat triage train`. Produced by {@link train} (`pnpm triage:train`,
 * `murojaat triage train`).
 *
 * @example
 * import { Triage } from "@murojaat/core"
 * Triage.defaultModel.format // "murojaat.triage.model"
 *
 * @since 0.2.0
 * @category models
 */
export type Model = ModelData.Model

/**
 * The model shipped with the core (generated by `pnpm triage:train` into
 * `internal/triage/modelData.ts`; docs/rules/triage.md says what it was trained on). Decoded on
 * first use.
 *
 * @example
 * import { Triage } from "@murojaat/core"
 * Triage.defaultModel.categories.includes("fraud") // true
 *
 * @since 0.2.0
 * @category models
 */
export const defaultModel: Model = shippedModel

/**
 * The built-in {@link Classifier} over a trained {@link Model}.
 *
 * @example
 * import { Triage, Normalize } from "@murojaat/core"
 * const c = Triage.modelClassifier(Triage.defaultModel)
 * const text = "Kartamdan pul yechib olishdi, SMS kodni soʻrashdi"
 * c.predict({ text, folded: Normalize.fold(text) }).probabilities.length > 10 // true
 *
 * @since 0.2.0
 * @category models
 */
export const modelClassifier = (model: Model): Classifier => Engine_.modelClassifier(model)

// Base64, possibly broken into lines.
const Base64Text = Schema.String.pipe(Schema.pattern(/^[A-Za-z0-9+/\s]*=*\s*$/))

const ModelSchema = Schema.Struct({
  format: Schema.Literal("murojaat.triage.model"),
  version: Schema.Literal(2),
  spec: Schema.Struct({ ngrams: Schema.Array(Schema.Int.pipe(Schema.between(1, 4))), stems: Schema.Boolean, pairs: Schema.Boolean }),
  bits: Schema.Int.pipe(Schema.between(ModelData.minBits, ModelData.maxBits)),
  categories: Schema.Array(Taxonomy.CategoryCode).pipe(Schema.minItems(1), Schema.maxItems(255)),
  bias: Schema.Array(Schema.Number),
  scale: Schema.Number.pipe(Schema.positive()),
  hashes: Base64Text,
  weights: Base64Text,
  urgency: Schema.Struct({ bias: Schema.Number, scale: Schema.Number.pipe(Schema.positive()), weights: Base64Text }),
  training: Schema.Struct({
    examples: Schema.NonNegativeInt,
    sources: Schema.Array(Schema.String),
    options: Schema.Record({ key: Schema.String, value: Schema.Union(Schema.Number, Schema.Boolean, Schema.String) })
  }),
  strongest: Schema.Record({ key: Schema.String, value: Schema.Array(Schema.Tuple(Schema.String, Schema.Number)) }),
  strongestUrgency: Schema.Array(Schema.Tuple(Schema.String, Schema.Number))
})

/**
 * Decodes a model from untrusted data (a JSON file an operator trained): the shape is checked with
 * Schema and the weights are decoded once; anything wrong is `InvalidInput`.
 *
 * @example
 * import { Triage } from "@murojaat/core"
 * Triage.decodeModel({ format: "something else" })._tag // "Left"
 * Triage.decodeModel(JSON.parse(JSON.stringify(Triage.defaultModel)))._tag // "Right"
 *
 * @since 0.2.0
 * @category models
 */
export const decodeModel = (input: unknown): Either.Either<Model, Errors.InvalidInput> =>
  Either.flatMap(
    Decode.either(ModelSchema, "Triage.Model")(input),
    (m) => {
      const model = m as Model
      if (model.bias.length !== model.categories.length)
        return Either.left(new Errors.InvalidInput({ subject: "Triage.Model", issues: [new Errors.FieldIssue({ path: "bias", problem: "invalidValue", detail: "one bias per category" })] }))
      try {
        Engine_.checkModel(model)
        return Either.right(model)
      } catch {
        return Either.left(new Errors.InvalidInput({ subject: "Triage.Model", issues: [new Errors.FieldIssue({ path: "weights", problem: "invalidValue", detail: "the weights do not decode" })] }))
      }
    }
  )

/**
 * One labelled appeal to train on: its text, category and whether it was urgent. Also the line
 * format of a training file (JSON Lines; other fields are ignored).
 *
 * @example
 * import { Triage } from "@murojaat/core"
 * import { Schema } from "effect"
 * Schema.decodeUnknownSync(Triage.Example)({ text: "Kartamdan pul yechib olishdi", category: "fraud", urgent: false }).category // "fraud"
 *
 * @since 0.2.0
 * @category training
 */
export const Example = Schema.Struct({
  text: Schema.String.pipe(Schema.minLength(1), Schema.maxLength(100_000)),
  category: Taxonomy.CategoryCode,
  urgent: Schema.optional(Schema.Boolean)
})
/** @see Example */
export type Example = typeof Example.Type

/**
 * Training options: the features read (n-gram sizes, stems, pairs of stems), the table's size
 * (2^bits rows), the least number of examples a row must be used by to get weights, epochs,
 * learning rate, L2 regularisation (category, urgency),
 * how much more an urgent example weighs, the shuffle seed, and pruning of small weights.
 *
 * @example
 * import { Triage } from "@murojaat/core"
 * Triage.trainDefaults.spec.ngrams // [4]
 *
 * @since 0.2.0
 * @category training
 */
export type TrainOptions = Train.Options

/**
 * The options the shipped model was selected with (cross-validation on the train split and the
 * dev split: see scripts/triage-train.ts and docs/rules/triage.md).
 *
 * @example
 * import { Triage } from "@murojaat/core"
 * Triage.trainDefaults.minDf // 1
 *
 * @since 0.2.0
 * @category training
 */
export const trainDefaults: TrainOptions = Train.defaultOptions

/**
 * Trains a {@link Model} on labelled appeals (pure and deterministic: the same examples and options
 * give the same model). Categories not in the taxonomy are skipped; `sources` is recorded in the model.
 *
 * @example
 * import { Triage, Taxonomy } from "@murojaat/core"
 * const m = Triage.train([
 *   { text: "Kartamdan pul yechib olishdi", category: "fraud" },
 *   { text: "Karta raqamimni soʻrab pul yechishdi", category: "fraud" },
 *   { text: "Qoʻshnilar kechasi baland musiqa qoʻyadi", category: "publicOrder" },
 *   { text: "Kechasi musiqa baland, uxlay olmaymiz", category: "publicOrder" }
 * ], { sources: ["example"], options: { ...Triage.trainDefaults, minDf: 1 } })
 * m.categories // ["fraud", "publicOrder"]
 * Triage.classify("Kechasi baland musiqa", Triage.make(Taxonomy.defaults, { model: m })).model?.category // "publicOrder"
 *
 * @since 0.2.0
 * @category training
 */
export const train = (
  examples: ReadonlyArray<Example>,
  how: { readonly taxonomy?: Taxonomy.Taxonomy; readonly sources?: ReadonlyArray<string>; readonly options?: TrainOptions } = {}
): Model => {
  const taxonomy = how.taxonomy ?? Taxonomy.defaults
  return Train.train(examples, taxonomy.categories.map((c) => c.code), how.sources ?? [], how.options ?? Train.defaultOptions, taxonomy.fillers)
}

// ---------------------------------------------------------------------------------------------
// The engine
// ---------------------------------------------------------------------------------------------

/**
 * A taxonomy and a classifier, ready to triage. Cheap to make: the rules, cues and model compile on
 * first use (once per taxonomy and model object).
 *
 * @example
 * import { Triage, Taxonomy } from "@murojaat/core"
 * const engine: Triage.Engine = Triage.make(Taxonomy.defaults)
 * engine.taxonomy.categories.length // 22
 *
 * @since 0.1.0
 * @category engine
 */
export interface Engine {
  readonly taxonomy: Taxonomy.Taxonomy
  /** The statistical layer; `undefined`: rules only. */
  readonly classifier: Classifier | undefined
}

/**
 * How to build an engine: the {@link Model} to use with the built-in classifier (default
 * {@link defaultModel}), or a whole {@link Classifier} (it wins over `model`), or `classifier:
 * null` for rules only.
 *
 * @example
 * import { Triage, Taxonomy } from "@murojaat/core"
 * const rulesOnly: Triage.Options = { classifier: null }
 * Triage.make(Taxonomy.defaults, rulesOnly).classifier // undefined
 *
 * @since 0.2.0
 * @category engine
 */
export interface Options {
  readonly model?: Model | undefined
  readonly classifier?: Classifier | null | undefined
}

/**
 * Builds an {@link Engine} for a taxonomy (validated, or the defaults).
 *
 * @example
 * import { Triage, Taxonomy } from "@murojaat/core"
 * Triage.classify("Кучада итлар кўп, болаларга ташланади", Triage.make(Taxonomy.defaults)).category // "animals"
 *
 * @since 0.1.0
 * @category engine
 */
export const make = (taxonomy: Taxonomy.Taxonomy = Taxonomy.defaults, options: Options = {}): Engine => ({
  taxonomy,
  classifier: options.classifier === null ? undefined : (options.classifier ?? modelClassifier(options.model ?? defaultModel))
})

/**
 * Validates operator data (`Taxonomy.Overrides`, e.g. parsed JSON) over the defaults and builds an engine.
 *
 * @example
 * import { Triage } from "@murojaat/core"
 * import { Either } from "effect"
 * const e = Triage.fromOverrides({ rules: [{ id: "local.mosque", category: "proposal", weight: 9, match: ["masjid"], note: "n", examples: [] }] })
 * Either.isRight(e) && Triage.classify("Masjid oldida skameyka qoʻyish kerak", e.right).category // "proposal"
 *
 * @since 0.1.0
 * @category engine
 */
export const fromOverrides = (overrides: unknown, base: Taxonomy.Taxonomy = Taxonomy.defaults, options: Options = {}): Either.Either<Engine, Errors.InvalidInput> =>
  Either.map(Taxonomy.make(overrides, base), (t) => make(t, options))

/**
 * The engine of the built-in taxonomy and model.
 *
 * @example
 * import { Triage } from "@murojaat/core"
 * Triage.defaultEngine.taxonomy.settings.minConfidence // 0.5
 *
 * @since 0.1.0
 * @category engine
 */
export const defaultEngine: Engine = make()

// ---------------------------------------------------------------------------------------------
// Matching constants (documented in docs/rules/triage.md)
// ---------------------------------------------------------------------------------------------

/**
 * Words that negate the words right after them (Russian: не, нет, ни, без), as matching keys.
 *
 * @example
 * import { Triage } from "@murojaat/core"
 * Triage.negatorsBefore.has("ne") // true
 *
 * @since 0.1.0
 * @category rules
 */
export const negatorsBefore: ReadonlySet<string> = Matcher.negatorsBefore
/**
 * Words that negate the words right before them (Uzbek: yoʻq, emas; Russian: нет), as matching keys.
 *
 * @example
 * import { Triage } from "@murojaat/core"
 * Triage.negatorsAfter.has("yok") // true
 *
 * @since 0.1.0
 * @category rules
 */
export const negatorsAfter: ReadonlySet<string> = Matcher.negatorsAfter
/**
 * How many words before a match a preceding negator reaches (same clause): "не угрожал".
 *
 * @example
 * import { Triage } from "@murojaat/core"
 * Triage.negationBefore // 1
 *
 * @since 0.1.0
 * @category rules
 */
export const negationBefore = Matcher.negationBefore
/**
 * How many words after a match a following negator reaches (same clause): "pichoq yoʻq".
 *
 * @example
 * import { Triage } from "@murojaat/core"
 * Triage.negationAfter // 2
 *
 * @since 0.1.0
 * @category rules
 */
export const negationAfter = Matcher.negationAfter
/**
 * Each further distinct word a rule matches adds this share of its weight ...
 *
 * @example
 * import { Triage } from "@murojaat/core"
 * Triage.evidenceStep // 0.5
 *
 * @since 0.1.0
 * @category rules
 */
export const evidenceStep = Engine_.evidenceStep
/**
 * ... up to this multiple of its weight.
 *
 * @example
 * import { Triage } from "@murojaat/core"
 * Triage.maxEvidence // 2
 *
 * @since 0.1.0
 * @category rules
 */
export const maxEvidence = Engine_.maxEvidence
/**
 * Maximum number of other words between two words of a phrase.
 *
 * @example
 * import { Triage } from "@murojaat/core"
 * Triage.phraseGap // 2
 *
 * @since 0.1.0
 * @category rules
 */
export const phraseGap = Matcher.phraseGap

/**
 * The decisions triage records besides its rules, for the rule registry: the model chose the
 * category, or urgency was unsure.
 *
 * @example
 * import { Triage } from "@murojaat/core"
 * Triage.decisionRules.map((r) => r.id) // ["triage.model", "urgency.unsure"]
 *
 * @since 0.2.0
 * @category rules
 */
export const decisionRules: ReadonlyArray<{ readonly id: string; readonly source: string; readonly statement: string }> = [
  {
    id: Engine_.modelRuleId,
    source: "Murojaat triage (classification, not law): the statistical layer, trained on labelled appeals",
    statement: "No rule was confident, so the statistical model chose the category; the features that carried it are in the explanation."
  },
  {
    id: Engine_.unsureRuleId,
    source: "Murojaat triage: urgency is never silently normal (issue 13)",
    statement: "No urgency rule fired but the model's urgency probability reached the `unsure` setting: the appeal is urgent and a person decides."
  }
]

// ---------------------------------------------------------------------------------------------
// Result
// ---------------------------------------------------------------------------------------------

/**
 * One category rule that fired: its id, what it contributes, and the citizen's words it matched
 * (as written) with the context words that allowed it.
 *
 * @example
 * import { Triage } from "@murojaat/core"
 * const m: Triage.Match = Triage.classify("Qoʻshnim pichoq koʻrsatdi").matches.find((m) => m.ruleId === "weapons.named")!
 * m.words // ["pichoq"]
 *
 * @since 0.1.0
 * @category results
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
 * The urgency decision: `urgent` (an urgency rule fired), `unsure` (none fired, but the model's
 * urgency probability reached the `unsure` setting: urgent, and a person decides) or `none`.
 *
 * @example
 * import { Triage } from "@murojaat/core"
 * const l: Triage.UrgencyLevel = Triage.classify("Hozir qoʻshnilar urishyapti, tezroq keling").urgency.level
 * l // "urgent"
 *
 * @since 0.2.0
 * @category results
 */
export type UrgencyLevel = "urgent" | "unsure" | "none"

/**
 * Why the urgency is what it is: the urgency rules that fired (with their signal, level and cues;
 * where an urgent rule fired, only the urgent ones), every cue that fired with the citizen's words,
 * the model's urgency probability, and (when the model decided) the features that carried it.
 *
 * @example
 * import { Triage } from "@murojaat/core"
 * const u: Triage.Urgency = Triage.classify("Oʻgʻlim maktabdan qaytmadi, telefoni oʻchiq").urgency
 * u.rules.map((r) => r.ruleId) // ["urgent.missingUnreachable"]
 * Triage.classify("Qoʻshnimning uyida ruxsatsiz miltiq bor").urgency.rules.map((r) => `${r.ruleId} ${r.level}`) // ["unsure.weapon unsure"]
 *
 * @since 0.2.0
 * @category results
 */
export interface Urgency {
  readonly level: UrgencyLevel
  readonly rules: ReadonlyArray<{ readonly ruleId: string; readonly signal: Taxonomy.Signal; readonly level: "urgent" | "unsure"; readonly cues: ReadonlyArray<string> }>
  readonly cues: ReadonlyArray<{ readonly cueId: string; readonly kind: Taxonomy.CueKind; readonly words: ReadonlyArray<string> }>
  readonly probability?: number
  readonly features: ReadonlyArray<Feature>
}

/**
 * What the classifier said: its best category and probability, whether the decision agrees, the
 * three most likely categories, and the features that carried its best category.
 *
 * @example
 * import { Triage } from "@murojaat/core"
 * const m: Triage.ModelDecision | undefined = Triage.classify("Kartamdan pul yechib olishdi, SMS kodni soʻrashgan edi").model
 * m?.category // "fraud"
 *
 * @since 0.2.0
 * @category results
 */
export interface ModelDecision {
  readonly classifier: string
  readonly category: string
  readonly probability: number
  readonly agrees: boolean
  readonly top: ReadonlyArray<{ readonly category: string; readonly probability: number }>
  readonly features: ReadonlyArray<Feature>
}

/**
 * The triage of one text. `ruleIds`, `category`, `priority`, `flags`, `confidence` and
 * `needsPerson` are what the `triaged` event records; `decidedBy`, `matches`, `scores`, `urgency`,
 * `model` and `explanation` say why.
 *
 * @example
 * import { Triage } from "@murojaat/core"
 * const r: Triage.Result = Triage.classify("")
 * r.needsPerson // true
 * r.urgency.level === "urgent" // false
 *
 * @since 0.1.0
 * @category results
 */
export interface Result {
  readonly category: string
  readonly priority: Taxonomy.Priority
  readonly flags: ReadonlyArray<Taxonomy.Flag>
  readonly confidence: number
  readonly needsPerson: boolean
  /** Who chose the category: confident rules, the model, or neither (the fallback category). */
  readonly decidedBy: "rules" | "model" | "fallback"
  readonly ruleIds: ReadonlyArray<string>
  readonly signals: ReadonlyArray<Taxonomy.Signal>
  readonly matches: ReadonlyArray<Match>
  /** Rule scores per category, best first. */
  readonly scores: ReadonlyArray<{ readonly category: string; readonly score: number }>
  readonly urgency: Urgency
  readonly model?: ModelDecision
  readonly explanation: I18n.Text
}

/**
 * Triages a text. Total and deterministic: any string (empty, huge, binary-looking) gives a result.
 *
 * @example
 * import { Triage } from "@murojaat/core"
 * const r = Triage.classify("Qoʻshnilar har kecha baland ovozda musiqa qoʻyishadi")
 * r.category // "publicOrder"
 * r.ruleIds.includes("order.noise") // true
 *
 * @since 0.1.0
 * @category classification
 */
export const classify = (text: string, engine: Engine = defaultEngine): Result => Engine_.classify(text, engine.taxonomy, engine.classifier)

/**
 * Triages untrusted input: a string of at most `settings.maxChars` characters gives a
 * {@link Result}; anything else gives `Errors.InvalidInput`.
 *
 * @example
 * import { Triage } from "@murojaat/core"
 * Triage.decide(42)._tag // "Left"
 * Triage.decide("Ўғлим уйга қайтмади")._tag // "Right"
 *
 * @since 0.1.0
 * @category classification
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
 * The data of the `triage` command the pipeline records for a result.
 *
 * @example
 * import { Triage } from "@murojaat/core"
 * Object.keys(Triage.toEventData(Triage.classify("salom"))) // ["category", "priority", "flags", "confidence", "needsPerson", "ruleIds"]
 *
 * @since 0.1.0
 * @category classification
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
 *
 * @since 0.1.0
 * @category evaluation
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
 *
 * @since 0.1.0
 * @category evaluation
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
 * An accuracy report: overall category accuracy, accuracy where triage was confident, per-category
 * and per-flag precision/recall, recall and precision of urgent cases, under-prioritised cases, the
 * confusions, and the confusion matrix (rows: actual, columns: predicted, over `labels`).
 *
 * @example
 * import { Triage } from "@murojaat/core"
 * Triage.report([{ predicted: { category: "fraud", priority: "normal", flags: [] }, actual: { category: "fraud", priority: "urgent", flags: [] } }]).urgentRecall // 0
 *
 * @since 0.1.0
 * @category evaluation
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
  readonly matrix: { readonly labels: ReadonlyArray<string>; readonly counts: ReadonlyArray<ReadonlyArray<number>> }
}

/**
 * Builds an accuracy {@link Report} from (predicted, actual) pairs: the evaluation corpus, or
 * inspectors' corrections (see {@link reportFromEvents}).
 *
 * @example
 * import { Triage } from "@murojaat/core"
 * const r = Triage.report([{ predicted: { category: "fraud", priority: "normal", flags: [] }, actual: { category: "fraud", priority: "normal", flags: [] } }])
 * r.accuracy // 1
 * r.matrix.counts // [[1]]
 *
 * @since 0.1.0
 * @category evaluation
 */
export const report = (pairs: ReadonlyArray<{ readonly predicted: Labels; readonly actual: Labels }>): Report => Report_.report(pairs)

/**
 * The minimal shape of the stored events the reports read (`triaged`, `triageCorrected`); other
 * event types are ignored.
 *
 * @example
 * import { Triage } from "@murojaat/core"
 * const e: Triage.TriageEvent = { appealId: "A-1", seq: 3, type: "triaged", data: { category: "fraud", priority: "normal", flags: [] } }
 *
 * @since 0.1.0
 * @category evaluation
 */
export interface TriageEvent {
  readonly appealId: string
  readonly seq: number
  readonly type: string
  readonly data: unknown
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
 *   { appealId: "A-1", seq: 5, type: "triageCorrected", data: { category: "fraud", priority: "normal", flags: [], previous: { category: "other", priority: "normal", flags: [] } } }
 * ])
 * r.accuracy // 0
 * r.corrected // 1
 *
 * @since 0.1.0
 * @category evaluation
 */
export const reportFromEvents = (events: ReadonlyArray<TriageEvent>): Report & { readonly corrected: number } => Report_.reportFromEvents(events)

/**
 * A corrected appeal as a training example: the appeal, its text, and the category and urgency an
 * officer set (`triageCorrected`).
 *
 * @example
 * import { Triage } from "@murojaat/core"
 * const c: Triage.Correction = { appealId: "A-1", text: "Kartamdan pul yechishdi", category: "fraud", urgent: false }
 *
 * @since 0.2.0
 * @category training
 */
export interface Correction {
  readonly appealId: string
  readonly text: string
  readonly category: string
  readonly urgent: boolean
}

/**
 * Inspectors' corrections (`triageCorrected` events; the last one per appeal wins) as training
 * examples. The events carry no text (it is personal data): `textOf` gives it, from the store's
 * personal-data record or an export. Appeals whose text is gone (erased) are listed in `withoutText`.
 *
 * @example
 * import { Triage } from "@murojaat/core"
 * const r = Triage.corrections(
 *   [{ appealId: "A-1", seq: 5, type: "triageCorrected", data: { category: "fraud", priority: "normal", flags: [] } },
 *    { appealId: "A-2", seq: 4, type: "triageCorrected", data: { category: "minors", priority: "urgent", flags: [] } }],
 *   (id) => (id === "A-1" ? "Kartamdan pul yechishdi" : undefined)
 * )
 * r.examples.map((e) => e.category) // ["fraud"]
 * r.withoutText // ["A-2"]
 *
 * @since 0.2.0
 * @category training
 */
export const corrections = (
  events: ReadonlyArray<TriageEvent>,
  textOf: (appealId: string) => string | undefined
): { readonly examples: ReadonlyArray<Correction>; readonly withoutText: ReadonlyArray<string> } => Report_.corrections(events, textOf)
