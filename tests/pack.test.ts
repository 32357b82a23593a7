// What an integrator gets from the registry: every library packed with `pnpm pack` (after the
// build), installed with npm into a fresh project outside the workspace (the tarballs, and the npm
// registry, through npm's cache, for third-party packages), then loaded with `import` and `require`
// and type-checked with `skipLibCheck: false` under moduleResolution node16 (an ESM and a CommonJS
// file), bundler and node (node10). Declarations of third-party types that the public declarations
// use must come with the packages (e.g. @types/pg for @murojaat/postgres).
import { execFile, execFileSync } from "node:child_process"
import { promisify } from "node:util"
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { packages } from "../scripts/build.js"

const root = process.cwd()
const manifest = (dir: string) => JSON.parse(readFileSync(join(root, dir, "package.json"), "utf8")) as Record<string, any>
const libraries = packages.map((dir) => ({ dir, name: manifest(dir).name as string }))
const rootDev = manifest(".").devDependencies as Record<string, string>

const work = mkdtempSync(join(tmpdir(), "murojaat-pack-"))
const consumer = join(work, "consumer")
const run = (cmd: string, args: ReadonlyArray<string>, cwd: string) => execFileSync(cmd, [...args], { cwd, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] })

beforeAll(async () => {
  // `pnpm test` builds first (scripts/test.sh); run alone, the test builds what was never built.
  const unbuilt = libraries.some(({ dir }) => !existsSync(join(root, dir, "dist", "types", "index.d.cts")))
  if (unbuilt) run(join(root, "node_modules", ".bin", "tsx"), ["scripts/build.ts", "--no-check"], root)
  const tarballs = join(work, "tarballs")
  mkdirSync(tarballs)
  // pnpm pack turns the `workspace:^` ranges into the versions being published.
  await Promise.all(libraries.map(({ dir }) => promisify(execFile)("npx", ["-y", "pnpm@12.21.0", "pack", "--pack-destination", tarballs], { cwd: join(root, dir) })))
  const files = readdirSync(tarballs)
  const tarball = (name: string) => join(tarballs, files.find((f) => f.startsWith(name.replace("@", "").replace("/", "-") + "-"))!)
  mkdirSync(consumer)
  // The application's own copies of the peer dependencies, as the guides tell an integrator. Its
  // vitest is 3.2: @effect/vitest 0.30 (the last for effect 3) asks for vitest ^3.2.0, and npm
  // refuses a tree that breaks a peer range (the workspace's pnpm only warns).
  const peers = [...["effect", "xstate", "@effect/vitest"].map((n) => `${n}@${rootDev[n]}`), "vitest@^3.2.0"]
  const adapterPeers = Object.entries(manifest("packages/adapters/postgres").devDependencies as Record<string, string>)
    .filter(([n]) => n.startsWith("@effect/"))
    .map(([n, v]) => `${n}@${v}`)
  writeFileSync(join(consumer, "package.json"), JSON.stringify({ name: "consumer", private: true, type: "module" }))
  run("npm", ["install", "--no-audit", "--no-fund", "--prefer-offline", "--ignore-scripts", "--loglevel=error", ...libraries.map((l) => tarball(l.name)), ...peers, ...adapterPeers, `@types/node@${rootDev["@types/node"]}`], consumer)
}, 600_000)

afterAll(() => rmSync(work, { recursive: true, force: true }))

const entries = ["@murojaat/core", "@murojaat/postgres", "@murojaat/postgres/testing", "@murojaat/http", "@murojaat/rabbitmq", "@murojaat/cli"]

describe("the packed libraries, installed with npm outside the workspace", () => {
  it("installs every library from its tarball, with its README, never a workspace link", () => {
    for (const { name } of libraries) {
      const dir = join(consumer, "node_modules", ...name.split("/"))
      expect(statSync(dir).isSymbolicLink()).toBe(false)
      expect(existsSync(join(dir, "README.md"))).toBe(true)
      const installed = JSON.parse(readFileSync(join(dir, "package.json"), "utf8")) as Record<string, Record<string, string> | undefined>
      for (const deps of [installed["dependencies"], installed["peerDependencies"]]) for (const range of Object.values(deps ?? {})) expect(range).not.toMatch(/^workspace:/)
    }
  })

  it("loads every entry with import and with require; the testkit resolves (it loads vitest, which runs only in a runner)", () => {
    writeFileSync(
      join(consumer, "load.mjs"),
      `import { createRequire } from "node:module"
const require = createRequire(import.meta.url)
const out = {}
for (const e of ${JSON.stringify(entries)}) out[e] = [Object.keys(await import(e)).length > 0, Object.keys(require(e)).length > 0]
out.core = typeof (await import("@murojaat/core")).Facade.make === "function" && typeof require("@murojaat/core").Facade.make === "function"
out.migrations = require("@murojaat/postgres").Migrator.files().length > 0 && (await import("@murojaat/postgres")).Migrator.files().length > 0
out.testkit = [import.meta.resolve("@murojaat/testkit").endsWith(".js"), require.resolve("@murojaat/testkit").endsWith(".cjs")]
console.log(JSON.stringify(out))
`
    )
    const loaded = JSON.parse(run(process.execPath, ["load.mjs"], consumer)) as Record<string, unknown>
    expect(loaded).toEqual({ ...Object.fromEntries(entries.map((e) => [e, [true, true]])), core: true, migrations: true, testkit: [true, true] })
  })

  it("type-checks with skipLibCheck false under node16 (ESM and CommonJS), bundler and node", async () => {
    const imports = `import { Actor, Errors, Facade } from "@murojaat/core"
import { layerEmbedded, layerPg } from "@murojaat/postgres"
import { Raw, Testing } from "@murojaat/postgres/testing"
import "@murojaat/http"
import "@murojaat/rabbitmq"
import { run } from "@murojaat/cli"
export const used = [Facade.make, Errors.isMurojaatError, layerPg, layerEmbedded, Testing.database, Raw.make, run] as const
export type Options = Facade.Options
export const start = (m: Facade.Murojaat) => m.execute({ type: "startReview", appealId: "A-1" }, Actor.officer("O-1"))
`
    // The testkit runs inside vitest, which is ESM only (its types too), and pulls @effect/vitest,
    // whose CommonJS-typed declarations import vitest: under node16 that third-party pair fails
    // with skipLibCheck false (TS1479 in vitest/index.d.cts) whatever the testkit declares. It is
    // checked under bundler, as test runners resolve it.
    const testkit = `import type { Adapter } from "@murojaat/testkit"
export type Suite = Adapter.Adapter
`
    writeFileSync(join(consumer, "esm.mts"), imports)
    writeFileSync(join(consumer, "cjs.cts"), imports)
    writeFileSync(join(consumer, "bundler.ts"), imports + testkit)
    writeFileSync(join(consumer, "node.ts"), imports)
    const base = { strict: true, noEmit: true, skipLibCheck: false, target: "ES2022", types: ["node"] }
    const configs = {
      "tsconfig.node16.json": { compilerOptions: { ...base, module: "node16", moduleResolution: "node16" }, files: ["esm.mts", "cjs.cts"] },
      "tsconfig.bundler.json": { compilerOptions: { ...base, module: "esnext", moduleResolution: "bundler" }, files: ["bundler.ts"] },
      "tsconfig.node.json": { compilerOptions: { ...base, module: "commonjs", moduleResolution: "node10" }, files: ["node.ts"] }
    }
    const results = await Promise.all(
      Object.entries(configs).map(async ([file, config]) => {
        writeFileSync(join(consumer, file), JSON.stringify(config))
        try {
          await promisify(execFile)(process.execPath, [join(root, "node_modules", "typescript", "bin", "tsc"), "-p", file], { cwd: consumer })
          return [file, "ok"] as const
        } catch (e) {
          return [file, String((e as { stdout?: string }).stdout ?? e).split("\n").slice(0, 12).join("\n")] as const
        }
      })
    )
    expect(Object.fromEntries(results)).toEqual(Object.fromEntries(Object.keys(configs).map((f) => [f, "ok"])))
  }, 600_000)
})
