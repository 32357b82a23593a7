/**
 * Doctest: every `@example` in the JSDoc of `packages/core/src/*.ts` (not `src/internal/`) becomes a test.
 *
 * How an example becomes a test module (written under `packages/core/test/.doctest/`, gitignored):
 * - `import { ... } from "@murojaat/core"` is pointed at the core source (`packages/core/src/index.ts`);
 *   other imports (`effect`, `xstate`) are kept.
 * - `declare` statements, type aliases and interfaces are hoisted to module level; every other statement
 *   runs inside `export default async function`, so top-level `await` works.
 * - An expression statement followed by a comment that parses as a JavaScript expression (on the same line,
 *   or on the line right below it) becomes `expect(expr).toEqual(comment)`, evaluated with the example's
 *   imports in scope (so `// Option.none()` works). Prose comments are left alone.
 *
 * It also lists exported names that have no `@example` at all (`missing`); the effect re-exports of
 * index.ts are exempt, and index.ts's `export * as X` is covered by module X's own header example.
 *
 * The generated modules are also type-checked with the repository's compiler options (`typecheck`).
 *
 * `npx tsx scripts/doctest.ts` prints a summary (examples, assertions, ignored comments, missing examples, type errors);
 * `npx vitest run packages/core/test/Doctest.test.ts` (`pnpm doctest`) runs the examples.
 */
import * as fs from "node:fs"
import * as path from "node:path"
import { fileURLToPath } from "node:url"
import * as effect from "effect"
import ts from "typescript"

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..")
/** Where the core sources are read from. */
export const srcDir = path.join(root, "packages/core/src")
/** Where the generated test modules are written. */
export const outDir = path.join(root, "packages/core/test/.doctest")

/** One `@example` block. */
export interface Example {
  /** Test name: `<Module>.<export> example` (`#n` appended when one name has several). */
  readonly name: string
  readonly module: string
  /** The export it documents, or undefined for the module's header comment. */
  readonly exportName: string | undefined
  /** Source file and 1-based line of the `@example` tag. */
  readonly file: string
  readonly line: number
  readonly code: string
}

/** What `collect` found. */
export interface Collected {
  readonly examples: ReadonlyArray<Example>
  /** `<Module>.<export>` names with no `@example` anywhere. */
  readonly missing: ReadonlyArray<string>
}

/** Whether a statement carries `export`. */
export const isExported = (s: ts.Statement): boolean =>
  ts.canHaveModifiers(s) && (ts.getModifiers(s) ?? []).some((m) => m.kind === ts.SyntaxKind.ExportKeyword)

/** The names a statement declares (variables, functions, classes, interfaces, types, enums, namespaces). */
export const declaredNames = (s: ts.Statement): Array<string> => {
  if (ts.isVariableStatement(s))
    return s.declarationList.declarations.flatMap((d) => (ts.isIdentifier(d.name) ? [d.name.text] : []))
  if (
    (ts.isFunctionDeclaration(s) || ts.isClassDeclaration(s) || ts.isInterfaceDeclaration(s) ||
      ts.isTypeAliasDeclaration(s) || ts.isEnumDeclaration(s) || ts.isModuleDeclaration(s)) &&
    s.name && ts.isIdentifier(s.name)
  ) return [s.name.text]
  return []
}

/** The `/** ... *\/` comments right before a statement, in order, with their start offsets. */
const jsDocsBefore = (text: string, s: ts.Statement): Array<{ body: string; pos: number }> =>
  (ts.getLeadingCommentRanges(text, s.pos) ?? [])
    .filter((r) => r.kind === ts.SyntaxKind.MultiLineCommentTrivia && text.startsWith("/**", r.pos))
    .map((r) => ({ body: text.slice(r.pos, r.end), pos: r.pos }))

/** The `@example` blocks of one JSDoc comment, with the offset (in the comment) of each tag. */
const examplesOf = (comment: string): Array<{ code: string; offset: number }> => {
  const lines = comment.replace(/^\/\*\*/, "").replace(/\*\/$/, "").split("\n")
  const out: Array<{ code: string; offset: number }> = []
  let current: { lines: Array<string>; offset: number } | undefined
  let offset = 3
  const flush = () => {
    if (!current) return
    const code = current.lines.filter((l) => !/^\s*```/.test(l)).join("\n").trim()
    if (code) out.push({ code, offset: current.offset })
    current = undefined
  }
  for (const raw of lines) {
    const line = raw.replace(/^\s*\* ?/, "").replace(/\s+$/, "")
    // Inside an example only a tag at the start of a line ends it; elsewhere a block tag may follow
    // text on the same line (one-line comments: `/** Summary. @example import ...; f() // 1 *\/`).
    const tag = current ? /^()@(\w+)/.exec(line) : /(^|\s)@(\w+)/.exec(line)
    if (tag) {
      flush()
      // JSDoc: text after `@example` on its line is code, unless it is a `<caption>`.
      if (tag[2] === "example")
        current = { lines: [line.slice(tag.index + tag[0].length).replace(/^\s*<caption>.*?<\/caption>/, "")], offset }
    } else current?.lines.push(line)
    offset += raw.length + 1
  }
  flush()
  return out
}

const lineOf = (text: string, pos: number) => text.slice(0, pos).split("\n").length

/** Reads every core module and returns its examples and its exports without one. */
export const collect = (): Collected => {
  const files = fs.readdirSync(srcDir).filter((f) => f.endsWith(".ts")).sort()
  const examples: Array<Example> = []
  const missing: Array<string> = []
  const headed = new Set<string>()
  const namespaces: Array<{ name: string; target: string }> = []
  for (const f of files) {
    const file = path.join(srcDir, f)
    const module = f.replace(/\.ts$/, "")
    const text = fs.readFileSync(file, "utf8")
    const sf = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS)
    const documented = new Set<string>()
    const exported = new Set<string>()
    const counts = new Map<string, number>()
    const add = (exportName: string | undefined, doc: { body: string; pos: number }) => {
      for (const ex of examplesOf(doc.body)) {
        const base = exportName === undefined ? `${module} (module)` : `${module}.${exportName}`
        const n = (counts.get(base) ?? 0) + 1
        counts.set(base, n)
        examples.push({
          name: `${base} example${n > 1 ? ` #${n}` : ""}`,
          module,
          exportName,
          file: path.relative(root, file),
          line: lineOf(text, doc.pos + ex.offset),
          code: ex.code
        })
        if (exportName !== undefined) documented.add(exportName)
        else headed.add(module)
      }
    }
    sf.statements.forEach((s, i) => {
      const docs = jsDocsBefore(text, s)
      if (ts.isExportDeclaration(s)) {
        // `export * as X from "./X.js"` (index.ts): covered by X's header example. `export { .. } from "effect"`: exempt.
        const spec = s.moduleSpecifier && ts.isStringLiteral(s.moduleSpecifier) ? s.moduleSpecifier.text : ""
        if (s.exportClause && ts.isNamespaceExport(s.exportClause) && spec.startsWith("./"))
          namespaces.push({ name: s.exportClause.name.text, target: path.basename(spec).replace(/\.js$/, "") })
        else if (spec !== "effect" && s.exportClause && ts.isNamedExports(s.exportClause))
          for (const e of s.exportClause.elements) exported.add(e.name.text)
        return
      }
      const names = isExported(s) ? declaredNames(s) : []
      // The file's header comment sits before the first statement; when that statement is an export,
      // its own JSDoc is the last comment and the earlier ones are the header.
      const header = i === 0 ? (names.length > 0 ? docs.slice(0, -1) : docs) : []
      for (const d of header) add(undefined, d)
      for (const n of names) exported.add(n)
      const own = names.length > 0 ? docs.at(-1) : undefined
      if (own) for (const n of names) add(n, own)
    })
    for (const n of exported) if (!documented.has(n)) missing.push(`${module}.${n}`)
  }
  for (const ns of namespaces) if (!headed.has(ns.target)) missing.push(`index.${ns.name} (no header @example in ${ns.target}.ts)`)
  return { examples, missing: [...new Set(missing)] }
}

// ---------------------------------------------------------------------------------------------
// Turning an example into a test module
// ---------------------------------------------------------------------------------------------

const parseDiagnostics = (sf: ts.SourceFile): ReadonlyArray<unknown> =>
  (sf as unknown as { parseDiagnostics: ReadonlyArray<unknown> }).parseDiagnostics

/** Whether `c` parses as one expression that is not a literal "called" by a note (`5 (Friday)`). */
const isExpression = (c: string): boolean => {
  const sf = ts.createSourceFile("c.ts", `(\n${c}\n)`, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS)
  const s = sf.statements[0]
  if (parseDiagnostics(sf).length > 0 || sf.statements.length !== 1 || !s || !ts.isExpressionStatement(s)) return false
  let e: ts.Expression = s.expression
  while (ts.isParenthesizedExpression(e)) e = e.expression
  return !(ts.isCallExpression(e) && (ts.isLiteralExpression(e.expression) || ts.isArrayLiteralExpression(e.expression) ||
    ts.isObjectLiteralExpression(e.expression) || e.expression.kind === ts.SyntaxKind.TrueKeyword ||
    e.expression.kind === ts.SyntaxKind.FalseKeyword || e.expression.kind === ts.SyntaxKind.NullKeyword))
}

/**
 * The expected value a comment states, or undefined for prose. A comment is a value when it parses as
 * one expression (`// { ok: true }`, `// Option.none()`), or when it is a value followed by a note:
 * `// true: Wednesday 09:00 in Tashkent`, `// "2026-03-20" (01:00 in Tashkent)`. A comment that starts
 * with a word followed by another word is prose (`// the registration clock ...`).
 */
export const expectedValue = (comment: string): string | undefined => {
  const c = comment.trim()
  if (!c) return undefined
  const word = /^([A-Za-z_$][\w$]*)\s+[A-Za-z_$]/.exec(c)
  if (word && !["new", "typeof", "void", "await", "delete"].includes(word[1]!)) return undefined
  if (isExpression(c)) return c
  for (const m of c.matchAll(/:\s|\s\(/g)) {
    const value = c.slice(0, m.index).trim()
    if (value && isExpression(value)) return value
  }
  return undefined
}

/** The `//` comment after a statement: on its line, else the run of `//` lines right below it. */
const commentAfter = (text: string, s: ts.Statement, next: ts.Statement | undefined): string | undefined => {
  const gap = text.slice(s.end, next ? next.getStart() : text.length)
  const same = /^[ \t;]*\/\/(.*)/.exec(gap)
  if (same) return same[1]
  const below = /^[ \t;]*\r?\n((?:[ \t]*\/\/.*(?:\r?\n|$))+)/.exec(gap)
  if (!below) return undefined
  return below[1]!.split(/\r?\n/).map((l) => l.replace(/^\s*\/\/ ?/, "")).join("\n")
}

/** Generated module for one example, plus how many assertions and which ignored comments it has. */
export interface Generated {
  readonly source: string
  readonly assertions: number
  readonly ignored: ReadonlyArray<string>
}

/** Builds the test module of an example; `coreImport` is the specifier that replaces "@murojaat/core". */
export const generate = (ex: Example, coreImport: string): Generated => {
  const sf = ts.createSourceFile("example.ts", ex.code, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS)
  const top: Array<string> = []
  const body: Array<string> = []
  const ignored: Array<string> = []
  const bound = new Set<string>()
  const valueNames = new Set<string>()
  let assertions = 0
  sf.statements.forEach((s, i) => {
    const src = s.getText(sf)
    if (ts.isImportDeclaration(s)) {
      const clause = s.importClause
      if (clause?.name) bound.add(clause.name.text)
      if (clause?.namedBindings && ts.isNamedImports(clause.namedBindings))
        for (const e of clause.namedBindings.elements) bound.add(e.name.text)
      if (clause?.namedBindings && ts.isNamespaceImport(clause.namedBindings)) bound.add(clause.namedBindings.name.text)
      const spec = (s.moduleSpecifier as ts.StringLiteral).text
      top.push(spec === "@murojaat/core" ? src.replace(/(["'])@murojaat\/core\1/, JSON.stringify(coreImport)) : src)
      return
    }
    const declared = ts.canHaveModifiers(s) && (ts.getModifiers(s) ?? []).some((m) => m.kind === ts.SyntaxKind.DeclareKeyword)
    if (declared || ts.isTypeAliasDeclaration(s) || ts.isInterfaceDeclaration(s)) {
      top.push(src)
      return
    }
    const comment = ts.isExpressionStatement(s) ? commentAfter(ex.code, s, sf.statements[i + 1]) : undefined
    const expected = comment === undefined ? undefined : expectedValue(comment)
    if (ts.isExpressionStatement(s) && expected !== undefined) {
      assertions++
      for (const m of expected.matchAll(/(?<![\w$.])([A-Z][\w$]*)\s*\./g)) valueNames.add(m[1]!)
      const where = `${ex.file}:${ex.line + lineOf(ex.code, s.getStart(sf))}`
      const expr = s.expression.getText(sf)
      body.push(`expect(${expr}, ${JSON.stringify(`${where}: ${expr.split("\n")[0]}`)}).toEqual(\n${expected}\n)`)
    } else {
      if (comment !== undefined) ignored.push(comment.trim())
      body.push(src)
    }
  })
  // Expected values may name effect modules the example does not import (`// Option.none()`).
  const fromEffect = [...valueNames].filter((n) => !bound.has(n) && n in effect).sort()
  const source = [
    `// Generated by scripts/doctest.ts from ${ex.file}:${ex.line} (${ex.name}). Do not edit.`,
    `import { expect } from "vitest"`,
    ...(fromEffect.length > 0 ? [`import { ${fromEffect.join(", ")} } from "effect"`] : []),
    ...top,
    ``,
    `export default async function example(): Promise<void> {`,
    ...body,
    `}`,
    ``
  ].join("\n")
  return { source, assertions, ignored }
}

/** File name of an example's module: its test name made safe. */
const fileName = (ex: Example) => `${ex.name.replace(/[^\w.-]+/g, "_")}.ts`

/** Writes every example's module under `outDir` and returns, per example, the file and the generation facts. */
export const writeModules = (
  examples: ReadonlyArray<Example>
): Array<Example & Generated & { readonly path: string }> => {
  fs.mkdirSync(outDir, { recursive: true })
  fs.writeFileSync(path.join(outDir, ".gitignore"), "*\n")
  const coreImport = path.relative(outDir, path.join(srcDir, "index.js")).split(path.sep).join("/")
  const out = examples.map((ex) => {
    const g = generate(ex, coreImport.startsWith(".") ? coreImport : `./${coreImport}`)
    const p = path.join(outDir, fileName(ex))
    if (!fs.existsSync(p) || fs.readFileSync(p, "utf8") !== g.source) fs.writeFileSync(p, g.source)
    return { ...ex, ...g, path: p }
  })
  const keep = new Set(out.map((o) => path.basename(o.path)))
  for (const f of fs.readdirSync(outDir)) if (f.endsWith(".ts") && !keep.has(f)) fs.rmSync(path.join(outDir, f), { force: true })
  return out
}

/**
 * Type-checks generated modules with the repository's compiler options (the root tsconfig skips the
 * dot-directory), so an example that would not compile for a user fails even when it runs.
 */
export const typecheck = (files: ReadonlyArray<string>): Array<string> => {
  const host = { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => undefined }
  const config = ts.getParsedCommandLineOfConfigFile(path.join(root, "tsconfig.json"), {}, host)
  if (!config) return ["tsconfig.json could not be read"]
  const program = ts.createProgram([...files], { ...config.options, noEmit: true })
  const wanted = new Set(files.map((f) => path.resolve(f)))
  return ts
    .getPreEmitDiagnostics(program)
    .filter((d) => d.file !== undefined && wanted.has(path.resolve(d.file.fileName)))
    .map((d) => {
      const first = d.file!.text.split("\n", 1)[0]!
      const line = d.file!.getLineAndCharacterOfPosition(d.start ?? 0).line + 1
      return `${first.replace(/^\/\/ Generated by scripts\/doctest.ts from /, "").replace(/\. Do not edit\.$/, "")}, generated line ${line}: ${ts.flattenDiagnosticMessageText(d.messageText, " ")}`
    })
}

// `npx tsx scripts/doctest.ts`: summary of what the doctest would run.
if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const { examples, missing } = collect()
  const modules = writeModules(examples)
  const assertions = modules.reduce((n, m) => n + m.assertions, 0)
  for (const m of modules) for (const c of m.ignored) console.log(`ignored comment  ${m.file}:${m.line}  // ${c}`)
  for (const m of modules) if (m.assertions === 0) console.log(`no assertion     ${m.file}:${m.line}  ${m.name}`)
  for (const n of missing) console.log(`missing @example ${n}`)
  const typeErrors = typecheck(modules.map((m) => m.path))
  for (const e of typeErrors) console.log(`type error       ${e}`)
  console.log(`${examples.length} examples, ${assertions} assertions, ${missing.length} exports without @example, ${typeErrors.length} type errors; modules in ${path.relative(root, outDir)}`)
  process.exitCode = missing.length > 0 || typeErrors.length > 0 ? 1 : 0
}
