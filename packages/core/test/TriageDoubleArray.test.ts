/**
 * The matcher's trie as a double array (issue 13, ninth round). Oracle: the dense table the trie is
 * built as (`next[node * 36 + symbol]`, 0 = none), read directly: from every node, every symbol
 * must lead the double array's walk to the state of the dense table's child, or nowhere when the
 * table has none; a state's base is marked exactly when words end at its node. The whole matcher's
 * results are checked against the engine before the round in `TriageOracle.test.ts`.
 */
import { describe, expect } from "vitest"
import { fc, test } from "@fast-check/vitest"
import { doubleArray } from "../src/internal/triage/matcher.js"

const SYMBOLS = 36

// The dense table of the keys' trie (the way `compile` builds it), and which nodes end a key.
const denseTrie = (keys: ReadonlyArray<ReadonlyArray<number>>) => {
  const next: Array<number> = new Array<number>(SYMBOLS).fill(0)
  const ends: Array<boolean> = [false]
  for (const key of keys) {
    let node = 0
    for (const x of key) {
      let to = next[node * SYMBOLS + x]!
      if (to === 0) {
        to = ends.length
        ends.push(false)
        for (let j = 0; j < SYMBOLS; j++) next.push(0)
        next[node * SYMBOLS + x] = to
      }
      node = to
    }
    if (node !== 0) ends[node] = true
  }
  return { next, ends }
}

const key = fc.array(fc.oneof(fc.integer({ min: 0, max: 35 }), fc.integer({ min: 0, max: 3 })), { minLength: 0, maxLength: 8 })

describe("the trie as a double array", () => {
  test.prop([fc.array(key, { maxLength: 300 })])("every step equals the dense table's", (keys) => {
    const { ends, next } = denseTrie(keys)
    const { da, stateOf } = doubleArray(next, ends.length, (n) => ends[n]!)
    for (let n = 0; n < ends.length; n++) {
      const s = stateOf[n]!
      expect(s).toBeGreaterThanOrEqual(0)
      const v = da[s]!
      expect((v & 64) !== 0).toBe(ends[n])
      const base = v >>> 7
      for (let x = 0; x < SYMBOLS; x++) {
        const child = next[n * SYMBOLS + x]!
        const t = base + x
        expect(t).toBeLessThan(da.length)
        // A step: to t when t's symbol is x.
        if (child === 0) expect(da[t]! & 63).not.toBe(x)
        else {
          expect(da[t]! & 63).toBe(x)
          expect(t).toBe(stateOf[child])
        }
      }
    }
    // Distinct states.
    expect(new Set(stateOf).size).toBe(ends.length)
  })
})
