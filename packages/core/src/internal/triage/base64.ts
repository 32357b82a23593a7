/** Base64 for the model's typed arrays (core imports no `Buffer`; `atob` is not everywhere the same). */
const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"
let lookup: Int16Array | undefined

/** Encodes bytes as base64 (with padding). */
export const encode = (bytes: Uint8Array): string => {
  let out = ""
  let i = 0
  for (; i + 2 < bytes.length; i += 3) {
    const n = (bytes[i]! << 16) | (bytes[i + 1]! << 8) | bytes[i + 2]!
    out += alphabet[(n >> 18) & 63]! + alphabet[(n >> 12) & 63]! + alphabet[(n >> 6) & 63]! + alphabet[n & 63]!
  }
  const rest = bytes.length - i
  if (rest === 1) {
    const n = bytes[i]! << 16
    out += alphabet[(n >> 18) & 63]! + alphabet[(n >> 12) & 63]! + "=="
  } else if (rest === 2) {
    const n = (bytes[i]! << 16) | (bytes[i + 1]! << 8)
    out += alphabet[(n >> 18) & 63]! + alphabet[(n >> 12) & 63]! + alphabet[(n >> 6) & 63]! + "="
  }
  return out
}

/** Decodes base64 (padding optional, line breaks ignored); any other character is an error. */
export const decode = (input: string): Uint8Array => {
  const text = input.includes("\n") ? input.replace(/\s+/g, "") : input
  const t = (lookup ??= (() => {
    const l = new Int16Array(128).fill(-1)
    for (let i = 0; i < 64; i++) l[alphabet.charCodeAt(i)] = i
    return l
  })())
  let end = text.length
  while (end > 0 && text[end - 1] === "=") end--
  const out = new Uint8Array(Math.floor((end * 6) / 8))
  let acc = 0
  let bits = 0
  let o = 0
  for (let i = 0; i < end; i++) {
    const code = text.charCodeAt(i)
    const v = code < 128 ? t[code]! : -1
    if (v < 0) throw new Error(`invalid base64 character at ${i}`)
    acc = ((acc << 6) | v) & 0xffffff
    bits += 6
    if (bits >= 8) {
      bits -= 8
      out[o++] = (acc >> bits) & 0xff
    }
  }
  return out
}
