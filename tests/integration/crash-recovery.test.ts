import { spawn } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase } from "@/lib/db/client";
import { sends } from "@/lib/db/schema";
import { sweepStaleInFlight } from "@/lib/sends/sweeper";
import { startSimulator, type TestSimulator } from "../support/simulator";

describe("a process killed right after the upstream POST leaves", () => {
  let sim: TestSimulator;
  beforeAll(async () => {
    sim = await startSimulator();
  });
  afterAll(() => sim?.close());

  it("leaves the send in_flight, never missing; the sweeper makes it unknown and nothing is re-sent", async () => {
    const dir = path.join(mkdtempSync(path.join(tmpdir(), "giftdesk-crash-")), "pglite");
    const email = `crash.${Date.now()}@example.com`;
    await sim.injectFault({ type: "hang" });
    // `node --import tsx` (not the tsx wrapper) so the pid we kill is the process that holds the database.
    const child = spawn(
      process.execPath,
      ["--import", "tsx", "tests/support/send-in-child.ts", dir, sim.baseUrl, email],
      {
        stdio: "inherit",
      },
    );
    const exited = new Promise((resolve) => child.on("exit", resolve));
    // Wait until Sendoso has the request, then kill the sender without any chance to clean up.
    for (let i = 0; i < 900 && (await sim.sendPosts()).length === 0; i++)
      await new Promise((r) => setTimeout(r, 100));
    expect(await sim.sendPosts()).toHaveLength(1);
    child.kill("SIGKILL");
    await exited;

    const handle = await openDatabase({ kind: "pglite", dir });
    try {
      const [row] = await handle.db.select().from(sends).where(eq(sends.recipientEmail, email));
      expect(row?.state).toBe("in_flight");
      expect(await sweepStaleInFlight(handle.db, { olderThanMs: 0 })).toBe(1);
      const [after] = await handle.db.select().from(sends).where(eq(sends.recipientEmail, email));
      expect(after?.state).toBe("unknown");
      expect(await sim.sendPosts()).toHaveLength(1);
    } finally {
      await handle.close();
    }
  }, 150_000);
});
