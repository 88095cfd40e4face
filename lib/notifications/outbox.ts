import { inArray } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { emailOutbox, type NotificationCategory, users } from "@/lib/db/schema";
import { renderNotificationEmail } from "./email-text";
import { preferenceRowsFor, wantEmail } from "./preferences";

/** Where emails link to; null when SMTP is not configured (no emails are queued at all). */
export type EmailSettings = { appUrl: string } | null;

type Queued = { id: number; userId: string };
type Content = { category: NotificationCategory; title: string; body: string; link?: string | null };

/**
 * One outbox row per new notification whose user wants this category by email. Runs on the caller's
 * handle (usually its transaction), so the email is queued exactly when the notification commits.
 */
export async function queueNotificationEmails(
  db: Db,
  created: readonly Queued[],
  content: Content,
  settings: { appUrl: string },
): Promise<number> {
  if (created.length === 0) return 0;
  const userIds = created.map((c) => c.userId);
  const [people, prefs] = await Promise.all([
    db.select({ id: users.id, email: users.email }).from(users).where(inArray(users.id, userIds)),
    preferenceRowsFor(db, userIds, content.category),
  ]);
  const addressOf = new Map(wantEmail(people, prefs, content.category).map((p) => [p.id, p.email]));
  const { subject, text } = renderNotificationEmail(content, settings);
  const rows = created.flatMap(({ id, userId }) => {
    const toAddress = addressOf.get(userId);
    return toAddress ? [{ notificationId: id, toAddress, subject, body: text }] : [];
  });
  if (rows.length > 0) await db.insert(emailOutbox).values(rows);
  return rows.length;
}
