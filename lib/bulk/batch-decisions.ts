import { and, eq, inArray, sql } from "drizzle-orm";
import { recordAudit } from "@/lib/audit/record";
import type { Db } from "@/lib/db/client";
import { type BulkBatch, bulkBatches, bulkRows } from "@/lib/db/schema";
import { type BatchDecider, mayDecideBatch } from "./batch-approvers";
import { tellRepOfBatchDecision } from "./batch-notices";

export type BatchDecision =
  | { status: "approved" | "rejected"; batch: BulkBatch }
  | { status: "rows_rejected"; rows: number; batch: BulkBatch }
  /** Missing, or not the caller's to decide: the two read alike. */
  | { status: "not_found" }
  | { status: "own_batch"; message: string }
  | { status: "not_pending" };

/**
 * Locks the batch for the decision's transaction and says why the caller may not decide it, if so.
 * The same rules as a single send: a manager of the rep's team, the fallback approver or an admin,
 * never the rep who uploaded it.
 */
async function lockPending(tx: Db, decider: BatchDecider, batchId: string) {
  const [batch] = await tx.select().from(bulkBatches).where(eq(bulkBatches.id, batchId)).for("update");
  if (!batch) return { refused: { status: "not_found" } as const };
  if (batch.senderId === decider.id)
    return {
      refused: {
        status: "own_batch",
        message: "You cannot approve or reject your own bulk send; another approver must.",
      } as const,
    };
  if (!(await mayDecideBatch(tx, decider, batch))) return { refused: { status: "not_found" } as const };
  if (batch.state !== "pending_approval") return { refused: { status: "not_pending" } as const };
  return { batch };
}

const actorOf = (d: BatchDecider) => ({ id: d.id, email: d.email });

/**
 * Approves the whole batch: it becomes `running` and its rows go through the worker, each consuming its
 * share of the batch's reservation instead of being held again one by one. An over-budget batch is the
 * approver's override: from now on it holds its total like any approved over-budget send.
 */
export async function approveBatch(db: Db, decider: BatchDecider, batchId: string): Promise<BatchDecision> {
  return db.transaction(async (tx) => {
    const txDb = tx as unknown as Db;
    const locked = await lockPending(txDb, decider, batchId);
    if (locked.refused) return locked.refused;
    const [batch] = await tx
      .update(bulkBatches)
      .set({ state: "running", overBudget: false, decidedBy: decider.id, decidedAt: new Date() })
      .where(eq(bulkBatches.id, batchId))
      .returning();
    if (!batch) throw new Error(`Batch ${batchId} vanished while approving`);
    await recordAudit(txDb, {
      actor: actorOf(decider),
      action: "bulk.approved",
      target: { type: "bulk_batch", id: batchId },
      before: { state: "pending_approval", overBudget: locked.batch.overBudget },
      after: { state: "running", estimatedTotal: batch.estimatedTotal },
    });
    await tellRepOfBatchDecision(txDb, batch, { approved: true, approverName: decider.name });
    return { status: "approved", batch };
  });
}

/** Rejects the whole batch with the reason the rep reads: no row is sent, its reservation is released. */
export async function rejectBatch(
  db: Db,
  decider: BatchDecider,
  input: { batchId: string; reason: string },
): Promise<BatchDecision> {
  return db.transaction(async (tx) => {
    const txDb = tx as unknown as Db;
    const locked = await lockPending(txDb, decider, input.batchId);
    if (locked.refused) return locked.refused;
    const now = new Date();
    const [batch] = await tx
      .update(bulkBatches)
      .set({
        state: "rejected",
        decidedBy: decider.id,
        decidedAt: now,
        decisionReason: input.reason,
        finishedAt: now,
      })
      .where(eq(bulkBatches.id, input.batchId))
      .returning();
    if (!batch) throw new Error(`Batch ${input.batchId} vanished while rejecting`);
    const rows = await tx
      .update(bulkRows)
      .set({ state: "cancelled", outcome: "rejected", error: `Rejected: ${input.reason}`, updatedAt: now })
      .where(and(eq(bulkRows.batchId, input.batchId), eq(bulkRows.state, "pending")))
      .returning({ n: bulkRows.rowNumber });
    await recordAudit(txDb, {
      actor: actorOf(decider),
      action: "bulk.rejected",
      target: { type: "bulk_batch", id: input.batchId },
      before: { state: "pending_approval" },
      after: { state: "rejected", reason: input.reason, rows: rows.length },
    });
    await tellRepOfBatchDecision(txDb, batch, {
      approved: false,
      approverName: decider.name,
      reason: input.reason,
    });
    return { status: "rejected", batch };
  });
}

/**
 * Takes single rows out of a batch waiting for approval (a recipient the approver does not want
 * gifted): they are never sent and the batch's total shrinks by their share. The rest still waits.
 */
export async function rejectBatchRows(
  db: Db,
  decider: BatchDecider,
  input: { batchId: string; rowNumbers: number[]; reason: string },
): Promise<BatchDecision> {
  return db.transaction(async (tx) => {
    const txDb = tx as unknown as Db;
    const locked = await lockPending(txDb, decider, input.batchId);
    if (locked.refused) return locked.refused;
    const rows = await tx
      .update(bulkRows)
      .set({
        state: "dropped",
        outcome: "rejected",
        error: `Rejected by the approver: ${input.reason}`,
        updatedAt: new Date(),
      })
      .where(
        and(
          eq(bulkRows.batchId, input.batchId),
          eq(bulkRows.state, "pending"),
          inArray(bulkRows.rowNumber, input.rowNumbers),
        ),
      )
      .returning({ n: bulkRows.rowNumber });
    const perRow = (locked.batch.pricing as { estimate: { amount: number | null } } | null)?.estimate.amount;
    const [batch] = await tx
      .update(bulkBatches)
      .set({
        estimatedTotal:
          perRow == null
            ? null
            : sql`(select (count(*) * ${perRow})::numeric(12,2) from bulk_rows r where r.batch_id = ${input.batchId} and r.state = 'pending')`,
        updatedAt: new Date(),
      })
      .where(eq(bulkBatches.id, input.batchId))
      .returning();
    if (!batch) throw new Error(`Batch ${input.batchId} vanished while rejecting rows`);
    await recordAudit(txDb, {
      actor: actorOf(decider),
      action: "bulk.rows_rejected",
      target: { type: "bulk_batch", id: input.batchId },
      after: { rows: rows.map((r) => r.n), reason: input.reason },
    });
    return { status: "rows_rejected", rows: rows.length, batch };
  });
}
