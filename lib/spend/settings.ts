import { asc } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { type ApprovalPolicy, type Role, users } from "@/lib/db/schema";
import { listTeams } from "@/lib/sends/history-options";
import { type BudgetMeter, meterFor } from "./budget-usage";
import { listBudgets } from "./settings-budgets";
import { listTouchEstimates } from "./settings-estimates";
import { listApprovalPolicies } from "./settings-policies";

/** The admin's spend settings (issue 7): budgets, approval policies and per-touch cost estimates. */
export { deleteBudget, listBudgets, saveBudget } from "./settings-budgets";
export { deleteTouchEstimate, listTouchEstimates, saveTouchEstimate } from "./settings-estimates";
export { deleteApprovalPolicy, listApprovalPolicies, saveApprovalPolicy } from "./settings-policies";
export type { SettingsActor, SettingsResult } from "./settings-types";

export type Person = { id: string; name: string; email: string; role: Role; team: string | null };

export type BudgetSetting = {
  id: string;
  team: string | null;
  userId: string | null;
  ownerLabel: string;
  period: "monthly" | "quarterly";
  amount: number;
  currency: string;
  overBudgetNeedsApproval: boolean;
  /** This period's usage, as the send form's meter computes it. */
  meter: BudgetMeter;
};

export type SpendSettings = {
  budgets: BudgetSetting[];
  policies: ApprovalPolicy[];
  /** Admin estimates by touch id. */
  estimates: Map<number, number>;
  teams: string[];
  people: Person[];
};

/** Everything /admin/spend shows, read in one go. */
export async function loadSpendSettings(db: Db, now = new Date()): Promise<SpendSettings> {
  const [budgetRows, policies, estimateRows, teams, people] = await Promise.all([
    listBudgets(db),
    listApprovalPolicies(db),
    listTouchEstimates(db),
    listTeams(db),
    db
      .select({ id: users.id, name: users.name, email: users.email, role: users.role, team: users.team })
      .from(users)
      .orderBy(asc(users.name)),
  ]);
  const budgets = await Promise.all(
    budgetRows.map(async ({ budget, repName, repEmail }) => ({
      id: budget.id,
      team: budget.team,
      userId: budget.userId,
      ownerLabel: budget.userId ? `${repName ?? "Unknown rep"} (${repEmail ?? "—"})` : `Team ${budget.team}`,
      period: budget.period,
      amount: Number(budget.amount),
      currency: budget.currency,
      overBudgetNeedsApproval: budget.overBudgetNeedsApproval,
      meter: await meterFor(db, budget, now),
    })),
  );
  return {
    budgets,
    policies,
    estimates: new Map(estimateRows.map((e) => [e.touchId, Number(e.amount)])),
    teams,
    people,
  };
}
