import { and, eq } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { type Send, sendEvents, sends } from "@/lib/db/schema";
import type { SendGiftValues } from "@/lib/validation/send";
import { fingerprintOf } from "./fingerprint";
import { lockRecipient, type PriorSend, priorSendsTo } from "./recipient-history";
import { requestBodyFor } from "./request-for";

export type Sender = {
  id: string;
  team: string | null;
  /** The Sendoso connection the gift goes out on (absent: the shared sandbox token). */
  connection?: { id: string; shared: boolean };
};

export type IntentResult =
  | { kind: "recorded"; row: Send }
  | { kind: "existing"; row: Send; fingerprintMatches: boolean }
  | { kind: "needs_confirmation"; priorSends: PriorSend[] }
  | { kind: "blocked"; priorSends: PriorSend[] };

export type IntentOptions = { viaFrom: string; repeatWindowDays: number };

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
 * both slip past that check.
 */
export async function recordIntent(
  db: Db,
  sender: Sender,
  values: SendGiftValues,
  touchName: string,
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
        touchName,
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
      toState: "queued",
      detail: priorSends.length > 0 ? { confirmedRepeatRecipient: priorSends.length } : null,
    });
    return { kind: "recorded", row };
  });
}
