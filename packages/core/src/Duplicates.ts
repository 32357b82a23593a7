/**
 * Duplicate and related-appeal detection: what an inspector calls the same matter. {@link compare}
 * tells, for a new appeal B and an earlier appeal A, whether B is
 *
 * - `duplicate`: the same incident reported again (a re-send in the other script, a rewrite, another
 *   neighbour's words, the same thing in Russian and in Uzbek, added details): merge B into A;
 * - `reminder`: the same applicant about his own still-open appeal A: link, no new appeal to work;
 * - `repeated`: a repeated appeal in the sense of ZRU-445: the same applicant on the same matter after
 *   A was answered (disputing it) or after A's term ran out: a new appeal, linked, for a superior;
 * - `related`: the same kind of problem at the same place, a new occurrence: a new appeal, linked;
 * - `distinct`: anything else (same place other problem, same problem other place, other house).
 *
 * Signals (each reported with its contribution and reason): the mahalla, the address normalised
 * across scripts, languages and spellings (house numbers matter: 14 ≠ 41, though neighbouring houses
 * and a house the other text names are one place; blocks and lanes matter), the distance between
 * coordinates (near coordinates are one place even across a mahalla border), the text (character trigrams of triage's folded text, so script and apostrophes do
 * not matter), a shared Uzbek–Russian concept lexicon (so the two languages meet), the triage
 * category (in full when both are the same, in part when the triage model's likeliest categories
 * overlap), the applicant, the time between the two, A's status, and B's cues (reminder, dispute,
 * recurrence; a collective letter named by both, which makes a signatory's own letter about its
 * place the same matter). The topic is `weights.text × cosine + weights.concepts × Dice + weights.category ×
 * agreement (+ weights.problemConflict)`; the score is the topic plus the place bonus, clamped to
 * [0, 1]. Two appeals are about the same matter when the score reaches `matterThreshold`, the topic
 * alone reaches `topicThreshold` (the place alone never makes a matter) and the texts share a concept,
 * or the triage category and some trigrams (neither alone makes one); the label follows the
 * decision procedure in {@link rules}. Suggestions only: merging stays a person's decision.
 *
 * {@link Index} finds the candidates for a new appeal by place (mahalla, street and address key,
 * geohash), category, concept and applicant, so suggestions do not scan a region.
 *
 * @example
 * import { Duplicates } from "@murojaat/core"
 * const a = { applicantRef: "sm:u-1", submittedAt: "2026-01-14T23:40:00+05:00", status: "open" as const, mahallaCode: "1726262-001", address: "Navoiy koʻchasi 14-uy", text: "Qoʻshnilar har kecha baland musiqa qoʻyishadi, uxlay olmayapmiz" }
 * const b = { applicantRef: "sm:u-2", submittedAt: "2026-01-15T00:05:00+05:00", mahallaCode: "1726262-001", address: "ул. Навои, д. 14", text: "Соседи каждую ночь громко включают музыку, невозможно спать" }
 * Duplicates.compare(a, b).label // "duplicate"
 *
 * @since 0.2.0
 */
import { Either, Schema } from "effect"
import * as Decode from "./Decode.js"
import type * as Errors from "./Errors.js"
import * as Compare from "./internal/duplicates/compare.js"
import * as IndexImpl from "./internal/duplicates/index.js"
import * as Lexicon from "./internal/duplicates/lexicon.js"
import * as Place from "./internal/duplicates/place.js"
import * as Triage from "./Triage.js"

/**
 * What B is with respect to A (see the module documentation).
 *
 * @example
 * import { Duplicates } from "@murojaat/core"
 * const l: Duplicates.Label = "reminder"
 *
 * @since 0.2.0
 * @category models
 */
export type Label = Compare.Label

/**
 * The labels, in the order of the confusion table.
 *
 * @example
 * import { Duplicates } from "@murojaat/core"
 * Duplicates.labels.length // 5
 *
 * @since 0.2.0
 * @category models
 */
export const labels: ReadonlyArray<Label> = ["duplicate", "reminder", "repeated", "related", "distinct"]

/**
 * The status of A when B arrives: `open` (within its term), `answered`, or `overdue` (open, past its
 * legal term).
 *
 * @example
 * import { Duplicates } from "@murojaat/core"
 * const s: Duplicates.Status = "overdue"
 *
 * @since 0.2.0
 * @category models
 */
export type Status = Compare.Status

/**
 * What an appeal offers to the comparison: applicant (`null` when anonymous), when it was
 * submitted, its status (A only; default `open`), mahalla, address as written, coordinates when
 * known, the text, and its triage category when known (else triage is run on the text).
 *
 * @example
 * import { Duplicates } from "@murojaat/core"
 * const a: Duplicates.Appeal = { applicantRef: null, submittedAt: "2026-03-01T09:00:00+05:00", mahallaCode: "1726262-002", address: "Minor 5", text: "Itlar bolalarga tashlanyapti" }
 *
 * @since 0.2.0
 * @category models
 */
export type Appeal = Compare.AppealInput

/**
 * One signal of a comparison: which, what it adds to the score, and why (in English, for the
 * inspector's screen and the audit).
 *
 * @example
 * import { Duplicates } from "@murojaat/core"
 * const s: Duplicates.Signal = { signal: "address", contribution: 0.15, reason: "same street and house (14)" }
 *
 * @since 0.2.0
 * @category models
 */
export type Signal = Compare.Signal

/**
 * The result: label, score in [0, 1], the rule of the decision procedure that chose the label, and
 * every signal.
 *
 * @example
 * import { Duplicates } from "@murojaat/core"
 * const r: Duplicates.Comparison = { label: "distinct", score: 0.1, ruleId: "duplicates.otherMatter", signals: [] }
 *
 * @since 0.2.0
 * @category models
 */
export type Comparison = Compare.Comparison

/**
 * The id of a rule of the decision procedure.
 *
 * @example
 * import { Duplicates } from "@murojaat/core"
 * const id: Duplicates.RuleId = "duplicates.repeated"
 *
 * @since 0.2.0
 * @category rules
 */
export type RuleId = Compare.RuleId

/**
 * The rules of the decision procedure, in the order they are applied, with their sources; also in
 * the rule registry (`Rule.registry`, area `duplicates`). Ids are stable: link suggestions name them.
 *
 * @example
 * import { Duplicates } from "@murojaat/core"
 * Duplicates.rules.find((r) => r.id === "duplicates.repeated")?.source // "ZRU-445 (repeated appeal, takroriy; article not confirmed)"
 *
 * @since 0.2.0
 * @category rules
 */
export const rules: ReadonlyArray<{ readonly id: RuleId; readonly source: string; readonly statement: string }> = Compare.rules

/**
 * Settings, with defaults chosen on the tuning splits of the labelled corpus
 * (packages/core/test/fixtures/duplicates: train, dev, test, holdout, extra and holdout2; the
 * thresholds by 5-fold cross-validation over their pairs and by leaving one split out,
 * `pnpm similarity:eval --cv --loso`) to make the lower of duplicate precision and recall as high
 * as possible; the frozen held-out split played no part:
 *
 * - `weights.text` (0.6): weight of the trigram cosine of the folded texts;
 * - `weights.concepts` (0.5): weight of the weighted Dice coefficient of the lexicon's concepts;
 * - `weights.setting` (0.25): what a setting concept (children, a shop, a car) weighs in that Dice
 *   against 1 for a problem concept (noise, theft);
 * - `weights.problemConflict` (−0.3): added when both texts name problems and share none (the same
 *   place, another problem);
 * - `weights.category` (0.2): times the category agreement: 1 when triage puts both in the same
 *   category (not `other`), else the overlap of the triage model's likeliest categories (the sum
 *   of the lower probability of each category both name, `other` left out), so that theft and
 *   fraud, or minors and violence, told of one incident still count in part;
 * - `place.sameHouse` (0.15), `place.sameStreet` (0.05), `place.sameLandmark` (0.1),
 *   `place.otherStreet` (−0.05), `place.near` (0.15): what the place adds to the score;
 * - `nearMetres` (60): coordinates this close are one place (even when the applicants chose two
 *   mahallas: a border street); `farMetres` (100): this far, two places;
 * - `neighbourHouses` (2): two house numbers of one street at most this far apart are neighbouring
 *   houses, one place for an incident heard or signed for from both (22 and 24); farther, two places;
 * - `matterThreshold` (0.2): the score (topic and place) from which two appeals are about the same
 *   matter (on two streets, −0.05, the topic must reach 0.25);
 * - `topicThreshold` (0.225): the topic (text, concepts, category) it takes besides, so that the
 *   place alone never makes the same matter, nor the place with the triage category alone (with
 *   the same category the texts must still share words or concepts);
 * - `reminderThreshold` (0): the score enough when the same applicant refers to his appeal A (a
 *   reminder or dispute cue): by default the cue alone, unless the place parts them;
 * - `reminderWords` (8): a message of at most this many content words from the same applicant,
 *   after `resendHours`, about his open appeal A refers to it (a reminder) whatever its words; and
 *   one that names A ("yozgandim", "писал") is a reminder however soon it comes;
 * - `recurrenceThreshold` (0): the topic enough when B says the matter is back ("yana", "снова") at
 *   the place of an answered or older appeal A: a new occurrence, related;
 * - `resendHours` (24): a same-applicant follow-up on an open appeal within this many hours is a
 *   re-send (duplicate); later, a reminder;
 * - `relatedAfterDays` (14): the same matter at the same place this many days later is a new
 *   occurrence (related), even when A is still open.
 *
 * @example
 * import { Duplicates } from "@murojaat/core"
 * Duplicates.defaultSettings.farMetres // 100
 *
 * @since 0.2.0
 * @category settings
 */
export type Settings = Compare.Settings

/**
 * @see Settings
 *
 * @example
 * import { Duplicates } from "@murojaat/core"
 * Duplicates.defaultSettings.topicThreshold // 0.225
 *
 * @since 0.2.0
 * @category settings
 */
export const defaultSettings: Settings = Compare.defaultSettings

/**
 * An appeal prepared for comparison (text, concepts, triage category, address): prepare each once
 * and compare many times.
 *
 * @example
 * import { Duplicates } from "@murojaat/core"
 * const p: Duplicates.Prepared = Duplicates.prepare({ submittedAt: "2026-03-01T09:00:00+05:00", text: "Shovqin" })
 *
 * @since 0.2.0
 * @category models
 */
export type Prepared = Compare.Profile

/**
 * Prepares an appeal (runs triage unless `category` is given).
 *
 * @example
 * import { Duplicates } from "@murojaat/core"
 * Duplicates.prepare({ submittedAt: "2026-03-01T09:00:00+05:00", address: "ул. Навои, д. 14", text: "Шум" }).address?.house // "14"
 *
 * @since 0.2.0
 * @category comparison
 */
export const prepare = (appeal: Appeal, engine: Triage.Engine = Triage.defaultEngine): Prepared => Compare.profile(appeal, engine)

/**
 * Compares prepared appeals (see {@link compare}).
 *
 * @example
 * import { Duplicates } from "@murojaat/core"
 * const a = Duplicates.prepare({ submittedAt: "2026-03-01T09:00:00+05:00", mahallaCode: "M-1", text: "Itlar" })
 * const b = Duplicates.prepare({ submittedAt: "2026-03-01T10:00:00+05:00", mahallaCode: "M-2", text: "Itlar" })
 * Duplicates.comparePrepared(a, b).label // "distinct"
 *
 * @since 0.2.0
 * @category comparison
 */
export const comparePrepared = (a: Prepared, b: Prepared, settings: Settings = defaultSettings): Comparison => Compare.compareProfiles(a, b, settings)

/**
 * What B (the new appeal) is with respect to A (the earlier one): label, score and signals.
 * Deterministic; the place and text signals are symmetric in A and B.
 *
 * @example
 * import { Duplicates } from "@murojaat/core"
 * const a = { applicantRef: "sm:u-1", submittedAt: "2026-05-01T10:00:00+05:00", status: "answered" as const, mahallaCode: "1726262-004", address: "Shahriobod 20", text: "Qoʻshnining iti bolalarni qopyapti" }
 * const b = { applicantRef: "sm:u-1", submittedAt: "2026-06-01T10:00:00+05:00", mahallaCode: "1726262-004", address: "Шаҳриобод 20", text: "Javobingizga rozi emasman, it hali ham bolalarni qopyapti" }
 * Duplicates.compare(a, b).label // "repeated"
 *
 * @since 0.2.0
 * @category comparison
 */
export const compare = (a: Appeal, b: Appeal, settings: Settings = defaultSettings): Comparison => Compare.compareProfiles(prepare(a), prepare(b), settings)

const AppealSchema = Schema.Struct({
  applicantRef: Schema.optional(Schema.NullOr(Schema.String.pipe(Schema.maxLength(200)))),
  submittedAt: Schema.String.pipe(Schema.filter((s) => !Number.isNaN(Date.parse(s)) || "an ISO instant")),
  status: Schema.optional(Schema.Literal("open", "answered", "overdue")),
  mahallaCode: Schema.optional(Schema.NullOr(Schema.String.pipe(Schema.maxLength(64)))),
  address: Schema.optional(Schema.NullOr(Schema.String.pipe(Schema.maxLength(500)))),
  lat: Schema.optional(Schema.NullOr(Schema.Number.pipe(Schema.between(-90, 90)))),
  lon: Schema.optional(Schema.NullOr(Schema.Number.pipe(Schema.between(-180, 180)))),
  text: Schema.String.pipe(Schema.maxLength(Triage.defaultEngine.taxonomy.settings.maxChars)),
  category: Schema.optional(Schema.String.pipe(Schema.maxLength(64)))
})

/**
 * {@link compare} for untrusted input: two objects of the {@link Appeal} shape, else
 * `Errors.InvalidInput` naming the field.
 *
 * @example
 * import { Duplicates } from "@murojaat/core"
 * Duplicates.decide({ text: 1 }, {})._tag // "Left"
 *
 * @since 0.2.0
 * @category comparison
 */
export const decide = (a: unknown, b: unknown, settings: Settings = defaultSettings): Either.Either<Comparison, Errors.InvalidInput> =>
  Either.flatMap(Decode.either(AppealSchema, "Duplicates.a")(a), (pa) => Either.map(Decode.either(AppealSchema, "Duplicates.b")(b), (pb) => compare(pa, pb, settings)))

/**
 * The concept lexicon shared by Uzbek and Russian (data): each concept's id, kind (problem or setting), English gloss and
 * word beginnings in any script.
 *
 * @example
 * import { Duplicates } from "@murojaat/core"
 * Duplicates.lexicon.find((c) => c.id === "noise")?.words.includes("шум") // true
 *
 * @since 0.2.0
 * @category data
 */
export const lexicon: ReadonlyArray<{ readonly id: string; readonly kind: "problem" | "setting"; readonly en: string; readonly words: ReadonlyArray<string> }> = Lexicon.concepts

/**
 * The address key of an address as written, the same across scripts, languages and spellings:
 * street skeleton, lane and house (`undefined` without a street and house).
 *
 * @example
 * import { Duplicates } from "@murojaat/core"
 * Duplicates.addressKey("Navoiy koʻchasi 14-uy") === Duplicates.addressKey("ул. Навои, д. 14") // true
 * Duplicates.addressKey("Navoiy 14") === Duplicates.addressKey("Navoiy 41") // false
 *
 * @since 0.2.0
 * @category keys
 */
export const addressKey = (address: string | null | undefined): string | undefined => Place.key(Place.parse(address))

/**
 * A suggestion from the index: the candidate's id and the comparison (most likely first).
 *
 * @example
 * import { Duplicates } from "@murojaat/core"
 * const s: Duplicates.Suggestion = { id: "A-1", comparison: { label: "duplicate", score: 0.8, ruleId: "duplicates.sameIncident", signals: [] } }
 *
 * @since 0.2.0
 * @category models
 */
export type Suggestion = IndexImpl.Suggestion

/**
 * An index of open appeals by place (mahalla + address key, mahalla + street, geohash cell of 7
 * characters, about 150 m, with its neighbours), by mahalla + triage category, mahalla +
 * concept, and by applicant: `suggest` compares a new appeal with the appeals that share one of
 * these keys only, never the whole region.
 *
 * @example
 * import { Duplicates } from "@murojaat/core"
 * const ix = Duplicates.Index.make()
 * ix.add("A-1", Duplicates.prepare({ submittedAt: "2026-03-01T09:00:00+05:00", status: "open", mahallaCode: "M-1", address: "Navoiy 14", text: "Qoʻshnilar kechasi baland musiqa qoʻyishadi" }))
 * const b = Duplicates.prepare({ submittedAt: "2026-03-01T10:00:00+05:00", mahallaCode: "M-1", address: "ул. Навои, 14", text: "Соседи ночью громко включают музыку" })
 * ix.suggest(b)[0]?.id // "A-1"
 *
 * @since 0.2.0
 * @category index
 */
export const Index = IndexImpl

/**
 * The index type (see {@link Index}).
 *
 * @example
 * import { Duplicates } from "@murojaat/core"
 * const ix: Duplicates.AppealIndex = Duplicates.Index.make()
 * ix.size // 0
 *
 * @since 0.2.0
 * @category index
 */
export type AppealIndex = IndexImpl.AppealIndex
