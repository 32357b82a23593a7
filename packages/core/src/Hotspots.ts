/**
 * Hotspots: where appeals of a kind grow. Counts and rates of appeals per mahalla, district or
 * region and category, in a period and the period before it, the trend between them, and a
 * significance test for a rise with a false-discovery correction across the places and categories
 * tested, so an analyst is shown the places where the growth is unlikely to be chance.
 *
 * The test (rule `hotspot.test`): for a place and category with `c` appeals in the current period
 * (length `t₁` days) and `p` in the previous one (`t₀`), under "no rise" the two counts are Poisson
 * with rates proportional to the lengths, so given their total `n = c + p` the current count is
 * Binomial(n, t₁ / (t₁ + t₀)) (the conditional test for comparing two Poisson rates, Przyborowski
 * and Wileński 1940). Its one-sided p-value is P(X ≥ c), computed exactly (incomplete beta
 * function). Cells with `n < minTotal` are not tested: conditioning on the total makes this filter
 * independent of the p-values under the null, so the correction stays valid. The p-values of the
 * tested cells are adjusted by Benjamini–Hochberg (1995); a cell is a rise when its adjusted
 * p-value (q-value) is at most `fdr` and its rate ratio at least `minRatio`. The expected share of
 * false alarms among the rises is then at most `fdr`.
 *
 * Counting: an appeal counts in the period of its true date of receipt (Tashkent time), by the
 * category triage gave it (`unclassified` before triage); an appeal merged as a duplicate does not
 * count (it counts with the appeal it joined). Rates are per day of the period (periods differ in
 * length) and as a share of the place's appeals. No population figures are in the directory, so
 * there is no rate per resident.
 *
 * @example
 * import { Hotspots } from "@murojaat/core"
 * const rows = [{ level: "mahalla" as const, code: "M1", category: "domesticViolence", current: 18, previous: 6 }]
 * const r = Hotspots.report(rows, { current: { from: "2026-03-01T00:00:00+05:00", to: "2026-04-01T00:00:00+05:00" },
 *   previous: { from: "2026-02-01T00:00:00+05:00", to: "2026-03-01T00:00:00+05:00" } })
 * r.cells[0]?.rise // true
 *
 * @since 0.2.0
 */
import { Schema } from "effect"
import * as AppealFact from "./AppealFact.js"
import * as Stats from "./internal/prevention/stats.js"
import * as ReportPeriod from "./ReportPeriod.js"

/**
 * The level places are counted at.
 *
 * @example
 * import { Hotspots } from "@murojaat/core"
 * Hotspots.Level.literals // ["mahalla", "district", "region"]
 *
 * @since 0.2.0
 * @category models
 */
export const Level = Schema.Literal("mahalla", "district", "region")
/** @see Level */
export type Level = typeof Level.Type

/**
 * The settings of the rise test.
 *
 * - `fdr` (0.05): the false-discovery rate the Benjamini–Hochberg correction keeps across the cells tested.
 * - `minTotal` (5): a cell is tested only when its two periods together have at least this many appeals.
 * - `minRatio` (1.25): a rise must also be at least this ratio of the rates per day (current over
 *   previous), so a significant but negligible growth is not shown.
 *
 * No law sets them: statistical practice, Murojaat settings.
 *
 * @example
 * import { Hotspots } from "@murojaat/core"
 * Hotspots.defaultSettings.fdr // 0.05
 *
 * @since 0.2.0
 * @category settings
 */
export interface Settings {
  readonly fdr: number
  readonly minTotal: number
  readonly minRatio: number
}

/**
 * The default settings (see {@link Settings}).
 *
 * @example
 * import { Hotspots } from "@murojaat/core"
 * Hotspots.defaultSettings.minTotal // 5
 *
 * @since 0.2.0
 * @category settings
 */
export const defaultSettings: Settings = { fdr: 0.05, minTotal: 5, minRatio: 1.25 }

/**
 * The hotspot rules, each with its source.
 *
 * @example
 * import { Hotspots } from "@murojaat/core"
 * Hotspots.rules.map((r) => r.id) // ["hotspot.counting", "hotspot.rate", "hotspot.test", "hotspot.fdr"]
 *
 * @since 0.2.0
 * @category rules
 */
export const rules = [
  {
    id: "hotspot.counting",
    source: "ZRU-445 Art. 23 and 28 (the true date of receipt); Murojaat policy (a merged duplicate counts with the appeal it joined)",
    statement:
      "an appeal counts once, in the period of its true date of receipt (Tashkent time), under the category triage gave it (unclassified before triage); a merged duplicate does not count"
  },
  {
    id: "hotspot.rate",
    source: "Murojaat policy (periods differ in length; the directory has no population figures)",
    statement: "rates are appeals per day of the period, and the share of the place's appeals in the period; the trend is the ratio of the rates per day"
  },
  {
    id: "hotspot.test",
    source: "Statistics: conditional test of two Poisson rates (Przyborowski and Wileński 1940); setting minTotal",
    statement:
      "a rise is tested with P(X ≥ current) for X ~ Binomial(current + previous, t₁ / (t₁ + t₀)), t the lengths of the periods; cells with fewer than minTotal appeals in both periods together are not tested"
  },
  {
    id: "hotspot.fdr",
    source: "Statistics: Benjamini and Hochberg 1995; settings fdr and minRatio",
    statement: "the p-values of the cells tested are adjusted together (Benjamini–Hochberg); a cell is a rise when its q-value is at most fdr and its rate ratio at least minRatio"
  }
] as const

/**
 * The appeals of one place and category in the two periods: what a store aggregates (in SQL or
 * from facts) and the report reads.
 *
 * @example
 * import { Hotspots } from "@murojaat/core"
 * const row: Hotspots.CountRow = { level: "district", code: "D1", category: "fraud", current: 40, previous: 31 }
 *
 * @since 0.2.0
 * @category models
 */
export interface CountRow {
  readonly level: Level
  readonly code: string
  readonly category: string
  readonly current: number
  readonly previous: number
}

/**
 * A hotspot query: the level, the area, and the two periods compared (usually a period and the
 * one before it: `ReportPeriod.previous`).
 *
 * @example
 * import { Hotspots } from "@murojaat/core"
 * const q: Hotspots.Query = { level: "mahalla", area: { districtCode: "D1" },
 *   current: { from: "2026-03-01T00:00:00+05:00", to: "2026-04-01T00:00:00+05:00" },
 *   previous: { from: "2026-02-01T00:00:00+05:00", to: "2026-03-01T00:00:00+05:00" } }
 *
 * @since 0.2.0
 * @category models
 */
export interface Query {
  readonly level: Level
  readonly area: AppealFact.Area
  readonly current: ReportPeriod.Interval
  readonly previous: ReportPeriod.Interval
}

const codeAt = (f: AppealFact.Fact, level: Level): string =>
  level === "mahalla" ? f.mahallaCode : level === "district" ? f.districtCode : f.regionCode

/**
 * Orders count rows the one way every store returns them: by place code, then category (code
 * units, as PostgreSQL's "C" collation orders them).
 *
 * @example
 * import { Hotspots } from "@murojaat/core"
 * Hotspots.order([{ code: "M2", category: "a" }, { code: "M1", category: "b" }]).map((r) => r.code) // ["M1", "M2"]
 *
 * @since 0.2.0
 * @category aggregation
 */
export const order = <R extends { readonly code: string; readonly category: string }>(rows: ReadonlyArray<R>): ReadonlyArray<R> =>
  [...rows].sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : a.category < b.category ? -1 : a.category > b.category ? 1 : 0))

/**
 * Counts facts into rows (the reference for every store's aggregation): per place of the level
 * and category, the counted appeals received in each period; only cells with an appeal in either
 * period, in {@link order}.
 *
 * @example
 * import { AppealFact, Hotspots } from "@murojaat/core"
 * const f = (appealId: string, receivedAt: string) => ({ appealId, regionCode: "R1", districtCode: "D1", mahallaCode: "M1",
 *   category: "fraud", counted: true, receivedAt }) as AppealFact.Fact
 * Hotspots.count([f("A-1", "2026-03-05T05:00:00.000Z"), f("A-2", "2026-02-05T05:00:00.000Z")], { level: "district", area: { all: true },
 *   current: { from: "2026-03-01T00:00:00+05:00", to: "2026-04-01T00:00:00+05:00" }, previous: { from: "2026-02-01T00:00:00+05:00", to: "2026-03-01T00:00:00+05:00" } })
 * // [{ level: "district", code: "D1", category: "fraud", current: 1, previous: 1 }]
 *
 * @since 0.2.0
 * @category aggregation
 */
export const count = (facts: ReadonlyArray<AppealFact.Fact>, query: Query): ReadonlyArray<CountRow> => {
  const cells = new Map<string, { code: string; category: string; current: number; previous: number }>()
  for (const f of facts) {
    if (!f.counted || !AppealFact.inArea(f, query.area)) continue
    const cur = AppealFact.receivedIn(f, query.current)
    const prev = AppealFact.receivedIn(f, query.previous)
    if (!cur && !prev) continue
    const code = codeAt(f, query.level)
    const key = `${code}\u0000${f.category}`
    const cell = cells.get(key) ?? { code, category: f.category, current: 0, previous: 0 }
    if (cur) cell.current++
    if (prev) cell.previous++
    cells.set(key, cell)
  }
  return order([...cells.values()].map((c) => ({ level: query.level, ...c })))
}

/**
 * One place and category in the report: the counts, the rates, the trend and the test.
 *
 * - `currentPerDay`, `previousPerDay`: appeals per day of each period;
 * - `share`: the category's share of the place's appeals in the current period;
 * - `ratio`: current rate over previous rate (`null` when the previous period had none);
 * - `pValue`, `qValue`: the test's p-value and its Benjamini–Hochberg adjustment (`null` when not tested);
 * - `rise`: significant (q ≤ fdr) and large enough (ratio ≥ minRatio; a cell with no previous appeals counts as large enough).
 *
 * @example
 * import { Hotspots } from "@murojaat/core"
 * const c: Hotspots.Cell = { level: "mahalla", code: "M1", category: "fraud", current: 3, previous: 1, currentPerDay: 0.1, previousPerDay: 0.03,
 *   share: 0.5, ratio: 3, pValue: null, qValue: null, rise: false }
 *
 * @since 0.2.0
 * @category models
 */
export interface Cell extends CountRow {
  readonly currentPerDay: number
  readonly previousPerDay: number
  readonly share: number
  readonly ratio: number | null
  readonly pValue: number | null
  readonly qValue: number | null
  readonly rise: boolean
}

/**
 * The total of one place across categories, with its trend (not tested: the categories are).
 *
 * @example
 * import { Hotspots } from "@murojaat/core"
 * const t: Hotspots.Total = { level: "district", code: "D1", current: 120, previous: 100, ratio: 1.2 }
 *
 * @since 0.2.0
 * @category models
 */
export interface Total {
  readonly level: Level
  readonly code: string
  readonly current: number
  readonly previous: number
  readonly ratio: number | null
}

/**
 * A hotspot report: the two periods, the settings used, every cell (in {@link order}), the places'
 * totals, and the rises (most significant first).
 *
 * @example
 * import { Hotspots } from "@murojaat/core"
 * const r: Hotspots.Report = Hotspots.report([], { current: { from: "2026-03-01T00:00:00+05:00", to: "2026-04-01T00:00:00+05:00" },
 *   previous: { from: "2026-02-01T00:00:00+05:00", to: "2026-03-01T00:00:00+05:00" } })
 * r.tested // 0
 *
 * @since 0.2.0
 * @category models
 */
export interface Report {
  readonly current: ReportPeriod.Interval
  readonly previous: ReportPeriod.Interval
  readonly settings: Settings
  readonly tested: number
  readonly cells: ReadonlyArray<Cell>
  readonly totals: ReadonlyArray<Total>
  readonly rises: ReadonlyArray<Cell>
}

/**
 * The one-sided p-value of a rise from `previous` appeals over `previousDays` to `current` over
 * `currentDays` (rule `hotspot.test`).
 *
 * @example
 * import { Hotspots } from "@murojaat/core"
 * // Equal periods, 10 then 10: no evidence of a rise.
 * Hotspots.pValue(10, 10, 30, 30) > 0.5 // true
 * // 3 then 0 over equal periods: P(X ≥ 3) for X ~ Binomial(3, 1/2) = 1/8.
 * Hotspots.pValue(3, 0, 30, 30) // 0.125
 *
 * @since 0.2.0
 * @category test
 */
export const pValue = (current: number, previous: number, currentDays: number, previousDays: number): number =>
  Stats.binomialUpperTail(current, current + previous, currentDays / (currentDays + previousDays))

/**
 * Benjamini–Hochberg adjusted p-values, in the order given (rule `hotspot.fdr`).
 *
 * @example
 * import { Hotspots } from "@murojaat/core"
 * Hotspots.adjust([0.01, 0.04, 0.03]) // [0.03, 0.04, 0.04]
 *
 * @since 0.2.0
 * @category test
 */
export const adjust = (pValues: ReadonlyArray<number>): ReadonlyArray<number> => Stats.benjaminiHochberg(pValues)

const ratioOf = (current: number, previous: number, t1: number, t0: number): number | null => (previous === 0 ? null : current / t1 / (previous / t0))

/**
 * The report of count rows: rates, trends, the test of every cell with enough appeals, the
 * correction across them, and the rises.
 *
 * @example
 * import { Hotspots } from "@murojaat/core"
 * const periods = { current: { from: "2026-03-01T00:00:00+05:00", to: "2026-04-01T00:00:00+05:00" },
 *   previous: { from: "2026-02-01T00:00:00+05:00", to: "2026-03-01T00:00:00+05:00" } }
 * const r = Hotspots.report([
 *   { level: "mahalla", code: "M1", category: "fraud", current: 30, previous: 10 },
 *   { level: "mahalla", code: "M2", category: "fraud", current: 11, previous: 10 },
 *   { level: "mahalla", code: "M3", category: "fraud", current: 2, previous: 1 }
 * ], periods)
 * r.rises.map((c) => c.code) // ["M1"]
 * r.tested // 2
 *
 * @since 0.2.0
 * @category report
 */
export const report = (
  rows: ReadonlyArray<CountRow>,
  periods: { readonly current: ReportPeriod.Interval; readonly previous: ReportPeriod.Interval },
  settings: Settings = defaultSettings
): Report => {
  const t1 = ReportPeriod.lengthInDays(periods.current)
  const t0 = ReportPeriod.lengthInDays(periods.previous)
  const sorted = order(rows)
  const totals = new Map<string, { level: Level; code: string; current: number; previous: number }>()
  for (const r of sorted) {
    const t = totals.get(r.code) ?? { level: r.level, code: r.code, current: 0, previous: 0 }
    t.current += r.current
    t.previous += r.previous
    totals.set(r.code, t)
  }
  const testedIdx: Array<number> = []
  const ps: Array<number> = []
  sorted.forEach((r, i) => {
    if (r.current + r.previous >= settings.minTotal) {
      testedIdx.push(i)
      ps.push(pValue(r.current, r.previous, t1, t0))
    }
  })
  const qs = adjust(ps)
  const tested = new Map(testedIdx.map((i, j) => [i, { p: ps[j]!, q: qs[j]! }]))
  const cells: Array<Cell> = sorted.map((r, i) => {
    const ratio = ratioOf(r.current, r.previous, t1, t0)
    const t = tested.get(i)
    const placeTotal = totals.get(r.code)!.current
    // Fields written out: a spread of the row here made V8 build a new object shape per cell.
    return {
      level: r.level,
      code: r.code,
      category: r.category,
      current: r.current,
      previous: r.previous,
      currentPerDay: r.current / t1,
      previousPerDay: r.previous / t0,
      share: placeTotal === 0 ? 0 : r.current / placeTotal,
      ratio,
      pValue: t?.p ?? null,
      qValue: t?.q ?? null,
      rise: t !== undefined && t.q <= settings.fdr && (ratio === null || ratio >= settings.minRatio)
    }
  })
  return {
    current: periods.current,
    previous: periods.previous,
    settings,
    tested: testedIdx.length,
    cells,
    totals: [...totals.values()].map((t) => ({ level: t.level, code: t.code, current: t.current, previous: t.previous, ratio: ratioOf(t.current, t.previous, t1, t0) })),
    rises: cells.filter((c) => c.rise).sort((a, b) => a.qValue! - b.qValue! || a.pValue! - b.pValue! || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0))
  }
}
