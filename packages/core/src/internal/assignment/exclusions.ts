/**
 * Assignment's eligibility: why an officer may not take an appeal at an instant. Coverage, presence
 * and conflicts are the shared eligibility module's (internal/eligibility.ts); the role and the
 * current holder are assignment's own.
 */
import type * as Assignment from "../../Assignment.js"
import type * as Directory from "../../Directory.js"
import type * as Errors from "../../Errors.js"
import * as Eligibility from "../eligibility.js"
import { spansIn } from "./directoryIndex.js"
import { defaultSettings, workingTimeAt } from "./settings.js"

export const requiredRole = (appeal: Pick<Assignment.AppealInput, "role" | "category">, settings: Assignment.Settings = defaultSettings): Directory.OfficerRole =>
  appeal.role ?? (appeal.category !== undefined ? settings.roleFor(appeal.category) : undefined) ?? "preventionInspector"

export const roleChain = (role: Directory.OfficerRole, settings: Assignment.Settings): ReadonlyArray<Directory.OfficerRole> => [
  ...new Set([role, ...(settings.roleFallbacks[role] ?? [])])
]

/** One assignment's context: the instant read once, working time asked at most once. */
export interface Ctx {
  readonly index: Assignment.Index
  readonly appeal: Assignment.AppealInput
  readonly at: Directory.Instant
  readonly t: number
  readonly settings: Assignment.Settings
  readonly loads: Assignment.Loads
  readonly exclude: ReadonlySet<string>
  readonly working: () => boolean
  readonly usedWorkingTime: () => boolean
}

export const makeCtx = (
  index: Assignment.Index,
  appeal: Assignment.AppealInput,
  at: Directory.Instant,
  settings: Assignment.Settings,
  loads: Assignment.Loads,
  exclude: ReadonlySet<string>
): Ctx => {
  let working: boolean | undefined
  const t = Eligibility.epochOf(at)
  return {
    index,
    appeal,
    at,
    t,
    settings,
    loads,
    exclude,
    working: () => (working ??= workingTimeAt(settings, t)),
    usedWorkingTime: () => working !== undefined
  }
}

export const exclusionsOf = (ctx: Ctx, o: Directory.Officer, roles: ReadonlyArray<Directory.OfficerRole>): Array<Errors.ExclusionReason> => {
  const { appeal } = ctx
  const out: Array<Errors.ExclusionReason> = []
  // Coverage is judged apart from activity, so an inactive officer is reported as `inactive` only.
  if (!Eligibility.coversPlace(o, appeal)) out.push("notServingMahalla")
  if (!roles.some((r) => o.roles.includes(r))) out.push("roleMismatch")
  const status = Eligibility.presence(o, spansIn(ctx.index, o), ctx.t, ctx.working)
  if (status === "inactive" || status === "absent") out.push(status)
  else if (status === "offDuty" && (appeal.priority === "urgent" || !ctx.settings.nonUrgentOffShift)) out.push("offDuty")
  if (Eligibility.isSubjectOfComplaint(o, appeal)) out.push("subjectOfComplaint")
  if (Eligibility.hasDeclaredConflict(o, appeal)) out.push("declaredConflict")
  if (ctx.exclude.has(o.id)) out.push("currentAssignee")
  return out
}

export const exclusions = (
  index: Assignment.Index,
  officer: Directory.Officer,
  appeal: Assignment.AppealInput,
  options: {
    readonly at: Directory.Instant
    readonly settings?: Assignment.Settings
    readonly roles?: ReadonlyArray<Directory.OfficerRole>
    readonly exclude?: ReadonlyArray<string>
  }
): ReadonlyArray<Errors.ExclusionReason> => {
  const settings = options.settings ?? defaultSettings
  const ctx = makeCtx(index, appeal, options.at, settings, new Map(), new Set(options.exclude ?? []))
  return exclusionsOf(ctx, officer, options.roles ?? roleChain(requiredRole(appeal, settings), settings))
}

export const dutyStatus = (officer: Directory.Officer, at: Directory.Instant, settings: Assignment.Settings = defaultSettings): Eligibility.Presence => {
  const t = Eligibility.epochOf(at)
  return Eligibility.presence(officer, Eligibility.spansOf(officer), t, () => workingTimeAt(settings, t))
}
