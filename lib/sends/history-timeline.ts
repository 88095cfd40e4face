import { asc, eq, sql } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { type Send, sendosoStatusUpdates } from "@/lib/db/schema";
import { bucketForSendosoStatus, normaliseSendosoStatus, type StatusBucket } from "./status-buckets";

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
    // At one moment, the send list's Title-Case text first: it is the one kept (below).
    .orderBy(
      asc(sendosoStatusUpdates.occurredAt),
      sql`case when ${sendosoStatusUpdates.source} = 'sync' then 0 else 1 end`,
      asc(sendosoStatusUpdates.id),
    );
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
  // The same change reported by both the list ("Order Received") and a webhook ("send.order_received").
  const seen = new Set<string>();
  const distinct = rows.filter((row) => {
    const key = `${normaliseSendosoStatus(row.status)}@${row.occurredAt.getTime()}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  return distinct.map((row) => ({
    status: row.status,
    bucket: bucketForSendosoStatus(row.status),
    occurredAt: row.occurredAt,
    source: SOURCE_LABEL[row.source] ?? row.source,
  }));
}
