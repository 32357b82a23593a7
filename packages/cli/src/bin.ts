#!/usr/bin/env node
import { processIo, run } from "./index.js"

run(process.argv.slice(2), processIo).then(
  (code) => {
    process.exitCode = code
  },
  (e: unknown) => {
    // A thrown exception here is a bug, never an expected outcome: say so plainly, on one line (the
    // stack only with MUROJAAT_DEBUG=1, for whoever fixes it).
    const debug = process.env["MUROJAAT_DEBUG"] === "1"
    const text = e instanceof Error ? (debug ? e.stack ?? e.message : e.message) : String(e)
    process.stderr.write(`murojaat: internal error: ${debug ? text : text.split("\n")[0]}\n`)
    process.exitCode = 70
  }
)
