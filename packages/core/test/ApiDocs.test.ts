/**
 * Every export of a public core module (`packages/core/src/*.ts`, not `internal/`) carries `@since` and
 * `@category` in its JSDoc, so the generated API docs can say when it shipped and group it. A name
 * declared more than once (a schema and its type, overloads, a namespace merged with a class) needs the
 * tags on one of its declarations; re-exports (`export ... from`, index.ts) are documented at their source.
 */
import * as fs from "node:fs"
import * as os from "node:os"
import * as path from "node:path"
import { fileURLToPath } from "node:url"
import ts from "typescript"
import { expect, test } from "vitest"
import { declaredNames, isExported } from "../../../scripts/doctest.js"

const srcDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../src")

/** The JSDoc attached to a statement: the last `/** ... *\/` comment before it (earlier ones are the file header). */
const jsDocOf = (text: string, s: ts.Statement): string =>
  (ts.getLeadingCommentRanges(text, s.pos) ?? [])
    .filter((r) => r.kind === ts.SyntaxKind.MultiLineCommentTrivia && text.startsWith("/**", r.pos))
    .map((r) => text.slice(r.pos, r.end))
    .at(-1) ?? ""

// A tag counts only at the start of a JSDoc line with a value: `@since` inside an example or prose does not.
const hasTag = (doc: string, tag: string): boolean => new RegExp(`^\\s*\\*\\s*@${tag}[ \\t]+\\S`, "m").test(doc)

/** `<Module>.<export>: missing @since, @category` for every export lacking a tag. */
export const undocumented = (dir: string): Array<string> => {
  const problems: Array<string> = []
  for (const f of fs.readdirSync(dir).filter((f) => f.endsWith(".ts")).sort()) {
    const text = fs.readFileSync(path.join(dir, f), "utf8")
    const sf = ts.createSourceFile(f, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS)
    const docs = new Map<string, Array<string>>()
    for (const s of sf.statements) {
      if (ts.isExportDeclaration(s) && !s.moduleSpecifier && s.exportClause && ts.isNamedExports(s.exportClause))
        // `export { a, b }` of local names: the tags belong on the local declarations, which this check
        // does not follow; fail loudly so the module is written with exported declarations instead.
        for (const e of s.exportClause.elements) problems.push(`${f.replace(/\.ts$/, "")}.${e.name.text}: local export list`)
      if (!isExported(s)) continue
      for (const name of declaredNames(s)) docs.set(name, [...(docs.get(name) ?? []), jsDocOf(text, s)])
    }
    for (const [name, list] of docs) {
      const missing = ["since", "category"].filter((tag) => !list.some((d) => hasTag(d, tag)))
      if (missing.length > 0) problems.push(`${f.replace(/\.ts$/, "")}.${name}: missing ${missing.map((t) => `@${t}`).join(", ")}`)
    }
  }
  return problems
}

test("every export of a public core module has @since and @category", () => {
  const modules = fs.readdirSync(srcDir).filter((f) => f.endsWith(".ts"))
  expect(modules.length).toBeGreaterThan(30)
  expect(undocumented(srcDir)).toEqual([])
})

test("the check reports an export without tags, and accepts tags on one declaration of a merged name", () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "apidocs-"))
  try {
    fs.writeFileSync(
      path.join(dir, "M.ts"),
      [
        "/** Header. */",
        "/**",
        " * A.",
        " *",
        " * @example",
        " * // @since 0.1.0 in an example is not a tag",
        " *",
        " * @category models",
        " */",
        "export const a = 1",
        "/**",
        " * B.",
        " *",
        " * @since 0.1.0",
        " * @category models",
        " */",
        "export const B = 1",
        "/** @see B */",
        "export type B = number",
        "/** C. (tags belong on their own lines) @since 0.1.0 @category models */",
        "export const c = 1"
      ].join("\n")
    )
    expect(undocumented(dir)).toEqual(["M.a: missing @since", "M.c: missing @since, @category"])
  } finally {
    fs.rmSync(dir, { recursive: true, force: true })
  }
})
