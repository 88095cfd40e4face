import { type SQL, sql } from "drizzle-orm";
import type { Db } from "@/lib/db/client";

/**
 * A started bulk batch reserves its whole estimated total against every budget it touches (issue 12):
 * each row not yet sent holds the batch's per-row estimate until the row's own send is recorded. Then,
 * in the very transaction that records the send (under the same budget locks), the row's share is
 * marked used (`bulk_rows.reservation_used`), so the amount moves from the batch to the send and is
 * never counted twice, nor dropped for a moment.
 *
 * Held by batches waiting for approval (unless over budget: like an over-budget single send, nothing
 * until an approver overrides), running, paused, or cancelled with rows still claimed. A row that ends
 * without a send (refused, invalid, cancelled, rejected) is no longer pending or claimed: its share is
 * released.
 */
const HOLDING = sql`b.state in ('pending_approval', 'running', 'paused', 'cancelled') and not (b.state = 'pending_approval' and b.over_budget)`;

/** Whose batches a meter counts: a team's, one rep's, or everyone's (org-wide limits). */
export type ReservationOwner = { team: string } | { userId: string } | "everyone";

function ownerCondition(owner: ReservationOwner): SQL {
  if (owner === "everyone") return sql`true`;
  return "team" in owner ? sql`b.team = ${owner.team}` : sql`b.sender_id = ${owner.userId}`;
}

/**
 * What unsent rows of started batches hold against a meter whose period ends at `periodEnd` (a batch
 * started after the period counts in a later one). Unpriced batches hold nothing, as unpriced sends do.
 */
export async function batchReservedOf(db: Db, owner: ReservationOwner, periodEnd: Date): Promise<number> {
  const result = (await db.execute(sql`
    select coalesce(sum((b.pricing -> 'estimate' ->> 'amount')::numeric * (
      select count(*) from bulk_rows r
      where r.batch_id = b.id and r.state in ('pending', 'claimed') and not r.reservation_used
    )), 0)::text as reserved
    from bulk_batches b
    where ${HOLDING} and b.started_at < ${periodEnd.toISOString()}::timestamptz
      and ${ownerCondition(owner)}`)) as unknown as { rows: { reserved: string }[] };
  return Number(result.rows[0]?.reserved ?? 0);
}

/** Which row of which batch a send is (the bulk worker says so; single sends leave it out). */
export type BulkRowRef = { batchId: string; rowNumber: number };

/**
 * Inside the send's record transaction, after the budget locks: moves this row's share of its batch's
 * reservation to the send being recorded. True only for a claimed row, not yet used, of a batch of this
 * sender whose spend was cleared at start or by an approver (running, paused, or cancelled while the
 * row was in the air). The caller then skips the per-send budget and threshold checks, which the whole
 * batch passed; false means the ordinary single-send rules apply (fail closed).
 */
export async function consumeBatchReservation(tx: Db, row: BulkRowRef, senderId: string): Promise<boolean> {
  const result = (await tx.execute(sql`
    update bulk_rows r set reservation_used = true
    from bulk_batches b
    where r.batch_id = ${row.batchId} and r.row_number = ${row.rowNumber} and b.id = r.batch_id
      and b.sender_id = ${senderId} and b.state in ('running', 'paused', 'cancelled')
      and r.state = 'claimed' and not r.reservation_used
    returning r.row_number`)) as unknown as { rows: unknown[] };
  return result.rows.length === 1;
}
