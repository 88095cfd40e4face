import { sql } from "drizzle-orm";
import type { Db } from "@/lib/db/client";

/** Where a started batch stands, row by row, from the sends the rows became. */
export type BatchProgress = {
  total: number;
  sent: number;
  failed: number;
  unknown: number;
  /** Waiting for an approver (the single-send rules held the row's send). */
  awaitingApproval: number;
  /** Not yet sent: pending, claimed, or its send still queued / in flight. */
  pending: number;
  /** Refused before a send was recorded (repeat recipient, budget, invalid) or cancelled. */
  skipped: number;
  /** Rows finished in the last 10 seconds / 10: the current pace. */
  rowsPerSecond: number;
};

export async function batchProgress(db: Db, batchId: string): Promise<BatchProgress> {
  const result = (await db.execute(sql`
    select
      count(*)::int as total,
      count(*) filter (where s.state = 'sent')::int as sent,
      count(*) filter (where s.state in ('failed', 'not_sent', 'rejected', 'cancelled'))::int as failed,
      count(*) filter (where s.state = 'unknown')::int as unknown,
      count(*) filter (where s.state = 'pending_approval')::int as awaiting,
      count(*) filter (where r.state in ('pending', 'claimed') or s.state in ('queued', 'in_flight'))::int as pending,
      count(*) filter (where r.state = 'cancelled' or (r.state = 'done' and r.send_id is null))::int as skipped,
      count(*) filter (where r.state = 'done' and r.updated_at > now() - interval '10 seconds')::int as recent
    from bulk_rows r left join sends s on s.id = r.send_id
    where r.batch_id = ${batchId} and r.state in ('pending', 'claimed', 'done', 'cancelled')`)) as unknown as {
    rows: {
      total: number;
      sent: number;
      failed: number;
      unknown: number;
      awaiting: number;
      pending: number;
      skipped: number;
      recent: number;
    }[];
  };
  const r = result.rows[0];
  return {
    total: r?.total ?? 0,
    sent: r?.sent ?? 0,
    failed: r?.failed ?? 0,
    unknown: r?.unknown ?? 0,
    awaitingApproval: r?.awaiting ?? 0,
    pending: r?.pending ?? 0,
    skipped: r?.skipped ?? 0,
    rowsPerSecond: (r?.recent ?? 0) / 10,
  };
}
