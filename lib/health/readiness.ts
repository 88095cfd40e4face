import "server-only";
import { sql } from "drizzle-orm";
import { getDb } from "@/lib/db";
import { migrationStatus } from "@/lib/db/migrate";
import { getConfig } from "@/lib/env";
import { watchedJobs } from "@/lib/jobs/catalog";
import { staleJobs } from "@/lib/jobs/staleness";

export type ReadinessCheck = "config" | "database" | "migrations" | "jobs";

/** Only check names and job names: a public route must not say how the app is configured or why. */
export type Readiness = { ready: boolean; failing: ReadinessCheck[]; staleJobs: string[] };

const PROCESS_STARTED_AT = new Date(Date.now() - process.uptime() * 1000);

/** A probe that hangs is worse than one that fails: the orchestrator's own timeout is often 1 s. */
const CHECK_TIMEOUT_MS = 2_000;

function within<T>(promise: Promise<T>, ms: number): Promise<T> {
  return Promise.race([
    promise,
    new Promise<never>((_, reject) => setTimeout(() => reject(new Error("timed out")), ms).unref()),
  ]);
}

/** Whether this instance should get traffic: configuration valid, database answering at head, jobs running. */
export async function checkReadiness(): Promise<Readiness> {
  let config: ReturnType<typeof getConfig>;
  try {
    config = getConfig();
  } catch {
    return { ready: false, failing: ["config"], staleJobs: [] };
  }
  const failing: ReadinessCheck[] = [];
  let stale: string[] = [];
  try {
    await within(
      (async () => {
        const db = await getDb();
        await db.execute(sql`select 1`);
        if (!(await migrationStatus(db)).atHead) failing.push("migrations");
        stale = await staleJobs(
          db,
          watchedJobs({ email: Boolean(config.email.smtpUrl) }),
          PROCESS_STARTED_AT,
        );
        if (stale.length > 0) failing.push("jobs");
      })(),
      CHECK_TIMEOUT_MS,
    );
  } catch {
    failing.unshift("database");
  }
  return { ready: failing.length === 0, failing, staleJobs: stale };
}
