// The conformance kit against a real PostgreSQL server (Debian's, in CI): DATABASE_URL. In CI
// (CI=true) a missing DATABASE_URL fails this file instead of skipping it; on a laptop without
// one, it runs on the embedded server.
import { Conformance } from "@murojaat/testkit"
import { adapter } from "./support.js"

Conformance.run(adapter("postgres server (DATABASE_URL)", { server: "required" }))
