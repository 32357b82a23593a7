/**
 * Executing a command: decide, seal the events onto the appeal's hash chain, fold them into the new
 * state, and keep the free texts apart. The public function and its documentation are
 * `Lifecycle.execute`.
 */
import { Either } from "effect"
import * as Actor from "../../Actor.js"
import type * as AppealMachine from "../../AppealMachine.js"
import type * as AppealState from "../../AppealState.js"
import * as Audit from "../../Audit.js"
import type * as Command from "../../Command.js"
import type * as Lifecycle from "../../Lifecycle.js"
import { decide } from "./decide.js"
import { evolve } from "./evolve.js"

export const execute = (
  state: AppealState.AppealState,
  command: Command.Command,
  ctx: AppealMachine.Context
): Either.Either<Lifecycle.Executed, Lifecycle.DecideError> =>
  Either.map(decide(state, command, ctx), (d) => {
    const events = Audit.seal(state, d.events, {
      appealId: state.appealId,
      at: ctx.now,
      actor: Actor.ref(ctx.actor, d.role),
      causationId: command.commandId,
      correlationId: command.correlationId
    })
    // Sealing keeps the order of the decided events, so the i-th pending is the i-th sealed.
    const texts = d.events.flatMap((p, i) => (p.texts === undefined ? [] : [{ seq: events[i]!.seq, texts: p.texts }]))
    return { events, state: events.reduce(evolve, state), role: d.role, texts }
  })
