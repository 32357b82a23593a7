// MUROJAAT_LOG_LEVEL: Effect's level names in any case, INFO when unset; anything else refused
// with one line on stderr and exit code 2, before the service starts anything.
import { spawnSync } from "node:child_process"
import { fileURLToPath } from "node:url"
import { Either, FastCheck as fc, LogLevel } from "effect"
import { describe, expect, it } from "vitest"
import { logLevelFromEnv } from "../src/logLevel.js"

// Effect's levels, written out here (the oracle is the documented list, not the code's lookup).
const known: Record<string, LogLevel.LogLevel> = {
  ALL: LogLevel.All,
  TRACE: LogLevel.Trace,
  DEBUG: LogLevel.Debug,
  INFO: LogLevel.Info,
  WARN: LogLevel.Warning,
  ERROR: LogLevel.Error,
  FATAL: LogLevel.Fatal,
  OFF: LogLevel.None
}

describe("MUROJAAT_LOG_LEVEL", () => {
  it("unset or empty is INFO; a level's name in any case is that level", () => {
    expect(logLevelFromEnv(undefined)).toEqual(Either.right(LogLevel.Info))
    expect(logLevelFromEnv("")).toEqual(Either.right(LogLevel.Info))
    fc.assert(
      fc.property(fc.constantFrom(...Object.keys(known)), fc.array(fc.boolean(), { minLength: 8, maxLength: 8 }), (name, upper) => {
        const written = [...name].map((c, i) => (upper[i] ? c : c.toLowerCase())).join("")
        expect(logLevelFromEnv(written)).toEqual(Either.right(known[name]))
      })
    )
  })

  it("anything else is refused with one line naming the accepted levels", () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1, maxLength: 60 }).filter((s) => !(s.trim().toUpperCase() in known)), (value) => {
        const r = logLevelFromEnv(value)
        expect(Either.isLeft(r)).toBe(true)
        if (Either.isLeft(r)) {
          expect(r.left).toMatch(/^MUROJAAT_LOG_LEVEL must be one of ALL, TRACE, DEBUG, INFO, WARN, ERROR, FATAL, OFF/)
          expect(r.left).not.toContain("\n")
        }
      })
    )
    expect(logLevelFromEnv("WARNING")).toEqual(Either.left('MUROJAAT_LOG_LEVEL must be one of ALL, TRACE, DEBUG, INFO, WARN, ERROR, FATAL, OFF (any case); got "WARNING"'))
  })

  it("the service exits 2 with that line on stderr, before starting a database", () => {
    const main = fileURLToPath(new URL("../src/main.ts", import.meta.url))
    const tsx = fileURLToPath(new URL("../../../../node_modules/.bin/tsx", import.meta.url))
    const r = spawnSync(tsx, [main], { env: { ...process.env, MUROJAAT_LOG_LEVEL: "verbose", DATABASE_URL: "" }, encoding: "utf8", timeout: 60_000 })
    expect(r.status).toBe(2)
    expect(r.stderr.trim().split("\n")).toEqual(['murojaat: MUROJAAT_LOG_LEVEL must be one of ALL, TRACE, DEBUG, INFO, WARN, ERROR, FATAL, OFF (any case); got "verbose"'])
    expect(r.stdout).toBe("")
  }, 60_000)
})
