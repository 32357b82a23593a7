// The statistics of the hotspot test, with no library: the log-gamma function (Lanczos), the
// regularized incomplete beta function (continued fraction, modified Lentz), the upper tail of the
// binomial distribution through it, and the Benjamini–Hochberg adjustment. Pure numbers in,
// numbers out; no allocation in the inner loops.

const LANCZOS = [
  0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059, 12.507343278686905,
  -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7
] as const

/** ln Γ(x) for x > 0 (Lanczos, g = 7: about 15 significant digits). */
export const logGamma = (x: number): number => {
  if (x < 0.5) return Math.log(Math.PI / Math.sin(Math.PI * x)) - logGamma(1 - x)
  const z = x - 1
  let a = LANCZOS[0]
  const t = z + 7.5
  for (let i = 1; i < 9; i++) a += LANCZOS[i]! / (z + i)
  return 0.5 * Math.log(2 * Math.PI) + (z + 0.5) * Math.log(t) - t + Math.log(a)
}

const TINY = 1e-300
// Relative accuracy of the continued fraction: 1e-15 is below the rounding noise of its terms, so the loop
// could spin to its bound; 1e-14 converges in a few dozen terms and is far inside the tests' 1e-9.
const EPS = 1e-14

// The continued fraction of the incomplete beta function (Numerical Recipes §6.4), modified Lentz.
const betaFraction = (a: number, b: number, x: number): number => {
  const qab = a + b
  const qap = a + 1
  const qam = a - 1
  let c = 1
  let d = 1 - (qab * x) / qap
  if (Math.abs(d) < TINY) d = TINY
  d = 1 / d
  let h = d
  for (let m = 1; m <= 10_000; m++) {
    const m2 = 2 * m
    let aa = (m * (b - m) * x) / ((qam + m2) * (a + m2))
    d = 1 + aa * d
    if (Math.abs(d) < TINY) d = TINY
    c = 1 + aa / c
    if (Math.abs(c) < TINY) c = TINY
    d = 1 / d
    h *= d * c
    aa = (-(a + m) * (qab + m) * x) / ((a + m2) * (qap + m2))
    d = 1 + aa * d
    if (Math.abs(d) < TINY) d = TINY
    c = 1 + aa / c
    if (Math.abs(c) < TINY) c = TINY
    d = 1 / d
    const del = d * c
    h *= del
    if (Math.abs(del - 1) < EPS) break
  }
  return h
}

/** The regularized incomplete beta function I_x(a, b), for a, b > 0 and 0 ≤ x ≤ 1. */
export const incompleteBeta = (a: number, b: number, x: number): number => {
  if (x <= 0) return 0
  if (x >= 1) return 1
  const front = Math.exp(logGamma(a + b) - logGamma(a) - logGamma(b) + a * Math.log(x) + b * Math.log1p(-x))
  // The fraction converges fast on the side of the mean; the other side is its complement.
  return x < (a + 1) / (a + b + 2) ? (front * betaFraction(a, b, x)) / a : 1 - (front * betaFraction(b, a, 1 - x)) / b
}

/**
 * P(X ≥ k) for X ~ Binomial(n, p): 1 when k ≤ 0, 0 when k > n, else I_p(k, n − k + 1)
 * (the identity between the binomial tail and the incomplete beta function).
 */
export const binomialUpperTail = (k: number, n: number, p: number): number => {
  if (k <= 0) return 1
  if (k > n) return 0
  if (p <= 0) return 0
  if (p >= 1) return 1
  return Math.min(1, Math.max(0, incompleteBeta(k, n - k + 1, p)))
}

/**
 * Benjamini–Hochberg adjusted p-values (q-values), in the order given: q_(i) = min over j ≥ i of
 * p_(j) · m / j, at most 1, where p_(1) ≤ … ≤ p_(m). Rejecting every hypothesis with q ≤ α keeps
 * the false discovery rate at most α for independent (or positively dependent) tests.
 */
export const benjaminiHochberg = (pValues: ReadonlyArray<number>): ReadonlyArray<number> => {
  const m = pValues.length
  const order = pValues.map((p, i) => [p, i] as const).sort((x, y) => x[0] - y[0] || x[1] - y[1])
  const q = new Array<number>(m)
  let running = 1
  for (let r = m - 1; r >= 0; r--) {
    const [p, i] = order[r]!
    // p · (m / rank): the factor is at least 1, so rounding never puts q below p.
    running = Math.min(running, p * (m / (r + 1)))
    q[i] = Math.min(1, running)
  }
  return q
}
