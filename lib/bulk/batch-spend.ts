import { sql } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { type BudgetMeter, budgetsFor, meterFor } from "@/lib/spend/budget-usage";
import type { CostEstimate } from "@/lib/spend/estimate";
import { formatMoney } from "@/lib/spend/money";
import { approvalPolicyFor } from "@/lib/spend/spend-check";

export type BatchSpend = {
  /** Per-row estimate × rows; null when the touch has no estimate. */
  total: number | null;
  meters: { meter: BudgetMeter; leftAfter: number | null }[];
  /** The team's per-gift approval threshold, if any. */
  threshold: number | null;
  /** Rows the single-send path would hold for approval (each over the threshold, or unpriced). */
  rowsNeedApproval: boolean;
  /** Why the batch cannot start: a budget it does not fit. */
  refusal: string | null;
};

const budgetLabel = (m: BudgetMeter) =>
  `${m.scope === "team" ? "your team's" : "your own"} ${m.period} budget`;

/**
 * What the whole batch would spend against every budget it counts against, and the approval threshold.
 * With `lock` (inside the start transaction), each budget is locked with the same advisory key the single
 * send uses (lib/spend/spend-check.ts), so no send can slip between this check and the rows being queued.
 */
export async function batchSpend(
  db: Db,
  sender: { id: string; team: string | null },
  estimate: CostEstimate,
  rows: number,
  options: { currency: string; lock?: boolean; now?: Date },
): Promise<BatchSpend> {
  const now = options.now ?? new Date();
  const owned = await budgetsFor(db, sender);
  if (options.lock) {
    for (const budget of owned) {
      await db.execute(sql`select pg_advisory_xact_lock(hashtextextended(${`budget:${budget.id}`}, 0))`);
    }
  }
  const meters = await Promise.all(owned.map((b) => meterFor(db, b, now)));
  const policy = await approvalPolicyFor(db, sender.team);
  const total = estimate.amount === null ? null : Math.round(estimate.amount * rows * 100) / 100;
  const withAfter = meters.map((meter) => ({
    meter,
    leftAfter: total === null ? null : Math.round((meter.left - total) * 100) / 100,
  }));
  const short = withAfter.find((m) => m.leftAfter !== null && m.leftAfter < 0);
  const threshold = policy ? Number(policy.threshold) : null;
  return {
    total,
    meters: withAfter,
    threshold,
    rowsNeedApproval:
      (threshold !== null && (estimate.amount === null || estimate.amount > threshold)) ||
      (estimate.amount === null && owned.length > 0),
    refusal: short
      ? `Over budget: ${rows} gifts at ${formatMoney(estimate.amount ?? 0, short.meter.currency)} come to ${formatMoney(total ?? 0, short.meter.currency)}, but ${budgetLabel(short.meter)} has ${formatMoney(short.meter.left, short.meter.currency)} left of ${formatMoney(short.meter.amount, short.meter.currency)}. Nothing was sent.`
      : null,
  };
}
