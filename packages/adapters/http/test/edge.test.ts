// The edge after its per-request work was cut (issue 12): the request's log line is still written,
// with its fields, when the level lets info through, and not at warning level; answers carry the
// byte length of what they send, in every language; the edge works the same over services in hand
// as over the context.
import { HttpMiddleware, HttpServerRequest, HttpServerResponse } from "@effect/platform"
import { AppealService, Sample } from "@murojaat/core"
import { Edge, Problem } from "@murojaat/http"
import { Effect, FiberRef, HashMap, Layer, Logger, LogLevel, Option } from "effect"
import * as fc from "fast-check"
import { afterAll, describe, expect, it } from "vitest"
import { call, type Running, start, token } from "./support.js"

const core = () => AppealService.layerMemory(Sample.directory, { pipeline: AppealService.rulesPipeline() })

// A logger that keeps each line's message and annotations.
const capture = (level: LogLevel.LogLevel) => {
  const lines: Array<{ message: unknown; annotations: Record<string, unknown> }> = []
  const logger = Logger.make(({ message, annotations }) => {
    lines.push({ message: Array.isArray(message) ? message[0] : message, annotations: Object.fromEntries(annotations) })
  })
  return { lines, layer: Layer.merge(Logger.replace(Logger.defaultLogger, logger), Logger.minimumLogLevel(level)) }
}

const running: Array<Running> = []
afterAll(() => Promise.all(running.map((r) => r.close())))

describe("the request's log line", () => {
  it("is written at info level with the route, status, caller key and request id, never the query string", async () => {
    const log = capture(LogLevel.Info)
    const s = await start(core(), {}, log.layer)
    running.push(s)
    const citizen = await token({ kind: "applicant", sub: "u-1" })
    const r = await call(s.url, "POST", "/v1/appeals", { token: citizen, body: { ...Sample.intake, applicantRef: "u-1" }, headers: { "idempotency-key": "log-1", "x-request-id": "req-log-1" } })
    expect(r.status).toBe(201)
    const missing = await call(s.url, "GET", "/v1/appeals/A-404?secret=1", { token: citizen, headers: { "x-request-id": "req-log-2" } })
    expect(missing.status).toBe(404)
    const lines = log.lines.filter((l) => l.message === "request")
    const submitted = lines.find((l) => l.annotations["requestId"] === "req-log-1")
    expect(submitted?.annotations).toMatchObject({ method: "POST", route: "/v1/appeals", status: 201, caller: expect.stringMatching(/^applicant:#[0-9a-f]{16}$/) })
    const refused = lines.find((l) => l.annotations["requestId"] === "req-log-2")
    expect(refused?.annotations).toMatchObject({ method: "GET", route: "/v1/appeals/:appealId", status: 404, code: "AppealNotFound" })
    expect(JSON.stringify(log.lines)).not.toContain("secret")
  })

  it("is not written at warning level", async () => {
    const log = capture(LogLevel.Warning)
    const s = await start(core(), {}, log.layer)
    running.push(s)
    expect((await call(s.url, "GET", "/health")).status).toBe(200)
    expect((await call(s.url, "GET", "/v1/nowhere")).status).toBe(404)
    expect(log.lines.filter((l) => l.message === "request")).toEqual([])
  })
})

describe("answers", () => {
  it("carry the byte length of their body, whatever the language", async () => {
    const s = await start()
    running.push(s)
    const citizen = await token({ kind: "applicant", sub: "u-1" })
    for (const language of ["uz-Latn", "uz-Cyrl", "ru", "en"]) {
      const res = await fetch(`${s.url}/v1/appeals`, {
        method: "POST",
        headers: { authorization: `Bearer ${citizen}`, "content-type": "application/json", "idempotency-key": `len-${language}`, "accept-language": language },
        body: JSON.stringify({ ...Sample.intake, applicantRef: "u-1" })
      })
      const bytes = new Uint8Array(await res.arrayBuffer())
      expect(res.status).toBe(201)
      expect(res.headers.get("content-type")).toBe("application/json")
      expect(res.headers.get("content-length")).toBe(String(bytes.byteLength))
      const problem = await fetch(`${s.url}/v1/appeals/A-404`, { headers: { authorization: `Bearer ${citizen}`, "accept-language": language } })
      const problemBytes = new Uint8Array(await problem.arrayBuffer())
      expect(problem.headers.get("content-type")).toBe(Problem.mediaType)
      expect(problem.headers.get("content-length")).toBe(String(problemBytes.byteLength))
    }
  })

  it("jsonResponse: the text is the value's JSON and the length its UTF-8 bytes", () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.integer({ min: 200, max: 599 }), (value, status) => {
        const response = Edge.jsonResponse(value, { status })
        const text = JSON.stringify(value)
        expect(response.status).toBe(status)
        expect(response.body._tag).toBe("Raw")
        expect((response.body as { body: unknown }).body).toBe(text)
        expect(response.headers["content-length"]).toBe(String(new TextEncoder().encode(text).byteLength))
        expect(response.headers["content-type"]).toBe("application/json")
      })
    )
  })
})

describe("the edge over services in hand", () => {
  it("answers like the middleware that reads them from the context: headers, draining, body caps", async () => {
    const settings = { ...Edge.defaultSettings, maxBodyBytes: 10 }
    const app = Effect.succeed(HttpServerResponse.text("ok"))
    const run = async (viaContext: boolean, draining: boolean, length: string | undefined) => {
      const drain = Edge.makeDrain()
      if (draining) drain.start()
      const limiter = { clients: Edge.makeLimiter(), addresses: Edge.makeLimiter() }
      const handler = viaContext ? Edge.middleware(app) : Edge.middlewareWith({ settings, limiter, drain })(app)
      const request = new Request("http://localhost/v1/appeals", { method: "POST", headers: { "x-request-id": "same", ...(length !== undefined ? { "content-length": length } : {}) } })
      const response = await Effect.runPromise(
        handler.pipe(
          Effect.provideService(HttpServerRequest.HttpServerRequest, HttpServerRequest.fromWeb(request)),
          Effect.provideService(Edge.EdgeSettings, settings),
          Effect.provideService(Edge.RateLimiter, limiter),
          Effect.provideService(Edge.Drain, drain),
          Effect.provide(Logger.minimumLogLevel(LogLevel.None))
        )
      )
      return { status: response.status, headers: response.headers }
    }
    for (const draining of [false, true]) {
      for (const length of [undefined, "5", "11", "x"]) {
        expect(await run(false, draining, length)).toEqual(await run(true, draining, length))
      }
    }
    const ok = await run(false, false, "5")
    expect(ok.status).toBe(200)
    expect(ok.headers).toMatchObject({ "x-request-id": "same", "cache-control": "no-store", "x-content-type-options": "nosniff" })
    expect((await run(false, false, "11")).status).toBe(413)
    expect((await run(false, true, undefined)).status).toBe(503)
  })
})

describe("the edge's request state", () => {
  it("is the request's inside the app and the caller's again after it, whatever the app's exit; the platform's access log is off", async () => {
    const outer: Edge.RequestInfo = { id: "outer", locale: "ru", started: 1 }
    const outcomes = ["ok", "problem", "defect", "refused"] as const
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...outcomes), fc.stringMatching(/^[a-z0-9-]{1,20}$/), fc.option(fc.constantFrom("en", "ru", "uz-Cyrl")), async (outcome, id, language) => {
        const seen: Array<{ id: string; locale: string; annotation: unknown }> = []
        const app = Effect.flatMap(Effect.all([FiberRef.get(Edge.currentRequest), FiberRef.get(FiberRef.currentLogAnnotations)]), ([info, annotations]) => {
          seen.push({ id: info.id, locale: info.locale, annotation: Option.getOrUndefined(HashMap.get(annotations, "requestId")) })
          return outcome === "problem" ? Effect.fail(Problem.notFound()) : outcome === "defect" ? Effect.die(new Error("boom")) : Effect.succeed(HttpServerResponse.text("ok"))
        })
        const drain = Edge.makeDrain()
        if (outcome === "refused") drain.start()
        const handler = Edge.middlewareWith({ settings: Edge.defaultSettings, limiter: { clients: Edge.makeLimiter(), addresses: Edge.makeLimiter() }, drain })(app)
        const headers: Record<string, string> = { "x-request-id": id, ...(language !== null ? { "accept-language": language } : {}) }
        const request = HttpServerRequest.fromWeb(new Request("http://localhost/v1/appeals", { method: "POST", headers }))
        const [response, after, annotationAfter, loggerOff] = await Effect.runPromise(
          Effect.flatMap(handler, (response) =>
            Effect.all([Effect.succeed(response), FiberRef.get(Edge.currentRequest), FiberRef.get(FiberRef.currentLogAnnotations), FiberRef.get(HttpMiddleware.loggerDisabled)])
          ).pipe(
            Effect.annotateLogs("requestId", "outer-annotation"),
            Effect.locally(Edge.currentRequest, outer),
            Effect.provideService(HttpServerRequest.HttpServerRequest, request),
            Effect.provide(Logger.minimumLogLevel(LogLevel.None))
          )
        )
        expect(response.headers["x-request-id"]).toBe(id)
        expect(response.status).toBe({ ok: 200, problem: 404, defect: 500, refused: 503 }[outcome])
        expect(seen).toEqual(outcome === "refused" ? [] : [{ id, locale: language ?? "uz-Latn", annotation: id }])
        expect(after).toBe(outer)
        expect(Option.getOrUndefined(HashMap.get(annotationAfter, "requestId"))).toBe("outer-annotation")
        expect(loggerOff).toBe(true)
      }),
      { numRuns: 60 }
    )
  })
})
