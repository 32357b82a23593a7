// The one rule registry (Rule.ts): unique ids, every table's rules in it, every id the core names
// registered, and refusals that can only name a rule id.
import { AppealMachine, Assignment, Command, Deadline, Errors, Rule, Taxonomy } from "@murojaat/core"
import { Schema } from "effect"
import { describe, expect, it } from "vitest"
import { examples, statusExamples } from "./fixtures/deadlineExamples.js"

const ids = (area: Rule.Area) => Rule.registry.filter((r) => r.area === area).map((r) => r.id)

describe("the rule registry", () => {
  it("has unique ids", () => {
    const all = Rule.registry.map((r) => r.id)
    const seen = new Set<string>()
    const repeated = all.filter((id) => seen.has(id) || !seen.add(id))
    expect(repeated).toEqual([])
    expect(all.length).toBeGreaterThan(100)
  })

  it("holds every table's rules, in the table's order, with the table's source", () => {
    expect(ids("lifecycle")).toEqual(Object.keys(AppealMachine.rules))
    expect(ids("command")).toEqual(Object.keys(AppealMachine.grants).map((c) => `lifecycle.${c}`))
    expect([...ids("command")].sort()).toEqual(Command.types.map((c) => `lifecycle.${c}`).sort())
    expect(ids("deadline")).toEqual(Deadline.rules.map((r) => r.id))
    expect(ids("assignment")).toEqual(Assignment.rules.map((r) => r.id))
    expect(ids("triage")).toEqual(Taxonomy.defaults.rules.map((r) => r.id))
    expect(ids("service")).toEqual(["dispute.personalDataKept"])
    for (const [id, r] of Object.entries(AppealMachine.rules)) expect(Rule.find(id)).toMatchObject({ source: r.source, statement: r.requires })
    for (const r of Deadline.rules) expect(Rule.find(r.id)?.source).toBe(r.source)
    for (const r of Assignment.rules) expect(Rule.find(r.id)).toMatchObject({ source: r.source, statement: r.statement })
  })

  it("states every rule and names its source", () => {
    for (const r of Rule.registry) {
      expect(r.statement.trim().length, r.id).toBeGreaterThan(10)
      expect(r.source.trim().length, r.id).toBeGreaterThan(5)
    }
  })

  it("registers every rule id the core names: grants, late changes, clocks, assignment, examples, the error catalogue", () => {
    const named = [
      ...Object.values(AppealMachine.grants).flatMap((g) => g.rules),
      ...Object.keys(AppealMachine.grants).map((c) => `lifecycle.${c}`),
      ...Deadline.lateChangeRules,
      ...Object.values(Assignment.RuleId),
      ...examples.flatMap((e) => [e.rule, ...(e.clockRule === undefined ? [] : [e.clockRule])]),
      ...statusExamples.map((e) => e.rule),
      ...Errors.catalogue.flatMap((c) => (c.example._tag === "RuleViolation" ? [c.example.rule] : c.example._tag === "NoEligibleInspector" ? c.example.rules : []))
    ]
    expect(named.filter((id) => Rule.find(id) === undefined)).toEqual([])
  })

  it("finds a built-in rule by id, and nothing for an operator's own or unknown id", () => {
    expect(Rule.find("extension.once")).toMatchObject({ id: "extension.once", area: "lifecycle", source: "ZRU-445 Art. 28" })
    expect(Rule.find("lifecycle.answer")?.area).toBe("command")
    expect(Rule.find(Taxonomy.defaults.rules[0]!.id)?.area).toBe("triage")
    expect(Rule.find("local.dogs")).toBeUndefined()
    expect(Rule.find("extension.twice")).toBeUndefined()
  })

  it("every triage rule's id has the operator rule id shape, so built-in and operator ids never differ in form", () => {
    for (const id of ids("triage")) expect(Schema.is(Taxonomy.RuleId)(id), id).toBe(true)
  })
})

describe("refusals name rule ids", () => {
  it("a refusal is made with a rule id, and one that is not shaped like one is refused at construction", () => {
    expect(new Errors.RuleViolation({ appealId: "A-1", rule: "extension.once", source: "ZRU-445 Art. 28" }).rule).toBe("extension.once")
    expect(() => new Errors.RuleViolation({ appealId: "A-1", rule: "not a rule" as Rule.Id, source: "x" })).toThrow()
  })
})
