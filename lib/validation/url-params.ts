import { z } from "zod";

/**
 * Pieces shared by the list pages whose filters live in the URL (history, audit log): typed by hand and
 * shared as links, so a bad value drops that one filter instead of failing the page. No server imports:
 * client filter forms use these too.
 */
export const optionalParam = <T extends z.ZodType>(schema: T) => schema.optional().catch(undefined);

export function isTimeZone(value: string): boolean {
  try {
    new Intl.DateTimeFormat("en", { timeZone: value });
    return true;
  } catch {
    return false;
  }
}

/**
 * A calendar day, `YYYY-MM-DD`, that exists: it must survive a round trip through Date (issue 16), so
 * `2024-02-31`, which Date.parse quietly reads as 2 March and PostgreSQL refuses, is dropped like any
 * other bad value. Years 1970–9999 only (PostgreSQL has no year 0).
 */
export const isoDay = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .refine((v) => {
    const date = new Date(`${v}T00:00:00Z`);
    return (
      !Number.isNaN(date.getTime()) && date.getUTCFullYear() >= 1970 && date.toISOString().slice(0, 10) === v
    );
  });

/**
 * The viewer's IANA time zone, so "from/to" are the viewer's days; the org's zone when absent. Only the
 * shape is checked here: whether the zone exists is the database's call (lib/time/db-zones.ts, which
 * every page and export runs before a query), so an unknown one is a field error, not a failed query.
 */
export const timeZoneParam = optionalParam(
  z
    .string()
    .trim()
    .max(64)
    .regex(/^[A-Za-z0-9_+\-/]+$/),
);

/** `size` (one of `sizes`, else the default) and `after` (a keyset cursor) of a paged list. */
export function pagingParams(sizes: readonly number[], defaultSize: number) {
  return {
    size: z.coerce
      .number()
      .refine((n) => sizes.includes(n))
      .catch(defaultSize)
      .default(defaultSize),
    after: optionalParam(z.string().max(200)),
  };
}

export type RawParams = Record<string, string | string[] | undefined> | URLSearchParams;

/** First value of each key; empty strings mean "not set" (an unfilled form field). */
export function flattenParams(raw: RawParams): Record<string, string> {
  const out: Record<string, string> = {};
  const entries = raw instanceof URLSearchParams ? [...raw.entries()] : Object.entries(raw);
  for (const [key, value] of entries) {
    const first = Array.isArray(value) ? value[0] : value;
    if (first !== undefined && first !== "" && !(key in out)) out[key] = first;
  }
  return out;
}

/** The query string for these parameters (stable key order, unset keys and the default size left out). */
export function queryStringFor(params: Record<string, unknown>, defaultSize: number): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value === undefined || value === null || value === "") continue;
    if (key === "size" && value === defaultSize) continue;
    search.set(key, String(value));
  }
  const text = search.toString();
  return text ? `?${text}` : "";
}
