/**
 * A stored appeal as an Open311 service `request`: what each field of the specification means here.
 *
 * - `status`: `open` while the appeal is worked on (received, registered, triaged, assigned, in
 *   review, awaiting the applicant); `closed` once answered or ended in any other way (closed, left
 *   without consideration, forwarded, handed to criminal procedure, merged, withdrawn).
 *   `status_notes` is the status's name in the request's language; for a forwarded appeal, with
 *   the body it went to.
 * - `agency_responsible`: the body a forwarded appeal went to; otherwise the operator's agency
 *   (`Options.agency`), if set.
 * - `service_notice`: what the law says will happen (`Services.notice`).
 * - `requested_datetime`: when it was received; `updated_datetime`: its last change;
 *   `expected_datetime`: the nearest due time of its running legal clocks (`Deadline`), absent when
 *   none runs. All in W3C format at Tashkent's +05:00.
 * - `address`, `lat`, `long`, `media_url`, `description`: from the appeal's personal data as the
 *   core lets this reader see it; an integration client sees it masked, so the exact place and the
 *   media reference are left out and the text comes masked. `address_id` is the mahalla code;
 *   `zipcode` is not kept.
 *
 * @example
 * import { Open311 } from "@murojaat/http"
 * Open311.Requests.w3c("2026-03-02T05:00:00.000Z") // "2026-03-02T10:00:00+05:00"
 *
 * @since 0.1.0
 */
import { createHmac, timingSafeEqual } from "node:crypto"
import { type AppealService, AppealState, Directory, type I18n, type Taxonomy } from "@murojaat/core"
import * as Document from "./Document.js"
import * as Services from "./Services.js"

const tashkentOffsetMs = 5 * 3600_000
const pad = (n: number, width = 2) => String(n).padStart(width, "0")

/**
 * An instant in the W3C date-time format the specification requires, at Tashkent's offset (+05:00,
 * no daylight saving), to the second.
 *
 * @example
 * import { Open311 } from "@murojaat/http"
 * Open311.Requests.w3c("2026-12-31T20:30:00Z") // "2027-01-01T01:30:00+05:00"
 *
 * @since 0.1.0
 */
export const w3c = (iso: string): string => {
  const d = new Date(Date.parse(iso) + tashkentOffsetMs)
  return `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}T${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}+05:00`
}

/**
 * Reads a `start_date` / `end_date`: a W3C date-time with its offset (`2010-01-01T00:00:00Z`), or a
 * date alone, taken as the start of that day in Tashkent. A `+` of the offset that a client left
 * unescaped (read as a space) is taken as meant. Milliseconds since the epoch, or `undefined`.
 *
 * @example
 * import { Open311 } from "@murojaat/http"
 * Open311.Requests.parseDate("2026-03-02") === Date.parse("2026-03-01T19:00:00Z") // true
 * Open311.Requests.parseDate("2026-03-02T10:00:00 05:00") === Date.parse("2026-03-02T05:00:00Z") // true
 * Open311.Requests.parseDate("yesterday") // undefined
 *
 * @since 0.1.0
 */
export const parseDate = (text: string): number | undefined => {
  // A "+" left unescaped in a query string arrives as a space: "…T10:00:00 05:00" meant "+05:00".
  const unspaced = text.replace(/(T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?) (\d{2}:\d{2})$/, "$1+$2")
  const full = /^\d{4}-\d{2}-\d{2}$/.test(unspaced) ? `${unspaced}T00:00:00+05:00` : unspaced
  return full.length <= 40 && Directory.isRealInstant(full) ? Date.parse(full) : undefined
}

/**
 * Whether an appeal in a status is `open` for Open311 (being worked on) rather than `closed`.
 *
 * @example
 * import { Open311 } from "@murojaat/http"
 * Open311.Requests.isOpen("inReview") // true
 * Open311.Requests.isOpen("answered") // false
 *
 * @since 0.1.0
 */
export const isOpen = (status: AppealState.Status): boolean => AppealState.open.has(status)

/**
 * The statuses an Open311 `status` filter stands for.
 *
 * @example
 * import { Open311 } from "@murojaat/http"
 * Open311.Requests.statusesOf("open").includes("registered") // true
 *
 * @since 0.1.0
 */
export const statusesOf = (status: "open" | "closed"): ReadonlyArray<AppealState.Status> =>
  AppealState.Status.literals.filter((s) => s !== "none" && isOpen(s) === (status === "open"))

/**
 * What the `request` element needs besides the appeal: the categories, the language, the
 * operator's agency.
 *
 * @example
 * import type { Open311 } from "@murojaat/http"
 * const l = (c: Open311.Requests.Context) => c.locale
 *
 * @since 0.1.0
 */
export interface Context {
  readonly categories: ReadonlyArray<Taxonomy.Category>
  readonly locale: I18n.Locale
  readonly agency?: I18n.Text | undefined
}

const masked = (s: string | undefined): string | undefined => (s === undefined || s.includes("***") ? undefined : s)

/**
 * The service code of an appeal as Open311 shows it (see `Services.categoryOf`).
 *
 * @example
 * import { Open311 } from "@murojaat/http"
 * import { Taxonomy } from "@murojaat/core"
 * Open311.Requests.serviceCode(Taxonomy.defaultCategories, { state: { category: "fraud" } } as any) // "fraud"
 *
 * @since 0.1.0
 */
export const serviceCode = (categories: ReadonlyArray<Taxonomy.Category>, view: Pick<AppealService.View, "state" | "personal">): string | undefined =>
  Services.categoryOf(categories, view.state.category, view.personal?.text.subject)?.code

/**
 * The `request` element of an appeal as the reader sees it, with its nearest due time.
 *
 * @example
 * import { Open311 } from "@murojaat/http"
 * import { AppealState, Taxonomy } from "@murojaat/core"
 * const view = { state: { ...AppealState.initial("A-1"), status: "registered", receivedAt: "2026-03-02T05:00:00.000Z", mahallaCode: "1726262-001" }, personal: undefined, texts: [], masked: true } as const
 * const r = Open311.Document.toJson(Open311.Requests.request(view, "2026-03-17T13:00:00.000Z", { categories: Taxonomy.defaultCategories, locale: "en" })) as any
 * r.status // "open"
 * r.expected_datetime // "2026-03-17T18:00:00+05:00"
 *
 * @since 0.1.0
 */
export const request = (view: AppealService.View, dueAt: string | null, ctx: Context): Document.Node => {
  const s = view.state
  const category = Services.categoryOf(ctx.categories, s.category, view.personal?.text.subject)
  const forwardedTo = s.status === "forwarded" ? s.forwardedTo?.name : undefined
  const statusName = AppealState.names[s.status][ctx.locale]
  const personal = view.personal
  const point = view.masked ? undefined : personal?.point
  const media = personal?.attachments[0]?.ref
  const when = (iso: string | undefined) => (iso === undefined ? null : w3c(iso))
  return Document.fields("request", [
    Document.leaf("service_request_id", s.appealId),
    Document.leaf("status", isOpen(s.status) ? "open" : "closed"),
    Document.leaf("status_notes", forwardedTo === undefined ? statusName : `${statusName}: ${forwardedTo}`),
    Document.leaf("service_name", category?.name[ctx.locale] ?? null),
    Document.leaf("service_code", category?.code ?? null),
    Document.leaf("description", personal?.text.body ?? null),
    Document.leaf("agency_responsible", forwardedTo ?? ctx.agency?.[ctx.locale] ?? null),
    Document.leaf("service_notice", category === undefined ? null : Services.notice(category, s.kind ?? "ariza", ctx.locale)),
    Document.leaf("requested_datetime", when(s.receivedAt)),
    Document.leaf("updated_datetime", when(s.updatedAt ?? s.receivedAt)),
    Document.leaf("expected_datetime", dueAt === null ? null : w3c(dueAt)),
    Document.leaf("address", view.masked ? null : (masked(personal?.address) ?? null)),
    Document.leaf("address_id", s.mahallaCode ?? null),
    Document.leaf("zipcode", null),
    Document.leaf("lat", point?.lat ?? null),
    Document.leaf("long", point?.lon ?? null),
    Document.leaf("media_url", view.masked ? null : (masked(media) ?? null))
  ])
}

const b64url = (bytes: Buffer | string) => Buffer.from(bytes).toString("base64url")
const mac = (secret: Uint8Array, appealId: string) => createHmac("sha256", secret).update(appealId, "utf8").digest().subarray(0, 16)

/**
 * The token of an appeal (`batch` responses): its id and an HMAC of it under the server's secret,
 * so a token cannot be guessed from ids, and needs no storage to be exchanged.
 *
 * @example
 * import { Open311 } from "@murojaat/http"
 * const secret = new TextEncoder().encode("a-token-secret-of-at-least-32-bytes")
 * Open311.Requests.readToken(secret, Open311.Requests.mintToken(secret, "A-000001")) // "A-000001"
 *
 * @since 0.1.0
 */
export const mintToken = (secret: Uint8Array, appealId: string): string => `${b64url(appealId)}.${b64url(mac(secret, appealId))}`

/**
 * The appeal id of a token minted with the secret, or `undefined`.
 *
 * @example
 * import { Open311 } from "@murojaat/http"
 * Open311.Requests.readToken(new Uint8Array(32), "QS0x.AAAA") // undefined
 *
 * @since 0.1.0
 */
export const readToken = (secret: Uint8Array, token: string): string | undefined => {
  const m = /^([A-Za-z0-9_-]{1,120})\.([A-Za-z0-9_-]{22})$/.exec(token)
  if (m === null) return undefined
  const appealId = Buffer.from(m[1]!, "base64url").toString("utf8")
  const given = Buffer.from(m[2]!, "base64url")
  const expected = mac(secret, appealId)
  return given.length === expected.length && timingSafeEqual(given, expected) ? appealId : undefined
}
