// Disputes: the repeated appeal a dispute opens, written in the same commit as the dispute itself
// (the command path, `commands.ts`, adds it to the commit of a `dispute`).
import { Effect, Option } from "effect"
import type * as Actor from "../../Actor.js"
import * as Appeal from "../../Appeal.js"
import * as AppealState from "../../AppealState.js"
import { AppealStore } from "../../AppealStore.js"
import type * as Command from "../../Command.js"
import type * as Directory from "../../Directory.js"
import * as Errors from "../../Errors.js"
import { IdGenerator } from "../../IdGenerator.js"
import { config, dueAtOrFail, step, systemActor } from "./base.js"

// Disputing creates the repeated appeal: the applicant's data and place are carried over, the text
// is the dispute's reason, it is linked `repeatOf`, registered, and put under a supervisor's control.
export const disputeWrites = (
  original: AppealState.AppealState,
  command: Command.Of<"dispute">,
  actor: Actor.Actor,
  now: string
) =>
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
      dueAt: yield* dueAtOrFail(r3.state, now)
    }
  })

