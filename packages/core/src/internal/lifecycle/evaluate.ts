/**
 * Evaluating a command's grant, once: the access policy (who) first, then each rule in order, giving
 * the acting role or the first refusal. The public `AppealMachine.evaluate` passes its tables.
 */
import type * as AppealMachine from "../../AppealMachine.js"
import * as Policy from "../../Policy.js"

// What the policy checks the actor against: a `receive` has no appeal yet, so its place and
// people come from the intake.
const scopeOf = (input: AppealMachine.RuleInput): Policy.Scope => {
  const { command } = input
  return command.type === "receive"
    ? {
        mahallaCode: command.intake.location.mahallaCode,
        districtCode: command.intake.location.districtCode,
        applicantRef: command.intake.applicantRef,
        subjectOfficerId: command.intake.subjectOfficerId
      }
    : input.state
}

export const evaluate = (
  grant: AppealMachine.Grant,
  guards: { readonly [K in AppealMachine.GuardId]: AppealMachine.Rule },
  input: AppealMachine.RuleInput
): AppealMachine.Verdict => {
  const decision = Policy.check(grant.who, input.ctx.actor, scopeOf(input))
  if (!decision.ok) return { ok: false, refusal: decision.reason }
  for (const id of grant.rules) {
    if (!guards[id].holds(input)) return { ok: false, refusal: "rule", rule: id }
  }
  return { ok: true, role: decision.role }
}
