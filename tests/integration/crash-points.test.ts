import { spawn } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type DatabaseHandle, openDatabase } from "@/lib/db/client";
import { sends } from "@/lib/db/schema";
import { sweepStaleInFlight } from "@/lib/sends/sweeper";
import { createSharedPostgres } from "../support/postgres-database";
import { startSimulator, type TestSimulator } from "../support/simulator";

/**
 * SIGKILL a real second process at each point of the send path. Whatever the point, the send ends
 * in_flight (then unknown by the sweeper) or settled, never queued forever, and Sendoso saw at most one
 * POST; a kill before the record commit leaves no row at all. PostgreSQL when TEST_DATABASE_URL is set
 * (the kill really drops a server connection mid-transaction), else a PGlite folder.
 */
type Target = { url: string; open(): Promise<DatabaseHandle>; drop(): Promise<void> };

async function target(): Promise<Target> {
  const admin = process.env.TEST_DATABASE_URL;
  if (admin) {
    const shared = await createSharedPostgres(admin);
    return {
      url: shared.url,
      open: () => openDatabase({ kind: "postgres", url: shared.url }),
      drop: shared.drop,
    };
  }
  const dir = path.join(mkdtempSync(path.join(tmpdir(), "giftdesk-crash-")), "pglite");
  return { url: dir, open: () => openDatabase({ kind: "pglite", dir }), drop: async () => {} };
}

/** Runs the child until it prints `until` (or Sendoso has its POST), then kills it with SIGKILL. */
async function killAt(t: Target, sim: TestSimulator, email: string, point: string | null) {
  const args = ["--import", "tsx", "tests/support/send-in-child.ts", t.url, sim.baseUrl, email];
  // `node --import tsx` (not the tsx wrapper) so the pid we kill is the process that holds the database.
  const child = spawn(process.execPath, point ? [...args, point] : args, {
    stdio: ["ignore", "pipe", "inherit"],
  });
  const exited = new Promise((resolve) => child.on("exit", resolve));
  let out = "";
  child.stdout?.on("data", (chunk) => (out += chunk));
  for (let i = 0; i < 1_200; i++) {
    if (point ? out.includes(`at ${point}`) : (await sim.sendPosts()).length > 0) break;
    if (child.exitCode !== null) throw new Error(`child exited early: ${out}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  child.kill("SIGKILL");
  await exited;
}

describe("a sender killed (SIGKILL) at each point of the send path", () => {
  let sim: TestSimulator;
  let t: Target;
  let db: DatabaseHandle;
  beforeAll(async () => {
    sim = await startSimulator();
    t = await target();
  }, 60_000);
  afterAll(async () => {
    await db?.close();
    await sim?.close();
    await t?.drop();
  });

  const rowOf = async (email: string) =>
    (await db.db.select().from(sends).where(eq(sends.recipientEmail, email)))[0];
  const cases: { point: string | null; posts: number }[] = [
    { point: "before_commit", posts: 0 },
    { point: "after_commit", posts: 0 },
    { point: null, posts: 1 },
    { point: "after_answer", posts: 1 },
  ];

  it("never leaves a queued row or a second POST, and a kill before the commit leaves no row", async () => {
    for (const { point, posts } of cases) {
      await sim.resetLog();
      if (point === null) await sim.injectFault({ type: "hang" });
      const email = `crash.${point ?? "mid_post"}.${Date.now()}@example.com`;
      await killAt(t, sim, email, point);
      // PGlite: only one process may hold the folder, so the parent opens it after each kill.
      db = await t.open();
      const row = await rowOf(email);
      if (point === "before_commit") expect(row).toBeUndefined();
      else {
        expect(row?.state).toBe("in_flight");
        expect(await sweepStaleInFlight(db.db, { olderThanMs: 0 })).toBe(1);
        expect((await rowOf(email))?.state).toBe("unknown");
      }
      expect(await sim.sendPosts(), `${point}`).toHaveLength(posts);
      await db.close();
      await sim.clearFaults();
    }
    db = await t.open();
    expect(await db.db.select().from(sends).where(eq(sends.state, "queued"))).toEqual([]);
  }, 300_000);
});
