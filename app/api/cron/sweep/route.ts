import { runSweepJob } from "@/lib/jobs/runs";
import { cronRoute } from "@/lib/security/cron-auth";

/** For production schedulers: moves stale in-flight sends to `unknown`. Safe to call repeatedly. */
export const POST = cronRoute(async () => {
  const run = await runSweepJob();
  return run.ran ? { ran: true, ...run.result } : { ran: false };
});
