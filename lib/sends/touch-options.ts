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

/**
 * How prices are written: the viewer's locale, and the org currency for touches Sendoso gives no
 * currency for. Both optional: without them, the runtime's locale and no currency symbol.
 */
export type PriceFormat = { locale?: string; currency?: string };

function money(amount: number, currency: string | undefined, locale: string | undefined): string {
  if (!currency) return new Intl.NumberFormat(locale, { maximumFractionDigits: 0 }).format(amount);
  return new Intl.NumberFormat(locale, { style: "currency", currency, maximumFractionDigits: 0 }).format(
    amount,
  );
}

function priceRange(touch: Touch, format: PriceFormat): string | null {
  if (touch.delivery_type !== "email") return null;
  const currency = touch.currency ?? format.currency;
  const m = (n: number) => money(n, currency, format.locale);
  const low = touch.starting_egift_price;
  const high = touch.ending_egift_price;
  if (low == null && high == null) return null;
  if (low != null && high != null && low !== high) return `${m(low)}–${m(high)}`;
  return m((low ?? high) as number);
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
  format: PriceFormat = {},
): TouchOption {
  const estimate = estimateSendCost(touch, adminEstimate);
  return {
    id: touch.id,
    name: touch.name,
    description: touch.description ?? "",
    kind: touch.delivery_type === "email" ? "egift" : "physical",
    priceRange: priceRange(touch, format),
    shipTo: touch.ship_to_countries ?? [],
    unavailableReason: unavailableReason(touch, now),
    estimatedCost: estimate.amount,
    costIsGuess: estimate.isGuess,
  };
}
