import { and, desc, eq, lt, or, type SQL } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { sends, users } from "@/lib/db/schema";
import { type SendScope, scopeCondition } from "./scope";

export type HistoryCursor = { createdAt: Date; id: string };

export type HistoryRow = {
  id: string;
  createdAt: Date;
  senderName: string;
  recipientName: string | null;
  recipientEmail: string;
  touchName: string;
  state: (typeof sends.$inferSelect)["state"];
  trackingCode: string | null;
  errorMessage: string | null;
};

/** Newest first, keyset-paginated on (created_at, id) so pages stay stable while new sends arrive. */
export async function listSends(
  db: Db,
  scope: SendScope,
  options: { limit: number; after?: HistoryCursor },
): Promise<{ rows: HistoryRow[]; next: HistoryCursor | null }> {
  const conditions: SQL[] = [scopeCondition(scope)];
  if (options.after) {
    const { createdAt, id } = options.after;
    const older = or(lt(sends.createdAt, createdAt), and(eq(sends.createdAt, createdAt), lt(sends.id, id)));
    if (older) conditions.push(older);
  }
  const rows = await db
    .select({
      id: sends.id,
      createdAt: sends.createdAt,
      senderName: users.name,
      recipientName: sends.recipientName,
      recipientEmail: sends.recipientEmail,
      touchName: sends.touchName,
      state: sends.state,
      trackingCode: sends.trackingCode,
      errorMessage: sends.errorMessage,
    })
    .from(sends)
    .innerJoin(users, eq(users.id, sends.senderId))
    .where(and(...conditions))
    .orderBy(desc(sends.createdAt), desc(sends.id))
    .limit(options.limit + 1);
  const page = rows.slice(0, options.limit);
  const last = page.at(-1);
  return {
    rows: page,
    next: rows.length > options.limit && last ? { createdAt: last.createdAt, id: last.id } : null,
  };
}
