import type { Touch } from "@/lib/sendoso/schemas";
import { estimateSendCost } from "@/lib/spend/estimate";
import { type PriceBand, priceBandLabel, priceBandOf, touchImageUrl } from "@/lib/touches/card-view";

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
  /** The card's picture (admin-uploaded), or null. */
  imageUrl: string | null;
  /** "Good for" tags, lower case. */
  tags: string[];
  /** The price the card shows: the admin's, else the eGift range, else "about" the estimate. */
  priceLabel: string | null;
  priceBand: PriceBand;
  /** The band as the filter and card read it, in the org currency, e.g. "$25–$50". */
  priceBandLabel: string;
};

/** What an admin added to a touch (lib/touches/cards-store.ts), as the options need it. */
export type CardDetails = {
  touchId: number;
  name: string;
  kind: "egift" | "physical";
  description: string;
  tags: string[];
  shipTo: string[];
  displayPrice: number | null;
  imageHash: string | null;
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

/** Bands are labelled in the org currency whatever the touch's own, so one filter serves all. */
function band(amount: number | null, format: PriceFormat) {
  const priceBand = priceBandOf(amount);
  const label = priceBandLabel(priceBand, (n) => money(n, format.currency, format.locale));
  return { priceBand, priceBandLabel: label };
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

/**
 * `adminEstimate`: the admin's per-touch estimate (lib/spend/estimates-store), when one is set;
 * `card`: the admin's card details, whose words and countries win over Sendoso's.
 */
export function toTouchOption(
  touch: Touch,
  now = new Date(),
  adminEstimate: number | null = null,
  format: PriceFormat = {},
  card: CardDetails | null = null,
): TouchOption {
  const estimate = estimateSendCost(touch, adminEstimate);
  const range = priceRange(touch, format);
  const currency = touch.currency ?? format.currency;
  const shown = card?.displayPrice ?? null;
  const priceLabel =
    shown !== null
      ? money(shown, currency, format.locale)
      : (range ??
        (estimate.amount === null ? null : `about ${money(estimate.amount, currency, format.locale)}`));
  return {
    id: touch.id,
    name: touch.name,
    description: card?.description || touch.description || "",
    kind: touch.delivery_type === "email" ? "egift" : "physical",
    priceRange: range,
    shipTo: card && card.shipTo.length > 0 ? card.shipTo : (touch.ship_to_countries ?? []),
    unavailableReason: unavailableReason(touch, now),
    estimatedCost: estimate.amount,
    costIsGuess: estimate.isGuess,
    imageUrl: card?.imageHash ? touchImageUrl(touch.id, card.imageHash) : null,
    tags: card?.tags ?? [],
    priceLabel,
    ...band(shown ?? estimate.amount, format),
  };
}

/**
 * A carded touch Sendoso no longer lists for this connection (GET /touches returns active, in-window
 * touches only, with no availability field): still shown, never choosable, with the reason.
 */
export function unlistedTouchOption(card: CardDetails, format: PriceFormat = {}): TouchOption {
  return {
    id: card.touchId,
    name: card.name,
    description: card.description,
    kind: card.kind,
    priceRange: null,
    shipTo: card.shipTo,
    unavailableReason: "Sendoso does not offer this touch right now",
    estimatedCost: null,
    costIsGuess: true,
    imageUrl: card.imageHash ? touchImageUrl(card.touchId, card.imageHash) : null,
    tags: card.tags,
    priceLabel: card.displayPrice === null ? null : money(card.displayPrice, format.currency, format.locale),
    ...band(card.displayPrice, format),
  };
}
