import { z } from "zod";
import type { BudgetPeriod } from "@/lib/db/schema";
import { formatCount } from "@/lib/spend/money";
import { touchIdField as touchId } from "./touch-id";

/**
 * Spend settings (issue 7): shared by the admin forms (zodResolver) and their actions (safeParse).
 * Amounts arrive as strings from inputs; an empty input must read as "missing", never as 0.
 */

// Repeated here (type-checked against the schema) so client bundles do not pull in the Drizzle schema.
export const BUDGET_PERIODS = ["monthly", "quarterly"] as const satisfies readonly BudgetPeriod[];

export const MONEY_MAX = 10_000_000;
export const REMIND_HOURS_MAX = 24 * 30;
export const REJECT_REASON_MIN = 10;
export const REJECT_REASON_MAX = 500;

const blankToUndefined = (value: unknown) =>
  value === null || (typeof value === "string" && value.trim() === "") ? undefined : value;

const money = (label: string) =>
  z.coerce
    .number({ error: `Enter ${label}` })
    .refine(Number.isFinite, `Enter ${label} as a number`)
    .min(0, `${capitalise(label)} cannot be negative`)
    .max(MONEY_MAX, `${capitalise(label)} must be at most ${formatCount(MONEY_MAX)}`)
    .refine((v) => Math.abs(Math.round(v * 100) - v * 100) < 1e-6, "Use at most two decimals (cents)");

/** A non-negative amount in the org currency, whole cents. */
export const moneyAmount = (label: string) => z.preprocess(blankToUndefined, money(label));

/** The same, or blank for "no limit" (null). */
const optionalMoney = (label: string) =>
  z.preprocess(
    blankToUndefined,
    money(label)
      .optional()
      .transform((v) => v ?? null),
  );

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

const teamName = z
  .string({ error: "Choose a team" })
  .trim()
  .min(1, "Choose a team")
  .max(100, "Use at most 100 characters");

/** Accepts real booleans and the strings a plain HTML form posts. */
const booleanish = z.union([
  z.boolean(),
  z.enum(["true", "false", "on", "off"]).transform((v) => v === "true" || v === "on"),
]);

/** A team's budget, or one rep's own (`scope` says which owner field counts). */
export const budgetSchema = z
  .object({
    /** Present when editing an existing budget. */
    id: z.preprocess(blankToUndefined, z.uuid("This budget no longer exists").optional()),
    scope: z.enum(["team", "rep"], { error: "Choose a team or a rep" }),
    team: z.preprocess(blankToUndefined, teamName.optional()),
    userId: z.preprocess(blankToUndefined, z.uuid("Choose a rep").optional()),
    period: z.enum(BUDGET_PERIODS, { error: "Choose monthly or quarterly" }),
    amount: moneyAmount("the budget"),
    overBudgetNeedsApproval: booleanish.default(false),
  })
  .superRefine((value, ctx) => {
    if (value.scope === "team" && !value.team)
      ctx.addIssue({ code: "custom", path: ["team"], message: "Choose a team" });
    if (value.scope === "rep" && !value.userId)
      ctx.addIssue({ code: "custom", path: ["userId"], message: "Choose a rep" });
  })
  // Only the owner field of the chosen scope is kept, so a stale hidden value cannot leak through.
  .transform((value) => ({
    ...value,
    team: value.scope === "team" ? (value.team ?? null) : null,
    userId: value.scope === "rep" ? (value.userId ?? null) : null,
  }));
export type BudgetInput = z.input<typeof budgetSchema>;
export type BudgetValues = z.output<typeof budgetSchema>;

export const budgetIdSchema = z.object({ budgetId: z.uuid("This budget no longer exists") });

/** Per team: the approval threshold, an optional fallback approver, and when to remind approvers. */
export const approvalPolicySchema = z.object({
  team: teamName,
  threshold: moneyAmount("the threshold"),
  fallbackApproverId: z.preprocess(
    blankToUndefined,
    z
      .uuid("Choose an approver from the list")
      .optional()
      .transform((v) => v ?? null),
  ),
  remindAfterHours: z.preprocess(
    blankToUndefined,
    z.coerce
      .number({ error: "Enter a number of hours" })
      .int("Use whole hours")
      .min(1, "Remind after at least 1 hour")
      .max(REMIND_HOURS_MAX, `Remind within ${REMIND_HOURS_MAX} hours (30 days)`),
  ),
});
export type ApprovalPolicyInput = z.input<typeof approvalPolicySchema>;
export type ApprovalPolicyValues = z.output<typeof approvalPolicySchema>;

export const policyTeamSchema = z.object({ team: teamName });

/** The admin's cost estimate for one touch Sendoso gives no price for (physical gifts). */
export const touchEstimateSchema = z.object({ touchId, amount: moneyAmount("the estimate") });
export type TouchEstimateInput = z.input<typeof touchEstimateSchema>;
export type TouchEstimateValues = z.output<typeof touchEstimateSchema>;

export const touchIdSchema = z.object({ touchId });

/** Approve or cancel one pending send. */
export const pendingSendSchema = z.object({ sendId: z.uuid("This send could not be found") });

/** Reject with a reason the rep reads, so it must say something. */
export const rejectSendSchema = z.object({
  sendId: z.uuid("This send could not be found"),
  reason: z
    .string({ error: "Tell the rep why" })
    .trim()
    .min(REJECT_REASON_MIN, `Tell the rep why (at least ${REJECT_REASON_MIN} characters)`)
    .max(REJECT_REASON_MAX, `Use at most ${REJECT_REASON_MAX} characters`),
});
export type RejectSendValues = z.output<typeof rejectSendSchema>;

/**
 * The org-wide limits (issue 16), for every send whatever its team; a blank amount turns that limit off.
 */
export const orgLimitsSchema = z.object({
  budgetAmount: optionalMoney("the organisation budget"),
  budgetPeriod: z.enum(BUDGET_PERIODS, { error: "Choose monthly or quarterly" }),
  dailyCapPerRep: optionalMoney("the daily cap per rep"),
  dailyCapTotal: optionalMoney("the daily cap for everyone"),
  overLimitNeedsApproval: booleanish.default(false),
});
export type OrgLimitsInput = z.input<typeof orgLimitsSchema>;

/** The per-recipient yearly caps (issue 17 item 4); a blank amount means no such cap. */
export const recipientCapsSchema = z.object({
  perEmailYearly: optionalMoney("the yearly cap per recipient"),
  perDomainYearly: optionalMoney("the yearly cap per recipient domain"),
  overCap: z.enum(["refuse", "approve"], { error: "Choose what happens over a cap" }),
});
export type RecipientCapsInput = z.input<typeof recipientCapsSchema>;
export type RecipientCapsValues = z.output<typeof recipientCapsSchema>;
export type OrgLimitsValues = z.output<typeof orgLimitsSchema>;
