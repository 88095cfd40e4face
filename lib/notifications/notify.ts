import type { Db } from "@/lib/db/client";
import { type NotificationCategory, notifications } from "@/lib/db/schema";
import { getConfig } from "@/lib/env";
import { type EmailSettings, queueNotificationEmails } from "./outbox";

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

export type NotifyOptions = {
  /** Overrides the configured email settings (tests, jobs that carry their own config); null: no email. */
  email?: EmailSettings;
};

/** With SMTP configured, emails link back to the app's public URL; without it, none are queued. */
export function emailSettingsFrom(config: {
  email: { smtpUrl?: string };
  auth: { url: string };
}): EmailSettings {
  return config.email.smtpUrl ? { appUrl: config.auth.url } : null;
}

/**
 * Puts a notification in each user's inbox and, with SMTP configured, queues an email for each user who
 * has not switched that category's email off. Pass the transaction that makes the change being announced:
 * both land in it. A dedupe key already used for a user adds neither a notification nor an email.
 */
export async function notify(db: Db, input: NotificationInput, options: NotifyOptions = {}): Promise<void> {
  const userIds = [...new Set(input.userIds)];
  if (userIds.length === 0) return;
  const created = await db
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
    .onConflictDoNothing()
    .returning({ id: notifications.id, userId: notifications.userId });
  const email = options.email !== undefined ? options.email : emailSettingsFrom(getConfig());
  if (email) await queueNotificationEmails(db, created, input, email);
}
