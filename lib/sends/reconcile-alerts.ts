import { eq } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { users } from "@/lib/db/schema";
import { notify } from "@/lib/notifications/notify";
import { teamManagerIds } from "@/lib/spend/approvers";
import type { SyncRow } from "./reconcile-load";
import { LIST_LAG_MS, windowOf } from "./reconcile-match";

/** An ambiguous send is a person's job only once it has stayed ambiguous this long. */
export const AMBIGUOUS_ALERT_AFTER_MS = 30 * 60_000;

type Row = Pick<SyncRow, "id" | "team" | "senderId" | "touchName" | "recipientEmail" | "postedAt">;

/** The team's managers, else the admins (nobody else can resolve the send). */
async function managersOf(db: Db, row: Pick<Row, "team">): Promise<string[]> {
  const managers = row.team ? await teamManagerIds(db, row.team) : [];
  return managers.length > 0 ? managers : adminIds(db);
}

async function adminIds(db: Db): Promise<string[]> {
  const admins = await db.select({ id: users.id }).from(users).where(eq(users.role, "admin"));
  return admins.map((a) => a.id);
}

/**
 * R15: the reconciler and Sendoso disagree about a send (a conflict with a person's decision, or several
 * candidates for more than 30 minutes): its team's managers hear about it once per send (dedupe key).
 */
export async function alertMismatch(
  db: Db,
  row: Row,
  kind: "conflict" | "ambiguous",
  gids: string,
  now = new Date(),
): Promise<void> {
  const decidedAt = windowOf(row.postedAt).to + LIST_LAG_MS;
  if (kind === "ambiguous" && now.getTime() < decidedAt + AMBIGUOUS_ALERT_AFTER_MS) return;
  const what =
    kind === "conflict"
      ? `changed in Gift Desk while Sendoso's send ${gids} was being matched to it`
      : `could be any of Sendoso's sends ${gids}`;
  await notify(db, {
    userIds: await managersOf(db, row),
    category: "needs_checking",
    title: "A gift needs checking in Sendoso",
    body: `${row.touchName} to ${row.recipientEmail} ${what}. Check Sendoso and decide; nothing was changed.`,
    link: `/history/${row.id}`,
    dedupeKey: `sync_mismatch:${row.id}`,
  });
}

/**
 * The one way a double gift can be in progress: a send marked not sent (the rep told to send again) that
 * Sendoso has after all (found by the reconciler, or a late answer to the POST: the settle). The team's
 * managers, the admins and the rep are told, loudly and at once; `evidence` names what Sendoso showed.
 */
export async function alertFoundAfterNotSent(db: Db, row: Row, evidence: string): Promise<void> {
  const [managers, admins] = await Promise.all([
    row.team ? teamManagerIds(db, row.team) : Promise.resolve([]),
    adminIds(db),
  ]);
  const body = `${row.touchName} to ${row.recipientEmail} was marked not sent, but Sendoso has it (${evidence}): it is now marked sent. If it was sent again, the recipient may get two gifts: check Sendoso now.`;
  await notify(db, {
    userIds: [...managers, ...admins].filter((id) => id !== row.senderId),
    category: "needs_checking",
    title: "Possible double gift: a send marked not sent did go out",
    body,
    link: `/history/${row.id}`,
    dedupeKey: `found_after_not_sent:${row.id}`,
  });
  await notify(db, {
    userIds: [row.senderId],
    category: "unknown_resolved",
    title: "Possible double gift: your gift did go out after all",
    body,
    link: `/history/${row.id}`,
    dedupeKey: `found_after_not_sent:${row.id}`,
  });
}
