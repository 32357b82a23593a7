/**
 * Reassignment planners: duty changes, escalation of overdue appeals, a supervisor's bulk request.
 * Each step carries a typed reason ({@link Assignment.StepReason}); the text recorded on the
 * lifecycle command is rendered from it by {@link reasonText}, in one place.
 */
import { Either } from "effect"
import type * as Assignment from "../../Assignment.js"
import type * as Directory from "../../Directory.js"
import * as Errors from "../../Errors.js"
import * as Eligibility from "../eligibility.js"
import { assign } from "./choice.js"
import { spansIn } from "./directoryIndex.js"
import { exclusions, requiredRole, roleChain } from "./exclusions.js"
import { defaultSettings } from "./settings.js"
import { addLoad, loads } from "./workload.js"

const problemText: Readonly<Record<Assignment.DutyProblem, string>> = {
  notInDirectory: "dutyChange:notInDirectory",
  inactive: "dutyChange:inactive",
  absent: "dutyChange:absent",
  notServingMahalla: "dutyChange:notServingMahalla",
  subjectOfComplaint: "conflictOfInterest:subjectOfComplaint",
  declaredConflict: "conflictOfInterest:declared"
}

const causeText = (c: Assignment.PlanCause): string => {
  switch (c.planner) {
    case "dutyChange":
      return c.hold.problem === "absent" ? `${problemText.absent}:${c.hold.absence}` : problemText[c.hold.problem]
    case "escalation":
      return `escalation:${c.overdue}`
    case "bulk":
      return `bulk:${c.note}`
  }
}

export const reasonText = (why: Assignment.StepReason): string =>
  causeText(why.cause) +
  (why.kept !== undefined ? `;${why.kept}` : "") +
  (why.noEligibleInspector !== undefined ? `;noEligibleInspector:${why.noEligibleInspector}` : "")

const priorityOrder: Readonly<Record<Assignment.Priority, number>> = { urgent: 0, high: 1, normal: 2, low: 3 }

// Urgent first, so the most pressing appeals get the best choice; then by id, for determinism.
const planningOrder = (a: Assignment.OpenAppeal, b: Assignment.OpenAppeal) =>
  priorityOrder[a.priority] - priorityOrder[b.priority] || (a.appealId < b.appealId ? -1 : a.appealId > b.appealId ? 1 : 0)

type Decision =
  | { readonly move: Assignment.PlanCause; readonly tiers?: ReadonlyArray<Assignment.Tier> }
  | { readonly keep: Assignment.StepReason }
  | undefined

const step = (a: Assignment.OpenAppeal, action: Assignment.Step["action"], why: Assignment.StepReason, extra: Partial<Assignment.Step> = {}): Assignment.Step => ({
  appealId: a.appealId,
  previousOfficerId: a.officerId,
  action,
  ...extra,
  reason: reasonText(why),
  why
})

// Moves each selected appeal off its officer by the assignment rules; `pick` says why.
const planMoves = (
  index: Assignment.Index,
  open: ReadonlyArray<Assignment.OpenAppeal>,
  options: Assignment.PlanOptions,
  pick: (a: Assignment.OpenAppeal) => Decision
): Assignment.Plan => {
  const settings = options.settings ?? defaultSettings
  const current = new Map(loads(open, settings))
  const commands: Array<Assignment.PlannedCommand> = []
  const steps: Array<Assignment.Step> = []
  for (const a of [...open].sort(planningOrder)) {
    const decision = pick(a)
    if (decision === undefined) continue
    if ("keep" in decision) {
      steps.push(step(a, "keep", decision.keep))
      continue
    }
    const weight = settings.weights[a.priority]
    addLoad(current, a.officerId, weight, -1)
    const r = assign(index, a, { at: options.at, settings, loads: current, exclude: [a.officerId], ...(decision.tiers ? { tiers: decision.tiers } : {}) })
    if (Either.isRight(r)) {
      addLoad(current, r.right.officerId, weight, 1)
      const s = step(a, "reassign", { cause: decision.move }, { officerId: r.right.officerId, explanation: r.right.explanation })
      commands.push({ type: "reassign", appealId: a.appealId, officerId: r.right.officerId, reason: s.reason })
      steps.push(s)
    } else if (decision.tiers !== undefined) {
      // Escalation found no senior: the appeal stays with its officer, under the chief's control.
      addLoad(current, a.officerId, weight, 1)
      steps.push(step(a, "keep", { cause: decision.move, noEligibleInspector: r.left.reason }, { error: r.left }))
    } else {
      const s = step(a, "unassign", { cause: decision.move, noEligibleInspector: r.left.reason }, { error: r.left })
      commands.push({ type: "unassign", appealId: a.appealId, reason: s.reason })
      steps.push(s)
    }
  }
  return { commands, steps, loads: current }
}

export const holdProblem = (index: Assignment.Index, a: Assignment.OpenAppeal, at: Directory.Instant): Assignment.HoldProblem | undefined => {
  const o = index.byId.get(a.officerId)
  if (o === undefined) return { problem: "notInDirectory" }
  if (o.active === false) return { problem: "inactive" }
  const absence = Eligibility.absenceAt(o, spansIn(index, o), Eligibility.epochOf(at))
  if (absence !== undefined) return { problem: "absent", absence }
  if (!Eligibility.coversPlace(o, a)) return { problem: "notServingMahalla" }
  if (Eligibility.isSubjectOfComplaint(o, a)) return { problem: "subjectOfComplaint" }
  if (Eligibility.hasDeclaredConflict(o, a)) return { problem: "declaredConflict" }
  return undefined
}

export const planDutyChanges = (index: Assignment.Index, open: ReadonlyArray<Assignment.OpenAppeal>, options: Assignment.PlanOptions): Assignment.Plan =>
  planMoves(index, open, options, (a) => {
    const hold = holdProblem(index, a, options.at)
    return hold === undefined ? undefined : { move: { planner: "dutyChange", hold } }
  })

export const planEscalation = (
  index: Assignment.Index,
  open: ReadonlyArray<Assignment.OpenAppeal>,
  overdue: ReadonlyArray<{ readonly appealId: string; readonly reason: string }>,
  options: Assignment.PlanOptions
): Assignment.Plan => {
  const why = new Map(overdue.map((o) => [o.appealId, o.reason]))
  return planMoves(index, open, options, (a) => {
    const reason = why.get(a.appealId)
    if (reason === undefined) return undefined
    const cause: Assignment.PlanCause = { planner: "escalation", overdue: reason }
    if (index.byId.get(a.officerId)?.roles.includes("seniorInspector")) return { keep: { cause, kept: "alreadySenior" } }
    return { move: cause, tiers: ["districtSenior"] }
  })
}

export const planBulk = (
  index: Assignment.Index,
  open: ReadonlyArray<Assignment.OpenAppeal>,
  request: Assignment.BulkRequest,
  options: Assignment.PlanOptions
): Either.Either<Assignment.Plan, Errors.AppealNotFound | Errors.OfficerNotFound> => {
  const settings = options.settings ?? defaultSettings
  const byId = new Map(open.map((a) => [a.appealId, a]))
  const missing = request.appealIds.find((id) => !byId.has(id))
  if (missing !== undefined) return Either.left(new Errors.AppealNotFound({ appealId: missing }))
  const selected = new Set(request.appealIds)
  const cause: Assignment.PlanCause = { planner: "bulk", note: request.reason }
  const chosen = [...open].filter((a) => selected.has(a.appealId)).sort(planningOrder)
  if (request.kind === "unassign") {
    const current = new Map(loads(open, settings))
    for (const a of chosen) addLoad(current, a.officerId, settings.weights[a.priority], -1)
    const steps = chosen.map((a) => step(a, "unassign", { cause }))
    return Either.right({ commands: steps.map((s) => ({ type: "unassign", appealId: s.appealId, reason: s.reason })), steps, loads: current })
  }
  if (request.to === undefined) return Either.right(planMoves(index, open, options, (a) => (selected.has(a.appealId) ? { move: cause } : undefined)))
  const target = index.byId.get(request.to)
  if (target === undefined) return Either.left(new Errors.OfficerNotFound({ officerId: request.to }))
  const current = new Map(loads(open, settings))
  const commands: Array<Assignment.PlannedCommand> = []
  const steps: Array<Assignment.Step> = []
  for (const a of chosen) {
    if (a.officerId === target.id) {
      steps.push(step(a, "keep", { cause, kept: "alreadyHeld" }))
      continue
    }
    const roles = [...roleChain(requiredRole(a, settings), settings), "seniorInspector" as const]
    const excluded = exclusions(index, target, a, { at: options.at, settings, roles })
    if (excluded.length > 0) {
      steps.push(step(a, "refused", { cause }, { officerId: target.id, exclusions: excluded }))
      continue
    }
    addLoad(current, a.officerId, settings.weights[a.priority], -1)
    addLoad(current, target.id, settings.weights[a.priority], 1)
    const s = step(a, "reassign", { cause }, { officerId: target.id })
    commands.push({ type: "reassign", appealId: a.appealId, officerId: target.id, reason: s.reason })
    steps.push(s)
  }
  return Either.right({ commands, steps, loads: current })
}
