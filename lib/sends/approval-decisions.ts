import { eq, sql } from "drizzle-orm";
import { recordAudit } from "@/lib/audit/record";
import type { Db } from "@/lib/db/client";
import { type Send, type SendState, sends, type User } from "@/lib/db/schema";
import { connectionProblemMessage } from "@/lib/security/public-error";
import type { SendosoClient } from "@/lib/sendoso/client";
import { mayApprove } from "@/lib/spend/approvers";
import { approvalPolicyFor } from "@/lib/spend/spend-check";
import { tellSenderOfDecision } from "./approval-notices";
import { RECIPIENT_BLOCKED_MESSAGE } from "./outcome-messages";
import { lockRecipient, priorSendsTo } from "./recipient-history";
import { callAndSettle, type SendDeps, type SubmitResult } from "./send-service";
import { moveSend, transitionSend } from "./transitions";

export type Decider = Pick<User, "id" | "email" | "name" | "role" | "team">;

export type DecisionResult =
  | { status: "approved"; sendId: string; result: SubmitResult }
  | { status: "rejected"; sendId: string }
  | { status: "cancelled"; sendId: string }
  /** Missing, or not the caller's to decide: the two read alike. */
  | { status: "not_found" }
  | { status: "own_send"; message: string }
  | { status: "not_pending"; state: SendState }
  | { status: "not_connected"; message: string }
  /** Still pending: the recipient has an unconfirmed gift, so nothing may go out until it is checked. */
  | { status: "held"; message: string };

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

/** The approval's one transaction: the unknown-recipient block again, then the claim (one commit). */
async function claimApproved(deps: ApproveDeps, decider: Decider, row: Send) {
  return deps.db.transaction(async (tx) => {
    const txDb = tx as unknown as Db;
    await lockRecipient(txDb, row.recipientEmail);
    // Another approver may have released it meanwhile: if that send ended `unknown`, the block below
    // would read this very send as the unconfirmed gift and answer "held" instead of "not pending".
    const [current] = await txDb.select({ state: sends.state }).from(sends).where(eq(sends.id, row.id));
    if (current?.state !== "pending_approval") return { blocked: false as const, moved: null };
    const prior = await priorSendsTo(txDb, row.recipientEmail, deps.repeatWindowDays);
    if (prior.some((p) => p.state === "unknown")) return { blocked: true as const };
    const moved = await moveSend(txDb, {
      sendId: row.id,
      from: ["pending_approval"],
      to: "in_flight",
      actorId: decider.id,
      patch: { ...decided(decider), inFlightAt: sql`now()` },
      detail: { action: "approve" },
      onMoved: async (inner, sent) => {
        await recordAudit(inner, {
          actor: actor(decider),
          action: "send.approved",
          target: { type: "send", id: row.id },
          before: { state: "pending_approval" },
          after: { state: "in_flight", overBudget: sent.overBudget, estimatedCost: sent.estimatedCost },
        });
        await tellSenderOfDecision(inner, sent, { approved: true, approverName: decider.name });
      },
    });
    return { blocked: false as const, moved };
  });
}

export type ApproveDeps = Omit<SendDeps, "sendoso"> & {
  /** A client on the connection recorded on the row (null: the shared sandbox token). */
  sendosoFor(connectionId: string | null, senderId: string): Promise<SendosoClient>;
};

/**
 * Approves a pending send and sends it through the normal money path, on the Sendoso connection the
 * send was recorded on (not whatever the rep uses now): token and slot first, then one transaction
 * that re-checks the recipient for an unconfirmed gift and moves `pending_approval → in_flight`
 * (conditional, so two approvers clicking at once release it once), then one call and the settle.
 */
export async function approveSend(
  deps: ApproveDeps,
  decider: Decider,
  sendId: string,
): Promise<DecisionResult> {
  const row = await load(deps.db, sendId);
  const refused = await refusal(deps.db, decider, row);
  if (refused || !row) return refused ?? { status: "not_found" };
  let sendoso: SendosoClient;
  try {
    sendoso = await deps.sendosoFor(row.sendosoConnectionId, row.senderId);
  } catch (error) {
    return {
      status: "not_connected",
      message: `Not sent; the gift stays pending. ${connectionProblemMessage(error)}`,
    };
  }
  const ready = await sendoso.prepareSend();
  if (!ready.ok) {
    const why = ready.outcome.kind === "not_sent" ? ready.outcome.message : "Sendoso is not usable now.";
    return { status: "not_connected", message: `Not sent; the gift stays pending. ${why}` };
  }
  const claim = await claimApproved(deps, decider, row).catch((error) => {
    ready.prepared.lease?.release();
    throw error;
  });
  if (claim.blocked || !claim.moved) ready.prepared.lease?.release();
  if (claim.blocked) return { status: "held", message: RECIPIENT_BLOCKED_MESSAGE };
  if (!claim.moved)
    return { status: "not_pending", state: (await load(deps.db, sendId))?.state ?? "in_flight" };
  const result = await callAndSettle({ ...deps, sendoso }, decider.id, claim.moved, ready.prepared);
  return { status: "approved", sendId, result };
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
