// An Open311 client written by someone else, unchanged: Code for America's node-open311 (npm
// `open311` 0.0.12, vendored with its notice), in both of its formats, against the live service.
import { afterAll, beforeAll, describe, expect, test } from "vitest"
import { keys, start, type Server } from "./open311/harness.js"
import { call, Open311Client } from "./open311/node-open311.js"

let realtime: Server
let batch: Server
beforeAll(async () => {
  realtime = await start()
  batch = await start({ responseType: "batch", tokenSecret: "a-token-secret-for-the-tests-of-32-bytes" })
})
afterAll(async () => {
  await realtime.close()
  await batch.close()
})

const request = {
  service_code: "animals",
  description: "Itlar toʻdasi bolalarga hujum qilyapti",
  first_name: "Dilnoza",
  last_name: "Karimova",
  email: "dilnoza@example.uz",
  address_string: "Minor, 12-uy",
  account_id: "u-42",
  attributes: { residence: "Minor 12", kind: "ariza" }
}

describe.each(["json", "xml"] as const)("node-open311 in %s", (format) => {
  const client = (server: Server) =>
    new Open311Client({ endpoint: `${server.base}/`, format, jurisdiction: "murojaat.uz", apiKey: keys.portal })

  test("service discovery finds the GeoReport v2 endpoint", async () => {
    const c = new Open311Client({ discovery: `${realtime.base}/discovery.${format}` })
    const { err, data } = await call(c, "serviceDiscovery", { cache: true })
    expect(err).toBe(false)
    expect(data.endpoints[0].specification).toBe("http://wiki.open311.org/GeoReport_v2")
    expect(c.endpoint).toBe(`${realtime.base}/`)
  })

  test("service list and a service definition", async () => {
    const c = client(realtime)
    const list = await call(c, "serviceList")
    expect(list.err).toBe(null)
    expect(list.data.map((s: any) => s.service_code)).toContain("animals")
    const def = await call(c, "serviceDefinition", "animals")
    expect(def.err).toBe(null)
    expect(def.data.service_code).toBe("animals")
    expect(def.data.attributes.map((a: any) => a.code)).toEqual(["mahalla", "kind", "residence"])
    expect(def.data.attributes[0].values.map((v: any) => v.key)).toEqual(["1726262-001", "1726262-002"])
  })

  test("submit, then read it back by id and in lists", async () => {
    const c = client(realtime)
    const created = await call(c, "submitRequest", request)
    expect(created.err).toBe(null)
    const id = String(created.data[0].service_request_id)
    expect(id).toMatch(/^A-\d+$/)
    const one = await call(c, "serviceRequest", id, { api_key: keys.portal })
    expect(one.err).toBe(null)
    expect(one.data).toHaveLength(1)
    const r = one.data[0]
    expect(r.service_request_id).toBe(id)
    expect(r.status).toBe("open")
    expect(r.service_code).toBe("animals")
    expect(r.address_id).toBe("1726262-002")
    // The client turns the W3C dates into Dates: they must be real instants.
    expect(r.requested_datetime).toBeInstanceOf(Date)
    expect(Number.isNaN(r.requested_datetime.getTime())).toBe(false)
    expect(r.expected_datetime.getTime()).toBeGreaterThan(r.requested_datetime.getTime())
    const open = await call(c, "serviceRequests", { api_key: keys.portal, status: "open", service_code: "animals" })
    expect(open.err).toBe(null)
    expect(open.data.map((x: any) => x.service_request_id)).toContain(id)
    const byIds = await call(c, "serviceRequests", [id, "A-999999"], { api_key: keys.portal })
    expect(byIds.data.map((x: any) => x.service_request_id)).toEqual([id])
  })

  test("a refused submission is an error with the specification's body", async () => {
    const { address_string: _, ...unplaced } = request
    const r = await call(client(realtime), "submitRequest", { ...unplaced, lat: 37.76, long: -122.42 })
    expect(r.err).toBe(400)
    expect(r.data).toContain("attribute[mahalla]")
  })

  test("a batch server answers with a token, and the token gives the id", async () => {
    const c = client(batch)
    const created = await call(c, "submitRequest", request)
    expect(created.err).toBe(null)
    const token = String(created.data[0].token)
    expect(created.data[0].service_request_id).toBeUndefined()
    const exchanged = await call(c, "token", token)
    expect(exchanged.err).toBe(null)
    expect(exchanged.data[0].token).toBe(token)
    const id = String(exchanged.data[0].service_request_id)
    const one = await call(c, "serviceRequest", id, { api_key: keys.portal })
    expect(one.data[0].service_code).toBe("animals")
  })
})
