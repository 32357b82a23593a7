/**
 * The triage taxonomy: the categories of appeals a prevention inspector receives (Smart Mahalla's
 * "about 20 directions"), each with a code, names in four languages, a default priority, the
 * officer role best placed to handle it, and the competent body when it is not the police (so the
 * appeal can be forwarded within 5 days, ZRU-445), plus the triage rules as data.
 *
 * Operators add or override categories and rules without code changes: {@link make} takes plain
 * data (for example parsed from JSON), validates it with Schema and merges it over the defaults by
 * `code` and by rule `id`.
 *
 * @example
 * import { Taxonomy } from "@murojaat/core"
 * import { Either } from "effect"
 * const t = Taxonomy.make({ rules: [{ id: "local.dogs", category: "animals", match: ["itlar"], note: "dogs", examples: ["itlar"] }] })
 * Either.isRight(t) // true
 * Taxonomy.category(Taxonomy.defaults, "landDispute")?.competentBody?.en // "District (city) khokimiyat"
 */
import { Either, Schema } from "effect"
import * as Appeal from "./Appeal.js"
import * as Decode from "./Decode.js"
import * as Directory from "./Directory.js"
import * as Errors from "./Errors.js"
import * as I18n from "./I18n.js"
import { defaultCues, defaultFillers, defaultUrgency } from "./internal/triage/cues.js"
import { defaultRules } from "./internal/triage/rules.js"
import * as Categories from "./internal/triage/categories.js"

/**
 * How fast an appeal must be handled: the appeal model's `Appeal.Priority`, re-exported here.
 *
 * @example
 * import { Taxonomy } from "@murojaat/core"
 * Taxonomy.Priority.literals // ["urgent", "high", "normal", "low"]
 *
 * @since 0.1.0
 * @category models
 */
export const Priority = Appeal.Priority
/** @see Priority */
export type Priority = typeof Priority.Type

/**
 * Rank of a priority, higher is more urgent (low 0 ... urgent 3).
 *
 * @example
 * import { Taxonomy } from "@murojaat/core"
 * Taxonomy.rank("urgent") > Taxonomy.rank("high") // true
 *
 * @since 0.1.0
 * @category utils
 */
export const rank = (p: Priority): number => (p === "urgent" ? 3 : p === "high" ? 2 : p === "normal" ? 1 : 0)

/**
 * The more urgent of two priorities.
 *
 * @example
 * import { Taxonomy } from "@murojaat/core"
 * Taxonomy.maxPriority("normal", "urgent") // "urgent"
 *
 * @since 0.1.0
 * @category utils
 */
export const maxPriority = (a: Priority, b: Priority): Priority => (rank(b) > rank(a) ? b : a)

/**
 * The flags triage sets. `suspectedCrime`: the appeal may reveal a crime, so it must be handed to
 * the criminal-procedure track, not just answered (Criminal Procedure Code; ZRU-445 does not govern
 * crime reports). `domesticViolence`: starts the protection-order clock (the inspector studies the
 * report within 24 hours, ZRU-561). `minorInvolved`: a child is concerned (juvenile inspector).
 * `repeated`: a repeated appeal (ZRU-445). `threatToSafety`: someone's life or health is at risk
 * now. `officerComplaint`: a complaint about an officer (that officer must not handle it).
 * `collective`: signed by several people.
 *
 * @example
 * import { Taxonomy } from "@murojaat/core"
 * Taxonomy.Flag.literals.includes("domesticViolence") // true
 *
 * @since 0.1.0
 * @category models
 */
export const Flag = Schema.Literal(
  "suspectedCrime",
  "domesticViolence",
  "minorInvolved",
  "repeated",
  "threatToSafety",
  "officerComplaint",
  "collective"
)
/** @see Flag */
export type Flag = typeof Flag.Type

/**
 * Priority signals: each one makes an appeal urgent whatever its category; the urgency detector
 * (`Triage`) names the signal of every urgency rule that fired. `threatToLife`: a threat to kill, a
 * suicide threat or a farewell message, an abduction; `weapon`: a weapon shown, used or threatened
 * with; `childInDanger`: a child or a helpless person (old, ill, disabled) alone, locked in or in a
 * dangerous place; `violenceNow`: violence happening right now; `personMissing`: someone did not
 * come back and cannot be reached, or is helpless; `lifeAtRisk`: fire, gas, drowning, someone
 * unconscious or bleeding; `crowdAttack`: a crowd attacking someone; `dangerousDriver`: a driver
 * about to run people down.
 *
 * @example
 * import { Taxonomy } from "@murojaat/core"
 * Taxonomy.Signal.literals.length // 8
 *
 * @since 0.1.0
 * @category models
 */
export const Signal = Schema.Literal(
  "threatToLife",
  "weapon",
  "childInDanger",
  "violenceNow",
  "personMissing",
  "lifeAtRisk",
  "crowdAttack",
  "dangerousDriver"
)
/** @see Signal */
export type Signal = typeof Signal.Type

/**
 * A category code: camelCase letters and digits, stable audit vocabulary.
 *
 * @example
 * import { Taxonomy } from "@murojaat/core"
 * import { Schema } from "effect"
 * Schema.decodeUnknownSync(Taxonomy.CategoryCode)("domesticViolence") // "domesticViolence"
 *
 * @since 0.1.0
 * @category models
 */
export const CategoryCode = Schema.String.pipe(Schema.pattern(/^[a-z][A-Za-z0-9]{1,39}$/))
/** @see CategoryCode */
export type CategoryCode = typeof CategoryCode.Type

/**
 * One category: its code, names, default priority, best-placed officer role, the competent body
 * when it is not the police (absent = the police handle it), flags every appeal of it carries, and a
 * short note for auditors.
 *
 * @example
 * import { Taxonomy } from "@murojaat/core"
 * import { Schema } from "effect"
 * Schema.decodeUnknownSync(Taxonomy.Category)({
 *   code: "graffiti", name: { "uz-Latn": "Devoriy yozuvlar", "uz-Cyrl": "Деворий ёзувлар", ru: "Граффити", en: "Graffiti" },
 *   priority: "low", role: "preventionInspector", flags: [], note: "Paint on walls."
 * })
 *
 * @since 0.1.0
 * @category models
 */
export const Category = Schema.Struct({
  code: CategoryCode,
  name: I18n.Text,
  priority: Priority,
  role: Directory.OfficerRole,
  competentBody: Schema.optional(I18n.Text),
  flags: Schema.Array(Flag),
  note: Schema.String
})
/** @see Category */
export type Category = typeof Category.Type

/**
 * A rule id: dotted lower camelCase segments, e.g. `dv.beating`, `signal.weapon.firearm`.
 *
 * @example
 * import { Taxonomy } from "@murojaat/core"
 * import { Schema } from "effect"
 * Schema.decodeUnknownSync(Taxonomy.RuleId)("theft.stolen") // "theft.stolen"
 *
 * @since 0.1.0
 * @category models
 */
export const RuleId = Schema.String.pipe(Schema.pattern(/^[a-z][A-Za-z0-9]*(\.[a-z0-9][A-Za-z0-9-]*)+$/))
/** @see RuleId */
export type RuleId = typeof RuleId.Type

/**
 * A pattern in a rule: one or more words separated by spaces, in any script (Latin or Cyrillic
 * Uzbek, Russian) and with any apostrophes; they are normalised like the text. A word matches any
 * word of the text that begins with it (Uzbek and Russian add endings, never prefixes: "qoʻshni"
 * matches "qoʻshnilarimizdan"); a word written `=word` must match whole. The words of a phrase must
 * appear in this order in one clause, at most two other words apart.
 *
 * @example
 * import { Taxonomy } from "@murojaat/core"
 * import { Schema } from "effect"
 * Schema.decodeUnknownSync(Taxonomy.Pattern)("pichoq bilan") // "pichoq bilan"
 *
 * @since 0.1.0
 * @category models
 */
export const Pattern = Schema.String.pipe(
  Schema.filter((s) => /[\p{L}\p{N}]/u.test(s) || "a pattern needs at least one letter or digit"),
  Schema.maxLength(200)
)
/** @see Pattern */
export type Pattern = typeof Pattern.Type

/**
 * A triage rule. When one of `match` occurs (not negated: see below), and, if `context` is given,
 * one of `context` occurs within `window` words (default {@link contextWindow}), and none of `unless` occurs in the same
 * sentence, the rule fires: it adds `weight` to its `category`'s score, raises the priority to at
 * least `priority`, adds its `flags`, and records its `signal`. A negation ("yoʻq", "emas", "не",
 * "нет"...) in the same clause at most two words before or after the match cancels it, unless
 * `negatable` is false. `examples` are texts that must fire the rule (tests and docs run them).
 *
 * @example
 * import { Taxonomy } from "@murojaat/core"
 * import { Schema } from "effect"
 * const r = Schema.decodeUnknownSync(Taxonomy.Rule)({
 *   id: "noise.night", category: "publicOrder", weight: 2, match: ["shovqin*", "шум*"], context: ["kechasi", "ночью"],
 *   note: "Noise at night", examples: ["Kechasi qoʻshnilar shovqin qiladi"]
 * })
 * r.id // "noise.night"
 *
 * @since 0.1.0
 * @category models
 */
export const Rule = Schema.Struct({
  id: RuleId,
  category: Schema.optional(CategoryCode),
  weight: Schema.optional(Schema.Number.pipe(Schema.between(0, 10))),
  match: Schema.Array(Pattern).pipe(Schema.minItems(1)),
  context: Schema.optional(Schema.Array(Pattern).pipe(Schema.minItems(1))),
  window: Schema.optional(Schema.Int.pipe(Schema.between(1, 200))),
  unless: Schema.optional(Schema.Array(Pattern)),
  negatable: Schema.optional(Schema.Boolean),
  priority: Schema.optional(Priority),
  signal: Schema.optional(Signal),
  flags: Schema.optional(Schema.Array(Flag)),
  note: Schema.String,
  examples: Schema.Array(Schema.String),
  source: Schema.optional(Schema.String)
})
/** @see Rule */
export type Rule = typeof Rule.Type

/**
 * Words around a match searched for a rule's `context` (each side), unless the rule sets `window`.
 *
 * @example
 * import { Taxonomy } from "@murojaat/core"
 * Taxonomy.contextWindow // 10
 *
 * @since 0.1.0
 * @category settings
 */
export const contextWindow = 10

/**
 * What an urgency cue says about a text. Danger on its own: `fire` (fire, smoke, gas, a collapse,
 * live wires), `medical` (unconscious, not breathing, bleeding, drowning, an overdose), `suicide`
 * (a suicide threat or a farewell message), `abduction`. Danger in combination (see
 * {@link UrgencyRule}): `harm` (violence, also told by an idiom), `threat` (to kill or maim),
 * `weapon`, `now` (immediacy: now, urgently, come quickly, help, in every script), `vulnerable` (a
 * small child, an old, ill or disabled person), `alone` (alone, locked in, nobody looking after),
 * `hazard` (water, heights, a building site, a road, ice, cold), `missing` (did not come back),
 * `unreachable` (phone off, no contact), `crowd` (a crowd or a group), `driver` (a driver or a vehicle).
 *
 * @example
 * import { Taxonomy } from "@murojaat/core"
 * Taxonomy.CueKind.literals.includes("hazard") // true
 *
 * @since 0.1.0
 * @category models
 */
export const CueKind = Schema.Literal(
  "fire",
  "medical",
  "suicide",
  "abduction",
  "harm",
  "threat",
  "weapon",
  "now",
  "vulnerable",
  "alone",
  "hazard",
  "missing",
  "unreachable",
  "crowd",
  "driver"
)
/** @see CueKind */
export type CueKind = typeof CueKind.Type

/**
 * An urgency cue: patterns (the same syntax and matching as a {@link Rule}'s) that say one thing
 * about danger ({@link CueKind}). Cues only feed the urgency detector: they never choose a category.
 * `examples` are texts that must fire the cue.
 *
 * @example
 * import { Taxonomy } from "@murojaat/core"
 * import { Schema } from "effect"
 * Schema.decodeUnknownSync(Taxonomy.Cue)({ id: "cue.fire.local", kind: "fire", match: ["yongʻin"], note: "Fire", examples: ["Yongʻin!"], source: "ZRU-445" }).kind // "fire"
 *
 * @since 0.1.0
 * @category models
 */
export const Cue = Schema.Struct({
  id: RuleId,
  kind: CueKind,
  match: Schema.Array(Pattern).pipe(Schema.minItems(1)),
  context: Schema.optional(Schema.Array(Pattern).pipe(Schema.minItems(1))),
  window: Schema.optional(Schema.Int.pipe(Schema.between(1, 200))),
  unless: Schema.optional(Schema.Array(Pattern)),
  negatable: Schema.optional(Schema.Boolean),
  note: Schema.String,
  examples: Schema.Array(Schema.String),
  source: Schema.optional(Schema.String)
})
/** @see Cue */
export type Cue = typeof Cue.Type

/**
 * An urgency rule: when a cue of each kind in `when` fired (two or three kinds: each within
 * `window` words of a cue of the first kind), the appeal is urgent, with `signal`. A violence, threat or weapon cue on a word in
 * the Uzbek present continuous ("uryapti", "tepishyapti", "kaltaklamoqda") also counts as `now`.
 * `level` "unsure" (default "urgent") makes a rule mark the appeal unsure instead: urgent priority,
 * and a person decides (a danger sign alone, without what would make it certain).
 *
 * @example
 * import { Taxonomy } from "@murojaat/core"
 * import { Schema } from "effect"
 * Schema.decodeUnknownSync(Taxonomy.UrgencyRule)({ id: "urgent.test", when: ["harm", "now"], window: 15, signal: "violenceNow", note: "n", source: "s" }).window // 15
 * Schema.decodeUnknownSync(Taxonomy.UrgencyRule)({ id: "unsure.test", when: ["weapon"], level: "unsure", signal: "weapon", note: "n" }).level // "unsure"
 *
 * @since 0.1.0
 * @category models
 */
export const UrgencyRule = Schema.Struct({
  id: RuleId,
  when: Schema.Array(CueKind).pipe(Schema.minItems(1), Schema.maxItems(3)),
  window: Schema.optional(Schema.Int.pipe(Schema.between(1, 200))),
  signal: Signal,
  level: Schema.optional(Schema.Literal("urgent", "unsure")),
  note: Schema.String,
  source: Schema.optional(Schema.String)
})
/** @see UrgencyRule */
export type UrgencyRule = typeof UrgencyRule.Type

/**
 * Triage settings. `minScore`: below this best rule score the rules have not enough evidence.
 * `minConfidence`: below it, a person must decide. `saturation`: the rule score at which evidence
 * counts as strong. `ruleConfidence`: rules at least this confident choose the category (the model
 * decides the rest). `ruleWeight`: when the model decides, each category's probability is
 * multiplied by e^(ruleWeight × its rule score) and renormalised, so weaker rule evidence still
 * counts. `fallbackCategory`: the category when nothing has enough evidence. `unsure`:
 * the model's urgency probability from which an appeal without a firing urgency rule is "unsure":
 * urgent, and a person decides. `maxChars`: longer texts are refused with `InvalidInput` by
 * `Triage.decide` (a setting, so no text is cut silently). Defaults are documented in
 * docs/rules/triage.md.
 *
 * @example
 * import { Taxonomy } from "@murojaat/core"
 * Taxonomy.defaultSettings.minConfidence // 0.5
 *
 * @since 0.1.0
 * @category settings
 */
export const Settings = Schema.Struct({
  minScore: Schema.Number.pipe(Schema.between(0, 100)),
  minConfidence: Schema.Number.pipe(Schema.between(0, 1)),
  saturation: Schema.Number.pipe(Schema.between(0.1, 100)),
  ruleConfidence: Schema.Number.pipe(Schema.between(0, 1)),
  ruleWeight: Schema.Number.pipe(Schema.between(0, 10)),
  fallbackCategory: CategoryCode,
  unsure: Schema.Number.pipe(Schema.between(0, 1)),
  maxChars: Schema.Int.pipe(Schema.between(1, 10_000_000))
})
/** @see Settings */
export type Settings = typeof Settings.Type

/**
 * @see Settings
 *
 * @example
 * import { Taxonomy } from "@murojaat/core"
 * Taxonomy.defaultSettings.fallbackCategory // "other"
 *
 * @since 0.1.0
 * @category settings
 */
export const defaultSettings: Settings = {
  minScore: 1.5,
  minConfidence: 0.5,
  saturation: 6,
  ruleConfidence: 0.9,
  ruleWeight: 0.4,
  fallbackCategory: "other",
  unsure: 0.05,
  maxChars: 100_000
}

/**
 * A complete taxonomy: categories, category rules, urgency cues and rules, settings.
 *
 * @example
 * import { Taxonomy } from "@murojaat/core"
 * Taxonomy.defaults.categories.length >= 20 // true
 *
 * @since 0.1.0
 * @category models
 */
export interface Taxonomy {
  readonly categories: ReadonlyArray<Category>
  readonly rules: ReadonlyArray<Rule>
  readonly cues: ReadonlyArray<Cue>
  readonly urgency: ReadonlyArray<UrgencyRule>
  /** Polite formulas ("Assalomu alaykum", "Прошу принять меры"): no rule, cue or model reads their words. */
  readonly fillers: ReadonlyArray<Pattern>
  readonly settings: Settings
}

/**
 * The default categories (22). Competent bodies outside the police are defaults an operator may
 * override: which body is competent can differ by region and changes with reorganisations.
 *
 * @example
 * import { Taxonomy } from "@murojaat/core"
 * Taxonomy.defaultCategories.find((c) => c.code === "officerComplaint")?.role // "districtChief"
 *
 * @since 0.1.0
 * @category shipped data
 */
export const defaultCategories: ReadonlyArray<Category> = Categories.defaultCategories

/**
 * The built-in taxonomy: {@link defaultCategories}, the default category rules, urgency cues and
 * urgency rules (data in `internal/triage/rules.ts` and `internal/triage/cues.ts`), {@link defaultSettings}.
 *
 * @example
 * import { Taxonomy } from "@murojaat/core"
 * Taxonomy.defaults.cues.some((c) => c.kind === "weapon") // true
 *
 * @since 0.1.0
 * @category shipped data
 */
export const defaults: Taxonomy = { categories: defaultCategories, rules: defaultRules, cues: defaultCues, urgency: defaultUrgency, fillers: defaultFillers, settings: defaultSettings }

/**
 * Operator data merged over a taxonomy: categories, rules, urgency cues and urgency rules replace
 * those with the same code / id or are added; `fillers` replaces the list of polite formulas;
 * `disable` removes rules, cues and urgency rules by id; `settings` overrides some settings.
 *
 * @example
 * import { Taxonomy } from "@murojaat/core"
 * import { Schema } from "effect"
 * Schema.decodeUnknownSync(Taxonomy.Overrides)({ disable: ["animals.dog"], settings: { minConfidence: 0.6 } })
 *
 * @since 0.1.0
 * @category models
 */
export const Overrides = Schema.Struct({
  categories: Schema.optional(Schema.Array(Category)),
  rules: Schema.optional(Schema.Array(Rule)),
  cues: Schema.optional(Schema.Array(Cue)),
  urgency: Schema.optional(Schema.Array(UrgencyRule)),
  fillers: Schema.optional(Schema.Array(Pattern)),
  disable: Schema.optional(Schema.Array(RuleId)),
  settings: Schema.optional(Schema.partial(Settings))
})
/** @see Overrides */
export type Overrides = typeof Overrides.Type

const issue = (path: string, detail: string) => new Errors.FieldIssue({ path, problem: "invalidValue", detail })

/**
 * Checks a taxonomy's integrity: unique category codes, unique ids across rules, cues and urgency
 * rules, every rule's category exists, every kind an urgency rule needs has a cue, the fallback
 * category exists. That every rule and cue fires on each of its own examples is checked by the
 * `Triage` tests (not here, to keep this pure data check cheap).
 *
 * @example
 * import { Taxonomy } from "@murojaat/core"
 * Taxonomy.check(Taxonomy.defaults)._tag // "Right"
 *
 * @since 0.1.0
 * @category checks
 */
export const check = (t: Taxonomy): Either.Either<Taxonomy, Errors.InvalidInput> => {
  const issues: Array<Errors.FieldIssue> = []
  const codes = new Set<string>()
  t.categories.forEach((cat, i) => {
    if (codes.has(cat.code)) issues.push(issue(`categories.${i}.code`, `duplicate category code ${cat.code}`))
    codes.add(cat.code)
  })
  const ids = new Set<string>()
  t.rules.forEach((r, i) => {
    if (ids.has(r.id)) issues.push(issue(`rules.${i}.id`, `duplicate rule id ${r.id}`))
    ids.add(r.id)
    if (r.category !== undefined && !codes.has(r.category)) issues.push(issue(`rules.${i}.category`, `unknown category ${r.category}`))
    if (r.category === undefined && r.priority === undefined && r.signal === undefined && (r.flags ?? []).length === 0)
      issues.push(issue(`rules.${i}`, "a rule must set a category, a priority, a signal or a flag"))
  })
  const kinds = new Set<string>()
  t.cues.forEach((cue, i) => {
    if (ids.has(cue.id)) issues.push(issue(`cues.${i}.id`, `duplicate id ${cue.id}`))
    ids.add(cue.id)
    kinds.add(cue.kind)
  })
  t.urgency.forEach((u, i) => {
    if (ids.has(u.id)) issues.push(issue(`urgency.${i}.id`, `duplicate id ${u.id}`))
    ids.add(u.id)
    for (const k of u.when) if (!kinds.has(k)) issues.push(issue(`urgency.${i}.when`, `no cue of kind ${k}`))
  })
  if (!codes.has(t.settings.fallbackCategory)) issues.push(issue("settings.fallbackCategory", `unknown category ${t.settings.fallbackCategory}`))
  return issues.length === 0 ? Either.right(t) : Either.left(new Errors.InvalidInput({ subject: "Taxonomy", issues }))
}

const mergeBy = <A>(base: ReadonlyArray<A>, extra: ReadonlyArray<A>, keyOf: (a: A) => string): ReadonlyArray<A> => {
  const replaced = new Map(extra.map((a) => [keyOf(a), a]))
  const kept = base.map((a) => replaced.get(keyOf(a)) ?? a)
  const known = new Set(base.map(keyOf))
  return [...kept, ...extra.filter((a) => !known.has(keyOf(a)))]
}

/**
 * Builds a taxonomy from operator data (untrusted: decoded with Schema) merged over `base`
 * (default: {@link defaults}). Fails with `InvalidInput` naming each wrong field.
 *
 * @example
 * import { Taxonomy } from "@murojaat/core"
 * Taxonomy.make({ settings: { minConfidence: 2 } })._tag // "Left"
 *
 * @since 0.1.0
 * @category constructors
 */
export const make = (overrides: unknown, base: Taxonomy = defaults): Either.Either<Taxonomy, Errors.InvalidInput> =>
  Either.flatMap(Decode.either(Overrides, "Taxonomy")(overrides), (o) => {
    const disabled = new Set(o.disable ?? [])
    return check({
      categories: mergeBy(base.categories, o.categories ?? [], (x) => x.code),
      rules: mergeBy(base.rules, o.rules ?? [], (x) => x.id).filter((r) => !disabled.has(r.id)),
      cues: mergeBy(base.cues, o.cues ?? [], (x) => x.id).filter((r) => !disabled.has(r.id)),
      urgency: mergeBy(base.urgency, o.urgency ?? [], (x) => x.id).filter((r) => !disabled.has(r.id)),
      fillers: o.fillers ?? base.fillers,
      settings: { ...base.settings, ...o.settings }
    })
  })

/**
 * Looks a category up by code.
 *
 * @example
 * import { Taxonomy } from "@murojaat/core"
 * Taxonomy.category(Taxonomy.defaults, "minors")?.role // "juvenileInspector"
 *
 * @since 0.1.0
 * @category queries
 */
export const category = (t: Taxonomy, code: string): Category | undefined => t.categories.find((x) => x.code === code)
