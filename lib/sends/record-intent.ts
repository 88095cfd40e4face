import { and, eq, sql } from "drizzle-orm";
import type { PgInsertValue } from "drizzle-orm/pg-core";
import { recordAudit } from "@/lib/audit/record";
import type { Db } from "@/lib/db/client";
import { type Send, sendEvents, sends } from "@/lib/db/schema";
import { consume } from "@/lib/rate-limit";
import type { SendBody } from "@/lib/sendoso/client";
import { alertBudgetUse } from "@/lib/spend/budget-alerts";
import type { CostEstimate } from "@/lib/spend/estimate";
import { decideSpend, type SpendOptions } from "@/lib/spend/spend-check";
import type { SendGiftValues } from "@/lib/validation/send";
import { askApprovers } from "./approval-notices";
import { lockRecipient, type PriorSend, priorSendsTo } from "./recipient-history";
import { sendosoUserIdOf } from "./sendoso-user-of";

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
  | { kind: "over_budget"; message: string }
  | { kind: "rate_limited"; retryAfterMs: number };

export type IntentOptions = SpendOptions & {
  repeatWindowDays: number;
  /** The per-user send limit, counted in this transaction (not a commit of its own). */
  sendLimit?: { limit: number; windowMs: number };
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

export async function findByKey(db: Db, senderId: string, key: string): Promise<Send | undefined> {
  const [row] = await db
    .select()
    .from(sends)
    .where(and(eq(sends.senderId, senderId), eq(sends.idempotencyKey, key)));
  return row;
}

/**
 * Every column of a new send row, built here only (one place to add a column set at record time).
 * A direct send is born `in_flight`: its claim is this insert, and `in_flight_at` is the database's
 * clock, like the sweeper's cutoff.
 */
function newSendValues(
  sender: Sender,
  values: SendGiftValues,
  touch: TouchPricing,
  body: SendBody,
  fingerprint: string,
  spend: { pending: boolean; overBudget: boolean },
): PgInsertValue<typeof sends> {
  return {
    senderId: sender.id,
    team: sender.team,
    sendosoConnectionId: sender.connection?.id ?? null,
    sendosoUserId: sendosoUserIdOf(sender.connection?.id),
    viaSharedAccount: sender.connection?.shared ?? false,
    idempotencyKey: values.idempotencyKey,
    fingerprint,
    sendType: values.sendType,
    touchId: values.touchId,
    touchName: touch.name,
    state: spend.pending ? "pending_approval" : "in_flight",
    inFlightAt: spend.pending ? null : sql`now()`,
    estimatedCost: touch.estimate.amount === null ? null : touch.estimate.amount.toFixed(2),
    costIsGuess: touch.estimate.isGuess,
    overBudget: spend.pending && spend.overBudget,
    recipientName: values.recipientName || null,
    recipientEmail: values.recipientEmail,
    recipientCompany: values.recipientCompany || null,
    customMessage: body.send.custom_message,
    requestBody: body,
  };
}

/**
 * Records and claims the intent in one transaction (one commit), or finds the one this form already
 * recorded. The caller has already ensured the token and taken the rate-limit slot, so the only thing
 * left after this commit is the POST itself. Inside: the per-user send limit, a per-recipient lock (two
 * tabs with two keys cannot both slip past the repeat/unknown checks), the budget check and reservation
 * (lib/spend), the insert (straight as `in_flight`, or `pending_approval` when over a threshold or
 * budget), its event and audit rows, and the approvers' and budget notices.
 */
export async function recordIntent(
  db: Db,
  sender: Sender,
  values: SendGiftValues,
  touch: TouchPricing,
  options: IntentOptions & { body: SendBody; fingerprint: string },
): Promise<IntentResult> {
  const { body, fingerprint } = options;
  const existingRow = (row: Send): IntentResult => ({
    kind: "existing",
    row,
    fingerprintMatches: row.fingerprint === fingerprint,
  });

  return db.transaction(async (tx) => {
    const txDb = tx as unknown as Db;
    if (options.sendLimit) {
      const verdict = await consume(txDb, { key: `send:${sender.id}`, ...options.sendLimit });
      if (!verdict.ok) return { kind: "rate_limited", retryAfterMs: verdict.retryAfterMs };
    }
    await lockRecipient(txDb, values.recipientEmail);
    // A twin submit of this same form may have got the lock first.
    const twin = await findByKey(txDb, sender.id, values.idempotencyKey);
    if (twin) return existingRow(twin);
    const priorSends = await priorSendsTo(txDb, values.recipientEmail, options.repeatWindowDays);
    if (priorSends.some((p) => p.state === "unknown")) return { kind: "blocked", priorSends };
    if (priorSends.length > 0 && !values.confirmRepeatRecipient)
      return { kind: "needs_confirmation", priorSends };

    const spend = await decideSpend(txDb, sender, touch.estimate, new Date(), options, values.recipientEmail);
    if (spend.kind === "refused") return { kind: "over_budget", message: spend.message };
    const pending = spend.kind === "needs_approval";
    const [row] = await tx
      .insert(sends)
      .values(
        newSendValues(sender, values, touch, body, fingerprint, {
          pending,
          overBudget: pending && spend.overBudget,
        }),
      )
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
