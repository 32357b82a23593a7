// Whether the calendar's and the directory's freshness stamps may have changed, known without a
// statement: a listener per pool, on its own connection, LISTENs on the channel migration 0011's
// triggers notify at each commit that changes either table. While it is up, a stamp read is kept
// until the next notification; whenever it is not known to work (not yet connected, connection
// lost, reconnecting, or switched off), every caller reads the stamps as before.
//
// Not @effect/sql-pg's `listen`: it swallows its connection's errors, so a dropped connection
// would keep a stale read forever. Here a lost connection is "down" at once.
import { randomBytes } from "node:crypto"
import { EventEmitter } from "node:events"
import type { SqlClient } from "@effect/sql"
import { Effect, Runtime, type Scope } from "effect"
import pg from "pg"
import { singleFlight } from "./shared.js"

/** The channel of migration 0011's triggers (payload: the table's name). */
export const channel = "murojaat_freshness"

const probePrefix = "probe:"

/**
 * One pool's listener. `epoch` changes on every notification, connect and loss of the
 * connection, so a read kept at one epoch is good exactly while the epoch is unchanged and the
 * listener up (a notification or a gap in listening since means it may be stale).
 */
export interface Listener {
  /** True while LISTEN is in force on a live connection. */
  readonly up: () => boolean
  readonly epoch: () => number
  /** The listening backend's process id while up (tests terminate it). */
  readonly pid: () => number | undefined
  /**
   * "up", "down", "notification" (with the table's name) and "retry" (with the delay before the
   * next attempt, in ms), emitted after the state changed.
   */
  readonly events: EventEmitter
  /**
   * A change committed through this pool: kept reads are dropped now, not when its notification
   * comes back (which may be after this instance's next request), so an instance reads its own
   * writes at once.
   */
  readonly touch: () => void
}

/** Reconnect and liveness timings, in milliseconds. */
export interface Timings {
  /** First reconnect delay, doubled after each failed attempt up to `maxDelay`. Default 1,000. */
  readonly minDelay?: number | undefined
  /** Default 30,000. */
  readonly maxDelay?: number | undefined
  /**
   * How often the listener checks that its own notification comes back; one not back within this
   * time counts as a lost connection. A closed socket is seen at once; this bounds how long a
   * silently dead connection (a network partition) keeps reads that may be stale. Default 5,000.
   */
  readonly heartbeat?: number | undefined
}

// SQLSTATE or Node error code only: a driver message may carry the URL or other details.
const codeOf = (e: unknown): string => {
  const code = (e as { code?: unknown } | null | undefined)?.code
  return typeof code === "string" ? code : e === undefined ? "closed" : "error"
}

/**
 * Starts a listener on its own connection made from `config` (never a pool's connection: LISTEN
 * belongs to a session). It connects in the background, down until LISTEN is in force and its
 * own probe notification came back; a lost connection (or an unanswered probe) makes it down at
 * once and it reconnects with a capped backoff. Closed, with its
 * connection, when the scope closes. Never fails: trouble is logged (codes only) and means down.
 */
export const listen = (config: pg.ClientConfig, timings: Timings = {}): Effect.Effect<Listener, never, Scope.Scope> =>
  Effect.flatMap(Effect.runtime<never>(), (runtime) => {
    const minDelay = timings.minDelay ?? 1_000
    const maxDelay = timings.maxDelay ?? 30_000
    const heartbeat = timings.heartbeat ?? 5_000
    const warn = (message: string) => Runtime.runFork(runtime)(Effect.logWarning(message))
    const events = new EventEmitter()
    let closed = false
    let current: pg.Client | undefined
    let isUp = false
    let epoch = 0
    let delay = minDelay
    let retry: ReturnType<typeof setTimeout> | undefined
    let beat: ReturnType<typeof setInterval> | undefined
    const self = randomBytes(6).toString("hex")
    let probes = 0
    const waiting = new Map<string, () => void>()

    const end = (client: pg.Client): Promise<void> => client.end().catch(() => undefined)
    const retryLater = (what: string, cause: unknown) => {
      const wait = delay
      delay = Math.min(maxDelay, delay * 2)
      warn(`postgres freshness listener: ${what} (${codeOf(cause)}); calendar and directory stamps are read on every request until it reconnects (next attempt in ${wait} ms)`)
      retry = setTimeout(connect, wait)
      retry.unref()
      events.emit("retry", wait)
    }

    const lost = (client: pg.Client, cause: unknown) => {
      if (client !== current) return
      current = undefined
      const wasUp = isUp
      isUp = false
      epoch++
      if (beat !== undefined) clearInterval(beat)
      beat = undefined
      waiting.clear()
      void end(client)
      if (closed) return
      if (wasUp) events.emit("down")
      retryLater(wasUp ? "connection lost" : "cannot listen", cause)
    }

    // A notification this listener sends itself and must receive within `heartbeat`: LISTEN is in
    // force on this connection and it delivers (a pooler in transaction mode would not). Checked
    // before up and then periodically; every listener on the channel ignores others' probes.
    const probe = (client: pg.Client, then: () => void) => {
      const token = `${probePrefix}${self}:${++probes}`
      const timer = setTimeout(() => {
        if (waiting.delete(token)) lost(client, { code: "probe unanswered" })
      }, heartbeat)
      timer.unref()
      waiting.set(token, () => {
        clearTimeout(timer)
        then()
      })
      client.query("SELECT pg_notify($1, $2)", [channel, token]).catch((e: unknown) => lost(client, e))
    }

    function connect() {
      retry = undefined
      if (closed) return
      let client: pg.Client
      try {
        client = new pg.Client(config)
      } catch (e) {
        // A timer's callback must not throw (the process would crash): try again later.
        return retryLater("cannot listen", e)
      }
      current = client
      client.on("error", (e) => lost(client, e))
      client.on("end", () => lost(client, undefined))
      client.on("notification", (n) => {
        if (client !== current || n.channel !== channel) return
        const payload = n.payload ?? ""
        if (payload.startsWith(probePrefix)) {
          const answered = waiting.get(payload)
          waiting.delete(payload)
          return answered?.()
        }
        if (!isUp) return
        epoch++
        events.emit("notification", payload)
      })
      const goUp = () => {
        if (client !== current || closed) return
        isUp = true
        epoch++
        delay = minDelay
        beat = setInterval(() => probe(client, () => {}), heartbeat)
        beat.unref()
        events.emit("up")
      }
      client
        .connect()
        .then(() => client.query(`LISTEN ${channel}`))
        .then(() => probe(client, goUp), (e: unknown) => lost(client, e))
    }

    const listener: Listener = {
      up: () => isUp,
      epoch: () => epoch,
      pid: () => (isUp ? (current as unknown as { processID?: number } | undefined)?.processID : undefined),
      events,
      touch: () => void epoch++
    }
    return Effect.acquireRelease(
      Effect.sync(() => {
        connect()
        return listener
      }),
      () =>
        Effect.promise(() => {
          closed = true
          isUp = false
          epoch++
          if (retry !== undefined) clearTimeout(retry)
          if (beat !== undefined) clearInterval(beat)
          const client = current
          current = undefined
          return client === undefined ? Promise.resolve() : end(client)
        }).pipe(Effect.interruptible, Effect.timeoutOption(2_000))
    )
  })

const listeners = new WeakMap<SqlClient.SqlClient, Listener>()

/**
 * Makes `listener` the one of `sql` (the pool's client) until the scope closes.
 */
export const register = (sql: SqlClient.SqlClient, listener: Listener): Effect.Effect<void, never, Scope.Scope> =>
  Effect.acquireRelease(
    Effect.sync(() => void listeners.set(sql, listener)),
    () => Effect.sync(() => void listeners.delete(sql))
  )

/** The listener of `sql`, if its pool has one. */
export const of = (sql: SqlClient.SqlClient): Listener | undefined => listeners.get(sql)

/** After a commit through `sql` that changed the calendar or the directory (see `Listener.touch`). */
export const changed = (sql: SqlClient.SqlClient): Effect.Effect<void> => Effect.sync(() => listeners.get(sql)?.touch())

/**
 * `read`, shared by concurrent callers and kept while `listenerOf()` is up with no notification
 * since: then a caller gets the kept result without a statement. A read's result is kept only if
 * the epoch did not change while it ran (one that raced a notification, a loss or a reconnect
 * serves its own callers, not later ones). A caller joins only a read started at its own epoch, so
 * no caller gets a result read before a notification it had already seen. Without a listener, or
 * while it is down, every caller reads (sharing a read in flight, as `singleFlight`).
 */
export const cached = <A, E>(listenerOf: () => Listener | undefined, read: Effect.Effect<A, E>): Effect.Effect<A, E> => {
  let kept: { readonly epoch: number; readonly value: A } | undefined
  let flight: { readonly epoch: number; readonly run: Effect.Effect<A, E> } | undefined
  return Effect.suspend(() => {
    const listener = listenerOf()
    const up = listener?.up() === true
    const epoch = listener?.epoch() ?? 0
    if (up && kept !== undefined && kept.epoch === epoch) return Effect.succeed(kept.value)
    if (flight === undefined || flight.epoch !== epoch) {
      const keep = (value: A) =>
        Effect.sync(() => {
          // Tagged with its start epoch it could never be used after a change anyway; not keeping
          // it leaves in place a newer read that completed first.
          if (up && listener!.up() && listener!.epoch() === epoch) kept = { epoch, value }
        })
      flight = { epoch, run: singleFlight(Effect.tap(read, keep)) }
    }
    return flight.run
  })
}
