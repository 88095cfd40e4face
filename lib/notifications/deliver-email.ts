import { and, asc, eq, sql } from "drizzle-orm";
import nodemailer from "nodemailer";
import type { Db } from "@/lib/db/client";
import { emailOutbox } from "@/lib/db/schema";
import { withJobLease } from "@/lib/jobs/lease";
import { type SmtpOutcome, smtpOutcome } from "./smtp-outcome";

export type DeliveryOptions = {
  smtpUrl: string;
  from: string;
  batchSize?: number;
  /** Base of the retry backoff (see retryDelayMs); tests pass 0 to retry at once. */
  retryBaseMs?: number;
  leaseMs?: number;
};

export type DeliveryResult = { ran: boolean; sent: number; retrying: number; failed: number };

const SMTP_TIMEOUTS = { connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 20_000 };

type DueEmail = { id: number; toAddress: string; subject: string; body: string; attempts: number };

/** Pending emails whose backoff has passed, oldest first. Times come from the database clock. */
function dueEmails(db: Db, limit: number, retryBaseMs: number): Promise<DueEmail[]> {
  const { id, toAddress, subject, body, attempts, createdAt, status } = emailOutbox;
  return db
    .select({ id, toAddress, subject, body, attempts })
    .from(emailOutbox)
    .where(
      and(
        eq(status, "pending"),
        sql`${createdAt} + (power(2, ${attempts}) - 1) * ${retryBaseMs} * interval '1 millisecond' <= now()`,
      ),
    )
    .orderBy(asc(id))
    .limit(limit);
}

async function record(db: Db, email: DueEmail, outcome: SmtpOutcome): Promise<void> {
  const patch =
    outcome.kind === "sent"
      ? { status: "sent" as const, sentAt: sql`now()`, lastError: null }
      : {
          status: outcome.kind === "failed" ? ("failed" as const) : ("pending" as const),
          lastError: outcome.error,
        };
  await db
    .update(emailOutbox)
    .set({ ...patch, attempts: sql`${emailOutbox.attempts} + 1` })
    .where(and(eq(emailOutbox.id, email.id), eq(emailOutbox.status, "pending")));
}

/**
 * Sends due outbox emails through SMTP. One runner at a time across every instance: the run holds the
 * `email-delivery` lease and renews it before each email, so a second instance (or a cron call during
 * the in-process run) finds it taken and sends nothing. The lease outlives the SMTP timeouts, so it
 * cannot lapse mid-email. An email the server accepted is never sent again; one the process died while
 * sending may be (at least once, never silently lost).
 */
export async function deliverPendingEmails(db: Db, options: DeliveryOptions): Promise<DeliveryResult> {
  const ttlMs = options.leaseMs ?? 300_000;
  const run = await withJobLease(db, "email-delivery", { ttlMs }, async ({ renew }) => {
    const counts = { sent: 0, retrying: 0, failed: 0 };
    const transport = nodemailer.createTransport({ url: options.smtpUrl, ...SMTP_TIMEOUTS });
    try {
      for (const email of await dueEmails(db, options.batchSize ?? 50, options.retryBaseMs ?? 60_000)) {
        if (!(await renew())) break;
        const outcome = await transport
          .sendMail({
            from: options.from,
            to: email.toAddress,
            subject: email.subject,
            text: email.body,
            // Tells auto-responders and vacation replies not to answer.
            headers: { "Auto-Submitted": "auto-generated" },
          })
          .then(
            (): SmtpOutcome => ({ kind: "sent" }),
            (error: unknown) => smtpOutcome(error, email.attempts),
          );
        await record(db, email, outcome);
        counts[outcome.kind]++;
        if (outcome.kind !== "sent" && outcome.transportDown) break;
      }
    } finally {
      transport.close();
    }
    return counts;
  });
  return run.ran ? { ran: true, ...run.result } : { ran: false, sent: 0, retrying: 0, failed: 0 };
}
