/**
 * Text normalisation for triage: Uzbek Cyrillic to Latin by the CLDR uz_Cyrl-uz_Latn rules, every
 * apostrophe variant of oʻ, gʻ and the tutuq belgisi, case, numbers and spacing, and a light
 * Uzbek + Russian suffix stemmer, so that "qoʻshnim", "qo'shnilarimiz", "қўшнидан" and "кушнимиз"
 * all reach the same matching key.
 *
 * Two levels:
 * - {@link toLatin} and {@link normalize} give readable canonical Latin Uzbek (for display and docs);
 * - {@link key} and {@link stem} give a lossy *matching key* (apostrophes dropped, q≈k, x≈h, w≈sh,
 *   doubled letters collapsed) used only to compare words, never shown as the citizen's text.
 *
 * @example
 * import { Normalize } from "@murojaat/core"
 * Normalize.toLatin("Қўшним ҳар куни ичиб келади") // "Qoʻshnim har kuni ichib keladi"
 * Normalize.key("қўшнимиз") === Normalize.key("qo`shnimiz") // true
 */

import * as Fold from "./internal/triage/fold.js"
import * as Stem from "./internal/triage/stem.js"

/**
 * U+02BB, the letter used in oʻ and gʻ.
 *
 * @example
 * import { Normalize } from "@murojaat/core"
 * Normalize.fixApostrophes("o'g'il") === `o${Normalize.okina}g${Normalize.okina}il` // true
 *
 * @since 0.1.0
 * @category letters
 */
export const okina = "\u02BB"
/**
 * U+02BC, the tutuq belgisi (Cyrillic ъ).
 *
 * @example
 * import { Normalize } from "@murojaat/core"
 * Normalize.fixApostrophes("ma'lumot") === `ma${Normalize.tutuq}lumot` // true
 *
 * @since 0.1.0
 * @category letters
 */
export const tutuq = "\u02BC"

/**
 * Every character seen in the wild in place of ʻ or ʼ: ASCII apostrophe, backtick, left and right
 * single quotes, modifier letters, acute accent, prime, reversed comma.
 *
 * @example
 * import { Normalize } from "@murojaat/core"
 * Normalize.apostrophes.includes("`") // true
 *
 * @since 0.1.0
 * @category letters
 */
export const apostrophes: ReadonlyArray<string> = ["'", "`", "\u2018", "\u2019", "\u02BB", "\u02BC", "\u00B4", "\u02B9", "\u2032", "\u201B", "\u02BD"]
const apostropheSet = new Set(apostrophes)
const apostropheClass = apostrophes.map((a) => `\\u${a.charCodeAt(0).toString(16).padStart(4, "0")}`).join("")

// CLDR uz_Cyrl-uz_Latn, plus the Russian letters that appear in Uzbek Cyrillic texts.
const cyr: Record<string, string> = {
  а: "a", б: "b", в: "v", г: "g", д: "d", ё: "yo", ж: "j", з: "z", и: "i", й: "y", к: "k", л: "l",
  м: "m", н: "n", о: "o", п: "p", р: "r", с: "s", т: "t", у: "u", ф: "f", х: "x", ц: "ts", ч: "ch",
  ш: "sh", щ: "sh", ъ: tutuq, ы: "i", ь: "", э: "e", ю: "yu", я: "ya", ў: "o" + okina, қ: "q",
  ғ: "g" + okina, ҳ: "h", і: "i", ә: "a", ө: "o", ү: "u", ң: "ng"
}
const cyrVowels = new Set(["а", "е", "ё", "и", "о", "у", "ў", "э", "ю", "я", "ы"])
const yeAfter = new Set(["ъ", "ь"])
const isLetter = (c: string | undefined): boolean => c !== undefined && /\p{L}/u.test(c)
const hasCyrillic = /[\u0400-\u04FF]/

/**
 * Transliterates Uzbek Cyrillic (and Russian letters inside it) to Uzbek Latin by the CLDR rules:
 * ў→oʻ, ғ→gʻ, ш→sh, ч→ch, ҳ→h, қ→q, х→x, ж→j, й→y, ъ→ʼ, ё→yo, ю→yu, я→ya, ц→ts, э→e, and е→ye at
 * the start of a word or after a vowel, ъ or ь, otherwise e. Case is kept; Latin text passes through.
 *
 * @example
 * import { Normalize } from "@murojaat/core"
 * Normalize.toLatin("Ерим ўғлимни урди") // "Yerim oʻgʻlimni urdi"
 * Normalize.toLatin("Шаҳар") // "Shahar"
 *
 * @since 0.1.0
 * @category normalization
 */
export const toLatin = (s: string): string => {
  if (!hasCyrillic.test(s)) return s
  let out = ""
  for (let i = 0; i < s.length; i++) {
    const ch = s[i]!
    const lower = ch.toLowerCase()
    let latin: string | undefined
    if (lower === "е") {
      const prev = i > 0 ? s[i - 1]!.toLowerCase() : undefined
      latin = !isLetter(prev) || cyrVowels.has(prev!) || yeAfter.has(prev!) ? "ye" : "e"
    } else latin = cyr[lower]
    if (latin === undefined) {
      out += ch
      continue
    }
    if (lower !== ch && latin.length > 0) {
      // Capital: "Ш" -> "Sh", but "ШАҲАР" -> "SHAHAR" when the next letter is capital too.
      const next = s[i + 1]
      const allCaps = next !== undefined && isLetter(next) && next === next.toUpperCase() && next !== next.toLowerCase()
      latin = allCaps ? latin.toUpperCase() : latin[0]!.toUpperCase() + latin.slice(1)
    }
    out += latin
  }
  return out
}

/**
 * Makes every apostrophe variant canonical: after o/O and g/G it becomes ʻ (U+02BB), between other
 * letters ʼ (U+02BC). Quotes at word edges are left alone.
 *
 * @example
 * import { Normalize } from "@murojaat/core"
 * Normalize.fixApostrophes("o`g'il ma’lumot") // "oʻgʻil maʼlumot"
 *
 * @since 0.1.0
 * @category normalization
 */
export const fixApostrophes = (s: string): string => {
  let out = ""
  for (let i = 0; i < s.length; i++) {
    const ch = s[i]!
    if (!apostropheSet.has(ch)) {
      out += ch
      continue
    }
    const prev = s[i - 1]
    const next = s[i + 1]
    if (isLetter(prev) && isLetter(next)) out += /[oOgG]/.test(prev!) ? okina : tutuq
    else out += ch
  }
  return out
}

/**
 * Readable canonical form: Latin script, canonical apostrophes, lower case, digits separated from
 * letters ("5ta" -> "5 ta", "15-yoshli" -> "15 yoshli"), single spaces.
 *
 * @example
 * import { Normalize } from "@murojaat/core"
 * Normalize.normalize("  ҚЎШНИМ   15-ёшли   боламни 2марта урди ") // "qoʻshnim 15 yoshli bolamni 2 marta urdi"
 *
 * @since 0.1.0
 * @category normalization
 */
export const normalize = (s: string): string =>
  fixApostrophes(toLatin(s))
    .toLowerCase()
    .replace(/(\p{N})[-\u2013]?(?=\p{L})/gu, "$1 ")
    .replace(/(\p{L})(?=\p{N})/gu, "$1 ")
    .replace(/\s+/gu, " ")
    .trim()

/**
 * The matching key of one word: Latin, lower case, apostrophes dropped, and the letters that
 * Russian keyboards and hurried typing confuse folded together (q→k, x→h, w→sh, c→s, doubled
 * letters collapsed). Lossy on purpose: "qoʻshni", "qo'shni", "qoshni", "қўшни" give one key.
 * It is the key {@link fold} gives each word (several words give their keys joined by spaces).
 *
 * @example
 * import { Normalize } from "@murojaat/core"
 * Normalize.key("Qo‘shni") // "koshni"
 * Normalize.key("хулиганлик") // "huliganlik"
 *
 * @since 0.1.0
 * @category keys
 */
export const key = (word: string): string => Fold.keyOf(word)

/**
 * The keys a rule's word may take in citizens' texts: its {@link key}, and, where the word has oʻ,
 * the key of the common misspelling with u (ў typed as у on a Russian keyboard: "кушни").
 *
 * @example
 * import { Normalize } from "@murojaat/core"
 * Normalize.keyVariants("qoʻshni") // ["koshni", "kushni"]
 *
 * @since 0.1.0
 * @category keys
 */
export const keyVariants = (word: string): ReadonlyArray<string> => {
  const latin = toLatin(word.toLowerCase())
  const main = key(latin)
  const withU = key(latin.replace(new RegExp(`o[${apostropheClass}]`, "g"), "u"))
  return withU === main ? [main] : [main, withU]
}

/**
 * Stems keep at least this many letters.
 *
 * @example
 * import { Normalize } from "@murojaat/core"
 * Normalize.stem("uyda").length >= Normalize.minStem // true
 *
 * @since 0.1.0
 * @category keys
 */
export const minStem = Stem.minStem

/**
 * Strips Uzbek and Russian endings from a matching key (up to three times, never below
 * {@link minStem} letters), so agglutinative suffixes do not defeat a rule.
 *
 * @example
 * import { Normalize } from "@murojaat/core"
 * Normalize.stem(Normalize.key("qoʻshnilarimizdan")) === Normalize.stem(Normalize.key("қўшнидан")) // true
 *
 * @since 0.1.0
 * @category keys
 */
export const stem = (k: string): string => {
  const codes = Array.from(k, (ch) => ch.charCodeAt(0))
  return k.slice(0, Stem.stemEnd(codes, 0, codes.length))
}

/**
 * A text folded in one pass, the representation triage reads (and similarity can share): the
 * matching keys of its words back to back in `codes` (word `i` is `codes[start[i]..end[i])`, see
 * {@link key}), where each word is in the text (`from`/`to`, UTF-16 offsets), its clause and
 * sentence (clauses end at , ; : – — ( ) and sentences at . ! ? … and line breaks), and whether it
 * is a number. Typed arrays, so reading it costs no allocation per word.
 *
 * @example
 * import { Normalize } from "@murojaat/core"
 * const f: Normalize.Folded = Normalize.fold("Qoʻshnim 15-yoshli")
 * f.count // 3
 *
 * @since 0.2.0
 * @category folding
 */
export type Folded = Fold.Folded

/**
 * Folds a text (see {@link Folded}): one table lookup per character, words, clauses and sentences
 * found in the same pass. Total: any string gives a result.
 *
 * @example
 * import { Normalize } from "@murojaat/core"
 * const f = Normalize.fold("Ўғлим уйга қайтмади")
 * Normalize.foldedKeys(f) // ["oglim", "uyga", "kaytmadi"]
 *
 * @since 0.2.0
 * @category folding
 */
export const fold = (text: string): Folded => Fold.fold(text)

/**
 * The matching keys of the words of a {@link Folded} text.
 *
 * @example
 * import { Normalize } from "@murojaat/core"
 * Normalize.foldedKeys(Normalize.fold("qo'shni, қўшни")) // ["koshni", "koshni"]
 *
 * @since 0.2.0
 * @category folding
 */
export const foldedKeys = (f: Folded): ReadonlyArray<string> => Array.from({ length: f.count }, (_, i) => Fold.keyAt(f, i))

/**
 * One word of a text: where it is in the original text (UTF-16 offsets), its matching key (see
 * {@link stem} for its stem), and the clause and sentence it belongs to.
 *
 * @example
 * import { Normalize } from "@murojaat/core"
 * const t: Normalize.Token = Normalize.tokens("Pichoq bor")[0]!
 * t.key // "pichok"
 *
 * @since 0.1.0
 * @category folding
 */
export interface Token {
  readonly text: string
  readonly key: string
  readonly start: number
  readonly end: number
  readonly clause: number
  readonly sentence: number
}

/**
 * Splits a text into {@link Token}s (the words of {@link fold}, as objects). Total: any string
 * (empty, huge, binary-looking) gives a list.
 *
 * @example
 * import { Normalize } from "@murojaat/core"
 * Normalize.tokens("Ўғлим йўқолди. Ёрдам беринг!").map((t) => t.sentence) // [0, 0, 1, 1]
 *
 * @since 0.1.0
 * @category folding
 */
export const tokens = (text: string): ReadonlyArray<Token> => {
  const f = Fold.fold(text)
  return Array.from({ length: f.count }, (_, i) => ({
    text: text.slice(f.from[i]!, f.to[i]!),
    key: Fold.keyAt(f, i),
    start: f.from[i]!,
    end: f.to[i]!,
    clause: f.clause[i]!,
    sentence: f.sentence[i]!
  }))
}
