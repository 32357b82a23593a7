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
  ...Lexicon.recurrenceCues.map((w) => compile("recurrence", w))
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
  /** Trigram counts of the content words (with word boundaries), and the vector's norm. */
  readonly grams: ReadonlyMap<string, number>
  readonly norm: number
  /** The lexicon's concepts found. */
  readonly concepts: ReadonlySet<string>
  /** Cues found: "reminder", "dispute", "recurrence". */
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

/** Reads the profile of a text (see {@link TextProfile}). */
export const profile = (text: string): TextProfile => {
  const keys = foldedWords(text)
  const grams = new Map<string, number>()
  let words = 0
  for (const k of keys) {
    // Numbers name houses, dates and sums; filler and function words carry no topic.
    if (k === "#" || k.length < 2 || fillerKeys.has(k) || stopKeys.has(k)) continue
    words++
    const w = `^${k}$`
    for (let i = 0; i + 3 <= w.length; i++) {
      const g = w.slice(i, i + 3)
      grams.set(g, (grams.get(g) ?? 0) + 1)
    }
  }
  let sq = 0
  for (const v of grams.values()) sq += v * v
  // Cues are looked for in all words (a cue may be a polite phrase); concepts without the filler
  // ("hurmatli inspektor" is no complaint about an officer).
  const content = keys.map((k) => (fillerKeys.has(k) ? "" : k))
  return { grams, norm: Math.sqrt(sq), concepts: find(conceptPhrases, content), cues: find(cuePhrases, keys), words }
}

/** Cosine of two trigram vectors, in [0, 1]. Symmetric. */
export const gramCosine = (a: TextProfile, b: TextProfile): number => {
  if (a.norm === 0 || b.norm === 0) return 0
  const [small, big] = a.grams.size <= b.grams.size ? [a, b] : [b, a]
  let dot = 0
  for (const [g, v] of small.grams) dot += v * (big.grams.get(g) ?? 0)
  return Math.min(1, dot / (a.norm * b.norm))
}

const kindOf = new Map(Lexicon.concepts.map((c) => [c.id, c.kind] as const))

/**
 * Weighted Dice coefficient of the two concept sets, in [0, 1] (0 when either has none): a problem
 * concept weighs 1, a setting concept `settingWeight`. `conflict` when both name problems and share
 * none (the same place, another problem). Symmetric.
 */
export const conceptDice = (
  a: TextProfile,
  b: TextProfile,
  settingWeight: number
): { readonly dice: number; readonly shared: ReadonlyArray<string>; readonly conflict: boolean } => {
  const w = (c: string) => (kindOf.get(c) === "problem" ? 1 : settingWeight)
  const sum = (s: Iterable<string>) => {
    let t = 0
    for (const c of s) t += w(c)
    return t
  }
  const shared = [...a.concepts].filter((c) => b.concepts.has(c)).sort()
  const problems = (s: ReadonlySet<string>) => [...s].filter((c) => kindOf.get(c) === "problem")
  const conflict = problems(a.concepts).length > 0 && problems(b.concepts).length > 0 && !shared.some((c) => kindOf.get(c) === "problem")
  const total = sum(a.concepts) + sum(b.concepts)
  return { dice: total === 0 ? 0 : (2 * sum(shared)) / total, shared, conflict }
}
