/**
 * Forms generated from the API's own OpenAPI document (`/openapi.json`): every command endpoint's
 * body schema becomes a form, so the console offers exactly the commands and fields the API
 * declares, and the API alone decides whether a command is allowed (its refusal is shown in place).
 *
 * @example
 * import { commandsOf } from "./forms.js"
 * commandsOf({ paths: { "/v1/appeals/{appealId}/close": { post: {} } } }) // ["close"]
 */
import { type Child, h } from "./dom.js"

/** The part of a JSON Schema the generator reads. */
export interface JsonSchema {
  readonly $ref?: string
  readonly type?: string | ReadonlyArray<string>
  readonly enum?: ReadonlyArray<unknown>
  readonly const?: unknown
  readonly anyOf?: ReadonlyArray<JsonSchema>
  readonly allOf?: ReadonlyArray<JsonSchema>
  readonly properties?: Readonly<Record<string, JsonSchema>>
  readonly required?: ReadonlyArray<string>
  readonly items?: JsonSchema
  readonly description?: string
  readonly title?: string
  readonly minimum?: number
  readonly maximum?: number
}

/** The part of the OpenAPI document the generator reads. */
export interface OpenApiDoc {
  readonly paths: Readonly<Record<string, { readonly post?: { readonly requestBody?: { readonly content?: Readonly<Record<string, { readonly schema?: JsonSchema }>> } } }>>
  readonly components?: { readonly schemas?: Readonly<Record<string, JsonSchema>> }
}

const commandPath = /^\/v1\/appeals\/\{appealId\}\/([a-zA-Z]+)$/

/**
 * The command names the API declares (`POST /v1/appeals/{appealId}/<command>`), in its order.
 *
 * @example
 * import { commandsOf } from "./forms.js"
 * commandsOf({ paths: { "/v1/appeals": { post: {} } } }) // []
 */
export const commandsOf = (doc: OpenApiDoc): ReadonlyArray<string> =>
  Object.keys(doc.paths)
    .map((p) => commandPath.exec(p)?.[1])
    .filter((c): c is string => c !== undefined && c !== "history")

const resolve = (doc: OpenApiDoc, s: JsonSchema | undefined): JsonSchema => {
  let cur = s ?? {}
  for (let i = 0; i < 10 && cur.$ref !== undefined; i++) cur = doc.components?.schemas?.[cur.$ref.replace("#/components/schemas/", "")] ?? {}
  if (cur.allOf !== undefined && cur.allOf.length === 1) return resolve(doc, cur.allOf[0])
  return cur
}

/**
 * The body schema of a command.
 *
 * @example
 * import { bodyOf } from "./forms.js"
 * bodyOf({ paths: {} }, "close").properties // {}
 */
export const bodyOf = (doc: OpenApiDoc, command: string): JsonSchema => {
  const post = doc.paths[`/v1/appeals/{appealId}/${command}`]?.post
  const schema = post?.requestBody?.content?.["application/json"]?.schema
  const resolved = resolve(doc, schema)
  return resolved.properties === undefined ? { ...resolved, properties: {} } : resolved
}

const choices = (doc: OpenApiDoc, s: JsonSchema): ReadonlyArray<string> | undefined => {
  if (s.enum !== undefined) return s.enum.map(String)
  if (s.anyOf !== undefined) {
    const all = s.anyOf.map((m) => resolve(doc, m))
    if (all.every((m) => m.const !== undefined || (m.enum !== undefined && m.enum.length === 1))) return all.map((m) => String(m.const ?? m.enum![0]))
  }
  return undefined
}

const kindOf = (doc: OpenApiDoc, s: JsonSchema): "object" | "number" | "boolean" | "array" | "string" => {
  const r = resolve(doc, s)
  const type = Array.isArray(r.type) ? r.type[0] : r.type
  if (r.properties !== undefined || type === "object") return "object"
  if (type === "integer" || type === "number") return "number"
  if (type === "boolean") return "boolean"
  if (type === "array") return "array"
  if (r.anyOf !== undefined && choices(doc, r) === undefined) {
    const first = r.anyOf.map((m) => resolve(doc, m)).find((m) => m.type !== "null")
    return first === undefined ? "string" : kindOf(doc, first)
  }
  return "string"
}

const envelope = new Set(["commandId", "correlationId"])

let ids = 0
const fieldId = (form: string, path: string) => `f-${form}-${path.replace(/[^a-zA-Z0-9]/g, "-")}-${++ids}`

/**
 * The inputs of a schema's fields, named by their path (`applicantNotice.channel`); nested objects
 * become fieldsets. Labels name the field as the API does; `*` marks a required one.
 */
export const fieldsOf = (doc: OpenApiDoc, schema: JsonSchema, form: string, prefix = ""): ReadonlyArray<Child> => {
  const s = resolve(doc, schema)
  const required = new Set(s.required ?? [])
  // The envelope's tracing ids are the client's business, not the user's: the console leaves them out.
  return Object.entries(s.properties ?? {})
    .filter(([name]) => prefix !== "" || !envelope.has(name))
    .map(([name, raw]) => {
    const field = resolve(doc, raw)
    const path = prefix === "" ? name : `${prefix}.${name}`
    const label = `${name}${required.has(name) ? " *" : ""}`
    const kind = kindOf(doc, field)
    if (kind === "object") return h("fieldset", null, h("legend", null, label), fieldsOf(doc, field, form, path))
    const id = fieldId(form, path)
    const options = choices(doc, field)
    const common = { id, name: path, "data-kind": kind, "data-required": required.has(name) ? "true" : undefined }
    const input =
      options !== undefined
        ? h("select", common, required.has(name) ? null : h("option", { value: "" }, "—"), options.map((o) => h("option", { value: o }, o)))
        : kind === "boolean"
          ? h("input", { ...common, type: "checkbox" })
          : kind === "number"
            ? h("input", { ...common, type: "number", step: "any", inputmode: "decimal" })
            : /text|note|reason|conclusion|request|comment/i.test(name)
              ? h("textarea", { ...common, rows: 3 })
              : h("input", { ...common, type: "text", placeholder: kind === "array" ? "a, b" : undefined })
    return h("div", { class: "field" }, h("label", { for: id }, label), input, field.description !== undefined ? h("small", null, field.description) : null)
  })
}

/**
 * The JSON body of a generated form: empty optional fields are left out, numbers and booleans
 * typed, arrays split on commas, nested paths rebuilt as objects.
 *
 * @example
 * import { h } from "./dom.js"
 * import { bodyFromForm } from "./forms.js"
 * const form = h("form", null, h("input", { name: "score", "data-kind": "number", value: "4" }))
 * bodyFromForm(form) // { score: 4 }
 */
export const bodyFromForm = (form: HTMLFormElement): Record<string, unknown> => {
  const body: Record<string, unknown> = {}
  for (const el of Array.from(form.querySelectorAll<HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement>("[name]"))) {
    const kind = el.dataset["kind"]
    let value: unknown
    if (kind === "boolean") value = (el as HTMLInputElement).checked
    else if (el.value.trim() === "") continue
    else if (kind === "number") value = Number(el.value)
    else if (kind === "array") value = el.value.split(",").map((v) => v.trim()).filter((v) => v !== "")
    else value = el.value
    const parts = el.name.split(".")
    let target = body
    for (const p of parts.slice(0, -1)) target = (target[p] ??= {}) as Record<string, unknown>
    target[parts.at(-1)!] = value
  }
  return body
}
