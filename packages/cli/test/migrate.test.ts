import { describe, expect, it } from "vitest"
import { Embedded, Migrator } from "@murojaat/postgres"
import { run } from "../src/index.js"

const capture = () => {
  const out: Array<string> = []
  const err: Array<string> = []
  return { out, err, io: { out: (t: string) => void out.push(t), err: (t: string) => void err.push(t), readStdin: async () => "" } }
}

describe("murojaat migrate / verify-db (embedded server in --data-dir)", () => {
  it("applies the migrations once, then nothing; verify-db finds an empty, sound database", async () => {
    const dataDir = Embedded.temporaryDataDir()
    const env = process.env["DATABASE_URL"]
    delete process.env["DATABASE_URL"]
    try {
      const first = capture()
      expect(await run(["migrate", "--data-dir", dataDir], first.io)).toBe(0)
      expect(JSON.parse(first.out.join(""))).toMatchObject({ database: `embedded:${dataDir}`, applied: Migrator.files().map((m) => m.name), version: Migrator.files().length })
      const second = capture()
      expect(await run(["migrate", "--data-dir", dataDir], second.io)).toBe(0)
      expect(JSON.parse(second.out.join(""))).toMatchObject({ applied: [], version: Migrator.files().length })
      const verify = capture()
      expect(await run(["verify-db", "--data-dir", dataDir], verify.io)).toBe(0)
      expect(JSON.parse(verify.out.join(""))).toMatchObject({ checked: 0, ok: true, broken: [] })
    } finally {
      if (env !== undefined) process.env["DATABASE_URL"] = env
      Embedded.removeDataDir(dataDir)
    }
  }, 120_000)

  it("refuses unknown options and arguments with exit code 2", async () => {
    const bad = capture()
    expect(await run(["migrate", "--nope"], bad.io)).toBe(2)
    expect(bad.err.join("")).toMatch(/usage: murojaat migrate/)
    const extra = capture()
    expect(await run(["verify-db", "extra"], extra.io)).toBe(2)
  })

  it("reports an unreachable database on stderr with exit code 1", async () => {
    const down = capture()
    expect(await run(["verify-db", "--database", "postgres://nobody:x@127.0.0.1:1/none"], down.io)).toBe(1)
    expect(down.err.join("")).toBe("cannot connect to PostgreSQL at 127.0.0.1:1: connection refused (is a server running and listening there?)")
  }, 60_000)
})
