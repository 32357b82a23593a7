/**
 * The core's `CalendarStore` port on PostgreSQL: the calendar in force is one row (its data as
 * JSON), shared by every instance. Adding years locks the row, validates the whole resulting
 * calendar (`Calendar.withYears`) and writes it in one transaction; refused data changes nothing.
 * Until a decree is added, the built-in calendar (`Calendar.uzbekistan`, or `initial`) applies.
 * The compiled calendar is kept while its stamp is unchanged; the stamp is read with the
 * directory's in one statement, shared by the callers that arrive while it is in flight, so a
 * decree added by any instance takes effect for the requests that start after the next stamp read
 * completes.
 *
 * @example
 * import { PgCalendarStore } from "@murojaat/postgres"
 * const calendars = PgCalendarStore.make() // Effect<CalendarStore.Service, never, SqlClient>
 */
import { SqlClient, SqlSchema } from "@effect/sql"
import { Calendar, CalendarStore, type Errors } from "@murojaat/core"
import { Effect, Either, Layer, Option, Schema } from "effect"
import { corrupt, orStoreError } from "./internal/errors.js"
import { CalendarDocument, orCorrupt } from "./internal/rows.js"
import * as Stamps from "./internal/stamps.js"

const PORT = "CalendarStore"

/**
 * The calendar store over the `SqlClient` in context.
 *
 * @example
 * import { PgCalendarStore } from "@murojaat/postgres"
 * PgCalendarStore.make()
 */
export const make = (initial: Calendar.Calendar = Calendar.uzbekistan): Effect.Effect<CalendarStore.Service, never, SqlClient.SqlClient> =>
  Effect.map(SqlClient.SqlClient, (sql) => {
    const stored = SqlSchema.findOne({
      Request: Schema.Boolean,
      Result: Schema.Struct({ data: CalendarDocument }),
      execute: (lock) =>
        lock ? sql`SELECT data FROM murojaat.calendar WHERE id = 1 FOR UPDATE` : sql`SELECT data FROM murojaat.calendar WHERE id = 1`
    })
    const read = (lock: boolean) =>
      Effect.flatMap(
        stored(lock).pipe(orCorrupt(PORT, "stored calendar")),
        (row): Effect.Effect<Calendar.Calendar, Errors.StoreError> => {
          if (Option.isNone(row)) return Effect.succeed(initial)
          const data = row.value.data
          const compiled = Calendar.make(data)
          return Either.isRight(compiled) ? Effect.succeed(compiled.right) : Effect.fail(corrupt(PORT, `stored calendar ${data.id} no longer validates`))
        }
      )
    // The compiled calendar is kept while its row is unchanged: the service asks for it on every
    // command, and compiling a calendar each time would cost more than the commit. `updated_at`
    // tells whether any instance loaded a decree since, read with the directory's stamp in one
    // statement shared by concurrent callers (internal/stamps.ts): a decree takes effect for the
    // requests that start after the next stamp read completes.
    const stamps = Stamps.of(sql)
    let cached: { readonly stamp: string; readonly calendar: Calendar.Calendar } | undefined
    const current = Effect.gen(function* () {
      const now = (yield* stamps).calendar
      if (now === undefined) return initial
      if (cached !== undefined && cached.stamp === now) return cached.calendar
      const calendar = yield* read(false)
      cached = { stamp: now, calendar }
      return calendar
    })
    return {
      current: current.pipe(orStoreError(PORT)),
      addYears: (years) =>
        sql
          .withTransaction(
            Effect.gen(function* () {
              const next = Calendar.withYears(yield* read(true), years)
              if (Either.isLeft(next)) return yield* Effect.fail(next.left)
              yield* sql`INSERT INTO murojaat.calendar (id, data) VALUES (1, ${JSON.stringify(next.right.data)})
                ON CONFLICT (id) DO UPDATE SET data = excluded.data, updated_at = now()`
              return next.right
            })
          )
          // Whatever the outcome (a commit whose answer was lost may have happened): this instance reads next.
          .pipe(Effect.ensuring(Stamps.changed(sql)), orStoreError(PORT))
    }
  })

/**
 * The calendar store over the `SqlClient` in context.
 *
 * @example
 * import { PgCalendarStore } from "@murojaat/postgres"
 * PgCalendarStore.layer()
 */
export const layer = (initial?: Calendar.Calendar): Layer.Layer<CalendarStore.CalendarStore, never, SqlClient.SqlClient> =>
  Layer.effect(CalendarStore.CalendarStore, make(initial))

