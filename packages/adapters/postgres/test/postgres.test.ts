// What only the PostgreSQL adapter has: migrations, the append-only trigger on TRUNCATE, SQLSTATE
// mapping, search by contact, and the embedded server's life cycle.
import { existsSync } from "node:fs"
import { join } from "node:path"
import { SqlClient } from "@effect/sql"
import { describe, expect, it, layer } from "@effect/vitest"
import { AppealState, AppealStore, Audit, Calendar, CalendarStore, Errors, Sample } from "@murojaat/core"
import { Embedded, Migrator, PgCalendarStore, PgQueries, PgStore } from "@murojaat/postgres"
import { Effect, Option } from "effect"
import { reasonOf } from "../src/internal/errors.js"
import { layerUnderTest } from "./support.js"

describe("SQLSTATE -> StoreError.reason", () => {
  const table: ReadonlyArray<[string | undefined, Errors.StoreFailure, boolean]> = [
    ["40001", "serialization", true],
    ["40P01", "serialization", true],
    ["57014", "timeout", true],
    ["55P03", "timeout", true],
    ["08006", "unavailable", true],
    ["08001", "unavailable", true],
    ["53300", "unavailable", true],
    ["57P01", "unavailable", true],
    ["ECONNREFUSED", "unavailable", true],
    ["23505", "constraint", false],
    ["23503", "constraint", false],
    ["XX001", "corrupt", false],
    ["42601", "unknown", false],
    [undefined, "unknown", false]
  ]
  it.each(table)("%s -> %s (retryable %s)", (code, reason, retryable) => {
    expect(reasonOf(code)).toBe(reason)
    expect(new Errors.StoreError({ port: "AppealStore", reason: reasonOf(code), detail: "" }).isRetryable).toBe(retryable)
  })
})

const base = AppealState.initial("x")
let n = 0
// A state committed straight to the store.
const put = (fields: Partial<AppealState.AppealState>) =>
  Effect.gen(function* () {
    const appealId = `PG-${process.pid}-${++n}`
    const events = Audit.seal(base, [{ type: "escalated", data: {}, texts: { reason: "t" }, rules: [] }], {
      appealId,
      at: "2026-03-20T10:00:00.000Z",
      actor: { kind: "system", id: "t", role: "system" }
    })
    const state = { ...base, appealId, status: "assigned" as const, version: 1, lastHash: events[0]!.hash, ...fields }
    yield* Effect.flatMap(AppealStore.AppealStore, (s) => s.commit({ streams: [{ appealId, expectedVersion: 0, events, state }], outbox: [] }))
    return appealId
  })

layer(layerUnderTest({ server: "never" }), { excludeTestServices: true, timeout: "120 seconds" })("postgres adapter", (it) => {
  it.effect("migrations are recorded once, re-running applies nothing, and a changed file is refused", () =>
    Effect.gen(function* () {
      const again = yield* Migrator.migrate
      expect(again).toEqual({ applied: [], version: Migrator.files().length })
      const sql = yield* SqlClient.SqlClient
      yield* sql`UPDATE murojaat.schema_migration SET checksum = 'edited' WHERE version = 1`
      const refused = yield* Effect.either(Migrator.migrate)
      yield* sql`UPDATE murojaat.schema_migration SET checksum = ${Migrator.files()[0]!.checksum} WHERE version = 1`
      expect(refused._tag === "Left" && refused.left.detail).toMatch(/changed after it was applied/)
    })
  )

  it.effect("the directory is decoded once per version: another instance's replacement is seen at once", () =>
    Effect.gen(function* () {
      const mine = yield* PgStore.makeDirectoryStore
      const theirs = yield* PgStore.makeDirectoryStore
      yield* theirs.replace(Sample.directory)
      const first = yield* mine.snapshot
      expect(yield* mine.snapshot).toBe(first) // the same decoded object: nothing decoded again
      const smaller = { ...Sample.directory, officers: Sample.directory.officers.slice(0, 1) }
      yield* theirs.replace(smaller)
      expect((yield* mine.snapshot).officers.map((o) => o.id)).toEqual(["O-101"])
    })
  )

  it.effect("the calendar is compiled once per stored version: another instance's decree is seen at once", () =>
    Effect.gen(function* () {
      const mine = yield* PgCalendarStore.make()
      const theirs = yield* PgCalendarStore.make()
      const year = Calendar.uzbekistan.data.years[Calendar.uzbekistan.data.years.length - 1]!
      yield* theirs.addYears([year])
      const first = yield* mine.current
      expect(yield* mine.current).toBe(first) // the same compiled object: nothing compiled again
      // Another decree for the same year, with one more day off, replaces it everywhere.
      const extra = {
        ...year,
        entries: [...year.entries, { date: `${year.year}-12-30`, kind: "extraDayOff" as const, weeks: ["fiveDay", "sixDay"] as const, name: "Test day off", source: "test decree" }]
      }
      const next = yield* theirs.addYears([extra as unknown as typeof year])
      const seen = yield* mine.current
      expect(seen).not.toBe(first)
      expect(Audit.canonical(seen.data)).toBe(Audit.canonical(next.data))
      // Put the year back as shipped, for the tests that share this database.
      yield* theirs.addYears([year])
      expect(Audit.canonical((yield* mine.current).data)).toBe(Audit.canonical(Calendar.uzbekistan.data))
    })
  )

  it.effect("the event table refuses TRUNCATE too", () =>
    Effect.gen(function* () {
      const sql = yield* SqlClient.SqlClient
      const r = yield* Effect.either(sql`TRUNCATE murojaat.appeal_event`)
      expect(r._tag).toBe("Left")
    })
  )

  it.effect("the calendar in force is shared through the database; a decree replaces its year", () =>
    Effect.gen(function* () {
      const calendars = yield* CalendarStore.CalendarStore
      expect(Audit.canonical((yield* calendars.current).data)).toBe(Audit.canonical(Calendar.uzbekistan.data))
      const year = Calendar.uzbekistan.data.years[Calendar.uzbekistan.data.years.length - 1]!
      const next = yield* calendars.addYears([year])
      const sql = yield* SqlClient.SqlClient
      const rows = yield* sql<{ data: unknown }>`SELECT data FROM murojaat.calendar WHERE id = 1`
      expect(Audit.canonical(rows[0]!.data)).toBe(Audit.canonical(next.data))
      expect(Audit.canonical((yield* calendars.current).data)).toBe(Audit.canonical(next.data))
    })
  )

  it.effect("a stored row that does not decode is a StoreError corrupt naming the path, never the value", () =>
    Effect.gen(function* () {
      const store = yield* AppealStore.AppealStore
      const sql = yield* SqlClient.SqlClient
      const id = yield* put({})
      // The state document altered behind the store's back: a status no appeal can have.
      yield* sql`UPDATE murojaat.appeal SET state = jsonb_set(state::jsonb, '{status}', '"secret-value"')::json WHERE appeal_id = ${id}`
      const loaded = yield* Effect.either(store.load(id))
      expect(loaded._tag === "Left" && loaded.left).toMatchObject({ _tag: "StoreError", reason: "corrupt" })
      expect(loaded._tag === "Left" && loaded.left.detail).toMatch(/state\.status/)
      expect(loaded._tag === "Left" && loaded.left.detail).not.toMatch(/secret-value/)
      const listed = yield* Effect.either(store.query({ assigneeId: undefined, limit: 1000 }))
      expect(listed._tag === "Left" && listed.left).toMatchObject({ _tag: "StoreError", reason: "corrupt" })
      yield* sql`DELETE FROM murojaat.appeal WHERE appeal_id = ${id}`.pipe(Effect.ignore)
      // An event whose envelope is not an event (seq as text) is corrupt too; its content is the chain's to judge.
      const other = yield* put({})
      yield* sql`ALTER TABLE murojaat.appeal_event DISABLE TRIGGER appeal_event_append_only`
      yield* sql`UPDATE murojaat.appeal_event SET body = jsonb_set(body::jsonb, '{seq}', '"one"')::json WHERE appeal_id = ${other}`
      yield* sql`ALTER TABLE murojaat.appeal_event ENABLE TRIGGER appeal_event_append_only`
      const events = yield* Effect.either(store.events(other))
      expect(events._tag === "Left" && events.left).toMatchObject({ _tag: "StoreError", reason: "corrupt" })
    })
  )

  it.effect("search by applicant contact ignores phone formatting and e-mail case", () =>
    Effect.gen(function* () {
      const store = yield* AppealStore.AppealStore
      const id = yield* put({})
      yield* store.commit({
        streams: [
          {
            appealId: id,
            expectedVersion: 1,
            events: [],
            state: Option.getOrThrow(yield* store.load(id)),
            personal: {
              applicant: { type: "individual", surname: "K", name: "A", contact: { phone: "+998 (90) 777-12-34", email: "Anvar@Example.uz" }, declaredFalse: false, consent: { given: true, form: "oral", revoked: false } },
              signatories: [],
              text: { body: "x" },
              attachments: []
            } as never
          }
        ],
        outbox: []
      })
      const q = yield* PgQueries.PgQueries
      expect((yield* q.byContact({ phone: "998907771234" })).map((s) => s.appealId)).toContain(id)
      expect((yield* q.byContact({ email: "anvar@example.UZ" })).map((s) => s.appealId)).toEqual([id])
      expect(yield* q.byContact({})).toEqual([])
    })
  )
})

describe("embedded server", () => {
  it.live(
    "keeps its data in the folder across restarts, listens on 127.0.0.1 only, and stops with its scope",
    () =>
      Effect.gen(function* () {
        const dataDir = Embedded.temporaryDataDir()
        const count = Effect.flatMap(AppealStore.AppealStore, (s) => s.ids(undefined, 1000)).pipe(Effect.map((ids) => ids.length))
        const once = (write: boolean) =>
          Effect.gen(function* () {
            if (write) yield* put({})
            const sql = yield* SqlClient.SqlClient
            const listen = yield* sql<{ v: string }>`SELECT current_setting('listen_addresses') AS v`
            expect(listen[0]!.v).toBe("127.0.0.1")
            return yield* count
          }).pipe(Effect.provide(Embedded.layerEmbedded({ dataDir })))
        expect(yield* once(true)).toBe(1)
        expect(existsSync(join(dataDir, "postmaster.pid"))).toBe(false)
        expect(yield* once(false)).toBe(1)
        Embedded.removeDataDir(dataDir)
      }),
    120_000
  )
})

