// Stored comparison profiles (`AppealStore.saveProfiles`): the parts of a `Duplicates.Prepared`
// derived from an appeal's personal data (text trigrams, concepts, cues, parsed address, triage
// category), as JSON, so that link suggestions read them instead of deriving them on every request.
// They are personal data: the store keeps them in the personal record and erases them with it.
//
// The codec is generic (plain objects, arrays, typed arrays, sets, maps), so that a change of what
// `Duplicates.prepare` computes needs no change here; `version` fingerprints the model (lexicon,
// triage model, the prepared form of fixed probes), so that a changed model reads no profile stored
// by an earlier one, and is undefined (nothing is stored or read) when the probes show that the
// stored parts cannot rebuild exactly what `prepare` returns.
import * as Duplicates from "../../Duplicates.js"
import * as Triage from "../../Triage.js"
import { canonicalJson } from "../canonical.js"
import { sha256Hex } from "../sha256.js"

// The fields of a prepared appeal that come from its state and the request, not from its personal
// data: never stored, rebuilt from the comparison input each time.
const fromInput = new Set(["input", "at", "applicant"])

class Unstorable extends Error {}

const typedArrays = {
  f64: Float64Array,
  f32: Float32Array,
  i32: Int32Array,
  u32: Uint32Array,
  i16: Int16Array,
  u16: Uint16Array,
  i8: Int8Array,
  u8: Uint8Array
} as const
type TypedTag = keyof typeof typedArrays

const isPlain = (v: object): boolean => {
  const proto = Object.getPrototypeOf(v)
  return proto === Object.prototype || proto === null
}

const encodeNumber = (n: number): unknown =>
  Number.isFinite(n) && !Object.is(n, -0) ? n : { $n: Object.is(n, -0) ? "-0" : String(n) }

// A value as JSON; tagged forms are objects of one "$" key (plain objects with such keys are refused).
const encode = (v: unknown): unknown => {
  if (v === null || typeof v === "string" || typeof v === "boolean") return v
  if (typeof v === "number") return encodeNumber(v)
  if (v === undefined) return { $u: 1 }
  if (typeof v !== "object") throw new Unstorable(typeof v)
  if (Array.isArray(v)) return v.map(encode)
  if (v instanceof Set) return { $set: [...v].map(encode) }
  if (v instanceof Map) return { $map: [...v].map(([k, x]) => [encode(k), encode(x)]) }
  for (const [tag, Ctor] of Object.entries(typedArrays)) {
    if (v instanceof Ctor) {
      const values = Array.from(v as ArrayLike<number>)
      if (!values.every((x) => Number.isFinite(x) && !Object.is(x, -0))) throw new Unstorable("typed array value")
      return { [`$${tag}`]: values }
    }
  }
  if (!isPlain(v)) throw new Unstorable("class instance")
  const out: Record<string, unknown> = {}
  for (const [k, x] of Object.entries(v)) {
    // "$" marks the tagged forms; "__proto__" would set a prototype when read back.
    if (k.startsWith("$") || k === "__proto__") throw new Unstorable("key")
    out[k] = encode(x)
  }
  return out
}

const numbers = (v: unknown): ReadonlyArray<number> => {
  if (!Array.isArray(v)) throw new Unstorable("numbers")
  for (let i = 0; i < v.length; i++) if (typeof v[i] !== "number") throw new Unstorable("numbers")
  return v as ReadonlyArray<number>
}

const specialNumbers: Readonly<Record<string, number>> = { "-0": -0, NaN: Number.NaN, Infinity, "-Infinity": -Infinity }

// A tagged form back into its value (`tag` without the "$").
const decodeTagged = (tag: string, x: unknown): unknown => {
  if (tag === "u") return undefined
  if (tag === "n") {
    if (typeof x !== "string" || !(x in specialNumbers)) throw new Unstorable("number")
    return specialNumbers[x]
  }
  if (tag === "set") {
    if (!Array.isArray(x)) throw new Unstorable("set")
    return new Set(x.map(decode))
  }
  if (tag === "map") {
    if (!Array.isArray(x) || !x.every((e) => Array.isArray(e) && e.length === 2)) throw new Unstorable("map")
    return new Map((x as ReadonlyArray<[unknown, unknown]>).map(([k, y]) => [decode(k), decode(y)]))
  }
  if (Object.hasOwn(typedArrays, tag)) return typedArrays[tag as TypedTag].from(numbers(x))
  throw new Unstorable("tag")
}

// Read on every suggestion request for every candidate: one pass, no intermediate arrays.
const decode = (v: unknown): unknown => {
  if (typeof v !== "object" || v === null) {
    if (v === null || typeof v === "string" || typeof v === "boolean" || typeof v === "number") return v
    throw new Unstorable(typeof v)
  }
  if (Array.isArray(v)) return v.map(decode)
  const o = v as Record<string, unknown>
  let first: string | undefined
  let count = 0
  for (const k in o) {
    if (count++ === 0) first = k
    else break
  }
  if (count === 1 && first!.charCodeAt(0) === 36) return decodeTagged(first!.slice(1), o[first!])
  const out: Record<string, unknown> = {}
  for (const k in o) {
    if (k === "__proto__") throw new Unstorable("key")
    out[k] = decode(o[k])
  }
  return out
}

// The fields of a prepared appeal that come from its input, as `Duplicates.prepare` sets them.
const inputParts = (input: Duplicates.Appeal) => ({
  input,
  at: Date.parse(input.submittedAt),
  applicant: input.applicantRef === null || input.applicantRef === undefined || input.applicantRef === "" ? undefined : input.applicantRef
})

/** What to store of a prepared appeal (JSON), or undefined when it holds something JSON cannot carry. */
export const toStored = (p: Duplicates.Prepared): { readonly [key: string]: unknown } | undefined => {
  const parts: Record<string, unknown> = {}
  for (const [k, x] of Object.entries(p)) if (!fromInput.has(k)) parts[k] = x
  try {
    return encode(parts) as { readonly [key: string]: unknown }
  } catch (e) {
    if (e instanceof Unstorable) return undefined
    throw e
  }
}

/** The prepared appeal from a stored profile and the comparison input, or undefined when it does not decode. */
export const fromStored = (data: unknown, input: Duplicates.Appeal): Duplicates.Prepared | undefined => {
  try {
    const parts = decode(data)
    if (parts === null || typeof parts !== "object" || Array.isArray(parts)) return undefined
    return { ...(parts as object), ...inputParts(input) } as Duplicates.Prepared
  } catch (e) {
    if (e instanceof Unstorable) return undefined
    throw e
  }
}

// Fixed appeals the fingerprint and the self-check prepare: every script, both languages, cues,
// several concepts, each kind of address, coordinates, an empty text (the lexicon itself is
// fingerprinted whole).
const probes: ReadonlyArray<Duplicates.Appeal> = [
  { applicantRef: "sm:p-1", submittedAt: "2026-01-14T23:40:00+05:00", status: "open", mahallaCode: "P-1", address: "Navoiy koʻchasi 14-uy", text: "Qoʻshnilar har kecha baland musiqa qoʻyishadi, uxlay olmayapmiz" },
  { applicantRef: "sm:p-2", submittedAt: "2026-01-15T00:05:00+05:00", status: "answered", mahallaCode: "P-1", address: "ул. Навои, д. 14, кв. 5", lat: 41.311, lon: 69.279, text: "Соседи каждую ночь громко включают музыку, невозможно спать. Прошу принять меры" },
  { applicantRef: null, submittedAt: "2026-02-01T09:00:00Z", status: "overdue", mahallaCode: null, address: "78-maktab oldida", text: "Ҳурматли инспектор, мактаб олдида итлар болаларга ташланяпти, яна такрорланди" },
  { submittedAt: "2026-03-01T09:00:00+05:00", address: "30-44 uylar, Bodomzor yoʻli", text: "Javobingizga rozi emasman, suv hali ham kelmayapti, yana eslatib oʻtaman" },
  { applicantRef: "", submittedAt: "2026-03-02T09:00:00+05:00", address: null, lat: -12.5, lon: 130.8, text: "" },
  { applicantRef: "sm:p-3", submittedAt: "2026-03-03T09:00:00+05:00", mahallaCode: "P-2", address: "Чиланзар 9-квартал, дом 12", text: "Во дворе нет света, мусор не вывозят неделю, бродячие собаки, машины на тротуаре" }
]

// The same probes with other state: what is stored must not depend on it.
const elsewhere = (a: Duplicates.Appeal): Duplicates.Appeal => ({ ...a, applicantRef: "sm:other", submittedAt: "2027-06-01T00:00:00Z", status: "open", mahallaCode: "P-9" })

let computed: { readonly version: string | undefined } | undefined

// The fingerprint of the model, or undefined when a probe does not rebuild exactly.
const fingerprint = (): string | undefined => {
  const stored: Array<unknown> = []
  let sound = true
  for (const probe of probes) {
    const p = Duplicates.prepare(probe)
    const s = toStored(p)
    const again = s === undefined ? undefined : fromStored(JSON.parse(JSON.stringify(s)), probe)
    sound &&=
      s !== undefined &&
      again !== undefined &&
      canonicalJson(encode(again)) === canonicalJson(encode(p)) &&
      canonicalJson(toStored(Duplicates.prepare(elsewhere(probe)))) === canonicalJson(s)
    stored.push(s ?? null)
  }
  const model = sha256Hex(JSON.stringify([Triage.defaultModel, Triage.defaultEngine.taxonomy]))
  return sound ? `cp1-${sha256Hex(canonicalJson({ lexicon: Duplicates.lexicon, model, stored }))}` : undefined
}

/**
 * The version of stored profiles for the current model, or undefined when the stored parts of a
 * probe do not rebuild exactly what `Duplicates.prepare` gives (then no profile is stored or read).
 * Computed once per process.
 */
export const version = (): string | undefined => {
  if (computed === undefined) {
    // A model that cannot prepare the probes cannot be trusted to rebuild stored profiles either:
    // suggestions then derive every profile, as before profiles were stored.
    try {
      computed = { version: fingerprint() }
    } catch {
      computed = { version: undefined }
    }
  }
  return computed.version
}
