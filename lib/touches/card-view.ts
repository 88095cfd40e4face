/**
 * How the send form's touch cards read and filter (issue 17 item 1). Pure and import-free, so the
 * picker in the browser and the tests share it.
 */

export const PRICE_BANDS = ["under_25", "25_50", "50_100", "100_plus", "unpriced"] as const;
export type PriceBand = (typeof PRICE_BANDS)[number];

/** Band edges, in whatever currency the touch is priced in (bands group by amount). */
export function priceBandOf(amount: number | null): PriceBand {
  if (amount === null || !Number.isFinite(amount)) return "unpriced";
  if (amount < 25) return "under_25";
  if (amount < 50) return "25_50";
  if (amount < 100) return "50_100";
  return "100_plus";
}

/** How a band reads on a card and in the filter, e.g. "Under $25", in the viewer's money format. */
export function priceBandLabel(band: PriceBand, money: (amount: number) => string): string {
  switch (band) {
    case "under_25":
      return `Under ${money(25)}`;
    case "25_50":
      return `${money(25)}–${money(50)}`;
    case "50_100":
      return `${money(50)}–${money(100)}`;
    case "100_plus":
      return `${money(100)} and up`;
    default:
      return "Price not set";
  }
}

/** What the rep can expect (Sendoso's own timelines: eGifts at once, physical 1–3 business days + shipping). */
export function timingFor(kind: "egift" | "physical"): string {
  return kind === "egift" ? "Arrives by email now" : "Ships in 1–3 business days, plus shipping";
}

export type CardFilters = {
  kind: "all" | "egift" | "physical";
  band: "all" | PriceBand;
  tag: string;
  query: string;
};
export const NO_FILTERS: CardFilters = { kind: "all", band: "all", tag: "", query: "" };

/** The fields of a touch option the filters read. */
export type FilterableTouch = {
  name: string;
  description: string;
  kind: "egift" | "physical";
  priceBand: PriceBand;
  tags: string[];
};

/** The touches that pass every filter; the order stays as given. */
export function filterTouches<T extends FilterableTouch>(touches: T[], filters: CardFilters): T[] {
  const query = filters.query.trim().toLowerCase();
  const tag = filters.tag.trim().toLowerCase();
  return touches.filter(
    (t) =>
      (filters.kind === "all" || t.kind === filters.kind) &&
      (filters.band === "all" || t.priceBand === filters.band) &&
      (!tag || t.tags.includes(tag)) &&
      (!query || `${t.name} ${t.description} ${t.tags.join(" ")}`.toLowerCase().includes(query)),
  );
}

/** Every tag in use, once, alphabetically: the tag filter's choices. */
export function tagsIn(touches: { tags: string[] }[]): string[] {
  return [...new Set(touches.flatMap((t) => t.tags))].sort((a, b) => a.localeCompare(b));
}

/** Where a card's picture is served; the hash makes the URL change whenever the picture does. */
export function touchImageUrl(touchId: number, hash: string): string {
  return `/api/touches/${touchId}/image/${hash}`;
}
