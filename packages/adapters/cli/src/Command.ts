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

/** Reads and parses a JSON file named by an option. */
export const readJson = async (flag: string, file: string): Promise<unknown> => {
  const text = await readText(flag, file)
  try {
    return JSON.parse(text)
  } catch (e) {
    throw new UsageError(`--${flag} ${file} is not valid JSON: ${(e as Error).message}`)
  }
}

const isParseArgsError = (e: unknown): e is TypeError =>
  e instanceof TypeError && "code" in e && String((e as { code: unknown }).code).startsWith("ERR_PARSE_ARGS")

/**
 * Defines a command whose bad input (a `UsageError`, or an option `parseArgs` refuses) is reported
 * as `murojaat <name>: <what is wrong>` plus the usage line, with exit code 2.
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
      if (e instanceof UsageError || isParseArgsError(e)) {
        io.err(`murojaat ${spec.name}: ${(e as Error).message}\nusage: ${spec.usage}`)
        return 2
      }
      throw e
    }
  }
})
