import "server-only";
import { z } from "zod";
import { getDb } from "@/lib/db";
import { getConfig } from "@/lib/env";
import { runNotificationJobs } from "@/lib/notifications/jobs";
import { pruneIdleSlots } from "@/lib/rate-limit";
import { getSandboxSendosoUserId, getSendosoClientForSync } from "@/lib/sendoso";
import { sendDeadlineMs } from "@/lib/sendoso/client";
import { remindStaleApprovals } from "@/lib/sends/approval-reminders";
import { type ReconcileCounts, reconcileSends } from "@/lib/sends/reconcile";
import { alertStaleUnknownSends } from "@/lib/sends/stale-unknown-alerts";
import { sweepStaleInFlight, sweepStaleQueued } from "@/lib/sends/sweeper";
import { type LeasedRun, withJobLease } from "./lease";

/**
 * The background jobs, each under its lease so the in-process schedule and /api/cron/* (on any number of
 * instances) never run one twice at once. A lease outlives the longest run it covers.
 */
export async function runSweepJob(): Promise<
  LeasedRun<{ moved: number; neverSent: number; prunedLimiterSlots: number }>
> {
  const { sendoso } = getConfig();
  const db = await getDb();
  return withJobLease(db, "sweep-in-flight", { ttlMs: 5 * 60_000 }, async () => ({
    // Margin over the call timeout: a row this old cannot still have a live call behind it.
    // Longer than a send's whole deadline (token, slot, POST, re-POST): no live call can be behind it.
    moved: await sweepStaleInFlight(db, { olderThanMs: sendDeadlineMs(sendoso.timeoutMs) + 60_000 }),
    neverSent: await sweepStaleQueued(db, { olderThanMs: sendDeadlineMs(sendoso.timeoutMs) + 60_000 }),
    // Per-user limiter keys (sends, sign-ins) would otherwise pile up; an hour idle is long past any window.
    prunedLimiterSlots: await pruneIdleSlots(db, 60 * 60_000),
  }));
}

/**
 * Reminders to approvers and alerts on sends still unknown (R15), then "waiting on recipient" notices and the email outbox
 * (lib/notifications/jobs.ts), so a reminder's email can go out in the same run.
 */
export async function runNotifications() {
  const db = await getDb();
  const alerts = await withJobLease(db, "approver-alerts", { ttlMs: 5 * 60_000 }, async () => ({
    approvalReminders: await remindStaleApprovals(db),
    staleUnknown: await alertStaleUnknownSends(db),
  }));
  const notifications = await runNotificationJobs(db, getConfig());
  return { ...(alerts.ran ? alerts.result : {}), ...notifications };
}

export type SyncJobResult =
  | (Omit<ReconcileCounts, "reachedSendIds"> & { reached: number })
  | { skipped: "no_sendoso_connection" };

/** What the sync job keeps between runs (`job_leases.state`): logged ambiguities, the deep walk's place. */
const syncMemory = z.object({
  ambiguousSendIds: z.array(z.string()).default([]),
  walkResume: z
    .object({ index: z.number(), createdAt: z.string(), gid: z.string(), totalCount: z.number() })
    .nullish(),
});

/**
 * Reconciles our sends with Sendoso's send list (lib/sends/reconcile.ts); with `onlySendIds`, just those
 * (a person's "check now"), under the same lease so it never overlaps a full run.
 */
export async function runSyncJob(
  options: { onlySendIds?: string[] } = {},
): Promise<LeasedRun<SyncJobResult>> {
  const db = await getDb();
  // Up to 20 list pages, each allowed the Sendoso timeout: well inside 15 minutes.
  return withJobLease(db, "sendoso-sync", { ttlMs: 15 * 60_000 }, async ({ state, remember }) => {
    const sendoso = await getSendosoClientForSync();
    if (!sendoso) return { skipped: "no_sendoso_connection" as const };
    const memory = syncMemory.safeParse(state ?? {});
    const counts = await reconcileSends({
      db,
      // TODO(#16 limiter shares): lib/rate-limit has no read/send `kind` yet, so these reads take the
      // same shared slots as POSTs; pass the read share here once the hardening branch adds it.
      listPage: (request) => sendoso.client.listSends(request),
      sandboxSendosoUserId: getSandboxSendosoUserId,
      apiSentVia: getConfig().sendoso.apiSentVia,
      reportedAmbiguous: new Set(memory.success ? memory.data.ambiguousSendIds : []),
      resume: memory.success ? memory.data.walkResume : null,
      onlySendIds: options.onlySendIds,
    });
    // Log each ambiguous send once, not every minute; keep the deep walk's place for the next run.
    if (!options.onlySendIds) {
      remember({ ambiguousSendIds: counts.ambiguousSendIds, walkResume: counts.resume });
    }
    const { reachedSendIds: _reached, ...result } = counts;
    return { ...result, reached: counts.reachedSendIds.length };
  });
}

export type SendCheckOutcome =
  | "found"
  | "ambiguous"
  | "too_early"
  | "not_found"
  | "not_reached"
  | "changed"
  | "busy"
  | "no_connection";

/** What a targeted check of one send came to, for the person who asked. */
export function sendCheckOutcome(run: LeasedRun<SyncJobResult>): SendCheckOutcome {
  if (!run.ran) return "busy";
  const result = run.result;
  if ("skipped" in result) return "no_connection";
  if (result.resolved > 0) return "found";
  if (result.conflicts > 0 || result.foundAfterNotSent > 0) return "changed";
  if (result.ambiguous > 0) return "ambiguous";
  if (result.waiting > 0) return "too_early";
  return result.notFound > 0 ? "not_found" : "not_reached";
}
