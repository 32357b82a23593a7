/**
 * Eligibility, in one place: "this officer serves this mahalla, is active, is present (not absent,
 * on duty per the calendar), has no conflict with the applicant, is not the officer complained
 * about". The access policy (`Policy.covers`), the directory (`Directory.serves`), the lifecycle
 * machine's assign rules (`assign.officerServes`, `assign.noConflict`) and Assignment all ask these
 * questions here, so the answer cannot differ between them.
 *
 * Coverage: MIA order No. 151 of 2017 (support-point territories; senior inspectors and district
 * chiefs act across their district). Time is an input: instants are epoch milliseconds read from
 * decoded `Directory.Instant`s; local (Tashkent) days and hours come from the calendar.
 *
 * Only types are imported from the public modules, so `Directory` may call this module without an
 * import cycle.
 */
import type * as Calendar from "../Calendar.js"
import type { Absence, AbsenceReason, Officer, OfficerRole } from "../Directory.js"
import { isWorkingDayNumber } from "./calendar/arithmetic.js"
import * as LocalTime from "./localTime.js"

// ---------------------------------------------------------------------------------------------
// Coverage
// ---------------------------------------------------------------------------------------------

/** Roles whose territory is the whole district rather than the mahallas they list. */
export const districtWideRoles: ReadonlySet<OfficerRole> = new Set<OfficerRole>(["seniorInspector", "districtChief"])

/** What coverage looks at of an officer (a directory officer or an authenticated actor). */
export interface Territory {
  readonly districtCode: string
  readonly mahallas: ReadonlyArray<string>
}

/** What coverage looks at of an appeal. */
export interface Place {
  readonly mahallaCode?: string | undefined
  readonly districtCode?: string | undefined
}

const listsMahalla = (t: Territory, place: Place): boolean => place.mahallaCode !== undefined && t.mahallas.includes(place.mahallaCode)
const inDistrict = (t: Territory, place: Place): boolean => place.districtCode !== undefined && t.districtCode === place.districtCode

/**
 * Whether an officer acting in `role` covers the place: a district-wide role covers its district,
 * any other role the mahallas the officer lists. (`Policy.covers`.)
 */
export const coversAs = (t: Territory, role: OfficerRole, place: Place): boolean =>
  districtWideRoles.has(role) ? inDistrict(t, place) : listsMahalla(t, place)

/**
 * Whether an officer's territory covers the place, whatever his activity: he lists the mahalla, or
 * holds a district-wide role in its district.
 */
export const coversPlace = (o: Territory & { readonly roles: ReadonlyArray<OfficerRole> }, place: Place): boolean =>
  listsMahalla(o, place) || (inDistrict(o, place) && o.roles.some((r) => districtWideRoles.has(r)))

/**
 * Whether an officer is active and serves the appeal's place (`Directory.serves`, and the machine's
 * `assign.officerServes`): `false` for an officer not in the directory.
 */
export const servesAppeal = (officer: Officer | undefined, scope: Place): boolean =>
  officer !== undefined && officer.active !== false && coversPlace(officer, scope)

// ---------------------------------------------------------------------------------------------
// Conflicts
// ---------------------------------------------------------------------------------------------

/** What conflict checks look at of an officer. */
export interface Conflicted {
  readonly id: string
  readonly conflicts: ReadonlyArray<{ readonly applicantRef: string }>
}

/** What conflict checks look at of an appeal. */
export interface Parties {
  readonly subjectOfficerId?: string | undefined
  readonly applicantRef?: string | undefined
}

/** The appeal complains about this officer (ZRU-445: a complaint is not sent to the official it is about). */
export const isSubjectOfComplaint = (o: { readonly id: string }, appeal: Parties): boolean => o.id === appeal.subjectOfficerId

/** The officer declared a conflict of interest with the appeal's applicant. */
export const hasDeclaredConflict = (o: Conflicted, appeal: Parties): boolean =>
  appeal.applicantRef !== undefined && o.conflicts.some((c) => c.applicantRef === appeal.applicantRef)

/**
 * Whether the officer may not handle the appeal for a conflict of interest: he is the officer the
 * appeal complains about, or declared a conflict with its applicant (the machine's `assign.noConflict`
 * holds when this is `false`). An officer not in the directory has no declared conflicts: pass
 * `{ id, conflicts: [] }`.
 */
export const hasConflict = (officer: Conflicted, appeal: Parties): boolean =>
  isSubjectOfComplaint(officer, appeal) || hasDeclaredConflict(officer, appeal)

// ---------------------------------------------------------------------------------------------
// Presence: activity, absences, duty periods and working time
// ---------------------------------------------------------------------------------------------

/**
 * An instant (decoded `Directory.Instant`) as epoch milliseconds, read by the calendar (never
 * `Date.parse` in the host's zone); `NaN` when it is not a real instant, which is inside no period
 * and no working time.
 */
export const epochOf = (at: string): number => LocalTime.parseInstant(at) ?? Number.NaN

/** An officer's duty periods and absences as `[from, to)` epoch-millisecond spans, parsed once. */
export interface Spans {
  readonly duty: ReadonlyArray<readonly [number, number]>
  readonly absences: ReadonlyArray<readonly [number, number]>
}

const span = (p: { readonly from: string; readonly to: string }) => [epochOf(p.from), epochOf(p.to)] as const

/** Parses an officer's duty periods and absences. */
export const spansOf = (o: Pick<Officer, "duty" | "absences">): Spans => ({ duty: o.duty.map(span), absences: o.absences.map(span) })

const inside = (t: number, spans: ReadonlyArray<readonly [number, number]>): boolean => {
  for (const [from, to] of spans) if (from <= t && t < to) return true
  return false
}

/** The absence the officer is on at `t`, if any (the first listed). */
export const absenceAt = (o: { readonly absences: ReadonlyArray<Absence> }, spans: Spans, t: number): AbsenceReason | undefined => {
  for (let i = 0; i < spans.absences.length; i++) {
    const [from, to] = spans.absences[i]!
    if (from <= t && t < to) return o.absences[i]!.reason
  }
  return undefined
}

/** An officer's presence at an instant. */
export type Presence = "inactive" | "absent" | "offDuty" | "onDuty"

/**
 * An officer's presence at `t`: `inactive`, `absent` (absences always win), `onDuty` inside one of
 * his duty periods or, when he has none, in working time (`working`, asked only then), else
 * `offDuty`.
 */
export const presence = (o: Pick<Officer, "active">, spans: Spans, t: number, working: () => boolean): Presence =>
  o.active === false
    ? "inactive"
    : inside(t, spans.absences)
      ? "absent"
      : (spans.duty.length > 0 ? inside(t, spans.duty) : working())
        ? "onDuty"
        : "offDuty"

/** Working hours of a working day: local (Tashkent) milliseconds after midnight, `[start, end)`. */
export interface Hours {
  readonly startMs: number
  readonly endMs: number
}

/** Milliseconds after midnight of a decoded local `HH:MM` (the one local-time module's). */
export const msOfHhmm = LocalTime.msOfHhmm

/**
 * Whether `t` is working time by the calendar: a working day of the week type (holidays, transfers
 * and worked weekends count) and inside the working hours, both in Tashkent time.
 */
export const isWorkingTime = (calendar: Calendar.Calendar, week: Calendar.WeekType, hours: Hours, t: number): boolean => {
  if (Number.isNaN(t)) return false
  const time = LocalTime.localTimeOfDay(t)
  return time >= hours.startMs && time < hours.endMs && isWorkingDayNumber(calendar, LocalTime.localDay(t), week)
}
