"use client";

import { createContext, type ReactNode, useCallback, useContext } from "react";
import { formatMoney as formatMoneyOrDash } from "@/components/history/labels";
import { formatMoney } from "@/lib/spend/money";

/**
 * The viewer's locale, read from Accept-Language on the server (app/(app)/layout.tsx) and handed to the
 * client, so money renders the same on the server and after hydration.
 */
const LocaleContext = createContext<string | undefined>(undefined);

export function LocaleProvider({ locale, children }: { locale: string | undefined; children: ReactNode }) {
  return <LocaleContext.Provider value={locale}>{children}</LocaleContext.Provider>;
}

export function useLocale(): string | undefined {
  return useContext(LocaleContext);
}

/** `formatMoney` in the viewer's locale. */
export function useFormatMoney(): (amount: number, currency: string) => string {
  const locale = useLocale();
  return useCallback((amount, currency) => formatMoney(amount, currency, locale), [locale]);
}

/**
 * An amount in the viewer's locale, for server and client components alike. `amount` may be the
 * database's numeric text; null shows a dash; no or an unknown currency code shows the plain number.
 */
export function Money({ amount, currency }: { amount: string | number | null; currency: string | null }) {
  return <>{formatMoneyOrDash(amount, currency, useLocale())}</>;
}
