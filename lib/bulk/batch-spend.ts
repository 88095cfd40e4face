import { sql } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { type BudgetMeter, budgetsFor, meterFor } from "@/lib/spend/budget-usage";
import type { CostEstimate } from "@/lib/spend/estimate";
import { formatMoney } from "@/lib/spend/money";
import { hasOrgLimits, lockOrgLimits, orgMetersFor, readOrgLimits } from "@/lib/spend/org-limits";
import { approvalPolicyFor, type SpendOptions } from "@/lib/spend/spend-check";
import { teamlessRefusal, teamlessReview } from "@/lib/spend/teamless";

export type BatchApprovalReason = "threshold" | "over_budget" | "no_estimate" | "teamless";

export type BatchSpend = {
  /** Per-row estimate × rows; null when the touch has no estimate. */
  total: number | null;
  /** Every budget the batch counts against: the team's, the rep's, the org-wide limits. */
  meters: { meter: BudgetMeter; leftAfter: number | null }[];
  /** The team's approval threshold, if any. */
  threshold: number | null;
  /** Why the whole batch waits for one approval before any row goes; null: it starts at once. */
  approval: { reason: BatchApprovalReason; message: string } | null;
  /** It waits because it does not fit a budget: it reserves nothing until approved. */
  overBudget: boolean;
  /** Why the batch cannot start at all, with the numbers. */
  refusal: string | null;
};

export function budgetLabel(m: Pick<BudgetMeter, "scope" | "period">): string {
  switch (m.scope) {
    case "team":
      return `your team's ${m.period} budget`;
    case "rep":
      return `your own ${m.period} budget`;
    case "org":
      return `the organisation's ${m.period} budget`;
    case "org_day":
      return "today's cap on everyone's gifts";
    case "rep_day":
      return "your daily cap";
  }
}

/**
 * The single-send spend rules (lib/spend/spend-check.ts decideSpend) applied to the batch as one: its
 * whole estimated total against every budget and org-wide limit it counts against, the team's
 * threshold against the total and each gift, teamless senders. With `lock` (inside the start
 * transaction) every budget is locked with the same advisory keys and in the same order as a single
 * send, so nothing slips between this check and the batch's reservation being recorded.
 */
export async function batchSpend(
  db: Db,
  sender: { id: string; team: string | null },
  estimate: CostEstimate,
  rows: number,
  options: SpendOptions & { currency: string; lock?: boolean; now?: Date },
): Promise<BatchSpend> {
  const now = options.now ?? new Date();
  const teamless = !sender.team;
  const owned = await budgetsFor(db, sender);
  const policy = await approvalPolicyFor(db, sender.team);
  const org = await readOrgLimits(db);
  const orgLimited = hasOrgLimits(org);
  if (options.lock) {
    for (const budget of owned) {
      await db.execute(sql`select pg_advisory_xact_lock(hashtextextended(${`budget:${budget.id}`}, 0))`);
    }
    if (orgLimited) await lockOrgLimits(db);
  }
  const meters = await Promise.all(owned.map((b) => meterFor(db, b, now)));
  if (orgLimited) meters.push(...(await orgMetersFor(db, org, sender, now, options.currency)));
  const amount = estimate.amount;
  const total = amount === null ? null : Math.round(amount * rows * 100) / 100;
  const withAfter = meters.map((meter) => ({
    meter,
    leftAfter: total === null ? null : Math.round((meter.left - total) * 100) / 100,
  }));
  const threshold = policy ? Number(policy.threshold) : null;
  const result = (fields: Partial<BatchSpend>): BatchSpend => ({
    total,
    meters: withAfter,
    threshold,
    approval: null,
    overBudget: false,
    refusal: null,
    ...fields,
  });

  if (teamless && options.teamlessSends === "refuse")
    return result({ refusal: teamlessRefusal(options.teamGroupPrefix) });
  if (owned.length === 0 && !policy && !orgLimited && !teamless) return result({});
  if (amount === null || total === null) {
    const message = "This touch has no cost estimate, so a manager approves the batch before it goes out.";
    return result({ approval: { reason: "no_estimate", message } });
  }
  const short = withAfter.filter((m) => m.leftAfter !== null && m.leftAfter < 0);
  const first = short[0];
  if (first) {
    const { meter } = first;
    const numbers = `${rows} gifts at ${formatMoney(amount, meter.currency)} come to ${formatMoney(total, meter.currency)}, but ${budgetLabel(meter)} has ${formatMoney(meter.left, meter.currency)} left of ${formatMoney(meter.amount, meter.currency)}`;
    if (short.every((m) => m.meter.overBudgetNeedsApproval)) {
      const message = `Over budget: ${numbers}. The batch waits for a manager's approval.`;
      return result({ approval: { reason: "over_budget", message }, overBudget: true });
    }
    return result({ refusal: `Over budget: ${numbers}. Nothing was sent.` });
  }
  if (teamless)
    return result({ approval: { reason: "teamless", message: teamlessReview(options.teamGroupPrefix) } });
  if (threshold !== null && (total > threshold || amount > threshold)) {
    const message = `This batch (${formatMoney(total, options.currency)}) is over your team's approval threshold of ${formatMoney(threshold, options.currency)}, so a manager approves it before any gift goes out.`;
    return result({ approval: { reason: "threshold", message } });
  }
  return result({});
}
