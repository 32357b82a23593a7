/**
 * Repeat signals: appeals that keep coming back, for the inspector to act on before they become
 * offences. Three signals and one ranking:
 *
 * - `address`: one address (the place of the matter, else the applicant's residence; see
 *   `AppealFact.addressKeyOf`) with `address.minAppeals` or more appeals of any category in the
 *   window;
 * - `family`: one family (the same address, or the same applicant where no address is known) with
 *   `family.minAppeals` or more appeals of family conflict or domestic violence in the window
 *   (repeated family conflict foreshadows violence: ZRU-561, the protection order);
 * - `repeatedAppeal`: an appeal and the repeated appeals that dispute it (ZRU-445: a repeated
 *   appeal is from the same person, disputing the decision on an earlier one, or sent after its
 *   term ran out; a national indicator, Cabinet resolution No. 40 of 2026);
 * - mahallas by repeat rate: the share of repeated appeals among the mahalla's appeals.
 *
 * Each signal is explained by the appeals behind it (their ids, times and categories) and the rule
 * that raised it. The key that links them (the address digest, the applicant's account) is personal
 * data: it is shown only to readers who may see personal data (`Policy.seesPersonalData`); others
 * get the appeal ids only. A signal is `measured` when a preventive measure (or a protection order)
 * is recorded on one of its appeals, so an inspector sees which open signals in his mahallas have
 * no measure yet (`unmeasured`).
 *
 * @example
 * import { AppealFact, Repeats } from "@murojaat/core"
 * const f = (appealId: string, receivedAt: string) => ({ appealId, regionCode: "R1", districtCode: "D1", mahallaCode: "M1",
 *   category: "familyConflict", flags: [], counted: true, receivedAt, applicantRef: "u-7", measures: [] }) as unknown as AppealFact.Fact
 * const s = Repeats.signals([f("A-1", "2026-01-05T05:00:00.000Z"), f("A-2", "2026-02-20T05:00:00.000Z")], { asOf: "2026-03-01T00:00:00Z", personalData: false })
 * s.map((x) => [x.kind, x.appealIds, x.key]) // [["family", ["A-1", "A-2"], undefined]]
 *
 * @since 0.2.0
 */
import * as AppealFact from "./AppealFact.js"
import * as LocalTime from "./internal/localTime.js"
import type * as ReportPeriod from "./ReportPeriod.js"
import type * as UnitRating from "./UnitRating.js"

/**
 * The repeat settings (Murojaat settings: no law sets them).
 * - `windowDays` (365): how far back from the report's instant appeals are grouped;
 * - `address.minAppeals` (3): appeals at one address that make a signal;
 * - `family.minAppeals` (2), `family.categories` (`domesticViolence`, `familyConflict`) and
 *   `family.flags` (`domesticViolence`): the family signal;
 * - `mahallaRate.minRegistered` (20): mahallas with fewer appeals are listed but not ranked.
 *
 * @example
 * import { Repeats } from "@murojaat/core"
 * Repeats.defaultSettings.family.minAppeals // 2
 *
 * @since 0.2.0
 * @category settings
 */
export interface Settings {
  readonly windowDays: number
  readonly address: { readonly minAppeals: number }
  readonly family: { readonly minAppeals: number; readonly categories: ReadonlyArray<string>; readonly flags: ReadonlyArray<string> }
  readonly mahallaRate: { readonly minRegistered: number }
}

/**
 * The default settings (see {@link Settings}).
 *
 * @example
 * import { Repeats } from "@murojaat/core"
 * Repeats.defaultSettings.windowDays // 365
 *
 * @since 0.2.0
 * @category settings
 */
export const defaultSettings: Settings = {
  windowDays: 365,
  address: { minAppeals: 3 },
  family: { minAppeals: 2, categories: ["domesticViolence", "familyConflict"], flags: ["domesticViolence"] },
  mahallaRate: { minRegistered: 20 }
}

/**
 * The repeat rules, each with its source.
 *
 * @example
 * import { Repeats } from "@murojaat/core"
 * Repeats.rules.map((r) => r.id) // ["repeat.address", "repeat.family", "repeat.repeatedAppeal", "repeat.mahallaRate", "repeat.personalKeys", "repeat.measured"]
 *
 * @since 0.2.0
 * @category rules
 */
export const rules = [
  {
    id: "repeat.address",
    source: "Seed article (analyse accumulated appeals to plan preventive work); Murojaat settings windowDays, address.minAppeals",
    statement: "address.minAppeals or more counted appeals of any category at one address (same address key) received in the window make an address signal"
  },
  {
    id: "repeat.family",
    source: "ZRU-561 of 2 Sep 2019 (protection from violence); Murojaat settings family.*",
    statement:
      "family.minAppeals or more counted appeals of family conflict or domestic violence (category or flag) of one family (same address key, else same applicant) received in the window make a family signal"
  },
  {
    id: "repeat.repeatedAppeal",
    source: "ZRU-445 (repeated appeal, takroriy; article not confirmed); Cabinet resolution No. 40 of 2026 (an indicator)",
    statement: "an appeal and the repeated appeals linked to it (repeatOf) received in the window make a repeated-appeal signal"
  },
  {
    id: "repeat.mahallaRate",
    source: "Cabinet resolution No. 40 of 2026 (repeated appeals); Murojaat setting mahallaRate.minRegistered",
    statement: "a mahalla's repeat rate is its repeated appeals over its registered appeals received in the interval (the unit counts); mahallas are ranked by it, those with fewer than minRegistered appeals last"
  },
  {
    id: "repeat.personalKeys",
    source: "ZRU-547 of 2 Jul 2019 (personal data)",
    statement: "the key that links a signal's appeals is shown only to readers who may see personal data; others get the appeal ids"
  },
  {
    id: "repeat.measured",
    source: "Seed article (preventive work planned from appeals)",
    statement: "a signal is measured when a preventive measure (planned or done) or a protection order is recorded on one of the appeals behind it (its evidence, in the window)"
  }
] as const

/**
 * The id of a repeat rule.
 *
 * @example
 * import { Repeats } from "@murojaat/core"
 * const id: Repeats.RuleId = "repeat.family"
 *
 * @since 0.2.0
 * @category rules
 */
export type RuleId = (typeof rules)[number]["id"]

/**
 * The kind of a signal.
 *
 * @example
 * import { Repeats } from "@murojaat/core"
 * const k: Repeats.Kind = "address"
 *
 * @since 0.2.0
 * @category models
 */
export type Kind = "address" | "family" | "repeatedAppeal"

/**
 * One appeal behind a signal: its id, when it was received, its category, and its mahalla.
 *
 * @example
 * import { Repeats } from "@murojaat/core"
 * const a: Repeats.Evidence = { appealId: "A-1", receivedAt: "2026-01-05T05:00:00.000Z", category: "familyConflict", mahallaCode: "M1" }
 *
 * @since 0.2.0
 * @category models
 */
export interface Evidence {
  readonly appealId: string
  readonly receivedAt: string
  readonly category: string
  readonly mahallaCode: string
}

/**
 * A signal: its id (kind and first appeal, no personal data), kind, the rule that raised it, where
 * (the mahalla and district of its latest appeal), the linking key (personal data: only for readers
 * who may see it), the appeals behind it (oldest first), and whether a measure addresses it.
 *
 * @example
 * import { Repeats } from "@murojaat/core"
 * const s: Repeats.Signal = { id: "family:A-1", kind: "family", rule: "repeat.family", mahallaCode: "M1", districtCode: "D1",
 *   appealIds: ["A-1", "A-2"], evidence: [], measured: false }
 *
 * @since 0.2.0
 * @category models
 */
export interface Signal {
  readonly id: string
  readonly kind: Kind
  readonly rule: RuleId
  readonly mahallaCode: string
  readonly districtCode: string
  readonly key?: string
  readonly appealIds: ReadonlyArray<string>
  readonly evidence: ReadonlyArray<Evidence>
  readonly measured: boolean
}

/**
 * What signals are computed for: the instant (the window ends there), whether the reader may see
 * personal data, and the settings.
 *
 * @example
 * import { Repeats } from "@murojaat/core"
 * const o: Repeats.Options = { asOf: "2026-03-01T00:00:00+05:00", personalData: false }
 *
 * @since 0.2.0
 * @category models
 */
export interface Options {
  readonly asOf: string
  readonly personalData: boolean
  readonly settings?: Settings | undefined
}

const byTime = (a: AppealFact.Fact, b: AppealFact.Fact) =>
  a.receivedAt < b.receivedAt ? -1 : a.receivedAt > b.receivedAt ? 1 : a.appealId < b.appealId ? -1 : a.appealId > b.appealId ? 1 : 0

/**
 * The window of a report: `windowDays` days up to `asOf`.
 *
 * @example
 * import { Repeats } from "@murojaat/core"
 * Repeats.window("2026-03-01T00:00:00Z") // { from: "2025-03-01T00:00:00.000Z", to: "2026-03-01T00:00:00.000Z" }
 *
 * @since 0.2.0
 * @category models
 */
export const window = (asOf: string, settings: Settings = defaultSettings): ReportPeriod.Interval => {
  const to = LocalTime.parseInstant(asOf) ?? Number.NaN
  return { from: new Date(to - settings.windowDays * LocalTime.MS_PER_DAY).toISOString(), to: new Date(to).toISOString() }
}

const isFamily = (f: AppealFact.Fact, s: Settings): boolean =>
  s.family.categories.includes(f.category) || f.flags.some((x) => s.family.flags.includes(x))

const group = (facts: ReadonlyArray<AppealFact.Fact>, key: (f: AppealFact.Fact) => string | undefined) => {
  const groups = new Map<string, Array<AppealFact.Fact>>()
  for (const f of facts) {
    const k = key(f)
    if (k === undefined) continue
    const g = groups.get(k)
    if (g === undefined) groups.set(k, [f])
    else g.push(f)
  }
  return groups
}

const signalOf = (kind: Kind, rule: RuleId, key: string, appeals: ReadonlyArray<AppealFact.Fact>, ids: ReadonlyArray<string>, personalData: boolean): Signal => {
  const latest = appeals[appeals.length - 1]!
  return {
    id: `${kind}:${ids[0]}`,
    kind,
    rule,
    mahallaCode: latest.mahallaCode,
    districtCode: latest.districtCode,
    ...(personalData ? { key } : {}),
    appealIds: ids,
    evidence: appeals.map((f) => ({ appealId: f.appealId, receivedAt: f.receivedAt, category: f.category, mahallaCode: f.mahallaCode })),
    measured: appeals.some((f) => f.measures.length > 0)
  }
}

/**
 * The signals of a set of facts at `asOf` (rules `repeat.address`, `repeat.family`,
 * `repeat.repeatedAppeal`, `repeat.personalKeys`, `repeat.measured`): address signals, family
 * signals, then repeated-appeal signals, each group ordered by its first appeal. Only
 * `AppealFact.linked` facts can belong to one, so passing only those gives the same signals.
 *
 * @example
 * import { AppealFact, Repeats } from "@murojaat/core"
 * const f = (appealId: string, repeatOf?: string) => ({ appealId, regionCode: "R1", districtCode: "D1", mahallaCode: "M1", category: "publicOrder",
 *   flags: [], counted: true, receivedAt: "2026-02-01T05:00:00.000Z", measures: [], ...(repeatOf ? { repeatOf } : {}) }) as unknown as AppealFact.Fact
 * Repeats.signals([f("A-1"), f("A-2", "A-1")], { asOf: "2026-03-01T00:00:00Z", personalData: true }).map((s) => [s.id, s.appealIds])
 * // [["repeatedAppeal:A-1", ["A-1", "A-2"]]]
 *
 * @since 0.2.0
 * @category signals
 */
export const signals = (facts: ReadonlyArray<AppealFact.Fact>, options: Options): ReadonlyArray<Signal> => {
  const s = options.settings ?? defaultSettings
  const w = window(options.asOf, s)
  const inWindow = facts.filter((f) => f.counted && f.receivedAt >= w.from && f.receivedAt < w.to).sort(byTime)
  const out: Array<Signal> = []
  const bySize = (min: number) => (g: ReadonlyArray<AppealFact.Fact>) => g.length >= min
  const sorted = (groups: Map<string, Array<AppealFact.Fact>>, min: number) =>
    [...groups.entries()].filter(([, g]) => bySize(min)(g)).sort(([, a], [, b]) => byTime(a[0]!, b[0]!))
  for (const [key, g] of sorted(group(inWindow, (f) => f.addressKey), s.address.minAppeals)) {
    out.push(signalOf("address", "repeat.address", key, g, g.map((f) => f.appealId), options.personalData))
  }
  const family = inWindow.filter((f) => isFamily(f, s))
  const familyKey = (f: AppealFact.Fact) => (f.addressKey !== undefined ? `address:${f.addressKey}` : f.applicantRef !== undefined ? `applicant:${f.applicantRef}` : undefined)
  for (const [key, g] of sorted(group(family, familyKey), s.family.minAppeals)) {
    out.push(signalOf("family", "repeat.family", key, g, g.map((f) => f.appealId), options.personalData))
  }
  // A repeated appeal names its original; the original may lie before the window.
  const byId = new Map(inWindow.map((f) => [f.appealId, f]))
  const repeats = group(
    inWindow.filter((f) => f.repeatOf !== undefined),
    (f) => f.repeatOf
  )
  const chains = [...repeats.entries()].map(([original, g]) => {
    const first = byId.get(original)
    return { original, appeals: first === undefined ? g : [first, ...g] }
  })
  chains.sort((a, b) => byTime(a.appeals[0]!, b.appeals[0]!))
  for (const { original, appeals } of chains) {
    const ids = appeals[0]!.appealId === original ? appeals.map((f) => f.appealId) : [original, ...appeals.map((f) => f.appealId)]
    out.push(signalOf("repeatedAppeal", "repeat.repeatedAppeal", original, appeals, ids, options.personalData))
  }
  return out
}

/**
 * The signals no measure addresses yet, in the given mahallas (an inspector's territory): what he
 * should act on.
 *
 * @example
 * import { Repeats } from "@murojaat/core"
 * const s = { id: "family:A-1", kind: "family" as const, rule: "repeat.family" as const, mahallaCode: "M1", districtCode: "D1", appealIds: ["A-1", "A-2"], evidence: [], measured: false }
 * Repeats.unmeasured([s, { ...s, id: "family:A-3", measured: true }], ["M1"]).map((x) => x.id) // ["family:A-1"]
 *
 * @since 0.2.0
 * @category signals
 */
export const unmeasured = (signals_: ReadonlyArray<Signal>, mahallaCodes: ReadonlyArray<string>): ReadonlyArray<Signal> =>
  signals_.filter((s) => !s.measured && mahallaCodes.includes(s.mahallaCode))

/**
 * A mahalla's repeat rate.
 *
 * @example
 * import { Repeats } from "@murojaat/core"
 * const r: Repeats.MahallaRate = { mahallaCode: "M1", registered: 40, repeated: 6, rate: 0.15, ranked: true }
 *
 * @since 0.2.0
 * @category models
 */
export interface MahallaRate {
  readonly mahallaCode: string
  readonly registered: number
  readonly repeated: number
  readonly rate: number
  readonly ranked: boolean
}

/**
 * Mahallas by repeat rate (rule `repeat.mahallaRate`), from the mahalla rows of the unit counts
 * (`UnitRating.count` at level `mahalla`, or a store's `Analytics.Service.indicators`): repeated
 * over registered appeals; ranked mahallas first, highest rate first, then by code.
 *
 * @example
 * import { Repeats } from "@murojaat/core"
 * const row = (code: string, registered: number, repeated: number) => ({ level: "mahalla" as const, code, registered, repeated,
 *   answered: 0, satisfied: 0, explained: 0, rejected: 0, violated: 0, rated: 0, ratingSum: 0 })
 * Repeats.mahallaRates([row("M1", 40, 2), row("M2", 25, 5), row("M3", 3, 3)]).map((r) => [r.mahallaCode, r.rate, r.ranked])
 * // [["M2", 0.2, true], ["M1", 0.05, true], ["M3", 1, false]]
 *
 * @since 0.2.0
 * @category rates
 */
export const mahallaRates = (rows: ReadonlyArray<UnitRating.Row>, settings: Settings = defaultSettings): ReadonlyArray<MahallaRate> =>
  rows
    .filter((r) => r.level === "mahalla" && r.registered > 0)
    .map((r) => ({
      mahallaCode: r.code,
      registered: r.registered,
      repeated: r.repeated,
      rate: r.repeated / r.registered,
      ranked: r.registered >= settings.mahallaRate.minRegistered
    }))
    .sort((a, b) => Number(b.ranked) - Number(a.ranked) || b.rate - a.rate || (a.mahallaCode < b.mahallaCode ? -1 : a.mahallaCode > b.mahallaCode ? 1 : 0))
