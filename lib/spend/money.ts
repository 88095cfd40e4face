/**
 * An amount in `currency` as `locale` writes it ("$1,234.50" in en-US, "1.234,50 $" in de-DE), cents
 * always shown (budgets are exact). No locale: the runtime's default, never a hard-coded one; pages pass
 * the viewer's (lib/i18n/viewer-locale.ts, components/app/locale-provider.tsx).
 */
export function formatMoney(amount: number, currency: string, locale?: string): string {
  return new Intl.NumberFormat(locale, { style: "currency", currency }).format(amount);
}

/** A count ("1,000" / "1.000") as the viewer writes it. */
export function formatCount(value: number, locale?: string): string {
  return new Intl.NumberFormat(locale).format(value);
}
