/**
 * Fiber-local state set by the fiber itself, in as few steps as Effect allows: what the edge and
 * `readJson` do on every request.
 *
 * @internal
 */
import { Context, Effect, type Fiber, FiberRef, FiberRefs } from "effect"

// The fiber's own setter of its whole map of refs (what `FiberRef.set` calls, through
// `setFiberRef`, with one ref): not in the `RuntimeFiber` type, there on every fiber Effect runs.
interface Settable {
  setFiberRefs(refs: FiberRefs.FiberRefs): void
}

/**
 * Sets several refs of the running fiber at once: the same values and stacks as a `FiberRef.set`
 * of each, with the fiber's map of refs copied once rather than once per ref. Call it only from the
 * fiber itself (inside `Effect.withFiberRuntime`, or a continuation of it on the same fiber).
 *
 * @internal
 */
export const unsafeSetFiberRefs = (
  fiber: Fiber.RuntimeFiber<unknown, unknown>,
  entries: readonly [Entry, ...Array<Entry>]
): void => {
  const id = fiber.id()
  const stacks = entries.map(([ref, value]) => [ref, [[id, value]]] as const) as unknown as Parameters<typeof FiberRefs.updateManyAs>[1]["entries"]
  ;(fiber as unknown as Settable).setFiberRefs(FiberRefs.updateManyAs(fiber.getFiberRefs(), { entries: stacks }))
}

type Entry = readonly [FiberRef.FiberRef<any>, unknown]

/**
 * One service provided to an effect in one bracket: the same as `Effect.provideService`, which
 * goes through `Effect.locally` (acquire, use, release as three steps of their own); this sets the
 * fiber's context and puts it back, whatever the exit, with no steps between.
 *
 * @internal
 */
export const provideServiceOnce = <I, S, A, E, R>(self: Effect.Effect<A, E, R>, tag: Context.Tag<I, S>, service: S): Effect.Effect<A, E, Exclude<R, I>> =>
  Effect.uninterruptibleMask((restore) =>
    Effect.withFiberRuntime<A, E, Exclude<R, I>>((fiber) => {
      const prior = fiber.getFiberRef(FiberRef.currentContext)
      unsafeSetFiberRefs(fiber, [[FiberRef.currentContext, Context.add(prior, tag, service)]])
      return Effect.flatMap(Effect.exit(restore(self as Effect.Effect<A, E, never>)), (exit) => {
        unsafeSetFiberRefs(fiber, [[FiberRef.currentContext, prior]])
        return exit
      })
    })
  )
