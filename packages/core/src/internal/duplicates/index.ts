/**
 * An index of open appeals for suggestions: buckets by mahalla + address key, mahalla + street,
 * geohash cell, mahalla + triage category, mahalla + concept, and applicant. A new appeal is compared only with the appeals of the
 * buckets it falls in (its geohash cell and the eight around it), so the work grows with the
 * appeals at its place and of its kind, not with the region.
 */
import * as Compare from "./compare.js"
import * as Place from "./place.js"

/** Geohash cells of 7 characters are about 150 m × 150 m here; with the neighbours, ≥ 150 m around. */
const GEOHASH = 7

export interface Suggestion {
  readonly id: string
  readonly comparison: Compare.Comparison
}

export interface AppealIndex {
  readonly size: number
  /** Adds (or replaces) an appeal. */
  readonly add: (id: string, appeal: Compare.Profile) => void
  /** Removes an appeal (answered and closed appeals leave the index). */
  readonly remove: (id: string) => void
  /** The ids of the candidates for a new appeal (sharing a place, category or applicant bucket). */
  readonly candidates: (appeal: Compare.Profile) => ReadonlySet<string>
  /** Candidates compared and kept when not `distinct`, most likely first (score, then id). */
  readonly suggest: (appeal: Compare.Profile, settings?: Compare.Settings) => ReadonlyArray<Suggestion>
}

// The keys an appeal is filed under (and, for a query, looked up by): mahalla + triage category,
// mahalla + each concept (the same incident told in two categories), mahalla + street,
// mahalla + address key, the applicant, and the geohash cell (for a query, with its neighbours).
const keys = (p: Compare.Profile, query: boolean): ReadonlyArray<string> => {
  const m = p.input.mahallaCode ?? ""
  const out: Array<string> = [`c|${m}|${p.category}`]
  for (const c of p.text.concepts) out.push(`k|${m}|${c}`)
  for (const st of p.address?.street ?? []) out.push(`s|${m}|${st}`)
  const k = Place.key(p.address)
  if (k !== undefined) out.push(`a|${m}|${k}`)
  if (p.applicant !== undefined) out.push(`p|${p.applicant}`)
  if (typeof p.input.lat === "number" && typeof p.input.lon === "number") {
    if (query) for (const g of Place.geohashNeighbourhood(p.input.lat, p.input.lon, GEOHASH)) out.push(`g|${g}`)
    else out.push(`g|${Place.geohash(p.input.lat, p.input.lon, GEOHASH)}`)
  }
  return out
}

/** Ranks comparisons: not `distinct` only, highest score first, then id. */
export const rank = (found: Array<Suggestion>): ReadonlyArray<Suggestion> =>
  found.filter((s) => s.comparison.label !== "distinct").sort((x, y) => y.comparison.score - x.comparison.score || (x.id < y.id ? -1 : x.id > y.id ? 1 : 0))

/** An empty index. */
export const make = (defaults: Compare.Settings = Compare.defaultSettings): AppealIndex => {
  const buckets = new Map<string, Set<string>>()
  const appeals = new Map<string, Compare.Profile>()
  const remove = (id: string) => {
    const p = appeals.get(id)
    if (p === undefined) return
    for (const k of keys(p, false)) {
      const b = buckets.get(k)
      b?.delete(id)
      if (b?.size === 0) buckets.delete(k)
    }
    appeals.delete(id)
  }
  const candidates = (p: Compare.Profile): ReadonlySet<string> => {
    const out = new Set<string>()
    for (const k of keys(p, true)) for (const id of buckets.get(k) ?? []) out.add(id)
    return out
  }
  return {
    get size() {
      return appeals.size
    },
    add: (id, p) => {
      remove(id)
      appeals.set(id, p)
      for (const k of keys(p, false)) {
        let b = buckets.get(k)
        if (b === undefined) buckets.set(k, (b = new Set()))
        b.add(id)
      }
    },
    remove,
    candidates,
    suggest: (p, settings) => {
      const s = settings ?? defaults
      // Every candidate is decided on its facts, computed once; only those kept are explained.
      const found: Array<Suggestion> = []
      for (const id of candidates(p)) {
        const comparison = Compare.compareIfLinked(appeals.get(id)!, p, s)
        if (comparison !== undefined) found.push({ id, comparison })
      }
      return rank(found)
    }
  }
}
