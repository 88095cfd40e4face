import type { Touch } from "@/lib/sendoso/schemas";
import { estimateSendCost } from "@/lib/spend/estimate";

/** What the touch picker shows and the form needs; plain data, safe to send to the browser. */
export type TouchOption = {
  id: number;
  name: string;
  description: string;
  kind: "physical" | "egift";
  /** e.g. "$25–$100"; eGifts only. */
  priceRange: string | null;
  shipTo: string[];
  /** Why it cannot be chosen now, or null when it can. */
  unavailableReason: string | null;
  /** What a send counts against budgets before Sendoso reports the real cost; null: no estimate. */
  estimatedCost: number | null;
  /** The estimate is the admin's guess (physical gifts), not the top of an eGift's range. */
  costIsGuess: boolean;
};

function money(amount: number, currency: string): string {
  return new Intl.NumberFormat("en-US", { style: "currency", currency, maximumFractionDigits: 0 }).format(
    amount,
  );
}

function priceRange(touch: Touch): string | null {
  if (touch.delivery_type !== "email") return null;
  const currency = touch.currency ?? "USD";
  const low = touch.starting_egift_price;
  const high = touch.ending_egift_price;
  if (low == null && high == null) return null;
  if (low != null && high != null && low !== high) return `${money(low, currency)}–${money(high, currency)}`;
  return money((low ?? high) as number, currency);
}

function unavailableReason(touch: Touch, now: Date): string | null {
  if (touch.status !== "Active") return "Inactive in Sendoso";
  if (touch.start_date && new Date(touch.start_date) > now) return "Not open yet";
  if (touch.end_date && new Date(touch.end_date) < now) return "Ended";
  return null;
}

/** `adminEstimate`: the admin's per-touch estimate (lib/spend/estimates-store), when one is set. */
export function toTouchOption(
  touch: Touch,
  now = new Date(),
  adminEstimate: number | null = null,
): TouchOption {
  const estimate = estimateSendCost(touch, adminEstimate);
  return {
    id: touch.id,
    name: touch.name,
    description: touch.description ?? "",
    kind: touch.delivery_type === "email" ? "egift" : "physical",
    priceRange: priceRange(touch),
    shipTo: touch.ship_to_countries ?? [],
    unavailableReason: unavailableReason(touch, now),
    estimatedCost: estimate.amount,
    costIsGuess: estimate.isGuess,
  };
}
