import { and, eq, inArray } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/lib/db/client";
import { notifications, type User } from "@/lib/db/schema";
import { submitSend } from "@/lib/sends/send-service";
import { alertStaleUnknownSends, STALE_UNKNOWN_AFTER_MS } from "@/lib/sends/stale-unknown-alerts";
import { backends } from "../support/databases";
import { startSimulator, type TestSimulator } from "../support/simulator";
import { spendDeps, spendForm } from "../support/spend-fixture";
import { priced } from "../support/touch-pricing";
import { makeUser } from "../support/users";

/** Issue 16 item 7: past one page of stale unknown sends, the rest are alerted too. */
describe.each(backends)("stale-unknown alerts page through every send on $name", (backend) => {
  let database: DatabaseHandle;
  let sim: TestSimulator;
  let rep: User;
  let manager: User;

  beforeAll(async () => {
    [database, sim] = await Promise.all([backend.open(), startSimulator()]);
    rep = await makeUser(database.db, "page-rep", "rep", "west");
    manager = await makeUser(database.db, "page-manager", "manager", "west");
  });
  afterAll(async () => {
    await Promise.all([database?.close(), sim?.close()]);
  });

  it("five stale unknown sends with pages of two: all five alerted, each once, across runs", async () => {
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) {
      await sim.injectFault({ type: "error_after" });
      const result = await submitSend(spendDeps(database.db, sim), rep, spendForm(), priced("Mug", 10));
      if (result.status !== "unknown") throw new Error(`expected unknown, got ${result.status}`);
      ids.push(result.sendId);
    }
    const later = new Date(Date.now() + STALE_UNKNOWN_AFTER_MS + 60_000);
    expect(await alertStaleUnknownSends(database.db, later, 2)).toBe(5);
    // Already alerted sends are skipped by the next run.
    expect(await alertStaleUnknownSends(database.db, later, 2)).toBe(0);
    const alerts = await database.db
      .select()
      .from(notifications)
      .where(
        and(
          eq(notifications.userId, manager.id),
          inArray(
            notifications.link,
            ids.map((id) => `/history/${id}`),
          ),
        ),
      );
    expect(alerts.map((a) => a.link).sort()).toEqual(ids.map((id) => `/history/${id}`).sort());
  });
});
