/**
 * The facts the clocks depend on, read from an appeal's events in time order; changes that came too
 * late are noted, not counted. Documented in `Deadline.ts`.
 */
import { Either, Option } from "effect"
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

export const factsFromEvents = (
  events: ReadonlyArray<Deadline.EventInput>,
  settings: Deadline.Settings = defaultSettings,
  options?: Options & { readonly now?: string }
): Either.Either<Facts, InvalidInput> => {
  const T = settings.events
  const received = events.find((e) => T.received.includes(e.type))
  if (received === undefined) return Either.left(invalid("AppealEvents", "", "no received event", `an event of type ${T.received.join(" | ")}`))
  const kind = field(received.data, "kind")
  if (kind !== "ariza" && kind !== "taklif" && kind !== "shikoyat")
    return Either.left(invalid("AppealEvents", "received.data.kind", `got ${JSON.stringify(kind)}`, '"ariza" | "taklif" | "shikoyat"'))
  const receivedAtRaw = field(received.data, "receivedAt")
  const receivedAt = typeof receivedAtRaw === "string" ? receivedAtRaw : received.at
  if (localTime.parseInstant(receivedAt) === undefined)
    return Either.left(invalid("AppealEvents", "received.data.receivedAt", `"${receivedAt}" is not a date and time`, "ISO 8601 instant"))
  const opts: Options & { readonly now?: string } = { ...options, settings }
  let facts: Facts = { kind, receivedAt, extraStudy: false, urgent: false, domesticViolence: false }
  let extensions = 0
  const pauses: Array<Deadline.Pause> = []
  const notes: Array<string> = []
  let open: string | undefined
  const ordered = events
    .map((e, i) => ({ e, i, ms: localTime.parseInstant(e.at) ?? Number.POSITIVE_INFINITY }))
    .sort((a, b) => a.ms - b.ms || a.i - b.i)
    .map((x) => x.e)
  const withPauses = (): Facts => ({ ...facts, ...(pauses.length > 0 || open !== undefined ? { pauses: [...pauses, ...(open === undefined ? [] : [{ from: open }])] } : {}) })
  for (const e of ordered) {
    if (T.triaged.includes(e.type)) {
      const flags = field(e.data, "flags")
      facts = {
        ...facts,
        urgent: field(e.data, "priority") === "urgent",
        domesticViolence: Array.isArray(flags) && flags.some((f) => settings.safetyFlags.includes(String(f)))
      }
    }
    if (T.extraStudyDeclared.includes(e.type)) {
      const late = lateChange(withPauses(), "extraStudy", e.at, opts)
      if (Option.isNone(late)) facts = { ...facts, extraStudy: true }
      else if (late.value.rule !== "extraStudy.once") notes.push(noteOf(e.type, e.at, late.value))
    }
    if (T.deadlineExtended.includes(e.type)) {
      const late = lateChange(withPauses(), "extension", e.at, opts)
      if (Option.isNone(late)) {
        extensions++
        const u = field(e.data, "until")
        facts = { ...facts, extended: typeof u === "string" ? { until: u } : true }
      } else if (late.value.rule === "extension.once") extensions++
      else notes.push(noteOf(e.type, e.at, late.value))
    }
    if (T.informationRequested.includes(e.type) && open === undefined) open = e.at
    else if (T.informationProvided.includes(e.type) && open !== undefined) {
      pauses.push({ from: open, to: e.at })
      open = undefined
    }
  }
  const all = withPauses()
  return Either.right({
    ...all,
    ...(extensions > 1 ? { extraExtensions: extensions - 1 } : {}),
    ...(notes.length > 0 ? { notes } : {})
  })
}

export const fromEvents = (
  events: ReadonlyArray<Deadline.EventInput>,
  options?: Options & { readonly now?: string }
): Either.Either<Deadline.Schedule, InvalidInput> =>
  Either.flatMap(factsFromEvents(events, settingsOf(options), options), (f) => compute(f, options))
