import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { upsertUserFromIdentity } from "@/lib/auth/users";
import type { DatabaseHandle } from "@/lib/db/client";
import { sendosoStatusUpdates, sends, webhookMessages } from "@/lib/db/schema";
import { parseSendosoWebhookPayload } from "@/lib/sendoso/webhook-payload";
import { recordSendosoWebhook } from "@/lib/sends/webhook-intake";
import { backends } from "../support/databases";

const payload = (body: Record<string, unknown>) => {
  const parsed = parseSendosoWebhookPayload(JSON.stringify(body));
  if (!parsed) throw new Error("test payload did not parse");
  return parsed;
};
const gid = () => Buffer.from(`gid://sendoso/Send/${Math.floor(Math.random() * 1e9)}`).toString("base64url");

describe.each(backends)("webhook intake on $name", (backend) => {
  let database: DatabaseHandle;
  let senderId: string;
  beforeAll(async () => {
    database = await backend.open();
    const user = await upsertUserFromIdentity(database.db, {
      issuer: "i",
      subject: "s",
      email: "rep@giftdesk.test",
      name: "Rep",
      role: "rep",
      team: "a",
    });
    senderId = user.id;
  });
  afterAll(() => database?.close());

  const seedSend = async (sendGid: string) => {
    const [row] = await database.db
      .insert(sends)
      .values({
        senderId,
        idempotencyKey: randomUUID(),
        fingerprint: "f",
        sendType: "egift",
        touchId: 1021,
        touchName: "Amazon eGift",
        recipientEmail: "jamie@example.org",
        requestBody: {},
        state: "sent",
        sendosoSendGid: sendGid,
        sendosoStatus: "Sent",
        statusBucket: "waiting_on_recipient",
      })
      .returning();
    return row?.id as string;
  };
  const sendRow = async (id: string) => (await database.db.select().from(sends).where(eq(sends.id, id)))[0];
  const messageRows = (id: string) =>
    database.db.select().from(webhookMessages).where(eq(webhookMessages.id, id));

  it("flags the matching send for the reconciler once; a replay answers duplicate and changes nothing", async () => {
    const sendGid = gid();
    const sendId = await seedSend(sendGid);
    const messageId = `msg_${randomUUID()}`;
    const body = payload({ send_gid: sendGid, status_changed_at: "2026-11-26T10:00:00Z" });
    const first = new Date("2026-11-26T10:00:01Z");

    expect(await recordSendosoWebhook(database.db, { messageId, payload: body, now: first })).toEqual({
      status: "recorded",
      matchedSendIds: [sendId],
    });
    expect((await sendRow(sendId))?.syncRequestedAt).toEqual(first);
    const replayAt = new Date("2026-11-26T10:03:00Z");
    expect(await recordSendosoWebhook(database.db, { messageId, payload: body, now: replayAt })).toEqual({
      status: "duplicate",
    });
    expect((await sendRow(sendId))?.syncRequestedAt).toEqual(first);
    const rows = await messageRows(messageId);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      sendGid,
      eventType: null,
      statusChangedAt: new Date("2026-11-26T10:00:00Z"),
      processedAt: first,
      payload: { send_gid: sendGid, status_changed_at: "2026-11-26T10:00:00Z" },
    });
    // The documented payload names no status: the send's status waits for the reconciler.
    expect((await sendRow(sendId))?.sendosoStatus).toBe("Sent");
  });

  it("stores a message for a gid it does not know, unprocessed, and touches no send", async () => {
    const known = await seedSend(gid());
    const before = await sendRow(known);
    const messageId = `msg_${randomUUID()}`;
    const result = await recordSendosoWebhook(database.db, {
      messageId,
      payload: payload({ send_gid: gid() }),
    });
    expect(result).toEqual({ status: "recorded", matchedSendIds: [] });
    expect((await messageRows(messageId))[0]).toMatchObject({ processedAt: null, statusChangedAt: null });
    expect(await sendRow(known)).toEqual(before);
  });

  it("records a named event as status and timeline once, and never lets an older event win", async () => {
    const sendGid = gid();
    const sendId = await seedSend(sendGid);
    const opened = payload({
      send_gid: sendGid,
      status_changed_at: "2026-11-26T11:00:00Z",
      type: "send.opened",
    });
    const openedId = `msg_${randomUUID()}`;
    await recordSendosoWebhook(database.db, { messageId: openedId, payload: opened });
    await recordSendosoWebhook(database.db, { messageId: openedId, payload: opened });
    expect(await sendRow(sendId)).toMatchObject({
      sendosoStatus: "send.opened",
      statusBucket: "waiting_on_recipient",
    });

    const redeemed = payload({
      send_gid: sendGid,
      status_changed_at: "2026-11-26T12:00:00Z",
      event: "send.redeemed",
    });
    await recordSendosoWebhook(database.db, { messageId: `msg_${randomUUID()}`, payload: redeemed });
    // A retry of an earlier event arriving late.
    const sent = payload({ send_gid: sendGid, status_changed_at: "2026-11-26T09:00:00Z", type: "send.sent" });
    await recordSendosoWebhook(database.db, { messageId: `msg_${randomUUID()}`, payload: sent });

    expect(await sendRow(sendId)).toMatchObject({
      sendosoStatus: "send.redeemed",
      statusBucket: "delivered",
    });
    const timeline = await database.db
      .select({ status: sendosoStatusUpdates.status, source: sendosoStatusUpdates.source })
      .from(sendosoStatusUpdates)
      .where(eq(sendosoStatusUpdates.sendId, sendId))
      .orderBy(sendosoStatusUpdates.occurredAt);
    expect(timeline).toEqual([
      { status: "send.sent", source: "webhook" },
      { status: "send.opened", source: "webhook" },
      { status: "send.redeemed", source: "webhook" },
    ]);
  });

  it("takes exactly one of two simultaneous deliveries of the same message", async () => {
    const sendGid = gid();
    await seedSend(sendGid);
    const messageId = `msg_${randomUUID()}`;
    const body = payload({ send_gid: sendGid, type: "send.clicked" });
    const results = await Promise.all([
      recordSendosoWebhook(database.db, { messageId, payload: body }),
      recordSendosoWebhook(database.db, { messageId, payload: body }),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual(["duplicate", "recorded"]);
    expect(await messageRows(messageId)).toHaveLength(1);
  });
});

describe("webhook payload", () => {
  it("refuses bodies without a send gid, with a bad date, or that are not JSON objects", () => {
    for (const raw of [
      "{}",
      '{"send_gid":""}',
      '{"send_gid":"g","status_changed_at":"soon"}',
      "[]",
      "nope",
    ]) {
      expect([raw, parseSendosoWebhookPayload(raw)]).toEqual([raw, null]);
    }
  });
});
