import { and, inArray } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { sends } from "@/lib/db/schema";
import { statusColumns } from "./history";
import { type SendScope, scopeCondition } from "./scope";
import { effectiveBucket, type StatusBucket } from "./status-buckets";

export type SendStatus = {
  id: string;
  state: (typeof sends.$inferSelect)["state"];
  sendosoStatus: string | null;
  bucket: StatusBucket;
  cost: string | null;
  currency: string | null;
  trackingCode: string | null;
  trackingUrl: string | null;
  errorMessage: string | null;
};

export const MAX_STATUS_IDS = 100;

/** Current status of the given sends, silently leaving out any the caller may not see. */
export async function statusOfSends(db: Db, scope: SendScope, ids: string[]): Promise<SendStatus[]> {
  if (ids.length === 0) return [];
  const rows = await db
    .select({ id: sends.id, ...statusColumns })
    .from(sends)
    .where(and(inArray(sends.id, ids.slice(0, MAX_STATUS_IDS)), scopeCondition(scope)));
  return rows.map(({ statusBucket, ...row }) => ({
    ...row,
    bucket: effectiveBucket(row.state, statusBucket),
  }));
}
