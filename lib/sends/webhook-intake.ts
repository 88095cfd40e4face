import { and, eq, gt, notExists } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { sendosoStatusUpdates, sends, webhookMessages } from "@/lib/db/schema";
import type { SendosoWebhookPayload } from "@/lib/sendoso/webhook-payload";
import { sendosoStatusPatch } from "./status-buckets";

export type WebhookIntake = { status: "duplicate" } | { status: "recorded"; matchedSendIds: string[] };

type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];

/**
 * Records one verified Sendoso webhook. The message row (keyed by `svix-id`) is the deduplication: a
 * replay or a Svix retry of a delivery we already took finds it and changes nothing. The payload carries
 * no status, only "this send changed", so the matching send is flagged for the reconciler
 * (`sync_requested_at`), which reads the status from Sendoso soon; no call to Sendoso happens here, so
 * the answer is fast. A gid we do not know yet (the reconciler has not matched that send) is stored
 * with `processed_at` null, for a later sync to pick up.
 */
export async function recordSendosoWebhook(
  db: Db,
  input: { messageId: string; payload: SendosoWebhookPayload; now?: Date },
): Promise<WebhookIntake> {
  const now = input.now ?? new Date();
  const { sendGid, eventType, statusChangedAt, raw } = input.payload;
  return db.transaction(async (tx) => {
    const inserted = await tx
      .insert(webhookMessages)
      .values({ id: input.messageId, sendGid, eventType, statusChangedAt, payload: raw, receivedAt: now })
      .onConflictDoNothing()
      .returning({ id: webhookMessages.id });
    if (inserted.length === 0) return { status: "duplicate" } as const;

    // Always the latest time: a reconciler that clears the flag only if it is unchanged keeps this request.
    const matched = await tx
      .update(sends)
      .set({ syncRequestedAt: now })
      .where(eq(sends.sendosoSendGid, sendGid))
      .returning({ id: sends.id });
    if (eventType) {
      for (const { id } of matched) await recordEventStatus(tx, id, eventType, statusChangedAt ?? now);
    }
    if (matched.length > 0) {
      await tx
        .update(webhookMessages)
        .set({ processedAt: now })
        .where(eq(webhookMessages.id, input.messageId));
    }
    return { status: "recorded", matchedSendIds: matched.map((m) => m.id) } as const;
  });
}

/**
 * Only when the payload names its event: a timeline row, and the send's raw status and bucket, unless a
 * later status is already known (webhooks can arrive out of order, retries hours late).
 */
async function recordEventStatus(tx: Tx, sendId: string, eventType: string, occurredAt: Date): Promise<void> {
  await tx
    .insert(sendosoStatusUpdates)
    .values({ sendId, status: eventType, occurredAt, source: "webhook" })
    .onConflictDoNothing();
  const later = tx
    .select({ id: sendosoStatusUpdates.id })
    .from(sendosoStatusUpdates)
    .where(and(eq(sendosoStatusUpdates.sendId, sendId), gt(sendosoStatusUpdates.occurredAt, occurredAt)));
  await tx
    .update(sends)
    .set({ ...sendosoStatusPatch(eventType), updatedAt: new Date() })
    .where(and(eq(sends.id, sendId), notExists(later)));
}
