/**
 * iCalendar (RFC 5545) import: all-day VEVENTs into calendar years, checked like any calendar
 * data. Documented in `Calendar.ts`.
 */
import { Either } from "effect"
import type * as Calendar from "../../Calendar.js"
import { FieldIssue, InvalidCalendar } from "../../Errors.js"
import * as localTime from "../localTime.js"
import { isWeeklyRestDay } from "./arithmetic.js"
import { problems } from "./data.js"
import { EntryKind, weekTypes } from "./schema.js"

type Entry = Calendar.Entry
type Year = Calendar.Year
type WeekType = Calendar.WeekType

const unescapeText = (s: string) => s.replace(/\\([\\;,nN])/g, (_, c: string) => (c === "n" || c === "N" ? "\n" : c))


export const fromICalendar = (ics: string, options: Calendar.ICalendarOptions): Either.Either<ReadonlyArray<Year>, InvalidCalendar> => {
  const lines = ics
    .replace(/\r\n/g, "\n")
    .replace(/\n[ \t]/g, "")
    .split("\n")
    .map((l) => l.trimEnd())
  const issues: Array<FieldIssue> = []
  const entries: Array<Entry> = []
  let inCalendar = false
  let event: Array<{ name: string; params: string; value: string }> | undefined
  let eventIndex = 0
  const fail = (path: string, detail: string, expected?: string) =>
    issues.push(new FieldIssue({ path, problem: "invalidValue", detail, ...(expected === undefined ? {} : { expected }) }))
  const dateValue = (v: string): number | undefined => {
    const m = /^(\d{4})(\d{2})(\d{2})$/.exec(v)
    return m === null ? undefined : localTime.dayFromIso(`${m[1]}-${m[2]}-${m[3]}`)
  }
  const finish = (props: Array<{ name: string; params: string; value: string }>, path: string) => {
    const get = (n: string) => props.find((p) => p.name === n)
    if (get("RRULE") !== undefined || get("RDATE") !== undefined) {
      fail(`${path}.RRULE`, "recurring events are not supported: list each day", "one VEVENT per day or range")
      return
    }
    const start = get("DTSTART")
    if (start === undefined) return fail(`${path}.DTSTART`, "DTSTART is missing", "DTSTART;VALUE=DATE:YYYYMMDD")
    const s = dateValue(start.value)
    if (s === undefined)
      return fail(`${path}.DTSTART`, `"${start.value}" is not an all-day date`, "DTSTART;VALUE=DATE:YYYYMMDD (an all-day event)")
    const end = get("DTEND")
    let e = s + 1
    if (end !== undefined) {
      const ev = dateValue(end.value)
      if (ev === undefined) return fail(`${path}.DTEND`, `"${end.value}" is not an all-day date`, "DTEND;VALUE=DATE:YYYYMMDD")
      if (ev <= s) return fail(`${path}.DTEND`, "DTEND is not after DTSTART", "DTEND after DTSTART (exclusive)")
      if (ev - s > 31) return fail(`${path}.DTEND`, `the event spans ${ev - s} days`, "at most 31 days")
      e = ev
    }
    const cats = (get("CATEGORIES")?.value ?? "")
      .split(",")
      .map((c) => unescapeText(c.trim()).toLowerCase())
      .filter((c) => c.length > 0)
    const kinds = EntryKind.literals.filter((k) => cats.includes(k.toLowerCase()))
    if (kinds.length > 1) return fail(`${path}.CATEGORIES`, `several kinds given: ${kinds.join(", ")}`, "one of holiday, extraDayOff, transferredDayOff, workingDay")
    const weeksGiven = weekTypes.filter((w) => cats.includes(w.toLowerCase()))
    const weeks = (weeksGiven.length === 0 ? [...weekTypes] : weeksGiven) as unknown as readonly [WeekType, ...Array<WeekType>]
    const from = get("X-MUROJAAT-FROM")
    const fromDay = from === undefined ? undefined : dateValue(from.value)
    if (from !== undefined && fromDay === undefined) return fail(`${path}.X-MUROJAAT-FROM`, `"${from.value}" is not a date`, "YYYYMMDD")
    const summary = get("SUMMARY")
    const description = get("DESCRIPTION")
    const kind = kinds[0] ?? "extraDayOff"
    for (let d = s; d < e; d++) {
      // A range (a holiday break) may cover weekends: a day off there is already a rest day, skip it.
      const ws = e - s > 1 && kind !== "workingDay" ? weeks.filter((w) => !isWeeklyRestDay(localTime.weekday(d), w)) : weeks
      if (ws.length === 0) continue
      entries.push({
        date: localTime.isoFromDay(d),
        kind,
        weeks: ws as unknown as readonly [WeekType, ...Array<WeekType>],
        name: summary === undefined ? "Day off" : unescapeText(summary.value),
        source: options.source,
        ...(fromDay === undefined ? {} : { from: localTime.isoFromDay(fromDay) }),
        ...(description === undefined ? {} : { note: unescapeText(description.value) })
      })
    }
  }
  lines.forEach((line, i) => {
    if (line.length === 0) return
    const colon = line.indexOf(":")
    if (colon < 0) return fail(`line ${i + 1}`, `"${line.slice(0, 40)}" is not a content line`, "NAME[;PARAM=...]:VALUE")
    const head = line.slice(0, colon)
    const value = line.slice(colon + 1)
    const semi = head.indexOf(";")
    const name = (semi < 0 ? head : head.slice(0, semi)).toUpperCase()
    const params = semi < 0 ? "" : head.slice(semi + 1)
    if (name === "BEGIN" && value.toUpperCase() === "VCALENDAR") inCalendar = true
    else if (name === "BEGIN" && value.toUpperCase() === "VEVENT") {
      if (!inCalendar) fail(`line ${i + 1}`, "VEVENT outside VCALENDAR", "BEGIN:VCALENDAR first")
      event = []
    } else if (name === "END" && value.toUpperCase() === "VEVENT") {
      if (event !== undefined) finish(event, `VEVENT ${++eventIndex} (ends line ${i + 1})`)
      event = undefined
    } else if (event !== undefined) event.push({ name, params, value })
  })
  if (!inCalendar) fail("", "no BEGIN:VCALENDAR found", "an iCalendar file (RFC 5545)")
  if (issues.length > 0) return Either.left(new InvalidCalendar({ calendar: options.source, issues }))
  const byYear = new Map<number, Array<Entry>>()
  for (const e of entries) {
    const y = Number(e.date.slice(0, 4))
    const list = byYear.get(y)
    if (list === undefined) byYear.set(y, [e])
    else list.push(e)
  }
  const years: Array<Year> = [...byYear.entries()]
    .sort((a, b) => a[0] - b[0])
    .map(([year, es]) => ({ year, source: options.source, entries: es.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0)) }))
  const check = problems({ id: options.source, timeZone: "Asia/Tashkent", fixedHolidays: [], years })
  return check.length > 0 ? Either.left(new InvalidCalendar({ calendar: options.source, issues: check })) : Either.right(years)
}
