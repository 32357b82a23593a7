/**
 * Assignment: choosing the officer who handles an appeal, and planning reassignment when that
 * officer cannot (leave, sickness, overdue escalation, a supervisor's bulk decision).
 *
 * The choice is pure and explainable. Candidates are the officers who serve the appeal's mahalla,
 * hold the role the category needs (with a documented fallback to the prevention inspector), are
 * on duty at the instant (working time comes from the calendar, so holidays count) and have no
 * conflict of interest. Among them the officer with the least weighted open workload wins; ties go
 * to the smallest officer id. When the mahalla has nobody, the district's senior inspector is
 * tried, and when he cannot take it either the appeal goes to the district chief's queue as
 * `Errors.NoEligibleInspector` with a typed reason. Every decision carries an {@link Explanation}:
 * the officers considered, why each was excluded, the workloads compared and the rule ids applied.
 *
 * Build the {@link Index} once per directory version ({@link makeIndex}) and the workload once per
 * batch ({@link loads}); each {@link assign} then looks only at the officers of one mahalla and
 * one district. This module holds the types, signatures and documentation; the working code is in
 * `internal/assignment/` and the eligibility questions it shares with the access policy and the
 * lifecycle machine in `internal/eligibility.ts`.
 *
 * @since 0.1.0
 * @example
 * import { Assignment, Directory } from "@murojaat/core"
 * import { Schema } from "effect"
 * const directory = Schema.decodeUnknownSync(Directory.Directory)({
 *   regions: [{ code: "R", name: { "uz-Latn": "R", "uz-Cyrl": "R", ru: "R", en: "R" } }],
 *   districts: [{ code: "D", regionCode: "R", name: { "uz-Latn": "D", "uz-Cyrl": "D", ru: "D", en: "D" } }],
 *   mahallas: [{ code: "M", districtCode: "D", name: { "uz-Latn": "M", "uz-Cyrl": "M", ru: "M", en: "M" } }],
 *   officers: [{ id: "O-1", name: "A", roles: ["preventionInspector"], districtCode: "D", mahallas: ["M"], duty: [], absences: [], conflicts: [] }]
 * })
 * const r = Assignment.choose(directory, { appealId: "A-1", mahallaCode: "M", districtCode: "D", priority: "normal" }, { at: "2026-03-18T06:00:00Z" })
 * r._tag === "Right" && r.right.officerId // "O-1"
 */
import { type Either, Schema } from "effect"
import * as Appeal from "./Appeal.js"
import type * as Calendar from "./Calendar.js"
import * as Decode from "./Decode.js"
import * as Directory from "./Directory.js"
import * as Errors from "./Errors.js"
import type * as I18n from "./I18n.js"
import * as choice from "./internal/assignment/choice.js"
import * as directoryIndex from "./internal/assignment/directoryIndex.js"
import * as exclusion from "./internal/assignment/exclusions.js"
import * as planners from "./internal/assignment/planners.js"
import * as internalRules from "./internal/assignment/rules.js"
import * as internalSettings from "./internal/assignment/settings.js"
import * as workload from "./internal/assignment/workload.js"
import type * as Taxonomy from "./Taxonomy.js"

// ---------------------------------------------------------------------------------------------
// Inputs
// ---------------------------------------------------------------------------------------------

const Code = Schema.String.pipe(Schema.pattern(/^[0-9A-Za-z][0-9A-Za-z._:-]{0,63}$/))

/**
 * Priority of an appeal (`Appeal.Priority`); it sets the appeal's weight in an officer's workload.
 *
 * @since 0.1.0
 * @category inputs
 * @example
 * import { Assignment } from "@murojaat/core"
 * Assignment.Priority.literals // ["urgent", "high", "normal", "low"]
 */
export const Priority = Appeal.Priority
/** @see Priority */
export type Priority = typeof Priority.Type

/**
 * What assignment needs to know about an appeal: a minimal structural type, so callers can pass
 * their own appeal records. The officer role comes from `role` when given, otherwise from the
 * `category` through the `roleFor` setting, otherwise it is the prevention inspector.
 * `subjectOfficerId` names the officer a complaint is about; `applicantRef` is the operator's
 * opaque applicant reference matched against declared conflicts.
 *
 * @since 0.1.0
 * @category inputs
 * @example
 * import { Assignment } from "@murojaat/core"
 * import { Schema } from "effect"
 * Schema.decodeUnknownSync(Assignment.AppealInput)({ appealId: "A-1", mahallaCode: "M", districtCode: "D", priority: "urgent", category: "domesticViolence" })
 */
export const AppealInput = Schema.Struct({
  appealId: Code,
  mahallaCode: Code,
  districtCode: Code,
  priority: Priority,
  role: Schema.optional(Directory.OfficerRole),
  category: Schema.optional(Schema.String.pipe(Schema.minLength(1), Schema.maxLength(64))),
  subjectOfficerId: Schema.optional(Code),
  applicantRef: Schema.optional(Schema.String.pipe(Schema.minLength(1), Schema.maxLength(200)))
})
/** @see AppealInput */
export type AppealInput = typeof AppealInput.Type

/**
 * An open appeal and the officer who holds it now.
 *
 * @since 0.1.0
 * @category inputs
 * @example
 * import { Assignment } from "@murojaat/core"
 * import { Schema } from "effect"
 * Schema.decodeUnknownSync(Assignment.OpenAppeal)({ appealId: "A-1", mahallaCode: "M", districtCode: "D", priority: "low", officerId: "O-1" })
 */
export const OpenAppeal = Schema.Struct({ ...AppealInput.fields, officerId: Code })
/** @see OpenAppeal */
export type OpenAppeal = typeof OpenAppeal.Type

/**
 * Decodes an appeal input; failures are `Errors.InvalidInput` naming each wrong field.
 *
 * @since 0.1.0
 * @category inputs
 * @example
 * import { Assignment } from "@murojaat/core"
 * Assignment.decodeAppeal({ appealId: "A-1" })._tag // "Left"
 */
export const decodeAppeal = Decode.either(AppealInput, "Assignment.AppealInput")

/**
 * Decodes a list of open appeals; failures are `Errors.InvalidInput`.
 *
 * @since 0.1.0
 * @category inputs
 * @example
 * import { Assignment } from "@murojaat/core"
 * Assignment.decodeOpen([])._tag // "Right"
 */
export const decodeOpen = Decode.either(Schema.Array(OpenAppeal), "Assignment.OpenAppeal[]")

// ---------------------------------------------------------------------------------------------
// Settings
// ---------------------------------------------------------------------------------------------

/**
 * The assignment settings. Every value is a documented setting because the law does not fix it.
 *
 * - `weights`: weight of one open appeal of each priority in an officer's workload.
 * - `calendar`, `week`, `workingHours`: when an officer without explicit duty periods is on duty:
 *   on the calendar's working days of the week type (holidays, transferred days off and worked
 *   Saturdays count), between `workingHours.start` and `workingHours.end` (local `HH:MM`,
 *   Asia/Tashkent).
 * - `roleFor`: the role a triage category needs (the taxonomy's role field), `undefined` when the
 *   category names none.
 * - `roleFallbacks`: roles tried, in order, after the required one finds nobody in the mahalla.
 * - `nonUrgentOffShift`: when `true`, a non-urgent appeal may go to an officer who is off shift but
 *   not absent (e.g. an appeal at night goes to the mahalla's inspector for the morning instead of
 *   the district chief's queue). Urgent appeals always need an officer on duty now.
 *
 * @since 0.2.0
 * @category settings
 * @example
 * import { Assignment, Calendar } from "@murojaat/core"
 * const s: Assignment.Settings = { ...Assignment.defaultSettings, calendar: Calendar.uzbekistan, week: "sixDay" }
 * s.workingHours // { start: "09:00", end: "18:00" }
 */
export interface Settings {
  readonly weights: Readonly<Record<Priority, number>>
  readonly calendar: Calendar.Calendar
  readonly week: Calendar.WeekType
  readonly workingHours: { readonly start: string; readonly end: string }
  readonly roleFor: (category: string) => Directory.OfficerRole | undefined
  readonly roleFallbacks: Readonly<Partial<Record<Directory.OfficerRole, ReadonlyArray<Directory.OfficerRole>>>>
  readonly nonUrgentOffShift: boolean
}

/**
 * A `roleFor` setting read from a triage taxonomy: each category's `role` field (the officer role
 * best placed to handle it); `undefined` for a category the taxonomy does not know.
 *
 * @since 0.1.0
 * @category settings
 * @example
 * import { Assignment, Taxonomy } from "@murojaat/core"
 * Assignment.roleFromTaxonomy(Taxonomy.defaults)("minors") // "juvenileInspector"
 */
export const roleFromTaxonomy: (taxonomy: Taxonomy.Taxonomy) => (category: string) => Directory.OfficerRole | undefined =
  internalSettings.roleFromTaxonomy

/**
 * Roles the law names for a category, before the taxonomy's own choice: domestic violence goes to
 * the prevention inspector, who studies the report within 24 hours and issues the protection order
 * (ZRU-561 of 2 Sep 2019, as the law brief reads it). The women's affairs inspector keeps family
 * conflicts (a Murojaat choice, her remit).
 *
 * @since 0.1.0
 * @category settings
 * @example
 * import { Assignment } from "@murojaat/core"
 * Assignment.legalRoles.domesticViolence // { role: "preventionInspector", source: "ZRU-561 of 2 Sep 2019 (the prevention inspector studies the report within 24 hours and issues the protection order)" }
 */
export const legalRoles: { readonly [category: string]: { readonly role: Directory.OfficerRole; readonly source: string } } = internalSettings.legalRoles

/**
 * The default `roleFor`: the role the law names ({@link legalRoles}: domestic violence to the
 * prevention inspector, ZRU-561), else the role field of the built-in taxonomy (`Taxonomy.defaults`),
 * e.g. minors to the juvenile inspector, family conflicts to the women's affairs inspector,
 * complaints about an officer to the district chief.
 *
 * @since 0.1.0
 * @category settings
 * @example
 * import { Assignment } from "@murojaat/core"
 * Assignment.defaultRoleFor("domesticViolence") // "preventionInspector"
 * Assignment.defaultRoleFor("familyConflict") // "womensAffairsInspector"
 */
export const defaultRoleFor: (category: string) => Directory.OfficerRole | undefined = internalSettings.defaultRoleFor

/**
 * The category to role pairs of the default `roleFor`, in the taxonomy's order (for docs).
 *
 * @since 0.1.0
 * @category settings
 * @example
 * import { Assignment } from "@murojaat/core"
 * Assignment.categoryRoles().find(([c]) => c === "minors") // ["minors", "juvenileInspector"]
 */
export const categoryRoles: () => ReadonlyArray<readonly [string, Directory.OfficerRole]> = internalSettings.categoryRoles

/**
 * The default settings: weights urgent 4, high 2, normal 1, low 0.5; working time on the working days
 * of the shipped Uzbek calendar (`Calendar.uzbekistan`, five-day week) from 09:00 to 18:00
 * Tashkent; specialist roles fall back to the prevention inspector; off-shift officers are not
 * assigned.
 *
 * @since 0.2.0
 * @category settings
 * @example
 * import { Assignment } from "@murojaat/core"
 * Assignment.defaultSettings.roleFallbacks.juvenileInspector // ["preventionInspector"]
 * Assignment.defaultSettings.week // "fiveDay"
 */
export const defaultSettings: Settings = internalSettings.defaultSettings

/**
 * Builds settings from the defaults and the given overrides.
 *
 * @since 0.1.0
 * @category settings
 * @example
 * import { Assignment } from "@murojaat/core"
 * Assignment.settings({ nonUrgentOffShift: true }).weights.normal // 1
 */
export const settings: (overrides?: Partial<Settings>) => Settings = internalSettings.settings

/**
 * Whether an instant is working time for an officer without duty periods: a working day of the
 * settings' calendar and week type, between the working hours, in Tashkent time (UTC+5 all year,
 * no daylight saving). Holidays, transferred days off and worked Saturdays come from the calendar
 * (Labour Code; the yearly decree).
 *
 * @since 0.2.0
 * @category settings
 * @example
 * import { Assignment } from "@murojaat/core"
 * Assignment.isWorkingTime("2026-03-18T04:00:00Z") // true: Wednesday 09:00 in Tashkent
 * Assignment.isWorkingTime("2026-03-20T06:00:00Z") // false: Friday, Ramazon hayiti
 * Assignment.isWorkingTime("2026-03-21T06:00:00Z") // false: Saturday
 */
export const isWorkingTime: (at: Directory.Instant, settings?: Settings) => boolean = internalSettings.isWorkingTime

// ---------------------------------------------------------------------------------------------
// Rules
// ---------------------------------------------------------------------------------------------

/**
 * One rule of assignment, with its id (recorded on events), its statement and its
 * source (law, order, or a Murojaat setting where the law is silent).
 *
 * @since 0.1.0
 * @category rules
 * @example
 * import { Assignment } from "@murojaat/core"
 * Assignment.rules.find((r) => r.id === "assignment.coverage")?.source // "MIA order No. 151 of 2017 (support-point territory)"
 */
export interface Rule {
  readonly id: RuleId
  readonly statement: string
  readonly source: string
}

/**
 * The rule ids of assignment.
 *
 * @since 0.1.0
 * @category rules
 * @example
 * import { Assignment } from "@murojaat/core"
 * Assignment.RuleId.load // "assignment.load"
 */
export const RuleId = internalRules.RuleId
/** @see RuleId */
export type RuleId = (typeof RuleId)[keyof typeof RuleId]

/**
 * Every assignment rule, in the order they apply; rendered to docs/rules/assignment.md.
 *
 * @since 0.1.0
 * @category rules
 * @example
 * import { Assignment } from "@murojaat/core"
 * Assignment.rules.length > 10 // true
 */
export const rules: ReadonlyArray<Rule> = internalRules.rules

// ---------------------------------------------------------------------------------------------
// Explanations
// ---------------------------------------------------------------------------------------------

/**
 * Why an officer was excluded. Closed set (see `Errors.ExclusionReason`).
 *
 * @since 0.1.0
 * @category explanations
 * @example
 * import { Assignment } from "@murojaat/core"
 * Assignment.ExclusionReason.literals.includes("absent") // true
 */
export const ExclusionReason = Errors.ExclusionReason
/** @see ExclusionReason */
export type ExclusionReason = Errors.ExclusionReason

/**
 * Each exclusion reason in the four languages, for explanations shown to people.
 *
 * @since 0.1.0
 * @category explanations
 * @example
 * import { Assignment } from "@murojaat/core"
 * Assignment.exclusionText.offDuty.en // "not on duty at that time"
 */
export const exclusionText: Readonly<Record<ExclusionReason, I18n.Text>> = internalRules.exclusionText

/**
 * Where a candidate comes from: the mahalla's own officers, or the district's senior inspectors.
 *
 * @since 0.1.0
 * @category explanations
 * @example
 * import { Assignment } from "@murojaat/core"
 * const t: Assignment.Tier = "districtSenior"
 */
export type Tier = "mahalla" | "districtSenior"

/**
 * One officer looked at, with his exclusions (empty: eligible) and workload.
 *
 * @since 0.1.0
 * @category explanations
 * @example
 * import { Assignment } from "@murojaat/core"
 * const c: Assignment.Considered = { officerId: "O-1", exclusions: [], load: 2, open: 2 }
 */
export interface Considered {
  readonly officerId: string
  readonly exclusions: ReadonlyArray<ExclusionReason>
  readonly load: number
  readonly open: number
}

/**
 * One stage of the search: a tier and the role it looked for.
 *
 * @since 0.1.0
 * @category explanations
 * @example
 * import { Assignment } from "@murojaat/core"
 * const s: Assignment.Stage = { tier: "mahalla", role: "preventionInspector", considered: [] }
 */
export interface Stage {
  readonly tier: Tier
  readonly role: Directory.OfficerRole
  readonly considered: ReadonlyArray<Considered>
}

/**
 * Why an assignment came out as it did: every stage tried with the officers considered and why
 * each was excluded, the workloads compared among the eligible, the choice and the rule ids.
 *
 * @since 0.1.0
 * @category explanations
 * @example
 * import { Assignment } from "@murojaat/core"
 * const e: Assignment.Explanation = { appealId: "A-1", at: "2026-03-18T06:00:00Z", priority: "normal", requiredRole: "preventionInspector", stages: [], compared: [], chosen: undefined, rules: [] }
 */
export interface Explanation {
  readonly appealId: string
  readonly at: Directory.Instant
  readonly priority: Priority
  readonly requiredRole: Directory.OfficerRole
  readonly stages: ReadonlyArray<Stage>
  readonly compared: ReadonlyArray<{ readonly officerId: string; readonly load: number; readonly open: number }>
  readonly chosen: string | undefined
  readonly rules: ReadonlyArray<RuleId>
}

/**
 * A successful assignment: the officer, the tier he was found in, the lifecycle command to give,
 * and the explanation.
 *
 * @since 0.1.0
 * @category explanations
 * @example
 * import { Assignment } from "@murojaat/core"
 * const f = (a: Assignment.Assigned) => a.command // { type: "assign", appealId, officerId, ruleIds }
 */
export interface Assigned {
  readonly appealId: string
  readonly officerId: string
  readonly tier: Tier
  readonly command: { readonly type: "assign"; readonly appealId: string; readonly officerId: string; readonly ruleIds: ReadonlyArray<RuleId> }
  readonly explanation: Explanation
}

/**
 * The result of one assignment: the chosen officer, or `NoEligibleInspector` (the district chief's
 * queue) with its reason and what was excluded.
 *
 * @since 0.1.0
 * @category explanations
 * @example
 * import { Assignment } from "@murojaat/core"
 * const f = (r: Assignment.Result) => (r._tag === "Right" ? r.right.officerId : r.left.reason)
 */
export type Result = Either.Either<Assigned, Errors.NoEligibleInspector>

// ---------------------------------------------------------------------------------------------
// Index and workload
// ---------------------------------------------------------------------------------------------

/**
 * The directory indexed for assignment: officers by id, by mahalla they list, and the senior
 * inspectors and district chiefs by district; duty periods and absences parsed once (epoch
 * milliseconds, `[from, to)`). Build it once per directory version.
 *
 * @since 0.1.0
 * @category index
 * @example
 * import { Assignment } from "@murojaat/core"
 * Assignment.makeIndex({ regions: [], districts: [], mahallas: [], officers: [] }).byId.size // 0
 */
export interface Index {
  readonly directory: Directory.Directory
  readonly byId: ReadonlyMap<string, Directory.Officer>
  readonly byMahalla: ReadonlyMap<string, ReadonlyArray<Directory.Officer>>
  readonly seniorsByDistrict: ReadonlyMap<string, ReadonlyArray<Directory.Officer>>
  readonly chiefsByDistrict: ReadonlyMap<string, ReadonlyArray<Directory.Officer>>
  readonly mahallaDistrict: ReadonlyMap<string, string>
  readonly times: ReadonlyMap<
    string,
    { readonly duty: ReadonlyArray<readonly [number, number]>; readonly absences: ReadonlyArray<readonly [number, number]> }
  >
}

/**
 * Builds the {@link Index} of a directory (linear in its size).
 *
 * @since 0.1.0
 * @category index
 * @example
 * import { Assignment } from "@murojaat/core"
 * Assignment.makeIndex({ regions: [], districts: [], mahallas: [], officers: [] }).byMahalla.size // 0
 */
export const makeIndex: (directory: Directory.Directory) => Index = directoryIndex.makeIndex

/**
 * An officer's open workload: the weighted sum and the count of his open appeals.
 *
 * @since 0.1.0
 * @category workload
 * @example
 * import { Assignment } from "@murojaat/core"
 * const l: Assignment.Load = { weighted: 5, count: 2 }
 */
export interface Load {
  readonly weighted: number
  readonly count: number
}

/**
 * Workloads by officer id.
 *
 * @since 0.1.0
 * @category workload
 * @example
 * import { Assignment } from "@murojaat/core"
 * const l: Assignment.Loads = new Map([["O-1", { weighted: 1, count: 1 }]])
 */
export type Loads = ReadonlyMap<string, Load>

/**
 * Computes the workloads from the open appeals and the priority weights.
 *
 * @since 0.1.0
 * @category workload
 * @example
 * import { Assignment } from "@murojaat/core"
 * Assignment.loads([{ officerId: "O-1", priority: "urgent" }, { officerId: "O-1", priority: "low" }]).get("O-1") // { weighted: 4.5, count: 2 }
 */
export const loads: (open: ReadonlyArray<{ readonly officerId: string; readonly priority: Priority }>, settings?: Settings) => Loads = workload.loads

/**
 * Computes the workloads from counts of open appeals by officer and priority (what
 * `AppealStore.workload` returns): the same loads as {@link loads} over the appeals counted, without
 * reading them one by one. A count without a priority weighs as `normal`.
 *
 * @since 0.2.0
 * @category workload
 * @example
 * import { Assignment } from "@murojaat/core"
 * Assignment.loadsFromCounts([{ officerId: "O-1", priority: "urgent", count: 1 }, { officerId: "O-1", priority: "low", count: 1 }]).get("O-1") // { weighted: 4.5, count: 2 }
 */
export const loadsFromCounts: (
  counts: ReadonlyArray<{ readonly officerId: string; readonly priority?: Priority | undefined; readonly count: number }>,
  settings?: Settings
) => Loads = workload.fromCounts

// ---------------------------------------------------------------------------------------------
// Duty and eligibility
// ---------------------------------------------------------------------------------------------

/**
 * An officer's duty status at an instant: `inactive`, `absent` (absences always win), `offDuty`
 * or `onDuty`. With explicit duty periods he is on duty inside them; without, in working time
 * ({@link isWorkingTime}: the calendar's working days and the working hours).
 *
 * @since 0.1.0
 * @category eligibility
 * @example
 * import { Assignment, Directory } from "@murojaat/core"
 * const o = { id: "O-1", active: true, duty: [], absences: [] } as unknown as Directory.Officer
 * Assignment.dutyStatus(o, "2026-03-18T06:00:00Z") // "onDuty"
 * Assignment.dutyStatus(o, "2026-03-20T06:00:00Z") // "offDuty"
 */
export const dutyStatus: (officer: Directory.Officer, at: Directory.Instant, settings?: Settings) => "inactive" | "absent" | "offDuty" | "onDuty" =
  exclusion.dutyStatus

/**
 * The role an appeal needs: its `role`, else `roleFor(category)`, else the prevention inspector.
 *
 * @since 0.1.0
 * @category eligibility
 * @example
 * import { Assignment } from "@murojaat/core"
 * Assignment.requiredRole({ category: "familyConflict" }) // "womensAffairsInspector"
 * Assignment.requiredRole({ category: "domesticViolence" }) // "preventionInspector"
 */
export const requiredRole: (appeal: Pick<AppealInput, "role" | "category">, settings?: Settings) => Directory.OfficerRole = exclusion.requiredRole

/**
 * Why an officer may not take the appeal at the instant (empty when he may): coverage, role (any
 * of `roles`), duty, conflicts, and being in `exclude`. Used by the planners to check a target a
 * supervisor names.
 *
 * @since 0.1.0
 * @category eligibility
 * @example
 * import { Assignment, Directory } from "@murojaat/core"
 * const o = { id: "O-1", roles: ["preventionInspector"], districtCode: "D", mahallas: ["M"], duty: [], absences: [], conflicts: [], active: true } as unknown as Directory.Officer
 * Assignment.exclusions(Assignment.makeIndex({ regions: [], districts: [], mahallas: [], officers: [o] }), o, { appealId: "A", mahallaCode: "M", districtCode: "D", priority: "normal", subjectOfficerId: "O-1" }, { at: "2026-03-18T06:00:00Z" })
 * // ["subjectOfComplaint"]
 */
export const exclusions: (
  index: Index,
  officer: Directory.Officer,
  appeal: AppealInput,
  options: {
    readonly at: Directory.Instant
    readonly settings?: Settings
    readonly roles?: ReadonlyArray<Directory.OfficerRole>
    readonly exclude?: ReadonlyArray<string>
  }
) => ReadonlyArray<ExclusionReason> = exclusion.exclusions

// ---------------------------------------------------------------------------------------------
// Choosing
// ---------------------------------------------------------------------------------------------

/**
 * Options of one assignment: the instant (`at`, a decoded `Directory.Instant`: time is an input),
 * the workloads, the settings, officers to leave out (the current holder on reassignment), and the
 * tiers to search (escalation searches only the district's seniors).
 *
 * @since 0.1.0
 * @category choosing
 * @example
 * import { Assignment } from "@murojaat/core"
 * const o: Assignment.Options = { at: "2026-03-18T06:00:00Z" }
 */
export interface Options {
  readonly at: Directory.Instant
  readonly loads?: Loads
  readonly settings?: Settings
  readonly exclude?: ReadonlyArray<string>
  readonly tiers?: ReadonlyArray<Tier>
}

/**
 * Chooses the officer for one appeal, with its explanation; `Left(NoEligibleInspector)` sends it
 * to the district chief's queue with the reason. Pure and deterministic.
 *
 * @since 0.1.0
 * @category choosing
 * @example
 * import { Assignment } from "@murojaat/core"
 * const index = Assignment.makeIndex({ regions: [], districts: [], mahallas: [], officers: [] })
 * const r = Assignment.assign(index, { appealId: "A-1", mahallaCode: "M", districtCode: "D", priority: "normal" }, { at: "2026-03-18T06:00:00Z" })
 * r._tag === "Left" && r.left.reason // "unknownMahalla"
 */
export const assign: (index: Index, appeal: AppealInput, options: Options) => Result = choice.assign

/**
 * Builds the index and workloads and assigns one appeal: the simple entry point (the CLI uses it).
 * For many appeals, build the index once and use {@link assign} or {@link assignAll}.
 *
 * @since 0.1.0
 * @category choosing
 * @example
 * import { Assignment } from "@murojaat/core"
 * Assignment.choose({ regions: [], districts: [], mahallas: [], officers: [] }, { appealId: "A-1", mahallaCode: "M", districtCode: "D", priority: "low" }, { at: "2026-03-18T06:00:00Z" })._tag // "Left"
 */
export const choose: (
  directory: Directory.Directory,
  appeal: AppealInput,
  options: { readonly at: Directory.Instant; readonly open?: ReadonlyArray<OpenAppeal>; readonly loads?: Loads; readonly settings?: Settings }
) => Result = choice.choose

/**
 * Assigns appeals one after another, as they arrive, each seeing the workload the previous ones
 * added. Returns the results in order and the final workloads.
 *
 * @since 0.1.0
 * @category choosing
 * @example
 * import { Assignment } from "@murojaat/core"
 * const index = Assignment.makeIndex({ regions: [], districts: [], mahallas: [], officers: [] })
 * Assignment.assignAll(index, [], { at: "2026-03-18T06:00:00Z" }).results.length // 0
 */
export const assignAll: (
  index: Index,
  appeals: ReadonlyArray<AppealInput>,
  options: Omit<Options, "exclude" | "tiers">
) => { readonly results: ReadonlyArray<Result>; readonly loads: Loads } = choice.assignAll

// ---------------------------------------------------------------------------------------------
// Reassignment planning
// ---------------------------------------------------------------------------------------------

/**
 * A lifecycle command produced by the planners. The lifecycle records each as an audited
 * `reassigned` / `unassigned` event; `reason` is the text of the step's typed {@link StepReason}.
 *
 * @since 0.1.0
 * @category planning
 * @example
 * import { Assignment } from "@murojaat/core"
 * const c: Assignment.PlannedCommand = { type: "unassign", appealId: "A-1", reason: "bulk:district merger" }
 */
export type PlannedCommand =
  | { readonly type: "reassign"; readonly appealId: string; readonly officerId: string; readonly reason: string }
  | { readonly type: "unassign"; readonly appealId: string; readonly reason: string }

/**
 * Why an officer can no longer hold an open appeal (closed set): gone from the directory,
 * inactive, absent, no longer serving the mahalla, the subject of the complaint, or a declared
 * conflict with the applicant. Being off shift is not one: shifts end every day.
 *
 * @since 0.2.0
 * @category planning
 * @example
 * import { Assignment } from "@murojaat/core"
 * Assignment.DutyProblem.literals.includes("absent") // true
 */
export const DutyProblem = Schema.Literal("notInDirectory", "inactive", "absent", "notServingMahalla", "subjectOfComplaint", "declaredConflict")
/** @see DutyProblem */
export type DutyProblem = typeof DutyProblem.Type

/**
 * A {@link DutyProblem} with its detail: an absence names its reason (leave, sickness, ...).
 *
 * @since 0.2.0
 * @category planning
 * @example
 * import { Assignment } from "@murojaat/core"
 * const h: Assignment.HoldProblem = { problem: "absent", absence: "leave" }
 */
export type HoldProblem =
  | { readonly problem: Exclude<DutyProblem, "absent"> }
  | { readonly problem: "absent"; readonly absence: Directory.AbsenceReason }

/**
 * What made a planner look at an appeal: its officer's duty change, an overdue term (with the
 * caller's overdue reason, e.g. `"overdue:consideration"`), or a supervisor's bulk request (with
 * his note).
 *
 * @since 0.2.0
 * @category planning
 * @example
 * import { Assignment } from "@murojaat/core"
 * const c: Assignment.PlanCause = { planner: "dutyChange", hold: { problem: "inactive" } }
 */
export type PlanCause =
  | { readonly planner: "dutyChange"; readonly hold: HoldProblem }
  | { readonly planner: "escalation"; readonly overdue: string }
  | { readonly planner: "bulk"; readonly note: string }

/**
 * The typed reason of a step: the cause, why the appeal was kept (`alreadySenior` on escalation,
 * `alreadyHeld` by the named officer on bulk), and why nobody could take it.
 *
 * @since 0.2.0
 * @category planning
 * @example
 * import { Assignment } from "@murojaat/core"
 * const w: Assignment.StepReason = { cause: { planner: "escalation", overdue: "overdue:consideration" }, kept: "alreadySenior" }
 */
export interface StepReason {
  readonly cause: PlanCause
  readonly kept?: "alreadySenior" | "alreadyHeld"
  readonly noEligibleInspector?: Errors.NoCandidateReason
}

/**
 * The text recorded on the lifecycle command for a typed reason, e.g. `dutyChange:absent:leave`,
 * `conflictOfInterest:declared`, `escalation:overdue:consideration;alreadySenior`,
 * `bulk:rebalance`, with `;noEligibleInspector:<reason>` when nobody could take the appeal.
 *
 * @since 0.2.0
 * @category planning
 * @example
 * import { Assignment } from "@murojaat/core"
 * Assignment.reasonText({ cause: { planner: "dutyChange", hold: { problem: "absent", absence: "sickness" } } }) // "dutyChange:absent:sickness"
 * Assignment.reasonText({ cause: { planner: "dutyChange", hold: { problem: "subjectOfComplaint" } }, noEligibleInspector: "noneOnDuty" })
 * // "conflictOfInterest:subjectOfComplaint;noEligibleInspector:noneOnDuty"
 */
export const reasonText: (why: StepReason) => string = planners.reasonText

/**
 * What a planner decided for one appeal: kept, reassigned (with the new officer), unassigned to
 * the chief's queue, or refused (a supervisor named an ineligible officer), with the typed reason
 * (`why`) and its recorded text (`reason`).
 *
 * @since 0.1.0
 * @category planning
 * @example
 * import { Assignment } from "@murojaat/core"
 * const why: Assignment.StepReason = { cause: { planner: "escalation", overdue: "overdue:consideration" }, kept: "alreadySenior" }
 * const s: Assignment.Step = { appealId: "A-1", previousOfficerId: "O-1", action: "keep", reason: Assignment.reasonText(why), why }
 */
export interface Step {
  readonly appealId: string
  readonly previousOfficerId: string
  readonly action: "keep" | "reassign" | "unassign" | "refused"
  readonly officerId?: string
  readonly reason: string
  readonly why: StepReason
  readonly exclusions?: ReadonlyArray<ExclusionReason>
  readonly explanation?: Explanation
  readonly error?: Errors.NoEligibleInspector
}

/**
 * A plan: the commands to give, one step per appeal looked at, and the workloads after it.
 *
 * @since 0.1.0
 * @category planning
 * @example
 * import { Assignment } from "@murojaat/core"
 * const f = (p: Assignment.Plan) => p.commands.length
 */
export interface Plan {
  readonly commands: ReadonlyArray<PlannedCommand>
  readonly steps: ReadonlyArray<Step>
  readonly loads: Loads
}

/**
 * Options of a planner: the instant (a decoded `Directory.Instant`) and the settings.
 *
 * @since 0.2.0
 * @category planning
 * @example
 * import { Assignment } from "@murojaat/core"
 * const o: Assignment.PlanOptions = { at: "2026-03-18T06:00:00Z" }
 */
export interface PlanOptions {
  readonly at: Directory.Instant
  readonly settings?: Settings
}

/**
 * Why an officer can no longer hold an open appeal at the instant, or `undefined` when he still
 * can: gone from the directory, inactive, absent (with the absence reason), no longer serving the
 * mahalla, or in conflict. Being off shift is not a reason: shifts end every day.
 *
 * @since 0.1.0
 * @category planning
 * @example
 * import { Assignment } from "@murojaat/core"
 * const index = Assignment.makeIndex({ regions: [], districts: [], mahallas: [], officers: [] })
 * Assignment.holdProblem(index, { appealId: "A", mahallaCode: "M", districtCode: "D", priority: "low", officerId: "O-1" }, "2026-03-18T06:00:00Z")
 * // { problem: "notInDirectory" }
 */
export const holdProblem: (index: Index, appeal: OpenAppeal, at: Directory.Instant) => HoldProblem | undefined = planners.holdProblem

/**
 * Plans the reassignments that duty changes require at the instant: every open appeal whose
 * officer can no longer hold it ({@link holdProblem}) is reassigned by the assignment rules (never
 * to the same officer), or unassigned to the district chief's queue when nobody is eligible.
 * Appeals whose officer can still hold them are not touched. Rule `reassignment.dutyChange`.
 *
 * @since 0.1.0
 * @category planning
 * @example
 * import { Assignment } from "@murojaat/core"
 * const index = Assignment.makeIndex({ regions: [], districts: [], mahallas: [], officers: [] })
 * Assignment.planDutyChanges(index, [{ appealId: "A", mahallaCode: "M", districtCode: "D", priority: "low", officerId: "O-1" }], { at: "2026-03-18T06:00:00Z" }).commands[0]?.type // "unassign"
 */
export const planDutyChanges: (index: Index, open: ReadonlyArray<OpenAppeal>, options: PlanOptions) => Plan = planners.planDutyChanges

/**
 * Plans escalation of overdue appeals (given by id with the overdue reason, e.g.
 * `"overdue:consideration"`): one held by a mahalla officer is reassigned to the district's
 * senior inspector; one already held by a senior inspector (or when no senior is eligible) stays,
 * under the chief's control through the lifecycle's `escalate` command. Rule
 * `reassignment.escalation`.
 *
 * @since 0.1.0
 * @category planning
 * @example
 * import { Assignment } from "@murojaat/core"
 * const index = Assignment.makeIndex({ regions: [], districts: [], mahallas: [], officers: [] })
 * Assignment.planEscalation(index, [], [], { at: "2026-03-18T06:00:00Z" }).steps.length // 0
 */
export const planEscalation: (
  index: Index,
  open: ReadonlyArray<OpenAppeal>,
  overdue: ReadonlyArray<{ readonly appealId: string; readonly reason: string }>,
  options: PlanOptions
) => Plan = planners.planEscalation

/**
 * A supervisor's bulk request: reassign the listed appeals to a named officer (`to`) or
 * automatically by the rules, or unassign them to the district chief's queue. `reason` is recorded
 * on every command (prefixed `bulk:`).
 *
 * @since 0.1.0
 * @category planning
 * @example
 * import { Assignment } from "@murojaat/core"
 * const r: Assignment.BulkRequest = { kind: "unassign", appealIds: ["A-1"], reason: "territory changed" }
 */
export type BulkRequest =
  | { readonly kind: "reassign"; readonly appealIds: ReadonlyArray<string>; readonly to?: string; readonly reason: string }
  | { readonly kind: "unassign"; readonly appealIds: ReadonlyArray<string>; readonly reason: string }

/**
 * Plans a supervisor's bulk reassignment or unassignment. Every listed appeal must be open
 * (`AppealNotFound` otherwise) and a named target must exist (`OfficerNotFound`). A named target
 * is checked per appeal like any candidate (coverage, the appeal's role chain or senior
 * inspector, duty, conflicts); an appeal he may not take is `refused` with the exclusions, never
 * moved. Rules `reassignment.bulk`, `unassignment.bulk`.
 *
 * @since 0.1.0
 * @category planning
 * @example
 * import { Assignment } from "@murojaat/core"
 * const index = Assignment.makeIndex({ regions: [], districts: [], mahallas: [], officers: [] })
 * Assignment.planBulk(index, [], { kind: "unassign", appealIds: ["A-9"], reason: "x" }, { at: "2026-03-18T06:00:00Z" })._tag // "Left"
 */
export const planBulk: (
  index: Index,
  open: ReadonlyArray<OpenAppeal>,
  request: BulkRequest,
  options: PlanOptions
) => Either.Either<Plan, Errors.AppealNotFound | Errors.OfficerNotFound> = planners.planBulk
