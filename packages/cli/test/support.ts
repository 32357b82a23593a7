import type { Io } from "../src/index.js"

/** An Io that records what a command writes. */
export const capture = (stdin = "") => {
  const out: Array<string> = []
  const err: Array<string> = []
  const io: Io = { out: (t) => out.push(t), err: (t) => err.push(t), readStdin: async () => stdin }
  return { io, out, err }
}
