// Commands on existing appeals: decoding, the ids the service supplies, related appeals, and the
// typed path from a decided command to one commit (the repeated appeal of a dispute is `dispute.ts`).
import { Effect, Either, Option } from "effect"
import * as Actor from "../../Actor.js"
import * as Appeal from "../../Appeal.js"
import * as AppealMachine from "../../AppealMachine.js"
import type { RequestOptions, Result } from "../../AppealService.js"
import * as AppealState from "../../AppealState.js"
import { AppealStore } from "../../AppealStore.js"
import type * as AppealStoreModule from "../../AppealStore.js"
import * as Command from "../../Command.js"
import * as Decode from "../../Decode.js"
import * as Directory from "../../Directory.js"
import * as Errors from "../../Errors.js"
import { IdGenerator } from "../../IdGenerator.js"
import * as Lifecycle from "../../Lifecycle.js"
import * as Trust from "../trust.js"
import { commitResult, config, decodeOptions, dueAtOrFail, load, namedOfficers, nowIso, officerLookup, once, step, withClockFacts, withDeadlines, withIdempotency } from "./base.js"
import { disputeWrites } from "./dispute.js"

// Built once (building walks the schema), used by every command.
const decodeCommand = Decode.unknown(Command.Input, "Command")

// The ids a caller never chooses, from the IdGenerator: the registration number (taken only once
// the machine would accept the registration, so refused attempts burn no number) and the repeated
// appeal's id.
export const complete = (input: Command.Input, state: AppealState.AppealState, ctx: AppealMachine.Context) =>
  Effect.gen(function* () {
    switch (input.type) {
      case "register": {
        const probe: Command.Command = { ...input, registrationNumber: "(pending)" }
        const decided = Lifecycle.decide(state, probe, ctx)
        if (Either.isLeft(decided)) return yield* Effect.fail(decided.left)
        const registrationNumber = yield* Effect.flatMap(IdGenerator, (g) => g.registrationNumber(state.districtCode ?? "", ctx.now))
        return { ...input, registrationNumber } satisfies Command.Command as Command.Command
      }
      case "dispute": {
        const repeatAppealId = (yield* Effect.flatMap(IdGenerator, (g) => g.appealId)) as Appeal.AppealId
        return { ...input, repeatAppealId } satisfies Command.Command as Command.Command
      }
      default:
        return input as Command.Command
    }
  })

// The other appeals a command names, loaded for the machine's rules: a merge target (which the
// actor must be able to read: otherwise it is "not found", whether or not it exists) and the
// repeated appeals of earlier disputes.
export const related = (command: Command.Input, state: AppealState.AppealState, actor: Actor.Actor) =>
  Effect.gen(function* () {
    const found = new Map<string, AppealState.AppealState>()
    if (command.type === "mergeInto") found.set(command.targetAppealId, yield* load(command.targetAppealId, actor))
    if (command.type === "dispute") {
      const store = yield* AppealStore
      for (const id of state.disputedBy) {
        const repeat = yield* store.load(id)
        if (Option.isSome(repeat)) found.set(id, repeat.value)
      }
    }
    return found
  })

/**
 * The typed command path: a decoded command from a resolved actor, decided on the appeal's latest
 * state and committed. `execute` runs it after decoding; the deadline timer runs it with the
 * command the clocks call for, decided at `expectedVersion` (a state changed meanwhile is a
 * `VersionConflict`, and the timer decides again).
 */
export const run = (input: Command.Input, actor: Actor.Actor, idem: AppealStoreModule.Commit["idempotency"], expectedVersion?: number) =>
  Effect.gen(function* () {
    const { settings } = yield* config
    const now = yield* nowIso
    const state = yield* Effect.flatMap(load(input.appealId, actor), withClockFacts)
    if (expectedVersion !== undefined && state.version !== expectedVersion) {
      return yield* Effect.fail(new Errors.VersionConflict({ appealId: state.appealId, expected: expectedVersion, actual: state.version }))
    }
    const others = yield* related(input, state, actor)
    const officer = yield* officerLookup(namedOfficers(input as Command.Command))
    const ctx: AppealMachine.Context = { now, actor, settings, officer, appeal: (id) => others.get(id) }
    const command = yield* complete(input, state, ctx)
    const r = yield* step(state, command, ctx)
    const writes: Array<AppealStoreModule.StreamWrite> = [
      { appealId: command.appealId, expectedVersion: state.version, events: r.events, state: r.state, texts: r.texts, dueAt: yield* dueAtOrFail(r.state, now) }
    ]
    if (command.type === "dispute") writes.push(yield* disputeWrites(r.state, command, actor, now))
    // A merge is decided on the target as read: the commit re-checks its version (a write with no
    // events), so two appeals merged into each other at the same moment cannot both succeed.
    if (command.type === "mergeInto") {
      const target = others.get(command.targetAppealId)!
      writes.push({ appealId: target.appealId, expectedVersion: target.version, events: [], state: target })
    }
    const result: Result = { appealId: command.appealId, state: r.state, events: r.events }
    return yield* commitResult(writes, result, idem)
  })

export const execute = (input: unknown, actor: Actor.Subject, options: RequestOptions = {}) =>
  Effect.gen(function* () {
    const opts = yield* decodeOptions(options)
    const command = yield* decodeCommand(input)
    const who = yield* Trust.resolveActor(actor, command.type)
    const key = opts.idempotencyKey ?? command.commandId
    const withCorrelation = command.correlationId === undefined && opts.correlationId !== undefined ? { ...command, correlationId: opts.correlationId } : command
    return yield* once(withDeadlines(
      withIdempotency(key, { execute: input, actor: Actor.label(who) }, (idem) =>
        // Decided again on the fresh state after a conflict, unless the caller named the version of
        // this appeal it decided on and this appeal moved: then the conflict is the answer. (A merge
        // target that moved meanwhile is decided again, as without it.)
        run(withCorrelation, who, idem, opts.expectedVersion).pipe(
          Effect.retry({
            times: 5,
            while: (e) => e._tag === "VersionConflict" && (opts.expectedVersion === undefined || e.appealId !== command.appealId)
          })
        )
      )
    ))
  })
