import { eq, inArray } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/lib/db/client";
import { emailOutbox, jobLeases, type User } from "@/lib/db/schema";
import { deliverPendingEmails } from "@/lib/notifications/deliver-email";
import { notify } from "@/lib/notifications/notify";
import { MAX_EMAIL_ATTEMPTS } from "@/lib/notifications/smtp-outcome";
import type { SmtpSink } from "@/sandbox/smtp/sink";
import { backends } from "../support/databases";
import { closedPort } from "../support/free-port";
import { APP, seedPeople } from "../support/notification-cast";
import { startSmtpSink } from "../support/smtp-sink";

const FROM = "Gift Desk <gift-desk@giftdesk.test>";

describe.each(backends)("email delivery to a real SMTP server on $name", (backend) => {
  let database: DatabaseHandle;
  let sink: SmtpSink;
  let smtpUrl: string;
  let rep: User;
  let rep2: User;
  beforeAll(async () => {
    database = await backend.open();
    ({ rep, rep2 } = await seedPeople(database.db));
    ({ sink, smtpUrl } = await startSmtpSink());
  });
  afterAll(async () => {
    await sink?.close();
    await database?.close();
  });
  beforeEach(async () => {
    sink.clear();
    sink.refuse(null);
    // Each test starts from an empty outbox (earlier rows are done or deliberately stuck).
    await database.db.delete(emailOutbox);
  });

  let counter = 0;
  const queue = async (user: User, title = `Notice ${++counter}`) => {
    await notify(
      database.db,
      { userIds: [user.id], category: "send_failed", title, body: "Body text" },
      { email: APP },
    );
    const [row] = await database.db
      .select()
      .from(emailOutbox)
      .where(eq(emailOutbox.subject, `Gift Desk: ${title}`));
    return row?.id as number;
  };
  const rowOf = async (id: number) =>
    (await database.db.select().from(emailOutbox).where(eq(emailOutbox.id, id)))[0];
  const deliver = (extra: { smtpUrl?: string; retryBaseMs?: number } = {}) =>
    deliverPendingEmails(database.db, { smtpUrl, from: FROM, retryBaseMs: 0, ...extra });

  it("sends a pending email with the right sender, recipient, subject and text, and marks it sent", async () => {
    const id = await queue(rep, "Your send failed");
    expect(await deliver()).toEqual({ ran: true, sent: 1, retrying: 0, failed: 0 });
    const [message] = sink.messages("rep@giftdesk.test");
    expect(message).toMatchObject({
      from: "gift-desk@giftdesk.test",
      to: ["rep@giftdesk.test"],
      subject: "Gift Desk: Your send failed",
    });
    expect(message?.text).toContain("Body text");
    expect(message?.headers["auto-submitted"]).toBe("auto-generated");
    expect(await rowOf(id)).toMatchObject({ status: "sent", attempts: 1, lastError: null });
    expect((await rowOf(id))?.sentAt).toBeInstanceOf(Date);
    expect(await deliver()).toEqual({ ran: true, sent: 0, retrying: 0, failed: 0 });
    expect(sink.messages()).toHaveLength(1);
  });

  it("a permanent refusal (5xx) fails the email at once, with the attempt and the server's reply", async () => {
    sink.refuse({ code: 550, message: "No such user here" });
    const id = await queue(rep);
    expect(await deliver()).toMatchObject({ sent: 0, failed: 1 });
    const row = await rowOf(id);
    expect(row).toMatchObject({ status: "failed", attempts: 1 });
    expect(row?.lastError).toMatch(/^550: .*No such user here/);
    expect(sink.messages()).toEqual([]);
  });

  it("a temporary refusal (4xx) stays pending and goes out on a later run", async () => {
    sink.refuse({ code: 451, message: "Try again later" });
    const id = await queue(rep2);
    expect(await deliver()).toMatchObject({ retrying: 1 });
    expect(await rowOf(id)).toMatchObject({
      status: "pending",
      attempts: 1,
      lastError: expect.stringMatching(/^451/),
    });
    sink.refuse(null);
    expect(await deliver()).toMatchObject({ sent: 1 });
    expect(await rowOf(id)).toMatchObject({ status: "sent", attempts: 2, lastError: null });
  });

  it("gives up after the last attempt, and waits out the backoff before retrying", async () => {
    sink.refuse({ code: 421, message: "Busy" });
    const last = await queue(rep);
    await database.db
      .update(emailOutbox)
      .set({ attempts: MAX_EMAIL_ATTEMPTS - 1 })
      .where(eq(emailOutbox.id, last));
    expect(await deliver()).toMatchObject({ failed: 1 });
    expect(await rowOf(last)).toMatchObject({ status: "failed", attempts: MAX_EMAIL_ATTEMPTS });
    // Tried once a moment ago: with the real one-minute base the next try is not due yet.
    const waiting = await queue(rep);
    await database.db.update(emailOutbox).set({ attempts: 1 }).where(eq(emailOutbox.id, waiting));
    expect(await deliver({ retryBaseMs: 60_000 })).toEqual({ ran: true, sent: 0, retrying: 0, failed: 0 });
    expect(await rowOf(waiting)).toMatchObject({ status: "pending", attempts: 1 });
  });

  it("with the SMTP server unreachable, records the error on the first email and leaves the rest", async () => {
    const first = await queue(rep);
    const second = await queue(rep2);
    const result = await deliver({ smtpUrl: `smtp://127.0.0.1:${await closedPort()}` });
    expect(result).toMatchObject({ sent: 0, retrying: 1 });
    expect(await rowOf(first)).toMatchObject({
      status: "pending",
      attempts: 1,
      lastError: expect.stringMatching(/ECONNECTION|ECONNREFUSED/),
    });
    expect(await rowOf(second)).toMatchObject({ status: "pending", attempts: 0, lastError: null });
  });

  it("two deliveries at once send every email exactly once", async () => {
    const ids = [];
    for (let i = 0; i < 12; i++) ids.push(await queue(i % 2 ? rep : rep2, `Race ${i}`));
    const results = await Promise.all([deliver(), deliver(), deliver()]);
    expect(results.reduce((n, r) => n + r.sent, 0)).toBe(12);
    const subjects = sink
      .messages()
      .map((m) => m.subject)
      .sort();
    expect(subjects).toEqual([...new Set(subjects)]);
    expect(subjects).toHaveLength(12);
    const rows = await database.db.select().from(emailOutbox).where(inArray(emailOutbox.id, ids));
    expect(rows.every((r) => r.status === "sent" && r.attempts === 1)).toBe(true);
  });

  it("sends nothing while another instance holds an unexpired lease, and takes over an expired one", async () => {
    await queue(rep);
    await database.db
      .update(jobLeases)
      .set({ holder: "other-instance", leaseUntil: new Date(Date.now() + 60_000) })
      .where(eq(jobLeases.name, "email-delivery"));
    expect(await deliver()).toEqual({ ran: false, sent: 0, retrying: 0, failed: 0 });
    expect(sink.messages()).toEqual([]);
    await database.db
      .update(jobLeases)
      .set({ leaseUntil: new Date(Date.now() - 1_000) })
      .where(eq(jobLeases.name, "email-delivery"));
    expect(await deliver()).toMatchObject({ ran: true, sent: 1 });
  });
});
