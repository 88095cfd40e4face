import { describe, expect, it } from "vitest";
import { addDays, dashboardParamsSchema, resolvePeriod, todayIn } from "@/lib/sends/dashboard-period";

describe("dashboard period", () => {
  const now = new Date("2026-11-10T23:30:00Z");

  it("knows today in the viewer's zone", () => {
    expect(todayIn("UTC", now)).toBe("2026-11-10");
    expect(todayIn("Asia/Tokyo", now)).toBe("2026-11-11");
    expect(addDays("2026-03-01", -1)).toBe("2026-02-28");
  });

  it("defaults to the last 30 days and 7 days of waiting", () => {
    const params = dashboardParamsSchema.parse({});
    expect(params.days).toBe(7);
    expect(resolvePeriod(params, "UTC", now)).toEqual({
      period: { from: "2026-10-12", to: undefined, tz: "UTC", team: undefined },
      waitingTo: "2026-11-02",
    });
  });

  it("without a viewer's zone, the last 30 days are the org's days (ORG_TIME_ZONE)", () => {
    // 23:30 UTC on the 10th is already the 11th in Auckland: the range ends a day later.
    expect(resolvePeriod(dashboardParamsSchema.parse({}), "Pacific/Auckland", now)).toEqual({
      period: { from: "2026-10-13", to: undefined, tz: "Pacific/Auckland", team: undefined },
      waitingTo: "2026-11-03",
    });
  });

  it("keeps a chosen period and zone, and drops bad values", () => {
    const params = dashboardParamsSchema.parse({
      to: "2026-11-05",
      tz: "Asia/Tokyo",
      days: "abc",
      team: "a",
    });
    expect(resolvePeriod(params, "Europe/Paris", now)).toEqual({
      period: { from: undefined, to: "2026-11-05", tz: "Asia/Tokyo", team: "a" },
      waitingTo: "2026-11-03",
    });
    // Whether a zone exists is the database's call (lib/time/db-zones); here only its shape.
    expect(dashboardParamsSchema.parse({ tz: "Mars/Olympus", days: "3" })).toMatchObject({
      tz: "Mars/Olympus",
      days: 3,
    });
    expect(dashboardParamsSchema.parse({ tz: "'; drop table sends; --" })).toMatchObject({ tz: undefined });
  });
});
