// The Open311 face's behaviour over real HTTP: languages, placing a request in a mahalla, who may
// submit and read, personal data, kinds, idempotent retries, forwarded appeals, list filters.
import { Actor, AppealService } from "@murojaat/core"
import { Effect } from "effect"
import { afterAll, beforeAll, describe, expect, test } from "vitest"
import { get, keys, postForm, start, submission, type Server } from "./open311/harness.js"
import { parseXml, spark } from "./open311/xml.js"
import { fc, test as property } from "@fast-check/vitest"
import { Open311, Problem } from "@murojaat/http"

let server: Server
beforeAll(async () => {
  server = await start({
    agency: { "uz-Latn": "Yunusobod tumani IIB", "uz-Cyrl": "Юнусобод тумани ИИБ", ru: "УВД Юнусабадского района", en: "Yunusobod district police" },
    // The operator's locator: a box around Minor (the directory itself has no boundaries).
    locate: (p) => Effect.succeed(p.lat > 41.3 && p.lat < 41.4 && p.lon > 69.2 && p.lon < 69.4 ? "1726262-002" : undefined)
  })
})
afterAll(() => server.close())

const json = async (path: string, headers: Record<string, string> = {}) => {
  const r = await get(`${server.base}/${path}`, headers)
  return { status: r.status, body: JSON.parse(r.body) as any }
}
const submit = async (overrides: Record<string, string> = {}, headers: Record<string, string> = {}) => {
  const r = await postForm(`${server.base}/requests.json`, submission(overrides), headers)
  return { status: r.status, body: JSON.parse(r.body) as any }
}
const read = async (id: string, key: string = keys.portal) => json(`requests/${id}.json?api_key=${key}`)
const only = <A>(xs: ReadonlyArray<A>): A => {
  expect(xs).toHaveLength(1)
  return xs[0]!
}

describe("names in the request's language", () => {
  test("Accept-Language, the locale parameter over it, and Uzbek Latin by default", async () => {
    const name = async (query: string, headers: Record<string, string> = {}) =>
      (await json(`services.json${query}`, headers)).body.find((s: any) => s.service_code === "domesticViolence").service_name
    expect(await name("")).toBe("Oiladagi zoʻravonlik")
    expect(await name("", { "accept-language": "ru-RU,ru;q=0.9,en;q=0.8" })).toBe("Насилие в семье")
    expect(await name("", { "accept-language": "uz-Cyrl" })).toBe("Оиладаги зўравонлик")
    expect(await name("?locale=en", { "accept-language": "ru" })).toBe("Domestic violence")
    expect(await name("", { "accept-language": "de, fr;q=0.5" })).toBe("Oiladagi zoʻravonlik")
  })

  test("errors too", async () => {
    const r = await json("services/nothing.json", { "accept-language": "ru" })
    expect(r.body).toEqual([{ code: 404, description: "service_code: service_code не найден" }])
  })

  test("the mahallas of a definition, narrowed by jurisdiction_id", async () => {
    const all = await json("services/animals.json?locale=en")
    expect(all.body.attributes[0].values).toEqual([
      { key: "1726262-001", name: "Bodomzor (Yunusobod district)" },
      { key: "1726262-002", name: "Minor (Yunusobod district)" }
    ])
    const one = await json("services/animals.json?locale=en&jurisdiction_id=1726262-002")
    expect(one.body.attributes[0].values.map((v: any) => v.key)).toEqual(["1726262-002"])
    expect((await json("services/animals.json?jurisdiction_id=sfgov.org")).status).toBe(404)
  })
})

describe("placing a request in a mahalla", () => {
  const placed = async (overrides: Record<string, string>) => {
    const created = await submit({ "attribute[mahalla]": "", ...overrides })
    if (created.status !== 201) return { status: created.status, mahalla: undefined, body: created.body }
    return { status: 201, mahalla: only((await read(created.body[0].service_request_id)).body as Array<any>).address_id as string }
  }

  test("by attribute, address_id, the operator's locator, the address's words, or a mahalla jurisdiction", async () => {
    expect((await placed({ "attribute[mahalla]": "1726262-002" })).mahalla).toBe("1726262-002")
    expect((await placed({ address_id: "1726262-001" })).mahalla).toBe("1726262-001")
    expect((await placed({ lat: "41.36", long: "69.28" })).mahalla).toBe("1726262-002")
    expect((await placed({ address_string: "Bodomzor koʻchasi, 5-uy, Yunusobod" })).mahalla).toBe("1726262-001")
    expect((await placed({ address_string: "МИНОР маҳалласи" })).mahalla).toBe("1726262-002")
    expect((await placed({ address_string: "Amir Temur 1", jurisdiction_id: "1726262-001" })).mahalla).toBe("1726262-001")
  })

  test("refused with the specification's errors when nothing places it", async () => {
    const none = await placed({})
    expect(none.status).toBe(400)
    expect(none.body).toEqual([{ code: 400, description: expect.stringContaining("lat") }])
    const unplaced = await placed({ address_string: "1234 5th street", lat: "37.76", long: "-122.42" })
    expect(unplaced.status).toBe(400)
    expect(unplaced.body[0].description).toContain("attribute[mahalla]")
    // Both mahallas named: a guess could send it to the wrong inspector.
    expect((await placed({ address_string: "Bodomzor va Minor orasida" })).status).toBe(400)
    expect((await placed({ "attribute[mahalla]": "1726262-999" })).status).toBe(400)
    expect((await placed({ "attribute[mahalla]": "1726262-001", jurisdiction_id: "1726262-002" })).body[0].description).toContain("jurisdiction_id")
    expect((await placed({ lat: "41.36" })).body[0].description).toContain("long")
    expect((await placed({ lat: "91", long: "69" })).body[0].description).toContain("lat")
  })
})

describe("who may submit and read", () => {
  test("a missing or unknown api_key is 403; an auditor's key may not submit", async () => {
    const { api_key: _, ...withoutKey } = submission()
    const missing = await postForm(`${server.base}/requests.json`, withoutKey)
    expect(missing.status).toBe(403)
    expect((await submit({ api_key: "nope" })).status).toBe(403)
    expect((await submit({ api_key: keys.auditor })).status).toBe(403)
    expect((await json("requests.json")).status).toBe(403)
  })

  test("a client limited to other districts may not file here, nor see what others filed", async () => {
    const refused = await submit({ api_key: keys.elsewhere })
    expect(refused.status).toBe(403)
    const created = await submit()
    const id = created.body[0].service_request_id
    expect((await read(id, keys.elsewhere)).status).toBe(404)
    expect((await read(id, keys.yunusobodOnly)).status).toBe(200)
    const listed = await json(`requests.json?api_key=${keys.elsewhere}&service_request_id=${id}`)
    expect(listed.body).toEqual([])
  })

  test("an integration client reads personal data masked, as the core decides", async () => {
    const created = await submit({ description: "Qoʻshnim tunda shovqin qiladi, telefonim +998901234567", address_string: "Bodomzor 7", media_url: "https://files.example.uz/p/1.jpg" })
    const r = only((await read(created.body[0].service_request_id)).body as Array<any>)
    expect(r.description).not.toContain("901234567")
    expect(r.address).toBe(null)
    expect(r.media_url).toBe(null)
  })
})

describe("appeals as Open311 requests", () => {
  test("the kind of appeal: by service, or the kind attribute; the notice follows it", async () => {
    const proposal = await submit({ service_code: "proposal" })
    expect(proposal.body[0].service_notice).toContain("Bir oy")
    const complaint = await submit({ "attribute[kind]": "shikoyat" })
    expect(complaint.status).toBe(201)
    expect((await submit({ "attribute[kind]": "arz" })).body[0].description).toContain("attribute[kind]")
    const competent = await submit({ service_code: "landDispute" })
    expect(competent.body[0].service_notice).toContain("5 kun")
  })

  test("a retry with the same Idempotency-Key gives the first answer, no second appeal", async () => {
    const key = `retry-${Date.now()}`
    const a = await submit({}, { "idempotency-key": key })
    const b = await submit({}, { "idempotency-key": key })
    expect(b.body[0].service_request_id).toBe(a.body[0].service_request_id)
    expect((await submit({ description: "Boshqa matn" }, { "idempotency-key": key })).status).toBe(400)
  })

  test("a forwarded appeal is closed, with the body it went to as agency_responsible", async () => {
    const created = await submit({ service_code: "landDispute" })
    const id = created.body[0].service_request_id
    const before = only((await read(id)).body as Array<any>)
    expect(before.agency_responsible).toBe("Yunusobod tumani IIB")
    expect(before.expected_datetime).not.toBe(null)
    await server.run(
      AppealService.execute(
        { type: "forward", appealId: id, body: { name: "Yunusobod tumani hokimligi" }, applicantNotice: { channel: "email", reference: "OUT-7" } },
        Actor.officer("O-301")
      )
    )
    const after = only((await json(`requests/${id}.json?api_key=${keys.portal}&locale=en`)).body as Array<any>)
    expect(after.status).toBe("closed")
    expect(after.agency_responsible).toBe("Yunusobod tumani hokimligi")
    expect(after.status_notes).toBe("forwarded to the competent body: Yunusobod tumani hokimligi")
    expect(after.expected_datetime).toBe(null)
    const closed = await json(`requests.json?api_key=${keys.portal}&status=closed`)
    expect(closed.body.map((r: any) => r.service_request_id)).toContain(id)
    const open = await json(`requests.json?api_key=${keys.portal}&status=open`)
    expect(open.body.map((r: any) => r.service_request_id)).not.toContain(id)
  })

  test("list filters: service codes, dates, status; bad values are 400 and 404", async () => {
    const created = await submit({ service_code: "roadSafety" })
    const id = created.body[0].service_request_id
    const ids = (path: string) => json(`requests.json?api_key=${keys.portal}&${path}`).then((r) => (r.body as Array<any>).map((x) => x.service_request_id))
    expect(await ids("service_code=roadSafety,fraud")).toContain(id)
    expect(await ids("service_code=fraud")).not.toContain(id)
    // Tomorrow in Tashkent (+05:00), where a date alone is read: between 19:00 and 24:00 UTC the
    // UTC date of tomorrow is Tashkent's today.
    const tomorrow = new Date(Date.now() + 5 * 3_600_000 + 86_400_000).toISOString().slice(0, 10)
    expect(await ids(`start_date=${tomorrow}&end_date=${tomorrow}T23:59:59+05:00`)).toEqual([])
    expect(await ids(`start_date=2020-01-01T00:00:00Z&end_date=2020-02-01T00:00:00Z`)).toEqual([])
    expect(await ids(`start_date=${new Date(Date.now() - 86_400_000).toISOString()}`)).toContain(id)
    const bad = async (q: string) => (await json(`requests.json?api_key=${keys.portal}&${q}`)).status
    expect(await bad("start_date=2020-01-01T00:00:00Z&end_date=2020-06-01T00:00:00Z")).toBe(400)
    expect(await bad("start_date=yesterday")).toBe(400)
    expect(await bad("status=pending")).toBe(400)
    expect(await bad("service_code=nothing")).toBe(404)
    expect(await bad("jurisdiction_id=city.gov")).toBe(404)
  })

  test("XML and JSON of a request carry the same values", async () => {
    const created = await submit()
    const id = created.body[0].service_request_id
    const x = await get(`${server.base}/requests/${id}.xml?api_key=${keys.portal}`)
    const j = await read(id)
    expect(spark(parseXml(x.body), false)).toEqual(
      (j.body as Array<Record<string, unknown>>).map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, v === null ? null : String(v)])))
    )
  })
})

// One negotiation for the API's problems and Open311's answers. The oracle reads the ranges as
// generated (tag, weight), not the header text: RFC 9110's rule is the highest weight, the first
// listed among equals; uz without a script is Latin; nothing supported gives uz-Latn.
describe("Accept-Language", () => {
  const tags = ["uz", "uz-UZ", "uz-Latn", "uz-Cyrl", "uz-Cyrl-UZ", "ru", "ru-RU", "en", "en-GB", "de", "fr-CA", "*"] as const
  const ours = (tag: string) => (tag.startsWith("uz-Cyrl") ? "uz-Cyrl" : tag.startsWith("uz") ? "uz-Latn" : tag.startsWith("ru") ? "ru" : tag.startsWith("en") ? "en" : undefined)
  const range = fc.record({ tag: fc.constantFrom(...tags), q: fc.option(fc.integer({ min: 0, max: 1000 }), { nil: undefined }) })

  property.prop([fc.array(range, { maxLength: 12 })])("the supported language of highest weight, first among equals", (ranges) => {
    const header = ranges.map((r) => (r.q === undefined ? r.tag : `${r.tag};q=${(r.q / 1000).toFixed(3)}`)).join(", ")
    let expected: string | undefined
    let best = 0
    for (const r of ranges) {
      const weight = r.q === undefined ? 1000 : r.q
      const locale = ours(r.tag)
      if (locale !== undefined && weight > best) {
        best = weight
        expected = locale
      }
    }
    expect(Problem.negotiate(header)).toBe(expected ?? "uz-Latn")
    // Asked again: the answer kept for the header is the same.
    expect(Problem.negotiate(header)).toBe(expected ?? "uz-Latn")
    expect(Open311.Locale.negotiate(undefined, header)).toBe(expected ?? "uz-Latn")
  })

  test("a malformed weight makes its range unusable; absurd headers are not read", () => {
    expect(Problem.negotiate("ru;q=2, en;q=0.5")).toBe("en")
    expect(Problem.negotiate("ru;q=abc")).toBe("uz-Latn")
    expect(Problem.negotiate("ru;q=0")).toBe("uz-Latn")
    expect(Problem.negotiate(`${"de, ".repeat(300)}ru`)).toBe("uz-Latn")
    expect(Open311.Locale.negotiate("en", "ru")).toBe("en")
  })
})
