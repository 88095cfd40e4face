import type { Db } from "@/lib/db/client";
import { notify } from "@/lib/notifications/notify";
import { teamManagerIds } from "./approvers";
import type { BudgetMeter } from "./budget-usage";
import { formatMoney } from "./money";

const ALERT_SHARE = 0.8;

/**
 * Tells the budget's owners once per period when it is 80% used (the dedupe key makes the repeat a
 * no-op). `meters` are read before this send was added; `added` is what it reserves.
 */
export async function alertBudgetUse(
  tx: Db,
  meters: BudgetMeter[],
  added: number,
  sender: { id: string; team: string | null },
): Promise<void> {
  for (const meter of meters) {
    // Org-wide limits are the admins' own settings, watched on /admin/spend; no team to tell.
    if (meter.scope !== "team" && meter.scope !== "rep") continue;
    const used = meter.spent + meter.reserved + added;
    if (meter.amount <= 0 || used < meter.amount * ALERT_SHARE) continue;
    const team = meter.team ?? sender.team;
    const owners = team ? await teamManagerIds(tx, team) : [];
    if (meter.scope === "rep") owners.push(sender.id);
    const whose = meter.scope === "team" ? `Team ${meter.team}'s` : "Your";
    await notify(tx, {
      userIds: owners,
      category: "budget_threshold",
      title: `${whose} ${meter.period} gift budget is ${Math.floor((used / meter.amount) * 100)}% used`,
      body: `${formatMoney(used, meter.currency)} of ${formatMoney(meter.amount, meter.currency)} is spent or reserved this period.`,
      link: "/send",
      dedupeKey: `budget_threshold:${meter.budgetId}:${meter.periodStart.toISOString().slice(0, 10)}`,
    });
  }
}
