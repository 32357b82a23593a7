// The role x scope matrix over HTTP: every kind of caller (the owner and another applicant,
// inspectors in and out of the appeal's mahalla, the district's senior inspector and chief,
// integrations in and out of their districts, an auditor, an officer claiming more than the
// directory gives, an officer the directory does not know) against reads, lists and commands of
// one appeal, in and out of their territory. The expected statuses follow docs/security.md's
// tables: an appeal the caller may not read is 404, a refusal of the policy 403, a missing scope
// 403 InsufficientScope, a token that makes no caller 401.
import { AppealService, Sample } from "@murojaat/core"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { call, type Running, start, token } from "./support.js"

let s: Running
const callers: Record<string, string> = {}
const names = ["owner", "otherApplicant", "inspector", "otherInspector", "senior", "chief", "portal", "elsewhere", "auditor", "overclaiming", "unknownOfficer", "readOnlyOwner"] as const
type Name = (typeof names)[number]

beforeAll(async () => {
  // Triage by the rules, assignment by a person: the matrix needs the appeal assigned to O-101.
  s = await start(AppealService.layerMemory(Sample.directory, { pipeline: { ...AppealService.rulesPipeline(), assign: undefined } }))
  callers.owner = await token({ kind: "applicant", sub: "u-1" })
  callers.otherApplicant = await token({ kind: "applicant", sub: "u-2" })
  callers.inspector = await token({ kind: "officer", sub: "O-101" })
  callers.otherInspector = await token({ kind: "officer", sub: "O-102" })
  callers.senior = await token({ kind: "officer", sub: "O-201" })
  callers.chief = await token({ kind: "officer", sub: "O-301" })
  callers.portal = await token({ kind: "client", sub: "portal" })
  callers.elsewhere = await token({ kind: "client", sub: "elsewhere" })
  callers.auditor = await token({ kind: "client", sub: "AUD-1" })
  callers.overclaiming = await token({ kind: "officer", sub: "O-101", roles: ["districtChief"] })
  callers.unknownOfficer = await token({ kind: "officer", sub: "O-999" })
  callers.readOnlyOwner = await token({ kind: "applicant", sub: "u-1", scope: "appeals:read" })
})
afterAll(() => s.close())

let n = 0
// A fresh appeal of u-1 in mahalla 001, assigned to O-101 by the senior inspector.
const freshAppeal = async (): Promise<string> => {
  const r = await call(s.url, "POST", "/v1/appeals", { token: callers.owner!, body: { ...Sample.intake, applicantRef: "u-1" }, headers: { "idempotency-key": `m-${++n}` } })
  expect(r.status, JSON.stringify(r.json)).toBe(201)
  const id = r.json.appeal.appealId as string
  const assigned = await call(s.url, "POST", `/v1/appeals/${id}/assign`, { token: callers.senior!, body: { officerId: "O-101" } })
  expect(assigned.status, JSON.stringify(assigned.json)).toBe(200)
  return id
}

const outcome = (r: { status: number; json: any }) => (r.status < 300 ? r.status : `${r.status} ${r.json?.code}`)

const matrix = async (run: (who: Name) => Promise<string | number>) => {
  const out: Partial<Record<Name, string | number>> = {}
  for (const who of names) out[who] = await run(who)
  return out
}

describe("the role x scope matrix over HTTP", () => {
  it("reads: the owner, the territory's officers, in-district integrations and auditors; 404 for everyone else", async () => {
    const id = await freshAppeal()
    const get = await matrix(async (who) => outcome(await call(s.url, "GET", `/v1/appeals/${id}`, { token: callers[who]! })))
    const history = await matrix(async (who) => outcome(await call(s.url, "GET", `/v1/appeals/${id}/history`, { token: callers[who]! })))
    const expected = {
      owner: 200,
      otherApplicant: "404 AppealNotFound",
      inspector: 200,
      otherInspector: "404 AppealNotFound",
      senior: 200,
      chief: 200,
      portal: 200,
      elsewhere: "404 AppealNotFound",
      auditor: 200,
      overclaiming: "403 NotAuthorized",
      unknownOfficer: "403 NotAuthorized",
      readOnlyOwner: 200
    }
    expect(get).toEqual(expected)
    expect(history).toEqual(expected)
  })

  it("lists: an appeal appears in the lists of exactly those who may read it", async () => {
    const id = await freshAppeal()
    const listed = await matrix(async (who) => {
      const ids: Array<string> = []
      let next: string | undefined
      do {
        const r = await call(s.url, "GET", `/v1/appeals?limit=1000${next ? `&after=${next}` : ""}`, { token: callers[who]! })
        if (r.status !== 200) return outcome(r)
        ids.push(...r.json.items.map((a: any) => a.appealId))
        next = r.json.next
      } while (next !== undefined)
      return ids.includes(id) ? "listed" : "absent"
    })
    expect(listed).toEqual({
      owner: "listed",
      otherApplicant: "absent",
      inspector: "listed",
      otherInspector: "absent",
      senior: "listed",
      chief: "listed",
      portal: "listed",
      elsewhere: "absent",
      auditor: "listed",
      overclaiming: "403 NotAuthorized",
      unknownOfficer: "403 NotAuthorized",
      readOnlyOwner: "listed"
    })
  })

  it("worklists and area lists: scopes first, then territory", async () => {
    const worklist = await matrix(async (who) => outcome(await call(s.url, "GET", "/v1/officers/O-101/worklist", { token: callers[who]! })))
    expect(worklist).toEqual({
      owner: "403 InsufficientScope",
      otherApplicant: "403 InsufficientScope",
      inspector: 200,
      otherInspector: "403 NotAuthorized",
      senior: 200,
      chief: 200,
      portal: "403 InsufficientScope",
      elsewhere: "403 InsufficientScope",
      auditor: 200,
      overclaiming: "403 NotAuthorized",
      unknownOfficer: "403 NotAuthorized",
      readOnlyOwner: "403 InsufficientScope"
    })
    const mahalla = await matrix(async (who) => outcome(await call(s.url, "GET", "/v1/overdue?mahallaCode=1726262-001", { token: callers[who]! })))
    expect(mahalla).toMatchObject({ inspector: 200, otherInspector: "403 NotAuthorized", senior: 200, chief: 200, auditor: 200, owner: "403 InsufficientScope" })
    const district = await matrix(async (who) => outcome(await call(s.url, "GET", "/v1/overdue?districtCode=1726262", { token: callers[who]! })))
    expect(district).toMatchObject({ inspector: "403 NotAuthorized", senior: 200, chief: 200, auditor: 200, portal: "403 InsufficientScope" })
  })

  it("commands: each caller against a fresh appeal; only the lifecycle's grantees succeed", async () => {
    const attempt = (type: string, body: unknown) => matrix(async (who) => outcome(await call(s.url, "POST", `/v1/appeals/${await freshAppeal()}/${type}`, { token: callers[who]!, body })))
    expect(await attempt("startReview", {})).toEqual({
      owner: "403 NotAuthorized",
      otherApplicant: "404 AppealNotFound",
      inspector: 200,
      otherInspector: "404 AppealNotFound",
      senior: "403 NotAuthorized",
      chief: "403 NotAuthorized",
      portal: "403 NotAuthorized",
      elsewhere: "404 AppealNotFound",
      auditor: "403 InsufficientScope",
      overclaiming: "403 NotAuthorized",
      unknownOfficer: "403 NotAuthorized",
      readOnlyOwner: "403 InsufficientScope"
    })
    expect(await attempt("withdraw", {})).toEqual({
      owner: 200,
      otherApplicant: "404 AppealNotFound",
      inspector: "403 NotAuthorized",
      otherInspector: "404 AppealNotFound",
      senior: "403 NotAuthorized",
      chief: "403 NotAuthorized",
      portal: "403 NotAuthorized",
      elsewhere: "404 AppealNotFound",
      auditor: "403 InsufficientScope",
      overclaiming: "403 NotAuthorized",
      unknownOfficer: "403 NotAuthorized",
      readOnlyOwner: "403 InsufficientScope"
    })
    expect(await attempt("unassign", { reason: "Inspektor taʼtilga chiqdi" })).toEqual({
      owner: "403 NotAuthorized",
      otherApplicant: "404 AppealNotFound",
      inspector: "403 NotAuthorized",
      otherInspector: "404 AppealNotFound",
      senior: 200,
      chief: 200,
      portal: "403 NotAuthorized",
      elsewhere: "404 AppealNotFound",
      auditor: "403 InsufficientScope",
      overclaiming: "403 NotAuthorized",
      unknownOfficer: "403 NotAuthorized",
      readOnlyOwner: "403 InsufficientScope"
    })
  })

  it("submissions: in one's own territory or as oneself", async () => {
    const submitAs = (who: Name) =>
      call(s.url, "POST", "/v1/appeals", {
        token: callers[who]!,
        body: { ...Sample.intake, ...(who === "owner" || who === "readOnlyOwner" ? { applicantRef: "u-1" } : {}) },
        headers: { "idempotency-key": `sub-${who}` }
      })
    const submitted = await matrix(async (who) => outcome(await submitAs(who)))
    expect(submitted).toMatchObject({
      owner: 201,
      inspector: 201,
      senior: 201,
      chief: 201,
      portal: 201,
      elsewhere: "403 NotAuthorized",
      auditor: "403 InsufficientScope",
      overclaiming: "403 NotAuthorized",
      unknownOfficer: "403 NotAuthorized",
      readOnlyOwner: "403 InsufficientScope"
    })
  })
})
