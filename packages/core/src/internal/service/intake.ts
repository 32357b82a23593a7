// Receiving an appeal: the checks of an intake against the directory, receipt, and the automatic
// pipeline (register, triage, assign) in one commit.
import { Effect, Either, Schema } from "effect"
import * as Actor from "../../Actor.js"
import * as Appeal from "../../Appeal.js"
import type { Holdup, Pipeline, RequestOptions, Result } from "../../AppealService.js"
import * as AppealState from "../../AppealState.js"
import { AppealStore } from "../../AppealStore.js"
import type * as AppealStoreModule from "../../AppealStore.js"
import * as Assignment from "../../Assignment.js"
import * as Command from "../../Command.js"
import * as Decode from "../../Decode.js"
import * as Directory from "../../Directory.js"
import { DirectoryStore } from "../../DirectoryStore.js"
import * as Errors from "../../Errors.js"
import type * as Event from "../../Event.js"
import { IdGenerator } from "../../IdGenerator.js"
import * as Triage from "../../Triage.js"
import * as Choice from "../assignment/choice.js"
import * as Trust from "../trust.js"
import { commitResult, config, decodeOptions, dueAtOrFail, load, nowIso, once, step, systemActor, withDeadlines, withIdempotency } from "./base.js"

// Built once (building walks the schema), used by every submission.
export const decodeIntake = Decode.unknown(Appeal.Intake, "Appeal")
const encodeRefusal = Schema.encodeSync(Errors.NoEligibleInspector)

const assignsAutomatically = (state: AppealState.AppealState): boolean => !state.needsPerson || state.priority === "urgent"

export const rulesPipeline = (options: { readonly triage?: Triage.Engine; readonly assignment?: Assignment.Settings } = {}): Pipeline => ({
  registerOnReceipt: true,
  triage: ({ text }) => Triage.toEventData(Triage.classify(text, options.triage)),
  // An appeal that needs a person is not assigned automatically, unless it is urgent: someone on
  // duty must see it now. Decided before the workloads are read.
  assigns: assignsAutomatically,
  assign: ({ state, directory, now, workload, calendar }) => {
    if (!assignsAutomatically(state)) return undefined
    // Duty in working hours follows the service's calendar (its holidays, a decree loaded later).
    const settings = options.assignment ?? (calendar !== undefined ? Assignment.settings({ calendar }) : undefined)
    const loads = Assignment.loadsFromCounts(workload, settings)
    const r = Choice.chooseOrRefuse(directory, assignmentInput(state), { at: now as Directory.Instant, loads, ...(settings !== undefined ? { settings } : {}) })
    return Either.isRight(r) ? { officerId: r.right.officerId, ruleIds: r.right.command.ruleIds } : { refusal: r.left }
  }
})

export const assignmentInput = (state: AppealState.AppealState): Assignment.AppealInput => ({
  appealId: state.appealId,
  mahallaCode: state.mahallaCode ?? "",
  districtCode: state.districtCode ?? "",
  priority: state.priority ?? "normal",
  ...(state.category !== undefined ? { category: state.category } : {}),
  ...(state.subjectOfficerId !== undefined ? { subjectOfficerId: state.subjectOfficerId } : {}),
  ...(state.applicantRef !== undefined ? { applicantRef: state.applicantRef } : {})
}) as Assignment.AppealInput

export const held: ReadonlyArray<AppealState.Status> = ["assigned", "inReview", "awaitingApplicant"]

// The workloads assignment balances: the district's held appeals counted by officer and priority
// in the store (their number does not grow the answer).
export const openWorkload = (districtCode: string) => Effect.flatMap(AppealStore, (store) => store.workload(districtCode, held))

// After receipt: register, triage and assign as configured, each as the system, each recorded.
export const pipelineAfterReceipt = (
  state0: AppealState.AppealState,
  text: string,
  now: string,
  correlationId: string | undefined,
  directory: Directory.Directory
) =>
  Effect.gen(function* () {
    const { settings, pipeline, deadlines } = yield* config
    let state = state0
    let holdup: Holdup | undefined
    const events: Array<Event.AppealEvent> = []
    const run = (command: Command.Command, actor: Actor.Actor, officer?: (id: string) => Directory.Officer | undefined) =>
      Effect.map(step(state, command, { now, actor, settings, officer }), (r) => {
        state = r.state
        events.push(...r.events)
      })
    const base = { appealId: state.appealId as Appeal.AppealId, ...(correlationId !== undefined ? { correlationId } : {}) } as const
    if (pipeline.registerOnReceipt) {
      const registrationNumber = yield* Effect.flatMap(IdGenerator, (g) => g.registrationNumber(state.districtCode ?? "", now))
      yield* run({ type: "register", ...base, registrationNumber }, systemActor("registry"))
      const fields = pipeline.triage?.({ text, state })
      if (fields !== undefined) {
        yield* run({ type: "triage", ...base, ...fields }, systemActor("triage"))
        if (pipeline.assign !== undefined && (pipeline.assigns?.(state) ?? true)) {
          const workload = yield* openWorkload(state.districtCode ?? "")
          const choice = pipeline.assign({ state, directory, now, workload, ...(deadlines.calendar !== undefined ? { calendar: deadlines.calendar } : {}) })
          if (choice !== undefined && "refusal" in choice) {
            holdup = { reason: "noEligibleInspector", error: choice.refusal }
          } else if (choice !== undefined && "refused" in choice) {
            holdup = { reason: "noEligibleInspector", error: encodeRefusal(choice.refused) }
          } else if (choice !== undefined) {
            const officers = new Map(directory.officers.map((o) => [o.id as string, o]))
            yield* run({ type: "assign", ...base, officerId: choice.officerId as Directory.OfficerId, ruleIds: choice.ruleIds }, systemActor("assignment"), (id) =>
              officers.get(id)
            )
          }
        }
        // Stopped before assignment: say why (the result's `holdup`).
        if (state.status === "triaged" && holdup === undefined) holdup = { reason: state.needsPerson && state.priority !== "urgent" ? "needsPerson" : "notAssigned" }
      }
    }
    return { state, events, holdup: state.status === "triaged" ? holdup : undefined }
  })

// A new appeal: receive (and the pipeline), as one commit.
export const receiveNew = (
  appealId: string,
  intake: Appeal.Intake,
  actor: Actor.Actor,
  options: RequestOptions,
  commandId: string | undefined,
  idem: AppealStoreModule.Commit["idempotency"],
  directory: Directory.Directory
) =>
  Effect.gen(function* () {
    const { settings } = yield* config
    const now = yield* nowIso
    const withRef: Appeal.Intake =
      actor._tag === "applicant" && intake.applicantRef === undefined ? { ...intake, applicantRef: actor.applicantRef } : intake
    const command: Command.Command = {
      type: "receive",
      appealId: appealId as Appeal.AppealId,
      intake: withRef,
      ...(commandId !== undefined ? { commandId } : {}),
      ...(options.correlationId !== undefined ? { correlationId: options.correlationId } : {})
    }
    const received = yield* step(AppealState.initial(appealId), command, { now, actor, settings })
    const after = yield* pipelineAfterReceipt(received.state, withRef.text.body, now, options.correlationId, directory)
    const events = [...received.events, ...after.events]
    const result: Result = { appealId, state: after.state, events, ...(after.holdup !== undefined ? { holdup: after.holdup } : {}) }
    const { personal } = Appeal.split(withRef)
    const due = yield* dueAtOrFail(after.state, now)
    return yield* commitResult([{ appealId, expectedVersion: 0, events, state: after.state, personal, texts: received.texts, dueAt: due }], result, idem)
  })

// What the service checks of an intake before believing it: an applicant files as himself; the
// codes exist in the directory and agree; a named officer exists; linked appeals exist and the actor
// may read them (an unreadable one is reported as not found, like a missing one).
export const checkIntake = (intake: Appeal.Intake, actor: Actor.Actor, directory: Directory.Directory) =>
  Effect.gen(function* () {
    if (actor._tag === "applicant" && intake.applicantRef !== undefined && intake.applicantRef !== actor.applicantRef) {
      return yield* Effect.fail(new Errors.NotAuthorized({ actor: Actor.label(actor), command: "receive", reason: "notApplicant" }))
    }
    const issues = [...Trust.locationIssues(directory, intake.location), ...Trust.subjectOfficerIssues(directory, intake.subjectOfficerId)]
    if (issues.length > 0) return yield* Effect.fail(new Errors.InvalidInput({ subject: "Appeal", issues }))
    for (const link of intake.links) yield* load(link.appealId, actor)
  })

export const submit = (input: unknown, actor: Actor.Subject, options: RequestOptions = {}) =>
  Effect.gen(function* () {
    const opts = yield* decodeOptions(options)
    const intake = yield* decodeIntake(input)
    const who = yield* Trust.resolveActor(actor, "receive")
    return yield* once(withDeadlines(withIdempotency(opts.idempotencyKey, { submit: input, actor: Actor.label(who) }, (idem) =>
      Effect.gen(function* () {
        const directory = yield* Effect.flatMap(DirectoryStore, (d) => d.snapshot)
        yield* checkIntake(intake, who, directory)
        const appealId = yield* Effect.flatMap(IdGenerator, (g) => g.appealId)
        return yield* receiveNew(appealId, intake, who, opts, opts.idempotencyKey, idem, directory)
      })
    )))
  })
