/**
 * `murojaat directory import FILE [--database URL | --data-dir DIR]`
 * `murojaat directory show [--database URL | --data-dir DIR]`
 *
 * Loads the directory (regions, districts, mahallas, officers with their roles, mahallas, duty
 * periods, absences and conflicts) from a JSON file into the database, replacing the one stored
 * there, after checking every reference (`Directory.Directory`); a wrong file changes nothing and
 * names each wrong field (exit 2). `show` prints the stored directory. The file's format, with an
 * example, is in docs/cli.md ("The directory file").
 */
import { parseArgs } from "node:util"
import { Errors, Facade } from "@murojaat/core"
import { type Command, define, type Io, printJson, readJson, UsageError } from "../Command.js"
import { databaseOptions, failureLine, layerFor } from "../database.js"

const usage = "murojaat directory import FILE [--database URL | --data-dir DIR]\n       murojaat directory show [--database URL | --data-dir DIR]"

/**
 * Runs facade calls on the chosen database: bad input (`InvalidInput`, `InvalidCalendar`) is a
 * usage error naming each problem; a database failure is one line on stderr and exit 1.
 */
export const withFacade = async (
  io: Io,
  values: { readonly database?: string | undefined; readonly "data-dir"?: string | undefined },
  what: string,
  use: (murojaat: Facade.Murojaat, where: string) => Promise<unknown>
): Promise<number> => {
  const { where, layer, endpoint } = layerFor(values, { server: false, embedded: true })
  const murojaat = Facade.make({ layer })
  try {
    printJson(io, await use(murojaat, where))
    return 0
  } catch (e) {
    if (e instanceof Errors.InvalidInput) throw new UsageError(`${what}: ${e.message}${e.issues.map((i) => `\n  ${i.path || "(root)"}: ${i.detail}`).join("")}`)
    if (e instanceof Errors.InvalidCalendar) throw new UsageError(`${what}: ${e.message}`)
    io.err(failureLine(e, endpoint))
    return 1
  } finally {
    await murojaat.dispose()
  }
}

/** The `directory` command. */
export const directory: Command = define({
  name: "directory",
  summary: "Load the directory (regions, districts, mahallas, officers) from a JSON file into the database, or show the stored one.",
  usage,
  help: `FILE is JSON: { "regions": [...], "districts": [...], "mahallas": [...], "officers": [...] }, names in four
languages, every code and reference checked. Example (one district, one mahalla, its inspector):

{
  "regions": [{ "code": "1726", "name": { "uz-Latn": "Toshkent shahri", "uz-Cyrl": "Тошкент шаҳри", "ru": "город Ташкент", "en": "Tashkent city" } }],
  "districts": [{ "code": "1726262", "regionCode": "1726", "name": { "uz-Latn": "Yunusobod tumani", "uz-Cyrl": "Юнусобод тумани", "ru": "Юнусабадский район", "en": "Yunusobod district" } }],
  "mahallas": [{ "code": "1726262-001", "districtCode": "1726262", "name": { "uz-Latn": "Bodomzor", "uz-Cyrl": "Бодомзор", "ru": "Бадамзар", "en": "Bodomzor" } }],
  "officers": [{ "id": "O-101", "name": "A. Karimov", "roles": ["preventionInspector"], "districtCode": "1726262",
                 "mahallas": ["1726262-001"], "duty": [], "absences": [], "conflicts": [] }]
}

More in docs/cli.md ("The directory file").`,
  execute: async (argv, io) => {
    const { values, positionals } = parseArgs({ args: [...argv], options: databaseOptions, allowPositionals: true, strict: true })
    const [action, file, ...extra] = positionals
    if (extra.length > 0) throw new UsageError(`unexpected argument ${extra[0]}`)
    if (action === "import") {
      if (file === undefined) throw new UsageError("directory import needs a FILE")
      const input = await readJson("file", file)
      return withFacade(io, values, file, async (m, where) => {
        const stored = await m.replaceDirectory(input as Facade.DirectoryInput)
        const count = { regions: stored.regions.length, districts: stored.districts.length, mahallas: stored.mahallas.length, officers: stored.officers.length }
        return { database: where, imported: count }
      })
    }
    if (action === "show") {
      if (file !== undefined) throw new UsageError(`unexpected argument ${file}`)
      return withFacade(io, values, "directory", async (m) => m.directory())
    }
    throw new UsageError(action === undefined ? "say import FILE or show" : `unknown action ${action}: say import FILE or show`)
  }
})
