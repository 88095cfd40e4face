import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/lib/db/client";
import { budgets, sends } from "@/lib/db/schema";
import { loadBurnDown } from "@/lib/insights/burn-down";
import { loadSpendOverTime } from "@/lib/insights/spend-over-time";
import { listSends } from "@/lib/sends/history";
import { sendScopeFor } from "@/lib/sends/scope";
import { meterFor } from "@/lib/spend/budget-usage";
import { checkTimeZone, databaseTimeZone } from "@/lib/time/db-zones";
import { backends } from "../support/databases";
import { type Cast, seedUsers, sendRow } from "./history-seed";

// sendRow's minutes are after 2026-11-01T12:00Z (a Sunday); one day is 1440 minutes.
const DAY = 1440;

describe.each(backends)("manager charts and time zones on $name", (backend) => {
  let database: DatabaseHandle;
  let c: Cast;

  beforeAll(async () => {
    database = await backend.open();
    c = await seedUsers(database.db);
    await database.db.insert(sends).values([
      sendRow(c.repA, 0, { cost: "10.00", currency: "USD" }),
      // No cost yet: counts at its estimate, as budgets do.
      sendRow(c.repA2, 3 * DAY, { cost: null, estimatedCost: "5.00" }),
      // Not spent (failed), in another currency, or another team: none of them in team a's USD weekly spend.
      sendRow(c.repA, 3 * DAY + 1, { state: "failed", cost: null, estimatedCost: "99.00" }),
      sendRow(c.repA, 3 * DAY + 2, { cost: "50.00", currency: "EUR" }),
      sendRow(c.repB, DAY, { cost: "20.00", currency: "USD" }),
      // Reserved (queued) on Nov 4: the burn-down counts it, the weekly spend does not (not sent yet).
      sendRow(c.repA2, 3 * DAY + 3, {
        state: "queued",
        cost: null,
        estimatedCost: "7.00",
        trackingCode: null,
      }),
    ]);
    await database.db
      .insert(budgets)
      .values({ team: "a", period: "monthly", amount: "100", currency: "USD" });
  });
  afterAll(async () => {
    await database?.close();
  });

  describe("time zones the database knows", () => {
    it("accepts a zone in any case, in the database's spelling", async () => {
      expect(await databaseTimeZone(database.db, "europe/paris")).toBe("Europe/Paris");
      expect(await databaseTimeZone(database.db, "Mars/Olympus")).toBeNull();
    });

    it("an unknown zone is a field error and the org's zone, not a failed query", async () => {
      expect(await checkTimeZone(database.db, "Asia/Tokyo", "UTC")).toEqual({ tz: "Asia/Tokyo" });
      expect(await checkTimeZone(database.db, undefined, "Europe/Berlin")).toEqual({ tz: "Europe/Berlin" });
      const bad = await checkTimeZone(database.db, "Mars/Olympus", "Europe/Berlin");
      expect(bad.tz).toBe("Europe/Berlin");
      expect(bad.fieldErrors?.tz[0]).toMatch(/Mars\/Olympus.*not one the database knows/);
      // Why the check exists: the same zone handed to SQL fails the whole query.
      await expect(
        listSends(database.db, sendScopeFor(c.admin), {
          limit: 5,
          filters: { from: "2026-11-01", tz: "Mars/Olympus" },
        }),
      ).rejects.toThrow();
    });
  });

  describe("weekly spend", () => {
    const period = { from: "2026-10-26", to: "2026-11-08", tz: "UTC" };
    const load = (user: Cast[keyof Cast], p: Parameters<typeof loadSpendOverTime>[2]["period"] = period) =>
      loadSpendOverTime(database.db, sendScopeFor(user), { period: p, currency: "USD", today: "2026-11-08" });

    it("shows a manager their team's reps per ISO week, sent gifts in the org currency only", async () => {
      const data = await load(c.managerA);
      expect(data.groupBy).toBe("rep");
      expect(data.series.map((s) => [s.label, s.total])).toEqual([
        ["Alex Able", 10],
        ["Bea Bright", 5],
      ]);
      expect(data.weeks).toEqual([
        { week: "2026-10-26", values: { [c.repA.id]: 10 }, total: 10 },
        { week: "2026-11-02", values: { [c.repA2.id]: 5 }, total: 5 },
      ]);
    });

    it("weeks are the viewer's: Sunday noon UTC is already Monday in Auckland", async () => {
      const data = await load(c.managerA, { ...period, tz: "Pacific/Auckland" });
      expect(data.weeks.map((w) => [w.week, w.total])).toEqual([
        ["2026-10-26", 0],
        ["2026-11-02", 15],
      ]);
    });

    it("shows an admin every team, or one team's reps; never a manager another team", async () => {
      const all = await load(c.admin);
      expect(all.groupBy).toBe("team");
      expect(all.series.map((s) => [s.label, s.total])).toEqual([
        ["Team b", 20],
        ["Team a", 15],
      ]);
      const teamB = await load(c.admin, { ...period, team: "b" });
      expect(teamB.series.map((s) => s.label)).toEqual(["Cy Cole"]);
      const asked = await load(c.managerA, { ...period, team: "b" });
      expect(asked.series).toEqual([]);
    });
  });

  describe("budget burn-down", () => {
    it("counts spent and reserved per day of the current period against an even pace", async () => {
      const data = await loadBurnDown(database.db, {
        team: "a",
        now: new Date("2026-11-04T18:00:00Z"),
        timeZone: "UTC",
      });
      expect(data).toMatchObject({
        amount: 100,
        currency: "USD",
        firstDay: "2026-11-01",
        lastDay: "2026-11-30",
      });
      expect(data?.days).toHaveLength(30);
      // The EUR send counts against the budget exactly as the meter counts it (50); failed sends never.
      expect(data?.days.slice(0, 5)).toEqual([
        { day: "2026-11-01", used: 10, left: 90, plan: 96.67 },
        { day: "2026-11-02", used: 10, left: 90, plan: 93.33 },
        { day: "2026-11-03", used: 10, left: 90, plan: 90 },
        { day: "2026-11-04", used: 72, left: 28, plan: 86.67 },
        { day: "2026-11-05", used: null, left: null, plan: 83.33 },
      ]);
      const meter = await meterFor(
        database.db,
        (await database.db.select().from(budgets))[0] as typeof budgets.$inferSelect,
        new Date("2026-11-04T18:00:00Z"),
        "UTC",
      );
      expect(meter.spent + meter.reserved).toBe(72);
    });

    it("has no burn-down for a team without a budget", async () => {
      expect(await loadBurnDown(database.db, { team: "b", now: new Date(), timeZone: "UTC" })).toBeNull();
    });

    it("budget months begin at the org's midnight (ORG_TIME_ZONE)", async () => {
      const [budget] = await database.db.select().from(budgets);
      if (!budget) throw new Error("no budget");
      // Nov 30, 20:00 UTC is Dec 1 in Auckland: November's sends no longer count there.
      const lateNovember = new Date("2026-11-30T20:00:00Z");
      expect((await meterFor(database.db, budget, lateNovember, "UTC")).spent).toBe(65);
      expect((await meterFor(database.db, budget, lateNovember, "Pacific/Auckland")).spent).toBe(0);
      const december = await loadBurnDown(database.db, {
        team: "a",
        now: lateNovember,
        timeZone: "Pacific/Auckland",
      });
      expect(december).toMatchObject({ firstDay: "2026-12-01", lastDay: "2026-12-31" });
      expect(december?.days[0]).toEqual({ day: "2026-12-01", used: 0, left: 100, plan: 96.77 });
    });
  });
});
