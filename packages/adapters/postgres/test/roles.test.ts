// The embedded server never runs the application as a superuser: the application role can insert
// and read events but not change them, switch the append-only trigger off, or silence triggers
// with session_replication_role; each data folder has its own random passwords, in a 0600 file.
import { statSync } from "node:fs"
import { describe, expect, it } from "@effect/vitest"
import { Embedded, Roles } from "@murojaat/postgres"
import { Effect } from "effect"
import pg from "pg"

// Runs one statement as the given URL's role; the SQLSTATE when refused, "ok" when it ran.
const attempt = async (url: string, text: string): Promise<string> => {
  const client = new pg.Client({ connectionString: url })
  try {
    await client.connect()
    await client.query(text)
    return "ok"
  } catch (e) {
    return String((e as { code?: unknown }).code)
  } finally {
    await client.end().catch(() => undefined)
  }
}

const withServer = <A>(dataDir: string, f: (s: Embedded.Server) => Promise<A>) =>
  Effect.scoped(Effect.flatMap(Embedded.start({ dataDir }), (s) => Effect.promise(() => f(s))))

describe("embedded server roles", () => {
  it.live(
    "the application role reads and inserts events but cannot update, delete, disable the trigger, alter tables or silence triggers",
    () =>
      Effect.gen(function* () {
        const dataDir = Embedded.temporaryDataDir()
        try {
          // Migrated and granted as layerEmbedded does, with one event inserted by the app role.
          yield* Effect.scoped(Effect.provide(Effect.void, Embedded.layerEmbedded({ dataDir })))
          const results = yield* withServer(dataDir, async (s) => {
            const insert = await attempt(
              s.url,
              `INSERT INTO murojaat.appeal_event (appeal_id, seq, event_id, type, prev_hash, hash, body)
               VALUES ('R-1', 1, 'R-1#1', 'escalated', repeat('0', 64), repeat('1', 64), '{}')`
            )
            return {
              insert,
              select: await attempt(s.url, "SELECT count(*) FROM murojaat.appeal_event"),
              update: await attempt(s.url, "UPDATE murojaat.appeal_event SET type = 'closed' WHERE appeal_id = 'R-1'"),
              delete: await attempt(s.url, "DELETE FROM murojaat.appeal_event WHERE appeal_id = 'R-1'"),
              truncate: await attempt(s.url, "TRUNCATE murojaat.appeal_event"),
              disableTrigger: await attempt(s.url, "ALTER TABLE murojaat.appeal_event DISABLE TRIGGER appeal_event_append_only"),
              disableAll: await attempt(s.url, "ALTER TABLE murojaat.appeal_event DISABLE TRIGGER ALL"),
              alter: await attempt(s.url, "ALTER TABLE murojaat.appeal ADD COLUMN x int"),
              drop: await attempt(s.url, "DROP TABLE murojaat.outbox"),
              replica: await attempt(s.url, "SET session_replication_role = replica"),
              createRole: await attempt(s.url, "CREATE ROLE intruder SUPERUSER"),
              migrations: await attempt(s.url, "UPDATE murojaat.schema_migration SET checksum = 'x'"),
              // The owner may change the schema (it runs the migrations) but is no superuser either.
              ownerReplica: await attempt(s.ownerUrl, "SET session_replication_role = replica"),
              ownerUpdate: await attempt(s.ownerUrl, "UPDATE murojaat.appeal_event SET type = 'closed' WHERE appeal_id = 'R-1'")
            }
          })
          // 42501 insufficient_privilege.
          expect(results).toEqual({
            insert: "ok",
            select: "ok",
            update: "42501",
            delete: "42501",
            truncate: "42501",
            disableTrigger: "42501",
            disableAll: "42501",
            alter: "42501",
            drop: "42501",
            replica: "42501",
            createRole: "42501",
            migrations: "42501",
            ownerReplica: "42501",
            // The owner passes the privilege check; the append-only trigger still refuses.
            ownerUpdate: "42501"
          })
        } finally {
          Embedded.removeDataDir(dataDir)
        }
      }),
    180_000
  )

  it.live(
    "passwords are random per data folder, kept in a file of mode 0600, and the fixed password of old versions is refused",
    () =>
      Effect.gen(function* () {
        const a = Embedded.temporaryDataDir()
        const b = Embedded.temporaryDataDir()
        try {
          const ca = Embedded.credentials(a)
          const cb = Embedded.credentials(b)
          for (const dir of [a, b]) expect(statSync(Embedded.credentialsFile(dir)).mode & 0o777).toBe(0o600)
          const all = [ca.superuser, ca.owner, ca.app, cb.superuser, cb.owner, cb.app]
          expect(new Set(all).size).toBe(6)
          for (const p of all) expect(p).toMatch(/^[0-9a-f]{48}$/)
          // Read back, not made again.
          expect(Embedded.credentials(a)).toEqual(ca)
          const refused = yield* withServer(a, async (s) => {
            expect(new URL(s.url).username).toBe(Roles.app)
            expect(decodeURIComponent(new URL(s.url).password)).toBe(ca.app)
            const fixed = new URL(s.superuserUrl)
            fixed.password = "murojaat"
            return attempt(fixed.toString(), "SELECT 1")
          })
          expect(refused).toBe("28P01") // invalid_password
        } finally {
          Embedded.removeDataDir(a)
          Embedded.removeDataDir(b)
        }
      }),
    180_000
  )
})
