import { eq } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { DatabaseHandle, Db } from "@/lib/db/client";
import { notifications, sends, type User } from "@/lib/db/schema";
import { submitSend } from "@/lib/sends/send-service";
import { settleSend } from "@/lib/sends/settle";
import { sweepStaleInFlight } from "@/lib/sends/sweeper";
import { transitionSend } from "@/lib/sends/transitions";
import { sendGiftSchema } from "@/lib/validation/send";
import { backends } from "../support/databases";
import { sandboxClient, sendDeps } from "../support/send-deps";
import { startSimulator, type TestSimulator } from "../support/simulator";
import { priced } from "../support/touch-pricing";
import { makeUser } from "../support/users";

let n = 0;
const form = () =>
  sendGiftSchema.parse({
    sendType: "address_collection",
    idempotencyKey: crypto.randomUUID(),
    touchId: 1001,
    recipientName: "Sam Settle",
    recipientEmail: `settle.${Date.now()}.${n++}@example.com`,
  });

describe.each(backends)("the settle never throws an answer away, on $name", (backend) => {
  let database: DatabaseHandle;
  let sim: TestSimulator;
  let rep: User;
  let manager: User;
  let admin: User;
  beforeAll(async () => {
    [database, sim] = await Promise.all([backend.open(), startSimulator()]);
    rep = await makeUser(database.db, "settle-rep", "rep", "s");
    manager = await makeUser(database.db, "settle-mgr", "manager", "s");
    admin = await makeUser(database.db, "settle-admin", "admin", null);
  });
  afterAll(async () => {
    await Promise.all([database?.close(), sim?.close()]);
  });
  beforeEach(() => sim.resetLog());

  const rowOf = async (email: string) =>
    (await database.db.select().from(sends).where(eq(sends.recipientEmail, email)))[0];
  /** Starts a send whose answer takes `ms`, and resolves once Sendoso has the request. */
  async function slowSend(ms: number) {
    await sim.injectFault({ type: "delay", ms });
    const values = form();
    const done = submitSend(
      sendDeps(database.db, sandboxClient(sim, { timeoutMs: 10_000 })),
      rep,
      values,
      priced("Mug"),
    );
    for (let i = 0; i < 200 && (await sim.sendPosts()).length === 0; i++)
      await new Promise((r) => setTimeout(r, 25));
    return { values, done };
  }

  it("keeps the tracking code when the sweeper gave up on the call first", async () => {
    const { values, done } = await slowSend(1_000);
    // The hang outlived the threshold (0 here): the sweeper moves the row to unknown mid-call.
    expect(await sweepStaleInFlight(database.db, { olderThanMs: 0 })).toBeGreaterThanOrEqual(1);
    expect((await rowOf(values.recipientEmail))?.state).toBe("unknown");
    const result = await done;
    expect(result.status).toBe("sent");
    const row = await rowOf(values.recipientEmail);
    expect(row?.state).toBe("sent");
    expect(row?.trackingCode).toMatch(/\w{20,}/);
    expect(await sim.sendPosts()).toHaveLength(1);
  });

  it("moves a send someone marked not sent to sent, keeps the code, and alerts managers and admins", async () => {
    const { values, done } = await slowSend(1_000);
    await sweepStaleInFlight(database.db, { olderThanMs: 0 });
    const sendId = (await rowOf(values.recipientEmail))?.id as string;
    await transitionSend(database.db, { sendId, from: ["unknown"], to: "not_sent", actorId: manager.id });
    expect((await done).status).toBe("sent");
    const row = await rowOf(values.recipientEmail);
    expect(row).toMatchObject({ state: "sent" });
    expect(row?.trackingCode).toBeTruthy();
    const alerted = await database.db
      .select({ userId: notifications.userId, title: notifications.title })
      .from(notifications)
      .where(eq(notifications.link, `/history/${sendId}`));
    expect(alerted.map((a) => a.userId).sort()).toEqual([rep.id, manager.id, admin.id].sort());
    expect(alerted.every((a) => a.title.startsWith("Possible double gift"))).toBe(true);
  });

  it("retries the settle write after a database error instead of losing the answer", async () => {
    const { values, done } = await slowSend(0);
    await done;
    const row = await rowOf(values.recipientEmail);
    // A second answer for a fresh in_flight row, written through a database that fails once.
    await database.db
      .update(sends)
      .set({ state: "in_flight", trackingCode: null })
      .where(eq(sends.id, row?.id as string));
    let failures = 1;
    const flaky = new Proxy(database.db, {
      get(target, prop, receiver) {
        if (prop === "transaction" && failures-- > 0)
          return () => Promise.reject(Object.assign(new Error("connection terminated"), { code: "57P01" }));
        return Reflect.get(target, prop, receiver);
      },
    }) as Db;
    const settled = await settleSend(
      flaky,
      row as NonNullable<typeof row>,
      { kind: "accepted", trackingCode: "T-RETRIED", trackingUrl: null },
      rep.id,
    );
    expect(settled).toMatchObject({ state: "sent", trackingCode: "T-RETRIED" });
  });
});
