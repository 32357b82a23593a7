// The service's intake decoder checks each field once, on the wire side (issue 12): it must give
// what `Decode.either(Appeal.Intake)` gives, the schema's own decoding, for any input: the same
// intake (key order included, as answers are JSON) or the same refusal (the same issues in the
// same order). The oracle is that full decoding of the unchanged schema.
import { Appeal, Decode } from "@murojaat/core"
import { Arbitrary, FastCheck, Schema } from "effect"
import { describe, expect, it } from "vitest"
import { decodeIntake } from "../src/internal/service/intake.js"

const full = Decode.either(Appeal.Intake, "Appeal")
const same = (input: unknown) => expect(JSON.stringify(decodeIntake(input))).toBe(JSON.stringify(full(input)))

// Every place in a JSON value: [parent, key] pairs.
const places = (v: unknown, out: Array<[Record<string, unknown> | Array<unknown>, string | number]> = []) => {
  if (Array.isArray(v)) v.forEach((x, i) => (out.push([v, i]), places(x, out)))
  else if (typeof v === "object" && v !== null) for (const [k, x] of Object.entries(v)) out.push([v as Record<string, unknown>, k]), places(x, out)
  return out
}

const wire = Arbitrary.make(Appeal.Intake).map((intake) => JSON.parse(JSON.stringify(Schema.encodeSync(Appeal.Intake)(intake))) as Record<string, unknown>)

describe("the service's intake decoder", () => {
  // Schema-derived arbitraries come from effect's own fast-check, so they run under FastCheck.assert.
  it("gives the schema's intake for every valid wire form, key order included", () =>
    FastCheck.assert(FastCheck.property(wire, (input) => {
      expect(decodeIntake(input)._tag).toBe("Right")
      same(input)
    }))
  )

  it("gives the schema's refusal, issue for issue, when any one place holds anything or is removed", () =>
    FastCheck.assert(
      FastCheck.property(wire, FastCheck.nat(), FastCheck.option(FastCheck.anything(), { nil: undefined, freq: 4 }), (input, i, value) => {
        const ps = places(input)
        const [parent, key] = ps[i % ps.length]!
        if (value === undefined && !Array.isArray(parent)) delete parent[key as string]
        else (parent as Record<string | number, unknown>)[key] = value
        same(input)
      })
    )
  )

  it("gives the schema's answer for anything at all, and for extra keys", () =>
    FastCheck.assert(
      FastCheck.property(FastCheck.anything(), wire, FastCheck.string(), (u, input, k) => {
        same(u)
        same({ ...input, [k]: 1 })
      })
    )
  )
})
