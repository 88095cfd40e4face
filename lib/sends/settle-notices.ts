import { and, eq, or } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { type Send, users } from "@/lib/db/schema";
import { notify } from "@/lib/notifications/notify";

/**
 * Runs a notice in a savepoint beside a state change: if it fails, only the notice is lost (logged),
 * never the change it accompanies. Inbox rows and email outbox rows commit with the change; emails go
 * out afterwards from the outbox.
 */
export async function besideTheMove(tx: Db, what: string, work: () => Promise<void>): Promise<void> {
  try {
    await tx.transaction(async () => {
      await work();
    });
  } catch (error) {
    console.error(`${what} could not be recorded; the state change stands`, error);
  }
}

/** A send someone marked "not sent" did go out: its team's managers, the admins and the rep must know. */
export async function alertNotSentWentOut(tx: Db, send: Send): Promise<void> {
  const people = await tx
    .select({ id: users.id })
    .from(users)
    .where(
      or(
        eq(users.role, "admin"),
        send.team ? and(eq(users.role, "manager"), eq(users.team, send.team)) : undefined,
        eq(users.id, send.senderId),
      ),
    );
  await notify(tx, {
    userIds: people.map((p) => p.id),
    category: "needs_checking",
    title: "A gift marked not sent did go out",
    body:
      `${send.touchName} to ${send.recipientEmail} was marked not sent, but Sendoso accepted it ` +
      `(tracking code ${send.trackingCode}). If a second gift was sent since, cancel one in Sendoso.`,
    link: `/history/${send.id}`,
    dedupeKey: `went_out_after_not_sent:${send.id}`,
  });
}
