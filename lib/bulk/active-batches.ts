import { sql } from "drizzle-orm";
import type { Db } from "@/lib/db/client";

/** Batches with work: running ones, and any whose claimed rows a dead worker left (paused or not). */
export async function batchesWithWork(db: Db): Promise<string[]> {
  const result = (await db.execute(sql`
    select b.id from bulk_batches b
    where b.state = 'running'
       or exists (select 1 from bulk_rows r where r.batch_id = b.id and r.state = 'claimed')
    order by b.started_at`)) as unknown as { rows: { id: string }[] };
  return result.rows.map((r) => r.id);
}
