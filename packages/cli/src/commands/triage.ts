/**
 * `murojaat triage [--text "..."] [--rules FILE.json] [--model FILE.json]`
 *   Triages one appeal text (from `--text`, or standard input) and prints the JSON result: category,
 *   priority, flags, confidence, needsPerson, who decided (rules or model), the urgency decision
 *   with its rules and cues, the rules fired with the words they matched, the model's features, and
 *   a four-language explanation. `--rules` merges an operator's categories, rules, cues and
 *   settings (JSON, `Taxonomy.Overrides`); `--model` uses a model trained by `triage train`.
 *
 * `murojaat triage train --data FILE.jsonl [--data ...] --out MODEL.json [--rules FILE.json]`
 *   Trains the statistical layer on an operator's labelled appeals (JSON Lines, one
 *   `{"text", "category", "urgent"}` per line: for example the output of `export-corrections`) and
 *   writes the model; prints a summary. The same training as `pnpm triage:train` (deterministic).
 *
 * `murojaat triage export-corrections (--events FILE --texts FILE.jsonl | --database URL | --data-dir DIR) [--out FILE.jsonl]`
 *   Exports the corrections officers recorded (`triageCorrected` events; the last per appeal) as
 *   training data, JSON Lines. The events carry no text (it is personal data): from an export file
 *   the texts come from `--texts` (JSON Lines of `{"appealId", "text"}`); from the database they are
 *   read from the personal-data record. Appeals whose text was erased are counted, not exported.
 *
 * Bad input: a message on stderr, exit 2.
 */
import { writeFile } from "node:fs/promises"
import { parseArgs } from "node:util"
import { AppealStore, Decode, Errors, Taxonomy, Triage } from "@murojaat/core"
import { Effect, Either, Option } from "effect"
import * as ChainExport from "../chainExport.js"
import { type Command, define, type Io, parseJson, printJson, readJson, readText, UsageError } from "../Command.js"
import { databaseOptions, layerFor, runOn } from "../database.js"

const usage = [
  'murojaat triage [--text "..."] [--rules FILE.json] [--model FILE.json]   (without --text the text is read from stdin)',
  "       murojaat triage train --data FILE.jsonl [--data FILE.jsonl ...] --out MODEL.json [--rules FILE.json]",
  "       murojaat triage export-corrections (--events FILE --texts FILE.jsonl | --database URL | --data-dir DIR) [--out FILE.jsonl]"
].join("\n")

const invalid = (e: Errors.InvalidInput): string => e.message

const taxonomyFrom = async (file: string | undefined): Promise<Taxonomy.Taxonomy> => {
  if (file === undefined) return Taxonomy.defaults
  const t = Taxonomy.make(await readJson("rules", file))
  if (Either.isLeft(t)) throw new UsageError(`--rules ${file}: ${invalid(t.left)}`)
  return t.right
}

const modelFrom = async (file: string | undefined): Promise<Triage.Model | undefined> => {
  if (file === undefined) return undefined
  const m = Triage.decodeModel(await readJson("model", file))
  if (Either.isLeft(m)) throw new UsageError(`--model ${file}: ${invalid(m.left)}`)
  return m.right
}

/** Non-empty lines of a JSON Lines file, parsed, each with its line number. */
const jsonLines = (flag: string, file: string, text: string): ReadonlyArray<{ readonly line: number; readonly value: unknown }> =>
  text
    .split("\n")
    .map((l, i) => ({ l: l.trim(), line: i + 1 }))
    .filter(({ l }) => l !== "")
    .map(({ l, line }) => ({ line, value: parseJson(`--${flag} ${file} line ${line}`, l) }))

const classifyCommand = async (argv: ReadonlyArray<string>, io: Io): Promise<number> => {
  const { values } = parseArgs({
    args: [...argv],
    options: { text: { type: "string" }, rules: { type: "string" }, model: { type: "string" } },
    strict: true,
    allowPositionals: false
  })
  const taxonomy = await taxonomyFrom(values.rules)
  const model = await modelFrom(values.model)
  const engine = Triage.make(taxonomy, model === undefined ? {} : { model })
  const text = values.text ?? (await io.readStdin())
  if (text.trim() === "") throw new UsageError("no text: give --text or pipe the appeal on stdin")
  const r = Triage.decide(text, engine)
  if (Either.isLeft(r)) throw new UsageError(invalid(r.left))
  printJson(io, r.right)
  return 0
}

const trainCommand = async (argv: ReadonlyArray<string>, io: Io): Promise<number> => {
  const { values } = parseArgs({
    args: [...argv],
    options: { data: { type: "string", multiple: true }, out: { type: "string" }, rules: { type: "string" } },
    strict: true,
    allowPositionals: false
  })
  const files = values.data ?? []
  if (files.length === 0) throw new UsageError("give the training data with --data FILE.jsonl")
  if (values.out === undefined || values.out.trim() === "") throw new UsageError("give the model file to write with --out MODEL.json")
  const taxonomy = await taxonomyFrom(values.rules)
  const codes = new Set(taxonomy.categories.map((c) => c.code))
  const examples: Array<Triage.Example> = []
  for (const file of files) {
    for (const { line, value } of jsonLines("data", file, await readText("data", file))) {
      // Only text, category and urgent are read: corpus lines (id, lang, flags) and exported
      // corrections (appealId) train as they are.
      const v = typeof value === "object" && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {}
      const picked = Object.fromEntries(["text", "category", "urgent"].filter((k) => k in v).map((k) => [k, v[k]]))
      const e = Decode.either(Triage.Example, `--data ${file} line ${line}`)(picked)
      if (Either.isLeft(e)) throw new UsageError(invalid(e.left))
      if (!codes.has(e.right.category)) throw new UsageError(`--data ${file} line ${line}: unknown category ${e.right.category}`)
      examples.push(e.right)
    }
  }
  const categories = new Set(examples.map((e) => e.category))
  if (examples.length < 2 || categories.size < 2) throw new UsageError("training needs at least two appeals of at least two categories")
  const model = Triage.train(examples, { taxonomy, sources: files, options: { ...Triage.trainDefaults, minDf: examples.length < 200 ? 1 : Triage.trainDefaults.minDf } })
  try {
    await writeFile(values.out, JSON.stringify(model))
  } catch (e) {
    throw new UsageError(`cannot write --out ${values.out}: ${(e as NodeJS.ErrnoException).code ?? String(e)}`)
  }
  printJson(io, {
    out: values.out,
    examples: model.training.examples,
    urgentExamples: examples.filter((e) => e.urgent === true).length,
    categories: model.categories,
    features: Math.round((model.hashes.replace(/\s+/g, "").length * 3) / 16),
    use: `murojaat triage --model ${values.out} --text "..."`
  })
  return 0
}

const exportFromFile = async (events: string, texts: string | undefined): Promise<Triage.Correction[] & { withoutText?: ReadonlyArray<string> }> => {
  if (texts === undefined) throw new UsageError("the events carry no text (personal data): give the texts with --texts FILE.jsonl of {\"appealId\", \"text\"}")
  const parsed = ChainExport.parse(events, await readText("events", events))
  const byId = new Map<string, string>()
  for (const { line, value } of jsonLines("texts", texts, await readText("texts", texts))) {
    const v = value as { appealId?: unknown; text?: unknown }
    if (typeof v !== "object" || v === null || typeof v.appealId !== "string" || typeof v.text !== "string")
      throw new UsageError(`--texts ${texts} line ${line}: expected {"appealId": "...", "text": "..."}`)
    byId.set(v.appealId, v.text)
  }
  const triageEvents = parsed.events.flatMap((e): Array<Triage.TriageEvent> => {
    const x = e as { appealId?: unknown; seq?: unknown; type?: unknown; data?: unknown }
    return typeof x === "object" && x !== null && typeof x.appealId === "string" && typeof x.seq === "number" && typeof x.type === "string"
      ? [{ appealId: x.appealId, seq: x.seq, type: x.type, data: x.data }]
      : []
  })
  const r = Triage.corrections(triageEvents, (id) => byId.get(id))
  return Object.assign([...r.examples], { withoutText: r.withoutText })
}

/**
 * The corrections stored in an appeal store, as training examples (the texts from the
 * personal-data record: the body, which triage read at intake).
 */
export const correctionsFromStore = Effect.gen(function* () {
  const store = yield* AppealStore.AppealStore
  const events: Array<Triage.TriageEvent> = []
  const texts = new Map<string, string>()
  let after: string | undefined
  for (;;) {
    const ids = yield* store.ids(after, 500)
    if (ids.length === 0) break
    for (const id of ids) {
      const corrected = (yield* store.events(id)).filter((e) => e.type === "triageCorrected")
      if (corrected.length === 0) continue
      for (const e of corrected) events.push({ appealId: e.appealId, seq: e.seq, type: e.type, data: e.data })
      const personal = yield* store.personal(id)
      if (Option.isSome(personal)) texts.set(id, personal.value.text.body)
    }
    after = ids[ids.length - 1]
  }
  return Triage.corrections(events, (id) => texts.get(id))
})

const exportFromDatabase = (values: { readonly database?: string | undefined; readonly "data-dir"?: string | undefined }, io: Io) =>
  runOn(io, Effect.provide(correctionsFromStore, layerFor(values, { server: false, embedded: false }).layer))

const exportCommand = async (argv: ReadonlyArray<string>, io: Io): Promise<number> => {
  const { values } = parseArgs({
    args: [...argv],
    options: { ...databaseOptions, events: { type: "string" }, texts: { type: "string" }, out: { type: "string" } },
    strict: true,
    allowPositionals: false
  })
  const fromDatabase = values.database !== undefined || values["data-dir"] !== undefined
  if (fromDatabase && values.events !== undefined) throw new UsageError("give either --events (an export file) or --database / --data-dir, not both")
  if (!fromDatabase && values.events === undefined) throw new UsageError("give --events FILE --texts FILE.jsonl, or --database URL / --data-dir DIR")
  let examples: ReadonlyArray<Triage.Correction>
  let withoutText: ReadonlyArray<string>
  if (fromDatabase) {
    const r = await exportFromDatabase(values, io)
    if (r === undefined) return 1
    ;({ examples, withoutText } = r)
  } else {
    const r = await exportFromFile(values.events!, values.texts)
    examples = r
    withoutText = r.withoutText ?? []
  }
  const lines = examples.map((e) => JSON.stringify({ appealId: e.appealId, text: e.text, category: e.category, urgent: e.urgent }))
  const body = lines.length === 0 ? "" : `${lines.join("\n")}\n`
  if (values.out !== undefined) {
    try {
      await writeFile(values.out, body)
    } catch (e) {
      throw new UsageError(`cannot write --out ${values.out}: ${(e as NodeJS.ErrnoException).code ?? String(e)}`)
    }
    printJson(io, { out: values.out, exported: examples.length, withoutText: withoutText.length })
  } else {
    if (body !== "") io.out(body.trimEnd())
    io.err(`murojaat triage export-corrections: ${examples.length} exported, ${withoutText.length} without text (erased)`)
  }
  return 0
}

/** The `triage` command. */
export const triage: Command = define({
  name: "triage",
  summary: "Triage an appeal text (category, urgency, priority, flags, rules and features that decided; JSON); train the model on corrected appeals; export corrections as training data.",
  usage,
  execute: (argv, io) =>
    argv[0] === "train" ? trainCommand(argv.slice(1), io) : argv[0] === "export-corrections" ? exportCommand(argv.slice(1), io) : classifyCommand(argv, io)
})
