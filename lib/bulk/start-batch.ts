import { and, eq, sql } from "drizzle-orm";
import { recordAudit } from "@/lib/audit/record";
import type { Db } from "@/lib/db/client";
import { type BulkBatch, bulkBatches, bulkRows, type User } from "@/lib/db/schema";
import type { TouchPricing } from "@/lib/sends/send-service";
import type { SpendOptions } from "@/lib/spend/spend-check";
import { askBatchApprovers } from "./batch-notices";
import { batchSpend } from "./batch-spend";
import { reviewDraft } from "./review";
import { rowIdempotencyKey } from "./row-key";

export type StartOutcome =
  | { kind: "started"; batch: BulkBatch; rows: number; skipped: number }
  /** Recorded like a started batch, but nothing goes until an approver approves the batch. */
  | { kind: "awaiting_approval"; batch: BulkBatch; rows: number; skipped: number; message: string }
  /** Already started (a double click, a second tab): the first start stands, nothing is added. */
  | { kind: "already_started"; batch: BulkBatch }
  | { kind: "nothing_to_send" }
  | { kind: "over_budget"; message: string }
  | { kind: "not_found" };

const UPDATE_CHUNK = 1_000;

/**
 * Starts a draft: in one transaction, under a lock on the batch row, every valid row becomes `pending`
 * with its own idempotency key (batch id + row number) and the batch `running`; invalid and blocked rows
 * are set aside with their reason. The batch's estimated total is checked against every budget and
 * org-wide limit under the budget locks first (lib/bulk/batch-spend.ts): a batch that does not fit is
 * refused whole and stays a draft; one that fits is reserved whole by this commit (its pending rows
 * count, lib/spend/batch-reservations.ts); one over the team's threshold, unpriced, teamless or over a
 * budget that allows approval goes to `pending_approval` as one batch. Nothing is sent here: the
 * worker (lib/bulk/worker.ts) sends the rows of a running batch.
 */
export async function startBatch(
  db: Db,
  sender: Pick<User, "id" | "email" | "team">,
  batchId: string,
  pricing: TouchPricing,
  options: SpendOptions & { windowDays: number; currency: string },
): Promise<StartOutcome> {
  return db.transaction(async (tx) => {
    const txDb = tx as unknown as Db;
    const [batch] = await tx
      .select()
      .from(bulkBatches)
      .where(and(eq(bulkBatches.id, batchId), eq(bulkBatches.senderId, sender.id)))
      .for("update");
    if (!batch) return { kind: "not_found" as const };
    if (batch.state !== "draft") return { kind: "already_started" as const, batch };

    const { reviews } = await reviewDraft(txDb, batch, options.windowDays);
    const sendable = reviews.filter((r) => r.values && !r.blocked);
    if (sendable.length === 0) return { kind: "nothing_to_send" as const };
    const spend = await batchSpend(txDb, sender, pricing.estimate, sendable.length, {
      ...options,
      lock: true,
    });
    if (spend.refusal) return { kind: "over_budget" as const, message: spend.refusal };

    for (let i = 0; i < sendable.length; i += UPDATE_CHUNK) {
      const values = sendable
        .slice(i, i + UPDATE_CHUNK)
        .map((r) => sql`(${r.rowNumber}::int, ${rowIdempotencyKey(batch.id, r.rowNumber)}::uuid)`);
      await tx.execute(sql`
        update bulk_rows set state = 'pending', idempotency_key = v.key, updated_at = now()
        from (values ${sql.join(values, sql`, `)}) as v(n, key)
        where bulk_rows.batch_id = ${batch.id} and bulk_rows.row_number = v.n and bulk_rows.state = 'draft'`);
    }
    // What is left in draft was invalid or blocked: set aside with its reason, never sent.
    for (const r of reviews.filter((x) => !x.values || x.blocked)) {
      const reason = r.blocked
        ? "A send to this recipient is still unknown"
        : Object.entries(r.errors)
            .map(([col, msg]) => `${col}: ${msg}`)
            .join("; ");
      await tx
        .update(bulkRows)
        .set({ state: "dropped", outcome: r.blocked ? "blocked" : "invalid", error: reason })
        .where(and(eq(bulkRows.batchId, batch.id), eq(bulkRows.rowNumber, r.rowNumber)));
    }
    const [started] = await tx
      .update(bulkBatches)
      .set({
        state: spend.approval ? "pending_approval" : "running",
        overBudget: spend.overBudget,
        approvalReason: spend.approval?.reason ?? null,
        pricing,
        estimatedTotal: spend.total === null ? null : spend.total.toFixed(2),
        startedAt: new Date(),
        updatedAt: new Date(),
      })
      .where(eq(bulkBatches.id, batch.id))
      .returning();
    if (!started) throw new Error(`Batch ${batch.id} vanished while starting`);
    await recordAudit(txDb, {
      actor: { id: sender.id, email: sender.email },
      action: "bulk.started",
      target: { type: "bulk_batch", id: batch.id },
      after: {
        rows: sendable.length,
        skipped: reviews.length - sendable.length,
        estimatedTotal: started.estimatedTotal,
        state: started.state,
      },
    });
    if (spend.approval) {
      await askBatchApprovers(txDb, started, sendable.length, spend.approval.message);
      return {
        kind: "awaiting_approval" as const,
        batch: started,
        rows: sendable.length,
        skipped: reviews.length - sendable.length,
        message: spend.approval.message,
      };
    }
    return {
      kind: "started" as const,
      batch: started,
      rows: sendable.length,
      skipped: reviews.length - sendable.length,
    };
  });
}
