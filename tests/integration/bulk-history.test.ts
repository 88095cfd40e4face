import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { batchesOfSends } from "@/lib/bulk/batch-of-send";
import { recentBatches } from "@/lib/bulk/batch-queries";
import { visibleBatch } from "@/lib/bulk/batch-scope";
import { startBatch } from "@/lib/bulk/start-batch";
import { runBatch } from "@/lib/bulk/worker";
import type { DatabaseHandle } from "@/lib/db/client";
import { bulkRows } from "@/lib/db/schema";
import { getSendDetail } from "@/lib/sends/history-detail";
import { sendScopeFor } from "@/lib/sends/scope";
import { bulkWorkerDeps, draftBatch } from "../support/bulk";
import { backends } from "../support/databases";
import { sandboxClient } from "../support/send-deps";
import { startSimulator, type TestSimulator } from "../support/simulator";
import { priced } from "../support/touch-pricing";
import { makeUser } from "../support/users";

/** Issue 12 item 6: rows are ordinary sends linked to their batch; batches follow History's scope. */
describe.each(backends)("bulk batches in History on $name", (backend) => {
  let database: DatabaseHandle;
  let sim: TestSimulator;

  beforeAll(async () => {
    [database, sim] = await Promise.all([backend.open(), startSimulator()]);
  });
  afterAll(async () => {
    await Promise.all([database?.close(), sim?.close()]);
  });

  it("each row's send links to its batch; the team's manager sees the batch, other teams and reps do not", async () => {
    const db = database.db;
    const rep = await makeUser(db, "hist-rep", "rep", "hist");
    const peer = await makeUser(db, "hist-peer", "rep", "hist");
    const manager = await makeUser(db, "hist-manager", "manager", "hist");
    const outsider = await makeUser(db, "hist-outsider", "manager", "other");
    const admin = await makeUser(db, "hist-admin", "admin", "ops");
    const batchId = await draftBatch(db, rep, 3, { tag: `hist.${backend.name}` });
    await startBatch(db, rep, batchId, priced("Mug", 5), { windowDays: 30, currency: "USD" });
    await runBatch(bulkWorkerDeps(db, rep, sandboxClient(sim, { timeoutMs: 10_000 })), batchId);

    const rows = await db.select().from(bulkRows).where(eq(bulkRows.batchId, batchId));
    const sendIds = rows.map((r) => r.sendId as string);
    const links = await batchesOfSends(db, sendIds);
    expect([...links.values()].map((l) => [l.batchId, l.rowNumber]).sort()).toEqual([
      [batchId, 1],
      [batchId, 2],
      [batchId, 3],
    ]);
    // The send itself is an ordinary one in the manager's History.
    expect(await getSendDetail(db, sendScopeFor(manager), sendIds[0] as string)).not.toBeNull();

    for (const who of [rep, manager, admin]) {
      expect(await visibleBatch(db, who, batchId)).not.toBeNull();
      expect((await recentBatches(db, who)).map((b) => b.id)).toContain(batchId);
    }
    for (const who of [peer, outsider]) {
      expect(await visibleBatch(db, who, batchId)).toBeNull();
      expect((await recentBatches(db, who)).map((b) => b.id)).not.toContain(batchId);
    }
  });
});
