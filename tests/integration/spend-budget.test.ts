import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/lib/db/client";
import { auditLog, notifications, sends } from "@/lib/db/schema";
import { submitSend } from "@/lib/sends/send-service";
import { budgetMetersFor } from "@/lib/spend/budget-usage";
import { INACTIVE_TOUCH_ID } from "@/sandbox/sendoso/fixtures/touches";
import { backends } from "../support/databases";
import { startSimulator, type TestSimulator } from "../support/simulator";
import { setTeamBudget, spendDeps, spendForm } from "../support/spend-fixture";
import { priced } from "../support/touch-pricing";
import { makeUser } from "../support/users";

function countBy(results: { status: string }[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const { status } of results) counts[status] = (counts[status] ?? 0) + 1;
  return counts;
}

describe.each(backends)("budgets on $name", (backend) => {
  let database: DatabaseHandle;
  let sim: TestSimulator;

  beforeAll(async () => {
    [database, sim] = await Promise.all([backend.open(), startSimulator()]);
  });
  afterAll(async () => {
    await Promise.all([database?.close(), sim?.close()]);
  });
  beforeEach(async () => {
    await sim.resetLog();
  });

  it("100 concurrent sends against a budget that fits 10: exactly 10 go out, never over", async () => {
    const db = database.db;
    const rep = await makeUser(db, "race-rep", "rep", "race");
    await setTeamBudget(db, "race", 100);
    const results = await Promise.all(
      Array.from({ length: 100 }, () => submitSend(spendDeps(db, sim), rep, spendForm(), priced("Mug", 10))),
    );
    expect(countBy(results)).toEqual({ sent: 10, over_budget: 90 });
    expect(await sim.sendPosts()).toHaveLength(10);
    const [meter] = await budgetMetersFor(db, rep);
    expect(meter).toMatchObject({ amount: 100, spent: 100, reserved: 0, left: 0 });
    // Refused sends leave nothing behind: no row, no reservation.
    expect(await db.select().from(sends).where(eq(sends.team, "race"))).toHaveLength(10);
  });

  it("a budget smaller than the connection pool still admits exactly what fits", async () => {
    // Ten transactions run at once on PostgreSQL: without the budget lock all ten would see it empty.
    const db = database.db;
    const rep = await makeUser(db, "race3-rep", "rep", "race3");
    await setTeamBudget(db, "race3", 30);
    const results = await Promise.all(
      Array.from({ length: 40 }, () => submitSend(spendDeps(db, sim), rep, spendForm(), priced("Mug", 10))),
    );
    expect(countBy(results)).toEqual({ sent: 3, over_budget: 37 });
    expect(await sim.sendPosts()).toHaveLength(3);
  });

  it("over budget with approval allowed: the rest wait, reserving nothing, and nothing extra is sent", async () => {
    const db = database.db;
    const rep = await makeUser(db, "race2-rep", "rep", "race2");
    await setTeamBudget(db, "race2", 100, { overBudgetNeedsApproval: true });
    const results = await Promise.all(
      Array.from({ length: 30 }, () => submitSend(spendDeps(db, sim), rep, spendForm(), priced("Mug", 10))),
    );
    expect(countBy(results)).toEqual({ sent: 10, pending_approval: 20 });
    expect(await sim.sendPosts()).toHaveLength(10);
    const [meter] = await budgetMetersFor(db, rep);
    expect(meter).toMatchObject({ spent: 100, reserved: 0, left: 0 });
    const pending = await db
      .select()
      .from(sends)
      .where(and(eq(sends.team, "race2"), eq(sends.state, "pending_approval")));
    expect(pending.every((s) => s.overBudget)).toBe(true);
  });

  it("refuses with the numbers, and a send that fits reserves then spends its estimate", async () => {
    const db = database.db;
    const rep = await makeUser(db, "meter-rep", "rep", "meter");
    await setTeamBudget(db, "meter", 50);
    const refused = await submitSend(spendDeps(db, sim), rep, spendForm(), priced("Hamper", 60));
    expect(refused).toMatchObject({ status: "over_budget" });
    if (refused.status === "over_budget") expect(refused.message).toContain("$60.00 would leave -$10.00");
    expect(await sim.sendPosts()).toHaveLength(0);

    const fits = await submitSend(spendDeps(db, sim), rep, spendForm(), priced("Hamper", 20));
    expect(fits.status).toBe("sent");
    expect((await budgetMetersFor(db, rep))[0]).toMatchObject({ spent: 20, reserved: 0, left: 30 });
  });

  it("an unknown outcome keeps its reservation; a failure releases it", async () => {
    const db = database.db;
    const rep = await makeUser(db, "hold-rep", "rep", "hold");
    await setTeamBudget(db, "hold", 100);
    await sim.injectFault({ type: "error_after" });
    const unknown = await submitSend(spendDeps(db, sim), rep, spendForm(), priced("Mug", 30));
    expect(unknown.status).toBe("unknown");
    const inactive = spendForm({ touchId: INACTIVE_TOUCH_ID });
    const failed = await submitSend(spendDeps(db, sim), rep, inactive, priced("Old", 30));
    expect(failed.status).toBe("failed");
    expect((await budgetMetersFor(db, rep))[0]).toMatchObject({ spent: 0, reserved: 30, left: 70 });
  });

  it("tells the team's managers once when the budget passes 80%", async () => {
    const db = database.db;
    const rep = await makeUser(db, "alert-rep", "rep", "alert");
    const manager = await makeUser(db, "alert-manager", "manager", "alert");
    await setTeamBudget(db, "alert", 100);
    for (const amount of [50, 35, 5]) {
      await submitSend(spendDeps(db, sim), rep, spendForm(), priced("Mug", amount));
    }
    const alerts = await db
      .select()
      .from(notifications)
      .where(and(eq(notifications.userId, manager.id), eq(notifications.category, "budget_threshold")));
    expect(alerts).toHaveLength(1);
    expect(alerts[0]?.title).toContain("85% used");
  });

  it("records each submitted send in the audit log with its actor", async () => {
    const db = database.db;
    const rep = await makeUser(db, "audit-rep", "rep", "audited");
    const result = await submitSend(
      spendDeps(db, sim),
      { id: rep.id, email: rep.email, team: rep.team },
      spendForm(),
      priced("Mug", 5),
    );
    if (result.status !== "sent") throw new Error(result.status);
    const entries = await db.select().from(auditLog).where(eq(auditLog.targetId, result.sendId));
    expect(entries).toMatchObject([{ action: "send.submitted", actorId: rep.id, actorEmail: rep.email }]);
  });
});
