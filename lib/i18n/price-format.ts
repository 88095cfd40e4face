import "server-only";
import { getConfig } from "@/lib/env";
import type { PriceFormat } from "@/lib/sends/touch-options";
import { getViewerLocale } from "./viewer-locale";

/** Touch prices for this request: the viewer's locale, and ORG_CURRENCY where Sendoso names none. */
export async function priceFormat(): Promise<PriceFormat> {
  return { locale: await getViewerLocale(), currency: getConfig().currency };
}
