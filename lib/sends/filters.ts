import { z } from "zod";
import { SEND_STATES, SEND_TYPES } from "@/lib/db/schema";
import {
  flattenParams,
  isoDay,
  optionalParam,
  pagingParams,
  queryStringFor,
  type RawParams,
  timeZoneParam,
} from "@/lib/validation/url-params";
import { DEFAULT_PAGE_SIZE, PAGE_SIZES } from "./filters-shared";
import { STATUS_BUCKETS } from "./status-buckets";

export { DEFAULT_PAGE_SIZE, PAGE_SIZES };

/**
 * The history filters as they live in the URL (`/history?rep=…&bucket=…`), shared by the page, the
 * export and the dashboard links. Scope is never a filter: it always comes from the session.
 */
export const historyFiltersSchema = z.object({
  q: optionalParam(z.string().trim().min(1).max(100)),
  rep: optionalParam(z.uuid()),
  team: optionalParam(z.string().trim().min(1).max(64)),
  state: optionalParam(z.enum(SEND_STATES)),
  bucket: optionalParam(z.enum(STATUS_BUCKETS)),
  touch: optionalParam(z.coerce.number().int().positive().max(2_147_483_647)),
  type: optionalParam(z.enum(SEND_TYPES)),
  from: optionalParam(isoDay),
  to: optionalParam(isoDay),
  tz: timeZoneParam,
});
export type HistoryFilters = z.output<typeof historyFiltersSchema>;

export const historyPageSchema = historyFiltersSchema.extend({
  ...pagingParams(PAGE_SIZES, DEFAULT_PAGE_SIZE),
});
export type HistoryPageParams = z.output<typeof historyPageSchema>;

export function parseHistoryParams(raw: RawParams): HistoryPageParams {
  return historyPageSchema.parse(flattenParams(raw));
}

/** The query string for these filters (stable key order, unset keys left out). */
export function historyQueryString(params: Partial<HistoryPageParams>): string {
  return queryStringFor(params, DEFAULT_PAGE_SIZE);
}
