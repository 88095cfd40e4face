import { sql } from "drizzle-orm";
import {
  boolean,
  check,
  integer,
  numeric,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { inList } from "./common";
import { users } from "./users";

export const BUDGET_PERIODS = ["monthly", "quarterly"] as const;
export type BudgetPeriod = (typeof BUDGET_PERIODS)[number];

/**
 * A spending limit for a team (`user_id` null) or one rep. What a send counts against it is its actual
 * cost once known, else its estimate, while it is pending approval, queued, in flight, sent or unknown.
 */
export const budgets = pgTable(
  "budgets",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    team: text("team"),
    userId: uuid("user_id").references(() => users.id, { onDelete: "cascade" }),
    period: text("period").$type<BudgetPeriod>().notNull().default("monthly"),
    amount: numeric("amount", { precision: 12, scale: 2 }).notNull(),
    currency: text("currency").notNull().default("USD"),
    /** Over budget: send the request to an approver instead of refusing it. */
    overBudgetNeedsApproval: boolean("over_budget_needs_approval").notNull().default(false),
    updatedBy: uuid("updated_by").references(() => users.id),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("budgets_team_key").on(t.team).where(sql`${t.userId} is null`),
    uniqueIndex("budgets_user_key").on(t.userId),
    check("budgets_owner_check", sql`(${t.team} is null) <> (${t.userId} is null)`),
    check("budgets_period_check", sql`${t.period} in (${inList(BUDGET_PERIODS)})`),
    check("budgets_amount_check", sql`${t.amount} >= 0`),
  ],
);

/** Per team: sends estimated above `threshold` wait for a manager of the team, or the fallback approver. */
export const approvalPolicies = pgTable("approval_policies", {
  team: text("team").primaryKey(),
  threshold: numeric("threshold", { precision: 12, scale: 2 }).notNull(),
  fallbackApproverId: uuid("fallback_approver_id").references(() => users.id, { onDelete: "set null" }),
  /** Pending longer than this reminds the approvers. */
  remindAfterHours: integer("remind_after_hours").notNull().default(24),
  updatedBy: uuid("updated_by").references(() => users.id),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});

/** An admin's estimate for a physical touch, whose price Sendoso's touch list does not give. */
export const touchCostEstimates = pgTable("touch_cost_estimates", {
  touchId: integer("touch_id").primaryKey(),
  amount: numeric("amount", { precision: 12, scale: 2 }).notNull(),
  updatedBy: uuid("updated_by").references(() => users.id),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});

/**
 * The org-wide limits (issue 16): one row (`id = 'org'`). They apply to every send whatever its team,
 * including senders with no team, so a missing or renamed IdP group never escapes all spend control.
 * Each limit is off while null.
 */
export const orgSpendLimits = pgTable(
  "org_spend_limits",
  {
    id: text("id").primaryKey().default("org"),
    /** Reserved + spent of every send in the period, org-wide. */
    budgetAmount: numeric("budget_amount", { precision: 12, scale: 2 }),
    budgetPeriod: text("budget_period").$type<BudgetPeriod>().notNull().default("monthly"),
    /** Reserved + spent of one rep's sends in a UTC day. */
    dailyCapPerRep: numeric("daily_cap_per_rep", { precision: 12, scale: 2 }),
    /** Reserved + spent of everyone's sends in a UTC day. */
    dailyCapTotal: numeric("daily_cap_total", { precision: 12, scale: 2 }),
    /** Over a limit: send the request to an admin instead of refusing it. */
    overLimitNeedsApproval: boolean("over_limit_needs_approval").notNull().default(false),
    updatedBy: uuid("updated_by").references(() => users.id),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check("org_spend_limits_singleton", sql`${t.id} = 'org'`),
    check("org_spend_limits_period_check", sql`${t.budgetPeriod} in (${inList(BUDGET_PERIODS)})`),
    check(
      "org_spend_limits_amounts_check",
      sql`coalesce(${t.budgetAmount}, 0) >= 0 and coalesce(${t.dailyCapPerRep}, 0) >= 0 and coalesce(${t.dailyCapTotal}, 0) >= 0`,
    ),
  ],
);
