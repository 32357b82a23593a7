// Masking of personal data in free text, in one linear pass and without regular expressions that
// can backtrack (the previous `[^\s@,;]+@...` rescanned a long word once per starting position:
// quadratic). Each character is looked at a bounded number of times: the e-mail pass moves forward
// only; the number pass looks ahead at most `maxGap` separators before it decides, and starts again
// after them at most once per number.

/** Numbers with at least this many digits (phones, passports, PINFL) are masked. */
export const minDigits = 7
/** The digits left visible at the end of a masked number, so a reader can tell numbers apart. */
export const keepDigits = 2
// Separators allowed between two digits of one number: "+998 (90) 123-45-67" has gaps of two.
const maxGap = 3

const code = (s: string, i: number): number => s.charCodeAt(i)

// White space of any kind and invisible format characters (NBSP, narrow NBSP, figure space,
// ideographic space, zero-width space and joiners, word joiner, BOM, soft hyphen).
export const isSpace = (c: number): boolean =>
  c === 0x20 ||
  (c >= 0x09 && c <= 0x0d) ||
  c === 0xa0 ||
  c === 0xad ||
  c === 0x1680 ||
  c === 0x180e ||
  (c >= 0x2000 && c <= 0x200d) ||
  c === 0x2028 ||
  c === 0x2029 ||
  c === 0x202f ||
  c === 0x205f ||
  c === 0x2060 ||
  c === 0x3000 ||
  c === 0xfeff

// Decimal digits of any script (Unicode Nd in the BMP: ASCII, Arabic-Indic, Extended
// Arabic-Indic, Devanagari, full-width...), looked up once per code unit and remembered.
const ndCache = new Uint8Array(0x10000) // 0 unknown, 1 digit, 2 not a digit
const nd = /^\p{Nd}$/u
export const isDigit = (c: number): boolean => {
  if (c < 0x80) return c >= 0x30 && c <= 0x39
  let known = ndCache[c]!
  if (known === 0) {
    known = c >= 0xd800 && c <= 0xdfff ? 2 : nd.test(String.fromCharCode(c)) ? 1 : 2
    ndCache[c] = known
  }
  return known === 1
}

// What may stand between the digits of one number: spaces, dashes and minus signs, dots,
// parentheses and slashes, in their ASCII and full-width forms.
const isSeparator = (c: number): boolean =>
  isSpace(c) ||
  c === 0x2d || // -
  c === 0x2e || // .
  c === 0x28 || // (
  c === 0x29 || // )
  c === 0x2f || // /
  c === 0xb7 || // middle dot
  (c >= 0x2010 && c <= 0x2015) || // hyphens and dashes
  c === 0x2212 || // minus sign
  c === 0xfe58 ||
  c === 0xfe63 ||
  c === 0xff08 || // full-width (
  c === 0xff09 || // full-width )
  c === 0xff0d || // full-width -
  c === 0xff0e || // full-width .
  c === 0xff0f // full-width /

const isAt = (c: number): boolean => c === 0x40 || c === 0xff20

// Characters that end the local part or the domain of an e-mail address.
const endsAddress = (c: number): boolean =>
  isSpace(c) || isAt(c) || c === 0x2c || c === 0x3b || c === 0x3c || c === 0x3e || c === 0x28 || c === 0x29 || c === 0x22 || c === 0x5b || c === 0x5d || c < 0x20

/** Replaces every digit of `s` but the last `keep` with `*`; other characters stay. */
export const maskDigitsOf = (s: string, keep: number = keepDigits): string => {
  let total = 0
  for (let i = 0; i < s.length; i++) if (isDigit(code(s, i))) total++
  let seen = 0
  let out = ""
  let from = 0
  for (let i = 0; i < s.length; i++) {
    if (isDigit(code(s, i)) && seen++ < total - keep) {
      out += s.slice(from, i) + "*"
      from = i + 1
    }
  }
  return out + s.slice(from)
}

// Masks the numbers of a text that holds no e-mail address.
const maskNumbers = (text: string): string => {
  const n = text.length
  let out = ""
  let from = 0 // text[from, i) is copied as it is
  let i = 0
  while (i < n) {
    if (!isDigit(code(text, i))) {
      i++
      continue
    }
    // A number: digits joined by gaps of at most `maxGap` separators.
    const start = i
    let digits = 0
    let end = i // one past the last digit
    let j = i
    while (j < n) {
      if (isDigit(code(text, j))) {
        digits++
        end = ++j
        continue
      }
      let k = j
      while (k < n && k - j <= maxGap && isSeparator(code(text, k))) k++
      if (k < n && k - j <= maxGap && k > j && isDigit(code(text, k))) j = k
      else break
    }
    if (digits >= minDigits) {
      out += text.slice(from, start) + maskDigitsOf(text.slice(start, end))
      from = end
    }
    i = end
  }
  return from === 0 ? text : out + text.slice(from)
}

/** Masks e-mail addresses (`***@***`) and numbers of seven or more digits in a text. */
export const maskText = (text: string): string => {
  const n = text.length
  let out = ""
  let from = 0 // text[from, ...) has not been written yet
  let token = 0 // where the current run of address characters began
  let i = 0
  while (i < n) {
    const c = code(text, i)
    if (!isAt(c)) {
      if (endsAddress(c)) token = i + 1
      i++
      continue
    }
    let k = i + 1
    while (k < n && !endsAddress(code(text, k))) k++
    if (token < i && k > i + 1) {
      out += maskNumbers(text.slice(from, token)) + "***@***"
      from = k
    }
    // The next character ends an address (or the text ends): a new run starts after it.
    token = k
    i = k
  }
  return from === 0 ? maskNumbers(text) : out + maskNumbers(text.slice(from))
}

/** A name to initials: the first letter of each word and up to eight stars. */
export const maskName = (name: string): string =>
  name
    .split(/\s+/)
    .map((w) => {
      const first = w.codePointAt(0)
      if (first === undefined) return ""
      const letter = String.fromCodePoint(first)
      const rest = w.length - letter.length
      return rest === 0 ? "*" : letter + "*".repeat(Math.min(rest, 8))
    })
    .join(" ")

/** A file name hidden, its extension kept (what kind of file it is is not personal). */
export const maskFileName = (name: string): string => {
  const m = /\.([0-9A-Za-z]{1,8})$/.exec(name)
  return m !== null && m.index > 0 ? `***.${m[1]}` : "***"
}
