/**
 * Workloads: the weighted sum and count of each officer's open appeals.
 */
import type * as Assignment from "../../Assignment.js"
import { defaultSettings } from "./settings.js"

export const zero: Assignment.Load = { weighted: 0, count: 0 }

export const addLoad = (m: Map<string, Assignment.Load>, officerId: string, weight: number, count: 1 | -1): void => {
  const l = m.get(officerId) ?? zero
  m.set(officerId, { weighted: l.weighted + count * weight, count: l.count + count })
}

export const loads = (
  open: ReadonlyArray<{ readonly officerId: string; readonly priority: Assignment.Priority }>,
  settings: Assignment.Settings = defaultSettings
): Assignment.Loads => {
  const m = new Map<string, Assignment.Load>()
  for (const a of open) addLoad(m, a.officerId, settings.weights[a.priority], 1)
  return m
}

// From counts by officer and priority (the store's aggregate): each row adds count x weight, so
// the weighted load does not depend on the order appeals were read in. An appeal without a
// priority weighs as `normal`, as assignment treats it.
export const fromCounts = (
  counts: ReadonlyArray<{ readonly officerId: string; readonly priority?: Assignment.Priority | undefined; readonly count: number }>,
  settings: Assignment.Settings = defaultSettings
): Assignment.Loads => {
  const m = new Map<string, Assignment.Load>()
  for (const c of counts) {
    const l = m.get(c.officerId) ?? zero
    m.set(c.officerId, { weighted: l.weighted + c.count * settings.weights[c.priority ?? "normal"], count: l.count + c.count })
  }
  return m
}
