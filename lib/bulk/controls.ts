import { and, eq, inArray } from "drizzle-orm";
import { recordAudit } from "@/lib/audit/record";
import type { Db } from "@/lib/db/client";
import { type BulkBatch, type BulkBatchState, bulkBatches, bulkRows, type User } from "@/lib/db/schema";

export type BatchControl = "pause" | "resume" | "cancel";

const MOVES: Record<
  BatchControl,
  { from: BulkBatchState[]; to: BulkBatchState; audit: "bulk.paused" | "bulk.resumed" | "bulk.cancelled" }
> = {
  pause: { from: ["running"], to: "paused", audit: "bulk.paused" },
  resume: { from: ["paused"], to: "running", audit: "bulk.resumed" },
  // A draft can be thrown away too.
  cancel: {
    from: ["draft", "pending_approval", "running", "paused"],
    to: "cancelled",
    audit: "bulk.cancelled",
  },
};

/**
 * Pause, resume or cancel with one conditional update (two clicks: one moves it). Cancelling also turns
 * every row not yet claimed into `cancelled` in the same transaction; claimed rows finish, since their
 * call may already be on its way. Workers see the new state at their next claim.
 */
export async function controlBatch(
  db: Db,
  actor: Pick<User, "id" | "email">,
  batchId: string,
  control: BatchControl,
): Promise<BulkBatch | null> {
  const move = MOVES[control];
  return db.transaction(async (tx) => {
    const [moved] = await tx
      .update(bulkBatches)
      .set({
        state: move.to,
        updatedAt: new Date(),
        ...(control === "cancel" ? { finishedAt: new Date() } : {}),
      })
      .where(and(eq(bulkBatches.id, batchId), inArray(bulkBatches.state, move.from)))
      .returning();
    if (!moved) return null;
    let cancelledRows = 0;
    if (control === "cancel") {
      const rows = await tx
        .update(bulkRows)
        .set({ state: "cancelled", outcome: "cancelled", updatedAt: new Date() })
        .where(and(eq(bulkRows.batchId, batchId), inArray(bulkRows.state, ["pending", "draft"])))
        .returning({ n: bulkRows.rowNumber });
      cancelledRows = rows.length;
    }
    await recordAudit(tx as unknown as Db, {
      actor: { id: actor.id, email: actor.email },
      action: move.audit,
      target: { type: "bulk_batch", id: batchId },
      after: { state: move.to, ...(control === "cancel" ? { cancelledRows } : {}) },
    });
    return moved;
  });
}
