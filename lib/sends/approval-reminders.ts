import { and, eq, lt, sql } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { approvalPolicies, sends } from "@/lib/db/schema";
import { notify } from "@/lib/notifications/notify";
import { approverIdsFor } from "@/lib/spend/approvers";

const DEFAULT_REMIND_AFTER_HOURS = 24;

/**
 * Reminds approvers of sends pending longer than their team's `remind_after_hours`, once per such
 * interval (the dedupe key carries the interval number), so running it every minute is harmless.
 */
export async function remindStaleApprovals(db: Db, now = new Date()): Promise<number> {
  const rows = await db
    .select({ send: sends, policy: approvalPolicies })
    .from(sends)
    .leftJoin(approvalPolicies, eq(approvalPolicies.team, sends.team))
    .where(
      and(
        eq(sends.state, "pending_approval"),
        lt(
          sends.createdAt,
          sql`${now.toISOString()}::timestamptz - make_interval(hours => coalesce(${approvalPolicies.remindAfterHours}, ${DEFAULT_REMIND_AFTER_HOURS}))`,
        ),
      ),
    )
    .limit(500);
  for (const { send, policy } of rows) {
    const hours = policy?.remindAfterHours ?? DEFAULT_REMIND_AFTER_HOURS;
    const interval = Math.floor((now.getTime() - send.createdAt.getTime()) / (hours * 3_600_000));
    await notify(db, {
      userIds: await approverIdsFor(db, send, policy),
      category: "approval_reminder",
      title: "A gift is still waiting for approval",
      body: `${send.touchName} to ${send.recipientEmail} has waited more than ${hours * interval} hours.`,
      link: "/approvals",
      dedupeKey: `approval_reminder:${send.id}:${interval}`,
    });
  }
  return rows.length;
}
