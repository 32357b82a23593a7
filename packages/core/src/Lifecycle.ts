/**
 * The appeal lifecycle as two pure functions, event-sourced:
 *
 * - `decide(state, command, context)` asks the machine (`AppealMachine`, through xstate's pure
 *   `transition`) whether the command exists in this state, whether this actor may give it and
 *   whether its rules hold; it returns the events to record, or a typed error.
 * - `evolve(state, event)` folds one event into the state. `replay(events)` folds them all.
 *
 * `execute` does both and seals the events onto the hash chain: it is what a service calls.
 *
 * This module holds the signatures, types and documentation; the working code is in
 * `internal/lifecycle/` (`records`, `decide`, `evolve`, `execute`).
 *
 * @example
 * import { Actor, AppealState, Lifecycle } from "@murojaat/core"
 * const r = Lifecycle.decide(AppealState.initial("A-1"), { type: "startReview", appealId: "A-1" } as any,
 *   { now: "2026-03-02T05:00:00.000Z", actor: Actor.system("rules") })
 * r._tag === "Left" && r.left._tag // "InvalidTransition"
 */
import type { Either } from "effect"
import type * as Actor from "./Actor.js"
import type * as AppealMachine from "./AppealMachine.js"
import type * as AppealState from "./AppealState.js"
import type * as Command from "./Command.js"
import type * as Errors from "./Errors.js"
import type * as Event from "./Event.js"
import * as decide_ from "./internal/lifecycle/decide.js"
import * as evolve_ from "./internal/lifecycle/evolve.js"
import * as execute_ from "./internal/lifecycle/execute.js"
import * as records_ from "./internal/lifecycle/records.js"

/**
 * What `decide` may refuse with.
 *
 * @example
 * import { Lifecycle } from "@murojaat/core"
 * const code = (e: Lifecycle.DecideError) => e._tag
 *
 * @since 0.1.0
 * @category decide
 */
export type DecideError = Errors.InvalidTransition | Errors.NotAuthorized | Errors.RuleViolation | Errors.InvalidInput

/**
 * A decision: the events to record (pending: their free texts and personal data are digested when
 * they are sealed), the role the actor acted in and the status the machine moves to.
 *
 * @example
 * import { Lifecycle } from "@murojaat/core"
 * const d: Lifecycle.Decision = { events: [], role: "system", status: "received" }
 *
 * @since 0.1.0
 * @category decide
 */
export interface Decision {
  readonly events: ReadonlyArray<Event.Pending>
  readonly role: Actor.Role
  /** The status the machine moves to. */
  readonly status: AppealState.Status
}

/**
 * The events each command records, typed by command: `(command, state, ctx) => events`, with their
 * data, their rule ids (`lifecycle.<command>`, the grant's rules, and for `triage` and `assign` the
 * rule ids the command names) and what they keep apart: a person's free texts (`Event.textFields`)
 * go to `texts`, the personal data of an intake to `personal`. Nothing is hashed here: the seal
 * (`Audit.seal`) puts their digests into the data.
 *
 * @example
 * import { Actor, AppealState, Lifecycle } from "@murojaat/core"
 * Lifecycle.records.startReview({ type: "startReview", appealId: "A-1" } as any, AppealState.initial("A-1"), { now: "2026-03-02T05:00:00.000Z", actor: Actor.system("x") })
 * // [{ type: "reviewStarted", data: {}, rules: ["lifecycle.startReview"] }]
 * Lifecycle.records.escalate({ type: "escalate", appealId: "A-1", reason: "overdue" } as any, AppealState.initial("A-1"), { now: "2026-03-02T05:00:00.000Z", actor: Actor.system("x") })
 * // [{ type: "escalated", data: {}, texts: { reason: "overdue" }, rules: ["lifecycle.escalate", "escalate.supervisorServes"] }]
 *
 * @since 0.1.0
 * @category decide
 */
export const records: {
  readonly [C in Command.Type]: (command: Command.Of<C>, state: AppealState.AppealState, ctx: AppealMachine.Context) => ReadonlyArray<Event.Pending>
} = records_.records

/**
 * Decides a command: the events it produces, or why it is refused. Refusals come in this order:
 * the command does not exist in this status (`InvalidTransition`: xstate's `transition` takes no
 * transition); the actor may not give it (`NotAuthorized`, with the reason); a rule does not hold
 * (`RuleViolation`, with the rule id and its legal source). The grant is evaluated once, after the
 * machine has said where the command leads (see `AppealMachine`). The events are pending: their
 * free texts and personal data are digested when they are sealed (`Audit.seal`, `execute`).
 *
 * @example
 * import { Actor, AppealState, Lifecycle } from "@murojaat/core"
 * const s = { ...AppealState.initial("A-1"), status: "received" as const, mahallaCode: "M1", districtCode: "D1" }
 * const r = Lifecycle.decide(s, { type: "register", appealId: "A-1", registrationNumber: "D1-2026-1" } as any,
 *   { now: "2026-03-02T05:00:00.000Z", actor: Actor.system("registry") })
 * r._tag === "Right" && r.right.events[0]!.type // "registered"
 *
 * @since 0.1.0
 * @category decide
 */
export const decide: (
  state: AppealState.AppealState,
  command: Command.Command,
  ctx: AppealMachine.Context
) => Either.Either<Decision, DecideError> = decide_.decide

/**
 * Folds one event into the state. It trusts the event (the decision was made when it was
 * recorded), so replaying history never re-runs today's rules on yesterday's facts. The state it
 * returns has every field of `AppealState.AppealState`, an absent one `undefined`.
 *
 * @example
 * import { Actor, AppealState, Audit, Lifecycle } from "@murojaat/core"
 * const [e] = Audit.seal({ version: 0, lastHash: Audit.genesis }, [{ type: "reviewStarted", data: {}, rules: [] }],
 *   { appealId: "A-1", at: "2026-01-05T05:00:00.000Z", actor: Actor.ref(Actor.system("t"), "system") })
 * const s = Lifecycle.evolve(AppealState.initial("A-1"), e!)
 * s.status // "inReview"
 * s.version // 1
 *
 * @since 0.1.0
 * @category evolve
 */
export const evolve: (state: AppealState.AppealState, event: Event.AppealEvent) => AppealState.AppealState = evolve_.evolve

/**
 * Rebuilds an appeal's state from its events.
 *
 * @example
 * import { Lifecycle } from "@murojaat/core"
 * Lifecycle.replay("A-1", []).status // "none"
 *
 * @since 0.1.0
 * @category evolve
 */
export const replay: (appealId: string, events: ReadonlyArray<Event.AppealEvent>) => AppealState.AppealState = evolve_.replay

/**
 * The result of executing a command: the sealed events, the new state, and the events' free texts
 * for the personal-data record (`AppealStore.StreamWrite.texts`).
 *
 * @example
 * import { Lifecycle } from "@murojaat/core"
 * const r: Lifecycle.Executed = { events: [], state: Lifecycle.replay("A-1", []), role: "system", texts: [] }
 *
 * @since 0.1.0
 * @category engine
 */
export interface Executed {
  readonly events: ReadonlyArray<Event.AppealEvent>
  readonly state: AppealState.AppealState
  readonly role: Actor.Role
  readonly texts: ReadonlyArray<Event.TextRecord>
}

/**
 * Decides a command, seals the events onto the appeal's hash chain (actor, time, causation and
 * correlation ids from the command) and folds them into the new state. Free texts (`Event.textFields`)
 * come back apart, in `texts`; the events carry their digest.
 *
 * @example
 * import { Actor, AppealState, Lifecycle } from "@murojaat/core"
 * const s = { ...AppealState.initial("A-1"), status: "received" as const, mahallaCode: "M1", districtCode: "D1" }
 * const r = Lifecycle.execute(s, { type: "register", appealId: "A-1", registrationNumber: "D1-2026-1" } as any,
 *   { now: "2026-03-02T05:00:00.000Z", actor: Actor.system("registry") })
 * r._tag === "Right" && r.right.state.status // "registered"
 * const w = Lifecycle.execute(s, { type: "escalate", appealId: "A-1", reason: "Karimov is waiting" } as any,
 *   { now: "2026-03-02T05:00:00.000Z", actor: Actor.system("deadline-timer") })
 * w._tag === "Right" && w.right.texts // [{ seq: 1, texts: { reason: "Karimov is waiting" } }]
 * w._tag === "Right" && JSON.stringify(w.right.events).includes("Karimov") // false
 *
 * @since 0.1.0
 * @category engine
 */
export const execute: (
  state: AppealState.AppealState,
  command: Command.Command,
  ctx: AppealMachine.Context
) => Either.Either<Executed, DecideError> = execute_.execute
