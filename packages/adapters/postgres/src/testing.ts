/**
 * @murojaat/postgres/testing: what tests, benchmarks and fault drills of this adapter need, kept
 * out of the main entry so a production bundle never carries them: `Testing` (a fresh database on
 * `DATABASE_URL`, or an embedded server in a temporary folder) and `Raw` (the raw reader the
 * conformance suites of `@murojaat/testkit` use to check what was really stored).
 *
 * @example
 * import { Raw, Testing } from "@murojaat/postgres/testing"
 * const db = Testing.database({ server: "preferred" }) // Effect<Testing.Database, StoreError, Scope>
 * const reader = Raw.make // Effect<Raw.Reader, never, SqlClient>
 */
export * as Raw from "./testing/Raw.js"
export * as Testing from "./testing/Testing.js"
