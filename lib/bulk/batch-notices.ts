import type { Db } from "@/lib/db/client";
import type { BulkBatch } from "@/lib/db/schema";
import { notify } from "@/lib/notifications/notify";
import { approverIdsFor } from "@/lib/spend/approvers";
import { approvalPolicyFor } from "@/lib/spend/spend-check";

const totalOf = (batch: BulkBatch) => (batch.estimatedTotal ? ` (est. ${batch.estimatedTotal})` : "");

/** A batch waits for approval: the people who may approve a single send of this rep hear about it once. */
export async function askBatchApprovers(tx: Db, batch: BulkBatch, rows: number, why: string): Promise<void> {
  const policy = await approvalPolicyFor(tx, batch.team);
  await notify(tx, {
    userIds: await approverIdsFor(tx, { senderId: batch.senderId, team: batch.team }, policy),
    category: "approval_needed",
    title: "A bulk send is waiting for your approval",
    body: `${batch.fileName}: ${rows} gifts${totalOf(batch)}. ${why}`,
    link: `/send/bulk/${batch.id}`,
    dedupeKey: `bulk_approval_needed:${batch.id}`,
  });
}

/** The rep hears the approver's decision on the whole batch, with the reason when rejected. */
export async function tellRepOfBatchDecision(
  tx: Db,
  batch: BulkBatch,
  decision: { approved: boolean; approverName: string; reason?: string },
): Promise<void> {
  await notify(tx, {
    userIds: [batch.senderId],
    category: decision.approved ? "send_approved" : "send_rejected",
    title: decision.approved ? "Your bulk send was approved" : "Your bulk send was not approved",
    body: decision.approved
      ? `${decision.approverName} approved ${batch.fileName}${totalOf(batch)}. Its gifts are being sent now.`
      : `${decision.approverName} rejected ${batch.fileName}: ${decision.reason ?? ""}. Nothing was sent.`,
    link: `/send/bulk/${batch.id}`,
    dedupeKey: `bulk_${decision.approved ? "approved" : "rejected"}:${batch.id}`,
  });
}
