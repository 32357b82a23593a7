/**
 * The machine's transitions read from the machine itself (status by status, in its order), each
 * with its command's grant, for docs, the graph and tests. Read once: the machine does not change.
 */
import { Schema } from "effect"
import type { AnyStateMachine } from "xstate"
import type * as AppealMachine from "../../AppealMachine.js"
import * as AppealState from "../../AppealState.js"
import * as Command from "../../Command.js"

type Grants = { readonly [C in Command.Type]: AppealMachine.Grant }

const isStatus = Schema.is(AppealState.Status)

const read = (machine: AnyStateMachine, grants: Grants): ReadonlyArray<AppealMachine.Transition> => {
  const out: Array<AppealMachine.Transition> = []
  for (const [from, node] of Object.entries(machine.root.states)) {
    if (!isStatus(from)) continue
    for (const [type, defs] of Object.entries(node.on)) {
      const command = Command.types.find((t) => t === type)
      if (command === undefined) continue
      for (const def of defs) {
        // A transition without a target keeps the status.
        const target = def.target?.[0]?.key ?? from
        if (isStatus(target)) out.push({ from, command, to: target, grant: grants[command] })
      }
    }
  }
  return out
}

export const lister = (machine: AnyStateMachine, grants: Grants): (() => ReadonlyArray<AppealMachine.Transition>) => {
  let every: ReadonlyArray<AppealMachine.Transition> | undefined
  return () => (every ??= read(machine, grants))
}
