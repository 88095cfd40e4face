import { and, eq } from "drizzle-orm";
import { recordAudit } from "@/lib/audit/record";
import type { Db } from "@/lib/db/client";
import { type Send, sendEvents, sends } from "@/lib/db/schema";
import { alertBudgetUse } from "@/lib/spend/budget-alerts";
import type { CostEstimate } from "@/lib/spend/estimate";
import { decideSpend, type SpendOptions } from "@/lib/spend/spend-check";
import type { SendGiftValues } from "@/lib/validation/send";
import { askApprovers } from "./approval-notices";
import { fingerprintOf } from "./fingerprint";
import { lockRecipient, type PriorSend, priorSendsTo } from "./recipient-history";
import { requestBodyFor } from "./request-for";

export type Sender = {
  id: string;
  /** For the audit log. */
  email?: string;
  team: string | null;
  /** The Sendoso connection the gift goes out on (absent: the shared sandbox token). */
  connection?: { id: string; shared: boolean };
};

export type IntentResult =
  | { kind: "recorded"; row: Send }
  | { kind: "existing"; row: Send; fingerprintMatches: boolean }
  | { kind: "needs_confirmation"; priorSends: PriorSend[] }
  | { kind: "blocked"; priorSends: PriorSend[] }
  | { kind: "over_budget"; message: string };

export type IntentOptions = SpendOptions & {
  viaFrom: string;
  repeatWindowDays: number;
  /** The org currency, for approval-threshold messages (budgets carry their own). Default USD. */
  currency?: string;
};

/** The touch as the send records it: its name for history, its estimated cost for budgets. */
export type TouchPricing = { name: string; estimate: CostEstimate };

function intentDetail(repeats: number, approval: { reason: string; message: string } | null) {
  if (repeats === 0 && !approval) return null;
  return {
    ...(repeats > 0 ? { confirmedRepeatRecipient: repeats } : {}),
    ...(approval ? { approvalReason: approval.reason, message: approval.message } : {}),
  };
}

async function findByKey(db: Db, senderId: string, key: string): Promise<Send | undefined> {
  const [row] = await db
    .select()
    .from(sends)
    .where(and(eq(sends.senderId, senderId), eq(sends.idempotencyKey, key)));
  return row;
}

/**
 * Records the intent before anything is sent, or finds the one this form already recorded. New intents
 * first look at who else gifted the recipient, under a per-recipient lock, so two tabs (two keys) cannot
 * both slip past that check. Then the budget check and reservation (lib/spend) happen in the same
 * transaction as the insert: a send over a threshold or over budget is saved as `pending_approval`, or
 * refused with nothing saved.
 */
export async function recordIntent(
  db: Db,
  sender: Sender,
  values: SendGiftValues,
  touch: TouchPricing,
  options: IntentOptions,
): Promise<IntentResult> {
  const body = requestBodyFor(values, options.viaFrom);
  const fingerprint = fingerprintOf(body);
  const existingRow = (row: Send): IntentResult => ({
    kind: "existing",
    row,
    fingerprintMatches: row.fingerprint === fingerprint,
  });

  const already = await findByKey(db, sender.id, values.idempotencyKey);
  if (already) return existingRow(already);

  return db.transaction(async (tx) => {
    const txDb = tx as unknown as Db;
    await lockRecipient(txDb, values.recipientEmail);
    // A twin submit of this same form may have got the lock first.
    const twin = await findByKey(txDb, sender.id, values.idempotencyKey);
    if (twin) return existingRow(twin);
    const priorSends = await priorSendsTo(txDb, values.recipientEmail, options.repeatWindowDays);
    if (priorSends.some((p) => p.state === "unknown")) return { kind: "blocked", priorSends };
    if (priorSends.length > 0 && !values.confirmRepeatRecipient)
      return { kind: "needs_confirmation", priorSends };

    const spend = await decideSpend(txDb, sender, touch.estimate, new Date(), options);
    if (spend.kind === "refused") return { kind: "over_budget", message: spend.message };
    const pending = spend.kind === "needs_approval";
    const [row] = await tx
      .insert(sends)
      .values({
        senderId: sender.id,
        team: sender.team,
        sendosoConnectionId: sender.connection?.id ?? null,
        viaSharedAccount: sender.connection?.shared ?? false,
        idempotencyKey: values.idempotencyKey,
        fingerprint,
        sendType: values.sendType,
        touchId: values.touchId,
        touchName: touch.name,
        state: pending ? "pending_approval" : "queued",
        estimatedCost: touch.estimate.amount === null ? null : touch.estimate.amount.toFixed(2),
        costIsGuess: touch.estimate.isGuess,
        overBudget: pending && spend.overBudget,
        recipientName: values.recipientName || null,
        recipientEmail: values.recipientEmail,
        recipientCompany: values.recipientCompany || null,
        customMessage: body.send.custom_message,
        requestBody: body,
      })
      .returning();
    if (!row) throw new Error("Send insert returned no row");
    await tx.insert(sendEvents).values({
      sendId: row.id,
      actorId: sender.id,
      toState: row.state,
      detail: intentDetail(priorSends.length, pending ? spend : null),
    });
    await recordAudit(txDb, {
      actor: sender.email ? { id: sender.id, email: sender.email } : null,
      action: "send.submitted",
      target: { type: "send", id: row.id },
      after: {
        state: row.state,
        touchId: row.touchId,
        recipientEmail: row.recipientEmail,
        estimatedCost: row.estimatedCost,
      },
    });
    if (pending) await askApprovers(txDb, row, spend.message, spend.policy);
    if (!(pending && spend.overBudget))
      await alertBudgetUse(txDb, spend.meters, touch.estimate.amount ?? 0, sender);
    return { kind: "recorded", row };
  });
}
