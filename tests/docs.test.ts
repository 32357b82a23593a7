// The guides are tests: every ```ts runnable block of README.md and docs/*.md runs (each file's blocks
// as one program, in a temporary folder, on the embedded PostgreSQL where the guide uses it) and
// type-checks. See scripts/docs-run.ts.
import { describe, expect, it } from "vitest"
import { run, typecheck, write } from "../scripts/docs-run.js"

const written = write()

describe("runnable guides", () => {
  it("the getting-started guide and the README have runnable blocks", () => {
    expect(written.map((w) => w.guide)).toEqual(expect.arrayContaining(["README.md", "docs/getting-started.md"]))
  })

  it("every runnable block type-checks", async () => {
    expect(await typecheck(written.map((w) => w.path))).toBe("")
  }, 300_000)

  it.each(written.map((w) => [w.guide, w.path] as const))("%s runs", async (_guide, path) => {
    const r = await run(path)
    expect(r.ok ? "ok" : r.output).toBe("ok")
  }, 300_000)
})
