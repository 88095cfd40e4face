import "server-only";
import { Cron } from "croner";
import { getDb } from "@/lib/db";
import { getConfig } from "@/lib/env";
import { runNotificationJobs } from "@/lib/notifications/jobs";
import { sweepStaleInFlight } from "@/lib/sends/sweeper";

/** Background jobs. In production a scheduler calls /api/cron/*; elsewhere they run in-process. */
export async function runSweep(): Promise<number> {
  const { sendoso } = getConfig();
  // Margin over the call timeout: a row this old cannot still have a live call behind it.
  return sweepStaleInFlight(await getDb(), { olderThanMs: sendoso.timeoutMs + 60_000 });
}

/** "Waiting on recipient" notices, then the email outbox (lib/notifications/jobs.ts). */
export async function runNotifications() {
  return runNotificationJobs(await getDb(), getConfig());
}

const globalForJobs = globalThis as unknown as { giftDeskJobs?: Cron[] };

export function startInProcessJobs(): void {
  if (globalForJobs.giftDeskJobs) return;
  globalForJobs.giftDeskJobs = [
    // `protect` skips a tick while the previous run is still going.
    new Cron("*/1 * * * *", { protect: true, name: "sweep-in-flight" }, async () => {
      const moved = await runSweep().catch((error) => {
        console.error("sweeper failed", error);
        return 0;
      });
      if (moved > 0) console.warn(`sweeper: ${moved} stale in-flight send(s) marked unknown`);
    }),
    new Cron("*/1 * * * *", { protect: true, name: "notifications" }, async () => {
      await runNotifications().catch((error) => console.error("notifications job failed", error));
    }),
  ];
}
