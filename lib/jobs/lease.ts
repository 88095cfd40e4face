import { randomUUID } from "node:crypto";
import { hostname } from "node:os";
import { and, eq, type SQL, sql } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { jobLeases } from "@/lib/db/schema";
import { log } from "@/lib/log";
import { countJobRun } from "@/lib/telemetry/metrics";

/** Names this process in `job_leases.holder`, so a stuck lease says which instance took it. */
const PROCESS_TAG = `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;

type JobMemory = Record<string, unknown>;

export type JobContext = {
  /** What the previous successful run saved with `remember`, or null. */
  state: JobMemory | null;
  /** Saved when this run finishes without throwing, for the next run. */
  remember(next: JobMemory): void;
  /**
   * Extends the lease by another `ttlMs` while it is still this run's; false means it ran out and
   * another caller may have taken over, so stop at once. For runs of many slow steps (emails).
   */
  renew(): Promise<boolean>;
};

export type LeasedRun<T> = { ran: true; result: T } | { ran: false };

/**
 * Runs `fn` only if no other caller (this instance or another) holds the job's lease. The lease is taken
 * with one conditional upsert that only succeeds when the row is new or its lease has run out, so of two
 * callers racing, exactly one gets a row back. Times come from the database, so instances with skewed
 * clocks agree. `ttlMs` must be longer than a run can take: after it, another caller may take over.
 */
export async function withJobLease<T extends JobMemory>(
  db: Db,
  name: string,
  options: { ttlMs: number },
  fn: (context: JobContext) => Promise<T>,
): Promise<LeasedRun<T>> {
  // Unique per call, not just per process: an in-process tick and a cron request in the same process
  // must not be able to release each other's lease.
  const holder = `${PROCESS_TAG}:${randomUUID()}`;
  const until = sql`now() + make_interval(secs => ${options.ttlMs / 1000}::double precision)`;
  const [taken] = await db
    .insert(jobLeases)
    .values({ name, holder, leaseUntil: until, lastStartedAt: sql`now()` })
    .onConflictDoUpdate({
      target: jobLeases.name,
      set: { holder, leaseUntil: until, lastStartedAt: sql`now()` },
      setWhere: sql`${jobLeases.leaseUntil} < now()`,
    })
    .returning({ state: jobLeases.state });
  if (!taken) {
    countJobRun(name, "skipped");
    return { ran: false };
  }

  let memory = taken.state;
  try {
    const result = await fn({
      state: taken.state,
      remember: (next) => {
        memory = next;
      },
      renew: async () => {
        const renewed = await db
          .update(jobLeases)
          .set({ leaseUntil: until })
          .where(
            and(eq(jobLeases.name, name), eq(jobLeases.holder, holder), sql`${jobLeases.leaseUntil} > now()`),
          )
          .returning({ name: jobLeases.name });
        return renewed.length === 1;
      },
    });
    await release(db, name, holder, { lastResult: result, state: memory, lastSucceededAt: sql`now()` });
    countJobRun(name, "ran");
    return { ran: true, result };
  } catch (error) {
    countJobRun(name, "failed");
    const message = error instanceof Error ? error.message : String(error);
    await release(db, name, holder, { lastResult: { error: message } }).catch((releaseError) =>
      log.warn({ err: releaseError, job: name }, `job ${name}: could not release its lease`),
    );
    throw error;
  }
}

/** Ends the run: records it and frees the lease, unless it ran out and someone else holds it now. */
async function release(
  db: Db,
  name: string,
  holder: string,
  outcome: { lastResult: JobMemory; state?: JobMemory | null; lastSucceededAt?: SQL },
): Promise<void> {
  await db
    .update(jobLeases)
    .set({ ...outcome, holder: null, leaseUntil: sql`'epoch'`, lastFinishedAt: sql`now()` })
    .where(and(eq(jobLeases.name, name), eq(jobLeases.holder, holder)));
}
