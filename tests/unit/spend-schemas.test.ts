import { describe, expect, it } from "vitest";
import { z } from "zod";
import {
  approvalPolicySchema,
  budgetSchema,
  rejectSendSchema,
  touchEstimateSchema,
} from "@/lib/validation/spend";

const errorsOf = (result: { success: boolean; error?: z.ZodError }): Record<string, string[] | undefined> =>
  result.error ? z.flattenError(result.error).fieldErrors : {};

const team = { scope: "team", team: "a", period: "monthly", amount: "250.50" };
const userId = "6f1c1a52-3a6b-4c43-9d6e-0f6f1f0b3e11";

describe("budgetSchema", () => {
  it("reads a team budget from form strings, keeping only the chosen owner", () => {
    expect(budgetSchema.parse({ ...team, userId, overBudgetNeedsApproval: "on" })).toEqual({
      scope: "team",
      team: "a",
      userId: null,
      period: "monthly",
      amount: 250.5,
      overBudgetNeedsApproval: true,
    });
  });

  it("reads a rep budget and drops a leftover team", () => {
    expect(budgetSchema.parse({ ...team, scope: "rep", userId, team: "b" })).toMatchObject({
      team: null,
      userId,
    });
  });

  it.each([
    [{ amount: "-1" }, "amount", "The budget cannot be negative"],
    [{ amount: "" }, "amount", "Enter the budget"],
    [{ amount: "abc" }, "amount", "Enter the budget"],
    [{ amount: "10.005" }, "amount", "Use at most two decimals (cents)"],
    [{ amount: "20000000" }, "amount", "The budget must be at most 10,000,000"],
    [{ team: "" }, "team", "Choose a team"],
    [{ scope: "rep", userId: "" }, "userId", "Choose a rep"],
    [{ period: "weekly" }, "period", "Choose monthly or quarterly"],
  ])("refuses %j with a message on %s", (patch, field, message) => {
    const result = budgetSchema.safeParse({ ...team, ...patch });
    expect(result.success).toBe(false);
    expect(errorsOf(result)[field]).toEqual([message]);
  });

  it("accepts a zero budget (nothing may be spent)", () => {
    expect(budgetSchema.parse({ ...team, amount: "0" }).amount).toBe(0);
  });
});

describe("approvalPolicySchema", () => {
  const policy = { team: "a", threshold: "150", fallbackApproverId: "", remindAfterHours: "24" };

  it("reads the form, with no fallback approver as null", () => {
    expect(approvalPolicySchema.parse(policy)).toEqual({
      team: "a",
      threshold: 150,
      fallbackApproverId: null,
      remindAfterHours: 24,
    });
  });

  it.each([
    [{ threshold: "-0.5" }, "threshold", "The threshold cannot be negative"],
    [{ remindAfterHours: "0" }, "remindAfterHours", "Remind after at least 1 hour"],
    [{ remindAfterHours: "1.5" }, "remindAfterHours", "Use whole hours"],
    [{ remindAfterHours: "" }, "remindAfterHours", "Enter a number of hours"],
    [{ fallbackApproverId: "someone" }, "fallbackApproverId", "Choose an approver from the list"],
  ])("refuses %j", (patch, field, message) => {
    const result = approvalPolicySchema.safeParse({ ...policy, ...patch });
    expect(errorsOf(result)[field]).toEqual([message]);
  });
});

describe("touchEstimateSchema and rejectSendSchema", () => {
  it("refuses a negative or missing estimate", () => {
    expect(errorsOf(touchEstimateSchema.safeParse({ touchId: 1001, amount: "-3" })).amount).toEqual([
      "The estimate cannot be negative",
    ]);
    expect(errorsOf(touchEstimateSchema.safeParse({ touchId: 1001, amount: " " })).amount).toEqual([
      "Enter the estimate",
    ]);
    expect(touchEstimateSchema.parse({ touchId: "1001", amount: "42" })).toEqual({
      touchId: 1001,
      amount: 42,
    });
  });

  it("requires a real reason to reject", () => {
    const sendId = userId;
    expect(errorsOf(rejectSendSchema.safeParse({ sendId, reason: "  no  " })).reason).toEqual([
      "Tell the rep why (at least 10 characters)",
    ]);
    expect(rejectSendSchema.parse({ sendId, reason: "  Over the quarter's plan " }).reason).toBe(
      "Over the quarter's plan",
    );
  });
});
