// The PostgreSQL adapter as the testkit sees it: every port, the SqlClient, and the raw reader.
import { Raw } from "@murojaat/postgres"
import { PgQueries, PgStore, Testing } from "@murojaat/postgres"
import type { Adapter } from "@murojaat/testkit"
import { RawReader } from "@murojaat/testkit"
import { Effect, Layer } from "effect"

/** Ports + raw reader + queries on the test database (fresh on DATABASE_URL, or embedded). */
export const layerUnderTest = (options: { readonly server?: "never" | "preferred" | "required" } = {}) =>
  Layer.unwrapScoped(
    Effect.map(Testing.database(options), (db) => {
      console.info(`[@murojaat/postgres tests] database: ${db.kind}`)
      const live = PgStore.layerPg({ url: db.url, migrate: true, maxConnections: 12 })
      return Layer.mergeAll(Layer.effect(RawReader.RawReader, Raw.make), PgQueries.layer).pipe(Layer.provideMerge(live))
    })
  )

export const adapter = (name: string, options: { readonly server?: "never" | "preferred" | "required" } = {}): Adapter.Adapter => ({
  name,
  layer: layerUnderTest(options),
  capabilities: { appendOnlyEnforced: true, tamper: true },
  numRuns: 15,
  timeout: 120_000
})
