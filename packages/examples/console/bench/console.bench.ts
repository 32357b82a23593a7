/**
 * The console's budget (issue 17), measured, never asserted in a test:
 *
 * 1. First load: the JavaScript the page loads (the one bundle `build()` makes), in bytes and
 *    gzipped, against the budget of 200 KB.
 * 2. The worklist of 500 appeals rendered in Chromium (Debian's, headless, driven by
 *    playwright-core): the console's `renderWorklist` (urgent first, badges, links with handlers)
 *    into the page with the console's stylesheet, layout included (each run reads `offsetHeight`),
 *    against the budget of 100 ms and against a baseline run in the same page: a plain `innerHTML`
 *    table of the same 500 rows (the least a page can do to show them).
 *
 * Run: `npx tsx scripts/bench.ts console` (part of `pnpm bench`).
 */
import { gzipSync } from "node:zlib"
import { dirname, join } from "node:path"
import { fileURLToPath } from "node:url"
import * as esbuild from "esbuild"
import { build } from "../src/build.js"
import { launch } from "../test/support.js"

const here = dirname(fileURLToPath(import.meta.url))
const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`

// 1. First load.
const assets = await build()
const js = assets.filter((a) => a.contentType.startsWith("text/javascript"))
const bytes = js.reduce((n, a) => n + a.contents.byteLength, 0)
const gzipped = js.reduce((n, a) => n + gzipSync(a.contents).byteLength, 0)
const css = assets.filter((a) => a.contentType.startsWith("text/css")).reduce((n, a) => n + a.contents.byteLength, 0)
const budget = 200 * 1024
console.log("First load: JavaScript of the console (one module)")
console.log(`  ${bytes.toLocaleString("en-US")} bytes (${kb(bytes)}; ${kb(gzipped)} gzipped) against the budget of ${kb(budget)}: ${((bytes / budget) * 100).toFixed(1)}% of it (${bytes <= budget ? "within" : "OVER"})`)
console.log(`  stylesheet ${css.toLocaleString("en-US")} bytes`)

// 2. The worklist of 500 appeals in Chromium.
const bundle = await esbuild.build({
  stdin: {
    contents: `export { run } from "./page.ts"`,
    resolveDir: here,
    loader: "ts"
  },
  bundle: true,
  minify: true,
  format: "iife",
  globalName: "Console",
  write: false,
  logLevel: "silent"
})
const style = new TextDecoder().decode(assets.find((a) => a.contentType.startsWith("text/css"))!.contents)
const { browser, close } = await launch()
try {
  const page = await browser.newPage({ viewport: { width: 1024, height: 1366 } })
  await page.setContent(`<!doctype html><html lang="en"><head><meta charset="utf-8"></head><body><main id="host"></main></body></html>`)
  await page.addStyleTag({ content: style })
  await page.addScriptTag({ content: bundle.outputFiles[0]!.text })
  const result = (await page.evaluate("Console.run()")) as { baseline: number; console: number; rows: number }
  // The main thread's CPU time (Chromium's ThreadTime metric) around 20 renderings of each: what
  // the rendering costs, whatever else the machine is doing (wall time on a shared, loaded machine
  // mostly measures the wait for a core).
  const cdp = await page.context().newCDPSession(page)
  await cdp.send("Performance.enable")
  const threadTime = async () => (await cdp.send("Performance.getMetrics")).metrics.find((m) => m.name === "ThreadTime")!.value * 1000
  const cpu: Record<string, Array<number>> = { baseline: [], console: [] }
  for (let round = 0; round < 3; round++) {
    for (const name of ["baseline", "console"] as const) {
      const before = await threadTime()
      await page.evaluate(`Console.run(${JSON.stringify(name)}, 20)`)
      cpu[name]!.push(((await threadTime()) - before) / 20)
    }
  }
  const mid = (xs: Array<number>) => [...xs].sort((a, b) => a - b)[1]!
  const [cb, cc] = [mid(cpu["baseline"]!), mid(cpu["console"]!)]
  const within = (ms: number) => `against the budget of 100 ms (${ms <= 100 ? "within" : "OVER"})`
  console.log(`Worklist of 500 appeals rendered in Chromium (layout included; ${result.rows} rows)`)
  console.log(`  main-thread CPU per rendering (median of 3 rounds of 20):`)
  console.log(`    baseline  plain innerHTML table of the same rows         ${cb.toFixed(2)} ms`)
  console.log(`    subject   renderWorklist (the console's)                 ${cc.toFixed(2)} ms ${within(cc)}`)
  console.log(`    ratio subject/baseline: ${(cc / cb).toFixed(3)}`)
  console.log(`  wall time per rendering (median of 25, alternately):`)
  console.log(`    baseline  plain innerHTML table of the same rows         ${result.baseline.toFixed(2)} ms`)
  console.log(`    subject   renderWorklist (the console's)                 ${result.console.toFixed(2)} ms ${within(result.console)}`)
  console.log(`    ratio subject/baseline: ${(result.console / result.baseline).toFixed(3)}`)
} finally {
  await close()
}
