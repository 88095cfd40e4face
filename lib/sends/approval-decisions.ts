import { eq } from "drizzle-orm";
import { recordAudit } from "@/lib/audit/record";
import type { Db } from "@/lib/db/client";
import { type Send, type SendState, sends, type User } from "@/lib/db/schema";
import { connectionProblemMessage } from "@/lib/security/public-error";
import type { SendosoClient } from "@/lib/sendoso/client";
import { mayApprove } from "@/lib/spend/approvers";
import { approvalPolicyFor } from "@/lib/spend/spend-check";
import { tellSenderOfDecision } from "./approval-notices";
import { dispatch, type SendDeps, type SubmitResult } from "./send-service";
import { transitionSend } from "./transitions";

export type Decider = Pick<User, "id" | "email" | "name" | "role" | "team">;

export type DecisionResult =
  | { status: "approved"; sendId: string; result: SubmitResult }
  | { status: "rejected"; sendId: string }
  | { status: "cancelled"; sendId: string }
  /** Missing, or not the caller's to decide: the two read alike. */
  | { status: "not_found" }
  | { status: "own_send"; message: string }
  | { status: "not_pending"; state: SendState }
  | { status: "not_connected"; message: string };

async function load(db: Db, sendId: string): Promise<Send | undefined> {
  const [row] = await db.select().from(sends).where(eq(sends.id, sendId));
  return row;
}

/** Why the caller may not decide this send, or null when they may. */
async function refusal(db: Db, decider: Decider, row: Send | undefined): Promise<DecisionResult | null> {
  if (!row) return { status: "not_found" };
  if (row.senderId === decider.id)
    return {
      status: "own_send",
      message: "You cannot approve or reject your own gift; another approver must.",
    };
  if (!mayApprove(decider, row, await approvalPolicyFor(db, row.team))) return { status: "not_found" };
  if (row.state !== "pending_approval") return { status: "not_pending", state: row.state };
  return null;
}

const decided = (decider: Decider) => ({ decidedBy: decider.id, decidedAt: new Date() });
const actor = (decider: Decider) => ({ id: decider.id, email: decider.email });

/**
 * Approves a pending send and sends it through the normal money path (claim, one call, settle), on the
 * rep's own Sendoso connection. The move to `queued` is conditional, so two approvers clicking at once
 * release it once.
 */
export async function approveSend(
  deps: Omit<SendDeps, "sendoso"> & { sendosoFor(senderId: string): Promise<SendosoClient> },
  decider: Decider,
  sendId: string,
): Promise<DecisionResult> {
  const row = await load(deps.db, sendId);
  const refused = await refusal(deps.db, decider, row);
  if (refused || !row) return refused ?? { status: "not_found" };
  let sendoso: SendosoClient;
  try {
    // Before approving: a rep who must reconnect first keeps the send pending, not stuck in `queued`.
    sendoso = await deps.sendosoFor(row.senderId);
  } catch (error) {
    return {
      status: "not_connected",
      message: `The sender's Sendoso connection is not usable: ${connectionProblemMessage(error)}`,
    };
  }
  const moved = await transitionSend(deps.db, {
    sendId,
    from: ["pending_approval"],
    to: "queued",
    actorId: decider.id,
    patch: decided(decider),
    detail: { action: "approve" },
    onMoved: async (tx, sent) => {
      await recordAudit(tx, {
        actor: actor(decider),
        action: "send.approved",
        target: { type: "send", id: sendId },
        before: { state: "pending_approval" },
        after: { state: "queued", overBudget: sent.overBudget, estimatedCost: sent.estimatedCost },
      });
      await tellSenderOfDecision(tx, sent, { approved: true, approverName: decider.name });
    },
  });
  if (!moved) return { status: "not_pending", state: (await load(deps.db, sendId))?.state ?? "queued" };
  return { status: "approved", sendId, result: await dispatch({ ...deps, sendoso }, decider.id, moved) };
}

/** Rejects a pending send with a reason the rep sees; its reservation is released. */
export async function rejectSend(
  db: Db,
  decider: Decider,
  input: { sendId: string; reason: string },
): Promise<DecisionResult> {
  const row = await load(db, input.sendId);
  const refused = await refusal(db, decider, row);
  if (refused) return refused;
  const moved = await transitionSend(db, {
    sendId: input.sendId,
    from: ["pending_approval"],
    to: "rejected",
    actorId: decider.id,
    patch: {
      ...decided(decider),
      decisionReason: input.reason,
      errorMessage: `Not approved by ${decider.name}: ${input.reason}`,
      settledAt: new Date(),
    },
    detail: { action: "reject", reason: input.reason },
    onMoved: async (tx, sent) => {
      await recordAudit(tx, {
        actor: actor(decider),
        action: "send.rejected",
        target: { type: "send", id: input.sendId },
        before: { state: "pending_approval" },
        after: { state: "rejected", reason: input.reason },
      });
      await tellSenderOfDecision(tx, sent, {
        approved: false,
        approverName: decider.name,
        reason: input.reason,
      });
    },
  });
  if (!moved) return { status: "not_pending", state: (await load(db, input.sendId))?.state ?? "rejected" };
  return { status: "rejected", sendId: input.sendId };
}

/** The rep withdraws their own pending send before anyone decides. */
export async function cancelPendingSend(db: Db, rep: Decider, sendId: string): Promise<DecisionResult> {
  const row = await load(db, sendId);
  if (!row || row.senderId !== rep.id) return { status: "not_found" };
  const moved = await transitionSend(db, {
    sendId,
    from: ["pending_approval"],
    to: "cancelled",
    actorId: rep.id,
    patch: { errorMessage: "Cancelled by the sender before approval.", settledAt: new Date() },
    detail: { action: "cancel" },
    onMoved: (tx) =>
      recordAudit(tx, {
        actor: actor(rep),
        action: "send.cancelled",
        target: { type: "send", id: sendId },
        before: { state: "pending_approval" },
        after: { state: "cancelled" },
      }),
  });
  if (!moved) return { status: "not_pending", state: (await load(db, sendId))?.state ?? "cancelled" };
  return { status: "cancelled", sendId };
}
