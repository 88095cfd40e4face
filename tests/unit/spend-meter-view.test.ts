import { describe, expect, it } from "vitest";
import type { BudgetMeter } from "@/lib/spend/budget-usage";
import { afterSend, type MeterView, meterShares, toMeterView } from "@/lib/spend/meter-view";

const meter: MeterView = {
  budgetId: "b1",
  label: "Team a's monthly budget",
  currency: "USD",
  amount: 500,
  spent: 200,
  reserved: 100,
  left: 200,
  overBudgetNeedsApproval: false,
};

describe("afterSend", () => {
  it("says nothing before a touch is chosen", () => {
    expect(afterSend(meter, undefined)).toEqual({ kind: "none" });
  });

  it("gives what an exact estimate leaves", () => {
    expect(afterSend(meter, { amount: 199.99, isGuess: false })).toEqual({
      kind: "fits",
      left: 0.01,
      text: "This gift, $199.99, would leave $0.01.",
    });
  });

  it("flags an admin's guess as estimated", () => {
    expect(afterSend(meter, { amount: 200, isGuess: true }).kind).toBe("fits");
    expect(afterSend(meter, { amount: 200, isGuess: true })).toMatchObject({
      text: "This gift, $200.00 (estimated), would leave $0.00.",
    });
  });

  it("says a send over the budget is refused, or waits when the admin allows it", () => {
    expect(afterSend(meter, { amount: 250, isGuess: false })).toEqual({
      kind: "over",
      left: -50,
      text: "This gift, $250.00, would leave -$50.00: over budget. It would be refused.",
    });
    expect(
      afterSend({ ...meter, overBudgetNeedsApproval: true }, { amount: 250, isGuess: false }),
    ).toMatchObject({ text: expect.stringMatching(/wait for a manager's approval\.$/) });
  });

  it("sends an unpriced touch to an approver", () => {
    expect(afterSend(meter, { amount: null, isGuess: true })).toEqual({
      kind: "no_estimate",
      text: "No estimate for this touch — it needs a manager's approval.",
    });
  });
});

describe("meterShares", () => {
  it("splits the bar into spent and reserved", () => {
    expect(meterShares(meter)).toEqual({ spent: 40, reserved: 20 });
  });

  it("never draws past the end of the bar", () => {
    expect(meterShares({ amount: 100, spent: 80, reserved: 60 })).toEqual({ spent: 80, reserved: 20 });
    expect(meterShares({ amount: 100, spent: 130, reserved: 0 })).toEqual({ spent: 100, reserved: 0 });
  });

  it("handles a zero budget", () => {
    expect(meterShares({ amount: 0, spent: 0, reserved: 0 })).toEqual({ spent: 0, reserved: 0 });
    expect(meterShares({ amount: 0, spent: 5, reserved: 0 })).toEqual({ spent: 100, reserved: 0 });
  });
});

describe("toMeterView", () => {
  const raw: BudgetMeter = {
    budgetId: "b2",
    scope: "rep",
    team: null,
    userId: "u1",
    period: "quarterly",
    periodStart: new Date("2026-10-01T00:00:00Z"),
    periodEnd: new Date("2027-01-01T00:00:00Z"),
    currency: "EUR",
    amount: 1000,
    spent: 10,
    reserved: 5,
    left: 985,
    overBudgetNeedsApproval: true,
  };

  it("names the budget for its owner, and drops the dates", () => {
    expect(toMeterView(raw)).toEqual({
      budgetId: "b2",
      label: "Your own quarterly budget",
      currency: "EUR",
      amount: 1000,
      spent: 10,
      reserved: 5,
      left: 985,
      overBudgetNeedsApproval: true,
    });
    expect(toMeterView({ ...raw, scope: "team", team: "a", period: "monthly" }).label).toBe(
      "Team a's monthly budget",
    );
  });
});
