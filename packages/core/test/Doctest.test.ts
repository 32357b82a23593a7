/**
 * Runs every `@example` in the JSDoc of the core modules as a test (see scripts/doctest.ts for the rules),
 * and fails when an export has no `@example` at all. House rule: "JSDoc on every export with an example that runs."
 */
import { pathToFileURL } from "node:url"
import { expect, test } from "vitest"
import { collect, writeModules } from "../../../scripts/doctest.js"

const { examples, missing } = collect()

for (const ex of writeModules(examples)) {
  test(ex.name, async () => {
    const mod = (await import(/* @vite-ignore */ pathToFileURL(ex.path).href)) as { default: () => Promise<void> }
    await mod.default()
  })
}

test("every export of a core module has an @example", () => {
  expect(examples.length).toBeGreaterThan(0)
  expect(missing).toEqual([])
})
