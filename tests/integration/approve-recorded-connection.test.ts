import { eq, isNull } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/lib/db/client";
import { sendosoConnections, sends, type User } from "@/lib/db/schema";
import { type ConnectDeps, clientOnTokens, openRecordedConnection } from "@/lib/sendoso/connect";
import { tokenAad } from "@/lib/sendoso/connections";
import { approveSend } from "@/lib/sends/approval-decisions";
import { submitSend } from "@/lib/sends/send-service";
import { backends } from "../support/databases";
import { sendDeps } from "../support/send-deps";
import { connectThroughOAuth, testConnectDeps } from "../support/sendoso-connection";
import { startSimulator, type TestSimulator } from "../support/simulator";
import { setThreshold, spendForm } from "../support/spend-fixture";
import { priced } from "../support/touch-pricing";
import { makeUser } from "../support/users";

/** Approvals go out on the connection recorded on the row, never on whatever the rep uses now. */
describe.each(backends)("approving on the recorded connection, on $name", (backend) => {
  let database: DatabaseHandle;
  let sim: TestSimulator;
  let deps: ConnectDeps;
  let admin: User;
  let manager: User;
  beforeAll(async () => {
    [database, sim] = await Promise.all([backend.open(), startSimulator()]);
    deps = testConnectDeps(database.db, sim, { timeoutMs: 5_000 });
    admin = await makeUser(database.db, "rc-admin", "admin", null);
    manager = await makeUser(database.db, "rc-manager", "manager", "rc");
    await setThreshold(database.db, "rc", 150);
    // The org's shared account (Sendoso user 1): reps without their own connection send on it.
    await connectThroughOAuth(deps, sim, admin, { sendosoUserId: 1, shared: true });
  });
  afterAll(async () => {
    await Promise.all([database?.close(), sim?.close()]);
  });
  beforeEach(() => sim.resetLog());

  const approveDeps = () => ({
    ...sendDeps(database.db, null as never),
    sendosoFor: async (connectionId: string | null, senderId: string) =>
      clientOnTokens(deps, (await openRecordedConnection(deps, connectionId as string, senderId)).tokens),
  });
  /** Records a big gift (held for approval) on the connection the rep has right now. */
  async function holdOn(rep: User, connectionId: string, shared: boolean) {
    const { tokens } = await openRecordedConnection(deps, connectionId, rep.id);
    const held = await submitSend(
      sendDeps(database.db, clientOnTokens(deps, tokens)),
      { ...rep, connection: { id: connectionId, shared } },
      spendForm(),
      priced("Hamper", 200),
    );
    if (held.status !== "pending_approval") throw new Error(`expected pending, got ${held.status}`);
    return held.sendId;
  }
  const accessTokenOf = async (connectionId: string) => {
    const [row] = await database.db
      .select()
      .from(sendosoConnections)
      .where(eq(sendosoConnections.id, connectionId));
    return deps.cipher.decrypt(row?.accessTokenCiphertext as string, tokenAad(connectionId, "access_token"));
  };

  it("sends on the shared connection it was recorded on after the rep connected their own", async () => {
    const rep = await makeUser(database.db, "rc-rep1", "rep", "rc");
    const [shared] = await database.db
      .select({ id: sendosoConnections.id })
      .from(sendosoConnections)
      .where(isNull(sendosoConnections.userId));
    const sharedId = shared?.id as string;
    const sendId = await holdOn(rep, sharedId, true);
    // Meanwhile the rep connects their own Sendoso account (user 2): new sends would use it.
    await connectThroughOAuth(deps, sim, rep, { sendosoUserId: 2 });

    const decided = await approveSend(approveDeps(), manager, sendId);
    expect(decided).toMatchObject({ status: "approved", result: { status: "sent" } });
    const posts = await sim.requests({ method: "POST", path: "/api/v3/send" });
    expect(posts).toHaveLength(1);
    expect(posts[0]?.headers.authorization).toBe(`Bearer ${await accessTokenOf(sharedId)}`);
  });

  it("refuses clearly, sending nothing, when the recorded connection is gone", async () => {
    const rep = await makeUser(database.db, "rc-rep2", "rep", "rc");
    const own = await connectThroughOAuth(deps, sim, rep, { sendosoUserId: 2 });
    const sendId = await holdOn(rep, own.id, false);
    // The rep disconnects (the row is deleted); they would now fall back to the shared account.
    await database.db.delete(sendosoConnections).where(eq(sendosoConnections.id, own.id));

    const decided = await approveSend(approveDeps(), manager, sendId);
    expect(decided).toMatchObject({ status: "not_connected" });
    expect((decided as { message: string }).message).toMatch(/no longer exists/);
    expect(await sim.sendPosts()).toHaveLength(0);
    const [row] = await database.db.select().from(sends).where(eq(sends.id, sendId));
    expect(row?.state).toBe("pending_approval");
  });

  it("holds an approval, sending nothing, when the recipient meanwhile got an unconfirmed send", async () => {
    const rep = await makeUser(database.db, "rc-rep3", "rep", "rc");
    const own = await connectThroughOAuth(deps, sim, rep, { sendosoUserId: 2 });
    const sendId = await holdOn(rep, own.id, false);
    const [held] = await database.db.select().from(sends).where(eq(sends.id, sendId));
    // Another send to the same person is now unknown (maybe it went out): approving must wait for it.
    await database.db.insert(sends).values({
      ...(held as NonNullable<typeof held>),
      id: crypto.randomUUID(),
      idempotencyKey: crypto.randomUUID(),
      state: "unknown",
    });

    const decided = await approveSend(approveDeps(), manager, sendId);
    expect(decided).toMatchObject({ status: "held" });
    expect(await sim.sendPosts()).toHaveLength(0);
    const [row] = await database.db.select().from(sends).where(eq(sends.id, sendId));
    expect(row?.state).toBe("pending_approval");
  });
});
