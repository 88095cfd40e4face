import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startBatch } from "@/lib/bulk/start-batch";
import { runBatch } from "@/lib/bulk/worker";
import type { DatabaseHandle } from "@/lib/db/client";
import { budgets, bulkBatches, bulkRows, sends, type User } from "@/lib/db/schema";
import { submitSend } from "@/lib/sends/send-service";
import { budgetMetersFor } from "@/lib/spend/budget-usage";
import { saveOrgLimits } from "@/lib/spend/settings-org";
import { orgLimitsSchema } from "@/lib/validation/spend";
import { bulkWorkerDeps, draftBatch } from "../support/bulk";
import { backends } from "../support/databases";
import { sandboxClient, sendDeps } from "../support/send-deps";
import { startSimulator, type TestSimulator } from "../support/simulator";
import { setTeamBudget, spendForm } from "../support/spend-fixture";
import { priced } from "../support/touch-pricing";
import { makeUser } from "../support/users";

const START = { windowDays: 30, currency: "USD" };

/** Issue 12 item 3: the whole batch is checked and reserved at start; its rows consume that reservation. */
describe.each(backends)("bulk spend before sending on $name", (backend) => {
  let database: DatabaseHandle;
  let sim: TestSimulator;
  let admin: User;

  beforeAll(async () => {
    [database, sim] = await Promise.all([backend.open(), startSimulator()]);
    admin = await makeUser(database.db, "spend-admin", "admin", "ops");
  });
  afterAll(async () => {
    await Promise.all([database?.close(), sim?.close()]);
  });
  beforeEach(async () => {
    await sim.resetLog();
  });

  const rowsOf = (batchId: string) =>
    database.db.select().from(bulkRows).where(eq(bulkRows.batchId, batchId)).orderBy(bulkRows.rowNumber);
  const run = (rep: User, batchId: string) =>
    runBatch(bulkWorkerDeps(database.db, rep, sandboxClient(sim, { timeoutMs: 10_000 })), batchId);

  it("a batch that fills the budget exactly sends every row: each row's send takes its share, never counted twice", async () => {
    const db = database.db;
    const rep = await makeUser(db, "spend-exact", "rep", "exact");
    await setTeamBudget(db, "exact", 100);
    const batchId = await draftBatch(db, rep, 20);
    expect(await startBatch(db, rep, batchId, priced("Mug", 5), START)).toMatchObject({ kind: "started" });
    // Reserved at start: the whole $100 is held before any row is sent.
    const [before] = await budgetMetersFor(db, rep);
    expect(before).toMatchObject({ spent: 0, reserved: 100, left: 0 });

    expect(await run(rep, batchId)).toMatchObject({ ran: true, result: { processed: 20, completed: true } });
    const rows = await rowsOf(batchId);
    expect(rows.map((r) => r.outcome)).toEqual(Array(20).fill("sent"));
    expect(rows.every((r) => r.reservationUsed)).toBe(true);
    expect(await sim.sendPosts()).toHaveLength(20);
    const [after] = await budgetMetersFor(db, rep);
    expect(after).toMatchObject({ spent: 100, reserved: 0, left: 0 });
  });

  it("a reserved batch holds its total: a single send or a second batch that no longer fits is refused", async () => {
    const db = database.db;
    const rep = await makeUser(db, "spend-hold", "rep", "hold");
    await setTeamBudget(db, "hold", 100);
    const first = await draftBatch(db, rep, 15);
    expect((await startBatch(db, rep, first, priced("Mug", 5), START)).kind).toBe("started");

    const deps = sendDeps(db, sandboxClient(sim));
    const tooBig = await submitSend(deps, rep, spendForm(), priced("Hoodie", 30));
    expect(tooBig).toMatchObject({ status: "over_budget" });
    if (tooBig.status === "over_budget")
      expect(tooBig.message).toMatch(/would leave -\$5\.00 of your team's/);
    const second = await draftBatch(db, rep, 6);
    const refused = await startBatch(db, rep, second, priced("Mug", 5), START);
    expect(refused).toMatchObject({ kind: "over_budget" });
    if (refused.kind === "over_budget")
      expect(refused.message).toMatch(/6 gifts at \$5\.00 come to \$30\.00.*\$25\.00 left of \$100\.00/);
    const [secondBatch] = await db.select().from(bulkBatches).where(eq(bulkBatches.id, second));
    expect(secondBatch?.state).toBe("draft");
    expect((await rowsOf(second)).every((r) => r.state === "draft")).toBe(true);

    // What is left fits, and the first batch still sends all of its rows.
    expect((await submitSend(deps, rep, spendForm(), priced("Hoodie", 25))).status).toBe("sent");
    expect(await run(rep, first)).toMatchObject({ result: { processed: 15, completed: true } });
    expect((await rowsOf(first)).every((r) => r.outcome === "sent")).toBe(true);
    // A single send never consumes a batch's share: nothing was marked used outside the batch's rows.
    const [meter] = await budgetMetersFor(db, rep);
    expect(meter).toMatchObject({ spent: 100, reserved: 0 });
  });

  it("a batch over the rep's own budget or an org-wide limit is refused whole: nothing queued, nothing sent", async () => {
    const db = database.db;
    const rep = await makeUser(db, "spend-org", "rep", "org");
    await db.insert(budgets).values({ userId: rep.id, amount: "40.00" });
    const own = await draftBatch(db, rep, 9);
    const overOwn = await startBatch(db, rep, own, priced("Mug", 5), START);
    expect(overOwn).toMatchObject({ kind: "over_budget" });
    if (overOwn.kind === "over_budget")
      expect(overOwn.message).toMatch(/your own monthly budget has \$40\.00/);
    await db.delete(budgets).where(eq(budgets.userId, rep.id));

    await saveOrgLimits(db, admin, orgLimitsSchema.parse({ budgetPeriod: "monthly", dailyCapPerRep: "30" }));
    try {
      const overOrg = await startBatch(db, rep, own, priced("Mug", 5), START);
      expect(overOrg).toMatchObject({ kind: "over_budget" });
      if (overOrg.kind === "over_budget") expect(overOrg.message).toMatch(/your daily cap has \$30\.00 left/);
      const pending = await db
        .select()
        .from(bulkRows)
        .where(and(eq(bulkRows.batchId, own), eq(bulkRows.state, "pending")));
      expect(pending).toHaveLength(0);
      // 6 fit the cap: the batch reserves it, so a single send of the rep is refused meanwhile.
      await db
        .update(bulkRows)
        .set({ state: "dropped" })
        .where(and(eq(bulkRows.batchId, own), sql`${bulkRows.rowNumber} > 6`));
      expect((await startBatch(db, rep, own, priced("Mug", 5), START)).kind).toBe("started");
      const single = await submitSend(sendDeps(db, sandboxClient(sim)), rep, spendForm(), priced("Mug", 5));
      expect(single.status).toBe("over_budget");
      expect(await sim.sendPosts()).toHaveLength(0);
      expect(await run(rep, own)).toMatchObject({ result: { processed: 6, completed: true } });
      expect(await sim.sendPosts()).toHaveLength(6);
    } finally {
      await saveOrgLimits(db, admin, orgLimitsSchema.parse({ budgetPeriod: "monthly" }));
    }
    const batchSends = await db
      .select()
      .from(sends)
      .where(sql`${sends.id} in (select send_id from bulk_rows where batch_id = ${own})`);
    expect(batchSends.map((s) => s.state)).toEqual(Array(6).fill("sent"));
  });
});
