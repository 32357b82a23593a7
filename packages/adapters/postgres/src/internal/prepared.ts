// Named prepared statements under @effect/sql-pg, which sends every statement unnamed (parsed,
// analysed and planned again on each execution). A statement text registered here is sent by
// the pool's clients under a name instead: the server parses it once per connection and then
// only binds and executes it. For the commit statement that work was most of the server's time.
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

/** The name of a registered text, if any. */
export const nameOf = (text: string): string | undefined => names.get(text)

/**
 * A `pg` client that sends registered texts as named statements (`pg` then skips the Parse
 * message once the connection has it). Everything else goes through unchanged.
 */
export class PreparingClient extends pg.Client {
  // `pg`'s overloads take a text or a config; @effect/sql-pg passes (text, values, callback).
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  override query(config: any, values?: any, callback?: any): any {
    if (typeof config === "string" && Array.isArray(values)) {
      const name = names.get(config)
      if (name !== undefined) return super.query({ name, text: config, values }, callback)
    }
    return super.query(config, values, callback)
  }
}
