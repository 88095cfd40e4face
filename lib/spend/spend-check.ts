import { eq, sql } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { type ApprovalPolicy, approvalPolicies } from "@/lib/db/schema";
import { getConfig } from "@/lib/env";
import { type BudgetMeter, budgetsFor, meterFor } from "./budget-usage";
import type { CostEstimate } from "./estimate";
import { formatMoney } from "./money";

export type SpendDecision =
  | { kind: "proceed"; meters: BudgetMeter[] }
  | {
      kind: "needs_approval";
      reason: "threshold" | "over_budget" | "no_estimate";
      /** Does not fit the budget: reserves nothing until an approver overrides. */
      overBudget: boolean;
      meters: BudgetMeter[];
      message: string;
      /** The sender's team policy as read here, so asking its approvers does not read it again. */
      policy: ApprovalPolicy | null;
    }
  | { kind: "refused"; meter: BudgetMeter; message: string };

export async function approvalPolicyFor(db: Db, team: string | null): Promise<ApprovalPolicy | null> {
  if (!team) return null;
  const [policy] = await db.select().from(approvalPolicies).where(eq(approvalPolicies.team, team));
  return policy ?? null;
}

function budgetName(meter: BudgetMeter): string {
  return `${meter.scope === "team" ? "your team's" : "your own"} ${meter.period} budget`;
}

/**
 * Decides, inside the transaction that inserts the send, whether it may go now, must wait for an
 * approver, or is refused. Each budget is locked for the rest of the transaction (in id order, so two
 * senders never wait on each other crosswise), which makes "check the meter, then reserve" atomic: the
 * sum reserved + spent can never pass a budget, however many sends race.
 */
export async function decideSpend(
  tx: Db,
  sender: { id: string; team: string | null },
  estimate: CostEstimate,
  now: Date,
  orgCurrency = getConfig().currency,
): Promise<SpendDecision> {
  const owned = await budgetsFor(tx, sender);
  const policy = await approvalPolicyFor(tx, sender.team);
  if (owned.length === 0 && !policy) return { kind: "proceed", meters: [] };

  for (const budget of owned) {
    await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${`budget:${budget.id}`}, 0))`);
  }
  const meters = await Promise.all(owned.map((b) => meterFor(tx, b, now)));
  const approval = (
    reason: "threshold" | "over_budget" | "no_estimate",
    message: string,
    overBudget = false,
  ) => ({ kind: "needs_approval", reason, overBudget, meters, message, policy }) as const;

  if (estimate.amount === null) {
    return approval(
      "no_estimate",
      "This touch has no cost estimate, so a manager approves it before it goes out.",
    );
  }
  const amount = estimate.amount;
  const short = meters.find((m) => m.left < amount);
  if (short) {
    const numbers = `${formatMoney(amount, short.currency)} would leave ${formatMoney(short.left - amount, short.currency)} of ${budgetName(short)} (${formatMoney(short.amount, short.currency)})`;
    if (meters.filter((m) => m.left < amount).every((m) => m.overBudgetNeedsApproval)) {
      return approval("over_budget", `Over budget: ${numbers}. It waits for a manager's approval.`, true);
    }
    return { kind: "refused", meter: short, message: `Over budget: ${numbers}. Nothing was sent.` };
  }
  if (policy && amount > Number(policy.threshold)) {
    return approval(
      "threshold",
      `Gifts over ${formatMoney(Number(policy.threshold), orgCurrency)} need a manager's approval before they go out.`,
    );
  }
  return { kind: "proceed", meters };
}
