/**
 * One pass of normalisation over a text: every UTF-16 code unit is looked up once in a table and
 * written out as the letters of its *matching key* (Uzbek Cyrillic and Russian transliterated by
 * the CLDR uz_Cyrl-uz_Latn rules, lower case, apostrophes dropped, q→k, x→h, w→sh, c→s except in
 * "ch", doubled letters collapsed). Words, their offsets in the text, clauses and sentences are
 * found in the same pass. The result is a set of typed arrays shared by the rule matcher, the
 * urgency detector and the statistical model (and, later, by similarity).
 *
 * Scratch buffers are reused between calls (`foldInto`); `fold` returns a fresh copy.
 */

/** Kinds of code units; the letter kinds are the ones from LETTER up. */
const OTHER = 0
const DIGIT = 1
const APOSTROPHE = 2
const CLAUSE = 3
const SENTENCE = 4
const MARK = 5
const LETTER = 8
/** Cyrillic е: "ye" at the start of a word or after a vowel, ъ or ь, otherwise "e". */
const CYR_E = 9
/** Latin c: "c" before h (for "ch"), otherwise "s". */
const LATIN_C = 10

const TABLE = 0x530
/** Bit `k` set: ASCII letter `a + k` folds to itself (all but c, q, w and x, which the table rewrites). */
const PLAIN = 0x3ffffff & ~((1 << 2) | (1 << 16) | (1 << 22) | (1 << 23))
/**
 * One entry per code unit below TABLE: kind (4 bits) | first output code << 4 (16 bits) | second
 * output code << 20 (ASCII; 0 = none). One load per character in the loop.
 */
let entries: Int32Array | undefined
// Cyrillic vowels and ъ/ь, after which е is "ye".
let yeAfter: Uint8Array

// The text's code units are copied into a reused array before the loop: Node's native UTF-16 copy
// where there is one (reading a typed array is cheaper than charCodeAt on the sliced
// and concatenated strings texts arrive as; little-endian hosts only), else a plain loop (browsers).
interface NodeBuffer {
  readonly from: (a: ArrayBuffer, offset: number, length: number) => { readonly write: (s: string, offset: number, encoding: "utf16le") => number }
}
const nodeBuffer: NodeBuffer | undefined =
  new Uint8Array(Uint16Array.of(1).buffer)[0] === 1 ? (globalThis as { readonly Buffer?: NodeBuffer }).Buffer : undefined
let units = new Uint16Array(4096)
let writer: ReturnType<NodeBuffer["from"]> | undefined

const unitsOf = (text: string): Uint16Array => {
  const n = text.length
  if (units.length < n) {
    units = new Uint16Array(n * 2)
    writer = undefined
  }
  const u = units
  if (nodeBuffer !== undefined) (writer ??= nodeBuffer.from(u.buffer as ArrayBuffer, u.byteOffset, u.byteLength)).write(text, 0, "utf16le")
  else for (let i = 0; i < n; i++) u[i] = text.charCodeAt(i)
  return u
}

/** The apostrophe variants folded away (the same list as `Normalize.apostrophes`). */
export const apostropheCodes: ReadonlyArray<number> = [0x27, 0x60, 0x2018, 0x2019, 0x2bb, 0x2bc, 0xb4, 0x2b9, 0x2032, 0x201b, 0x2bd]

const c = (s: string) => s.charCodeAt(0)

const init = (): Int32Array => {
  const t = new Int32Array(TABLE)
  yeAfter = new Uint8Array(TABLE)
  const letter = (code: number, o: string) => {
    t[code] = LETTER | ((o.length > 0 ? c(o[0]!) : 0) << 4) | ((o.length > 1 ? c(o[1]!) : 0) << 20)
  }
  const kind = (code: number, k: number) => {
    t[code] = (t[code]! & ~15) | k
  }
  // Every other letter of the table keeps its lower case form.
  for (let u = 0; u < TABLE; u++) {
    const ch = String.fromCharCode(u)
    if (/\p{M}/u.test(ch)) t[u] = MARK
    else if (/\p{L}/u.test(ch)) letter(u, ch.toLowerCase().length === 1 ? ch.toLowerCase() : ch)
    else if (/\p{N}/u.test(ch)) t[u] = (/[0-9]/.test(ch) ? DIGIT : LETTER) | (u << 4)
  }
  for (let u = c("a"); u <= c("z"); u++) {
    letter(u, String.fromCharCode(u))
    letter(u - 32, String.fromCharCode(u))
  }
  for (const [l, o] of [["q", "k"], ["x", "h"], ["w", "sh"]] as const) {
    letter(c(l), o)
    letter(c(l.toUpperCase()), o)
  }
  kind(c("c"), LATIN_C)
  kind(c("C"), LATIN_C)
  // Latin letters of older Uzbek and Turkic spellings.
  for (const [l, o] of [["ş", "sh"], ["ç", "ch"], ["ğ", "g"], ["ö", "o"], ["ü", "u"], ["ı", "i"], ["é", "e"], ["è", "e"], ["ё", "yo"], ["à", "a"], ["á", "a"], ["ñ", "n"], ["í", "i"], ["ó", "o"], ["ú", "u"]] as const) {
    letter(c(l), o)
    const up = l.toUpperCase()
    if (up.length === 1 && up !== l) letter(c(up), o)
  }
  // CLDR uz_Cyrl-uz_Latn (е is contextual, below), and the Russian letters found in Uzbek texts.
  const cyr: ReadonlyArray<readonly [string, string]> = [
    ["а", "a"], ["б", "b"], ["в", "v"], ["г", "g"], ["д", "d"], ["ё", "yo"], ["ж", "j"], ["з", "z"], ["и", "i"], ["й", "y"], ["к", "k"], ["л", "l"],
    ["м", "m"], ["н", "n"], ["о", "o"], ["п", "p"], ["р", "r"], ["с", "s"], ["т", "t"], ["у", "u"], ["ф", "f"], ["х", "h"], ["ц", "ts"], ["ч", "ch"],
    ["ш", "sh"], ["щ", "sh"], ["ъ", ""], ["ы", "i"], ["ь", ""], ["э", "e"], ["ю", "yu"], ["я", "ya"], ["ў", "o"], ["қ", "k"], ["ғ", "g"], ["ҳ", "h"],
    ["і", "i"], ["ә", "a"], ["ө", "o"], ["ү", "u"], ["ң", "ng"], ["ҷ", "j"], ["ӣ", "i"], ["ӯ", "u"]
  ]
  for (const [l, o] of cyr) {
    letter(c(l), o)
    letter(c(l.toUpperCase()), o)
  }
  t[c("е")] = CYR_E
  t[c("Е")] = CYR_E
  for (const v of "аеёиоуўэюяыъьАЕЁИОУЎЭЮЯЫЪЬ") yeAfter[c(v)] = 1
  for (const a of apostropheCodes) if (a < TABLE) t[a] = APOSTROPHE
  for (const p of ",;:()") t[c(p)] = CLAUSE
  for (const p of ".!?\n\r") t[c(p)] = SENTENCE
  return t
}

// The entry of a code unit beyond the table (rare: typographic apostrophes and dashes, other scripts).
const entryOf = (t: Int32Array, u: number): number => {
  if (u < TABLE) return t[u]!
  if (u === 0x2018 || u === 0x2019 || u === 0x201b || u === 0x2032) return APOSTROPHE
  if (u === 0x2013 || u === 0x2014) return CLAUSE
  if (u === 0x2026) return SENTENCE
  if (u >= 0xd800 && u <= 0xdfff) return OTHER
  const ch = String.fromCharCode(u)
  if (/\p{L}/u.test(ch)) {
    const lower = ch.toLowerCase()
    return LETTER | ((lower.length === 1 ? lower.charCodeAt(0) : u) << 4)
  }
  if (/\p{M}/u.test(ch)) return MARK
  if (/\p{N}/u.test(ch)) return LETTER | (u << 4)
  return OTHER
}

/**
 * A folded text: the matching keys of its words back to back in `codes` (word `i` is
 * `codes[start[i]..end[i])`), where each word is in the text (`from`/`to`, UTF-16 offsets), its
 * clause and sentence, and whether it is a number. `count` words are valid.
 */
export interface Folded {
  readonly source: string
  readonly count: number
  readonly codes: Uint16Array
  readonly start: Int32Array
  readonly end: Int32Array
  readonly from: Int32Array
  readonly to: Int32Array
  readonly clause: Int32Array
  readonly sentence: Int32Array
  readonly numeric: Uint8Array
}

/** Reusable buffers for {@link foldInto}. */
export interface Scratch {
  source: string
  count: number
  codes: Uint16Array
  start: Int32Array
  end: Int32Array
  from: Int32Array
  to: Int32Array
  clause: Int32Array
  sentence: Int32Array
  numeric: Uint8Array
}

/** Empty buffers that grow on demand. */
export const scratch = (): Scratch => ({
  source: "",
  count: 0,
  codes: new Uint16Array(1024),
  start: new Int32Array(256),
  end: new Int32Array(256),
  from: new Int32Array(256),
  to: new Int32Array(256),
  clause: new Int32Array(256),
  sentence: new Int32Array(256),
  numeric: new Uint8Array(256)
})

/** A copy of `a` in a buffer of `size` entries (the rest zero): scratch buffers grow, never shrink. */
export const widened = (a: Int32Array, size: number): Int32Array => {
  const b = new Int32Array(size)
  b.set(a)
  return b
}

const grow = (s: Scratch, n: number) => {
  const words = Math.max(n, s.start.length * 2)
  const i32 = (a: Int32Array) => widened(a, words)
  s.start = i32(s.start)
  s.end = i32(s.end)
  s.from = i32(s.from)
  s.to = i32(s.to)
  s.clause = i32(s.clause)
  s.sentence = i32(s.sentence)
  const num = new Uint8Array(words)
  num.set(s.numeric)
  s.numeric = num
}

/**
 * Folds `text` into `s` (its buffers grow when needed) and returns it. One pass over the code
 * units in a typed array, one table load per unit; letters, the common case, take the first branch.
 */
export const foldInto = (s: Scratch, text: string): Scratch => {
  const t = (entries ??= init())
  const ye = yeAfter
  const n = text.length
  if (s.codes.length < n * 2 + 8) s.codes = new Uint16Array(n * 2 + 64)
  // At most one word per two code units (a word and a separator), plus one.
  if (s.start.length < (n >> 1) + 2) grow(s, (n >> 1) + 2)
  const codes = s.codes
  const start = s.start
  const end = s.end
  const from = s.from
  const to = s.to
  const clauses = s.clause
  const sentences = s.sentence
  const numeric = s.numeric
  let w = 0 // words
  let p = 0 // codes written
  let clause = 0
  let sentence = 0
  let inWord = OTHER // OTHER, LETTER or DIGIT
  let last = 0 // last code written in the current word (for doubled letters)
  let pending = OTHER // OTHER, CLAUSE or SENTENCE seen since the last word
  const us = unitsOf(text)
  for (let i = 0; i < n; i++) {
    const u = us[i]!
    if (inWord === LETTER) {
      // Inside a word, the common units take a short path with the same output: a plain ASCII
      // letter (not c, q, w or x) is its own lower case (no table) ...
      const l = u | 0x20
      const d = l - 0x61
      if (d >>> 0 < 26 && ((PLAIN >>> d) & 1) !== 0) {
        if (l !== last) codes[p++] = last = l
        continue
      }
    }
    if (u === 0x20) {
      // A space (kind OTHER) only closes the current word.
      if (inWord !== OTHER) {
        if (p > start[w]!) {
          end[w] = p
          to[w] = i
          w++
        }
        inWord = OTHER
      }
      continue
    }
    const e = u < TABLE ? t[u]! : entryOf(t, u)
    let kind = e & 15
    if (kind === LETTER && inWord === LETTER) {
      // ... and any other letter without context (Cyrillic but е) is its table entry's one or two codes.
      const a = (e >>> 4) & 0xffff
      const b = e >>> 20
      if (a !== 0) {
        if (a !== last) codes[p++] = last = a
        if (b !== 0 && b !== last) codes[p++] = last = b
      }
      continue
    }
    if (kind === MARK) {
      if (inWord === LETTER) continue
      kind = OTHER
    } else if (kind === APOSTROPHE) {
      // Inside a word (a letter on both sides) it is dropped and the word goes on.
      if (inWord === LETTER && i + 1 < n && (entryOf(t, us[i + 1]!) & 15) >= LETTER) continue
      kind = OTHER
    }
    const wordKind = kind >= LETTER ? LETTER : kind === DIGIT ? DIGIT : OTHER
    if (wordKind !== inWord) {
      // Close the current word (empty words, such as a lone ь, are dropped) ...
      if (inWord !== OTHER && p > start[w]!) {
        end[w] = p
        to[w] = i
        w++
      }
      // ... and open the next.
      if (wordKind !== OTHER) {
        if (pending !== OTHER) {
          if (pending === SENTENCE) sentence++
          clause++
          pending = OTHER
        }
        start[w] = p
        from[w] = i
        clauses[w] = clause
        sentences[w] = sentence
        numeric[w] = wordKind === DIGIT ? 1 : 0
        last = 0
      }
      inWord = wordKind
    }
    if (wordKind === LETTER) {
      let a = (e >>> 4) & 0xffff
      let b = e >>> 20
      if (kind === CYR_E) {
        const prev = i > 0 ? us[i - 1]! : 0
        const pk = i === 0 ? OTHER : entryOf(t, prev) & 15
        // The modifier-letter apostrophes (ʻ ʼ ʹ ʽ) are letters here, as in CLDR's [:L:].
        const isLetter = pk >= LETTER || pk === MARK || prev === 0x2bb || prev === 0x2bc || prev === 0x2b9 || prev === 0x2bd
        if (!isLetter || (prev < TABLE && ye[prev] === 1)) {
          a = 0x79 // y
          b = 0x65 // e
        } else a = 0x65
      } else if (kind === LATIN_C) {
        const next = i + 1 < n ? us[i + 1]! : 0
        a = next === 0x68 || next === 0x48 ? 0x63 : 0x73
      }
      if (a !== 0) {
        if (a !== last) codes[p++] = last = a
        if (b !== 0 && b !== last) codes[p++] = last = b
      }
    } else if (wordKind === DIGIT) codes[p++] = u // digits are never collapsed: "100" is not "10"
    else if (kind === SENTENCE) pending = SENTENCE
    else if (kind === CLAUSE && pending === OTHER) pending = CLAUSE
  }
  if (inWord !== OTHER && p > start[w]!) {
    end[w] = p
    to[w] = n
    w++
  }
  s.source = text
  s.count = w
  return s
}

/**
 * Folds a text into fresh arrays (see {@link Folded}): folded in the shared scratch, then copied
 * into views of one new buffer (one allocation outside the heap instead of eight, plus the scratch's).
 */
export const fold = (text: string): Folded => {
  const s = foldInto((shared ??= scratch()), text)
  const n = s.count
  const p = n === 0 ? 0 : s.end[n - 1]!
  const buffer = new ArrayBuffer(24 * n + 2 * p + n)
  const i32 = (a: Int32Array, k: number): Int32Array => {
    const v = new Int32Array(buffer, 4 * k * n, n)
    v.set(a.subarray(0, n))
    return v
  }
  const codes = new Uint16Array(buffer, 24 * n, p)
  codes.set(s.codes.subarray(0, p))
  const numeric = new Uint8Array(buffer, 24 * n + 2 * p, n)
  numeric.set(s.numeric.subarray(0, n))
  return {
    source: text,
    count: n,
    codes,
    start: i32(s.start, 0),
    end: i32(s.end, 1),
    from: i32(s.from, 2),
    to: i32(s.to, 3),
    clause: i32(s.clause, 4),
    sentence: i32(s.sentence, 5),
    numeric
  }
}

/** The matching key of word `i` as a string. */
export const keyAt = (f: Pick<Folded, "codes" | "start" | "end">, i: number): string => {
  let out = ""
  for (let j = f.start[i]!; j < f.end[i]!; j++) out += String.fromCharCode(f.codes[j]!)
  return out
}

/** The matching key of a word or phrase: its folded words joined by single spaces. */
export const keyOf = (text: string): string => {
  const f = foldInto((shared ??= scratch()), text)
  let out = ""
  for (let i = 0; i < f.count; i++) out += (i > 0 ? " " : "") + keyAt(f, i)
  return out
}
// The scratch of `fold` and `keyOf` (neither calls out while using it).
let shared: Scratch | undefined
