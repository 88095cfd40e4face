import "server-only";
import { headers } from "next/headers";
import { cache } from "react";
import { localeFromAcceptLanguage } from "./locale";

/** The signed-in viewer's locale for this request (their browser's Accept-Language), read once per render. */
export const getViewerLocale = cache(async (): Promise<string | undefined> => {
  return localeFromAcceptLanguage((await headers()).get("accept-language"));
});
