/**
 * Runs every conformance suite on an adapter, in one vitest file: the adapter's layer is built
 * once (servers started, pools opened) and released when the file ends.
 *
 * Sub-suites: round-trip, concurrency, idempotency, audit append-only, outbox, queries, worklist,
 * ids and directory, store keys, analytics, comparison profiles. Tests that need a capability the adapter lacks are skipped with the reason printed.
 *
 * @example
 * import { Conformance } from "@murojaat/testkit"
 * // my-adapter.test.ts
 * // Conformance.run({ name: "my adapter", layer: MyAdapter.layerWithRawReader, capabilities: { appendOnlyEnforced: true, tamper: true } })
 */
import { layer } from "@effect/vitest"
import type { Adapter } from "./Adapter.js"
import * as AnalyticsSuite from "./AnalyticsSuite.js"
import * as AuditSuite from "./AuditSuite.js"
import * as ConcurrencySuite from "./ConcurrencySuite.js"
import * as IdempotencySuite from "./IdempotencySuite.js"
import { withService } from "./internal/support.js"
import * as OutboxSuite from "./OutboxSuite.js"
import * as PortsSuite from "./PortsSuite.js"
import * as ProfilesSuite from "./ProfilesSuite.js"
import * as QueriesSuite from "./QueriesSuite.js"
import * as ReservationSuite from "./ReservationSuite.js"
import * as RoundTripSuite from "./RoundTripSuite.js"
import * as StoreKeySuite from "./StoreKeySuite.js"
import * as WorklistSuite from "./WorklistSuite.js"
import * as WorkloadSuite from "./WorkloadSuite.js"

/**
 * The sub-suites, by name.
 *
 * @example
 * import { Conformance } from "@murojaat/testkit"
 * Object.keys(Conformance.suites) // ["roundTrip", "concurrency", "idempotency", "audit", "outbox", "queries", "worklist", "workload", "reservation", "ports", "storeKeys", "analytics", "profiles"]
 */
export const suites = {
  roundTrip: RoundTripSuite.register,
  concurrency: ConcurrencySuite.register,
  idempotency: IdempotencySuite.register,
  audit: AuditSuite.register,
  outbox: OutboxSuite.register,
  queries: QueriesSuite.register,
  worklist: WorklistSuite.register,
  workload: WorkloadSuite.register,
  reservation: ReservationSuite.register,
  ports: PortsSuite.register,
  storeKeys: StoreKeySuite.register,
  analytics: AnalyticsSuite.register,
  profiles: ProfilesSuite.register
} as const

/**
 * Registers the conformance suites (all, or those named in `only`) for the adapter.
 *
 * @example
 * import { Conformance } from "@murojaat/testkit"
 * Conformance.run
 */
export const run = <E>(adapter: Adapter<E>, options: { readonly only?: ReadonlyArray<keyof typeof suites> } = {}): void =>
  layer(withService(adapter), { excludeTestServices: true, timeout: "180 seconds" })(`conformance: ${adapter.name}`, (it) => {
    for (const [name, register] of Object.entries(suites)) {
      if (options.only === undefined || options.only.includes(name as keyof typeof suites)) register(it, adapter as Adapter)
    }
  })
