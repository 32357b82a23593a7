// The conformance kit on the PostgreSQL adapter: an embedded server with no environment, or a
// fresh database on DATABASE_URL when it is set.
import { Conformance } from "@murojaat/testkit"
import { adapter } from "./support.js"

Conformance.run(adapter("postgres"))
