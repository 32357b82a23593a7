// The REST API over real HTTP (node:http on 127.0.0.1), on the in-memory core: an appeal's whole
// life, idempotent retries, conditional commands, problems in four languages, lists, the edge.
import { Sample } from "@murojaat/core"
import { Edge } from "@murojaat/http"
import { Context } from "effect"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { call, type Running, start, token } from "./support.js"

let s: Running
const t: Record<string, string> = {}
beforeAll(async () => {
  s = await start()
  t.citizen = await token({ kind: "applicant", sub: "u-1" })
  t.neighbour = await token({ kind: "applicant", sub: "u-2" })
  t.inspector = await token({ kind: "officer", sub: "O-101" })
  t.otherInspector = await token({ kind: "officer", sub: "O-102" })
  t.senior = await token({ kind: "officer", sub: "O-201" })
  t.chief = await token({ kind: "officer", sub: "O-301" })
  t.auditor = await token({ kind: "client", sub: "AUD-1" })
  t.portal = await token({ kind: "client", sub: "portal" })
  t.admin = await token({ kind: "client", sub: "admin" })
})
afterAll(() => s.close())

let keys = 0
const submit = (who: string, body: unknown = { ...Sample.intake, applicantRef: "u-1" }, key = `key-${++keys}`) =>
  call(s.url, "POST", "/v1/appeals", { token: who, body, headers: { "idempotency-key": key } })

const act = (who: string, appealId: string, type: string, body: unknown = {}, headers: Record<string, string> = {}) =>
  call(s.url, "POST", `/v1/appeals/${appealId}/${type}`, { token: who, body, headers })

const expectProblem = (r: { status: number; headers: Headers; json: any }, status: number, code: string) => {
  expect(r.status, JSON.stringify(r.json)).toBe(status)
  expect(r.headers.get("content-type")).toContain("application/problem+json")
  expect(r.json).toMatchObject({ status, code, type: `urn:murojaat:problem:${code}` })
  expect(typeof r.json.detail).toBe("string")
  expect(r.json.requestId).toBe(r.headers.get("x-request-id"))
}

describe("an appeal's whole life through the API", () => {
  it("is submitted, assigned, reviewed, answered, rated and closed; every step an ETag, the clocks explained", async () => {
    const submitted = await submit(t.citizen!)
    expect(submitted.status).toBe(201)
    const id = submitted.json.appeal.appealId as string
    expect(submitted.headers.get("location")).toBe(`/v1/appeals/${id}`)
    expect(submitted.headers.get("etag")).toBe(`"${submitted.json.appeal.version}"`)
    expect(submitted.json.appeal.statusName).toBe("tasniflandi")
    const consideration = submitted.json.deadlines.clocks.find((c: any) => c.clock === "consideration")
    expect(consideration.explanation.source).toMatch(/ZRU-445/)
    expect(submitted.json.events.map((e: any) => e.type)).toEqual(["received", "registered", "triaged", ...(submitted.json.appeal.assigneeId ? ["assigned"] : [])])

    let etag = submitted.headers.get("etag")!
    if (submitted.json.appeal.assigneeId === undefined) {
      const assigned = await act(t.senior!, id, "assign", { officerId: "O-101" }, { "if-match": etag })
      expect(assigned.status, JSON.stringify(assigned.json)).toBe(200)
      etag = assigned.headers.get("etag")!
    }
    const steps: Array<[string, string, unknown]> = [
      [t.inspector!, "startReview", {}],
      [t.inspector!, "requestInformation", { request: "Chiroq ustuni raqamini yozing" }],
      [t.citizen!, "provideInformation", { note: "12-ustun" }],
      [t.inspector!, "answer", { outcome: "satisfied", answerText: "Chiroqlar tuzatildi", legalBasis: "ZRU-445 Art. 28" }],
      [t.citizen!, "rate", { score: 5 }],
      [t.citizen!, "close", {}]
    ]
    for (const [who, type, body] of steps) {
      const r = await act(who, id, type, body, { "if-match": etag, "accept-language": "en" })
      expect(r.status, `${type}: ${JSON.stringify(r.json)}`).toBe(200)
      expect(r.json.events.at(-1).type).not.toBe("received")
      expect(Number(r.headers.get("etag")!.replaceAll('"', ""))).toBeGreaterThan(Number(etag.replaceAll('"', "")))
      etag = r.headers.get("etag")!
    }
    const final = await call(s.url, "GET", `/v1/appeals/${id}`, { token: t.citizen!, headers: { "accept-language": "uz-Cyrl" } })
    expect(final.json.appeal.status).toBe("closed")
    expect(final.json.appeal.statusName).toBe("ёпилди")
    expect(final.headers.get("content-language")).toBe("uz-Cyrl")
    expect(final.json.personal.applicant.surname).toBe("Aliyev")

    const history = await call(s.url, "GET", `/v1/appeals/${id}/history`, { token: t.auditor! })
    expect(history.status).toBe(200)
    expect(history.json.verification).toMatchObject({ ok: true, projectionMatches: true })
    expect(history.json.events.map((e: any) => e.type)).toContain("closed")
    // The auditor reads it masked.
    const masked = await call(s.url, "GET", `/v1/appeals/${id}`, { token: t.auditor! })
    expect(masked.json.masked).toBe(true)
    expect(masked.json.personal.applicant.surname).not.toBe("Aliyev")
  })
})

describe("idempotent retries", () => {
  it("the same key and body give the first answer, never a second appeal, even when sent at once", async () => {
    const body = { ...Sample.intake, applicantRef: "u-1", text: { body: "Yoʻlda chuqur bor, mashinalar shikastlanmoqda" } }
    const answers = await Promise.all([1, 2, 3, 4, 5].map(() => submit(t.citizen!, body, "retry-1")))
    expect(answers.map((a) => a.status)).toEqual([201, 201, 201, 201, 201])
    expect(new Set(answers.map((a) => a.json.appeal.appealId)).size).toBe(1)
    const later = await submit(t.citizen!, body, "retry-1")
    expect(later.json.appeal.appealId).toBe(answers[0]!.json.appeal.appealId)
  })

  it("the same key with another body is refused (422), and keys are per caller", async () => {
    await submit(t.citizen!, undefined, "shared-key")
    expectProblem(await submit(t.citizen!, { ...Sample.intake, applicantRef: "u-1", kind: "taklif" }, "shared-key"), 422, "IdempotencyConflict")
    // Another caller's identical key is another request entirely.
    const other = await submit(t.neighbour!, { ...Sample.intake, applicantRef: "u-2" }, "shared-key")
    expect(other.status).toBe(201)
  })

  it("a submission without an Idempotency-Key is refused", async () => {
    const r = await call(s.url, "POST", "/v1/appeals", { token: t.citizen!, body: Sample.intake })
    expectProblem(r, 400, "InvalidInput")
    expect(r.json.issues.map((i: any) => i.path)).toContain("idempotency-key")
  })
})

describe("conditional commands", () => {
  it("a stale If-Match is 412 with the current version, a current one runs, a malformed one is 400", async () => {
    const created = await submit(t.citizen!)
    const id = created.json.appeal.appealId
    const version = created.json.appeal.version as number
    const stale = await act(t.citizen!, id, "withdraw", {}, { "if-match": `"${version - 1}"` })
    expectProblem(stale, 412, "PreconditionFailed")
    expect(stale.json).toMatchObject({ appealId: id, expected: version - 1, actual: version })
    expectProblem(await act(t.citizen!, id, "withdraw", {}, { "if-match": `W/"${version}"` }), 400, "InvalidInput")
    const done = await act(t.citizen!, id, "withdraw", {}, { "if-match": `"${version}"` })
    expect(done.status).toBe(200)
    expect(done.json.appeal.status).toBe("withdrawn")
    // Conditional reads.
    const again = await call(s.url, "GET", `/v1/appeals/${id}`, { token: t.citizen!, headers: { "if-none-match": done.headers.get("etag")! } })
    expect(again.status).toBe(304)
  })

  it("an idempotent retry of a conditional command that committed gets its first answer, not 412", async () => {
    const created = await submit(t.citizen!)
    const id = created.json.appeal.appealId
    const headers = { "if-match": created.headers.get("etag")!, "idempotency-key": "withdraw-1" }
    const first = await act(t.citizen!, id, "withdraw", {}, headers)
    const retry = await act(t.citizen!, id, "withdraw", {}, headers)
    expect([first.status, retry.status]).toEqual([200, 200])
    expect(retry.json.events).toEqual(first.json.events)
  })
})

describe("who may read", () => {
  it("an appeal the caller may not read is 404, exactly like one that does not exist", async () => {
    const created = await submit(t.citizen!)
    const id = created.json.appeal.appealId as string
    const hidden = await call(s.url, "GET", `/v1/appeals/${id}`, { token: t.neighbour!, headers: { "accept-language": "en" } })
    const missing = await call(s.url, "GET", `/v1/appeals/A-999999`, { token: t.neighbour!, headers: { "accept-language": "en" } })
    expectProblem(hidden, 404, "AppealNotFound")
    expectProblem(missing, 404, "AppealNotFound")
    const shape = (j: any) => ({ ...j, requestId: undefined, instance: undefined, appealId: undefined, detail: j.detail.replace(/A-\d+/, "") })
    expect(shape(hidden.json)).toEqual(shape(missing.json))
    expectProblem(await act(t.neighbour!, id, "withdraw"), 404, "AppealNotFound")
  })

  it("applicants list only their own appeals; officers their district's; pages are keyset cursors", async () => {
    for (let i = 0; i < 3; i++) await submit(t.neighbour!, { ...Sample.intake, applicantRef: "u-2" })
    const mine = await call(s.url, "GET", "/v1/appeals?limit=2", { token: t.neighbour! })
    expect(mine.status).toBe(200)
    expect(mine.json.items).toHaveLength(2)
    const all: Array<string> = []
    let next: string | undefined
    do {
      const page = await call(s.url, "GET", `/v1/appeals?limit=2${next ? `&after=${next}` : ""}`, { token: t.neighbour! })
      expect(page.json.items.every((a: any) => a.applicantRef === "u-2")).toBe(true)
      all.push(...page.json.items.map((a: any) => a.appealId))
      next = page.json.next
    } while (next !== undefined)
    expect(new Set(all).size).toBe(all.length)
    expect(all.length).toBeGreaterThanOrEqual(4)
    const filtered = await call(s.url, "GET", "/v1/appeals?status=withdrawn&status=closed", { token: t.chief! })
    expect(filtered.json.items.every((a: any) => ["withdrawn", "closed"].includes(a.status))).toBe(true)
    expect(filtered.json.items.length).toBeGreaterThan(0)
    expectProblem(await call(s.url, "GET", "/v1/appeals?after=garbage", { token: t.chief! }), 400, "InvalidInput")
    expectProblem(await call(s.url, "GET", "/v1/appeals?colour=red", { token: t.chief! }), 400, "InvalidInput")
    expectProblem(await call(s.url, "GET", "/v1/appeals?status=lost", { token: t.chief! }), 400, "InvalidInput")
  })

  it("worklists, overdue and soon-due lists answer within the caller's territory", async () => {
    const created = await submit(t.citizen!)
    if (created.json.appeal.assigneeId === undefined) await act(t.senior!, created.json.appeal.appealId, "assign", { officerId: "O-101" })
    const list = await call(s.url, "GET", "/v1/officers/O-101/worklist", { token: t.inspector! })
    expect(list.status).toBe(200)
    expect(list.json.items.some((a: any) => a.appealId === created.json.appeal.appealId)).toBe(true)
    expectProblem(await call(s.url, "GET", "/v1/officers/O-101/worklist", { token: t.otherInspector! }), 403, "NotAuthorized")
    expect((await call(s.url, "GET", "/v1/overdue?districtCode=1726262", { token: t.chief! })).status).toBe(200)
    expect((await call(s.url, "GET", "/v1/soon-due?mahallaCode=1726262-001&limit=5", { token: t.inspector! })).status).toBe(200)
    expectProblem(await call(s.url, "GET", "/v1/overdue?mahallaCode=1726262-001", { token: t.otherInspector! }), 403, "NotAuthorized")
    expectProblem(await call(s.url, "GET", "/v1/overdue", { token: t.chief! }), 400, "InvalidInput")
    expectProblem(await call(s.url, "GET", "/v1/overdue?districtCode=1726262", { token: t.citizen! }), 403, "InsufficientScope")
  })

  it("link suggestions show the caller's own similar appeals and only count the others", async () => {
    const r = await call(s.url, "POST", "/v1/link-suggestions", { token: t.neighbour!, body: { ...Sample.intake, applicantRef: "u-2" } })
    expect(r.status).toBe(200)
    expect(typeof r.json.similarElsewhere).toBe("number")
    expect(r.json.suggestions.every((x: any) => typeof x.appealId === "string")).toBe(true)
    // Each carries the duplicates label, the rule and the reasons; the caller's own appeals only.
    expect(r.json.suggestions.length).toBeGreaterThan(0)
    for (const x of r.json.suggestions) {
      expect(["duplicate", "reminder", "repeated", "related"]).toContain(x.label)
      expect(x.ruleId).toMatch(/^duplicates\./)
      expect(x.signals.every((g: any) => typeof g.reason === "string" && g.reason.length > 0)).toBe(true)
      // An appeal the caller may not read is 404 (see above): these he may.
      expect((await call(s.url, "GET", `/v1/appeals/${x.appealId}`, { token: t.neighbour! })).status).toBe(200)
    }
    // u-1's open appeals of the same text at the same place are counted, not shown.
    expect(r.json.similarElsewhere).toBeGreaterThan(0)
    expect(r.json.openAtPlace).toBe(true)
  })
})

describe("problems", () => {
  it("speak the language of Accept-Language", async () => {
    const ask = (lang: string) => call(s.url, "GET", "/v1/appeals/A-404404", { token: t.chief!, headers: { "accept-language": lang } })
    expect((await ask("ru-RU,ru;q=0.9")).json.detail).toMatch(/Обращение не найдено/)
    expect((await ask("en")).json.detail).toMatch(/not found/i)
    expect((await ask("uz-Cyrl")).json.detail).toMatch(/топилмади/)
    expect((await ask("fr")).json).toMatchObject({ language: "uz-Latn" })
  })

  it("refuse what cannot be read: malformed JSON, wrong types, unknown fields, media types, sizes", async () => {
    const post = (raw: string, headers: Record<string, string> = { "content-type": "application/json" }) =>
      call(s.url, "POST", "/v1/appeals", { token: t.citizen!, raw, headers: { "idempotency-key": `p-${++keys}`, ...headers } })
    expectProblem(await post("{"), 400, "MalformedBody")
    expectProblem(await post('{"kind": 1}'), 400, "InvalidInput")
    const unknown = await post(JSON.stringify({ ...Sample.intake, applicantRef: "u-1", colour: "red" }))
    expectProblem(unknown, 400, "InvalidInput")
    expect(unknown.json.issues).toContainEqual(expect.objectContaining({ path: "colour", problem: "notAllowed" }))
    expect(JSON.stringify(unknown.json)).not.toContain("Aliyev")
    expectProblem(await post("kind=ariza", { "content-type": "application/x-www-form-urlencoded" }), 415, "UnsupportedMediaType")
    expectProblem(await post(JSON.stringify({ text: "x".repeat(300_000) })), 413, "PayloadTooLarge")
    expectProblem(await post(Buffer.from([0x7b, 0xff, 0x7d]).toString("latin1")), 400, "MalformedBody")
    expectProblem(await post("[".repeat(100_000)), 400, "MalformedBody")
    expectProblem(await act(t.citizen!, "A-000001", "withdraw", { type: "answer" }), 400, "InvalidInput")
    expectProblem(await call(s.url, "GET", "/v1/appeals/..%2F..%2Fetc", { token: t.citizen! }), 400, "InvalidInput")
  })

  it("say why a credential is refused, and what it lacks", async () => {
    expectProblem(await call(s.url, "GET", "/v1/appeals"), 401, "Unauthenticated")
    const expired = await token({ kind: "officer", sub: "O-101" }, { now: Date.now() - 86_400_000, ttlSeconds: 60 })
    const r = await call(s.url, "GET", "/v1/appeals", { token: expired })
    expectProblem(r, 401, "Unauthenticated")
    expect(r.json.reason).toBe("expired")
    expect(r.headers.get("www-authenticate")).toContain("Bearer")
    expectProblem(await call(s.url, "GET", "/v1/appeals", { token: await token({ kind: "client", sub: "nobody" }) }), 401, "Unauthenticated")
    expectProblem(await call(s.url, "GET", "/v1/directory", { token: t.citizen! }), 403, "InsufficientScope")
    // An officer the directory does not know, and claims that exceed the directory's.
    expectProblem(await call(s.url, "GET", "/v1/appeals", { token: await token({ kind: "officer", sub: "O-999" }) }), 403, "NotAuthorized")
    const overclaiming = await token({ kind: "officer", sub: "O-101", roles: ["districtChief"] })
    expectProblem(await call(s.url, "GET", "/v1/appeals", { token: overclaiming }), 403, "NotAuthorized")
    expectProblem(await submit(overclaiming), 403, "NotAuthorized")
  })

  it("an unknown route is a 404 problem", async () => {
    expectProblem(await call(s.url, "GET", "/v2/anything", { token: t.chief! }), 404, "NotFound")
    expectProblem(await call(s.url, "DELETE", "/v1/appeals/A-000001", { token: t.chief! }), 404, "NotFound")
  })
})

describe("administration", () => {
  it("the directory and the calendar are read by those with the scope and changed only by administrators", async () => {
    const directory = await call(s.url, "GET", "/v1/directory", { token: t.chief! })
    expect(directory.status).toBe(200)
    const places = await call(s.url, "GET", "/v1/places", { token: t.citizen! })
    expect(places.json.mahallas.map((m: any) => m.code)).toContain("1726262-001")
    expect(places.json.officers).toBeUndefined()
    expectProblem(await call(s.url, "PUT", "/v1/directory", { token: t.chief!, body: directory.json }), 403, "InsufficientScope")
    const replaced = await call(s.url, "PUT", "/v1/directory", { token: t.admin!, body: directory.json })
    expect(replaced.json).toMatchObject({ officers: Sample.directory.officers.length })
    const broken = { ...directory.json, officers: [{ ...directory.json.officers[0], mahallas: ["nowhere"] }] }
    expectProblem(await call(s.url, "PUT", "/v1/directory", { token: t.admin!, body: broken }), 400, "InvalidInput")
    const calendar = await call(s.url, "GET", "/v1/calendar", { token: t.citizen! })
    expect(calendar.status).toBe(200)
    const year = calendar.json.years[calendar.json.years.length - 1]
    const loaded = await call(s.url, "POST", "/v1/calendar/years", { token: t.admin!, body: { years: [year] } })
    expect(loaded.status, JSON.stringify(loaded.json)).toBe(200)
    expectProblem(await call(s.url, "POST", "/v1/calendar/years", { token: t.chief!, body: { years: [year] } }), 403, "InsufficientScope")
    expectProblem(await call(s.url, "POST", "/v1/calendar/years", { token: t.admin!, body: { years: [{ ...year, year: 1800 }] } }), 400, "InvalidInput")
  })
})

describe("the edge", () => {
  it("sends security headers and the request id (a caller's own id is kept when it is well formed)", async () => {
    const r = await call(s.url, "GET", "/health", { headers: { "x-request-id": "portal-42" } })
    expect(r.headers.get("x-request-id")).toBe("portal-42")
    expect(r.headers.get("x-content-type-options")).toBe("nosniff")
    expect(r.headers.get("content-security-policy")).toContain("default-src 'none'")
    const odd = await call(s.url, "GET", "/health", { headers: { "x-request-id": "<script>" } })
    expect(odd.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/)
  })

  it("limits a client to its rate, with Retry-After", async () => {
    const slow = await token({ kind: "client", sub: "slow" })
    const statuses: Array<number> = []
    for (let i = 0; i < 4; i++) statuses.push((await call(s.url, "GET", "/v1/appeals", { token: slow })).status)
    expect(statuses.slice(0, 1)).toEqual([200])
    const limited = await call(s.url, "GET", "/v1/appeals", { token: slow })
    expectProblem(limited, 429, "RateLimited")
    expect(Number(limited.headers.get("retry-after"))).toBeGreaterThan(0)
  })

  it("serves the OpenAPI 3.1 document and a reference page that needs no other site", async () => {
    const spec = await call(s.url, "GET", "/openapi.json")
    expect(spec.json.openapi).toBe("3.1.0")
    for (const type of ["startReview", "answer", "extendDeadline", "escalate", "mergeInto"]) expect(spec.json.paths[`/v1/appeals/{appealId}/${type}`]?.post).toBeDefined()
    expect(spec.json.paths["/v1/appeals/{appealId}"].get.responses["404"].content["application/problem+json"]).toBeDefined()
    expect(spec.json.components.securitySchemes.bearer).toMatchObject({ type: "http", scheme: "bearer" })
    const docs = await call(s.url, "GET", "/docs")
    expect(docs.status).toBe(200)
    expect(docs.text).toContain("SwaggerUIBundle")
    // No script, stylesheet or font from elsewhere: every src/href is inline or relative.
    expect(docs.text.match(/<(?:script|link)[^>]+(?:src|href)="https?:\/\//g)).toBeNull()
    expect(docs.headers.get("content-security-policy")).toContain("script-src 'self' 'unsafe-inline'")
  })

  it("mounts Open311 GeoReport v2 under /open311/v2 beside the REST API, with the same client registry", async () => {
    const other = await start(undefined, { open311: { jurisdictions: ["murojaat.test"] } })
    try {
      const discovery = await call(other.url, "GET", "/open311/v2/discovery.json")
      expect(discovery.status).toBe(200)
      const services = await call(other.url, "GET", "/open311/v2/services.xml")
      expect(services.status).toBe(200)
      expect(services.text).toContain("<services>")
      expect(services.headers.get("x-request-id")).not.toBeNull()
      const refused = await call(other.url, "GET", "/open311/v2/requests.json?api_key=guess")
      expect(refused.status).toBe(403)
      expect((await call(other.url, "GET", "/open311/v2/requests.json?api_key=portal-key")).status).toBe(200)
      // The REST API is unchanged beside it.
      expect((await call(other.url, "GET", "/v1/appeals", { token: t.portal! })).status).toBe(200)
    } finally {
      await other.close()
    }
  })

  it("drains: requests that arrive while stopping get 503, readiness says unavailable", async () => {
    const other = await start()
    try {
      const drain = Context.get(other.context as Context.Context<Edge.Drain>, Edge.Drain)
      drain.start()
      const r = await call(other.url, "GET", "/v1/appeals", { token: t.chief! })
      expectProblem(r, 503, "Unavailable")
      expect((await call(other.url, "GET", "/health")).status).toBe(503)
    } finally {
      await other.close()
    }
  })
})
