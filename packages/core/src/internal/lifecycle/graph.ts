/**
 * The appeal machine drawn and walked: the Mermaid state diagram and every simple path from receipt
 * to an end (`xstate/graph`). The public functions and their documentation are in
 * `AppealMachineGraph.ts`, which keeps `xstate/graph` off the path of every command.
 */
import { getSimplePaths } from "xstate/graph"
import * as AppealMachine from "../../AppealMachine.js"
import type * as AppealMachineGraph from "../../AppealMachineGraph.js"
import * as AppealState from "../../AppealState.js"
import * as Command from "../../Command.js"

export const mermaid = (): string => {
  const lines = ["stateDiagram-v2", "  [*] --> none"]
  for (const t of AppealMachine.transitions()) lines.push(`  ${t.from} --> ${t.to}: ${t.command}`)
  // The ends of an appeal: its status changes no more (they take only the prevention commands).
  for (const status of AppealState.terminal) lines.push(`  ${status} --> [*]`)
  return lines.join("\n")
}

const ends: ReadonlySet<AppealState.Status> = new Set<AppealState.Status>(["closed", ...AppealState.terminal])
// xstate's graph starts each path with its own init step, which its types do not show.
const init: string = "xstate.init"

// The walk reads only each event's type: the machine has no guards, so a command's payload never
// matters to which transitions exist.
const events = Command.types.map((type) => ({ type, appealId: "" }) as unknown as Command.Command)

export const paths = (): ReadonlyArray<AppealMachineGraph.Path> =>
  getSimplePaths(AppealMachine.machine, { events })
    .filter((p) => ends.has(p.state.value))
    .map((p) => {
      const steps = p.steps.filter((s) => s.event.type !== init)
      return { commands: steps.map((s) => s.event.type), statuses: ["none" as const, ...steps.map((s) => s.state.value)] }
    })
    .sort((a, b) => a.commands.length - b.commands.length || a.commands.join(">").localeCompare(b.commands.join(">")))
