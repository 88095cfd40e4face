import { eq } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { type Send, sends } from "@/lib/db/schema";
import type { SendBody, SendOutcome, SendosoClient } from "@/lib/sendoso/client";
import type { SpendOptions } from "@/lib/spend/spend-check";
import type { SendGiftField, SendGiftValues } from "@/lib/validation/send";
import { tellSenderItFailed } from "./failure-notice";
import {
  formFieldFor,
  KEY_REUSED_MESSAGE,
  RECIPIENT_BLOCKED_MESSAGE,
  readableRejection,
  UNKNOWN_OUTCOME_MESSAGE,
} from "./outcome-messages";
import type { PriorSend } from "./recipient-history";
import { recordIntent, type Sender, type TouchPricing } from "./record-intent";
import { transitionSend } from "./transitions";

export type { Sender, TouchPricing } from "./record-intent";

export type SubmitResult =
  | { status: "sent"; sendId: string; trackingCode: string; trackingUrl: string | null }
  | { status: "failed"; sendId: string; message: string; field: SendGiftField | null }
  | { status: "unknown"; sendId: string; message: string }
  | { status: "in_progress"; sendId: string; message: string }
  | { status: "pending_approval"; sendId: string; message: string }
  | { status: "over_budget"; message: string }
  | { status: "key_reused"; message: string }
  | { status: "needs_confirmation"; priorSends: PriorSend[] }
  | { status: "not_connected"; message: string }
  | { status: "blocked"; message: string; priorSends: PriorSend[] };

export type SendDeps = SpendOptions & {
  db: Db;
  sendoso: SendosoClient;
  viaFrom: string;
  /** A recipient gifted by anyone in the org within this many days needs the rep's confirmation. */
  repeatWindowDays: number;
  /** How long a repeat submit waits for the first one to settle; longer than the Sendoso timeout. */
  settleWaitMs: number;
  /** The org currency (ORG_CURRENCY), for spend messages. */
  currency?: string;
};

/** The outcome a settled (or still running) row stands for. */
export function resultOf(row: Send): SubmitResult {
  switch (row.state) {
    case "sent":
      return {
        status: "sent",
        sendId: row.id,
        trackingCode: row.trackingCode ?? "",
        trackingUrl: row.trackingUrl,
      };
    case "pending_approval":
      return {
        status: "pending_approval",
        sendId: row.id,
        message:
          "This gift is waiting for a manager's approval. Nothing has been sent yet; you will be notified.",
      };
    case "failed":
    case "not_sent":
    case "rejected":
    case "cancelled":
      return {
        status: "failed",
        sendId: row.id,
        message: row.errorMessage ?? "The gift was not sent.",
        field: formFieldFor(row.errorDetail),
      };
    case "unknown":
      return { status: "unknown", sendId: row.id, message: UNKNOWN_OUTCOME_MESSAGE };
    default:
      return {
        status: "in_progress",
        sendId: row.id,
        message: "This gift is still being sent. Check History shortly.",
      };
  }
}

async function waitForSettled(deps: SendDeps, sendId: string): Promise<Send> {
  const deadline = Date.now() + deps.settleWaitMs;
  for (;;) {
    const [row] = await deps.db.select().from(sends).where(eq(sends.id, sendId));
    if (!row) throw new Error(`Send ${sendId} not found`);
    if ((row.state !== "queued" && row.state !== "in_flight") || Date.now() > deadline) return row;
    await new Promise((r) => setTimeout(r, 150));
  }
}

/** Where the outcome of the one upstream call is written; its event records what Sendoso said. */
function settlementFor(outcome: SendOutcome, settledAt: Date) {
  switch (outcome.kind) {
    case "accepted":
      return {
        to: "sent" as const,
        patch: { trackingCode: outcome.trackingCode, trackingUrl: outcome.trackingUrl, settledAt },
        detail: { trackingCode: outcome.trackingCode },
      };
    case "rejected":
      return {
        to: "failed" as const,
        patch: {
          errorMessage: readableRejection(outcome.status, outcome.message),
          errorDetail: outcome.field,
          settledAt,
        },
        detail: { status: outcome.status, message: outcome.message },
      };
    case "not_sent":
      return {
        to: "failed" as const,
        patch: { errorMessage: outcome.message, settledAt },
        detail: { reason: "not_sent" },
      };
    case "unknown":
      return {
        to: "unknown" as const,
        patch: { errorMessage: UNKNOWN_OUTCOME_MESSAGE, settledAt },
        detail: { detail: outcome.detail },
      };
  }
}

/**
 * Claims the queued row, calls Sendoso once, and settles the row with what came back. `actorId` is the
 * rep, or the approver who released it (the call still goes out on the rep's own connection).
 */
export async function dispatch(deps: SendDeps, actorId: string, row: Send): Promise<SubmitResult> {
  const claimed = await transitionSend(deps.db, {
    sendId: row.id,
    from: ["queued"],
    to: "in_flight",
    actorId,
    patch: { inFlightAt: new Date() },
  });
  // Another submit of the same form claimed it first: its outcome is ours.
  if (!claimed) return resultOf(await waitForSettled(deps, row.id));

  const outcome = await deps.sendoso.createSend(claimed.requestBody as SendBody);
  const { to, patch, detail } = settlementFor(outcome, new Date());
  try {
    const settled = await transitionSend(deps.db, {
      sendId: row.id,
      from: ["in_flight"],
      to,
      actorId: null,
      patch,
      detail,
      onMoved:
        to === "failed" && actorId !== row.senderId ? (tx, sent) => tellSenderItFailed(tx, sent) : undefined,
    });
    return resultOf(settled ?? (await waitForSettled(deps, row.id)));
  } catch (error) {
    // The call went out but its outcome could not be stored: the row stays in_flight for the sweeper,
    // and the rep must not resend.
    console.error(`send ${row.id}: could not record the Sendoso outcome`, error);
    return { status: "unknown", sendId: row.id, message: UNKNOWN_OUTCOME_MESSAGE };
  }
}

/**
 * The money path (ARCHITECTURE.md "The send path"): record the intent, claim it, call Sendoso exactly
 * once, settle. A repeat of the same form (same idempotency key) never makes a second call.
 */
export async function submitSend(
  deps: SendDeps,
  sender: Sender,
  values: SendGiftValues,
  touch: TouchPricing,
): Promise<SubmitResult> {
  const intent = await recordIntent(deps.db, sender, values, touch, deps);
  switch (intent.kind) {
    case "needs_confirmation":
      return { status: "needs_confirmation", priorSends: intent.priorSends };
    case "blocked":
      return { status: "blocked", message: RECIPIENT_BLOCKED_MESSAGE, priorSends: intent.priorSends };
    case "over_budget":
      return { status: "over_budget", message: intent.message };
    case "existing":
      if (!intent.fingerprintMatches) return { status: "key_reused", message: KEY_REUSED_MESSAGE };
      if (intent.row.state === "queued") return dispatch(deps, sender.id, intent.row);
      if (intent.row.state === "in_flight") return resultOf(await waitForSettled(deps, intent.row.id));
      return resultOf(intent.row);
    case "recorded":
      // Over a threshold or the budget: it waits in `pending_approval` and nothing is sent.
      if (intent.row.state === "pending_approval") return resultOf(intent.row);
      return dispatch(deps, sender.id, intent.row);
  }
}
