/**
 * @murojaat/testkit: the conformance suites every Murojaat storage adapter passes. Give
 * `Conformance.run` your adapter's layer (every port plus a `RawReader`) and its capability
 * flags, in a vitest file; see docs/adapters.md.
 *
 * @example
 * import { Conformance } from "@murojaat/testkit"
 * // Conformance.run({ name: "my adapter", layer, capabilities: { appendOnlyEnforced: true, tamper: true } })
 */
export * as Adapter from "./Adapter.js"
export * as AnalyticsSuite from "./AnalyticsSuite.js"
export * as AuditSuite from "./AuditSuite.js"
export * as ConcurrencySuite from "./ConcurrencySuite.js"
export * as Conformance from "./Conformance.js"
export * as IdempotencySuite from "./IdempotencySuite.js"
export * as OutboxSuite from "./OutboxSuite.js"
export * as PortsSuite from "./PortsSuite.js"
export * as ProfilesSuite from "./ProfilesSuite.js"
export * as QueriesSuite from "./QueriesSuite.js"
export * as ReservationSuite from "./ReservationSuite.js"
export * as RawReader from "./RawReader.js"
export * as RoundTripSuite from "./RoundTripSuite.js"
export * as StoreKeySuite from "./StoreKeySuite.js"
export * as WorklistSuite from "./WorklistSuite.js"
export * as WorkloadSuite from "./WorkloadSuite.js"
