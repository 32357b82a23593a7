/**
 * Decoding untrusted input into Murojaat's models. Every failure is an `Errors.InvalidInput` that
 * names each wrong field (dotted path), the kind of problem, and what was expected, with messages
 * in the four languages. The offending values are never echoed, so errors can be logged without
 * leaking personal data. Unknown fields are refused, so a typo in a field name is caught.
 *
 * Decoding never throws: before any schema reads it, the input is copied into plain data under
 * bounds (depth, values, items, string length; `Limits`), without recursion, so input nested
 * 10,000 levels deep, cyclic, huge, or built of throwing getters, proxies, bigints or symbol keys
 * is an `InvalidInput` too, and any defect while decoding becomes one.
 *
 * @example
 * import { Appeal, Decode } from "@murojaat/core"
 * import { Either } from "effect"
 * const r = Decode.either(Appeal.Kind, "Appeal.kind")("arizaa")
 * Either.isLeft(r) && r.left.issues[0]!.problem // "invalidValue"
 */
import { Effect, Either, ParseResult, Schema } from "effect"
import * as Errors from "./Errors.js"
import * as Limits from "./Limits.js"

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
 * import { Decode } from "@murojaat/core"
 * import { Either, Schema } from "effect"
 * const r = Schema.decodeUnknownEither(Schema.Struct({ a: Schema.String }))({})
 * Either.isLeft(r) && Decode.fromParseError("Thing", r.left).issues[0]!.path // "a"
 *
 * @since 0.1.0
 * @category errors
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
 * The bounds `Decode` checks before any schema sees an input: nesting depth, values in all, items
 * of one array or keys of one object, characters of one string. Defaults come from
 * `Limits.defaultSettings` (`inputDepth`, `inputValues`, `inputItems`, `inputStringLength`).
 *
 * @example
 * import { Decode } from "@murojaat/core"
 * const b: Decode.Bounds = { ...Decode.defaultBounds, depth: 8 }
 * b.depth // 8
 *
 * @since 0.1.0
 * @category settings
 */
export interface Bounds {
  readonly depth: number
  readonly values: number
  readonly items: number
  readonly stringLength: number
}

/**
 * The default bounds, from `Limits.defaultSettings`.
 *
 * @example
 * import { Decode, Limits } from "@murojaat/core"
 * Decode.defaultBounds.depth === Limits.defaultSettings.inputDepth // true
 *
 * @since 0.1.0
 * @category settings
 */
export const defaultBounds: Bounds = {
  depth: Limits.defaultSettings.inputDepth,
  values: Limits.defaultSettings.inputValues,
  items: Limits.defaultSettings.inputItems,
  stringLength: Limits.defaultSettings.inputStringLength
}

class Refused {
  constructor(readonly problem: Errors.FieldProblem, readonly detail: string) {}
}

interface Frame {
  readonly source: object
  readonly target: Record<string, unknown> | Array<unknown>
  readonly keys: ReadonlyArray<string> | undefined // undefined for an array
  readonly length: number
  index: number
}

// Some realm's Object.prototype, or none: JSON-like data, not a class instance, Date or Map.
const isPlainPrototype = (proto: unknown): boolean => proto === null || Object.getPrototypeOf(proto) === null

/**
 * Copies an input into plain data, checking the bounds on the way, without recursion (so depth
 * cannot overflow the stack) and reading every property once (a getter or a Proxy is asked once;
 * what the schema sees is the copy). Refuses cycles, bigints, symbols, functions, symbol keys and
 * objects that are not plain (class instances, Date, Map). A getter or Proxy trap that throws is
 * refused too. Shared (non-cyclic) references are copied, within the bound on values.
 *
 * @example
 * import { Decode } from "@murojaat/core"
 * let deep: unknown = "x"
 * for (let i = 0; i < 10_000; i++) deep = [deep]
 * const r = Decode.snapshot(deep)
 * r._tag === "Left" && r.left[0]!.detail // "nested deeper than 32 levels"
 * Decode.snapshot({ a: [1, "b"] }) // Either.right({ a: [1, "b"] })
 *
 * @since 0.1.0
 * @category input
 */
export const snapshot = (input: unknown, bounds: Bounds = defaultBounds): Either.Either<unknown, ReadonlyArray<Errors.FieldIssue>> => {
  const stack: Array<Frame> = []
  let values = 0
  let key: string | number | undefined
  const pathNow = (): string => {
    const keys = stack.map((f) => (f.keys === undefined ? f.index - 1 : f.keys[f.index - 1]!))
    return keys.map(String).join(".")
  }
  // A leaf is returned as is; a container is pushed as a frame and its (empty) copy returned.
  const take = (v: unknown): unknown => {
    if (++values > bounds.values) throw new Refused("invalidValue", `more than ${bounds.values} values in all`)
    switch (typeof v) {
      case "string":
        if (v.length > bounds.stringLength) throw new Refused("invalidValue", `a string longer than ${bounds.stringLength} characters`)
        return v
      case "number":
      case "boolean":
      case "undefined":
        return v
      case "bigint":
        throw new Refused("wrongType", "a bigint is not allowed")
      case "symbol":
      case "function":
        throw new Refused("wrongType", `a ${typeof v} is not data`)
    }
    if (v === null) return v
    const o = v as object
    // A cycle always ends here too; only then is it worth telling it from plain depth.
    if (stack.length + 1 > bounds.depth) {
      const cyclic = stack.some((f) => f.source === o) || stack.some((f, i) => stack.findIndex((g) => g.source === f.source) !== i)
      throw new Refused("invalidValue", cyclic ? "a cyclic reference" : `nested deeper than ${bounds.depth} levels`)
    }
    if (Array.isArray(o)) {
      const length = o.length
      if (length > bounds.items) throw new Refused("invalidValue", `more than ${bounds.items} items`)
      const target: Array<unknown> = new Array(length)
      stack.push({ source: o, target, keys: undefined, length, index: 0 })
      return target
    }
    if (!isPlainPrototype(Object.getPrototypeOf(o))) throw new Refused("wrongType", "not plain data (a class instance, Date, Map or the like)")
    if (Object.getOwnPropertySymbols(o).length > 0) throw new Refused("notAllowed", "symbol keys are not allowed")
    const keys = Object.keys(o)
    if (keys.length > bounds.items) throw new Refused("invalidValue", `more than ${bounds.items} keys`)
    const target: Record<string, unknown> = {}
    stack.push({ source: o, target, keys, length: keys.length, index: 0 })
    return target
  }
  try {
    const root = take(input)
    while (stack.length > 0) {
      const f = stack[stack.length - 1]!
      if (f.index >= f.length) {
        stack.pop()
        continue
      }
      key = f.keys === undefined ? f.index : f.keys[f.index]!
      f.index++
      const value = take((f.source as Record<string | number, unknown>)[key])
      // `__proto__` is an own key in parsed JSON; define it rather than set the copy's prototype.
      if (key === "__proto__") Object.defineProperty(f.target, key, { value, enumerable: true, writable: true, configurable: true })
      else (f.target as Record<string | number, unknown>)[key] = value
    }
    return Either.right(root)
  } catch (e) {
    const refused = e instanceof Refused ? e : new Refused("invalidValue", "could not be read (a getter or proxy failed)")
    return Either.left([new Errors.FieldIssue({ path: pathNow(), problem: refused.problem, detail: refused.detail })])
  }
}

const unreadable = (subject: string): Errors.InvalidInput =>
  new Errors.InvalidInput({ subject, issues: [new Errors.FieldIssue({ path: "", problem: "invalidValue", detail: "could not be decoded" })] })

/**
 * Decodes unknown input, failing with `InvalidInput` in the error channel. The input is first
 * checked against the bounds (`snapshot`), then decoded; it never throws and never dies: any
 * defect while decoding is an `InvalidInput` too.
 *
 * @example
 * import { Appeal, Decode } from "@murojaat/core"
 * import { Effect } from "effect"
 * Effect.runSync(Effect.either(Decode.unknown(Appeal.Form, "Appeal.form")("oral"))) // Either.right("oral")
 *
 * @since 0.1.0
 * @category input
 */
export const unknown = <A, I, R>(schema: Schema.Schema<A, I, R>, subject: string, bounds: Bounds = defaultBounds) => {
  const decode = Schema.decodeUnknown(schema, options)
  return (input: unknown): Effect.Effect<A, Errors.InvalidInput, R> =>
    Effect.suspend(() => {
      const copy = snapshot(input, bounds)
      return Either.isLeft(copy)
        ? Effect.fail(new Errors.InvalidInput({ subject, issues: copy.left }))
        : decode(copy.right).pipe(Effect.mapError((e) => fromParseError(subject, e)))
    }).pipe(Effect.catchAllDefect(() => Effect.fail(unreadable(subject))))
}

/**
 * Decodes unknown input synchronously into an `Either` (for schemas without requirements), with
 * the same bounds and guarantees as {@link unknown}.
 *
 * @example
 * import { Appeal, Decode } from "@murojaat/core"
 * Decode.either(Appeal.Form, "Appeal.form")("fax")._tag // "Left"
 *
 * @since 0.1.0
 * @category input
 */
export const either = <A, I>(schema: Schema.Schema<A, I, never>, subject: string, bounds: Bounds = defaultBounds) => {
  const decode = Schema.decodeUnknownEither(schema, options)
  return (input: unknown): Either.Either<A, Errors.InvalidInput> => {
    try {
      const copy = snapshot(input, bounds)
      if (Either.isLeft(copy)) return Either.left(new Errors.InvalidInput({ subject, issues: copy.left }))
      return Either.mapLeft(decode(copy.right), (e) => fromParseError(subject, e))
    } catch {
      return Either.left(unreadable(subject))
    }
  }
}
