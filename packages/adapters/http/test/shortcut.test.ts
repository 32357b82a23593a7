// POST /v1/appeals answered before the router (`Handlers.submitShortcut`) against the router's own
// route (a service with `tracing: true` serves it through the router): the same statuses, headers
// and documents, request by request, for valid and refused submissions alike.
import { Sample } from "@murojaat/core"
import * as fc from "fast-check"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { call, start, token, type Answer, type Running } from "./support.js"

let shortcut: Running
let router: Running
const tokens: Record<string, string> = {}

beforeAll(async () => {
  shortcut = await start()
  router = await start(undefined, { tracing: true })
  tokens["citizen"] = await token({ kind: "applicant", sub: "u-1" })
  tokens["officer"] = await token({ kind: "officer", sub: "O-101", roles: ["districtChief"] })
  tokens["auditor"] = await token({ kind: "client", sub: "AUD-1" })
  tokens["narrowed"] = await token({ kind: "applicant", sub: "u-1", scope: "appeals:read" })
  tokens["expired"] = await token({ kind: "applicant", sub: "u-1" }, { ttlSeconds: 60, now: Date.now() - 3_600_000 })
  tokens["unknownClient"] = await token({ kind: "client", sub: "nobody" })
  tokens["forged"] = `${tokens["citizen"]!.slice(0, -4)}AAAA`
})
afterAll(async () => {
  await shortcut.close()
  await router.close()
})

// What may differ between two services: the answer's own instants (its clocks are computed at the
// moment of the request; an appeal's times and its events' are the moment each service recorded
// it, and the events' hashes chain over them), a request id each service made (a new UUID where the
// caller gave none it could keep: the events' correlation id) and the date header. Everything else
// (of a 201, of the list a GET answers) is compared as it is.
const comparable = (a: Answer) => {
  const headers: Record<string, string> = {}
  a.headers.forEach((value, key) => {
    if (key !== "date" && key !== "content-length" && key !== "keep-alive" && key !== "connection") headers[key] = value
  })
  const json = a.json !== undefined && a.status === 201 ? { appeal: timeless(a.json.appeal), events: timeless(a.json.events), deadlines: Object.keys(a.json.deadlines ?? {}) } : timeless(a.json)
  return { status: a.status, headers, json: json ?? a.text }
}

const instant = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/
const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/
const timeless = (u: unknown): unknown =>
  Array.isArray(u)
    ? u.map(timeless)
    : typeof u === "object" && u !== null
      ? Object.fromEntries(
          Object.entries(u).map(([k, v]) => [
            k,
            k === "hash" || k === "prevHash" || k === "lastHash" ? "<hash>" : k === "correlationId" && typeof v === "string" && uuid.test(v) ? "<new request id>" : timeless(v)
          ])
        )
      : typeof u === "string" && instant.test(u)
        ? "<instant>"
        : u

const path = fc.constantFrom("/v1/appeals", "/v1/appeals?x=1", "/v1/appeals/", "/v1/appeals?", "/V1/appeals")
const method = fc.constantFrom("POST", "POST", "POST", "PUT", "GET")
const who = fc.constantFrom<string | undefined>("citizen", "officer", "auditor", "narrowed", "expired", "unknownClient", "forged", "none", undefined)
const body = fc.oneof(
  fc.constant<{ raw?: string; body?: unknown }>({ body: { ...Sample.intake, applicantRef: "u-1" } }),
  fc.constant({ body: { ...Sample.intake, applicantRef: "u-1", kind: "nonsense" } }),
  fc.constant({ body: { ...Sample.intake, applicantRef: "u-1", extra: 1 } }),
  fc.constant({ raw: "{not json" }),
  fc.constant({ raw: "" }),
  fc.constant({ body: [1, 2] })
)
const headers = fc.record(
  {
    "idempotency-key": fc.constantFrom("k-1", "k-2", "bad key", ""),
    "accept-language": fc.constantFrom("ru", "en", "uz-Cyrl", "de", "x".repeat(300)),
    "content-type": fc.constantFrom("application/json", "text/plain", "application/json; charset=latin1"),
    "x-request-id": fc.constantFrom("req-1", "<bad>")
  },
  { requiredKeys: ["x-request-id"] }
)

describe("POST /v1/appeals before the router", () => {
  it("answers as the router's route does", async () => {
    await fc.assert(
      fc.asyncProperty(path, method, who, body, headers, async (p, m, w, b, h) => {
        const options = {
          ...(w === "none" ? { headers: { ...h, authorization: "Basic abc" } } : { headers: h }),
          ...(w !== undefined && w !== "none" ? { token: tokens[w]! } : {}),
          ...(m === "GET" ? {} : b)
        }
        // A request id the caller did not give is a new UUID: the same one for both, when given.
        const [a, r] = [await call(shortcut.url, m, p, options), await call(router.url, m, p, options)]
        const [ca, cr] = [comparable(a), comparable(r)]
        if (h["x-request-id"] === "<bad>") {
          delete ca.headers["x-request-id"]
          delete cr.headers["x-request-id"]
          if (typeof ca.json === "object" && ca.json !== null && "requestId" in ca.json) ca.json = { ...ca.json, requestId: "-" }
          if (typeof cr.json === "object" && cr.json !== null && "requestId" in cr.json) cr.json = { ...cr.json, requestId: "-" }
        }
        expect(ca).toEqual(cr)
      }),
      { numRuns: 150 }
    )
  })
})
