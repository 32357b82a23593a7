/**
 * Duplicates, repeats and collective appeals: suggests links from a new appeal to open appeals of
 * the same applicant or the same place with similar text, recognises a repeated appeal in the sense
 * of ZRU-445, and merges the signatories of collective appeals.
 *
 * How similarity is computed: both texts are tokenised and normalised (`Normalize`: Latin script,
 * apostrophes, folded letters), each word is reduced to its stem (`Normalize.stem`), stop words and
 * one-letter words are dropped, and the similarity is the cosine of the two stem-count vectors
 * (0 = nothing in common, 1 = the same words in the same proportions). Script, apostrophes and
 * suffixes therefore do not hide a duplicate, and word order does not matter.
 *
 * It uses minimal structural inputs ({@link Candidate}) so that any appeal model fits.
 *
 * @example
 * import { Similarity } from "@murojaat/core"
 * Similarity.similarity("Qoʻshnim har kecha shovqin qiladi", "Қўшнимиз ҳар кеча шовқин қилади") > 0.8 // true
 */
import type * as Duplicates from "./Duplicates.js"
import * as Normalize from "./Normalize.js"

/**
 * Settings: `windowDays`: only appeals received this many days before the new one are compared;
 * `duplicateThreshold`: similarity from which a suggestion is a likely duplicate; `relatedThreshold`:
 * similarity from which it is suggested as related; `repeatWindowDays`: how far back an earlier
 * appeal of the same person is looked for when deciding a repeat (ZRU-445 sets no limit; the 1-year
 * default follows the term for a complaint to a higher body, ZRU-445 Art. 22 as amended by
 * ZRU-683); `repeatThreshold`: similarity from which a later appeal of the same person is about the
 * same matter. All are settings because the law does not fix them. The service's link suggestions
 * (`AppealService.suggestLinks`) compare with `Duplicates` under `duplicates` (default
 * `Duplicates.defaultSettings`) and look back `repeatWindowDays` for the applicant's answered appeals.
 *
 * @example
 * import { Similarity } from "@murojaat/core"
 * Similarity.defaultSettings.duplicateThreshold // 0.6
 *
 * @since 0.1.0
 * @category settings
 */
export interface Settings {
  readonly windowDays: number
  readonly duplicateThreshold: number
  readonly relatedThreshold: number
  readonly repeatWindowDays: number
  readonly repeatThreshold: number
  /** The comparison the service's link suggestions use (default `Duplicates.defaultSettings`). */
  readonly duplicates?: Duplicates.Settings
}

/**
 * @see Settings
 *
 * @example
 * import { Similarity } from "@murojaat/core"
 * Similarity.defaultSettings.windowDays // 30
 *
 * @since 0.1.0
 * @category settings
 */
export const defaultSettings: Settings = { windowDays: 30, duplicateThreshold: 0.6, relatedThreshold: 0.3, repeatWindowDays: 365, repeatThreshold: 0.35 }

/**
 * The little an appeal must offer to be compared: id, applicant, place, text, when it was received,
 * whether it is still open, and (for repeats) when it was answered and when its term ended.
 *
 * @example
 * import { Similarity } from "@murojaat/core"
 * const c: Similarity.Candidate = { id: "A-1", applicantId: "P-1", mahallaCode: "M-1", text: "Shovqin", receivedAt: "2026-03-01T09:00:00.000Z", open: true }
 *
 * @since 0.1.0
 * @category models
 */
export interface Candidate {
  readonly id: string
  readonly applicantId?: string
  readonly mahallaCode?: string
  /** A finer place key (address or geohash) when known; compared for equality. */
  readonly placeKey?: string
  readonly text: string
  readonly receivedAt: string
  readonly open: boolean
  readonly answeredAt?: string
  readonly termEndsAt?: string
  readonly category?: string
}

// Function words of Uzbek and Russian (as matching keys) carry no topic.
const stopWords = new Set(
  [
    "va", "ham", "bilan", "uchun", "bu", "shu", "u", "men", "biz", "siz", "ular", "har", "bir", "edi", "deb", "lekin", "yoki", "juda", "endi", "hali", "kerak",
    "iltimos", "hurmatli", "assalomu", "alaykum", "mening", "bizning", "qilib", "qiladi", "boʻlib", "bor", "yoʻq", "emas",
    "и", "в", "на", "не", "что", "с", "по", "я", "мы", "он", "она", "они", "это", "как", "а", "но", "или", "у", "из", "за", "к", "о", "уже", "все", "так", "прошу", "пожалуйста"
  ].map(Normalize.key)
)

/**
 * The stem counts of a text (the vector compared by {@link similarity}).
 *
 * @example
 * import { Similarity } from "@murojaat/core"
 * Similarity.features("Qoʻshnilar shovqin qiladi").get("shovkin") // 1
 *
 * @since 0.1.0
 * @category comparison
 */
export const features = (text: string): ReadonlyMap<string, number> => {
  const m = new Map<string, number>()
  for (const t of Normalize.tokens(text)) {
    if (t.key.length < 2 || stopWords.has(t.key)) continue
    const st = Normalize.stem(t.key)
    m.set(st, (m.get(st) ?? 0) + 1)
  }
  return m
}

const cosine = (a: ReadonlyMap<string, number>, b: ReadonlyMap<string, number>): number => {
  let dot = 0
  let na = 0
  let nb = 0
  for (const [k, v] of a) {
    na += v * v
    dot += v * (b.get(k) ?? 0)
  }
  for (const v of b.values()) nb += v * v
  return na === 0 || nb === 0 ? 0 : Math.round((dot / Math.sqrt(na * nb)) * 1000) / 1000
}

/**
 * Cosine similarity of two texts' stem counts, in [0, 1], rounded to 3 decimals. Symmetric; 1 for
 * the same text in either script.
 *
 * @example
 * import { Similarity } from "@murojaat/core"
 * Similarity.similarity("Телефонимни ўғирлашди", "telefonimni oʻgʻirlashdi") // 1
 *
 * @since 0.1.0
 * @category comparison
 */
export const similarity = (a: string, b: string): number => cosine(features(a), features(b))

const days = (from: string, to: string): number => (Date.parse(to) - Date.parse(from)) / 86_400_000

/**
 * A suggested link: to which appeal, why (same applicant, same place), how similar, and whether it is
 * a likely duplicate (`duplicateOf`) or only related (`relatedTo`). Link kinds are the appeal
 * model's (`Appeal.LinkKind`).
 *
 * The service's suggestions (`AppealService.suggestLinks`) come from `Duplicates` and also carry
 * its `label` (`duplicate`, `reminder`, `repeated`, `related`; `distinct` pairs are not
 * suggested), its `score` (also in `similarity`), the rule of its decision procedure that chose
 * the label (`ruleId`, in `Rule.registry`) and every `signal` with its contribution and reason;
 * there `kind` is `duplicateOf` for a duplicate and `relatedTo` otherwise (a repeated appeal is
 * linked `repeatOf` only when a person opens it). {@link suggest} leaves them out.
 *
 * @example
 * import { Similarity } from "@murojaat/core"
 * const s: Similarity.Suggestion = { appealId: "A-1", kind: "duplicateOf", reasons: ["sameApplicant"], similarity: 0.9 }
 * const d: Similarity.Suggestion = { ...s, kind: "relatedTo", label: "reminder", score: 0.9, ruleId: "duplicates.reminder", signals: [{ signal: "applicant", contribution: 0, reason: "same applicant" }] }
 *
 * @since 0.1.0
 * @category models
 */
export interface Suggestion {
  readonly appealId: string
  readonly kind: "duplicateOf" | "relatedTo"
  readonly reasons: ReadonlyArray<"sameApplicant" | "samePlace">
  readonly similarity: number
  /** What the new appeal is with respect to this one (`Duplicates.Label`, never `distinct`). */
  readonly label?: Exclude<Duplicates.Label, "distinct">
  /** `Duplicates`' score in [0, 1]. */
  readonly score?: number
  /** The rule of `Duplicates.rules` that chose the label. */
  readonly ruleId?: Duplicates.RuleId
  /** Every signal of the comparison, with its contribution and reason. */
  readonly signals?: ReadonlyArray<Duplicates.Signal>
}

/**
 * Suggests links from a new appeal to the open appeals of the same applicant or the same place
 * (same mahalla, or same `placeKey`) received within `windowDays` before it, whose text similarity
 * reaches `relatedThreshold`; most similar first. Suggestions only: an officer decides.
 *
 * @example
 * import { Similarity } from "@murojaat/core"
 * const old = { id: "A-1", applicantId: "P-1", text: "Qoʻshnim kechasi baland musiqa qoʻyadi", receivedAt: "2026-03-01T09:00:00.000Z", open: true }
 * const neu = { id: "A-2", applicantId: "P-1", text: "Қўшним кечаси баланд мусиқа қўяди, ухлай олмаймиз", receivedAt: "2026-03-05T09:00:00.000Z", open: true }
 * Similarity.suggest(neu, [old])[0]?.kind // "duplicateOf"
 *
 * @since 0.1.0
 * @category suggestion
 */
export const suggest = (appeal: Candidate, others: ReadonlyArray<Candidate>, settings: Settings = defaultSettings): ReadonlyArray<Suggestion> => {
  const mine = features(appeal.text)
  const out: Array<Suggestion> = []
  for (const o of others) {
    if (o.id === appeal.id || !o.open) continue
    const age = days(o.receivedAt, appeal.receivedAt)
    if (!(age >= 0 && age <= settings.windowDays)) continue
    const reasons: Array<"sameApplicant" | "samePlace"> = []
    if (appeal.applicantId !== undefined && appeal.applicantId === o.applicantId) reasons.push("sameApplicant")
    if ((appeal.mahallaCode !== undefined && appeal.mahallaCode === o.mahallaCode) || (appeal.placeKey !== undefined && appeal.placeKey === o.placeKey))
      reasons.push("samePlace")
    if (reasons.length === 0) continue
    const s = cosine(mine, features(o.text))
    if (s < settings.relatedThreshold) continue
    out.push({ appealId: o.id, kind: s >= settings.duplicateThreshold ? "duplicateOf" : "relatedTo", reasons, similarity: s })
  }
  return out.sort((a, b) => b.similarity - a.similarity || a.appealId.localeCompare(b.appealId))
}

/**
 * Whether an appeal is a repeated appeal (takroriy murojaat) and why: `disputesDecision` when the
 * same person writes again on the same matter after the earlier appeal was answered;
 * `termExpired` when the earlier appeal's term ran out without an answer.
 *
 * @example
 * import { Similarity } from "@murojaat/core"
 * const r: Similarity.Repeat = { repeated: true, earlierAppealId: "A-1", ground: "termExpired", similarity: 0.7 }
 *
 * @since 0.1.0
 * @category models
 */
export type Repeat =
  | { readonly repeated: false }
  | { readonly repeated: true; readonly earlierAppealId: string; readonly ground: "disputesDecision" | "termExpired"; readonly similarity: number }

/**
 * Recognises a repeated appeal in the sense of ZRU-445: from the same person, on the same matter
 * (text similarity at least `repeatThreshold`), received after the decision on an earlier appeal
 * (disputing it) or after the earlier one's term ran out unanswered, within `repeatWindowDays`. The
 * most similar qualifying earlier appeal is named. Same-matter is judged by text, so an officer
 * confirms; a re-submission with nothing new need not be reviewed again (ZRU-445).
 *
 * @example
 * import { Similarity } from "@murojaat/core"
 * const earlier = { id: "A-1", applicantId: "P-1", text: "Qoʻshnim ariqni toʻsib qoʻydi", receivedAt: "2026-01-10T09:00:00.000Z", open: false, answeredAt: "2026-01-20T09:00:00.000Z" }
 * const later = { id: "A-2", applicantId: "P-1", text: "Qoʻshnim ariqni yana toʻsib qoʻydi, javobga roziman emas", receivedAt: "2026-02-01T09:00:00.000Z", open: true }
 * const r = Similarity.repeat(later, [earlier])
 * r.repeated && [r.earlierAppealId, r.ground] // ["A-1", "disputesDecision"]
 *
 * @since 0.1.0
 * @category rules
 */
export const repeat = (appeal: Candidate, history: ReadonlyArray<Candidate>, settings: Settings = defaultSettings): Repeat => {
  if (appeal.applicantId === undefined) return { repeated: false }
  const mine = features(appeal.text)
  let best: Repeat = { repeated: false }
  for (const e of history) {
    if (e.id === appeal.id || e.applicantId !== appeal.applicantId) continue
    const age = days(e.receivedAt, appeal.receivedAt)
    if (!(age > 0 && age <= settings.repeatWindowDays)) continue
    const ground =
      e.answeredAt !== undefined && Date.parse(e.answeredAt) <= Date.parse(appeal.receivedAt)
        ? ("disputesDecision" as const)
        : e.answeredAt === undefined && e.termEndsAt !== undefined && Date.parse(e.termEndsAt) < Date.parse(appeal.receivedAt)
          ? ("termExpired" as const)
          : undefined
    if (ground === undefined) continue
    const s = cosine(mine, features(e.text))
    if (s < settings.repeatThreshold) continue
    if (!best.repeated || s > best.similarity) best = { repeated: true, earlierAppealId: e.id, ground, similarity: s }
  }
  return best
}

/**
 * A signatory of a collective appeal (structurally compatible with `Appeal.Signatory`).
 *
 * @example
 * import { Similarity } from "@murojaat/core"
 * const s: Similarity.Signatory = { surname: "Aliyev", name: "Bobur", residence: "Bodomzor 5" }
 *
 * @since 0.1.0
 * @category models
 */
export interface Signatory {
  readonly surname: string
  readonly name: string
  readonly residence?: string
  readonly applicantRef?: string
}

const norm = (x: string | undefined): string | undefined => (x === undefined ? undefined : Normalize.tokens(x).map((t) => t.key).join(" "))

const samePerson = (a: Signatory, b: Signatory): boolean => {
  if (a.applicantRef !== undefined && b.applicantRef !== undefined) return a.applicantRef === b.applicantRef
  if (norm(a.surname) !== norm(b.surname) || norm(a.name) !== norm(b.name)) return false
  return a.residence === undefined || b.residence === undefined || norm(a.residence) === norm(b.residence)
}

/**
 * Merges the signatories of collective appeals (for example when duplicates are merged into one):
 * each person once, in first-seen order. Two entries are the same person when their `applicantRef`s
 * are equal, or, without both refs, when surname and name match after normalisation (script, case,
 * apostrophes) and their residences match or one is missing; a later entry fills in what the first lacked.
 *
 * @example
 * import { Similarity } from "@murojaat/core"
 * Similarity.mergeSignatories([[{ surname: "Aliyev", name: "Bobur" }], [{ surname: "Алиев", name: "Бобур", residence: "Bodomzor 5" }, { surname: "Karimova", name: "Dilnoza" }]]).length // 2
 *
 * @since 0.1.0
 * @category utils
 */
export const mergeSignatories = (lists: ReadonlyArray<ReadonlyArray<Signatory>>): ReadonlyArray<Signatory> => {
  const out: Array<Signatory> = []
  for (const s of lists.flat()) {
    const i = out.findIndex((o) => samePerson(o, s))
    if (i < 0) out.push(s)
    else {
      const known = out[i]!
      out[i] = {
        ...known,
        ...(known.residence === undefined && s.residence !== undefined ? { residence: s.residence } : {}),
        ...(known.applicantRef === undefined && s.applicantRef !== undefined ? { applicantRef: s.applicantRef } : {})
      }
    }
  }
  return out
}
