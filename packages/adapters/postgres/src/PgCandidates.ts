/**
 * The personal records link suggestions read and write (`AppealStore.personalMany` and
 * `saveProfiles`, migration 0008): every candidate's personal data with its stored comparison
 * profile in one round trip, and the profiles derived since in another. A record's basis is the
 * digest of its stored data, computed by the server, so a profile is stored only against the data
 * it was derived from, and an erasure (the row deleted) takes the profile with it. Internal: part
 * of `PgStore.makeAppealStore`.
 */
import type { SqlClient } from "@effect/sql"
import { type AppealStore, StoreKey } from "@murojaat/core"
import { Effect, Schema } from "effect"
import { orStoreError } from "./internal/errors.js"
import { decodeRows, orCorrupt, PersonalDocument } from "./internal/rows.js"

const STORE = "AppealStore"

// SHA-256 rather than MD5: servers in FIPS mode refuse MD5.
const basis = (column: string) => `encode(sha256(convert_to(${column}::text, 'UTF8')), 'hex')`

const READ = `SELECT appeal_id, data, ${basis("data")} AS basis, CASE WHEN profile_version = $2::text THEN profile END AS profile
  FROM murojaat.appeal_personal
  WHERE appeal_id IN (SELECT json_array_elements_text($1::json))
  ORDER BY appeal_id`

const WRITE = `UPDATE murojaat.appeal_personal p SET profile = v.profile, profile_version = v.version
  FROM json_to_recordset($1::json) AS v(appeal_id text, basis text, version text, profile json)
  WHERE p.appeal_id = v.appeal_id AND ${basis("p.data")} = v.basis
  RETURNING p.appeal_id`

const Row = Schema.Struct({
  appeal_id: Schema.String,
  data: PersonalDocument,
  basis: Schema.String,
  profile: Schema.NullOr(Schema.Record({ key: Schema.String, value: Schema.Unknown }))
})

/** `personalMany` and `saveProfiles` over an `SqlClient` connected to a migrated database. */
export const make = (sql: SqlClient.SqlClient): Pick<AppealStore.Service, "personalMany" | "saveProfiles"> => {
  const run = orStoreError(STORE)
  const rows = decodeRows(Row)
  return {
    // The ids go as one JSON parameter: a district's candidates can outnumber a statement's parameters.
    personalMany: (appealIds, profileVersion) => {
      const ids = [...new Set(appealIds)].filter(StoreKey.isStorable)
      if (ids.length === 0) return Effect.succeed([])
      return sql.unsafe(READ, [JSON.stringify(ids), profileVersion]).pipe(
        Effect.flatMap(rows),
        orCorrupt(STORE, "personal data of candidates"),
        Effect.map((found) => found.map((r) => ({ appealId: r.appeal_id, personal: r.data, basis: r.basis, ...(r.profile !== null ? { profile: r.profile } : {}) }))),
        run
      )
    },
    saveProfiles: (profiles) => {
      // One row per appeal (the last given wins), none the server could not hold.
      const byId = new Map(profiles.filter((p) => StoreKey.isStorable(p.appealId)).map((p) => [p.appealId, p]))
      if (byId.size === 0) return Effect.succeed(0)
      const values = [...byId.values()].map((p) => ({ appeal_id: p.appealId, basis: p.basis, version: p.version, profile: p.data }))
      return sql.unsafe(WRITE, [JSON.stringify(values)]).pipe(
        Effect.map((updated) => updated.length),
        run
      )
    }
  }
}
