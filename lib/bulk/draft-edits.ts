import { and, eq, sql } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { bulkBatches, bulkRows } from "@/lib/db/schema";
import type { BulkField } from "./fields";

/** Only while the batch is a draft: once started, its rows are what was started. */
const inDraft = (batchId: string) =>
  sql`exists (select 1 from ${bulkBatches} where ${bulkBatches.id} = ${batchId} and ${bulkBatches.state} = 'draft')`;

/** Sets (or, with an empty value, clears) one cell of a draft row. False: not a draft row any more. */
export async function fixCell(
  db: Db,
  at: { batchId: string; rowNumber: number },
  field: BulkField,
  value: string,
): Promise<boolean> {
  const trimmed = value.trim();
  const cells =
    trimmed === ""
      ? sql`${bulkRows.cells} - ${field}::text`
      : sql`jsonb_set(${bulkRows.cells}, ${`{${field}}`}::text[], to_jsonb(${trimmed}::text))`;
  const updated = await db
    .update(bulkRows)
    .set({ cells, updatedAt: new Date() })
    .where(
      and(
        eq(bulkRows.batchId, at.batchId),
        eq(bulkRows.rowNumber, at.rowNumber),
        eq(bulkRows.state, "draft"),
        inDraft(at.batchId),
      ),
    )
    .returning({ n: bulkRows.rowNumber });
  return updated.length === 1;
}

/** Drops a draft row from the batch (it is never sent), or puts a dropped one back. */
export async function setRowDropped(
  db: Db,
  at: { batchId: string; rowNumber: number },
  dropped: boolean,
): Promise<boolean> {
  const updated = await db
    .update(bulkRows)
    .set({ state: dropped ? "dropped" : "draft", updatedAt: new Date() })
    .where(
      and(
        eq(bulkRows.batchId, at.batchId),
        eq(bulkRows.rowNumber, at.rowNumber),
        eq(bulkRows.state, dropped ? "draft" : "dropped"),
        inDraft(at.batchId),
      ),
    )
    .returning({ n: bulkRows.rowNumber });
  return updated.length === 1;
}
