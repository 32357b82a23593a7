/**
 * A light Uzbek + Russian suffix stemmer over matching keys (see `fold.ts`). Suffixes may stack in
 * Uzbek ("-lar-imiz-dan"), so up to three are stripped; a stem keeps at least {@link minStem}
 * letters. Both sides of every comparison are stemmed the same way, so a crude stemmer is enough as
 * long as it is deterministic. The suffixes are matched from the end of the word in a reversed
 * trie (a dense table), so stemming costs a few array reads per word.
 */

/** Suffixes in matching-key form (q→k, x→h); where two match, the earlier one in this list wins. */
export const suffixes: ReadonlyArray<string> = [
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

/** Stems keep at least this many letters. */
export const minStem = 3

const ALPHA = 26
interface Trie {
  readonly next: Int16Array // node * 26 + letter -> node (0 = none; the root is node 0)
  readonly rank: Int16Array // node -> index in `suffixes` of the suffix ending here, or -1
}
let trie: Trie | undefined

const build = (): Trie => {
  const next: Array<number> = new Array<number>(ALPHA).fill(0)
  const rank: Array<number> = [-1]
  suffixes.forEach((suf, index) => {
    let node = 0
    for (let i = suf.length - 1; i >= 0; i--) {
      const l = suf.charCodeAt(i) - 97
      let to = next[node * ALPHA + l]!
      if (to === 0) {
        to = rank.length
        rank.push(-1)
        for (let j = 0; j < ALPHA; j++) next.push(0)
        next[node * ALPHA + l] = to
      }
      node = to
    }
    if (rank[node] === -1) rank[node] = index
  })
  return { next: Int16Array.from(next), rank: Int16Array.from(rank) }
}

/**
 * The end of the stem of `codes[start..end)`: strips up to three suffixes, the earliest listed
 * among those that match and leave at least {@link minStem} letters.
 */
export const stemEnd = (codes: ArrayLike<number>, start: number, end: number): number => {
  const t = (trie ??= build())
  let e = end
  for (let round = 0; round < 3; round++) {
    let node = 0
    let best = -1
    let bestLen = 0
    for (let i = e - 1; i >= start + minStem; i--) {
      const l = codes[i]! - 97
      if (l < 0 || l >= ALPHA) break
      node = t.next[node * ALPHA + l]!
      if (node === 0) break
      const r = t.rank[node]!
      // The suffix ends at i; the stem keeps codes[start..i), so at least minStem letters.
      if (r >= 0 && i - start >= minStem && (best < 0 || r < best)) {
        best = r
        bestLen = e - i
      }
    }
    if (best < 0) break
    e -= bestLen
  }
  return e
}
