/**
 * `murojaat deadline --kind ariza|taklif|shikoyat --received <ISO time> [--extra-study] [--extended]
 * [--week 5|6] [--urgent] [--domestic-violence] [--calendar FILE.json] [--decree FILE.ics]`
 *
 * Computes every clock of one appeal on the Uzbek calendar and prints JSON: each clock's due time
 * and its explanation (rule id, legal source, start, days counted, days skipped and why). The
 * shipped calendar (2025, 2026) is used unless `--calendar` gives a whole calendar as JSON;
 * `--decree` adds next year's decree from an iCalendar file. Bad input: a message on stderr, exit 2.
 */
import { parseArgs } from "node:util"
import { Calendar, Deadline, Errors } from "@murojaat/core"
import { Either } from "effect"
import { checkDepth, type Command, define, instant, type Io, printJson, readText, UsageError } from "../Command.js"

const usage =
  "murojaat deadline --kind ariza|taklif|shikoyat --received <ISO time> [--extra-study] [--extended] [--week 5|6] [--urgent] [--domestic-violence] [--calendar FILE.json] [--decree FILE.ics]"

const calendarOrBad = (flag: string, r: Either.Either<Calendar.Calendar, Errors.InvalidCalendar>): Calendar.Calendar => {
  if (Either.isRight(r)) return r.right
  throw new UsageError(`--${flag}: ${r.left.message}`)
}

const execute = async (argv: ReadonlyArray<string>, io: Io): Promise<number> => {
  const { values } = parseArgs({
    args: [...argv],
    options: {
      kind: { type: "string" },
      received: { type: "string" },
      "extra-study": { type: "boolean", default: false },
      extended: { type: "boolean", default: false },
      week: { type: "string", default: "5" },
      urgent: { type: "boolean", default: false },
      "domestic-violence": { type: "boolean", default: false },
      calendar: { type: "string" },
      decree: { type: "string" }
    },
    strict: true,
    allowPositionals: false
  })
  if (values.kind === undefined || values.received === undefined) throw new UsageError("--kind and --received are required")
  const kind = values.kind
  if (kind !== "ariza" && kind !== "taklif" && kind !== "shikoyat") throw new UsageError(`--kind must be ariza, taklif or shikoyat (got ${kind})`)
  if (values.week !== "5" && values.week !== "6") throw new UsageError(`--week must be 5 or 6 (got ${values.week})`)
  let calendar = Calendar.uzbekistan
  if (values.calendar !== undefined) calendar = calendarOrBad("calendar", Calendar.decodeJson(checkDepth(`--calendar ${values.calendar}`, await readText("calendar", values.calendar))))
  if (values.decree !== undefined) {
    const years = Calendar.fromICalendar(await readText("decree", values.decree), { source: values.decree })
    if (Either.isLeft(years)) throw new UsageError(`--decree: ${years.left.message}`)
    calendar = calendarOrBad("decree", Calendar.withYears(calendar, years.right))
  }
  const settings = { ...Deadline.defaultSettings, week: values.week === "6" ? ("sixDay" as const) : ("fiveDay" as const) }
  const r = Deadline.compute(
    {
      kind,
      receivedAt: instant("received", values.received),
      extraStudy: values["extra-study"],
      extended: values.extended,
      urgent: values.urgent,
      domesticViolence: values["domestic-violence"]
    },
    { calendar, settings }
  )
  if (Either.isLeft(r)) throw new UsageError(`--received: ${r.left.issues.map((i) => `${i.detail} (expected ${i.expected ?? "an ISO time"})`).join("; ")}`)
  printJson(io, r.right)
  return 0
}

/** The `deadline` command. */
export const deadline: Command = define({
  name: "deadline",
  summary: "Compute every legal clock of an appeal on the Uzbek calendar, each with its due time and explanation (JSON).",
  usage,
  execute
})
