import { and, eq, inArray, sql } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { NOTIFICATION_CATEGORIES, type NotificationCategory, notificationPreferences } from "@/lib/db/schema";

export type EmailPreferences = Record<NotificationCategory, boolean>;
type PreferenceRow = { userId: string; category: NotificationCategory; email: boolean };

/** Email is on unless the user switched it off: no row means on. */
export function preferencesFrom(
  rows: readonly Pick<PreferenceRow, "category" | "email">[],
): EmailPreferences {
  const prefs = Object.fromEntries(NOTIFICATION_CATEGORIES.map((c) => [c, true])) as EmailPreferences;
  for (const row of rows) prefs[row.category] = row.email;
  return prefs;
}

/** The recipients who want this category by email (everyone without an "off" row for it). */
export function wantEmail<T extends { id: string }>(
  recipients: readonly T[],
  rows: readonly PreferenceRow[],
  category: NotificationCategory,
): T[] {
  const off = new Set(rows.filter((r) => r.category === category && !r.email).map((r) => r.userId));
  return recipients.filter((r) => !off.has(r.id));
}

/** The rows that matter for one category and these users. */
export function preferenceRowsFor(db: Db, userIds: string[], category: NotificationCategory) {
  return db
    .select()
    .from(notificationPreferences)
    .where(
      and(inArray(notificationPreferences.userId, userIds), eq(notificationPreferences.category, category)),
    );
}

export async function getEmailPreferences(db: Db, userId: string): Promise<EmailPreferences> {
  return preferencesFrom(
    await db.select().from(notificationPreferences).where(eq(notificationPreferences.userId, userId)),
  );
}

/** Stores a choice for every category, so what the user saw on the page is exactly what is kept. */
export async function saveEmailPreferences(db: Db, userId: string, prefs: EmailPreferences): Promise<void> {
  await db
    .insert(notificationPreferences)
    .values(NOTIFICATION_CATEGORIES.map((category) => ({ userId, category, email: prefs[category] })))
    .onConflictDoUpdate({
      target: [notificationPreferences.userId, notificationPreferences.category],
      set: { email: sql`excluded.email` },
    });
}
