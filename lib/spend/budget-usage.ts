import { and, eq, gte, lt, or, type SQL, sql } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { type Budget, budgets, sends } from "@/lib/db/schema";
import { getConfig } from "@/lib/env";
import { batchReservedOf } from "./batch-reservations";
import { budgetPeriodAt } from "./period";

export type BudgetMeter = {
  budgetId: string;
  /**
   * A team's budget, or one rep's own; or an org-wide limit (issue 16): the org budget, the daily cap
   * on everyone's sends, the daily cap on each rep's.
   */
  scope: "team" | "rep" | "org" | "org_day" | "rep_day";
  team: string | null;
  userId: string | null;
  period: Budget["period"] | "daily";
  periodStart: Date;
  periodEnd: Date;
  currency: string;
  amount: number;
  /** Sent: the actual cost once Sendoso reports it, else the estimate. */
  spent: number;
  /**
   * Pending approval (within budget), queued, in flight or unknown: held until they settle; and the
   * unsent rows of started bulk batches (lib/spend/batch-reservations.ts).
   */
  reserved: number;
  left: number;
  overBudgetNeedsApproval: boolean;
};

// What a send counts against a budget: its actual cost once known, else its estimate.
export const counted = sql`coalesce(${sends.cost}, ${sends.estimatedCost})`;
export const isSpent = sql`${sends.state} = 'sent'`;
// `failed`, `not_sent`, `rejected` and `cancelled` release; an over-budget request holds nothing until
// approved (it is then `queued` and counts like any other).
export const isReserved = sql`(${sends.state} in ('queued', 'in_flight', 'unknown') or (${sends.state} = 'pending_approval' and not ${sends.overBudget}))`;

/** The budgets a sender's sends count against: their team's and their own, when set. */
export async function budgetsFor(db: Db, sender: { id: string; team: string | null }): Promise<Budget[]> {
  const owners: SQL[] = [eq(budgets.userId, sender.id)];
  if (sender.team) owners.push(sql`(${budgets.team} = ${sender.team} and ${budgets.userId} is null)`);
  return db
    .select()
    .from(budgets)
    .where(or(...owners))
    .orderBy(budgets.id);
}

/** Spent and reserved of the sends `where` selects (one budget's owner and period). */
export async function usageOf(db: Db, where: SQL | undefined): Promise<{ spent: number; reserved: number }> {
  const [usage] = await db
    .select({
      spent: sql<string>`coalesce(sum(${counted}) filter (where ${isSpent}), 0)`,
      reserved: sql<string>`coalesce(sum(${counted}) filter (where ${isReserved}), 0)`,
    })
    .from(sends)
    .where(where);
  return { spent: Number(usage?.spent ?? 0), reserved: Number(usage?.reserved ?? 0) };
}

/** `timeZone`: where the period's months begin (ORG_TIME_ZONE unless a test says otherwise). */
export async function meterFor(
  db: Db,
  budget: Budget,
  now: Date,
  timeZone = getConfig().timeZone,
): Promise<BudgetMeter> {
  const { start, end } = budgetPeriodAt(budget.period, now, timeZone);
  const owner = budget.userId ? eq(sends.senderId, budget.userId) : eq(sends.team, budget.team ?? "");
  const usage = await usageOf(db, and(owner, gte(sends.createdAt, start), lt(sends.createdAt, end)));
  const batches = await batchReservedOf(
    db,
    budget.userId ? { userId: budget.userId } : { team: budget.team ?? "" },
    end,
  );
  const { spent } = usage;
  const reserved = Math.round((usage.reserved + batches) * 100) / 100;
  const amount = Number(budget.amount);
  return {
    budgetId: budget.id,
    scope: budget.userId ? "rep" : "team",
    team: budget.team,
    userId: budget.userId,
    period: budget.period,
    periodStart: start,
    periodEnd: end,
    currency: budget.currency,
    amount,
    spent,
    reserved,
    left: Math.round((amount - spent - reserved) * 100) / 100,
    overBudgetNeedsApproval: budget.overBudgetNeedsApproval,
  };
}

/** The meters the send form shows: every budget this sender's next send would count against. */
export async function budgetMetersFor(
  db: Db,
  sender: { id: string; team: string | null },
  now = new Date(),
  timeZone = getConfig().timeZone,
): Promise<BudgetMeter[]> {
  const owned = await budgetsFor(db, sender);
  return Promise.all(owned.map((b) => meterFor(db, b, now, timeZone)));
}
