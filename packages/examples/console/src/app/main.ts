/// <reference lib="dom" />
/**
 * The reference console: signs in with a token (pasted, or from the operator's OpenID provider),
 * finds who the caller is from the API, and shows the caller's view: an inspector's worklist and
 * appeals, the district chief's overview, the auditor's verified history. Everything it shows
 * and does goes through the public API (`/v1`); the API decides every command.
 */
import { Api, ApiError, type Claims, claimsOf, type Locale, type Problem } from "./api.js"
import { type ChainEvent, type EventCheck, verify } from "./chain.js"
import { type Child, h, replace } from "./dom.js"
import { bodyFromForm, bodyOf, commandsOf, fieldsOf, type OpenApiDoc } from "./forms.js"
import { column, isLocale, locales, t, type Word } from "./i18n.js"
import { type Oidc, finishSignIn, startSignIn } from "./oidc.js"
import { type Badge, type Names, renderWorklist, type Row } from "./worklist.js"
import "./style.css"

// ---------------------------------------------------------------------------------------------
// State
// ---------------------------------------------------------------------------------------------

type Role = "inspector" | "chief" | "auditor" | "applicant"

interface Officer {
  readonly id: string
  readonly name: string
  readonly roles: ReadonlyArray<string>
  readonly districtCode: string
  readonly mahallas: ReadonlyArray<string>
}

interface Session {
  readonly api: Api
  readonly claims: Claims
  readonly role: Role
  readonly officer?: Officer
  readonly officers: ReadonlyArray<Officer>
}

interface Config {
  readonly oidc?: Oidc
}

const store = {
  get token() {
    return sessionStorage.getItem("murojaat.token")
  },
  set token(v: string | null) {
    if (v === null) sessionStorage.removeItem("murojaat.token")
    else sessionStorage.setItem("murojaat.token", v)
  }
}

let locale: Locale = isLocale(localStorage.getItem("murojaat.locale")) ? (localStorage.getItem("murojaat.locale") as Locale) : "uz-Latn"
let session: Session | undefined
let config: Config = {}
let openApi: OpenApiDoc | undefined
let rules: ReadonlyMap<string, { readonly source: string; readonly statement: string }> | undefined

const w = (word: Word) => t(locale, word)
const root = () => document.getElementById("app")!
const main = () => document.getElementById("main")!

const problemBox = (p: Problem): HTMLElement =>
  h(
    "div",
    { class: p.status === 412 ? "problem stale" : "problem", role: "alert", "data-status": p.status, "data-code": p.code },
    p.status === 412 ? h("p", { class: "stale-note" }, h("strong", null, w("stale"))) : null,
    h("p", null, h("strong", null, `${p.status} ${p.code}`), ": ", p.detail),
    p.issues !== undefined && p.issues.length > 0 ? h("ul", null, p.issues.map((i) => h("li", null, `${i.path}: ${i.detail}`))) : null
  )

const asProblem = (e: unknown): Problem => (e instanceof ApiError ? e.problem : { status: 0, code: "ClientError", detail: e instanceof Error ? e.message : String(e) })

/** Runs a view's loading, showing its problem in place when the API refuses. */
/**
 * Loads a view into `target`. `current` says whether this load is still the page's latest: routes
 * overlap (a sign-in both sets the hash and renders; a hash may change while a view loads), and a
 * superseded load must not overwrite the newer view when it finishes late.
 */
const guarded = async (target: HTMLElement, load: () => Promise<ReadonlyArray<Child>>, current: () => boolean = () => true) => {
  replace(target, h("p", { class: "loading", role: "status" }, w("loading")))
  let shown: ReadonlyArray<Child>
  try {
    shown = await load()
  } catch (e) {
    shown = [problemBox(asProblem(e))]
  }
  if (current()) replace(target, ...shown)
}

// ---------------------------------------------------------------------------------------------
// Shell: header, language switch, navigation
// ---------------------------------------------------------------------------------------------

const shell = () => {
  const select = h(
    "select",
    {
      id: "language",
      onchange: (e: Event) => {
        const v = (e.target as HTMLSelectElement).value
        if (isLocale(v)) {
          locale = v
          localStorage.setItem("murojaat.locale", v)
          if (session !== undefined) session.api.locale = v
          render()
        }
      }
    },
    locales.map(([code, name]) => h("option", { value: code, selected: code === locale, lang: code }, name))
  )
  document.documentElement.lang = locale
  document.title = w("title")
  const nav =
    session === undefined
      ? null
      : h(
          "nav",
          { "aria-label": w("title") },
          h(
            "ul",
            null,
            h("li", null, h("a", { href: "#/" }, session.role === "auditor" ? w("audit") : session.role === "chief" ? w("overdueList") : w("worklist"))),
            session.role === "inspector" || session.role === "chief" ? h("li", null, h("a", { href: "#/new" }, w("newAppeal"))) : null
          )
        )
  return [
    h("a", { class: "skip", href: "#main" }, w("skipTo")),
    h(
      "header",
      { class: "bar" },
      h("h1", null, w("title")),
      nav,
      h(
        "div",
        { class: "tools" },
        h("label", { for: "language" }, w("language")),
        select,
        session === undefined
          ? null
          : [
              h("span", { class: "who", "data-role": session.role }, `${w("signedInAs")} ${session.officer?.name ?? session.claims.sub ?? ""} (${w(session.role === "applicant" ? "applicant_" : session.role)})`),
              h("button", { type: "button", id: "sign-out", onclick: () => ((store.token = null), (session = undefined), (location.hash = "#/"), render()) }, w("signOut"))
            ]
      )
    ),
    h("main", { id: "main", tabindex: "-1" })
  ]
}

// ---------------------------------------------------------------------------------------------
// Sign in
// ---------------------------------------------------------------------------------------------

const signIn = async (token: string): Promise<Session> => {
  const claims = claimsOf(token) ?? {}
  const api = new Api(token, locale)
  if (claims.kind === "officer") {
    // Who the officer is, and with which roles, is the directory's answer, not the token's.
    const directory = (await api.get<{ officers: ReadonlyArray<Officer> }>("/v1/directory")).body
    const officer = directory.officers.find((o) => o.id === claims.sub)
    if (officer === undefined) throw new ApiError({ status: 403, code: "UnknownOfficer", detail: String(claims.sub) })
    const chief = officer.roles.includes("districtChief") || officer.roles.includes("seniorInspector")
    return { api, claims, role: chief ? "chief" : "inspector", officer, officers: directory.officers }
  }
  // Anyone else proves the token with a read the API authorises.
  await api.get("/v1/places")
  return { api, claims, role: claims.kind === "client" ? "auditor" : "applicant", officers: [] }
}

const signInView = () => {
  const area = h("textarea", { id: "token", name: "token", rows: 4, required: true, autocomplete: "off", spellcheck: "false", "aria-describedby": "token-help" })
  const out = h("div", { "aria-live": "polite" })
  const form = h(
    "form",
    {
      class: "card",
      id: "sign-in",
      onsubmit: async (e: Event) => {
        e.preventDefault()
        try {
          session = await signIn(area.value.trim())
          store.token = area.value.trim()
          location.hash = "#/"
          render()
        } catch (err) {
          replace(out, problemBox(asProblem(err)))
        }
      }
    },
    h("h2", null, w("signIn")),
    h("label", { for: "token" }, w("token")),
    area,
    h("p", { id: "token-help", class: "help" }, w("tokenHelp")),
    h("button", { type: "submit" }, w("signIn")),
    out
  )
  const oidc = config.oidc
  return [
    form,
    oidc === undefined
      ? null
      : h(
          "div",
          { class: "card" },
          h("button", { type: "button", id: "oidc", onclick: () => void startSignIn(oidc).catch((err) => replace(out, problemBox(asProblem(err)))) }, w("oidc"))
        )
  ]
}

// ---------------------------------------------------------------------------------------------
// Shared reads
// ---------------------------------------------------------------------------------------------

const loadOpenApi = async (): Promise<OpenApiDoc> => {
  if (openApi === undefined) {
    const r = await fetch("/openapi.json")
    openApi = (await r.json()) as OpenApiDoc
  }
  return openApi
}

const loadRules = async (api: Api) => {
  if (rules === undefined) {
    const body = (await api.get<{ rules: ReadonlyArray<{ id: string; source: string; statement: string }> }>("/v1/rules")).body
    rules = new Map(body.rules.map((r) => [r.id, r]))
  }
  return rules
}

const ruleList = (ids: ReadonlyArray<string>, known: ReadonlyMap<string, { readonly source: string; readonly statement: string }>) =>
  ids.length === 0
    ? "—"
    : h(
        "ul",
        { class: "rules" },
        ids.map((id) => {
          const r = known.get(id)
          return h("li", null, h("code", null, id), r === undefined ? null : [" — ", h("span", { class: "source" }, r.source), h("br"), h("small", null, r.statement)])
        })
      )

const dl = (pairs: ReadonlyArray<readonly [string, Child]>) => h("dl", { class: "facts" }, pairs.map(([k, v]) => [h("dt", null, k), h("dd", null, v)]))

const fmt = (iso: string | undefined) => (iso === undefined ? "—" : new Date(iso).toLocaleString(locale === "en" ? "en-GB" : locale === "ru" ? "ru-RU" : "uz", { timeZone: "Asia/Tashkent", dateStyle: "medium", timeStyle: "short" }))

interface AppealView {
  readonly appeal: Row & { readonly version: number; readonly districtCode?: string; readonly assigneeId?: string; readonly receivedAt?: string; readonly escalated: boolean; readonly extraStudy: boolean; readonly masked?: boolean; readonly kind?: string; readonly channel?: string; readonly regionCode?: string; readonly applicantRef?: string }
  readonly deadlines: { readonly clocks: ReadonlyArray<Clock> } | null
  readonly personal?: { readonly applicant: Record<string, unknown>; readonly text: { readonly body: string }; readonly address?: string; readonly point?: unknown }
  readonly texts: ReadonlyArray<{ readonly seq: number; readonly texts: Readonly<Record<string, string>> }>
  readonly masked: boolean
}

interface Clock {
  readonly clock: string
  readonly ruleId: string
  readonly dueAt: string
  readonly state: string
  readonly explanation: { readonly ruleId: string; readonly source: string; readonly term: string; readonly unit: string; readonly daysCounted: number; readonly nonWorkingDaysCounted: number; readonly daysSkipped: ReadonlyArray<{ date: string; reason: string }>; readonly adjustments: ReadonlyArray<string>; readonly provisional: boolean }
}

interface HistoryEvent extends ChainEvent {
  readonly at: string
  readonly actor: { readonly kind: string; readonly id?: string; readonly role?: string }
  readonly rules: ReadonlyArray<string>
  readonly data: Record<string, unknown>
}

interface History {
  readonly appealId: string
  readonly events: ReadonlyArray<HistoryEvent>
  readonly verification: { readonly ok: boolean; readonly reason?: string; readonly seq?: number | null; readonly projectionMatches: boolean }
}

// ---------------------------------------------------------------------------------------------
// Inspector: the worklist
// ---------------------------------------------------------------------------------------------

/**
 * Deadline badges from the API's own due lists of the areas the officer serves (his mahallas; the
 * district for its chief): overdue, due within three days, else due.
 */
const badgesOf = async (api: Api, officer: Officer): Promise<Map<string, Badge>> => {
  const areas = officer.mahallas.length > 0 ? officer.mahallas.map((m) => `mahallaCode=${encodeURIComponent(m)}`) : [`districtCode=${encodeURIComponent(officer.districtCode)}`]
  const lists = await Promise.all(
    areas.flatMap((area) => [
      api.get<{ items: ReadonlyArray<Row> }>(`/v1/soon-due?${area}&limit=1000`).then((r) => ["soon", r.body.items] as const),
      api.get<{ items: ReadonlyArray<Row> }>(`/v1/overdue?${area}&limit=1000`).then((r) => ["overdue", r.body.items] as const)
    ])
  )
  const badges = new Map<string, Badge>()
  for (const [badge, items] of lists) for (const r of items) if (badges.get(r.appealId) !== "overdue") badges.set(r.appealId, badge)
  return badges
}

// Category names from the API's Open311 service list and mahalla names from /v1/places, both in
// the reader's language; a list that cannot be read leaves the codes.
const namesOf = async (api: Session["api"]): Promise<Names> => {
  const [services, places] = await Promise.all([
    api.get<ReadonlyArray<{ service_code: string; service_name: string }>>(`/open311/v2/services.json?locale=${encodeURIComponent(locale)}`).then((r) => r.body, () => []),
    api.get<{ mahallas: ReadonlyArray<{ code: string; name: Record<Locale, string> }> }>("/v1/places").then((r) => r.body.mahallas, () => [])
  ])
  return {
    category: new Map(services.map((x) => [x.service_code, x.service_name])),
    mahalla: new Map(places.map((m) => [m.code, m.name[locale] ?? m.code]))
  }
}

const go = (hash: string) => {
  location.hash = hash
}

const worklistView = async (s: Session): Promise<ReadonlyArray<Child>> => {
  const officer = s.officer!
  const [list, badges, names] = await Promise.all([
    s.api.get<{ items: ReadonlyArray<Row> }>(`/v1/officers/${encodeURIComponent(officer.id)}/worklist?limit=500`),
    badgesOf(s.api, officer),
    namesOf(s.api)
  ])
  return [
    h("h2", null, w("worklist")),
    list.body.items.length === 0 ? h("p", null, w("empty")) : renderWorklist(list.body.items, badges, locale, (id) => go(`#/appeal/${encodeURIComponent(id)}`), names)
  ]
}

// ---------------------------------------------------------------------------------------------
// A new appeal (received in person or by phone)
// ---------------------------------------------------------------------------------------------

const newAppealView = async (s: Session): Promise<ReadonlyArray<Child>> => {
  const places = (await s.api.get<{ mahallas: ReadonlyArray<{ code: string; districtCode: string; name: Record<Locale, string> }>; districts: ReadonlyArray<{ code: string; regionCode: string }> }>("/v1/places")).body
  const own = new Set(s.officer?.mahallas ?? [])
  const mahallas = [...places.mahallas].sort((a, b) => Number(own.has(b.code)) - Number(own.has(a.code)))
  const out = h("div", { "aria-live": "polite" })
  const field = (id: string, label: Word, input: HTMLElement) => h("div", { class: "field" }, h("label", { for: id }, w(label)), input)
  const select = (id: string, options: ReadonlyArray<readonly [string, string]>) => h("select", { id, name: id, required: true }, options.map(([v, l]) => h("option", { value: v }, l)))
  const input = (id: string, extra: Record<string, string | boolean> = {}) => h("input", { id, name: id, type: "text", required: true, ...extra })
  const key = crypto.randomUUID()
  const form = h(
    "form",
    {
      class: "card",
      id: "new-appeal",
      onsubmit: async (e: Event) => {
        e.preventDefault()
        const v = (id: string) => (form.elements.namedItem(id) as HTMLInputElement).value.trim()
        const mahalla = places.mahallas.find((m) => m.code === v("mahallaCode"))!
        const district = places.districts.find((d) => d.code === mahalla.districtCode)!
        const intake = {
          kind: v("kind"),
          form: v("form"),
          channel: v("channel"),
          applicant: {
            type: "individual",
            surname: v("surname"),
            name: v("name"),
            residence: v("residence"),
            contact: { phone: v("phone") },
            consent: { given: (form.elements.namedItem("consent") as HTMLInputElement).checked, form: v("form") === "electronic" ? "electronic" : "written" }
          },
          location: { regionCode: district.regionCode, districtCode: district.code, mahallaCode: mahalla.code },
          text: { body: v("body") }
        }
        try {
          const r = await s.api.post<{ appeal: { appealId: string } }>("/v1/appeals", intake, { "idempotency-key": key })
          go(`#/appeal/${encodeURIComponent(r.body.appeal.appealId)}`)
        } catch (err) {
          replace(out, problemBox(asProblem(err)))
        }
      }
    },
    h("h2", null, w("newAppeal")),
    field("kind", "kind", select("kind", [["ariza", "ariza"], ["shikoyat", "shikoyat"], ["taklif", "taklif"]])),
    field("form", "form", select("form", [["written", "written"], ["oral", "oral"], ["electronic", "electronic"]])),
    field("channel", "channel", select("channel", [["inPersonReception", "inPersonReception"], ["inspectorTablet", "inspectorTablet"], ["trustPhone", "trustPhone"], ["smartMahallaApp", "smartMahallaApp"], ["webPortal", "webPortal"]])),
    field("mahallaCode", "mahalla", select("mahallaCode", mahallas.map((m) => [m.code, `${m.name[locale] ?? m.code} (${m.code})`] as const))),
    h(
      "fieldset",
      null,
      h("legend", null, w("applicant")),
      field("surname", "surname", input("surname", { autocomplete: "family-name" })),
      field("name", "name", input("name", { autocomplete: "given-name" })),
      field("residence", "residence", input("residence")),
      field("phone", "phone", input("phone", { type: "tel", autocomplete: "tel", pattern: "\\+?[0-9 ]{7,20}" })),
      h("div", { class: "field check" }, h("input", { id: "consent", name: "consent", type: "checkbox" }), h("label", { for: "consent" }, w("consent")))
    ),
    field("body", "text", h("textarea", { id: "body", name: "body", rows: 5, required: true })),
    h("button", { type: "submit" }, w("send")),
    out
  )
  return [form]
}

// ---------------------------------------------------------------------------------------------
// The appeal page: text, triage, clocks, history, link suggestions, commands
// ---------------------------------------------------------------------------------------------

const actorOf = (e: HistoryEvent) => `${e.actor.kind}${e.actor.id !== undefined ? ` ${e.actor.id}` : ""}${e.actor.role !== undefined ? ` (${e.actor.role})` : ""}`

const clocksTable = (clocks: ReadonlyArray<Clock>) =>
  clocks.length === 0
    ? h("p", null, w("none"))
    : h(
        "table",
        { class: "clocks" },
        h("thead", null, h("tr", null, ([["clocks"], ["status"], ["deadline"], ["explanation"]] as const).map(([k]) => h("th", { scope: "col" }, w(k))))),
        h(
          "tbody",
          null,
          clocks.map((c) =>
            h(
              "tr",
              { "data-clock": c.clock },
              h("td", null, c.clock),
              h("td", null, h("span", { class: `state state-${c.state}` }, c.state)),
              h("td", null, fmt(c.dueAt)),
              h(
                "td",
                null,
                h("code", null, c.explanation.ruleId),
                " — ",
                h("span", { class: "source" }, c.explanation.source),
                h("br"),
                `${c.explanation.term} (${c.explanation.unit}): ${c.explanation.daysCounted}`,
                c.explanation.daysSkipped.length > 0 ? `; −${c.explanation.daysSkipped.length} (${c.explanation.daysSkipped.map((d) => `${d.date} ${d.reason}`).join(", ")})` : "",
                c.explanation.adjustments.length > 0 ? h("ul", null, c.explanation.adjustments.map((a) => h("li", null, a))) : null
              )
            )
          )
        )
      )

const historyTable = (events: ReadonlyArray<HistoryEvent>, known: ReadonlyMap<string, { readonly source: string; readonly statement: string }>, checks?: ReadonlyArray<EventCheck>) =>
  h(
    "table",
    { class: "history" },
    h(
      "thead",
      null,
      h("tr", null, h("th", { scope: "col" }, "#"), h("th", { scope: "col" }, w("event")), h("th", { scope: "col" }, w("when")), h("th", { scope: "col" }, w("who")), h("th", { scope: "col" }, `${w("rule")} / ${w("source")}`), checks === undefined ? null : h("th", { scope: "col" }, "SHA-256"))
    ),
    h(
      "tbody",
      null,
      events.map((e, i) => {
        const c = checks?.[i]
        const broken = c !== undefined && !(c.hashOk && c.linkOk)
        return h(
          "tr",
          { "data-seq": e.seq, class: broken ? "broken" : undefined },
          h("td", null, e.seq),
          h("td", null, e.type),
          h("td", null, fmt(e.at)),
          h("td", null, actorOf(e)),
          h("td", null, ruleList(e.rules, known)),
          c === undefined
            ? null
            : h("td", { class: "check" }, h("span", { class: broken ? "mark-broken" : "mark-ok", "data-check": broken ? "broken" : "ok" }, broken ? `✗ ${w("eventChanged")}` : `✓ ${w("eventOk")}`), h("br"), h("code", { title: c.recomputed }, e.hash.slice(0, 12)))
        )
      })
    )
  )

const triageSection = (events: ReadonlyArray<HistoryEvent>, known: ReadonlyMap<string, { readonly source: string; readonly statement: string }>) => {
  const last = [...events].reverse().find((e) => e.type === "triaged" || e.type === "triageCorrected")
  if (last === undefined) return h("p", null, w("none"))
  const d = last.data as { category?: string; priority?: string; flags?: ReadonlyArray<string>; confidence?: number }
  return [
    dl([
      [w("category"), d.category ?? "—"],
      [w("priority"), d.priority ?? "—"],
      ["flags", (d.flags ?? []).join(", ") || "—"],
      ...(d.confidence !== undefined ? [["confidence", d.confidence.toFixed(2)] as const] : []),
      [w("who"), actorOf(last)]
    ]),
    h("h4", null, w("explanation")),
    ruleList(last.rules, known)
  ]
}

const suggestionsSection = async (s: Session, view: AppealView, received: HistoryEvent | undefined): Promise<Child> => {
  if (view.personal === undefined || received === undefined) return h("p", null, w("none"))
  const d = received.data as { kind: string; form: string; channel: string; regionCode: string; districtCode: string; mahallaCode: string; applicantRef?: string }
  // The intake as received, rebuilt from the appeal: the same question the API answers before a submission.
  const intake = {
    kind: d.kind,
    form: d.form,
    channel: d.channel,
    ...(d.applicantRef !== undefined ? { applicantRef: d.applicantRef } : {}),
    applicant: view.personal.applicant,
    location: { regionCode: d.regionCode, districtCode: d.districtCode, mahallaCode: d.mahallaCode, ...(view.personal.address !== undefined ? { address: view.personal.address } : {}), ...(view.personal.point !== undefined ? { point: view.personal.point } : {}) },
    text: view.personal.text
  }
  try {
    const r = (await s.api.post<{ suggestions: ReadonlyArray<{ appealId: string; kind: string; label?: string; similarity: number; reasons: ReadonlyArray<string>; ruleId?: string }>; similarElsewhere: number }>("/v1/link-suggestions", intake)).body
    const others = r.suggestions.filter((x) => x.appealId !== view.appeal.appealId)
    return [
      others.length === 0
        ? h("p", null, w("none"))
        : h(
            "ul",
            { class: "suggestions" },
            others.map((x) => h("li", null, h("a", { href: `#/appeal/${encodeURIComponent(x.appealId)}` }, x.appealId), ` — ${x.label ?? x.kind} (${x.reasons.join(", ")}; ${x.similarity.toFixed(2)})`, x.ruleId !== undefined ? [" ", h("code", null, x.ruleId)] : null))
          ),
      r.similarElsewhere > 0 ? h("p", null, `${w("similarElsewhere")}: ${r.similarElsewhere}`) : null
    ]
  } catch (e) {
    return problemBox(asProblem(e))
  }
}

const commandForms = (s: Session, appealId: string, etag: string, doc: OpenApiDoc) =>
  h(
    "div",
    { class: "commands" },
    commandsOf(doc).map((command) => {
      const out = h("div", { class: "result", "aria-live": "polite" })
      const form: HTMLFormElement = h(
        "form",
        {
          "data-command": command,
          onsubmit: async (e: Event) => {
            e.preventDefault()
            const button = form.querySelector("button")!
            button.disabled = true
            try {
              // If-Match: the version this page shows. Changed elsewhere since: 412, never overwritten.
              await s.api.post(`/v1/appeals/${encodeURIComponent(appealId)}/${command}`, bodyFromForm(form), { "if-match": etag, "idempotency-key": crypto.randomUUID() })
              void route()
            } catch (err) {
              const p = asProblem(err)
              replace(out, problemBox(p), p.status === 412 ? h("button", { type: "button", class: "reload", onclick: () => void route() }, w("reload")) : null)
              button.disabled = false
            }
          }
        },
        fieldsOf(doc, bodyOf(doc, command), command),
        h("button", { type: "submit" }, command),
        out
      )
      return h("details", { "data-command": command }, h("summary", null, command), form)
    })
  )

const appealView = async (s: Session, appealId: string): Promise<ReadonlyArray<Child>> => {
  const id = encodeURIComponent(appealId)
  const [got, history, known, doc] = await Promise.all([
    s.api.get<AppealView>(`/v1/appeals/${id}`),
    s.api.get<History>(`/v1/appeals/${id}/history`),
    loadRules(s.api),
    loadOpenApi()
  ])
  const view = got.body
  const a = view.appeal
  const events = history.body.events
  const received = events.find((e) => e.type === "received")
  const suggestions = h("div", null, h("p", { class: "loading" }, w("loading")))
  if (s.role !== "auditor") void suggestionsSection(s, view, received).then((c) => replace(suggestions, c))
  return [
    h("p", null, h("a", { href: "#/" }, `← ${w("back")}`)),
    h("h2", null, `${w("appeal")} ${a.registrationNumber ?? a.appealId}`),
    dl([
      [w("appealId"), a.appealId],
      [w("status"), h("span", { id: "status", "data-status": a.status }, a.statusName)],
      [w("priority"), a.priority ?? "—"],
      [w("category"), a.category ?? "—"],
      [w("mahalla"), a.mahallaCode ?? "—"],
      ["ETag", h("code", { id: "etag" }, got.etag ?? "")]
    ]),
    h(
      "section",
      { "aria-labelledby": "h-text" },
      h("h3", { id: "h-text" }, w("text")),
      view.masked ? h("p", { class: "masked" }, w("masked")) : null,
      view.personal !== undefined ? h("blockquote", { id: "appeal-text" }, view.personal.text.body) : null,
      view.texts.map((r) => h("p", { class: "event-text" }, `#${r.seq}: `, Object.entries(r.texts).map(([k, v]) => `${k}: ${v}`).join("; ")))
    ),
    h("section", { "aria-labelledby": "h-triage" }, h("h3", { id: "h-triage" }, w("triage")), triageSection(events, known)),
    h("section", { "aria-labelledby": "h-clocks" }, h("h3", { id: "h-clocks" }, w("clocks")), clocksTable(view.deadlines?.clocks ?? [])),
    s.role === "auditor" ? null : h("section", { "aria-labelledby": "h-links" }, h("h3", { id: "h-links" }, w("links")), suggestions),
    s.role === "auditor" ? null : h("section", { "aria-labelledby": "h-commands" }, h("h3", { id: "h-commands" }, w("commands")), commandForms(s, a.appealId, got.etag ?? "*", doc)),
    h("section", { "aria-labelledby": "h-history" }, h("h3", { id: "h-history" }, w("history")), historyTable(events, known), h("p", null, h("a", { href: `#/audit/${id}` }, w("audit"))))
  ]
}

// ---------------------------------------------------------------------------------------------
// Auditor: the history verified in this browser
// ---------------------------------------------------------------------------------------------

/** An object's leaves as `path: value` pairs (the personal data as the API masked it). */
const flatten = (value: unknown, prefix = ""): ReadonlyArray<readonly [string, string]> =>
  typeof value === "object" && value !== null
    ? Object.entries(value).flatMap(([k, v]) => flatten(v, prefix === "" ? k : `${prefix}.${k}`))
    : [[prefix, String(value)]]

const auditView = async (s: Session, appealId: string): Promise<ReadonlyArray<Child>> => {
  const id = encodeURIComponent(appealId)
  const [got, history, known] = await Promise.all([s.api.get<AppealView>(`/v1/appeals/${id}`), s.api.get<History>(`/v1/appeals/${id}/history`), loadRules(s.api)])
  const events = history.body.events
  // The browser's own check: every hash recomputed here with WebCrypto, every link followed, and
  // the last event held against the head the projection records (the appeal's version and lastHash).
  const head = got.body.appeal as unknown as { version: number; lastHash: string }
  const { verdict, checks } = await verify(events, { seq: head.version, hash: head.lastHash })
  const server = history.body.verification
  return [
    h("p", null, h("a", { href: "#/" }, `← ${w("back")}`)),
    h("h2", null, `${w("audit")}: ${got.body.appeal.registrationNumber ?? appealId}`),
    h(
      "div",
      { id: "verdict", class: verdict.ok ? "verdict ok" : "verdict broken", role: "status", "data-verdict": verdict.ok ? "ok" : "broken" },
      verdict.ok ? `✓ ${w("chainOk")} (${verdict.count})` : `✗ ${w("chainBroken")}: #${verdict.seq ?? "?"} ${verdict.reason} — ${verdict.detail}`
    ),
    h("p", { id: "server-verdict" }, `${w("serverSays")}: ${server.ok ? "ok" : `${server.reason ?? "broken"} #${server.seq ?? "?"}`}`),
    got.body.masked ? h("p", { class: "masked", id: "masked" }, w("masked")) : null,
    got.body.personal !== undefined ? dl([[w("applicant"), h("ul", { class: "plain" }, flatten(got.body.personal.applicant).map(([k, v]) => h("li", null, `${k}: ${v}`)))], [w("text"), got.body.personal.text.body]]) : null,
    h("p", { class: "read-only" }, w("readOnly")),
    historyTable(events, known, checks)
  ]
}

const auditHome = async (s: Session): Promise<ReadonlyArray<Child>> => {
  const list = (await s.api.get<{ items: ReadonlyArray<Row> }>("/v1/appeals?limit=50")).body.items
  const input = h("input", { id: "audit-id", name: "audit-id", type: "text", required: true })
  return [
    h("h2", null, w("audit")),
    h(
      "form",
      { class: "card inline", onsubmit: (e: Event) => (e.preventDefault(), go(`#/audit/${encodeURIComponent(input.value.trim())}`)) },
      h("label", { for: "audit-id" }, w("appealId")),
      input,
      h("button", { type: "submit" }, w("show"))
    ),
    h("h3", null, w("recent")),
    list.length === 0 ? h("p", null, w("empty")) : h("ul", { class: "recent" }, list.map((a) => h("li", null, h("a", { href: `#/audit/${encodeURIComponent(a.appealId)}` }, a.registrationNumber ?? a.appealId), ` — ${a.statusName}`)))
  ]
}

// ---------------------------------------------------------------------------------------------
// Chief: the district's overdue list, reassignment, approvals, ratings, hotspots
// ---------------------------------------------------------------------------------------------

type ReportRow = Readonly<Record<string, unknown>>

/** The rows of an analytics report: its first array of objects. */
const rowsOf = (report: unknown): ReadonlyArray<ReportRow> => {
  if (Array.isArray(report)) return report as ReadonlyArray<ReportRow>
  if (typeof report === "object" && report !== null) {
    for (const v of Object.values(report)) if (Array.isArray(v) && (v.length === 0 || (typeof v[0] === "object" && v[0] !== null))) return v as ReadonlyArray<ReportRow>
  }
  return []
}

const scalarColumns = (rows: ReadonlyArray<ReportRow>) =>
  Object.keys(rows[0] ?? {}).filter((k) => rows.every((r) => r[k] === undefined || r[k] === null || ["string", "number", "boolean"].includes(typeof r[k])))

// A report's cell as the chief reads it: units and categories by name (with the unit's code).
const cellText = (c: string, v: unknown, names: Names & { readonly officer?: ReadonlyMap<string, string> }): string => {
  if (v === undefined || v === null) return "—"
  if (typeof v === "number") return String(Number(v.toFixed(3)))
  if (c === "category" && typeof v === "string") return names.category.get(v) ?? v
  if (c === "code" && typeof v === "string" && names.mahalla.has(v)) return `${names.mahalla.get(v)} (${v})`
  if (c === "code" && typeof v === "string" && names.officer?.has(v) === true) return `${names.officer.get(v)} (${v})`
  return String(v)
}

const reportTable = (rows: ReadonlyArray<ReportRow>, id: string, names: Names & { readonly officer?: ReadonlyMap<string, string> }) => {
  const columns = scalarColumns(rows)
  return rows.length === 0
    ? h("p", null, w("empty"))
    : h(
        "div",
        { class: "scroll" },
        h(
          "table",
          { id },
          h("thead", null, h("tr", null, columns.map((c) => h("th", { scope: "col" }, column(locale, c))))),
          h("tbody", null, rows.map((r) => h("tr", null, columns.map((c) => h("td", { class: typeof r[c] === "number" ? "num" : undefined }, cellText(c, r[c], names))))))
        )
      )
}

const SVG = "http://www.w3.org/2000/svg"
const svg = (tag: string, attrs: Record<string, string | number>, text?: string) => {
  const el = document.createElementNS(SVG, tag)
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, String(v))
  if (text !== undefined) el.textContent = text
  return el
}

/** A horizontal bar chart as inline SVG (no library, no network), with a text alternative. */
const barChart = (bars: ReadonlyArray<readonly [string, number]>, title: string): Child => {
  if (bars.length === 0) return null
  const max = Math.max(1, ...bars.map(([, v]) => v))
  const rowHeight = 26
  const chart = svg("svg", { viewBox: `0 0 600 ${bars.length * rowHeight + 10}`, role: "img", "aria-label": title, class: "chart", width: "100%" })
  chart.appendChild(svg("title", {}, title))
  bars.forEach(([label, value], i) => {
    const y = 5 + i * rowHeight
    chart.appendChild(svg("text", { x: 0, y: y + 17, class: "chart-label" }, label))
    chart.appendChild(svg("rect", { x: 220, y: y + 3, width: Math.max(1, (value / max) * 330), height: rowHeight - 8, class: "chart-bar" }))
    chart.appendChild(svg("text", { x: 225 + (value / max) * 330, y: y + 17, class: "chart-value" }, String(value)))
  })
  return chart
}

const monthLabel = (d: Date) => `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, "0")}`

const reassignForm = (s: Session, district: string): HTMLElement => {
  const out = h("div", { "aria-live": "polite" })
  const officers = s.officers.filter((o) => o.districtCode === district && o.roles.some((r) => r.endsWith("Inspector") && r !== "seniorInspector"))
  const form: HTMLFormElement = h(
    "form",
    {
      class: "card",
      id: "reassign",
      onsubmit: async (e: Event) => {
        e.preventDefault()
        const v = (n: string) => (form.elements.namedItem(n) as HTMLInputElement).value.trim()
        try {
          const current = await s.api.get<AppealView>(`/v1/appeals/${encodeURIComponent(v("reassign-id"))}`)
          await s.api.post(`/v1/appeals/${encodeURIComponent(v("reassign-id"))}/reassign`, { officerId: v("reassign-officer"), reason: v("reassign-reason") }, { "if-match": current.etag ?? "*" })
          replace(out, h("p", { class: "ok" }, w("done")))
        } catch (err) {
          replace(out, problemBox(asProblem(err)))
        }
      }
    },
    h("h3", null, w("reassign")),
    h("div", { class: "field" }, h("label", { for: "reassign-id" }, w("appealId")), h("input", { id: "reassign-id", name: "reassign-id", type: "text", required: true })),
    h("div", { class: "field" }, h("label", { for: "reassign-officer" }, w("who")), h("select", { id: "reassign-officer", name: "reassign-officer" }, officers.map((o) => h("option", { value: o.id }, `${o.name} (${o.id})`)))),
    h("div", { class: "field" }, h("label", { for: "reassign-reason" }, w("explanation")), h("input", { id: "reassign-reason", name: "reassign-reason", type: "text", required: true, minlength: 3 })),
    h("button", { type: "submit" }, w("reassign")),
    out
  )
  return form
}

const chiefView = async (s: Session): Promise<ReadonlyArray<Child>> => {
  const district = s.officer!.districtCode
  const q = encodeURIComponent(district)
  const period = monthLabel(new Date())
  const [overdue, soon, open, ratings, hotspots, places] = await Promise.all([
    s.api.get<{ items: ReadonlyArray<Row> }>(`/v1/overdue?districtCode=${q}&limit=500`),
    s.api.get<{ items: ReadonlyArray<Row> }>(`/v1/soon-due?districtCode=${q}&limit=500`),
    s.api.get<{ items: ReadonlyArray<Row & { escalated: boolean; extraStudy: boolean }> }>(`/v1/appeals?districtCode=${q}&limit=500`),
    s.api.get<unknown>(`/v1/analytics/ratings?period=${period}&level=inspector&district=${q}`).then((r) => r.body, (e) => asProblem(e)),
    s.api.get<unknown>(`/v1/analytics/hotspots?period=${period}&level=mahalla&district=${q}`).then((r) => r.body, (e) => asProblem(e)),
    s.api.get<{ mahallas: ReadonlyArray<{ code: string; name: Record<Locale, string> }> }>("/v1/places").then((r) => r.body)
  ])
  const badges = new Map<string, Badge>([...soon.body.items.map((r) => [r.appealId, "soon"] as const), ...overdue.body.items.map((r) => [r.appealId, "overdue"] as const)])
  const approvals = open.body.items.filter((a) => a.escalated || a.extraStudy)
  const open_ = (id: string) => go(`#/appeal/${encodeURIComponent(id)}`)
  const refused = (r: unknown): r is Problem => typeof r === "object" && r !== null && "status" in r && "code" in r && "detail" in r
  // The hotspot report: `cells` per mahalla and category (the table), `totals` per mahalla (the chart).
  const hotspotRows = refused(hotspots) ? [] : rowsOf(hotspots)
  const totals = refused(hotspots) ? [] : ((hotspots as { totals?: ReadonlyArray<{ code: string; current: number }> }).totals ?? [])
  const names = new Map(places.mahallas.map((m) => [m.code, m.name[locale] ?? m.code]))
  const listNames: Names = { category: (await namesOf(s.api)).category, mahalla: names }
  const bars = totals.map((t) => [`${names.get(t.code) ?? t.code}`, t.current] as const).sort((a, b) => b[1] - a[1])
  return [
    h("section", { "aria-labelledby": "h-overdue" }, h("h2", { id: "h-overdue" }, w("overdueList")), overdue.body.items.length === 0 ? h("p", null, w("empty")) : renderWorklist(overdue.body.items, badges, locale, open_, listNames)),
    h("section", { "aria-labelledby": "h-approvals" }, h("h2", { id: "h-approvals" }, w("approvals")), approvals.length === 0 ? h("p", null, w("empty")) : renderWorklist(approvals, badges, locale, open_, listNames)),
    reassignForm(s, district),
    h("section", { "aria-labelledby": "h-ratings" }, h("h2", { id: "h-ratings" }, `${w("ratings")} (${period})`), refused(ratings) ? problemBox(ratings) : reportTable(rowsOf(ratings), "ratings", { ...listNames, officer: new Map(s.officers.map((o) => [o.id, o.name])) })),
    h(
      "section",
      { "aria-labelledby": "h-hotspots" },
      h("h2", { id: "h-hotspots" }, `${w("hotspots")} (${period})`),
      refused(hotspots) ? problemBox(hotspots) : [barChart(bars, w("hotspots")), reportTable(hotspotRows, "hotspots", listNames)]
    )
  ]
}

// ---------------------------------------------------------------------------------------------
// Router
// ---------------------------------------------------------------------------------------------

/** Counts routes started; only the latest may write the page and say it is ready. */
let routes = 0

const route = async () => {
  const s = session
  if (s === undefined) return
  const mine = ++routes
  const current = () => mine === routes
  // Not ready until this view is shown: a test or a screen reader must not act on the one it replaces.
  delete document.body.dataset["ready"]
  const hash = location.hash.replace(/^#/, "") || "/"
  const target = main()
  const appeal = /^\/appeal\/(.+)$/.exec(hash)
  const audit = /^\/audit\/(.+)$/.exec(hash)
  const view =
    appeal !== null
      ? () => appealView(s, decodeURIComponent(appeal[1]!))
      : audit !== null
        ? () => auditView(s, decodeURIComponent(audit[1]!))
        : hash === "/new" && s.officer !== undefined
          ? () => newAppealView(s)
          : s.role === "inspector"
            ? () => worklistView(s)
            : s.role === "chief"
              ? () => chiefView(s)
              : () => auditHome(s)
  await guarded(target, view, current)
  if (current()) document.body.dataset["ready"] = hash
}

const render = () => {
  replace(root(), ...shell())
  if (session === undefined) {
    replace(main(), ...signInView())
    document.body.dataset["ready"] = "sign-in"
  } else void route()
}

const start = async () => {
  try {
    config = (await (await fetch("/console/config.json")).json()) as Config
  } catch {
    config = {}
  }
  // Back from the identity provider: exchange the code (PKCE) for a token, then sign in with it.
  const returned = config.oidc === undefined ? undefined : await finishSignIn(config.oidc).catch((e: unknown) => (replace(root(), problemBox(asProblem(e))), undefined))
  const token = returned ?? store.token
  if (token !== null && token !== undefined) {
    try {
      session = await signIn(token)
      store.token = token
    } catch {
      store.token = null
    }
  }
  window.addEventListener("hashchange", () => void route())
  render()
}

void start()
