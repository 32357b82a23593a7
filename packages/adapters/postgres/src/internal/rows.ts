// The shapes of the rows this adapter reads, as Effect Schemas: every row is decoded, never cast.
// A row that does not decode is a `StoreError` with reason `corrupt` (the store holds something
// its own writes could not have produced), reported with the paths that failed, never the values
// (which may be personal data).
import { Appeal, AppealState, Calendar, Directory, Errors, Event } from "@murojaat/core"
import { Cause, Effect, ParseResult, Schema } from "effect"
import { corrupt } from "./errors.js"

// Documents are stored as `JSON.stringify` of the domain value, so they are read against the
// schema's type side (`typeSchema`: refinements kept, no transformation applied twice).

/** The state document of a projection row. */
export const StateDocument = Schema.typeSchema(AppealState.AppealState)

// Any key the store accepts (`StoreKey`) is an appeal id here, as in the state document: the
// store keeps what it was given, the service's stricter `Appeal.AppealId` is checked at intake.
const Envelope = Schema.Struct({ ...Event.envelope, appealId: Schema.String, type: Schema.String, data: Schema.Unknown })
const isEnvelope = Schema.is(Envelope)
const isEvent = (u: unknown): u is Event.AppealEvent => isEnvelope(u) && Event.types.some((t) => t === u.type)

/**
 * An event document. Its envelope (ids, seq, hashes, time, actor, type) is checked; its content is
 * attested by the hash chain instead: an event edited behind the store's back must still be read,
 * so that `Audit.verifyChain` reports where the chain breaks rather than the read failing.
 */
export const EventDocument: Schema.Schema<Event.AppealEvent> = Schema.declare(isEvent, {
  identifier: "EventDocument"
})

/** The personal-data document of an appeal. */
export const PersonalDocument = Schema.typeSchema(Appeal.Personal)
/** The free texts of one event. */
export const TextsDocument = Schema.typeSchema(Event.Texts)
/** The directory snapshot. */
export const DirectoryDocument = Schema.typeSchema(Directory.Directory)
/** One officer of the directory. */
export const OfficerDocument = Schema.typeSchema(Directory.Officer)
/** The calendar in force. */
export const CalendarDocument = Schema.typeSchema(Calendar.CalendarData)

/** A `bigint` column (the driver gives int8 as text). */
export const BigIntText = Schema.String
/** A `timestamptz` column as the driver parses it. */
export const Timestamp = Schema.DateFromSelf

/** The paths of the first issues of a parse error, without their messages (which quote the values). */
export const failedPaths = (e: ParseResult.ParseError): string =>
  ParseResult.ArrayFormatter.formatErrorSync(e)
    .slice(0, 3)
    .map((i) => (i.path.length === 0 ? "(row)" : i.path.join(".")))
    .join(", ")

/**
 * Turns a row that does not decode (`ParseError`) or a row that must exist and does not
 * (`NoSuchElementException`) into the port's `StoreError` with reason `corrupt`.
 */
export const orCorrupt =
  (port: string, what: string) =>
  <A, E, R>(self: Effect.Effect<A, E, R>): Effect.Effect<A, Exclude<E, Extract<E, ParseResult.ParseError | Cause.NoSuchElementException>> | Errors.StoreError, R> =>
    Effect.catchIf(
      self,
      (e): e is Extract<E, ParseResult.ParseError | Cause.NoSuchElementException> => ParseResult.isParseError(e) || Cause.isNoSuchElementException(e),
      (e) => Effect.fail(corrupt(port, ParseResult.isParseError(e) ? `${what}: a row does not decode (${failedPaths(e)})` : `${what}: no row returned`))
    )

/** Decodes the rows of a query built at run time (dynamic WHERE clauses), for `Effect.flatMap`. */
export const decodeRows = <A, I>(row: Schema.Schema<A, I>) => Schema.decodeUnknown(Schema.Array(row))
