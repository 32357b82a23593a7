/**
 * Reporting periods: days, ISO weeks, months, quarters and years of Tashkent time (UTC+5, no
 * daylight saving), each a half-open interval `[from, to)` of instants. The periods of one unit
 * partition time: every instant lies in exactly one, and each ends where the next begins, so
 * counts over consecutive periods add up to the count over their union. Analytics count an appeal
 * in the period of its true date of receipt (ZRU-445 Art. 23 and 28; `AppealState.receivedAt`).
 *
 * Labels are the audit vocabulary of a period: `2026` (year), `2026-Q1` (quarter), `2026-03`
 * (month), `2026-W11` (ISO week, Monday first, the week-year of its Thursday), `2026-03-14` (day).
 *
 * @example
 * import { ReportPeriod } from "@murojaat/core"
 * import { Option } from "effect"
 * const march = Option.getOrThrow(ReportPeriod.fromLabel("2026-03"))
 * march.from // "2026-03-01T00:00:00+05:00"
 * march.to // "2026-04-01T00:00:00+05:00"
 * ReportPeriod.previous(march).label // "2026-02"
 *
 * @since 0.2.0
 */
import { Option, Schema } from "effect"
import * as LocalTime from "./internal/localTime.js"

/**
 * The unit of a period.
 *
 * @example
 * import { ReportPeriod } from "@murojaat/core"
 * ReportPeriod.Unit.literals // ["day", "week", "month", "quarter", "year"]
 *
 * @since 0.2.0
 * @category models
 */
export const Unit = Schema.Literal("day", "week", "month", "quarter", "year")
/** @see Unit */
export type Unit = typeof Unit.Type

/**
 * A period: its unit, its label, and its bounds as instants in Tashkent time (`from` inclusive,
 * `to` exclusive), with the number of days it spans.
 *
 * @example
 * import { ReportPeriod } from "@murojaat/core"
 * import { Option } from "effect"
 * const q: ReportPeriod.Period = Option.getOrThrow(ReportPeriod.fromLabel("2026-Q1"))
 * q.days // 90
 *
 * @since 0.2.0
 * @category models
 */
export interface Period {
  readonly unit: Unit
  readonly label: string
  readonly from: string
  readonly to: string
  readonly days: number
}

/**
 * A half-open interval of instants `[from, to)`, the form every analytics query takes.
 *
 * @example
 * import { ReportPeriod } from "@murojaat/core"
 * const i: ReportPeriod.Interval = { from: "2026-03-01T00:00:00+05:00", to: "2026-04-01T00:00:00+05:00" }
 * i.from < i.to // true
 *
 * @since 0.2.0
 * @category models
 */
export interface Interval {
  readonly from: string
  readonly to: string
}

const { pad2, dayFromCivil, civilFromDay, weekday, daysInMonth } = LocalTime

const pad4 = (n: number): string => String(n).padStart(4, "0")

// A period from its unit and first and last-plus-one local day numbers.
const make = (unit: Unit, label: string, fromDay: number, toDay: number): Period => ({
  unit,
  label,
  from: LocalTime.formatInstant(LocalTime.instantOf(fromDay, 0)),
  to: LocalTime.formatInstant(LocalTime.instantOf(toDay, 0)),
  days: toDay - fromDay
})

// The Monday of ISO week 1 of an ISO week-year: the week holding 4 January.
const isoWeekOneMonday = (year: number): number => {
  const jan4 = dayFromCivil(year, 1, 4)
  return jan4 - (weekday(jan4) - 1)
}

// The ISO week-year and week of a day number.
const isoWeek = (day: number): readonly [number, number] => {
  const thursday = day - weekday(day) + 4
  const year = civilFromDay(thursday)[0]
  return [year, Math.floor((thursday - isoWeekOneMonday(year)) / 7) + 1]
}

// The period of one unit holding a local day number.
const ofDay = (unit: Unit, day: number): Period => {
  const [y, m, d] = civilFromDay(day)
  switch (unit) {
    case "day":
      return make(unit, `${pad4(y)}-${pad2(m)}-${pad2(d)}`, day, day + 1)
    case "week": {
      const [wy, w] = isoWeek(day)
      const monday = isoWeekOneMonday(wy) + (w - 1) * 7
      return make(unit, `${pad4(wy)}-W${pad2(w)}`, monday, monday + 7)
    }
    case "month":
      return make(unit, `${pad4(y)}-${pad2(m)}`, dayFromCivil(y, m, 1), dayFromCivil(y, m, 1) + daysInMonth(y, m))
    case "quarter": {
      const q = Math.floor((m - 1) / 3) + 1
      const first = dayFromCivil(y, (q - 1) * 3 + 1, 1)
      const next = q === 4 ? dayFromCivil(y + 1, 1, 1) : dayFromCivil(y, q * 3 + 1, 1)
      return make(unit, `${pad4(y)}-Q${q}`, first, next)
    }
    case "year":
      return make(unit, pad4(y), dayFromCivil(y, 1, 1), dayFromCivil(y + 1, 1, 1))
  }
}

const fromDayOf = (p: Period): number => LocalTime.localDay(LocalTime.parseInstant(p.from)!)
const toDayOf = (p: Period): number => LocalTime.localDay(LocalTime.parseInstant(p.to)!)

const LABEL = /^(\d{4})(?:-(?:(\d{2})(?:-(\d{2}))?|Q([1-4])|W(\d{2})))?$/

/**
 * The period a label names, or `None` when the label is not one (`2026-13`, `2026-W54`,
 * `2026-02-30`, `2026-Q5`). A week label must name a week the week-year has (52 or 53).
 *
 * @example
 * import { ReportPeriod } from "@murojaat/core"
 * import { Option } from "effect"
 * Option.map(ReportPeriod.fromLabel("2026-W01"), (p) => p.from) // Option.some("2025-12-29T00:00:00+05:00")
 * Option.isNone(ReportPeriod.fromLabel("2026-02-30")) // true
 *
 * @since 0.2.0
 * @category constructors
 */
export const fromLabel = (label: string): Option.Option<Period> => {
  const m = LABEL.exec(label)
  if (m === null) return Option.none()
  const y = Number(m[1])
  if (y < 1992 || y > 2200) return Option.none()
  if (m[4] !== undefined) return Option.some(ofDay("quarter", dayFromCivil(y, (Number(m[4]) - 1) * 3 + 1, 1)))
  if (m[5] !== undefined) {
    const w = Number(m[5])
    const monday = isoWeekOneMonday(y) + (w - 1) * 7
    return w >= 1 && isoWeek(monday)[0] === y ? Option.some(ofDay("week", monday)) : Option.none()
  }
  if (m[2] === undefined) return Option.some(ofDay("year", dayFromCivil(y, 1, 1)))
  const mo = Number(m[2])
  if (mo < 1 || mo > 12) return Option.none()
  if (m[3] === undefined) return Option.some(ofDay("month", dayFromCivil(y, mo, 1)))
  const d = Number(m[3])
  return d >= 1 && d <= daysInMonth(y, mo) ? Option.some(ofDay("day", dayFromCivil(y, mo, d))) : Option.none()
}

/**
 * A period label as a schema: any text {@link fromLabel} reads, for query strings and CLI options.
 *
 * @example
 * import { ReportPeriod } from "@murojaat/core"
 * import { Schema } from "effect"
 * Schema.is(ReportPeriod.Label)("2026-Q2") // true
 * Schema.is(ReportPeriod.Label)("2026-Q5") // false
 *
 * @since 0.2.0
 * @category models
 */
export const Label = Schema.String.pipe(
  Schema.maxLength(10),
  Schema.filter((s) => Option.isSome(fromLabel(s)), { message: () => "Expected a period: 2026, 2026-Q1, 2026-03, 2026-W11 or 2026-03-14" }),
  Schema.annotations({ description: "a reporting period: YYYY, YYYY-Qn, YYYY-MM, YYYY-Www or YYYY-MM-DD (Tashkent time)" })
)

/**
 * The period of a unit that holds an instant, or `None` when the text is not a real instant. An
 * instant without an offset is read as Tashkent time.
 *
 * @example
 * import { ReportPeriod } from "@murojaat/core"
 * import { Option } from "effect"
 * // 20:00 UTC on 31 March is already 1 April in Tashkent.
 * Option.map(ReportPeriod.containing("month", "2026-03-31T20:00:00Z"), (p) => p.label) // Option.some("2026-04")
 *
 * @since 0.2.0
 * @category constructors
 */
export const containing = (unit: Unit, instant: string): Option.Option<Period> => {
  const ms = LocalTime.parseInstant(instant)
  return ms === undefined ? Option.none() : Option.some(ofDay(unit, LocalTime.localDay(ms)))
}

/**
 * The period before, of the same unit (it ends where this one begins).
 *
 * @example
 * import { ReportPeriod } from "@murojaat/core"
 * import { Option } from "effect"
 * ReportPeriod.previous(Option.getOrThrow(ReportPeriod.fromLabel("2026-Q1"))).label // "2025-Q4"
 *
 * @since 0.2.0
 * @category navigation
 */
export const previous = (p: Period): Period => ofDay(p.unit, fromDayOf(p) - 1)

/**
 * The period after, of the same unit (it begins where this one ends).
 *
 * @example
 * import { ReportPeriod } from "@murojaat/core"
 * import { Option } from "effect"
 * ReportPeriod.next(Option.getOrThrow(ReportPeriod.fromLabel("2026-W53"))).label // "2027-W01"
 *
 * @since 0.2.0
 * @category navigation
 */
export const next = (p: Period): Period => ofDay(p.unit, toDayOf(p))

/**
 * The consecutive periods of a unit that cover `[from, to)`: the first holds `from`, the last holds
 * the instant just before `to`; empty when `to` is not after `from` or either is not an instant.
 *
 * @example
 * import { ReportPeriod } from "@murojaat/core"
 * ReportPeriod.covering("quarter", { from: "2026-02-10T00:00:00+05:00", to: "2026-07-01T00:00:00+05:00" }).map((p) => p.label)
 * // ["2026-Q1", "2026-Q2"]
 *
 * @since 0.2.0
 * @category navigation
 */
export const covering = (unit: Unit, interval: Interval): ReadonlyArray<Period> => {
  const from = LocalTime.parseInstant(interval.from)
  const to = LocalTime.parseInstant(interval.to)
  if (from === undefined || to === undefined || to <= from) return []
  const out: Array<Period> = []
  let p = ofDay(unit, LocalTime.localDay(from))
  const lastDay = LocalTime.localDay(to - 1)
  for (;;) {
    out.push(p)
    if (toDayOf(p) > lastDay) return out
    p = next(p)
  }
}

/**
 * Whether an instant lies in an interval (`from` ≤ t < `to`), compared as instants, not as text.
 *
 * @example
 * import { ReportPeriod } from "@murojaat/core"
 * const i = { from: "2026-03-01T00:00:00+05:00", to: "2026-04-01T00:00:00+05:00" }
 * ReportPeriod.includes(i, "2026-02-28T19:00:00Z") // true
 * ReportPeriod.includes(i, "2026-03-31T19:00:00Z") // false
 *
 * @since 0.2.0
 * @category predicates
 */
export const includes = (interval: Interval, instant: string): boolean => {
  const t = LocalTime.parseInstant(instant)
  const from = LocalTime.parseInstant(interval.from)
  const to = LocalTime.parseInstant(interval.to)
  return t !== undefined && from !== undefined && to !== undefined && from <= t && t < to
}

/**
 * The length of an interval in days (fractional when it does not fall on midnights): the exposure
 * a rate is counted over.
 *
 * @example
 * import { ReportPeriod } from "@murojaat/core"
 * ReportPeriod.lengthInDays({ from: "2026-03-01T00:00:00+05:00", to: "2026-03-02T12:00:00+05:00" }) // 1.5
 *
 * @since 0.2.0
 * @category utils
 */
export const lengthInDays = (interval: Interval): number => {
  const from = LocalTime.parseInstant(interval.from)
  const to = LocalTime.parseInstant(interval.to)
  return from === undefined || to === undefined ? Number.NaN : (to - from) / LocalTime.MS_PER_DAY
}
