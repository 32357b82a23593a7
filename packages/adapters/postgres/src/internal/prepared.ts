// Named prepared statements under @effect/sql-pg, which sends every statement unnamed (parsed,
// analysed and planned again on each execution). A statement text registered here is sent by
// the pool's clients under a name instead: the server parses it once per connection and then
// only binds and executes it. For the commit statement (a CTE per table) that was a large part
// of the server's work per commit.
//
// The registry holds texts, not shapes: the store's texts vary only with which parts a commit
// has (a few dozen), and it is capped so that a text built wrongly per call could not grow it
// (or the server's per-connection statement cache) without bound; past the cap texts go unnamed.
import pg from "pg"

const MAX = 256
const names = new Map<string, string>()

/**
 * Registers a statement text to be sent as a named prepared statement by `PreparingClient`;
 * returns the text. Idempotent.
 */
export const register = (text: string): string => {
  if (!names.has(text) && names.size < MAX) names.set(text, `murojaat_${names.size + 1}`)
  return text
}

// The server does not have a statement this connection prepared (26000: a pooler in transaction
// mode that does not track prepared statements, or DISCARD ALL), or has one of that name already
// (42P05). Either way nothing was executed, so the statement can be sent again unnamed.
const notKept = (e: unknown): boolean => {
  const code = (e as { code?: unknown } | null)?.code
  return code === "26000" || code === "42P05"
}

/**
 * A `pg` client that sends registered texts as named statements (`pg` then skips the Parse
 * message once the connection has it). Everything else goes through unchanged. If the server did
 * not keep its statements, the client sends the statement again unnamed and names nothing more.
 */
export class PreparingClient extends pg.Client {
  private unnamed = false
  // `pg`'s overloads take a text or a config; @effect/sql-pg passes (text, values, callback).
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  override query(config: any, values?: any, callback?: any): any {
    const name = !this.unnamed && typeof config === "string" && Array.isArray(values) && typeof callback === "function" ? names.get(config) : undefined
    if (name === undefined) return super.query(config, values, callback)
    return super.query({ name, text: config, values }, (error: unknown, result: unknown) => {
      if (error === null || error === undefined || !notKept(error)) return callback(error, result)
      // In a transaction block the error has aborted it: the retry then fails too, as it should.
      this.unnamed = true
      return super.query(config, values, callback)
    })
  }
}
