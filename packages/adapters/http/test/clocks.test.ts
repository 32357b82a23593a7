// The clocks of a submission's or a command's answer are counted on the calendar the service
// decided with (AppealService.Result.deadlines): the answer does not read the calendar again.
import { AppealService, AppealStore, CalendarStore, Deadline, DirectoryStore, IdGenerator, Sample } from "@murojaat/core"
import { Effect, Layer } from "effect"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { call, type Running, start, token } from "./support.js"

let reads = 0
// The shipped calendar behind a store that counts how often it is asked.
const counting = Layer.effect(
  CalendarStore.CalendarStore,
  Effect.map(CalendarStore.CalendarStore, (c): CalendarStore.Service => ({ ...c, current: Effect.suspend(() => (reads++, c.current)) }))
).pipe(Layer.provide(CalendarStore.layerMemory()))

let s: Running
let citizen: string
let inspector: string
let senior: string
beforeAll(async () => {
  const ports = Layer.mergeAll(AppealStore.layerMemory(), IdGenerator.layerMemory(), DirectoryStore.layerMemory(Sample.directory), counting)
  s = await start(AppealService.layerWith({ pipeline: AppealService.rulesPipeline() }).pipe(Layer.provideMerge(ports)))
  citizen = await token({ kind: "applicant", sub: "u-1" })
  inspector = await token({ kind: "officer", sub: "O-101" })
  senior = await token({ kind: "officer", sub: "O-201" })
})
afterAll(() => s.close())

describe("clocks of a command's answer", () => {
  it("a submission and a command each read the calendar once (the service's read), and show its clocks", async () => {
    reads = 0
    const submitted = await call(s.url, "POST", "/v1/appeals", { token: citizen, body: { ...Sample.intake, applicantRef: "u-1" }, headers: { "idempotency-key": "clocks-1" } })
    expect(submitted.status, submitted.text).toBe(201)
    expect(reads).toBe(1)
    // The answer's `now` is written to the second; the server's instant lies in that second, after
    // the events it committed. The last millisecond of that second gives the same report (same
    // second, every event counted), where its first could fall before the events.
    const at = new Date(Date.parse(submitted.json.deadlines.now as string) + 999).toISOString()
    // The clocks are those of the events on the calendar in force (the shipped one), at the answer's time.
    const expected = Deadline.status(submitted.json.events, at)
    expect(expected._tag, JSON.stringify(expected)).toBe("Right")
    if (expected._tag === "Right") expect(submitted.json.deadlines).toEqual(JSON.parse(JSON.stringify(expected.right)))
    expect(submitted.json.deadlines.clocks.some((c: { clock: string }) => c.clock === "consideration")).toBe(true)

    reads = 0
    const id = submitted.json.appeal.appealId as string
    // Assigned by the senior inspector when nobody was on duty (a weekend), else taken into review.
    const [who, type, body] = submitted.json.appeal.assigneeId === undefined ? [senior, "assign", { officerId: "O-101" }] : [inspector, "startReview", {}]
    const started = await call(s.url, "POST", `/v1/appeals/${id}/${type}`, { token: who, body, headers: { "if-match": submitted.headers.get("etag")! } })
    expect(started.status, started.text).toBe(200)
    expect(reads).toBe(1)
    expect(started.json.deadlines.clocks.length).toBeGreaterThan(0)
  })
})
