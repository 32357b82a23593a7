import type { Vitest } from "@effect/vitest"
import { expect } from "@effect/vitest"
import { Actor, Appeal, AppealService, AppealState, AppealStore, Audit, type Errors, type Event, Outbox } from "@murojaat/core"
import { Arbitrary, Effect, Layer } from "effect"
import type { Adapter, Capabilities, Services } from "../Adapter.js"

/** What a suite's tests run with: the adapter's ports and raw reader, and the service built over them. */
export type Environment = Services | AppealService.AppealService

/** The adapter's layer with the service built over its ports (the suites drive the service through it). */
export const withService = <E>(adapter: Adapter<E>): Layer.Layer<Environment, E> => AppealService.layer.pipe(Layer.provideMerge(adapter.layer))

/** The `it` of a suite: every port, the raw reader and the service in context, live clock. */
export type It = Vitest.MethodsNonLive<Environment, true>

// Ids unique to this run, so suites can share a database with earlier runs and with each other.
const run = Math.floor(Math.random() * 36 ** 6).toString(36).padStart(6, "0")
let counter = 0
export const freshId = (tag: string): string => `T${run}-${tag}-${++counter}`

export const actor = Actor.ref(Actor.system("testkit"), "system")
export const AT = "2026-03-20T10:00:00.000Z"

export const escalation = (reason: string): Event.Pending => ({ type: "escalated", data: {}, texts: { reason }, rules: ["testkit"] })

export const seal = (head: { readonly version: number; readonly lastHash: string }, appealId: string, pending: ReadonlyArray<Event.Pending>) =>
  Audit.seal(head, pending, { appealId, at: AT, actor })

export const advance = (state: AppealState.AppealState, events: ReadonlyArray<Event.AppealEvent>): AppealState.AppealState => {
  const last = events[events.length - 1]
  return last === undefined ? state : { ...state, version: last.seq, lastHash: last.hash }
}

export const outboxOf = (events: ReadonlyArray<Event.AppealEvent>): ReadonlyArray<AppealStore.OutboxWrite> =>
  events.map((e) => ({ id: e.id, appealId: e.appealId, seq: e.seq, topic: Outbox.topicOf(e.type), payload: e }))

/** A new appeal with `n` events and the given projection fields. */
export const newAppeal = (appealId: string, fields: Partial<AppealState.AppealState> = {}, n = 1): AppealStore.StreamWrite => {
  const state0: AppealState.AppealState = { ...AppealState.initial(appealId), status: "received", ...fields }
  const events = seal({ version: 0, lastHash: Audit.genesis }, appealId, Array.from({ length: n }, (_, i) => escalation(`step ${i + 1}`)))
  return { appealId, expectedVersion: 0, events, state: advance(state0, events) }
}

/** Commits one stream and its outbox messages. */
export const commitStream = (
  w: AppealStore.StreamWrite,
  idempotency?: AppealStore.Commit["idempotency"]
): Effect.Effect<void, Errors.VersionConflict | Errors.IdempotencyConflict | Errors.StoreError, AppealStore.AppealStore> =>
  Effect.flatMap(AppealStore.AppealStore, (s) => s.commit({ streams: [w], outbox: outboxOf(w.events), idempotency }))

/** Appends one event after the latest version, deciding again on a conflict (as the service does). */
export const appendRetrying = (
  appealId: string,
  reason: string
): Effect.Effect<void, Errors.VersionConflict | Errors.IdempotencyConflict | Errors.StoreError, AppealStore.AppealStore> =>
  Effect.gen(function* () {
    const store = yield* AppealStore.AppealStore
    const state = yield* Effect.flatMap(store.load(appealId), (o) => (o._tag === "Some" ? Effect.succeed(o.value) : Effect.die(new Error(`no appeal ${appealId}`))))
    const events = seal(state, appealId, [escalation(reason)])
    yield* store.commit({ streams: [{ appealId, expectedVersion: state.version, events, state: advance(state, events) }], outbox: outboxOf(events) })
  }).pipe(Effect.retry({ while: (e) => e._tag === "VersionConflict" }))

/** Canonical JSON of a value, `undefined` kept apart (what a hash would see). */
export const canon = (v: unknown): string => (v === undefined ? "<undefined>" : Audit.canonical(v))

/** Asserts two values are the same document. */
export const same = (actual: unknown, expected: unknown): void => expect(canon(actual)).toBe(canon(expected))

/** Claims and acknowledges every pending message, so an outbox test starts from an empty outbox. */
export const drainOutbox: Effect.Effect<void, Errors.StoreError, Outbox.Outbox> = Effect.gen(function* () {
  const outbox = yield* Outbox.Outbox
  for (;;) {
    const batch = yield* outbox.claim({ limit: 1000, leaseMillis: 1, now: 8_000_000_000_000_000 })
    if (batch.length === 0) return
    yield* outbox.acknowledge(batch.map((m) => m.id))
  }
})

// Stored documents are JSON and hashed as canonical JSON, which has no NaN or Infinity; some
// schemas (plain Schema.Number) allow them, so generated values are kept to what JSON can carry.
export const isJson = (v: unknown): boolean => {
  try {
    Audit.canonical(v)
    return true
  } catch {
    return false
  }
}

/** Generated personal data that JSON can carry. */
export const personals = Arbitrary.make(Appeal.Personal).filter(isJson)

export const timeoutOf = (adapter: Adapter) => adapter.timeout ?? 60_000
export const runsOf = (adapter: Adapter) => adapter.numRuns ?? 15

const defaultReasons: Record<keyof Capabilities, string> = {
  appendOnlyEnforced: "the storage does not refuse raw changes to stored events",
  tamper: "the raw reader cannot edit stored events behind the store's back"
}

/** A test that needs a capability: run it, or skip it with the reason printed (the only allowed skip). */
export const needs = (
  it: It,
  adapter: Adapter,
  capability: keyof Capabilities,
  name: string,
  test: () => Effect.Effect<unknown, unknown, Environment>
): void => {
  if (adapter.capabilities[capability]) {
    it.effect(name, test, timeoutOf(adapter))
    return
  }
  const reason = adapter.reasons?.[capability] ?? defaultReasons[capability]
  console.info(`[@murojaat/testkit] ${adapter.name}: skipping "${name}" (capability ${capability}: ${reason})`)
  it.effect.skip(`${name} [skipped, capability ${capability}: ${reason}]`, test)
}
