// The service's settings from the environment: the defaults the docs promise (docs/http.md,
// "Running it for real") and the switches operators turn.
import { describe, expect, it } from "vitest"
import { configFromEnv } from "../src/service.js"

const base = { MUROJAAT_JWT_SECRET: "a development secret of enough length for the test" }

describe("configFromEnv", () => {
  it("defaults: 127.0.0.1:8080, the embedded database, migrations on, 10 connections, prepared statements on, freshness listener on", () => {
    const c = configFromEnv(base)
    expect(c).toMatchObject({ host: "127.0.0.1", port: 8080, databaseUrl: undefined, migrate: true, maxConnections: 10, preparedStatements: true, listenForChanges: true, directStatements: true, groupInFlight: 1 })
  })

  // The database switches: on by default; "false" or "0" turns one off, "true", "1" or empty keeps it on.
  const switches = [
    ["MUROJAAT_PG_PREPARED", "preparedStatements"], // off behind a pooler that cannot keep prepared statements
    ["MUROJAAT_PG_LISTEN", "listenForChanges"], // off behind a pooler that cannot LISTEN
    ["MUROJAAT_PG_DIRECT", "directStatements"] // off to trace a submission's two statements
  ] as const
  const values = [
    ["false", false],
    ["0", false],
    ["true", true],
    ["1", true],
    ["", true]
  ] as const
  it.each(switches.flatMap(([name, key]) => values.map(([value, expected]) => [name, value, key, expected] as const)))(
    "%s=%j gives %s %s",
    (name, value, key, expected) => {
      expect(configFromEnv({ ...base, [name]: value })[key]).toBe(expected)
    }
  )

  it("a pool size out of range is refused with the variable's name, not taken", () => {
    expect(() => configFromEnv({ ...base, MUROJAAT_DB_CONNECTIONS: "0" })).toThrow(/MUROJAAT_DB_CONNECTIONS/)
  })

  // Group commit: 0 sends every commit alone; a number that is not a count is refused by name.
  it.each([
    ["0", 0],
    ["1", 1],
    ["8", 8],
    ["", 1]
  ] as const)("MUROJAAT_PG_GROUP_IN_FLIGHT=%j gives groupInFlight %d", (value, expected) => {
    expect(configFromEnv({ ...base, MUROJAAT_PG_GROUP_IN_FLIGHT: value }).groupInFlight).toBe(expected)
  })
  it.each(["-1", "two", "1.5", "501"])("MUROJAAT_PG_GROUP_IN_FLIGHT=%j is refused with the variable's name", (value) => {
    expect(() => configFromEnv({ ...base, MUROJAAT_PG_GROUP_IN_FLIGHT: value })).toThrow(/MUROJAAT_PG_GROUP_IN_FLIGHT/)
  })
})
