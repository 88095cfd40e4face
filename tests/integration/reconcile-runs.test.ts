import { eq } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/lib/db/client";
import { notifications, sends, type User } from "@/lib/db/schema";
import { withJobLease } from "@/lib/jobs/lease";
import { createSendosoClient, type SendosoClient } from "@/lib/sendoso/client";
import { openConnectionFor } from "@/lib/sendoso/connect";
import { disconnectConnection } from "@/lib/sendoso/connections";
import { buildAddressCollectionBody } from "@/lib/sendoso/request-body";
import { type Sender, submitSend } from "@/lib/sends/send-service";
import { backends } from "../support/databases";
import { raceLeasedJob } from "../support/overlapping";
import { sandboxClient, sendDeps } from "../support/send-deps";
import { connectThroughOAuth, createTestUser, testConnectDeps } from "../support/sendoso-connection";
import { startSimulator, type TestSimulator } from "../support/simulator";
import { priced } from "../support/touch-pricing";
import { form, listRequests, reconciler, snapshotOf, upstreamSends } from "./reconcile-support";

describe.each(backends)("reconciler runs on $name", (backend) => {
  let database: DatabaseHandle;
  let sim: TestSimulator;
  let rep: User;
  let sandbox: SendosoClient;

  beforeAll(async () => {
    [database, sim] = await Promise.all([backend.open(), startSimulator()]);
    rep = await createTestUser(database.db);
    sandbox = sandboxClient(sim);
  });
  afterAll(async () => {
    await Promise.all([database?.close(), sim?.close()]);
  });
  beforeEach(async () => {
    await sim.resetLog();
  });

  async function dropped(client: SendosoClient, sender: Sender = rep) {
    await sim.injectFault({ type: "close_after" });
    const result = await submitSend(sendDeps(database.db, client), sender, form(), priced("Coffee for two"));
    expect(result.status).toBe("unknown");
    return result.status === "unknown" ? result.sendId : "";
  }

  const otherSends = async (count: number, tag: string) => {
    for (let i = 0; i < count; i++) {
      const body = buildAddressCollectionBody(
        {
          touchId: 1001,
          recipientName: "Someone Else",
          recipientEmail: `${tag}.${i}@example.com`,
          customMessage: "Hello",
          addressConfirmationVia: "email",
          resumeWithUnconfirmedAddress: false,
          expireAfterDays: 7,
          hideProductInfo: false,
          addressConfirmationMessage: "Where should it go?",
        },
        "Other",
      );
      expect(await sandbox.createSend(body)).toMatchObject({ kind: "accepted" });
    }
  };
  const setSimClock = (at: Date) =>
    fetch(`${sim.baseUrl}/__sandbox/clock`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ set: at.toISOString() }),
    });

  it("reads back only as far as the oldest send it looks for, within its page limit", async () => {
    await setSimClock(new Date(Date.now() - 3_600_000));
    await otherSends(150, "old");
    await setSimClock(new Date());
    const sendId = await dropped(sandbox);
    await otherSends(120, "new");
    await sim.resetLog();

    // One page is not enough to reach it: nothing is decided, and the sync request stays.
    await database.db.update(sends).set({ syncRequestedAt: new Date() }).where(eq(sends.id, sendId));
    const short = await reconciler(database.db, sandbox, { maxPages: 1 }).run();
    expect(short).toMatchObject({ pages: 1, complete: false, resolved: 0, notReached: 1 });
    expect((await snapshotOf(database.db, sendId)).row?.syncRequestedAt).toBeInstanceOf(Date);

    await sim.resetLog();
    const counts = await reconciler(database.db, sandbox).run();
    // Page 2 holds our send and sends an hour older: page 3 is never read.
    expect(counts).toMatchObject({ pages: 2, complete: true, resolved: 1 });
    expect(await listRequests(sim)).toBe(2);
    expect((await snapshotOf(database.db, sendId)).row).toMatchObject({
      state: "sent",
      syncRequestedAt: null,
    });
    expect(await sim.sendPosts()).toHaveLength(0);
  });

  it("matches on the Sendoso user of the connection the send went out on", async () => {
    const deps = testConnectDeps(database.db, sim);
    const connected = await createTestUser(database.db);
    await connectThroughOAuth(deps, sim, connected, { sendosoUserId: 2 });
    const { connection, tokens } = await openConnectionFor(deps, connected.id);
    const own = createSendosoClient({ baseUrl: sim.baseUrl, timeoutMs: 1_500, tokens });
    const sender = {
      id: connected.id,
      team: connected.team,
      connection: { id: connection.id, shared: false },
    };
    const sendId = await dropped(own, sender);
    const [ours] = await upstreamSends(sim);
    // The same gift from another Sendoso user (the sandbox token's) is not a candidate.
    const [posted] = await sim.sendPosts();
    expect((await sandbox.createSend(posted?.json as never)).kind).toBe("accepted");

    const { run, warnings } = reconciler(database.db, sandbox);
    const counts = await run();
    expect(counts, JSON.stringify(counts)).toMatchObject({ resolved: 1, ambiguous: 0 });
    expect((await snapshotOf(database.db, sendId)).row).toMatchObject({
      state: "sent",
      sendosoSendGid: ours?.send_gid,
    });
    expect(warnings).toEqual([]);
  });

  it("still matches a rep's unknown send after the rep disconnected Sendoso (its user id is on the send)", async () => {
    const deps = testConnectDeps(database.db, sim);
    const leaving = await createTestUser(database.db);
    await connectThroughOAuth(deps, sim, leaving, { sendosoUserId: 2 });
    const { connection, tokens } = await openConnectionFor(deps, leaving.id);
    const own = createSendosoClient({ baseUrl: sim.baseUrl, timeoutMs: 1_500, tokens });
    const sender = { id: leaving.id, team: leaving.team, connection: { id: connection.id, shared: false } };
    const sendId = await dropped(own, sender);
    expect((await snapshotOf(database.db, sendId)).row?.sendosoUserId).toBe(2);
    expect((await disconnectConnection(deps, connection.id, { userId: leaving.id })).removed).toBe(true);

    expect((await reconciler(database.db, sandbox).run()).resolved).toBeGreaterThanOrEqual(1);
    expect((await snapshotOf(database.db, sendId)).row?.state).toBe("sent");
  });

  it("runs once when two instances start the sync at the same moment", async () => {
    const sendId = await dropped(sandbox);
    const { run } = reconciler(database.db, sandbox);
    const { outcomes, runs } = await raceLeasedJob(
      2,
      (job) => withJobLease(database.db, "sendoso-sync", { ttlMs: 60_000 }, job),
      run,
    );
    expect(outcomes.filter((o) => o.ran)).toHaveLength(1);
    expect(runs).toBe(1);
    const ran = outcomes.find((o) => o.ran);
    expect(ran?.ran && ran.result.resolved).toBe(1);
    const inbox = await database.db
      .select()
      .from(notifications)
      .where(eq(notifications.dedupeKey, `unknown_resolved:${sendId}`));
    expect(inbox).toHaveLength(1);
    expect((await snapshotOf(database.db, sendId)).events.filter((e) => e.toState === "sent")).toHaveLength(
      1,
    );
  });
});
