import { and, eq, sql } from "drizzle-orm";
import { can } from "@/lib/auth/permissions";
import type { Db } from "@/lib/db/client";
import { type ApprovalPolicy, type User, users } from "@/lib/db/schema";

type PendingSend = { senderId: string; team: string | null };
type Approver = Pick<User, "id" | "role" | "team">;

/**
 * Who may approve a send: a manager of its team, the team's fallback approver, or an admin — never its
 * own sender (a manager's own big send goes to a peer, the fallback or an admin).
 */
export function mayApprove(approver: Approver, send: PendingSend, policy: ApprovalPolicy | null): boolean {
  if (approver.id === send.senderId || !can(approver.role, "approve_sends")) return false;
  if (approver.role === "admin") return true;
  if (policy?.fallbackApproverId === approver.id) return true;
  return approver.role === "manager" && send.team !== null && approver.team === send.team;
}

/** The people to ask: the team's managers and the fallback approver; admins when there is nobody else. */
export async function approverIdsFor(
  db: Db,
  send: PendingSend,
  policy: ApprovalPolicy | null,
): Promise<string[]> {
  const ids = new Set(send.team ? await teamManagerIds(db, send.team) : []);
  if (policy?.fallbackApproverId) ids.add(policy.fallbackApproverId);
  ids.delete(send.senderId);
  if (ids.size > 0) return [...ids];
  const admins = await db.select({ id: users.id }).from(users).where(sql`${users.role} = 'admin'`);
  return admins.map((a) => a.id).filter((id) => id !== send.senderId);
}

/** Managers of a team (budget alerts go to them). */
export async function teamManagerIds(db: Db, team: string): Promise<string[]> {
  const rows = await db
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.role, "manager"), eq(users.team, team)));
  return rows.map((r) => r.id);
}
