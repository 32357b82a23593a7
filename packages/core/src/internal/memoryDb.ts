import { Effect, Option } from "effect"
import type * as Appeal from "../Appeal.js"
import type * as AppealState from "../AppealState.js"
import type * as Event from "../Event.js"
import type * as IdempotencyStore from "../IdempotencyStore.js"
import type * as Outbox from "../Outbox.js"

interface Row {
  readonly id: string
  readonly appealId: string
  readonly seq: number
  readonly topic: string
  readonly payload: unknown
  attempts: number
  state: "pending" | "claimed" | "published"
  createdAt: number
  claimedUntil?: number
  lastError?: string
}

/** The shared memory behind the in-memory store, outbox and idempotency store. */
export interface MemoryDb {
  readonly states: Map<string, AppealState.AppealState>
  /**
   * Which appeal holds each registration number, kept with `states` by the store's commit: the
   * uniqueness check looks one number up instead of scanning every state held.
   */
  readonly registrations: Map<string, string>
  readonly events: Map<string, ReadonlyArray<Event.AppealEvent>>
  readonly personal: Map<string, Appeal.Personal>
  readonly texts: Map<string, ReadonlyArray<Event.TextRecord>>
  /** The basis of each personal record: a new one at each write of it (`AppealStore.personalMany`). */
  readonly personalBasis: Map<string, string>
  /** Comparison profiles, part of the personal records (`AppealStore.saveProfiles`). */
  readonly profiles: Map<string, { readonly basis: string; readonly version: string; readonly data: { readonly [key: string]: unknown } }>
  personalWrites: number
  readonly dueAt: Map<string, string | null>
  readonly outbox: Map<string, Row>
  readonly idempotency: Map<string, { readonly fingerprint: string; readonly response: unknown }>
  tick: number
  readonly outboxService: Outbox.Service
  readonly idempotencyService: IdempotencyStore.Service
}

const toMessage = (r: Row): Outbox.Message => ({
  id: r.id,
  appealId: r.appealId,
  seq: r.seq,
  topic: r.topic,
  payload: r.payload,
  attempts: r.attempts
})

export const makeMemoryDb = (): MemoryDb => {
  const db = {
    states: new Map(),
    registrations: new Map(),
    events: new Map(),
    personal: new Map(),
    texts: new Map(),
    personalBasis: new Map(),
    profiles: new Map(),
    personalWrites: 0,
    dueAt: new Map(),
    outbox: new Map<string, Row>(),
    idempotency: new Map(),
    tick: 0
  } as Omit<MemoryDb, "outboxService" | "idempotencyService">
  const outboxService: Outbox.Service = {
    claim: ({ limit, leaseMillis, now }) =>
      Effect.sync(() => {
        const out: Array<Outbox.Message> = []
        // Oldest first; a claim whose lease ran out is claimable again (its consumer died).
        const rows = [...db.outbox.values()]
          .filter((r) => r.state === "pending" || (r.state === "claimed" && (r.claimedUntil ?? 0) <= now))
          .sort((a, b) => a.createdAt - b.createdAt)
        for (const r of rows.slice(0, limit)) {
          r.state = "claimed"
          r.claimedUntil = now + leaseMillis
          r.attempts++
          out.push(toMessage(r))
        }
        return out
      }),
    acknowledge: (ids) =>
      Effect.sync(() => {
        for (const id of ids) {
          const r = db.outbox.get(id)
          if (r !== undefined) r.state = "published"
        }
      }),
    release: (ids, error) =>
      Effect.sync(() => {
        for (const id of ids) {
          const r = db.outbox.get(id)
          if (r !== undefined && r.state === "claimed") {
            r.state = "pending"
            delete r.claimedUntil
            if (error !== undefined) r.lastError = error
          }
        }
      }),
    pending: Effect.sync(() => [...db.outbox.values()].filter((r) => r.state !== "published").length)
  }
  const idempotencyService: IdempotencyStore.Service = {
    lookup: (key) => Effect.sync(() => Option.fromNullable(db.idempotency.get(key)))
  }
  return Object.assign(db, { outboxService, idempotencyService })
}
