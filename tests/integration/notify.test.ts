import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/lib/db/client";
import { emailOutbox, notifications, type User } from "@/lib/db/schema";
import { listNotifications, markAllRead, markRead, unreadCount } from "@/lib/notifications/inbox";
import { notify } from "@/lib/notifications/notify";
import { getEmailPreferences, preferencesFrom, saveEmailPreferences } from "@/lib/notifications/preferences";
import { backends } from "../support/databases";
import { APP, seedPeople } from "../support/notification-cast";

describe.each(backends)("notify and the inbox on $name", (backend) => {
  let database: DatabaseHandle;
  let rep: User;
  let rep2: User;
  let manager: User;
  beforeAll(async () => {
    database = await backend.open();
    ({ rep, rep2, manager } = await seedPeople(database.db));
  });
  afterAll(() => database?.close());

  const outboxFor = (userId: string) =>
    database.db
      .select({ to: emailOutbox.toAddress, subject: emailOutbox.subject, body: emailOutbox.body })
      .from(emailOutbox)
      .innerJoin(notifications, eq(notifications.id, emailOutbox.notificationId))
      .where(eq(notifications.userId, userId));

  it("puts one inbox row per distinct user, in the caller's transaction", async () => {
    await database.db.transaction((tx) =>
      notify(
        tx,
        { userIds: [rep.id, rep.id, manager.id], category: "send_failed", title: "Failed", body: "b" },
        { email: null },
      ),
    );
    expect((await listNotifications(database.db, rep.id)).items.map((n) => n.title)).toEqual(["Failed"]);
    expect(await unreadCount(database.db, manager.id)).toBe(1);
  });

  it("writes nothing when the surrounding transaction rolls back", async () => {
    await expect(
      database.db.transaction(async (tx) => {
        await notify(
          tx,
          { userIds: [rep2.id], category: "send_failed", title: "Lost", body: "b" },
          APP_EMAIL,
        );
        throw new Error("the change being announced failed");
      }),
    ).rejects.toThrow("announced failed");
    expect(await unreadCount(database.db, rep2.id)).toBe(0);
    expect(await outboxFor(rep2.id)).toEqual([]);
  });

  it("a dedupe key notifies each user once and queues one email, however often it is used", async () => {
    const input = {
      userIds: [rep2.id],
      category: "waiting_on_recipient" as const,
      title: "Waiting",
      body: "Still waiting",
      link: "/history/abc",
      dedupeKey: "waiting:abc",
    };
    await notify(database.db, input, APP_EMAIL);
    await notify(database.db, input, APP_EMAIL);
    expect(await unreadCount(database.db, rep2.id)).toBe(1);
    const queued = await outboxFor(rep2.id);
    expect(queued).toHaveLength(1);
    expect(queued[0]).toMatchObject({ to: "rep2@giftdesk.test", subject: "Gift Desk: Waiting" });
    expect(queued[0]?.body).toContain("Open in Gift Desk: http://gift-desk.test/history/abc");
  });

  it("queues no email without SMTP, and none for a category the user switched off", async () => {
    await notify(
      database.db,
      { userIds: [manager.id], category: "send_approved", title: "No SMTP", body: "b" },
      { email: null },
    );
    await saveEmailPreferences(database.db, manager.id, { ...preferencesFrom([]), approval_needed: false });
    await notify(
      database.db,
      { userIds: [manager.id], category: "approval_needed", title: "Off", body: "b" },
      APP_EMAIL,
    );
    await notify(
      database.db,
      { userIds: [manager.id], category: "send_rejected", title: "On", body: "b" },
      APP_EMAIL,
    );
    expect((await outboxFor(manager.id)).map((e) => e.subject)).toEqual(["Gift Desk: On"]);
    // All three are in the inbox all the same: preferences only decide about email.
    expect((await listNotifications(database.db, manager.id)).items.map((n) => n.title)).toEqual([
      "On",
      "Off",
      "No SMTP",
      "Failed",
    ]);
  });

  it("saving preferences again replaces the earlier choice", async () => {
    await saveEmailPreferences(database.db, rep.id, { ...preferencesFrom([]), send_failed: false });
    await saveEmailPreferences(database.db, rep.id, { ...preferencesFrom([]), budget_threshold: false });
    const prefs = await getEmailPreferences(database.db, rep.id);
    expect([prefs.send_failed, prefs.budget_threshold, prefs.send_rejected]).toEqual([true, false, true]);
  });

  it("mark read only touches the caller's own rows", async () => {
    const [theirs] = (await listNotifications(database.db, rep2.id)).items;
    expect(await markRead(database.db, rep.id, [theirs?.id ?? 0])).toBe(0);
    expect(await unreadCount(database.db, rep2.id)).toBe(1);
    expect(await markRead(database.db, rep2.id, [theirs?.id ?? 0])).toBe(1);
    expect(await markRead(database.db, rep2.id, [theirs?.id ?? 0])).toBe(0);
    expect(await unreadCount(database.db, rep2.id)).toBe(0);
    expect(await markAllRead(database.db, rep.id)).toBe(1);
    expect(await unreadCount(database.db, manager.id)).toBe(4);
  });

  it("pages the inbox newest first with a cursor", async () => {
    const first = await listNotifications(database.db, manager.id, { limit: 3 });
    expect(first.items.map((n) => n.title)).toEqual(["On", "Off", "No SMTP"]);
    const second = await listNotifications(database.db, manager.id, {
      limit: 3,
      before: first.nextBefore ?? 0,
    });
    expect([second.items.map((n) => n.title), second.nextBefore]).toEqual([["Failed"], null]);
  });
});

const APP_EMAIL = { email: APP };
