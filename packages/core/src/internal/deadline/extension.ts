/**
 * The check the lifecycle runs before it accepts the head's extension: the extended consideration
 * clock, or the rule it breaks. Documented in `Deadline.ts`.
 */
import { Either, Option } from "effect"
import type * as Deadline from "../../Deadline.js"
import { type InvalidInput, RuleViolation } from "../../Errors.js"
import * as localTime from "../localTime.js"
import { compute } from "./compute.js"
import { factsFromEvents } from "./events.js"
import { lateChange } from "./lateChange.js"
import { settingsOf } from "./settings.js"

export const checkExtension = (
  events: ReadonlyArray<Deadline.EventInput>,
  options?: Deadline.Options & { readonly now?: string }
): Either.Either<Deadline.Clock, RuleViolation | InvalidInput> => {
  const settings = settingsOf(options)
  const appealId = events.find((e) => typeof e.appealId === "string")?.appealId ?? ""
  const latest = Math.max(...events.map((e) => localTime.parseInstant(e.at) ?? Number.NEGATIVE_INFINITY))
  const at = options?.now ?? (Number.isFinite(latest) ? localTime.formatInstant(latest) : "")
  return Either.flatMap(factsFromEvents(events, settings, { ...options, now: at }), (f): Either.Either<Deadline.Clock, RuleViolation | InvalidInput> => {
    const late = lateChange(f, "extension", at, options)
    if (Option.isSome(late)) return Either.left(new RuleViolation({ appealId, rule: late.value.rule, source: late.value.source }))
    return Either.map(compute({ ...f, extended: true }, { ...options, now: at }), (s) => s.clocks.find((c) => c.clock === "consideration")!)
  })
}
