/**
 * The one registry of rules: every rule the core applies, as `{ id, area, source, statement }`,
 * from the tables that apply them: the lifecycle machine (`AppealMachine.rules`, and each command
 * itself, `lifecycle.<command>`), the deadline clocks (`Deadline.rules`), assignment
 * (`Assignment.rules`), the service, preventive measures and protection orders
 * (`PreventiveMeasure.rules`, `ProtectionOrder.rules`), duplicate detection's decision procedure
 * (`Duplicates.rules`), and the built-in triage rules (`Taxonomy.defaults`). Events
 * record these ids, refusals name them (`Errors.RuleViolation`), and docs/rules render their
 * tables from here.
 *
 * The built-in ids form the type {@link Id}, derived from the tables themselves (each is `as const`
 * or keyed), so a typo in a rule id does not compile. Triage rules are operator data: the built-in
 * ones are registered here, and an operator's own ids stay pattern-checked strings
 * (`Taxonomy.RuleId`).
 *
 * @example
 * import { Rule } from "@murojaat/core"
 * Rule.find("extension.once").source // "ZRU-445 Art. 28"
 * Rule.find("consideration.standard").area // "deadline"
 *
 * @since 0.2.0
 */
import * as AppealMachine from "./AppealMachine.js"
import * as Assignment from "./Assignment.js"
import type * as Command from "./Command.js"
import * as Deadline from "./Deadline.js"
import * as Duplicates from "./Duplicates.js"
import * as PreventiveMeasure from "./PreventiveMeasure.js"
import * as ProtectionOrder from "./ProtectionOrder.js"
import * as Taxonomy from "./Taxonomy.js"

// ---------------------------------------------------------------------------------------------
// Ids
// ---------------------------------------------------------------------------------------------

/**
 * The id of a rule of the lifecycle machine (`AppealMachine.rules`).
 *
 * @example
 * import { Rule } from "@murojaat/core"
 * const id: Rule.LifecycleId = "leave.notACrime"
 *
 * @since 0.2.0
 * @category ids
 */
export type LifecycleId = AppealMachine.RuleId

/**
 * The id a lifecycle command records for itself (`lifecycle.answer`): who may give it and from
 * which statuses (`AppealMachine.grants`).
 *
 * @example
 * import { Rule } from "@murojaat/core"
 * const id: Rule.CommandId = "lifecycle.answer"
 *
 * @since 0.2.0
 * @category ids
 */
export type CommandId = `lifecycle.${Command.Type}`

/**
 * The id of a deadline rule (`Deadline.rules`).
 *
 * @example
 * import { Rule } from "@murojaat/core"
 * const id: Rule.DeadlineId = "forwarding.fiveDays"
 *
 * @since 0.2.0
 * @category ids
 */
export type DeadlineId = Deadline.RuleId

/**
 * The id of an assignment rule (`Assignment.rules`).
 *
 * @example
 * import { Rule } from "@murojaat/core"
 * const id: Rule.AssignmentId = "assignment.coverage"
 *
 * @since 0.2.0
 * @category ids
 */
export type AssignmentId = Assignment.RuleId

/**
 * The id of a rule of preventive measures (`PreventiveMeasure.rules`) or protection orders
 * (`ProtectionOrder.rules`): the guards of the prevention commands, when a measure is overdue, and
 * when an order is suggested.
 *
 * @example
 * import { Rule } from "@murojaat/core"
 * const id: Rule.PreventionId = "protectionOrder.breach.whileInForce"
 *
 * @since 0.2.0
 * @category ids
 */
export type PreventionId = PreventiveMeasure.RuleId | ProtectionOrder.RuleId

/**
 * The id of a rule of duplicate detection's decision procedure (`Duplicates.rules`): what a link
 * suggestion names as the reason for its label.
 *
 * @example
 * import { Rule } from "@murojaat/core"
 * const id: Rule.DuplicatesId = "duplicates.repeated"
 *
 * @since 0.2.0
 * @category ids
 */
export type DuplicatesId = Duplicates.RuleId

// Rules the service applies around the machine; no other table states them.
const serviceRules = [
  {
    id: "dispute.personalDataKept",
    source: "ZRU-547 of 2 Jul 2019 (personal data kept no longer than needed, then erased)",
    statement:
      "a dispute opens a repeated appeal with the applicant's data carried over; when that data was erased (retention ended or consent withdrawn), the dispute is refused"
  }
] as const

/**
 * The id of a rule the service applies around the machine.
 *
 * @example
 * import { Rule } from "@murojaat/core"
 * const id: Rule.ServiceId = "dispute.personalDataKept"
 *
 * @since 0.2.0
 * @category ids
 */
export type ServiceId = (typeof serviceRules)[number]["id"]

/**
 * Every built-in rule id but the triage ones (operator data, `Taxonomy.RuleId`): what events,
 * refusals and explanations name.
 *
 * @example
 * import { Rule } from "@murojaat/core"
 * const ids: ReadonlyArray<Rule.Id> = ["extension.once", "consideration.standard", "assignment.load", "lifecycle.answer"]
 *
 * @since 0.2.0
 * @category ids
 */
export type Id = LifecycleId | CommandId | DeadlineId | AssignmentId | ServiceId | PreventionId | DuplicatesId

// ---------------------------------------------------------------------------------------------
// The registry
// ---------------------------------------------------------------------------------------------

/**
 * Where a rule belongs: the lifecycle machine's rules, the lifecycle's commands themselves, the
 * deadline clocks, assignment, the service, prevention (measures and protection orders), duplicate
 * detection (link suggestions), or triage.
 *
 * @example
 * import { Rule } from "@murojaat/core"
 * const a: Rule.Area = "deadline"
 *
 * @since 0.2.0
 * @category models
 */
export type Area = "lifecycle" | "command" | "deadline" | "assignment" | "service" | "prevention" | "duplicates" | "triage"

/**
 * One rule: its id (audit vocabulary), where it belongs, its legal source (law and article, or
 * "Murojaat policy"/"Murojaat setting" where the law is silent) and what it says.
 *
 * @example
 * import { Rule } from "@murojaat/core"
 * const r: Rule.Rule = Rule.find("forwarding.fiveDays")
 * r.statement.startsWith("5 days") // true
 *
 * @since 0.2.0
 * @category models
 */
export interface Rule<I extends string = Id | Taxonomy.RuleId> {
  readonly id: I
  readonly area: Area
  readonly source: string
  readonly statement: string
}

const rule = <I extends string>(id: I, area: Area, source: string, statement: string): Rule<I> => ({ id, area, source, statement })

const builtIn: ReadonlyArray<Rule<Id>> = [
  ...(Object.keys(AppealMachine.rules) as Array<LifecycleId>).map((id) =>
    rule(id, "lifecycle", AppealMachine.rules[id].source, AppealMachine.rules[id].requires)
  ),
  ...(Object.keys(AppealMachine.grants) as Array<Command.Type>).map((c) => {
    const g = AppealMachine.grants[c]
    const guards = g.rules.length === 0 ? "" : `, guarded by ${g.rules.join(", ")}`
    return rule(`lifecycle.${c}` as const, "command", g.source, `the command ${c} itself: given by ${g.who.join(", ")}${guards}; records ${g.events.join(", ")}`)
  }),
  ...Deadline.rules.map((r) => rule(r.id, "deadline", r.source, `${r.term}. ${r.note}`)),
  ...Assignment.rules.map((r) => rule(r.id, "assignment", r.source, r.statement)),
  ...serviceRules.map((r) => rule(r.id, "service", r.source, r.statement)),
  ...[...PreventiveMeasure.rules, ...ProtectionOrder.rules].map((r) => rule(r.id, "prevention", r.source, r.statement)),
  ...Duplicates.rules.map((r) => rule(r.id, "duplicates", r.source, r.statement))
]

/**
 * Every rule, in the order auditors read them: lifecycle, commands, deadlines, assignment,
 * service, prevention, duplicates, then the built-in triage rules. Ids are unique across the registry.
 *
 * @example
 * import { Rule } from "@murojaat/core"
 * Rule.registry.filter((r) => r.area === "deadline").length === 14 // true
 *
 * @since 0.2.0
 * @category registry
 */
export const registry: ReadonlyArray<Rule> = [
  ...builtIn,
  ...Taxonomy.defaults.rules.map((r) => rule(r.id, "triage", r.source ?? "Murojaat triage rule (classification, not law)", r.note))
]

const byId: ReadonlyMap<string, Rule> = new Map(registry.map((r) => [r.id, r]))

/**
 * The rule with this id: always found for a built-in {@link Id}; `undefined` for a string that is
 * no rule of the registry (an operator's own triage rule, a rule retired since an event was
 * recorded, or a typo in untrusted input).
 *
 * @example
 * import { Rule } from "@murojaat/core"
 * Rule.find("assignment.tieBreak").source // "Murojaat policy (determinism)"
 * Rule.find("local.dogs") // undefined
 *
 * @since 0.2.0
 * @category registry
 */
export function find<I extends Id>(id: I): Rule<I>
export function find(id: string): Rule | undefined
export function find(id: string): Rule | undefined {
  return byId.get(id)
}
