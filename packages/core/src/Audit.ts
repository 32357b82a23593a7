/**
 * The hash-chained audit trail. Each event of an appeal carries the SHA-256 of the previous event
 * of the same appeal (`prevHash`; the first carries `genesis`) and its own `hash`, computed over the
 * canonical JSON (sorted keys, no whitespace) of every field except `hash`. Editing, deleting or
 * reordering any stored event breaks the chain, and `verifyChain` names the first broken link.
 *
 * Deleting the newest events leaves a shorter chain that is still internally valid; to catch that,
 * pass the head you trust (the projection's version and last hash, or a head published elsewhere)
 * as `expectedHead`. An event forged after the end of an appeal (after a terminal event, or
 * anything but a rating or a dispute after `closed`) is reported too, head or no head.
 *
 * @example
 * import { Audit } from "@murojaat/core"
 * Audit.verifyChain([]) // { ok: true, count: 0, head: undefined }
 */
import type * as Event from "./Event.js"
import { canonicalJson } from "./internal/canonical.js"
import { sha256Hex } from "./internal/sha256.js"

/**
 * The `prevHash` of an appeal's first event.
 *
 * @example
 * import { Audit } from "@murojaat/core"
 * Audit.genesis.length // 64
 *
 * @since 0.1.0
 * @category hash chain
 */
export const genesis = "0".repeat(64)

/**
 * Canonical JSON of a value: sorted keys, no whitespace, undefined members dropped.
 *
 * @example
 * import { Audit } from "@murojaat/core"
 * Audit.canonical({ b: 1, a: [true, "x"] }) // '{"a":[true,"x"],"b":1}'
 *
 * @since 0.1.0
 * @category utils
 */
export const canonical = (value: unknown): string => canonicalJson(value)

/**
 * SHA-256 of a string's UTF-8 bytes, as lowercase hex.
 *
 * @example
 * import { Audit } from "@murojaat/core"
 * Audit.sha256("abc").slice(0, 8) // "ba7816bf"
 *
 * @since 0.1.0
 * @category utils
 */
export const sha256 = (s: string): string => sha256Hex(s)

/**
 * The digest of any JSON value (SHA-256 of its canonical JSON).
 *
 * @example
 * import { Audit } from "@murojaat/core"
 * Audit.digest({ a: 1 }) === Audit.digest({ a: 1 }) // true
 *
 * @since 0.1.0
 * @category utils
 */
export const digest = (value: unknown): string => sha256Hex(canonicalJson(value))

/**
 * The hash an event must carry: the digest of all its fields but `hash`.
 *
 * @example
 * import { Actor, Audit } from "@murojaat/core"
 * const [e] = Audit.seal({ version: 0, lastHash: Audit.genesis }, [{ type: "reviewStarted", data: {}, rules: [] }],
 *   { appealId: "A-1", at: "2026-01-05T05:00:00.000Z", actor: Actor.ref(Actor.system("t"), "system") })
 * Audit.hashOf(e!) === e!.hash // true: an untouched event
 *
 * @since 0.1.0
 * @category hash chain
 */
export const hashOf = (event: Omit<Event.AppealEvent, "hash"> & { readonly hash?: string }): string => {
  const { hash: _ignored, ...rest } = event
  return digest(rest)
}

/**
 * What the caller knows about the event being sealed, besides its type and data.
 *
 * @example
 * import { Actor, Audit } from "@murojaat/core"
 * const meta: Audit.SealMeta = { appealId: "A-1", at: "2026-03-02T05:00:00.000Z", actor: Actor.ref(Actor.system("registry"), "system") }
 * meta.actor.kind // "system"
 *
 * @since 0.1.0
 * @category hash chain
 */
export interface SealMeta {
  readonly appealId: string
  readonly at: string
  readonly actor: Event.AppealEvent["actor"]
  readonly causationId?: string | undefined
  readonly correlationId?: string | undefined
}

// The data an event is sealed with: the decided data and the digest of what the event keeps apart
// (its free texts, or the personal data of `received`), appended last. `Object.assign` rather than
// a spread: V8 copies a spread and then adds the new key to a map of its own every time, several
// times slower.
const sealedData = (p: Event.Pending): object => {
  if (p.texts !== undefined) return Object.assign({}, p.data, { textDigest: digest(p.texts) })
  if (p.personal !== undefined) return Object.assign({}, p.data, { personalDigest: digest(p.personal) })
  return p.data
}

/**
 * Seals pending events onto a chain whose head is (`version`, `lastHash`): numbers them, links
 * each to the previous, digests what each keeps apart (its free texts into `data.textDigest`, the
 * personal data of `received` into `data.personalDigest`; see `Event.Pending`), and hashes them.
 *
 * @example
 * import { Audit, Actor } from "@murojaat/core"
 * const meta = { appealId: "A-1", at: "2026-01-05T05:00:00.000Z", actor: Actor.ref(Actor.system("t"), "system") }
 * const [e] = Audit.seal({ version: 0, lastHash: Audit.genesis }, [{ type: "reviewStarted", data: {}, rules: [] }], meta)
 * e!.seq // 1
 * const [x] = Audit.seal({ version: 1, lastHash: e!.hash }, [{ type: "escalated", data: {}, texts: { reason: "overdue" }, rules: [] }], meta)
 * x!.type === "escalated" && x!.data.textDigest === Audit.digest({ reason: "overdue" }) // true
 *
 * @since 0.1.0
 * @category hash chain
 */
export const seal = (
  head: { readonly version: number; readonly lastHash: string },
  pending: ReadonlyArray<Event.Pending>,
  meta: SealMeta
): ReadonlyArray<Event.AppealEvent> => {
  const out: Array<Event.AppealEvent> = []
  let prevHash = head.lastHash
  let seq = head.version
  for (const p of pending) {
    seq++
    const event = {
      id: `${meta.appealId}#${seq}`,
      appealId: meta.appealId,
      seq,
      type: p.type,
      at: meta.at,
      actor: meta.actor,
      ...(meta.causationId !== undefined ? { causationId: meta.causationId } : {}),
      ...(meta.correlationId !== undefined ? { correlationId: meta.correlationId } : {}),
      rules: p.rules,
      data: sealedData(p),
      prevHash,
      // Filled in below; canonical JSON drops an undefined member, so the hash covers every other
      // field (as `hashOf` does), and the key keeps its place without copying the event.
      hash: undefined as string | undefined
    }
    const hash = digest(event)
    event.hash = hash
    out.push(event as Event.AppealEvent)
    prevHash = hash
  }
  return out
}

/**
 * Why a chain is broken.
 *
 * @example
 * import { Audit } from "@murojaat/core"
 * const r: Audit.Breakage = "hashMismatch"
 *
 * @since 0.1.0
 * @category checks
 */
export type Breakage = "hashMismatch" | "prevHashMismatch" | "sequenceGap" | "otherAppeal" | "headMismatch" | "afterEnd"

// What settles the prevention work that exists when an appeal ends: its planned measures and its
// protection order (docs/rules/prevention.md).
const settled: ReadonlyArray<Event.Type> = ["measureCompleted", "measureCancelled", "protectionOrderExtended", "protectionOrderBreached"]

/**
 * The events that end an appeal, each with the events that may still follow it
 * (docs/rules/lifecycle.md): after a terminal one, only what settles its measures and its
 * protection order; after `closed`, a rating, a dispute, and the prevention events; after
 * `handedToCriminalProcedure`, new measures too (prevention goes on beside a criminal case). A chain
 * with anything else after an ending was written behind the lifecycle's back.
 *
 * @example
 * import { Audit } from "@murojaat/core"
 * Audit.endings.closed?.slice(0, 2) // ["rated", "disputed"]
 * Audit.endings.withdrawn // ["measureCompleted", "measureCancelled", "protectionOrderExtended", "protectionOrderBreached"]
 *
 * @since 0.1.0
 * @category hash chain
 */
export const endings: { readonly [T in Event.Type]?: ReadonlyArray<Event.Type> } = {
  closed: ["rated", "disputed", "measurePlanned", ...settled],
  leftWithoutConsideration: settled,
  forwarded: settled,
  handedToCriminalProcedure: ["measurePlanned", ...settled],
  mergedAsDuplicate: settled,
  withdrawn: settled
}

/**
 * The result of checking a chain.
 *
 * @example
 * import { Audit } from "@murojaat/core"
 * const r: Audit.Verification = { ok: true, count: 0, head: undefined }
 *
 * @since 0.1.0
 * @category checks
 */
export type Verification =
  | { readonly ok: true; readonly count: number; readonly head: { readonly seq: number; readonly hash: string } | undefined }
  | {
      readonly ok: false
      /** Index in the given array of the first event that does not fit. */
      readonly index: number
      readonly seq: number | undefined
      readonly reason: Breakage
      readonly detail: string
    }

/**
 * Verifies the events of one appeal, in stored order: sequence numbers 1, 2, 3...; each `prevHash`
 * equal to the previous event's `hash` (`genesis` for the first); each `hash` equal to the recomputed
 * digest; one appeal id throughout; nothing after the appeal ended but what `endings` allows; and,
 * when given, the last event equal to `expectedHead`. Reports the first broken link.
 *
 * @example
 * import { Audit, Actor } from "@murojaat/core"
 * const meta = { appealId: "A-1", at: "2026-01-05T05:00:00.000Z", actor: Actor.ref(Actor.system("t"), "system") }
 * const events = Audit.seal({ version: 0, lastHash: Audit.genesis }, [{ type: "closed", data: {}, rules: [] }], meta)
 * Audit.verifyChain(events).ok // true
 * Audit.verifyChain([{ ...events[0]!, at: "2026-01-06T05:00:00.000Z" }]).ok // false
 * const forged = Audit.seal({ version: 1, lastHash: events[0]!.hash }, [{ type: "reviewStarted", data: {}, rules: [] }], meta)
 * Audit.verifyChain([...events, ...forged]).ok // false: nothing but a rating or a dispute follows `closed`
 *
 * @since 0.1.0
 * @category checks
 */
export const verifyChain = (
  events: ReadonlyArray<Event.AppealEvent>,
  expectedHead?: { readonly seq: number; readonly hash: string }
): Verification => {
  let prev = genesis
  // What may still follow once an ending event was seen (undefined: the appeal has not ended).
  let allowed: ReadonlyArray<string> | undefined
  let ended = ""
  const appealId = events[0]?.appealId
  for (let i = 0; i < events.length; i++) {
    const e = events[i]!
    const fail = (reason: Breakage, detail: string): Verification => ({ ok: false, index: i, seq: e.seq, reason, detail })
    if (e.appealId !== appealId) return fail("otherAppeal", `event belongs to appeal ${e.appealId}, chain is ${appealId}`)
    if (e.seq !== i + 1) return fail("sequenceGap", `expected seq ${i + 1}, found ${e.seq}`)
    if (e.prevHash !== prev) return fail("prevHashMismatch", `prevHash does not match the hash of event ${i}`)
    const recomputed = hashOf(e)
    if (recomputed !== e.hash) return fail("hashMismatch", `stored hash ${e.hash.slice(0, 12)}… but content hashes to ${recomputed.slice(0, 12)}…`)
    if (allowed !== undefined && !allowed.includes(e.type)) return fail("afterEnd", `${e.type} recorded after the appeal ended (${ended})`)
    const ends = endings[e.type]
    if (ends !== undefined && allowed === undefined) {
      allowed = ends
      ended = e.type
    }
    prev = e.hash
  }
  const last = events[events.length - 1]
  if (expectedHead !== undefined && (last?.seq !== expectedHead.seq || last.hash !== expectedHead.hash)) {
    return {
      ok: false,
      index: events.length,
      seq: last?.seq,
      reason: "headMismatch",
      detail: `expected head seq ${expectedHead.seq}, chain ends at ${last?.seq ?? 0}`
    }
  }
  return { ok: true, count: events.length, head: last === undefined ? undefined : { seq: last.seq, hash: last.hash } }
}
