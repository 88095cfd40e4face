import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { claimNextRow } from "@/lib/bulk/claim";
import { batchState } from "@/lib/bulk/finish-batch";
import { startBatch } from "@/lib/bulk/start-batch";
import { runBatch } from "@/lib/bulk/worker";
import type { DatabaseHandle } from "@/lib/db/client";
import { bulkRows, type User } from "@/lib/db/schema";
import { createRateLimiter, type RateLimiter } from "@/lib/rate-limit";
import { bulkWorkerDeps, draftBatch } from "../support/bulk";
import { backends } from "../support/databases";
import { sandboxClient } from "../support/send-deps";
import { startSimulator, type TestSimulator } from "../support/simulator";
import { priced } from "../support/touch-pricing";
import { makeUser } from "../support/users";
import { busiestWindow } from "../support/windows";

const START = { windowDays: 30, currency: "USD" };
const LIMIT = 10;

/**
 * Issue 12 item 4 with two app instances in one process: each has its own limiter (on the same slot
 * table, as wiring.ts builds it) and its own worker loop, and both work the same batches at once.
 */
describe.each(backends)("two bulk worker instances on $name", (backend) => {
  let database: DatabaseHandle;
  let sim: TestSimulator;
  let rep: User;
  const limiters: RateLimiter[] = [];

  beforeAll(async () => {
    [database, sim] = await Promise.all([
      backend.open(),
      // Throttles like Sendoso: more than LIMIT requests in a sliding second → 429 (counted in stats).
      startSimulator({ rateLimit: { limit: LIMIT, windowMs: 1_000 } }),
    ]);
    rep = await makeUser(database.db, "instances-rep", "rep", "instances");
  });
  afterAll(async () => {
    await Promise.all(limiters.map((l) => l.dispose()));
    await Promise.all([database?.close(), sim?.close()]);
  });

  /** One instance: its limiter, its client, and a loop like the cron's over every batch with work. */
  function instance(key: string) {
    const limiter = createRateLimiter({
      db: database.db,
      key,
      limit: LIMIT,
      windowMs: 1_000,
      maxWaitMs: 60_000,
    });
    limiters.push(limiter);
    const client = sandboxClient(sim, { timeoutMs: 20_000, limiter });
    const deps = bulkWorkerDeps(database.db, rep, client, { concurrency: 8, leaseMs: 3_000 });
    // Batch by batch in its own order (two instances starting on different batches work at once).
    return async (batchIds: string[]) => {
      for (let round = 0; round < 100; round++) {
        for (const id of batchIds) await runBatch(deps, id);
        const states = await Promise.all(batchIds.map((id) => batchState(database.db, id)));
        if (states.every((s) => s === "completed")) return;
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    };
  }

  it("no row is POSTed twice and Sendoso never sees more than the limit in any second", async () => {
    const db = database.db;
    const batches = await Promise.all(
      ["a", "b"].map((tag) => draftBatch(db, rep, 30, { tag: `inst.${backend.name}.${tag}` })),
    );
    for (const id of batches)
      expect((await startBatch(db, rep, id, priced("Mug", 5), START)).kind).toBe("started");
    await sim.resetLog();
    const key = `sendoso:instances:${backend.name}`;
    // Both instances loop over both batches: each batch is worked by one lease holder at a time, and the
    // two holders share one per-second budget of slots.
    await Promise.all([instance(key)(batches), instance(key)([...batches].reverse())]);

    const posts = await sim.requests({ method: "POST", path: "/api/v3/send" });
    expect(posts).toHaveLength(60);
    const perRecipient = new Map<string, number>();
    for (const p of posts) {
      const email = String((p.json as { send?: { email?: string } })?.send?.email);
      perRecipient.set(email, (perRecipient.get(email) ?? 0) + 1);
    }
    expect(perRecipient.size).toBe(60);
    expect(Math.max(...perRecipient.values())).toBe(1);
    expect((await sim.stats()).rate_limited).toBe(0);
    expect(
      busiestWindow(
        posts.map((p) => Date.parse(p.received_at)),
        1_000,
      ),
    ).toBeLessThanOrEqual(LIMIT);
    for (const id of batches) {
      const rows = await db.select().from(bulkRows).where(eq(bulkRows.batchId, id));
      expect(rows.every((r) => r.state === "done" && r.outcome === "sent")).toBe(true);
    }
  }, 120_000);

  it("two claim loops on one batch (no lease between them) never take the same row", async () => {
    const db = database.db;
    const id = await draftBatch(db, rep, 200, { tag: `claims.${backend.name}` });
    await startBatch(db, rep, id, priced("Mug", 1), START);
    const taken: number[] = [];
    const loop = async () => {
      for (let row = await claimNextRow(db, id); row; row = await claimNextRow(db, id))
        taken.push(row.rowNumber);
    };
    await Promise.all(Array.from({ length: 8 }, loop));
    expect(taken).toHaveLength(200);
    expect(new Set(taken).size).toBe(200);
  }, 60_000);
});
