/**
 * Runs every benchmark (packages/**\/bench/*.bench.ts, or those whose path contains the argument),
 * each in its own process so one does not warm the JIT for the next. Each benchmark prints its
 * figures and the ratio against a baseline it runs in the same process.
 */
import { execFileSync } from "node:child_process"
import { readdirSync, statSync } from "node:fs"
import { dirname, join, relative } from "node:path"
import { fileURLToPath } from "node:url"

const root = join(dirname(fileURLToPath(import.meta.url)), "..")
const filter = process.argv[2]
const found: Array<string> = []
const walk = (d: string) => {
  for (const n of readdirSync(d)) {
    if (n === "node_modules" || n === "dist") continue
    const p = join(d, n)
    if (statSync(p).isDirectory()) walk(p)
    else if (n.endsWith(".bench.ts") && p.includes(`${"/"}bench${"/"}`)) found.push(p)
  }
}
walk(join(root, "packages"))
for (const file of found.sort().filter((f) => !filter || f.includes(filter))) {
  console.log(`\n=== ${relative(root, file)} ===`)
  execFileSync(process.execPath, ["--import", "tsx", file], { stdio: "inherit", cwd: root })
}
