import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/lib/db/client";
import { DEFAULT_HEAD_PAGES, DEFAULT_MAX_PAGES, reconcileSends } from "@/lib/sends/reconcile";
import type { ResumePoint } from "@/lib/sends/reconcile-walk";
import { backends } from "../support/databases";
import { seedBusyOrg } from "../support/reconcile-scale";
import { sandboxClient } from "../support/send-deps";
import { startSimulator, type TestSimulator } from "../support/simulator";
import { makeUser } from "../support/users";
import { API_SENT_VIA } from "./reconcile-support";

const UPSTREAM = 20_000;
const OPEN = 5_000;
/** README "Keeping status in sync": pages P back to the oldest open send, M per run, H from the top. */
const promisedRuns = (pages: number) =>
  Math.ceil((pages - DEFAULT_HEAD_PAGES) / (DEFAULT_MAX_PAGES - DEFAULT_HEAD_PAGES - 1)) + 1;

describe.each(backends)("reconciler coverage on $name", (backend) => {
  let database: DatabaseHandle;
  let sim: TestSimulator;

  beforeAll(async () => {
    [database, sim] = await Promise.all([backend.open(), startSimulator()]);
  }, 120_000);
  afterAll(async () => {
    await Promise.all([database?.close(), sim?.close()]);
  });

  it("reaches every one of 5,000 open sends in a 30-day list of 20,000 within the promised runs", async () => {
    const rep = await makeUser(database.db, "busy-rep", "rep", "a");
    const now = new Date();
    const { ourIds } = await seedBusyOrg(database.db, sim, {
      senderId: rep.id,
      upstream: UPSTREAM,
      open: OPEN,
      days: 29.5,
      now,
    });
    expect(ourIds).toHaveLength(OPEN);
    const reader = sandboxClient(sim, { timeoutMs: 10_000 });
    const reached = new Set<string>();
    let resume: ResumePoint | null = null;
    let runs = 0;
    do {
      await sim.resetLog();
      const counts = await reconcileSends({
        db: database.db,
        listPage: (request) => reader.listSends(request),
        sandboxSendosoUserId: async () => 1,
        apiSentVia: API_SENT_VIA,
        now,
        resume,
        warn: () => {},
      });
      runs += 1;
      // Each run is bounded in pages, however large the org.
      expect(counts.pages).toBeLessThanOrEqual(DEFAULT_MAX_PAGES);
      expect((await sim.requests({ method: "GET", path: "/api/v3/send" })).length).toBe(counts.pages);
      for (const id of counts.reachedSendIds) reached.add(id);
      resume = counts.resume;
    } while (resume !== null && runs < 50);
    expect(ourIds.filter((id) => !reached.has(id))).toEqual([]);
    expect(runs).toBeLessThanOrEqual(promisedRuns(UPSTREAM / 100));
  }, 600_000);
});
