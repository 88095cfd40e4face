import { describe, expect, it } from "vitest";
import { mayApprove } from "@/lib/spend/approvers";
import { estimateSendCost } from "@/lib/spend/estimate";
import { formatMoney } from "@/lib/spend/money";
import { budgetPeriodAt } from "@/lib/spend/period";

describe("budget periods (calendar months in the org zone; UTC here)", () => {
  it("a month runs from its first day to the next month's", () => {
    expect(budgetPeriodAt("monthly", new Date("2026-11-26T23:59:59Z"), "UTC")).toEqual({
      start: new Date("2026-11-01T00:00:00Z"),
      end: new Date("2026-12-01T00:00:00Z"),
    });
  });
  it("a quarter rolls over the year end", () => {
    expect(budgetPeriodAt("quarterly", new Date("2026-11-26T10:00:00Z"), "UTC")).toEqual({
      start: new Date("2026-10-01T00:00:00Z"),
      end: new Date("2027-01-01T00:00:00Z"),
    });
    expect(budgetPeriodAt("quarterly", new Date("2027-01-01T00:00:00Z"), "UTC").start).toEqual(
      new Date("2027-01-01T00:00:00Z"),
    );
  });
});

describe("cost estimates", () => {
  const egift = { delivery_type: "email", starting_egift_price: 25, ending_egift_price: 100 } as const;
  it("an eGift costs at most the top of its range, and is not a guess", () => {
    expect(estimateSendCost(egift, 5)).toEqual({ amount: 100, isGuess: false });
    expect(estimateSendCost({ ...egift, ending_egift_price: null }, null)).toEqual({
      amount: 25,
      isGuess: false,
    });
  });
  it("a physical touch uses the admin's estimate, flagged as a guess, or nothing", () => {
    const mail = { delivery_type: "mail", starting_egift_price: null, ending_egift_price: null } as const;
    expect(estimateSendCost(mail, 42.499)).toEqual({ amount: 42.5, isGuess: true });
    expect(estimateSendCost(mail, null)).toEqual({ amount: null, isGuess: true });
    expect(estimateSendCost(undefined, null)).toEqual({ amount: null, isGuess: true });
  });
  it("formats money with cents and sign", () => {
    expect(formatMoney(-10, "USD", "en-US")).toBe("-$10.00");
    expect(formatMoney(1234.5, "USD", "en-US")).toBe("$1,234.50");
  });
});

describe("who may approve", () => {
  const send = { senderId: "rep", team: "north" };
  const policy = {
    team: "north",
    threshold: "150",
    fallbackApproverId: "fallback",
    remindAfterHours: 24,
    updatedBy: null,
    updatedAt: new Date(),
  };
  it.each([
    [{ id: "m1", role: "manager", team: "north" }, true],
    [{ id: "m2", role: "manager", team: "south" }, false],
    [{ id: "a1", role: "admin", team: null }, true],
    [{ id: "rep", role: "admin", team: "north" }, false],
    [{ id: "r2", role: "rep", team: "north" }, false],
  ] as const)("%o → %s", (approver, expected) => {
    expect(mayApprove(approver, send, policy)).toBe(expected);
  });
  it("the fallback approver may, only with approve permission", () => {
    expect(mayApprove({ id: "fallback", role: "manager", team: "south" }, send, policy)).toBe(true);
    expect(mayApprove({ id: "fallback", role: "rep", team: "south" }, send, policy)).toBe(false);
  });
});
