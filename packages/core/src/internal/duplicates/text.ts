/**
 * The text of an appeal as duplicate detection sees it, built on triage's fold (one normalisation
 * for the whole core: script, apostrophes, q→k, x→h, doubled letters): character trigrams of the
 * folded words (polite filler, function words and numbers left out), the lexicon's concepts, and
 * the reminder, dispute and recurrence cues.
 */
import { fold, keyAt, keyOf } from "../triage/fold.js"
import * as Lexicon from "./lexicon.js"

/** A phrase of the lexicon in folded form: its words; the last matches as a beginning unless `exact`. */
interface Phrase {
  readonly words: ReadonlyArray<string>
  readonly exact: boolean
  readonly id: string
}

const compile = (id: string, entry: string): Phrase => ({ words: keyOf(entry).split(" ").filter((w) => w !== ""), exact: entry.endsWith(" "), id })

// Phrases grouped by the first two letters of their first word, so a word is tried against few.
const group = (phrases: ReadonlyArray<Phrase>): ReadonlyMap<string, ReadonlyArray<Phrase>> => {
  const m = new Map<string, Array<Phrase>>()
  for (const p of phrases) {
    if (p.words.length === 0) continue
    const k = p.words[0]!.slice(0, 2)
    const list = m.get(k) ?? []
    list.push(p)
    m.set(k, list)
  }
  return m
}

const conceptPhrases = group(Lexicon.concepts.flatMap((c) => c.words.map((w) => compile(c.id, w))))
const cuePhrases = group([
  ...Lexicon.reminderCues.map((w) => compile("reminder", w)),
  ...Lexicon.disputeCues.map((w) => compile("dispute", w)),
  ...Lexicon.recurrenceCues.map((w) => compile("recurrence", w)),
  ...Lexicon.collectiveCues.map((w) => compile("collective", w))
])
const fillerKeys = new Set(Lexicon.filler.map((w) => keyOf(w)))
const stopKeys = new Set(Lexicon.stopWords.map((w) => keyOf(w)))

const matchesAt = (p: Phrase, keys: ReadonlyArray<string>, i: number): boolean => {
  if (i + p.words.length > keys.length) return false
  for (let j = 0; j < p.words.length; j++) {
    const w = keys[i + j]!
    const e = p.words[j]!
    const last = j === p.words.length - 1
    if (last && !p.exact ? !w.startsWith(e) : w !== e) return false
  }
  return true
}

const find = (groups: ReadonlyMap<string, ReadonlyArray<Phrase>>, keys: ReadonlyArray<string>): ReadonlySet<string> => {
  const out = new Set<string>()
  for (let i = 0; i < keys.length; i++) {
    if (keys[i] === "") continue
    const list = groups.get(keys[i]!.slice(0, 2))
    if (list === undefined) continue
    for (const p of list) if (!out.has(p.id) && matchesAt(p, keys, i)) out.add(p.id)
  }
  return out
}

/** What duplicate detection reads off a text. */
export interface TextProfile {
  /** Trigrams of the content words (with word boundaries) as sorted integer ids, their counts, and the vector's norm. */
  readonly gramIds: Float64Array
  readonly gramCounts: Int32Array
  readonly norm: number
  /** The concepts as a bit set (bit i of word i >> 5 = `Lexicon.concepts[i]`), for fast comparison. */
  readonly mask: Uint32Array
  /** The lexicon's concepts found. */
  readonly concepts: ReadonlySet<string>
  /** Cues found: "reminder", "dispute", "recurrence", "collective". */
  readonly cues: ReadonlySet<string>
  /** Content words (after filler and function words). */
  readonly words: number
}

/** The folded words of a text, in order. */
export const foldedWords = (text: string): ReadonlyArray<string> => {
  const f = fold(text)
  const out: Array<string> = []
  for (let i = 0; i < f.count; i++) out.push(f.numeric[i] === 1 ? "#" : keyAt(f, i))
  return out
}

/**
 * Reads the profile of a text (see {@link TextProfile}). `placeWords` (folded) are the words of the
 * appeal's street: a text that names its street ("ул. Тинчлик", "Bogʻishamol koʻchasi") names a
 * place, not a concept ("tinchlik" is peace, "bogʻ" a garden).
 */
export const profile = (text: string, placeWords: ReadonlyArray<string> = []): TextProfile => {
  const keys = foldedWords(text)
  const raw: Array<number> = []
  let words = 0
  for (const k of keys) {
    // Numbers name houses, dates and sums; filler and function words carry no topic.
    if (k === "#" || k.length < 2 || fillerKeys.has(k) || stopKeys.has(k)) continue
    words++
    // A trigram of 16-bit code units packed exactly into 48 bits (a double holds it without loss);
    // "^" and "$" mark the word's ends.
    const code = (i: number) => (i < 0 ? 0x5e : i >= k.length ? 0x24 : k.charCodeAt(i))
    for (let i = -1; i + 2 <= k.length; i++) raw.push(code(i) * 4294967296 + code(i + 1) * 65536 + code(i + 2))
  }
  raw.sort((x, y) => x - y)
  const ids: Array<number> = []
  const counts: Array<number> = []
  for (const g of raw) {
    if (ids.length > 0 && ids[ids.length - 1] === g) counts[counts.length - 1]!++
    else {
      ids.push(g)
      counts.push(1)
    }
  }
  let sq = 0
  for (const v of counts) sq += v * v
  // Cues are looked for in all words (a cue may be a polite phrase); concepts without the filler
  // ("hurmatli inspektor" is no complaint about an officer).
  // The street's name with a case ending ("Тинчликда") is still the street.
  const place = placeWords.filter((w) => w.length >= 4)
  const content = keys.map((k) => (fillerKeys.has(k) || place.some((w) => k.startsWith(w)) ? "" : k))
  const concepts = find(conceptPhrases, content)
  const mask = new Uint32Array(maskWords)
  for (const c of concepts) {
    const i = index.get(c)!
    mask[i >>> 5]! |= 1 << (i & 31)
  }
  return { gramIds: Float64Array.from(ids), gramCounts: Int32Array.from(counts), norm: Math.sqrt(sq), mask, concepts, cues: find(cuePhrases, keys), words }
}

/** Cosine of two trigram vectors, in [0, 1]: a merge of the two sorted id lists. Symmetric. */
export const gramCosine = (a: TextProfile, b: TextProfile): number => {
  if (a.norm === 0 || b.norm === 0) return 0
  const x = a.gramIds
  const y = b.gramIds
  let i = 0
  let j = 0
  let dot = 0
  while (i < x.length && j < y.length) {
    const p = x[i]!
    const q = y[j]!
    if (p === q) dot += a.gramCounts[i++]! * b.gramCounts[j++]!
    else if (p < q) i++
    else j++
  }
  return Math.min(1, dot / (a.norm * b.norm))
}

// One bit per concept, in as many 32-bit words as the lexicon needs.
const index = new Map(Lexicon.concepts.map((c, i) => [c.id, i] as const))
const maskWords = Math.max(1, Math.ceil(Lexicon.concepts.length / 32))
const problemMask = new Uint32Array(maskWords)
Lexicon.concepts.forEach((c, i) => {
  if (c.kind === "problem") problemMask[i >>> 5]! |= 1 << (i & 31)
})
const popcount = (x: number): number => {
  let n = 0
  for (let v = x >>> 0; v !== 0; v = (v & (v - 1)) >>> 0) n++
  return n
}

/**
 * Weighted Dice coefficient of the two concept sets, in [0, 1] (0 when either has none): a problem
 * concept weighs 1, a setting concept `settingWeight`. `conflict` when both name problems and share
 * none (the same place, another problem). Symmetric.
 */
export const conceptDice = (a: TextProfile, b: TextProfile, settingWeight: number): { readonly dice: number; readonly conflict: boolean } => {
  let problemsA = 0
  let problemsB = 0
  let problemsShared = 0
  let total = 0
  let shared = 0
  for (let w = 0; w < maskWords; w++) {
    const x = a.mask[w]!
    const y = b.mask[w]!
    const p = problemMask[w]!
    const weigh = (m: number) => popcount(m & p) + settingWeight * popcount(m & ~p)
    problemsA |= x & p
    problemsB |= y & p
    problemsShared |= x & y & p
    total += weigh(x) + weigh(y)
    shared += weigh(x & y)
  }
  const conflict = problemsA !== 0 && problemsB !== 0 && problemsShared === 0
  return { dice: total === 0 ? 0 : (2 * shared) / total, conflict }
}

/** The concepts two texts share, by id (for explanations). */
export const sharedConcepts = (a: TextProfile, b: TextProfile): ReadonlyArray<string> => [...a.concepts].filter((c) => b.concepts.has(c)).sort()
