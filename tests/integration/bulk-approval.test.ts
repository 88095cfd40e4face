import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { countPendingBatches, listPendingBatches } from "@/lib/bulk/batch-approvers";
import { approveBatch, rejectBatch, rejectBatchRows } from "@/lib/bulk/batch-decisions";
import { startBatch } from "@/lib/bulk/start-batch";
import { runBatch } from "@/lib/bulk/worker";
import type { DatabaseHandle } from "@/lib/db/client";
import { auditLog, bulkBatches, bulkRows, notifications, sends, type User } from "@/lib/db/schema";
import { budgetMetersFor } from "@/lib/spend/budget-usage";
import { rejectBulkSchema } from "@/lib/validation/bulk";
import { bulkWorkerDeps, draftBatch } from "../support/bulk";
import { backends } from "../support/databases";
import { sandboxClient } from "../support/send-deps";
import { startSimulator, type TestSimulator } from "../support/simulator";
import { setTeamBudget, setThreshold } from "../support/spend-fixture";
import { priced } from "../support/touch-pricing";
import { makeUser } from "../support/users";

const START = { windowDays: 30, currency: "USD" };

/** Issue 12 item 3: a batch over the threshold or an approvable budget is approved or rejected as one. */
describe.each(backends)("bulk batch approval on $name", (backend) => {
  let database: DatabaseHandle;
  let sim: TestSimulator;
  let rep: User;
  let manager: User;
  let otherManager: User;
  let peer: User;

  beforeAll(async () => {
    [database, sim] = await Promise.all([backend.open(), startSimulator()]);
    const db = database.db;
    rep = await makeUser(db, "appr-rep", "rep", "appr");
    peer = await makeUser(db, "appr-peer", "rep", "appr");
    manager = await makeUser(db, "appr-manager", "manager", "appr");
    otherManager = await makeUser(db, "appr-other", "manager", "elsewhere");
    await setThreshold(db, "appr", 50);
  });
  afterAll(async () => {
    await Promise.all([database?.close(), sim?.close()]);
  });
  beforeEach(async () => {
    await sim.resetLog();
  });

  const rowsOf = (batchId: string) =>
    database.db.select().from(bulkRows).where(eq(bulkRows.batchId, batchId)).orderBy(bulkRows.rowNumber);
  const run = (batchId: string) =>
    runBatch(bulkWorkerDeps(database.db, rep, sandboxClient(sim, { timeoutMs: 10_000 })), batchId);
  const auditOf = (batchId: string) =>
    database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.targetType, "bulk_batch"), eq(auditLog.targetId, batchId)));

  it("over the threshold: waits as one batch; only another approver decides; approved rows go out without waiting again", async () => {
    const db = database.db;
    // Each gift ($60) is over the per-gift threshold: one by one, every row would wait for approval.
    const batchId = await draftBatch(db, rep, 4);
    const started = await startBatch(db, rep, batchId, priced("Hoodie", 60), START);
    expect(started).toMatchObject({ kind: "awaiting_approval", rows: 4 });
    expect(await run(batchId)).toMatchObject({ result: { processed: 0 } });
    expect(await sim.sendPosts()).toHaveLength(0);
    const asked = await db.select().from(notifications).where(eq(notifications.userId, manager.id));
    expect(asked.map((n) => n.title)).toContain("A bulk send is waiting for your approval");

    // The summary: what the approver's queue shows.
    expect(await listPendingBatches(db, manager)).toMatchObject([
      { id: batchId, rows: 4, estimatedTotal: "240.00", approvalReason: "threshold" },
    ]);
    expect(await countPendingBatches(db, manager)).toBe(1);
    expect(await listPendingBatches(db, rep)).toHaveLength(0);
    expect(await listPendingBatches(db, otherManager)).toHaveLength(0);
    expect((await approveBatch(db, rep, batchId)).status).toBe("own_batch");
    expect((await approveBatch(db, otherManager, batchId)).status).toBe("not_found");
    expect((await approveBatch(db, peer, batchId)).status).toBe("not_found");

    const dropped = await rejectBatchRows(db, manager, {
      batchId,
      rowNumbers: [2],
      reason: "Already a customer",
    });
    expect(dropped).toMatchObject({ status: "rows_rejected", rows: 1, batch: { estimatedTotal: "180.00" } });
    expect((await approveBatch(db, manager, batchId)).status).toBe("approved");
    expect((await approveBatch(db, manager, batchId)).status).toBe("not_pending");
    expect(await run(batchId)).toMatchObject({ result: { processed: 3, completed: true } });

    const rows = await rowsOf(batchId);
    expect(rows.map((r) => [r.rowNumber, r.state, r.outcome])).toEqual([
      [1, "done", "sent"],
      [2, "dropped", "rejected"],
      [3, "done", "sent"],
      [4, "done", "sent"],
    ]);
    expect(await sim.sendPosts()).toHaveLength(3);
    const pendingSends = await db.select().from(sends).where(eq(sends.state, "pending_approval"));
    expect(pendingSends).toHaveLength(0);
    const actions = (await auditOf(batchId)).map((a) => a.action);
    expect(actions).toEqual(expect.arrayContaining(["bulk.started", "bulk.rows_rejected", "bulk.approved"]));
    const told = await db.select().from(notifications).where(eq(notifications.userId, rep.id));
    expect(told.map((n) => n.title)).toContain("Your bulk send was approved");
  });

  it("rejected with a reason: nothing is sent and its reservation is released", async () => {
    const db = database.db;
    expect(rejectBulkSchema.safeParse({ batchId: crypto.randomUUID(), reason: " " }).success).toBe(false);
    await setTeamBudget(db, "appr", 1_000);
    const batchId = await draftBatch(db, rep, 5);
    expect((await startBatch(db, rep, batchId, priced("Mug", 20), START)).kind).toBe("awaiting_approval");
    // Waiting within budget: it holds its total, like a pending single send.
    expect((await budgetMetersFor(db, rep))[0]).toMatchObject({ reserved: 100 });
    expect((await rejectBatch(db, rep, { batchId, reason: "Changed my mind" })).status).toBe("own_batch");
    const rejected = await rejectBatch(db, manager, { batchId, reason: "Not this quarter" });
    expect(rejected).toMatchObject({ status: "rejected", batch: { state: "rejected" } });
    expect((await rowsOf(batchId)).map((r) => r.state)).toEqual(Array(5).fill("cancelled"));
    expect((await budgetMetersFor(db, rep))[0]).toMatchObject({ reserved: 0 });
    expect(await run(batchId)).toMatchObject({ result: { processed: 0 } });
    expect(await sim.sendPosts()).toHaveLength(0);
    const [audit] = (await auditOf(batchId)).filter((a) => a.action === "bulk.rejected");
    expect(audit?.after).toMatchObject({ reason: "Not this quarter", rows: 5 });
  });

  it("over a budget that allows approval: reserves nothing while it waits, then holds its total once approved", async () => {
    const db = database.db;
    const over = await makeUser(db, "appr-over", "rep", "appr-over");
    const overManager = await makeUser(db, "appr-over-mgr", "manager", "appr-over");
    await setTeamBudget(db, "appr-over", 100, { overBudgetNeedsApproval: true });
    const batchId = await draftBatch(db, over, 30);
    const started = await startBatch(db, over, batchId, priced("Mug", 5), START);
    expect(started).toMatchObject({ kind: "awaiting_approval" });
    const [batch] = await db.select().from(bulkBatches).where(eq(bulkBatches.id, batchId));
    expect(batch).toMatchObject({ overBudget: true, approvalReason: "over_budget" });
    expect((await budgetMetersFor(db, over))[0]).toMatchObject({ reserved: 0, left: 100 });
    expect((await approveBatch(db, overManager, batchId)).status).toBe("approved");
    expect((await budgetMetersFor(db, over))[0]).toMatchObject({ reserved: 150, left: -50 });
    const worked = await runBatch(
      bulkWorkerDeps(db, over, sandboxClient(sim, { timeoutMs: 10_000 })),
      batchId,
    );
    expect(worked).toMatchObject({ result: { processed: 30, completed: true } });
    expect((await rowsOf(batchId)).map((r) => r.error ?? r.outcome)).toEqual(Array(30).fill("sent"));
    expect((await budgetMetersFor(db, over))[0]).toMatchObject({ spent: 150, reserved: 0 });
  });
  it("a rep with no team: refused whole under TEAMLESS_SENDS=refuse, else the batch waits for an admin", async () => {
    const db = database.db;
    const newHire = await makeUser(db, "appr-newhire", "rep", null);
    const admin = await makeUser(db, "appr-admin", "admin", "ops");
    const batchId = await draftBatch(db, newHire, 3);
    const refused = await startBatch(db, newHire, batchId, priced("Mug", 5), {
      ...START,
      teamlessSends: "refuse",
    });
    expect(refused).toMatchObject({ kind: "over_budget" });
    if (refused.kind === "over_budget") expect(refused.message).toContain("no team");
    const waiting = await startBatch(db, newHire, batchId, priced("Mug", 5), {
      ...START,
      teamlessSends: "approve",
    });
    expect(waiting).toMatchObject({ kind: "awaiting_approval" });
    // No manager's team: only an admin decides.
    expect((await approveBatch(db, manager, batchId)).status).toBe("not_found");
    expect((await approveBatch(db, admin, batchId)).status).toBe("approved");
    const worked = await runBatch(
      bulkWorkerDeps(db, newHire, sandboxClient(sim, { timeoutMs: 10_000 })),
      batchId,
    );
    expect(worked).toMatchObject({ result: { processed: 3, completed: true } });
    expect((await rowsOf(batchId)).map((r) => r.outcome)).toEqual(["sent", "sent", "sent"]);
  });
});
