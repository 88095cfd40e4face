"use server";

import { revalidatePath } from "next/cache";
import { after } from "next/server";
import { defineAction } from "@/lib/auth/action";
import { approveBatch, type BatchDecision, rejectBatch, rejectBatchRows } from "@/lib/bulk/batch-decisions";
import { runBulkJobs } from "@/lib/bulk/wiring";
import { getDb } from "@/lib/db";
import { getConfig } from "@/lib/env";
import { log } from "@/lib/log";
import { decideBulkSchema, rejectBulkSchema } from "@/lib/validation/bulk";

/** What the decision form shows: done, or why not (never a stack trace). */
function outcome(result: BatchDecision, batchId: string) {
  if (result.status !== "not_found") {
    revalidatePath("/approvals");
    revalidatePath(`/send/bulk/${batchId}`);
  }
  switch (result.status) {
    case "approved":
      return { done: true, message: "Approved: the batch is being sent." };
    case "rejected":
      return { done: true, message: "Rejected: nothing was sent, and the rep was told why." };
    case "rows_rejected":
      return { done: true, message: `${result.rows} rows rejected; the rest of the batch still waits.` };
    case "own_batch":
      return { done: false, message: result.message };
    case "not_pending":
      return { done: false, message: "This batch was already decided; the page shows where it is now." };
    case "not_found":
      return { done: false, message: "This batch could not be found." };
  }
}

const limits = {
  permission: "approve_sends" as const,
  sameOriginOnly: true,
  // Approving a batch may spend a lot: the same per-user allowance as single approvals (issue 16).
  rateLimit: () => ({ name: "approve", limit: getConfig().limits.approvalsPerMinute, windowMs: 60_000 }),
};

/** Approves a whole batch (lib/bulk/batch-decisions.ts decides who may); the worker sends it after the response. */
export const approveBulkBatch = defineAction(
  { schema: decideBulkSchema, ...limits, failureMessage: "The batch could not be approved. Try again." },
  async (user, { batchId }) => {
    const result = await approveBatch(await getDb(), user, batchId);
    if (result.status === "approved")
      after(() =>
        runBulkJobs().catch((error) => log.error({ err: error, job: "bulk-sends" }, "bulk send job failed")),
      );
    return outcome(result, batchId);
  },
);

/** Rejects the whole batch, or only the rows given, with the reason the rep reads. */
export const rejectBulk = defineAction(
  { schema: rejectBulkSchema, ...limits, failureMessage: "Gift Desk could not record this. Try again." },
  async (user, input) => {
    const db = await getDb();
    const result = input.rowNumbers?.length
      ? await rejectBatchRows(db, user, { ...input, rowNumbers: input.rowNumbers })
      : await rejectBatch(db, user, input);
    return outcome(result, input.batchId);
  },
);
