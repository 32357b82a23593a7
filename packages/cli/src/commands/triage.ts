/**
 * `murojaat triage [--text "..."] [--rules FILE.json]`
 *
 * Triages one appeal text (from `--text`, or standard input when `--text` is absent) and prints the
 * JSON result: category, priority, flags, confidence, needsPerson, the rule ids that fired with the
 * words they matched, the category scores and a four-language explanation. `--rules` merges an
 * operator's categories, rules and settings (JSON, `Taxonomy.Overrides`) over the defaults.
 * Bad input: a message on stderr, exit 2.
 */
import { parseArgs } from "node:util"
import { Errors, Triage } from "@murojaat/core"
import { Either } from "effect"
import { type Command, define, type Io, printJson, readJson, UsageError } from "../Command.js"

const usage = 'murojaat triage [--text "..."] [--rules FILE.json]   (without --text the text is read from stdin)'

const invalid = (e: Errors.InvalidInput): string => e.message

const engineFrom = async (file: string | undefined): Promise<Triage.Engine> => {
  if (file === undefined) return Triage.defaultEngine
  const engine = Triage.fromOverrides(await readJson("rules", file))
  if (Either.isLeft(engine)) throw new UsageError(`--rules ${file}: ${invalid(engine.left)}`)
  return engine.right
}

const execute = async (argv: ReadonlyArray<string>, io: Io): Promise<number> => {
  const { values } = parseArgs({
    args: [...argv],
    options: { text: { type: "string" }, rules: { type: "string" } },
    strict: true,
    allowPositionals: false
  })
  const engine = await engineFrom(values.rules)
  const text = values.text ?? (await io.readStdin())
  if (text.trim() === "") throw new UsageError("no text: give --text or pipe the appeal on stdin")
  const r = Triage.decide(text, engine)
  if (Either.isLeft(r)) throw new UsageError(invalid(r.left))
  printJson(io, r.right)
  return 0
}

/** The `triage` command. */
export const triage: Command = define({
  name: "triage",
  summary: "Triage an appeal text: category, priority, flags, confidence, rules fired with the words they matched (JSON).",
  usage,
  execute
})
