import { and, asc, eq, sql } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { type BulkRow, bulkRows } from "@/lib/db/schema";

async function rowsOf<T>(db: Db, query: ReturnType<typeof sql>): Promise<T[]> {
  // Both drivers (PGlite, node-postgres) answer raw SQL with `{ rows }`.
  return ((await db.execute(query)) as unknown as { rows: T[] }).rows;
}

/**
 * Claims the next pending row of a running batch in one statement (`FOR UPDATE SKIP LOCKED`), so two
 * loops, or two instances, never take the same row, and a paused or cancelled batch hands out none.
 */
export async function claimNextRow(db: Db, batchId: string): Promise<{ rowNumber: number } | null> {
  const [row] = await rowsOf<{ row_number: number }>(
    db,
    sql`
    update bulk_rows set state = 'claimed', claimed_at = now(), updated_at = now()
    where batch_id = ${batchId} and row_number = (
      select r.row_number from bulk_rows r
      where r.batch_id = ${batchId} and r.state = 'pending'
        and exists (select 1 from bulk_batches b where b.id = ${batchId} and b.state = 'running')
      order by r.row_number
      limit 1
      for update skip locked
    )
    returning row_number`,
  );
  return row ? { rowNumber: row.row_number } : null;
}

/**
 * Rows a previous worker claimed and never finished (it crashed, or its lease ran out). Whoever holds
 * the batch lease now finishes them: submitSend with the row's same key never sends twice.
 */
export async function orphanedRows(db: Db, batchId: string): Promise<{ rowNumber: number }[]> {
  return db
    .select({ rowNumber: bulkRows.rowNumber })
    .from(bulkRows)
    .where(and(eq(bulkRows.batchId, batchId), eq(bulkRows.state, "claimed")))
    .orderBy(asc(bulkRows.rowNumber));
}

export async function loadRow(db: Db, batchId: string, rowNumber: number): Promise<BulkRow> {
  const [row] = await db
    .select()
    .from(bulkRows)
    .where(and(eq(bulkRows.batchId, batchId), eq(bulkRows.rowNumber, rowNumber)));
  if (!row) throw new Error(`Row ${rowNumber} of batch ${batchId} not found`);
  return row;
}

/** The row's end: what submitSend said, and the send it became. */
export async function finishRow(
  db: Db,
  at: { batchId: string; rowNumber: number },
  result: { outcome: string; sendId: string | null; error: string | null },
): Promise<void> {
  await db
    .update(bulkRows)
    .set({ state: "done", ...result, updatedAt: new Date() })
    .where(
      and(
        eq(bulkRows.batchId, at.batchId),
        eq(bulkRows.rowNumber, at.rowNumber),
        eq(bulkRows.state, "claimed"),
      ),
    );
}
