import { eq, sql } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { bulkBatches } from "@/lib/db/schema";
import { notify } from "@/lib/notifications/notify";

/**
 * Completes a running batch once no row is pending or claimed, and tells its rep, in one transaction:
 * of two workers finishing at once, one moves it and one notification goes out.
 */
export async function completeIfDone(db: Db, batchId: string): Promise<boolean> {
  return db.transaction(async (tx) => {
    const [done] = await tx
      .update(bulkBatches)
      .set({ state: "completed", finishedAt: new Date(), updatedAt: new Date() })
      .where(
        sql`${bulkBatches.id} = ${batchId} and ${bulkBatches.state} = 'running' and not exists (
          select 1 from bulk_rows r where r.batch_id = ${batchId} and r.state in ('pending', 'claimed'))`,
      )
      .returning();
    if (!done) return false;
    const [counts] = (
      (await tx.execute(sql`
        select count(*) filter (where s.state = 'sent')::int as sent,
               count(*) filter (where r.state = 'done' and (s.state is null or s.state <> 'sent'))::int as other
        from bulk_rows r left join sends s on s.id = r.send_id
        where r.batch_id = ${batchId} and r.state = 'done'`)) as unknown as {
        rows: { sent: number; other: number }[];
      }
    ).rows;
    await notify(tx as unknown as Db, {
      userIds: [done.senderId],
      category: "bulk_finished",
      title: `Bulk send finished: ${done.fileName}`,
      body: `${counts?.sent ?? 0} sent, ${counts?.other ?? 0} not sent or still being checked. Download the results from the batch page.`,
      link: `/send/bulk/${batchId}`,
      dedupeKey: `bulk-finished:${batchId}`,
    });
    return true;
  });
}

export async function batchState(db: Db, batchId: string) {
  const [row] = await db
    .select({ state: bulkBatches.state })
    .from(bulkBatches)
    .where(eq(bulkBatches.id, batchId));
  return row?.state ?? null;
}
