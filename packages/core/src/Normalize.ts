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

/**
 * U+02BB, the letter used in oʻ and gʻ.
 *
 * @example
 * import { Normalize } from "@murojaat/core"
 * Normalize.fixApostrophes("o'g'il") === `o${Normalize.okina}g${Normalize.okina}il` // true
 */
export const okina = "\u02BB"
/**
 * U+02BC, the tutuq belgisi (Cyrillic ъ).
 *
 * @example
 * import { Normalize } from "@murojaat/core"
 * Normalize.fixApostrophes("ma'lumot") === `ma${Normalize.tutuq}lumot` // true
 */
export const tutuq = "\u02BC"

/**
 * Every character seen in the wild in place of ʻ or ʼ: ASCII apostrophe, backtick, left and right
 * single quotes, modifier letters, acute accent, prime, reversed comma.
 *
 * @example
 * import { Normalize } from "@murojaat/core"
 * Normalize.apostrophes.includes("`") // true
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
 */
export const normalize = (s: string): string =>
  fixApostrophes(toLatin(s))
    .toLowerCase()
    .replace(/(\p{N})[-\u2013]?(?=\p{L})/gu, "$1 ")
    .replace(/(\p{L})(?=\p{N})/gu, "$1 ")
    .replace(/\s+/gu, " ")
    .trim()

const folds: Record<string, string> = { w: "sh", x: "h", q: "k" }

// One pass: drop apostrophes, fold w/x/q and c (not in "ch"), and collapse doubled letters so that
// "mashinna", "qattiq"/"qatiq" and "аппарат" meet.
const foldLatin = (latinLower: string): string => {
  let out = ""
  let last = ""
  for (let i = 0; i < latinLower.length; i++) {
    const ch = latinLower[i]!
    if (apostropheSet.has(ch)) continue
    const f = folds[ch] ?? (ch === "c" && latinLower[i + 1] !== "h" ? "s" : ch)
    for (const part of f.length === 1 ? f : f.split("")) {
      if (part === last) continue
      out += part
      last = part
    }
  }
  return out
}

/**
 * The matching key of one word: Latin, lower case, apostrophes dropped, and the letters that
 * Russian keyboards and hurried typing confuse folded together (q→k, x→h, w→sh, c→s, doubled
 * letters collapsed). Lossy on purpose: "qoʻshni", "qo'shni", "qoshni", "қўшни" give one key.
 *
 * @example
 * import { Normalize } from "@murojaat/core"
 * Normalize.key("Qo‘shni") // "koshni"
 * Normalize.key("хулиганлик") // "huliganlik"
 */
export const key = (word: string): string => foldLatin(toLatin(word.toLowerCase()))

/**
 * The keys a rule's word may take in citizens' texts: its {@link key}, and, where the word has oʻ,
 * the key of the common misspelling with u (ў typed as у on a Russian keyboard: "кушни").
 *
 * @example
 * import { Normalize } from "@murojaat/core"
 * Normalize.keyVariants("qoʻshni") // ["koshni", "kushni"]
 */
export const keyVariants = (word: string): ReadonlyArray<string> => {
  const latin = toLatin(word.toLowerCase())
  const main = foldLatin(latin)
  const withU = foldLatin(latin.replace(new RegExp(`o[${apostropheClass}]`, "g"), "u"))
  return withU === main ? [main] : [main, withU]
}

// Suffixes in matching-key form (q→k, x→h), longest first. Uzbek ones may stack ("-lar-imiz-dan"),
// Russian endings come once; both sides of a comparison are stemmed the same way, so a crude
// stemmer is enough as long as it is deterministic and keeps at least `minStem` letters.
const suffixes: ReadonlyArray<string> = [
  // Uzbek verb forms
  "yaptilar", "yapmiz", "yapman", "yapsan", "yapti", "mokchi", "mokda", "yotgan", "yotir", "ganman", "ganda",
  "gani", "gan", "kan", "ishdi", "ish", "aman", "ayapti", "dilar", "ding", "dim", "dik", "adi", "aydi", "ydi", "di",
  "ib", "sin", "sa",
  // Uzbek plural, possessive, case
  "larimiz", "laringiz", "larning", "lardan", "larga", "larda", "larni", "lari", "lar", "imiz", "ingiz", "ning",
  "dagi", "gacha", "dan", "tan", "miz", "ngiz", "ing", "ni", "ga", "ka", "da", "ta", "im", "si",
  // Russian endings (transliterated)
  "yami", "ami", "ayet", "ayut", "yet", "yut", "tsya", "sya", "ovat", "ala", "ali", "alo", "aya", "oye", "iye",
  "uyu", "yah", "ah", "ov", "yev", "ey", "oy", "iy", "om", "yem", "em", "it", "at", "yat", "al", "ya", "yu",
  "a", "u", "e", "o", "i", "m"
]

/**
 * Stems keep at least this many letters.
 *
 * @example
 * import { Normalize } from "@murojaat/core"
 * Normalize.stem("uyda").length >= Normalize.minStem // true
 */
export const minStem = 3

/**
 * Strips Uzbek and Russian endings from a matching key (up to three times, never below
 * {@link minStem} letters), so agglutinative suffixes do not defeat a rule.
 *
 * @example
 * import { Normalize } from "@murojaat/core"
 * Normalize.stem(Normalize.key("qoʻshnilarimizdan")) === Normalize.stem(Normalize.key("қўшнидан")) // true
 */
export const stem = (k: string): string => {
  let s = k
  for (let round = 0; round < 3; round++) {
    let cut = false
    for (const suf of suffixes) {
      if (s.length - suf.length >= minStem && s.endsWith(suf)) {
        s = s.slice(0, s.length - suf.length)
        cut = true
        break
      }
    }
    if (!cut) break
  }
  return s
}

/**
 * One word of a text: where it is in the original text (UTF-16 offsets), its matching key (see
 * {@link stem} for its stem), and the clause and sentence it belongs to (clauses end at , ; : and sentences at . ! ? and newlines).
 *
 * @example
 * import { Normalize } from "@murojaat/core"
 * const t: Normalize.Token = Normalize.tokens("Pichoq bor")[0]!
 * t.key // "pichok"
 */
export interface Token {
  readonly text: string
  readonly key: string
  readonly start: number
  readonly end: number
  readonly clause: number
  readonly sentence: number
}

// A word: letters (with apostrophes of any variant between letters) or a run of digits.
const wordRe = new RegExp(`[\\p{L}\\p{M}](?:[\\p{L}\\p{M}]|[${apostropheClass}](?=[\\p{L}\\p{M}]))*|\\p{N}+`, "gu")
const clauseBreak = /[,;:\u2013\u2014()]/u
const sentenceBreak = /[.!?\n\r\u2026]/u

/**
 * Splits a text into {@link Token}s. Total: any string (empty, huge, binary-looking) gives a list.
 *
 * @example
 * import { Normalize } from "@murojaat/core"
 * Normalize.tokens("Ўғлим йўқолди. Ёрдам беринг!").map((t) => t.sentence) // [0, 0, 1, 1]
 */
export const tokens = (text: string): ReadonlyArray<Token> => {
  const out: Array<Token> = []
  let clause = 0
  let sentence = 0
  let last = 0
  for (const m of text.matchAll(wordRe)) {
    const start = m.index
    const between = text.slice(last, start)
    if (sentenceBreak.test(between)) {
      sentence++
      clause++
    } else if (clauseBreak.test(between)) clause++
    const k = key(m[0])
    out.push({ text: m[0], key: k, start, end: start + m[0].length, clause, sentence })
    last = start + m[0].length
  }
  return out
}
