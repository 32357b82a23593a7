/**
 * The directory port: where regions, districts, mahallas and officers come from (the operator's
 * personnel system, a file, the database).
 *
 * @example
 * import { DirectoryStore } from "@murojaat/core"
 * import { Effect } from "effect"
 * const count = Effect.map(Effect.flatMap(DirectoryStore.DirectoryStore, (d) => d.snapshot), (d) => d.officers.length)
 * Effect.runSync(Effect.provide(count, DirectoryStore.layerMemory())) // 0
 */
import { Context, Effect, Layer, Option } from "effect"
import type * as Directory from "./Directory.js"
import type * as Errors from "./Errors.js"

/**
 * The directory store's operations.
 *
 * @example
 * import { DirectoryStore } from "@murojaat/core"
 * import { Effect, Option } from "effect"
 * const program = Effect.flatMap(DirectoryStore.DirectoryStore, (s: DirectoryStore.Service) => s.officer("O-404"))
 * Option.isNone(Effect.runSync(Effect.provide(program, DirectoryStore.layerMemory()))) // true
 *
 * @since 0.1.0
 * @category ports
 */
export interface Service {
  /** The whole directory. */
  readonly snapshot: Effect.Effect<Directory.Directory, Errors.StoreError>
  /** One officer. */
  readonly officer: (id: string) => Effect.Effect<Option.Option<Directory.Officer>, Errors.StoreError>
  /** Replaces the directory (after decoding and checking it with `Directory.Directory`). */
  readonly replace: (directory: Directory.Directory) => Effect.Effect<void, Errors.StoreError>
}

/**
 * The directory store service.
 *
 * @example
 * import { DirectoryStore } from "@murojaat/core"
 * DirectoryStore.DirectoryStore.key // "@murojaat/core/DirectoryStore"
 *
 * @since 0.1.0
 * @category ports
 */
export class DirectoryStore extends Context.Tag("@murojaat/core/DirectoryStore")<DirectoryStore, Service>() {}

const empty: Directory.Directory = { regions: [], districts: [], mahallas: [], officers: [] }

/**
 * A directory held in memory.
 *
 * @example
 * import { DirectoryStore } from "@murojaat/core"
 * DirectoryStore.layerMemory({ regions: [], districts: [], mahallas: [], officers: [] })
 *
 * @since 0.1.0
 * @category layers
 */
export const layerMemory = (initial: Directory.Directory = empty): Layer.Layer<DirectoryStore> =>
  Layer.sync(DirectoryStore, () => {
    let current = initial
    let byId = new Map(current.officers.map((o) => [o.id as string, o]))
    return {
      snapshot: Effect.sync(() => current),
      officer: (id) => Effect.sync(() => Option.fromNullable(byId.get(id))),
      replace: (d) =>
        Effect.sync(() => {
          current = d
          byId = new Map(d.officers.map((o) => [o.id as string, o]))
        })
    }
  })
