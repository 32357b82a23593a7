/**
 * The audit chain verified in the browser: SHA-256 with WebCrypto over the same canonical JSON as
 * the core (`Audit.canonical`, `Audit.hashOf`, `Audit.verifyChain`). The canonical JSON is the
 * core's own module, bundled, so the bytes hashed here are the bytes the server hashed: an auditor
 * does not have to trust the server's own `verification` answer.
 *
 * @example
 * import { sha256Hex } from "./chain.js"
 * await sha256Hex("abc") // "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
 */
// The core's own modules, bundled: `Audit` only imports the canonical JSON and a portable SHA-256
// (its `Event` import is types only), so the page judges with the core's tables, not a copy.
import * as Audit from "../../../../core/src/Audit.js"
import { canonicalJson } from "../../../../core/src/internal/canonical.js"

/** The `prevHash` of an appeal's first event (`Audit.genesis`). */
export const genesis: string = Audit.genesis

/**
 * An event as the API returns it: only the fields the chain reads are typed; every field is hashed.
 */
export interface ChainEvent {
  readonly appealId: string
  readonly seq: number
  readonly type: string
  readonly prevHash: string
  readonly hash: string
  readonly [field: string]: unknown
}

/**
 * Why a chain is broken (the core's `Audit.Breakage`).
 */
export type Breakage = "hashMismatch" | "prevHashMismatch" | "sequenceGap" | "otherAppeal" | "headMismatch" | "afterEnd"

/** The result of checking a chain (the core's `Audit.Verification`). */
export type Verification =
  | { readonly ok: true; readonly count: number; readonly head: { readonly seq: number; readonly hash: string } | undefined }
  | { readonly ok: false; readonly index: number; readonly seq: number | undefined; readonly reason: Breakage; readonly detail: string }

/** The events that end an appeal, each with what may still follow it: the core's own `Audit.endings`. */
export const endings: Readonly<Record<string, ReadonlyArray<string>>> = Audit.endings

/**
 * SHA-256 of a string's UTF-8 bytes as lowercase hex, with WebCrypto (browsers, Node.js 20+).
 *
 * @example
 * import { sha256Hex } from "./chain.js"
 * (await sha256Hex("")).slice(0, 8) // "e3b0c442"
 */
export const sha256Hex = async (text: string): Promise<string> => {
  const digest = new Uint8Array(await crypto.subtle.digest("SHA-256", new TextEncoder().encode(text)))
  let out = ""
  for (const b of digest) out += b.toString(16).padStart(2, "0")
  return out
}

/**
 * The hash an event must carry: SHA-256 of the canonical JSON of every field but `hash`.
 *
 * @example
 * import { hashOf } from "./chain.js"
 * (await hashOf({ appealId: "A-1", seq: 1, type: "closed", prevHash: "0".repeat(64), hash: "x" })).length // 64
 */
export const hashOf = (event: ChainEvent): Promise<string> => {
  const { hash: _hash, ...rest } = event
  return sha256Hex(canonicalJson(rest))
}

/** One event's own checks: its hash recomputed, its link to the previous event. */
export interface EventCheck {
  readonly seq: number
  readonly recomputed: string
  /** The stored hash is the digest of the stored content. */
  readonly hashOk: boolean
  /** `prevHash` is the previous event's hash (`genesis` for the first). */
  readonly linkOk: boolean
}

/**
 * Checks every event on its own (for marking rows) and the chain as a whole, as `Audit.verifyChain`
 * does: sequence 1, 2, 3…; each `prevHash` the previous `hash`; each `hash` the recomputed digest;
 * one appeal throughout; nothing after an ending but what `endings` allows; and, when given, the
 * last event equal to `expectedHead`. The verdict names the first broken link.
 *
 * @example
 * import { verify } from "./chain.js"
 * const { verdict } = await verify([])
 * verdict.ok // true
 */
export const verify = async (
  events: ReadonlyArray<ChainEvent>,
  expectedHead?: { readonly seq: number; readonly hash: string }
): Promise<{ readonly verdict: Verification; readonly checks: ReadonlyArray<EventCheck> }> => {
  const recomputed = await Promise.all(events.map(hashOf))
  const checks = events.map((e, i) => ({
    seq: e.seq,
    recomputed: recomputed[i]!,
    hashOk: recomputed[i] === e.hash,
    linkOk: e.prevHash === (i === 0 ? genesis : events[i - 1]!.hash)
  }))
  return { verdict: verdictOf(events, checks, expectedHead), checks }
}

const verdictOf = (
  events: ReadonlyArray<ChainEvent>,
  checks: ReadonlyArray<EventCheck>,
  expectedHead: { readonly seq: number; readonly hash: string } | undefined
): Verification => {
  let allowed: ReadonlyArray<string> | undefined
  let ended = ""
  const appealId = events[0]?.appealId
  for (let i = 0; i < events.length; i++) {
    const e = events[i]!
    const fail = (reason: Breakage, detail: string): Verification => ({ ok: false, index: i, seq: e.seq, reason, detail })
    if (e.appealId !== appealId) return fail("otherAppeal", `event belongs to appeal ${e.appealId}, chain is ${appealId}`)
    if (e.seq !== i + 1) return fail("sequenceGap", `expected seq ${i + 1}, found ${e.seq}`)
    if (!checks[i]!.linkOk) return fail("prevHashMismatch", `prevHash does not match the hash of event ${i}`)
    if (!checks[i]!.hashOk) return fail("hashMismatch", `stored hash ${e.hash.slice(0, 12)}… but content hashes to ${checks[i]!.recomputed.slice(0, 12)}…`)
    if (allowed !== undefined && !allowed.includes(e.type)) return fail("afterEnd", `${e.type} recorded after the appeal ended (${ended})`)
    const ends = endings[e.type]
    if (ends !== undefined && allowed === undefined) {
      allowed = ends
      ended = e.type
    }
  }
  const last = events[events.length - 1]
  if (expectedHead !== undefined && (last?.seq !== expectedHead.seq || last.hash !== expectedHead.hash)) {
    return { ok: false, index: events.length, seq: last?.seq, reason: "headMismatch", detail: `expected head seq ${expectedHead.seq}, chain ends at ${last?.seq ?? 0}` }
  }
  return { ok: true, count: events.length, head: last === undefined ? undefined : { seq: last.seq, hash: last.hash } }
}
