import { eq, type SQL, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { upsertUserFromIdentity } from "@/lib/auth/users";
import type { DatabaseHandle } from "@/lib/db/client";
import { notifications, type SendState, sendEvents, sends } from "@/lib/db/schema";
import { NEVER_SENT_REASON, sweepStaleInFlight, sweepStaleQueued } from "@/lib/sends/sweeper";
import { backends } from "../support/databases";

describe.each(backends)("sweeper on $name", (backend) => {
  let database: DatabaseHandle;
  let senderId: string;
  beforeAll(async () => {
    database = await backend.open();
    senderId = (
      await upsertUserFromIdentity(database.db, {
        issuer: "i",
        subject: "s",
        email: "r@giftdesk.test",
        name: "R",
        role: "rep",
        team: null,
      })
    ).id;
  });
  afterAll(() => database?.close());

  const seed = async (state: SendState, inFlightAt: Date | SQL | null, updatedAt?: SQL) => {
    const [row] = await database.db
      .insert(sends)
      .values({
        senderId,
        idempotencyKey: crypto.randomUUID(),
        fingerprint: "f",
        sendType: "address_collection",
        touchId: 1001,
        touchName: "Coffee",
        recipientEmail: "x@example.com",
        requestBody: {},
        state,
        inFlightAt,
        ...(updatedAt ? { updatedAt } : {}),
      })
      .returning();
    return row?.id as string;
  };
  const stateOf = async (id: string) =>
    (await database.db.select().from(sends).where(eq(sends.id, id)))[0]?.state;

  it("moves only in_flight rows older than the cutoff to unknown, with an event, and is safe to repeat", async () => {
    const now = new Date("2026-11-26T12:00:00Z");
    const stale = await seed("in_flight", new Date(now.getTime() - 10 * 60_000));
    const fresh = await seed("in_flight", new Date(now.getTime() - 5_000));
    const queued = await seed("queued", null);
    expect(await sweepStaleInFlight(database.db, { olderThanMs: 60_000, now })).toBe(1);
    expect([await stateOf(stale), await stateOf(fresh), await stateOf(queued)]).toEqual([
      "unknown",
      "in_flight",
      "queued",
    ]);
    const events = await database.db.select().from(sendEvents).where(eq(sendEvents.sendId, stale));
    expect(events.map((e) => [e.fromState, e.toState])).toEqual([["in_flight", "unknown"]]);
    expect(await sweepStaleInFlight(database.db, { olderThanMs: 60_000, now })).toBe(0);
  });

  it("takes its cutoff from the database's clock, whatever this process's clock says", async () => {
    // Stamped by the database, as the send path stamps in_flight_at: two minutes and two seconds ago.
    const old = await seed("in_flight", sql`now() - interval '2 minutes'`);
    const young = await seed("in_flight", sql`now() - interval '2 seconds'`);
    // (The first test's rows, stamped on a fixed date, are old by the database's clock too.)
    expect(await sweepStaleInFlight(database.db, { olderThanMs: 60_000 })).toBeGreaterThanOrEqual(1);
    expect([await stateOf(old), await stateOf(young)]).toEqual(["unknown", "in_flight"]);
  });

  it("moves a stale queued row (it never went out) to not_sent, with the reason, and tells the rep", async () => {
    const stale = await seed("queued", null, sql`now() - interval '10 minutes'`);
    const fresh = await seed("queued", null);
    expect(await sweepStaleQueued(database.db, { olderThanMs: 60_000 })).toBe(1);
    expect([await stateOf(stale), await stateOf(fresh)]).toEqual(["not_sent", "queued"]);
    const [row] = await database.db.select().from(sends).where(eq(sends.id, stale));
    expect(row?.errorMessage).toBe(`${NEVER_SENT_REASON}.`);
    const told = await database.db.select().from(notifications).where(eq(notifications.userId, senderId));
    expect(told.map((n) => n.body)).toEqual([expect.stringContaining(NEVER_SENT_REASON)]);
    expect(await sweepStaleQueued(database.db, { olderThanMs: 60_000 })).toBe(0);
  });
});
