import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/lib/db/client";
import { sendosoConnections } from "@/lib/db/schema";
import { createSendosoClient } from "@/lib/sendoso/client";
import { type ConnectDeps, openAnyConnection } from "@/lib/sendoso/connect";
import { backends } from "../support/databases";
import { connectThroughOAuth, createTestUser, testConnectDeps } from "../support/sendoso-connection";
import { startSimulator, type TestSimulator } from "../support/simulator";

describe.each(backends)("the reconciler's Sendoso connection on $name", (backend) => {
  let database: DatabaseHandle;
  let sim: TestSimulator;
  let deps: ConnectDeps;
  beforeAll(async () => {
    [database, sim] = await Promise.all([backend.open(), startSimulator()]);
    deps = testConnectDeps(database.db, sim);
  });
  afterAll(async () => {
    await Promise.all([database?.close(), sim?.close()]);
  });

  const markNeedsReconnect = (id: string) =>
    database.db
      .update(sendosoConnections)
      .set({ status: "needs_reconnect" })
      .where(eq(sendosoConnections.id, id));

  it("prefers the shared org connection, then any active rep connection, else none", async () => {
    expect(await openAnyConnection(deps)).toBeNull();
    const rep = await createTestUser(database.db);
    const admin = await createTestUser(database.db, "admin");
    const own = await connectThroughOAuth(deps, sim, rep, { sendosoUserId: 2 });
    const shared = await connectThroughOAuth(deps, sim, admin, { sendosoUserId: 4, shared: true });

    const first = await openAnyConnection(deps);
    if (!first) throw new Error("no connection opened");
    expect(first.connection.id).toBe(shared.id);
    // Its tokens really read the organisation's send list.
    const client = createSendosoClient({ baseUrl: sim.baseUrl, timeoutMs: 2_000, tokens: first.tokens });
    expect((await client.listSends({ page: 1, perPage: 100 })).sends).toEqual([]);

    await markNeedsReconnect(shared.id);
    expect((await openAnyConnection(deps))?.connection.id).toBe(own.id);
    await markNeedsReconnect(own.id);
    expect(await openAnyConnection(deps)).toBeNull();
  });
});
