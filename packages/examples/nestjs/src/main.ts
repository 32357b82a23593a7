/**
 * Runs the NestJS example on PostgreSQL: `DATABASE_URL` when set (migrated at start), else an
 * embedded server with its data in `MUROJAAT_DATA_DIR` (default `.murojaat/postgres`). The
 * directory comes from `DIRECTORY_FILE` (JSON, the format of docs/cli.md) when set, else the
 * shipped sample. `PORT` (default 3000; 0 picks a free one). SIGINT/SIGTERM close the HTTP server,
 * then the database.
 *
 *   npx -y pnpm@12.21.0 --filter @murojaat/example-nestjs start
 */
import { readFileSync } from "node:fs"
import { AppealService, Sample } from "@murojaat/core"
import { layerEmbedded, layerPg } from "@murojaat/postgres"
import { Logger } from "@nestjs/common"
import { createApp } from "./app.js"

const url = process.env["DATABASE_URL"]
const file = process.env["DIRECTORY_FILE"]
const app = await createApp({
  layer: url !== undefined && url !== "" ? layerPg({ url, migrate: true }) : layerEmbedded({ dataDir: process.env["MUROJAAT_DATA_DIR"] ?? ".murojaat/postgres" }),
  config: { pipeline: AppealService.rulesPipeline() },
  directory: file !== undefined ? JSON.parse(readFileSync(file, "utf8")) : Sample.directory
})
await app.listen(Number(process.env["PORT"] ?? 3000), "127.0.0.1")
new Logger("Main").log(`murojaat NestJS example on ${await app.getUrl()}`)
