/**
 * Decoding untrusted input into Murojaat's models. Every failure is an `Errors.InvalidInput` that
 * names each wrong field (dotted path), the kind of problem, and what was expected, with messages
 * in the four languages. The offending values are never echoed, so errors can be logged without
 * leaking personal data. Unknown fields are refused, so a typo in a field name is caught.
 *
 * @example
 * import { Appeal, Decode, Either } from "@murojaat/core"
 * const r = Decode.either(Appeal.Kind, "Appeal.kind")("arizaa")
 * Either.isLeft(r) && r.left.issues[0]!.problem // "invalidValue"
 */
import { Effect, Either, ParseResult, Schema } from "effect"
import * as Errors from "./Errors.js"

const problemOf = (tag: string, message: string): Errors.FieldProblem => {
  switch (tag) {
    case "Missing":
      return "missing"
    case "Unexpected":
      return "notAllowed"
    case "Type":
      return /^Expected (string|number|boolean|bigint|an? |\{|ReadonlyArray|Array)/.test(message) ? "wrongType" : "invalidValue"
    default:
      return "invalidValue"
  }
}

const expectedOf = (message: string): string | undefined => {
  const m = /^Expected (.*?)(, actual [\s\S]*)?$/.exec(message)
  return m?.[1]
}

// The decoder's text may quote the actual value ("actual ..."); drop it so no personal data leaks.
const scrub = (message: string): string => message.replace(/, actual [\s\S]*$/, "").slice(0, 300)

/**
 * Converts a Schema `ParseError` into `Errors.InvalidInput`.
 *
 * @example
 * import { Decode, Schema } from "@murojaat/core"
 * import { Either } from "effect"
 * const r = Schema.decodeUnknownEither(Schema.Struct({ a: Schema.String }))({})
 * Either.isLeft(r) && Decode.fromParseError("Thing", r.left).issues[0]!.path // "a"
 */
export const fromParseError = (subject: string, error: ParseResult.ParseError): Errors.InvalidInput => {
  // A union (e.g. a literal set) reports one issue per member at the same path: merge them into
  // one issue whose `expected` lists the alternatives.
  const byPath = new Map<string, { problem: Errors.FieldProblem; expected: Array<string>; detail: Array<string> }>()
  for (const i of ParseResult.ArrayFormatter.formatErrorSync(error)) {
    const path = i.path.map(String).join(".")
    const entry = byPath.get(path) ?? { problem: problemOf(i._tag, i.message), expected: [], detail: [] }
    const expected = expectedOf(i.message)
    if (expected !== undefined && expected !== "undefined" && !entry.expected.includes(expected)) entry.expected.push(expected)
    const detail = scrub(i.message)
    if (!entry.detail.includes(detail)) entry.detail.push(detail)
    byPath.set(path, entry)
  }
  const issues = [...byPath].map(
    ([path, e]) =>
      new Errors.FieldIssue({
        path,
        problem: e.problem,
        ...(e.expected.length > 0 ? { expected: e.expected.join(" | ") } : {}),
        detail: e.detail.join("; ").slice(0, 500)
      })
  )
  return new Errors.InvalidInput({ subject, issues })
}

const options = { errors: "all", onExcessProperty: "error" } as const

/**
 * Decodes unknown input, failing with `InvalidInput` in the error channel.
 *
 * @example
 * import { Appeal, Decode } from "@murojaat/core"
 * import { Effect } from "effect"
 * Effect.runSync(Effect.either(Decode.unknown(Appeal.Form, "Appeal.form")("oral"))) // Either.right("oral")
 */
export const unknown =
  <A, I, R>(schema: Schema.Schema<A, I, R>, subject: string) =>
  (input: unknown): Effect.Effect<A, Errors.InvalidInput, R> =>
    Schema.decodeUnknown(schema, options)(input).pipe(Effect.mapError((e) => fromParseError(subject, e)))

/**
 * Decodes unknown input synchronously into an `Either` (for schemas without requirements).
 *
 * @example
 * import { Appeal, Decode } from "@murojaat/core"
 * Decode.either(Appeal.Form, "Appeal.form")("fax")._tag // "Left"
 */
export const either =
  <A, I>(schema: Schema.Schema<A, I, never>, subject: string) =>
  (input: unknown): Either.Either<A, Errors.InvalidInput> =>
    Either.mapLeft(Schema.decodeUnknownEither(schema, options)(input), (e) => fromParseError(subject, e))
