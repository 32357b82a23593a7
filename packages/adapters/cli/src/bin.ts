#!/usr/bin/env node
import { processIo, run } from "./index.js"

run(process.argv.slice(2), processIo).then(
  (code) => {
    process.exitCode = code
  },
  (e: unknown) => {
    // A thrown exception here is a bug, never an expected outcome: say so plainly.
    process.stderr.write(`murojaat: internal error: ${e instanceof Error ? e.stack ?? e.message : String(e)}\n`)
    process.exitCode = 70
  }
)
