/**
 * Calendar data in and out: the checks a schema cannot make (`problems`), validation and
 * compilation (`make`), decoding from unknown input or JSON, encoding, and adding a year's decree.
 * Documented in `Calendar.ts`.
 */
import { Either, Schema } from "effect"
import type * as Calendar from "../../Calendar.js"
import * as Decode from "../../Decode.js"
import { FieldIssue, InvalidCalendar } from "../../Errors.js"
import * as Limits from "../../Limits.js"
import * as localTime from "../localTime.js"
import { compile, isWeeklyRestDay } from "./arithmetic.js"
import { CalendarData } from "./schema.js"

type EntryKind = Calendar.EntryKind

const issue = (path: string, detail: string, expected?: string): FieldIssue =>
  new FieldIssue({ path, problem: "invalidValue", detail, ...(expected === undefined ? {} : { expected }) })

export const problems = (data: Calendar.CalendarData): ReadonlyArray<FieldIssue> => {
  const out: Array<FieldIssue> = []
  data.fixedHolidays.forEach((h, i) => {
    if (h.day > localTime.daysInMonth(2024, h.month)) out.push(issue(`fixedHolidays.${i}`, `${h.month}/${h.day} does not exist`, "a real month and day"))
  })
  const seenYears = new Set<number>()
  data.years.forEach((y, yi) => {
    if (seenYears.has(y.year)) out.push(issue(`years.${yi}.year`, `year ${y.year} is given twice`, "each year once"))
    seenYears.add(y.year)
    const byKey = new Map<string, { kind: EntryKind; index: number }>()
    y.entries.forEach((e, ei) => {
      const path = `years.${yi}.entries.${ei}`
      const day = localTime.dayFromIso(e.date)!
      const [ey, em, ed] = localTime.civilFromDay(day)
      if (ey !== y.year) out.push(issue(`${path}.date`, `${e.date} is not in ${y.year}`, `a date in ${y.year}`))
      if (new Set(e.weeks).size !== e.weeks.length) out.push(issue(`${path}.weeks`, "a week type is listed twice"))
      const fixed = data.fixedHolidays.find((h) => h.month === em && h.day === ed)
      for (const w of e.weeks) {
        const rest = isWeeklyRestDay(localTime.weekday(day), w)
        if (e.kind === "workingDay" && !rest)
          out.push(issue(`${path}.date`, `${e.date} is already a working day in the ${w} week, it cannot be made one`, "a weekly rest day"))
        if (e.kind === "workingDay" && fixed !== undefined)
          out.push(issue(`${path}.date`, `${e.date} is the fixed holiday ${fixed.name}, it cannot be a working day`))
        if ((e.kind === "extraDayOff" || e.kind === "transferredDayOff") && rest)
          out.push(issue(`${path}.date`, `${e.date} is already a weekly rest day in the ${w} week`, "a day that would otherwise be worked"))
        const key = `${e.date}|${w}`
        const prev = byKey.get(key)
        if (prev !== undefined) {
          const clash = (prev.kind === "workingDay") !== (e.kind === "workingDay")
          out.push(
            issue(
              `${path}`,
              clash
                ? `${e.date} (${w}) is both a working day and a day off (see entry ${prev.index})`
                : `${e.date} (${w}) is listed twice (see entry ${prev.index})`,
              "one entry per date and week type"
            )
          )
        } else byKey.set(key, { kind: e.kind, index: ei })
      }
      if (e.from !== undefined) {
        if (e.kind === "holiday" || e.kind === "extraDayOff") out.push(issue(`${path}.from`, `only transfers have a "from" date`))
        if (e.from === e.date) out.push(issue(`${path}.from`, `a day cannot be transferred onto itself`))
      }
    })
  })
  return out
}

export const make = (data: Calendar.CalendarData): Either.Either<Calendar.Calendar, InvalidCalendar> => {
  const ps = problems(data)
  return ps.length > 0 ? Either.left(new InvalidCalendar({ calendar: data.id, issues: ps })) : Either.right(compile(data))
}

const decodeData = Decode.either(CalendarData, "Calendar")

export const decode = (input: unknown): Either.Either<Calendar.Calendar, InvalidCalendar> => {
  // Bounded and never throwing (deep, cyclic or hostile input is an issue, not a crash).
  const decoded = decodeData(input)
  if (Either.isLeft(decoded)) {
    const copy = Either.getOrUndefined(Decode.snapshot(input)) as { readonly id?: unknown } | null | undefined
    const id = typeof copy?.id === "string" ? copy.id.slice(0, Limits.defaultSettings.calendarText) : "(unknown)"
    return Either.left(new InvalidCalendar({ calendar: id, issues: decoded.left.issues }))
  }
  return make(decoded.right)
}

export const decodeJson = (text: string): Either.Either<Calendar.Calendar, InvalidCalendar> => {
  let parsed: unknown
  try {
    parsed = JSON.parse(text)
  } catch (e) {
    return Either.left(
      new InvalidCalendar({
        calendar: "(unparsed)",
        issues: [new FieldIssue({ path: "", problem: "wrongType", expected: "JSON", detail: e instanceof Error ? e.message : String(e) })]
      })
    )
  }
  return decode(parsed)
}

export const toJson = (calendar: Calendar.Calendar): string => JSON.stringify(Schema.encodeSync(CalendarData)(calendar.data), null, 2)

export const withYears = (calendar: Calendar.Calendar, years: ReadonlyArray<Calendar.Year>): Either.Either<Calendar.Calendar, InvalidCalendar> => {
  const replaced = new Set(years.map((y) => y.year))
  return decode({
    ...Schema.encodeSync(CalendarData)(calendar.data),
    years: [...calendar.data.years.filter((y) => !replaced.has(y.year)), ...years].sort((a, b) => a.year - b.year)
  })
}
