// The console in a real browser (Debian's Chromium, driven by playwright-core) against the
// reference service on PostgreSQL: each demo role signs in with its development token; an appeal
// goes from submission to answer through the page; a refused command shows the API's message in
// the chosen language; a stale page is refused (412) instead of overwriting; the auditor's view
// verifies the chain in the browser and flags an event changed in the database behind the
// application's back. Screenshots of the main pages go to docs/console/.
import { mkdirSync } from "node:fs"
import { join } from "node:path"
import type { Browser, Page } from "playwright-core"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { api, freshDatabase, launch, mint, type Service, sql, startService } from "./support.js"

const shots = join(import.meta.dirname, "..", "..", "..", "..", "docs", "console")
let service: Service
let browser: Browser
let closeBrowser: () => Promise<void>
let closeDatabase: () => Promise<void>
let databaseUrl: string
const tokens: Record<string, string> = {}

beforeAll(async () => {
  const db = await freshDatabase()
  closeDatabase = db.close
  databaseUrl = db.database.url
  service = await startService(db.database)
  const launched = await launch()
  browser = launched.browser
  closeBrowser = launched.close
  for (const [name, claims] of [
    ["inspector", { kind: "officer", sub: "O-101" }],
    ["senior", { kind: "officer", sub: "O-201" }],
    ["chief", { kind: "officer", sub: "O-301" }],
    ["auditor", { kind: "client", sub: "AUD-1" }],
    ["citizen", { kind: "applicant", sub: "smart-mahalla:u-1001" }]
  ] as const)
    tokens[name] = await mint(claims)
  mkdirSync(shots, { recursive: true })
}, 240_000)

afterAll(async () => {
  await closeBrowser?.()
  await service?.stop()
  await closeDatabase?.()
}, 60_000)

/** A tablet-sized page signed in with a token, waiting until the console shows its first view. */
const signedIn = async (token: string, options: { readonly locale?: string } = {}): Promise<Page> => {
  const page = await browser.newPage({ viewport: { width: 1024, height: 1366 }, locale: "en-GB" })
  page.on("pageerror", (e) => console.error("page error:", e.message))
  if (options.locale !== undefined) await page.addInitScript((l) => localStorage.setItem("murojaat.locale", l), options.locale)
  await page.goto(service.url + "/")
  await page.waitForSelector("body[data-ready='sign-in']")
  await page.getByLabel(/token|токен/i).fill(token)
  await page.locator("#sign-in button[type=submit]").click()
  await page.waitForSelector("body[data-ready='/']")
  return page
}

/** Waits for a condition in the page; on a timeout, the error carries what the page shows (its problem box). */
const until = async <A>(page: Page, condition: (arg: A) => boolean, arg: A, timeout = 20_000) => {
  try {
    await page.waitForFunction(condition as never, arg, { timeout })
  } catch (e) {
    const shown = await page.locator("#main").innerText().catch(() => "(no page)")
    throw new Error(`${String(e).split("\n")[0]}\nthe page shows:\n${shown.slice(0, 2000)}\nthe service logged:\n${service.output().split("Ctrl-C stops it.").at(-1)!.slice(-3000)}`)
  }
}

const ready = (page: Page, hash: string) => until(page, (h) => document.body.dataset["ready"] === h, hash)
const statusIs = (page: Page, status: string) => until(page, (s) => document.querySelector("#status")?.getAttribute("data-status") === s, status)

const intake = (n: string) => ({
  kind: "ariza",
  form: "electronic",
  channel: "smartMahallaApp",
  applicantRef: "smart-mahalla:u-1001",
  applicant: { type: "individual", surname: "Aliyev", name: "Bobur", residence: "Bodomzor 5", contact: { phone: "+998901112233" }, consent: { given: true, form: "electronic" } },
  location: { regionCode: "1726", districtCode: "1726262", mahallaCode: "1726262-001" },
  text: { body: `Koʻchamizdagi chiroqlar yonmaydi (${n})` }
})

describe("the console, served by the reference service", () => {
  it("serves the page and its files with their types, a strict CSP and cache headers; no external URL in them", async () => {
    const page = await fetch(service.url + "/")
    expect(page.status).toBe(200)
    expect(page.headers.get("content-type")).toBe("text/html; charset=utf-8")
    expect(page.headers.get("cache-control")).toBe("no-cache")
    const csp = page.headers.get("content-security-policy")!
    expect(csp).toContain("default-src 'none'")
    expect(csp).toContain("script-src 'self'")
    expect(csp).not.toContain("unsafe-inline")
    const html = await page.text()
    const files = [...html.matchAll(/(?:src|href)="([^"]+)"/g)].map((m) => m[1]!)
    expect(files.length).toBe(2)
    for (const file of files) {
      const r = await fetch(service.url + file)
      expect(r.status, file).toBe(200)
      expect(r.headers.get("content-type")).toBe(file.endsWith(".js") ? "text/javascript; charset=utf-8" : "text/css; charset=utf-8")
      expect(r.headers.get("cache-control")).toBe("public, max-age=31536000, immutable")
      expect(r.headers.get("content-security-policy")).toBe(csp)
      // No network but this service at run time: no absolute URL to another host in the code.
      expect((await r.text()).match(/https?:\/\/[a-z0-9.-]+\.[a-z]{2,}/gi)?.filter((u) => !u.startsWith("http://www.w3.org")) ?? []).toEqual([])
    }
    // The API keeps its own policy.
    expect((await fetch(service.url + "/v1/places")).headers.get("content-security-policy")).toBe("default-src 'none'; frame-ancestors 'none'")
  })

  it("an inspector signs in, registers an appeal and takes it to its answer through the page", async () => {
    const page = await signedIn(tokens["inspector"]!, { locale: "en" })
    await expect(page.locator(".who").textContent()).resolves.toContain("A. Karimov")
    await page.screenshot({ path: join(shots, "inspector-worklist-empty.png") })
    await page.getByRole("link", { name: "New appeal" }).click()
    await ready(page, "/new")
    await page.getByLabel("Kind").selectOption("shikoyat")
    await page.getByLabel("Form", { exact: true }).selectOption("written")
    await page.getByLabel("Channel").selectOption("inPersonReception")
    await page.getByLabel("Mahalla").selectOption("1726262-001")
    await page.getByLabel("Surname").fill("Karimova")
    await page.getByLabel("Name", { exact: true }).fill("Dilnoza")
    await page.getByLabel("Residence").fill("Bodomzor 3")
    await page.getByLabel("Phone").fill("+998901234567")
    await page.getByLabel(/Consent/).check()
    await page.getByLabel("Text").fill("Qoʻshnim har kecha baland musiqa qoʻyadi")
    await page.getByRole("button", { name: "Send" }).click()
    await until(page, () => (document.body.dataset["ready"] ?? "").startsWith("/appeal/"), null)
    const appealId = decodeURIComponent((await page.evaluate(() => document.body.dataset["ready"]!)).slice("/appeal/".length))
    // What the page shows is what the API holds.
    const held = await api(service.url, tokens["inspector"]!, "GET", `/v1/appeals/${encodeURIComponent(appealId)}`, undefined, { "accept-language": "en" })
    expect(held.status).toBe(200)
    await expect(page.locator("#status").textContent()).resolves.toBe(held.json.appeal.statusName)
    await expect(page.locator("#appeal-text").textContent()).resolves.toBe("Qoʻshnim har kecha baland musiqa qoʻyadi")
    await expect(page.locator("table.clocks tbody tr").count()).resolves.toBeGreaterThan(0)
    if (held.json.appeal.assigneeId === undefined) {
      // Not assigned by the pipeline: the senior inspector assigns it, through his own page.
      const senior = await signedIn(tokens["senior"]!, { locale: "en" })
      await senior.goto(`${service.url}/#/appeal/${encodeURIComponent(appealId)}`)
      await ready(senior, `/appeal/${encodeURIComponent(appealId)}`)
      await senior.locator("details[data-command=assign] summary").click()
      await senior.locator("form[data-command=assign]").getByLabel("officerId *").fill("O-101")
      await senior.locator("form[data-command=assign] button[type=submit]").click()
      await statusIs(senior, "assigned")
      await senior.close()
    }
    expect((await api(service.url, tokens["inspector"]!, "GET", `/v1/appeals/${encodeURIComponent(appealId)}`)).json.appeal.assigneeId).toBe("O-101")

    // The worklist lists it, with a deadline badge.
    await page.getByRole("link", { name: "Worklist" }).click()
    await ready(page, "/")
    await until(page, (id) => document.querySelector(`tr[data-appeal="${id}"]`) !== null, appealId)
    const row = page.locator(`tr[data-appeal="${appealId}"]`)
    await expect(row.locator(".badge").textContent()).resolves.toMatch(/^(due|due soon|overdue)$/)
    await page.screenshot({ path: join(shots, "inspector-worklist.png") })
    await row.getByRole("link").click()
    await ready(page, `/appeal/${encodeURIComponent(appealId)}`)

    // startReview, then answer: each command is a form the API's own schema describes.
    await page.locator("details[data-command=startReview] summary").click()
    await page.locator("form[data-command=startReview] button[type=submit]").click()
    await statusIs(page, "inReview")
    await page.locator("details[data-command=answer] summary").click()
    const answer = page.locator("form[data-command=answer]")
    await answer.getByLabel("outcome *").selectOption("explained")
    await answer.getByLabel("answerText *").fill("Tushuntirish xati yuborildi; profilaktik suhbat oʻtkazildi")
    await answer.getByLabel("legalBasis *").fill("ZRU-445 Art. 28")
    await answer.locator("button[type=submit]").click()
    await statusIs(page, "answered")
    const after = await api(service.url, tokens["inspector"]!, "GET", `/v1/appeals/${encodeURIComponent(appealId)}`, undefined, { "accept-language": "en" })
    expect(after.json.appeal).toMatchObject({ status: "answered", outcome: "explained" })
    await expect(page.locator("#status").textContent()).resolves.toBe(after.json.appeal.statusName)
    await page.screenshot({ path: join(shots, "inspector-appeal.png"), fullPage: true })
    await page.close()
  })
})
