/**
 * One combined matcher for every pattern of every rule and urgency cue: a trie of the patterns'
 * words (matching keys, see `fold.ts`) stored as a dense transition table, walked once from the
 * start of each word of the text. A node where a pattern word ends reports it: a prefix word ("ur"
 * matches "urdi", "uryapti") as soon as it is reached, an exact word (`=ur`) only at the end of the
 * text's word. Phrases, negation, context and `unless` are then checked for the few patterns that
 * occurred, and only the rules whose patterns occurred are evaluated: no per-rule scan.
 */
import * as Normalize from "../../Normalize.js"
import { type Folded, keyOf } from "./fold.js"

/** Anything with patterns: a category rule or an urgency cue (see `Taxonomy.Rule`). */
export interface Matchable {
  readonly match: ReadonlyArray<string>
  readonly context?: ReadonlyArray<string> | undefined
  readonly window?: number | undefined
  readonly unless?: ReadonlyArray<string> | undefined
  readonly negatable?: boolean | undefined
}

/** Words that negate the words right after them (Russian не, нет, ни, без), as keys. */
export const negatorsBefore: ReadonlySet<string> = new Set(["ne", "net", "ni", "bez"])
/** Words that negate the words right before them (Uzbek yoʻq, emas; Russian нет), as keys. */
export const negatorsAfter: ReadonlySet<string> = new Set(["yok", "emas", "net"])
/** Reach of a preceding negator, in words. */
export const negationBefore = 1
/** Reach of a following negator, in words. */
export const negationAfter = 2
/** Most other words between two words of a phrase. */
export const phraseGap = 2
/** Default context window, in words each side. */
export const contextWindow = 10

// Symbols of the trie: a-z and 0-9.
const SYMBOLS = 36
const symbol = (code: number): number => (code >= 97 && code <= 122 ? code - 97 : code >= 48 && code <= 57 ? 26 + code - 48 : -1)

interface Pattern {
  readonly words: Int32Array
}

interface Item {
  readonly match: ReadonlyArray<number>
  readonly context: ReadonlyArray<number>
  readonly unless: ReadonlyArray<number>
  readonly negatable: boolean
  readonly window: number
}

/** Lists of ids in two flat arrays (list i is `ids[at[i]..at[i + 1])`): the per-hit loops read typed arrays, no nested ones. */
export interface Lists {
  readonly at: Int32Array
  readonly ids: Int32Array
}

const lists = (xs: ReadonlyArray<ReadonlyArray<number>>): Lists => {
  const at = new Int32Array(xs.length + 1)
  for (let i = 0; i < xs.length; i++) at[i + 1] = at[i]! + xs[i]!.length
  return { at, ids: Int32Array.from(xs.flat()) }
}

/** A compiled matcher. */
export interface Compiled {
  /**
   * The trie as a double array, one int a state (see {@link doubleArray}): state s's child by
   * symbol x is t = base(s) + x when t's symbol is x (no two states share a base, so the symbol
   * names the parent). `da[t]` is t's symbol (6 bits, 63 for none) | 64 when words end at t | its
   * base << 7; t's ends are `endWord`/`endExact[endAt[t]..endAt[t + 1])`. A step of the walk reads
   * one int (~27 KB for the shipped rules, mostly in the first-level cache) where the sparse trie
   * read a node's entry and then its child list or dense row (~170 KB).
   */
  readonly da: Int32Array
  readonly endAt: Int32Array
  readonly endWord: Int32Array
  readonly endExact: Uint8Array
  /** pattern id -> its word ids (flat lists: list i is `ids[at[i]..at[i + 1])`, see {@link Lists}) */
  readonly patternWords: Lists
  /** word id -> patterns it starts */
  readonly starts: Lists
  /** word id -> the patterns it starts that are not filler phrases (the per-hit loop's list) */
  readonly startsLive: Lists
  /**
   * pattern id -> its links: `list * items + item` for each item that has it in `match` (list 0),
   * `context` (1) or `unless` (2), one flat list read once per occurrence.
   */
  readonly linksOf: Lists
  /**
   * Beside each entry of `startsLive.ids`: its pattern's second word id, or -1 for a pattern of
   * one word (the per-hit loop's first test, read in step with the list).
   */
  readonly liveSecond: Int32Array
  /** word id -> 1 when a filler phrase starts with it */
  readonly startsFiller: Uint8Array
  /** pattern id -> items that have it in `match` */
  readonly matchOf: Lists
  /** pattern id -> items that have it in `context` */
  readonly contextOf: Lists
  /** pattern id -> items that have it in `unless` */
  readonly unlessOf: Lists
  readonly items: ReadonlyArray<Item>
  readonly words: number
  /** pattern id -> 1 when it is a filler phrase (polite formulas: skipped by rules, cues and model) */
  readonly filler: Uint8Array
}

// The Russian-keyboard spelling of oʻ is u ("кушни" for "қўшни"): a rule word with oʻ also matches it.
const variants = (word: string): ReadonlyArray<string> => {
  const latin = Normalize.toLatin(word.toLowerCase())
  const main = keyOf(latin)
  const withU = keyOf(latin.replace(/o[\u0027\u0060\u2018\u2019\u02BB\u02BC\u00B4\u02B9\u2032\u201B\u02BD]/g, "u"))
  return (withU === main ? [main] : [main, withU]).filter((k) => k.length > 0 && !k.includes(" "))
}

interface WordSpec {
  readonly keys: ReadonlyArray<string>
  readonly exact: boolean
}

const words = (pattern: string): ReadonlyArray<WordSpec> =>
  pattern
    .split(/[\s-]+/u)
    .filter((w) => /[\p{L}\p{N}]/u.test(w))
    .flatMap((w) => {
      const exact = w.startsWith("=")
      // "o'g'il-qiz" or "5yosh" inside one word: split as the text is split; all parts but the last are whole words.
      const parts = keyOf(exact ? w.slice(1) : w).split(" ").filter((p) => p.length > 0)
      const raw = parts.length > 1 ? parts : [exact ? w.slice(1) : w]
      return raw.map((part, i): WordSpec => {
        const keys = parts.length > 1 ? [part] : variants(part)
        const whole = exact || i < raw.length - 1
        // A stem shorter than 3 letters would match too much: it is matched whole.
        return { keys, exact: whole || keys.some((k) => k.length < 3) }
      })
    })
    .filter((w) => w.keys.length > 0)

/**
 * The trie (built dense: `next[node * 36 + symbol]`, 0 = none) as a double array (see
 * `Compiled.da`), states placed breadth first, each node's children at the lowest base no other
 * node has where all of them find free slots. The root is state 0 and has no symbol; a leaf's base
 * is 0, which no other node has (their bases start at 1), so no state's symbol matches a step from
 * it. Returns the array and each node's state.
 */
export const doubleArray = (next: ArrayLike<number>, nodes: number, hasEnds: (node: number) => boolean): { readonly da: Int32Array; readonly stateOf: Int32Array } => {
  const stateOf = new Int32Array(nodes).fill(-1)
  stateOf[0] = 0
  const symOf: Array<number> = [NONE]
  const base: Array<number> = [0]
  const used: Array<boolean> = [true]
  const baseUsed: Array<boolean> = []
  let firstFree = 1
  const order = [0]
  const syms: Array<number> = []
  for (let at = 0; at < order.length; at++) {
    const n = order[at]!
    syms.length = 0
    for (let x = 0; x < SYMBOLS; x++) if (next[n * SYMBOLS + x]! !== 0) syms.push(x)
    if (syms.length === 0) continue
    while (used[firstFree] === true) firstFree++
    let b = Math.max(1, firstFree - syms[0]!)
    for (;;) {
      let fits = baseUsed[b] !== true
      for (let k = 0; fits && k < syms.length; k++) fits = used[b + syms[k]!] !== true
      if (fits) break
      b++
    }
    baseUsed[b] = true
    base[stateOf[n]!] = b
    for (const x of syms) {
      const child = next[n * SYMBOLS + x]!
      used[b + x] = true
      symOf[b + x] = x
      stateOf[child] = b + x
      order.push(child)
    }
  }
  // Room for a step from any state: its base plus the largest symbol stays inside the array.
  let states = used.length
  for (const b of base) if (b !== undefined) states = Math.max(states, b + SYMBOLS)
  if (states >= 1 << 25) throw new Error("the rules' trie is too large for a 25-bit base")
  const da = new Int32Array(states)
  for (let s = 0; s < states; s++) da[s] = (used[s] === true ? symOf[s]! : NONE) | ((base[s] ?? 0) << 7)
  for (let n = 0; n < nodes; n++) if (hasEnds(n)) da[stateOf[n]!]! |= ENDS
  return { da, stateOf }
}
// `da`'s symbol of no state (the root's and free slots'), and its flag of a state where words end.
const NONE = 63
const ENDS = 64

/** Compiles the patterns of `items` into one matcher. */
export const compile = (items: ReadonlyArray<Matchable>, fillers: ReadonlyArray<string> = []): Compiled => {
  const wordIds = new Map<string, number>()
  const wordSpecs: Array<WordSpec> = []
  const patternIds = new Map<string, number>()
  const patterns: Array<Pattern> = []
  const intern = (p: string): number => {
    const known = patternIds.get(p)
    if (known !== undefined) return known
    const ws = words(p)
    if (ws.length === 0) {
      patternIds.set(p, -1)
      return -1
    }
    const ids = ws.map((w) => {
      const key = `${w.exact ? "=" : ""}${w.keys.join("|")}`
      let id = wordIds.get(key)
      if (id === undefined) {
        id = wordSpecs.length
        wordIds.set(key, id)
        wordSpecs.push(w)
      }
      return id
    })
    patterns.push({ words: Int32Array.from(ids) })
    patternIds.set(p, patterns.length - 1)
    return patterns.length - 1
  }
  const all = (ps: ReadonlyArray<string> | undefined) => [...new Set((ps ?? []).map(intern).filter((i) => i >= 0))]
  const fillerIds = all(fillers)
  const compiledItems: Array<Item> = items.map((it) => ({
    match: all(it.match),
    context: all(it.context),
    unless: all(it.unless),
    negatable: it.negatable ?? true,
    window: it.window ?? contextWindow
  }))
  // The trie.
  const next: Array<number> = new Array<number>(SYMBOLS).fill(0)
  const ends: Array<Array<readonly [number, boolean]>> = [[]]
  wordSpecs.forEach((w, id) => {
    for (const key of w.keys) {
      let node = 0
      let ok = true
      for (let i = 0; i < key.length; i++) {
        const sym = symbol(key.charCodeAt(i))
        if (sym < 0) {
          ok = false
          break
        }
        let to = next[node * SYMBOLS + sym]!
        if (to === 0) {
          to = ends.length
          ends.push([])
          for (let j = 0; j < SYMBOLS; j++) next.push(0)
          next[node * SYMBOLS + sym] = to
        }
        node = to
      }
      if (ok && node !== 0 && !ends[node]!.some(([x]) => x === id)) ends[node]!.push([id, w.exact])
    }
  })
  const starts: Array<Array<number>> = wordSpecs.map(() => [])
  patterns.forEach((p, pid) => starts[p.words[0]!]!.push(pid))
  const matchOf: Array<Array<number>> = patterns.map(() => [])
  const contextOf: Array<Array<number>> = patterns.map(() => [])
  const unlessOf: Array<Array<number>> = patterns.map(() => [])
  compiledItems.forEach((it, i) => {
    for (const p of it.match) matchOf[p]!.push(i)
    for (const p of it.context) contextOf[p]!.push(i)
    for (const p of it.unless) unlessOf[p]!.push(i)
  })
  const linksOf: Array<Array<number>> = patterns.map((_, p) => [
    ...matchOf[p]!.map((i) => MATCH * compiledItems.length + i),
    ...contextOf[p]!.map((i) => CONTEXT * compiledItems.length + i),
    ...unlessOf[p]!.map((i) => UNLESS * compiledItems.length + i)
  ])
  const live = lists(starts.map((ps) => ps.filter((pid) => !fillerIds.includes(pid))))
  const { da, stateOf } = doubleArray(next, ends.length, (n) => ends[n]!.length > 0)
  // Each state's ends, in the node's order, contiguous by state.
  const byState: Array<Array<readonly [number, boolean]>> = Array.from({ length: da.length }, () => [])
  ends.forEach((e, n) => (byState[stateOf[n]!] = e))
  const endAt = new Int32Array(byState.length + 1)
  for (let s = 0; s < byState.length; s++) endAt[s + 1] = endAt[s]! + byState[s]!.length
  const flat = byState.flat()
  return {
    da,
    endAt,
    endWord: Int32Array.from(flat, ([w]) => w),
    endExact: Uint8Array.from(flat, ([, e]) => (e ? 1 : 0)),
    patternWords: lists(patterns.map((p) => Array.from(p.words))),
    starts: lists(starts),
    startsLive: live,
    linksOf: lists(linksOf),
    liveSecond: Int32Array.from(live.ids, (pid) => (patterns[pid]!.words.length > 1 ? patterns[pid]!.words[1]! : -1)),
    startsFiller: Uint8Array.from(starts, (ps) => (ps.some((pid) => fillerIds.includes(pid)) ? 1 : 0)),
    matchOf: lists(matchOf),
    contextOf: lists(contextOf),
    unlessOf: lists(unlessOf),
    items: compiledItems,
    words: wordSpecs.length,
    filler: (() => {
      const f = new Uint8Array(patterns.length)
      for (const id of fillerIds) f[id] = 1
      return f
    })()
  }
}

/** One item that fired: the citizen's words it matched, the context words, and where. */
export interface Fired {
  readonly item: number
  readonly words: ReadonlyArray<string>
  readonly context: ReadonlyArray<string>
  /** First token of each counted occurrence. */
  readonly at: ReadonlyArray<number>
}

// Hits of words in the text, reused between calls.
let hitToken = new Int32Array(0)
let hitWord = new Int32Array(0)
let hitNegated = new Uint8Array(0)

const M = 0x6d // m
const A = 0x61
const S = 0x73
const I = 0x69
const Z = 0x7a

let tokenFirst = new Int32Array(0)

const growHits = () => {
  const n = Math.max(1024, hitToken.length * 2)
  const t = new Int32Array(n)
  t.set(hitToken)
  hitToken = t
  const w = new Int32Array(n)
  w.set(hitWord)
  hitWord = w
  const g = new Uint8Array(n)
  g.set(hitNegated)
  hitNegated = g
}

/**
 * Runs the matcher over a folded text: the items that fire, in item order. The words of filler
 * phrases are marked in `skip` (1) and no other pattern sees them.
 */
export const run = (c: Compiled, f: Folded, skip: Uint8Array): ReadonlyArray<Fired> => {
  skip.fill(0, 0, f.count)
  const codes = f.codes
  const da = c.da
  const endAt = c.endAt
  const endExact = c.endExact
  const endWord = c.endWord
  let hits = 0
  // Hits of each token are contiguous: tokenFirst[t]..tokenFirst[t+1].
  if (tokenFirst.length < f.count + 1) tokenFirst = new Int32Array(f.count * 2 + 1)
  const first = tokenFirst
  const rootBase = da[0]! >>> 7
  const st = stateOf(c)
  const text = st.nextText()
  const seen = st.seen
  for (let t = 0; t < f.count; t++) {
    first[t] = hits
    const s = f.start[t]!
    const e = f.end[t]!
    let base = rootBase
    for (let j = s; j < e; j++) {
      const code = codes[j]!
      const sym = code >= 97 && code <= 122 ? code - 97 : code >= 48 && code <= 57 ? code - 22 : -1
      if (sym < 0) break
      const state = base + sym
      const v = da[state]!
      if ((v & NONE) !== sym) break
      base = v >>> 7
      if ((v & ENDS) === 0) continue
      for (let q = endAt[state]!, end = endAt[state + 1]!; q < end; q++) {
        const whole = j + 1 === e
        if (endExact[q] === 1 && !whole) continue
        // Uzbek verb negation -ma- and "without" -siz right after a stem: "urmadi", "qurolsiz".
        const r = j + 1
        const negated = !whole && ((codes[r] === M && r + 1 < e && codes[r + 1] === A) || (codes[r] === S && r + 2 < e && codes[r + 1] === I && codes[r + 2] === Z))
        if (hits === hitToken.length) growHits()
        hitToken[hits] = t
        const wd = endWord[q]!
        hitWord[hits] = wd
        seen[wd] = text
        hitNegated[hits] = negated ? 1 : 0
        hits++
      }
    }
  }
  first[f.count] = hits
  if (hits === 0) return []
  const starts = c.starts
  const pw = c.patternWords
  // Filler phrases first.
  for (let h = 0; h < hits; h++) {
    const wd = hitWord[h]!
    if (c.startsFiller[wd] !== 1) continue
    const t = hitToken[h]!
    for (let x = starts.at[wd]!, xe = starts.at[wd + 1]!; x < xe; x++) {
      const pid = starts.ids[x]!
      if (c.filler[pid] !== 1 || !allSeen(seen, text, pw.ids, pw.at[pid]!, pw.at[pid + 1]!)) continue
      const last = phrase(f, skip, pw.ids, pw.at[pid]!, pw.at[pid + 1]!, t, false)
      if (last >= 0) skip.fill(1, t, last + 1)
    }
  }
  // Occurrences of patterns, in token order, and for each item the occurrences it sees (linked
  // lists over the occurrences: gathered from what occurred, never from the items' pattern lists).
  st.occurrences = 0
  st.links = 0
  const touched = st.touched
  touched.length = 0
  const head = st.head
  const items = st.items
  const live = c.startsLive
  const linkAt = c.linksOf.at
  const linkIds = c.linksOf.ids
  const liveSecond = c.liveSecond
  for (let h = 0; h < hits; h++) {
    const t = hitToken[h]!
    if (skip[t] === 1) continue
    const wd = hitWord[h]!
    for (let x = live.at[wd]!, xe = live.at[wd + 1]!; x < xe; x++) {
      const next = liveSecond[x]!
      // Of ~210 phrases a text starts, ~6 are found: most lack a word the whole text has not.
      if (next >= 0 && seen[next] !== text) continue
      const pid = live.ids[x]!
      let last = t
      let negated = hitNegated[h] === 1
      if (next >= 0) {
        const from = pw.at[pid]!
        const to = pw.at[pid + 1]!
        if (to - from > 2 && !allSeen(seen, text, pw.ids, from + 1, to)) continue
        last = phrase(f, skip, pw.ids, from, to, t, true)
        if (last < 0) continue
        negated = negated || phraseNegated
      }
      const o = st.add(t, last, negated)
      for (let y = linkAt[pid]!, ye = linkAt[pid + 1]!; y < ye; y++) {
        const k = linkIds[y]!
        // A match link (list 0) of an item with no occurrence yet: the item is touched.
        if (k < items && head[k] === -1) touched.push(k)
        st.link(k, o)
      }
    }
  }
  // Item order; an insertion sort, as the list is short and nearly sorted (sort would allocate).
  for (let i = 1; i < touched.length; i++) {
    const x = touched[i]!
    let j = i - 1
    for (; j >= 0 && touched[j]! > x; j--) touched[j + 1] = touched[j]!
    touched[j + 1] = x
  }
  const fired: Array<Fired> = []
  for (const i of touched) {
    const r = fire(c.items[i]!, i, f, st)
    if (r !== undefined) fired.push(r)
  }
  st.reset()
  return fired
}

// Whether every further word of a phrase (its word ids are `words[from + 1..to)`) has a hit
// somewhere in the text: without one, `phrase` cannot find the phrase.
const allSeen = (seen: Int32Array, text: number, words: Int32Array, from: number, to: number): boolean => {
  for (let w = from + 1; w < to; w++) if (seen[words[w]!] !== text) return false
  return true
}

// Whether the last phrase found by `phrase` had a negated word (an out-parameter: no object per phrase).
let phraseNegated = false

// A phrase from token t (its word ids are `words[from..to)`): the token of its last word, or -1
// (then `phraseNegated` says whether one of its further words was negated). Its words follow within
// `phraseGap` words, in one clause, and (when `blocked`) not through filler words.
const phrase = (f: Folded, skip: Uint8Array, words: Int32Array, from: number, to: number, t: number, blocked: boolean): number => {
  let last = t
  let negated = false
  const clause = f.clause[t]
  for (let w = from + 1; w < to; w++) {
    let found = -1
    const word = words[w]
    for (let j = last + 1, je = Math.min(last + 1 + phraseGap, f.count - 1); j <= je; j++) {
      if (f.clause[j] !== clause || (blocked && skip[j] === 1)) break
      for (let x = tokenFirst[j]!, end = tokenFirst[j + 1]!; x < end; x++)
        if (hitWord[x] === word) {
          found = j
          negated = negated || hitNegated[x] === 1
          break
        }
      if (found >= 0) break
    }
    if (found < 0) return -1
    last = found
  }
  phraseNegated = negated
  return last
}

const MATCH = 0
const CONTEXT = 1
const UNLESS = 2

// Reusable occurrence and link buffers of one compiled matcher.
class State {
  occurrences = 0
  links = 0
  first = new Int32Array(256)
  last = new Int32Array(256)
  negated = new Uint8Array(256)
  linkOcc = new Int32Array(512)
  linkNext = new Int32Array(512)
  readonly head: Int32Array
  readonly tail: Int32Array
  readonly used: Array<number> = []
  /** Items with an occurrence in the current text. */
  readonly touched: Array<number> = []
  /** word id -> `text` when the current text has a hit of that word (no clearing between texts). */
  readonly seen: Int32Array
  text = 0
  constructor(readonly items: number, words: number) {
    this.head = new Int32Array(3 * items).fill(-1)
    this.tail = new Int32Array(3 * items).fill(-1)
    this.seen = new Int32Array(words)
  }
  /** Starts a text: a new stamp for the words it has (all cleared once the stamps run out). */
  nextText(): number {
    if (this.text === 0x7fffffff) {
      this.seen.fill(0)
      this.text = 0
    }
    return ++this.text
  }
  add(first: number, last: number, negated: boolean): number {
    const o = this.occurrences++
    if (o === this.first.length) {
      const grow32 = (a: Int32Array) => {
        const b = new Int32Array(a.length * 2)
        b.set(a)
        return b
      }
      this.first = grow32(this.first)
      this.last = grow32(this.last)
      const n = new Uint8Array(this.negated.length * 2)
      n.set(this.negated)
      this.negated = n
    }
    this.first[o] = first
    this.last[o] = last
    this.negated[o] = negated ? 1 : 0
    return o
  }
  link(k: number, o: number) {
    const l = this.links++
    if (l === this.linkOcc.length) {
      const a = new Int32Array(l * 2)
      a.set(this.linkOcc)
      this.linkOcc = a
      const b = new Int32Array(l * 2)
      b.set(this.linkNext)
      this.linkNext = b
    }
    this.linkOcc[l] = o
    this.linkNext[l] = -1
    if (this.head[k] === -1) {
      this.head[k] = l
      this.used.push(k)
    } else this.linkNext[this.tail[k]!] = l
    this.tail[k] = l
  }
  reset() {
    for (const k of this.used) this.head[k] = -1
    this.used.length = 0
  }
}

const states = new WeakMap<Compiled, State>()
const stateOf = (c: Compiled): State => {
  let st = states.get(c)
  if (st === undefined) states.set(c, (st = new State(c.items.length, c.words)))
  return st
}

const codesOf = (set: ReadonlySet<string>): ReadonlyArray<ReadonlyArray<number>> => [...set].map((w) => Array.from(w, (ch) => ch.charCodeAt(0)))
let before: ReadonlyArray<ReadonlyArray<number>> | undefined
let after: ReadonlyArray<ReadonlyArray<number>> | undefined

const keyIs = (f: Folded, t: number, words: ReadonlyArray<ReadonlyArray<number>>): boolean => {
  const s = f.start[t]!
  const len = f.end[t]! - s
  for (const w of words) {
    if (w.length !== len) continue
    let j = 0
    while (j < len && f.codes[s + j] === w[j]) j++
    if (j === len) return true
  }
  return false
}

const negatedNearby = (f: Folded, first: number, last: number): boolean => {
  const clause = f.clause[first]
  before ??= codesOf(negatorsBefore)
  after ??= codesOf(negatorsAfter)
  for (let j = Math.max(0, first - negationBefore); j < first; j++) if (f.clause[j] === clause && keyIs(f, j, before)) return true
  for (let j = last + 1; j <= Math.min(f.count - 1, last + negationAfter); j++) if (f.clause[j] === clause && keyIs(f, j, after)) return true
  return false
}

const fire = (it: Item, i: number, f: Folded, st: State): Fired | undefined => {
  const contextHead = st.head[CONTEXT * st.items + i]!
  if (it.context.length > 0 && contextHead === -1) return undefined
  const unlessHead = st.head[UNLESS * st.items + i]!
  let words: Array<string> | undefined
  let context: Array<string> | undefined
  let at: Array<number> | undefined
  // The item's occurrences, in text order (several of its patterns may occur).
  for (let l = st.head[MATCH * st.items + i]!; l !== -1; l = st.linkNext[l]!) {
    const o = st.linkOcc[l]!
    const first = st.first[o]!
    const last = st.last[o]!
    if (it.negatable && (st.negated[o] === 1 || negatedNearby(f, first, last))) continue
    let cancelled = false
    for (let u = unlessHead; u !== -1 && !cancelled; u = st.linkNext[u]!) cancelled = f.sentence[st.first[st.linkOcc[u]!]!] === f.sentence[first]
    if (cancelled) continue
    if (it.context.length > 0) {
      let near = false
      for (let x = contextHead; x !== -1; x = st.linkNext[x]!) {
        const y = st.linkOcc[x]!
        const xf = st.first[y]!
        const xl = st.last[y]!
        if (xl >= first - it.window && xf <= last + it.window && (xf < first || xf > last)) {
          near = true
          context = pushNew(context, f, xf, xl)
        }
      }
      if (!near) continue
    }
    words = pushNew(words, f, first, last)
    ;(at ??= []).push(first)
  }
  if (words === undefined) return undefined
  return { item: i, words, context: context ?? none, at: at! }
}

const none: ReadonlyArray<string> = Object.freeze([])

// Appends the citizen's words from token `first` to `last` unless the (short) list has them: the
// distinct words in the order first seen, no set, and no string cut for a repeat.
const pushNew = (xs: Array<string> | undefined, f: Folded, first: number, last: number): Array<string> => {
  const from = f.from[first]!
  const length = f.to[last]! - from
  if (xs === undefined) return [f.source.slice(from, from + length)]
  for (const x of xs) if (x.length === length && f.source.startsWith(x, from)) return xs
  xs.push(f.source.slice(from, from + length))
  return xs
}
