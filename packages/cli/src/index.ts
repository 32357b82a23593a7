/**
 * The `murojaat` CLI as a library: `run(argv, io)` executes one command line and returns its exit
 * code, so other programs and tests can call it without spawning a process.
 */
import type { Command, Io } from "./Command.js"
import { commands } from "./commands/index.js"

export type { Command, Io } from "./Command.js"
export { commands } from "./commands/index.js"

const help = (io: Io): void => {
  io.err("usage: murojaat <command> [options]\n")
  for (const c of commands) io.err(`  ${c.usage}\n      ${c.summary}`)
}

/** Runs one command line (without the program name) and returns the exit code. */
export const run = async (argv: ReadonlyArray<string>, io: Io): Promise<number> => {
  const [name, ...rest] = argv
  if (name === undefined || name === "help" || name === "--help" || name === "-h") {
    help(io)
    return name === undefined ? 2 : 0
  }
  const command: Command | undefined = commands.find((c) => c.name === name)
  if (command === undefined) {
    io.err(`unknown command: ${name}`)
    help(io)
    return 2
  }
  return command.run(rest, io)
}

/** The process's standard streams as an {@link Io}. */
export const processIo: Io = {
  out: (t) => process.stdout.write(t.endsWith("\n") ? t : t + "\n"),
  err: (t) => process.stderr.write(t.endsWith("\n") ? t : t + "\n"),
  readStdin: async () => {
    const chunks: Array<Buffer> = []
    for await (const c of process.stdin) chunks.push(c as Buffer)
    return Buffer.concat(chunks).toString("utf8")
  }
}
