/**
 * `murojaat assign --directory FILE --appeal FILE [--open FILE] [--at INSTANT] [--lang LOCALE] [--off-shift]`
 *
 * Chooses the officer for one appeal by the assignment policy and prints the choice with its
 * explanation as JSON: every stage tried, every officer considered and why he was excluded, the
 * workloads compared, the rule ids, and a short summary in the chosen language. When nobody can
 * take it, the outcome is `districtChiefQueue` with the `NoEligibleInspector` error (exit 0: it is
 * the policy's answer). Unreadable or invalid files give a clear message on stderr and exit 2.
 */
import { parseArgs } from "node:util"
import { Assignment, Decode, Directory, Errors, I18n } from "@murojaat/core"
import { Either } from "effect"
import { type Command, define, instant, type Io, printJson, readJson, UsageError } from "../Command.js"

const usage = "murojaat assign --directory FILE --appeal FILE [--open FILE] [--at INSTANT] [--lang uz-Latn|uz-Cyrl|ru|en] [--off-shift]"

const decoded = <A>(flag: string, file: string, r: Either.Either<A, Errors.InvalidInput>, lang: I18n.Locale): A => {
  if (Either.isRight(r)) return r.right
  // The decoder's detail (e.g. "unknown district D") helps whoever fixes the file.
  const details = r.left.issues.map((i) => `\n  ${i.path || "(root)"}: ${i.detail}`).join("")
  throw new UsageError(`--${flag} ${file}: ${Errors.messageIn(r.left, lang)}${details}`)
}

const summary = (r: Assignment.Result, lang: I18n.Locale): ReadonlyArray<string> => {
  const stages = Either.isRight(r) ? r.right.explanation.stages : undefined
  const lines: Array<string> = []
  if (stages !== undefined) {
    for (const s of stages)
      for (const c of s.considered)
        lines.push(
          `${s.tier}/${s.role} ${c.officerId}: ${c.exclusions.length === 0 ? `eligible, load ${c.load} (${c.open} open)` : c.exclusions.map((e) => Assignment.exclusionText[e][lang]).join("; ")}`
        )
    if (Either.isRight(r)) lines.push(`→ ${r.right.officerId}`)
  } else if (Either.isLeft(r)) {
    for (const c of r.left.excluded) lines.push(`${c.tier}/${c.role} ${c.officerId}: ${c.reasons.map((e) => Assignment.exclusionText[e][lang]).join("; ")}`)
    lines.push(`→ ${Errors.messageIn(r.left, lang)}`)
  }
  return lines
}

const execute = async (argv: ReadonlyArray<string>, io: Io): Promise<number> => {
  const { values } = parseArgs({
    args: [...argv],
    options: {
      directory: { type: "string" },
      appeal: { type: "string" },
      open: { type: "string" },
      at: { type: "string" },
      lang: { type: "string", default: "en" },
      "off-shift": { type: "boolean", default: false }
    },
    strict: true,
    allowPositionals: false
  })
  if (values.directory === undefined || values.appeal === undefined) throw new UsageError("--directory and --appeal are required")
  const lang = values.lang as I18n.Locale
  if (!I18n.locales.includes(lang)) throw new UsageError(`--lang must be one of ${I18n.locales.join(", ")}`)
  // The shell may read the clock; the core never does.
  const at = values.at === undefined ? new Date().toISOString() : instant("at", values.at)
  if (Either.isLeft(Decode.either(Directory.Instant, "at")(at))) throw new UsageError(`--at ${values.at} is not an ISO-8601 instant`)
  const directory = decoded("directory", values.directory, Decode.either(Directory.Directory, "Directory")(await readJson("directory", values.directory)), lang)
  const appeal = decoded("appeal", values.appeal, Assignment.decodeAppeal(await readJson("appeal", values.appeal)), lang)
  const open = values.open === undefined ? [] : decoded("open", values.open, Assignment.decodeOpen(await readJson("open", values.open)), lang)
  const settings = Assignment.settings({ nonUrgentOffShift: values["off-shift"] })
  const r = Assignment.choose(directory, appeal, { at, open, settings })
  printJson(
    io,
    Either.isRight(r)
      ? { outcome: "assigned", officerId: r.right.officerId, tier: r.right.tier, command: r.right.command, summary: summary(r, lang), explanation: r.right.explanation }
      : { outcome: "districtChiefQueue", error: r.left, message: Errors.messageIn(r.left, lang), summary: summary(r, lang) }
  )
  return 0
}

/** The `assign` command. */
export const assign: Command = define({
  name: "assign",
  summary: "Choose the officer for an appeal (directory, appeal and open workload from JSON files) and explain the choice.",
  usage,
  execute
})
