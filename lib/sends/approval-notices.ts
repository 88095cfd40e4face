import type { Db } from "@/lib/db/client";
import type { ApprovalPolicy, Send } from "@/lib/db/schema";
import { notify } from "@/lib/notifications/notify";
import { approverIdsFor } from "@/lib/spend/approvers";

function summarise(send: Pick<Send, "touchName" | "recipientName" | "recipientEmail" | "estimatedCost">) {
  const who = send.recipientName ? `${send.recipientName} <${send.recipientEmail}>` : send.recipientEmail;
  const cost = send.estimatedCost ? ` (est. ${send.estimatedCost})` : "";
  return `${send.touchName} to ${who}${cost}`;
}

/**
 * A send now waits for approval: everyone who may approve it hears about it. `policy` is its team's
 * approval policy, as the spend check just read it in this transaction.
 */
export async function askApprovers(
  tx: Db,
  send: Send,
  why: string,
  policy: ApprovalPolicy | null,
): Promise<void> {
  await notify(tx, {
    userIds: await approverIdsFor(tx, send, policy),
    category: "approval_needed",
    title: "A gift is waiting for your approval",
    body: `${summarise(send)}. ${why}`,
    link: "/approvals",
    dedupeKey: `approval_needed:${send.id}`,
  });
}

/** The rep hears the approver's decision, with the reason when rejected. */
export async function tellSenderOfDecision(
  tx: Db,
  send: Send,
  decision: { approved: boolean; approverName: string; reason?: string },
): Promise<void> {
  await notify(tx, {
    userIds: [send.senderId],
    category: decision.approved ? "send_approved" : "send_rejected",
    title: decision.approved ? "Your gift was approved" : "Your gift was not approved",
    body: decision.approved
      ? `${decision.approverName} approved ${summarise(send)}. It is being sent now.`
      : `${decision.approverName} rejected ${summarise(send)}: ${decision.reason ?? ""}`,
    link: `/history/${send.id}`,
    dedupeKey: `${decision.approved ? "send_approved" : "send_rejected"}:${send.id}`,
  });
}
