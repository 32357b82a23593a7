/**
 * Runs every `@example` in the JSDoc of the core modules as a test (see scripts/doctest.ts for the rules),
 * and fails when an export has no `@example` at all. House rule: "JSDoc on every export with an example that runs."
 */
import { pathToFileURL } from "node:url"
import { expect, test } from "vitest"
import { collect, typecheck, writeModules } from "../../../scripts/doctest.js"

const { examples, missing } = collect()

const modules = writeModules(examples)

for (const ex of modules) {
  test(ex.name, async () => {
    const mod = (await import(/* @vite-ignore */ pathToFileURL(ex.path).href)) as { default: () => Promise<void> }
    await mod.default()
  })
}

test("every export of a core module has an @example", () => {
  expect(examples.length).toBeGreaterThan(0)
  expect(missing).toEqual([])
})

// A whole TypeScript program over ~750 examples: about 10 s alone, several minutes on a machine
// shared with the rest of the suite, so it has its own generous limit.
test("every example type-checks", () => {
  expect(typecheck(modules.map((m) => m.path))).toEqual([])
}, 600_000)
