import { and, asc, eq, ne, or, type SQL, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Db } from "@/lib/db/client";
import { approvalPolicies, type Send, sends, users } from "@/lib/db/schema";
import type { Decider } from "./approval-decisions";

export type PendingApproval = Send & { senderName: string; senderEmail: string };

/**
 * Which pending sends a caller may decide, in SQL (mirrors `mayApprove`): an admin any; a manager their
 * team's; anyone the sends of teams whose fallback approver they are. Never their own.
 */
export function approvableBy(decider: Decider): SQL {
  const notOwn = ne(sends.senderId, decider.id);
  if (decider.role === "admin") return notOwn;
  const fallback = sql`${sends.team} in (select ${approvalPolicies.team} from ${approvalPolicies} where ${approvalPolicies.fallbackApproverId} = ${decider.id})`;
  const ownTeam = decider.role === "manager" && decider.team ? eq(sends.team, decider.team) : undefined;
  return and(notOwn, ownTeam ? or(ownTeam, fallback) : fallback) as SQL;
}

/** The approval queue: every send waiting on this caller, oldest first. */
export async function listPendingApprovals(
  db: Db,
  decider: Decider,
  limit = 200,
): Promise<PendingApproval[]> {
  const sender = alias(users, "sender");
  const rows = await db
    .select({ send: sends, senderName: sender.name, senderEmail: sender.email })
    .from(sends)
    .innerJoin(sender, eq(sender.id, sends.senderId))
    .where(and(eq(sends.state, "pending_approval"), approvableBy(decider)))
    .orderBy(asc(sends.createdAt), asc(sends.id))
    .limit(limit);
  return rows.map((r) => ({ ...r.send, senderName: r.senderName, senderEmail: r.senderEmail }));
}

/** How many sends wait on this caller (the header badge). */
export async function countPendingApprovals(db: Db, decider: Decider): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(sends)
    .where(and(eq(sends.state, "pending_approval"), approvableBy(decider)));
  return row?.n ?? 0;
}
