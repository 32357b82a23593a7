// The console in a real browser (Debian's Chromium, driven by playwright-core) against the
// reference service on PostgreSQL: each demo role signs in with its development token; an appeal
// goes from submission to answer through the page; a refused command shows the API's message in
// the chosen language; a stale page is refused (412) instead of overwriting; the auditor's view
// verifies the chain in the browser and flags an event changed in the database behind the
// application's back. Screenshots of the main pages go to docs/console/.
import { mkdirSync } from "node:fs"
import { join } from "node:path"
import { Api } from "@murojaat/http"
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
  // The browser first: without it, every test fails at once with the reason.
  const launched = await launch()
  browser = launched.browser
  closeBrowser = launched.close
  const db = await freshDatabase()
  closeDatabase = db.close
  databaseUrl = db.database.url
  service = await startService(db.database)
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

/** Fills and sends the page's answer form (generated from the API's schema); the form. */
const answerThrough = async (page: Page, outcome: string, text: string) => {
  await page.locator("details[data-command=answer] summary").click()
  const form = page.locator("form[data-command=answer]")
  await form.getByLabel("outcome *").selectOption(outcome)
  await form.getByLabel("answerText *").fill(text)
  await form.getByLabel("legalBasis *").fill("ZRU-445 Art. 28")
  await form.locator("button[type=submit]").click()
  return form
}

const intake = (n: string) => ({
  kind: "ariza",
  form: "electronic",
  channel: "smartMahallaApp",
  applicantRef: "smart-mahalla:u-1001",
  applicant: { type: "individual", surname: "Aliyev", name: "Bobur", residence: "Bodomzor 5", contact: { phone: "+998901112233" }, consent: { given: true, form: "electronic" } },
  location: { regionCode: "1726", districtCode: "1726262", mahallaCode: "1726262-001" },
  text: { body: `Koʻchamizdagi chiroqlar yonmaydi (${n})` }
})

/** An appeal submitted by the citizen through the API and assigned to O-101; its id. */
const assigned = async (n: string): Promise<string> => {
  const submitted = await api(service.url, tokens["citizen"]!, "POST", "/v1/appeals", intake(n), { "idempotency-key": `console-${n}` })
  expect(submitted.status, JSON.stringify(submitted.json)).toBe(201)
  const id = submitted.json.appeal.appealId as string
  if (submitted.json.appeal.assigneeId === undefined) {
    const r = await api(service.url, tokens["senior"]!, "POST", `/v1/appeals/${id}/assign`, { officerId: "O-101" }, { "if-match": submitted.etag! })
    expect(r.status, JSON.stringify(r.json)).toBe(200)
  }
  return id
}

const command = async (token: string, id: string, type: string, body: unknown, locale = "en") => {
  const current = await api(service.url, token, "GET", `/v1/appeals/${id}`)
  return api(service.url, token, "POST", `/v1/appeals/${id}/${type}`, body, { "if-match": current.etag!, "accept-language": locale })
}

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

    // Every command the API declares is offered as a form (the API, not the page, decides which it accepts).
    await expect(page.locator("details[data-command]").count()).resolves.toBe(Api.commandTypes.length)
    // startReview, then answer: each command is a form the API's own schema describes.
    await page.locator("details[data-command=startReview] summary").click()
    await page.locator("form[data-command=startReview] button[type=submit]").click()
    await statusIs(page, "inReview")
    await answerThrough(page, "explained", "Tushuntirish xati yuborildi; profilaktik suhbat oʻtkazildi")
    await statusIs(page, "answered")
    const after = await api(service.url, tokens["inspector"]!, "GET", `/v1/appeals/${encodeURIComponent(appealId)}`, undefined, { "accept-language": "en" })
    expect(after.json.appeal).toMatchObject({ status: "answered", outcome: "explained" })
    await expect(page.locator("#status").textContent()).resolves.toBe(after.json.appeal.statusName)
    await page.screenshot({ path: join(shots, "inspector-appeal.png"), fullPage: true })
    await page.setViewportSize({ width: 768, height: 1024 })
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true)
    await page.close()
  })

  it("a view that loads late never replaces the one asked for after it (the latest route alone writes the page)", async () => {
    const id = await assigned("late-view")
    const page = await signedIn(tokens["inspector"]!, { locale: "en" })
    // The worklist's answer is held back until the appeal's page has been asked for and shown.
    let release!: () => void
    const held = new Promise<void>((resolve) => (release = resolve))
    await page.route("**/v1/officers/*/worklist*", async (r) => {
      await held
      await r.continue()
    })
    await page.evaluate(() => (location.hash = "#/worklist-again"))
    await page.evaluate((appeal) => (location.hash = `#/appeal/${appeal}`), id)
    await ready(page, `/appeal/${id}`)
    release()
    // Let the held worklist arrive, then check the appeal's page is still the one shown.
    await page.waitForResponse("**/v1/officers/*/worklist*")
    await page.evaluate(() => new Promise((r) => setTimeout(r, 200)))
    await expect(page.locator("details[data-command]").count()).resolves.toBe(Api.commandTypes.length)
    await expect(page.evaluate(() => document.body.dataset["ready"])).resolves.toBe(`/appeal/${id}`)
    await page.close()
  })

  it("a refused command shows the API's own message in the chosen language; a stale page is refused (412) and says so", async () => {
    const id = await assigned("refused")
    expect((await command(tokens["inspector"]!, id, "startReview", {})).status).toBe(200)
    const page = await signedIn(tokens["inspector"]!, { locale: "en" })
    // The language switch: the page's words and the API's status names follow it.
    await page.getByLabel("Language").selectOption("ru")
    await ready(page, "/")
    await expect(page.locator("h2").first().textContent()).resolves.toBe("Рабочий список")
    await page.goto(`${service.url}/#/appeal/${id}`)
    await ready(page, `/appeal/${id}`)
    const ru = await api(service.url, tokens["inspector"]!, "GET", `/v1/appeals/${id}`, undefined, { "accept-language": "ru" })
    await expect(page.locator("#status").textContent()).resolves.toBe(ru.json.appeal.statusName)

    // startReview again, in review: the lifecycle refuses; the page shows the API's Russian message in place.
    await page.locator("details[data-command=startReview] summary").click()
    await page.locator("form[data-command=startReview] button[type=submit]").click()
    const box = page.locator("form[data-command=startReview] .problem")
    await box.waitFor()
    // The oracle: the same refusal asked of the API directly, in Russian and in English.
    const [inRussian, inEnglish] = [await command(tokens["inspector"]!, id, "startReview", {}, "ru"), await command(tokens["inspector"]!, id, "startReview", {}, "en")]
    expect(inRussian.status).toBeGreaterThanOrEqual(400)
    expect(inRussian.json.detail).not.toBe(inEnglish.json.detail)
    expect(inRussian.json.detail).toMatch(/[А-Яа-яЁё]/)
    await expect(box.textContent()).resolves.toContain(inRussian.json.detail)
    await expect(box.getAttribute("data-code")).resolves.toBe(inRussian.json.code)
    await page.screenshot({ path: join(shots, "refused-ru.png"), fullPage: false })

    // Stale: the appeal changes elsewhere (information requested through the API) while the page is open.
    const elsewhere = await command(tokens["inspector"]!, id, "requestInformation", { request: "Qoʻshnining manzilini aniqlashtiring" })
    expect(elsewhere.status, JSON.stringify(elsewhere.json)).toBe(200)
    const answer = await answerThrough(page, "satisfied", "Masala hal qilindi")
    const stale = answer.locator(".problem.stale")
    await stale.waitFor()
    await expect(stale.getAttribute("data-status")).resolves.toBe("412")
    await expect(stale.locator(".stale-note").textContent()).resolves.toBe("Страница устарела: обращение изменено в другом месте. Обновите и повторите.")
    await page.screenshot({ path: join(shots, "stale-412.png") })
    // Nothing was overwritten: the appeal is as the other change left it.
    const now = await api(service.url, tokens["inspector"]!, "GET", `/v1/appeals/${id}`)
    expect(now.json.appeal.status).toBe("awaitingApplicant")
    expect(now.etag).toBe(elsewhere.etag)
    await page.close()
  })

  it("the auditor's view verifies the chain in the browser and flags an event changed in the database behind the application's back", async () => {
    const id = await assigned("audit")
    expect((await command(tokens["inspector"]!, id, "startReview", {})).status).toBe(200)
    const page = await signedIn(tokens["auditor"]!, { locale: "en" })
    await expect(page.locator(".who").getAttribute("data-role")).resolves.toBe("auditor")
    await page.screenshot({ path: join(shots, "auditor-home.png") })
    await page.goto(`${service.url}/#/audit/${id}`)
    await ready(page, `/audit/${id}`)
    const history = await api(service.url, tokens["auditor"]!, "GET", `/v1/appeals/${id}/history`)
    await expect(page.locator("#verdict").getAttribute("data-verdict")).resolves.toBe("ok")
    await expect(page.locator("[data-check=ok]").count()).resolves.toBe(history.json.events.length)
    // Every rule id with its legal source, as the registry gives it.
    const rules = (await api(service.url, tokens["auditor"]!, "GET", "/v1/rules")).json.rules as ReadonlyArray<{ id: string; source: string }>
    // The registry as the law states it: the one extension of a term is ZRU-445 Art. 28's.
    expect(rules.find((r) => r.id === "extension.once")?.source).toBe("ZRU-445 Art. 28")
    const first = history.json.events[0].rules[0] as string
    await expect(page.locator('tr[data-seq="1"]').textContent()).resolves.toContain(rules.find((r) => r.id === first)!.source)
    // Personal data masked, as the API masks it for auditors: no name, no text of the applicant.
    await expect(page.locator("#masked").count()).resolves.toBe(1)
    await expect(page.locator("#main").textContent()).resolves.not.toContain("Aliyev")
    await page.screenshot({ path: join(shots, "auditor-verified.png"), fullPage: true })

    // Someone with the database's rights switches the guard off and edits event 2.
    await sql(databaseUrl, "ALTER TABLE murojaat.appeal_event DISABLE TRIGGER appeal_event_append_only")
    try {
      const edited = await sql(databaseUrl, `UPDATE murojaat.appeal_event SET body = replace(body::text, '"registry"', '"forger"')::json WHERE appeal_id = $1 AND seq = 2 RETURNING seq`, [id])
      expect(edited.length).toBe(1)
    } finally {
      await sql(databaseUrl, "ALTER TABLE murojaat.appeal_event ENABLE TRIGGER appeal_event_append_only")
    }
    // The server's own check is made to say "ok": the page must find the edit by itself.
    await page.route("**/v1/appeals/*/history", async (route) => {
      const response = await route.fetch()
      const body = await response.json()
      await route.fulfill({ response, json: { ...body, verification: { ok: true, count: body.events.length, projectionMatches: true } } })
    })
    await page.reload()
    await ready(page, `/audit/${id}`)
    await expect(page.locator("#verdict").getAttribute("data-verdict")).resolves.toBe("broken")
    await expect(page.locator("#verdict").textContent()).resolves.toContain("#2 hashMismatch")
    await expect(page.locator('tr[data-seq="2"] [data-check]').getAttribute("data-check")).resolves.toBe("broken")
    await expect(page.locator('tr[data-seq="1"] [data-check]').getAttribute("data-check")).resolves.toBe("ok")
    await expect(page.locator("#server-verdict").textContent()).resolves.toContain("ok")
    await page.screenshot({ path: join(shots, "auditor-broken.png"), fullPage: true })
    await page.close()
  })

  it("the district chief sees the overdue list, approvals, ratings and hotspots, and reassigns an appeal", async () => {
    const id = await assigned("chief")
    const period = new Date().toISOString().slice(0, 7)
    const hotspotsOf = () => api(service.url, tokens["chief"]!, "GET", `/v1/analytics/hotspots?period=${period}&level=mahalla&district=1726262`)
    // The facts are refreshed every 2 seconds: wait until this month's appeals are counted.
    for (let i = 0; i < 30 && JSON.stringify((await hotspotsOf()).json).indexOf("1726262-001") < 0; i++) await new Promise((r) => setTimeout(r, 1000))
    const page = await signedIn(tokens["chief"]!, { locale: "en" })
    await expect(page.locator(".who").getAttribute("data-role")).resolves.toBe("chief")
    for (const heading of ["The district's overdue appeals", "Awaiting approval", "Reassign"]) await expect(page.getByRole("heading", { name: heading }).count()).resolves.toBe(1)
    await expect(page.getByRole("heading", { name: /Unit ratings/ }).count()).resolves.toBe(1)
    await expect(page.getByRole("heading", { name: /Hotspots per mahalla/ }).count()).resolves.toBe(1)
    // The hotspots as the API counts them: a bar per mahalla in the chart, a row per mahalla and category in the table.
    const report = (await hotspotsOf()).json as { totals: ReadonlyArray<{ code: string; current: number }>; cells: ReadonlyArray<unknown> }
    await expect(page.locator("svg.chart rect").count()).resolves.toBe(report.totals.length)
    await expect(page.locator("svg.chart").textContent()).resolves.toContain("Bodomzor")
    await expect(page.locator("#hotspots tbody tr").count()).resolves.toBe(report.cells.length)
    await expect(page.locator("#ratings tbody").textContent()).resolves.toContain("O-101")
    await page.getByLabel("Appeal id").fill(id)
    await page.locator("#reassign-officer").selectOption("O-103")
    await page.locator("#reassign-reason").fill("Oilaviy nizo: xotin-qizlar inspektoriga")
    await page.locator("#reassign button[type=submit]").click()
    await until(page, () => document.querySelector("#reassign .ok, #reassign .problem") !== null, null)
    await expect(page.locator("#reassign .problem").count()).resolves.toBe(0)
    expect((await api(service.url, tokens["chief"]!, "GET", `/v1/appeals/${id}`)).json.appeal.assigneeId).toBe("O-103")
    await page.screenshot({ path: join(shots, "chief.png"), fullPage: true })
    await page.close()
  })
  it("is usable from the keyboard alone, with landmarks and labels, on a tablet held upright (no sideways scrolling)", async () => {
    const page = await browser.newPage({ viewport: { width: 768, height: 1024 }, locale: "en-GB" })
    await page.addInitScript(() => localStorage.setItem("murojaat.locale", "uz-Cyrl"))
    await page.goto(service.url + "/")
    await page.waitForSelector("body[data-ready='sign-in']")
    await page.screenshot({ path: join(shots, "sign-in.png") })
    // Tab order: the skip link, the language switch, the token, the button; Enter signs in.
    await page.keyboard.press("Tab")
    await expect(page.evaluate(() => document.activeElement?.className)).resolves.toBe("skip")
    await page.keyboard.press("Tab")
    await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe("language")
    await page.keyboard.press("Tab")
    await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe("token")
    await page.keyboard.insertText(tokens["inspector"]!)
    await page.keyboard.press("Tab")
    await page.keyboard.press("Enter")
    await page.waitForSelector("body[data-ready='/']")
    // Landmarks, and every form control with a label.
    for (const role of ["banner", "navigation", "main"] as const) await expect(page.getByRole(role).count()).resolves.toBe(1)
    const unlabelled = await page.evaluate(() =>
      Array.from(document.querySelectorAll("input, select, textarea")).filter((el) => el.id === "" || document.querySelector(`label[for="${el.id}"]`) === null).length
    )
    expect(unlabelled).toBe(0)
    await expect(page.locator("h2").first().textContent()).resolves.toBe("Иш рўйхати")
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true)
    await page.screenshot({ path: join(shots, "inspector-tablet-uz-cyrl.png") })
    await page.close()
  })
})
