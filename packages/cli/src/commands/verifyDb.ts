/**
 * `murojaat verify-db [--appeal ID] [--database URL | --data-dir DIR]`
 *
 * Verifies the appeals stored in PostgreSQL (all, or one): each hash chain, anchored at the head
 * the projection records, and that the projection is the replay of the events. Catches events
 * edited, removed or reordered behind the append-only trigger's back (a superuser, a restored
 * backup). Prints `{ database, checked, ok, broken: [...] }`; exit 0 when all are sound, 1 when any
 * is broken or the database fails, 2 on bad options.
 */
import { parseArgs } from "node:util"
import { Verify } from "@murojaat/postgres"
import { Effect } from "effect"
import { type Command, define, printJson, UsageError } from "../Command.js"
import { databaseOptions, layerFor, runOn } from "../database.js"

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
    const { where, layer } = layerFor(values, { server: false, embedded: true })
    const report = await runOn(io, Effect.provide(Verify.all({ appealId: values.appeal }), layer))
    if (report === undefined) return 1
    printJson(io, { database: where, ...report })
    return report.ok ? 0 : 1
  }
})
