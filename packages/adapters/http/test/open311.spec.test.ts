// Conformance to the GeoReport v2 specification's text: every resource's root, item and field names
// in the order of the specification's response tables, the allowed values, the W3C dates, the
// content types and XML declaration, the error list and its HTTP statuses, the Spark-convention
// JSON of every XML answer, and the specification's own example POST request.
import { afterAll, beforeAll, describe, expect, test } from "vitest"
import { get, keys, postForm, start, submission, type Server } from "./open311/harness.js"
import { parseXml, shape, spark } from "./open311/xml.js"

// The field names of each response, as the specification's tables list them.
const spec = {
  discovery: ["changeset", "contact", "key_service", "endpoints"],
  endpoint: ["specification", "url", "changeset", "type", "formats"],
  service: ["service_code", "service_name", "description", "metadata", "type", "keywords", "group"],
  definition: ["service_code", "attributes"],
  attribute: ["variable", "code", "datatype", "required", "datatype_description", "order", "description", "values"],
  value: ["key", "name"],
  created: ["service_request_id", "service_notice", "account_id"],
  createdBatch: ["token", "service_notice", "account_id"],
  token: ["service_request_id", "token"],
  request: [
    "service_request_id", "status", "status_notes", "service_name", "service_code", "description", "agency_responsible", "service_notice",
    "requested_datetime", "updated_datetime", "expected_datetime", "address", "address_id", "zipcode", "lat", "long", "media_url"
  ],
  error: ["code", "description"]
} as const

// The specification's example POST request: its parameters and sample values (a San Francisco
// sinkhole, a service code and attributes of that city).
const specExampleRequest: ReadonlyArray<readonly [string, string]> = [
  ["api_key", "xyz"],
  ["jurisdiction_id", "city.gov"],
  ["service_code", "001"],
  ["lat", "37.76524078"],
  ["long", "-122.4212043"],
  ["address_string", "1234 5th street"],
  ["email", "smit333@sfgov.edu"],
  ["device_id", "tt222111"],
  ["account_id", "123456"],
  ["first_name", "john"],
  ["last_name", "smith"],
  ["phone", "111111111"],
  ["description", "A large sinkhole is destroying the street"],
  ["media_url", "http://farm3.static.flickr.com/2002/2212426634_5ed477a060.jpg"],
  ["attribute[WHISPAWN]", "123456"],
  ["attribute[WHISDORN]", "COISL001"]
]
const encode = (pairs: ReadonlyArray<readonly [string, string]>, replace: Record<string, string> = {}) =>
  pairs
    .map(([k, v]) => [k, replace[k] ?? v] as const)
    .concat(Object.entries(replace).filter(([k]) => !pairs.some(([p]) => p === k)))
    .map(([k, v]) => `${k.replace(/[^[\]]+/g, encodeURIComponent)}=${encodeURIComponent(v).replace(/%20/g, "+")}`)
    .join("&")

const w3c = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+05:00$/
const names = (o: object) => Object.keys(o)

let server: Server
beforeAll(async () => {
  server = await start({ discovery: { contact: "Murojaat support", keyService: "Ask the operator for a key" } })
})
afterAll(() => server.close())

// Both formats of one resource: the XML well formed with its declaration, the JSON the Spark
// convention of the XML (types parsed as the reference converter does).
const both = async (path: string, query = "") => {
  const xml = await get(`${server.base}/${path}.xml${query}`)
  const json = await get(`${server.base}/${path}.json${query}`)
  expect(xml.contentType).toBe("text/xml; charset=utf-8")
  expect(json.contentType).toBe("application/json; charset=utf-8")
  expect(xml.body.startsWith('<?xml version="1.0" encoding="utf-8"?>\n')).toBe(true)
  expect(xml.status).toBe(json.status)
  const root = parseXml(xml.body)
  const parsed = JSON.parse(json.body) as unknown
  expect(spark(root)).toEqual(JSON.parse(JSON.stringify(parsed), (_k, v) => (typeof v === "string" && v !== "" && !Number.isNaN(Number(v)) ? Number(v) : v)))
  return { status: xml.status, root, json: parsed as any }
}

describe("every resource has the specification's element names, in its order", () => {
  test("discovery", async () => {
    const { status, root, json } = await both("discovery")
    expect(status).toBe(200)
    expect(root.name).toBe("discovery")
    expect(names(json)).toEqual(spec.discovery)
    expect(names(json.endpoints[0])).toEqual(spec.endpoint)
    expect(json.endpoints[0].specification).toBe("http://wiki.open311.org/GeoReport_v2")
    expect(json.endpoints[0].url).toBe(`${server.base}`)
    expect(json.endpoints[0].formats).toEqual(["text/xml", "application/json"])
    expect(shape(root)).toContain("endpoints(endpoint(specification,url,changeset,type,formats(format,format)))")
  })

  test("services", async () => {
    const { root, json } = await both("services")
    expect(root.name).toBe("services")
    expect(root.children.every((c) => c.name === "service")).toBe(true)
    for (const s of json) {
      expect(names(s)).toEqual(spec.service)
      expect(s.metadata).toBe(true)
      expect(["realtime", "batch", "blackbox"]).toContain(s.type)
    }
    expect(json.length).toBeGreaterThanOrEqual(20)
  })

  test("service definition", async () => {
    const { root, json } = await both("services/publicOrder")
    expect(root.name).toBe("service_definition")
    expect(names(json)).toEqual(spec.definition)
    expect(json.service_code).toBe("publicOrder")
    for (const a of json.attributes) {
      expect(names(a).filter((n) => n !== "values")).toEqual(spec.attribute.filter((n) => n !== "values"))
      expect(["string", "number", "datetime", "text", "singlevaluelist", "multivaluelist"]).toContain(a.datatype)
      if (a.datatype.endsWith("valuelist")) for (const v of a.values) expect(names(v)).toEqual(spec.value)
    }
    expect(json.attributes.map((a: any) => a.order)).toEqual([1, 2, 3])
  })

  test("POST requests (realtime), GET requests, GET a request", async () => {
    for (const format of ["xml", "json"] as const) {
      const created = await postForm(`${server.base}/requests.${format}`, submission())
      expect(created.status).toBe(201)
      const item = format === "xml" ? parseXml(created.body) : undefined
      const row = format === "json" ? JSON.parse(created.body)[0] : spark(item!)
      if (item !== undefined) {
        expect(item.name).toBe("service_requests")
        expect(item.children.map((c) => c.name)).toEqual(["request"])
        expect(item.children[0]!.children.map((c) => c.name)).toEqual(spec.created)
      } else expect(names(row)).toEqual(spec.created)
      const id = format === "json" ? row.service_request_id : (row as any)[0].service_request_id
      const one = await both(`requests/${id}`, `?api_key=${keys.portal}`)
      expect(one.root.name).toBe("service_requests")
      expect(one.root.children.map((c) => c.name)).toEqual(["request"])
      expect(names(one.json[0])).toEqual(spec.request)
      expect(one.json[0].status).toBe("open")
      for (const f of ["requested_datetime", "updated_datetime", "expected_datetime"]) expect(one.json[0][f]).toMatch(w3c)
    }
    const list = await both("requests", `?api_key=${keys.portal}`)
    expect(list.json.length).toBeGreaterThanOrEqual(2)
    for (const r of list.json) expect(names(r)).toEqual(spec.request)
  })

  test("errors: the specification's list, code and description, with its HTTP statuses", async () => {
    const cases: ReadonlyArray<readonly [string, number]> = [
      ["services/noSuchService", 404],
      ["services", 404],
      ["requests/A-999999", 404],
      ["tokens/not-a-token", 404],
      ["no-such-resource", 404]
    ]
    for (const [path, status] of cases) {
      const query = path === "services" ? "?jurisdiction_id=city.gov" : path.startsWith("requests/") ? `?api_key=${keys.portal}` : ""
      const { status: got, root, json } = await both(path, query)
      expect(got).toBe(status)
      expect(root.name).toBe("errors")
      expect(root.children.every((c) => c.name === "error")).toBe(true)
      for (const e of json) {
        expect(names(e)).toEqual(spec.error)
        expect(e.code).toBe(status)
        expect(typeof e.description).toBe("string")
      }
    }
    const noKey = await both("requests/A-000001")
    expect(noKey.status).toBe(403)
  })
})

describe("the specification's example POST request", () => {
  const post = (body: string) => postForm(`${server.base}/requests.xml`, body)

  test("as written: 403, its key is not registered", async () => {
    const r = await post(encode(specExampleRequest))
    expect(r.status).toBe(403)
    const root = parseXml(r.body)
    expect(shape(root)).toBe("errors(error(code,description))")
    expect(spark(root)).toEqual([{ code: 403, description: "api_key: api_key yaroqsiz" }])
  })

  test("with a registered key: 404 for the jurisdiction city.gov, then for service 001", async () => {
    const a = await post(encode(specExampleRequest, { api_key: keys.portal }))
    expect(a.status).toBe(404)
    expect(a.body).toContain("jurisdiction_id")
    const b = await post(encode(specExampleRequest, { api_key: keys.portal, jurisdiction_id: "murojaat.uz" }))
    expect(b.status).toBe(404)
    expect(b.body).toContain("service_code")
  })

  test("with one of our services: 400, a San Francisco point and street are in no mahalla", async () => {
    const r = await post(encode(specExampleRequest, { api_key: keys.portal, jurisdiction_id: "murojaat.uz", service_code: "roadSafety" }))
    expect(r.status).toBe(400)
    expect(spark(parseXml(r.body))).toEqual([{ code: 400, description: expect.stringContaining("attribute[mahalla]") }])
  })

  test("placed by attribute[mahalla]: 201, every other parameter of the example accepted", async () => {
    const r = await post(encode(specExampleRequest, { api_key: keys.portal, jurisdiction_id: "murojaat.uz", service_code: "roadSafety", "attribute[mahalla]": "1726262-002" }))
    expect(r.status).toBe(201)
    const [created] = spark(parseXml(r.body), false) as Array<Record<string, string>>
    expect(created!.account_id).toBe("123456")
    const one = await get(`${server.base}/requests/${created!.service_request_id}.json?api_key=${keys.portal}`)
    const [request] = JSON.parse(one.body)
    expect(request.service_code).toBe("roadSafety")
    expect(request.address_id).toBe("1726262-002")
    // An integration client reads personal data masked: no exact place, no media reference.
    expect([request.lat, request.long, request.address, request.media_url]).toEqual([null, null, null, null])
  })
})
