/**
 * The facts the clocks depend on, read from an appeal's events in time order, or from its state
 * (the clock facts its events gathered); changes that came too late are noted, not counted.
 * Documented in `Deadline.ts`.
 */
import { Either, Option } from "effect"
import type * as AppealState from "../../AppealState.js"
import type * as Deadline from "../../Deadline.js"
import type { InvalidInput } from "../../Errors.js"
import * as localTime from "../localTime.js"
import { compute } from "./compute.js"
import { lateChange, noteOf } from "./lateChange.js"
import { defaultSettings, invalid, settingsOf } from "./settings.js"

type Facts = Deadline.Facts
type Options = Deadline.Options

const field = (data: unknown, key: string): unknown =>
  typeof data === "object" && data !== null ? (data as Record<string, unknown>)[key] : undefined

// The facts being gathered: changes to the terms are counted or noted as the law says at the
// moment each was recorded, with the periods awaiting the applicant known then.
interface Gathering {
  facts: Facts
  extensions: number
  readonly notes: Array<string>
}

const withPauses = (facts: Facts, pauses: ReadonlyArray<Deadline.Pause>): Facts => (pauses.length > 0 ? { ...facts, pauses } : facts)

const termChange = (
  g: Gathering,
  change: "extension" | "extraStudy",
  type: string,
  at: string,
  pausesThen: ReadonlyArray<Deadline.Pause>,
  until: string | undefined,
  opts: Options & { readonly now?: string }
): void => {
  const late = lateChange(withPauses(g.facts, pausesThen), change, at, opts)
  if (change === "extraStudy") {
    if (Option.isNone(late)) g.facts = { ...g.facts, extraStudy: true }
    else if (late.value.rule !== "extraStudy.once") g.notes.push(noteOf(type, at, late.value))
    return
  }
  if (Option.isNone(late)) {
    g.extensions++
    g.facts = { ...g.facts, extended: until !== undefined ? { until } : true }
  } else if (late.value.rule === "extension.once") g.extensions++
  else g.notes.push(noteOf(type, at, late.value))
}

const gathered = (g: Gathering, pauses: ReadonlyArray<Deadline.Pause>): Facts => ({
  ...withPauses(g.facts, pauses),
  ...(g.extensions > 1 ? { extraExtensions: g.extensions - 1 } : {}),
  ...(g.notes.length > 0 ? { notes: g.notes } : {})
})

const badKind = (kind: unknown) => invalid("AppealEvents", "received.data.kind", `got ${JSON.stringify(kind)}`, '"ariza" | "taklif" | "shikoyat"')
const badReceipt = (receivedAt: string) =>
  invalid("AppealEvents", "received.data.receivedAt", `"${receivedAt}" is not a date and time`, "ISO 8601 instant")

export const factsFromEvents = (
  events: ReadonlyArray<Deadline.EventInput>,
  settings: Deadline.Settings = defaultSettings,
  options?: Options & { readonly now?: string }
): Either.Either<Facts, InvalidInput> => {
  const T = settings.events
  const received = events.find((e) => T.received.includes(e.type))
  if (received === undefined) return Either.left(invalid("AppealEvents", "", "no received event", `an event of type ${T.received.join(" | ")}`))
  const kind = field(received.data, "kind")
  if (kind !== "ariza" && kind !== "taklif" && kind !== "shikoyat") return Either.left(badKind(kind))
  const receivedAtRaw = field(received.data, "receivedAt")
  const receivedAt = typeof receivedAtRaw === "string" ? receivedAtRaw : received.at
  if (localTime.parseInstant(receivedAt) === undefined) return Either.left(badReceipt(receivedAt))
  const opts: Options & { readonly now?: string } = { ...options, settings }
  const g: Gathering = { facts: { kind, receivedAt, extraStudy: false, urgent: false, domesticViolence: false }, extensions: 0, notes: [] }
  const pauses: Array<Deadline.Pause> = []
  let open: string | undefined
  const pausesNow = () => (open === undefined ? pauses : [...pauses, { from: open }])
  const ordered = events
    .map((e, i) => ({ e, i, ms: localTime.parseInstant(e.at) ?? Number.POSITIVE_INFINITY }))
    .sort((a, b) => a.ms - b.ms || a.i - b.i)
    .map((x) => x.e)
  for (const e of ordered) {
    if (T.triaged.includes(e.type)) {
      const flags = field(e.data, "flags")
      g.facts = {
        ...g.facts,
        urgent: field(e.data, "priority") === "urgent",
        domesticViolence: Array.isArray(flags) && flags.some((f) => settings.safetyFlags.includes(String(f)))
      }
    }
    if (T.extraStudyDeclared.includes(e.type)) termChange(g, "extraStudy", e.type, e.at, pausesNow(), undefined, opts)
    if (T.deadlineExtended.includes(e.type)) {
      const u = field(e.data, "until")
      termChange(g, "extension", e.type, e.at, pausesNow(), typeof u === "string" ? u : undefined, opts)
    }
    if (T.informationRequested.includes(e.type) && open === undefined) open = e.at
    else if (T.informationProvided.includes(e.type) && open !== undefined) {
      pauses.push({ from: open, to: e.at })
      open = undefined
    }
  }
  return Either.right(gathered(g, pausesNow()))
}

/**
 * The same facts from an appeal's state: its typed events were folded into it (`Lifecycle.evolve`
 * gathers `clockFacts`), so nothing of the history is read. The roles of the events are the
 * lifecycle's own (receipt, triage and its correction, extra study, the head's extension, requests
 * for information and replies); a change to the terms is judged as `factsFromEvents` judges it, with
 * the periods awaiting the applicant known when it was recorded. `undefined` when the state has no
 * clock facts (stored before they existed).
 */
export const factsFromState = (
  state: AppealState.AppealState,
  settings: Deadline.Settings = defaultSettings,
  options?: Options & { readonly now?: string }
): Either.Either<Facts, InvalidInput> | undefined => {
  const clocks = state.clockFacts
  if (clocks === undefined) return undefined
  if (state.kind === undefined) return Either.left(badKind(state.kind))
  const receivedAt = state.receivedAt ?? ""
  if (localTime.parseInstant(receivedAt) === undefined) return Either.left(badReceipt(receivedAt))
  const opts: Options & { readonly now?: string } = { ...options, settings }
  const g: Gathering = {
    facts: {
      kind: state.kind,
      receivedAt,
      extraStudy: false,
      urgent: state.priority === "urgent",
      domesticViolence: state.flags.some((f) => settings.safetyFlags.includes(f))
    },
    extensions: 0,
    notes: []
  }
  const ended = state.pauses ?? []
  for (const c of clocks.termChanges) {
    const then = c.awaitingSince === undefined ? ended.slice(0, c.pausesEnded) : [...ended.slice(0, c.pausesEnded), { from: c.awaitingSince }]
    termChange(g, c.change, c.change === "extension" ? "deadlineExtended" : "extraStudyDeclared", c.at, then, undefined, opts)
  }
  return Either.right(gathered(g, state.awaitingSince === undefined ? ended : [...ended, { from: state.awaitingSince }]))
}

export const fromEvents = (
  events: ReadonlyArray<Deadline.EventInput>,
  options?: Options & { readonly now?: string }
): Either.Either<Deadline.Schedule, InvalidInput> =>
  Either.flatMap(factsFromEvents(events, settingsOf(options), options), (f) => compute(f, options))
