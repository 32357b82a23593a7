/**
 * The outbox port: messages written in the same commit as the events they announce, then claimed
 * by a relay (RabbitMQ in `@murojaat/rabbitmq`), published, and acknowledged. A message is never
 * lost: if a relay dies after claiming, its lease runs out and another relay claims it again, so
 * delivery is at least once and consumers deduplicate by message id (`appealId#seq`).
 *
 * Several relays may run at once: a claimed message is invisible to others until its lease ends
 * (PostgreSQL: `FOR UPDATE SKIP LOCKED`).
 *
 * @example
 * import { AppealStore, Outbox } from "@murojaat/core"
 * import { Effect } from "effect"
 * const claimed = Effect.flatMap(Outbox.Outbox, (o) => o.claim({ limit: 100, leaseMillis: 30_000, now: 0 }))
 * Effect.runSync(Effect.provide(claimed, AppealStore.layerMemory())) // []
 */
import { Context, type Effect } from "effect"
import type * as Errors from "./Errors.js"

/**
 * A claimed message.
 *
 * @example
 * import { Outbox } from "@murojaat/core"
 * const m: Outbox.Message = { id: "A-1#1", appealId: "A-1", seq: 1, topic: "appeal.received", payload: {}, attempts: 1 }
 *
 * @since 0.1.0
 * @category models
 */
export interface Message {
  readonly id: string
  readonly appealId: string
  readonly seq: number
  readonly topic: string
  readonly payload: unknown
  /** How many times it has been claimed, this time included. */
  readonly attempts: number
}

/**
 * The outbox's operations.
 *
 * @example
 * import { AppealStore, Outbox } from "@murojaat/core"
 * import { Effect } from "effect"
 * const program = Effect.flatMap(Outbox.Outbox, (o: Outbox.Service) => o.acknowledge([]))
 * Effect.runSync(Effect.provide(program, AppealStore.layerMemory())) // undefined
 *
 * @since 0.1.0
 * @category ports
 */
export interface Service {
  /** Claims up to `limit` unpublished messages, oldest first, for `leaseMillis` from `now` (epoch ms). */
  readonly claim: (options: { readonly limit: number; readonly leaseMillis: number; readonly now: number }) => Effect.Effect<ReadonlyArray<Message>, Errors.StoreError>
  /** Marks messages published. */
  readonly acknowledge: (ids: ReadonlyArray<string>) => Effect.Effect<void, Errors.StoreError>
  /** Gives claimed messages back (publishing failed), with the error for operators. */
  readonly release: (ids: ReadonlyArray<string>, error?: string) => Effect.Effect<void, Errors.StoreError>
  /** How many messages are not yet published. */
  readonly pending: Effect.Effect<number, Errors.StoreError>
}

/**
 * The outbox service.
 *
 * @example
 * import { Outbox } from "@murojaat/core"
 * Outbox.Outbox.key // "@murojaat/core/Outbox"
 *
 * @since 0.1.0
 * @category ports
 */
export class Outbox extends Context.Tag("@murojaat/core/Outbox")<Outbox, Service>() {}

/**
 * The topic of an event's message: `appeal.<eventType>`.
 *
 * @example
 * import { Outbox } from "@murojaat/core"
 * Outbox.topicOf("answered") // "appeal.answered"
 *
 * @since 0.1.0
 * @category utils
 */
export const topicOf = (eventType: string): string => `appeal.${eventType}`
