/// <reference lib="dom" />
// What console.bench.ts runs inside Chromium (bundled by esbuild as it runs, so that no Node-side
// transform reaches the page): the console's worklist and the innerHTML baseline, timed in the page.
import { renderWorklist } from "../src/app/worklist.js"

/**
 * Times both renderings of 500 rows; medians in milliseconds. With `only`, renders that case
 * `times` times and returns nothing (the caller reads the main thread's CPU time around it).
 */
export const run = (only?: "baseline" | "console", repeat = 0) => {
    const priorities = ["normal", "urgent", "high", "low"]
    const badges = ["due", "soon", "overdue"] as const
    const rows = Array.from({ length: 500 }, (_, i) => ({
      appealId: `A-${String(i + 1).padStart(6, "0")}`,
      registrationNumber: `1726262-2026-${String(i + 1).padStart(6, "0")}`,
      status: "assigned",
      statusName: "biriktirildi",
      priority: priorities[i % 7 === 0 ? 1 : i % 4]!,
      category: ["publicOrder", "domesticConflict", "housingUtilities", "noise"][i % 4]!,
      mahallaCode: `1726262-00${1 + (i % 5)}`,
      flags: []
    }))
    const badgeOf = new Map(rows.map((r, i) => [r.appealId, badges[i % 3]!] as const))
    const host = document.getElementById("host")!
    const escape = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/"/g, "&quot;")
    const cases: Record<string, () => void> = {
      // The least a page can do: one string, parsed once, no handlers, no sorting, no words looked up.
      baseline: () => {
        let html = "<table class=\"worklist\"><thead><tr><th>id</th><th>deadline</th><th>status</th><th>priority</th><th>category</th><th>mahalla</th></tr></thead><tbody>"
        for (const r of rows)
          html += `<tr><td><a href="#/appeal/${escape(r.appealId)}">${escape(r.registrationNumber)}</a></td><td><span class="badge badge-${badgeOf.get(r.appealId)}">${badgeOf.get(r.appealId)}</span></td><td>${escape(r.statusName)}</td><td>${escape(r.priority)}</td><td>${escape(r.category)}</td><td>${escape(r.mahallaCode)}</td></tr>`
        host.innerHTML = html + "</tbody></table>"
      },
      console: () => {
        host.replaceChildren(renderWorklist(rows, badgeOf, "uz-Latn", () => {}))
      }
    }
    const once = (name: string) => {
      host.replaceChildren()
      void host.offsetHeight
      const start = performance.now()
      cases[name]!()
      // Layout included: what the reader waits for is the table laid out, not the DOM built.
      void host.offsetHeight
      return performance.now() - start
    }
    if (only !== undefined) {
      for (let i = 0; i < repeat; i++) once(only)
      return undefined
    }
    for (let i = 0; i < 5; i++) (once("baseline"), once("console"))
    const times: Record<string, Array<number>> = { baseline: [], console: [] }
    // Alternately, so that both see the same machine.
    for (let i = 0; i < 25; i++) for (const name of ["baseline", "console"]) times[name]!.push(once(name))
    const median = (xs: Array<number>) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!
    return { baseline: median(times["baseline"]!), console: median(times["console"]!), rows: document.querySelectorAll("#host tbody tr").length }
  }
