/**
 * The calendar's data model (Effect Schemas with input bounds). Documented in `Calendar.ts`.
 */
import { Schema } from "effect"
import * as Limits from "../../Limits.js"
import * as localTime from "../localTime.js"

export const WeekType = Schema.Literal("fiveDay", "sixDay")

export const weekTypes: ReadonlyArray<typeof WeekType.Type> = ["fiveDay", "sixDay"]

export const IsoDate = Schema.String.pipe(
  Schema.maxLength(10),
  Schema.filter((s) => localTime.dayFromIso(s) !== undefined, { message: () => "a real date written YYYY-MM-DD" }),
  Schema.annotations({ identifier: "IsoDate" })
)

const CalendarText = Limits.requiredText(Limits.defaultSettings.calendarText)

export const EntryKind = Schema.Literal("holiday", "extraDayOff", "transferredDayOff", "workingDay")

export const Entry = Schema.Struct({
  date: IsoDate,
  kind: EntryKind,
  weeks: Schema.NonEmptyArray(WeekType).pipe(Schema.maxItems(2)),
  name: CalendarText,
  source: CalendarText,
  from: Schema.optional(IsoDate),
  note: Schema.optional(Limits.text(Limits.defaultSettings.calendarText))
})

export const FixedHoliday = Schema.Struct({
  month: Schema.Int.pipe(Schema.between(1, 12)),
  day: Schema.Int.pipe(Schema.between(1, 31)),
  name: CalendarText,
  source: CalendarText
})

export const Year = Schema.Struct({
  year: Schema.Int.pipe(Schema.between(1992, 2200)),
  source: CalendarText,
  note: Schema.optional(Limits.text(Limits.defaultSettings.calendarText)),
  entries: Limits.array(Entry, Limits.defaultSettings.calendarEntries)
})

export const CalendarData = Schema.Struct({
  id: CalendarText,
  timeZone: Schema.Literal("Asia/Tashkent"),
  fixedHolidays: Limits.array(FixedHoliday, Limits.defaultSettings.calendarEntries),
  years: Limits.array(Year, Limits.defaultSettings.calendarYears)
})
