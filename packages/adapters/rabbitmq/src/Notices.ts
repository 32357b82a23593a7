/**
 * The notices an applicant receives about his appeal, in his language: registered (with its
 * number and the date by which it will be considered), forwarded (to which body), extended (why,
 * and until when), information requested (what), and answered (the answer). Pure: a notice is a
 * function of the appeal's events, the event's texts and the applicant's contact.
 *
 * Legal source: ZRU-445 "On appeals of individuals and legal entities" requires that the applicant
 * be told when his appeal is forwarded by competence (Art. 21, within 5 days) and when its
 * consideration is extended (Art. 28); the registration, information-request and answer notices
 * follow the same law's right to be informed of the course of an appeal (article not confirmed).
 * Which kinds are sent is therefore a setting (`Settings.kinds`, default all five).
 *
 * The language: Russian for an appeal written in Russian, Uzbek in Cyrillic for one written in
 * Cyrillic Uzbek, Uzbek in Latin otherwise (`localeOf`); a setting may choose otherwise.
 *
 * @example
 * import { Notices } from "@murojaat/rabbitmq"
 * Notices.kindOf("deadlineExtended") // "extended"
 *
 * @since 0.1.0
 */
import { type Appeal, Deadline, type Event, I18n } from "@murojaat/core"
import { Either } from "effect"

/**
 * The kinds of notice.
 *
 * @example
 * import { Notices } from "@murojaat/rabbitmq"
 * Notices.kinds.length // 5
 *
 * @since 0.1.0
 * @category models
 */
export const kinds = ["registered", "forwarded", "extended", "informationRequested", "answered"] as const
/** @see kinds @example import type { Notices } from "@murojaat/rabbitmq"; const k: Notices.Kind = "answered" @since 0.1.0 */
export type Kind = (typeof kinds)[number]

const byEvent: Partial<Record<Event.Type, Kind>> = {
  registered: "registered",
  forwarded: "forwarded",
  deadlineExtended: "extended",
  informationRequested: "informationRequested",
  answered: "answered"
}

/**
 * The kind of notice an event gives, if any.
 *
 * @example
 * import { Notices } from "@murojaat/rabbitmq"
 * Notices.kindOf("triaged") // undefined
 *
 * @since 0.1.0
 * @category models
 */
export const kindOf = (type: string): Kind | undefined => byEvent[type as Event.Type]

/**
 * The routing keys of the events that give notices (for the notice worker's queue).
 *
 * @example
 * import { Notices } from "@murojaat/rabbitmq"
 * Notices.topics.includes("appeal.answered") // true
 *
 * @since 0.1.0
 * @category models
 */
export const topics: ReadonlyArray<string> = Object.keys(byEvent).map((t) => `appeal.${t}`)

/**
 * Where a notice goes: the applicant's e-mail and phone as he gave them, and his account.
 *
 * @example
 * import type { Notices } from "@murojaat/rabbitmq"
 * const r: Notices.Recipient = { email: "a@example.uz" }
 *
 * @since 0.1.0
 * @category models
 */
export interface Recipient {
  readonly email?: string | undefined
  readonly phone?: string | undefined
  readonly applicantRef?: string | undefined
}

/**
 * A notice, ready for a `Notifier`. `id` is stable (`notice:<event id>`): receivers deduplicate by
 * it (the e-mail's Message-ID, the webhook's `X-Murojaat-Notice-Id`).
 *
 * @example
 * import type { Notices } from "@murojaat/rabbitmq"
 * const n: Notices.Notice = { id: "notice:A-1#2", appealId: "A-1", kind: "registered", locale: "uz-Latn", subject: "Murojaat T-1", text: "...", recipient: {} }
 *
 * @since 0.1.0
 * @category models
 */
export interface Notice {
  readonly id: string
  readonly appealId: string
  readonly kind: Kind
  readonly locale: I18n.Locale
  readonly subject: string
  readonly text: string
  readonly recipient: Recipient
  readonly registrationNumber?: string | undefined
  /** The date (Tashkent, ISO) the appeal is due to be considered by, where the notice names it. */
  readonly dueDate?: string | undefined
}

/**
 * The notice id of an event.
 *
 * @example
 * import { Notices } from "@murojaat/rabbitmq"
 * Notices.noticeId("A-1#2") // "notice:A-1#2"
 *
 * @since 0.1.0
 * @category models
 */
export const noticeId = (eventId: string): string => `notice:${eventId}`

/**
 * The applicant's language, from what his appeal's text was written in.
 *
 * @example
 * import { Notices } from "@murojaat/rabbitmq"
 * Notices.localeOf({ language: "uz", script: "cyrillic" }) // "uz-Cyrl"
 * Notices.localeOf({ language: "ru", script: "cyrillic" }) // "ru"
 *
 * @since 0.1.0
 * @category language
 */
export const localeOf = (received: { readonly language: Appeal.Language; readonly script: Appeal.Script }): I18n.Locale =>
  received.language === "ru" ? "ru" : received.script === "cyrillic" ? "uz-Cyrl" : "uz-Latn"

/**
 * The notices' settings.
 *
 * @example
 * import type { Notices } from "@murojaat/rabbitmq"
 * const s: Notices.Settings = { kinds: ["registered", "answered"] }
 *
 * @since 0.1.0
 * @category settings
 */
export interface Settings {
  /** The kinds to send. Default: all. */
  readonly kinds?: ReadonlyArray<Kind> | undefined
  /** The language of an appeal's notices. Default: `localeOf` its received event. */
  readonly locale?: ((received: { readonly language: Appeal.Language; readonly script: Appeal.Script }) => I18n.Locale) | undefined
  /** The calendar and counting of due dates (the service's). */
  readonly deadlines?: Deadline.Options | undefined
}

const date = (iso: string): string => `${iso.slice(8, 10)}.${iso.slice(5, 7)}.${iso.slice(0, 4)}`

const outcomes: Record<string, I18n.Text> = {
  satisfied: I18n.text("qanoatlantirildi", "қаноатлантирилди", "удовлетворено", "granted"),
  explained: I18n.text("tushuntirish berildi", "тушунтириш берилди", "дано разъяснение", "explained"),
  rejectedWithGrounds: I18n.text("asoslantirilgan holda rad etildi", "асослантирилган ҳолда рад этилди", "отказано с обоснованием", "refused, with the grounds")
}

// The texts of each kind, in the four languages; {n} number, {date} due date, {body}, {reason},
// {request}, {outcome}, {answer}.
const templates: Record<Kind, I18n.Text> = {
  registered: I18n.text(
    "Murojaatingiz {n} raqami bilan roʻyxatga olindi. U {date} gacha koʻrib chiqiladi.",
    "Мурожаатингиз {n} рақами билан рўйхатга олинди. У {date} гача кўриб чиқилади.",
    "Ваше обращение зарегистрировано под № {n}. Оно будет рассмотрено до {date}.",
    "Your appeal has been registered under No. {n}. It will be considered by {date}."
  ),
  forwarded: I18n.text(
    "{n} raqamli murojaatingiz vakolatiga koʻra quyidagi organga yuborildi: {body}.",
    "{n} рақамли мурожаатингиз ваколатига кўра қуйидаги органга юборилди: {body}.",
    "Ваше обращение № {n} направлено по компетенции в: {body}.",
    "Your appeal No. {n} has been forwarded, as a matter within its competence, to: {body}."
  ),
  extended: I18n.text(
    "{n} raqamli murojaatingizni koʻrib chiqish muddati {date} gacha uzaytirildi. Sababi: {reason}",
    "{n} рақамли мурожаатингизни кўриб чиқиш муддати {date} гача узайтирилди. Сабаби: {reason}",
    "Срок рассмотрения вашего обращения № {n} продлён до {date}. Причина: {reason}",
    "The consideration of your appeal No. {n} has been extended until {date}. Reason: {reason}"
  ),
  informationRequested: I18n.text(
    "{n} raqamli murojaatingiz boʻyicha qoʻshimcha maʼlumot soʻralmoqda: {request}",
    "{n} рақамли мурожаатингиз бўйича қўшимча маълумот сўралмоқда: {request}",
    "По вашему обращению № {n} запрошена дополнительная информация: {request}",
    "Additional information is requested for your appeal No. {n}: {request}"
  ),
  answered: I18n.text(
    "{n} raqamli murojaatingizga javob berildi ({outcome}). {answer}",
    "{n} рақамли мурожаатингизга жавоб берилди ({outcome}). {answer}",
    "На ваше обращение № {n} дан ответ ({outcome}). {answer}",
    "Your appeal No. {n} has been answered ({outcome}). {answer}"
  )
}

const subjects = I18n.text("{n}-sonli murojaat", "{n}-сонли мурожаат", "Обращение № {n}", "Appeal No. {n}")

const fill = (template: string, values: Record<string, string>): string =>
  template.replace(/\{(\w+)\}/g, (all, key: string) => values[key] ?? all).trim()

/**
 * Everything a notice is made from.
 *
 * @example
 * import type { Notices } from "@murojaat/rabbitmq"
 * const f = (i: Notices.Input) => i.event.seq
 *
 * @since 0.1.0
 * @category compose
 */
export interface Input {
  /** The event announced. */
  readonly event: Event.AppealEvent
  /** The appeal's events up to the announced one (at least), in order. */
  readonly events: ReadonlyArray<Event.AppealEvent>
  /** The announced event's free texts, unless erased. */
  readonly texts?: Event.Texts | undefined
  /** The applicant's personal record, unless erased. */
  readonly personal?: Appeal.Personal | undefined
}

/**
 * Why no notice is sent for an event: not a notice event, a kind turned off, or nobody to send it
 * to (an anonymous or oral appeal without contact, or erased personal data).
 *
 * @example
 * import type { Notices } from "@murojaat/rabbitmq"
 * const r: Notices.NoNotice = "noRecipient"
 *
 * @since 0.1.0
 * @category compose
 */
export type NoNotice = "notANoticeEvent" | "kindOff" | "noRecipient"

/**
 * The notice of an event, or why there is none.
 *
 * @example
 * import { Notices } from "@murojaat/rabbitmq"
 * import { Either } from "effect"
 * const event = { id: "A-1#3", appealId: "A-1", seq: 3, type: "triaged" } as any
 * Notices.compose({ event, events: [event] }) // Either.left("notANoticeEvent")
 *
 * @since 0.1.0
 * @category compose
 */
export const compose = (input: Input, settings: Settings = {}): Either.Either<Notice, NoNotice> => {
  const { event, events } = input
  const kind = kindOf(event.type)
  if (kind === undefined) return Either.left("notANoticeEvent")
  if (settings.kinds !== undefined && !settings.kinds.includes(kind)) return Either.left("kindOff")
  const applicant = input.personal?.applicant
  const recipient: Recipient = {
    ...(applicant?.contact.email !== undefined ? { email: applicant.contact.email } : {}),
    ...(applicant?.contact.phone !== undefined ? { phone: applicant.contact.phone } : {})
  }
  const received = events.find((e): e is Event.Of<"received"> => e.type === "received")
  const applicantRef = received?.data.applicantRef
  if (recipient.email === undefined && recipient.phone === undefined && applicantRef === undefined) return Either.left("noRecipient")
  const locale = (settings.locale ?? localeOf)(received?.data ?? { language: "uz", script: "latin" })
  const upTo = events.filter((e) => e.seq <= event.seq)
  const registrationNumber = upTo.reduce<string | undefined>((n, e) => (e.type === "registered" ? e.data.registrationNumber : n), undefined)
  const consideration = Either.match(Deadline.status(upTo, event.at, { ...settings.deadlines, explain: false }), {
    onLeft: () => undefined,
    onRight: (r) => r.clocks.find((c) => c.clock === "consideration")?.dueDate
  })
  const texts = input.texts ?? {}
  const values: Record<string, string> = {
    n: registrationNumber ?? event.appealId,
    date: consideration === undefined ? "—" : date(consideration),
    body: event.type === "forwarded" ? event.data.body.name : "",
    reason: texts["reason"] ?? "",
    request: texts["request"] ?? "",
    outcome: event.type === "answered" ? I18n.pick(outcomes[event.data.outcome]!, locale) : "",
    answer: texts["answerText"] ?? ""
  }
  const withDue = kind === "registered" || kind === "extended"
  return Either.right({
    id: noticeId(event.id),
    appealId: event.appealId,
    kind,
    locale,
    subject: fill(I18n.pick(subjects, locale), values),
    text: fill(I18n.pick(templates[kind], locale), values),
    recipient: { ...recipient, ...(applicantRef !== undefined ? { applicantRef } : {}) },
    ...(registrationNumber !== undefined ? { registrationNumber } : {}),
    ...(withDue && consideration !== undefined ? { dueDate: consideration } : {})
  })
}

/**
 * The texts of every kind in one language, for the docs and the operators' review.
 *
 * @example
 * import { Notices } from "@murojaat/rabbitmq"
 * Notices.templatesIn("en").registered.startsWith("Your appeal") // true
 *
 * @since 0.1.0
 * @category language
 */
export const templatesIn = (locale: I18n.Locale): Record<Kind, string> =>
  Object.fromEntries(kinds.map((k) => [k, I18n.pick(templates[k], locale)])) as Record<Kind, string>
