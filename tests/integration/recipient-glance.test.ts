import { eq } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/lib/db/client";
import { recipientSpendCaps, sends, type User } from "@/lib/db/schema";
import { recipientGlance } from "@/lib/sends/recipient-glance";
import { submitSend } from "@/lib/sends/send-service";
import { saveRecipientCaps } from "@/lib/spend/settings-caps";
import { recipientCapsSchema } from "@/lib/validation/spend";
import { backends } from "../support/databases";
import { sandboxClient, sendDeps } from "../support/send-deps";
import { startSimulator, type TestSimulator } from "../support/simulator";
import { spendForm } from "../support/spend-fixture";
import { priced } from "../support/touch-pricing";
import { makeUser } from "../support/users";

/** Issue 17 item 5: what the send form shows about a recipient, and to whom. */
describe.each(backends)("the recipient at a glance on $name", (backend) => {
  let database: DatabaseHandle;
  let sim: TestSimulator;
  let admin: User;
  let managerA: User;
  let repA: User;
  let repA2: User;
  let repB: User;
  const email = `glance.${Date.now()}@glance.example`;

  beforeAll(async () => {
    [database, sim] = await Promise.all([backend.open(), startSimulator()]);
    const db = database.db;
    admin = await makeUser(db, "gl-admin", "admin", "ops", "Ada Admin");
    managerA = await makeUser(db, "gl-manager", "manager", "a", "Mia Manager");
    repA = await makeUser(db, "gl-rep-a", "rep", "a", "Rae A");
    repA2 = await makeUser(db, "gl-rep-a2", "rep", "a", "Ray A2");
    repB = await makeUser(db, "gl-rep-b", "rep", "b", "Bea B");
    const deps = sendDeps(db, sandboxClient(sim, { timeoutMs: 5_000 }), { settleWaitMs: 10_000 });
    const send = (who: User, touch: string, cost: number) =>
      submitSend(
        deps,
        who,
        spendForm({ recipientEmail: email, confirmRepeatRecipient: true }),
        priced(touch, cost),
      );
    await send(repA, "Mug", 10);
    await send(repA2, "Socks", 20);
    const old = await send(repB, "Hamper", 40);
    // Bea's gift is older than the repeat window: the repeat question would not mention it at all.
    await db
      .update(sends)
      .set({ createdAt: new Date(Date.now() - 60 * 86_400_000) })
      .where(eq(sends.id, (old as { sendId: string }).sendId));
    await send(repB, "Card", 5);
  });
  afterAll(async () => {
    await Promise.all([database?.close(), sim?.close()]);
  });
  beforeEach(async () => {
    await database.db.delete(recipientSpendCaps);
  });

  const touches = (g: Awaited<ReturnType<typeof recipientGlance>>) => g.sends.map((s) => s.touchName).sort();

  it("a rep sees their own gifts in full, and of others only the days the repeat check tells", async () => {
    const glance = await recipientGlance(database.db, repA, email);
    expect(glance.sends).toEqual([
      expect.objectContaining({ touchName: "Mug", senderName: "Rae A", state: "sent" }),
    ]);
    expect(Object.keys(glance.sends[0] ?? {}).sort()).toEqual([
      "createdAt",
      "senderName",
      "state",
      "touchName",
    ]);
    // Ray's and Bea's recent gifts were today: one day line; Bea's old one is beyond the window.
    expect(glance.othersOn).toEqual([new Date().toISOString().slice(0, 10)]);
    expect(JSON.stringify(glance)).not.toMatch(/Socks|Hamper|Card|Ray|Bea|gl-rep/);
  });

  it("a manager sees their team's gifts; an admin sees everyone's", async () => {
    const manager = await recipientGlance(database.db, managerA, email);
    expect(touches(manager)).toEqual(["Mug", "Socks"]);
    expect(JSON.stringify(manager)).not.toMatch(/Hamper|Card|Bea/);
    const everyone = await recipientGlance(database.db, admin, email);
    expect(touches(everyone)).toEqual(["Card", "Hamper", "Mug", "Socks"]);
    expect(everyone.othersOn).toEqual([]);
  });

  it("shows what is left of this year's caps, counted org-wide", async () => {
    expect((await recipientGlance(database.db, repA, email)).allowance).toEqual([]);
    await saveRecipientCaps(
      database.db,
      admin,
      recipientCapsSchema.parse({ perEmailYearly: "100", perDomainYearly: "1000", overCap: "refuse" }),
    );
    const { allowance } = await recipientGlance(database.db, repA, email);
    const year = new Date().getUTCFullYear();
    expect(allowance).toEqual([
      { scope: "email", subject: email, year, cap: 100, left: 25 },
      { scope: "domain", subject: "glance.example", year, cap: 1000, left: 925 },
    ]);
  });
});
