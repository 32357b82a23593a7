/**
 * The analytics record of one appeal: what prevention analytics count, derived from the appeal's
 * state, its events and (for the address key only) its personal data, at an instant. Every
 * analytics computation (`Hotspots`, `Repeats`, `UnitRating`, `ProtectionOrder.suggestions`) reads
 * facts, never states or events, so an adapter that stores facts (the PostgreSQL adapter's
 * `appeal_fact` table) and one that derives them on the fly give the same answers.
 *
 * A fact holds codes, flags, times and counts. It holds two keys that link appeals of the same
 * person or place and are personal data: `applicantRef` (the operator's opaque account reference)
 * and `addressKey` (a SHA-256 digest of the mahalla and the normalised address, see
 * `addressKeyOf`); analytics use them to group appeals and never put them in aggregates, and
 * signals show them only to readers who may see personal data.
 *
 * Definitions (docs/rules/prevention.md lists them with their sources):
 * - counted: every received appeal except one merged as a duplicate (it counts with the appeal it
 *   joined; rule `analytics.duplicatesOnce`);
 * - period: the appeal's true date of receipt (ZRU-445 Art. 23 and 28), in Tashkent time;
 * - deadline-violated: at least one legal clock `overdue`, `metLate` or `stoppedLate` when the
 *   fact was computed (`Deadline.violated`), or, later, a running clock whose nearest due time has
 *   passed (`violatedAt`);
 * - repeated: linked `repeatOf` an earlier appeal (a repeated appeal in the law's sense, ZRU-445);
 * - measures: the preventive measures recorded on the appeal and not cancelled, and a protection
 *   order issued on it.
 *
 * @example
 * import { AppealFact, AppealState } from "@murojaat/core"
 * const state = { ...AppealState.initial("A-1"), status: "inReview" as const, kind: "shikoyat" as const, regionCode: "R1", districtCode: "D1",
 *   mahallaCode: "M1", receivedAt: "2026-03-02T10:00:00+05:00", category: "domesticViolence", flags: ["domesticViolence"] }
 * const fact = AppealFact.of({ state, events: [], asOf: "2026-03-03T10:00:00+05:00" })
 * fact?.receivedAt // "2026-03-02T05:00:00.000Z"
 * fact?.category // "domesticViolence"
 *
 * @since 0.2.0
 */
import { Either, Schema } from "effect"
import * as Appeal from "./Appeal.js"
import * as AppealState from "./AppealState.js"
import * as Audit from "./Audit.js"
import * as Command from "./Command.js"
import * as Deadline from "./Deadline.js"
import * as LocalTime from "./internal/localTime.js"
import * as Normalize from "./Normalize.js"
import * as PreventiveMeasure from "./PreventiveMeasure.js"
import * as ProtectionOrder from "./ProtectionOrder.js"

/**
 * The category of an appeal not triaged yet.
 *
 * @example
 * import { AppealFact } from "@murojaat/core"
 * AppealFact.unclassified // "unclassified"
 *
 * @since 0.2.0
 * @category models
 */
export const unclassified = "unclassified"

const Instant = Schema.String.pipe(Schema.pattern(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/)).annotations({
  description: "an instant in UTC, as Date.toISOString writes it"
})

/**
 * The analytics record of one appeal (see the module's definitions). Instants are UTC
 * (`toISOString`), so they compare as text.
 *
 * @example
 * import { AppealFact } from "@murojaat/core"
 * Object.keys(AppealFact.Fact.fields).includes("violated") // true
 *
 * @since 0.2.0
 * @category models
 */
export const Fact = Schema.Struct({
  appealId: Schema.String,
  /** The appeal's version the fact was computed from. */
  version: Schema.NonNegativeInt,
  regionCode: Schema.String,
  districtCode: Schema.String,
  mahallaCode: Schema.String,
  kind: Appeal.Kind,
  category: Schema.String,
  flags: Schema.Array(Schema.String),
  status: AppealState.Status,
  receivedAt: Instant,
  /** False for an appeal merged as a duplicate (it counts with the appeal it joined). */
  counted: Schema.Boolean,
  registered: Schema.Boolean,
  outcome: Schema.optional(Command.Outcome),
  assigneeId: Schema.optional(Schema.String),
  /** The applicant's rating of the answer, 1 to 5. */
  rating: Schema.optional(Schema.Int.pipe(Schema.between(1, 5))),
  /** The earlier appeal this one repeats (ZRU-445: repeated appeal). */
  repeatOf: Schema.optional(Schema.String),
  /** A legal clock was violated when the fact was computed. */
  violated: Schema.Boolean,
  /** The nearest due time of the clocks still running when the fact was computed. */
  dueAt: Schema.optional(Instant),
  /** Personal data (a link between appeals): the operator's account reference of the applicant. */
  applicantRef: Schema.optional(Schema.String),
  /** Personal data (a link between appeals): the digest of the mahalla and the normalised address. */
  addressKey: Schema.optional(Schema.String),
  /** Kinds of the measures on the appeal that are planned or done, and `protectionOrder` when one was issued. */
  measures: Schema.Array(PreventiveMeasure.Kind),
  /** The end of the protection order issued on the appeal, if any. */
  orderUntil: Schema.optional(Instant),
  computedAt: Instant
})
/** @see Fact */
export type Fact = typeof Fact.Type

const utc = (text: string | undefined): string | undefined => {
  if (text === undefined) return undefined
  const ms = LocalTime.parseInstant(text)
  return ms === undefined ? undefined : new Date(ms).toISOString()
}

/**
 * The address key of an appeal: the SHA-256 digest of its mahalla and its address, normalised
 * (Latin script, lower case, apostrophes and the letters hurried typing confuses folded, words
 * only), so "Bodomzor koʻchasi 12" and "бодомзор кўчаси, 12" meet. The address is the place of the
 * matter when the appeal names one, else the residence of an individual applicant; `undefined`
 * when there is neither. It is a pseudonym, still personal data: it is erased with the appeal's
 * personal data.
 *
 * @example
 * import { AppealFact } from "@murojaat/core"
 * const a = AppealFact.addressKeyOf({ applicant: { type: "individual", residence: "Bodomzor koʻchasi 12", declaredFalse: false, contact: {},
 *   consent: { given: true, form: "oral", revoked: false } }, signatories: [], text: { body: "x" }, attachments: [] }, "M1")
 * const b = AppealFact.addressKeyOf({ applicant: { type: "individual", residence: "бодомзор кўчаси, 12", declaredFalse: false, contact: {},
 *   consent: { given: true, form: "oral", revoked: false } }, signatories: [], text: { body: "x" }, attachments: [] }, "M1")
 * a === b // true
 *
 * @since 0.2.0
 * @category keys
 */
export const addressKeyOf = (personal: Appeal.Personal, mahallaCode: string): string | undefined => {
  const address = personal.address ?? (personal.applicant.type === "individual" ? personal.applicant.residence : undefined)
  if (address === undefined) return undefined
  const words = Normalize.normalize(address)
    .split(/[^\p{L}\p{N}ʻʼ]+/u)
    .filter((w) => w !== "")
    .map(Normalize.key)
  return words.length === 0 ? undefined : Audit.digest({ mahallaCode, address: words.join(" ") })
}

/**
 * What a fact is computed from: the appeal's state and events, its personal data when the reader
 * computing it may read it (only for the address key), the instant, and the deadline options the
 * service counts with (calendar, counting settings).
 *
 * @example
 * import { AppealFact, AppealState } from "@murojaat/core"
 * const input: AppealFact.Input = { state: AppealState.initial("A-1"), events: [], asOf: "2026-03-03T10:00:00+05:00" }
 *
 * @since 0.2.0
 * @category derive
 */
export interface Input {
  readonly state: AppealState.AppealState
  readonly events: ReadonlyArray<Deadline.EventInput & { readonly appealId?: string }>
  readonly personal?: Appeal.Personal | undefined
  readonly asOf: string
  readonly deadlines?: Deadline.Options | undefined
}

// A clock that still runs (or waits for the applicant) has a due time ahead of the appeal.
const running: ReadonlySet<Deadline.ClockState> = new Set(["running", "dueSoon", "overdue", "paused"])

/**
 * The fact of an appeal at `asOf`, or `undefined` for an appeal not received yet (no place, no
 * kind, no time of receipt). Deadline violation comes from `Deadline.status(events, asOf)`; an
 * appeal whose clocks cannot be computed counts as not violated (the service refuses to store
 * one). Measures come from the measure events (`PreventiveMeasure.fromEvents`) and the protection
 * order from its events (`ProtectionOrder.fold`).
 *
 * @example
 * import { AppealFact, AppealState } from "@murojaat/core"
 * const state = { ...AppealState.initial("A-1"), status: "registered" as const, kind: "ariza" as const, regionCode: "R1", districtCode: "D1",
 *   mahallaCode: "M1", receivedAt: "2026-03-02T10:00:00+05:00", registrationNumber: "D1-2026-1" }
 * const events = [{ type: "received", at: "2026-03-02T10:00:00+05:00", data: { kind: "ariza" } },
 *   { type: "registered", at: "2026-03-02T10:05:00+05:00", data: { registrationNumber: "D1-2026-1" } }]
 * // Not answered 15 days after receipt: the consideration clock is overdue.
 * AppealFact.of({ state, events, asOf: "2026-04-01T10:00:00+05:00" })?.violated // true
 * AppealFact.of({ state, events, asOf: "2026-03-03T10:00:00+05:00" })?.violated // false
 *
 * @since 0.2.0
 * @category derive
 */
export const of = (input: Input): Fact | undefined => {
  const s = input.state
  const receivedAt = utc(s.receivedAt)
  const computedAt = utc(input.asOf)
  if (s.kind === undefined || s.regionCode === undefined || s.districtCode === undefined || s.mahallaCode === undefined) return undefined
  if (receivedAt === undefined || computedAt === undefined) return undefined
  const report = Deadline.status(input.events, input.asOf, { ...input.deadlines, explain: false })
  let violated = false
  let nearest = Number.POSITIVE_INFINITY
  if (Either.isRight(report)) {
    for (const c of report.right.clocks) {
      if (Deadline.violated.has(c.state)) violated = true
      if (running.has(c.state)) nearest = Math.min(nearest, LocalTime.parseInstant(c.dueAt) ?? Number.POSITIVE_INFINITY)
    }
  }
  const withId = input.events.map((e) => ({ ...e, appealId: e.appealId ?? s.appealId }))
  const measures = PreventiveMeasure.fromEvents(withId).filter((m) => m.status !== "cancelled")
  const order = input.events.reduce(ProtectionOrder.fold, undefined as ProtectionOrder.Order | undefined)
  const orderUntil = utc(order?.validUntil ?? s.protectionOrder?.validUntil)
  const kinds: Array<PreventiveMeasure.Kind> = [...new Set(measures.map((m) => m.kind))]
  if (orderUntil !== undefined) kinds.push("protectionOrder")
  const repeatOf = s.links.find((l) => l.kind === "repeatOf")?.appealId
  const addressKey = input.personal === undefined ? undefined : addressKeyOf(input.personal, s.mahallaCode)
  return {
    appealId: s.appealId,
    version: s.version,
    regionCode: s.regionCode,
    districtCode: s.districtCode,
    mahallaCode: s.mahallaCode,
    kind: s.kind,
    category: s.category ?? unclassified,
    flags: s.flags,
    status: s.status,
    receivedAt,
    counted: s.status !== "mergedAsDuplicate",
    registered: s.registeredAt !== undefined || s.registrationNumber !== undefined,
    ...(s.outcome !== undefined ? { outcome: s.outcome } : {}),
    ...(s.assigneeId !== undefined ? { assigneeId: s.assigneeId } : {}),
    // A rating is 1 to 5 (`rate`); anything else a store might hold is no rating.
    ...(s.rating !== undefined && Number.isInteger(s.rating) && s.rating >= 1 && s.rating <= 5 ? { rating: s.rating } : {}),
    ...(repeatOf !== undefined ? { repeatOf } : {}),
    violated,
    ...(Number.isFinite(nearest) ? { dueAt: new Date(nearest).toISOString() } : {}),
    ...(s.applicantRef !== undefined ? { applicantRef: s.applicantRef } : {}),
    ...(addressKey !== undefined ? { addressKey } : {}),
    measures: kinds,
    ...(orderUntil !== undefined ? { orderUntil } : {}),
    computedAt
  }
}

/**
 * Whether the appeal's terms count as violated at `asOf`: violated when the fact was computed, or
 * a clock still running then whose nearest due time is before `asOf` (rule `analytics.violated`).
 * A stored fact is so kept right between two computations without reading the events again.
 *
 * @example
 * import { AppealFact } from "@murojaat/core"
 * const f = { violated: false, dueAt: "2026-03-17T13:00:00.000Z" }
 * AppealFact.violatedAt(f, "2026-03-18T05:00:00.000Z") // true
 * AppealFact.violatedAt(f, "2026-03-17T05:00:00.000Z") // false
 *
 * @since 0.2.0
 * @category derive
 */
export const violatedAt = (fact: Pick<Fact, "violated" | "dueAt">, asOf: string): boolean =>
  fact.violated || (fact.dueAt !== undefined && fact.dueAt < (utc(asOf) ?? ""))

/**
 * The fact without its personal links (`applicantRef`, `addressKey`): what a reader who may not
 * see personal data gets.
 *
 * @example
 * import { AppealFact } from "@murojaat/core"
 * AppealFact.withoutPersonal({ appealId: "A-1", applicantRef: "u-1", addressKey: "ab" } as AppealFact.Fact) // { appealId: "A-1" }
 *
 * @since 0.2.0
 * @category keys
 */
export const withoutPersonal = (fact: Fact): Fact => {
  const { applicantRef: _a, addressKey: _k, ...rest } = fact
  return rest as Fact
}

/**
 * Which appeals an analytics query reads: all, a region's, a district's, or some mahallas' (an
 * inspector's territory).
 *
 * @example
 * import { AppealFact } from "@murojaat/core"
 * const a: AppealFact.Area = { mahallaCodes: ["M1", "M2"] }
 *
 * @since 0.2.0
 * @category areas
 */
export type Area =
  | { readonly all: true }
  | { readonly regionCode: string }
  | { readonly districtCode: string }
  | { readonly mahallaCodes: ReadonlyArray<string> }

/**
 * Whether a fact lies in an area.
 *
 * @example
 * import { AppealFact } from "@murojaat/core"
 * AppealFact.inArea({ regionCode: "R1", districtCode: "D1", mahallaCode: "M1" }, { mahallaCodes: ["M2"] }) // false
 * AppealFact.inArea({ regionCode: "R1", districtCode: "D1", mahallaCode: "M1" }, { districtCode: "D1" }) // true
 *
 * @since 0.2.0
 * @category areas
 */
export const inArea = (fact: Pick<Fact, "regionCode" | "districtCode" | "mahallaCode">, area: Area): boolean =>
  "all" in area
    ? true
    : "regionCode" in area
      ? fact.regionCode === area.regionCode
      : "districtCode" in area
        ? fact.districtCode === area.districtCode
        : area.mahallaCodes.includes(fact.mahallaCode)

/**
 * Whether a fact's receipt lies in `[from, to)` (instants of any offset).
 *
 * @example
 * import { AppealFact } from "@murojaat/core"
 * AppealFact.receivedIn({ receivedAt: "2026-02-28T19:00:00.000Z" }, { from: "2026-03-01T00:00:00+05:00", to: "2026-04-01T00:00:00+05:00" }) // true
 *
 * @since 0.2.0
 * @category areas
 */
export const receivedIn = (fact: Pick<Fact, "receivedAt">, interval: { readonly from: string; readonly to: string }): boolean => {
  const from = utc(interval.from)
  const to = utc(interval.to)
  return from !== undefined && to !== undefined && from <= fact.receivedAt && fact.receivedAt < to
}

/**
 * The facts that can belong to a signal: linked `repeatOf` an earlier appeal, the earlier appeal a
 * fact of the list repeats, or sharing their address key or their applicant with another fact of
 * the list. Signals and protection-order
 * suggestions read only these, so an adapter may hand over just these (`Analytics.Service.linkedFacts`).
 *
 * @example
 * import { AppealFact } from "@murojaat/core"
 * const f = (appealId: string, applicantRef?: string) => ({ appealId, ...(applicantRef ? { applicantRef } : {}) }) as AppealFact.Fact
 * AppealFact.linked([f("A-1", "u-1"), f("A-2", "u-1"), f("A-3", "u-2"), f("A-4")]).map((x) => x.appealId) // ["A-1", "A-2"]
 *
 * @since 0.2.0
 * @category keys
 */
export const linked = (facts: ReadonlyArray<Fact>): ReadonlyArray<Fact> => {
  const tally = (key: (f: Fact) => string | undefined) => {
    const n = new Map<string, number>()
    for (const f of facts) {
      const k = key(f)
      if (k !== undefined) n.set(k, (n.get(k) ?? 0) + 1)
    }
    return (f: Fact) => {
      const k = key(f)
      return k !== undefined && n.get(k)! > 1
    }
  }
  const sharedAddress = tally((f) => f.addressKey)
  const sharedApplicant = tally((f) => f.applicantRef)
  const repeated = new Set(facts.flatMap((f) => (f.repeatOf === undefined ? [] : [f.repeatOf])))
  return facts.filter((f) => f.repeatOf !== undefined || repeated.has(f.appealId) || sharedAddress(f) || sharedApplicant(f))
}

/**
 * The instant as the facts write it (UTC, `toISOString`), or `undefined` when the text is not an
 * instant (a text without an offset is read as Tashkent time).
 *
 * @example
 * import { AppealFact } from "@murojaat/core"
 * AppealFact.instant("2026-03-01T00:00:00+05:00") // "2026-02-28T19:00:00.000Z"
 *
 * @since 0.2.0
 * @category utils
 */
export const instant = (text: string): string | undefined => utc(text)
