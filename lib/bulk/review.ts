import { and, asc, eq, inArray } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { type BulkBatch, bulkRows } from "@/lib/db/schema";
import { recipientFlags } from "./recipient-flags";
import { type RowReview, reviewRows } from "./validate-rows";

export type DraftReview = {
  reviews: RowReview[];
  dropped: { rowNumber: number; cells: Record<string, string> }[];
};

/** Every row of a draft judged now (history changes: a repeat recipient may appear between two looks). */
export async function reviewDraft(db: Db, batch: BulkBatch, windowDays: number): Promise<DraftReview> {
  if (!batch.settings) throw new Error(`Batch ${batch.id} has no settings`);
  const rows = await db
    .select({ rowNumber: bulkRows.rowNumber, cells: bulkRows.cells, state: bulkRows.state })
    .from(bulkRows)
    .where(and(eq(bulkRows.batchId, batch.id), inArray(bulkRows.state, ["draft", "dropped"])))
    .orderBy(asc(bulkRows.rowNumber));
  const kept = rows.filter((r) => r.state === "draft");
  const emails = kept.map((r) => r.cells.email?.trim().toLowerCase()).filter((e): e is string => !!e);
  const flags = await recipientFlags(db, emails, windowDays);
  return {
    reviews: reviewRows(kept, batch.settings, flags, windowDays),
    dropped: rows.filter((r) => r.state === "dropped"),
  };
}
