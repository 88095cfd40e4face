import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/lib/db/client";
import { sends, type User } from "@/lib/db/schema";
import { ATTENTION_CAP, type DashboardQuery, loadDashboard } from "@/lib/sends/dashboard";
import { sendScopeFor } from "@/lib/sends/scope";
import { backends } from "../support/databases";
import { type Cast, seedSends, seedUsers, sendRow } from "./history-seed";

describe.each(backends)("manager dashboard on $name", (backend) => {
  let database: DatabaseHandle;
  let c: Cast;
  // Seeded sends are on Nov 1 and Nov 4, 2026; "waiting" counts sends created on or before waitingTo.
  const query = (period: DashboardQuery["period"] = {}, waitingTo = "2026-11-03"): DashboardQuery => ({
    period,
    waitingTo,
  });

  beforeAll(async () => {
    database = await backend.open();
    c = await seedUsers(database.db);
    await seedSends(database.db, c);
  });
  afterAll(async () => {
    await database?.close();
  });

  const load = (user: User, q = query()) => loadDashboard(database.db, sendScopeFor(user), q);

  it("rolls up a manager's team (and their own sends) only", async () => {
    const data = await load(c.managerA);
    expect(data.totals).toEqual({ sends: 11, spend: [{ currency: "USD", amount: 85.5 }] });
    expect(data.perRep.map((r) => [r.name, r.sends, r.spend])).toEqual([
      ["Alex Able", 6, [{ currency: "USD", amount: 75 }]],
      ["Bea Bright", 4, [{ currency: "USD", amount: 10.5 }]],
      ["Mo Manager", 1, []],
    ]);
    expect(Object.fromEntries(data.byBucket.map((b) => [b.bucket, b.sends]))).toEqual({
      pending: 4,
      unknown: 1,
      waiting_on_recipient: 1,
      shipped: 1,
      delivered: 1,
      on_hold: 1,
      closed_without_gift: 1,
      other: 1,
    });
    expect(data.attention).toEqual({ waitingOnRecipient: 1, unknown: 1, onHold: 1, awaitingApproval: 0 });
  });

  it("shows an admin everyone, or one team", async () => {
    const all = await load(c.admin);
    expect(all.totals).toEqual({ sends: 14, spend: [{ currency: "USD", amount: 185.49 }] });
    expect(all.attention).toEqual({ waitingOnRecipient: 1, unknown: 2, onHold: 1, awaitingApproval: 0 });
    const teamB = await load(c.admin, query({ team: "b" }));
    expect(teamB.totals.sends).toBe(3);
    expect(teamB.perRep.map((r) => r.name)).toEqual(["Cy Cole"]);
    expect(teamB.attention).toEqual({ waitingOnRecipient: 0, unknown: 1, onHold: 0, awaitingApproval: 0 });
  });

  it("never shows a manager another team, whatever team is asked for", async () => {
    const data = await load(c.managerA, query({ team: "b" }));
    expect(data.totals.sends).toBe(0);
    expect(data.attention).toEqual({ waitingOnRecipient: 0, unknown: 0, onHold: 0, awaitingApproval: 0 });
  });

  it("limits totals to the period but not the attention counts; waiting counts from N days", async () => {
    const data = await load(c.managerA, query({ from: "2026-11-04", to: "2026-11-04" }));
    expect(data.totals.sends).toBe(1);
    expect(data.attention.unknown).toBe(1);
    const recent = await load(c.managerA, query({}, "2026-10-31"));
    expect(recent.attention.waitingOnRecipient).toBe(0);
  });

  it("counts sends waiting for approval in the caller's scope", async () => {
    await database.db
      .insert(sends)
      .values(sendRow(c.repA, 9_000, { state: "pending_approval", trackingCode: null }));
    expect((await load(c.managerA)).attention.awaitingApproval).toBe(1);
    expect((await load(c.admin, query({ team: "b" }))).attention.awaitingApproval).toBe(0);
    expect((await load(c.admin)).attention.awaitingApproval).toBe(1);
  });

  it("stops counting what needs attention past the cap", async () => {
    const many = Array.from({ length: ATTENTION_CAP + 5 }, (_, i) =>
      sendRow(c.repB, 10_000 + i, { state: "unknown", trackingCode: null }),
    );
    await database.db.insert(sends).values(many);
    expect((await load(c.admin)).attention.unknown).toBe(ATTENTION_CAP + 1);
    expect((await load(c.managerA)).attention.unknown).toBe(1);
  });
});
