/**
 * The application: Murojaat's module, the appeals controller and the problem filter, in one Nest
 * app that closes its database on shutdown. `main.ts` runs it; the tests boot the same one.
 */
import "reflect-metadata"
import { type DynamicModule, type LoggerService, type LogLevel, Module } from "@nestjs/common"
import { APP_FILTER, NestFactory } from "@nestjs/core"
import type { NestExpressApplication } from "@nestjs/platform-express"
import { AppealsController } from "./appeals.controller.js"
import { MurojaatModule, type MurojaatOptions } from "./murojaat.module.js"
import { bodyLimitBytes, ProblemFilter } from "./problem.filter.js"

@Module({})
export class AppModule {
  static forRoot(options: MurojaatOptions): DynamicModule {
    return {
      module: AppModule,
      imports: [MurojaatModule.forRoot(options)],
      controllers: [AppealsController],
      providers: [{ provide: APP_FILTER, useClass: ProblemFilter }]
    }
  }
}

/**
 * The Nest app on the facade of `options`, ready to `listen`: JSON bodies up to `bodyLimitBytes`,
 * and shutdown hooks on, so SIGTERM and SIGINT close the HTTP server and then the database.
 */
export const createApp = async (
  options: MurojaatOptions,
  logger: LoggerService | ReadonlyArray<LogLevel> | false = ["log", "warn", "error"]
): Promise<NestExpressApplication> => {
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(options), {
    logger: logger === false ? false : Array.isArray(logger) ? [...logger] : (logger as LoggerService),
    bodyParser: false,
    abortOnError: false
  })
  app.useBodyParser("json", { limit: bodyLimitBytes })
  // No framework banner for scanners.
  app.disable("x-powered-by")
  app.enableShutdownHooks()
  return app
}
