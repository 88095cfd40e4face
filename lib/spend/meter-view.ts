import type { BudgetMeter } from "./budget-usage";
import { roundCents } from "./estimate";
import { formatMoney } from "./money";

/** A budget meter as the browser gets it: plain numbers and words (no Dates, no ids beyond the key). */
export type MeterView = {
  budgetId: string;
  label: string;
  currency: string;
  amount: number;
  spent: number;
  reserved: number;
  left: number;
  overBudgetNeedsApproval: boolean;
};

export function toMeterView(meter: BudgetMeter, viewer: "owner" | "admin" = "owner"): MeterView {
  // Org-wide limits (issue 16): the same for everyone, except that a rep's daily cap is their own.
  if (meter.scope === "rep_day")
    return view(meter, viewer === "owner" ? "Your daily cap" : "Daily cap per rep");
  if (meter.scope === "org_day") return view(meter, "Everyone's daily cap");
  if (meter.scope === "org") return view(meter, `Organisation ${meter.period} budget`);
  const period = meter.period === "monthly" ? "monthly" : "quarterly";
  const owner =
    meter.scope === "team"
      ? viewer === "owner"
        ? `Team ${meter.team}'s`
        : `Team ${meter.team}`
      : viewer === "owner"
        ? "Your own"
        : "Rep";
  return view(meter, `${owner} ${period} budget`);
}

function view(meter: BudgetMeter, label: string): MeterView {
  return {
    budgetId: meter.budgetId,
    label,
    currency: meter.currency,
    amount: meter.amount,
    spent: meter.spent,
    reserved: meter.reserved,
    left: meter.left,
    overBudgetNeedsApproval: meter.overBudgetNeedsApproval,
  };
}

/** Widths of the bar's spent and reserved parts, in percent of the budget, never past 100 together. */
export function meterShares(meter: Pick<MeterView, "amount" | "spent" | "reserved">) {
  if (meter.amount <= 0) {
    return { spent: meter.spent > 0 ? 100 : 0, reserved: 0 };
  }
  const spent = Math.min(100, Math.max(0, (meter.spent / meter.amount) * 100));
  const reserved = Math.min(100 - spent, Math.max(0, (meter.reserved / meter.amount) * 100));
  return { spent: Math.round(spent * 10) / 10, reserved: Math.round(reserved * 10) / 10 };
}

export type AfterSend =
  | { kind: "none" }
  | { kind: "no_estimate"; text: string }
  | { kind: "fits" | "over"; left: number; text: string };

/**
 * What the chosen touch would leave of this budget, in words. `estimate` undefined: no touch chosen
 * yet. A touch without an estimate cannot be checked, so it goes to an approver.
 */
export function afterSend(
  meter: MeterView,
  estimate: { amount: number | null; isGuess: boolean } | undefined,
  locale?: string,
): AfterSend {
  if (!estimate) return { kind: "none" };
  if (estimate.amount === null) {
    return { kind: "no_estimate", text: "No estimate for this touch — it needs a manager's approval." };
  }
  const money = (n: number) => formatMoney(n, meter.currency, locale);
  const left = roundCents(meter.left - estimate.amount);
  const cost = `${money(estimate.amount)}${estimate.isGuess ? " (estimated)" : ""}`;
  if (left >= 0) return { kind: "fits", left, text: `This gift, ${cost}, would leave ${money(left)}.` };
  const then = meter.overBudgetNeedsApproval
    ? "It would wait for a manager's approval."
    : "It would be refused.";
  return {
    kind: "over",
    left,
    text: `This gift, ${cost}, would leave ${money(left)}: over budget. ${then}`,
  };
}
