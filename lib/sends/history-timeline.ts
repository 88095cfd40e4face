import { asc, eq } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { type Send, sendosoStatusUpdates } from "@/lib/db/schema";
import { bucketForSendosoStatus, type StatusBucket } from "./status-buckets";

export type SendosoStatusUpdate = {
  status: string;
  bucket: StatusBucket | null;
  occurredAt: Date | null;
  /** Where we learned it: a webhook, the reconciler's read of the send list, or only the current status. */
  source: string;
};

/** `sendoso_status_updates.source` as the detail page says it. */
const SOURCE_LABEL: Record<string, string> = { sync: "send list", webhook: "webhook" };

/**
 * The Sendoso status timeline of one send, oldest first: what the reconciler read from `status_updates`
 * and what webhooks delivered (`sendoso_status_updates`). With nothing stored yet, the row's current
 * status stands alone.
 */
export async function loadSendosoTimeline(db: Db, send: Send): Promise<SendosoStatusUpdate[]> {
  const rows = await db
    .select({
      status: sendosoStatusUpdates.status,
      occurredAt: sendosoStatusUpdates.occurredAt,
      source: sendosoStatusUpdates.source,
    })
    .from(sendosoStatusUpdates)
    .where(eq(sendosoStatusUpdates.sendId, send.id))
    .orderBy(asc(sendosoStatusUpdates.occurredAt), asc(sendosoStatusUpdates.id));
  if (rows.length === 0 && send.sendosoStatus) {
    return [
      {
        status: send.sendosoStatus,
        bucket: bucketForSendosoStatus(send.sendosoStatus),
        occurredAt: null,
        source: "current status",
      },
    ];
  }
  return rows.map((row) => ({
    status: row.status,
    bucket: bucketForSendosoStatus(row.status),
    occurredAt: row.occurredAt,
    source: SOURCE_LABEL[row.source] ?? row.source,
  }));
}
