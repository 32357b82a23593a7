/**
 * The urgency detector: its only job is recall. Cues (`cues.ts`, matched by the shared matcher)
 * say one thing each about danger; urgency rules combine them ("violence" and "now" within 25
 * words; a small child and water within 15). Any rule that fires makes the appeal urgent and names
 * its signal and cues; an "unsure" rule (a danger sign alone) makes it unsure. Without one, the
 * statistical model's urgency probability decides between "unsure" (urgent, and a person decides)
 * and "none": the detector errs towards a person, never towards normal.
 */
import type * as Taxonomy from "../../Taxonomy.js"
import type { Folded } from "./fold.js"
import { progressive } from "./cues.js"

/** A cue that fired: its id and kind, the citizen's words, and where (token indexes). */
export interface CueHit {
  readonly cueId: string
  readonly kind: Taxonomy.CueKind
  readonly words: ReadonlyArray<string>
  readonly at: ReadonlyArray<number>
}

/** An urgency rule that fired, with the cues that made it fire. */
export interface Fired {
  readonly ruleId: string
  readonly signal: Taxonomy.Signal
  readonly level: "urgent" | "unsure"
  readonly cues: ReadonlyArray<string>
}

/** The id under which the present continuous counts as "now". */
export const presentContinuous = "cue.presentContinuous"

let progressiveCodes: ReadonlyArray<ReadonlyArray<number>> | undefined

const isProgressive = (f: Folded, t: number): boolean => {
  const s = f.start[t]!
  const e = f.end[t]!
  for (const suf of (progressiveCodes ??= progressive.map((x) => Array.from(x, (ch) => ch.charCodeAt(0))))) {
    if (e - s <= suf.length + 1) continue
    let ok = true
    for (let j = 0; j < suf.length && ok; j++) ok = f.codes[e - suf.length + j] === suf[j]
    if (ok) return true
  }
  return false
}

/** Adds the present-continuous "now" cue for violence, threat and weapon words in that form. */
export const withProgressive = (f: Folded, hits: ReadonlyArray<CueHit>): ReadonlyArray<CueHit> => {
  const at: Array<number> = []
  const words: Array<string> = []
  for (const h of hits) {
    if (h.kind !== "harm" && h.kind !== "threat" && h.kind !== "weapon") continue
    for (const t of h.at) {
      // The cue's word may be the first of a phrase: look at it and the next two words.
      for (let j = t; j < Math.min(f.count, t + 3); j++) {
        if (isProgressive(f, j) && !at.includes(j)) {
          at.push(j)
          words.push(f.source.slice(f.from[j]!, f.to[j]!))
          break
        }
      }
    }
  }
  return at.length === 0 ? hits : [...hits, { cueId: presentContinuous, kind: "now", words: [...new Set(words)], at }]
}

// Whether hit `h` occurred within `window` words of token `i`.
const near = (h: CueHit, i: number, window: number): boolean => {
  for (const j of h.at) if (Math.abs(i - j) <= window) return true
  return false
}

// Appends `x` unless the (short) list has it: insertion order, no set.
const addNew = (xs: Array<string>, x: string): void => {
  if (!xs.includes(x)) xs.push(x)
}

// Each rule's kinds as indexes into the hits grouped by kind (once per rule list).
const kindsOf = new WeakMap<ReadonlyArray<Taxonomy.UrgencyRule>, { readonly index: ReadonlyMap<string, number>; readonly when: ReadonlyArray<Int32Array> }>()
const kindIndexes = (rules: ReadonlyArray<Taxonomy.UrgencyRule>) => {
  let k = kindsOf.get(rules)
  if (k === undefined) {
    const index = new Map<string, number>()
    for (const r of rules) for (const kind of r.when) if (!index.has(kind)) index.set(kind, index.size)
    k = { index, when: rules.map((r) => Int32Array.from(r.when, (kind) => index.get(kind)!)) }
    kindsOf.set(rules, k)
  }
  return k
}

/** The urgency rules that fire on the cue hits. */
export const evaluate = (rules: ReadonlyArray<Taxonomy.UrgencyRule>, hits: ReadonlyArray<CueHit>): ReadonlyArray<Fired> => {
  const fired: Array<Fired> = []
  if (hits.length === 0) return fired
  // The hits of each kind a rule names, in hit order (an array by kind index, no map per text).
  const kinds = kindIndexes(rules)
  const byKind: Array<Array<CueHit> | undefined> = []
  for (let q = 0; q < kinds.index.size; q++) byKind.push(undefined)
  for (const h of hits) {
    const q = kinds.index.get(h.kind)
    if (q === undefined) continue
    const list = byKind[q]
    if (list === undefined) byKind[q] = [h]
    else list.push(h)
  }
  for (let ri = 0; ri < rules.length; ri++) {
    const r = rules[ri]!
    const when = kinds.when[ri]!
    const anchors = byKind[when[0]!]
    if (anchors === undefined) continue
    let all = true
    for (let q = 1; q < when.length && all; q++) all = byKind[when[q]!] !== undefined
    if (!all) continue
    const window = r.window ?? 10
    const cues: Array<string> = []
    // Each other kind must have a cue within `window` words of one occurrence of the first kind;
    // the cues are named in the order: the anchor, then each kind's near cues in hit order.
    for (const a of anchors)
      for (const i of a.at) {
        let ok = true
        for (let q = 1; q < when.length && ok; q++) {
          ok = false
          for (const h of byKind[when[q]!]!) if (near(h, i, window)) {
            ok = true
            break
          }
        }
        if (!ok) continue
        addNew(cues, a.cueId)
        for (let q = 1; q < when.length; q++) for (const h of byKind[when[q]!]!) if (near(h, i, window)) addNew(cues, h.cueId)
      }
    if (cues.length > 0) fired.push({ ruleId: r.id, signal: r.signal, level: r.level ?? "urgent", cues })
  }
  return fired
}
