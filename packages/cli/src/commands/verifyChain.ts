/**
 * `murojaat verify-chain FILE [--without-head]` or `murojaat verify-chain --stored [--appeal ID] [--database URL | --data-dir DIR]`
 *
 * Verifies the hash chains of appeal events exported to FILE (see `chainExport.ts`: format 2 carries
 * each appeal's head; format 1 is a JSON array of events, `{"events": [...]}`, or JSON Lines).
 * Events are grouped by appeal, in file order, and each chain is checked by `Audit.verifyChain`
 * against the head it was exported at: an edited, removed, reordered or appended event, removed
 * newest events, and anything recorded after the appeal ended are reported. A format 1 file has no
 * head, so removed newest events cannot be detected: it fails with reason `noHead` unless
 * `--without-head` asks for the links only. Prints a JSON report per appeal; exit 0 when every
 * chain is intact, 1 when any is broken, 2 on unreadable input. With `--stored` it checks the
 * appeals stored in PostgreSQL instead: the same as `murojaat verify-db`.
 */
import { parseArgs } from "node:util"
import { Audit, Decode, Event } from "@murojaat/core"
import { Either } from "effect"
import * as ChainExport from "../chainExport.js"
import { type Command, define, printJson, readText, UsageError } from "../Command.js"
import { verifyDb } from "./verifyDb.js"

const usage =
  "murojaat verify-chain FILE [--without-head]   (an export of murojaat demo --export; older: JSON array, {\"events\": [...]}, or JSON Lines)\n       murojaat verify-chain --stored [--appeal ID] [--database URL | --data-dir DIR]"

const noHead = "this export (format 1) carries no head, so removed newest events cannot be detected; re-export it, or pass --without-head to check the links only"

/** The `verify-chain` command. */
export const verifyChain: Command = define({
  name: "verify-chain",
  summary: "Verify the hash chains of exported appeal events against their exported heads (any edit, deletion, reordering or event after the end is reported).",
  usage,
  execute: async (argv, io) => {
    if (argv.includes("--stored")) return verifyDb.run(argv.filter((a) => a !== "--stored"), io)
    const { positionals, values } = parseArgs({ args: [...argv], options: { "without-head": { type: "boolean", default: false } }, allowPositionals: true, strict: true })
    const file = positionals[0]
    if (file === undefined || positionals.length > 1) throw new UsageError("give exactly one FILE")
    const parsed = ChainExport.parse(file, await readText("file", file))
    const byAppeal = new Map<string, Array<Event.AppealEvent>>()
    for (const id of parsed.heads?.keys() ?? []) byAppeal.set(id, [])
    for (const [i, item] of parsed.events.entries()) {
      const r = Decode.either(Event.AppealEvent, `event ${i + 1}`)(item)
      if (Either.isLeft(r)) throw new UsageError(r.left.message)
      byAppeal.set(r.right.appealId, [...(byAppeal.get(r.right.appealId) ?? []), r.right])
    }
    const headless = parsed.version === 1 && !values["without-head"]
    const appeals = [...byAppeal].map(([appealId, events]) => {
      const head = parsed.heads?.get(appealId)
      const checked = { appealId, ...Audit.verifyChain(events, head) }
      if (!checked.ok || head !== undefined || !headless && parsed.version === 1) return { ...checked, headChecked: head !== undefined }
      // A format 2 export without a head for this appeal, or a format 1 export taken at its word.
      const detail = parsed.version === 1 ? noHead : `the export has no head for appeal ${appealId}`
      return { appealId, ok: false as const, index: events.length, seq: undefined, reason: "noHead", detail, headChecked: false }
    })
    if (headless) io.err(`murojaat verify-chain: ${noHead}`)
    const ok = appeals.every((a) => a.ok)
    printJson(io, { ok, format: parsed.version, events: parsed.events.length, appeals })
    return ok ? 0 : 1
  }
})
