/**
 * @murojaat/postgres: the PostgreSQL storage of Murojaat, on @effect/sql-pg. Embedded PostgreSQL by
 * default (`layerEmbedded`), a real server with `layerPg({ url })`. Test helpers (`Testing`, the
 * raw reader `Raw`) are the `@murojaat/postgres/testing` sub-path, not this entry.
 *
 * @example
 * import { layerEmbedded, layerPg } from "@murojaat/postgres"
 * const live = process.env.DATABASE_URL ? layerPg({ url: process.env.DATABASE_URL, migrate: true }) : layerEmbedded()
 */
export * as Embedded from "./Embedded.js"
export * as Migrator from "./Migrator.js"
export * as PgAnalytics from "./PgAnalytics.js"
export * as PgCalendarStore from "./PgCalendarStore.js"
export * as PgQueries from "./PgQueries.js"
export * as PgReservation from "./PgReservation.js"
export * as PgStore from "./PgStore.js"
export * as PgWorklist from "./PgWorklist.js"
export * as Roles from "./Roles.js"
export * as Verify from "./Verify.js"
export { layerEmbedded } from "./Embedded.js"
export { migrate } from "./Migrator.js"
export { layerPg } from "./PgStore.js"
/** The @effect/sql client the layers provide, for your own queries and reports. */
export { SqlClient } from "@effect/sql"
