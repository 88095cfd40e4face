import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/lib/db/client";
import { sends, type User } from "@/lib/db/schema";
import { SendosoNotConnectedError } from "@/lib/sendoso/errors";
import { approveSend } from "@/lib/sends/approval-decisions";
import { submitSend } from "@/lib/sends/send-service";
import { backends } from "../support/databases";
import { startSimulator, type TestSimulator } from "../support/simulator";
import { setThreshold, spendDeps, spendForm } from "../support/spend-fixture";
import { priced } from "../support/touch-pricing";
import { makeUser } from "../support/users";

/** Issue 16 item 7: approveSend tells the browser only typed, user-facing errors. */
describe.each(backends)("approveSend errors on $name", (backend) => {
  let database: DatabaseHandle;
  let sim: TestSimulator;
  let rep: User;
  let manager: User;

  beforeAll(async () => {
    [database, sim] = await Promise.all([backend.open(), startSimulator()]);
    rep = await makeUser(database.db, "ae-rep", "rep", "ae");
    manager = await makeUser(database.db, "ae-manager", "manager", "ae");
    await setThreshold(database.db, "ae", 50);
  });
  afterAll(async () => {
    await Promise.all([database?.close(), sim?.close()]);
  });

  async function pending(): Promise<string> {
    const result = await submitSend(spendDeps(database.db, sim), rep, spendForm(), priced("Hamper", 80));
    if (result.status !== "pending_approval") throw new Error(result.status);
    return result.sendId;
  }
  const failingWith = (error: Error) => ({
    ...spendDeps(database.db, sim),
    sendosoFor: async () => {
      throw error;
    },
  });

  it("a typed connection error reaches the approver in its own words", async () => {
    const sendId = await pending();
    const result = await approveSend(failingWith(new SendosoNotConnectedError()), manager, sendId);
    expect(result.status).toBe("not_connected");
    if (result.status === "not_connected") {
      expect(result.message).toContain(new SendosoNotConnectedError().message);
    }
  });

  it("an internal error is never returned as text: it is thrown for the action's generic message", async () => {
    const sendId = await pending();
    const internal = new Error('decrypt failed: key id 7, row {"refresh_token":"rt_secret"}');
    await expect(approveSend(failingWith(internal), manager, sendId)).rejects.toBe(internal);
    const [row] = await database.db.select().from(sends).where(eq(sends.id, sendId));
    expect(row?.state).toBe("pending_approval");
  });
});
