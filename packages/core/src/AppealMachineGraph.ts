/**
 * The appeal machine drawn and walked, for auditors, docs and tests: the Mermaid state diagram and
 * every simple path from receipt to an end, enumerated with xstate's graph utilities
 * (`xstate/graph`). Kept apart from `AppealMachine` so that deciding a command never loads them;
 * the working code is in `internal/lifecycle/graph.ts`.
 *
 * @example
 * import { AppealMachineGraph } from "@murojaat/core"
 * AppealMachineGraph.paths()[0]!.commands // ["receive", "withdraw"]
 */
import type * as AppealState from "./AppealState.js"
import type * as Command from "./Command.js"
import * as graph_ from "./internal/lifecycle/graph.js"

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
export const mermaid: () => string = graph_.mermaid

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
export const paths: () => ReadonlyArray<Path> = graph_.paths
