// Runs the Open311 router on a real HTTP server (Node, port 0 on loopback) over the in-memory core,
// with a registry of clients, and gives plain HTTP helpers to talk to it as any client would.
import { createServer, request as httpRequest } from "node:http"
import { HttpRouter, HttpServer } from "@effect/platform"
import { NodeHttpServer } from "@effect/platform-node"
import { AppealService, Sample } from "@murojaat/core"
import { Effect, Layer, ManagedRuntime } from "effect"
import * as Identity from "../../src/Identity.js"
import * as Open311 from "../../src/open311/index.js"

export const keys = {
  portal: "portal-key-0123456789",
  yunusobodOnly: "yunusobod-key-0123456789",
  elsewhere: "elsewhere-key-0123456789",
  auditor: "auditor-key-0123456789"
} as const

export const clients = [
  { id: "portal", kind: "integration", apiKeyDigests: [Identity.digestApiKey(keys.portal)] },
  { id: "yunusobod-app", kind: "integration", districts: ["1726262"], apiKeyDigests: [Identity.digestApiKey(keys.yunusobodOnly)] },
  { id: "other-district-app", kind: "integration", districts: ["1703202"], apiKeyDigests: [Identity.digestApiKey(keys.elsewhere)] },
  { id: "AUD-1", kind: "auditor", apiKeyDigests: [Identity.digestApiKey(keys.auditor)] }
]

export interface Server {
  readonly base: string
  /** Runs a program on the server's own core (to act on appeals as an officer would). */
  readonly run: <A, E>(program: Effect.Effect<A, E, AppealService.AppealService>) => Promise<A>
  readonly close: () => Promise<void>
}

export const start = async (options: Open311.Options = {}): Promise<Server> => {
  const app = HttpRouter.empty.pipe(HttpRouter.mount("/open311/v2", Open311.router({ jurisdictions: ["murojaat.uz"], ...options })))
  const layer = HttpServer.serve(app).pipe(
    Layer.provideMerge(NodeHttpServer.layer(() => createServer(), { port: 0, host: "127.0.0.1" })),
    Layer.provideMerge(Layer.mergeAll(AppealService.layerMemory(Sample.directory), Identity.layerClients(clients)))
  )
  const runtime = ManagedRuntime.make(layer)
  const address = await runtime.runPromise(HttpServer.addressWith((a) => Effect.succeed(a)))
  if (address._tag !== "TcpAddress") throw new Error("expected a TCP address")
  return { base: `http://127.0.0.1:${address.port}/open311/v2`, run: (program) => runtime.runPromise(program), close: () => runtime.dispose() }
}

export interface Reply {
  readonly status: number
  readonly contentType: string
  readonly body: string
}

export const send = (
  method: string,
  url: string,
  options: { readonly body?: string; readonly headers?: Record<string, string> } = {}
): Promise<Reply> =>
  new Promise((resolve, reject) => {
    // As real clients do, a body goes with its length (not chunked).
    const length = options.body === undefined ? {} : { "content-length": String(Buffer.byteLength(options.body)) }
    const req = httpRequest(url, { method, headers: { ...length, ...options.headers } }, (res) => {
      const chunks: Array<Buffer> = []
      res.on("data", (c: Buffer) => chunks.push(c))
      res.on("end", () => resolve({ status: res.statusCode ?? 0, contentType: String(res.headers["content-type"] ?? ""), body: Buffer.concat(chunks).toString("utf8") }))
      res.on("error", reject)
    })
    req.on("error", reject)
    if (options.body !== undefined) req.write(options.body)
    req.end()
  })

export const get = (url: string, headers: Record<string, string> = {}) => send("GET", url, { headers })

export const postForm = (url: string, form: string | Record<string, string>, headers: Record<string, string> = {}) =>
  send("POST", url, {
    body: typeof form === "string" ? form : new URLSearchParams(form).toString(),
    headers: { "content-type": "application/x-www-form-urlencoded; charset=utf-8", ...headers }
  })

// A submission that places itself (the mahalla by attribute) and carries personal data.
export const submission = (overrides: Record<string, string> = {}): Record<string, string> => ({
  api_key: keys.portal,
  service_code: "publicOrder",
  "attribute[mahalla]": "1726262-001",
  description: "Kechasi qoʻshnilar baland musiqa qoʻyadi, uxlab boʻlmaydi.",
  first_name: "Anvar",
  last_name: "Karimov",
  email: "anvar@example.uz",
  phone: "+998901234567",
  ...overrides
})
