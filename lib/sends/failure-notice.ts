import type { Db } from "@/lib/db/client";
import type { Send } from "@/lib/db/schema";
import { notify } from "@/lib/notifications/notify";

/**
 * A send the rep did not press Send for just now (an approver released it) failed: the rep is not
 * watching a form, so the inbox tells them why.
 */
export async function tellSenderItFailed(tx: Db, send: Send): Promise<void> {
  await notify(tx, {
    userIds: [send.senderId],
    category: "send_failed",
    title: "A gift could not be sent",
    body: `${send.touchName} to ${send.recipientEmail}: ${send.errorMessage ?? "Sendoso refused it."}`,
    link: `/history/${send.id}`,
    dedupeKey: `send_failed:${send.id}`,
  });
}
