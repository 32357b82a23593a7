/**
 * `murojaat migrate [--database URL | --data-dir DIR]`
 *
 * Applies the PostgreSQL schema migrations the database does not have yet (forward-only, in one
 * transaction, under an advisory lock so several instances may run it at once). Without
 * `--database` it uses `DATABASE_URL`, else the embedded server in `--data-dir`. Prints
 * `{ database, applied, version }`; exit 0, 1 when the database refuses (unreachable, a shipped
 * migration changed), 2 on bad options.
 */
import { parseArgs } from "node:util"
import { Embedded, Migrator } from "@murojaat/postgres"
import { Effect } from "effect"
import { type Command, define, printJson, UsageError } from "../Command.js"
import { databaseOptions, layerFor, runOn } from "../database.js"

/** The `migrate` command. */
export const migrate: Command = define({
  name: "migrate",
  summary: "Apply the PostgreSQL schema migrations (DATABASE_URL, --database URL, or the embedded server in --data-dir).",
  usage: "murojaat migrate [--database URL] [--data-dir DIR]",
  execute: async (argv, io) => {
    const { values, positionals } = parseArgs({ args: [...argv], options: databaseOptions, allowPositionals: true, strict: true })
    if (positionals.length > 0) throw new UsageError(`unexpected argument ${positionals[0]}`)
    const { where, layer, dataDir, endpoint } = layerFor(values, { server: false, embedded: false })
    // The embedded server's application role may not change the schema: its owner role migrates.
    const report = await runOn(io, dataDir === undefined ? Effect.provide(Migrator.migrate, layer) : Embedded.migrate({ dataDir }), endpoint)
    if (report === undefined) return 1
    printJson(io, { database: where, ...report })
    return 0
  }
})
