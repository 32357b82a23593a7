// The conformance kit on the PostgreSQL adapter over the embedded server (always, even when
// DATABASE_URL is set: conformance.integration.test.ts covers the real server).
import { Conformance } from "@murojaat/testkit"
import { adapter } from "./support.js"

Conformance.run(adapter("postgres (embedded)", { server: "never" }))
