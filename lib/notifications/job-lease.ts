import { and, eq, gt, lt, sql } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { jobLeases } from "@/lib/db/schema";

/**
 * A named lease in `job_leases`, timed by the database clock so every instance agrees. Whoever holds an
 * unexpired lease runs the job; a holder that died is replaced once its lease runs out.
 */
export type Lease = { name: string; holder: string; ttlMs: number };

const until = (ttlMs: number) => sql`now() + ${ttlMs} * interval '1 millisecond'`;

export async function acquireLease(db: Db, lease: Lease): Promise<boolean> {
  await db.insert(jobLeases).values({ name: lease.name }).onConflictDoNothing();
  const taken = await db
    .update(jobLeases)
    .set({ holder: lease.holder, leaseUntil: until(lease.ttlMs), lastStartedAt: sql`now()` })
    .where(and(eq(jobLeases.name, lease.name), lt(jobLeases.leaseUntil, sql`now()`)))
    .returning({ name: jobLeases.name });
  return taken.length === 1;
}

/** Extends the lease only while it is still ours and unexpired; false means stop working at once. */
export async function renewLease(db: Db, lease: Lease): Promise<boolean> {
  const renewed = await db
    .update(jobLeases)
    .set({ leaseUntil: until(lease.ttlMs) })
    .where(
      and(
        eq(jobLeases.name, lease.name),
        eq(jobLeases.holder, lease.holder),
        gt(jobLeases.leaseUntil, sql`now()`),
      ),
    )
    .returning({ name: jobLeases.name });
  return renewed.length === 1;
}

export async function releaseLease(db: Db, lease: Lease, result: Record<string, unknown>): Promise<void> {
  await db
    .update(jobLeases)
    .set({ leaseUntil: sql`'epoch'`, lastFinishedAt: sql`now()`, lastResult: result })
    .where(and(eq(jobLeases.name, lease.name), eq(jobLeases.holder, lease.holder)));
}
