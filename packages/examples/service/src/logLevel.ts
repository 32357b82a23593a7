/**
 * The service's log level from `MUROJAAT_LOG_LEVEL`: one of Effect's level names in any case
 * (`ALL`, `TRACE`, `DEBUG`, `INFO`, `WARN`, `ERROR`, `FATAL`, `OFF`), `INFO` when unset or
 * empty. Anything else is refused: an operator who asked for a level must get it or be told, not
 * a silent `INFO`.
 */
import { Either, LogLevel } from "effect"

/** The accepted names, in Effect's order. */
export const names: ReadonlyArray<string> = LogLevel.allLevels.map((l) => l.label)

/**
 * The level the value names, or the one-line message that refuses it.
 *
 * @example
 * import { logLevelFromEnv } from "./logLevel.js"
 * logLevelFromEnv("debug") // Either.right(LogLevel.Debug)
 */
export const logLevelFromEnv = (value: string | undefined): Either.Either<LogLevel.LogLevel, string> => {
  if (value === undefined || value === "") return Either.right(LogLevel.Info)
  const level = LogLevel.allLevels.find((l) => l.label === value.trim().toUpperCase())
  return level !== undefined
    ? Either.right(level)
    : Either.left(`MUROJAAT_LOG_LEVEL must be one of ${names.join(", ")} (any case); got ${JSON.stringify(value.slice(0, 40))}`)
}
