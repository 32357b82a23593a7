/**
 * The worklist port: the due-ordered queries an inspector and his chief work from. An officer's
 * open appeals, the one falling due first on top; a district's or mahalla's overdue and soon-due
 * appeals. Due times are the ones the service records with every commit (`StreamWrite.dueAt`);
 * appeals without a running clock sort last. Pages are keyset cursors, never offsets.
 *
 * Adapters: in memory with `AppealStore.layerMemory()`; PostgreSQL in `@murojaat/postgres`, served
 * by indexes.
 *
 * @example
 * import { AppealStore, Worklist } from "@murojaat/core"
 * import { Effect } from "effect"
 * const mine = Effect.flatMap(Worklist.Worklist, (w) => w.worklist("O-101"))
 * Effect.runSync(Effect.provide(mine, AppealStore.layerMemory())).items // []
 */
import { Context, type Effect } from "effect"
import type * as AppealState from "./AppealState.js"
import type * as Errors from "./Errors.js"

/**
 * Where a due-ordered page ended; pass it back as `after` for the next page.
 *
 * @example
 * import { Worklist } from "@murojaat/core"
 * const c: Worklist.DueCursor = { dueAt: "2026-04-03T13:00:00.000Z", appealId: "A-000017" }
 *
 * @since 0.1.0
 * @category models
 */
export interface DueCursor {
  /** ISO instant, or `null` for appeals with no running clock (they sort last). */
  readonly dueAt: string | null
  readonly appealId: string
}

/**
 * A page ordered by due time, then appeal id.
 *
 * @example
 * import { Worklist } from "@murojaat/core"
 * const p: Worklist.DuePage = { items: [], next: undefined }
 *
 * @since 0.1.0
 * @category models
 */
export interface DuePage {
  readonly items: ReadonlyArray<AppealState.AppealState>
  readonly next: DueCursor | undefined
}

/**
 * One district or one mahalla.
 *
 * @example
 * import { Worklist } from "@murojaat/core"
 * const a: Worklist.Area = { districtCode: "1726262" }
 *
 * @since 0.1.0
 * @category models
 */
export type Area = { readonly districtCode: string } | { readonly mahallaCode: string }

/**
 * A page request.
 *
 * @example
 * import { Worklist } from "@murojaat/core"
 * const p: Worklist.PageRequest = { limit: 50 }
 *
 * @since 0.1.0
 * @category models
 */
export interface PageRequest {
  readonly after?: DueCursor | undefined
  readonly limit?: number | undefined
}

/**
 * The worklist's operations.
 *
 * @example
 * import { Worklist } from "@murojaat/core"
 * const ops = (w: Worklist.Service) => [w.worklist, w.overdue, w.soonDue]
 *
 * @since 0.1.0
 * @category ports
 */
export interface Service {
  /** The officer's open appeals, due first on top. */
  readonly worklist: (officerId: string, page?: PageRequest) => Effect.Effect<DuePage, Errors.StoreError>
  /** Open appeals of the area whose due time is before `now`. */
  readonly overdue: (area: Area, now: string, page?: PageRequest) => Effect.Effect<DuePage, Errors.StoreError>
  /** Open appeals of the area due from `now` up to `until`. */
  readonly soonDue: (area: Area, now: string, until: string, page?: PageRequest) => Effect.Effect<DuePage, Errors.StoreError>
}

/**
 * The worklist service.
 *
 * @example
 * import { Worklist } from "@murojaat/core"
 * Worklist.Worklist.key // "@murojaat/core/Worklist"
 *
 * @since 0.1.0
 * @category ports
 */
export class Worklist extends Context.Tag("@murojaat/core/Worklist")<Worklist, Service>() {}

/**
 * The order of due-ordered pages: due time (none last), then appeal id.
 *
 * @example
 * import { Worklist } from "@murojaat/core"
 * Worklist.compare({ dueAt: null, appealId: "A" }, { dueAt: "2026-01-01T00:00:00.000Z", appealId: "B" }) // 1
 *
 * @since 0.1.0
 * @category utils
 */
export const compare = (a: DueCursor, b: DueCursor): number => {
  const da = a.dueAt === null ? Infinity : Date.parse(a.dueAt)
  const db = b.dueAt === null ? Infinity : Date.parse(b.dueAt)
  return da !== db ? (da < db ? -1 : 1) : a.appealId < b.appealId ? -1 : a.appealId > b.appealId ? 1 : 0
}
