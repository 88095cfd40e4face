import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/lib/db/client";
import { auditLog, notifications, sends, type User } from "@/lib/db/schema";
import { approveSend, cancelPendingSend, rejectSend } from "@/lib/sends/approval-decisions";
import { countPendingApprovals, listPendingApprovals } from "@/lib/sends/approval-queue";
import { remindStaleApprovals } from "@/lib/sends/approval-reminders";
import { submitSend } from "@/lib/sends/send-service";
import { budgetMetersFor } from "@/lib/spend/budget-usage";
import { backends } from "../support/databases";
import { startSimulator, type TestSimulator } from "../support/simulator";
import { setTeamBudget, setThreshold, spendDeps, spendForm } from "../support/spend-fixture";
import { priced } from "../support/touch-pricing";
import { makeUser } from "../support/users";

describe.each(backends)("approvals on $name", (backend) => {
  let database: DatabaseHandle;
  let sim: TestSimulator;
  let rep: User;
  let manager: User;
  let otherManager: User;
  let admin: User;

  beforeAll(async () => {
    [database, sim] = await Promise.all([backend.open(), startSimulator()]);
    const db = database.db;
    rep = await makeUser(db, "ap-rep", "rep", "north");
    manager = await makeUser(db, "ap-manager", "manager", "north");
    otherManager = await makeUser(db, "ap-other", "manager", "south");
    admin = await makeUser(db, "ap-admin", "admin", null);
    await setThreshold(db, "north", 150, { remindAfterHours: 2 });
    await setTeamBudget(db, "north", 1_000);
  });
  afterAll(async () => {
    await Promise.all([database?.close(), sim?.close()]);
  });
  beforeEach(async () => {
    await sim.resetLog();
  });

  const deps = () => ({
    ...spendDeps(database.db, sim),
    sendosoFor: async () => spendDeps(database.db, sim).sendoso,
  });
  const inboxOf = (user: User, category: string) =>
    database.db
      .select()
      .from(notifications)
      .where(and(eq(notifications.userId, user.id), eq(notifications.category, category as never)));
  const submitBig = async () => {
    const result = await submitSend(spendDeps(database.db, sim), rep, spendForm(), priced("Hamper", 200));
    if (result.status !== "pending_approval") throw new Error(`expected pending, got ${result.status}`);
    return result.sendId;
  };

  it("holds a send above the threshold without sending it, reserving its estimate", async () => {
    const sendId = await submitBig();
    expect(await sim.sendPosts()).toHaveLength(0);
    expect((await budgetMetersFor(database.db, rep))[0]?.reserved).toBeGreaterThanOrEqual(200);
    expect((await inboxOf(manager, "approval_needed")).some((n) => n.body.includes("Hamper"))).toBe(true);
    expect((await listPendingApprovals(database.db, manager)).map((s) => s.id)).toContain(sendId);
    expect(await listPendingApprovals(database.db, otherManager)).toEqual([]);
    expect(await listPendingApprovals(database.db, rep)).toEqual([]);
    expect(await countPendingApprovals(database.db, admin)).toBeGreaterThan(0);
  });

  it("a manager of the team approves: it goes out once, the rep hears, the audit log records it", async () => {
    const sendId = await submitBig();
    const [first, second] = await Promise.all([
      approveSend(deps(), manager, sendId),
      approveSend(deps(), admin, sendId),
    ]);
    expect([first.status, second.status].sort()).toEqual(["approved", "not_pending"]);
    const approved = first.status === "approved" ? first : second;
    if (approved.status !== "approved") throw new Error("no approval");
    expect(approved.result.status).toBe("sent");
    expect(await sim.sendPosts()).toHaveLength(1);
    const [row] = await database.db.select().from(sends).where(eq(sends.id, sendId));
    expect(row).toMatchObject({ state: "sent" });
    expect(row?.decidedBy).not.toBeNull();
    expect((await inboxOf(rep, "send_approved")).some((n) => n.link === `/history/${sendId}`)).toBe(true);
    const entries = await database.db.select().from(auditLog).where(eq(auditLog.targetId, sendId));
    expect(entries.map((e) => e.action).sort()).toEqual(["send.approved", "send.submitted"]);
  });

  it("a rejection needs the caller to be an approver, keeps the reason and releases the budget", async () => {
    const sendId = await submitBig();
    const before = (await budgetMetersFor(database.db, rep))[0]?.reserved ?? 0;
    expect(await rejectSend(database.db, otherManager, { sendId, reason: "no" })).toEqual({
      status: "not_found",
    });
    expect(await approveSend(deps(), rep, sendId)).toMatchObject({ status: "own_send" });
    expect(await rejectSend(database.db, manager, { sendId, reason: "Too pricey for a first call" })).toEqual(
      {
        status: "rejected",
        sendId,
      },
    );
    const [row] = await database.db.select().from(sends).where(eq(sends.id, sendId));
    expect(row).toMatchObject({ state: "rejected", decisionReason: "Too pricey for a first call" });
    expect((await budgetMetersFor(database.db, rep))[0]?.reserved).toBe(before - 200);
    const told = await inboxOf(rep, "send_rejected");
    expect(told.some((n) => n.body.includes("Too pricey for a first call"))).toBe(true);
    expect(await sim.sendPosts()).toHaveLength(0);
    expect(await approveSend(deps(), manager, sendId)).toEqual({ status: "not_pending", state: "rejected" });
  });

  it("a manager's own big send goes to someone else, and the rep can cancel their own", async () => {
    const own = await submitSend(spendDeps(database.db, sim), manager, spendForm(), priced("Hamper", 200));
    if (own.status !== "pending_approval") throw new Error(own.status);
    expect(await approveSend(deps(), manager, own.sendId)).toMatchObject({ status: "own_send" });
    expect(await cancelPendingSend(database.db, rep, own.sendId)).toEqual({ status: "not_found" });
    expect(await cancelPendingSend(database.db, manager, own.sendId)).toEqual({
      status: "cancelled",
      sendId: own.sendId,
    });
    expect(await sim.sendPosts()).toHaveLength(0);
  });

  it("a send with no cost estimate under a budget waits for approval", async () => {
    const result = await submitSend(spendDeps(database.db, sim), rep, spendForm(), priced("Mystery"));
    expect(result.status).toBe("pending_approval");
  });

  it("reminds approvers once per interval, however often the job runs", async () => {
    const sendId = await submitBig();
    const later = new Date(Date.now() + 3 * 3_600_000);
    await remindStaleApprovals(database.db, later);
    await remindStaleApprovals(database.db, later);
    const reminders = (await inboxOf(manager, "approval_reminder")).filter((n) =>
      n.dedupeKey?.includes(sendId),
    );
    expect(reminders).toHaveLength(1);
    await remindStaleApprovals(database.db, new Date(Date.now() + 5 * 3_600_000));
    expect(
      (await inboxOf(manager, "approval_reminder")).filter((n) => n.dedupeKey?.includes(sendId)),
    ).toHaveLength(2);
  });
});
