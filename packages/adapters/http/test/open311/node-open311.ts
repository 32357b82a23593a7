// Loads the vendored node-open311 client (vendor/node-open311/open311.js, unchanged; see its
// NOTICE.md) with stand-ins for the modules it requires and cannot install here.
import { readFileSync } from "node:fs"
import { request as httpRequest } from "node:http"
import { stringify } from "node:querystring"
import { fileURLToPath } from "node:url"
import { parseXml, spark, type Element } from "./xml.js"

type Callback = (err: unknown, res?: { statusCode: number }, body?: string) => void

// request@2.11's `get`/`post` with `url`, `qs` and `form` (form-encoded with `qs.stringify`-style keys).
const requestShim = (method: "GET" | "POST") => (options: { url: string; qs?: Record<string, unknown>; form?: Record<string, unknown> }, cb: Callback) => {
  const query = options.qs !== undefined && Object.keys(options.qs).length > 0 ? `?${stringify(options.qs as never)}` : ""
  const body = options.form === undefined ? undefined : stringify(options.form as never)
  const req = httpRequest(
    `${options.url}${query}`,
    { method, headers: body === undefined ? {} : { "content-type": "application/x-www-form-urlencoded; charset=utf-8", "content-length": Buffer.byteLength(body) } },
    (res) => {
      const chunks: Array<Buffer> = []
      res.on("data", (c: Buffer) => chunks.push(c))
      res.on("end", () => cb(null, { statusCode: res.statusCode ?? 0 }, Buffer.concat(chunks).toString("utf8")))
    }
  )
  req.on("error", (e) => cb(e))
  if (body !== undefined) req.write(body)
  req.end()
}

// The lodash 0.6 functions the client calls, with their 0.6 meanings.
const isObject = (v: unknown) => v !== null && (typeof v === "object" || typeof v === "function")
const lodashShim = {
  isObject,
  isFunction: (v: unknown) => typeof v === "function",
  isArray: Array.isArray,
  extend: (target: Record<string, unknown>, ...sources: Array<Record<string, unknown>>) => Object.assign(target, ...sources),
  defaults: (target: Record<string, unknown>, ...sources: Array<Record<string, unknown>>) => {
    for (const s of sources) for (const [k, v] of Object.entries(s)) if (target[k] === undefined) target[k] = v
    return target
  },
  find: <T>(xs: ReadonlyArray<T>, f: (x: T) => boolean) => xs.find(f),
  filter: <T>(xs: ReadonlyArray<T>, f: (x: T) => boolean) => xs.filter(f),
  indexOf: <T>(xs: ReadonlyArray<T>, x: T) => xs.indexOf(x),
  each: (xs: unknown, f: (x: unknown) => void) => {
    if (Array.isArray(xs)) xs.forEach((x) => f(x))
    else if (isObject(xs)) Object.values(xs as object).forEach((x) => f(x))
  },
  clone: (v: unknown, deep?: boolean) => (deep === true ? structuredClone(v) : Array.isArray(v) ? [...v] : isObject(v) ? { ...(v as object) } : v)
}

// sparkxml: the Spark convention (see xml.ts), types parsed as its default does.
const sparkxmlShim = { parseXml: (xml: string) => spark(parseXml(xml)), parse: (xml: string) => spark(parseXml(xml)) }

// xml2json 0.2 `toJson(xml, { object: true })`: elements as keys with their text, repeated names as
// arrays, an empty element an empty object, the root element kept.
const xml2jsonValue = (e: Element): unknown => {
  if (e.children.length === 0) return e.text === null || e.text.trim() === "" ? {} : e.text
  const out: Record<string, unknown> = {}
  for (const c of e.children) {
    const v = xml2jsonValue(c)
    const prev = out[c.name]
    out[c.name] = prev === undefined ? v : Array.isArray(prev) ? [...prev, v] : [prev, v]
  }
  return out
}
const xml2jsonShim = {
  toJson: (xml: string) => {
    const root = parseXml(xml)
    return { [root.name]: xml2jsonValue(root) }
  }
}

const modules: Record<string, unknown> = {
  url: await import("node:url"),
  path: await import("node:path"),
  querystring: await import("node:querystring"),
  request: { get: requestShim("GET"), post: requestShim("POST") },
  lodash: lodashShim,
  sparkxml: sparkxmlShim,
  xml2json: xml2jsonShim,
  "./cities": []
}

const source = readFileSync(fileURLToPath(new URL("./vendor/node-open311/open311.js", import.meta.url)), "utf8")

/** The client's constructor, as `require("open311")` gives it. */
export const Open311Client = (() => {
  const module = { exports: {} as unknown }
  const require = (name: string) => {
    if (!(name in modules)) throw new Error(`node-open311 requires ${name}, which has no stand-in`)
    return modules[name]
  }
  new Function("require", "module", "exports", source)(require, module, module.exports)
  return module.exports as new (options: Record<string, unknown>) => any
})()

/** Calls a callback-style method of the client and resolves with its `(err, data)`. */
export const call = (client: any, method: string, ...args: Array<unknown>): Promise<{ err: unknown; data: any }> =>
  new Promise((resolve) => client[method](...args, (err: unknown, data: unknown) => resolve({ err, data })))
