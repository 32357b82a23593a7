// A fast path for decoding with a schema (issue 12): a checker compiled once from the schema's own
// AST that, on plain data, either gives exactly what Effect's decoder gives (the same value, the
// same key order, the same defaults) or says `unsure`, and the decoder decides. It never refuses.
//
// Conservative by construction: it reproduces only the nodes whose decoding it can state in a few
// lines (strings, numbers, booleans, literals, refinements by calling the schema's own filters,
// arrays, structs without index signatures, structs with defaults, unions where at most one member
// can succeed); any other node, and any input it is not sure of (a missing required key, an
// `undefined`, an extra key, a failed check), is `unsure`. Rules are never re-typed here: lengths,
// patterns and blanks are the schema's own filters, defaults the schema's own functions.
import { Either, Option, Schema, SchemaAST } from "effect"
import * as Decode from "../Decode.js"
import * as Errors from "../Errors.js"

/** What a checker returns when it cannot vouch for the decoder's answer. */
export const unsure: unique symbol = Symbol("unsure")
export type Unsure = typeof unsure

/** A compiled checker: the decoded value, or `unsure`. */
export type Check = (input: unknown) => unknown

// The options `Decode` decodes with; handed to the schema's filters as the decoder hands them.
const options: SchemaAST.ParseOptions = { errors: "all", onExcessProperty: "error" }

const never: Check = () => unsure

// A node whose decoding options or fallback are its own is left to the decoder.
const hasOwnDecoding = (ast: SchemaAST.AST): boolean =>
  ast.annotations[SchemaAST.ParseOptionsAnnotationId] !== undefined || ast.annotations[SchemaAST.DecodingFallbackAnnotationId] !== undefined

const hasOwn = Object.prototype.hasOwnProperty

const isRecord = (u: unknown): u is Record<string, unknown> => typeof u === "object" && u !== null && !Array.isArray(u)

// Whether a union member surely refuses `u` (so another member's answer is the union's): a literal
// or `undefined` that `u` is not, a string, number or boolean that `u` is not the type of, or a
// struct one of whose required literal properties `u` lacks or holds otherwise.
const refuses = (ast: SchemaAST.AST): ((u: unknown) => boolean) => {
  switch (ast._tag) {
    case "Literal": {
      const literal = ast.literal
      return (u) => u !== literal
    }
    case "UndefinedKeyword":
      return (u) => u !== undefined
    case "StringKeyword":
      return (u) => typeof u !== "string"
    case "NumberKeyword":
      return (u) => typeof u !== "number"
    case "BooleanKeyword":
      return (u) => typeof u !== "boolean"
    case "Refinement":
      return refuses(ast.from)
    case "Transformation":
      return refuses(ast.from)
    case "TypeLiteral": {
      const tags = ast.propertySignatures.filter((p) => !p.isOptional && SchemaAST.isLiteral(p.type) && typeof p.name === "string")
      if (tags.length === 0) return () => false
      return (u) => !isRecord(u) || tags.some((p) => !hasOwn.call(u, p.name) || u[p.name as string] !== (p.type as SchemaAST.Literal).literal)
    }
    default:
      return () => false
  }
}

const compileTypeLiteral = (ast: SchemaAST.TypeLiteral): Check => {
  if (ast.indexSignatures.length > 0 || ast.propertySignatures.length === 0) return never
  // `__proto__` would set the output's prototype; a symbol key is not JSON.
  if (ast.propertySignatures.some((p) => typeof p.name !== "string" || p.name === "__proto__")) return never
  const names = ast.propertySignatures.map((p) => p.name as string)
  const optional = ast.propertySignatures.map((p) => p.isOptional)
  const checks = ast.propertySignatures.map((p) => compile(p.type))
  const n = names.length
  // The decoder's output holds the schema's keys present in the input, in the schema's order.
  return (u) => {
    if (!isRecord(u)) return unsure
    const out: Record<string, unknown> = {}
    let seen = 0
    for (let i = 0; i < n; i++) {
      const name = names[i]!
      if (!hasOwn.call(u, name)) {
        if (optional[i]) continue
        return unsure
      }
      const v = u[name]
      // `undefined` decodes in ways (an optional key kept, a default) not worth reproducing.
      if (v === undefined) return unsure
      const r = checks[i]!(v)
      if (r === unsure) return unsure
      out[name] = r
      seen++
    }
    // Any key the schema does not name (the decoder refuses it). The input is plain data, so its
    // own keys are its enumerable string keys.
    return Object.keys(u).length === seen ? out : unsure
  }
}

const compileTransformation = (ast: SchemaAST.Transformation): Check => {
  const t = ast.transformation
  // Structs with defaults (`optionalWith`): the wire struct, the schema's own property
  // transformations on the object it made, then the decoded struct.
  if (!SchemaAST.isTypeLiteralTransformation(t) || !SchemaAST.isTypeLiteral(ast.from)) return never
  if (t.propertySignatureTransformations.some((p) => p.from !== p.to || typeof p.from !== "string")) return never
  const from = compileTypeLiteral(ast.from)
  const to = compile(ast.to)
  const psts = t.propertySignatureTransformations
  return (u) => {
    const a = from(u) as Record<string, unknown> | Unsure
    if (a === unsure) return unsure
    for (const p of psts) {
      const key = p.from as string
      const o = p.decode(hasOwn.call(a, key) ? Option.some(a[key]) : Option.none())
      if (Option.isSome(o)) a[key] = o.value
      else delete a[key]
    }
    return to(a)
  }
}

const compileUnion = (ast: SchemaAST.Union): Check => {
  const members = ast.types.map((m) => ({ refuses: refuses(m), check: compile(m) }))
  // The decoder answers with the first member that succeeds: when every member but one surely
  // refuses, that one's answer is the union's.
  return (u) => {
    let only: Check | undefined
    for (const m of members) {
      if (m.refuses(u)) continue
      if (only !== undefined) return unsure
      only = m.check
    }
    return only === undefined ? unsure : only(u)
  }
}

const compileNode = (ast: SchemaAST.AST): Check => {
  if (hasOwnDecoding(ast)) return never
  switch (ast._tag) {
    case "StringKeyword":
      return (u) => (typeof u === "string" ? u : unsure)
    case "NumberKeyword":
      return (u) => (typeof u === "number" ? u : unsure)
    case "BooleanKeyword":
      return (u) => (typeof u === "boolean" ? u : unsure)
    case "UnknownKeyword":
    case "AnyKeyword":
      return (u) => u
    case "Literal": {
      const literal = ast.literal
      return (u) => (u === literal ? u : unsure)
    }
    case "Refinement": {
      // The schema's own filter, on what its `from` decoded, as the decoder calls it.
      const from = compile(ast.from)
      const filter = ast.filter
      return (u) => {
        const a = from(u)
        return a !== unsure && Option.isNone(filter(a, options, ast)) ? a : unsure
      }
    }
    case "TupleType": {
      // An array of one item type (`Schema.Array`): a new array of the items decoded, in order.
      if (ast.elements.length > 0 || ast.rest.length !== 1) return never
      const item = compile(ast.rest[0]!.type)
      return (u) => {
        if (!Array.isArray(u)) return unsure
        const out: Array<unknown> = new Array(u.length)
        for (let i = 0; i < u.length; i++) {
          if (!hasOwn.call(u, i)) return unsure
          const r = item(u[i])
          if (r === unsure) return unsure
          out[i] = r
        }
        return out
      }
    }
    case "TypeLiteral":
      return compileTypeLiteral(ast)
    case "Transformation":
      return compileTransformation(ast)
    case "Union":
      return compileUnion(ast)
    default:
      return never
  }
}

const compiled = new WeakMap<SchemaAST.AST, Check>()

/**
 * The fast checker of a schema's AST (built once per node). For plain data (as `Decode.snapshot`
 * makes it) it returns what the schema's decoder returns, or `unsure`.
 */
export const compile = (ast: SchemaAST.AST): Check => {
  const known = compiled.get(ast)
  if (known !== undefined) return known
  const check = compileNode(ast)
  compiled.set(ast, check)
  return check
}

/**
 * `Decode.either` with a fast path: the input is copied under the bounds (`Decode.snapshot`) once;
 * the fast checker answers for the copy when it can, and the full decoder (on the same copy, which
 * is plain data and copies to itself) otherwise, so refusals and their issues are the decoder's.
 */
export const either = <A, I>(schema: Schema.Schema<A, I, never>, subject: string): ((input: unknown) => Either.Either<A, Errors.InvalidInput>) => {
  const full = Decode.either(schema, subject)
  const fast = compile(schema.ast)
  return (input) => {
    const copy = Decode.snapshot(input)
    // Refused by the bounds: the refusal `Decode.either` gives, without reading the input again.
    if (Either.isLeft(copy)) return Either.left(new Errors.InvalidInput({ subject, issues: copy.left }))
    let r: unknown = unsure
    try {
      r = fast(copy.right)
    } catch {
      r = unsure
    }
    return r === unsure ? full(copy.right) : Either.right(r as A)
  }
}
