/**
 * Exports of the prevention analytics as CSV (RFC 4180: comma-separated, double quotes, CRLF line
 * ends, a header row) and JSON, for spreadsheets and other systems. Each report becomes a table
 * (`Table`): one row per cell, unit, signal or suggestion, with stable column names (audit
 * vocabulary). Nothing personal goes in: the linking keys of signals and suggestions are left out
 * of the tables whatever the reader may see (an export travels further than a screen).
 *
 * A cell that starts with `=`, `+`, `-`, `@`, a tab or a carriage return is prefixed with `'`, so a
 * spreadsheet never runs it as a formula (CSV injection); numbers are written as numbers.
 *
 * @example
 * import { AnalyticsExport } from "@murojaat/core"
 * AnalyticsExport.csv({ columns: ["code", "count"], rows: [["M1", 3], ["=cmd", null]] })
 * // "code,count\r\nM1,3\r\n'=cmd,\r\n"
 *
 * @since 0.2.0
 */
import type * as Hotspots from "./Hotspots.js"
import type * as ProtectionOrder from "./ProtectionOrder.js"
import type * as Repeats from "./Repeats.js"
import type * as UnitRating from "./UnitRating.js"

/**
 * A value of a table cell.
 *
 * @example
 * import { AnalyticsExport } from "@murojaat/core"
 * const v: AnalyticsExport.Value = null
 *
 * @since 0.2.0
 * @category models
 */
export type Value = string | number | boolean | null

/**
 * A table: column names and rows of values, one per column.
 *
 * @example
 * import { AnalyticsExport } from "@murojaat/core"
 * const t: AnalyticsExport.Table = { columns: ["a"], rows: [[1]] }
 *
 * @since 0.2.0
 * @category models
 */
export interface Table {
  readonly columns: ReadonlyArray<string>
  readonly rows: ReadonlyArray<ReadonlyArray<Value>>
}

const risky = /^[=+\-@\t\r]/

const cell = (v: Value): string => {
  if (v === null) return ""
  if (typeof v === "number") return Number.isFinite(v) ? String(v) : ""
  if (typeof v === "boolean") return v ? "true" : "false"
  const guarded = risky.test(v) ? `'${v}` : v
  return /[",\r\n]/.test(guarded) ? `"${guarded.replaceAll('"', '""')}"` : guarded
}

/**
 * A table as CSV text (RFC 4180, CRLF line ends, header first, formula-like text guarded).
 *
 * @example
 * import { AnalyticsExport } from "@murojaat/core"
 * AnalyticsExport.csv({ columns: ["name"], rows: [['Say "hi", please']] }) // 'name\r\n"Say ""hi"", please"\r\n'
 *
 * @since 0.2.0
 * @category csv
 */
export const csv = (table: Table): string => [table.columns, ...table.rows].map((r) => r.map(cell).join(",") + "\r\n").join("")

/**
 * A table as JSON: an array of objects keyed by the column names, for systems that prefer records.
 *
 * @example
 * import { AnalyticsExport } from "@murojaat/core"
 * AnalyticsExport.json({ columns: ["code", "count"], rows: [["M1", 3]] }) // '[{"code":"M1","count":3}]'
 *
 * @since 0.2.0
 * @category json
 */
export const json = (table: Table): string => JSON.stringify(records(table))

/**
 * A table's rows as objects keyed by the column names.
 *
 * @example
 * import { AnalyticsExport } from "@murojaat/core"
 * AnalyticsExport.records({ columns: ["a", "b"], rows: [[1, null]] }) // [{ a: 1, b: null }]
 *
 * @since 0.2.0
 * @category json
 */
export const records = (table: Table): ReadonlyArray<Readonly<Record<string, Value>>> =>
  table.rows.map((r) => Object.fromEntries(table.columns.map((c, i) => [c, r[i] ?? null])))

/**
 * The cells of a hotspot report, one row each.
 *
 * @example
 * import { AnalyticsExport, Hotspots } from "@murojaat/core"
 * const r = Hotspots.report([{ level: "mahalla", code: "M1", category: "fraud", current: 2, previous: 1 }],
 *   { current: { from: "2026-03-01T00:00:00+05:00", to: "2026-04-01T00:00:00+05:00" }, previous: { from: "2026-02-01T00:00:00+05:00", to: "2026-03-01T00:00:00+05:00" } })
 * AnalyticsExport.hotspots(r).columns.slice(0, 5) // ["level", "code", "category", "current", "previous"]
 *
 * @since 0.2.0
 * @category tables
 */
export const hotspots = (report: Hotspots.Report): Table => ({
  columns: ["level", "code", "category", "current", "previous", "currentPerDay", "previousPerDay", "share", "ratio", "pValue", "qValue", "rise", "currentFrom", "currentTo", "previousFrom", "previousTo"],
  rows: report.cells.map((c) => [
    c.level,
    c.code,
    c.category,
    c.current,
    c.previous,
    c.currentPerDay,
    c.previousPerDay,
    c.share,
    c.ratio,
    c.pValue,
    c.qValue,
    c.rise,
    report.current.from,
    report.current.to,
    report.previous.from,
    report.previous.to
  ])
})

/**
 * The units of a rating report, one row each.
 *
 * @example
 * import { AnalyticsExport, UnitRating } from "@murojaat/core"
 * const t = AnalyticsExport.ratings(UnitRating.report([{ level: "mahalla", code: "M1", registered: 12, answered: 10, satisfied: 8, explained: 2,
 *   rejected: 0, violated: 0, repeated: 0, rated: 0, ratingSum: 0 }]))
 * t.rows[0]?.[t.columns.indexOf("rank")] // "green"
 *
 * @since 0.2.0
 * @category tables
 */
export const ratings = (report: { readonly units: ReadonlyArray<UnitRating.Unit> }): Table => ({
  columns: [
    "level",
    "code",
    "registered",
    "answered",
    "satisfied",
    "explained",
    "rejected",
    "violated",
    "repeated",
    "rated",
    "meanRating",
    "violatedShare",
    "repeatedShare",
    "satisfiedShare",
    "rejectedShare",
    "rank",
    "reasons"
  ],
  rows: report.units.map((u) => [
    u.level,
    u.code,
    u.registered,
    u.answered,
    u.satisfied,
    u.explained,
    u.rejected,
    u.violated,
    u.repeated,
    u.rated,
    u.indicators.rating,
    u.indicators.violated,
    u.indicators.repeated,
    u.indicators.satisfied,
    u.indicators.rejected,
    u.rank,
    u.reasons.map((r) => `${r.indicator}:${r.rank}`).join(" ")
  ])
})

/**
 * Signals, one row each, without their linking keys (appeal ids separated by spaces).
 *
 * @example
 * import { AnalyticsExport } from "@murojaat/core"
 * const t = AnalyticsExport.signals([{ id: "family:A-1", kind: "family", rule: "repeat.family", mahallaCode: "M1", districtCode: "D1", key: "secret",
 *   appealIds: ["A-1", "A-2"], evidence: [], measured: false }])
 * t.rows[0] // ["family:A-1", "family", "repeat.family", "D1", "M1", 2, "A-1 A-2", false]
 *
 * @since 0.2.0
 * @category tables
 */
export const signals = (signals_: ReadonlyArray<Repeats.Signal>): Table => ({
  columns: ["id", "kind", "rule", "districtCode", "mahallaCode", "appeals", "appealIds", "measured"],
  rows: signals_.map((s) => [s.id, s.kind, s.rule, s.districtCode, s.mahallaCode, s.appealIds.length, s.appealIds.join(" "), s.measured])
})

/**
 * Mahallas by repeat rate, one row each.
 *
 * @example
 * import { AnalyticsExport } from "@murojaat/core"
 * AnalyticsExport.repeatRates([{ mahallaCode: "M1", registered: 20, repeated: 2, rate: 0.1, ranked: true }]).rows // [["M1", 20, 2, 0.1, true]]
 *
 * @since 0.2.0
 * @category tables
 */
export const repeatRates = (rates: ReadonlyArray<Repeats.MahallaRate>): Table => ({
  columns: ["mahallaCode", "registered", "repeated", "rate", "ranked"],
  rows: rates.map((r) => [r.mahallaCode, r.registered, r.repeated, r.rate, r.ranked])
})

/**
 * Protection-order suggestions, one row each, without the victim's key.
 *
 * @example
 * import { AnalyticsExport } from "@murojaat/core"
 * AnalyticsExport.orderSuggestions([{ id: "protectionOrder:A-1", key: "secret", year: 2026, appealIds: ["A-1", "A-2"], incidents: 2,
 *   lastIncidentAt: "2026-02-20T05:00:00.000Z", mahallaCode: "M1", districtCode: "D1", rule: "protectionOrder.ownInitiative" }]).rows[0]
 * // ["protectionOrder:A-1", 2026, "D1", "M1", 2, "2026-02-20T05:00:00.000Z", "A-1 A-2", "protectionOrder.ownInitiative"]
 *
 * @since 0.2.0
 * @category tables
 */
export const orderSuggestions = (suggestions: ReadonlyArray<ProtectionOrder.Suggestion>): Table => ({
  columns: ["id", "year", "districtCode", "mahallaCode", "incidents", "lastIncidentAt", "appealIds", "rule"],
  rows: suggestions.map((s) => [s.id, s.year, s.districtCode, s.mahallaCode, s.incidents, s.lastIncidentAt, s.appealIds.join(" "), s.rule])
})
