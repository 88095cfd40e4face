import type { Db } from "@/lib/db/client";
import type { AppConfig } from "@/lib/env";
import { type DeliveryResult, deliverPendingEmails } from "./deliver-email";
import { emailSettingsFrom } from "./notify";
import { notifyWaitingOnRecipient } from "./waiting-on-recipient";

export type NotificationJobsResult = { waitingOnRecipient: number; email: DeliveryResult | null };

type JobsConfig = Pick<AppConfig, "email" | "auth" | "waitingOnRecipientDays">;

/**
 * The notifications' background work, in the order that lets a new notice go out in the same run:
 * first "waiting on recipient" notices (in-app, plus queued emails), then the email outbox.
 */
export async function runNotificationJobs(
  db: Db,
  config: JobsConfig,
  options: { now?: Date } = {},
): Promise<NotificationJobsResult> {
  const waitingOnRecipient = await notifyWaitingOnRecipient(db, {
    days: config.waitingOnRecipientDays,
    email: emailSettingsFrom(config),
    now: options.now,
  });
  const { smtpUrl, from } = config.email;
  const email = smtpUrl ? await deliverPendingEmails(db, { smtpUrl, from }) : null;
  return { waitingOnRecipient, email };
}
