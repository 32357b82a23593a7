// The release script refuses what it does not know before it runs anything: `pnpm release --help`
// (or a typo) must not version the working tree or publish.
import { spawnSync } from "node:child_process"
import { fileURLToPath } from "node:url"
import { describe, expect, it } from "vitest"

const root = fileURLToPath(new URL("..", import.meta.url))
// What `changeset version` would change: the changesets, the packages' manifests and changelogs.
const status = () =>
  spawnSync("git", ["status", "--porcelain", "--untracked-files=all", "--", ".changeset", "packages/*/package.json", "packages/*/*/package.json", "packages/**/CHANGELOG.md"], { cwd: root, encoding: "utf8" }).stdout

describe("scripts/release.ts", () => {
  it.each([["--help"], ["--dryrun"], ["--dry-run", "extra"]])("%s: exit 2, usage, nothing changed", (...args) => {
    const before = status()
    const r = spawnSync(process.execPath, ["--import", "tsx", "scripts/release.ts", ...args], { cwd: root, encoding: "utf8" })
    expect(r.status).toBe(2)
    expect(r.stderr).toContain("usage: pnpm release")
    expect(r.stdout).not.toContain("$ ")
    expect(status()).toBe(before)
  }, 60_000)
})
