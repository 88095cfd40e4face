import { eq } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { type Send, sends } from "@/lib/db/schema";
import type { PreparedSend, SendBody, SendOutcome, SendosoClient } from "@/lib/sendoso/client";
import type { SpendOptions } from "@/lib/spend/spend-check";
import type { SendGiftField, SendGiftValues } from "@/lib/validation/send";
import { fingerprintOf } from "./fingerprint";
import {
  formFieldFor,
  KEY_REUSED_MESSAGE,
  RECIPIENT_BLOCKED_MESSAGE,
  UNKNOWN_OUTCOME_MESSAGE,
} from "./outcome-messages";
import type { PriorSend } from "./recipient-history";
import { findByKey, recordIntent, type Sender, type TouchPricing } from "./record-intent";
import { requestBodyFor } from "./request-for";
import { settleSend } from "./settle";

export type { Sender, TouchPricing } from "./record-intent";

export type SubmitResult =
  | { status: "sent"; sendId: string; trackingCode: string; trackingUrl: string | null }
  | { status: "failed"; sendId: string; message: string; field: SendGiftField | null }
  | { status: "unknown"; sendId: string; message: string }
  | { status: "in_progress"; sendId: string; message: string }
  | { status: "pending_approval"; sendId: string; message: string }
  | { status: "over_budget"; message: string }
  /** The key was first used for other details: what became of that first submit. */
  | { status: "key_reused"; message: string; sendId: string; first: SubmitResult["status"] }
  /** Nothing was recorded and nothing sent (Sendoso busy, per-user limit): the same form may retry. */
  | { status: "not_sent"; message: string }
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
  /** The per-user send limit (SEND_RATE_LIMIT_PER_MINUTE), counted inside the record transaction. */
  sendLimit?: { limit: number; windowMs: number };
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
    if (row.state !== "in_flight" || Date.now() > deadline) return row;
    await new Promise((r) => setTimeout(r, 150));
  }
}

/** Postgres' unique_violation, however the driver wraps it (drizzle puts the driver's error in `cause`). */
function isUniqueViolation(error: unknown): boolean {
  const e = error as { code?: string; cause?: { code?: string } };
  return e?.code === "23505" || e?.cause?.code === "23505";
}

/** A repeat of a form whose intent exists: its outcome (waiting if still in the air), or key_reused. */
async function replay(deps: SendDeps, row: Send, fingerprint: string): Promise<SubmitResult> {
  if (row.fingerprint !== fingerprint) {
    const first = resultOf(row);
    return { status: "key_reused", message: KEY_REUSED_MESSAGE, sendId: row.id, first: first.status };
  }
  if (row.state === "in_flight") return resultOf(await waitForSettled(deps, row.id));
  return resultOf(row);
}

/**
 * The one upstream call for a row that is `in_flight` (its claim committed), then the settle.
 * `prepared` holds the token, the slot and the send's deadline, taken before the claim.
 */
export async function callAndSettle(
  deps: SendDeps,
  actorId: string,
  row: Send,
  prepared: PreparedSend,
): Promise<SubmitResult> {
  const outcome = await deps.sendoso.createSend(row.requestBody as SendBody, prepared);
  const settled = await settleSend(deps.db, row, outcome, actorId);
  // Not stored after every try: the row stays in_flight for the sweeper, and the rep must not resend.
  if (!settled) return { status: "unknown", sendId: row.id, message: UNKNOWN_OUTCOME_MESSAGE };
  return resultOf(settled);
}

/** Nothing recorded, nothing sent: why, in the words the form shows. */
function notSentResult(outcome: SendOutcome): SubmitResult {
  const message = outcome.kind === "not_sent" ? outcome.message : "Nothing was sent; try again.";
  if (
    outcome.kind === "not_sent" &&
    (outcome.reason === "needs_reconnect" || outcome.reason === "not_connected")
  )
    return { status: "not_connected", message };
  return { status: "not_sent", message };
}

/**
 * The money path, for one send given its idempotency key (docs/architecture.md "The send path"):
 *  1. a repeat of this key returns the first outcome (one read, no slot, no call);
 *  2. the token and an outbound rate-limit slot are taken under the send's one deadline;
 *  3. one transaction records and claims the intent (straight to `in_flight`), or stops it
 *     (confirmation, blocked recipient, budget, per-user limit) or parks it in `pending_approval`;
 *  4. one POST; 5. the settle.
 * A repeat of the same form (same key) never makes a second call. Bulk send calls this per row.
 */
export async function submitSend(
  deps: SendDeps,
  sender: Sender,
  values: SendGiftValues,
  touch: TouchPricing,
): Promise<SubmitResult> {
  const body = requestBodyFor(values, deps.viaFrom);
  const fingerprint = fingerprintOf(body);
  const already = await findByKey(deps.db, sender.id, values.idempotencyKey);
  if (already) return replay(deps, already, fingerprint);

  const ready = await deps.sendoso.prepareSend();
  if (!ready.ok) {
    // A twin click of this form may have recorded it while we waited: its outcome is ours.
    const twin = await findByKey(deps.db, sender.id, values.idempotencyKey);
    return twin ? replay(deps, twin, fingerprint) : notSentResult(ready.outcome);
  }
  const { prepared } = ready;
  let intent: Awaited<ReturnType<typeof recordIntent>>;
  try {
    intent = await recordIntent(deps.db, sender, values, touch, { ...deps, body, fingerprint });
  } catch (error) {
    prepared.lease?.release();
    // The same key from another tab with another recipient (another lock) won the insert: read it.
    if (!isUniqueViolation(error)) throw error;
    const twin = await findByKey(deps.db, sender.id, values.idempotencyKey);
    if (!twin) throw error;
    return replay(deps, twin, fingerprint);
  }
  if (intent.kind !== "recorded" || intent.row.state !== "in_flight") prepared.lease?.release();
  switch (intent.kind) {
    case "needs_confirmation":
      return { status: "needs_confirmation", priorSends: intent.priorSends };
    case "blocked":
      return { status: "blocked", message: RECIPIENT_BLOCKED_MESSAGE, priorSends: intent.priorSends };
    case "over_budget":
      return { status: "over_budget", message: intent.message };
    case "rate_limited":
      return {
        status: "not_sent",
        message: `You are going faster than Gift Desk allows. Nothing was done; try again in ${Math.max(1, Math.ceil(intent.retryAfterMs / 1000))} s.`,
      };
    case "existing":
      return replay(deps, intent.row, fingerprint);
    case "recorded":
      // Over a threshold or the budget: it waits in `pending_approval` and nothing is sent.
      if (intent.row.state !== "in_flight") return resultOf(intent.row);
      return callAndSettle(deps, sender.id, intent.row, prepared);
  }
}
