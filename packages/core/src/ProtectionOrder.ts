/**
 * The protection order (himoya orderi) after it is issued: its extension and its breach as
 * commands of their own, the rules that guard them under each regime, and the suggestion to issue
 * one on the inspector's own initiative after repeated incidents against the same victim.
 *
 * Sources: Law ZRU-561 of 2 Sep 2019 "On the protection of women from harassment and violence"
 * (the prevention inspector studies the report within 24 hours and issues the order); ZRU-829 of
 * 11 Apr 2023 (domestic violence a crime, Criminal Code Art. 126-1). The sources disagree on the
 * regime: the original text gives an order of up to 30 days, extendable once by 30 days on the
 * victim's application; the current regulation text (gendermadad.uz) an order of up to 1 year,
 * issued on the inspector's own initiative after 2 or more incidents against the victim in one
 * calendar year. The regime is `AppealMachine.Settings.protectionOrderRegime` (default `current`);
 * the numbers here are `Settings`, each marked with its source or as unconfirmed.
 *
 * Issuing and refusing an order are lifecycle commands (`issueProtectionOrder`,
 * `refuseProtectionOrder`), and so are extension (`extendProtectionOrder`, event
 * `protectionOrderExtended`) and breach (`recordProtectionOrderBreach`, event
 * `protectionOrderBreached`): their fields, event data, checks and fold are here, and the lifecycle
 * carries them (`Command`, `Event`, the grants and guards of `AppealMachine`, the fold into
 * `AppealState.protectionOrder` in `Lifecycle.evolve`). An extension moves the end of the order
 * and is counted; it is never recorded as a new order.
 *
 * @example
 * import { ProtectionOrder } from "@murojaat/core"
 * const order = { orderNumber: "HO-17", issuedAt: "2026-01-10T05:00:00.000Z", validUntil: "2026-02-09T05:00:00.000Z", extensions: 0, breaches: [] }
 * ProtectionOrder.checkExtension(order, { orderNumber: "HO-17", validUntil: "2026-03-11T05:00:00.000Z", onVictimApplication: true },
 *   { now: "2026-02-01T05:00:00.000Z", regime: "original" }) // undefined
 *
 * @since 0.2.0
 */
import { Schema } from "effect"
import type * as AppealFact from "./AppealFact.js"
import * as Directory from "./Directory.js"
import * as LocalTime from "./internal/localTime.js"
import * as Limits from "./Limits.js"

// ---------------------------------------------------------------------------------------------
// Settings and rules
// ---------------------------------------------------------------------------------------------

/**
 * The regime of protection orders: the lifecycle's setting `AppealMachine.Settings.protectionOrderRegime`.
 *
 * @example
 * import { ProtectionOrder } from "@murojaat/core"
 * const r: ProtectionOrder.Regime = "current"
 *
 * @since 0.2.0
 * @category settings
 */
export type Regime = "current" | "original"

/**
 * The protection-order settings.
 *
 * - `incidentsPerCalendarYear` (2): incidents against the same victim in one calendar year (Tashkent
 *   time) after which the inspector issues an order on his own initiative (current regulation text,
 *   gendermadad.uz; UNCONFIRMED on lex.uz, hence a setting).
 * - `incidentCategories` (`["domesticViolence"]`) and `incidentFlags` (`["domesticViolence"]`):
 *   which appeals count as an incident: a category or a triage flag (ZRU-561; Criminal Code Art. 126-1).
 * - `originalExtensionDays` (30) and `originalExtensions` (1): the original regime's extension,
 *   once by 30 days on the victim's application (ZRU-561, original text).
 * - `currentCeilingMonths` (12): under the current regime an order, extensions included, ends at the
 *   latest 12 months after it was issued (current regulation text: valid up to 1 year). Whether the
 *   current regime knows an extension at all is UNCONFIRMED; within the ceiling it is allowed.
 *
 * @example
 * import { ProtectionOrder } from "@murojaat/core"
 * ProtectionOrder.defaultSettings.incidentsPerCalendarYear // 2
 *
 * @since 0.2.0
 * @category settings
 */
export interface Settings {
  readonly incidentsPerCalendarYear: number
  readonly incidentCategories: ReadonlyArray<string>
  readonly incidentFlags: ReadonlyArray<string>
  readonly originalExtensionDays: number
  readonly originalExtensions: number
  readonly currentCeilingMonths: number
}

/**
 * The default settings (see {@link Settings}).
 *
 * @example
 * import { ProtectionOrder } from "@murojaat/core"
 * ProtectionOrder.defaultSettings.originalExtensionDays // 30
 *
 * @since 0.2.0
 * @category settings
 */
export const defaultSettings: Settings = {
  incidentsPerCalendarYear: 2,
  incidentCategories: ["domesticViolence"],
  incidentFlags: ["domesticViolence"],
  originalExtensionDays: 30,
  originalExtensions: 1,
  currentCeilingMonths: 12
}

const ZRU561 = "ZRU-561 of 2 Sep 2019 (protection order)"

/**
 * The protection-order rules, each with its source.
 *
 * @example
 * import { ProtectionOrder } from "@murojaat/core"
 * ProtectionOrder.rules.find((r) => r.id === "protectionOrder.ownInitiative")?.source.includes("UNCONFIRMED") // true
 *
 * @since 0.2.0
 * @category rules
 */
export const rules = [
  {
    id: "protectionOrder.ownInitiative",
    source: `${ZRU561}; current regulation text (gendermadad.uz): on the inspector's own initiative after 2 or more incidents in one calendar year; the number UNCONFIRMED on lex.uz, setting incidentsPerCalendarYear`,
    statement:
      "suggest an order on the inspector's own initiative when incidentsPerCalendarYear or more incidents (domestic-violence appeals) against the same victim fall in one calendar year and no order on them is in force or issued after the last of them"
  },
  {
    id: "protectionOrder.extension.sameOrder",
    source: ZRU561,
    statement: "an extension or a breach names the order issued on this appeal"
  },
  {
    id: "protectionOrder.extension.inForce",
    source: `${ZRU561}; Murojaat policy: an order that ended is not revived, a new incident gets a new order`,
    statement: "an order is extended while it is in force, to a later end"
  },
  {
    id: "protectionOrder.extension.original",
    source: `${ZRU561}, original text: valid up to 30 days, extendable once by 30 days on the victim's application (regime original)`,
    statement:
      "under the original regime an order is extended at most originalExtensions times, by at most originalExtensionDays days, and only on the victim's application"
  },
  {
    id: "protectionOrder.extension.current",
    source: `${ZRU561}; current regulation text (gendermadad.uz): valid up to 1 year; whether it may be extended UNCONFIRMED, so within the ceiling (setting currentCeilingMonths)`,
    statement: "under the current regime an order, extensions included, ends at the latest currentCeilingMonths months after it was issued"
  },
  {
    id: "protectionOrder.breach.whileInForce",
    source: `${ZRU561}; Code of Administrative Responsibility (breach: a fine or up to 15 days' administrative arrest; article not confirmed)`,
    statement: "a breach is recorded for a time the order was in force (from its issue to its end), not in the future"
  }
] as const

/**
 * The id of a protection-order rule.
 *
 * @example
 * import { ProtectionOrder } from "@murojaat/core"
 * const id: ProtectionOrder.RuleId = "protectionOrder.extension.inForce"
 *
 * @since 0.2.0
 * @category rules
 */
export type RuleId = (typeof rules)[number]["id"]

// ---------------------------------------------------------------------------------------------
// Commands, events, state
// ---------------------------------------------------------------------------------------------

const limit = Limits.defaultSettings
const Reference = Limits.requiredText(limit.reference)
const Reason = Limits.requiredText(limit.reason).pipe(Schema.minLength(3))

/**
 * The fields of the two new commands, without the envelope `Command` adds. `reason` is free text
 * (personal data, kept apart: see `textFields`).
 *
 * @example
 * import { ProtectionOrder } from "@murojaat/core"
 * Object.keys(ProtectionOrder.commandFields.extendProtectionOrder) // ["orderNumber", "validUntil", "onVictimApplication", "reason"]
 *
 * @since 0.2.0
 * @category commands
 */
export const commandFields = {
  extendProtectionOrder: {
    orderNumber: Reference,
    validUntil: Directory.Instant,
    onVictimApplication: Schema.Boolean,
    reason: Reason
  },
  recordProtectionOrderBreach: {
    orderNumber: Reference,
    occurredAt: Directory.Instant,
    /** The reference of the administrative case opened for the breach, if any. */
    reference: Schema.optional(Reference)
  }
} as const

const TextDigest = Schema.String.pipe(Schema.pattern(/^[0-9a-f]{64}$/))

/**
 * The data of the two new events (for `Event.data`).
 *
 * @example
 * import { ProtectionOrder } from "@murojaat/core"
 * Object.keys(ProtectionOrder.eventData.protectionOrderBreached.fields) // ["orderNumber", "occurredAt", "reference"]
 *
 * @since 0.2.0
 * @category events
 */
export const eventData = {
  protectionOrderExtended: Schema.Struct({
    orderNumber: Schema.String,
    previousValidUntil: Directory.Instant,
    validUntil: Directory.Instant,
    onVictimApplication: Schema.Boolean,
    textDigest: TextDigest
  }),
  protectionOrderBreached: Schema.Struct({
    orderNumber: Schema.String,
    occurredAt: Directory.Instant,
    reference: Schema.optional(Schema.String)
  })
} as const

/**
 * The free-text fields of the new events (for `Event.textFields`).
 *
 * @example
 * import { ProtectionOrder } from "@murojaat/core"
 * ProtectionOrder.textFields.protectionOrderExtended // ["reason"]
 *
 * @since 0.2.0
 * @category events
 */
export const textFields = { protectionOrderExtended: ["reason"] } as const

/**
 * An order as its events made it: issued (`protectionOrderIssued`), extended, breached.
 *
 * @example
 * import { ProtectionOrder } from "@murojaat/core"
 * import { Schema } from "effect"
 * Schema.is(ProtectionOrder.Order)({ orderNumber: "HO-1", issuedAt: "2026-01-10T05:00:00.000Z", validUntil: "2027-01-10T05:00:00.000Z", extensions: 0, breaches: [] }) // true
 *
 * @since 0.2.0
 * @category models
 */
export const Order = Schema.Struct({
  orderNumber: Schema.String,
  issuedAt: Schema.String,
  validUntil: Schema.String,
  extensions: Schema.NonNegativeInt,
  breaches: Schema.Array(Schema.Struct({ occurredAt: Schema.String, recordedAt: Schema.String }))
})
/** @see Order */
export type Order = typeof Order.Type

const isIssued = Schema.is(Schema.Struct({ orderNumber: Schema.String, validUntil: Schema.String }))
const isExtended = Schema.is(Schema.Struct({ orderNumber: Schema.String, validUntil: Schema.String }))
const isBreached = Schema.is(Schema.Struct({ orderNumber: Schema.String, occurredAt: Schema.String }))

/**
 * Folds one event into the appeal's order: `protectionOrderIssued` makes it, `protectionOrderExtended`
 * moves its end and counts the extension, `protectionOrderBreached` adds the breach; any other
 * event, or one that names another order, leaves it.
 *
 * @example
 * import { ProtectionOrder } from "@murojaat/core"
 * const o = ProtectionOrder.fold(undefined, { type: "protectionOrderIssued", at: "2026-01-10T05:00:00.000Z", data: { orderNumber: "HO-1", validUntil: "2026-02-09T05:00:00.000Z" } })
 * ProtectionOrder.fold(o, { type: "protectionOrderExtended", at: "2026-02-01T05:00:00.000Z",
 *   data: { orderNumber: "HO-1", validUntil: "2026-03-11T05:00:00.000Z" } })?.extensions // 1
 *
 * @since 0.2.0
 * @category models
 */
export const fold = (order: Order | undefined, event: { readonly type: string; readonly at: string; readonly data?: unknown }): Order | undefined => {
  const d = event.data
  if (event.type === "protectionOrderIssued" && isIssued(d)) {
    return { orderNumber: d.orderNumber, issuedAt: event.at, validUntil: d.validUntil, extensions: 0, breaches: [] }
  }
  if (order === undefined) return order
  if (event.type === "protectionOrderExtended" && isExtended(d) && d.orderNumber === order.orderNumber) {
    return { ...order, validUntil: d.validUntil, extensions: order.extensions + 1 }
  }
  if (event.type === "protectionOrderBreached" && isBreached(d) && d.orderNumber === order.orderNumber) {
    return { ...order, breaches: [...order.breaches, { occurredAt: d.occurredAt, recordedAt: event.at }] }
  }
  return order
}

/**
 * Whether the order is in force at an instant: from its issue, before its end.
 *
 * @example
 * import { ProtectionOrder } from "@murojaat/core"
 * const o = { orderNumber: "HO-1", issuedAt: "2026-01-10T05:00:00.000Z", validUntil: "2026-02-09T05:00:00.000Z", extensions: 0, breaches: [] }
 * ProtectionOrder.inForce(o, "2026-02-09T04:59:59Z") // true
 * ProtectionOrder.inForce(o, "2026-02-09T05:00:00Z") // false
 *
 * @since 0.2.0
 * @category models
 */
export const inForce = (order: Order, at: string): boolean => {
  const t = LocalTime.parseInstant(at)
  const from = LocalTime.parseInstant(order.issuedAt)
  const to = LocalTime.parseInstant(order.validUntil)
  return t !== undefined && from !== undefined && to !== undefined && from <= t && t < to
}

/**
 * What the extension checks read: the time, the regime, the settings.
 *
 * @example
 * import { ProtectionOrder } from "@murojaat/core"
 * const c: ProtectionOrder.CheckContext = { now: "2026-02-01T05:00:00.000Z", regime: "current" }
 *
 * @since 0.2.0
 * @category checks
 */
export interface CheckContext {
  readonly now: string
  readonly regime: Regime
  readonly settings?: Settings | undefined
}

/**
 * Checks an extension against the appeal's order: the first rule it breaks, or `undefined` when it
 * may be recorded (the lifecycle's rule `protectionOrder.extension.*` refusals).
 *
 * @example
 * import { ProtectionOrder } from "@murojaat/core"
 * const order = { orderNumber: "HO-1", issuedAt: "2026-01-10T05:00:00.000Z", validUntil: "2026-02-09T05:00:00.000Z", extensions: 0, breaches: [] }
 * // The original regime extends by at most 30 days, and only on the victim's application.
 * ProtectionOrder.checkExtension(order, { orderNumber: "HO-1", validUntil: "2026-03-11T05:00:00.000Z", onVictimApplication: false },
 *   { now: "2026-02-01T05:00:00.000Z", regime: "original" }) // "protectionOrder.extension.original"
 * // The current regime: up to 12 months from the issue.
 * ProtectionOrder.checkExtension(order, { orderNumber: "HO-1", validUntil: "2027-01-10T05:00:00.000Z", onVictimApplication: false },
 *   { now: "2026-02-01T05:00:00.000Z", regime: "current" }) // undefined
 *
 * @since 0.2.0
 * @category checks
 */
export const checkExtension = (
  order: Order | undefined,
  extension: { readonly orderNumber: string; readonly validUntil: string; readonly onVictimApplication: boolean },
  ctx: CheckContext
): RuleId | undefined => {
  const s = ctx.settings ?? defaultSettings
  if (order === undefined || order.orderNumber !== extension.orderNumber) return "protectionOrder.extension.sameOrder"
  const until = LocalTime.parseInstant(extension.validUntil) ?? Number.NaN
  const current = LocalTime.parseInstant(order.validUntil) ?? Number.NaN
  if (!inForce(order, ctx.now) || !(until > current)) return "protectionOrder.extension.inForce"
  if (ctx.regime === "original") {
    const byAtMost = current + s.originalExtensionDays * LocalTime.MS_PER_DAY
    return order.extensions >= s.originalExtensions || !extension.onVictimApplication || until > byAtMost ? "protectionOrder.extension.original" : undefined
  }
  const issued = LocalTime.parseInstant(order.issuedAt) ?? Number.NaN
  return until > LocalTime.addMonthsToInstant(issued, s.currentCeilingMonths) ? "protectionOrder.extension.current" : undefined
}

/**
 * Checks a breach against the appeal's order: the first rule it breaks, or `undefined`.
 *
 * @example
 * import { ProtectionOrder } from "@murojaat/core"
 * const order = { orderNumber: "HO-1", issuedAt: "2026-01-10T05:00:00.000Z", validUntil: "2026-02-09T05:00:00.000Z", extensions: 0, breaches: [] }
 * ProtectionOrder.checkBreach(order, { orderNumber: "HO-1", occurredAt: "2026-01-20T18:00:00Z" }, { now: "2026-01-21T05:00:00Z" }) // undefined
 * ProtectionOrder.checkBreach(order, { orderNumber: "HO-1", occurredAt: "2026-03-01T18:00:00Z" }, { now: "2026-03-02T05:00:00Z" }) // "protectionOrder.breach.whileInForce"
 *
 * @since 0.2.0
 * @category checks
 */
export const checkBreach = (
  order: Order | undefined,
  breach: { readonly orderNumber: string; readonly occurredAt: string },
  ctx: { readonly now: string }
): RuleId | undefined => {
  if (order === undefined || order.orderNumber !== breach.orderNumber) return "protectionOrder.extension.sameOrder"
  const at = LocalTime.parseInstant(breach.occurredAt)
  const now = LocalTime.parseInstant(ctx.now)
  return at !== undefined && now !== undefined && at <= now && inForce(order, breach.occurredAt) ? undefined : "protectionOrder.breach.whileInForce"
}

/**
 * The source of a protection-order rule.
 *
 * @example
 * import { ProtectionOrder } from "@murojaat/core"
 * ProtectionOrder.sourceOf("protectionOrder.extension.sameOrder") // "ZRU-561 of 2 Sep 2019 (protection order)"
 *
 * @since 0.2.0
 * @category rules
 */
export const sourceOf = (id: RuleId): string => rules.find((r) => r.id === id)!.source

// ---------------------------------------------------------------------------------------------
// The suggestion on the inspector's own initiative
// ---------------------------------------------------------------------------------------------

/**
 * A suggestion to issue a protection order on the inspector's own initiative: the victim's key
 * (personal data: only for readers who may see it), the calendar year, the incidents behind it
 * (appeal ids, oldest first), where the latest happened, and the rule.
 *
 * @example
 * import { ProtectionOrder } from "@murojaat/core"
 * const s: ProtectionOrder.Suggestion = { id: "protectionOrder:A-1", year: 2026, appealIds: ["A-1", "A-2"], incidents: 2,
 *   lastIncidentAt: "2026-02-20T05:00:00.000Z", mahallaCode: "M1", districtCode: "D1", rule: "protectionOrder.ownInitiative" }
 *
 * @since 0.2.0
 * @category suggestion
 */
export interface Suggestion {
  readonly id: string
  readonly key?: string
  readonly year: number
  readonly appealIds: ReadonlyArray<string>
  readonly incidents: number
  readonly lastIncidentAt: string
  readonly mahallaCode: string
  readonly districtCode: string
  readonly rule: "protectionOrder.ownInitiative"
}

/**
 * Whether an appeal's fact is an incident of domestic violence (by category or triage flag).
 *
 * @example
 * import { ProtectionOrder } from "@murojaat/core"
 * ProtectionOrder.isIncident({ category: "familyConflict", flags: ["domesticViolence"], counted: true }) // true
 *
 * @since 0.2.0
 * @category suggestion
 */
export const isIncident = (fact: Pick<AppealFact.Fact, "category" | "flags" | "counted">, settings: Settings = defaultSettings): boolean =>
  fact.counted && (settings.incidentCategories.includes(fact.category) || fact.flags.some((f) => settings.incidentFlags.includes(f)))

/**
 * The protection orders to suggest at `asOf` (rule `protectionOrder.ownInitiative`): per victim
 * (the same address key, else the same applicant; an appeal with neither cannot be linked) and per
 * calendar year of Tashkent time, the year of `asOf`: at least `incidentsPerCalendarYear` incidents
 * received up to `asOf`, and no order on any of them still in force at `asOf`. Ordered by the
 * latest incident, most recent first.
 *
 * @example
 * import { AppealFact, ProtectionOrder } from "@murojaat/core"
 * const f = (appealId: string, receivedAt: string, orderUntil?: string) => ({ appealId, regionCode: "R1", districtCode: "D1", mahallaCode: "M1",
 *   category: "domesticViolence", flags: ["domesticViolence"], counted: true, receivedAt, applicantRef: "u-9", measures: [],
 *   ...(orderUntil ? { orderUntil } : {}) }) as unknown as AppealFact.Fact
 * const two = [f("A-1", "2026-01-05T05:00:00.000Z"), f("A-2", "2026-02-20T05:00:00.000Z")]
 * ProtectionOrder.suggestions(two, { asOf: "2026-03-01T00:00:00Z", personalData: false }).map((s) => s.appealIds) // [["A-1", "A-2"]]
 * // An order still in force on one of them: nothing to suggest.
 * ProtectionOrder.suggestions([...two, f("A-3", "2026-02-21T05:00:00.000Z", "2027-02-21T05:00:00.000Z")], { asOf: "2026-03-01T00:00:00Z", personalData: false }) // []
 *
 * @since 0.2.0
 * @category suggestion
 */
export const suggestions = (
  facts: ReadonlyArray<AppealFact.Fact>,
  options: { readonly asOf: string; readonly personalData: boolean; readonly settings?: Settings | undefined }
): ReadonlyArray<Suggestion> => {
  const s = options.settings ?? defaultSettings
  const asOfMs = LocalTime.parseInstant(options.asOf) ?? Number.NaN
  const asOf = new Date(asOfMs).toISOString()
  const year = LocalTime.localYear(asOfMs)
  const groups = new Map<string, Array<AppealFact.Fact>>()
  for (const f of facts) {
    if (!isIncident(f, s) || f.receivedAt > asOf) continue
    if (LocalTime.localYear(LocalTime.parseInstant(f.receivedAt)!) !== year) continue
    const key = f.addressKey !== undefined ? `address:${f.addressKey}` : f.applicantRef !== undefined ? `applicant:${f.applicantRef}` : undefined
    if (key === undefined) continue
    const g = groups.get(key)
    if (g === undefined) groups.set(key, [f])
    else g.push(f)
  }
  const out: Array<Suggestion> = []
  for (const [key, g] of groups) {
    if (g.length < s.incidentsPerCalendarYear) continue
    if (g.some((f) => f.orderUntil !== undefined && f.orderUntil > asOf)) continue
    g.sort((a, b) => (a.receivedAt < b.receivedAt ? -1 : a.receivedAt > b.receivedAt ? 1 : a.appealId < b.appealId ? -1 : 1))
    const last = g[g.length - 1]!
    out.push({
      id: `protectionOrder:${g[0]!.appealId}`,
      ...(options.personalData ? { key } : {}),
      year,
      appealIds: g.map((f) => f.appealId),
      incidents: g.length,
      lastIncidentAt: last.receivedAt,
      mahallaCode: last.mahallaCode,
      districtCode: last.districtCode,
      rule: "protectionOrder.ownInitiative"
    })
  }
  return out.sort((a, b) => (a.lastIncidentAt > b.lastIncidentAt ? -1 : a.lastIncidentAt < b.lastIncidentAt ? 1 : a.id < b.id ? -1 : 1))
}
