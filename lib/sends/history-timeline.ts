import { and, asc, eq, sql } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { type Send, sendEvents } from "@/lib/db/schema";
import { bucketForSendosoStatus, type StatusBucket } from "./status-buckets";

export type SendosoStatusUpdate = {
  status: string;
  bucket: StatusBucket | null;
  occurredAt: Date | null;
  /** Where we learned it: a webhook, the reconciler's `status_updates`, or only the current status. */
  source: string;
};

/**
 * The Sendoso status timeline of one send.
 *
 * Seam for the reconciler and webhooks (issue 6, "Keeping status in sync"): until they store Sendoso's
 * `status_updates` in a table of their own, they append a `send_events` row whose `detail` carries
 * `{ sendosoStatus, occurredAt?, source? }` and this reads those. When that table exists, read it here
 * and nothing else in the history changes. With no events yet, the row's current status stands alone.
 */
export async function loadSendosoTimeline(db: Db, send: Send): Promise<SendosoStatusUpdate[]> {
  const rows = await db
    .select({ createdAt: sendEvents.createdAt, detail: sendEvents.detail })
    .from(sendEvents)
    .where(and(eq(sendEvents.sendId, send.id), sql`${sendEvents.detail} ? 'sendosoStatus'`))
    .orderBy(asc(sendEvents.id));
  const updates = rows.flatMap(({ createdAt, detail }) => {
    const status = detail?.sendosoStatus;
    if (typeof status !== "string") return [];
    const at = typeof detail?.occurredAt === "string" ? new Date(detail.occurredAt) : createdAt;
    const source = typeof detail?.source === "string" ? detail.source : "sendoso";
    return [
      {
        status,
        bucket: bucketForSendosoStatus(status),
        occurredAt: Number.isNaN(at.getTime()) ? createdAt : at,
        source,
      },
    ];
  });
  if (updates.length === 0 && send.sendosoStatus) {
    return [
      {
        status: send.sendosoStatus,
        bucket: bucketForSendosoStatus(send.sendosoStatus),
        occurredAt: null,
        source: "current status",
      },
    ];
  }
  return updates;
}
