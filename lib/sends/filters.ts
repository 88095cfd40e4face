import { z } from "zod";
import { SEND_STATES, SEND_TYPES } from "@/lib/db/schema";
import { DEFAULT_PAGE_SIZE, PAGE_SIZES } from "./filters-shared";
import { STATUS_BUCKETS } from "./status-buckets";

export { DEFAULT_PAGE_SIZE, PAGE_SIZES };

function isTimeZone(value: string): boolean {
  try {
    new Intl.DateTimeFormat("en", { timeZone: value });
    return true;
  } catch {
    return false;
  }
}

const isoDay = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .refine((v) => !Number.isNaN(Date.parse(v)));

// A URL is typed by hand and shared: a bad value drops that one filter instead of failing the page.
const optional = <T extends z.ZodType>(schema: T) => schema.optional().catch(undefined);

/**
 * The history filters as they live in the URL (`/history?rep=…&bucket=…`), shared by the page, the
 * export and the dashboard links. Scope is never a filter: it always comes from the session.
 */
export const historyFiltersSchema = z.object({
  q: optional(z.string().trim().min(1).max(100)),
  rep: optional(z.uuid()),
  team: optional(z.string().trim().min(1).max(64)),
  state: optional(z.enum(SEND_STATES)),
  bucket: optional(z.enum(STATUS_BUCKETS)),
  touch: optional(z.coerce.number().int().positive().max(2_147_483_647)),
  type: optional(z.enum(SEND_TYPES)),
  from: optional(isoDay),
  to: optional(isoDay),
  /** The viewer's IANA time zone, so "from/to" are the viewer's days; UTC when absent. */
  tz: optional(z.string().max(64).refine(isTimeZone)),
});
export type HistoryFilters = z.output<typeof historyFiltersSchema>;

export const historyPageSchema = historyFiltersSchema.extend({
  size: z.coerce
    .number()
    .refine((n) => (PAGE_SIZES as readonly number[]).includes(n))
    .catch(DEFAULT_PAGE_SIZE)
    .default(DEFAULT_PAGE_SIZE),
  after: optional(z.string().max(200)),
});
export type HistoryPageParams = z.output<typeof historyPageSchema>;

type RawParams = Record<string, string | string[] | undefined> | URLSearchParams;

/** First value of each key; empty strings mean "not set" (an unfilled form field). */
function flatten(raw: RawParams): Record<string, string> {
  const out: Record<string, string> = {};
  const entries = raw instanceof URLSearchParams ? [...raw.entries()] : Object.entries(raw);
  for (const [key, value] of entries) {
    const first = Array.isArray(value) ? value[0] : value;
    if (first !== undefined && first !== "" && !(key in out)) out[key] = first;
  }
  return out;
}

export function parseHistoryParams(raw: RawParams): HistoryPageParams {
  return historyPageSchema.parse(flatten(raw));
}

/** The query string for these filters (stable key order, unset keys left out). */
export function historyQueryString(params: Partial<HistoryPageParams>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value === undefined || value === null || value === "") continue;
    if (key === "size" && value === DEFAULT_PAGE_SIZE) continue;
    search.set(key, String(value));
  }
  const text = search.toString();
  return text ? `?${text}` : "";
}
