// The message schemas: the committed JSON Schema files are what the Effect schemas generate now,
// every event type has one, and an outgoing message never carries personal data, whatever the
// event holds (a property over generated events).
import { readdirSync, readFileSync } from "node:fs"
import { fileURLToPath } from "node:url"
import { Event } from "@murojaat/core"
import { Messages } from "@murojaat/rabbitmq"
import { Arbitrary, FastCheck, Schema } from "effect"
import { describe, expect, it } from "vitest"

const dir = fileURLToPath(new URL("../schemas/", import.meta.url))

describe("message schemas", () => {
  it("the committed JSON Schema files are current (pnpm docs:build regenerates them)", () => {
    const files = readdirSync(dir).filter((f) => f.endsWith(".json")).sort()
    expect(files).toEqual(Messages.all().map((m) => `${m.name}.json`).sort())
    for (const m of Messages.all()) {
      expect(JSON.parse(readFileSync(`${dir}${m.name}.json`, "utf8")), m.name).toEqual(Messages.jsonSchema(m.schema))
    }
  })

  it("every event type has its versioned message type", () => {
    expect(Object.keys(Messages.appealMessages).sort()).toEqual([...Event.types].sort())
    for (const t of Event.types) expect(Messages.appealType(t)).toBe(`uz.murojaat.appeal.${t}.v${Messages.version}`)
  })

  // Stored events' ids are `<appealId>#<seq>` (the service gives them; the schema is looser).
  const events = Arbitrary.make(Event.AppealEvent).map((e) => ({ ...e, id: `${e.appealId}#${e.seq}` }))
  it("an outgoing message is valid for its schema and holds no withheld field (property over generated events)", () =>
    FastCheck.assert(FastCheck.property(events, (event) => {
    const message = Messages.fromEvent(event, "urn:murojaat:test")
    const schema = Messages.appealMessages[event.type] as unknown as Schema.Schema<unknown>
    expect(Schema.is(schema)(message)).toBe(true)
    const facts = message.data.facts as Record<string, unknown>
    for (const field of Messages.withheld) expect(field in facts).toBe(false)
    if (event.actor.kind === "applicant") expect(message.data.actor).toEqual({ kind: "applicant", role: event.actor.role })
    const text = JSON.stringify(message)
    const data = event.data as Record<string, unknown>
    for (const field of Messages.withheld) {
      const value = data[field]
      if (typeof value === "string" && value.length >= 8) expect(text).not.toContain(JSON.stringify(value))
    }
  }), { numRuns: 150 }))
})
