// Receiving an appeal: the checks of an intake against the directory, receipt, and the automatic
// pipeline (register, triage, assign) in one commit.
import { Effect, Either, Schema } from "effect"
import * as Actor from "../../Actor.js"
import * as Appeal from "../../Appeal.js"
import type { Holdup, Pipeline, RequestOptions, Result, ServiceError } from "../../AppealService.js"
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
import * as Lifecycle from "../../Lifecycle.js"
import * as Triage from "../../Triage.js"
import * as Choice from "../assignment/choice.js"
import { dueAtOfState } from "../deadline/fromState.js"
import * as Trust from "../trust.js"
import { commitResult, type Config, decodeOptions, load, nowIso, Resolver, systemActor, withIdempotency } from "./base.js"

// Built once (building walks the schema), used by every submission. Synchronous: an `Either`.
export const decodeIntake = Decode.either(Appeal.Intake, "Appeal")
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

// The decisions of a submission as plain functions over the state: each step is
// `Lifecycle.execute` as the system (or the caller, for receipt), recorded in `events`. Effect is
// used only at the ports (ids, the workloads, the commit), so a submission runs a handful of
// effects instead of one per step and per configuration read.
class Steps {
  state: AppealState.AppealState
  readonly events: Array<Event.AppealEvent> = []
  texts: ReadonlyArray<Event.TextRecord> = []
  constructor(
    state: AppealState.AppealState,
    readonly now: string,
    readonly cfg: Config["Type"],
    readonly base: { readonly appealId: Appeal.AppealId; readonly correlationId?: string }
  ) {
    this.state = state
  }
  // The first refusal of a step, if any: the submission fails with it.
  run(command: Command.Command, actor: Actor.Actor, officer?: (id: string) => Directory.Officer | undefined): Lifecycle.DecideError | undefined {
    const r = Lifecycle.execute(this.state, command, { deadlines: this.cfg.deadlines, now: this.now, actor, settings: this.cfg.settings, officer })
    if (Either.isLeft(r)) return r.left
    this.state = r.right.state
    for (const e of r.right.events) this.events.push(e)
    if (r.right.texts.length > 0) this.texts = [...this.texts, ...r.right.texts]
    return undefined
  }
}

const registry = systemActor("registry")
const triageActor = systemActor("triage")
const assignmentActor = systemActor("assignment")

// Triage as configured, then (if the pipeline assigns this appeal) the workloads it needs: `true`
// when assignment is to be asked.
const triageStep = (steps: Steps, pipeline: Pipeline, text: string): Lifecycle.DecideError | boolean => {
  const fields = pipeline.triage?.({ text, state: steps.state })
  if (fields === undefined) return false
  const refused = steps.run({ type: "triage", ...steps.base, ...fields }, triageActor)
  if (refused !== undefined) return refused
  return pipeline.assign !== undefined && (pipeline.assigns?.(steps.state) ?? true)
}

// Assignment as configured, on the workloads read: the holdup when the appeal stays `triaged`.
const assignStep = (
  steps: Steps,
  pipeline: Pipeline,
  directory: Directory.Directory,
  workload: ReadonlyArray<AppealStoreModule.Workload>
): Lifecycle.DecideError | Holdup | undefined => {
  const { state, now, cfg } = steps
  const choice = pipeline.assign!({ state, directory, now, workload, ...(cfg.deadlines.calendar !== undefined ? { calendar: cfg.deadlines.calendar } : {}) })
  if (choice !== undefined && "refusal" in choice) return { reason: "noEligibleInspector", error: choice.refusal }
  if (choice !== undefined && "refused" in choice) return { reason: "noEligibleInspector", error: encodeRefusal(choice.refused) }
  if (choice === undefined) return undefined
  const officers = Choice.indexOf(directory).byId
  return steps.run({ type: "assign", ...steps.base, officerId: choice.officerId as Directory.OfficerId, ruleIds: choice.ruleIds }, assignmentActor, (id) => officers.get(id))
}

const isRefusal = (x: unknown): x is Lifecycle.DecideError => x instanceof Error

// After receipt: register, triage and assign as configured, each as the system, each recorded.
const pipelineAfterReceipt = (steps: Steps, text: string, directory: Directory.Directory): Effect.Effect<Holdup | undefined, ServiceError, IdGenerator | AppealStore> => {
  const { pipeline } = steps.cfg
  if (!pipeline.registerOnReceipt) return Effect.succeed(undefined)
  const finish = (holdup: Holdup | undefined): Holdup | undefined => {
    const { state } = steps
    if (state.status !== "triaged") return undefined
    // Stopped before assignment: say why (the result's `holdup`).
    return holdup ?? { reason: state.needsPerson && state.priority !== "urgent" ? "needsPerson" : "notAssigned" }
  }
  return Effect.flatMap(
    Effect.flatMap(IdGenerator, (g) => g.registrationNumber(steps.state.districtCode ?? "", steps.now)),
    (registrationNumber): Effect.Effect<Holdup | undefined, ServiceError, AppealStore> => {
      const registered = steps.run({ type: "register", ...steps.base, registrationNumber }, registry)
      if (registered !== undefined) return Effect.fail(registered)
      const assigns = triageStep(steps, pipeline, text)
      if (isRefusal(assigns)) return Effect.fail(assigns)
      // Not triaged: no holdup (the appeal is `registered`).
      if (!assigns) return Effect.succeed(finish(undefined))
      return Effect.flatMap(openWorkload(steps.state.districtCode ?? ""), (workload) => {
        const r = assignStep(steps, pipeline, directory, workload)
        return isRefusal(r) ? Effect.fail(r) : Effect.succeed(finish(r))
      })
    }
  )
}

// A new appeal: receive (and the pipeline), as one commit.
export const receiveNew = (
  appealId: string,
  intake: Appeal.Intake,
  actor: Actor.Actor,
  options: RequestOptions,
  commandId: string | undefined,
  idem: AppealStoreModule.Commit["idempotency"],
  directory: Directory.Directory,
  cfg: Config["Type"]
): Effect.Effect<Result, ServiceError, IdGenerator | AppealStore> =>
  Effect.flatMap(nowIso, (now) => {
    const withRef: Appeal.Intake =
      actor._tag === "applicant" && intake.applicantRef === undefined ? { ...intake, applicantRef: actor.applicantRef } : intake
    const base = { appealId: appealId as Appeal.AppealId, ...(options.correlationId !== undefined ? { correlationId: options.correlationId } : {}) }
    const command: Command.Command = {
      type: "receive",
      appealId: appealId as Appeal.AppealId,
      intake: withRef,
      ...(commandId !== undefined ? { commandId } : {}),
      ...(options.correlationId !== undefined ? { correlationId: options.correlationId } : {})
    }
    const steps = new Steps(AppealState.initial(appealId), now, cfg, base)
    const refused = steps.run(command, actor)
    if (refused !== undefined) return Effect.fail(refused)
    // Only the receipt keeps texts apart (the intake's personal data and text).
    const texts = steps.texts
    return Effect.flatMap(pipelineAfterReceipt(steps, withRef.text.body, directory), (holdup) => {
      const state = steps.state
      const events = steps.events
      const result: Result = { appealId, state, events, ...(holdup !== undefined ? { holdup } : {}) }
      const { personal } = Appeal.split(withRef)
      const due = dueAtOfState(state, now, cfg.deadlines)
      // Every state the service commits has clock facts: a new appeal gathers them from its first event.
      if (due === undefined) return Effect.dieMessage(`appeal ${state.appealId} has no clock facts`)
      if (Either.isLeft(due)) return Effect.fail(due.left)
      return commitResult([{ appealId, expectedVersion: 0, events, state, personal, texts, dueAt: due.right }], result, idem)
    })
  })

// What the service checks of an intake before believing it: an applicant files as himself; the
// codes exist in the directory and agree; a named officer exists; linked appeals exist and the actor
// may read them (an unreadable one is reported as not found, like a missing one).
export const checkIntake = (intake: Appeal.Intake, actor: Actor.Actor, directory: Directory.Directory): Effect.Effect<void, ServiceError, AppealStore> => {
  if (actor._tag === "applicant" && intake.applicantRef !== undefined && intake.applicantRef !== actor.applicantRef) {
    return Effect.fail(new Errors.NotAuthorized({ actor: Actor.label(actor), command: "receive", reason: "notApplicant" }))
  }
  const issues = [...Trust.locationIssues(directory, intake.location), ...Trust.subjectOfficerIssues(directory, intake.subjectOfficerId)]
  if (issues.length > 0) return Effect.fail(new Errors.InvalidInput({ subject: "Appeal", issues }))
  return intake.links.length === 0 ? Effect.void : Effect.forEach(intake.links, (link) => load(link.appealId, actor), { discard: true })
}

// Decoding, the actor, the configuration in force, then the idempotent submission: the same
// steps and refusals, in the same order, as a command's path (`commands.execute`), written as
// plain functions between the ports.
export const submit = (input: unknown, actor: Actor.Subject, options: RequestOptions = {}) =>
  Effect.suspend(() => {
    const opts = decodeOptions(options)
    if (Either.isLeft(opts)) return Effect.fail(opts.left)
    const intake = decodeIntake(input)
    if (Either.isLeft(intake)) return Effect.fail(intake.left)
    // The configuration is resolved once per request (as `once` does for commands) and handed
    // down; the result carries the calendar it was decided with (as `withDeadlines` does).
    return Effect.flatMap(Trust.resolveActor(actor, "receive"), (who) =>
      Effect.flatMap(Effect.flatten(Resolver), (cfg) =>
        Effect.map(
          withIdempotency(opts.right.idempotencyKey, { submit: input, actor: Actor.label(who) }, (idem) => receiveChecked(intake.right, who, opts.right, idem, cfg)),
          (r): Result => ({ ...r, deadlines: cfg.deadlines })
        )
      )
    )
  })

// The directory's checks of the intake, its id, and the new appeal.
const receiveChecked = (intake: Appeal.Intake, who: Actor.Actor, opts: RequestOptions, idem: AppealStoreModule.Commit["idempotency"], cfg: Config["Type"]) =>
  Effect.flatMap(DirectoryStore, (directories) =>
    Effect.flatMap(directories.snapshot, (directory) =>
      Effect.flatMap(checkIntake(intake, who, directory), () =>
        Effect.flatMap(IdGenerator, (ids) => Effect.flatMap(ids.appealId, (appealId) => receiveNew(appealId, intake, who, opts, opts.idempotencyKey, idem, directory, cfg)))
      )
    )
  )
