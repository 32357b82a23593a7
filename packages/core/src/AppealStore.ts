/**
 * The appeal store port: the system of record for appeals. It keeps each appeal's events
 * (append-only, hash-chained), its state (the projection queries read), its personal data (kept
 * apart so it can be erased), and, in the same atomic commit, the outbox messages and the
 * idempotency record of the request.
 *
 * Adapters: `layerMemory` here (reference, for tests and demos); PostgreSQL in
 * `@murojaat/postgres`. Every adapter passes the conformance suites of `@murojaat/testkit`.
 *
 * @example
 * import { AppealStore } from "@murojaat/core"
 * import { Effect } from "effect"
 * const program = Effect.flatMap(AppealStore.AppealStore, (store) => store.load("A-1"))
 * Effect.runSync(Effect.provide(program, AppealStore.layerMemory())) // Option.none()
 */
import { Context, Effect, Layer, Option } from "effect"
import type * as Appeal from "./Appeal.js"
import type * as AppealState from "./AppealState.js"
import * as Errors from "./Errors.js"
import type * as Event from "./Event.js"
import { IdempotencyStore } from "./IdempotencyStore.js"
import { makeMemoryDb, type MemoryDb } from "./internal/memoryDb.js"
import { Outbox } from "./Outbox.js"
import * as StoreKey from "./StoreKey.js"
import * as Worklist from "./Worklist.js"

/**
 * One appeal's part of a commit: the events to append after `expectedVersion`, the resulting state,
 * for a new appeal its personal data, and the free texts of the events (the personal-data record
 * of texts, by event; the events carry their digest).
 *
 * @example
 * import { AppealState, AppealStore } from "@murojaat/core"
 * const w: AppealStore.StreamWrite = { appealId: "A-1", expectedVersion: 0, events: [], state: AppealState.initial("A-1") }
 * w.expectedVersion // 0
 *
 * @since 0.1.0
 * @category models
 */
export interface StreamWrite {
  readonly appealId: string
  /** The version the decision was made on; the commit fails with `VersionConflict` if it moved. */
  readonly expectedVersion: number
  readonly events: ReadonlyArray<Event.AppealEvent>
  readonly state: AppealState.AppealState
  readonly personal?: Appeal.Personal | undefined
  /** The free texts of the events written, by seq (`Event.textFields`); erased with the personal data. */
  readonly texts?: ReadonlyArray<Event.TextRecord> | undefined
  /**
   * The nearest due time of the appeal's running legal clocks (ISO instant), `null` when none runs.
   * Derived from the events and the calendar (`Deadline`), not stored in them: a new decree loaded
   * for next year may move it, and it can be recomputed at any time. Worklists order by it.
   */
  readonly dueAt?: string | null | undefined
}

/**
 * A message to publish after the commit (transactional outbox).
 *
 * @example
 * import { AppealStore } from "@murojaat/core"
 * const m: AppealStore.OutboxWrite = { id: "A-1#1", appealId: "A-1", seq: 1, topic: "appeal.received", payload: {} }
 *
 * @since 0.1.0
 * @category models
 */
export interface OutboxWrite {
  readonly id: string
  readonly appealId: string
  readonly seq: number
  readonly topic: string
  readonly payload: unknown
}

/**
 * Everything one command writes, atomically: all or nothing.
 *
 * @example
 * import { AppealStore } from "@murojaat/core"
 * import { Effect } from "effect"
 * const empty: AppealStore.Commit = { streams: [], outbox: [] }
 * const program = Effect.flatMap(AppealStore.AppealStore, (s) => s.commit(empty))
 * Effect.runSync(Effect.provide(program, AppealStore.layerMemory())) // undefined
 *
 * @since 0.1.0
 * @category models
 */
export interface Commit {
  readonly streams: ReadonlyArray<StreamWrite>
  readonly outbox: ReadonlyArray<OutboxWrite>
  readonly idempotency?: { readonly key: string; readonly fingerprint: string; readonly response: unknown } | undefined
}

/**
 * Filters for listing appeals; all optional, combined with AND. Results are ordered by appeal id
 * and paged by keyset (`after` = the last id of the previous page).
 *
 * @example
 * import { AppealStore } from "@murojaat/core"
 * const q: AppealStore.Query = { districtCode: "1726262", status: ["inReview"], limit: 50 }
 *
 * @since 0.1.0
 * @category models
 */
export interface Query {
  readonly mahallaCode?: string
  readonly districtCode?: string
  readonly assigneeId?: string
  readonly applicantRef?: string
  readonly category?: string
  readonly status?: ReadonlyArray<AppealState.Status>
  readonly after?: string
  readonly limit?: number
}

/**
 * A page of results and the cursor of the next page, if any.
 *
 * @example
 * import { AppealStore } from "@murojaat/core"
 * const page: AppealStore.Page<string> = { items: ["A-1", "A-2"], next: undefined }
 * page.items.length // 2
 *
 * @since 0.1.0
 * @category models
 */
export interface Page<A> {
  readonly items: ReadonlyArray<A>
  readonly next: string | undefined
}

/**
 * How many appeals of one priority an officer holds among those a workload query counted: the
 * aggregate automatic assignment balances on, so that its cost does not grow with the open appeals.
 * `priority` is absent for appeals not yet triaged with one (assignment counts them as `normal`).
 *
 * @example
 * import { AppealStore } from "@murojaat/core"
 * const w: AppealStore.Workload = { officerId: "O-1", priority: "urgent", count: 2 }
 * w.count // 2
 *
 * @since 0.1.0
 * @category models
 */
export interface Workload {
  readonly officerId: string
  readonly priority?: NonNullable<AppealState.AppealState["priority"]> | undefined
  readonly count: number
}

/**
 * Workload rows in one order for every adapter: officer id, then priority (absent first), in
 * code units.
 *
 * @example
 * import { AppealStore } from "@murojaat/core"
 * AppealStore.sortWorkload([{ officerId: "O-2", count: 1 }, { officerId: "O-1", priority: "low", count: 3 }])[0]!.officerId // "O-1"
 *
 * @since 0.1.0
 * @category utils
 */
export const sortWorkload = (rows: ReadonlyArray<Workload>): ReadonlyArray<Workload> => {
  const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0)
  return [...rows].sort((a, b) => cmp(a.officerId, b.officerId) || cmp(a.priority ?? "", b.priority ?? ""))
}

/**
 * A comparison profile to store in an appeal's personal-data record: what duplicate detection
 * derives from the personal data (trigrams of the text, its concepts, the parsed address, the
 * triage category), kept so that link suggestions need not derive it again on every request.
 * It is personal data: it lives in the personal record, is erased with it, and is dropped when the
 * record is written again. `basis` is the record's `basis` it was derived from (it is stored only
 * while the record still has that basis); `version` names the model that derived it; `data` is a
 * JSON object (its members plain objects, arrays, strings, finite numbers, booleans, null).
 *
 * @example
 * import { AppealStore } from "@murojaat/core"
 * const w: AppealStore.ProfileWrite = { appealId: "A-1", basis: "b1", version: "v1", data: { grams: [1, 2] } }
 * w.version // "v1"
 *
 * @since 0.2.0
 * @category models
 */
export interface ProfileWrite {
  readonly appealId: string
  readonly basis: string
  readonly version: string
  readonly data: { readonly [key: string]: unknown }
}

/**
 * One appeal's personal data as `personalMany` reads it for comparison: the personal data, its
 * `basis` (a token that changes whenever the personal record is written), and the stored comparison
 * profile when there is one of the version asked for.
 *
 * @example
 * import { Appeal, AppealStore, Sample } from "@murojaat/core"
 * import { Schema } from "effect"
 * const personal = Appeal.split(Schema.decodeUnknownSync(Appeal.Intake)(Sample.intake)).personal
 * const r: AppealStore.PersonalRecord = { appealId: "A-1", personal, basis: "b1" }
 * r.profile // undefined
 *
 * @since 0.2.0
 * @category models
 */
export interface PersonalRecord {
  readonly appealId: string
  readonly personal: Appeal.Personal
  readonly basis: string
  /** The stored profile's `data`, present only when stored for this basis and the version asked for. */
  readonly profile?: { readonly [key: string]: unknown }
}

/**
 * The store's operations.
 *
 * @example
 * import { AppealStore } from "@murojaat/core"
 * import { Effect, Option } from "effect"
 * const program = Effect.flatMap(AppealStore.AppealStore, (store: AppealStore.Service) => store.load("A-404"))
 * Option.isNone(Effect.runSync(Effect.provide(program, AppealStore.layerMemory()))) // true
 *
 * @since 0.1.0
 * @category ports
 */
export interface Service {
  /** The appeal's current state, if it exists. */
  readonly load: (appealId: string) => Effect.Effect<Option.Option<AppealState.AppealState>, Errors.StoreError>
  /** The appeal's events in order, from `fromSeq` (default 1). */
  readonly events: (appealId: string, fromSeq?: number) => Effect.Effect<ReadonlyArray<Event.AppealEvent>, Errors.StoreError>
  /** Writes a commit atomically. */
  readonly commit: (commit: Commit) => Effect.Effect<void, Errors.VersionConflict | Errors.IdempotencyConflict | Errors.StoreError>
  /** The appeal's personal data, unless erased. */
  readonly personal: (appealId: string) => Effect.Effect<Option.Option<Appeal.Personal>, Errors.StoreError>
  /**
   * The personal data of many appeals in one read, in appeal id order, each id once: appeals
   * without personal data (erased, or unknown) are left out. With each, its stored comparison
   * profile of `profileVersion`, if any (`PersonalRecord`).
   */
  readonly personalMany: (appealIds: ReadonlyArray<string>, profileVersion: string) => Effect.Effect<ReadonlyArray<PersonalRecord>, Errors.StoreError>
  /**
   * Stores comparison profiles in the appeals' personal records, each only if the record still
   * exists with the `basis` the profile was derived from (an erasure or a new write in between
   * wins); replaces a profile stored before. The number stored.
   */
  readonly saveProfiles: (profiles: ReadonlyArray<ProfileWrite>) => Effect.Effect<number, Errors.StoreError>
  /** The free texts of the appeal's events, by seq, unless erased. */
  readonly texts: (appealId: string) => Effect.Effect<ReadonlyArray<Event.TextRecord>, Errors.StoreError>
  /**
   * Erases the appeal's personal data and the texts of its events (retention ended, consent
   * revoked), both at once; true if there was any.
   */
  readonly erasePersonal: (appealId: string) => Effect.Effect<boolean, Errors.StoreError>
  /** Lists appeals' states. */
  readonly query: (query: Query) => Effect.Effect<Page<AppealState.AppealState>, Errors.StoreError>
  /**
   * The workload of each officer over the district's appeals in these statuses that someone holds:
   * counts by officer and priority, in `sortWorkload` order (the same filter as `query` with
   * `districtCode` and `status`, aggregated by the store).
   */
  readonly workload: (districtCode: string, status: ReadonlyArray<AppealState.Status>) => Effect.Effect<ReadonlyArray<Workload>, Errors.StoreError>
  /** Ids of every appeal, in order, paged (for chain verification and exports). */
  readonly ids: (after: string | undefined, limit: number) => Effect.Effect<ReadonlyArray<string>, Errors.StoreError>
}

/**
 * The appeal store service.
 *
 * @example
 * import { AppealStore } from "@murojaat/core"
 * AppealStore.AppealStore.key // "@murojaat/core/AppealStore"
 *
 * @since 0.1.0
 * @category ports
 */
export class AppealStore extends Context.Tag("@murojaat/core/AppealStore")<AppealStore, Service>() {}

/**
 * Whether a state satisfies a query's filters: the one definition of `Query` semantics, shared
 * by every adapter (the PostgreSQL adapter re-checks its rows with it).
 *
 * @example
 * import { AppealState, AppealStore } from "@murojaat/core"
 * AppealStore.matchesQuery({ ...AppealState.initial("A-1"), districtCode: "D1" }, { districtCode: "D2" }) // false
 *
 * @since 0.1.0
 * @category queries
 */
export const matchesQuery = (s: AppealState.AppealState, q: Query): boolean =>
  (q.mahallaCode === undefined || s.mahallaCode === q.mahallaCode) &&
  (q.districtCode === undefined || s.districtCode === q.districtCode) &&
  (q.assigneeId === undefined || s.assigneeId === q.assigneeId) &&
  (q.applicantRef === undefined || s.applicantRef === q.applicantRef) &&
  (q.category === undefined || s.category === q.category) &&
  (q.status === undefined || q.status.includes(s.status))

/**
 * A page size within bounds: 100 by default, at least 1, at most 1,000.
 *
 * @example
 * import { AppealStore } from "@murojaat/core"
 * AppealStore.pageLimit(5000) // 1000
 *
 * @since 0.1.0
 * @category queries
 */
export const pageLimit = (limit: number | undefined): number => Math.max(1, Math.min(limit ?? 100, 1000))

// The appeal store over the shared in-memory database.
const makeMemory = (db: MemoryDb): Service => ({
  load: (appealId) => Effect.sync(() => Option.fromNullable(db.states.get(appealId))),
  events: (appealId, fromSeq = 1) => Effect.sync(() => (db.events.get(appealId) ?? []).filter((e) => e.seq >= fromSeq)),
  commit: (commit) =>
    Effect.suspend((): Effect.Effect<void, Errors.VersionConflict | Errors.IdempotencyConflict | Errors.StoreError> => {
      // Check everything first, then write: the commit is all or nothing. Keys PostgreSQL cannot
      // hold are refused here too, so both adapters answer the same (StoreKey).
      const unstorable = StoreKey.checkCommit(commit)
      if (unstorable !== undefined) return Effect.fail(unstorable)
      if (commit.idempotency !== undefined) {
        const prior = db.idempotency.get(commit.idempotency.key)
        if (prior !== undefined) return Effect.fail(new Errors.IdempotencyConflict({ key: commit.idempotency.key }))
      }
      for (const w of commit.streams) {
        const actual = db.states.get(w.appealId)?.version ?? 0
        if (actual !== w.expectedVersion) {
          return Effect.fail(new Errors.VersionConflict({ appealId: w.appealId, expected: w.expectedVersion, actual }))
        }
      }
      // A registration number belongs to one appeal (the unique index of the PostgreSQL adapter).
      // Looked up in the index of numbers only when a commit gives a number, i.e. once per appeal.
      const given = new Map<string, string>()
      for (const w of commit.streams) {
        const n = w.state.registrationNumber
        if (n === undefined || n === db.states.get(w.appealId)?.registrationNumber) continue
        if (given.has(n) && given.get(n) !== w.appealId) return Effect.fail(StoreKey.duplicateRegistration())
        given.set(n, w.appealId)
        const holder = db.registrations.get(n)
        if (holder !== undefined && holder !== w.appealId) return Effect.fail(StoreKey.duplicateRegistration())
      }
      for (const w of commit.streams) {
        db.events.set(w.appealId, [...(db.events.get(w.appealId) ?? []), ...w.events])
        const old = db.states.get(w.appealId)?.registrationNumber
        if (old !== undefined && old !== w.state.registrationNumber && db.registrations.get(old) === w.appealId) db.registrations.delete(old)
        if (w.state.registrationNumber !== undefined) db.registrations.set(w.state.registrationNumber, w.appealId)
        db.states.set(w.appealId, w.state)
        if (w.dueAt !== undefined) db.dueAt.set(w.appealId, w.dueAt)
        if (w.personal !== undefined) {
          // A new write of the personal data: a new basis, and the profile derived from the old one goes.
          db.personal.set(w.appealId, w.personal)
          db.personalBasis.set(w.appealId, String(++db.personalWrites))
          db.profiles.delete(w.appealId)
        }
        if (w.texts !== undefined && w.texts.length > 0) db.texts.set(w.appealId, [...(db.texts.get(w.appealId) ?? []), ...w.texts])
      }
      // A literal of the row's fields, not a spread with fields added after it (several times slower in V8).
      for (const m of commit.outbox) {
        db.outbox.set(m.id, { id: m.id, appealId: m.appealId, seq: m.seq, topic: m.topic, payload: m.payload, attempts: 0, state: "pending", createdAt: db.tick++ })
      }
      if (commit.idempotency !== undefined) {
        db.idempotency.set(commit.idempotency.key, { fingerprint: commit.idempotency.fingerprint, response: commit.idempotency.response })
      }
      return Effect.void
    }),
  personal: (appealId) => Effect.sync(() => Option.fromNullable(db.personal.get(appealId))),
  personalMany: (appealIds, profileVersion) =>
    Effect.sync(() =>
      [...new Set(appealIds)].sort().flatMap((appealId): Array<PersonalRecord> => {
        const personal = db.personal.get(appealId)
        if (personal === undefined) return []
        const basis = db.personalBasis.get(appealId)!
        const stored = db.profiles.get(appealId)
        const current = stored !== undefined && stored.version === profileVersion && stored.basis === basis
        return [{ appealId, personal, basis, ...(current ? { profile: stored.data } : {}) }]
      })
    ),
  saveProfiles: (profiles) =>
    Effect.sync(() => {
      let stored = 0
      for (const p of profiles) {
        if (!db.personal.has(p.appealId) || db.personalBasis.get(p.appealId) !== p.basis) continue
        // A JSON copy: what is stored is what a database would keep, not the caller's object.
        db.profiles.set(p.appealId, { basis: p.basis, version: p.version, data: JSON.parse(JSON.stringify(p.data)) })
        stored++
      }
      return stored
    }),
  texts: (appealId) => Effect.sync(() => db.texts.get(appealId) ?? []),
  erasePersonal: (appealId) =>
    Effect.sync(() => {
      const hadTexts = db.texts.delete(appealId)
      // The comparison profile is derived from the personal data: it goes with it.
      db.profiles.delete(appealId)
      db.personalBasis.delete(appealId)
      return db.personal.delete(appealId) || hadTexts
    }),
  query: (q) =>
    Effect.sync(() => {
      const limit = pageLimit(q.limit)
      const items = [...db.states.values()]
        .filter((s) => matchesQuery(s, q) && (q.after === undefined || s.appealId > q.after))
        .sort((a, b) => (a.appealId < b.appealId ? -1 : a.appealId > b.appealId ? 1 : 0))
        .slice(0, limit + 1)
      const page = items.slice(0, limit)
      return { items: page, next: items.length > limit ? page[page.length - 1]!.appealId : undefined }
    }),
  workload: (districtCode, status) =>
    Effect.sync(() => {
      const counts = new Map<string, { officerId: string; priority: AppealState.AppealState["priority"]; count: number }>()
      const q: Query = { districtCode, status }
      for (const s of db.states.values()) {
        if (s.assigneeId === undefined || !matchesQuery(s, q)) continue
        const key = `${s.assigneeId}\u0000${s.priority ?? ""}`
        const c = counts.get(key)
        if (c !== undefined) c.count++
        else counts.set(key, { officerId: s.assigneeId, priority: s.priority, count: 1 })
      }
      return sortWorkload([...counts.values()].map(({ officerId, priority, count }) => ({ officerId, count, ...(priority !== undefined ? { priority } : {}) })))
    }),
  ids: (after, limit) =>
    Effect.sync(() =>
      [...db.states.keys()]
        .filter((id) => after === undefined || id > after)
        .sort()
        .slice(0, pageLimit(limit))
    )
})

/**
 * In-memory appeal store, outbox and idempotency store, sharing one memory as the PostgreSQL
 * adapter shares one transaction. For tests, demos and the reference of the conformance suites;
 * everything is lost when the process ends.
 *
 * @example
 * import { AppealStore, Outbox } from "@murojaat/core"
 * import { Effect } from "effect"
 * Effect.runSync(Effect.provide(Effect.flatMap(Outbox.Outbox, (o) => o.pending), AppealStore.layerMemory())) // 0
 *
 * @since 0.1.0
 * @category layers
 */
export const layerMemory = (): Layer.Layer<AppealStore | Outbox | IdempotencyStore | Worklist.Worklist> => memoryContext(false)

/**
 * What the in-memory store really holds, read behind its ports: the raw reader the conformance
 * suites of `@murojaat/testkit` use to check what a commit stored. Tests only.
 *
 * @example
 * import { AppealStore } from "@murojaat/core"
 * import { Effect } from "effect"
 * const contents: AppealStore.MemoryContents = Effect.runSync(Effect.provide(AppealStore.MemoryInspector, AppealStore.layerMemoryInspectable()))
 * contents.states.size // 0
 *
 * @since 0.1.0
 * @category test
 */
export interface MemoryContents {
  readonly states: ReadonlyMap<string, AppealState.AppealState>
  readonly events: ReadonlyMap<string, ReadonlyArray<Event.AppealEvent>>
  readonly personal: ReadonlyMap<string, Appeal.Personal>
  readonly texts: ReadonlyMap<string, ReadonlyArray<Event.TextRecord>>
  /** Comparison profiles stored in the personal records (`saveProfiles`). */
  readonly profiles: ReadonlyMap<string, { readonly basis: string; readonly version: string; readonly data: { readonly [key: string]: unknown } }>
  readonly outbox: ReadonlyMap<string, OutboxWrite & { readonly attempts: number; readonly state: "pending" | "claimed" | "published" }>
  readonly idempotency: ReadonlyMap<string, { readonly fingerprint: string; readonly response: unknown }>
}

/**
 * The in-memory store's contents, provided by `layerMemoryInspectable`.
 *
 * @example
 * import { AppealStore } from "@murojaat/core"
 * AppealStore.MemoryInspector.key // "@murojaat/core/AppealStore/MemoryInspector"
 *
 * @since 0.1.0
 * @category test
 */
export class MemoryInspector extends Context.Tag("@murojaat/core/AppealStore/MemoryInspector")<MemoryInspector, MemoryContents>() {}

/**
 * `layerMemory` plus a `MemoryInspector` over the same memory, for the conformance suites.
 *
 * @example
 * import { AppealStore } from "@murojaat/core"
 * import { Effect } from "effect"
 * Effect.runSync(Effect.provide(Effect.map(AppealStore.MemoryInspector, (m) => m.states.size), AppealStore.layerMemoryInspectable())) // 0
 *
 * @since 0.1.0
 * @category layers
 */
export const layerMemoryInspectable = (): Layer.Layer<AppealStore | Outbox | IdempotencyStore | Worklist.Worklist | MemoryInspector> =>
  memoryContext(true)

const openStatuses: ReadonlySet<string> = new Set(["received", "registered", "triaged", "assigned", "inReview", "awaitingApplicant"])

// The worklist queries over the shared memory: a scan, sorted; fine for tests and demos.
const makeMemoryWorklist = (db: MemoryDb): Worklist.Service => {
  const page = (keep: (s: AppealState.AppealState, due: string | null) => boolean, request: Worklist.PageRequest = {}): Worklist.DuePage => {
    const limit = pageLimit(request.limit)
    const rows = [...db.states.values()]
      .filter((s) => openStatuses.has(s.status))
      .map((s) => ({ state: s, cursor: { dueAt: db.dueAt.get(s.appealId) ?? null, appealId: s.appealId } }))
      .filter((r) => keep(r.state, r.cursor.dueAt) && (request.after === undefined || Worklist.compare(r.cursor, request.after) > 0))
      .sort((a, b) => Worklist.compare(a.cursor, b.cursor))
      .slice(0, limit + 1)
    const items = rows.slice(0, limit)
    return { items: items.map((r) => r.state), next: rows.length > limit ? items[items.length - 1]!.cursor : undefined }
  }
  const inArea = (s: AppealState.AppealState, area: Worklist.Area) =>
    "districtCode" in area ? s.districtCode === area.districtCode : s.mahallaCode === area.mahallaCode
  return {
    worklist: (officerId, request) => Effect.sync(() => page((s) => s.assigneeId === officerId, request)),
    overdue: (area, now, request) =>
      Effect.sync(() => page((s, due) => inArea(s, area) && due !== null && Date.parse(due) < Date.parse(now), request)),
    soonDue: (area, now, until, request) =>
      Effect.sync(() =>
        page((s, due) => inArea(s, area) && due !== null && Date.parse(due) >= Date.parse(now) && Date.parse(due) <= Date.parse(until), request)
      )
  }
}

const memoryContext = <I extends boolean>(inspectable: I) =>
  Layer.effectContext(
    Effect.sync(() => {
      const db = makeMemoryDb()
      const ctx = Context.make(AppealStore, makeMemory(db))
        .pipe(Context.add(Outbox, db.outboxService))
        .pipe(Context.add(IdempotencyStore, db.idempotencyService))
        .pipe(Context.add(Worklist.Worklist, makeMemoryWorklist(db)))
      return (inspectable ? Context.add(ctx, MemoryInspector, db) : ctx) as Context.Context<
        AppealStore | Outbox | IdempotencyStore | Worklist.Worklist | MemoryInspector
      >
    })
  )
