/**
 * `murojaat verify-db [--appeal ID] [--database URL | --data-dir DIR]`
 *
 * Verifies the appeals stored in PostgreSQL (all, or one): each hash chain, anchored at the head
 * the projection records, and that the projection is the replay of the events. Catches events
 * edited, removed or reordered behind the append-only trigger's back (a superuser, a restored
 * backup). Prints `{ database, checked, ok, broken: [...] }`; exit 0 when all are sound, 1 when any
 * is broken or the database fails, 2 on bad options and on a database that holds no Murojaat data
 * (a `--data-dir` where no Murojaat database was made, a server without the murojaat schema):
 * nothing is created there.
 */
import { parseArgs } from "node:util"
import { SqlClient, Verify } from "@murojaat/postgres"
import { Effect } from "effect"
import { type Command, define, printJson, UsageError } from "../Command.js"
import { databaseOptions, layerFor, requireDatabase, runOn } from "../database.js"

/** The `verify-db` command. */
export const verifyDb: Command = define({
  name: "verify-db",
  summary: "Verify the hash chains and projections of the appeals stored in PostgreSQL (all, or --appeal ID).",
  usage: "murojaat verify-db [--appeal ID] [--database URL] [--data-dir DIR]",
  execute: async (argv, io) => {
    const { values, positionals } = parseArgs({
      args: [...argv],
      options: { ...databaseOptions, appeal: { type: "string" } },
      allowPositionals: true,
      strict: true
    })
    if (positionals.length > 0) throw new UsageError(`unexpected argument ${positionals[0]}`)
    const { where, layer, dataDir, endpoint } = layerFor(values, { server: false, embedded: false })
    requireDatabase(dataDir)
    // A database without Murojaat's schema holds nothing to verify: refused, never "ok, 0 checked".
    const program = Effect.gen(function* () {
      const sql = yield* SqlClient.SqlClient
      const rows = yield* sql<{ readonly found: boolean }>`SELECT to_regclass('murojaat.schema_migration') IS NOT NULL AS found`
      return rows[0]?.found === true ? yield* Verify.all({ appealId: values.appeal }) : null
    })
    const report = await runOn(io, Effect.provide(program, layer), endpoint)
    if (report === undefined) return 1
    if (report === null) throw new UsageError(`${where} holds no Murojaat database (no murojaat schema); run murojaat migrate there first`)
    printJson(io, { database: where, ...report })
    return report.ok ? 0 : 1
  }
})
