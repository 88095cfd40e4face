import { spawn } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startBatch } from "@/lib/bulk/start-batch";
import { runBatch } from "@/lib/bulk/worker";
import { type DatabaseHandle, openDatabase } from "@/lib/db/client";
import { bulkBatches, bulkRows } from "@/lib/db/schema";
import { sweepStaleInFlight } from "@/lib/sends/sweeper";
import { bulkWorkerDeps, draftBatch } from "../support/bulk";
import { openFreshPostgres, postgresServers } from "../support/databases";
import { sandboxClient } from "../support/send-deps";
import { startSimulator, type TestSimulator } from "../support/simulator";
import { priced } from "../support/touch-pricing";
import { makeUser } from "../support/users";

const ROWS = 60;

type Target = {
  name: string;
  open(): Promise<{ handle: DatabaseHandle; target: string; reopen(): Promise<DatabaseHandle> }>;
};

const targets: Target[] = [
  {
    name: "pglite",
    async open() {
      const dir = path.join(mkdtempSync(path.join(tmpdir(), "giftdesk-bulk-crash-")), "pglite");
      return {
        handle: await openDatabase({ kind: "pglite", dir }),
        target: dir,
        reopen: () => openDatabase({ kind: "pglite", dir }),
      };
    },
  },
  ...postgresServers.map((server) => ({
    name: server.name,
    async open() {
      const handle = await openFreshPostgres(server.adminUrl);
      return { handle, target: handle.url, reopen: async () => handle };
    },
  })),
];

describe.each(targets)("a bulk worker killed mid-batch on $name", (target) => {
  let sim: TestSimulator;
  beforeAll(async () => {
    sim = await startSimulator();
  });
  afterAll(() => sim?.close());

  it("is taken over after SIGKILL: no row is POSTed twice and the batch completes", async () => {
    let { handle, target: where, reopen } = await target.open();
    const rep = await makeUser(handle.db, "bulk-crash", "rep", "crash");
    const batchId = await draftBatch(handle.db, rep, ROWS, { tag: `crash.${target.name}` });
    await startBatch(handle.db, rep, batchId, priced("Coffee", 5), { windowDays: 30, currency: "USD" });
    // PGlite allows one process per folder: hand it to the child.
    if (target.name === "pglite") await handle.close();
    // Every answer takes a while, so the kill lands with calls in the air.
    await sim.injectFault({ type: "delay", ms: 120 }, ROWS);
    const killAt = 10 + Math.floor(Math.random() * 30);
    console.info(`killing the bulk worker after ${killAt} POSTs`);
    const child = spawn(
      process.execPath,
      ["--import", "tsx", "tests/support/bulk-worker-child.ts", where, sim.baseUrl, batchId],
      {
        stdio: "inherit",
      },
    );
    const exited = new Promise((resolve) => child.on("exit", resolve));
    for (let i = 0; i < 1_200 && (await sim.sendPosts()).length < killAt; i++)
      await new Promise((r) => setTimeout(r, 50));
    child.kill("SIGKILL");
    await exited;
    const postedBeforeKill = (await sim.sendPosts()).length;
    expect(postedBeforeKill).toBeGreaterThanOrEqual(killAt);
    expect(postedBeforeKill).toBeLessThan(ROWS);

    if (target.name === "pglite") handle = await reopen();
    const db = handle.db;
    try {
      // Calls the kill cut off are in_flight: the sweeper makes them unknown, never re-sent.
      await sweepStaleInFlight(db, { olderThanMs: 0 });
      // The dead worker's lease runs out; this "instance" takes over.
      await new Promise((r) => setTimeout(r, 10_200));
      const run = await runBatch(bulkWorkerDeps(db, rep, sandboxClient(sim)), batchId);
      expect(run).toMatchObject({ ran: true, result: { completed: true } });

      const posts = await sim.sendPosts();
      const perEmail = new Map<string, number>();
      for (const p of posts) {
        const email = String((p.json?.send as { email?: string } | undefined)?.email);
        perEmail.set(email, (perEmail.get(email) ?? 0) + 1);
      }
      expect(Math.max(...perEmail.values())).toBe(1);
      expect(posts).toHaveLength(ROWS);
      const rows = await db.select().from(bulkRows).where(eq(bulkRows.batchId, batchId));
      expect(rows.every((r) => r.state === "done")).toBe(true);
      const [batch] = await db.select().from(bulkBatches).where(eq(bulkBatches.id, batchId));
      expect(batch?.state).toBe("completed");
    } finally {
      await handle.close();
    }
  }, 180_000);
});
