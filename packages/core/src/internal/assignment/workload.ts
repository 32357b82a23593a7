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
