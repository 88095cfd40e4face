import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/lib/db/client";
import { notifications, orgSpendLimits, sends, type User } from "@/lib/db/schema";
import { approveSend } from "@/lib/sends/approval-decisions";
import { listPendingApprovals } from "@/lib/sends/approval-queue";
import { type SendDeps, submitSend } from "@/lib/sends/send-service";
import { sendMetersFor } from "@/lib/spend/org-limits";
import { saveOrgLimits } from "@/lib/spend/settings-org";
import { orgLimitsSchema } from "@/lib/validation/spend";
import { backends } from "../support/databases";
import { sandboxClient, sendDeps } from "../support/send-deps";
import { startSimulator, type TestSimulator } from "../support/simulator";
import { spendForm } from "../support/spend-fixture";
import { priced } from "../support/touch-pricing";
import { makeUser } from "../support/users";

function countBy(results: { status: string }[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const { status } of results) counts[status] = (counts[status] ?? 0) + 1;
  return counts;
}

/** Issue 16 item 1: senders with no team, and limits that apply to every send whatever its team. */
describe.each(backends)("teamless senders and org-wide limits on $name", (backend) => {
  let database: DatabaseHandle;
  let sim: TestSimulator;
  let admin: User;
  let manager: User;
  let teamless: User;
  let repA: User;
  let repB: User;

  beforeAll(async () => {
    [database, sim] = await Promise.all([backend.open(), startSimulator()]);
    const db = database.db;
    admin = await makeUser(db, "org-admin", "admin", "ops");
    manager = await makeUser(db, "org-manager", "manager", "a");
    teamless = await makeUser(db, "org-newhire", "rep", null);
    repA = await makeUser(db, "org-rep-a", "rep", "a");
    repB = await makeUser(db, "org-rep-b", "rep", "b");
  });
  afterAll(async () => {
    await Promise.all([database?.close(), sim?.close()]);
  });
  beforeEach(async () => {
    // Each test starts with no limits and nothing spent or reserved.
    await database.db.delete(orgSpendLimits);
    await database.db.update(sends).set({ state: "failed" });
    await sim.resetLog();
  });

  const deps = (overrides: Partial<SendDeps> = {}) =>
    sendDeps(database.db, sandboxClient(sim, { timeoutMs: 5_000 }), { settleWaitMs: 10_000, ...overrides });
  const setLimits = (values: Record<string, unknown>) =>
    saveOrgLimits(database.db, admin, orgLimitsSchema.parse({ budgetPeriod: "monthly", ...values }));

  it("TEAMLESS_SENDS=refuse: nothing is recorded or sent, and the rep reads what IT must configure", async () => {
    const result = await submitSend(
      deps({ teamlessSends: "refuse", teamGroupPrefix: "team-" }),
      teamless,
      spendForm(),
      priced("Mug", 10),
    );
    expect(result.status).toBe("over_budget");
    if (result.status === "over_budget") {
      expect(result.message).toContain("no team");
      expect(result.message).toContain('"team-sales"');
    }
    expect(await database.db.select().from(sends).where(eq(sends.senderId, teamless.id))).toEqual([]);
    expect(await sim.sendPosts()).toHaveLength(0);
  });

  it("default (approve): a teamless send waits for an admin, who alone may release it", async () => {
    const result = await submitSend(deps(), teamless, spendForm(), priced("Mug", 10));
    if (result.status !== "pending_approval") throw new Error(`expected pending, got ${result.status}`);
    expect(await sim.sendPosts()).toHaveLength(0);
    const asked = await database.db.select().from(notifications).where(eq(notifications.userId, admin.id));
    expect(asked.some((n) => n.category === "approval_needed")).toBe(true);
    expect((await listPendingApprovals(database.db, manager)).map((s) => s.id)).not.toContain(result.sendId);
    const approverDeps = { ...deps(), sendosoFor: async () => deps().sendoso };
    expect((await approveSend(approverDeps, manager, result.sendId)).status).toBe("not_found");
    const approved = await approveSend(approverDeps, admin, result.sendId);
    expect(approved).toMatchObject({ status: "approved", result: { status: "sent" } });
    expect(await sim.sendPosts()).toHaveLength(1);
  });

  it("an org budget counts every team's sends, and the teamless ones", async () => {
    await setLimits({ budgetAmount: "30" });
    const first = await submitSend(deps(), repA, spendForm(), priced("Mug", 10));
    const second = await submitSend(deps(), repB, spendForm(), priced("Mug", 10));
    const third = await submitSend(deps(), teamless, spendForm(), priced("Mug", 10));
    const fourth = await submitSend(deps(), repA, spendForm(), priced("Mug", 10));
    expect([first.status, second.status, third.status]).toEqual(["sent", "sent", "pending_approval"]);
    expect(fourth.status).toBe("over_budget");
    if (fourth.status === "over_budget")
      expect(fourth.message).toContain("the organisation's monthly budget");
    const meters = await sendMetersFor(database.db, repA, "USD");
    expect(meters.find((m) => m.scope === "org")).toMatchObject({ spent: 20, reserved: 10, left: 0 });
  });

  it("a daily cap per rep stops one rep without stopping the others", async () => {
    await setLimits({ dailyCapPerRep: "20" });
    const a = [];
    for (let i = 0; i < 3; i++) a.push(await submitSend(deps(), repA, spendForm(), priced("Mug", 10)));
    expect(a.map((r) => r.status)).toEqual(["sent", "sent", "over_budget"]);
    if (a[2]?.status === "over_budget") expect(a[2].message).toContain("your daily cap");
    expect((await submitSend(deps(), repB, spendForm(), priced("Mug", 10))).status).toBe("sent");
  });

  it("over a limit with approval allowed: the send waits, reserving nothing", async () => {
    await setLimits({ dailyCapTotal: "10", overLimitNeedsApproval: true });
    expect((await submitSend(deps(), repA, spendForm(), priced("Mug", 10))).status).toBe("sent");
    const over = await submitSend(deps(), repB, spendForm(), priced("Mug", 10));
    expect(over.status).toBe("pending_approval");
    const [row] = await database.db
      .select()
      .from(sends)
      .where(eq(sends.id, (over as { sendId: string }).sendId));
    expect(row?.overBudget).toBe(true);
  });

  it("a gift with no estimate waits for approval once any org limit is set", async () => {
    await setLimits({ dailyCapTotal: "1000" });
    expect((await submitSend(deps(), repA, spendForm(), priced("Mystery box"))).status).toBe(
      "pending_approval",
    );
  });

  it("40 concurrent sends across teams against a daily cap that fits 3: exactly 3 go out", async () => {
    // Four senders in four teams. The cap is smaller than the connection pool: without the org lock,
    // PostgreSQL runs ten transactions at once that all read today's total before any commits.
    await setLimits({ dailyCapTotal: "30" });
    const senders = [repA, repB, manager, admin];
    const results = await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        submitSend(deps(), senders[i % 4] as User, spendForm(), priced("Mug", 10)),
      ),
    );
    expect(countBy(results)).toEqual({ sent: 3, over_budget: 37 });
    expect(await sim.sendPosts()).toHaveLength(3);
    const [total] = await database.db
      .select({ sum: sql<string>`sum(${sends.estimatedCost})` })
      .from(sends)
      .where(eq(sends.state, "sent"));
    expect(Number(total?.sum)).toBe(30);
  });

  it("records the change in the audit log", async () => {
    const saved = await setLimits({ budgetAmount: "500", dailyCapPerRep: "" });
    expect(saved).toMatchObject({ status: "saved", row: { budgetAmount: "500.00", dailyCapPerRep: null } });
    const entries = await database.db.execute(
      sql`select action, after from audit_log where action = 'org_limits.changed' order by id desc limit 1`,
    );
    expect((entries as unknown as { rows: unknown[] }).rows).toHaveLength(1);
  });
});
