import { eq } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/lib/db/client";
import { sends, type User, webhookMessages } from "@/lib/db/schema";
import type { SendosoClient } from "@/lib/sendoso/client";
import { loadSendosoTimeline } from "@/lib/sends/history-timeline";
import { loadRowsFor } from "@/lib/sends/reconcile-load";
import { applyMatch } from "@/lib/sends/reconcile-write";
import { type SendDeps, submitSend } from "@/lib/sends/send-service";
import { backends } from "../support/databases";
import { sandboxClient, sendDeps } from "../support/send-deps";
import { startSimulator, type TestSimulator } from "../support/simulator";
import { priced } from "../support/touch-pricing";
import { makeUser } from "../support/users";
import { form, reconciler, snapshotOf, upstreamSends } from "./reconcile-support";

describe.each(backends)("reconciler on $name against the simulator over HTTP", (backend) => {
  let database: DatabaseHandle;
  let sim: TestSimulator;
  let rep: User;
  let sendoso: SendosoClient;
  let deps: SendDeps;

  beforeAll(async () => {
    [database, sim] = await Promise.all([backend.open(), startSimulator()]);
    rep = await makeUser(database.db, "rep", "rep", "a", "Riley Rep");
    sendoso = sandboxClient(sim);
    deps = sendDeps(database.db, sendoso);
  });
  afterAll(async () => {
    await Promise.all([database?.close(), sim?.close()]);
  });
  beforeEach(async () => {
    await sim.resetLog();
  });

  const rowOf = async (sendId: string) =>
    (
      await loadRowsFor(database.db, { covered: [], since: new Date(0), gids: [], codes: [], ids: [sendId] })
    )[0];

  /** A send whose POST reached Sendoso but whose answer was lost: `unknown`, with one upstream send. */
  async function droppedSend(values = form()) {
    await sim.injectFault({ type: "close_after" });
    const result = await submitSend(deps, rep, values, priced("Coffee for two"));
    expect(result.status).toBe("unknown");
    return { sendId: result.status === "unknown" ? result.sendId : "", values };
  }

  it("finds an unknown send upstream and marks it sent, with gid, status, cost and history; one POST", async () => {
    const { sendId } = await droppedSend();
    const upstream = (await upstreamSends(sim))[0];
    const { run, warnings } = reconciler(database.db, sendoso);
    // A webhook for it arrived before anyone knew whose send it was.
    const early = { id: `msg_${sendId}`, sendGid: upstream?.send_gid ?? "", payload: {} };
    await database.db.insert(webhookMessages).values(early);

    const counts = await run();

    expect(counts).toMatchObject({ resolved: 1, ambiguous: 0, conflicts: 0, complete: true });
    const after = await snapshotOf(database.db, sendId);
    expect(after.row).toMatchObject({
      state: "sent",
      sendosoSendGid: upstream?.send_gid,
      sendosoStatus: "Confirming Address",
      statusBucket: "waiting_on_recipient",
      cost: Number(upstream?.current_total_cost).toFixed(2),
      currency: "USD",
      errorMessage: null,
      syncRequestedAt: null,
    });
    expect(after.row?.syncedAt).toBeInstanceOf(Date);
    expect(after.history.map((h) => h.status)).toEqual(["Initiated", "Confirming Address"]);
    expect(after.events.map((e) => [e.fromState, e.toState, e.detail?.source])).toContainEqual([
      "unknown",
      "sent",
      "reconciler",
    ]);
    expect(after.audits).toMatchObject([{ action: "send.resolved_by_sync", actorId: null }]);
    expect(after.inbox).toMatchObject([
      { userId: rep.id, category: "unknown_resolved", link: `/history/${sendId}` },
    ]);
    expect(warnings).toEqual([]);
    // The detail page's timeline now reads the stored history.
    const timeline = await loadSendosoTimeline(database.db, after.row as never);
    expect(timeline.map((u) => [u.status, u.source])).toEqual([
      ["Initiated", "send list"],
      ["Confirming Address", "send list"],
    ]);
    expect(await sim.sendPosts()).toHaveLength(1);
    const [message] = await database.db
      .select()
      .from(webhookMessages)
      .where(eq(webhookMessages.id, early.id));
    expect(message?.processedAt).toBeInstanceOf(Date);
  });

  it.each([
    ["a 502 after Sendoso recorded it", { type: "error_after" }],
    ["a malformed 2xx", { type: "malformed" }],
  ])("resolves a send left unknown by %s, with its one POST", async (_label, fault) => {
    await sim.injectFault(fault);
    const result = await submitSend(deps, rep, form(), priced("Coffee for two"));
    expect(result.status).toBe("unknown");
    const sendId = result.status === "unknown" ? result.sendId : "";
    expect((await reconciler(database.db, sendoso).run()).resolved).toBe(1);
    expect((await snapshotOf(database.db, sendId)).row?.state).toBe("sent");
    expect(await sim.sendPosts()).toHaveLength(1);
  });

  it("waits until no second candidate can still appear before deciding an unknown send", async () => {
    const { sendId } = await droppedSend();
    const early = await reconciler(database.db, sendoso, { now: new Date() }).run();
    expect(early).toMatchObject({ resolved: 0, waiting: 1 });
    expect((await snapshotOf(database.db, sendId)).row?.state).toBe("unknown");
    expect((await reconciler(database.db, sendoso).run()).resolved).toBe(1);
    expect((await snapshotOf(database.db, sendId)).row?.state).toBe("sent");
  });

  it("changes nothing on a second run over the same list", async () => {
    const { sendId } = await droppedSend();
    const { run } = reconciler(database.db, sendoso);
    expect((await run()).resolved).toBe(1);
    const before = await snapshotOf(database.db, sendId);
    const again = await run();
    expect(again).toMatchObject({ resolved: 0, updated: 0, ambiguous: 0 });
    expect(again.unchanged).toBeGreaterThanOrEqual(1);
    expect(await snapshotOf(database.db, sendId)).toEqual(before);
    expect(await sim.sendPosts()).toHaveLength(1);
  });

  it("leaves an unknown send alone when Sendoso has two identical sends that could be it", async () => {
    const { sendId, values } = await droppedSend();
    const [created] = await sim.sendPosts();
    // The same gift again from the same Sendoso user, a moment later (e.g. sent by hand in Sendoso).
    expect((await sendoso.createSend(created?.json as never)).kind).toBe("accepted");
    const { run, warnings } = reconciler(database.db, sendoso);
    const postsBefore = (await sim.sendPosts()).length;

    const counts = await run();

    expect(counts).toMatchObject({ resolved: 0, ambiguous: 1 });
    const after = await snapshotOf(database.db, sendId);
    expect(after.row).toMatchObject({ state: "unknown", sendosoSendGid: null, sendosoStatus: null });
    expect(after.history).toEqual([]);
    expect(after.inbox).toEqual([]);
    expect(warnings.join("\n")).toMatch(new RegExp(`send ${sendId} is ambiguous`));
    expect(counts.ambiguousSendIds).toContain(sendId);
    expect(values.recipientEmail).toBeTruthy();
    expect(await sim.sendPosts()).toHaveLength(postsBefore);

    // The next run (the job remembers what it reported) still leaves it alone, without a second warning.
    const next = reconciler(database.db, sendoso, { reportedAmbiguous: new Set(counts.ambiguousSendIds) });
    expect((await next.run()).ambiguousSendIds).toContain(sendId);
    expect(next.warnings.join("\n")).not.toContain(sendId);
    expect((await snapshotOf(database.db, sendId)).row?.state).toBe("unknown");
  });

  it("follows a sent send's status and cost, and stores new history only once", async () => {
    const result = await submitSend(deps, rep, form(), priced("Coffee for two"));
    expect(result.status).toBe("sent");
    const sendId = result.status === "sent" ? result.sendId : "";
    const { run } = reconciler(database.db, sendoso);
    await run();
    expect((await snapshotOf(database.db, sendId)).row?.statusBucket).toBe("waiting_on_recipient");

    const code = result.status === "sent" ? result.trackingCode : "";
    await fetch(`${sim.baseUrl}/__sandbox/sends/${code}/confirm-address`, { method: "POST" });
    expect((await run()).updated).toBeGreaterThanOrEqual(1);
    const after = await snapshotOf(database.db, sendId);
    expect(after.row).toMatchObject({ state: "sent", sendosoStatus: "Order Received" });
    expect(after.row?.statusBucket).toBe("in_fulfilment");
    expect(after.history.map((h) => h.status)).toEqual(["Initiated", "Confirming Address", "Order Received"]);
    await run();
    expect((await snapshotOf(database.db, sendId)).history).toHaveLength(3);
  });

  it("answers a sync request and clears it, even when nothing upstream matches", async () => {
    const { sendId } = await droppedSend();
    await database.db.update(sends).set({ touchId: 1002 }).where(eq(sends.id, sendId));
    await database.db.update(sends).set({ syncRequestedAt: new Date() }).where(eq(sends.id, sendId));
    const { run } = reconciler(database.db, sendoso);
    expect((await run()).notFound).toBeGreaterThanOrEqual(1);
    expect((await snapshotOf(database.db, sendId)).row).toMatchObject({
      state: "unknown",
      syncRequestedAt: null,
    });
  });

  it("keeps a sync request (a webhook) that arrived while the list was being read", async () => {
    const result = await submitSend(deps, rep, form(), priced("Coffee for two"));
    const sendId = result.status === "sent" ? result.sendId : "";
    const { run } = reconciler(database.db, sendoso);
    await run();
    const first = new Date(Date.now() - 5_000);
    await database.db.update(sends).set({ syncRequestedAt: first }).where(eq(sends.id, sendId));
    const row = await rowOf(sendId);
    const item = (await sendoso.listSends({ page: 1, perPage: 100 })).sends.find(
      (i) => i.send_gid === row?.sendosoSendGid,
    );
    if (!row || !item) throw new Error("fixture missing");
    const newer = new Date();
    await database.db.update(sends).set({ syncRequestedAt: newer }).where(eq(sends.id, sendId));

    expect(await applyMatch(database.db, row, item, new Date())).toBe("updated");
    expect((await snapshotOf(database.db, sendId)).row?.syncRequestedAt?.getTime()).toBe(newer.getTime());
    // The next run answers the newer request.
    await run();
    expect((await snapshotOf(database.db, sendId)).row?.syncRequestedAt).toBeNull();
  });

  it("does not overrule a manager who marked the send not sent while the list was being read", async () => {
    const { sendId } = await droppedSend();
    const row = await rowOf(sendId);
    const item = (await sendoso.listSends({ page: 1, perPage: 100 })).sends[0];
    // Marked not sent by force (the gate would refuse it this early) between the read and the write.
    await database.db.update(sends).set({ state: "not_sent" }).where(eq(sends.id, sendId));
    if (!row || !item) throw new Error("fixture missing");

    expect(await applyMatch(database.db, row, item, new Date())).toBe("conflicts");
    const after = await snapshotOf(database.db, sendId);
    expect(after.row).toMatchObject({ state: "not_sent", sendosoSendGid: null, sendosoStatus: null });
    expect([after.history, after.audits, after.inbox]).toEqual([[], [], []]);
  });
});
