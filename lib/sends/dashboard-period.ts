import { z } from "zod";
import { historyFiltersSchema } from "./filters";

export const DEFAULT_PERIOD_DAYS = 30;
export const DEFAULT_WAITING_DAYS = 7;

/** Dashboard URL parameters: a period and team (history filters, so links carry them) and N days. */
export const dashboardParamsSchema = historyFiltersSchema
  .pick({ from: true, to: true, tz: true, team: true })
  .extend({
    days: z.coerce.number().int().min(1).max(365).catch(DEFAULT_WAITING_DAYS).default(DEFAULT_WAITING_DAYS),
  });
export type DashboardParams = z.output<typeof dashboardParamsSchema>;

/** Today's date (YYYY-MM-DD) in a time zone. */
export function todayIn(timeZone: string, now = new Date()): string {
  return new Intl.DateTimeFormat("en-CA", {
    timeZone,
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
  }).format(now);
}

export function addDays(day: string, days: number): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

/**
 * The period shown (the last 30 days in the viewer's zone, else the org's, unless chosen) and the last day a send may have been created to count
 * as "waiting more than N days": whole days in the viewer's zone, the same rule the history's `to` uses,
 * so the count and the linked history list agree.
 */
export function resolvePeriod(params: DashboardParams, orgTimeZone: string, now = new Date()) {
  // The page has already swapped a zone the database does not know for the org's (lib/time/db-zones).
  const tz = params.tz ?? orgTimeZone;
  const today = todayIn(tz, now);
  const from = params.from ?? (params.to ? undefined : addDays(today, 1 - DEFAULT_PERIOD_DAYS));
  return {
    period: { from, to: params.to, tz, team: params.team },
    waitingTo: addDays(today, -params.days - 1),
  };
}
