// SHA-256 (FIPS 180-4) in plain TypeScript: core must stay free of `node:crypto` imports (it runs in
// browsers too), and WebCrypto is asynchronous, while hashing events is part of the pure, synchronous
// decide step. On Node (20.16 and later) the same digest comes from its native hash, found at run
// time without an import: every event of every command is hashed, and the native hash is about ten
// times faster than the loop below, which stays the implementation everywhere else.
const K = new Uint32Array([
  0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5, 0xd807aa98,
  0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174, 0xe49b69c1, 0xefbe4786,
  0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da, 0x983e5152, 0xa831c66d, 0xb00327c8,
  0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967, 0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13,
  0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85, 0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819,
  0xd6990624, 0xf40e3585, 0x106aa070, 0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a,
  0x5b9cca4f, 0x682e6ff3, 0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7,
  0xc67178f2
])

const W = new Uint32Array(64)

// TextEncoder is a pure global in every runtime Murojaat supports; the loop below is the fallback.
const encoder: { encode: (s: string) => Uint8Array } | undefined =
  typeof (globalThis as { TextEncoder?: unknown }).TextEncoder === "function"
    ? new (globalThis as unknown as { TextEncoder: new () => { encode: (s: string) => Uint8Array } }).TextEncoder()
    : undefined

const utf8 = (s: string): Uint8Array => (encoder !== undefined ? encoder.encode(s) : utf8Slow(s))

/** UTF-8 by hand (lone surrogates become U+FFFD, as TextEncoder does). */
export const utf8Slow = (s: string): Uint8Array => {
  const out: Array<number> = []
  for (let i = 0; i < s.length; i++) {
    let c = s.charCodeAt(i)
    if (c >= 0xd800 && c < 0xdc00 && i + 1 < s.length) {
      const d = s.charCodeAt(i + 1)
      if (d >= 0xdc00 && d < 0xe000) {
        c = 0x10000 + ((c - 0xd800) << 10) + (d - 0xdc00)
        i++
      } else c = 0xfffd
    } else if (c >= 0xd800 && c < 0xe000) c = 0xfffd
    if (c < 0x80) out.push(c)
    else if (c < 0x800) out.push(0xc0 | (c >> 6), 0x80 | (c & 63))
    else if (c < 0x10000) out.push(0xe0 | (c >> 12), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63))
    else out.push(0xf0 | (c >> 18), 0x80 | ((c >> 12) & 63), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63))
  }
  return Uint8Array.from(out)
}

const hex = (n: number) => (n >>> 0).toString(16).padStart(8, "0")

type NativeHash = { update: (s: string, encoding: "utf8") => { digest: (encoding: "hex") => string } }
type NativeCrypto = { createHash?: unknown; hash?: unknown }
const native: ((input: string) => string) | undefined = (() => {
  const proc = (globalThis as { process?: { getBuiltinModule?: (id: string) => unknown } }).process
  const crypto = typeof proc?.getBuiltinModule === "function" ? (proc.getBuiltinModule("node:crypto") as NativeCrypto | undefined) : undefined
  // The one-shot `hash` (Node 20.12 and later) builds no Hash object: about twice as fast on an event.
  if (typeof crypto?.hash === "function") {
    const hash = crypto.hash as (algorithm: "sha256", data: string, encoding: "hex") => string
    return (input) => hash("sha256", input, "hex")
  }
  if (typeof crypto?.createHash === "function") {
    const createHash = crypto.createHash as (algorithm: "sha256") => NativeHash
    return (input) => createHash("sha256").update(input, "utf8").digest("hex")
  }
  return undefined
})()

/** SHA-256 of the UTF-8 encoding of a string (lone surrogates become U+FFFD), as lowercase hex. */
export const sha256Hex = (input: string): string => (native !== undefined ? native(input) : sha256HexPortable(input))

/** The same digest by the plain TypeScript implementation, whatever the runtime offers. */
export const sha256HexPortable = (input: string): string => {
  const bytes = utf8(input)
  const bitLength = bytes.length * 8
  const padded = new Uint8Array(((bytes.length + 9 + 63) >> 6) << 6)
  padded.set(bytes)
  padded[bytes.length] = 0x80
  const view = new DataView(padded.buffer)
  view.setUint32(padded.length - 8, Math.floor(bitLength / 0x100000000))
  view.setUint32(padded.length - 4, bitLength >>> 0)
  let h0 = 0x6a09e667, h1 = 0xbb67ae85, h2 = 0x3c6ef372, h3 = 0xa54ff53a
  let h4 = 0x510e527f, h5 = 0x9b05688c, h6 = 0x1f83d9ab, h7 = 0x5be0cd19
  for (let off = 0; off < padded.length; off += 64) {
    for (let t = 0; t < 16; t++) W[t] = view.getUint32(off + t * 4)
    for (let t = 16; t < 64; t++) {
      const a = W[t - 15]!, b = W[t - 2]!
      const s0 = ((a >>> 7) | (a << 25)) ^ ((a >>> 18) | (a << 14)) ^ (a >>> 3)
      const s1 = ((b >>> 17) | (b << 15)) ^ ((b >>> 19) | (b << 13)) ^ (b >>> 10)
      W[t] = (W[t - 16]! + s0 + W[t - 7]! + s1) | 0
    }
    let a = h0, b = h1, c = h2, d = h3, e = h4, f = h5, g = h6, h = h7
    for (let t = 0; t < 64; t++) {
      const S1 = ((e >>> 6) | (e << 26)) ^ ((e >>> 11) | (e << 21)) ^ ((e >>> 25) | (e << 7))
      const ch = (e & f) ^ (~e & g)
      const t1 = (h + S1 + ch + K[t]! + W[t]!) | 0
      const S0 = ((a >>> 2) | (a << 30)) ^ ((a >>> 13) | (a << 19)) ^ ((a >>> 22) | (a << 10))
      const maj = (a & b) ^ (a & c) ^ (b & c)
      const t2 = (S0 + maj) | 0
      h = g; g = f; f = e; e = (d + t1) | 0; d = c; c = b; b = a; a = (t1 + t2) | 0
    }
    h0 = (h0 + a) | 0; h1 = (h1 + b) | 0; h2 = (h2 + c) | 0; h3 = (h3 + d) | 0
    h4 = (h4 + e) | 0; h5 = (h5 + f) | 0; h6 = (h6 + g) | 0; h7 = (h7 + h) | 0
  }
  return hex(h0) + hex(h1) + hex(h2) + hex(h3) + hex(h4) + hex(h5) + hex(h6) + hex(h7)
}
