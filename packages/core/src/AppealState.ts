/**
 * The state of one appeal: its lifecycle status and what the decisions so far established. It is
 * derived, never edited: `Lifecycle.replay(events)` rebuilds it from the appeal's events, and the
 * storage projection is this value.
 *
 * @example
 * import { AppealState } from "@murojaat/core"
 * const s = AppealState.initial("A-1")
 * s.status // "none"
 */
import { Schema } from "effect"
import * as Appeal from "./Appeal.js"
import * as Audit from "./Audit.js"
import * as Command from "./Command.js"
import * as Directory from "./Directory.js"
import * as LocalTime from "./internal/localTime.js"
import * as I18n from "./I18n.js"
import * as PreventiveMeasure from "./PreventiveMeasure.js"

/**
 * Lifecycle statuses. `none` is the state of an appeal with no events yet.
 *
 * @example
 * import { AppealState } from "@murojaat/core"
 * AppealState.Status.literals.length // 14
 *
 * @since 0.1.0
 * @category status
 */
export const Status = Schema.Literal(
  "none",
  "received",
  "registered",
  "triaged",
  "assigned",
  "inReview",
  "awaitingApplicant",
  "answered",
  "closed",
  "leftWithoutConsideration",
  "forwarded",
  "handedToCriminalProcedure",
  "mergedAsDuplicate",
  "withdrawn"
)
/** @see Status */
export type Status = typeof Status.Type

/**
 * What each status is called in the four languages, for citizens' apps, officers' screens and
 * reports (the reporting outcomes use the same words as official statistics: "koʻrmasdan
 * qoldirildi", "vakolatli organga yuborildi").
 *
 * @example
 * import { AppealState } from "@murojaat/core"
 * AppealState.names.inReview["uz-Latn"] // "koʻrib chiqilmoqda"
 *
 * @since 0.1.0
 * @category status
 */
export const names: { readonly [S in Status]: I18n.Text } = {
  none: I18n.text("qabul qilinmagan", "қабул қилинмаган", "не принято", "not received"),
  received: I18n.text("qabul qilindi", "қабул қилинди", "получено", "received"),
  registered: I18n.text("roʻyxatga olindi", "рўйхатга олинди", "зарегистрировано", "registered"),
  triaged: I18n.text("tasniflandi", "таснифланди", "классифицировано", "triaged"),
  assigned: I18n.text("ijrochiga biriktirildi", "ижрочига бириктирилди", "назначено исполнителю", "assigned"),
  inReview: I18n.text("koʻrib chiqilmoqda", "кўриб чиқилмоқда", "на рассмотрении", "in review"),
  awaitingApplicant: I18n.text("murojaatchidan maʼlumot kutilmoqda", "мурожаатчидан маълумот кутилмоқда", "ожидается информация от заявителя", "awaiting the applicant"),
  answered: I18n.text("javob berildi", "жавоб берилди", "дан ответ", "answered"),
  closed: I18n.text("yopildi", "ёпилди", "закрыто", "closed"),
  leftWithoutConsideration: I18n.text("koʻrmasdan qoldirildi", "кўрмасдан қолдирилди", "оставлено без рассмотрения", "left without consideration"),
  forwarded: I18n.text("vakolatli organga yuborildi", "ваколатли органга юборилди", "направлено в компетентный орган", "forwarded to the competent body"),
  handedToCriminalProcedure: I18n.text(
    "jinoyat-protsessual tartibda koʻrishga oʻtkazildi",
    "жиноят-процессуал тартибда кўришга ўтказилди",
    "передано для рассмотрения в уголовно-процессуальном порядке",
    "handed to criminal procedure"
  ),
  mergedAsDuplicate: I18n.text("takroriy nusxa sifatida birlashtirildi", "такрорий нусха сифатида бирлаштирилди", "объединено как дубликат", "merged as a duplicate"),
  withdrawn: I18n.text("murojaatchi qaytarib oldi", "мурожаатчи қайтариб олди", "отозвано заявителем", "withdrawn")
}

/**
 * Statuses in which the appeal is being worked on (the legal clocks run).
 *
 * @example
 * import { AppealState } from "@murojaat/core"
 * AppealState.open.has("inReview") // true
 *
 * @since 0.1.0
 * @category status
 */
export const open: ReadonlySet<Status> = new Set(["received", "registered", "triaged", "assigned", "inReview", "awaitingApplicant"])

/**
 * Statuses that end the appeal: nothing more can be done with it.
 *
 * @example
 * import { AppealState } from "@murojaat/core"
 * AppealState.terminal.has("forwarded") // true
 *
 * @since 0.1.0
 * @category status
 */
export const terminal: ReadonlySet<Status> = new Set([
  "leftWithoutConsideration",
  "forwarded",
  "handedToCriminalProcedure",
  "mergedAsDuplicate",
  "withdrawn"
])

/**
 * What the legal clocks of an appeal need from its history beyond the rest of its state, gathered
 * event by event (`Lifecycle.evolve`), so that its due times are computed without reading the
 * history again: the changes to the terms in order (the head's extension, extra or longer study),
 * each with the periods awaiting the applicant known when it was recorded (a change that came too
 * late is judged at that moment: ZRU-445 Art. 28, rule `term.noLateChanges`); the first event of
 * each type, in order (what settles a clock: registration, forwarding, the answer, the end); and
 * the latest escalation (the deadline timer escalates a breach once).
 *
 * @example
 * import { AppealState } from "@murojaat/core"
 * import { Schema } from "effect"
 * const facts: AppealState.ClockFacts = { termChanges: [], firsts: [{ type: "received", at: "2026-03-02T05:00:00.000Z" }] }
 * Schema.is(AppealState.ClockFacts)(facts) // true
 *
 * @since 0.2.0
 * @category models
 */
export const ClockFacts = Schema.Struct({
  termChanges: Schema.Array(
    Schema.Struct({
      change: Schema.Literal("extension", "extraStudy"),
      at: Directory.Instant,
      /** How many of the state's `pauses` had ended when the change was recorded. */
      pausesEnded: Schema.NonNegativeInt,
      /** The period awaiting the applicant still open then, if any. */
      awaitingSince: Schema.optional(Directory.Instant)
    })
  ),
  firsts: Schema.Array(Schema.Struct({ type: Schema.String, at: Directory.Instant })),
  escalatedAt: Schema.optional(Directory.Instant)
})
/** @see ClockFacts */
export type ClockFacts = typeof ClockFacts.Type

/**
 * The state of an appeal.
 *
 * @example
 * import { AppealState } from "@murojaat/core"
 * import { Schema } from "effect"
 * Schema.is(AppealState.AppealState)(AppealState.initial("A-1")) // true
 *
 * @since 0.1.0
 * @category models
 */
export const AppealState = Schema.Struct({
  appealId: Schema.String,
  status: Status,
  /** Number of events so far (the seq of the last one). */
  version: Schema.NonNegativeInt,
  /** Hash of the last event (`Audit.genesis` when there is none). */
  lastHash: Schema.String,
  kind: Schema.optional(Appeal.Kind),
  channel: Schema.optional(Appeal.Channel),
  regionCode: Schema.optional(Schema.String),
  districtCode: Schema.optional(Schema.String),
  mahallaCode: Schema.optional(Schema.String),
  applicantRef: Schema.optional(Schema.String),
  subjectOfficerId: Schema.optional(Schema.String),
  anonymous: Schema.Boolean,
  representativeWithoutAuthority: Schema.Boolean,
  personalDigest: Schema.optional(Schema.String),
  receivedAt: Schema.optional(Directory.Instant),
  /**
   * Set when the appeal was entered on a later day (Tashkent) than it was received: when it was
   * entered and how many days after receipt. It keeps its true date of receipt, and its terms run
   * from it (ZRU-445 Art. 23 and 28; rule `registration.trueReceiptDate`).
   */
  lateEntry: Schema.optional(Schema.Struct({ enteredAt: Directory.Instant, daysAfterReceipt: Schema.NonNegativeInt })),
  registeredAt: Schema.optional(Directory.Instant),
  registrationNumber: Schema.optional(Schema.String),
  category: Schema.optional(Schema.String),
  priority: Schema.optional(Appeal.Priority),
  flags: Schema.Array(Schema.String),
  needsPerson: Schema.Boolean,
  assigneeId: Schema.optional(Schema.String),
  extraStudy: Schema.Boolean,
  extended: Schema.Boolean,
  escalated: Schema.Boolean,
  awaitingSince: Schema.optional(Directory.Instant),
  /** Past periods awaiting the applicant (a request for information to the reply), oldest first. */
  pauses: Schema.optional(Schema.Array(Schema.Struct({ from: Directory.Instant, to: Directory.Instant }))),
  outcome: Schema.optional(Command.Outcome),
  answeredAt: Schema.optional(Directory.Instant),
  closedAt: Schema.optional(Directory.Instant),
  rating: Schema.optional(Schema.Int),
  forwardedTo: Schema.optional(Command.Body),
  criminalReference: Schema.optional(Schema.String),
  /**
   * The protection order issued on this appeal, if any (ZRU-561): its end as extended, and, once
   * any was recorded, how many times it was extended and its breaches (kept absent until then, so
   * a state stored before extensions and breaches were commands is still the replay of its events).
   */
  protectionOrder: Schema.optional(
    Schema.Struct({
      orderNumber: Schema.String,
      validUntil: Directory.Instant,
      extensions: Schema.optional(Schema.NonNegativeInt),
      breaches: Schema.optional(Schema.Array(Schema.Struct({ occurredAt: Directory.Instant, recordedAt: Directory.Instant })))
    })
  ),
  /** Whether the protection-order study ended (issued or refused). */
  protectionOrderDecided: Schema.Boolean,
  /**
   * The preventive measures recorded on this appeal, in the order they were planned
   * (`PreventiveMeasure`); absent until the first one is planned.
   */
  measures: Schema.optional(Schema.Array(PreventiveMeasure.Measure)),
  mergedInto: Schema.optional(Schema.String),
  disputedBy: Schema.Array(Schema.String),
  links: Schema.Array(Appeal.Link),
  updatedAt: Schema.optional(Directory.Instant),
  /**
   * What the legal clocks need from the history (see `ClockFacts`). Kept from the first event on;
   * a state stored before it existed has none, and the service rebuilds it from the events when
   * it next loads the appeal.
   */
  clockFacts: Schema.optional(ClockFacts)
})
/** @see AppealState */
export type AppealState = typeof AppealState.Type

// The Tashkent (UTC+5) day of an instant, from the one local-time module.
const tashkentDay = (iso: string): number => LocalTime.localDay(LocalTime.parseInstant(iso) ?? Number.NaN)

/**
 * The `lateEntry` mark of an appeal received at `receivedAt` and entered at `enteredAt`: present
 * when it was entered on a later Tashkent day (UTC+5) than it was received.
 *
 * @example
 * import { AppealState } from "@murojaat/core"
 * AppealState.lateEntryOf("2026-02-02T10:00:00+05:00", "2026-03-16T09:00:00+05:00")
 * // { lateEntry: { enteredAt: "2026-03-16T09:00:00+05:00", daysAfterReceipt: 42 } }
 * AppealState.lateEntryOf("2026-03-16T08:00:00+05:00", "2026-03-16T09:00:00+05:00") // {}
 *
 * @since 0.1.0
 * @category late changes
 */
export const lateEntryOf = (
  receivedAt: string,
  enteredAt: string
): { readonly lateEntry?: { readonly enteredAt: string; readonly daysAfterReceipt: number } } => {
  const days = tashkentDay(enteredAt) - tashkentDay(receivedAt)
  return Number.isFinite(days) && days > 0 ? { lateEntry: { enteredAt, daysAfterReceipt: days } } : {}
}

/**
 * Whether a stored state document is the replay of its events: the same document, or (for a state
 * stored before `clockFacts` existed) the same but for the clock facts the replay adds.
 *
 * @example
 * import { AppealState } from "@murojaat/core"
 * const replayed = { ...AppealState.initial("A-1"), clockFacts: { termChanges: [], firsts: [] } }
 * AppealState.matchesReplay(AppealState.initial("A-1"), replayed) // true
 * AppealState.matchesReplay({ ...AppealState.initial("A-1"), status: "closed" }, replayed) // false
 *
 * @since 0.2.0
 * @category utils
 */
export const matchesReplay = (stored: unknown, replayed: AppealState): boolean => {
  const document = Audit.canonical(stored)
  if (document === Audit.canonical(replayed)) return true
  if (typeof stored !== "object" || stored === null || "clockFacts" in stored || replayed.clockFacts === undefined) return false
  const { clockFacts: _, ...rest } = replayed
  return document === Audit.canonical(rest)
}

/**
 * The state of an appeal before its first event.
 *
 * @example
 * import { AppealState } from "@murojaat/core"
 * AppealState.initial("A-1").version // 0
 *
 * @since 0.1.0
 * @category constructors
 */
export const initial = (appealId: string): AppealState => ({
  appealId,
  status: "none",
  version: 0,
  lastHash: Audit.genesis,
  anonymous: false,
  representativeWithoutAuthority: false,
  flags: [],
  needsPerson: false,
  extraStudy: false,
  extended: false,
  escalated: false,
  protectionOrderDecided: false,
  disputedBy: [],
  links: []
})
