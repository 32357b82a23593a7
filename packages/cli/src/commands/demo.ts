/**
 * `murojaat demo [--lang LOCALE] [--export FILE] [--memory | --database URL | --data-dir DIR]`
 *
 * Runs a scripted appeal through its life, with Murojaat's own triage and
 * assignment rules: a citizen complains through Smart Mahalla that a neighbour's loud music keeps
 * her children awake; it is registered, classified and assigned to the mahalla's prevention
 * inspector; information is requested and given;
 * the head extends the deadline once; the inspector answers; the citizen rates; it is closed.
 * Two refusals are shown on the way. Prints the events, the verified chain, the refusals and which
 * personal fields an auditor sees masked, as JSON. Time is simulated from Wed 25 Mar 2026, 10:00
 * Tashkent. `--export FILE` also writes the appeal's full stored events and their head to FILE
 * (export format 2), for `murojaat verify-chain FILE`.
 *
 * What it prints is a log: ids, statuses, event types, rule ids, hashes and error codes, never the
 * applicant's details or any text a person wrote (those stay in the store; events show only the
 * digest of their data).
 *
 * Storage: by default a real PostgreSQL, embedded (started for the run in a temporary folder and
 * removed after; `--data-dir DIR` keeps it in DIR); `--database URL` (or `DATABASE_URL`) uses a
 * server; `--memory` uses the in-memory adapters.
 */
import { randomUUID } from "node:crypto"
import { mkdtemp, rm, writeFile } from "node:fs/promises"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { parseArgs } from "node:util"
import { Actor, AppealService, Audit, Errors, Facade, I18n } from "@murojaat/core"
import * as ChainExport from "../chainExport.js"
import { type Command, define, printJson, UsageError } from "../Command.js"
import { layerFor } from "../database.js"
import { demoDirectory } from "../demo/world.js"

const usage = "murojaat demo [--lang uz-Latn|uz-Cyrl|ru|en] [--export FILE] [--memory | --database URL | --data-dir DIR]"

const hour = 3_600_000

/** Runs the scripted appeal and returns the report the command prints. */
export const runDemo = async (lang: I18n.Locale, layer?: Facade.Options["layer"]) => {
  let now = Date.parse("2026-03-25T05:00:00.000Z")
  const common = { config: { pipeline: AppealService.rulesPipeline() }, now: () => now }
  const murojaat = layer === undefined ? Facade.make({ ...common, directory: demoDirectory }) : Facade.make({ ...common, layer })
  const refusals: Array<{ readonly attempt: string; readonly code: string; readonly message: string; readonly messages: I18n.Text }> = []
  const attempt = async (what: string, f: () => Promise<unknown>) => {
    try {
      await f()
      throw new Error(`demo: "${what}" was expected to be refused`)
    } catch (e) {
      if (!Errors.isMurojaatError(e)) throw e
      refusals.push({ attempt: what, code: e._tag, message: Errors.messageIn(e, lang), messages: Errors.messages(e) })
    }
  }
  try {
    // A database keeps what earlier runs left: load the demo directory into it.
    if (layer !== undefined) await murojaat.replaceDirectory(demoDirectory)
    const citizen = Actor.applicant("smart-mahalla:u-1001")
    const submitted = await murojaat.submit(
      {
        kind: "shikoyat",
        form: "electronic",
        channel: "smartMahallaApp",
        applicant: {
          type: "individual",
          surname: "Qodirova",
          name: "Malika",
          residence: "Bodomzor MFY, 12-uy",
          contact: { phone: "+998901234567" },
          consent: { given: true, form: "electronic" }
        },
        location: { regionCode: "1726", districtCode: "1726262", mahallaCode: "1726262-001" },
        text: { body: "Qoʻshnim har kecha soat 2 gacha baland musiqa qoʻyadi, bolalarim uxlay olmayapti. Bir necha bor aytdim, foydasi yoʻq." }
      },
      citizen,
      { idempotencyKey: `demo-${randomUUID()}` }
    )
    const id = submitted.appealId
    const chief = await murojaat.officerActor("O-301")
    const otherMahalla = await murojaat.officerActor("O-102")
    if (submitted.state.assigneeId === undefined) {
      // Triage was not sure enough (`needsPerson`): the senior inspector reads it and assigns it.
      now += 1 * hour
      await murojaat.execute({ type: "assign", appealId: id, officerId: "O-101" }, await murojaat.officerActor("O-201"))
    }
    const inspector = await murojaat.officerActor((await murojaat.get(id, chief)).state.assigneeId ?? "O-101")
    now += 1 * hour
    await murojaat.execute({ type: "startReview", appealId: id }, inspector)
    now += 2 * hour
    await murojaat.execute({ type: "requestInformation", appealId: id, request: "Qoʻshnining uy raqamini va shovqin boʻlgan kunlarni yozing" }, inspector)
    now += 24 * hour
    await murojaat.execute({ type: "provideInformation", appealId: id, note: "14-uy; 20, 22 va 24-mart kechalari" }, citizen)
    await attempt("an inspector of another mahalla answers", () =>
      murojaat.execute({ type: "answer", appealId: id, outcome: "satisfied", answerText: "—", legalBasis: "ZRU-445" }, otherMahalla)
    )
    now += 24 * hour
    const notice = { channel: "app" as const, reference: "YUN-2026-0412" }
    await murojaat.execute({ type: "extendDeadline", appealId: id, reason: "Qoʻshnilardan tushuntirish xatlari olinmoqda", applicantNotice: notice }, chief)
    await attempt("the head extends the deadline a second time", () =>
      murojaat.execute({ type: "extendDeadline", appealId: id, reason: "Yana kutish kerak", applicantNotice: notice }, chief)
    )
    now += 72 * hour
    await murojaat.execute(
      {
        type: "answer",
        appealId: id,
        outcome: "satisfied",
        answerText: "Qoʻshni bilan profilaktik suhbat oʻtkazildi, tungi sukunat tartibi tushuntirildi, ogohlantirish berildi.",
        legalBasis: "Code of Administrative Liability Art. 185-2 (breach of silence at night); ZRU-445 Art. 28"
      },
      inspector
    )
    now += 5 * hour
    await murojaat.execute({ type: "rate", appealId: id, score: 5, comment: "Rahmat" }, citizen)
    now += 24 * hour
    const closed = await murojaat.execute({ type: "close", appealId: id }, Actor.system("feedback-window"))
    const events = await murojaat.history(id, Actor.auditor("AUD-1"))
    const verification = await murojaat.verify(id, Actor.auditor("AUD-1"))
    const auditorView = await murojaat.get(id, Actor.auditor("AUD-1"))
    return {
      storedEvents: events,
      head: { appealId: id, seq: closed.state.version, hash: closed.state.lastHash },
      appealId: id,
      registrationNumber: closed.state.registrationNumber,
      finalState: closed.state,
      events: events.map((e) => ({
        seq: e.seq,
        type: e.type,
        at: e.at,
        actor: `${e.actor.kind}:${e.actor.id} as ${e.actor.role}`,
        rules: e.rules,
        // The data may hold what people wrote (notes, reasons, answers): only its digest is shown.
        dataDigest: Audit.digest(e.data),
        prevHash: e.prevHash,
        hash: e.hash
      })),
      chain: verification,
      tamperCheck: Audit.verifyChain(events.map((e, i) => (i === 2 ? { ...e, at: "2026-03-25T06:00:00.000Z" } : e))),
      refusals,
      // Which personal fields an auditor is shown (masked), not their values.
      auditorSees: auditorView.personal === undefined ? [] : Object.keys(auditorView.personal).sort()
    }
  } finally {
    await murojaat.dispose()
  }
}

/** The `demo` command. */
export const demo: Command = define({
  name: "demo",
  summary: "Run a scripted appeal through its whole life (embedded PostgreSQL by default) and print its events and verified chain.",
  usage,
  execute: async (argv, io) => {
    const { values } = parseArgs({
      args: [...argv],
      options: {
        lang: { type: "string", default: "en" },
        export: { type: "string" },
        memory: { type: "boolean", default: false },
        database: { type: "string" },
        "data-dir": { type: "string" }
      },
      strict: true
    })
    const lang = values.lang as I18n.Locale
    if (!I18n.locales.includes(lang)) throw new UsageError(`--lang must be one of ${I18n.locales.join(", ")}`)
    if (values.memory && (values.database !== undefined || values["data-dir"] !== undefined)) {
      throw new UsageError("--memory cannot be combined with --database or --data-dir")
    }
    const temporary = values.memory || values.database !== undefined || values["data-dir"] !== undefined || (process.env["DATABASE_URL"] ?? "") !== ""
      ? undefined
      : await mkdtemp(join(tmpdir(), "murojaat-demo-"))
    const storage = values.memory ? undefined : layerFor({ ...values, "data-dir": values["data-dir"] ?? temporary }, { server: true, embedded: true })
    if (storage !== undefined) io.err(`murojaat demo: storage ${storage.where}`)
    let result: Awaited<ReturnType<typeof runDemo>>
    try {
      result = await runDemo(lang, storage?.layer)
    } finally {
      if (temporary !== undefined) await rm(temporary, { recursive: true, force: true })
    }
    const { storedEvents, head, ...report } = result
    if (values.export !== undefined) {
      try {
        await writeFile(values.export, JSON.stringify(ChainExport.make(storedEvents, [head]), null, 2))
      } catch (e) {
        throw new UsageError(`cannot write --export ${values.export}: ${(e as NodeJS.ErrnoException).code ?? String(e)}`)
      }
    }
    printJson(io, report)
    return report.chain.ok && report.chain.projectionMatches ? 0 : 1
  }
})
