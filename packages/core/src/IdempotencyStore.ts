/**
 * The idempotency port: a request sent twice with the same key (a retry after a timeout, a
 * redelivered queue message) is answered with the first answer and changes nothing. The record is
 * written in the same commit as the request's events (`AppealStore.Commit.idempotency`); this port
 * reads it. A key reused with a different request is refused (`IdempotencyConflict`).
 *
 * @example
 * import { AppealStore, IdempotencyStore } from "@murojaat/core"
 * import { Effect } from "effect"
 * Effect.runSync(Effect.provide(Effect.flatMap(IdempotencyStore.IdempotencyStore, (s) => s.lookup("k")), AppealStore.layerMemory())) // Option.none()
 */
import { Context, type Effect, type Option } from "effect"
import * as Audit from "./Audit.js"
import type * as Errors from "./Errors.js"

/**
 * A stored answer: the fingerprint of the request and the response given.
 *
 * @example
 * import { IdempotencyStore } from "@murojaat/core"
 * const r: IdempotencyStore.Record = { fingerprint: IdempotencyStore.fingerprint({ a: 1 }), response: { appealId: "A-1" } }
 * r.fingerprint === IdempotencyStore.fingerprint({ a: 1 }) // true
 *
 * @since 0.1.0
 * @category models
 */
export interface Record {
  readonly fingerprint: string
  readonly response: unknown
}

/**
 * The idempotency store's operations.
 *
 * @example
 * import { AppealStore, IdempotencyStore } from "@murojaat/core"
 * import { Effect, Option } from "effect"
 * const program = Effect.flatMap(IdempotencyStore.IdempotencyStore, (s: IdempotencyStore.Service) => s.lookup("portal-7f3a"))
 * Option.isNone(Effect.runSync(Effect.provide(program, AppealStore.layerMemory()))) // true
 *
 * @since 0.1.0
 * @category ports
 */
export interface Service {
  readonly lookup: (key: string) => Effect.Effect<Option.Option<Record>, Errors.StoreError>
}

/**
 * The idempotency store service.
 *
 * @example
 * import { IdempotencyStore } from "@murojaat/core"
 * IdempotencyStore.IdempotencyStore.key // "@murojaat/core/IdempotencyStore"
 *
 * @since 0.1.0
 * @category ports
 */
export class IdempotencyStore extends Context.Tag("@murojaat/core/IdempotencyStore")<IdempotencyStore, Service>() {}

/**
 * The fingerprint of a request: the digest of its canonical JSON, so the same request always
 * gives the same fingerprint.
 *
 * @example
 * import { IdempotencyStore } from "@murojaat/core"
 * IdempotencyStore.fingerprint({ a: 1, b: 2 }) === IdempotencyStore.fingerprint({ b: 2, a: 1 }) // true
 *
 * @since 0.1.0
 * @category utils
 */
export const fingerprint = (request: unknown): string => Audit.digest(request)
