// Receiving an appeal: the checks of an intake against the directory, receipt, and the automatic
// pipeline (register, triage, assign) in one commit.
import { Effect, Either, Option, Schema, SchemaAST } from "effect"
import * as Actor from "../../Actor.js"
import * as Appeal from "../../Appeal.js"
import type { Holdup, Pipeline, RequestOptions, Result, ServiceError } from "../../AppealService.js"
import * as AppealState from "../../AppealState.js"
import type { AppealStore } from "../../AppealStore.js"
import type * as AppealStoreModule from "../../AppealStore.js"
import * as Assignment from "../../Assignment.js"
import * as Command from "../../Command.js"
import * as Decode from "../../Decode.js"
import * as Directory from "../../Directory.js"
import { DirectoryStore } from "../../DirectoryStore.js"
import * as Errors from "../../Errors.js"
import type * as Event from "../../Event.js"
import { fingerprint, IdempotencyStore } from "../../IdempotencyStore.js"
import { IdGenerator } from "../../IdGenerator.js"
import * as Reservation from "../../Reservation.js"
import * as Lifecycle from "../../Lifecycle.js"
import * as Triage from "../../Triage.js"
import * as Choice from "../assignment/choice.js"
import * as FastDecode from "../fastDecode.js"
import { dueAtOfState } from "../deadline/fromState.js"
import * as Trust from "../trust.js"
import { answeredIn, commitIn, type Config, decodeOptions, loadIn, nowIso, priorAnswer, racingIn, type Resolver, systemActor } from "./base.js"

// A struct with defaults (`optionalWith`) is a transformation, and Effect checks its fields twice:
// on the wire side (every field with its refinements, nested structs and their defaults), then
// again on the decoded side, over the values the wire side has just produced plus the defaults.
// The decoded side keeps its shape (the same keys, optional or not, in the same order: the same
// object comes out) but takes each value as it is, so every field is checked once, on the wire
// side, where all refusals come from (the same issues, in the same order). A schema of another
// shape is left as it is.
const checkedOnWire = <A, I>(schema: Schema.Schema<A, I, never>): Schema.Schema<A, I, never> => {
  const ast = schema.ast
  if (!SchemaAST.isTransformation(ast) || !SchemaAST.isTypeLiteral(ast.to) || ast.to.indexSignatures.length > 0) return schema
  const to = new SchemaAST.TypeLiteral(
    ast.to.propertySignatures.map((p) => new SchemaAST.PropertySignature(p.name, SchemaAST.unknownKeyword, p.isOptional, p.isReadonly, p.annotations)),
    [],
    ast.to.annotations
  )
  return Schema.make<A, I, never>(new SchemaAST.Transformation(ast.from, to, ast.transformation, ast.annotations))
}

// Built once (building walks the schema), used by every submission. Synchronous: an `Either`. The
// common wire shapes are answered by a checker compiled from the same schema (`FastDecode`), which
// gives the decoder's value or leaves the input to it (refusals always come from the decoder).
const wireIntake = checkedOnWire(Appeal.Intake)
export const decodeIntake = FastDecode.either(wireIntake, "Appeal")
// The fast checker `decodeIntake` tries first (the same one: checkers are built once per schema).
export const fastIntake = FastDecode.compile(wireIntake.ast)
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

// An adapter's reservation that did not give what was asked for: its defect, reported as the
// store's (nothing was committed).
const notReserved = (what: string) => new Errors.StoreError({ port: "Reservation", reason: "corrupt", detail: `the reservation gave no ${what}` })

// After receipt: register, triage and assign as configured, each as the system, each recorded, on
// the registration number and workloads reserved before (see `reservationOf`).
const pipelineAfterReceipt = (steps: Steps, text: string, directory: Directory.Directory, reserved: Reservation.Reserved): Effect.Effect<Holdup | undefined, ServiceError> => {
  const { pipeline } = steps.cfg
  if (!pipeline.registerOnReceipt) return Effect.succeed(undefined)
  const finish = (holdup: Holdup | undefined): Holdup | undefined => {
    const { state } = steps
    if (state.status !== "triaged") return undefined
    // Stopped before assignment: say why (the result's `holdup`).
    return holdup ?? { reason: state.needsPerson && state.priority !== "urgent" ? "needsPerson" : "notAssigned" }
  }
  const registrationNumber = reserved.registrationNumber
  if (registrationNumber === undefined) return Effect.fail(notReserved("registration number"))
  const registered = steps.run({ type: "register", ...steps.base, registrationNumber }, registry)
  if (registered !== undefined) return Effect.fail(registered)
  const assigns = triageStep(steps, pipeline, text)
  if (isRefusal(assigns)) return Effect.fail(assigns)
  // Not triaged: no holdup (the appeal is `registered`).
  if (!assigns) return Effect.succeed(finish(undefined))
  if (reserved.workload === undefined) return Effect.fail(notReserved("workload"))
  const r = assignStep(steps, pipeline, directory, reserved.workload)
  return isRefusal(r) ? Effect.fail(r) : Effect.succeed(finish(r))
}

// What a new appeal takes from the stores before its decisions, in one reservation: the answer
// stored under the key (a retry takes nothing more), the district's registration number when the
// pipeline registers on receipt, and the district's workloads when it may assign.
const reservationOf = (intake: Appeal.Intake, pipeline: Pipeline, key: string | undefined, now: string): Reservation.Request => {
  const districtCode = intake.location.districtCode
  const assigns = pipeline.registerOnReceipt && pipeline.triage !== undefined && pipeline.assign !== undefined
  return {
    idempotencyKey: key,
    registration: pipeline.registerOnReceipt ? { districtCode, at: now } : undefined,
    workload: assigns ? { districtCode, status: held } : undefined
  }
}

// A new appeal: receive (and the pipeline), as one commit.
const receiveNew = (
  appealId: string,
  intake: Appeal.Intake,
  actor: Actor.Actor,
  options: RequestOptions,
  idem: AppealStoreModule.Commit["idempotency"],
  directory: Directory.Directory,
  cfg: Config["Type"],
  now: string,
  reserved: Reservation.Reserved,
  store: AppealStore["Type"]
): Effect.Effect<Result, ServiceError> => {
  const base = { appealId: appealId as Appeal.AppealId, ...(options.correlationId !== undefined ? { correlationId: options.correlationId } : {}) }
  const command: Command.Command = {
    type: "receive",
    appealId: appealId as Appeal.AppealId,
    intake,
    ...(options.idempotencyKey !== undefined ? { commandId: options.idempotencyKey } : {}),
    ...(options.correlationId !== undefined ? { correlationId: options.correlationId } : {})
  }
  const steps = new Steps(AppealState.initial(appealId), now, cfg, base)
  const refused = steps.run(command, actor)
  if (refused !== undefined) return Effect.fail(refused)
  // Only the receipt keeps texts apart (the intake's personal data and text).
  const texts = steps.texts
  return Effect.flatMap(pipelineAfterReceipt(steps, intake.text.body, directory, reserved), (holdup) => {
    const state = steps.state
    const events = steps.events
    const result: Result = { appealId, state, events, ...(holdup !== undefined ? { holdup } : {}) }
    const { personal } = Appeal.split(intake)
    const due = dueAtOfState(state, now, cfg.deadlines)
    // Every state the service commits has clock facts: a new appeal gathers them from its first event.
    if (due === undefined) return Effect.dieMessage(`appeal ${state.appealId} has no clock facts`)
    if (Either.isLeft(due)) return Effect.fail(due.left)
    return commitIn(store, [{ appealId, expectedVersion: 0, events, state, personal, texts, dueAt: due.right }], result, idem)
  })
}

// What the service checks of an intake before believing it: an applicant files as himself; the
// codes exist in the directory and agree; a named officer exists; linked appeals exist and the actor
// may read them (an unreadable one is reported as not found, like a missing one).
export const checkIntake = (intake: Appeal.Intake, actor: Actor.Actor, directory: Directory.Directory, store: AppealStore["Type"]): Effect.Effect<void, ServiceError> => {
  if (actor._tag === "applicant" && intake.applicantRef !== undefined && intake.applicantRef !== actor.applicantRef) {
    return Effect.fail(new Errors.NotAuthorized({ actor: Actor.label(actor), command: "receive", reason: "notApplicant" }))
  }
  const issues = [...Trust.locationIssues(directory, intake.location), ...Trust.subjectOfficerIssues(directory, intake.subjectOfficerId)]
  if (issues.length > 0) return Effect.fail(new Errors.InvalidInput({ subject: "Appeal", issues }))
  return intake.links.length === 0 ? Effect.void : Effect.forEach(intake.links, (link) => loadIn(store, link.appealId, actor), { discard: true })
}

// The ports a submission uses, given by the service when it is built (`AppealService.make`): the
// submission reads none from the context, so no context is provided per request (providing one is
// a context merge and a scoped fiber-ref change, about a quarter of an in-memory submission's
// effects). The same instances the context would give: the service's own.
export interface Ports {
  readonly store: AppealStore["Type"]
  readonly idempotency: IdempotencyStore["Type"]
  readonly ids: IdGenerator["Type"]
  readonly reservation: Reservation.Reservation["Type"]
  readonly directories: DirectoryStore["Type"]
  readonly resolver: Resolver["Type"]
}

// The actor, as `Trust.resolveActor` resolves it. Only an officer is looked up in the directory,
// and only a subject tagged "officer" decodes to one: any other subject is resolved without the
// directory in context (it is read from the copy `Decode` would make, so a getter cannot answer
// otherwise the second time); an officer, or an input that cannot be copied, is given it.
const resolveActor = (directories: DirectoryStore["Type"], actor: Actor.Subject): Effect.Effect<Actor.Actor, ServiceError> => {
  const copy = Decode.snapshot(actor)
  if (Either.isRight(copy) && !(typeof copy.right === "object" && copy.right !== null && (copy.right as { readonly _tag?: unknown })._tag === "officer")) {
    return Trust.resolveActor(copy.right, "receive") as Effect.Effect<Actor.Actor, ServiceError>
  }
  return Effect.provideService(Trust.resolveActor(actor, "receive"), DirectoryStore, directories)
}

// Decoding, the actor, the configuration in force, then the idempotent submission: the same
// steps and refusals, in the same order, as a command's path (`commands.execute`), written as
// plain functions between the ports.
export const submit =
  (ports: Ports) =>
  (input: unknown, actor: Actor.Subject, options: RequestOptions = {}): Effect.Effect<Result, ServiceError> =>
    Effect.suspend(() => {
      const opts = decodeOptions(options)
      if (Either.isLeft(opts)) return Effect.fail(opts.left)
      const intake = decodeIntake(input)
      if (Either.isLeft(intake)) return Effect.fail(intake.left)
      // The configuration is resolved once per request (as `once` does for commands) and handed
      // down; the result carries the calendar it was decided with (as `withDeadlines` does).
      return Effect.flatMap(resolveActor(ports.directories, actor), (who) =>
        Effect.flatMap(ports.resolver, (cfg) => Effect.map(receive(ports, input, intake.right, who, opts.right, cfg), (r): Result => ({ ...r, deadlines: cfg.deadlines })))
      )
    })

// The directory's checks of the intake, the reservation, its id, and the new appeal. With an
// idempotency key, a request made before is answered as it was the first time: when the checks
// fail now (the directory changed since), by the answer stored under the key if there is one;
// otherwise by the reservation, which then takes nothing (`Reservation`).
const receive = (ports: Ports, input: unknown, intake: Appeal.Intake, who: Actor.Actor, opts: RequestOptions, cfg: Config["Type"]) => {
  const key = opts.idempotencyKey
  const print = key === undefined ? "" : fingerprint({ submit: input, actor: Actor.label(who) })
  const withRef: Appeal.Intake = who._tag === "applicant" && intake.applicantRef === undefined ? { ...intake, applicantRef: who.applicantRef } : intake
  const { store, idempotency } = ports
  return Effect.flatMap(ports.directories.snapshot, (directory) =>
    Effect.flatMap(Effect.either(checkIntake(intake, who, directory, store)), (checked): Effect.Effect<Result, ServiceError> => {
      if (Either.isLeft(checked)) {
        return key === undefined ? Effect.fail(checked.left) : Effect.flatMap(answeredIn(idempotency, key, print), Option.match({ onNone: () => Effect.fail(checked.left), onSome: Effect.succeed }))
      }
      return Effect.flatMap(nowIso, (now) =>
        Effect.flatMap(ports.reservation.reserve(reservationOf(withRef, cfg.pipeline, key, now)), (reserved) =>
          Effect.flatMap(key === undefined ? Effect.succeed(Option.none<Result>()) : priorAnswer(key, print, reserved.prior), (prior) => {
            if (Option.isSome(prior)) return Effect.succeed(prior.value)
            const idem = key === undefined ? undefined : { key, fingerprint: print, response: undefined }
            const attempt = Effect.flatMap(ports.ids.appealId, (appealId) => receiveNew(appealId, withRef, who, opts, idem, directory, cfg, now, reserved, store))
            return key === undefined ? attempt : racingIn(idempotency, key, attempt, print)
          })
        )
      )
    })
  )
}
