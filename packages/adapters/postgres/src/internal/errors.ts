import { Errors, StoreKey } from "@murojaat/core"
import type { SqlError } from "@effect/sql/SqlError"
import { Effect } from "effect"

// The SQLSTATE of a driver error, or its Node errno code (ECONNREFUSED...) when the server was never reached.
const codeOf = (e: unknown): string | undefined => {
  let cur: unknown = e
  for (let i = 0; i < 4 && cur !== null && typeof cur === "object"; i++) {
    const c = (cur as { code?: unknown }).code
    if (typeof c === "string") return c
    cur = (cur as { cause?: unknown }).cause
  }
  return undefined
}

/**
 * Maps a PostgreSQL SQLSTATE (or a socket errno) to the closed `StoreError.reason`.
 * Classes: 40001/40P01 serialization and deadlock; 57014 statement timeout, 55P03 lock timeout,
 * 25P03 idle-in-transaction timeout; 08 connection, 53 insufficient resources, 57P01-57P05
 * shutdown/crash, 3D000 database missing; 23 integrity constraints; XX001/XX002 corrupted data;
 * values the server cannot hold (22P05 untranslatable character, 22021 invalid byte sequence such
 * as U+0000, 54000 an index entry too large) are `invalidInput`, as `StoreKey` refuses them in memory.
 */
export const reasonOf = (code: string | undefined): Errors.StoreFailure => {
  if (code === undefined) return "unknown"
  if (code === "40001" || code === "40P01") return "serialization"
  if (code === "57014" || code === "55P03" || code === "25P03" || code === "ETIMEDOUT") return "timeout"
  if (code.startsWith("08") || code.startsWith("53") || /^57P0[1-5]$/.test(code) || code === "3D000") return "unavailable"
  if (/^E(CONNREFUSED|CONNRESET|PIPE|HOSTUNREACH|NETUNREACH|AI_AGAIN|NOTFOUND)$/.test(code)) return "unavailable"
  if (code.startsWith("23")) return "constraint"
  if (code === "XX001" || code === "XX002") return "corrupt"
  if (code === "22P05" || code === "22021" || code === "54000") return "invalidInput"
  return "unknown"
}

// The message of the driver error without its `detail` (which may quote row values, i.e. personal data).
const messageOf = (e: SqlError): string => {
  const cause = e.cause as { message?: unknown } | undefined
  return typeof cause?.message === "string" ? cause.message : e.message
}

// The constraint a driver error names (23505 on a unique index), if any.
const constraintOf = (e: SqlError): string | undefined => {
  const c = (e.cause as { constraint?: unknown } | undefined)?.constraint
  return typeof c === "string" ? c : undefined
}

/** Converts an `SqlError` to the port's `StoreError`. */
export const toStoreError = (port: string) => (e: SqlError): Errors.StoreError => {
  const code = codeOf(e.cause)
  // The same error the in-memory store gives for a second appeal with a taken number.
  if (code === "23505" && constraintOf(e) === "appeal_registration_number_key") return StoreKey.duplicateRegistration(port)
  return new Errors.StoreError({ port, reason: reasonOf(code), detail: `${code ?? "no-code"}: ${messageOf(e)}` })
}

/** Runs a database effect, failing with the port's `StoreError` on any SQL error. */
export const orStoreError =
  (port: string) =>
  <A, E, R>(self: Effect.Effect<A, E | SqlError, R>): Effect.Effect<A, Exclude<E, SqlError> | Errors.StoreError, R> =>
    Effect.catchIf(
      self,
      (e): e is SqlError => typeof e === "object" && e !== null && (e as { _tag?: unknown })._tag === "SqlError",
      (e) => Effect.fail(toStoreError(port)(e))
    ) as Effect.Effect<A, Exclude<E, SqlError> | Errors.StoreError, R>

/** A stored row that does not match its own document: reported, never repaired silently. */
export const corrupt = (port: string, detail: string): Errors.StoreError => new Errors.StoreError({ port, reason: "corrupt", detail })
