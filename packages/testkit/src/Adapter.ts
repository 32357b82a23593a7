/**
 * What an adapter hands the conformance suites: its name, a layer providing every storage port
 * and a `RawReader`, and explicit capability flags. A suite test that needs a capability the
 * adapter lacks is skipped with the reason printed; nothing else is ever skipped.
 *
 * @example
 * import { Adapter } from "@murojaat/testkit"
 * const caps: Adapter.Capabilities = { appendOnlyEnforced: false, tamper: true }
 */
import type { Analytics, AppealService, Outbox, Worklist } from "@murojaat/core"
import type { Layer } from "effect"
import type { RawReader } from "./RawReader.js"

/** Optional behaviours a storage may have; each flag unlocks the tests that need it. */
export interface Capabilities {
  /** The storage itself refuses to change or delete a stored event (a trigger, WORM storage); needs `RawReader.tryRewriteEvent` and `tryDeleteEvent`. */
  readonly appendOnlyEnforced: boolean
  /** The raw reader can edit a stored event behind the store's back (`RawReader.tamperEvent`), to prove verification catches it. */
  readonly tamper: boolean
}

/** Every port the suites exercise, plus the raw reader. */
export type Services = AppealService.Ports | Outbox.Outbox | Worklist.Worklist | Analytics.Analytics | RawReader

/** An adapter under test. */
export interface Adapter<E = unknown> {
  /** Shown as the top-level describe block. */
  readonly name: string
  /** Built once for the whole run and released at its end (stop servers, close pools there). */
  readonly layer: Layer.Layer<Services, E>
  readonly capabilities: Capabilities
  /** Why a capability is missing, printed with each test it skips. */
  readonly reasons?: Partial<Record<keyof Capabilities, string>>
  /** Scale of the property tests (fast-check runs per property). Default 15. */
  readonly numRuns?: number
  /** Timeout of one test in ms. Default 60 000. */
  readonly timeout?: number
}
