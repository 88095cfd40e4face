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
    expect(resolvePeriod(params, now)).toEqual({
      period: { from: "2026-10-12", to: undefined, tz: "UTC", team: undefined },
      waitingTo: "2026-11-02",
    });
  });

  it("keeps a chosen period and zone, and drops bad values", () => {
    const params = dashboardParamsSchema.parse({
      to: "2026-11-05",
      tz: "Asia/Tokyo",
      days: "abc",
      team: "a",
    });
    expect(resolvePeriod(params, now)).toEqual({
      period: { from: undefined, to: "2026-11-05", tz: "Asia/Tokyo", team: "a" },
      waitingTo: "2026-11-03",
    });
    expect(dashboardParamsSchema.parse({ tz: "Mars/Olympus", days: "3" })).toMatchObject({
      tz: undefined,
      days: 3,
    });
  });
});
