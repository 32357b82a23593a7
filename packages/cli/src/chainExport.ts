/**
 * The file `murojaat demo --export` writes and `murojaat verify-chain FILE` reads: appeal events
 * with the head (sequence and hash of the last event) of each appeal at the time of the export.
 *
 * Format 2 (current): `{ "format": "murojaat.events", "version": 2, "heads": [{ appealId, seq,
 * hash }], "events": [...] }`. Without the head, deleting the newest events leaves a shorter chain
 * that is still internally sound; with it, the deletion is a head mismatch.
 *
 * Format 1 (before heads): a JSON array of events, `{ "events": [...] }`, or JSON Lines. Still
 * read, but it cannot prove that no trailing event was removed.
 */
import { Decode } from "@murojaat/core"
import { Either, Schema } from "effect"
import { checkDepth, parseJson, UsageError } from "./Command.js"

/** The `format` member of an export. */
export const format = "murojaat.events"

/** The export format this version writes. */
export const version = 2

/** The head of one appeal's chain when it was exported. */
export interface Head {
  readonly appealId: string
  readonly seq: number
  readonly hash: string
}

const HeadSchema = Schema.Struct({
  appealId: Schema.String.pipe(Schema.minLength(1)),
  seq: Schema.Int.pipe(Schema.greaterThanOrEqualTo(0)),
  hash: Schema.String.pipe(Schema.pattern(/^[0-9a-f]{64}$/))
})

/** The export of events and their heads (format 2). */
export const make = (events: ReadonlyArray<unknown>, heads: ReadonlyArray<Head>) => ({ format, version, heads, events })

/** A read export: its format version, the heads it carries (format 2) and its raw events. */
export interface Parsed {
  readonly version: 1 | 2
  readonly heads: ReadonlyMap<string, { readonly seq: number; readonly hash: string }> | undefined
  readonly events: ReadonlyArray<unknown>
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v)

/** Reads an export of either format; anything else is a `UsageError` naming the file. */
export const parse = (file: string, text: string): Parsed => {
  const trimmed = checkDepth(file, text).trim()
  if (trimmed === "") return { version: 1, heads: undefined, events: [] }
  let whole: unknown
  try {
    whole = JSON.parse(trimmed)
  } catch {
    // JSON Lines: one event per line (format 1).
    const events = trimmed.split("\n").filter((l) => l.trim() !== "").map((line, i) => parseJson(`${file} line ${i + 1}`, line))
    return { version: 1, heads: undefined, events }
  }
  if (Array.isArray(whole)) return { version: 1, heads: undefined, events: whole }
  if (isObject(whole) && whole["format"] === undefined && whole["version"] === undefined && Array.isArray(whole["events"])) {
    return { version: 1, heads: undefined, events: whole["events"] }
  }
  if (!isObject(whole) || whole["format"] !== format) {
    // A single event on one line is JSON Lines with one line.
    if (isObject(whole) && typeof whole["hash"] === "string") return { version: 1, heads: undefined, events: [whole] }
    throw new UsageError(`${file} is not an export of appeal events (expected "format": "${format}")`)
  }
  if (whole["version"] !== version) {
    throw new UsageError(`${file} is export format version ${JSON.stringify(whole["version"])}; this murojaat reads versions 1 and ${version}`)
  }
  if (!Array.isArray(whole["events"]) || !Array.isArray(whole["heads"])) throw new UsageError(`${file}: a version ${version} export has "heads" and "events" arrays`)
  const heads = new Map<string, { seq: number; hash: string }>()
  for (const [i, item] of whole["heads"].entries()) {
    const h = Decode.either(HeadSchema, `head ${i + 1}`)(item)
    if (Either.isLeft(h)) throw new UsageError(h.left.message)
    if (heads.has(h.right.appealId)) throw new UsageError(`${file}: two heads for appeal ${h.right.appealId}`)
    heads.set(h.right.appealId, { seq: h.right.seq, hash: h.right.hash })
  }
  return { version: 2, heads, events: whole["events"] }
}
