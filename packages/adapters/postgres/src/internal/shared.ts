// Two ways a hot read is shared by the callers of one instance, so a submission does not pay a
// round trip for each: values taken from a block fetched once (appeal ids), and one read in flight
// that every caller arriving meanwhile waits for (the freshness stamps).
import { Deferred, Effect, Exit, FiberId } from "effect"

/**
 * Values handed out one at a time from blocks that `fetch(size)` returns (each value once). The
 * first block has one value and each next one twice as many, up to `max`: a process that needs a
 * few values (a CLI command) wastes few, a busy service makes one round trip per `max`. While a
 * block is being fetched, other callers wait for it instead of fetching their own; a caller that
 * finds the block used up by those before it fetches the next. A failed fetch fails its caller
 * only (the next caller fetches again); the values of a block not handed out are lost.
 */
export const blocks = <E>(max: number, fetch: (size: number) => Effect.Effect<ReadonlyArray<string>, E>): Effect.Effect<string, E> => {
  const lock = Effect.unsafeMakeSemaphore(1)
  let block: ReadonlyArray<string> = []
  let next = 0
  let size = 1
  const fromBlock = (): string | undefined => (next < block.length ? block[next++] : undefined)
  return Effect.suspend(() => {
    const taken = fromBlock()
    return taken !== undefined
      ? Effect.succeed(taken)
      : lock.withPermits(1)(
        Effect.suspend(() => {
          const waited = fromBlock()
          if (waited !== undefined) return Effect.succeed(waited)
          const wanted = size
          return Effect.flatMap(fetch(wanted), (values) => {
            if (values.length === 0) return Effect.dieMessage("an empty block of values")
            block = values
            next = 1
            size = Math.min(max, wanted * 2)
            return Effect.succeed(values[0]!)
          })
        })
      )
  })
}

/**
 * One read shared by its concurrent callers (single flight): a caller that arrives while a read
 * is in flight gets that read's result; one that arrives when none is starts the next. So no
 * caller gets a result older than a read that was in flight when it arrived. The read runs
 * detached from its callers: interrupting one of them does not interrupt the read the others
 * wait for.
 */
export const singleFlight = <A, E>(read: Effect.Effect<A, E>): Effect.Effect<A, E> => {
  let inFlight: Deferred.Deferred<A, E> | undefined
  return Effect.suspend(() => {
    if (inFlight !== undefined) return Deferred.await(inFlight)
    const done = Deferred.unsafeMake<A, E>(FiberId.none)
    inFlight = done
    const settle = (exit: Exit.Exit<A, E>) =>
      Effect.suspend(() => {
        // Cleared before the waiters resume: whoever asks after this read completed starts a new one.
        if (inFlight === done) inFlight = undefined
        return Deferred.done(done, exit)
      })
    return Effect.zipRight(Effect.forkDaemon(Effect.flatMap(Effect.exit(read), settle)), Deferred.await(done))
  })
}
