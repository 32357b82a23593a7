/**
 * Murojaat as a Nest module: one facade (the async face of `@murojaat/core`) per application,
 * injectable by the `MUROJAAT` token, built on the ports of the layer you give (PostgreSQL's in
 * `main.ts`) and closed when the application shuts down.
 */
import "reflect-metadata"
import { type AppealService, Facade } from "@murojaat/core"
import { type DynamicModule, Inject, Injectable, Logger, Module, type OnApplicationShutdown } from "@nestjs/common"

/** The injection token of the facade: `constructor(@Inject(MUROJAAT) murojaat: Facade.Murojaat)`. */
export const MUROJAAT = Symbol.for("murojaat.facade")

/** How the module builds its facade. */
export interface MurojaatOptions {
  /** The ports: `layerPg({ url, migrate: true })`, `layerEmbedded({ dataDir })`, or your own. */
  readonly layer: Facade.LayerOptions["layer"]
  /** The service's configuration (e.g. `{ pipeline: AppealService.rulesPipeline() }`). */
  readonly config?: AppealService.ConfigInput | undefined
  /**
   * Replaces the stored directory at start (what `murojaat directory import FILE` does). Leave it
   * out where the directory is maintained apart from the app.
   */
  readonly directory?: Facade.DirectoryInput | undefined
}

// Closes the facade, and with it the database pool (and an embedded server), after Nest has
// closed the HTTP server: on `app.close()`, and on SIGTERM/SIGINT with `enableShutdownHooks()`.
@Injectable()
class MurojaatLifecycle implements OnApplicationShutdown {
  private readonly logger = new Logger("Murojaat")
  constructor(@Inject(MUROJAAT) private readonly murojaat: Facade.Murojaat) {}
  async onApplicationShutdown(signal?: string): Promise<void> {
    await this.murojaat.dispose()
    this.logger.log(`database closed${signal !== undefined ? ` on ${signal}` : ""}`)
  }
}

@Module({})
export class MurojaatModule {
  /**
   * The module with a facade on `options.layer`. The facade is built during bootstrap (the
   * directory loaded, or the store read once), so a database that cannot be reached fails
   * `NestFactory.create` instead of the first request.
   */
  static forRoot(options: MurojaatOptions): DynamicModule {
    return {
      module: MurojaatModule,
      global: true,
      providers: [
        {
          provide: MUROJAAT,
          useFactory: async (): Promise<Facade.Murojaat> => {
            const murojaat = Facade.make({ layer: options.layer, config: options.config })
            try {
              await (options.directory !== undefined ? murojaat.replaceDirectory(options.directory) : murojaat.directory())
            } catch (e) {
              await murojaat.dispose()
              throw e
            }
            return murojaat
          }
        },
        MurojaatLifecycle
      ],
      exports: [MUROJAAT]
    }
  }
}
