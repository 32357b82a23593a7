/**
 * Builds every publishable package in dependency order: tsup (ESM + CJS) and tsc (declarations,
 * one .d.ts per module). Run with `pnpm build`. Not `pnpm -r run build`: pnpm 12, nested in a
 * script, tries to resolve its own binaries from the registry and fails where it cannot.
 *
 * Then the packed-consumer check: what `npm pack` would publish holds every file a package's
 * `exports`, `main`, `module`, `types` and `bin` name; a consumer outside the workspace can
 * `import` and `require` every entry (`@murojaat/postgres/testing` included), type-check against
 * them, and reach nothing else (`internal/*`, test helpers on the main entry). `--no-check` skips it;
 * `--check-only` runs only the check, on what was built before.
 */
import { execFileSync } from "node:child_process"
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs"
import { dirname, join } from "node:path"
import { fileURLToPath } from "node:url"

const root = join(dirname(fileURLToPath(import.meta.url)), "..")
const bin = (name: string) => join(root, "node_modules", ".bin", name)
/** Every published package, in dependency order (tests/pack.test.ts packs and installs the same list). */
export const packages = ["packages/core", "packages/testkit", "packages/adapters/postgres", "packages/adapters/rabbitmq", "packages/adapters/http", "packages/cli"]

/**
 * CommonJS twins of the declarations: `X.d.cts` beside each `X.d.ts`, with relative imports pointing
 * at `.cjs`. A CommonJS consumer under `moduleResolution: node16` reads a `.d.ts` of this
 * `"type": "module"` package as ESM and refuses it; the `require` condition's `types` name these.
 */
export const cjsDeclarations = (dir: string): number => {
  let written = 0
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name)
    if (entry.isDirectory()) written += cjsDeclarations(path)
    else if (entry.name.endsWith(".d.ts")) {
      const text = readFileSync(path, "utf8")
        .replace(/((?:from|import)\s*\(?\s*["'])(\.{1,2}\/[^"']*?)\.js(["'])/g, "$1$2.cjs$3")
        .replace(/\/\/# sourceMappingURL=.*$/m, "")
      writeFileSync(path.replace(/\.d\.ts$/, ".d.cts"), text)
      written++
    }
  }
  return written
}

const main = process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1]
for (const pkg of !main || process.argv.includes("--check-only") ? [] : packages) {
  const cwd = join(root, pkg)
  console.log(`== ${pkg}`)
  execFileSync(bin("tsup"), [], { cwd, stdio: "inherit" })
  execFileSync(bin("tsc"), ["-p", "tsconfig.json"], { cwd, stdio: "inherit" })
  cjsDeclarations(join(cwd, "dist", "types"))
}

if (main && !process.argv.includes("--no-check")) {
  console.log("== packed-consumer check")
  const problems: Array<string> = []

  // 1. Every file the manifest names is built and would be in the tarball.
  const targets = (value: unknown): Array<string> =>
    typeof value === "string" ? [value] : value !== null && typeof value === "object" ? Object.values(value).flatMap(targets) : []
  const names = new Map<string, string>()
  for (const pkg of packages) {
    const dir = join(root, pkg)
    const manifest = JSON.parse(readFileSync(join(dir, "package.json"), "utf8")) as Record<string, unknown>
    names.set(String(manifest["name"]), dir)
    const packed = JSON.parse(execFileSync("npm", ["pack", "--dry-run", "--json", "--ignore-scripts"], { cwd: dir, encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] })) as ReadonlyArray<{
      readonly files: ReadonlyArray<{ readonly path: string }>
    }>
    const inTarball = new Set(packed[0]!.files.map((f) => f.path))
    const named = [manifest["exports"], manifest["main"], manifest["module"], manifest["types"], manifest["bin"]].flatMap(targets).filter((t) => !t.includes("*"))
    // Files read at run time (the adapter's SQL migrations) ship too.
    const runtime = existsSync(join(dir, "migrations")) ? readdirSync(join(dir, "migrations")).map((f) => `migrations/${f}`) : []
    for (const path of runtime) if (!inTarball.has(path)) problems.push(`${pkg}: ${path} is read at run time but not packed (see "files")`)
    for (const target of new Set(named)) {
      const path = target.replace(/^\.\//, "")
      if (!existsSync(join(dir, path))) problems.push(`${pkg}: ${target} is named in package.json but was not built`)
      else if (!inTarball.has(path)) problems.push(`${pkg}: ${target} is named in package.json but not packed (see "files")`)
    }
  }

  // 2. A consumer outside the workspace (its own folder, the packages linked by name) imports,
  //    requires and type-checks every entry.
  const consumer = join(root, "node_modules", ".cache", "murojaat-consumer")
  rmSync(consumer, { recursive: true, force: true })
  mkdirSync(join(consumer, "node_modules", "@murojaat"), { recursive: true })
  for (const [name, dir] of names) symlinkSync(dir, join(consumer, "node_modules", name), "dir")
  writeFileSync(join(consumer, "package.json"), JSON.stringify({ name: "consumer", private: true, type: "module" }))
  writeFileSync(
    join(consumer, "check.mjs"),
    `import { createRequire } from "node:module"
const require = createRequire(import.meta.url)
const fail = (m) => { console.error("consumer: " + m); process.exitCode = 1 }
const core = await import("@murojaat/core")
if (typeof core.Errors?.isMurojaatError !== "function") fail("@murojaat/core (ESM) lacks Errors")
if (typeof require("@murojaat/core").Errors?.isMurojaatError !== "function") fail("@murojaat/core (CJS) lacks Errors")
for (const load of [() => import("@murojaat/postgres"), async () => require("@murojaat/postgres")]) {
  const pg = await load()
  if (typeof pg.layerPg !== "function") fail("@murojaat/postgres lacks layerPg")
  if ("Testing" in pg || "Raw" in pg) fail("@murojaat/postgres exports test helpers from its main entry")
}
for (const load of [() => import("@murojaat/postgres/testing"), async () => require("@murojaat/postgres/testing")]) {
  const t = await load()
  if (typeof t.Testing?.database !== "function" || t.Raw?.make === undefined) fail("@murojaat/postgres/testing lacks Testing or Raw")
}
// The CJS build finds the migrations beside dist/ (import.meta.url shimmed).
try { if (require("@murojaat/postgres").Migrator.files().length === 0) fail("no migrations found from the CJS build") } catch (e) { fail("migrations (CJS): " + e.message) }
// The testkit imports vitest, which only runs inside a test runner: resolved, not loaded.
import.meta.resolve("@murojaat/testkit")
require.resolve("@murojaat/testkit")
for (const load of [() => import("@murojaat/rabbitmq"), async () => require("@murojaat/rabbitmq")]) {
  const r = await load()
  if (typeof r.Relay?.body !== "function" || typeof r.Intake?.body !== "function" || typeof r.Deadlines?.runOnce !== "function") fail("@murojaat/rabbitmq lacks its workers")
}
// The message schemas ship as files.
try { require.resolve("@murojaat/rabbitmq/schemas/appeal.received.v1.json") } catch (e) { fail("@murojaat/rabbitmq/schemas: " + e.message) }
for (const load of [() => import("@murojaat/http"), async () => require("@murojaat/http")]) {
  const h = await load()
  if (typeof h.Server?.layer !== "function" || typeof h.Identity?.mint !== "function" || typeof h.Open311?.router !== "function" || h.Api?.api === undefined) fail("@murojaat/http lacks Server, Identity, Open311 or Api")
  if (h.Api.openApi().openapi !== "3.1.0") fail("@murojaat/http: the OpenAPI document is not 3.1")
}
if (typeof (await import("@murojaat/cli")).run !== "function") fail("@murojaat/cli lacks run")
for (const hidden of ["@murojaat/core/internal/x.js", "@murojaat/postgres/internal/errors.js", "@murojaat/postgres/src/testing.ts", "@murojaat/rabbitmq/internal/x.js", "@murojaat/http/internal/x.js"]) {
  try { import.meta.resolve(hidden); fail(hidden + " is reachable") } catch (e) { if (e.code !== "ERR_PACKAGE_PATH_NOT_EXPORTED") fail(hidden + ": " + e.message) }
}
`
  )
  writeFileSync(
    join(consumer, "check.mts"),
    `import { Errors } from "@murojaat/core"
import { layerPg, PgStore } from "@murojaat/postgres"
import { Raw, Testing } from "@murojaat/postgres/testing"
import type { Adapter } from "@murojaat/testkit"
import { Relay, Worker } from "@murojaat/rabbitmq"
import { Api, Identity, Server } from "@murojaat/http"
import { run } from "@murojaat/cli"
export const used = [Errors.isMurojaatError, layerPg, PgStore.layerFromClient, Raw.make, Testing.database, Relay.body, Worker.start, Server.layer, Identity.mint, Api.openApi, run] as const
export type A = Adapter.Adapter
`
  )
  writeFileSync(
    join(consumer, "tsconfig.json"),
    JSON.stringify({ compilerOptions: { module: "NodeNext", moduleResolution: "NodeNext", target: "ES2022", strict: true, noEmit: true, skipLibCheck: true, types: [] }, files: ["check.mts"] })
  )
  try {
    execFileSync(process.execPath, ["check.mjs"], { cwd: consumer, stdio: "inherit" })
  } catch {
    problems.push("the consumer could not load every entry (see above)")
  }
  try {
    execFileSync(bin("tsc"), ["-p", "tsconfig.json"], { cwd: consumer, stdio: "inherit" })
  } catch {
    problems.push("the consumer does not type-check against the declarations (see above)")
  }
  if (problems.length > 0) {
    for (const p of problems) console.error(`packed-consumer check: ${p}`)
    process.exit(1)
  }
  console.log("packed-consumer check: every entry packed, loadable (ESM and CJS) and typed; internals unreachable")
}
