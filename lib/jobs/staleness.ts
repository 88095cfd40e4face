import { sql } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { selectRows } from "@/lib/db/rows";
import { STALE_AFTER_INTERVALS, type WatchedJob } from "./catalog";

/**
 * The watched jobs whose last success is older than STALE_AFTER_INTERVALS intervals. A job that never
 * succeeded is measured from `since` (this process's start), so a fresh install is not unready before its
 * jobs had a chance to run, but becomes so if they never do. Ages come from the database clock, which the
 * leases use too, so a skewed instance clock cannot hide a stale job.
 */
export async function staleJobs(db: Db, jobs: WatchedJob[], since: Date): Promise<string[]> {
  if (jobs.length === 0) return [];
  const names = sql.join(
    jobs.map((j) => sql`(${j.name})`),
    sql`, `,
  );
  const rows = await selectRows<{ name: string; age_ms: string }>(
    db,
    sql`
    select watched.name,
           (extract(epoch from now() - coalesce(j.last_succeeded_at, ${since.toISOString()}::timestamptz)) * 1000)::text as age_ms
    from (values ${names}) as watched(name)
    left join job_leases j on j.name = watched.name`,
  );
  const age = new Map(rows.map((r) => [r.name, Number(r.age_ms)]));
  return jobs
    .filter((job) => (age.get(job.name) ?? 0) > STALE_AFTER_INTERVALS * job.intervalMs)
    .map((job) => job.name);
}
