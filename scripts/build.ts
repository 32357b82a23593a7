/**
 * Builds every publishable package in dependency order: tsup (ESM + CJS) and tsc (declarations,
 * one .d.ts per module). Run with `pnpm build`. Not `pnpm -r run build`: pnpm 12, nested in a
 * script, tries to resolve its own binaries from the registry and fails where it cannot.
 */
import { execFileSync } from "node:child_process"
import { dirname, join } from "node:path"
import { fileURLToPath } from "node:url"

const root = join(dirname(fileURLToPath(import.meta.url)), "..")
const bin = (name: string) => join(root, "node_modules", ".bin", name)
for (const pkg of ["packages/core", "packages/testkit", "packages/adapters/postgres", "packages/cli"]) {
  const cwd = join(root, pkg)
  console.log(`== ${pkg}`)
  execFileSync(bin("tsup"), [], { cwd, stdio: "inherit" })
  execFileSync(bin("tsc"), ["-p", "tsconfig.json"], { cwd, stdio: "inherit" })
}
