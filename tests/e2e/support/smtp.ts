import { type APIRequestContext, expect } from "@playwright/test";
import { E2E } from "./ports";

type SinkMessage = { to: string[]; subject: string; text: string };

/** The SMTP sink the e2e app sends to (sandbox/smtp), read over its HTTP side. */
export async function emailsTo(address: string): Promise<SinkMessage[]> {
  const response = await fetch(`${E2E.smtpHttpUrl}/__smtp/messages?to=${encodeURIComponent(address)}`);
  if (!response.ok) throw new Error(`smtp sink: ${response.status}`);
  return ((await response.json()) as { messages: SinkMessage[] }).messages;
}

type JobsResult = { waitingOnRecipient: number; email: { ran: boolean; sent: number } | null };

/**
 * Runs the notification jobs now, as a production scheduler would, until one run actually delivered
 * (the in-process schedule may hold the delivery lease at that moment; the caller then just tries again).
 */
export async function runNotificationJobs(request: APIRequestContext): Promise<JobsResult> {
  let last: JobsResult | undefined;
  await expect
    .poll(
      async () => {
        const response = await request.post(`${E2E.appUrl}/api/cron/notifications`, {
          headers: { Authorization: `Bearer ${E2E.cronSecret}` },
        });
        expect(response.status()).toBe(200);
        last = (await response.json()) as JobsResult;
        return last.email?.ran;
      },
      { timeout: 20_000 },
    )
    .toBe(true);
  return last as JobsResult;
}
