/**
 * `murojaat analytics <report> [options]`: prevention analytics as CSV or JSON (issue 16).
 *
 * Reports: `hotspots` (counts, rates, trend and the rise test per place and category, a period
 * against the one before it), `ratings` (Cabinet resolution No. 40 indicators and ranks per
 * inspector, mahalla or district), `repeat-rates` (mahallas by repeat rate), `signals` (repeat
 * signals, appeal ids only), `suggestions` (protection orders to consider); and `refresh` (bring the
 * database's facts up to date). Read from PostgreSQL (`--database URL`, `DATABASE_URL`, or the
 * embedded server in `--data-dir`; the facts are refreshed first unless `--no-refresh`) or from a
 * file of facts (`--facts FILE.json`, an array of `AppealFact.Fact`). The CLI reads as the system:
 * everything, and never a linking key (exports carry no personal data). Bad input: a message on
 * stderr, exit 2.
 */
import { parseArgs } from "node:util"
import { Actor, Analytics, AnalyticsExport, AppealFact, Decode, ReportPeriod } from "@murojaat/core"
import { PgAnalytics } from "@murojaat/postgres"
import { Effect, Either, Option, Schema } from "effect"
import { type Command, define, type Io, readJson, UsageError } from "../Command.js"
import { databaseOptions, layerFor, runOn } from "../database.js"

const reports = ["hotspots", "ratings", "repeat-rates", "signals", "suggestions", "refresh"] as const
type Report = (typeof reports)[number]

const usage =
  "murojaat analytics hotspots|ratings|repeat-rates|signals|suggestions|refresh [--period 2026-03] [--previous 2026-02] [--level mahalla|district|region|inspector] " +
  "[--region CODE | --district CODE | --mahalla CODE ...] [--as-of ISO] [--format csv|json] [--facts FILE.json | --database URL | --data-dir DIR] [--no-refresh]"

const periodOf = (flag: string, label: string | undefined): ReportPeriod.Period => {
  if (label === undefined) throw new UsageError(`--${flag} is required (2026, 2026-Q1, 2026-03, 2026-W11 or 2026-03-14)`)
  return Option.getOrThrowWith(ReportPeriod.fromLabel(label), () => new UsageError(`--${flag} ${label} is not a period (2026, 2026-Q1, 2026-03, 2026-W11 or 2026-03-14)`))
}

const areaOf = (values: { region?: string | undefined; district?: string | undefined; mahalla?: ReadonlyArray<string> | undefined }): AppealFact.Area => {
  const given = [values.region, values.district, values.mahalla?.length ? values.mahalla : undefined].filter((v) => v !== undefined)
  if (given.length > 1) throw new UsageError("give one of --region, --district or --mahalla (repeatable)")
  return values.region !== undefined
    ? { regionCode: values.region }
    : values.district !== undefined
      ? { districtCode: values.district }
      : values.mahalla !== undefined && values.mahalla.length > 0
        ? { mahallaCodes: values.mahalla }
        : { all: true }
}

const instantOf = (flag: string, text: string | undefined, fallback: string): string => {
  if (text === undefined) return fallback
  const utc = AppealFact.instant(text)
  if (utc === undefined) throw new UsageError(`--${flag} ${text} is not an instant (ISO 8601, e.g. 2026-04-01T00:00:00+05:00)`)
  return utc
}

const decodeFacts = Decode.either(Schema.Array(AppealFact.Fact), "Facts")

const execute = async (argv: ReadonlyArray<string>, io: Io): Promise<number> => {
  const { values, positionals } = parseArgs({
    args: [...argv],
    options: {
      ...databaseOptions,
      period: { type: "string" },
      previous: { type: "string" },
      level: { type: "string" },
      region: { type: "string" },
      district: { type: "string" },
      mahalla: { type: "string", multiple: true },
      "as-of": { type: "string" },
      format: { type: "string", default: "csv" },
      facts: { type: "string" },
      "no-refresh": { type: "boolean", default: false }
    },
    strict: true,
    allowPositionals: true
  })
  const report = positionals[0] as Report | undefined
  if (report === undefined || !reports.includes(report)) throw new UsageError(`name a report: ${reports.join(", ")}`)
  if (positionals.length > 1) throw new UsageError(`unexpected argument ${positionals[1]}`)
  if (values.format !== "csv" && values.format !== "json") throw new UsageError(`--format must be csv or json (got ${values.format})`)
  if (values.facts !== undefined && (values.database !== undefined || values["data-dir"] !== undefined)) throw new UsageError("--facts and a database cannot be combined")
  const area = areaOf(values)
  // The CLI is an application, not the core: "now" is the machine's clock.
  const now = new Date().toISOString()
  const asOf = instantOf("as-of", values["as-of"], now)
  const actor = Actor.system("murojaat-cli")

  const program: Effect.Effect<AnalyticsExport.Table | Analytics.Refreshed, unknown, Analytics.Analytics> = (() => {
    switch (report) {
      case "refresh":
        return Effect.flatMap(Analytics.Analytics, (a) => a.refresh(asOf))
      case "hotspots": {
        const current = periodOf("period", values.period)
        const previous = values.previous === undefined ? ReportPeriod.previous(current) : periodOf("previous", values.previous)
        const level = values.level ?? "mahalla"
        if (level !== "mahalla" && level !== "district" && level !== "region") throw new UsageError(`--level of hotspots is mahalla, district or region (got ${level})`)
        return Effect.map(Analytics.hotspots({ level, area, current, previous }, actor), AnalyticsExport.hotspots)
      }
      case "ratings": {
        const interval = periodOf("period", values.period)
        const level = values.level ?? "mahalla"
        if (level !== "inspector" && level !== "mahalla" && level !== "district") throw new UsageError(`--level of ratings is inspector, mahalla or district (got ${level})`)
        return Effect.map(Analytics.ratings({ level, area, interval, asOf: values["as-of"] === undefined && interval.to < now ? interval.to : asOf }, actor), AnalyticsExport.ratings)
      }
      case "repeat-rates": {
        const interval = periodOf("period", values.period)
        return Effect.map(Analytics.repeatRates({ area, interval, asOf }, actor), AnalyticsExport.repeatRates)
      }
      case "signals":
        return Effect.map(Analytics.signals({ area, asOf }, actor), AnalyticsExport.signals)
      case "suggestions":
        return Effect.map(Analytics.orderSuggestions({ area, asOf }, actor), AnalyticsExport.orderSuggestions)
    }
  })()

  const print = (result: AnalyticsExport.Table | Analytics.Refreshed) => {
    if (!("columns" in result)) io.out(JSON.stringify(result))
    else io.out(values.format === "csv" ? AnalyticsExport.csv(result) : AnalyticsExport.json(result))
  }

  if (values.facts !== undefined) {
    if (report === "refresh") throw new UsageError("refresh needs a database, not --facts")
    const decoded = decodeFacts(await readJson("facts", values.facts))
    if (Either.isLeft(decoded)) throw new UsageError(`--facts ${values.facts}: ${decoded.left.message}`)
    const exit = Effect.runSyncExit(Effect.provideService(program, Analytics.Analytics, Analytics.fromFacts(decoded.right)))
    if (exit._tag === "Failure") {
      io.err(`murojaat analytics: ${String(exit.cause)}`)
      return 1
    }
    print(exit.value)
    return 0
  }
  const { layer } = layerFor(values, { server: false, embedded: true })
  const refreshFirst = report !== "refresh" && !values["no-refresh"]
  const withAnalytics = Effect.gen(function* () {
    const analytics = yield* PgAnalytics.make()
    if (refreshFirst) yield* analytics.refresh(asOf)
    return yield* Effect.provideService(program, Analytics.Analytics, analytics)
  })
  const result = await runOn(io, Effect.provide(withAnalytics, layer) as Effect.Effect<AnalyticsExport.Table | Analytics.Refreshed, unknown, never>)
  if (result === undefined) return 1
  print(result)
  return 0
}

/** The `analytics` command. */
export const analytics: Command = define({
  name: "analytics",
  summary: "Prevention analytics (hotspots, CM 40 ratings, repeat rates and signals, protection-order suggestions) as CSV or JSON, from PostgreSQL or a file of facts.",
  usage,
  execute
})
