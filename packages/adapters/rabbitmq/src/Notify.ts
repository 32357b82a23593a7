/**
 * The notice worker: turns the events that concern the applicant (`Notices.topics`, from the
 * relay's exchange, on its own quorum queue) into notices in his language, sends each once through
 * the `Notifier`, and records it in the `DeliveryLog`.
 *
 * For each event message: the event, its texts and the applicant's contact are read from the
 * store (the message itself carries no personal data); the notice is composed (`Notices.compose`);
 * its id is claimed in the log; the notifier sends it (retried with backoff within the delivery,
 * then the message goes back to the queue and comes again, up to the poison limit); the log marks
 * it sent, and only then is the message acknowledged. A repeated event message finds the notice
 * done and sends nothing. Nobody to send to (no contact, erased data) is recorded as `skipped`; a
 * permanent refusal (address refused, HTTP 4xx) as `failed`, and the message goes to the notice
 * dead-letter queue with the reason.
 *
 * @example
 * import { Notify, Worker } from "@murojaat/rabbitmq"
 * const start = Worker.start("notify", Notify.body({ url: "amqp://127.0.0.1" }))
 *
 * @since 0.1.0
 */
import { AppealStore, CalendarStore } from "@murojaat/core"
import type * as amqp from "amqplib"
import { Clock, Effect, Either, Option, Schema } from "effect"
import * as Broker from "./Broker.js"
import * as Consumer from "./Consumer.js"
import { DeliveryLog } from "./DeliveryLog.js"
import { describe } from "./Errors.js"
import * as Notices from "./Notices.js"
import { Notifier } from "./Notifier.js"
import type * as Worker from "./Worker.js"

/**
 * The notice worker's settings; the tunable ones default to `Consumer.defaults`.
 *
 * @example
 * import type { Notify } from "@murojaat/rabbitmq"
 * const s: Notify.Settings = { url: "amqp://127.0.0.1", notices: { kinds: ["registered", "answered"] } }
 *
 * @since 0.1.0
 * @category settings
 */
export interface Settings extends Consumer.Tunables {
  readonly url: string
  readonly names?: Broker.Names | undefined
  readonly notices?: Notices.Settings | undefined
  /** How long a claim on a notice lasts, in ms. Default 60,000. */
  readonly leaseMillis?: number | undefined
}

/**
 * What the worker needs: the store (events, texts, contact), the notifier and the delivery log.
 *
 * @example
 * import type { Notify } from "@murojaat/rabbitmq"
 * const needs = (r: Notify.Requirements) => r
 *
 * @since 0.1.0
 * @category models
 */
export type Requirements = AppealStore.AppealStore | Notifier | DeliveryLog

/**
 * A notice that could not be sent now and will be tried again.
 *
 * @example
 * import { Notify } from "@murojaat/rabbitmq"
 * new Notify.NotSentYet({ reason: "busy" }).reason // "busy"
 *
 * @since 0.1.0
 * @category errors
 */
export class NotSentYet extends Schema.TaggedError<NotSentYet>()("NotSentYet", { reason: Schema.String }) {
  /** One line for operators. */
  override get message(): string {
    return `notice not sent yet: ${this.reason}`
  }
}

/**
 * Handles one event message.
 *
 * @example
 * import { Notify } from "@murojaat/rabbitmq"
 * typeof Notify.handle({ url: "amqp://127.0.0.1" }) // "function"
 *
 * @since 0.1.0
 * @category handling
 */
export const handle = (settings: Settings) => (msg: amqp.ConsumeMessage): Effect.Effect<Consumer.Outcome, unknown, Requirements> =>
  Effect.gen(function* () {
    let body: { readonly subject?: unknown; readonly seq?: unknown }
    try {
      body = JSON.parse(msg.content.toString("utf8"))
    } catch {
      return Consumer.deadLetter("malformed", "the body is not JSON")
    }
    if (typeof body.subject !== "string" || typeof body.seq !== "number") return Consumer.deadLetter("malformed", "no subject or seq")
    const store = yield* AppealStore.AppealStore
    const events = yield* store.events(body.subject, 1)
    const event = events.find((e) => e.seq === body.seq)
    // Events are committed before they are published: a missing one is another deployment's.
    if (event === undefined) return Consumer.deadLetter("unknownEvent", "no such event in this store")
    if (Notices.kindOf(event.type) === undefined) return Consumer.handled
    const personal = Option.getOrUndefined(yield* store.personal(event.appealId))
    const texts = (yield* store.texts(event.appealId)).find((t) => t.seq === event.seq)?.texts
    const calendar = yield* Effect.serviceOption(CalendarStore.CalendarStore)
    const deadlines = settings.notices?.deadlines ?? (Option.isSome(calendar) ? { calendar: yield* calendar.value.current } : {})
    const composed = Notices.compose({ event, events, texts, personal }, { ...settings.notices, deadlines })
    const notifier = yield* Notifier
    const log = yield* DeliveryLog
    const id = Notices.noticeId(event.id)
    const kind = Notices.kindOf(event.type)!
    const what = { id, appealId: event.appealId, kind, channel: notifier.channel }
    const now = yield* Clock.currentTimeMillis
    if (Either.isLeft(composed) || !notifier.reaches(composed.right.recipient)) {
      if ((yield* log.claim(what, now, settings.leaseMillis ?? 60_000)) === "claimed") {
        yield* log.complete(id, "skipped", Either.isLeft(composed) ? composed.left : "unreachable")
      }
      return Consumer.handled
    }
    const claim = yield* log.claim(what, now, settings.leaseMillis ?? 60_000)
    if (claim === "done") return Consumer.handled
    if (claim === "busy") return yield* Effect.fail(new NotSentYet({ reason: "another worker is sending it" }))
    const sent = yield* Effect.either(notifier.send(composed.right))
    if (Either.isRight(sent)) {
      yield* log.complete(id, "sent")
      return Consumer.handled
    }
    if (sent.left.permanent) {
      yield* log.complete(id, "failed", sent.left.detail)
      return Consumer.deadLetter("undeliverable", sent.left.detail)
    }
    yield* log.release(id, sent.left.detail)
    return yield* Effect.fail(new NotSentYet({ reason: describe(sent.left) }))
  })

/**
 * The notice worker's body for `Worker.start`.
 *
 * @example
 * import { Notify, Worker } from "@murojaat/rabbitmq"
 * Worker.start("notify", Notify.body({ url: "amqp://127.0.0.1" }))
 *
 * @since 0.1.0
 * @category workers
 */
export const body = (settings: Settings): ((ctl: Worker.Control) => Effect.Effect<void, never, Requirements>) => {
  const names = settings.names ?? Broker.defaultNames
  return Consumer.body(
    Consumer.settings(
      { url: settings.url, queue: names.notify, deadLetter: names.notifyDeadLetter, exchange: names.exchange, bindings: Notices.topics, connectionName: "murojaat-notify" },
      settings
    ),
    handle(settings)
  )
}

