// The service's settings from the environment: the defaults the docs promise (docs/http.md,
// "Running it for real") and the switches operators turn.
import { describe, expect, it } from "vitest"
import { configFromEnv } from "../src/service.js"

const base = { MUROJAAT_JWT_SECRET: "a development secret of enough length for the test" }

describe("configFromEnv", () => {
  it("defaults: 127.0.0.1:8080, the embedded database, migrations on, 10 connections, prepared statements on, freshness listener on", () => {
    const c = configFromEnv(base)
    expect(c).toMatchObject({ host: "127.0.0.1", port: 8080, databaseUrl: undefined, migrate: true, maxConnections: 10, preparedStatements: true, listenForChanges: true })
  })

  it.each([
    ["false", false],
    ["0", false],
    ["true", true],
    ["1", true],
    ["", true]
  ])("MUROJAAT_PG_PREPARED=%j gives preparedStatements %s (off behind a pooler that cannot keep them)", (value, expected) => {
    expect(configFromEnv({ ...base, MUROJAAT_PG_PREPARED: value }).preparedStatements).toBe(expected)
  })

  it.each([
    ["false", false],
    ["0", false],
    ["true", true],
    ["", true]
  ])("MUROJAAT_PG_LISTEN=%j gives listenForChanges %s (off behind a pooler that cannot LISTEN)", (value, expected) => {
    expect(configFromEnv({ ...base, MUROJAAT_PG_LISTEN: value }).listenForChanges).toBe(expected)
  })

  it("a pool size out of range is refused with the variable's name, not taken", () => {
    expect(() => configFromEnv({ ...base, MUROJAAT_DB_CONNECTIONS: "0" })).toThrow(/MUROJAAT_DB_CONNECTIONS/)
  })
})
