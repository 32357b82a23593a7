/**
 * The reservation port: what a submission takes from the stores before it decides, in one call.
 * The idempotent answer when the key was used before; otherwise the district's next registration
 * number and the district's workloads. An adapter can answer all three with one round trip to its
 * database (the PostgreSQL adapter does, in one statement); `fromPorts` answers them with the
 * other ports' operations, one after another, for an adapter that does not provide this port.
 *
 * The rule every implementation keeps: when a record is stored under the key, **nothing is
 * taken**: no registration number is used up by a retry, and no workload is read.
 *
 * @example
 * import { AppealService, Reservation } from "@murojaat/core"
 * import { Effect, Layer } from "effect"
 * const reserve = Effect.flatMap(Reservation.Reservation, (r) =>
 *   r.reserve({ registration: { districtCode: "1726262", at: "2026-03-02T05:00:00.000Z" } }))
 * const ports = Layer.provideMerge(Reservation.layerFromPorts, AppealService.layerMemory())
 * Effect.runSync(Effect.provide(reserve, ports)).registrationNumber // "1726262-2026-000001"
 */
import { Context, Effect, Layer, Option } from "effect"
import type * as AppealState from "./AppealState.js"
import { AppealStore, type Workload } from "./AppealStore.js"
import type * as Errors from "./Errors.js"
import { IdempotencyStore, type Record } from "./IdempotencyStore.js"
import { IdGenerator } from "./IdGenerator.js"

/**
 * What a submission asks for. Each part is optional; an empty request takes nothing.
 *
 * @example
 * import type { Reservation } from "@murojaat/core"
 * const request: Reservation.Request = {
 *   idempotencyKey: "portal-7f3a",
 *   registration: { districtCode: "1726262", at: "2026-03-02T05:00:00.000Z" },
 *   workload: { districtCode: "1726262", status: ["assigned", "inReview", "awaitingApplicant"] }
 * }
 *
 * @since 0.2.0
 * @category models
 */
export interface Request {
  /** The submission's idempotency key: when a record is stored under it, nothing else is taken. */
  readonly idempotencyKey?: string | undefined
  /** Take the district's next registration number, for the Tashkent year of `at` (as `IdGenerator.registrationNumber`). */
  readonly registration?: { readonly districtCode: string; readonly at: string } | undefined
  /** Read the district's workloads in these statuses (as `AppealStore.workload`). */
  readonly workload?: { readonly districtCode: string; readonly status: ReadonlyArray<AppealState.Status> } | undefined
}

/**
 * What was taken. `prior` is the record stored under the key, if any: then `registrationNumber`
 * and `workload` are undefined (nothing was taken). Otherwise each is set when it was asked for.
 *
 * @example
 * import { Option } from "effect"
 * import type { Reservation } from "@murojaat/core"
 * const reserved: Reservation.Reserved = { prior: Option.none(), registrationNumber: "1726262-2026-000001", workload: [] }
 *
 * @since 0.2.0
 * @category models
 */
export interface Reserved {
  readonly prior: Option.Option<Record>
  readonly registrationNumber: string | undefined
  readonly workload: ReadonlyArray<Workload> | undefined
}

/**
 * The reservation's operation.
 *
 * @example
 * import { Reservation } from "@murojaat/core"
 * import { Effect } from "effect"
 * const program = Effect.flatMap(Reservation.Reservation, (r: Reservation.Service) => r.reserve({}))
 *
 * @since 0.2.0
 * @category ports
 */
export interface Service {
  readonly reserve: (request: Request) => Effect.Effect<Reserved, Errors.StoreError>
}

/**
 * The reservation service. Optional: `AppealService` uses `fromPorts` over its other ports when
 * no layer provides it.
 *
 * @example
 * import { Reservation } from "@murojaat/core"
 * Reservation.Reservation.key // "@murojaat/core/Reservation"
 *
 * @since 0.2.0
 * @category ports
 */
export class Reservation extends Context.Tag("@murojaat/core/Reservation")<Reservation, Service>() {}

/**
 * The reservation made of the given ports' operations: the idempotency look-up, then (when no
 * record was found) the registration number and the workloads.
 *
 * @example
 * import { AppealStore, IdempotencyStore, IdGenerator, Reservation } from "@murojaat/core"
 * import { Effect, Option } from "effect"
 * const ids: IdGenerator.Service = { appealId: Effect.succeed("A-1"), registrationNumber: (d) => Effect.succeed(`${d}-2026-000001`) }
 * const idem: IdempotencyStore.Service = { lookup: () => Effect.succeed(Option.none()) }
 * const store = { workload: () => Effect.succeed([]) } as unknown as AppealStore.Service
 * const r = Effect.runSync(Reservation.make(idem, ids, store).reserve({ registration: { districtCode: "D1", at: "2026-03-02T05:00:00Z" } }))
 * r.registrationNumber // "D1-2026-000001"
 *
 * @since 0.2.0
 * @category constructors
 */
export const make = (idempotency: IdempotencyStore["Type"], ids: IdGenerator["Type"], store: AppealStore["Type"]): Service => ({
  reserve: (request) => {
    const prior = request.idempotencyKey === undefined ? Effect.succeed(Option.none<Record>()) : idempotency.lookup(request.idempotencyKey)
    return Effect.flatMap(prior, (found) => {
      if (Option.isSome(found)) return Effect.succeed<Reserved>({ prior: found, registrationNumber: undefined, workload: undefined })
      const { registration, workload } = request
      const number = registration === undefined ? Effect.succeed(undefined) : ids.registrationNumber(registration.districtCode, registration.at)
      return Effect.flatMap(number, (registrationNumber) =>
        Effect.map(
          workload === undefined ? Effect.succeed(undefined) : store.workload(workload.districtCode, workload.status),
          (loads): Reserved => ({ prior: found, registrationNumber, workload: loads })
        )
      )
    })
  }
})

/**
 * `make` over the ports in context.
 *
 * @example
 * import { AppealService, Reservation } from "@murojaat/core"
 * import { Effect } from "effect"
 * const program = Effect.flatMap(Reservation.fromPorts, (r) => r.reserve({}))
 * Effect.runSync(Effect.provide(program, AppealService.layerMemory())).registrationNumber // undefined
 *
 * @since 0.2.0
 * @category constructors
 */
export const fromPorts: Effect.Effect<Service, never, IdempotencyStore | IdGenerator | AppealStore> = Effect.map(
  Effect.all([IdempotencyStore, IdGenerator, AppealStore]),
  ([idempotency, ids, store]) => make(idempotency, ids, store)
)

/**
 * `fromPorts` as a layer.
 *
 * @example
 * import { AppealService, Reservation } from "@murojaat/core"
 * import { Layer } from "effect"
 * Layer.isLayer(Layer.provideMerge(Reservation.layerFromPorts, AppealService.layerMemory())) // true
 *
 * @since 0.2.0
 * @category layers
 */
export const layerFromPorts: Layer.Layer<Reservation, never, IdempotencyStore | IdGenerator | AppealStore> = Layer.effect(Reservation, fromPorts)
