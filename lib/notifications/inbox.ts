import { and, count, desc, eq, inArray, isNull, lt } from "drizzle-orm";
import { cache } from "react";
import type { Db } from "@/lib/db/client";
import { notifications } from "@/lib/db/schema";

/**
 * The caller's own inbox. Every function takes the user id from the session and puts it in the WHERE:
 * another user's notification id matches nothing, exactly like one that does not exist.
 */
export const INBOX_PAGE_SIZE = 50;

export type InboxItem = {
  id: number;
  category: (typeof notifications.$inferSelect)["category"];
  title: string;
  body: string;
  link: string | null;
  createdAt: Date;
  read: boolean;
};

/** Newest first; `before` (an id from the previous page) pages back. One extra row tells if there is more. */
export async function listNotifications(
  db: Db,
  userId: string,
  options: { before?: number; limit?: number } = {},
): Promise<{ items: InboxItem[]; nextBefore: number | null }> {
  const limit = options.limit ?? INBOX_PAGE_SIZE;
  const rows = await db
    .select()
    .from(notifications)
    .where(
      and(
        eq(notifications.userId, userId),
        options.before !== undefined ? lt(notifications.id, options.before) : undefined,
      ),
    )
    .orderBy(desc(notifications.id))
    .limit(limit + 1);
  const items = rows.slice(0, limit).map((r) => ({
    id: r.id,
    category: r.category,
    title: r.title,
    body: r.body,
    link: r.link,
    createdAt: r.createdAt,
    read: r.readAt !== null,
  }));
  return { items, nextBefore: rows.length > limit ? (items.at(-1)?.id ?? null) : null };
}

/**
 * Read once per render: the app layout (header bell) and the inbox page both show it. Outside a render
 * (route handlers, jobs, tests) React's cache does not hold, so every call reads afresh.
 */
export const unreadCount = cache(async (db: Db, userId: string): Promise<number> => {
  const [row] = await db
    .select({ n: count() })
    .from(notifications)
    .where(and(eq(notifications.userId, userId), isNull(notifications.readAt)));
  return row?.n ?? 0;
});

/** Marks the given notifications read, if they are the user's and unread; returns how many changed. */
export async function markRead(db: Db, userId: string, ids: readonly number[]): Promise<number> {
  if (ids.length === 0) return 0;
  const changed = await db
    .update(notifications)
    .set({ readAt: new Date() })
    .where(
      and(
        eq(notifications.userId, userId),
        inArray(notifications.id, [...ids]),
        isNull(notifications.readAt),
      ),
    )
    .returning({ id: notifications.id });
  return changed.length;
}

export async function markAllRead(db: Db, userId: string): Promise<number> {
  const changed = await db
    .update(notifications)
    .set({ readAt: new Date() })
    .where(and(eq(notifications.userId, userId), isNull(notifications.readAt)))
    .returning({ id: notifications.id });
  return changed.length;
}
