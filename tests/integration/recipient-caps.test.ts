import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/lib/db/client";
import { recipientSpendCaps, sends, type User } from "@/lib/db/schema";
import { approveSend } from "@/lib/sends/approval-decisions";
import { type SendDeps, submitSend } from "@/lib/sends/send-service";
import { readRecipientCaps, recipientCapMeters } from "@/lib/spend/recipient-caps";
import { saveRecipientCaps } from "@/lib/spend/settings-caps";
import { recipientCapsSchema } from "@/lib/validation/spend";
import { backends } from "../support/databases";
import { sandboxClient, sendDeps } from "../support/send-deps";
import { startSimulator, type TestSimulator } from "../support/simulator";
import { setThreshold, spendForm } from "../support/spend-fixture";
import { priced } from "../support/touch-pricing";
import { makeUser } from "../support/users";

let domainCounter = 0;
/** A domain no other test in this file (or run) sends to. */
const freshDomain = () => `caps${Date.now()}x${domainCounter++}.example`;

/** Issue 17 item 4: the per-recipient (and per-domain) yearly caps on the send path. */
describe.each(backends)("per-recipient yearly caps on $name", (backend) => {
  let database: DatabaseHandle;
  let sim: TestSimulator;
  let admin: User;
  let manager: User;
  let rep: User;
  let otherRep: User;

  beforeAll(async () => {
    [database, sim] = await Promise.all([backend.open(), startSimulator()]);
    const db = database.db;
    admin = await makeUser(db, "cap-admin", "admin", "ops");
    manager = await makeUser(db, "cap-manager", "manager", "a");
    rep = await makeUser(db, "cap-rep", "rep", "a");
    otherRep = await makeUser(db, "cap-rep-b", "rep", "b");
  });
  afterAll(async () => {
    await Promise.all([database?.close(), sim?.close()]);
  });
  beforeEach(async () => {
    await database.db.delete(recipientSpendCaps);
    await sim.resetLog();
  });

  const deps = (overrides: Partial<SendDeps> = {}) =>
    sendDeps(database.db, sandboxClient(sim, { timeoutMs: 5_000 }), { settleWaitMs: 10_000, ...overrides });
  const setCaps = (values: Record<string, unknown>) =>
    saveRecipientCaps(database.db, admin, recipientCapsSchema.parse({ overCap: "refuse", ...values }));
  const capsRow = async () => {
    const row = await readRecipientCaps(database.db);
    if (!row) throw new Error("no caps saved");
    return row;
  };
  const to = (recipientEmail: string) => spendForm({ recipientEmail, confirmRepeatRecipient: true });

  it("refuses a gift that would pass the email cap, with the numbers, whoever sent the earlier ones", async () => {
    const domain = freshDomain();
    await setCaps({ perEmailYearly: "25" });
    const first = await submitSend(deps(), rep, to(`jane@${domain}`), priced("Mug", 10));
    const second = await submitSend(deps(), otherRep, to(`jane@${domain}`), priced("Mug", 10));
    const third = await submitSend(deps(), rep, to(`jane@${domain}`), priced("Mug", 10));
    expect([first.status, second.status]).toEqual(["sent", "sent"]);
    if (third.status !== "over_budget") throw new Error(`expected a refusal, got ${third.status}`);
    expect(third.message).toContain(`jane@${domain}`);
    expect(third.message).toContain("$30.00");
    expect(third.message).toContain("cap $25.00");
    expect(third.message).toContain("$20.00 already sent or reserved");
    expect(third.message).toContain("Nothing was sent.");
    expect(await sim.sendPosts()).toHaveLength(2);
    // A colleague at the same company has a cap of their own, and a gift that fits exactly still goes.
    expect((await submitSend(deps(), rep, to(`joe@${domain}`), priced("Mug", 25))).status).toBe("sent");
    expect((await submitSend(deps(), rep, to(`jane@${domain}`), priced("Card", 5))).status).toBe("sent");
  });

  it("the domain cap counts every address at the domain", async () => {
    const domain = freshDomain();
    await setCaps({ perDomainYearly: "30" });
    const statuses = [];
    for (const who of ["a", "b", "c", "d"])
      statuses.push(await submitSend(deps(), rep, to(`${who}@${domain}`), priced("Mug", 10)));
    expect(statuses.map((s) => s.status)).toEqual(["sent", "sent", "sent", "over_budget"]);
    const refused = statuses[3];
    if (refused?.status === "over_budget") expect(refused.message).toContain(`everyone at ${domain}`);
  });

  it("over the cap with approval chosen: the gift waits, reserving nothing, and counts once approved", async () => {
    const domain = freshDomain();
    await setCaps({ perEmailYearly: "15", overCap: "approve" });
    expect((await submitSend(deps(), rep, to(`sam@${domain}`), priced("Mug", 10))).status).toBe("sent");
    const over = await submitSend(deps(), rep, to(`sam@${domain}`), priced("Mug", 10));
    if (over.status !== "pending_approval") throw new Error(`expected pending, got ${over.status}`);
    const [row] = await database.db.select().from(sends).where(eq(sends.id, over.sendId));
    expect(row?.overBudget).toBe(true);
    const caps = await capsRow();
    const before = await recipientCapMeters(database.db, caps, `sam@${domain}`, new Date());
    expect(before[0]).toMatchObject({ spent: 10, reserved: 0, left: 5 });
    const approverDeps = { ...deps(), sendosoFor: async () => deps().sendoso };
    expect(await approveSend(approverDeps, manager, over.sendId)).toMatchObject({ status: "approved" });
    const after = await recipientCapMeters(database.db, caps, `sam@${domain}`, new Date());
    expect(after[0]).toMatchObject({ spent: 20, left: -5 });
  });

  it("counts a gift waiting under a threshold (it holds its value) but not a failed one", async () => {
    const domain = freshDomain();
    await setThreshold(database.db, "b", 5);
    await setCaps({ perEmailYearly: "20" });
    const pending = await submitSend(deps(), otherRep, to(`kim@${domain}`), priced("Mug", 10));
    expect(pending.status).toBe("pending_approval");
    const failed = await submitSend(deps(), rep, to(`kim@${domain}`), priced("Mug", 10));
    expect(failed.status).toBe("sent");
    await database.db
      .update(sends)
      .set({ state: "failed" })
      .where(eq(sends.id, (failed as { sendId: string }).sendId));
    const caps = await capsRow();
    const [meter] = await recipientCapMeters(database.db, caps, `kim@${domain}`, new Date());
    expect(meter).toMatchObject({ spent: 0, reserved: 10, left: 10 });
    expect((await submitSend(deps(), rep, to(`kim@${domain}`), priced("Mug", 11))).status).toBe(
      "over_budget",
    );
  });

  it("a gift with no estimate waits for approval under a cap, and is refused once nothing is left", async () => {
    const domain = freshDomain();
    await setCaps({ perEmailYearly: "10" });
    expect((await submitSend(deps(), rep, to(`un@${domain}`), priced("Mystery box"))).status).toBe(
      "pending_approval",
    );
    expect((await submitSend(deps(), rep, to(`un@${domain}`), priced("Mug", 10))).status).toBe("sent");
    const refused = await submitSend(deps(), rep, to(`un@${domain}`), priced("Mystery box"));
    if (refused.status !== "over_budget") throw new Error(`expected a refusal, got ${refused.status}`);
    expect(refused.message).toContain("no cost estimate and $0.00 is left");
  });

  it("the year is the org's calendar year: Sydney's New Year comes before UTC's", async () => {
    const domain = freshDomain();
    await setCaps({ perEmailYearly: "100" });
    const email = `ny@${domain}`;
    for (const [createdAt, cost] of [
      ["2025-12-31T12:30:00Z", "1.00"], // 23:30 on 31 December in Sydney: last year there
      ["2025-12-31T13:30:00Z", "2.00"], // 00:30 on 1 January in Sydney: this year there
      ["2026-12-31T12:59:00Z", "4.00"], // 23:59 on 31 December 2026 in Sydney
      ["2026-12-31T13:00:00Z", "8.00"], // midnight in Sydney: 2027
    ] as const) {
      const sent = await submitSend(deps(), rep, to(email), priced("Mug", Number(cost)));
      const id = (sent as { sendId: string }).sendId;
      await database.db
        .update(sends)
        .set({ createdAt: new Date(createdAt) })
        .where(eq(sends.id, id));
    }
    const caps = await capsRow();
    const at = (iso: string, zone: string) =>
      recipientCapMeters(database.db, caps, email, new Date(iso), zone).then((m) => m[0]);
    expect(await at("2026-06-01T00:00:00Z", "Australia/Sydney")).toMatchObject({ year: 2026, spent: 6 });
    expect(await at("2026-06-01T00:00:00Z", "UTC")).toMatchObject({ year: 2026, spent: 12 });
    expect(await at("2026-12-31T13:30:00Z", "Australia/Sydney")).toMatchObject({ year: 2027, spent: 8 });
  });

  it("records the change in the audit log", async () => {
    const saved = await setCaps({ perEmailYearly: "250", perDomainYearly: "", overCap: "approve" });
    expect(saved).toMatchObject({
      status: "saved",
      row: { perEmailYearly: "250.00", perDomainYearly: null, overCap: "approve" },
    });
    const entries = await database.db.execute(
      sql`select action from audit_log where action = 'recipient_caps.changed' order by id desc limit 1`,
    );
    expect((entries as unknown as { rows: unknown[] }).rows).toHaveLength(1);
  });
});
