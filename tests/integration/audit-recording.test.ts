import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/lib/db/client";
import type { Send } from "@/lib/db/schema";
import { type ConnectDeps, completeConnect } from "@/lib/sendoso/connect";
import { disconnectConnection } from "@/lib/sendoso/connections";
import { auditedExportCsvStream } from "@/lib/sends/export";
import { markUnknownNotSent } from "@/lib/sends/resolve-unknown";
import { sendScopeFor } from "@/lib/sends/scope";
import { recordAbsentCheck } from "../support/absent-check";
import { auditWatcher, shape } from "../support/audit-entries";
import { backends } from "../support/databases";
import { connectThroughOAuth, startedConnect, testConnectDeps } from "../support/sendoso-connection";
import { startSimulator, type TestSimulator } from "../support/simulator";
import { BASE, type Cast, seedSends, seedUsers } from "./history-seed";

/** Each hooked action writes exactly one entry, with the right actor, target, before and after. */
describe.each(backends)("audit entries of connections, mark-not-sent and exports on $name", (backend) => {
  let database: DatabaseHandle;
  let sim: TestSimulator;
  let deps: ConnectDeps;
  let c: Cast;
  let sends: Send[];
  const audit = auditWatcher(() => database.db);
  const actorOf = (u: { id: string; email: string }) => ({ actorId: u.id, actorEmail: u.email });

  beforeAll(async () => {
    [database, sim] = await Promise.all([backend.open(), startSimulator()]);
    deps = testConnectDeps(database.db, sim);
    c = await seedUsers(database.db);
    sends = await seedSends(database.db, c);
  });
  afterAll(async () => {
    await Promise.all([database?.close(), sim?.close()]);
  });
  beforeEach(() => audit.mark());

  it("records a connection, a reconnection (with what it replaced) and a disconnection", async () => {
    const first = await connectThroughOAuth(deps, sim, c.repA, { sendosoUserId: 2 });
    const own = { shared: false, userId: c.repA.id, status: "active" };
    expect((await audit.since()).map(shape)).toEqual([
      {
        ...actorOf(c.repA),
        action: "sendoso_connection.connected",
        targetType: "sendoso_connection",
        targetId: first.id,
        before: null,
        after: { ...own, sendosoUserId: 2, sendosoEmail: first.sendosoEmail },
        requestId: null,
      },
    ]);

    await audit.mark();
    const { code, state } = await startedConnect(deps, sim, c.repA, { sendosoUserId: 3 });
    const second = await completeConnect(deps, {
      userId: c.repA.id,
      isAdmin: false,
      code,
      state,
      requestId: "req-reconnect",
    });
    const [reconnected, ...more] = await audit.since();
    expect(more).toEqual([]);
    expect(reconnected && shape(reconnected)).toMatchObject({
      action: "sendoso_connection.connected",
      targetId: second.id,
      before: { ...own, sendosoUserId: 2 },
      after: { ...own, sendosoUserId: 3 },
      requestId: "req-reconnect",
    });
    // Never a token in the log.
    expect(JSON.stringify(reconnected)).not.toMatch(/token|ciphertext/i);

    await audit.mark();
    await disconnectConnection(deps, second.id, { userId: c.repA.id, requestId: "req-disconnect" });
    expect((await audit.since()).map(shape)).toEqual([
      {
        ...actorOf(c.repA),
        action: "sendoso_connection.disconnected",
        targetType: "sendoso_connection",
        targetId: second.id,
        before: { ...own, sendosoUserId: 3, sendosoEmail: second.sendosoEmail },
        after: { revokedAtSendoso: true },
        requestId: "req-disconnect",
      },
    ]);
    // A connection that is already gone: nothing happened, nothing recorded.
    await audit.mark();
    await disconnectConnection(deps, second.id, { userId: c.repA.id });
    expect(await audit.since()).toEqual([]);
  });

  it("records the shared connection as shared, with the admin as actor", async () => {
    const shared = await connectThroughOAuth(deps, sim, c.admin, { shared: true });
    const [entry, ...more] = await audit.since();
    expect(more).toEqual([]);
    expect(entry && shape(entry)).toMatchObject({
      ...actorOf(c.admin),
      targetId: shared.id,
      after: { shared: true, userId: null },
    });
  });

  it("records mark-not-sent with the reason, and nothing for a refused one", async () => {
    const unknown = sends.find((s) => s.createdAt.getTime() === BASE + 10 * 60_000);
    if (!unknown) throw new Error("seed has no unknown send at minute 10");
    const reason = "Checked Sendoso's send list: nothing for this recipient";
    const input = { sendId: unknown.id, reason, requestId: "req-mark" };
    const scope = sendScopeFor(c.managerA);
    await recordAbsentCheck(database.db, unknown.id);
    expect(await markUnknownNotSent(database.db, c.managerA, scope, input)).toMatchObject({
      status: "not_sent",
    });
    expect((await audit.since()).map(shape)).toEqual([
      {
        ...actorOf(c.managerA),
        action: "send.marked_not_sent",
        targetType: "send",
        targetId: unknown.id,
        before: { state: "unknown" },
        after: { state: "not_sent", reason },
        requestId: "req-mark",
      },
    ]);
    await audit.mark();
    expect(await markUnknownNotSent(database.db, c.managerA, scope, input)).toMatchObject({
      status: "not_unknown",
    });
    expect(await audit.since()).toEqual([]);
  });

  it("records a history export once, with the filters, scope and row count, when the last row is out", async () => {
    const stream = auditedExportCsvStream(database.db, c.managerA, { team: "a", q: undefined }, "req-exp", 2);
    const reader = stream.getReader();
    await reader.read();
    // Rows are still going out: no entry yet.
    expect(await audit.since()).toEqual([]);
    while (!(await reader.read()).done) {}
    expect((await audit.since()).map(shape)).toEqual([
      {
        ...actorOf(c.managerA),
        action: "export.sends",
        targetType: "sends",
        targetId: null,
        before: null,
        after: {
          filters: { team: "a" },
          scope: { kind: "team", team: "a", userId: c.managerA.id },
          rows: 11,
          complete: true,
        },
        requestId: "req-exp",
      },
    ]);
  });

  it("records a history export stopped midway as incomplete, with the rows that went out", async () => {
    const reader = auditedExportCsvStream(database.db, c.admin, {}, null, 3).getReader();
    await reader.read();
    await reader.cancel();
    const [entry, ...more] = await audit.since();
    expect(more).toEqual([]);
    expect(entry && shape(entry)).toMatchObject({
      ...actorOf(c.admin),
      action: "export.sends",
      after: { filters: {}, scope: { kind: "all" }, rows: 3, complete: false },
    });
  });
});
