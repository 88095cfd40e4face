import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/lib/db/client";
import { auditLog, notifications, sends, type User } from "@/lib/db/schema";
import type { SendosoClient } from "@/lib/sendoso/client";
import { parseSendosoWebhookPayload } from "@/lib/sendoso/webhook-payload";
import { windowClosesAt } from "@/lib/sends/not-sent-gate";
import { loadRowsFor } from "@/lib/sends/reconcile-load";
import { applyMatch } from "@/lib/sends/reconcile-write";
import { markUnknownNotSent } from "@/lib/sends/resolve-unknown";
import { type SendDeps, submitSend } from "@/lib/sends/send-service";
import { recordSendosoWebhook } from "@/lib/sends/webhook-intake";
import { backends } from "../support/databases";
import { sandboxClient, sendDeps } from "../support/send-deps";
import { startSimulator, type TestSimulator } from "../support/simulator";
import { priced } from "../support/touch-pricing";
import { makeUser } from "../support/users";
import { afterWindowsClose, form, reconciler, snapshotOf, upstreamSends } from "./reconcile-support";

/** The sandbox token's Sendoso user: sends made without a connection went out as this user. */
const SANDBOX_USER = 1;

describe.each(backends)("unknown sends resolved safely on $name (simulator over HTTP)", (backend) => {
  let database: DatabaseHandle;
  let sim: TestSimulator;
  let rep: User;
  let manager: User;
  let admin: User;
  let sendoso: SendosoClient;
  let deps: SendDeps;

  beforeAll(async () => {
    [database, sim] = await Promise.all([backend.open(), startSimulator()]);
    rep = await makeUser(database.db, "rep", "rep", "a", "Riley Rep");
    manager = await makeUser(database.db, "manager", "manager", "a", "Mo Manager");
    admin = await makeUser(database.db, "admin", "admin", null, "Ada Admin");
    sendoso = sandboxClient(sim);
    deps = sendDeps(database.db, sendoso);
  });
  afterAll(async () => {
    await Promise.all([database?.close(), sim?.close()]);
  });
  beforeEach(async () => {
    await fetch(`${sim.baseUrl}/__sandbox/reset`, { method: "POST" });
    await sim.listShape({ api_sent_via: "via_from", out_of_order_page: null, include_tracking_code: false });
  });

  /** `close_after`: Sendoso recorded the gift, its answer was lost. `error_before`: it never got there. */
  async function unknownSend(fault: "close_after" | "error_before", values = form()) {
    await sim.injectFault({ type: fault });
    const result = await submitSend(deps, rep, values, priced("Coffee for two"));
    expect(result.status).toBe("unknown");
    return { sendId: result.status === "unknown" ? result.sendId : "", values };
  }
  const mark = (sendId: string, now: Date) =>
    markUnknownNotSent(database.db, manager, { kind: "all" }, { sendId, reason: "Searched Sendoso" }, now);
  const stateOf = async (sendId: string) => (await snapshotOf(database.db, sendId)).row?.state;
  const inboxOf = (user: User, key: string) =>
    database.db
      .select()
      .from(notifications)
      .where(and(eq(notifications.userId, user.id), eq(notifications.dedupeKey, key)));
  /** Another row of ours for the same gift (same recipient, touch, Sendoso user, moment): a twin. */
  async function twinOf(sendId: string, state: "unknown" | "failed") {
    const [row] = await database.db.select().from(sends).where(eq(sends.id, sendId));
    if (!row) throw new Error("no such send");
    const { id: _id, ...copy } = row;
    const [twin] = await database.db
      .insert(sends)
      .values({ ...copy, idempotencyKey: crypto.randomUUID(), state })
      .returning({ id: sends.id });
    return twin?.id ?? "";
  }

  it("refuses mark not sent at 1 minute with the reason; allows it after the window and a complete walk", async () => {
    const { sendId } = await unknownSend("error_before");
    expect(await mark(sendId, new Date(Date.now() + 60_000))).toMatchObject({
      status: "refused",
      refusal: { reason: "window_open" },
    });
    const closed = afterWindowsClose();
    // The window has closed, but no walk has looked since: still refused.
    expect(await mark(sendId, closed)).toMatchObject({
      status: "refused",
      refusal: { reason: "not_checked" },
    });
    // A walk before the window closed proves nothing.
    await reconciler(database.db, sendoso, { now: new Date() }).run();
    expect(await mark(sendId, closed)).toMatchObject({
      status: "refused",
      refusal: { reason: "not_checked" },
    });

    const counts = await reconciler(database.db, sendoso, { now: closed }).run();
    expect(counts).toMatchObject({ notFound: 1, complete: true });
    const row = (await snapshotOf(database.db, sendId)).row;
    expect(row?.absentCheckedAt?.getTime()).toBeGreaterThanOrEqual(
      windowClosesAt(row?.inFlightAt as Date).getTime(),
    );
    expect(await mark(sendId, new Date(closed.getTime() + 1_000))).toMatchObject({ status: "not_sent" });
    expect(await stateOf(sendId)).toBe("not_sent");
  });

  it("moves a send marked not sent to sent when the walk finds it, loudly; one POST", async () => {
    const { sendId } = await unknownSend("close_after");
    const [upstream] = await upstreamSends(sim);
    // Marked not sent by force (the gate would have refused it).
    await database.db.update(sends).set({ state: "not_sent" }).where(eq(sends.id, sendId));

    const counts = await reconciler(database.db, sendoso).run();

    expect(counts).toMatchObject({ foundAfterNotSent: 1, resolved: 0 });
    const after = await snapshotOf(database.db, sendId);
    expect(after.row).toMatchObject({ state: "sent", sendosoSendGid: upstream?.send_gid });
    expect(after.events.map((e) => [e.fromState, e.toState])).toContainEqual(["not_sent", "sent"]);
    const key = `found_after_not_sent:${sendId}`;
    for (const who of [manager, admin, rep]) expect(await inboxOf(who, key)).toHaveLength(1);
    const audits = await database.db.select().from(auditLog).where(eq(auditLog.targetId, sendId));
    expect(audits.map((a) => a.action)).toContain("send.found_after_not_sent");
    expect(await sim.sendPosts()).toHaveLength(1);
  });

  it("a webhook for a send marked not sent flags it, and the next run moves it to sent, loudly", async () => {
    const { sendId } = await unknownSend("close_after");
    const [upstream] = await upstreamSends(sim);
    const gid = upstream?.send_gid ?? "";
    // Not sent by force, yet holding its gid (as if a late settle had stored it).
    await database.db
      .update(sends)
      .set({ state: "not_sent", sendosoSendGid: gid })
      .where(eq(sends.id, sendId));
    const payload = parseSendosoWebhookPayload(
      JSON.stringify({ send_gid: gid, status_changed_at: new Date().toISOString() }),
    );
    if (!payload) throw new Error("payload did not parse");
    expect(await recordSendosoWebhook(database.db, { messageId: `msg_${sendId}`, payload })).toMatchObject({
      matchedSendIds: [sendId],
    });
    expect((await reconciler(database.db, sendoso, { now: new Date() }).run()).foundAfterNotSent).toBe(1);
    expect(await stateOf(sendId)).toBe("sent");
    for (const who of [manager, admin, rep])
      expect(await inboxOf(who, `found_after_not_sent:${sendId}`)).toHaveLength(1);
  });

  it("never adopts a hand-made send (sent_via Sendoso.com) by the same Sendoso user in the window", async () => {
    const { sendId, values } = await unknownSend("error_before");
    await sim.seedSends([
      {
        user_id: SANDBOX_USER,
        touch_id: values.touchId,
        recipient_email: values.recipientEmail,
        sent_via: "Sendoso.com",
      },
    ]);
    const counts = await reconciler(database.db, sendoso).run();
    expect(counts).toMatchObject({ resolved: 0, rejectedSentVia: { "sendoso.com": 1 } });
    expect(await stateOf(sendId)).toBe("unknown");
    // Nothing from the API in its window: found absent.
    expect((await snapshotOf(database.db, sendId)).row?.absentCheckedAt).toBeInstanceOf(Date);
  });

  it.each([
    ["via_from", "sent"],
    ["API", "sent"],
    ["Salesforce Trigger", "unknown"],
  ])("an API send whose sent_via is %s → %s", async (shape, expected) => {
    await sim.listShape({ api_sent_via: shape });
    const { sendId } = await unknownSend("close_after");
    await reconciler(database.db, sendoso).run();
    expect(await stateOf(sendId)).toBe(expected);
  });

  it("adopts neither of two unknowns for one upstream send", async () => {
    const { sendId } = await unknownSend("close_after");
    const twin = await twinOf(sendId, "unknown");
    const counts = await reconciler(database.db, sendoso).run();
    expect(counts).toMatchObject({ resolved: 0, ambiguous: 2 });
    expect([await stateOf(sendId), await stateOf(twin)]).toEqual(["unknown", "unknown"]);
  });

  it("tells the team's managers once when a send stays ambiguous for more than 30 minutes", async () => {
    const { sendId } = await unknownSend("close_after");
    await twinOf(sendId, "unknown");
    const key = `sync_mismatch:${sendId}`;
    await reconciler(database.db, sendoso).run();
    expect(await inboxOf(manager, key)).toEqual([]);
    const later = new Date(afterWindowsClose().getTime() + 31 * 60_000);
    await reconciler(database.db, sendoso, { now: later }).run();
    await reconciler(database.db, sendoso, { now: later }).run();
    expect(await inboxOf(manager, key)).toHaveLength(1);
    expect(await inboxOf(rep, key)).toEqual([]);
  });

  it("lets a failed row in the window compete: the unknown is not adopted", async () => {
    const { sendId } = await unknownSend("close_after");
    await twinOf(sendId, "failed");
    const counts = await reconciler(database.db, sendoso).run();
    expect(counts).toMatchObject({ resolved: 0, ambiguous: 1 });
    expect(await stateOf(sendId)).toBe("unknown");
    // Ambiguous is not absent: mark not sent stays refused.
    expect((await mark(sendId, afterWindowsClose())).status).toBe("refused");
  });

  it("treats a page out of order as incomplete: nothing adopted by content, nothing found absent", async () => {
    const { sendId } = await unknownSend("close_after");
    const lost = await unknownSend("error_before");
    const others = ["a", "b", "c"].map((k) => ({
      touch_id: 1001,
      recipient_email: `${k}.${sendId}@example.com`,
    }));
    await sim.seedSends(others);
    await sim.listShape({ out_of_order_page: 1 });
    const counts = await reconciler(database.db, sendoso).run();
    expect(counts).toMatchObject({ ordered: false, complete: false, resolved: 0, notFound: 0 });
    expect(await stateOf(sendId)).toBe("unknown");
    expect((await snapshotOf(database.db, lost.sendId)).row?.absentCheckedAt).toBeNull();
    await sim.listShape({ out_of_order_page: null });
    expect((await reconciler(database.db, sendoso).run()).resolved).toBe(1);
  });

  it("joins exactly on a tracking code the list carries, and never gives one gid to two sends", async () => {
    await sim.listShape({ include_tracking_code: true });
    const result = await submitSend(deps, rep, form(), priced("Coffee for two"));
    const sendId = result.status === "sent" ? result.sendId : "";
    // A twin row with the same content but no code: the exact join wins, the twin takes nothing.
    const twin = await twinOf(sendId, "unknown");
    await database.db.update(sends).set({ trackingCode: null }).where(eq(sends.id, twin));
    const counts = await reconciler(database.db, sendoso).run();
    const [upstream] = await upstreamSends(sim);
    expect((await snapshotOf(database.db, sendId)).row?.sendosoSendGid).toBe(upstream?.send_gid);
    expect(await stateOf(twin)).toBe("unknown");
    expect(counts.resolved).toBe(0);

    // The index holds even if the code did not look: a second row cannot take the same gid.
    const [row] = await loadRowsFor(database.db, {
      covered: [],
      since: new Date(0),
      gids: [],
      codes: [],
      ids: [twin],
    });
    const item = (await sendoso.listSends({ page: 1, perPage: 100 })).sends.find(
      (i) => i.send_gid === upstream?.send_gid,
    );
    if (!row || !item) throw new Error("fixture missing");
    expect(await applyMatch(database.db, row, item, new Date())).toBe("conflicts");
    expect((await snapshotOf(database.db, twin)).row).toMatchObject({
      state: "unknown",
      sendosoSendGid: null,
    });
  });
});
