/**
 * Deciding a command: the machine says whether it exists in the appeal's status and where it leads
 * (xstate's pure `transition`), the grant is evaluated once, and the command's events are built.
 * The public function and its documentation are `Lifecycle.decide`.
 */
import { Either } from "effect"
import { transition } from "xstate"
import * as Actor from "../../Actor.js"
import * as AppealMachine from "../../AppealMachine.js"
import type * as AppealState from "../../AppealState.js"
import type * as Command from "../../Command.js"
import * as Errors from "../../Errors.js"
import type * as Lifecycle from "../../Lifecycle.js"
import { record } from "./records.js"

// Where xstate's pure `transition` takes a command from a status (`null`: it takes no transition),
// asked once per status and command type and kept. The machine has no guards and no context, so
// its answer depends on nothing else; asking it again each time would start an actor per command.
const targets = new Map<string, AppealState.Status | null>()
export const target = (status: AppealState.Status, command: Command.Command): AppealState.Status | null => {
  const key = `${status} ${command.type}`
  let found = targets.get(key)
  if (found === undefined) {
    const [next, actions] = transition(AppealMachine.machine, AppealMachine.snapshot(status), command)
    found = actions.length === 0 ? null : next.value
    targets.set(key, found)
  }
  return found
}

export const decide = (
  state: AppealState.AppealState,
  command: Command.Command,
  ctx: AppealMachine.Context
): Either.Either<Lifecycle.Decision, Lifecycle.DecideError> => {
  if (command.appealId !== state.appealId) {
    return Either.left(
      new Errors.InvalidInput({
        subject: "Command",
        issues: [new Errors.FieldIssue({ path: "appealId", problem: "invalidValue", expected: state.appealId, detail: "command names another appeal" })]
      })
    )
  }
  const next = target(state.status, command)
  if (next === null) {
    return Either.left(new Errors.InvalidTransition({ appealId: state.appealId, state: state.status, command: command.type }))
  }
  const verdict = AppealMachine.evaluate({ state, command, ctx })
  if (!verdict.ok) {
    return Either.left(
      verdict.refusal === "rule"
        ? new Errors.RuleViolation({ appealId: state.appealId, rule: verdict.rule, source: AppealMachine.guard(verdict.rule).source })
        : new Errors.NotAuthorized({ actor: Actor.label(ctx.actor), command: command.type, reason: verdict.refusal })
    )
  }
  return Either.right({ events: record(command, state, ctx), role: verdict.role, status: next })
}
