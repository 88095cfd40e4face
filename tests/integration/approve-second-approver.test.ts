import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/lib/db/client";
import type { User } from "@/lib/db/schema";
import { approveSend } from "@/lib/sends/approval-decisions";
import { submitSend } from "@/lib/sends/send-service";
import { backends } from "../support/databases";
import { startSimulator, type TestSimulator } from "../support/simulator";
import { setThreshold, spendDeps, spendForm } from "../support/spend-fixture";
import { priced } from "../support/touch-pricing";
import { makeUser } from "../support/users";

/**
 * Found by the model-based test (send-model.test.ts): two approvers click at once; the first one's
 * send ends `unknown`; the second, which had passed the "still pending?" read before the first claimed,
 * must hear "not pending", not "held" because of the very send it was approving.
 */
describe.each(backends)("a second approver after the first one's send went unknown, on $name", (backend) => {
  let database: DatabaseHandle;
  let sim: TestSimulator;
  let rep: User;
  let manager: User;
  let admin: User;

  beforeAll(async () => {
    [database, sim] = await Promise.all([backend.open(), startSimulator()]);
    rep = await makeUser(database.db, "sa-rep", "rep", "sa");
    manager = await makeUser(database.db, "sa-manager", "manager", "sa");
    admin = await makeUser(database.db, "sa-admin", "admin", null);
    await setThreshold(database.db, "sa", 50);
  });
  afterAll(async () => {
    await Promise.all([database?.close(), sim?.close()]);
  });

  it("answers not_pending with the send's state, and Sendoso saw one POST", async () => {
    const submitted = await submitSend(spendDeps(database.db, sim), rep, spendForm(), priced("Hamper", 80));
    if (submitted.status !== "pending_approval") throw new Error(submitted.status);
    await sim.resetLog();
    await sim.injectFault({ type: "error_before", status: 408 });
    const client = spendDeps(database.db, sim).sendoso;
    let firstDone: () => void = () => {};
    const first = new Promise<void>((resolve) => {
      firstDone = resolve;
    });
    // The admin's approval passes the pending check, then waits (while opening its client) until the
    // manager's approval has sent and settled.
    const late = approveSend(
      {
        ...spendDeps(database.db, sim),
        sendosoFor: async () => {
          await first;
          return client;
        },
      },
      admin,
      submitted.sendId,
    );
    const early = await approveSend(
      { ...spendDeps(database.db, sim), sendosoFor: async () => client },
      manager,
      submitted.sendId,
    );
    firstDone();
    expect(early).toMatchObject({ status: "approved", result: { status: "unknown" } });
    expect(await late).toEqual({ status: "not_pending", state: "unknown" });
    expect(await sim.sendPosts()).toHaveLength(1);
  });
});
