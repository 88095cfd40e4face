import { and, asc, eq, gt, lt } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { type Send, sends } from "@/lib/db/schema";
import { notify } from "@/lib/notifications/notify";
import { approverIdsFor } from "@/lib/spend/approvers";

/** Longer than the reconciler needs to match a send (its window closes about 11 minutes after sending). */
export const STALE_UNKNOWN_AFTER_MS = 30 * 60_000;

/**
 * R15: a send still `unknown` after the reconciler had its chance is a person's job (check Sendoso, then
 * wait or mark it not sent). Its team's managers (else the admins) hear about it once.
 */
export async function alertStaleUnknownSends(db: Db, now = new Date(), pageSize = 200): Promise<number> {
  // Every stale send, page by page in id order (issue 16): one unordered page of 200 could keep
  // returning the same, already alerted sends and never reach the rest.
  let count = 0;
  let afterId: string | null = null;
  for (;;) {
    const stale: Send[] = await db
      .select()
      .from(sends)
      .where(
        and(
          eq(sends.state, "unknown"),
          lt(sends.updatedAt, new Date(now.getTime() - STALE_UNKNOWN_AFTER_MS)),
          afterId ? gt(sends.id, afterId) : undefined,
        ),
      )
      .orderBy(asc(sends.id))
      .limit(pageSize);
    for (const send of stale) {
      await notify(db, {
        userIds: await approverIdsFor(db, send, null),
        category: "needs_checking",
        title: "A gift could not be confirmed with Sendoso",
        body: `${send.touchName} to ${send.recipientEmail} is still unconfirmed. Check Sendoso: wait if it is there, or mark it not sent so the rep can send again.`,
        link: `/history/${send.id}`,
        dedupeKey: `needs_checking:${send.id}`,
      });
    }
    count += stale.length;
    if (stale.length < pageSize) return count;
    afterId = stale[stale.length - 1]?.id ?? null;
  }
}
