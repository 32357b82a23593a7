// Generated bad requests to every endpoint of the OpenAPI document: each request is wrong in at
// least one way (its body, its media type, its query string, a path parameter, a header, its
// credential), and the answer is always a 4xx problem document, never a 5xx or a dropped
// connection. A second property sends arbitrary requests with a valid credential: never a 5xx.
import { fc, test } from "@fast-check/vitest"
import { Sample } from "@murojaat/core"
import { Api } from "@murojaat/http"
import { afterAll, beforeAll, describe, expect } from "vitest"
import { call, type Running, start, token } from "./support.js"

let s: Running
let chief = ""
let admin = ""
const existing: Array<string> = []

beforeAll(async () => {
  s = await start(undefined, { edge: { rateLimit: false, addressRateLimit: false } })
  chief = await token({ kind: "officer", sub: "O-301" })
  admin = await token({ kind: "client", sub: "admin" })
  const citizen = await token({ kind: "applicant", sub: "u-1" })
  for (let i = 0; i < 2; i++) {
    const r = await call(s.url, "POST", "/v1/appeals", { token: citizen, body: { ...Sample.intake, applicantRef: "u-1" }, headers: { "idempotency-key": `seed-${i}` } })
    existing.push(r.json.appeal.appealId)
  }
})
afterAll(() => s.close())

// Every operation of the document: method, path template, whether it takes a body.
const operations = Object.entries(Api.openApi().paths).flatMap(([path, item]) =>
  Object.entries(item as Record<string, unknown>)
    .filter(([method]) => ["get", "post", "put", "delete", "patch"].includes(method))
    .map(([method]) => ({ method: method.toUpperCase(), path, body: method === "post" || method === "put" }))
)

const printable = fc.string({ unit: fc.integer({ min: 0x20, max: 0x7e }).map((c) => String.fromCharCode(c)), maxLength: 80 })
const anyText = fc.string({ unit: "binary", maxLength: 60 })
const goodId = fc.constantFrom(...["A-000001", "A-000002", "A-999999"])
const badId = anyText.map((x) => `~${x}`)

// A wrong body: not JSON, JSON that is not an object, or an object with a field no endpoint has.
const badBody = fc.oneof(
  printable.filter((t) => {
    try {
      JSON.parse(t)
      return false
    } catch {
      return true
    }
  }),
  fc.jsonValue().filter((v) => v === null || typeof v !== "object" || Array.isArray(v)).map((v) => JSON.stringify(v)),
  fc.tuple(fc.dictionary(fc.string({ maxLength: 10 }), fc.jsonValue({ maxDepth: 3 }), { maxKeys: 4 }), printable).map(([o, k]) => JSON.stringify({ ...o, [`x_${k}`]: 1 }))
)

const wrongMediaType = fc.constantFrom("text/plain", "application/xml", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x", "application/json; charset=latin1", "")

// One way a request is wrong.
const flaw = fc.oneof(
  fc.record({ kind: fc.constant("body" as const), body: badBody }),
  fc.record({ kind: fc.constant("mediaType" as const), type: wrongMediaType, body: fc.constant(JSON.stringify(Sample.intake)) }),
  fc.record({ kind: fc.constant("query" as const), key: printable, value: anyText }),
  fc.record({ kind: fc.constant("path" as const), id: badId }),
  fc.record({ kind: fc.constant("token" as const), value: fc.oneof(printable, fc.constant(""), fc.constant("eyJhbGciOiJub25lIn0.e30.")) }),
  fc.record({ kind: fc.constant("ifMatch" as const), value: printable.filter((v) => v.trim() !== "*" && !/^\s*"(0|[1-9][0-9]{0,8})"\s*$/.test(v)) }),
  fc.record({ kind: fc.constant("idempotencyKey" as const), value: fc.oneof(fc.constant(" a b "), fc.string({ minLength: 201, maxLength: 300 })) })
)

type Flaw = typeof flaw extends fc.Arbitrary<infer T> ? T : never

const requestOf = (op: (typeof operations)[number], f: Flaw, id: string, language: string) => {
  const params: Record<string, string> = { appealId: id, officerId: "O-101" }
  let path = op.path.replace(/\{(\w+)\}/g, (_, name: string) => encodeURIComponent(f.kind === "path" ? f.id : params[name]!))
  const headers: Record<string, string> = { "accept-language": language, authorization: `Bearer ${op.path.startsWith("/v1/directory") || op.path.startsWith("/v1/calendar") ? admin : chief}` }
  let raw: string | undefined = op.body ? JSON.stringify(op.path === "/v1/appeals" || op.path === "/v1/link-suggestions" ? Sample.intake : {}) : undefined
  if (op.body) headers["content-type"] = "application/json"
  if (op.path === "/v1/appeals" && op.method === "POST") headers["idempotency-key"] = "fuzz"
  switch (f.kind) {
    case "body":
      if (!op.body) return undefined
      raw = f.body
      break
    case "mediaType":
      if (!op.body) return undefined
      if (f.type === "") delete headers["content-type"]
      else headers["content-type"] = f.type
      raw = f.body
      break
    case "query":
      if (op.method !== "GET" || op.path === "/v1/places" || op.path === "/v1/rules" || op.path === "/v1/directory" || op.path === "/v1/calendar" || op.path.includes("/history") || /\{appealId\}$/.test(op.path)) return undefined
      path += `?${encodeURIComponent(`zz${f.key}`)}=${encodeURIComponent(f.value)}`
      break
    case "path":
      if (!op.path.includes("{appealId}") && !op.path.includes("{officerId}")) return undefined
      break
    case "token":
      headers["authorization"] = f.value === "" ? "" : `Bearer ${f.value}`
      break
    case "ifMatch":
      if (!op.path.startsWith("/v1/appeals/{appealId}/") || op.path.endsWith("/history")) return undefined
      headers["if-match"] = f.value
      break
    case "idempotencyKey":
      if (op.method !== "POST" || !op.path.startsWith("/v1/appeals")) return undefined
      headers["idempotency-key"] = f.value
      break
  }
  return { method: op.method, path, headers, raw }
}

const expectProblem = (r: { status: number; headers: Headers; json: any; text: string }, what: string) => {
  expect(r.status, `${what} -> ${r.status} ${r.text.slice(0, 300)}`).toBeGreaterThanOrEqual(400)
  expect(r.status, `${what} -> ${r.status} ${r.text.slice(0, 300)}`).toBeLessThan(500)
  expect(r.headers.get("content-type"), what).toContain("application/problem+json")
  expect(r.json, what).toMatchObject({ status: r.status })
  expect(typeof r.json.code).toBe("string")
  expect(typeof r.json.detail).toBe("string")
}

describe("bad requests to every endpoint", () => {
  test.prop([fc.constantFrom(...operations), flaw, fc.oneof(goodId, fc.constantFrom(...["A-000001"])), fc.oneof(printable, fc.constantFrom("ru", "en", "uz-Cyrl"))], { numRuns: 300 })(
    "a 4xx problem, never a 5xx",
    async (op, f, id, language) => {
      const request = requestOf(op, f, id, language)
      fc.pre(request !== undefined)
      const r = await call(s.url, request!.method, request!.path, { headers: request!.headers, ...(request!.raw !== undefined ? { raw: request!.raw } : {}) })
      expectProblem(r, `${op.method} ${op.path} with a bad ${f.kind}`)
    }
  )

  test.prop(
    [
      fc.constantFrom(...operations),
      fc.oneof(fc.anything().map((v) => { try { return JSON.stringify(v) ?? "null" } catch { return "{}" } }), anyText),
      fc.dictionary(fc.constantFrom("status", "limit", "after", "districtCode", "mahallaCode", "until", "assigneeId", "category"), anyText, { maxKeys: 3 }),
      fc.oneof(goodId, badId)
    ],
    { numRuns: 200 }
  )("arbitrary requests with a valid credential never get a 5xx", async (op, body, query, id) => {
    const path = op.path.replace(/\{(\w+)\}/g, (_, name: string) => encodeURIComponent(name === "appealId" ? id : "O-101"))
    const qs = new URLSearchParams(query).toString()
    const r = await call(s.url, op.method, `${path}${qs === "" ? "" : `?${qs}`}`, {
      headers: { authorization: `Bearer ${chief}`, ...(op.body ? { "content-type": "application/json", "idempotency-key": "any" } : {}) },
      ...(op.body ? { raw: body } : {})
    })
    expect(r.status, `${op.method} ${path}?${qs} -> ${r.text.slice(0, 300)}`).toBeLessThan(500)
    if (r.status >= 400) expect(r.headers.get("content-type")).toContain("application/problem+json")
  })
})
