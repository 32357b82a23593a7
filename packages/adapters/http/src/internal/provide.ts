/**
 * One service provided to an effect in one bracket: the same as `Effect.provideService`, which
 * goes through `Effect.locally` (acquire, use, release as three steps of their own); this sets the
 * fiber's context and puts it back, whatever the exit, with no steps between.
 *
 * @internal
 */
import { Context, Effect, FiberRef } from "effect"

export const provideServiceOnce = <I, S, A, E, R>(self: Effect.Effect<A, E, R>, tag: Context.Tag<I, S>, service: S): Effect.Effect<A, E, Exclude<R, I>> =>
  Effect.uninterruptibleMask((restore) =>
    Effect.withFiberRuntime<A, E, Exclude<R, I>>((fiber) => {
      const prior = fiber.getFiberRef(FiberRef.currentContext)
      return Effect.zipRight(
        FiberRef.set(FiberRef.currentContext, Context.add(prior, tag, service)),
        Effect.flatMap(Effect.exit(restore(self as Effect.Effect<A, E, never>)), (exit) => Effect.zipRight(FiberRef.set(FiberRef.currentContext, prior), exit))
      )
    })
  )
