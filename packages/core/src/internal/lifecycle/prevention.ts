/**
 * The rules of preventive measures and protection orders as guards of lifecycle commands: each rule
 * of `PreventiveMeasure.rules` and `ProtectionOrder.rules` holds unless its own module's check names
 * it as the refusal. The public table (`AppealMachine.preventionRules`) and `orderOf` are documented
 * in `AppealMachine.ts`.
 */
import { Either } from "effect"
import type * as AppealMachine from "../../AppealMachine.js"
import type * as AppealState from "../../AppealState.js"
import * as PreventiveMeasure from "../../PreventiveMeasure.js"
import * as ProtectionOrder from "../../ProtectionOrder.js"
import { settingsOf } from "./settings.js"

// The first rule of its own module a measure command breaks (`PreventiveMeasure.decide`), once per
// evaluation: every guard of the command reads the same answer.
const measureVerdicts = new WeakMap<AppealMachine.RuleInput, string | undefined>()

export const measureRefusal = (input: AppealMachine.RuleInput): string | undefined => {
  const c = input.command
  if (c.type !== "planMeasure" && c.type !== "completeMeasure" && c.type !== "cancelMeasure") return undefined
  if (measureVerdicts.has(input)) return measureVerdicts.get(input)
  const decided = PreventiveMeasure.decide(input.state.measures ?? [], c, { now: input.ctx.now, settings: settingsOf(input.ctx).preventiveMeasures })
  const refusal = Either.isLeft(decided) ? decided.left.rule : undefined
  measureVerdicts.set(input, refusal)
  return refusal
}

export const orderOf = (state: AppealState.AppealState): ProtectionOrder.Order | undefined => {
  const o = state.protectionOrder
  if (o === undefined) return undefined
  // Issued when the first `protectionOrderIssued` was recorded; without clock facts, the receipt
  // stands in (earlier, so the current regime's ceiling only comes sooner).
  const issuedAt = state.clockFacts?.firsts.find((f) => f.type === "protectionOrderIssued")?.at ?? state.receivedAt ?? o.validUntil
  return { orderNumber: o.orderNumber, issuedAt, validUntil: o.validUntil, extensions: o.extensions ?? 0, breaches: o.breaches ?? [] }
}

// The first protection-order rule an extension or a breach breaks (`ProtectionOrder.check*`).
export const orderRefusal = (input: AppealMachine.RuleInput): string | undefined => {
  const { command: c, state, ctx } = input
  if (c.type === "extendProtectionOrder") {
    const settings = settingsOf(ctx)
    return ProtectionOrder.checkExtension(orderOf(state), c, { now: ctx.now, regime: settings.protectionOrderRegime, settings: settings.protectionOrders })
  }
  return c.type === "recordProtectionOrderBreach" ? ProtectionOrder.checkBreach(orderOf(state), c, ctx) : undefined
}

// A table of prevention rules as guards: each holds unless its module names it as the refusal.
export const guards = <I extends string>(
  table: ReadonlyArray<{ readonly id: I; readonly source: string; readonly statement: string }>,
  refusal: (input: AppealMachine.RuleInput) => string | undefined
): { readonly [K in I]: AppealMachine.Rule } =>
  Object.fromEntries(
    table.map((r) => [r.id, { source: r.source, requires: r.statement, holds: (input: AppealMachine.RuleInput) => refusal(input) !== r.id }])
  ) as { readonly [K in I]: AppealMachine.Rule }
