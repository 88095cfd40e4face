import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/lib/db/client";
import { type Send, sendEvents, sendosoStatusUpdates } from "@/lib/db/schema";
import { getSendDetail } from "@/lib/sends/history-detail";
import { statusOfSends } from "@/lib/sends/history-status";
import { markUnknownNotSent } from "@/lib/sends/resolve-unknown";
import { sendScopeFor } from "@/lib/sends/scope";
import { recordAbsentCheck } from "../support/absent-check";
import { backends } from "../support/databases";
import { BASE, type Cast, seedSends, seedUsers } from "./history-seed";

describe.each(backends)("send detail, status poll and mark-not-sent on $name", (backend) => {
  let database: DatabaseHandle;
  let c: Cast;
  let rows: Send[];
  const at = (minute: number) => {
    const row = rows.find((r) => r.createdAt.getTime() === BASE + minute * 60_000);
    if (!row) throw new Error(`no seeded send at minute ${minute}`);
    return row;
  };

  beforeAll(async () => {
    database = await backend.open();
    c = await seedUsers(database.db);
    rows = await seedSends(database.db, c);
    // As the reconciler and the webhook receiver store them; inserted out of order on purpose.
    await database.db.insert(sendosoStatusUpdates).values([
      {
        sendId: at(20).id,
        status: "Confirming Address",
        occurredAt: new Date("2026-11-01T12:25:00Z"),
        source: "webhook",
      },
      {
        sendId: at(20).id,
        status: "Initiated",
        occurredAt: new Date("2026-11-01T12:21:00Z"),
        source: "sync",
      },
      // The same change from a webhook, by its event name: shown once, as the list names it.
      {
        sendId: at(20).id,
        status: "send.initiated",
        occurredAt: new Date("2026-11-01T12:21:00Z"),
        source: "webhook",
      },
    ]);
  });
  afterAll(async () => {
    await database?.close();
  });

  it("shows a send in scope with its upstream body, sender and Sendoso timeline", async () => {
    const detail = await getSendDetail(database.db, sendScopeFor(c.managerA), at(20).id);
    expect(detail?.sender.name).toBe("Alex Able");
    expect(detail?.send.requestBody).toEqual(at(20).requestBody);
    expect(detail?.sendosoTimeline.map((u) => [u.status, u.bucket, u.source])).toEqual([
      ["Initiated", "pending", "send list"],
      ["Confirming Address", "waiting_on_recipient", "webhook"],
    ]);
    expect(detail?.sendosoTimeline[0]?.occurredAt?.toISOString()).toBe("2026-11-01T12:21:00.000Z");
  });

  it("shows only the current status of a send with no stored history", async () => {
    const detail = await getSendDetail(database.db, sendScopeFor(c.admin), at(30).id);
    expect(detail?.sendosoTimeline).toEqual([
      { status: "Shipped", bucket: "shipped", occurredAt: null, source: "current status" },
    ]);
  });

  it("answers out-of-scope and unknown ids alike with null", async () => {
    expect(await getSendDetail(database.db, sendScopeFor(c.repA2), at(20).id)).toBeNull();
    expect(await getSendDetail(database.db, sendScopeFor(c.managerA), at(21).id)).toBeNull();
    expect(await getSendDetail(database.db, sendScopeFor(c.admin), crypto.randomUUID())).toBeNull();
    expect(await getSendDetail(database.db, sendScopeFor(c.admin), "not-a-uuid")).toBeNull();
    expect(await getSendDetail(database.db, sendScopeFor(c.admin), at(21).id)).not.toBeNull();
  });

  it("polls status only for sends in scope", async () => {
    const ids = [at(10).id, at(11).id, at(30).id];
    const forManager = await statusOfSends(database.db, sendScopeFor(c.managerA), ids);
    expect(forManager.map((s) => [s.id, s.bucket]).sort()).toEqual(
      [
        [at(10).id, "unknown"],
        [at(30).id, "shipped"],
      ].sort(),
    );
    expect(await statusOfSends(database.db, sendScopeFor(c.repB), [at(10).id])).toEqual([]);
  });

  it("lets a manager mark an unknown send of their team not sent, with the reason and actor recorded", async () => {
    const id = at(10).id;
    const scope = sendScopeFor(c.managerA);
    const input = { sendId: id, reason: "Checked Sendoso's send list: nothing for this recipient" };
    await recordAbsentCheck(database.db, id);
    expect(await markUnknownNotSent(database.db, c.managerA, scope, input)).toEqual({
      status: "not_sent",
      sendId: id,
    });
    const detail = await getSendDetail(database.db, scope, id);
    expect(detail?.send.state).toBe("not_sent");
    const last = detail?.events.at(-1);
    expect(last).toMatchObject({ actorName: "Mo Manager", fromState: "unknown", toState: "not_sent" });
    expect(last?.detail).toMatchObject({ reason: input.reason });
    // A second try finds it no longer unknown.
    expect(await markUnknownNotSent(database.db, c.managerA, scope, input)).toEqual({
      status: "not_unknown",
      state: "not_sent",
    });
  });

  it("answers another team's unknown send with not found and leaves it alone", async () => {
    const id = at(11).id;
    const result = await markUnknownNotSent(database.db, c.managerA, sendScopeFor(c.managerA), {
      sendId: id,
      reason: "Trying to resolve another team's send",
    });
    expect(result).toEqual({ status: "not_found" });
    const events = await database.db.select().from(sendEvents).where(eq(sendEvents.sendId, id));
    expect(events).toHaveLength(0);
    await recordAbsentCheck(database.db, id);
    expect(
      await markUnknownNotSent(database.db, c.admin, sendScopeFor(c.admin), {
        sendId: id,
        reason: "Admin checked it",
      }),
    ).toEqual({ status: "not_sent", sendId: id });
  });

  it("refuses sends that are not unknown", async () => {
    const result = await markUnknownNotSent(database.db, c.admin, sendScopeFor(c.admin), {
      sendId: at(30).id,
      reason: "It is shipped, but let us try",
    });
    expect(result).toEqual({ status: "not_unknown", state: "sent" });
  });
});
