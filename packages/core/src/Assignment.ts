/**
 * Assignment: choosing the officer who handles an appeal, and planning reassignment when that
 * officer cannot (leave, sickness, overdue escalation, a supervisor's bulk decision).
 *
 * The choice is pure and explainable. Candidates are the officers who serve the appeal's mahalla,
 * hold the role the category needs (with a documented fallback to the prevention inspector), are
 * on duty at the instant and have no conflict of interest. Among them the officer with the least
 * weighted open workload wins; ties go to the smallest officer id. When the mahalla has nobody, the
 * district's senior inspector is tried, and when he cannot take it either the appeal goes to the
 * district chief's queue as `Errors.NoEligibleInspector` with a typed reason. Every decision
 * carries an {@link Explanation}: the officers considered, why each was excluded, the workloads
 * compared and the rule ids applied.
 *
 * Build the {@link Index} once per directory version ({@link makeIndex}) and the workload once per
 * batch ({@link loads}); each {@link assign} then looks only at the officers of one mahalla and
 * one district.
 *
 * @example
 * import { Assignment, Directory, Schema } from "@murojaat/core"
 * const directory = Schema.decodeUnknownSync(Directory.Directory)({
 *   regions: [{ code: "R", name: { "uz-Latn": "R", "uz-Cyrl": "R", ru: "R", en: "R" } }],
 *   districts: [{ code: "D", regionCode: "R", name: { "uz-Latn": "D", "uz-Cyrl": "D", ru: "D", en: "D" } }],
 *   mahallas: [{ code: "M", districtCode: "D", name: { "uz-Latn": "M", "uz-Cyrl": "M", ru: "M", en: "M" } }],
 *   officers: [{ id: "O-1", name: "A", roles: ["preventionInspector"], districtCode: "D", mahallas: ["M"], duty: [], absences: [], conflicts: [] }]
 * })
 * const r = Assignment.choose(directory, { appealId: "A-1", mahallaCode: "M", districtCode: "D", priority: "normal" }, { at: "2026-03-18T06:00:00Z" })
 * r._tag === "Right" && r.right.officerId // "O-1"
 */
import { Either, Schema } from "effect"
import * as Appeal from "./Appeal.js"
import * as Decode from "./Decode.js"
import * as Directory from "./Directory.js"
import * as Errors from "./Errors.js"
import * as I18n from "./I18n.js"
import * as Taxonomy from "./Taxonomy.js"

// ---------------------------------------------------------------------------------------------
// Inputs
// ---------------------------------------------------------------------------------------------

const Code = Schema.String.pipe(Schema.pattern(/^[0-9A-Za-z][0-9A-Za-z._:-]{0,63}$/))

/**
 * Priority of an appeal (`Appeal.Priority`); it sets the appeal's weight in an officer's workload.
 *
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
 * @example
 * import { Assignment, Schema } from "@murojaat/core"
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
 * @example
 * import { Assignment, Schema } from "@murojaat/core"
 * Schema.decodeUnknownSync(Assignment.OpenAppeal)({ appealId: "A-1", mahallaCode: "M", districtCode: "D", priority: "low", officerId: "O-1" })
 */
export const OpenAppeal = Schema.Struct({ ...AppealInput.fields, officerId: Code })
/** @see OpenAppeal */
export type OpenAppeal = typeof OpenAppeal.Type

/**
 * Decodes an appeal input; failures are `Errors.InvalidInput` naming each wrong field.
 *
 * @example
 * import { Assignment } from "@murojaat/core"
 * Assignment.decodeAppeal({ appealId: "A-1" })._tag // "Left"
 */
export const decodeAppeal = Decode.either(AppealInput, "Assignment.AppealInput")

/**
 * Decodes a list of open appeals; failures are `Errors.InvalidInput`.
 *
 * @example
 * import { Assignment } from "@murojaat/core"
 * Assignment.decodeOpen([])._tag // "Right"
 */
export const decodeOpen = Decode.either(Schema.Array(OpenAppeal), "Assignment.OpenAppeal[]")

// ---------------------------------------------------------------------------------------------
// Settings
// ---------------------------------------------------------------------------------------------

const HOUR = 3_600_000
const DAY = 24 * HOUR
const TASHKENT_OFFSET = 5 * HOUR

/**
 * Default working time: Monday to Friday, 09:00 to 18:00 in Asia/Tashkent (UTC+5 all year, no
 * daylight saving). Holidays are not known here: plug the calendar's own predicate into the
 * `isWorkingTime` setting to honour them.
 *
 * @example
 * import { Assignment } from "@murojaat/core"
 * Assignment.defaultIsWorkingTime("2026-03-18T04:00:00Z") // true: Wednesday 09:00 in Tashkent
 * Assignment.defaultIsWorkingTime("2026-03-21T06:00:00Z") // false: Saturday
 */
export const defaultIsWorkingTime = (at: string): boolean => {
  const local = Date.parse(at) + TASHKENT_OFFSET
  const day = Math.floor(local / DAY)
  const weekday = (((day + 4) % 7) + 7) % 7 // 1970-01-01 was a Thursday; 0 = Sunday
  const minute = (local - day * DAY) / 60_000
  return weekday >= 1 && weekday <= 5 && minute >= 9 * 60 && minute < 18 * 60
}

/**
 * The assignment policy. Every value is a documented setting because the law does not fix it.
 *
 * - `weights`: weight of one open appeal of each priority in an officer's workload.
 * - `isWorkingTime`: when an officer without explicit duty periods is on duty.
 * - `roleFor`: the role a triage category needs (the taxonomy's role field), `undefined` when the
 *   category names none.
 * - `roleFallbacks`: roles tried, in order, after the required one finds nobody in the mahalla.
 * - `nonUrgentOffShift`: when `true`, a non-urgent appeal may go to an officer who is off shift but
 *   not absent (e.g. an appeal at night goes to the mahalla's inspector for the morning instead of
 *   the district chief's queue). Urgent appeals always need an officer on duty now.
 *
 * @example
 * import { Assignment } from "@murojaat/core"
 * Assignment.defaults.weights.urgent // 4
 */
export interface Settings {
  readonly weights: Readonly<Record<Priority, number>>
  readonly isWorkingTime: (at: string) => boolean
  readonly roleFor: (category: string) => Directory.OfficerRole | undefined
  readonly roleFallbacks: Readonly<Partial<Record<Directory.OfficerRole, ReadonlyArray<Directory.OfficerRole>>>>
  readonly nonUrgentOffShift: boolean
}

/**
 * A `roleFor` setting read from a triage taxonomy: each category's `role` field (the officer role
 * best placed to handle it); `undefined` for a category the taxonomy does not know.
 *
 * @example
 * import { Assignment, Taxonomy } from "@murojaat/core"
 * Assignment.roleFromTaxonomy(Taxonomy.defaults)("minors") // "juvenileInspector"
 */
export const roleFromTaxonomy = (taxonomy: Taxonomy.Taxonomy): ((category: string) => Directory.OfficerRole | undefined) => {
  const roles = new Map(taxonomy.categories.map((c) => [c.code as string, c.role]))
  return (category) => roles.get(category)
}

/**
 * Roles the law names for a category, before the taxonomy's own choice: domestic violence goes to
 * the prevention inspector, who studies the report within 24 hours and issues the protection order
 * (ZRU-561 of 2 Sep 2019, as the law brief reads it). The women's affairs inspector keeps family
 * conflicts (a Murojaat choice, her remit).
 *
 * @example
 * import { Assignment } from "@murojaat/core"
 * Assignment.legalRoles.domesticViolence // { role: "preventionInspector", source: "ZRU-561 of 2 Sep 2019 (the prevention inspector studies the report within 24 hours and issues the protection order)" }
 */
export const legalRoles: { readonly [category: string]: { readonly role: Directory.OfficerRole; readonly source: string } } = {
  domesticViolence: {
    role: "preventionInspector",
    source: "ZRU-561 of 2 Sep 2019 (the prevention inspector studies the report within 24 hours and issues the protection order)"
  }
}

const taxonomyRoleFor = roleFromTaxonomy(Taxonomy.defaults)

/**
 * The default `roleFor`: the role the law names ({@link legalRoles}: domestic violence to the
 * prevention inspector, ZRU-561), else the role field of the built-in taxonomy (`Taxonomy.defaults`),
 * e.g. minors to the juvenile inspector, family conflicts to the women's affairs inspector,
 * complaints about an officer to the district chief.
 *
 * @example
 * import { Assignment } from "@murojaat/core"
 * Assignment.defaultRoleFor("domesticViolence") // "preventionInspector"
 * Assignment.defaultRoleFor("familyConflict") // "womensAffairsInspector"
 */
export const defaultRoleFor = (category: string): Directory.OfficerRole | undefined => legalRoles[category]?.role ?? taxonomyRoleFor(category)

/**
 * The category to role pairs of the default `roleFor`, in the taxonomy's order (for docs).
 *
 * @example
 * import { Assignment } from "@murojaat/core"
 * Assignment.categoryRoles().find(([c]) => c === "minors") // ["minors", "juvenileInspector"]
 */
export const categoryRoles = (): ReadonlyArray<readonly [string, Directory.OfficerRole]> =>
  Taxonomy.defaults.categories.map((c) => [c.code, legalRoles[c.code]?.role ?? c.role] as const)

/**
 * The default policy: weights urgent 4, high 2, normal 1, low 0.5; working time Monday to Friday
 * 09:00 to 18:00 Tashkent; specialist roles fall back to the prevention inspector; off-shift
 * officers are not assigned.
 *
 * @example
 * import { Assignment } from "@murojaat/core"
 * Assignment.defaults.roleFallbacks.juvenileInspector // ["preventionInspector"]
 */
export const defaults: Settings = {
  weights: { urgent: 4, high: 2, normal: 1, low: 0.5 },
  isWorkingTime: defaultIsWorkingTime,
  roleFor: defaultRoleFor,
  roleFallbacks: {
    womensAffairsInspector: ["preventionInspector"],
    juvenileInspector: ["preventionInspector"],
    probationInspector: ["preventionInspector"]
  },
  nonUrgentOffShift: false
}

/**
 * Builds settings from the defaults and the given overrides.
 *
 * @example
 * import { Assignment } from "@murojaat/core"
 * Assignment.settings({ nonUrgentOffShift: true }).weights.normal // 1
 */
export const settings = (overrides: Partial<Settings> = {}): Settings => ({ ...defaults, ...overrides })

// ---------------------------------------------------------------------------------------------
// Rules
// ---------------------------------------------------------------------------------------------

/**
 * One rule of the assignment policy, with its id (recorded on events), its statement and its
 * source (law, order, or "policy setting" where the law is silent).
 *
 * @example
 * import { Assignment } from "@murojaat/core"
 * Assignment.rules.find((r) => r.id === "assignment.coverage")?.source // "MIA order No. 151 of 2017 (support-point territory)"
 */
export interface Rule {
  readonly id: string
  readonly statement: string
  readonly source: string
}

/**
 * The rule ids of the assignment policy.
 *
 * @example
 * import { Assignment } from "@murojaat/core"
 * Assignment.RuleId.load // "assignment.load"
 */
export const RuleId = {
  coverage: "assignment.coverage",
  role: "assignment.role",
  roleFallback: "assignment.role.fallback",
  duty: "assignment.duty",
  workingHours: "assignment.duty.workingHours",
  urgent: "assignment.urgent.onDutyNow",
  offShift: "assignment.duty.nonUrgentOffShift",
  subject: "assignment.conflict.subject",
  declared: "assignment.conflict.declared",
  load: "assignment.load",
  tieBreak: "assignment.tieBreak",
  senior: "assignment.fallback.districtSenior",
  chiefQueue: "assignment.fallback.districtChiefQueue",
  dutyChange: "reassignment.dutyChange",
  escalation: "reassignment.escalation",
  bulkReassign: "reassignment.bulk",
  bulkUnassign: "unassignment.bulk"
} as const

/**
 * Every rule of the policy, in the order they apply; rendered to docs/rules/assignment.md.
 *
 * @example
 * import { Assignment } from "@murojaat/core"
 * Assignment.rules.length > 10 // true
 */
export const rules: ReadonlyArray<Rule> = [
  {
    id: RuleId.coverage,
    statement:
      "The officer serves the appeal's mahalla: it is listed among his mahallas, or his role (senior inspector, district chief) covers the whole district.",
    source: "MIA order No. 151 of 2017 (support-point territory)"
  },
  {
    id: RuleId.role,
    statement:
      "The officer holds the role the appeal's category needs (`role` on the input, else the `roleFor` setting, else prevention inspector).",
    source: "policy setting `roleFor`; ZRU-561 of 2019 for domestic violence (women's affairs inspector)"
  },
  {
    id: RuleId.roleFallback,
    statement:
      "When nobody with the required role can take it in the mahalla, the roles of the `roleFallbacks` setting are tried in order (default: specialists fall back to the prevention inspector).",
    source: "policy setting `roleFallbacks`"
  },
  {
    id: RuleId.duty,
    statement:
      "The officer is active, not absent (leave, sickness, training, business trip: absences always win) and on duty at the instant: inside one of his duty periods, or, when he has none, in working time.",
    source: "policy; directory duty periods and absences"
  },
  {
    id: RuleId.workingHours,
    statement:
      "Working time of an officer without duty periods is the `isWorkingTime` setting; default Monday to Friday 09:00-18:00 Asia/Tashkent (UTC+5, no daylight saving).",
    source: "policy setting `isWorkingTime` (holidays: plug in the calendar)"
  },
  {
    id: RuleId.urgent,
    statement: "An urgent appeal goes only to an officer on duty now, whatever `nonUrgentOffShift` says.",
    source: "policy; ZRU-561 of 2019 (protection order studied within 24 hours)"
  },
  {
    id: RuleId.offShift,
    statement:
      "With the `nonUrgentOffShift` setting (default off), a non-urgent appeal may go to an officer who is off shift but neither absent nor inactive.",
    source: "policy setting `nonUrgentOffShift`"
  },
  {
    id: RuleId.subject,
    statement: "Never the officer the complaint is about (`subjectOfficerId`).",
    source: "ZRU-445 (a complaint is not sent to the official whose actions it is about; article to verify on lex.uz)"
  },
  {
    id: RuleId.declared,
    statement: "Never an officer with a conflict of interest declared in the directory for the appeal's applicant (`applicantRef`).",
    source: "directory declared conflicts"
  },
  {
    id: RuleId.load,
    statement:
      "Among the eligible officers, the one with the least weighted open workload (sum of the `weights` setting over his open appeals; default urgent 4, high 2, normal 1, low 0.5).",
    source: "policy setting `weights`"
  },
  {
    id: RuleId.tieBreak,
    statement: "Equal workloads: the smallest officer id (code-unit order), so the same inputs always give the same officer.",
    source: "policy (determinism)"
  },
  {
    id: RuleId.senior,
    statement:
      "Nobody eligible in the mahalla: the senior inspector of the district (same duty, conflict and workload rules).",
    source: "MIA order No. 151 of 2017 (district internal-affairs hierarchy)"
  },
  {
    id: RuleId.chiefQueue,
    statement:
      "No senior inspector either: the appeal stays unassigned in the district chief's queue, returned as the error NoEligibleInspector with the reason and the chiefs' ids.",
    source: "MIA order No. 151 of 2017 (the district chief sets the territories and assigns)"
  },
  {
    id: RuleId.dutyChange,
    statement:
      "An open appeal whose officer is absent, inactive, gone from the directory, no longer serves the mahalla or has a conflict is reassigned by the same rules (never to the same officer), or unassigned to the district chief's queue when nobody is eligible.",
    source: "policy"
  },
  {
    id: RuleId.escalation,
    statement:
      "An overdue appeal held by a mahalla officer is reassigned to the district's senior inspector; one already held by a senior stays with him under the chief's control.",
    source: "CM resolution No. 40 of 2026 (deadline-violated appeals are scored); ZRU-445 Art. 28"
  },
  {
    id: RuleId.bulkReassign,
    statement:
      "A supervisor reassigns appeals in bulk, to a named officer (refused per appeal when that officer is not eligible) or automatically by these rules; each becomes an audited reassign command.",
    source: "policy"
  },
  {
    id: RuleId.bulkUnassign,
    statement: "A supervisor unassigns appeals in bulk back to the district chief's queue; each becomes an audited unassign command.",
    source: "policy"
  }
]

// ---------------------------------------------------------------------------------------------
// Explanations
// ---------------------------------------------------------------------------------------------

/**
 * Why an officer was excluded. Closed set (see `Errors.ExclusionReason`).
 *
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
 * @example
 * import { Assignment } from "@murojaat/core"
 * Assignment.exclusionText.offDuty.en // "not on duty at that time"
 */
export const exclusionText: Readonly<Record<ExclusionReason, I18n.Text>> = {
  inactive: I18n.text("faol emas", "фаол эмас", "неактивен", "not active"),
  absent: I18n.text("taʼtilda, kasal yoki boshqa sababga koʻra yoʻq", "таътилда, касал ёки бошқа сабабга кўра йўқ", "отсутствует (отпуск, болезнь и т. п.)", "absent (leave, sickness, etc.)"),
  offDuty: I18n.text("bu vaqtda navbatchilikda emas", "бу вақтда навбатчиликда эмас", "не на службе в это время", "not on duty at that time"),
  roleMismatch: I18n.text("kerakli lavozimda emas", "керакли лавозимда эмас", "не та должность", "does not hold the required role"),
  notServingMahalla: I18n.text("bu mahallaga xizmat koʻrsatmaydi", "бу маҳаллага хизмат кўрсатмайди", "не обслуживает эту махаллю", "does not serve the mahalla"),
  subjectOfComplaint: I18n.text("shikoyat uning ustidan", "шикоят унинг устидан", "жалоба на него", "the complaint is about this officer"),
  declaredConflict: I18n.text("manfaatlar toʻqnashuvi eʼlon qilingan", "манфаатлар тўқнашуви эълон қилинган", "заявлен конфликт интересов", "declared conflict of interest"),
  currentAssignee: I18n.text("murojaat hozir unda", "мурожаат ҳозир унда", "обращение сейчас у него", "already holds the appeal")
}

/**
 * Where a candidate comes from: the mahalla's own officers, or the district's senior inspectors.
 *
 * @example
 * import { Assignment } from "@murojaat/core"
 * const t: Assignment.Tier = "districtSenior"
 */
export type Tier = "mahalla" | "districtSenior"

/**
 * One officer looked at, with his exclusions (empty: eligible) and workload.
 *
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
 * @example
 * import { Assignment } from "@murojaat/core"
 * const e: Assignment.Explanation = { appealId: "A-1", at: "2026-03-18T06:00:00Z", priority: "normal", requiredRole: "preventionInspector", stages: [], compared: [], chosen: undefined, rules: [] }
 */
export interface Explanation {
  readonly appealId: string
  readonly at: string
  readonly priority: Priority
  readonly requiredRole: Directory.OfficerRole
  readonly stages: ReadonlyArray<Stage>
  readonly compared: ReadonlyArray<{ readonly officerId: string; readonly load: number; readonly open: number }>
  readonly chosen: string | undefined
  readonly rules: ReadonlyArray<string>
}

/**
 * A successful assignment: the officer, the tier he was found in, the lifecycle command to give,
 * and the explanation.
 *
 * @example
 * import { Assignment } from "@murojaat/core"
 * const f = (a: Assignment.Assigned) => a.command // { type: "assign", appealId, officerId, ruleIds }
 */
export interface Assigned {
  readonly appealId: string
  readonly officerId: string
  readonly tier: Tier
  readonly command: { readonly type: "assign"; readonly appealId: string; readonly officerId: string; readonly ruleIds: ReadonlyArray<string> }
  readonly explanation: Explanation
}

/**
 * The result of one assignment: the chosen officer, or `NoEligibleInspector` (the district chief's
 * queue) with its reason and what was excluded.
 *
 * @example
 * import { Assignment } from "@murojaat/core"
 * const f = (r: Assignment.Result) => (r._tag === "Right" ? r.right.officerId : r.left.reason)
 */
export type Result = Either.Either<Assigned, Errors.NoEligibleInspector>

// ---------------------------------------------------------------------------------------------
// Index and workload
// ---------------------------------------------------------------------------------------------

interface Times {
  readonly duty: ReadonlyArray<readonly [number, number]>
  readonly absences: ReadonlyArray<readonly [number, number]>
}

/**
 * The directory indexed for assignment: officers by id, by mahalla they list, and the senior
 * inspectors and district chiefs by district; duty periods and absences parsed once. Build it once
 * per directory version.
 *
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
  readonly times: ReadonlyMap<string, Times>
}

const push = <K, V>(m: Map<K, Array<V>>, k: K, v: V) => {
  const xs = m.get(k)
  if (xs === undefined) m.set(k, [v])
  else xs.push(v)
}

const byOfficerId = (a: Directory.Officer, b: Directory.Officer) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)

const span = (p: { readonly from: string; readonly to: string }) => [Date.parse(p.from), Date.parse(p.to)] as const

/**
 * Builds the {@link Index} of a directory (linear in its size).
 *
 * @example
 * import { Assignment } from "@murojaat/core"
 * Assignment.makeIndex({ regions: [], districts: [], mahallas: [], officers: [] }).byMahalla.size // 0
 */
export const makeIndex = (directory: Directory.Directory): Index => {
  const byId = new Map<string, Directory.Officer>()
  const byMahalla = new Map<string, Array<Directory.Officer>>()
  const seniors = new Map<string, Array<Directory.Officer>>()
  const chiefs = new Map<string, Array<Directory.Officer>>()
  const times = new Map<string, Times>()
  for (const o of directory.officers) {
    byId.set(o.id, o)
    times.set(o.id, { duty: o.duty.map(span), absences: o.absences.map(span) })
    for (const m of new Set(o.mahallas)) push(byMahalla, m, o)
    if (o.roles.includes("seniorInspector")) push(seniors, o.districtCode, o)
    if (o.roles.includes("districtChief")) push(chiefs, o.districtCode, o)
  }
  for (const m of [byMahalla, seniors, chiefs]) for (const xs of m.values()) xs.sort(byOfficerId)
  return {
    directory,
    byId,
    byMahalla,
    seniorsByDistrict: seniors,
    chiefsByDistrict: chiefs,
    mahallaDistrict: new Map(directory.mahallas.map((m) => [m.code, m.districtCode])),
    times
  }
}

/**
 * An officer's open workload: the weighted sum and the count of his open appeals.
 *
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
 * @example
 * import { Assignment } from "@murojaat/core"
 * const l: Assignment.Loads = new Map([["O-1", { weighted: 1, count: 1 }]])
 */
export type Loads = ReadonlyMap<string, Load>

const zero: Load = { weighted: 0, count: 0 }

const addLoad = (m: Map<string, Load>, officerId: string, weight: number, count: 1 | -1) => {
  const l = m.get(officerId) ?? zero
  m.set(officerId, { weighted: l.weighted + count * weight, count: l.count + count })
}

/**
 * Computes the workloads from the open appeals and the priority weights.
 *
 * @example
 * import { Assignment } from "@murojaat/core"
 * Assignment.loads([{ officerId: "O-1", priority: "urgent" }, { officerId: "O-1", priority: "low" }]).get("O-1") // { weighted: 4.5, count: 2 }
 */
export const loads = (
  open: ReadonlyArray<{ readonly officerId: string; readonly priority: Priority }>,
  policy: Settings = defaults
): Loads => {
  const m = new Map<string, Load>()
  for (const a of open) addLoad(m, a.officerId, policy.weights[a.priority], 1)
  return m
}

// ---------------------------------------------------------------------------------------------
// Duty and eligibility
// ---------------------------------------------------------------------------------------------

const inside = (t: number, spans: ReadonlyArray<readonly [number, number]>) => spans.some(([from, to]) => from <= t && t < to)

/**
 * An officer's duty status at an instant: `inactive`, `absent` (absences always win), `offDuty`
 * or `onDuty`. With explicit duty periods he is on duty inside them; without, in working time
 * (the `isWorkingTime` setting).
 *
 * @example
 * import { Assignment, Directory } from "@murojaat/core"
 * const o = { id: "O-1", active: true, duty: [], absences: [] } as unknown as Directory.Officer
 * Assignment.dutyStatus(o, "2026-03-18T06:00:00Z") // "onDuty"
 */
export const dutyStatus = (
  officer: Directory.Officer,
  at: string,
  policy: Settings = defaults
): "inactive" | "absent" | "offDuty" | "onDuty" => statusWith(officer, { duty: officer.duty.map(span), absences: officer.absences.map(span) }, Date.parse(at), () => policy.isWorkingTime(at))

const statusWith = (o: Directory.Officer, times: Times, t: number, working: () => boolean) =>
  o.active === false
    ? "inactive"
    : inside(t, times.absences)
      ? "absent"
      : (times.duty.length > 0 ? inside(t, times.duty) : working())
        ? "onDuty"
        : "offDuty"

/**
 * The role an appeal needs: its `role`, else `roleFor(category)`, else the prevention inspector.
 *
 * @example
 * import { Assignment } from "@murojaat/core"
 * Assignment.requiredRole({ category: "familyConflict" }) // "womensAffairsInspector"
 * Assignment.requiredRole({ category: "domesticViolence" }) // "preventionInspector"
 */
export const requiredRole = (appeal: Pick<AppealInput, "role" | "category">, policy: Settings = defaults): Directory.OfficerRole =>
  appeal.role ?? (appeal.category !== undefined ? policy.roleFor(appeal.category) : undefined) ?? "preventionInspector"

const roleChain = (role: Directory.OfficerRole, policy: Settings): ReadonlyArray<Directory.OfficerRole> => [
  ...new Set([role, ...(policy.roleFallbacks[role] ?? [])])
]

interface Ctx {
  readonly index: Index
  readonly appeal: AppealInput
  readonly at: string
  readonly t: number
  readonly policy: Settings
  readonly loads: Loads
  readonly exclude: ReadonlySet<string>
  readonly working: () => boolean
  readonly usedWorkingTime: () => boolean
}

const makeCtx = (index: Index, appeal: AppealInput, at: string, policy: Settings, loads: Loads, exclude: ReadonlySet<string>): Ctx => {
  let working: boolean | undefined
  return {
    index,
    appeal,
    at,
    t: Date.parse(at),
    policy,
    loads,
    exclude,
    working: () => (working ??= policy.isWorkingTime(at)),
    usedWorkingTime: () => working !== undefined
  }
}

const exclusionsOf = (ctx: Ctx, o: Directory.Officer, roles: ReadonlyArray<Directory.OfficerRole>): Array<ExclusionReason> => {
  const { appeal } = ctx
  const out: Array<ExclusionReason> = []
  // Coverage is judged apart from activity, so an inactive officer is reported as `inactive` only.
  const territory = o.active === false ? { ...o, active: true } : o
  if (!Directory.serves(territory, appeal.mahallaCode as Directory.MahallaCode, appeal.districtCode as Directory.DistrictCode)) {
    out.push("notServingMahalla")
  }
  if (!roles.some((r) => o.roles.includes(r))) out.push("roleMismatch")
  const status = statusWith(o, ctx.index.times.get(o.id) ?? { duty: [], absences: [] }, ctx.t, ctx.working)
  if (status === "inactive" || status === "absent") out.push(status)
  else if (status === "offDuty" && (appeal.priority === "urgent" || !ctx.policy.nonUrgentOffShift)) out.push("offDuty")
  if (o.id === appeal.subjectOfficerId) out.push("subjectOfComplaint")
  if (appeal.applicantRef !== undefined && o.conflicts.some((c) => c.applicantRef === appeal.applicantRef)) out.push("declaredConflict")
  if (ctx.exclude.has(o.id)) out.push("currentAssignee")
  return out
}

const consider = (ctx: Ctx, o: Directory.Officer, roles: ReadonlyArray<Directory.OfficerRole>): Considered => {
  const l = ctx.loads.get(o.id) ?? zero
  return { officerId: o.id, exclusions: exclusionsOf(ctx, o, roles), load: l.weighted, open: l.count }
}

/**
 * Why an officer may not take the appeal at the instant (empty when he may): coverage, role (any
 * of `roles`), duty, conflicts, and being in `exclude`. Used by the planners to check a target a
 * supervisor names.
 *
 * @example
 * import { Assignment, Directory } from "@murojaat/core"
 * const o = { id: "O-1", roles: ["preventionInspector"], districtCode: "D", mahallas: ["M"], duty: [], absences: [], conflicts: [], active: true } as unknown as Directory.Officer
 * Assignment.exclusions(Assignment.makeIndex({ regions: [], districts: [], mahallas: [], officers: [o] }), o, { appealId: "A", mahallaCode: "M", districtCode: "D", priority: "normal", subjectOfficerId: "O-1" }, { at: "2026-03-18T06:00:00Z" })
 * // ["subjectOfComplaint"]
 */
export const exclusions = (
  index: Index,
  officer: Directory.Officer,
  appeal: AppealInput,
  options: { readonly at: string; readonly settings?: Settings; readonly roles?: ReadonlyArray<Directory.OfficerRole>; readonly exclude?: ReadonlyArray<string> }
): ReadonlyArray<ExclusionReason> => {
  const policy = options.settings ?? defaults
  const ctx = makeCtx(index, appeal, options.at, policy, new Map(), new Set(options.exclude ?? []))
  return exclusionsOf(ctx, officer, options.roles ?? roleChain(requiredRole(appeal, policy), policy))
}

// ---------------------------------------------------------------------------------------------
// Choosing
// ---------------------------------------------------------------------------------------------

const better = (a: Considered, b: Considered) =>
  a.load < b.load || (a.load === b.load && a.officerId < b.officerId)

// How far the best excluded officer got through the checks decides the typed reason.
const reasonRank: Readonly<Record<ExclusionReason, number>> = {
  notServingMahalla: 0,
  roleMismatch: 1,
  inactive: 2,
  absent: 2,
  offDuty: 2,
  subjectOfComplaint: 3,
  declaredConflict: 3,
  currentAssignee: 4
}
const reasonByRank: ReadonlyArray<Errors.NoCandidateReason> = [
  "noOfficerServesMahalla",
  "noOfficerWithRole",
  "noneOnDuty",
  "conflictOfInterest",
  "onlyCurrentAssignee"
]

const failureReason = (stages: ReadonlyArray<Stage>): Errors.NoCandidateReason => {
  let best = 0
  for (const s of stages)
    for (const c of s.considered) best = Math.max(best, Math.min(...c.exclusions.map((e) => reasonRank[e])))
  return reasonByRank[best]!
}

// A district-wide role (senior inspector, district chief) serves every mahalla of its district.
const withDistrictWide = (index: Index, own: ReadonlyArray<Directory.Officer>, role: Directory.OfficerRole, district: string) => {
  const wide = role === "seniorInspector" ? index.seniorsByDistrict : role === "districtChief" ? index.chiefsByDistrict : undefined
  const extra = (wide?.get(district) ?? []).filter((o) => !own.includes(o))
  return extra.length === 0 ? own : [...own, ...extra].sort(byOfficerId)
}

/**
 * Options of one assignment: the instant (`at`, an ISO-8601 instant: time is an input), the
 * workloads, the settings, officers to leave out (the current holder on reassignment), and the
 * tiers to search (escalation searches only the district's seniors).
 *
 * @example
 * import { Assignment } from "@murojaat/core"
 * const o: Assignment.Options = { at: "2026-03-18T06:00:00Z" }
 */
export interface Options {
  readonly at: string
  readonly loads?: Loads
  readonly settings?: Settings
  readonly exclude?: ReadonlyArray<string>
  readonly tiers?: ReadonlyArray<Tier>
}

/**
 * Chooses the officer for one appeal, with its explanation; `Left(NoEligibleInspector)` sends it
 * to the district chief's queue with the reason. Pure and deterministic.
 *
 * @example
 * import { Assignment } from "@murojaat/core"
 * const index = Assignment.makeIndex({ regions: [], districts: [], mahallas: [], officers: [] })
 * const r = Assignment.assign(index, { appealId: "A-1", mahallaCode: "M", districtCode: "D", priority: "normal" }, { at: "2026-03-18T06:00:00Z" })
 * r._tag === "Left" && r.left.reason // "unknownMahalla"
 */
export const assign = (index: Index, appeal: AppealInput, options: Options): Result => {
  const policy = options.settings ?? defaults
  const ctx = makeCtx(index, appeal, options.at, policy, options.loads ?? new Map(), new Set(options.exclude ?? []))
  const role = requiredRole(appeal, policy)
  const tiers = options.tiers ?? ["mahalla", "districtSenior"]
  const applied: Array<string> = [RuleId.coverage, RuleId.role, RuleId.duty]
  if (appeal.priority === "urgent") applied.push(RuleId.urgent)
  else if (policy.nonUrgentOffShift) applied.push(RuleId.offShift)
  if (appeal.subjectOfficerId !== undefined) applied.push(RuleId.subject)
  if (appeal.applicantRef !== undefined) applied.push(RuleId.declared)
  const stages: Array<Stage> = []
  const explanation = (compared: ReadonlyArray<Considered>, chosen: string | undefined): Explanation => ({
    appealId: appeal.appealId,
    at: options.at,
    priority: appeal.priority,
    requiredRole: role,
    stages,
    compared: compared.map((c) => ({ officerId: c.officerId, load: c.load, open: c.open })),
    chosen,
    rules: applied
  })

  const knownDistrict = index.mahallaDistrict.get(appeal.mahallaCode)
  if (knownDistrict === appeal.districtCode) {
    const plan: Array<{ tier: Tier; role: Directory.OfficerRole; officers: ReadonlyArray<Directory.Officer> }> = []
    if (tiers.includes("mahalla")) {
      const own = index.byMahalla.get(appeal.mahallaCode) ?? []
      for (const r of roleChain(role, policy)) plan.push({ tier: "mahalla", role: r, officers: withDistrictWide(index, own, r, appeal.districtCode) })
    }
    if (tiers.includes("districtSenior")) {
      plan.push({ tier: "districtSenior", role: "seniorInspector", officers: index.seniorsByDistrict.get(appeal.districtCode) ?? [] })
    }
    for (const [i, step] of plan.entries()) {
      const considered = step.officers.map((o) => consider(ctx, o, [step.role]))
      stages.push({ tier: step.tier, role: step.role, considered })
      const eligible = considered.filter((c) => c.exclusions.length === 0)
      if (ctx.usedWorkingTime() && !applied.includes(RuleId.workingHours)) applied.push(RuleId.workingHours)
      if (eligible.length === 0) continue
      if (i > 0 && step.tier === "mahalla") applied.push(RuleId.roleFallback)
      if (step.tier === "districtSenior" && tiers.includes("mahalla")) applied.push(RuleId.senior)
      const compared = [...eligible].sort((a, b) => (better(a, b) ? -1 : 1))
      const chosen = compared[0]!
      applied.push(RuleId.load)
      if (compared[1]?.load === chosen.load) applied.push(RuleId.tieBreak)
      return Either.right({
        appealId: appeal.appealId,
        officerId: chosen.officerId,
        tier: step.tier,
        command: { type: "assign", appealId: appeal.appealId, officerId: chosen.officerId, ruleIds: applied },
        explanation: explanation(compared, chosen.officerId)
      })
    }
  }
  applied.push(RuleId.chiefQueue)
  const chiefs = (index.chiefsByDistrict.get(appeal.districtCode) ?? []).filter(
    (o) => o.active !== false && o.id !== appeal.subjectOfficerId
  )
  return Either.left(
    new Errors.NoEligibleInspector({
      appealId: appeal.appealId,
      mahallaCode: appeal.mahallaCode,
      districtCode: appeal.districtCode,
      reason: knownDistrict === appeal.districtCode ? failureReason(stages) : "unknownMahalla",
      chiefOfficerIds: chiefs.map((o) => o.id),
      excluded: stages.flatMap((s) =>
        s.considered.map((c) => ({ officerId: c.officerId, tier: s.tier, role: s.role, reasons: c.exclusions }))
      ),
      rules: applied
    })
  )
}

/**
 * Builds the index and workloads and assigns one appeal: the simple entry point (the CLI uses it).
 * For many appeals, build the index once and use {@link assign} or {@link assignAll}.
 *
 * @example
 * import { Assignment } from "@murojaat/core"
 * Assignment.choose({ regions: [], districts: [], mahallas: [], officers: [] }, { appealId: "A-1", mahallaCode: "M", districtCode: "D", priority: "low" }, { at: "2026-03-18T06:00:00Z" })._tag // "Left"
 */
export const choose = (
  directory: Directory.Directory,
  appeal: AppealInput,
  options: { readonly at: string; readonly open?: ReadonlyArray<OpenAppeal>; readonly settings?: Settings }
): Result => {
  const policy = options.settings ?? defaults
  return assign(makeIndex(directory), appeal, { at: options.at, settings: policy, loads: loads(options.open ?? [], policy) })
}

/**
 * Assigns appeals one after another, as they arrive, each seeing the workload the previous ones
 * added. Returns the results in order and the final workloads.
 *
 * @example
 * import { Assignment } from "@murojaat/core"
 * const index = Assignment.makeIndex({ regions: [], districts: [], mahallas: [], officers: [] })
 * Assignment.assignAll(index, [], { at: "2026-03-18T06:00:00Z" }).results.length // 0
 */
export const assignAll = (
  index: Index,
  appeals: ReadonlyArray<AppealInput>,
  options: Omit<Options, "exclude" | "tiers">
): { readonly results: ReadonlyArray<Result>; readonly loads: Loads } => {
  const policy = options.settings ?? defaults
  const current = new Map(options.loads ?? [])
  const results = appeals.map((a) => {
    const r = assign(index, a, { ...options, loads: current })
    if (Either.isRight(r)) addLoad(current, r.right.officerId, policy.weights[a.priority], 1)
    return r
  })
  return { results, loads: current }
}

// ---------------------------------------------------------------------------------------------
// Reassignment planning
// ---------------------------------------------------------------------------------------------

/**
 * A lifecycle command produced by the planners. The lifecycle records each as an audited
 * `reassigned` / `unassigned` event.
 *
 * @example
 * import { Assignment } from "@murojaat/core"
 * const c: Assignment.PlannedCommand = { type: "unassign", appealId: "A-1", reason: "bulk:district merger" }
 */
export type PlannedCommand =
  | { readonly type: "reassign"; readonly appealId: string; readonly officerId: string; readonly reason: string }
  | { readonly type: "unassign"; readonly appealId: string; readonly reason: string }

/**
 * What a planner decided for one appeal: kept, reassigned (with the new officer), unassigned to
 * the chief's queue, or refused (a supervisor named an ineligible officer), with the why.
 *
 * @example
 * import { Assignment } from "@murojaat/core"
 * const s: Assignment.Step = { appealId: "A-1", previousOfficerId: "O-1", action: "keep", reason: "escalation:alreadySenior" }
 */
export interface Step {
  readonly appealId: string
  readonly previousOfficerId: string
  readonly action: "keep" | "reassign" | "unassign" | "refused"
  readonly officerId?: string
  readonly reason: string
  readonly exclusions?: ReadonlyArray<ExclusionReason>
  readonly explanation?: Explanation
  readonly error?: Errors.NoEligibleInspector
}

/**
 * A plan: the commands to give, one step per appeal looked at, and the workloads after it.
 *
 * @example
 * import { Assignment } from "@murojaat/core"
 * const f = (p: Assignment.Plan) => p.commands.length
 */
export interface Plan {
  readonly commands: ReadonlyArray<PlannedCommand>
  readonly steps: ReadonlyArray<Step>
  readonly loads: Loads
}

const priorityOrder: Readonly<Record<Priority, number>> = { urgent: 0, high: 1, normal: 2, low: 3 }

// Urgent first, so the most pressing appeals get the best choice; then by id, for determinism.
const planningOrder = (a: OpenAppeal, b: OpenAppeal) =>
  priorityOrder[a.priority] - priorityOrder[b.priority] || (a.appealId < b.appealId ? -1 : a.appealId > b.appealId ? 1 : 0)

interface PlanOptions {
  readonly at: string
  readonly settings?: Settings
}

// Moves each selected appeal off its officer by the assignment rules; `reasonOf` says why.
const planMoves = (
  index: Index,
  open: ReadonlyArray<OpenAppeal>,
  options: PlanOptions,
  pick: (a: OpenAppeal) => { readonly reason: string; readonly tiers?: ReadonlyArray<Tier> } | { readonly keep: string } | undefined
): Plan => {
  const policy = options.settings ?? defaults
  const current = new Map(loads(open, policy))
  const commands: Array<PlannedCommand> = []
  const steps: Array<Step> = []
  for (const a of [...open].sort(planningOrder)) {
    const decision = pick(a)
    if (decision === undefined) continue
    if ("keep" in decision) {
      steps.push({ appealId: a.appealId, previousOfficerId: a.officerId, action: "keep", reason: decision.keep })
      continue
    }
    const weight = policy.weights[a.priority]
    addLoad(current, a.officerId, weight, -1)
    const r = assign(index, a, { at: options.at, settings: policy, loads: current, exclude: [a.officerId], ...(decision.tiers ? { tiers: decision.tiers } : {}) })
    if (Either.isRight(r)) {
      addLoad(current, r.right.officerId, weight, 1)
      commands.push({ type: "reassign", appealId: a.appealId, officerId: r.right.officerId, reason: decision.reason })
      steps.push({ appealId: a.appealId, previousOfficerId: a.officerId, action: "reassign", officerId: r.right.officerId, reason: decision.reason, explanation: r.right.explanation })
    } else if (decision.tiers !== undefined) {
      // Escalation found no senior: the appeal stays with its officer, under the chief's control.
      addLoad(current, a.officerId, weight, 1)
      steps.push({ appealId: a.appealId, previousOfficerId: a.officerId, action: "keep", reason: `${decision.reason};noEligibleInspector:${r.left.reason}`, error: r.left })
    } else {
      const reason = `${decision.reason};noEligibleInspector:${r.left.reason}`
      commands.push({ type: "unassign", appealId: a.appealId, reason })
      steps.push({ appealId: a.appealId, previousOfficerId: a.officerId, action: "unassign", reason, error: r.left })
    }
  }
  return { commands, steps, loads: current }
}

/**
 * Why an officer can no longer hold an open appeal at the instant, or `undefined` when he still
 * can: gone from the directory, inactive, absent (with the absence reason), no longer serving the
 * mahalla, or in conflict. Being off shift is not a reason: shifts end every day.
 *
 * @example
 * import { Assignment } from "@murojaat/core"
 * const index = Assignment.makeIndex({ regions: [], districts: [], mahallas: [], officers: [] })
 * Assignment.holdProblem(index, { appealId: "A", mahallaCode: "M", districtCode: "D", priority: "low", officerId: "O-1" }, "2026-03-18T06:00:00Z")
 * // "dutyChange:notInDirectory"
 */
export const holdProblem = (index: Index, a: OpenAppeal, at: string): string | undefined => {
  const o = index.byId.get(a.officerId)
  if (o === undefined) return "dutyChange:notInDirectory"
  if (o.active === false) return "dutyChange:inactive"
  const t = Date.parse(at)
  const absence = o.absences.find((p) => Date.parse(p.from) <= t && t < Date.parse(p.to))
  if (absence !== undefined) return `dutyChange:absent:${absence.reason}`
  if (!Directory.serves(o, a.mahallaCode as Directory.MahallaCode, a.districtCode as Directory.DistrictCode)) return "dutyChange:notServingMahalla"
  if (o.id === a.subjectOfficerId) return "conflictOfInterest:subjectOfComplaint"
  if (a.applicantRef !== undefined && o.conflicts.some((c) => c.applicantRef === a.applicantRef)) return "conflictOfInterest:declared"
  return undefined
}

/**
 * Plans the reassignments that duty changes require at the instant: every open appeal whose
 * officer can no longer hold it ({@link holdProblem}) is reassigned by the assignment rules (never
 * to the same officer), or unassigned to the district chief's queue when nobody is eligible.
 * Appeals whose officer can still hold them are not touched. Rule `reassignment.dutyChange`.
 *
 * @example
 * import { Assignment } from "@murojaat/core"
 * const index = Assignment.makeIndex({ regions: [], districts: [], mahallas: [], officers: [] })
 * Assignment.planDutyChanges(index, [{ appealId: "A", mahallaCode: "M", districtCode: "D", priority: "low", officerId: "O-1" }], { at: "2026-03-18T06:00:00Z" }).commands[0]?.type // "unassign"
 */
export const planDutyChanges = (index: Index, open: ReadonlyArray<OpenAppeal>, options: PlanOptions): Plan =>
  planMoves(index, open, options, (a) => {
    const reason = holdProblem(index, a, options.at)
    return reason === undefined ? undefined : { reason }
  })

/**
 * Plans escalation of overdue appeals (given by id with the overdue reason, e.g.
 * `"overdue:consideration"`): one held by a mahalla officer is reassigned to the district's
 * senior inspector; one already held by a senior inspector (or when no senior is eligible) stays,
 * under the chief's control through the lifecycle's `escalate` command. Rule
 * `reassignment.escalation`.
 *
 * @example
 * import { Assignment } from "@murojaat/core"
 * const index = Assignment.makeIndex({ regions: [], districts: [], mahallas: [], officers: [] })
 * Assignment.planEscalation(index, [], [], { at: "2026-03-18T06:00:00Z" }).steps.length // 0
 */
export const planEscalation = (
  index: Index,
  open: ReadonlyArray<OpenAppeal>,
  overdue: ReadonlyArray<{ readonly appealId: string; readonly reason: string }>,
  options: PlanOptions
): Plan => {
  const why = new Map(overdue.map((o) => [o.appealId, o.reason]))
  return planMoves(index, open, options, (a) => {
    const reason = why.get(a.appealId)
    if (reason === undefined) return undefined
    if (index.byId.get(a.officerId)?.roles.includes("seniorInspector")) return { keep: `escalation:${reason};alreadySenior` }
    return { reason: `escalation:${reason}`, tiers: ["districtSenior"] }
  })
}

/**
 * A supervisor's bulk request: reassign the listed appeals to a named officer (`to`) or
 * automatically by the rules, or unassign them to the district chief's queue. `reason` is recorded
 * on every command (prefixed `bulk:`).
 *
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
 * @example
 * import { Assignment } from "@murojaat/core"
 * const index = Assignment.makeIndex({ regions: [], districts: [], mahallas: [], officers: [] })
 * Assignment.planBulk(index, [], { kind: "unassign", appealIds: ["A-9"], reason: "x" }, { at: "2026-03-18T06:00:00Z" })._tag // "Left"
 */
export const planBulk = (
  index: Index,
  open: ReadonlyArray<OpenAppeal>,
  request: BulkRequest,
  options: PlanOptions
): Either.Either<Plan, Errors.AppealNotFound | Errors.OfficerNotFound> => {
  const policy = options.settings ?? defaults
  const byId = new Map(open.map((a) => [a.appealId, a]))
  const missing = request.appealIds.find((id) => !byId.has(id))
  if (missing !== undefined) return Either.left(new Errors.AppealNotFound({ appealId: missing }))
  const selected = new Set(request.appealIds)
  const reason = `bulk:${request.reason}`
  if (request.kind === "unassign") {
    const chosen = [...open].filter((a) => selected.has(a.appealId)).sort(planningOrder)
    const current = new Map(loads(open, policy))
    for (const a of chosen) addLoad(current, a.officerId, policy.weights[a.priority], -1)
    return Either.right({
      commands: chosen.map((a) => ({ type: "unassign", appealId: a.appealId, reason })),
      steps: chosen.map((a) => ({ appealId: a.appealId, previousOfficerId: a.officerId, action: "unassign", reason })),
      loads: current
    })
  }
  if (request.to === undefined) return Either.right(planMoves(index, open, options, (a) => (selected.has(a.appealId) ? { reason } : undefined)))
  const target = index.byId.get(request.to)
  if (target === undefined) return Either.left(new Errors.OfficerNotFound({ officerId: request.to }))
  const current = new Map(loads(open, policy))
  const commands: Array<PlannedCommand> = []
  const steps: Array<Step> = []
  for (const a of [...open].filter((x) => selected.has(x.appealId)).sort(planningOrder)) {
    if (a.officerId === target.id) {
      steps.push({ appealId: a.appealId, previousOfficerId: a.officerId, action: "keep", reason: `${reason};alreadyHeld` })
      continue
    }
    const roles = [...roleChain(requiredRole(a, policy), policy), "seniorInspector" as const]
    const excluded = exclusions(index, target, a, { at: options.at, settings: policy, roles })
    if (excluded.length > 0) {
      steps.push({ appealId: a.appealId, previousOfficerId: a.officerId, action: "refused", officerId: target.id, reason, exclusions: excluded })
      continue
    }
    addLoad(current, a.officerId, policy.weights[a.priority], -1)
    addLoad(current, target.id, policy.weights[a.priority], 1)
    commands.push({ type: "reassign", appealId: a.appealId, officerId: target.id, reason })
    steps.push({ appealId: a.appealId, previousOfficerId: a.officerId, action: "reassign", officerId: target.id, reason })
  }
  return Either.right({ commands, steps, loads: current })
}
