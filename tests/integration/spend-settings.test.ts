import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/lib/db/client";
import { auditLog, budgets, type User } from "@/lib/db/schema";
import {
  deleteApprovalPolicy,
  deleteBudget,
  deleteTouchEstimate,
  loadSpendSettings,
  saveApprovalPolicy,
  saveBudget,
  saveTouchEstimate,
} from "@/lib/spend/settings";
import { approvalPolicySchema, budgetSchema, touchEstimateSchema } from "@/lib/validation/spend";
import { backends } from "../support/databases";
import { makeUser } from "../support/users";

describe.each(backends)("spend settings on $name", (backend) => {
  let database: DatabaseHandle;
  let admin: User;
  let rep: User;
  let manager: User;

  const person = (key: string, role: User["role"], team: string | null) =>
    makeUser(database.db, key, role, team);

  beforeAll(async () => {
    database = await backend.open();
    admin = await person("admin", "admin", null);
    rep = await person("rep", "rep", "a");
    manager = await person("manager", "manager", "a");
    await person("rep-b", "rep", "b");
  });
  afterAll(async () => {
    await database?.close();
  });

  const actor = () => ({ id: admin.id, email: admin.email });
  /** Audit entries for one target, oldest first. */
  const auditOf = (targetType: string, targetId: string) =>
    database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.targetType, targetType), eq(auditLog.targetId, targetId)))
      .orderBy(auditLog.id);

  it("creates, changes and deletes a team budget, one audit entry each with before and after", async () => {
    const values = budgetSchema.parse({ scope: "team", team: "a", period: "monthly", amount: "500" });
    const created = await saveBudget(database.db, actor(), values, "USD");
    expect(created.status).toBe("saved");
    if (created.status !== "saved") return;
    expect(created.row).toMatchObject({ team: "a", userId: null, amount: "500.00", updatedBy: admin.id });

    const changed = await saveBudget(
      database.db,
      actor(),
      budgetSchema.parse({ ...values, id: created.row.id, amount: "750.50", period: "quarterly" }),
      "USD",
    );
    expect(changed).toMatchObject({ status: "saved", row: { amount: "750.50", period: "quarterly" } });
    expect(await deleteBudget(database.db, actor(), created.row.id)).toMatchObject({ status: "deleted" });

    const entries = await auditOf("budget", created.row.id);
    expect(entries.map((e) => [e.action, e.actorId])).toEqual([
      ["budget.changed", admin.id],
      ["budget.changed", admin.id],
      ["budget.changed", admin.id],
    ]);
    expect(entries[0]).toMatchObject({ before: null, after: { team: "a", amount: "500.00" } });
    expect(entries[1]).toMatchObject({
      before: { amount: "500.00", period: "monthly" },
      after: { amount: "750.50", period: "quarterly" },
    });
    expect(entries[2]).toMatchObject({ before: { amount: "750.50" }, after: null });
  });

  it("refuses a second budget for the same team or rep, and writes nothing", async () => {
    const team = budgetSchema.parse({ scope: "team", team: "b", period: "monthly", amount: 100 });
    const first = await saveBudget(database.db, actor(), team, "USD");
    expect(first.status).toBe("saved");
    const auditBefore = (await database.db.select().from(auditLog)).length;
    expect(await saveBudget(database.db, actor(), team, "USD")).toEqual({
      status: "invalid",
      fieldErrors: { team: ["Team b already has a budget; change that one instead"] },
    });

    const own = budgetSchema.parse({ scope: "rep", userId: rep.id, period: "monthly", amount: 50 });
    expect((await saveBudget(database.db, actor(), own, "USD")).status).toBe("saved");
    const again = await saveBudget(database.db, actor(), own, "USD");
    expect(again).toMatchObject({ status: "invalid", fieldErrors: { userId: [expect.any(String)] } });
    // The rep's budget does not clash with the team's: both count.
    expect(await database.db.select().from(budgets).where(eq(budgets.team, "b"))).toHaveLength(1);
    expect((await database.db.select().from(auditLog)).length).toBe(auditBefore + 1);
  });

  it("refuses an owner that does not exist and an edit of a deleted budget", async () => {
    const nobody = budgetSchema.parse({ scope: "team", team: "zz", period: "monthly", amount: 1 });
    expect(await saveBudget(database.db, actor(), nobody, "USD")).toMatchObject({
      status: "invalid",
      fieldErrors: { team: ["Choose a team from the list"] },
    });
    const ghost = budgetSchema.parse({
      id: crypto.randomUUID(),
      scope: "rep",
      userId: manager.id,
      period: "monthly",
      amount: 1,
    });
    expect(await saveBudget(database.db, actor(), ghost, "USD")).toEqual({ status: "not_found" });
    expect(await deleteBudget(database.db, actor(), crypto.randomUUID())).toEqual({ status: "not_found" });
  });

  it("refuses negative amounts before anything reaches the database", () => {
    expect(
      budgetSchema.safeParse({ scope: "team", team: "a", period: "monthly", amount: "-1" }).success,
    ).toBe(false);
    expect(approvalPolicySchema.safeParse({ team: "a", threshold: -5, remindAfterHours: 24 }).success).toBe(
      false,
    );
    expect(touchEstimateSchema.safeParse({ touchId: 1001, amount: "-0.01" }).success).toBe(false);
  });

  it("sets, replaces and removes a team's approval policy, auditing each change", async () => {
    const values = approvalPolicySchema.parse({
      team: "a",
      threshold: "150",
      fallbackApproverId: manager.id,
      remindAfterHours: "12",
    });
    expect(await saveApprovalPolicy(database.db, actor(), values)).toMatchObject({
      status: "saved",
      row: { team: "a", threshold: "150.00", fallbackApproverId: manager.id, remindAfterHours: 12 },
    });
    await saveApprovalPolicy(database.db, actor(), { ...values, threshold: 200, fallbackApproverId: null });
    expect(await deleteApprovalPolicy(database.db, actor(), "a")).toMatchObject({ status: "deleted" });
    expect(await deleteApprovalPolicy(database.db, actor(), "a")).toEqual({ status: "not_found" });

    const entries = await auditOf("approval_policy", "a");
    expect(entries.map((e) => e.action)).toEqual(Array(3).fill("approval_policy.changed"));
    expect(entries[1]).toMatchObject({
      before: { threshold: "150.00", fallbackApproverId: manager.id },
      after: { threshold: "200.00", fallbackApproverId: null },
    });
    expect(entries[2]?.after).toBeNull();
  });

  it("refuses a rep as fallback approver", async () => {
    const values = approvalPolicySchema.parse({
      team: "a",
      threshold: 10,
      fallbackApproverId: rep.id,
      remindAfterHours: 24,
    });
    expect(await saveApprovalPolicy(database.db, actor(), values)).toEqual({
      status: "invalid",
      fieldErrors: { fallbackApproverId: ["The fallback approver must be a manager or an admin"] },
    });
    expect(await auditOf("approval_policy", "a")).toHaveLength(3);
  });

  it("sets and removes a touch estimate with one audit entry each, and the page data sees it", async () => {
    const saved = await saveTouchEstimate(
      database.db,
      actor(),
      touchEstimateSchema.parse({ touchId: 1003, amount: "129.99" }),
    );
    expect(saved).toMatchObject({ status: "saved", row: { touchId: 1003, amount: "129.99" } });
    await saveTouchEstimate(database.db, actor(), { touchId: 1003, amount: 120 });
    expect((await loadSpendSettings(database.db)).estimates.get(1003)).toBe(120);
    expect(await deleteTouchEstimate(database.db, actor(), 1003)).toMatchObject({ status: "deleted" });
    const entries = await auditOf("touch", "1003");
    expect(entries.map((e) => [e.before, e.after])).toEqual([
      [null, { touchId: 1003, amount: "129.99" }],
      [
        { touchId: 1003, amount: "129.99" },
        { touchId: 1003, amount: "120.00" },
      ],
      [{ touchId: 1003, amount: "120.00" }, null],
    ]);
  });

  it("lists budgets with this period's meter, teams and people", async () => {
    const settings = await loadSpendSettings(database.db);
    expect(settings.teams).toEqual(["a", "b"]);
    expect(settings.people.map((p) => p.email)).toContain("manager@giftdesk.test");
    const teamB = settings.budgets.find((b) => b.team === "b");
    expect(teamB).toMatchObject({
      ownerLabel: "Team b",
      amount: 100,
      meter: { spent: 0, reserved: 0, left: 100 },
    });
    const own = settings.budgets.find((b) => b.userId === rep.id);
    expect(own?.ownerLabel).toBe("rep (rep@giftdesk.test)");
  });
});
