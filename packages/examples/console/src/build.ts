/**
 * Builds the console to static files with esbuild: one HTML page, one JavaScript file and one
 * stylesheet, their names carrying a content hash (so they may be cached for good; the page itself
 * is revalidated). `build()` returns the files in memory (the reference service serves them so);
 * `tsx src/build.ts [outdir]` also writes them (default `dist/`), for any static server that sends
 * the headers of {@link headersOf}.
 *
 * @example
 * import { build } from "@murojaat/example-console/build"
 * const files = await build()
 * files.find((f) => f.path === "/")?.contentType // "text/html; charset=utf-8"
 */
import { mkdirSync, writeFileSync } from "node:fs"
import { dirname, join } from "node:path"
import { fileURLToPath } from "node:url"
import * as esbuild from "esbuild"

const here = dirname(fileURLToPath(import.meta.url))

/** A built file: its URL path, bytes and media type. */
export interface Asset {
  readonly path: string
  readonly contents: Uint8Array
  readonly contentType: string
  /** Whether its name carries its content hash (then it never changes). */
  readonly immutable: boolean
}

/** What the page is told at run time (served as `/console/config.json`). */
export interface PageConfig {
  readonly oidc?: { readonly issuer: string; readonly clientId: string; readonly scope?: string }
}

const types: Readonly<Record<string, string>> = { ".js": "text/javascript; charset=utf-8", ".css": "text/css; charset=utf-8", ".html": "text/html; charset=utf-8", ".json": "application/json" }

/**
 * The Content-Security-Policy of the console: this origin only, no inline script or style, and
 * the OpenID provider's origin for its discovery and token requests when one is configured.
 *
 * @example
 * import { contentSecurityPolicy } from "@murojaat/example-console/build"
 * contentSecurityPolicy().includes("script-src 'self'") // true
 */
export const contentSecurityPolicy = (config: PageConfig = {}): string => {
  const idp = config.oidc === undefined ? "" : ` ${new URL(config.oidc.issuer).origin}`
  return `default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'${idp}; form-action 'self'; base-uri 'none'; frame-ancestors 'none'`
}

/**
 * The headers to serve an asset with: its type, the CSP, and caching (a year for hashed files,
 * revalidation for the page and the configuration).
 *
 * @example
 * import { headersOf } from "@murojaat/example-console/build"
 * headersOf({ path: "/", contents: new Uint8Array(), contentType: "text/html; charset=utf-8", immutable: false })["cache-control"] // "no-cache"
 */
export const headersOf = (asset: Asset, config: PageConfig = {}): Record<string, string> => ({
  "content-type": asset.contentType,
  "content-security-policy": contentSecurityPolicy(config),
  "cache-control": asset.immutable ? "public, max-age=31536000, immutable" : "no-cache",
  "x-content-type-options": "nosniff"
})

const page = (script: string, style: string) => `<!doctype html>
<html lang="uz-Latn">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Murojaat</title>
<link rel="stylesheet" href="${style}">
<script type="module" src="${script}"></script>
</head>
<body>
<div id="app"><noscript>Murojaat: JavaScript is required.</noscript></div>
</body>
</html>
`

/**
 * The console's files, built in memory (minified, for browsers of the last few years).
 */
export const build = async (options: { readonly outdir?: string } = {}): Promise<ReadonlyArray<Asset>> => {
  const result = await esbuild.build({
    entryPoints: { app: join(here, "app", "main.ts") },
    bundle: true,
    minify: true,
    format: "esm",
    target: ["es2022", "chrome110", "firefox115", "safari16"],
    entryNames: "[name]-[hash]",
    outdir: "/console",
    write: false,
    legalComments: "none",
    logLevel: "silent"
  })
  const assets: Array<Asset> = result.outputFiles.map((f) => {
    const path = f.path.slice(f.path.indexOf("/console/"))
    return { path, contents: f.contents, contentType: types[path.slice(path.lastIndexOf("."))] ?? "application/octet-stream", immutable: true }
  })
  const script = assets.find((a) => a.path.endsWith(".js"))!.path
  const style = assets.find((a) => a.path.endsWith(".css"))!.path
  assets.push({ path: "/", contents: new TextEncoder().encode(page(script, style)), contentType: types[".html"]!, immutable: false })
  if (options.outdir !== undefined) {
    for (const a of assets) {
      const file = join(options.outdir, a.path === "/" ? "index.html" : a.path)
      mkdirSync(dirname(file), { recursive: true })
      writeFileSync(file, a.contents)
    }
  }
  return assets
}

if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1]) {
  const outdir = process.argv[2] ?? join(here, "..", "dist")
  const assets = await build({ outdir })
  for (const a of assets) console.log(`${a.path === "/" ? "index.html" : a.path.slice(1)}  ${a.contents.byteLength} bytes`)
}
