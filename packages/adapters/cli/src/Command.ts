/**
 * One sub-command of the `murojaat` CLI. `run` receives the arguments after the command name and
 * returns the process exit code; it writes JSON to stdout and human diagnostics to stderr.
 */
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
