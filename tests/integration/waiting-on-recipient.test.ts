import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/lib/db/client";
import {
  emailOutbox,
  type NewSend,
  notifications,
  sendosoStatusUpdates,
  sends,
  type User,
} from "@/lib/db/schema";
import { runNotificationJobs } from "@/lib/notifications/jobs";
import { notifyWaitingOnRecipient } from "@/lib/notifications/waiting-on-recipient";
import { backends } from "../support/databases";
import { APP, seedPeople } from "../support/notification-cast";

const NOW = new Date("2026-11-26T12:00:00Z");
const daysAgo = (n: number) => new Date(NOW.getTime() - n * 86_400_000);

describe.each(backends)("waiting on recipient notices on $name", (backend) => {
  let database: DatabaseHandle;
  let rep: User;
  let rep2: User;
  beforeAll(async () => {
    database = await backend.open();
    ({ rep, rep2 } = await seedPeople(database.db));
  });
  afterAll(() => database?.close());

  const seed = async (sender: User, extra: Partial<NewSend>, updates: Date[] = []) => {
    const [row] = await database.db
      .insert(sends)
      .values({
        senderId: sender.id,
        idempotencyKey: crypto.randomUUID(),
        fingerprint: "f",
        sendType: "egift",
        touchId: 1001,
        touchName: "Coffee card",
        recipientEmail: "pat@example.com",
        recipientName: "Pat Doe",
        requestBody: {},
        state: "sent",
        statusBucket: "waiting_on_recipient",
        settledAt: daysAgo(30),
        ...extra,
      })
      .returning();
    const id = row?.id as string;
    for (const [i, occurredAt] of updates.entries()) {
      await database.db
        .insert(sendosoStatusUpdates)
        .values({ sendId: id, status: `S${i}`, occurredAt, source: "sync" });
    }
    return id;
  };
  const noticesFor = (userId: string) =>
    database.db.select().from(notifications).where(eq(notifications.userId, userId));

  it("notifies the sender once per send waiting longer than N days, judged by the latest status update", async () => {
    const settledLongAgo = await seed(rep, { settledAt: daysAgo(10) });
    const recentUpdate = await seed(rep, {}, [daysAgo(20), daysAgo(2)]);
    const oldUpdate = await seed(rep2, { settledAt: daysAgo(40) }, [daysAgo(9)]);
    await seed(rep, { settledAt: daysAgo(3) });
    await seed(rep, { statusBucket: "delivered" });
    await seed(rep2, { state: "unknown", statusBucket: null });

    expect(await notifyWaitingOnRecipient(database.db, { days: 7, email: APP, now: NOW })).toBe(2);
    const mine = await noticesFor(rep.id);
    expect(mine.map((n) => [n.category, n.link, n.dedupeKey, n.title])).toEqual([
      [
        "waiting_on_recipient",
        `/history/${settledLongAgo}`,
        `waiting:${settledLongAgo}`,
        "Waiting on Pat Doe for 10 days",
      ],
    ]);
    expect((await noticesFor(rep2.id)).map((n) => n.link)).toEqual([`/history/${oldUpdate}`]);
    expect(mine.some((n) => n.link?.endsWith(recentUpdate))).toBe(false);
    // Each notice queued its email with it.
    expect(await database.db.select().from(emailOutbox)).toHaveLength(2);

    // Later runs find nothing new: still waiting, but the sender was told already.
    expect(await notifyWaitingOnRecipient(database.db, { days: 7, email: APP, now: daysAgo(-1) })).toBe(0);
    expect(await noticesFor(rep.id)).toHaveLength(1);
  });

  it("runs as part of the notification jobs, without email when SMTP is not configured", async () => {
    await seed(rep2, { settledAt: daysAgo(15), recipientName: null, recipientEmail: "lee@example.com" });
    const result = await runNotificationJobs(
      database.db,
      {
        email: { smtpUrl: undefined, from: "Gift Desk <gd@giftdesk.test>" },
        auth: { url: APP.appUrl } as never,
        waitingOnRecipientDays: 7,
      },
      { now: NOW },
    );
    expect(result).toEqual({ waitingOnRecipient: 1, email: null });
    expect((await noticesFor(rep2.id)).map((n) => n.title)).toContain(
      "Waiting on lee@example.com for 15 days",
    );
    expect(await database.db.select().from(emailOutbox)).toHaveLength(2);
  });
});
