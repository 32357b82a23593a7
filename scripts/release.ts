/**
 * The release, as a maintainer runs it (`pnpm release`) and as CI rehearses it (`pnpm release
 * --dry-run`, in .ci/run):
 *
 * 1. `changeset version`: each pending changeset in .changeset/ becomes an entry of the CHANGELOG.md
 *    of every package it names (one CHANGELOG per package; the libraries share one version line,
 *    the `fixed` group of .changeset/config.json), versions and internal ranges are bumped, and the
 *    changesets are consumed.
 * 2. The build (scripts/build.ts, with the packed-consumer check).
 * 3. `pnpm publish -r --access public`: every public package whose version is not on the registry
 *    yet, with `workspace:` ranges turned into versions.
 *
 * With `--dry-run` all of it happens in a temporary git worktree of HEAD (installed offline from
 * the store), steps 1 and 2 for real and step 3 as `pnpm publish --dry-run`; it then checks that
 * every public package got a CHANGELOG.md and a new version, and removes the worktree. Nothing in
 * the working tree changes and nothing is published. For a real release, commit the result of
 * step 1 (`git add -A .changeset packages && git commit -m "release"`) before publishing: run
 * `pnpm release --version-only`, review and commit, then `pnpm release --publish-only`.
 */
import { execFileSync } from "node:child_process"
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { dirname, join } from "node:path"
import { fileURLToPath } from "node:url"
import { packages } from "./build.js"

const root = join(dirname(fileURLToPath(import.meta.url)), "..")
// A release changes the working tree and publishes: an argument it does not know (a typo, `--help`)
// stops it before anything runs.
const flags = ["--dry-run", "--version-only", "--publish-only"]
const unknown = process.argv.slice(2).filter((a) => !flags.includes(a))
if (unknown.length > 0) {
  console.error(`release: unknown ${unknown.join(" ")}; usage: pnpm release [--dry-run | --version-only | --publish-only] (nothing was run)`)
  process.exit(2)
}
const dry = process.argv.includes("--dry-run")
const sh = (cmd: string, args: ReadonlyArray<string>, cwd: string) => {
  console.log(`$ ${cmd} ${args.join(" ")}`)
  execFileSync(cmd, [...args], { cwd, stdio: "inherit", env: { ...process.env, CI: "true" } })
}
const pnpm = (args: ReadonlyArray<string>, cwd: string) => sh("npx", ["-y", "pnpm@12.21.0", ...args], cwd)
const version = (dir: string, pkg: string) => JSON.parse(readFileSync(join(dir, pkg, "package.json"), "utf8")).version as string

const release = (dir: string) => {
  if (!process.argv.includes("--publish-only")) pnpm(["exec", "changeset", "version"], dir)
  if (process.argv.includes("--version-only")) return
  sh(process.execPath, [join(dir, "node_modules", "tsx", "dist", "cli.mjs"), "scripts/build.ts"], dir)
  pnpm(["publish", "-r", "--access", "public", "--no-git-checks", ...(dry ? ["--dry-run"] : [])], dir)
}

if (!dry) release(root)
else {
  const work = join(mkdtempSync(join(tmpdir(), "murojaat-release-")), "repo")
  sh("git", ["worktree", "add", "--detach", work, "HEAD"], root)
  try {
    pnpm(["install", "--prefer-offline", "--no-frozen-lockfile"], work)
    const before = new Map(packages.map((p) => [p, version(work, p)]))
    release(work)
    const problems = packages.flatMap((p) => [
      ...(existsSync(join(work, p, "CHANGELOG.md")) ? [] : [`${p}: no CHANGELOG.md`]),
      ...(version(work, p) !== before.get(p) ? [] : [`${p}: version not bumped (${before.get(p)})`])
    ])
    if (problems.length > 0) {
      for (const p of problems) console.error(`release --dry-run: ${p}`)
      process.exitCode = 1
    } else console.log(`release --dry-run: ${packages.length} packages versioned (${packages.map((p) => `${p} ${version(work, p)}`).join(", ")}), built and packed for publishing`)
  } finally {
    sh("git", ["worktree", "remove", "--force", work], root)
    rmSync(dirname(work), { recursive: true, force: true })
  }
}
