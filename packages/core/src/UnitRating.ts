/**
 * The performance of units as Cabinet of Ministers resolution No. 40 of 30 Jan 2026 scores bodies:
 * registered, satisfied, rejected, deadline-violated and repeated appeals, ranked green, yellow or
 * red; per inspector, per mahalla and per district, with the applicants' satisfaction ratings
 * (`rate`, 1 to 5) where they gave one.
 *
 * The resolution names the indicators and the three colours; its formula and thresholds were not
 * in the sources read, so they are settings (`Settings`), each marked UNCONFIRMED, with defaults
 * an operator replaces with the resolution's own figures. A unit's rank is the worst of its
 * indicators' ranks; a unit with too few appeals is `unranked` (a share of 3 appeals says little).
 *
 * Indicators (docs/rules/reporting.md gives the counting rules):
 * - registered: counted appeals received in the period (every appeal is registered, ZRU-445 Art. 23);
 * - answered, satisfied, explained, rejected: by the outcome of the answer (`Command.Outcome`);
 * - violated: deadline-violated at the report's instant (`AppealFact.violatedAt`);
 * - repeated: repeated appeals in the law's sense (linked `repeatOf`);
 * - rated, ratingSum: the applicants' ratings (mean = ratingSum / rated).
 *
 * @example
 * import { UnitRating } from "@murojaat/core"
 * const row = { level: "inspector" as const, code: "O-1", registered: 40, answered: 38, satisfied: 30, explained: 6, rejected: 2,
 *   violated: 3, repeated: 1, rated: 10, ratingSum: 44 }
 * const u = UnitRating.rate(row)
 * u.rank // "red"
 * u.reasons // [{ indicator: "violated", value: 0.075, rank: "red" }]
 *
 * @since 0.2.0
 */
import { Schema } from "effect"
import * as AppealFact from "./AppealFact.js"
import type * as ReportPeriod from "./ReportPeriod.js"

/**
 * The unit a row is about: the officer the appeal is assigned to, its mahalla, or its district.
 *
 * @example
 * import { UnitRating } from "@murojaat/core"
 * UnitRating.Level.literals // ["inspector", "mahalla", "district"]
 *
 * @since 0.2.0
 * @category models
 */
export const Level = Schema.Literal("inspector", "mahalla", "district")
/** @see Level */
export type Level = typeof Level.Type

/**
 * A rank.
 *
 * @example
 * import { UnitRating } from "@murojaat/core"
 * UnitRating.Rank.literals // ["green", "yellow", "red", "unranked"]
 *
 * @since 0.2.0
 * @category models
 */
export const Rank = Schema.Literal("green", "yellow", "red", "unranked")
/** @see Rank */
export type Rank = typeof Rank.Type

/**
 * The counts of one unit: what a store aggregates and `rate` reads.
 *
 * @example
 * import { UnitRating } from "@murojaat/core"
 * const r: UnitRating.Row = { level: "mahalla", code: "M1", registered: 1, answered: 1, satisfied: 1, explained: 0, rejected: 0, violated: 0, repeated: 0, rated: 1, ratingSum: 5 }
 *
 * @since 0.2.0
 * @category models
 */
export interface Row {
  readonly level: Level
  readonly code: string
  readonly registered: number
  readonly answered: number
  readonly satisfied: number
  readonly explained: number
  readonly rejected: number
  readonly violated: number
  readonly repeated: number
  readonly rated: number
  readonly ratingSum: number
}

/**
 * The indicators a threshold can apply to: the shares (of registered appeals; `satisfied` and
 * `rejected` of answered ones) and the mean rating.
 *
 * @example
 * import { UnitRating } from "@murojaat/core"
 * UnitRating.Indicator.literals // ["violated", "repeated", "satisfied", "rejected", "rating"]
 *
 * @since 0.2.0
 * @category models
 */
export const Indicator = Schema.Literal("violated", "repeated", "satisfied", "rejected", "rating")
/** @see Indicator */
export type Indicator = typeof Indicator.Type

/**
 * The thresholds of one indicator: for `lowerIsBetter`, green up to `green`, yellow up to
 * `yellow`, red above; for `higherIsBetter`, green from `green`, yellow from `yellow`, red below.
 *
 * @example
 * import { UnitRating } from "@murojaat/core"
 * const t: UnitRating.Threshold = { direction: "lowerIsBetter", green: 0.02, yellow: 0.05 }
 *
 * @since 0.2.0
 * @category settings
 */
export interface Threshold {
  readonly direction: "lowerIsBetter" | "higherIsBetter"
  readonly green: number
  readonly yellow: number
}

/**
 * The rating settings. All UNCONFIRMED (the resolution's thresholds were not in the sources read):
 * - `thresholds`: by indicator, `null` when it is reported but does not rank. Defaults: violated
 *   share of registered green ≤ 2 %, yellow ≤ 5 %; repeated share green ≤ 5 %, yellow ≤ 10 %;
 *   satisfied share of answered green ≥ 60 %, yellow ≥ 40 %; mean rating green ≥ 4.0, yellow ≥ 3.0;
 *   rejected: not ranked (a well-founded rejection is not a failure).
 * - `minRegistered` (10): fewer registered appeals leave the unit `unranked`.
 * - `minRated` (5): fewer ratings leave the rating out of the rank.
 *
 * @example
 * import { UnitRating } from "@murojaat/core"
 * UnitRating.defaultSettings.thresholds.violated // { direction: "lowerIsBetter", green: 0.02, yellow: 0.05 }
 *
 * @since 0.2.0
 * @category settings
 */
export interface Settings {
  readonly thresholds: { readonly [I in Indicator]: Threshold | null }
  readonly minRegistered: number
  readonly minRated: number
}

/**
 * The default settings (see {@link Settings}).
 *
 * @example
 * import { UnitRating } from "@murojaat/core"
 * UnitRating.defaultSettings.minRegistered // 10
 *
 * @since 0.2.0
 * @category settings
 */
export const defaultSettings: Settings = {
  thresholds: {
    violated: { direction: "lowerIsBetter", green: 0.02, yellow: 0.05 },
    repeated: { direction: "lowerIsBetter", green: 0.05, yellow: 0.1 },
    satisfied: { direction: "higherIsBetter", green: 0.6, yellow: 0.4 },
    rejected: null,
    rating: { direction: "higherIsBetter", green: 4, yellow: 3 }
  },
  minRegistered: 10,
  minRated: 5
}

const CM40 = "Cabinet of Ministers resolution No. 40 of 30 Jan 2026 (indicators and green/yellow/red ranks)"

/**
 * The rating rules, each with its source.
 *
 * @example
 * import { UnitRating } from "@murojaat/core"
 * UnitRating.rules.length // 4
 *
 * @since 0.2.0
 * @category rules
 */
export const rules = [
  {
    id: "rating.indicators",
    source: `${CM40}; counting as docs/rules/reporting.md`,
    statement:
      "per unit: registered, answered, satisfied, explained, rejected, deadline-violated and repeated appeals received in the period, and the applicants' ratings; a merged duplicate does not count"
  },
  {
    id: "rating.unit",
    source: "Murojaat policy (the resolution scores bodies; MIA order No. 151 of 2017 for the inspectors' territories)",
    statement: "an inspector's appeals are those assigned to him; a mahalla's and a district's those of its territory"
  },
  {
    id: "rating.thresholds",
    source: `${CM40}; the thresholds UNCONFIRMED: settings thresholds, minRated`,
    statement: "each ranked indicator is green, yellow or red by its thresholds; the unit's rank is the worst of them"
  },
  {
    id: "rating.minimum",
    source: "Murojaat setting minRegistered (a share of a handful of appeals says little)",
    statement: "a unit with fewer than minRegistered registered appeals is unranked"
  }
] as const

/**
 * A rating query: the unit level, the area, the period, and the instant deadline violations are
 * judged at (usually the end of the period, or now if it has not ended).
 *
 * @example
 * import { UnitRating } from "@murojaat/core"
 * const q: UnitRating.Query = { level: "inspector", area: { districtCode: "D1" },
 *   interval: { from: "2026-01-01T00:00:00+05:00", to: "2026-04-01T00:00:00+05:00" }, asOf: "2026-04-01T00:00:00+05:00" }
 *
 * @since 0.2.0
 * @category models
 */
export interface Query {
  readonly level: Level
  readonly area: AppealFact.Area
  readonly interval: ReportPeriod.Interval
  readonly asOf: string
}

const codeAt = (f: AppealFact.Fact, level: Level): string | undefined =>
  level === "inspector" ? f.assigneeId : level === "mahalla" ? f.mahallaCode : f.districtCode

/**
 * Orders rows by unit code (code units, as PostgreSQL's "C" collation).
 *
 * @example
 * import { UnitRating } from "@murojaat/core"
 * UnitRating.order([{ code: "O-2" }, { code: "O-1" }]).map((r) => r.code) // ["O-1", "O-2"]
 *
 * @since 0.2.0
 * @category aggregation
 */
export const order = <R extends { readonly code: string }>(rows: ReadonlyArray<R>): ReadonlyArray<R> =>
  [...rows].sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0))

/**
 * Counts facts into rows (the reference for every store's aggregation): per unit, the counted
 * appeals received in the interval; at the inspector level only appeals assigned to someone.
 *
 * @example
 * import { AppealFact, UnitRating } from "@murojaat/core"
 * const f = { appealId: "A-1", regionCode: "R1", districtCode: "D1", mahallaCode: "M1", counted: true, registered: true,
 *   receivedAt: "2026-01-10T05:00:00.000Z", outcome: "satisfied", rating: 5, violated: false, assigneeId: "O-1" } as AppealFact.Fact
 * UnitRating.count([f], { level: "inspector", area: { all: true }, interval: { from: "2026-01-01T00:00:00+05:00", to: "2026-02-01T00:00:00+05:00" },
 *   asOf: "2026-02-01T00:00:00+05:00" })
 * // [{ level: "inspector", code: "O-1", registered: 1, answered: 1, satisfied: 1, explained: 0, rejected: 0, violated: 0, repeated: 0, rated: 1, ratingSum: 5 }]
 *
 * @since 0.2.0
 * @category aggregation
 */
export const count = (facts: ReadonlyArray<AppealFact.Fact>, query: Query): ReadonlyArray<Row> => {
  const rows = new Map<string, { -readonly [K in keyof Row]: Row[K] }>()
  for (const f of facts) {
    if (!f.counted || !AppealFact.inArea(f, query.area) || !AppealFact.receivedIn(f, query.interval)) continue
    const code = codeAt(f, query.level)
    if (code === undefined) continue
    const r = rows.get(code) ?? {
      level: query.level,
      code,
      registered: 0,
      answered: 0,
      satisfied: 0,
      explained: 0,
      rejected: 0,
      violated: 0,
      repeated: 0,
      rated: 0,
      ratingSum: 0
    }
    if (f.registered) r.registered++
    if (f.outcome !== undefined) r.answered++
    if (f.outcome === "satisfied") r.satisfied++
    if (f.outcome === "explained") r.explained++
    if (f.outcome === "rejectedWithGrounds") r.rejected++
    if (AppealFact.violatedAt(f, query.asOf)) r.violated++
    if (f.repeatOf !== undefined) r.repeated++
    if (f.rating !== undefined) {
      r.rated++
      r.ratingSum += f.rating
    }
    rows.set(code, r)
  }
  return order([...rows.values()])
}

/**
 * The rank of one value by its threshold.
 *
 * @example
 * import { UnitRating } from "@murojaat/core"
 * UnitRating.rankOf(0.05, { direction: "lowerIsBetter", green: 0.02, yellow: 0.05 }) // "yellow"
 * UnitRating.rankOf(0.39, { direction: "higherIsBetter", green: 0.6, yellow: 0.4 }) // "red"
 *
 * @since 0.2.0
 * @category rating
 */
export const rankOf = (value: number, t: Threshold): "green" | "yellow" | "red" =>
  t.direction === "lowerIsBetter"
    ? value <= t.green
      ? "green"
      : value <= t.yellow
        ? "yellow"
        : "red"
    : value >= t.green
      ? "green"
      : value >= t.yellow
        ? "yellow"
        : "red"

/**
 * A unit's counts, its indicators, its rank, and the indicators that set the rank (those not green).
 *
 * @example
 * import { UnitRating } from "@murojaat/core"
 * const u: UnitRating.Unit = UnitRating.rate({ level: "mahalla", code: "M1", registered: 2, answered: 2, satisfied: 2, explained: 0, rejected: 0,
 *   violated: 0, repeated: 0, rated: 0, ratingSum: 0 })
 * u.rank // "unranked"
 *
 * @since 0.2.0
 * @category models
 */
export interface Unit extends Row {
  readonly indicators: { readonly [I in Indicator]: number | null }
  readonly rank: Rank
  readonly reasons: ReadonlyArray<{ readonly indicator: Indicator; readonly value: number; readonly rank: "yellow" | "red" }>
}

const share = (n: number, of: number): number | null => (of === 0 ? null : n / of)

const worse = { green: 0, yellow: 1, red: 2 } as const

/**
 * Rates one unit (rules `rating.thresholds`, `rating.minimum`).
 *
 * @example
 * import { UnitRating } from "@murojaat/core"
 * const u = UnitRating.rate({ level: "district", code: "D1", registered: 100, answered: 90, satisfied: 60, explained: 25, rejected: 5,
 *   violated: 1, repeated: 4, rated: 40, ratingSum: 170 })
 * u.indicators.rating // 4.25
 * u.rank // "green"
 *
 * @since 0.2.0
 * @category rating
 */
export const rate = (row: Row, settings: Settings = defaultSettings): Unit => {
  const indicators = {
    violated: share(row.violated, row.registered),
    repeated: share(row.repeated, row.registered),
    satisfied: share(row.satisfied, row.answered),
    rejected: share(row.rejected, row.answered),
    rating: row.rated === 0 ? null : row.ratingSum / row.rated
  }
  if (row.registered < settings.minRegistered) return { ...row, indicators, rank: "unranked", reasons: [] }
  const reasons: Array<{ indicator: Indicator; value: number; rank: "yellow" | "red" }> = []
  let rank: "green" | "yellow" | "red" = "green"
  for (const indicator of Indicator.literals) {
    const t = settings.thresholds[indicator]
    const value = indicators[indicator]
    if (t === null || value === null) continue
    if (indicator === "rating" && row.rated < settings.minRated) continue
    const r = rankOf(value, t)
    if (r !== "green") reasons.push({ indicator, value, rank: r })
    if (worse[r] > worse[rank]) rank = r
  }
  return { ...row, indicators, rank, reasons }
}

/**
 * A rating report: the settings used and every unit rated, in {@link order}.
 *
 * @example
 * import { UnitRating } from "@murojaat/core"
 * UnitRating.report([]).units // []
 *
 * @since 0.2.0
 * @category rating
 */
export const report = (rows: ReadonlyArray<Row>, settings: Settings = defaultSettings): { readonly settings: Settings; readonly units: ReadonlyArray<Unit> } => ({
  settings,
  units: order(rows).map((r) => rate(r, settings))
})
