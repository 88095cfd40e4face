import { and, eq, sql } from "drizzle-orm";
import { can } from "@/lib/auth/permissions";
import type { Db } from "@/lib/db/client";
import { type SendState, sends, type User } from "@/lib/db/schema";
import { type SendScope, scopeCondition } from "./scope";

export type CheckRequest =
  | { status: "requested"; sendId: string }
  | { status: "not_found" }
  | { status: "not_unknown"; state: SendState };

/**
 * "Check with Sendoso now" on an `unknown` send: flags it for the reconciler (`sync_requested_at`), which
 * the caller then runs for this send. Its sender may ask, and so may whoever may resolve unknown sends
 * (a manager of its team, an admin). Outside that, the send reads exactly like a missing id.
 */
export async function requestSendCheck(
  db: Db,
  user: Pick<User, "id" | "role">,
  scope: SendScope,
  sendId: string,
): Promise<CheckRequest> {
  const mayAsk = can(user.role, "resolve_unknown_sends") ? sql`true` : eq(sends.senderId, user.id);
  const [row] = await db
    .select({ id: sends.id, state: sends.state })
    .from(sends)
    .where(and(eq(sends.id, sendId), scopeCondition(scope), mayAsk));
  if (!row) return { status: "not_found" };
  const [flagged] = await db
    .update(sends)
    .set({ syncRequestedAt: new Date() })
    .where(and(eq(sends.id, row.id), eq(sends.state, "unknown")))
    .returning({ id: sends.id });
  if (flagged) return { status: "requested", sendId: flagged.id };
  const [now] = await db.select({ state: sends.state }).from(sends).where(eq(sends.id, row.id));
  return { status: "not_unknown", state: now?.state ?? row.state };
}
