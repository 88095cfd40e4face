import { eq, inArray } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { bulkBatches, bulkRows } from "@/lib/db/schema";

/** The batch a send came from, for History's link back (issue 12 item 6). */
export type SendBatchLink = { batchId: string; fileName: string; rowNumber: number };

/**
 * The batches these sends came from, by send id. The caller passes only sends its scope already shows;
 * a rep's batch is in their manager's batch scope too, so the link always opens.
 */
export async function batchesOfSends(db: Db, sendIds: string[]): Promise<Map<string, SendBatchLink>> {
  if (sendIds.length === 0) return new Map();
  const rows = await db
    .select({
      sendId: bulkRows.sendId,
      batchId: bulkRows.batchId,
      rowNumber: bulkRows.rowNumber,
      fileName: bulkBatches.fileName,
    })
    .from(bulkRows)
    .innerJoin(bulkBatches, eq(bulkBatches.id, bulkRows.batchId))
    .where(inArray(bulkRows.sendId, sendIds));
  return new Map(
    rows.map((r) => [
      r.sendId as string,
      { batchId: r.batchId, fileName: r.fileName, rowNumber: r.rowNumber },
    ]),
  );
}
