import { describe, expect, it } from "vitest";
import { auditFiltersOnly, parseAuditParams } from "@/lib/audit/filters";
import { dashboardParamsSchema } from "@/lib/sends/dashboard-period";
import { parseHistoryParams } from "@/lib/sends/filters";
import { isoDay } from "@/lib/validation/url-params";

const IMPOSSIBLE = [
  "2024-02-31",
  "2023-02-29",
  "2024-04-31",
  "2024-13-01",
  "2024-00-10",
  "0000-01-01",
  "2024-01-32",
];

/** Issue 16 item 7: impossible days are dropped by every URL filter instead of reaching SQL (a 500). */
describe("impossible dates in URL filters", () => {
  it.each(IMPOSSIBLE)("isoDay refuses %s", (day) => {
    expect(isoDay.safeParse(day).success).toBe(false);
  });

  it.each(["2024-02-29", "2023-12-31", "1970-01-01", "2026-06-30"])(
    "isoDay accepts the real day %s",
    (day) => {
      expect(isoDay.parse(day)).toBe(day);
    },
  );

  it.each(IMPOSSIBLE)("history, export, audit and dashboard filters drop %s and keep the rest", (day) => {
    const history = parseHistoryParams({ from: day, to: day, q: "jane" });
    expect(history).toMatchObject({ q: "jane" });
    expect(history.from).toBeUndefined();
    expect(history.to).toBeUndefined();
    const audit = auditFiltersOnly(parseAuditParams({ from: day, to: "2024-03-01" }));
    expect(audit.from).toBeUndefined();
    expect(audit.to).toBe("2024-03-01");
    const dashboard = dashboardParamsSchema.parse({ from: day, to: day });
    expect(dashboard.from).toBeUndefined();
    expect(dashboard.to).toBeUndefined();
  });
});
