import { and, eq } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { type Send, sendEvents, sends } from "@/lib/db/schema";
import type { SendOutcome, SendosoClient } from "@/lib/sendoso/client";
import { type AddressCollectionBody, buildAddressCollectionBody } from "@/lib/sendoso/request-body";
import type { SendGiftField, SendGiftValues } from "@/lib/validation/send";
import { fingerprintOf } from "./fingerprint";
import { formFieldFor, readableRejection, UNKNOWN_OUTCOME_MESSAGE } from "./outcome-messages";
import { transitionSend } from "./transitions";

export type Sender = { id: string; team: string | null };

export type SubmitResult =
  | { status: "sent"; sendId: string; trackingCode: string; trackingUrl: string | null }
  | { status: "failed"; sendId: string; message: string; field: SendGiftField | null }
  | { status: "unknown"; sendId: string; message: string }
  | { status: "in_progress"; sendId: string; message: string }
  | { status: "key_reused"; message: string };

export type SendDeps = {
  db: Db;
  sendoso: SendosoClient;
  viaFrom: string;
  /** How long a repeat submit waits for the first one to settle; longer than the Sendoso timeout. */
  settleWaitMs: number;
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
    case "failed":
    case "not_sent":
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

/** Records the intent (or finds the one this form already recorded). Nothing is sent yet. */
async function recordIntent(deps: SendDeps, sender: Sender, values: SendGiftValues, touchName: string) {
  const body = buildAddressCollectionBody(values, deps.viaFrom);
  const fingerprint = fingerprintOf(body);
  const inserted = await deps.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(sends)
      .values({
        senderId: sender.id,
        team: sender.team,
        idempotencyKey: values.idempotencyKey,
        fingerprint,
        sendType: "address_collection",
        touchId: values.touchId,
        touchName,
        recipientName: values.recipientName,
        recipientEmail: values.recipientEmail,
        customMessage: values.customMessage,
        requestBody: body,
      })
      .onConflictDoNothing({ target: [sends.senderId, sends.idempotencyKey] })
      .returning();
    if (row) await tx.insert(sendEvents).values({ sendId: row.id, actorId: sender.id, toState: "queued" });
    return row;
  });
  if (inserted) return { row: inserted, fingerprintMatches: true };
  const [existing] = await deps.db
    .select()
    .from(sends)
    .where(and(eq(sends.senderId, sender.id), eq(sends.idempotencyKey, values.idempotencyKey)));
  if (!existing) throw new Error("Send intent vanished after an idempotency conflict");
  return { row: existing, fingerprintMatches: existing.fingerprint === fingerprint };
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

/** Claims the queued row, calls Sendoso once, and settles the row with what came back. */
async function dispatch(deps: SendDeps, sender: Sender, row: Send): Promise<SubmitResult> {
  const claimed = await transitionSend(deps.db, {
    sendId: row.id,
    from: ["queued"],
    to: "in_flight",
    actorId: sender.id,
    patch: { inFlightAt: new Date() },
  });
  // Another submit of the same form claimed it first: its outcome is ours.
  if (!claimed) return resultOf(await waitForSettled(deps, row.id));

  const outcome = await deps.sendoso.createSend(claimed.requestBody as AddressCollectionBody);
  const { to, patch, detail } = settlementFor(outcome, new Date());
  try {
    const settled = await transitionSend(deps.db, {
      sendId: row.id,
      from: ["in_flight"],
      to,
      actorId: null,
      patch,
      detail,
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
  touchName: string,
): Promise<SubmitResult> {
  const { row, fingerprintMatches } = await recordIntent(deps, sender, values, touchName);
  if (!fingerprintMatches) {
    return {
      status: "key_reused",
      message:
        "This form was already submitted with different details. Start a new send to send another gift.",
    };
  }
  if (row.state === "queued") return dispatch(deps, sender, row);
  if (row.state === "in_flight") return resultOf(await waitForSettled(deps, row.id));
  return resultOf(row);
}
