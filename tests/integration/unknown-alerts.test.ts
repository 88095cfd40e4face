import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/lib/db/client";
import { notifications, sends, type User } from "@/lib/db/schema";
import { markUnknownNotSent } from "@/lib/sends/resolve-unknown";
import { submitSend } from "@/lib/sends/send-service";
import { alertStaleUnknownSends, STALE_UNKNOWN_AFTER_MS } from "@/lib/sends/stale-unknown-alerts";
import { recordAbsentCheck } from "../support/absent-check";
import { backends } from "../support/databases";
import { startSimulator, type TestSimulator } from "../support/simulator";
import { spendDeps, spendForm } from "../support/spend-fixture";
import { priced } from "../support/touch-pricing";
import { makeUser } from "../support/users";

describe.each(backends)("people hear about unconfirmed sends on $name", (backend) => {
  let database: DatabaseHandle;
  let sim: TestSimulator;
  let rep: User;
  let manager: User;

  beforeAll(async () => {
    [database, sim] = await Promise.all([backend.open(), startSimulator()]);
    rep = await makeUser(database.db, "unk-rep", "rep", "east");
    manager = await makeUser(database.db, "unk-manager", "manager", "east");
  });
  afterAll(async () => {
    await Promise.all([database?.close(), sim?.close()]);
  });

  const inbox = (user: User, category: "needs_checking" | "unknown_resolved") =>
    database.db
      .select()
      .from(notifications)
      .where(and(eq(notifications.userId, user.id), eq(notifications.category, category)));
  const unknownSend = async () => {
    await sim.injectFault({ type: "error_after" });
    const result = await submitSend(spendDeps(database.db, sim), rep, spendForm(), priced("Mug", 10));
    if (result.status !== "unknown") throw new Error(`expected unknown, got ${result.status}`);
    return result.sendId;
  };

  it("alerts the team's managers once when a send stays unknown past the sync's chance", async () => {
    const sendId = await unknownSend();
    expect(await alertStaleUnknownSends(database.db)).toBe(0);
    const later = new Date(Date.now() + STALE_UNKNOWN_AFTER_MS + 60_000);
    await alertStaleUnknownSends(database.db, later);
    await alertStaleUnknownSends(database.db, later);
    const alerts = (await inbox(manager, "needs_checking")).filter((n) => n.link === `/history/${sendId}`);
    expect(alerts).toHaveLength(1);
    expect(await inbox(rep, "needs_checking")).toEqual([]);
  });

  it("tells the rep when a manager confirms the send never went out", async () => {
    const sendId = await unknownSend();
    const later = new Date(Date.now() + 15 * 60_000);
    await recordAbsentCheck(database.db, sendId, later);
    const result = await markUnknownNotSent(
      database.db,
      manager,
      { kind: "team", team: "east", userId: manager.id },
      { sendId, reason: "Not in Sendoso's tracker" },
      later,
    );
    expect(result.status).toBe("not_sent");
    const told = (await inbox(rep, "unknown_resolved")).filter((n) => n.link === `/history/${sendId}`);
    expect(told).toHaveLength(1);
    expect(told[0]?.body).toContain("Not in Sendoso's tracker");
    const [row] = await database.db.select().from(sends).where(eq(sends.id, sendId));
    expect(row?.state).toBe("not_sent");
  });

  it("alerts every stale send of a backlog larger than one batch, oldest first, each once", async () => {
    const sendId = await unknownSend();
    const [row] = await database.db.select().from(sends).where(eq(sends.id, sendId));
    if (!row) throw new Error("no send");
    const { id: _id, ...copy } = row;
    const old = new Date(Date.now() - 3 * STALE_UNKNOWN_AFTER_MS);
    const copies = Array.from({ length: 249 }, (_, i) => ({
      ...copy,
      idempotencyKey: crypto.randomUUID(),
      recipientEmail: `backlog.${i}@example.com`,
      updatedAt: new Date(old.getTime() + i),
    }));
    const inserted = await database.db.insert(sends).values(copies).returning({ id: sends.id });
    await database.db.update(sends).set({ updatedAt: old }).where(eq(sends.id, sendId));
    const ids = [sendId, ...inserted.map((r) => r.id)];
    // One run reaches all of them, past the first batch of 200.
    expect(await alertStaleUnknownSends(database.db)).toBe(ids.length);
    expect(await alertStaleUnknownSends(database.db)).toBe(0);
    const links = new Set((await inbox(manager, "needs_checking")).map((n) => n.link));
    expect(ids.filter((id) => !links.has(`/history/${id}`))).toEqual([]);
    const total = (await inbox(manager, "needs_checking")).filter((n) =>
      ids.some((id) => n.link === `/history/${id}`),
    );
    expect(total).toHaveLength(ids.length);
  });
});
