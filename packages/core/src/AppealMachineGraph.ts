/**
 * The appeal machine drawn and walked, for auditors, docs and tests: the Mermaid state diagram and
 * every simple path from receipt to an end, enumerated with xstate's graph utilities
 * (`xstate/graph`). Kept apart from `AppealMachine` so that deciding a command never loads them.
 *
 * @example
 * import { AppealMachineGraph } from "@murojaat/core"
 * AppealMachineGraph.paths()[0]!.commands // ["receive", "withdraw"]
 */
import { getSimplePaths } from "xstate/graph"
import * as AppealMachine from "./AppealMachine.js"
import * as AppealState from "./AppealState.js"
import * as Command from "./Command.js"

/**
 * The machine as a Mermaid state diagram.
 *
 * @example
 * import { AppealMachineGraph } from "@murojaat/core"
 * AppealMachineGraph.mermaid().startsWith("stateDiagram-v2") // true
 *
 * @since 0.1.0
 * @category machine
 */
export const mermaid = (): string => {
  const lines = ["stateDiagram-v2", "  [*] --> none"]
  for (const t of AppealMachine.transitions()) lines.push(`  ${t.from} --> ${t.to}: ${t.command}`)
  // The ends of an appeal: its status changes no more (they take only the prevention commands).
  for (const status of AppealState.terminal) lines.push(`  ${status} --> [*]`)
  return lines.join("\n")
}

/**
 * One path through the machine from `none` to an end (closed or a terminal status): the commands
 * given and the statuses passed.
 *
 * @example
 * import { AppealMachineGraph } from "@murojaat/core"
 * const p: AppealMachineGraph.Path = { commands: ["receive", "withdraw"], statuses: ["none", "received", "withdrawn"] }
 *
 * @since 0.1.0
 * @category machine
 */
export interface Path {
  readonly commands: ReadonlyArray<Command.Type>
  readonly statuses: ReadonlyArray<AppealState.Status>
}

const ends: ReadonlySet<AppealState.Status> = new Set<AppealState.Status>(["closed", ...AppealState.terminal])
// xstate's graph starts each path with its own init step, which its types do not show.
const init: string = "xstate.init"

// The walk reads only each event's type: the machine has no guards, so a command's payload never
// matters to which transitions exist.
const events = Command.types.map((type) => ({ type, appealId: "" }) as unknown as Command.Command)

/**
 * Every simple path (no status visited twice) from `none` to an end, enumerated by xstate's graph
 * utilities on the machine's structure. Loops (self-transitions, unassign, provideInformation) are
 * covered separately by the tests.
 *
 * @example
 * import { AppealMachineGraph } from "@murojaat/core"
 * AppealMachineGraph.paths().some((p) => p.commands.join(">") === "receive>register>triage>assign>startReview>answer>close") // true
 *
 * @since 0.1.0
 * @category machine
 */
export const paths = (): ReadonlyArray<Path> =>
  getSimplePaths(AppealMachine.machine, { events })
    .filter((p) => ends.has(p.state.value))
    .map((p) => {
      const steps = p.steps.filter((s) => s.event.type !== init)
      return { commands: steps.map((s) => s.event.type), statuses: ["none" as const, ...steps.map((s) => s.state.value)] }
    })
    .sort((a, b) => a.commands.length - b.commands.length || a.commands.join(">").localeCompare(b.commands.join(">")))
