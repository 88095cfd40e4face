import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/lib/db/client";
import type { User } from "@/lib/db/schema";
import { requestSendCheck } from "@/lib/sends/check-now";
import { sendScopeFor } from "@/lib/sends/scope";
import { type SendDeps, submitSend } from "@/lib/sends/send-service";
import { backends } from "../support/databases";
import { sandboxClient, sendDeps } from "../support/send-deps";
import { createTestUser } from "../support/sendoso-connection";
import { startSimulator, type TestSimulator } from "../support/simulator";
import { priced } from "../support/touch-pricing";
import { form, reconciler, snapshotOf } from "./reconcile-support";

describe.each(backends)("check with Sendoso now on $name", (backend) => {
  let database: DatabaseHandle;
  let sim: TestSimulator;
  let deps: SendDeps;
  let rep: User;
  let otherRep: User;
  let manager: User;
  let otherTeamManager: User;

  beforeAll(async () => {
    [database, sim] = await Promise.all([backend.open(), startSimulator()]);
    deps = sendDeps(database.db, sandboxClient(sim));
    rep = await createTestUser(database.db);
    otherRep = await createTestUser(database.db);
    manager = await createTestUser(database.db, "manager");
    otherTeamManager = { ...(await createTestUser(database.db, "manager")), team: "b" };
  });
  afterAll(async () => {
    await Promise.all([database?.close(), sim?.close()]);
  });

  async function dropped() {
    await sim.injectFault({ type: "close_after" });
    const result = await submitSend(deps, rep, form(), priced("Coffee for two"));
    expect(result.status).toBe("unknown");
    return result.status === "unknown" ? result.sendId : "";
  }
  const ask = (who: User, sendId: string) => requestSendCheck(database.db, who, sendScopeFor(who), sendId);

  it("lets the sender and their manager ask, and reads as missing to anyone else", async () => {
    const sendId = await dropped();
    expect(await ask(otherRep, sendId)).toEqual({ status: "not_found" });
    expect(await ask(otherTeamManager, sendId)).toEqual({ status: "not_found" });
    expect((await snapshotOf(database.db, sendId)).row?.syncRequestedAt).toBeNull();
    expect(await ask(manager, sendId)).toEqual({ status: "requested", sendId });
    expect(await ask(rep, sendId)).toEqual({ status: "requested", sendId });
    expect((await snapshotOf(database.db, sendId)).row?.syncRequestedAt).toBeInstanceOf(Date);
    expect(await ask(rep, crypto.randomUUID())).toEqual({ status: "not_found" });
  });

  it("checks only the send asked about, and says when it is no longer unknown", async () => {
    const asked = await dropped();
    const other = await dropped();
    await ask(rep, asked);
    const counts = await reconciler(database.db, sandboxClient(sim), { onlySendIds: [asked] }).run();
    expect(counts).toMatchObject({ looked: 1, resolved: 1 });
    const [a, b] = [await snapshotOf(database.db, asked), await snapshotOf(database.db, other)];
    expect(a.row).toMatchObject({ state: "sent", syncRequestedAt: null });
    expect(b.row?.state).toBe("unknown");
    expect(await ask(rep, asked)).toEqual({ status: "not_unknown", state: "sent" });
  });
});
