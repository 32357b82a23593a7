/**
 * `murojaat lifecycle [--mermaid | --paths]`
 *
 * Prints the appeal lifecycle as the machine defines it: by default every transition as JSON
 * (from, command, to, who may, rules with their legal sources, events recorded, source);
 * `--mermaid` prints the Mermaid state diagram; `--paths` prints every path from receipt to an end.
 */
import { parseArgs } from "node:util"
import { AppealMachine, AppealMachineGraph } from "@murojaat/core"
import { type Command, define, printJson } from "../Command.js"

const usage = "murojaat lifecycle [--mermaid | --paths]"

/** The `lifecycle` command. */
export const lifecycle: Command = define({
  name: "lifecycle",
  summary: "Print the appeal lifecycle: transitions as JSON, the Mermaid diagram (--mermaid), or every path (--paths).",
  usage,
  execute: async (argv, io) => {
    const { values } = parseArgs({ args: [...argv], options: { mermaid: { type: "boolean" }, paths: { type: "boolean" } }, strict: true })
    if (values.mermaid === true) io.out(AppealMachineGraph.mermaid())
    else if (values.paths === true) printJson(io, AppealMachineGraph.paths())
    else
      printJson(
        io,
        AppealMachine.transitions().map((t) => ({
          from: t.from,
          command: t.command,
          to: t.to,
          who: t.grant.who,
          rules: t.grant.rules.map((id) => ({ id, source: AppealMachine.guard(id).source, requires: AppealMachine.guard(id).requires })),
          events: t.grant.events,
          source: t.grant.source,
          ...(t.grant.note !== undefined ? { note: t.grant.note } : {})
        }))
      )
    return 0
  }
})
