import { runSyncJob } from "@/lib/jobs/runs";
import { cronRoute } from "@/lib/security/cron-auth";

/**
 * For production schedulers (every minute or so): reconciles our sends with Sendoso's send list and
 * answers with the counts. `ran: false` when another instance is already running it. Safe to repeat.
 */
export const POST = cronRoute(async () => {
  const run = await runSyncJob();
  return run.ran ? { ran: true, ...run.result } : { ran: false };
});
