import type { LeasedRun } from "@/lib/jobs/lease";

/**
 * Starts `callers` attempts at a leased job together and keeps a job that got the lease running until
 * every other attempt has answered (or 5 s pass), so the attempts truly overlap however slowly a loaded
 * machine starts them. Two jobs running at once would both wait the full 5 s and both be counted.
 */
export async function raceLeasedJob<T>(
  callers: number,
  attempt: (job: () => Promise<T>) => Promise<LeasedRun<T>>,
  work: () => Promise<T>,
): Promise<{ outcomes: LeasedRun<T>[]; runs: number }> {
  let runs = 0;
  let answered = 0;
  const job = async () => {
    runs += 1;
    const result = await work();
    const deadline = Date.now() + 5_000;
    while (answered < callers - 1 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 10));
    return result;
  };
  const outcomes = await Promise.all(
    Array.from({ length: callers }, async () => {
      const outcome = await attempt(job);
      if (!outcome.ran) answered += 1;
      return outcome;
    }),
  );
  return { outcomes, runs };
}
