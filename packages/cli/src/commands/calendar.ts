/**
 * `murojaat calendar import FILE [--source TEXT] [--database URL | --data-dir DIR]`
 * `murojaat calendar show [--database URL | --data-dir DIR]`
 *
 * Loads a calendar decree (each December, next year's days off and transfers) into the database:
 * FILE is an iCalendar file (`.ics`, RFC 5545; `--source` names the decree, default the file name)
 * or JSON years (`[{ "year": 2027, "source": ..., "entries": [...] }]`, or `{ "years": [...] }`).
 * Impossible data is refused with `InvalidCalendar` and nothing changes (exit 2). Prints the years
 * covered. `show` prints the calendar in force. Formats, with examples, in docs/cli.md.
 */
import { parseArgs } from "node:util"
import type { Facade } from "@murojaat/core"
import { type Command, define, parseJson, readText, UsageError } from "../Command.js"
import { databaseOptions } from "../database.js"
import { withFacade } from "./directory.js"

const usage = "murojaat calendar import FILE.ics|FILE.json [--source TEXT] [--database URL | --data-dir DIR]\n       murojaat calendar show [--database URL | --data-dir DIR]"

const decree = (file: string, text: string, source: string | undefined): Facade.Decree => {
  if (/\.ics$/i.test(file) || text.trimStart().startsWith("BEGIN:VCALENDAR")) return { iCalendar: text, source: source ?? file }
  if (source !== undefined) throw new UsageError("--source is for .ics files; JSON years carry their own source")
  const json = parseJson(file, text)
  const years = Array.isArray(json) ? json : (json as { years?: unknown } | null)?.years
  if (!Array.isArray(years)) throw new UsageError(`${file}: expected a JSON array of years, or { "years": [...] }`)
  return { years: years as Facade.YearsInput }
}

/** The `calendar` command. */
export const calendar: Command = define({
  name: "calendar",
  summary: "Load a calendar decree (iCalendar or JSON years) into the database, or show the calendar in force.",
  usage,
  help: `FILE.ics: all-day VEVENTs (DTSTART;VALUE=DATE, exclusive DTEND), CATEGORIES holiday | extraDayOff |
transferredDayOff | workingDay (default extraDayOff) and fiveDay | sixDay (default both). Example:

BEGIN:VCALENDAR
BEGIN:VEVENT
DTSTART;VALUE=DATE:20270104
SUMMARY:Extra day off
END:VEVENT
END:VCALENDAR

FILE.json: [{ "year": 2027, "source": "Decree PF-1 of 20.12.2026", "entries": [
  { "date": "2027-01-04", "kind": "extraDayOff", "weeks": ["fiveDay", "sixDay"], "name": "Extra day off", "source": "Decree PF-1" } ] }]

More in docs/cli.md ("Calendar files").`,
  execute: async (argv, io) => {
    const { values, positionals } = parseArgs({ args: [...argv], options: { ...databaseOptions, source: { type: "string" } }, allowPositionals: true, strict: true })
    const [action, file, ...extra] = positionals
    if (extra.length > 0) throw new UsageError(`unexpected argument ${extra[0]}`)
    if (action === "import") {
      if (file === undefined) throw new UsageError("calendar import needs a FILE")
      const input = decree(file, await readText("file", file), values.source)
      return withFacade(io, values, file, async (m, where) => ({ database: where, years: await m.loadCalendarDecree(input) }))
    }
    if (action === "show") {
      if (file !== undefined) throw new UsageError(`unexpected argument ${file}`)
      return withFacade(io, values, "calendar", async (m) => (await m.calendar()).data)
    }
    throw new UsageError(action === undefined ? "say import FILE or show" : `unknown action ${action}: say import FILE or show`)
  }
})
