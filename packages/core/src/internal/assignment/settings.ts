/**
 * Assignment settings: the defaults, the roles a category needs, and working time read from the
 * calendar (holidays, transferred days off and worked Saturdays count).
 */
import type * as Assignment from "../../Assignment.js"
import * as Calendar from "../../Calendar.js"
import type * as Directory from "../../Directory.js"
import * as Taxonomy from "../../Taxonomy.js"
import * as Eligibility from "../eligibility.js"

export const roleFromTaxonomy = (taxonomy: Taxonomy.Taxonomy): ((category: string) => Directory.OfficerRole | undefined) => {
  const roles = new Map(taxonomy.categories.map((c) => [c.code as string, c.role]))
  return (category) => roles.get(category)
}

export const legalRoles: { readonly [category: string]: { readonly role: Directory.OfficerRole; readonly source: string } } = {
  domesticViolence: {
    role: "preventionInspector",
    source: "ZRU-561 of 2 Sep 2019 (the prevention inspector studies the report within 24 hours and issues the protection order)"
  }
}

// Built on first use: no work at import time.
let taxonomyRoleFor: ((category: string) => Directory.OfficerRole | undefined) | undefined

export const defaultRoleFor = (category: string): Directory.OfficerRole | undefined =>
  legalRoles[category]?.role ?? (taxonomyRoleFor ??= roleFromTaxonomy(Taxonomy.defaults))(category)

export const categoryRoles = (): ReadonlyArray<readonly [string, Directory.OfficerRole]> =>
  Taxonomy.defaults.categories.map((c) => [c.code, legalRoles[c.code]?.role ?? c.role] as const)

export const defaultSettings: Assignment.Settings = {
  weights: { urgent: 4, high: 2, normal: 1, low: 0.5 },
  calendar: Calendar.uzbekistan,
  week: "fiveDay",
  workingHours: { start: "09:00", end: "18:00" },
  roleFor: defaultRoleFor,
  roleFallbacks: {
    womensAffairsInspector: ["preventionInspector"],
    juvenileInspector: ["preventionInspector"],
    probationInspector: ["preventionInspector"]
  },
  nonUrgentOffShift: false
}

export const settings = (overrides: Partial<Assignment.Settings> = {}): Assignment.Settings => ({ ...defaultSettings, ...overrides })

// Working hours parsed once per settings object.
const hoursCache = new WeakMap<Assignment.Settings["workingHours"], Eligibility.Hours>()
const hoursOf = (s: Assignment.Settings): Eligibility.Hours => {
  let h = hoursCache.get(s.workingHours)
  if (h === undefined) {
    h = { startMs: Eligibility.msOfHhmm(s.workingHours.start), endMs: Eligibility.msOfHhmm(s.workingHours.end) }
    hoursCache.set(s.workingHours, h)
  }
  return h
}

/** Working time at an epoch instant by the settings' calendar, week and hours. */
export const workingTimeAt = (s: Assignment.Settings, t: number): boolean => Eligibility.isWorkingTime(s.calendar, s.week, hoursOf(s), t)

export const isWorkingTime = (at: Directory.Instant, s: Assignment.Settings = defaultSettings): boolean => workingTimeAt(s, Eligibility.epochOf(at))
