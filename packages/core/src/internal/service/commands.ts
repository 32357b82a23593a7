// Commands on existing appeals: ids the service supplies, related appeals, the decision on the
// latest state, and the repeated appeal a dispute opens.
import { Effect, Either, Option } from "effect"
import * as Actor from "../../Actor.js"
import * as Appeal from "../../Appeal.js"
import * as AppealMachine from "../../AppealMachine.js"
import type { Ports, RequestOptions, Result, ServiceError } from "../../AppealService.js"
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
import { commitResult, config, decodeOptions, dueAtOrFail, load, namedOfficers, nowIso, officerLookup, once, step, systemActor, withIdempotency } from "./base.js"

// Disputing creates the repeated appeal: the applicant's data and place are carried over, the text
// is the dispute's reason, it is linked `repeatOf`, registered, and put under a supervisor's control.
export const disputeWrites = (original: AppealState.AppealState, command: Command.Of<"dispute">, actor: Actor.Actor, now: string) =>
  Effect.gen(function* () {
    const { settings } = yield* config
    const personal = yield* Effect.flatMap(AppealStore, (s) => s.personal(original.appealId))
    if (Option.isNone(personal)) {
      return yield* Effect.fail(
        new Errors.RuleViolation({ appealId: original.appealId, rule: "dispute.personalDataKept", source: "ZRU-547 (data erased when retention ended)" })
      )
    }
    const p = personal.value
    const intake: Appeal.Intake = {
      kind: "shikoyat",
      form: "electronic",
      channel: original.channel ?? "smartMahallaApp",
      applicant: p.applicant,
      ...(original.applicantRef !== undefined ? { applicantRef: original.applicantRef } : {}),
      signatories: p.signatories,
      location: {
        regionCode: original.regionCode as Directory.RegionCode,
        districtCode: original.districtCode as Directory.DistrictCode,
        mahallaCode: original.mahallaCode as Directory.MahallaCode,
        ...(p.point !== undefined ? { point: p.point } : {}),
        ...(p.address !== undefined ? { address: p.address } : {})
      },
      text: { body: command.reason },
      attachments: [],
      links: [{ kind: "repeatOf", appealId: original.appealId as Appeal.AppealId }],
      ...(original.subjectOfficerId !== undefined ? { subjectOfficerId: original.subjectOfficerId as Directory.OfficerId } : {})
    }
    const base = { appealId: command.repeatAppealId, ...(command.correlationId !== undefined ? { correlationId: command.correlationId } : {}) }
    const r1 = yield* step(AppealState.initial(command.repeatAppealId), { type: "receive", ...base, intake }, { now, actor, settings })
    const registrationNumber = yield* Effect.flatMap(IdGenerator, (g) => g.registrationNumber(original.districtCode ?? "", now))
    const r2 = yield* step(r1.state, { type: "register", ...base, registrationNumber }, { now, actor: systemActor("registry"), settings })
    const r3 = yield* step(
      r2.state,
      { type: "escalate", ...base, reason: `repeated appeal disputing ${original.appealId}: under a supervisor's control` },
      { now, actor: systemActor("repeat-control"), settings }
    )
    const events = [...r1.events, ...r2.events, ...r3.events]
    return {
      appealId: command.repeatAppealId as string,
      expectedVersion: 0,
      events,
      state: r3.state,
      personal: Appeal.split(intake).personal,
      texts: [...r1.texts, ...r2.texts, ...r3.texts],
      dueAt: yield* dueAtOrFail(events, now)
    }
  })

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

export const executeOnce = (input: Command.Input, actor: Actor.Actor, idem: AppealStoreModule.Commit["idempotency"]) =>
  Effect.gen(function* () {
    const { settings } = yield* config
    const now = yield* nowIso
    const state = yield* load(input.appealId, actor)
    const others = yield* related(input, state, actor)
    const officer = yield* officerLookup(namedOfficers(input as Command.Command))
    const ctx: AppealMachine.Context = { now, actor, settings, officer, appeal: (id) => others.get(id) }
    const command = yield* complete(input, state, ctx)
    const r = yield* step(state, command, ctx)
    const history = yield* Effect.flatMap(AppealStore, (s) => s.events(command.appealId))
    const writes: Array<AppealStoreModule.StreamWrite> = [
      { appealId: command.appealId, expectedVersion: state.version, events: r.events, state: r.state, texts: r.texts, dueAt: yield* dueAtOrFail([...history, ...r.events], now) }
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

export const execute = (input: unknown, actor: Actor.Subject, options: RequestOptions = {}): Effect.Effect<Result, ServiceError, Ports> =>
  Effect.gen(function* () {
    const opts = yield* decodeOptions(options)
    const command = yield* Decode.unknown(Command.Input, "Command")(input)
    const who = yield* Trust.resolveActor(actor, command.type)
    const key = opts.idempotencyKey ?? command.commandId
    const withCorrelation = command.correlationId === undefined && opts.correlationId !== undefined ? { ...command, correlationId: opts.correlationId } : command
    return yield* once(
      withIdempotency(key, { execute: input, actor: Actor.label(who) }, (idem) =>
        executeOnce(withCorrelation, who, idem).pipe(Effect.retry({ times: 5, while: (e) => e._tag === "VersionConflict" }))
      )
    )
  })

export const dispute = (appealId: string, reason: string, actor: Actor.Subject, options: RequestOptions = {}): Effect.Effect<Result, ServiceError, Ports> =>
  execute({ type: "dispute", appealId, reason }, actor, options)
