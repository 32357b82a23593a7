/**
 * Verifies the appeals stored in the database: each appeal's hash chain, anchored at the head
 * its projection records, and that the projection equals the replay of its events
 * (`AppealService.verify`). Catches events edited, removed or reordered behind the trigger's back.
 *
 * @example
 * import { Verify } from "@murojaat/postgres"
 * const report = Verify.all() // Effect<Verify.Report, StoreError, AppealStore>
 */
import { AppealService, AppealStore, type Errors } from "@murojaat/core"
import { Effect } from "effect"

/** The verdict on one appeal that failed. */
export interface Broken {
  readonly appealId: string
  readonly reason: string
  readonly seq?: number | undefined
  readonly detail: string
}

/** What was checked and what failed. */
export interface Report {
  readonly checked: number
  readonly ok: boolean
  readonly broken: ReadonlyArray<Broken>
}

/**
 * Verifies one appeal; `undefined` when it is sound.
 *
 * @example
 * import { Verify } from "@murojaat/postgres"
 * Verify.one("A-000001")
 */
export const one = (appealId: string): Effect.Effect<Broken | undefined, Errors.StoreError, AppealStore.AppealStore> =>
  AppealService.verify(appealId).pipe(
    Effect.map((v): Broken | undefined => {
      if (!v.ok) return { appealId, reason: v.reason, seq: v.seq, detail: v.detail }
      if (!v.projectionMatches) return { appealId, reason: "projectionMismatch", detail: "the stored state is not the replay of the stored events" }
      return undefined
    }),
    Effect.catchIf(
      (e): e is Errors.AppealNotFound | Errors.StoreError => e._tag === "AppealNotFound" || (e._tag === "StoreError" && e.reason === "corrupt"),
      (e) => Effect.succeed<Broken>({ appealId, reason: e._tag === "AppealNotFound" ? "notFound" : "corrupt", detail: e._tag === "StoreError" ? e.detail : "no such appeal" })
    )
  )

/**
 * Verifies every stored appeal (or only `appealId`), in id order, a page at a time.
 *
 * @example
 * import { Verify } from "@murojaat/postgres"
 * Verify.all({ batch: 500 })
 */
export const all = (options: { readonly appealId?: string | undefined; readonly batch?: number | undefined } = {}): Effect.Effect<Report, Errors.StoreError, AppealStore.AppealStore> =>
  Effect.gen(function* () {
    const store = yield* AppealStore.AppealStore
    const broken: Array<Broken> = []
    let checked = 0
    const check = (id: string) =>
      Effect.map(one(id), (b) => {
        checked++
        if (b !== undefined) broken.push(b)
      })
    if (options.appealId !== undefined) {
      yield* check(options.appealId)
    } else {
      let after: string | undefined
      for (;;) {
        const ids = yield* store.ids(after, options.batch ?? 500)
        if (ids.length === 0) break
        yield* Effect.forEach(ids, check, { concurrency: 4, discard: true })
        after = ids[ids.length - 1]
      }
    }
    return { checked, ok: broken.length === 0, broken }
  })

