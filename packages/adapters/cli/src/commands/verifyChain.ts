/**
 * `murojaat verify-chain FILE` or `murojaat verify-chain --stored [--appeal ID] [--database URL | --data-dir DIR]`
 *
 * Verifies the hash chains of appeal events exported to FILE (a JSON array of events, an object
 * with an `events` array, or JSON Lines). Events are grouped by appeal, in file order. Prints a JSON
 * report per appeal; exit 0 when every chain is intact, 1 when any is broken, 2 on unreadable input.
 * With `--stored` it checks the appeals stored in PostgreSQL instead (all, or `--appeal ID`): the same
 * as `murojaat verify-db`.
 */
import { parseArgs } from "node:util"
import { Audit, Decode, Either, Event } from "@murojaat/core"
import { type Command, define, printJson, readText, UsageError } from "../Command.js"
import { verifyDb } from "./verifyDb.js"

const usage =
  "murojaat verify-chain FILE   (JSON array, {\"events\": [...]}, or JSON Lines)\n       murojaat verify-chain --stored [--appeal ID] [--database URL | --data-dir DIR]"

const parse = (file: string, text: string): ReadonlyArray<unknown> => {
  const trimmed = text.trim()
  if (trimmed === "") return []
  try {
    const v = JSON.parse(trimmed) as unknown
    if (Array.isArray(v)) return v
    if (typeof v === "object" && v !== null && Array.isArray((v as { events?: unknown }).events)) return (v as { events: ReadonlyArray<unknown> }).events
    return [v]
  } catch {
    return trimmed.split("\n").filter((l) => l.trim() !== "").map((line, i) => {
      try {
        return JSON.parse(line) as unknown
      } catch (e) {
        throw new UsageError(`${file} line ${i + 1} is not JSON: ${(e as Error).message}`)
      }
    })
  }
}

/** The `verify-chain` command. */
export const verifyChain: Command = define({
  name: "verify-chain",
  summary: "Verify the hash chains of exported appeal events (any edit, deletion or reordering is reported).",
  usage,
  execute: async (argv, io) => {
    if (argv.includes("--stored")) return verifyDb.run(argv.filter((a) => a !== "--stored"), io)
    const { positionals } = parseArgs({ args: [...argv], options: {}, allowPositionals: true, strict: true })
    const file = positionals[0]
    if (file === undefined || positionals.length > 1) throw new UsageError("give exactly one FILE")
    const raw = parse(file, await readText("file", file))
    const byAppeal = new Map<string, Array<Event.AppealEvent>>()
    for (const [i, item] of raw.entries()) {
      const r = Decode.either(Event.AppealEvent, `event ${i + 1}`)(item)
      if (Either.isLeft(r)) throw new UsageError(r.left.message)
      byAppeal.set(r.right.appealId, [...(byAppeal.get(r.right.appealId) ?? []), r.right])
    }
    const appeals = [...byAppeal].map(([appealId, events]) => ({ appealId, ...Audit.verifyChain(events) }))
    const ok = appeals.every((a) => a.ok)
    printJson(io, { ok, events: raw.length, appeals })
    return ok ? 0 : 1
  }
})
