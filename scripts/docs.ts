/**
 * Generates docs/rules/* from the code. Every file in scripts/docs/ default-exports a list of
 * `{ file, render }`; `--check` fails (exit 1) when a committed document differs from what the code
 * renders now, so CI catches stale rules.
 */
import { readdirSync, readFileSync, writeFileSync, mkdirSync } from "node:fs"
import { dirname, join } from "node:path"
import { fileURLToPath, pathToFileURL } from "node:url"

export interface Doc {
  readonly file: string
  readonly render: () => string | Promise<string>
}

const root = join(dirname(fileURLToPath(import.meta.url)), "..")
const check = process.argv.includes("--check")
const dir = join(root, "scripts", "docs")
let stale = 0
for (const name of readdirSync(dir).filter((f) => f.endsWith(".ts")).sort()) {
  const mod = (await import(pathToFileURL(join(dir, name)).href)) as { default: ReadonlyArray<Doc> }
  for (const doc of mod.default) {
    const path = join(root, doc.file)
    const body = await doc.render()
    const text = body.endsWith("\n") ? body : body + "\n"
    let current: string | undefined
    try {
      current = readFileSync(path, "utf8")
    } catch {
      current = undefined
    }
    if (check) {
      if (current !== text) {
        stale++
        console.error(`stale: ${doc.file} (run pnpm docs:build)`)
      } else console.log(`current: ${doc.file}`)
    } else {
      mkdirSync(dirname(path), { recursive: true })
      writeFileSync(path, text)
      console.log(`wrote ${doc.file}`)
    }
  }
}
if (stale > 0) {
  console.error(`${stale} generated document(s) are stale`)
  process.exit(1)
}
