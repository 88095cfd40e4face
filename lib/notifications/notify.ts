import type { Db } from "@/lib/db/client";
import { type NotificationCategory, notifications } from "@/lib/db/schema";

export type NotificationInput = {
  userIds: string[];
  category: NotificationCategory;
  title: string;
  body: string;
  /** An app path (e.g. `/history/<id>`), never an external URL. */
  link?: string | null;
  /** Same key for the same user → one notification, however often a job runs. */
  dedupeKey?: string | null;
};

/**
 * Puts a notification in each user's inbox (and, with SMTP configured, queues the email in the same
 * transaction). Pass the transaction that makes the change being announced.
 */
export async function notify(db: Db, input: NotificationInput): Promise<void> {
  const userIds = [...new Set(input.userIds)];
  if (userIds.length === 0) return;
  await db
    .insert(notifications)
    .values(
      userIds.map((userId) => ({
        userId,
        category: input.category,
        title: input.title,
        body: input.body,
        link: input.link ?? null,
        dedupeKey: input.dedupeKey ?? null,
      })),
    )
    .onConflictDoNothing();
}
