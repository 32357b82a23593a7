/**
 * Tiny benchmark harness shared by every *.bench.ts: warm up, then run each case for a fixed time
 * and report operations per second and the ratio to the baseline measured in the same process.
 */
export interface Case {
  readonly name: string
  /** Runs one batch; returns how many operations it did. */
  readonly run: () => number
}

export interface Result {
  readonly name: string
  readonly opsPerSecond: number
}

const measure = (c: Case, ms: number): number => {
  const end = performance.now() + ms
  let ops = 0
  const start = performance.now()
  while (performance.now() < end) ops += c.run()
  return ops / ((performance.now() - start) / 1000)
}

/** Runs the baseline and the subject alternately (3 rounds each), prints a table and the ratio. */
export const compare = (title: string, baseline: Case, subject: Case, ms = 1500): { baseline: Result; subject: Result; ratio: number } => {
  measure(baseline, 200)
  measure(subject, 200)
  const b: Array<number> = []
  const s: Array<number> = []
  for (let i = 0; i < 3; i++) {
    b.push(measure(baseline, ms / 3))
    s.push(measure(subject, ms / 3))
  }
  const median = (xs: Array<number>) => [...xs].sort((x, y) => x - y)[1]!
  const bo = median(b)
  const so = median(s)
  const ratio = so / bo
  console.log(`${title}`)
  console.log(`  baseline  ${baseline.name.padEnd(48)} ${fmt(bo)} ops/s`)
  console.log(`  subject   ${subject.name.padEnd(48)} ${fmt(so)} ops/s`)
  console.log(`  ratio subject/baseline: ${ratio.toFixed(3)}`)
  return { baseline: { name: baseline.name, opsPerSecond: bo }, subject: { name: subject.name, opsPerSecond: so }, ratio }
}

export const fmt = (n: number): string => Math.round(n).toLocaleString("en-US")
