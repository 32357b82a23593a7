// Every bad command line and every hostile JSON input ends the same way: exit 2, one clear line on
// stderr naming what is wrong, nothing on stdout, never a stack trace or a crash.
import { mkdtempSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { describe, expect, it } from "vitest"
import { demoDirectory } from "../src/demo/world.js"
import { run } from "../src/index.js"
import { capture } from "./support.js"

const dir = mkdtempSync(join(tmpdir(), "murojaat-bad-"))
const file = (name: string, content: string) => {
  const p = join(dir, name)
  writeFileSync(p, content)
  return p
}

// JSON nested 10,000 deep, as an array and as an object.
const deepArray = "[".repeat(10_000) + "]".repeat(10_000)
const deepObject = '{"a":'.repeat(10_000) + "1" + "}".repeat(10_000)

const expectRefused = async (argv: ReadonlyArray<string>, message: RegExp | string) => {
  const c = capture()
  const code = await run(argv, c.io).catch((e: unknown) => `threw ${e instanceof Error ? e.constructor.name : typeof e}: ${String(e)}`)
  const err = c.err.join("\n")
  expect({ argv, code }).toEqual({ argv, code: 2 })
  expect(c.out).toEqual([])
  expect(err.trimEnd().split("\n")).toHaveLength(1)
  expect(err).not.toMatch(/\n\s+at /)
  expect(err).toMatch(/^murojaat /)
  expect(err).toMatch(message)
}

describe("bad options of every command: exit 2, one line", () => {
  const table: ReadonlyArray<readonly [ReadonlyArray<string>, RegExp | string]> = [
    [["verify-db", "--database", "not a url"], "--database is not a valid URL"],
    [["verify-db", "--database", "http://example.org/db"], "must be a postgres:// or postgresql:// URL"],
    [["verify-db", "--database", ""], "--database needs a URL"],
    [["verify-db", "--data-dir", ""], "--data-dir needs a folder"],
    [["verify-db", "--database", "postgres://h/db", "--data-dir", "x"], "cannot be combined"],
    [["verify-db", "--appeal"], "--appeal"],
    [["verify-db", "extra"], "unexpected argument extra"],
    [["verify-db", "--nope"], "--nope"],
    [["migrate", "--database", "not a url"], "--database is not a valid URL"],
    [["migrate", "--database", "mysql://h/db"], "postgres://"],
    [["migrate", "--nope"], "--nope"],
    [["verify-chain", "--stored", "--database", "not a url"], "--database is not a valid URL"],
    [["verify-chain"], "give exactly one FILE"],
    [["verify-chain", "a", "b"], "give exactly one FILE"],
    [["verify-chain", "--nope", "x"], "--nope"],
    [["verify-chain", join(dir, "missing.json")], "cannot read"],
    [["demo", "--database", "not a url"], "--database is not a valid URL"],
    [["demo", "--lang", "fr"], "--lang must be one of"],
    [["demo", "--memory", "--data-dir", "x"], "--memory cannot be combined"],
    [["demo", "--nope"], "--nope"],
    [["lifecycle", "--nope"], "--nope"],
    [["lifecycle", "extra"], "extra"],
    [["assign"], "--directory and --appeal are required"],
    [["assign", "--directory", "d.json", "--appeal", "a.json", "--lang", "xx"], "--lang must be one of"],
    [["assign", "--directory", "d.json", "--appeal", "a.json", "--at", "yesterday"], "--at yesterday is not a date"],
    [["assign", "--directory", join(dir, "missing.json"), "--appeal", "a.json", "--at", "2026-03-20T10:00:00+05:00"], "cannot read --directory"],
    [["deadline", "--kind", "arz", "--received", "2026-03-20T10:00:00+05:00"], "--kind must be ariza, taklif or shikoyat"],
    [["deadline", "--kind", "ariza"], "--kind and --received are required"],
    [["deadline", "--kind", "ariza", "--received", "2026-03-20T10:00:00+05:00", "--week", "7"], "--week must be 5 or 6"],
    [["deadline", "--kind", "ariza", "--received", "not a time"], "--received"],
    [["triage", "--nope"], "--nope"],
    [["triage", "--text", "x", "--rules", join(dir, "missing.json")], "cannot read --rules"]
  ]
  it.each(table)("%j", async (argv, message) => {
    await expectRefused(argv, message)
  })

  it("a DATABASE_URL that is not a URL is named as such", async () => {
    const saved = process.env["DATABASE_URL"]
    process.env["DATABASE_URL"] = "not a url"
    try {
      await expectRefused(["verify-db"], "DATABASE_URL is not a valid URL")
      await expectRefused(["migrate"], "DATABASE_URL is not a valid URL")
    } finally {
      if (saved === undefined) delete process.env["DATABASE_URL"]
      else process.env["DATABASE_URL"] = saved
    }
  })

  it("a password in a bad URL is never echoed", async () => {
    const c = capture()
    expect(await run(["verify-db", "--database", "http://u:s3cret@h/db"], c.io)).toBe(2)
    expect(c.err.join("")).not.toContain("s3cret")
  })
})

describe("JSON nested 10,000 deep: exit 2, never a stack overflow", () => {
  const deep = [file("deep-array.json", deepArray), file("deep-object.json", deepObject)]
  const at = ["--at", "2026-03-20T10:00:00+05:00"]
  const shallow = file("shallow.json", "{}")
  const directory = file("directory.json", JSON.stringify(demoDirectory))
  for (const f of deep) {
    it(`every command that reads JSON refuses ${f.endsWith("array.json") ? "an array" : "an object"}`, async () => {
      await expectRefused(["verify-chain", f], "nests 10000 levels deep")
      await expectRefused(["verify-chain", f, "--without-head"], "nests 10000 levels deep")
      await expectRefused(["assign", "--directory", f, "--appeal", shallow, ...at], "nests 10000 levels deep")
      await expectRefused(["assign", "--directory", directory, "--appeal", f, ...at], "nests 10000 levels deep")
      await expectRefused(["deadline", "--kind", "ariza", "--received", "2026-03-20T10:00:00+05:00", "--calendar", f], "nests 10000 levels deep")
      await expectRefused(["triage", "--text", "x", "--rules", f], "nests 10000 levels deep")
    })
  }

  it("in JSON Lines, a deep line is refused the same way", async () => {
    await expectRefused(["verify-chain", file("deep.jsonl", `{"a":1}\n${deepArray.slice(0, -1)}\n`)], /nests 10000 levels deep|is not valid JSON/)
  })

  it("brackets inside strings do not count as nesting", async () => {
    const c = capture()
    const text = JSON.stringify({ format: "murojaat.events", version: 2, heads: [], events: [], note: "[".repeat(10_000) })
    expect(await run(["verify-chain", file("strings.json", text)], c.io)).toBe(0)
  })
})
