/**
 * One sub-command of the `murojaat` CLI. `run` receives the arguments after the command name and
 * returns the process exit code; it writes JSON to stdout and human diagnostics to stderr.
 */
import { readFile } from "node:fs/promises"

export interface Command {
  readonly name: string
  readonly summary: string
  readonly usage: string
  /** More for `murojaat <name> --help`: what the options mean, the input files' formats with an example. */
  readonly help?: string | undefined
  /** Options that may be given more than once; any other repeated option is refused. */
  readonly repeatable?: ReadonlyArray<string> | undefined
  readonly run: (argv: ReadonlyArray<string>, io: Io) => Promise<number>
}

/** What `murojaat <name> --help` prints on stdout. */
export const helpText = (c: Command): string =>
  [`usage: ${c.usage}`, "", c.summary, ...(c.help !== undefined ? ["", c.help.trim()] : []), "", "Exit codes: 0 done, 1 failed (a check found a problem, the database refused or could not be reached), 2 bad input (options, files)."].join("\n")

// The options given before `--`, by name (`--name` and `--name=value`; `-h` counts as `--help`).
const optionNames = (argv: ReadonlyArray<string>): ReadonlyArray<string> => {
  const end = argv.indexOf("--")
  return (end === -1 ? argv : argv.slice(0, end)).flatMap((a) => (a === "-h" ? ["help"] : a.startsWith("--") && a.length > 2 ? [a.slice(2).split("=")[0]!] : []))
}

/** Whether the command line asks for help (`--help` or `-h` before `--`). */
export const wantsHelp = (argv: ReadonlyArray<string>): boolean => optionNames(argv).includes("help")

/** The first option given twice that may not be, if any. */
export const repeatedOption = (argv: ReadonlyArray<string>, repeatable: ReadonlyArray<string> = []): string | undefined => {
  const seen = new Set<string>()
  for (const name of optionNames(argv)) {
    if (seen.has(name) && !repeatable.includes(name)) return name
    seen.add(name)
  }
  return undefined
}

/**
 * An instant given on the command line, as an ISO 8601 string with its offset. A full instant
 * (`2026-03-25T10:00:00Z`, `2026-03-25T10:00:00+05:00`) is taken as given; a local time without
 * offset (`2026-03-25T10:00`) and a date alone (`2026-03-25`, meaning its start, 00:00) are read
 * in Tashkent time (UTC+05:00, no daylight saving), the time of the law's deadlines.
 */
export const instant = (flag: string, value: string): string => {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})?)?$/.exec(value.trim())
  const bad = () => new UsageError(`--${flag} ${value} is not a date (2026-03-25) or an instant (2026-03-25T10:00, read in Tashkent time, or 2026-03-25T10:00:00+05:00)`)
  if (m === null) throw bad()
  const [, y, mo, d, h, mi, sec, frac, offset] = m
  const day = new Date(Date.UTC(Number(y), Number(mo) - 1, Number(d)))
  if (day.getUTCMonth() !== Number(mo) - 1 || day.getUTCDate() !== Number(d) || Number(h ?? 0) > 23 || Number(mi ?? 0) > 59 || Number(sec ?? 0) > 59) throw bad()
  const time = h === undefined ? "00:00:00" : `${h}:${mi}:${sec ?? "00"}${frac ?? ""}`
  return `${y}-${mo}-${d}T${time}${offset ?? "+05:00"}`
}

/** Where a command reads and writes, so tests can capture it. */
export interface Io {
  readonly out: (text: string) => void
  readonly err: (text: string) => void
  readonly readStdin: () => Promise<string>
}

/** Prints a value as pretty JSON on stdout. */
export const printJson = (io: Io, value: unknown): void => io.out(JSON.stringify(value, null, 2))

/** Bad input from the user: reported on stderr with the usage line, exit code 2. */
export class UsageError extends Error {}

/** Reads a file named by an option, or fails with a message that names the option. */
export const readText = async (flag: string, file: string): Promise<string> => {
  try {
    return await readFile(file, "utf8")
  } catch (e) {
    throw new UsageError(`cannot read --${flag} ${file}: ${(e as NodeJS.ErrnoException).code ?? String(e)}`)
  }
}

/**
 * How deeply JSON input may nest. Real inputs (directories, calendars, events) nest fewer than 10
 * levels; the decoders after `JSON.parse` recurse, so a hostile file nested 10,000 deep would
 * overflow the stack instead of being refused.
 */
export const maxJsonDepth = 64

/** The deepest nesting of arrays and objects in JSON text, counted without parsing (no recursion). */
export const jsonDepth = (text: string): number => {
  let depth = 0
  let max = 0
  let inString = false
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (inString) {
      if (c === 0x5c) i++ // backslash: skip the escaped character
      else if (c === 0x22) inString = false
    } else if (c === 0x22) inString = true
    else if (c === 0x5b || c === 0x7b) max = Math.max(max, ++depth)
    else if (c === 0x5d || c === 0x7d) depth--
  }
  return max
}

/** Refuses JSON text nested deeper than `maxJsonDepth`, before anything parses or decodes it. */
export const checkDepth = (what: string, text: string): string => {
  const depth = jsonDepth(text)
  if (depth > maxJsonDepth) throw new UsageError(`${what} nests ${depth} levels deep; at most ${maxJsonDepth} are accepted`)
  return text
}

/** Parses JSON text from the user: too deep or malformed is a `UsageError` naming `what`. */
export const parseJson = (what: string, text: string): unknown => {
  checkDepth(what, text)
  try {
    return JSON.parse(text)
  } catch (e) {
    throw new UsageError(`${what} is not valid JSON: ${(e as Error).message}`)
  }
}

/** Reads and parses a JSON file named by an option. */
export const readJson = async (flag: string, file: string): Promise<unknown> => parseJson(`--${flag} ${file}`, await readText(flag, file))

const isParseArgsError = (e: unknown): e is TypeError =>
  e instanceof TypeError && "code" in e && String((e as { code: unknown }).code).startsWith("ERR_PARSE_ARGS")

/** One line on stderr: a message that spans lines (decoding errors list every field) is joined. */
export const oneLine = (s: string): string => s.split(/\r?\n/).map((l) => l.trim()).filter((l) => l !== "").join("; ")

// Input nested deeper than the checks above let through still ends as a usage error, not a crash.
const isStackOverflow = (e: unknown): boolean => e instanceof RangeError && /call stack/i.test(e.message)

/**
 * Defines a command whose bad input (a `UsageError`, an option `parseArgs` refuses, or input so
 * deeply nested that it overflows the stack) is reported on ONE line as `murojaat <name>: <what is
 * wrong> (usage: ...)`, with exit code 2 and nothing on stdout.
 */
export const define = (spec: {
  readonly name: string
  readonly summary: string
  readonly usage: string
  readonly help?: string | undefined
  readonly repeatable?: ReadonlyArray<string> | undefined
  readonly execute: (argv: ReadonlyArray<string>, io: Io) => Promise<number>
}): Command => ({
  name: spec.name,
  summary: spec.summary,
  usage: spec.usage,
  help: spec.help,
  repeatable: spec.repeatable,
  run: async (argv, io) => {
    try {
      return await spec.execute(argv, io)
    } catch (e) {
      if (e instanceof UsageError || isParseArgsError(e) || isStackOverflow(e)) {
        const message = isStackOverflow(e) ? "input nested too deeply" : (e as Error).message
        io.err(`murojaat ${spec.name}: ${oneLine(message)} (usage: ${oneLine(spec.usage)})`)
        return 2
      }
      throw e
    }
  }
})
