/**
 * One way of making a send. Resolves, once the send is confirmed (else throws), with the milliseconds
 * the send itself took: preparing the input stays outside the timed part.
 */
export type Path = { label: string; send(i: number): Promise<number> };

/** Nearest-rank percentile of already sorted samples. */
export function percentile(sorted: number[], p: number): number {
  return (
    sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? Number.NaN
  );
}

/**
 * Runs the paths side by side: each round makes one send on every path, in a rotating order, so drift
 * (GC, the machine's other load, a warming JIT) lands on all of them alike. The first `warmup` rounds
 * are not recorded.
 */
export async function interleave(paths: Path[], rounds: number, warmup: number): Promise<number[][]> {
  const samples = paths.map(() => [] as number[]);
  for (let round = 0; round < warmup + rounds; round++) {
    for (let k = 0; k < paths.length; k++) {
      const index = (round + k) % paths.length;
      const path = paths[index] as Path;
      const elapsed = await path.send(round * paths.length + k);
      if (round >= warmup) samples[index]?.push(elapsed);
    }
  }
  return samples.map((s) => s.sort((a, b) => a - b));
}

export type Summary = { label: string; p50: number; p95: number };

export const summarize = (label: string, sorted: number[]): Summary => ({
  label,
  p50: percentile(sorted, 50),
  p95: percentile(sorted, 95),
});

/** Rows of the table: every path against the raw POST (the first summary) of the same run. */
export function table(backend: string, summaries: Summary[]): string[] {
  const [raw] = summaries;
  if (!raw) return [];
  const f = (n: number) => n.toFixed(1).padStart(7);
  const r = (n: number) => n.toFixed(3).padStart(6);
  return summaries.map(
    (s) =>
      `${backend.padEnd(9)}│ ${s.label.padEnd(54)}│${f(s.p50)} │${f(s.p95)} │ ${r(s.p50 / raw.p50)} │${f(s.p50 - raw.p50)} │ ${r(s.p95 / raw.p95)} │${f(s.p95 - raw.p95)}`,
  );
}

export const TABLE_HEADER = `${"backend".padEnd(9)}│ ${"path".padEnd(54)}│ p50 ms │ p95 ms │ ×p50   │ +p50 ms│ ×p95   │ +p95 ms`;
