/**
 * The deadline worker: the one implementation the reference service and `murojaat worker
 * deadlines` both start. Every `intervalMillis`, for each district (the directory's, or the ones
 * configured):
 *
 * - Escalations: `AppealService.escalateOverdue` walks the district's overdue list (the worklist
 *   index on due times, not a scan) and, through the core's typed command path, records one
 *   `escalated` event per breach, decided at the version its commit expects: several instances
 *   never escalate a breach twice. The relay publishes it as `appeal.escalated`.
 * - Warnings: the district's soon-due list (`AppealService.soonDue`, the same index, up to
 *   `warnWithinMillis` ahead) gives the appeals whose clocks raise a warning by now
 *   (`Deadline.statusOf` on the listed state, no history read: "3 working days before", "1 hour
 *   before"...); each warning (appeal, clock, due time, threshold) is claimed in the `DeliveryLog`
 *   and sent once through `Alerts` (the broker, as `Messages.DeadlineWarning` on
 *   `deadline.warning.<clock>`, or the log).
 *
 * @example
 * import { Deadlines, Worker } from "@murojaat/rabbitmq"
 * const start = Worker.start("deadlines", Deadlines.body({ intervalMillis: 60_000 }))
 *
 * @since 0.1.0
 */
import { Actor, AppealService, type AppealState, AppealStore, CalendarStore, Deadline, DirectoryStore, type Errors, type Worklist } from "@murojaat/core"
import { Clock, Context, Effect, Either, Layer, Option } from "effect"
import * as Broker from "./Broker.js"
import { DeliveryLog } from "./DeliveryLog.js"
import { BrokerError, describe } from "./Errors.js"
import * as Messages from "./Messages.js"
import * as Worker from "./Worker.js"

/**
 * Where warnings go.
 *
 * @example
 * import type { Deadlines } from "@murojaat/rabbitmq"
 * const name = (a: Deadlines.AlertsService) => a.channel
 *
 * @since 0.1.0
 * @category alerts
 */
export interface AlertsService {
  readonly channel: string
  readonly warn: (warning: Messages.DeadlineWarning) => Effect.Effect<void, BrokerError>
}

/**
 * The warnings' destination.
 *
 * @example
 * import { Deadlines } from "@murojaat/rabbitmq"
 * Deadlines.Alerts.key // "@murojaat/rabbitmq/Deadlines/Alerts"
 *
 * @since 0.1.0
 * @category alerts
 */
export class Alerts extends Context.Tag("@murojaat/rabbitmq/Deadlines/Alerts")<Alerts, AlertsService>() {}

/**
 * Warnings as log lines (codes and ids only), for a service without a broker.
 *
 * @example
 * import { Deadlines } from "@murojaat/rabbitmq"
 * Deadlines.alertsToLog
 *
 * @since 0.1.0
 * @category alerts
 */
export const alertsToLog: Layer.Layer<Alerts> = Layer.succeed(Alerts, {
  channel: "log",
  warn: (w) => Effect.logWarning(`deadline warning ${w.data.appealId} ${w.data.clock} due ${w.data.dueAt} (${w.data.threshold}, ${w.data.ruleId})`)
})

/**
 * Warnings published to the event exchange on `deadline.warning.<clock>`, with confirms, over a
 * connection opened for each send (warnings are few: a handful a minute).
 *
 * @example
 * import { Deadlines } from "@murojaat/rabbitmq"
 * Deadlines.alertsToBroker({ url: "amqp://127.0.0.1" })
 *
 * @since 0.1.0
 * @category alerts
 */
export const alertsToBroker = (settings: { readonly url: string; readonly names?: Broker.Names | undefined }): Layer.Layer<Alerts> =>
  Layer.succeed(Alerts, {
    channel: "broker",
    warn: (w) =>
      Effect.scoped(
        Effect.gen(function* () {
          const names = settings.names ?? Broker.defaultNames
          const connection = yield* Broker.connect(settings.url, { name: "murojaat-deadlines" })
          const ch = yield* Broker.channel(connection, { confirm: true })
          yield* Broker.declareExchange(ch, names)
          const [ok] = yield* Effect.promise(() =>
            Broker.publishConfirmed(ch, names.exchange, [
              {
                routingKey: `deadline.warning.${w.data.clock}`,
                body: Buffer.from(JSON.stringify(w)),
                properties: { persistent: true, messageId: w.id, type: w.type, contentType: Messages.contentType, appId: "murojaat" }
              }
            ])
          )
          if (ok !== true) return yield* Effect.fail(new BrokerError({ operation: "publish warning", detail: "not confirmed" }))
        })
      )
  })

/**
 * The deadline worker's settings.
 *
 * @example
 * import type { Deadlines } from "@murojaat/rabbitmq"
 * const s: Deadlines.Settings = { intervalMillis: 60_000, districts: ["1726262"] }
 *
 * @since 0.1.0
 * @category settings
 */
export interface Settings {
  /** Between runs. Default 60,000 ms. */
  readonly intervalMillis?: number | undefined
  /** How far ahead the soon-due list looks. Default 7 days (the largest warning threshold, 3 working days, fits). */
  readonly warnWithinMillis?: number | undefined
  /** The districts to watch. Default: every district of the directory. */
  readonly districts?: ReadonlyArray<string> | undefined
  /** The system actor's name recorded on escalations. Default `deadline-timer`. */
  readonly actor?: string | undefined
  /** How long a claim on a warning lasts. Default 60,000 ms. */
  readonly leaseMillis?: number | undefined
  /** CloudEvents `source`. Default `urn:murojaat`. */
  readonly source?: string | undefined
}

/**
 * What one run did.
 *
 * @example
 * import type { Deadlines } from "@murojaat/rabbitmq"
 * const r: Deadlines.Run = { districts: 1, overdue: 0, escalated: [], soonDue: 0, warned: [], failed: [] }
 *
 * @since 0.1.0
 * @category models
 */
export interface Run {
  readonly districts: number
  /** Overdue appeals looked at. */
  readonly overdue: number
  readonly escalated: ReadonlyArray<string>
  /** Appeals looked at for warnings (the soon-due and overdue lists). */
  readonly soonDue: number
  /** Ids of the warnings sent by this run. */
  readonly warned: ReadonlyArray<string>
  /** Appeals or warnings that failed, with a code. */
  readonly failed: ReadonlyArray<{ readonly id: string; readonly code: string }>
}

/**
 * The id of a warning: one per appeal, clock, due time and threshold.
 *
 * @example
 * import { Deadlines } from "@murojaat/rabbitmq"
 * Deadlines.warningId("A-1", "consideration", "2026-03-17T18:00:00+05:00", "3 working days before")
 * // "warning:A-1:consideration:2026-03-17T18:00:00+05:00:3-working-days-before"
 *
 * @since 0.1.0
 * @category models
 */
export const warningId = (appealId: string, clock: string, dueAt: string, threshold: string): string =>
  `warning:${appealId}:${clock}:${dueAt}:${threshold.replace(/[^A-Za-z0-9]+/g, "-")}`

/**
 * What a run needs: the service (escalations, lists), the store (events), the directory, the
 * delivery log and the alerts.
 *
 * @example
 * import type { Deadlines } from "@murojaat/rabbitmq"
 * const needs = (r: Deadlines.Requirements) => r
 *
 * @since 0.1.0
 * @category models
 */
export type Requirements = AppealService.AppealService | AppealStore.AppealStore | DirectoryStore.DirectoryStore | DeliveryLog | Alerts

/**
 * One run over every district: escalations, then warnings.
 *
 * @example
 * import { Deadlines } from "@murojaat/rabbitmq"
 * const run = Deadlines.runOnce({ districts: ["1726262"] })
 *
 * @since 0.1.0
 * @category workers
 */
export const runOnce = (settings: Settings = {}): Effect.Effect<Run, Errors.StoreError | AppealService.ActorError, Requirements> =>
  Effect.gen(function* () {
    const actor = Actor.system(settings.actor ?? "deadline-timer")
    const districts = settings.districts ?? (yield* Effect.flatMap(DirectoryStore.DirectoryStore, (d) => d.snapshot)).districts.map((d) => d.code as string)
    const store = yield* AppealStore.AppealStore
    const log = yield* DeliveryLog
    const alerts = yield* Alerts
    const calendar = yield* Effect.serviceOption(CalendarStore.CalendarStore)
    const deadlines: Deadline.Options = Option.isSome(calendar) ? { calendar: yield* calendar.value.current, explain: false } : { explain: false }
    const source = settings.source ?? "urn:murojaat"
    // One warning, claimed in the log first: sent once, whichever worker gets the claim.
    const warn = (state: AppealState.AppealState, w: Deadline.Warning, nowMs: number, now: string) =>
      Effect.gen(function* () {
        const id = warningId(state.appealId, w.clock, w.dueAt, w.threshold)
        const claim = yield* log.claim({ id, appealId: state.appealId, kind: "warning", channel: alerts.channel }, nowMs, settings.leaseMillis ?? 60_000)
        if (claim !== "claimed") return "done" as const
        const message: Messages.DeadlineWarning = {
          specversion: "1.0",
          id,
          source,
          type: Messages.warningType,
          subject: state.appealId,
          time: now,
          datacontenttype: "application/json",
          dataschema: Messages.dataschema("deadline.warning"),
          data: {
            appealId: state.appealId,
            clock: w.clock,
            ruleId: w.ruleId,
            threshold: w.threshold,
            dueAt: w.dueAt,
            ...(state.districtCode !== undefined ? { districtCode: state.districtCode } : {}),
            ...(state.mahallaCode !== undefined ? { mahallaCode: state.mahallaCode } : {}),
            ...(state.assigneeId !== undefined ? { assigneeId: state.assigneeId } : {})
          }
        }
        const sent = yield* Effect.either(alerts.warn(message))
        if (Either.isRight(sent)) {
          yield* log.complete(id, "sent")
          return "sent" as const
        }
        yield* log.release(id, sent.left.detail)
        return sent.left._tag
      })
    let overdue = 0
    let soonDue = 0
    const escalated: Array<string> = []
    const warned: Array<string> = []
    const failed: Array<{ id: string; code: string }> = []
    for (const districtCode of districts) {
      const run = yield* AppealService.escalateOverdue({ districtCode }, actor)
      overdue += run.checked
      escalated.push(...run.escalated.map((e) => e.appealId))
      failed.push(...run.failed.map((f) => ({ id: f.appealId, code: f.code })))
      const nowMs = yield* Clock.currentTimeMillis
      const now = new Date(nowMs).toISOString()
      const until = new Date(nowMs + (settings.warnWithinMillis ?? 7 * 24 * 3_600_000)).toISOString()
      // Both lists: an appeal's recorded due time is its nearest clock's when it was last
      // committed, so one whose nearest clock ended unneeded (forwarding) sits on the overdue list
      // while its consideration clock falls due soon.
      const lists = [
        (after: Worklist.DueCursor | undefined) => AppealService.soonDue({ districtCode }, until, actor, { after, limit: 200 }),
        (after: Worklist.DueCursor | undefined) => AppealService.overdue({ districtCode }, actor, { after, limit: 200 })
      ]
      for (const list of lists) {
        let after: Worklist.DueCursor | undefined
        do {
          const page: Worklist.DuePage = yield* list(after)
          for (const state of page.items) {
            soonDue++
            // From the state's clock facts (no history read); a state stored before they existed
            // is read from its events.
            const fromState = Deadline.statusOf(state, now, deadlines)
            const report = Either.isRight(fromState) ? fromState : Deadline.status(yield* store.events(state.appealId), now, deadlines)
            if (Either.isLeft(report)) {
              failed.push({ id: state.appealId, code: report.left._tag })
              continue
            }
            for (const w of report.right.warnings) {
              if (w.level !== "dueSoon" || Date.parse(w.notifyAt) > nowMs) continue
              const r = yield* warn(state, w, nowMs, now)
              if (r === "sent") warned.push(warningId(state.appealId, w.clock, w.dueAt, w.threshold))
              else if (r !== "done") failed.push({ id: warningId(state.appealId, w.clock, w.dueAt, w.threshold), code: r })
            }
          }
          after = page.next
        } while (after !== undefined)
      }
    }
    return { districts: districts.length, overdue, escalated, soonDue, warned, failed }
  })

/**
 * The deadline worker's body for `Worker.start`: a run, then a wait, until a stop (a run in hand
 * finishes first). A failed run is counted and logged; the next one tries again.
 *
 * @example
 * import { Deadlines, Worker } from "@murojaat/rabbitmq"
 * Worker.start("deadlines", Deadlines.body())
 *
 * @since 0.1.0
 * @category workers
 */
export const body = (settings: Settings = {}) => (ctl: Worker.Control): Effect.Effect<void, never, Requirements> =>
  Effect.gen(function* () {
    yield* ctl.set("running")
    while (!(yield* ctl.isStopping)) {
      const r = yield* Effect.either(runOnce(settings))
      if (Either.isRight(r)) yield* ctl.processed(r.right.escalated.length + r.right.warned.length)
      else {
        yield* ctl.failed(r.left)
        yield* Effect.logWarning(`deadlines: ${describe(r.left)}`)
      }
      yield* ctl.sleepUnlessStopping(settings.intervalMillis ?? 60_000)
    }
  })

/**
 * The deadline worker as a layer, for a service that runs it in-process (the reference service):
 * started with the layer, stopped gracefully when its scope closes. Provide `DeliveryLog.layerSql`
 * (shared by every instance, so each warning is sent once) and `alertsToLog` or `alertsToBroker`.
 *
 * @example
 * import { Deadlines, DeliveryLog } from "@murojaat/rabbitmq"
 * import { Layer } from "effect"
 * const deadlines = Deadlines.layer({ intervalMillis: 60_000 }).pipe(Layer.provide(Layer.merge(DeliveryLog.layerSql, Deadlines.alertsToLog)))
 *
 * @since 0.1.0
 * @category workers
 */
export const layer = (settings: Settings = {}): Layer.Layer<never, never, Requirements> =>
  Layer.scopedDiscard(Worker.start("deadlines", body(settings)))
