// What every command does with --help, repeated options, dates and database trouble; the directory
// and calendar files loaded into a database; read-only checks refusing a folder with no database.
import { mkdtempSync, writeFileSync } from "node:fs"
import { createServer } from "node:net"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { fc, test } from "@fast-check/vitest"
import { Sample } from "@murojaat/core"
import { Embedded } from "@murojaat/postgres"
import { afterAll, describe, expect, it } from "vitest"
import { instant } from "../src/Command.js"
import { commands, run } from "../src/index.js"
import { capture } from "./support.js"

const dir = mkdtempSync(join(tmpdir(), "murojaat-usage-"))
const file = (name: string, content: string) => {
  const p = join(dir, name)
  writeFileSync(p, content)
  return p
}

const oneLineRefusal = async (argv: ReadonlyArray<string>, code: number, message: RegExp | string) => {
  const c = capture()
  expect({ argv, code: await run(argv, c.io) }).toEqual({ argv, code })
  const err = c.err.join("\n").trimEnd()
  expect(c.out).toEqual([])
  expect(err.split("\n")).toHaveLength(1)
  expect(err).not.toMatch(/\n\s+at |Error:/)
  expect(err).toMatch(message)
}

describe("--help", () => {
  it.each(commands.map((c) => c.name))("murojaat %s --help prints its usage on stdout, exit 0", async (name) => {
    for (const argv of [[name, "--help"], [name, "-h"], ["help", name]]) {
      const c = capture()
      expect(await run(argv, c.io)).toBe(0)
      expect(c.err).toEqual([])
      expect(c.out.join("\n")).toMatch(new RegExp(`^usage: murojaat ${name}`))
      expect(c.out.join("\n")).toContain("Exit codes:")
    }
  })

  it("murojaat --help lists every command on stdout, exit 0; no command at all is a usage error", async () => {
    const c = capture()
    expect(await run(["--help"], c.io)).toBe(0)
    for (const command of commands) expect(c.out.join("\n")).toContain(command.usage.split("\n")[0])
    const none = capture()
    expect(await run([], none.io)).toBe(2)
    expect(none.out).toEqual([])
  })
})

describe("repeated options", () => {
  it.each(commands.map((c) => [c.name, /--([a-z-]+)/.exec(c.usage.replace(/--help/g, ""))?.[1] ?? "x"] as const))(
    "murojaat %s refuses --%s given twice",
    async (name, option) => {
      await oneLineRefusal([name, `--${option}`, "a", `--${option}=b`], 2, `--${option} is given more than once`)
    }
  )

  it("allows the options a command takes several times (analytics --mahalla)", async () => {
    const c = capture()
    // Refused for another reason (no report named), not for the repetition.
    expect(await run(["analytics", "--mahalla", "1726262-001", "--mahalla", "1726262-002"], c.io)).toBe(2)
    expect(c.err.join("")).not.toContain("more than once")
  })
})

describe("dates and instants", () => {
  test.prop([fc.date({ min: new Date("1995-01-01T00:00:00Z"), max: new Date("2199-12-31T00:00:00Z"), noInvalidDate: true })])(
    "a date alone is its start in Tashkent; a local time is Tashkent time; a full instant is kept",
    (d) => {
      const day = d.toISOString().slice(0, 10)
      expect(instant("at", day)).toBe(`${day}T00:00:00+05:00`)
      expect(instant("at", `${day}T10:30`)).toBe(`${day}T10:30:00+05:00`)
      expect(instant("at", d.toISOString())).toBe(d.toISOString())
      expect(Date.parse(instant("at", day))).toBe(Date.parse(`${day}T00:00:00+05:00`))
    }
  )

  it.each(["2026-02-30", "2026-13-01", "25.03.2026", "2026-03-25T24:00", "yesterday"])("refuses %s", (bad) => {
    expect(() => instant("received", bad)).toThrow(/--received .* is not a date/)
  })

  it("deadline and assign accept a date alone exactly as its instant", async () => {
    const same = async (a: ReadonlyArray<string>, b: ReadonlyArray<string>) => {
      const x = capture()
      const y = capture()
      expect(await run(a, x.io)).toBe(0)
      expect(await run(b, y.io)).toBe(0)
      expect(x.out).toEqual(y.out)
    }
    await same(["deadline", "--kind", "ariza", "--received", "2026-03-25"], ["deadline", "--kind", "ariza", "--received", "2026-03-25T00:00:00+05:00"])
    const directory = file("directory.json", JSON.stringify(Sample.directory))
    const appeal = file("appeal.json", JSON.stringify({ appealId: "A-1", mahallaCode: "1726262-001", districtCode: "1726262", priority: "normal" }))
    await same(
      ["assign", "--directory", directory, "--appeal", appeal, "--at", "2026-03-25T10:00"],
      ["assign", "--directory", directory, "--appeal", appeal, "--at", "2026-03-25T10:00:00+05:00"]
    )
  })
})

const freePort = () =>
  new Promise<number>((resolve) => {
    const srv = createServer().listen(0, "127.0.0.1", () => {
      const address = srv.address()
      srv.close(() => resolve(typeof address === "object" && address !== null ? address.port : 0))
    })
  })

describe("database trouble: one line naming the host and port", () => {
  it.each(["verify-db", "migrate", "directory show", "calendar show"])("murojaat %s on a refused connection exits 1", async (name) => {
    const port = await freePort()
    await oneLineRefusal([...name.split(" "), "--database", `postgres://u:secret@127.0.0.1:${port}/db`], 1, `cannot connect to PostgreSQL at 127.0.0.1:${port}: connection refused`)
  })

  it.each([
    ["postgres://u:secret@localhost:99999/db", 'host "localhost", port "99999"'],
    ["postgres://u:secret@/db", 'host "", port "5432"'],
    ["mysql://u@h:3306/db", "must be a postgres://"]
  ])("a bad URL %s is a usage error (exit 2) that never echoes the password", async (url, message) => {
    const c = capture()
    expect(await run(["verify-db", "--database", url], c.io)).toBe(2)
    expect(c.err.join("")).toContain(message)
    expect(c.err.join("")).not.toContain("secret")
  })
})

describe("read-only checks of a folder without a Murojaat database", () => {
  const empty = mkdtempSync(join(tmpdir(), "murojaat-none-"))
  it.each([["verify-db"], ["verify-chain", "--stored"]])("murojaat %s --data-dir refuses it (exit 2) and creates nothing", async (...argv) => {
    await oneLineRefusal([...argv, "--data-dir", empty], 2, `--data-dir ${empty} holds no Murojaat database`)
    expect(Embedded.inspect(empty)).toEqual({ state: "free" })
  })
})

describe("directory and calendar files into a database", () => {
  const dataDir = Embedded.temporaryDataDir()
  const env = process.env["DATABASE_URL"]
  afterAll(() => {
    Embedded.removeDataDir(dataDir)
    if (env !== undefined) process.env["DATABASE_URL"] = env
  })

  it("imports a directory and a decree, refuses broken files without changing anything, and verify-db then accepts the folder", async () => {
    delete process.env["DATABASE_URL"]
    const broken = file("broken.json", JSON.stringify({ ...Sample.directory, officers: [{ ...Sample.directory.officers[0], districtCode: "9" }] }))
    await oneLineRefusal(["directory", "import", broken, "--data-dir", dataDir], 2, /officers/)
    const imported = capture()
    expect(await run(["directory", "import", file("dir.json", JSON.stringify(Sample.directory)), "--data-dir", dataDir], imported.io)).toBe(0)
    expect(JSON.parse(imported.out.join(""))).toEqual({ database: `embedded:${dataDir}`, imported: { regions: 1, districts: 1, mahallas: 2, officers: 4 } })
    const ics = file("decree.ics", "BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nDTSTART;VALUE=DATE:20270104\r\nSUMMARY:Extra day off\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n")
    await oneLineRefusal(["calendar", "import", file("bad.json", '[{"year":2027,"source":"x","entries":[{"date":"2028-01-04","kind":"extraDayOff","weeks":["fiveDay"],"name":"x","source":"x"}]}]'), "--data-dir", dataDir], 2, /2027|2028/)
    const loaded = capture()
    expect(await run(["calendar", "import", ics, "--source", "Decree PF-1", "--data-dir", dataDir], loaded.io)).toBe(0)
    expect(JSON.parse(loaded.out.join(""))).toEqual({ database: `embedded:${dataDir}`, years: [2025, 2026, 2027] })
    const verify = capture()
    expect(await run(["verify-db", "--data-dir", dataDir], verify.io)).toBe(0)
    expect(JSON.parse(verify.out.join(""))).toMatchObject({ checked: 0, ok: true })
  }, 180_000)
})
