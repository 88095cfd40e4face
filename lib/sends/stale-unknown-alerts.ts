import { and, asc, eq, gt, lt, notExists, or, sql } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { notifications, sends } from "@/lib/db/schema";
import { notify } from "@/lib/notifications/notify";
import { approverIdsFor } from "@/lib/spend/approvers";

/** Longer than the reconciler needs to match a send (its window closes about 11 minutes after sending). */
export const STALE_UNKNOWN_AFTER_MS = 30 * 60_000;
const BATCH = 200;
/** A bound on one run (10,000 sends); the next run goes on. */
const MAX_BATCHES = 50;
/** JS dates hold milliseconds, PostgreSQL microseconds: the keyset compares at the coarser one. */
const updatedMs = sql<Date>`date_trunc('milliseconds', ${sends.updatedAt})`;
const at = (date: Date) => sql`${date.toISOString()}::timestamptz`;

/**
 * R15: a send still `unknown` after the reconciler had its chance (not reached, or left ambiguous) is a
 * person's job (check Sendoso, then wait or mark it not sent). Its team's managers (else the admins)
 * hear about it once. Oldest first, in keyset batches over every stale send, skipping those already
 * alerted, so a backlog of more than one batch is never partly forgotten.
 */
export async function alertStaleUnknownSends(db: Db, now = new Date(), pageSize = BATCH): Promise<number> {
  const cutoff = new Date(now.getTime() - STALE_UNKNOWN_AFTER_MS);
  const alerted = db
    .select({ id: notifications.id })
    .from(notifications)
    .where(eq(notifications.dedupeKey, sql`'needs_checking:' || ${sends.id}`));
  let after: { updatedAt: Date; id: string } | null = null;
  let count = 0;
  for (let batch = 0; batch < MAX_BATCHES; batch++) {
    const stale = await db
      .select()
      .from(sends)
      .where(
        and(
          eq(sends.state, "unknown"),
          lt(sends.updatedAt, cutoff),
          notExists(alerted),
          after
            ? or(
                gt(updatedMs, at(after.updatedAt)),
                and(eq(updatedMs, at(after.updatedAt)), gt(sends.id, after.id)),
              )
            : undefined,
        ),
      )
      .orderBy(asc(updatedMs), asc(sends.id))
      .limit(pageSize);
    for (const send of stale) {
      await notify(db, {
        userIds: await approverIdsFor(db, send, null),
        category: "needs_checking",
        title: "A gift could not be confirmed with Sendoso",
        body: `${send.touchName} to ${send.recipientEmail} is still unconfirmed. Check Sendoso: wait if it is there, or mark it not sent (once Gift Desk has checked) so the rep can send again.`,
        link: `/history/${send.id}`,
        dedupeKey: `needs_checking:${send.id}`,
      });
    }
    count += stale.length;
    const last = stale.at(-1);
    if (!last || stale.length < pageSize) return count;
    after = { updatedAt: last.updatedAt, id: last.id };
  }
  return count;
}
