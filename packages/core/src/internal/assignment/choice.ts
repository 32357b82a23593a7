/**
 * Choosing the officer for an appeal, with its explanation: the stages tried, every officer
 * considered and why he was excluded, the workloads compared, the rule ids.
 */
import { Either } from "effect"
import type * as Assignment from "../../Assignment.js"
import type * as Directory from "../../Directory.js"
import * as Errors from "../../Errors.js"
import { byOfficerId, makeIndex } from "./directoryIndex.js"
import { type Ctx, exclusionsOf, makeCtx, requiredRole, roleChain } from "./exclusions.js"
import { RuleId } from "./rules.js"
import { defaultSettings } from "./settings.js"
import { addLoad, loads, zero } from "./workload.js"

const consider = (ctx: Ctx, o: Directory.Officer, roles: ReadonlyArray<Directory.OfficerRole>): Assignment.Considered => {
  const l = ctx.loads.get(o.id) ?? zero
  return { officerId: o.id, exclusions: exclusionsOf(ctx, o, roles), load: l.weighted, open: l.count }
}

const better = (a: Assignment.Considered, b: Assignment.Considered) => a.load < b.load || (a.load === b.load && a.officerId < b.officerId)

// How far the best excluded officer got through the checks decides the typed reason.
const reasonRank: Readonly<Record<Errors.ExclusionReason, number>> = {
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

const failureReason = (stages: ReadonlyArray<Assignment.Stage>): Errors.NoCandidateReason => {
  let best = 0
  for (const s of stages) for (const c of s.considered) best = Math.max(best, Math.min(...c.exclusions.map((e) => reasonRank[e])))
  return reasonByRank[best]!
}

// A district-wide role (senior inspector, district chief) serves every mahalla of its district.
const withDistrictWide = (index: Assignment.Index, own: ReadonlyArray<Directory.Officer>, role: Directory.OfficerRole, district: string) => {
  const wide = role === "seniorInspector" ? index.seniorsByDistrict : role === "districtChief" ? index.chiefsByDistrict : undefined
  const extra = (wide?.get(district) ?? []).filter((o) => !own.includes(o))
  return extra.length === 0 ? own : [...own, ...extra].sort(byOfficerId)
}

// The refusal as a plain value, the shape of the error's encoding (what a submission's holdup
// carries): a weekend submission meets it as an expected outcome, so no error (schema check, stack
// trace) is built unless it escapes through `assign`.
export type Refusal = { readonly _tag: "NoEligibleInspector" } & ConstructorParameters<typeof Errors.NoEligibleInspector>[0]

export const refusalError = ({ _tag, ...fields }: Refusal): Errors.NoEligibleInspector => new Errors.NoEligibleInspector(fields)

export const assign = (index: Assignment.Index, appeal: Assignment.AppealInput, options: Assignment.Options): Assignment.Result =>
  Either.mapLeft(decide(index, appeal, options), refusalError)

export const decide = (index: Assignment.Index, appeal: Assignment.AppealInput, options: Assignment.Options): Either.Either<Assignment.Assigned, Refusal> => {
  const settings = options.settings ?? defaultSettings
  const ctx = makeCtx(index, appeal, options.at, settings, options.loads ?? new Map(), new Set(options.exclude ?? []))
  const role = requiredRole(appeal, settings)
  const tiers = options.tiers ?? ["mahalla", "districtSenior"]
  const applied: Array<Assignment.RuleId> = [RuleId.coverage, RuleId.role, RuleId.duty]
  if (appeal.priority === "urgent") applied.push(RuleId.urgent)
  else if (settings.nonUrgentOffShift) applied.push(RuleId.offShift)
  if (appeal.subjectOfficerId !== undefined) applied.push(RuleId.subject)
  if (appeal.applicantRef !== undefined) applied.push(RuleId.declared)
  const stages: Array<Assignment.Stage> = []
  const explanation = (compared: ReadonlyArray<Assignment.Considered>, chosen: string | undefined): Assignment.Explanation => ({
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
    const plan: Array<{ tier: Assignment.Tier; role: Directory.OfficerRole; officers: ReadonlyArray<Directory.Officer> }> = []
    if (tiers.includes("mahalla")) {
      const own = index.byMahalla.get(appeal.mahallaCode) ?? []
      for (const r of roleChain(role, settings)) plan.push({ tier: "mahalla", role: r, officers: withDistrictWide(index, own, r, appeal.districtCode) })
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
  const chiefs = (index.chiefsByDistrict.get(appeal.districtCode) ?? []).filter((o) => o.active !== false && o.id !== appeal.subjectOfficerId)
  // Keys in the order encoding the error gives (fields, then the tag): the same document.
  return Either.left({
    appealId: appeal.appealId,
    mahallaCode: appeal.mahallaCode,
    districtCode: appeal.districtCode,
    reason: knownDistrict === appeal.districtCode ? failureReason(stages) : "unknownMahalla",
    chiefOfficerIds: chiefs.map((o) => o.id),
    excluded: stages.flatMap((s) => s.considered.map((c) => ({ officerId: c.officerId, tier: s.tier, role: s.role, reasons: c.exclusions }))),
    rules: applied,
    _tag: "NoEligibleInspector"
  })
}

type ChooseOptions = { readonly at: Directory.Instant; readonly open?: ReadonlyArray<Assignment.OpenAppeal>; readonly loads?: Assignment.Loads; readonly settings?: Assignment.Settings }

// The index of a directory, built once per directory: a snapshot is immutable, and every
// submission of a district asks for the same one (building it parses every officer's duty).
const indexes = new WeakMap<Directory.Directory, Assignment.Index>()
export const indexOf = (directory: Directory.Directory): Assignment.Index => {
  let index = indexes.get(directory)
  if (index === undefined) {
    index = makeIndex(directory)
    indexes.set(directory, index)
  }
  return index
}

// `choose` with the refusal as a plain value (the service's pipeline; see `Refusal`).
export const chooseOrRefuse = (directory: Directory.Directory, appeal: Assignment.AppealInput, options: ChooseOptions): Either.Either<Assignment.Assigned, Refusal> => {
  const settings = options.settings ?? defaultSettings
  return decide(indexOf(directory), appeal, { at: options.at, settings, loads: options.loads ?? loads(options.open ?? [], settings) })
}

export const choose = (directory: Directory.Directory, appeal: Assignment.AppealInput, options: ChooseOptions): Assignment.Result =>
  Either.mapLeft(chooseOrRefuse(directory, appeal, options), refusalError)

export const assignAll = (
  index: Assignment.Index,
  appeals: ReadonlyArray<Assignment.AppealInput>,
  options: Omit<Assignment.Options, "exclude" | "tiers">
): { readonly results: ReadonlyArray<Assignment.Result>; readonly loads: Assignment.Loads } => {
  const settings = options.settings ?? defaultSettings
  const current = new Map(options.loads ?? [])
  const results = appeals.map((a) => {
    const r = assign(index, a, { ...options, loads: current })
    if (Either.isRight(r)) addLoad(current, r.right.officerId, settings.weights[a.priority], 1)
    return r
  })
  return { results, loads: current }
}
