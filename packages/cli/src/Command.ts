/**
 * One sub-command of the `murojaat` CLI. `run` receives the arguments after the command name and
 * returns the process exit code; it writes JSON to stdout and human diagnostics to stderr.
 */
import { readFile } from "node:fs/promises"

export interface Command {
  readonly name: string
  readonly summary: string
  readonly usage: string
  readonly run: (argv: ReadonlyArray<string>, io: Io) => Promise<number>
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
  readonly execute: (argv: ReadonlyArray<string>, io: Io) => Promise<number>
}): Command => ({
  name: spec.name,
  summary: spec.summary,
  usage: spec.usage,
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
