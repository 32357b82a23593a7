/**
 * Runs the Express app on PostgreSQL: `DATABASE_URL` when set (migrated at start), else an embedded
 * server with its data in `.murojaat/postgres`. The directory comes from `DIRECTORY_FILE` (JSON, the
 * format of docs/cli.md) when set, else the shipped sample. `PORT` (default 3000). SIGINT/SIGTERM
 * close the HTTP server, then the database.
 *
 *   npx -y pnpm@12.21.0 --filter @murojaat/example-express start
 */
import { readFileSync } from "node:fs"
import { AppealService, Facade, Sample } from "@murojaat/core"
import { layerEmbedded, layerPg } from "@murojaat/postgres"
import { makeApp } from "./app.js"

const url = process.env["DATABASE_URL"]
const murojaat = Facade.make({
  layer: url !== undefined ? layerPg({ url, migrate: true }) : layerEmbedded({ dataDir: ".murojaat/postgres" }),
  config: { pipeline: AppealService.rulesPipeline() }
})
const file = process.env["DIRECTORY_FILE"]
await murojaat.replaceDirectory(file !== undefined ? JSON.parse(readFileSync(file, "utf8")) : Sample.directory)

const port = Number(process.env["PORT"] ?? 3000)
const server = makeApp(murojaat).listen(port, "127.0.0.1", () => console.log(`murojaat example on http://127.0.0.1:${port}`))
const stop = () => server.close(() => void murojaat.dispose().then(() => process.exit(0)))
process.once("SIGINT", stop)
process.once("SIGTERM", stop)
