/**
 * An Open311 `POST requests` form, read and turned into Murojaat's intake (`Appeal.IntakeEncoded`)
 * for `AppealService.submit`, the submitting client being the actor.
 *
 * | Open311 | intake |
 * | --- | --- |
 * | `service_code` | the service's name as `text.subject`; the kind of appeal by default (`Services.defaultKind`) |
 * | `description` | `text.body` (required: an appeal states its essence) |
 * | `first_name`, `last_name` | `applicant.name`, `applicant.surname` |
 * | `email`, `phone` | `applicant.contact` |
 * | `attribute[residence]` | `applicant.residence` |
 * | `attribute[kind]` | `kind` |
 * | `account_id` | `applicantRef` as `open311:<client>:<account_id>`, so it never names another system's account |
 * | `lat`, `long` | `location.point` |
 * | `address_string` | `location.address` |
 * | `media_url` | one attachment reference (`bytes` 0: unknown) |
 * | `device_id`, unknown attributes | ignored, never stored |
 *
 * Form `application/x-www-form-urlencoded`, consent `electronic`; channel `open311`.
 *
 * The mahalla, in this order: `attribute[mahalla]` (a mahalla code), `address_id` when it is a
 * mahalla code, the operator's point locator for `lat`/`long` (`Options.locate`; the directory holds
 * no boundaries), the one mahalla whose name (any of its four) `address_string` contains as words
 * (narrowed by a district name it also contains), and last a `jurisdiction_id` that is a mahalla
 * code. A `jurisdiction_id` that is a region or district code limits all of these to that territory.
 *
 * @example
 * import { Open311 } from "@murojaat/http"
 * const form = Open311.Submission.parseForm("service_code=animals&attribute%5Bmahalla%5D=1726262-001&attribute[tags][]=a&attribute[tags][]=b")
 * form.scalar("service_code") // "animals"
 * form.attribute("tags") // ["a", "b"]
 *
 * @since 0.1.0
 */
import { type Appeal, type Directory, I18n, type Taxonomy } from "@murojaat/core"
import { Effect, Either } from "effect"
import { fail, type Open311Error } from "./Errors.js"
import * as Services from "./Services.js"

/**
 * A parsed form (or query string): the values of each parameter in order, and the attributes by
 * code (`attribute[code]=v` and `attribute[code][]=v` alike). Empty values count as absent, as the
 * specification's "optional arguments" say.
 *
 * @example
 * import { Open311 } from "@murojaat/http"
 * Open311.Submission.parseForm("a=1&a=&b=2").values("a") // ["1"]
 *
 * @since 0.1.0
 */
export interface Form {
  readonly values: (name: string) => ReadonlyArray<string>
  /** The one value of a parameter; `undefined` if absent; the first when repeated (see `duplicates`). */
  readonly scalar: (name: string) => string | undefined
  readonly attribute: (code: string) => ReadonlyArray<string>
  /** Parameters given more than once with different values. */
  readonly duplicates: ReadonlyArray<string>
}

const attributeKey = /^attribute\[([^\]]{1,100})\](\[\])?$/

/**
 * Parses an `application/x-www-form-urlencoded` body or a query string. Never throws: a malformed
 * escape is read as its raw text, as browsers do.
 *
 * @example
 * import { Open311 } from "@murojaat/http"
 * Open311.Submission.parseForm("description=Salom+dunyo").scalar("description") // "Salom dunyo"
 *
 * @since 0.1.0
 */
export const parseForm = (body: string): Form => {
  const params = new Map<string, Array<string>>()
  const attrs = new Map<string, Array<string>>()
  for (const [key, value] of new URLSearchParams(body)) {
    if (value.trim() === "") continue
    const m = attributeKey.exec(key)
    const [map, name] = m !== null ? [attrs, m[1]!] : [params, key]
    const list = map.get(name)
    if (list === undefined) map.set(name, [value])
    else list.push(value)
  }
  const duplicates = [...params].filter(([, vs]) => new Set(vs).size > 1).map(([k]) => k)
  return {
    values: (name) => params.get(name) ?? [],
    scalar: (name) => params.get(name)?.[0],
    attribute: (code) => attrs.get(code) ?? [],
    duplicates
  }
}

/**
 * Where a request may be placed: everywhere, or within the region, district or mahalla a
 * `jurisdiction_id` names.
 *
 * @example
 * import type { Open311 } from "@murojaat/http"
 * const s: Open311.Submission.Territory = { level: "district", code: "1726262" }
 *
 * @since 0.1.0
 */
export type Territory = { readonly level: "all" } | { readonly level: "region" | "district" | "mahalla"; readonly code: string }

/**
 * The territory of a `jurisdiction_id`: absent or one of the deployment's own ids is everywhere; a
 * region, district or mahalla code of the directory is that place; anything else is 404, as the
 * specification says for an unknown jurisdiction.
 *
 * @example
 * import { Open311 } from "@murojaat/http"
 * import { Sample } from "@murojaat/core"
 * Open311.Submission.territory("1726262", ["murojaat.uz"], Sample.directory) // { _id: "Either", _tag: "Right", right: { level: "district", code: "1726262" } }
 * Open311.Submission.territory("city.gov", ["murojaat.uz"], Sample.directory)._tag // "Left"
 *
 * @since 0.1.0
 */
export const territory = (
  jurisdictionId: string | undefined,
  jurisdictions: ReadonlyArray<string>,
  directory: Directory.Directory
): Either.Either<Territory, Open311Error> => {
  if (jurisdictionId === undefined || jurisdictions.includes(jurisdictionId)) return Either.right({ level: "all" })
  if (directory.regions.some((r) => r.code === jurisdictionId)) return Either.right({ level: "region", code: jurisdictionId })
  if (directory.districts.some((d) => d.code === jurisdictionId)) return Either.right({ level: "district", code: jurisdictionId })
  if (directory.mahallas.some((m) => m.code === jurisdictionId)) return Either.right({ level: "mahalla", code: jurisdictionId })
  return Either.left(fail(404, "jurisdictionNotFound", "jurisdiction_id"))
}

/**
 * The mahallas of a territory.
 *
 * @example
 * import { Open311 } from "@murojaat/http"
 * import { Sample } from "@murojaat/core"
 * Open311.Submission.mahallasIn({ level: "mahalla", code: "1726262-002" }, Sample.directory).map((m) => m.code) // ["1726262-002"]
 *
 * @since 0.1.0
 */
export const mahallasIn = (where: Territory, directory: Directory.Directory): ReadonlyArray<Directory.Mahalla> => {
  switch (where.level) {
    case "all":
      return directory.mahallas
    case "mahalla":
      return directory.mahallas.filter((m) => m.code === where.code)
    case "district":
      return directory.mahallas.filter((m) => m.districtCode === where.code)
    case "region": {
      const districts = new Set(directory.districts.filter((d) => d.regionCode === where.code).map((d) => d.code as string))
      return directory.mahallas.filter((m) => districts.has(m.districtCode))
    }
  }
}

// Words for matching place names: lower case, one apostrophe for the Uzbek oʻ/gʻ and tutuq belgisi
// (typed as ʻ ʼ ' ‘ ’ or `), everything else that is not a letter or digit a separator.
const words = (text: string): ReadonlyArray<string> =>
  text
    .normalize("NFC")
    .toLowerCase()
    .replace(/[ʻʼ‘’`´]/g, "'")
    .split(/[^\p{L}\p{N}']+/u)
    .map((w) => w.replace(/^'+|'+$/g, ""))
    .filter((w) => w.length > 0)

const containsPhrase = (haystack: ReadonlyArray<string>, phrase: ReadonlyArray<string>): boolean => {
  if (phrase.length === 0 || phrase.length > haystack.length) return false
  outer: for (let i = 0; i + phrase.length <= haystack.length; i++) {
    for (let j = 0; j < phrase.length; j++) if (haystack[i + j] !== phrase[j]) continue outer
    return true
  }
  return false
}

const names = (name: I18n.Text): ReadonlyArray<ReadonlyArray<string>> => I18n.locales.map((l) => words(name[l]))

/**
 * The one mahalla an address names, among `mahallas`: the address contains one of its four names as
 * whole words. When several do, the district names the address also contains decide; otherwise
 * none is chosen (a guess could send the appeal to the wrong inspector).
 *
 * @example
 * import { Open311 } from "@murojaat/http"
 * import { Sample } from "@murojaat/core"
 * Open311.Submission.mahallaNamedIn("Bodomzor koʻchasi 5, Yunusobod", Sample.directory.mahallas, Sample.directory)?.code // "1726262-001"
 * Open311.Submission.mahallaNamedIn("1234 5th street", Sample.directory.mahallas, Sample.directory) // undefined
 *
 * @since 0.1.0
 */
export const mahallaNamedIn = (
  address: string,
  mahallas: ReadonlyArray<Directory.Mahalla>,
  directory: Directory.Directory
): Directory.Mahalla | undefined => {
  const text = words(address.slice(0, 2000))
  const hits = mahallas.filter((m) => names(m.name).some((n) => containsPhrase(text, n)))
  if (hits.length <= 1) return hits[0]
  const districts = new Set(directory.districts.filter((d) => names(d.name).some((n) => containsPhrase(text, n))).map((d) => d.code as string))
  const narrowed = hits.filter((m) => districts.has(m.districtCode))
  return narrowed.length === 1 ? narrowed[0] : undefined
}

/**
 * The operator's point locator: the mahalla code of a point (from the operator's boundaries or
 * gazetteer), or `undefined` when it knows none. Murojaat's directory holds no boundaries.
 *
 * @example
 * import type { Open311 } from "@murojaat/http"
 * import { Effect } from "effect"
 * const none: Open311.Submission.Locate = () => Effect.succeed(undefined)
 *
 * @since 0.1.0
 */
export type Locate = (point: Appeal.Point) => Effect.Effect<string | undefined>

/**
 * What the submission needs besides the form: the taxonomy, the directory, the jurisdiction ids of
 * the deployment, the point locator, the client's id and whether clients collect consent.
 *
 * @example
 * import type { Open311 } from "@murojaat/http"
 * const c = (x: Open311.Submission.Context) => x.clientId
 *
 * @since 0.1.0
 */
export interface Context {
  readonly taxonomy: Taxonomy.Taxonomy
  readonly directory: Directory.Directory
  readonly jurisdictions: ReadonlyArray<string>
  readonly locate?: Locate | undefined
  readonly clientId: string
  /** Whether the applicant's consent to processing personal data counts as given electronically. */
  readonly consentGiven: boolean
}

/**
 * A submission read from the form: the intake for `AppealService.submit`, the service it was filed
 * under, and the `account_id` to echo back.
 *
 * @example
 * import type { Open311 } from "@murojaat/http"
 * const code = (s: Open311.Submission.Submission) => s.category.code
 *
 * @since 0.1.0
 */
export interface Submission {
  readonly intake: Appeal.IntakeEncoded
  readonly category: Taxonomy.Category
  readonly kind: Appeal.Kind
  readonly accountId: string | undefined
}

const number = (text: string | undefined): number | undefined => (text === undefined || !/^\s*[-+]?(\d+(\.\d*)?|\.\d+)([eE][-+]?\d+)?\s*$/.test(text) ? undefined : Number(text))

const mediaTypes: Readonly<Record<string, string>> = {
  jpg: "image/jpeg",
  jpeg: "image/jpeg",
  png: "image/png",
  gif: "image/gif",
  webp: "image/webp",
  heic: "image/heic",
  mp4: "video/mp4",
  mov: "video/quicktime",
  mp3: "audio/mpeg",
  ogg: "audio/ogg",
  pdf: "application/pdf"
}

// A media URL is kept as a reference (the bytes stay where they are): its type from the extension
// when it has a known one, else `text/uri-list`, the type of a bare link.
const attachmentOf = (url: string): Either.Either<Appeal.Attachment, Open311Error> => {
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    return Either.left(fail(400, "parameterInvalid", "media_url"))
  }
  if (parsed.protocol !== "https:" && parsed.protocol !== "http:") return Either.left(fail(400, "parameterInvalid", "media_url"))
  const ext = /\.([A-Za-z0-9]{1,5})$/.exec(parsed.pathname)?.[1]?.toLowerCase()
  return Either.right({ ref: url, mediaType: (ext !== undefined ? mediaTypes[ext] : undefined) ?? "text/uri-list", bytes: 0 })
}

const kinds: ReadonlyArray<Appeal.Kind> = ["ariza", "taklif", "shikoyat"]

/**
 * Reads a `POST requests` form into a submission, or the specification's errors: 400 when
 * `service_code`, the location or the description is missing or a value is malformed, 404 for an
 * unknown `service_code` or `jurisdiction_id`, 400 when the location cannot be placed in a mahalla.
 *
 * @example
 * import { Open311 } from "@murojaat/http"
 * import { Sample, Taxonomy } from "@murojaat/core"
 * import { Effect } from "effect"
 * const ctx = { taxonomy: Taxonomy.defaults, directory: Sample.directory, jurisdictions: [], clientId: "portal", consentGiven: true }
 * const form = Open311.Submission.parseForm("service_code=animals&address_string=Minor+5&description=Itlar")
 * Effect.runSync(Open311.Submission.read(form, ctx)).intake.location // { regionCode: "1726", districtCode: "1726262", mahallaCode: "1726262-002", address: "Minor 5" }
 *
 * @since 0.1.0
 */
export const read = (form: Form, ctx: Context): Effect.Effect<Submission, Open311Error> =>
  Effect.gen(function* () {
    const duplicate = form.duplicates[0]
    if (duplicate !== undefined) return yield* Effect.fail(fail(400, "parameterInvalid", duplicate))
    const serviceCode = form.scalar("service_code")
    if (serviceCode === undefined) return yield* Effect.fail(fail(400, "parameterMissing", "service_code"))
    const where = yield* territory(form.scalar("jurisdiction_id"), ctx.jurisdictions, ctx.directory)
    const category = ctx.taxonomy.categories.find((c) => c.code === serviceCode)
    if (category === undefined) return yield* Effect.fail(fail(404, "serviceNotFound", "service_code"))

    const kindValue = form.attribute(Services.attributes.kind)
    const kind = kindValue.length === 0 ? Services.defaultKind(category.code) : kinds.find((k) => kindValue.length === 1 && k === kindValue[0])
    if (kind === undefined) return yield* Effect.fail(fail(400, "parameterInvalid", `attribute[${Services.attributes.kind}]`))

    // Location: lat and long come together; at least one of the three forms must be given.
    const latText = form.scalar("lat")
    const longText = form.scalar("long")
    const lat = number(latText)
    const lon = number(longText)
    if ((latText === undefined) !== (longText === undefined)) return yield* Effect.fail(fail(400, "parameterMissing", latText === undefined ? "lat" : "long"))
    if (latText !== undefined && (lat === undefined || lat < -90 || lat > 90)) return yield* Effect.fail(fail(400, "parameterInvalid", "lat"))
    if (longText !== undefined && (lon === undefined || lon < -180 || lon > 180)) return yield* Effect.fail(fail(400, "parameterInvalid", "long"))
    const point = lat !== undefined && lon !== undefined ? { lat, lon } : undefined
    const addressString = form.scalar("address_string")
    const addressId = form.scalar("address_id")
    const mahallaAttr = form.attribute(Services.attributes.mahalla)
    if (point === undefined && addressString === undefined && addressId === undefined && mahallaAttr.length === 0) {
      return yield* Effect.fail(fail(400, "locationMissing"))
    }

    const inTerritory = mahallasIn(where, ctx.directory)
    const byCode = (code: string | undefined) => (code === undefined ? undefined : ctx.directory.mahallas.find((m) => m.code === code))
    const inside = (m: Directory.Mahalla) => inTerritory.includes(m)
    if (mahallaAttr.length > 1 || (mahallaAttr.length === 1 && byCode(mahallaAttr[0]) === undefined)) {
      return yield* Effect.fail(fail(400, "parameterInvalid", `attribute[${Services.attributes.mahalla}]`))
    }
    const located = point !== undefined && ctx.locate !== undefined ? byCode(yield* ctx.locate(point)) : undefined
    const explicit = byCode(mahallaAttr[0])
    const mahalla =
      explicit ??
      byCode(addressId) ??
      located ??
      (addressString === undefined ? undefined : mahallaNamedIn(addressString, inTerritory, ctx.directory)) ??
      (where.level === "mahalla" ? byCode(where.code) : undefined)
    if (mahalla === undefined) return yield* Effect.fail(fail(400, "locationUnplaced"))
    if (!inside(mahalla)) return yield* Effect.fail(fail(400, "locationOutsideJurisdiction", explicit !== undefined ? `attribute[${Services.attributes.mahalla}]` : "jurisdiction_id"))
    const district = ctx.directory.districts.find((d) => d.code === mahalla.districtCode)
    if (district === undefined) return yield* Effect.fail(fail(400, "locationUnplaced"))

    const description = form.scalar("description")
    if (description === undefined) return yield* Effect.fail(fail(400, "parameterMissing", "description"))
    const media = form.scalar("media_url")
    const attachment = media === undefined ? undefined : yield* attachmentOf(media)
    const accountId = form.scalar("account_id")
    const email = form.scalar("email")
    const phone = form.scalar("phone")
    const firstName = form.scalar("first_name")
    const lastName = form.scalar("last_name")
    const residence = form.attribute(Services.attributes.residence)[0]

    const intake: Appeal.IntakeEncoded = {
      kind,
      form: "electronic",
      channel: "open311",
      applicant: {
        type: "individual",
        ...(firstName !== undefined ? { name: firstName } : {}),
        ...(lastName !== undefined ? { surname: lastName } : {}),
        ...(residence !== undefined ? { residence } : {}),
        contact: { ...(email !== undefined ? { email } : {}), ...(phone !== undefined ? { phone } : {}) },
        consent: { given: ctx.consentGiven, form: "electronic" }
      },
      ...(accountId !== undefined ? { applicantRef: `open311:${ctx.clientId}:${accountId}` } : {}),
      location: {
        regionCode: district.regionCode,
        districtCode: district.code,
        mahallaCode: mahalla.code,
        ...(point !== undefined ? { point } : {}),
        ...(addressString !== undefined ? { address: addressString } : {})
      },
      // The service the applicant chose is the subject line officers see (in the officers' language);
      // triage still classifies the text itself.
      text: { body: description, subject: category.name["uz-Latn"] },
      ...(attachment !== undefined ? { attachments: [attachment] } : {})
    }
    return { intake, category, kind, accountId }
  })

/**
 * The Open311 parameter an intake field came from, to name it in an error.
 *
 * @example
 * import { Open311 } from "@murojaat/http"
 * Open311.Submission.parameterOf("applicant.contact.email") // "email"
 * Open311.Submission.parameterOf("location.point.lat") // "lat"
 *
 * @since 0.1.0
 */
export const parameterOf = (path: string): string => {
  const table: ReadonlyArray<readonly [string, string]> = [
    ["applicant.name", "first_name"],
    ["applicant.surname", "last_name"],
    ["applicant.residence", `attribute[${Services.attributes.residence}]`],
    ["applicant.contact.email", "email"],
    ["applicant.contact.phone", "phone"],
    ["applicantRef", "account_id"],
    ["location.point.lat", "lat"],
    ["location.point.lon", "long"],
    ["location.address", "address_string"],
    ["location", `attribute[${Services.attributes.mahalla}]`],
    ["text.body", "description"],
    ["text", "description"],
    ["attachments", "media_url"],
    ["kind", `attribute[${Services.attributes.kind}]`]
  ]
  return table.find(([prefix]) => path === prefix || path.startsWith(`${prefix}.`) || path.startsWith(`${prefix}[`))?.[1] ?? path
}
