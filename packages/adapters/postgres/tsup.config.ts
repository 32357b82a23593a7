import { library } from "../../../tsup.base.js"

// Two entries at the same depth of dist/ (Migrator finds ../migrations from either): the adapter,
// and its test helpers (`@murojaat/postgres/testing`).
export default library(["src/index.ts", "src/testing.ts"])
