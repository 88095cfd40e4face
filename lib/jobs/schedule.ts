import "server-only";
import { Cron } from "croner";
import { runBulkJobs } from "@/lib/bulk/wiring";
import { log } from "@/lib/log";
import { runNotifications, runSweepJob, runSyncJob } from "./runs";

/** Background jobs. In production a scheduler calls /api/cron/*; elsewhere they run in-process. */
const globalForJobs = globalThis as unknown as { giftDeskJobs?: Cron[] };

export function startInProcessJobs(): void {
  if (globalForJobs.giftDeskJobs) return;
  globalForJobs.giftDeskJobs = [
    // `protect` skips a tick while the previous run is still going; the lease covers other instances.
    new Cron("*/1 * * * *", { protect: true, name: "sweep-in-flight" }, async () => {
      const run = await runSweepJob().catch((error) => {
        log.error({ err: error, job: "sweep-in-flight" }, "sweeper failed");
        return null;
      });
      if (run?.ran && run.result.moved > 0) {
        log.warn(
          { job: "sweep-in-flight", moved: run.result.moved },
          `sweeper: ${run.result.moved} stale in-flight send(s) marked unknown`,
        );
      }
    }),
    new Cron("*/1 * * * *", { protect: true, name: "sendoso-sync" }, async () => {
      const run = await runSyncJob().catch((error) => {
        log.error({ err: error, job: "sendoso-sync" }, "sendoso sync failed");
        return null;
      });
      if (run?.ran && "resolved" in run.result && run.result.resolved > 0) {
        log.info(
          { job: "sendoso-sync", resolved: run.result.resolved },
          `sendoso sync: ${run.result.resolved} unknown send(s) found in Sendoso and marked sent`,
        );
      }
    }),
    new Cron("*/1 * * * *", { protect: true, name: "notifications" }, async () => {
      await runNotifications().catch((error) =>
        log.error({ err: error, job: "notifications" }, "notifications job failed"),
      );
    }),
    // Bulk batches (lib/bulk/worker.ts): picks up started, resumed or orphaned batches within seconds.
    new Cron("*/5 * * * * *", { protect: true, name: "bulk-sends" }, async () => {
      await runBulkJobs().catch((error) =>
        log.error({ err: error, job: "bulk-sends" }, "bulk send job failed"),
      );
    }),
  ];
}
