/**
 * What a store can hold as a key, the same on every adapter. Keys are the values a store finds
 * rows by or indexes: appeal ids, event and outbox message ids, idempotency keys, registration
 * numbers, and the projection's index columns (codes, assignee, category, applicant reference).
 * PostgreSQL cannot hold U+0000 in text, turns a lone surrogate into U+FFFD (so two different ids
 * would become one), and refuses index entries of more than about 2,700 bytes; so every adapter,
 * the in-memory one included, refuses such keys in a commit with `StoreError` reason
 * `invalidInput` (reads of such a key simply find nothing). Documents (events, states, personal
 * data) hold any string JSON can carry.
 *
 * @example
 * import { StoreKey } from "@murojaat/core"
 * StoreKey.problem("A-000001") // undefined
 * StoreKey.problem("A\u0000") // "nul"
 */
import type * as AppealStore from "./AppealStore.js"
import * as Errors from "./Errors.js"

/**
 * The longest key, in UTF-16 code units: three keys of an index (at most 3 bytes of UTF-8 per
 * unit) stay under PostgreSQL's B-tree entry limit (about 2,700 bytes).
 *
 * @example
 * import { StoreKey } from "@murojaat/core"
 * StoreKey.maxLength // 256
 *
 * @since 0.1.0
 * @category checks
 */
export const maxLength = 256

/**
 * Why a string cannot be a key.
 *
 * @example
 * import { StoreKey } from "@murojaat/core"
 * const p: StoreKey.Problem = "tooLong"
 *
 * @since 0.1.0
 * @category checks
 */
export type Problem = "nul" | "loneSurrogate" | "tooLong"

const loneSurrogate = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/

/**
 * Why `s` cannot be an identifying key (an id, an idempotency key, a registration number), or
 * `undefined` when it can.
 *
 * @example
 * import { StoreKey } from "@murojaat/core"
 * StoreKey.problem("x".repeat(257)) // "tooLong"
 * StoreKey.problem("\uD800") // "loneSurrogate"
 * StoreKey.problem("Oʻzbekiston 🇺🇿") // undefined
 *
 * @since 0.1.0
 * @category checks
 */
export const problem = (s: string): Problem | undefined =>
  s.length > maxLength ? "tooLong" : s.includes("\u0000") ? "nul" : loneSurrogate.test(s) ? "loneSurrogate" : undefined

/**
 * Whether `s` can be an identifying key.
 *
 * @example
 * import { StoreKey } from "@murojaat/core"
 * StoreKey.isStorable("idem-1") // true
 *
 * @since 0.1.0
 * @category checks
 */
export const isStorable = (s: string): boolean => problem(s) === undefined

const words: Record<Problem, string> = {
  nul: "contains U+0000",
  loneSurrogate: "contains a lone surrogate (not well-formed Unicode)",
  tooLong: `longer than ${maxLength} characters`
}

/**
 * The error for a key that cannot be stored; names the field, never echoes the value.
 *
 * @example
 * import { StoreKey } from "@murojaat/core"
 * StoreKey.invalid("AppealStore", "appealId", "nul").reason // "invalidInput"
 *
 * @since 0.1.0
 * @category errors
 */
export const invalid = (port: string, field: string, p: Problem): Errors.StoreError =>
  new Errors.StoreError({ port, reason: "invalidInput", detail: `${field} ${words[p]}` })

/**
 * The error every adapter gives for a commit that would give a registration number to a second
 * appeal (registration numbers carry the district and the Tashkent year: unique per district and year).
 *
 * @example
 * import { StoreKey } from "@murojaat/core"
 * StoreKey.duplicateRegistration().reason // "constraint"
 *
 * @since 0.1.0
 * @category errors
 */
export const duplicateRegistration = (port = "AppealStore"): Errors.StoreError =>
  new Errors.StoreError({ port, reason: "constraint", detail: "registrationNumber is already given to another appeal (unique per district and year)" })

/**
 * The first key of a commit that no adapter can store, as the error to fail with; `undefined`
 * when every key is storable. Identifying keys must be `isStorable`; other indexed fields at most
 * `maxLength` long (their index copies may replace U+0000; queries re-check the document).
 *
 * @example
 * import { AppealState, StoreKey } from "@murojaat/core"
 * StoreKey.checkCommit({ streams: [], outbox: [], idempotency: { key: "k\u0000", fingerprint: "f", response: null } })?.detail
 * // "idempotency.key contains U+0000"
 *
 * @since 0.1.0
 * @category checks
 */
export const checkCommit = (commit: AppealStore.Commit, port = "AppealStore"): Errors.StoreError | undefined => {
  const ids: Array<readonly [string, string | undefined]> = []
  const indexed: Array<readonly [string, string | undefined]> = []
  if (commit.idempotency !== undefined) ids.push(["idempotency.key", commit.idempotency.key])
  for (const w of commit.streams) {
    const s = w.state
    ids.push(["appealId", w.appealId], ["state.appealId", s.appealId], ["state.registrationNumber", s.registrationNumber])
    for (const e of w.events) ids.push(["event.appealId", e.appealId], ["event.id", e.id])
    indexed.push(
      ["state.regionCode", s.regionCode],
      ["state.districtCode", s.districtCode],
      ["state.mahallaCode", s.mahallaCode],
      ["state.applicantRef", s.applicantRef],
      ["state.assigneeId", s.assigneeId],
      ["state.category", s.category]
    )
    const contact = (w.personal as { readonly applicant?: { readonly contact?: { readonly email?: unknown; readonly phone?: unknown } } } | undefined)?.applicant?.contact
    for (const [field, v] of [["personal.contact.email", contact?.email], ["personal.contact.phone", contact?.phone]] as const) {
      if (typeof v === "string") indexed.push([field, v])
    }
  }
  for (const m of commit.outbox) ids.push(["outbox.id", m.id], ["outbox.appealId", m.appealId])
  for (const [field, v] of ids) {
    const p = v === undefined ? undefined : problem(v)
    if (p !== undefined) return invalid(port, field, p)
  }
  for (const [field, v] of indexed) if (v !== undefined && v.length > maxLength) return invalid(port, field, "tooLong")
  return undefined
}
