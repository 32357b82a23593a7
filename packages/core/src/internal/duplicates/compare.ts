/**
 * The comparison of two appeals: each signal an inspector uses, its contribution to the score and
 * why, and the decision procedure that turns them into a label. The public types and the
 * documentation of every signal and setting are in `Duplicates.ts`.
 */
import * as Triage from "../../Triage.js"
import * as Place from "./place.js"
import * as Text from "./text.js"

export type Label = "duplicate" | "reminder" | "repeated" | "related" | "distinct"
export type Status = "open" | "answered" | "overdue"

export interface AppealInput {
  readonly applicantRef?: string | null | undefined
  readonly submittedAt: string
  readonly status?: Status | undefined
  readonly mahallaCode?: string | null | undefined
  readonly address?: string | null | undefined
  readonly lat?: number | null | undefined
  readonly lon?: number | null | undefined
  readonly text: string
  /** The triage category when already known (the `triaged` event); else triage is run. */
  readonly category?: string | undefined
}

export interface Settings {
  readonly weights: { readonly text: number; readonly concepts: number; readonly category: number; readonly setting: number; readonly problemConflict: number }
  readonly place: {
    readonly sameHouse: number
    readonly sameStreet: number
    readonly sameLandmark: number
    readonly otherStreet: number
    readonly near: number
  }
  readonly nearMetres: number
  readonly farMetres: number
  readonly neighbourHouses: number
  readonly matterThreshold: number
  readonly topicThreshold: number
  readonly reminderThreshold: number
  readonly reminderWords: number
  readonly recurrenceThreshold: number
  readonly resendHours: number
  readonly relatedAfterDays: number
}

/** Defaults (documented in `Duplicates.Settings`). */
export const defaultSettings: Settings = {
  weights: { text: 0.6, concepts: 0.5, category: 0.2, setting: 0.25, problemConflict: -0.3 },
  place: { sameHouse: 0.15, sameStreet: 0.05, sameLandmark: 0.1, otherStreet: -0.05, near: 0.15 },
  nearMetres: 60,
  farMetres: 100,
  neighbourHouses: 2,
  matterThreshold: 0.2,
  topicThreshold: 0.225,
  reminderThreshold: 0,
  reminderWords: 8,
  recurrenceThreshold: 0,
  resendHours: 24,
  relatedAfterDays: 14
}

export interface Signal {
  readonly signal: "mahalla" | "address" | "distance" | "applicant" | "timeGap" | "status" | "text" | "concepts" | "category" | "cues"
  readonly contribution: number
  readonly reason: string
}

export interface Comparison {
  readonly label: Label
  readonly score: number
  readonly ruleId: RuleId
  readonly signals: ReadonlyArray<Signal>
}

/** A precomputed appeal: what every comparison needs, computed once. */
export interface Profile {
  readonly input: AppealInput
  readonly at: number
  readonly applicant: string | undefined
  readonly address: Place.Address | undefined
  /** House numbers the text names (a collective letter's signatories, "31-uy haqida"). */
  readonly houses: ReadonlySet<string>
  readonly text: Text.TextProfile
  readonly category: string
  /** The triage model's likeliest categories with their probabilities (the category alone, at 1, when it was given). */
  readonly categories: ReadonlyArray<{ readonly category: string; readonly probability: number }>
}

export const rules = [
  { id: "duplicates.otherPlace", source: "Murojaat policy (an inspector's judgement, issue 18)", statement: "Another mahalla (unless the coordinates are within `nearMetres`), another house on the same street (more than `neighbourHouses` apart, and not named by the other text), another street and house, another landmark, or coordinates farther apart than `farMetres`: two places, never the same matter." },
  { id: "duplicates.reminder", source: "ZRU-445 (a repeated appeal is one after an answer or after the term; a follow-up within the term is not)", statement: "The same applicant about his own appeal that is still open and within its term (he refers to it, or writes again after `resendHours`, or sends a message of at most `reminderWords` words after `resendHours`, or at any time a message of at most `reminderWords` words that refers to it): a reminder, linked, not a new appeal to work." },
  { id: "duplicates.resend", source: "Murojaat policy (an inspector's practice, issue 18)", statement: "The same applicant on the same matter within `resendHours` of his open appeal, unless a message of at most `reminderWords` words refers to it: a re-send or rewrite, a duplicate." },
  { id: "duplicates.repeated", source: "ZRU-445 (repeated appeal, takroriy; article not confirmed)", statement: "The same applicant on the same matter after his appeal was answered (disputing it) or after its term ran out without an answer: a repeated appeal, examined by a superior." },
  { id: "duplicates.recurrence", source: "Murojaat policy (an inspector's practice, issue 18)", statement: "The same matter at the same place after the earlier appeal was answered (and not disputing that answer), or more than `relatedAfterDays` later: a new occurrence, related. When B says it is back (a recurrence cue) at the same place, a topic of `recurrenceThreshold` suffices." },
  { id: "duplicates.sameIncident", source: "Murojaat policy (an inspector's practice, issue 18)", statement: "Another applicant (or none) on the same matter at the same place while the earlier appeal is open, within `relatedAfterDays`: the same incident, a duplicate. A signatory of a collective letter writing on his own about the letter's house, street or landmark (both texts name the letter: signatures, \"I signed\") is on the same matter whatever new detail he adds." },
  { id: "duplicates.otherMatter", source: "Murojaat policy (an inspector's practice, issue 18)", statement: "The score stays below `matterThreshold`, the topic below `topicThreshold`, or the texts share neither a concept nor the triage category with some words: another matter, nothing to link (unless a signatory writes about a collective letter's place, or B says the matter recurs there)." }
] as const

export type RuleId = (typeof rules)[number]["id"]

const round = (x: number) => Math.round(x * 1000) / 1000

/** Precomputes an appeal's profile (text, concepts, category, address). */
export const profile = (a: AppealInput, engine: Triage.Engine = Triage.defaultEngine): Profile => {
  const address = Place.parse(a.address)
  return {
    input: a,
    at: Date.parse(a.submittedAt),
    applicant: a.applicantRef === null || a.applicantRef === undefined || a.applicantRef === "" ? undefined : a.applicantRef,
    address,
    houses: Place.housesIn(a.text),
    text: Text.profile(a.text, address?.streetWords),
    ...categoryOf(a, engine)
  }
}

// One distribution per known category, shared by every profile of it (an index holds many).
const given = new Map<string, Profile["categories"]>()

const categoryOf = (a: AppealInput, engine: Triage.Engine): Pick<Profile, "category" | "categories"> => {
  if (a.category !== undefined) {
    let categories = given.get(a.category)
    if (categories === undefined) {
      categories = [{ category: a.category, probability: 1 }]
      if (given.size < 256) given.set(a.category, categories)
    }
    return { category: a.category, categories }
  }
  const r = Triage.classify(a.text, engine)
  return { category: r.category, categories: r.model?.top ?? [{ category: r.category, probability: r.confidence }] }
}

/** How much of the two category distributions agree: the sum over categories (but `other`) of the lower probability. Symmetric. */
const categoryShare = (a: Profile, b: Profile): number => {
  const mins: Array<number> = []
  for (const x of a.categories) {
    if (x.category === "other") continue
    const y = b.categories.find((c) => c.category === x.category)
    if (y !== undefined) mins.push(Math.min(x.probability, y.probability))
  }
  // Summed in one order whichever appeal comes first, so that the score stays exactly symmetric.
  return Math.min(1, mins.sort((x, y) => x - y).reduce((t, m) => t + m, 0))
}

const hasCoords = (a: AppealInput): a is AppealInput & { lat: number; lon: number } => typeof a.lat === "number" && typeof a.lon === "number" && Number.isFinite(a.lat) && Number.isFinite(a.lon)

/** The numbers a comparison rests on, computed without any text, so that ranking many is cheap. */
interface Facts {
  readonly mahalla: "same" | "other" | "unknown"
  readonly relation: Relation
  readonly metres: number | undefined
  readonly cosine: number
  readonly dice: number
  readonly conflict: boolean
  readonly sameCategory: boolean
  /** 1 for the same triage category, else the overlap of the two category distributions, in [0, 1]. */
  readonly agreement: number
  readonly placeBonus: number
  readonly apart: boolean
  readonly topic: number
}

/** How the two places relate: the addresses' relation, or `namedHouse` when one text names the other's house. */
type Relation = Place.Relation | "namedHouse"

const placeBonus = (rel: Relation, s: Settings): number =>
  rel === "sameHouse"
    ? s.place.sameHouse
    : rel === "sameStreet" || rel === "neighbourHouse" || rel === "namedHouse"
      ? s.place.sameStreet
      : rel === "sameLandmark"
        ? s.place.sameLandmark
        : rel === "otherStreet"
          ? s.place.otherStreet
          : 0

/** Two houses of one street, where one appeal's text names the other's house (the place of the incident, not only the applicant's home). */
const names = (a: Profile, b: Profile): boolean =>
  (a.address?.house !== undefined && b.houses.has(a.address.house)) || (b.address?.house !== undefined && a.houses.has(b.address.house))

/** The facts of a pair. Symmetric in A and B. */
const facts = (a: Profile, b: Profile, s: Settings): Facts => {
  const ma = a.input.mahallaCode ?? undefined
  const mb = b.input.mahallaCode ?? undefined
  const mahalla = ma === undefined || mb === undefined ? "unknown" : ma === mb ? "same" : "other"
  const related = Place.relate(a.address, b.address, s.neighbourHouses)
  const relation: Relation = related === "otherHouse" && names(a, b) ? "namedHouse" : related
  const metres = hasCoords(a.input) && hasCoords(b.input) ? Place.metres(a.input.lat, a.input.lon, b.input.lat, b.input.lon) : undefined
  const near = metres !== undefined && metres <= s.nearMetres
  const far = metres !== undefined && metres >= s.farMetres
  const cosine = Text.gramCosine(a.text, b.text)
  const { dice, conflict } = Text.conceptDice(a.text, b.text, s.weights.setting)
  const sameCategory = a.category === b.category && a.category !== "other"
  const bonus = placeBonus(relation, s) + (near ? s.place.near : 0)
  // Two triage categories that differ may still overlap: the model's second guess for one is often
  // the other's first (theft and fraud, minors and violence); the overlap counts in part.
  const agreement = sameCategory ? 1 : categoryShare(a, b)
  const topic = round(s.weights.text * cosine) + round(s.weights.concepts * dice) + round(s.weights.category * agreement) + (conflict ? s.weights.problemConflict : 0)
  return {
    mahalla,
    relation,
    metres,
    cosine,
    dice,
    conflict,
    sameCategory,
    agreement,
    placeBonus: bonus,
    // Coordinates this near are one place whatever mahalla each applicant chose (a border street).
    apart: (mahalla === "other" && !near) || relation === "otherHouse" || relation === "otherAddress" || relation === "otherLandmark" || far,
    topic
  }
}

/** The signals of a pair, each with its contribution and reason (built only for what is shown). */
const explain = (a: Profile, b: Profile, f: Facts, s: Settings): Array<Signal> => {
  const out: Array<Signal> = []
  const ma = a.input.mahallaCode
  const mb = b.input.mahallaCode
  if (f.mahalla === "other")
    out.push({ signal: "mahalla", contribution: 0, reason: f.metres !== undefined && f.metres <= s.nearMetres ? `different mahallas (${ma}, ${mb}), but the coordinates make one place` : `different mahallas (${ma}, ${mb}): two places` })
  else if (f.mahalla === "same") out.push({ signal: "mahalla", contribution: 0, reason: `same mahalla ${ma}` })
  const bonus = placeBonus(f.relation, s)
  const address: Record<Relation, string> = {
    sameHouse: `same street and house (${a.address?.house})`,
    neighbourHouse: `same street, neighbouring houses (${a.address?.house}, ${b.address?.house})`,
    namedHouse: `same street, houses ${a.address?.house} and ${b.address?.house}, and one text names the other's house`,
    sameStreet: "same street, house not given on both (or within a range of houses)",
    sameLandmark: `same landmark (${a.address?.landmark})`,
    otherStreet: "different streets",
    otherAddress: `different streets and houses (${a.address?.house} ≠ ${b.address?.house}): two places`,
    otherHouse: `same street, different houses (${a.address?.house} ≠ ${b.address?.house}): two places`,
    otherLandmark: `different landmarks (${a.address?.landmark} ≠ ${b.address?.landmark}): two places`,
    unknown: "address missing or without a street on one side"
  }
  out.push({ signal: "address", contribution: bonus, reason: address[f.relation] })
  if (f.metres !== undefined) {
    const m = Math.round(f.metres)
    if (f.metres <= s.nearMetres) out.push({ signal: "distance", contribution: s.place.near, reason: `${m} m apart (at most ${s.nearMetres} m): one place` })
    else if (f.metres >= s.farMetres) out.push({ signal: "distance", contribution: 0, reason: `${m} m apart (at least ${s.farMetres} m): two places` })
    else out.push({ signal: "distance", contribution: 0, reason: `${m} m apart: undecided` })
  }
  const shared = Text.sharedConcepts(a.text, b.text)
  out.push({ signal: "text", contribution: round(s.weights.text * f.cosine), reason: `character trigrams of the folded texts: cosine ${round(f.cosine)}` })
  out.push({ signal: "concepts", contribution: round(s.weights.concepts * f.dice), reason: shared.length === 0 ? "no shared concept" : `shared concepts: ${shared.join(", ")} (weighted Dice ${round(f.dice)})` })
  if (f.conflict)
    out.push({ signal: "concepts", contribution: s.weights.problemConflict, reason: `each names a problem, none shared (${[...a.text.concepts].sort().join(", ")} / ${[...b.text.concepts].sort().join(", ")})` })
  out.push({
    signal: "category",
    contribution: round(s.weights.category * f.agreement),
    reason: f.sameCategory
      ? `same triage category (${a.category})`
      : f.agreement > 0
        ? `triage categories ${a.category} / ${b.category}, the triage model's likeliest categories overlap ${round(f.agreement)}`
        : `triage categories ${a.category} / ${b.category}`
  })
  const sameApplicant = a.applicant !== undefined && a.applicant === b.applicant
  out.push({ signal: "applicant", contribution: 0, reason: sameApplicant ? "same applicant" : a.applicant === undefined || b.applicant === undefined ? "an anonymous appeal" : "different applicants" })
  out.push({ signal: "timeGap", contribution: 0, reason: `${round((b.at - a.at) / 86_400_000)} days between them` })
  out.push({ signal: "status", contribution: 0, reason: `A is ${a.input.status ?? "open"} when B arrives` })
  if (a.text.cues.has("collective") && b.text.cues.has("collective")) out.push({ signal: "cues", contribution: 0, reason: "A is a collective letter and B names it (a signatory)" })
  if (b.text.cues.size > 0) out.push({ signal: "cues", contribution: 0, reason: `B's cues: ${[...b.text.cues].sort().join(", ")}` })
  return out
}

/** The decision procedure of {@link rules}, in order. */
const decideFacts = (a: Profile, b: Profile, f: Facts, s: Settings): { readonly label: Label; readonly ruleId: RuleId; readonly score: number } => {
  const score = round(Math.max(0, Math.min(1, f.topic + f.placeBonus)))
  const done = (label: Label, ruleId: RuleId) => ({ label, ruleId, score })
  if (f.apart) return done("distinct", "duplicates.otherPlace")
  const hours = (b.at - a.at) / 3_600_000
  const sameApplicant = a.applicant !== undefined && a.applicant === b.applicant
  const status = a.input.status ?? "open"
  const cues = b.text.cues
  // The place alone never makes the same matter: the texts must agree to `topicThreshold`, and on
  // what happened (a shared concept or the same triage category): trigrams alone, which two long
  // unrelated letters share plenty of, are not enough.
  // The category agreeing is not the texts agreeing: with it, they must share some words too.
  const sameMatter = score >= s.matterThreshold && f.topic >= s.topicThreshold && (f.dice > 0 || (f.sameCategory && f.cosine > 0))
  if (sameApplicant) {
    if (status === "open") {
      // A one-line message from the same person a day or more after his open appeal ("nu chto?")
      // asks after it, whatever words it uses.
      const short = b.text.words <= s.reminderWords && hours > s.resendHours
      const refers = (cues.has("reminder") || short) && score >= s.reminderThreshold
      if (!sameMatter && !refers) return done("distinct", "duplicates.otherMatter")
      // A one-line note that refers to the appeal ("I wrote this morning, it is still there") asks
      // after it, however soon: a re-send repeats the matter, it does not point back to it.
      const asks = cues.has("reminder") && b.text.words <= s.reminderWords
      return hours <= s.resendHours && !asks ? done("duplicate", "duplicates.resend") : done("reminder", "duplicates.reminder")
    }
    const referred = (cues.has("dispute") || cues.has("reminder")) && score >= s.reminderThreshold
    if (!sameMatter && !referred) return done("distinct", "duplicates.otherMatter")
    if (status === "overdue") return done("repeated", "duplicates.repeated")
    if (!referred && cues.has("recurrence")) return done("related", "duplicates.recurrence")
    return done("repeated", "duplicates.repeated")
  }
  const later = status === "answered" || hours > s.relatedAfterDays * 24
  // "It is back again" at the place of an answered (or old) appeal: the cue says the same matter
  // recurs, so a weaker topic suffices; the place must agree (a street, house, landmark or point).
  const recurs = later && cues.has("recurrence") && f.topic >= s.recurrenceThreshold && (f.placeBonus > 0 || f.relation === "sameStreet")
  // A collective letter and a signatory's own letter (both name the letter) at one house, street or
  // landmark are one matter: the signatory adds what he saw, in his words, often of a new detail.
  const signatory = a.text.cues.has("collective") && cues.has("collective") && (f.placeBonus > 0 || f.relation === "sameStreet")
  if (!sameMatter && !recurs && !signatory) return done("distinct", "duplicates.otherMatter")
  if (later) return done("related", "duplicates.recurrence")
  return done("duplicate", "duplicates.sameIncident")
}

/**
 * Compares B (the new appeal) with A (the earlier one): the score (topic + place, in [0, 1]), the
 * signals, and the label by the decision procedure of {@link rules}.
 */
export const compareProfiles = (a: Profile, b: Profile, s: Settings): Comparison => {
  const f = facts(a, b, s)
  return { ...decideFacts(a, b, f, s), signals: explain(a, b, f, s) }
}

/**
 * The comparison when B links to A (any label but `distinct`), else `undefined`: the facts are
 * computed once, and only a kept candidate is explained.
 */
export const compareIfLinked = (a: Profile, b: Profile, s: Settings): Comparison | undefined => {
  const f = facts(a, b, s)
  const d = decideFacts(a, b, f, s)
  return d.label === "distinct" ? undefined : { ...d, signals: explain(a, b, f, s) }
}

/** The label and score only (no signals): what ranking many candidates needs. */
export const quick = (a: Profile, b: Profile, s: Settings): { readonly label: Label; readonly ruleId: RuleId; readonly score: number } => decideFacts(a, b, facts(a, b, s), s)
