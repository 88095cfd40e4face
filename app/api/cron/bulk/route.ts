import { runBulkJobs } from "@/lib/bulk/wiring";
import { cronRoute } from "@/lib/security/cron-auth";

/**
 * For production schedulers: works every bulk batch with rows left, each under its own lease, until
 * done or paused. Long-running; safe to call from any number of instances at once.
 */
export const POST = cronRoute(async () => {
  const runs = (await runBulkJobs()) as unknown[];
  return { batches: runs.length };
});
