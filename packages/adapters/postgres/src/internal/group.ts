// Group commit. Items (commits) that arrive while `concurrency` groups are already on their way to
// the server wait in a queue; when a group comes back, the waiting items go together as the next
// one, in one statement. Nothing waits for company: with fewer than `concurrency` groups out, an
// item is sent at once (alone, under light load), so grouping adds no delay, only takes what
// queued up anyway. The server then does per group what it did per item (the statement's
// protocol round, planning and executor start, the transaction, its WAL flush, the statement
// triggers), and the client sends one message instead of several.
//
// This module only forms the groups and hands every item its own outcome; what a group means
// (one statement, and what to do when it is refused) is the sender's. The rules it keeps:
// - a group holds items of one `shape` only (one statement text serves it), at most `size`;
// - no two items of a group share a `claim` (an appeal id, an idempotency key), so they are
//   independent of each other; an item whose claim is taken waits for a later group, and no later
//   item sharing a claim with it overtakes it;
// - every item gets exactly one outcome, the one `send` gave it;
// - an item interrupted while it waits is never sent; nor is one interrupted while its group waits
//   for a connection (the sender builds the statement once it has one, of the items still
//   wanted, and a group nobody wants is interrupted). One interrupted after its statement was sent
//   stops waiting, and the statement ends on its own (as one sent alone does).
import { Effect, Exit, Fiber } from "effect"

/** An item of a group as `send` gets it. */
export interface Sent<A> {
  readonly item: A
  /** False once the item's caller was interrupted: a statement built after that leaves it out. */
  readonly wanted: () => boolean
}

/** How a queue groups its items. */
export interface Options<A, E, B = void> {
  /** Groups on their way at once (at least 1). */
  readonly concurrency: number
  /** Items in a group, at most (at least 1). */
  readonly size: number
  /** Items with the same shape may go in one group. */
  readonly shape: (item: A) => string
  /** No two items of a group share one of these. */
  readonly claims: (item: A) => ReadonlyArray<string>
  /**
   * Sends a group; answers each item's outcome, in the group's order. It is interrupted when
   * every item's caller was (an item not wanted any more gets no outcome anyone reads).
   */
  readonly send: (group: ReadonlyArray<Sent<A>>) => Effect.Effect<ReadonlyArray<Exit.Exit<B, E>>>
}

interface Waiting<A, E, B> {
  readonly item: A
  readonly resume: (outcome: Effect.Effect<B, E>) => void
  cancelled: boolean
  // The group it went in, once sent.
  group?: { live: number; readonly fiber: Fiber.RuntimeFiber<ReadonlyArray<Exit.Exit<B, E>>> } | undefined
}

/**
 * A function that sends an item in the next group it fits and completes with the item's outcome
 * (what `send` answered for it: a value, or a failure).
 */
export const make = <A, E, B = void>(options: Options<A, E, B>): ((item: A) => Effect.Effect<B, E>) => {
  const concurrency = Math.max(1, Math.floor(options.concurrency))
  const size = Math.max(1, Math.floor(options.size))
  let queue: Array<Waiting<A, E, B>> = []
  let out = 0

  // The next group: the oldest waiting item's shape, then every later one of that shape that
  // shares no claim with an earlier item, in arrival order, up to `size`. The rest keep their places.
  const take = (): Array<Waiting<A, E, B>> => {
    queue = queue.filter((w) => !w.cancelled)
    const first = queue[0]
    if (first === undefined) return []
    const shape = options.shape(first.item)
    // Claims of the group, and of items left waiting: a later item sharing one with an earlier
    // item left waiting must not overtake it (two commits under one idempotency key: the first to
    // arrive is the one that gets it).
    const claimed = new Set<string>()
    const group: Array<Waiting<A, E, B>> = []
    const rest: Array<Waiting<A, E, B>> = []
    for (const w of queue) {
      const claims = options.claims(w.item)
      if (group.length >= size || options.shape(w.item) !== shape || claims.some((c) => claimed.has(c))) {
        rest.push(w)
      } else {
        group.push(w)
      }
      for (const c of claims) claimed.add(c)
    }
    queue = rest
    return group
  }

  const pump = (): void => {
    while (out < concurrency) {
      const group = take()
      if (group.length === 0) return
      out++
      const fiber = Effect.runFork(options.send(group.map((w) => ({ item: w.item, wanted: () => !w.cancelled }))))
      const sent = { live: group.length, fiber }
      for (const w of group) w.group = sent
      fiber.addObserver((exit) => {
        out--
        // A sender that died, or answered for another number of items (then which answer is
        // whose is unknown), is a defect every item of the group reports.
        const outcomes = Exit.isSuccess(exit) && exit.value.length === group.length ? exit.value : undefined
        const failure: Exit.Exit<B, E> = Exit.isFailure(exit) ? Exit.failCause(exit.cause) : Exit.die(new Error(`group commit: ${group.length} items, ${Exit.isSuccess(exit) ? exit.value.length : 0} outcomes`))
        group.forEach((w, k) => w.resume(outcomes === undefined ? failure : outcomes[k]!))
        pump()
      })
    }
  }

  return (item) =>
    Effect.async<B, E>((resume) => {
      const waiting: Waiting<A, E, B> = { item, resume, cancelled: false }
      queue.push(waiting)
      pump()
      return Effect.sync(() => {
        waiting.cancelled = true
        // A group nobody waits for any more is interrupted: one still waiting for a connection is
        // then never sent.
        if (waiting.group !== undefined && --waiting.group.live === 0) Effect.runFork(Fiber.interrupt(waiting.group.fiber))
      })
    })
}
