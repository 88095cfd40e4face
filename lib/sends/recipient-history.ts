import { and, desc, eq, gte, inArray, or, sql } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { type SendState, sends, users } from "@/lib/db/schema";

/**
 * Someone in the org already gifted this person: what, when, by whom. Outside the caller's scope only
 * the day is told (lib/security/recipient-disclosure.ts): the other fields are null, `createdAt` is
 * `YYYY-MM-DD`.
 */
export type PriorSend = {
  senderName: string | null;
  touchName: string | null;
  createdAt: string;
  state: SendState | null;
  outsideScope?: boolean;
  /** Read for that scope check; removed before the answer leaves the server. */
  senderId?: string;
  team?: string | null;
};

// A gift waiting for approval counts too: a second rep should know one may already be on its way.
export const COUNTED: SendState[] = ["pending_approval", "queued", "in_flight", "sent", "unknown"];

/**
 * Org-wide, on purpose: the point is to stop two reps gifting the same person in the same month, and
 * to stop anyone resending while a send to them is unconfirmed (`unknown`, however old).
 */
export async function priorSendsTo(
  db: Db,
  email: string,
  windowDays: number,
  now = new Date(),
): Promise<PriorSend[]> {
  const since = new Date(now.getTime() - windowDays * 24 * 60 * 60 * 1000);
  const rows = await db
    .select({
      senderName: users.name,
      senderId: sends.senderId,
      team: sends.team,
      touchName: sends.touchName,
      createdAt: sends.createdAt,
      state: sends.state,
    })
    .from(sends)
    .innerJoin(users, eq(users.id, sends.senderId))
    .where(
      and(
        eq(sends.recipientEmail, email),
        or(and(gte(sends.createdAt, since), inArray(sends.state, COUNTED)), eq(sends.state, "unknown")),
      ),
    )
    .orderBy(desc(sends.createdAt))
    .limit(10);
  return rows.map((r) => ({ ...r, createdAt: r.createdAt.toISOString() }));
}

/** Serialises the "check prior sends, then insert" step per recipient, inside the caller's transaction. */
export async function lockRecipient(db: Pick<Db, "execute">, email: string): Promise<void> {
  await db.execute(sql`select pg_advisory_xact_lock(hashtext(${`recipient:${email}`}))`);
}
