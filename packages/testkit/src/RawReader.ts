/**
 * The "backdoor" an adapter gives the suites: reads of what is really stored, behind the ports, so
 * that a suite checks the storage and not only the adapter's own read path. Values are the stored
 * documents, decoded from the storage's format (JSON), not re-validated.
 *
 * @example
 * import { RawReader } from "@murojaat/testkit"
 * RawReader.RawReader.key // "@murojaat/testkit/RawReader"
 */
import type { Outbox } from "@murojaat/core"
import { Context, type Effect } from "effect"

/** An outbox row as stored. */
export type OutboxRow = Outbox.Message & { readonly published: boolean }

/** The raw reader's operations (errors are defects in a test). */
export interface Service {
  /** The stored projection document, `undefined` if none. */
  readonly state: (appealId: string) => Effect.Effect<unknown, unknown>
  /** The stored event documents, by seq. */
  readonly events: (appealId: string) => Effect.Effect<ReadonlyArray<unknown>, unknown>
  /** The stored personal data, `undefined` if none (or erased). */
  readonly personal: (appealId: string) => Effect.Effect<unknown, unknown>
  /** The stored free texts of the appeal's events (`{ seq, texts }`, by seq), `[]` if none (or erased). */
  readonly texts: (appealId: string) => Effect.Effect<ReadonlyArray<unknown>, unknown>
  /**
   * Everything the storage holds, every table or map of every appeal, as one text in which each
   * stored string appears verbatim (when it has no quote, backslash or control character): what
   * the erasure tests search for a person's words after erasure.
   */
  readonly everything: Effect.Effect<string, unknown>
  /** The outbox rows of an appeal, oldest first. */
  readonly outbox: (appealId: string) => Effect.Effect<ReadonlyArray<OutboxRow>, unknown>
  readonly idempotency: (key: string) => Effect.Effect<{ readonly fingerprint: string; readonly response: unknown } | undefined, unknown>
  /** Capability `appendOnlyEnforced`: tries an ordinary UPDATE of the event. */
  readonly tryRewriteEvent?: (appealId: string, seq: number) => Effect.Effect<"refused" | "changed", unknown>
  /** Capability `appendOnlyEnforced`: tries an ordinary DELETE of the event. */
  readonly tryDeleteEvent?: (appealId: string, seq: number) => Effect.Effect<"refused" | "deleted", unknown>
  /** Capability `tamper`: replaces the stored event by `edit(event)`, bypassing every guard. */
  readonly tamperEvent?: (appealId: string, seq: number, edit: (event: Record<string, unknown>) => Record<string, unknown>) => Effect.Effect<void, unknown>
}

/**
 * The raw reader service.
 *
 * @example
 * import { RawReader } from "@murojaat/testkit"
 * RawReader.RawReader
 */
export class RawReader extends Context.Tag("@murojaat/testkit/RawReader")<RawReader, Service>() {}
