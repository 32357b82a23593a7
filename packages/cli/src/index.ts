/**
 * The `murojaat` CLI as a library: `run(argv, io)` executes one command line and returns its exit
 * code, so other programs and tests can call it without spawning a process.
 */
import { type Command, helpText, type Io, oneLine, repeatedOption, wantsHelp } from "./Command.js"
import { commands } from "./commands/index.js"

export type { Command, Io } from "./Command.js"
export { commands } from "./commands/index.js"

const help = (write: (t: string) => void): void => {
  write("usage: murojaat <command> [options]   (murojaat <command> --help for one command)\n")
  for (const c of commands) write(`  ${c.usage}\n      ${c.summary}`)
}

/**
 * Runs one command line (without the program name) and returns the exit code. `--help` (or
 * `murojaat help <command>`) prints the command's help on stdout, exit 0; an option given twice is
 * refused, exit 2.
 */
export const run = async (argv: ReadonlyArray<string>, io: Io): Promise<number> => {
  const [first, ...after] = argv
  const [name, rest] = first === "help" && after[0] !== undefined ? [after[0], ["--help"]] : [first, after]
  if (name === undefined || name === "help" || name === "--help" || name === "-h") {
    // Asked for: stdout and success; no command at all: stderr and a usage error.
    help(name === undefined ? io.err : io.out)
    return name === undefined ? 2 : 0
  }
  const command: Command | undefined = commands.find((c) => c.name === name)
  if (command === undefined) {
    io.err(`unknown command: ${name}`)
    help(io.err)
    return 2
  }
  if (wantsHelp(rest)) {
    io.out(helpText(command))
    return 0
  }
  const repeated = repeatedOption(rest, command.repeatable)
  if (repeated !== undefined) {
    io.err(`murojaat ${command.name}: --${repeated} is given more than once (usage: ${oneLine(command.usage)})`)
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
