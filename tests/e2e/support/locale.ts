import type { Page } from "@playwright/test";

/**
 * `amount` as this browser's own locale writes it (the project's `locale`: en-US, or de-DE in the intl
 * project). The server formats from the browser's Accept-Language, so both must agree.
 */
export function moneyAsBrowserWrites(page: Page, amount: number, currency = "USD"): Promise<string> {
  return page.evaluate(
    ([a, c]) => new Intl.NumberFormat(navigator.language, { style: "currency", currency: c }).format(a),
    [amount, currency] as [number, string],
  );
}
