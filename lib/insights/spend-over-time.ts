import { and, eq, type SQL, sql } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { sends, users } from "@/lib/db/schema";
import type { HistoryFilters } from "@/lib/sends/filters";
import { filterConditions } from "@/lib/sends/history-filters";
import { type SendScope, scopeCondition } from "@/lib/sends/scope";
import { counted, isSpent } from "@/lib/spend/budget-usage";
import { weeksBetween } from "./weeks";

/** Lines beyond this are summed into "Other": a chart of 40 reps is unreadable, the table still adds up. */
export const MAX_SERIES = 6;
export const OTHER_KEY = "other";

export type SpendSeries = { key: string; label: string; total: number };
export type SpendWeek = { week: string; values: Record<string, number>; total: number };
export type SpendOverTime = {
  /** An admin looking at every team sees teams; a manager, or an admin on one team, sees reps. */
  groupBy: "team" | "rep";
  currency: string;
  series: SpendSeries[];
  /** Every week of the period (Mondays, in the viewer's zone), gaps filled with zero. */
  weeks: SpendWeek[];
};

export type SpendOverTimeQuery = {
  /** The dashboard's period and team; `tz` is a zone the database knows (lib/time/db-zones). */
  period: Pick<HistoryFilters, "from" | "to" | "team"> & { tz: string };
  /** ORG_CURRENCY: budgets are in it, so is this chart; sends in another currency are left out. */
  currency: string;
  /** Today in `period.tz`, where an open-ended period stops. */
  today: string;
};

const cents = (n: number) => Math.round(n * 100) / 100;

/**
 * Weekly spend of sent gifts (the actual cost once Sendoso reports it, else the estimate: what budgets
 * count), per team or per rep, inside the caller's scope and the dashboard's period.
 */
export async function loadSpendOverTime(
  db: Db,
  scope: SendScope,
  query: SpendOverTimeQuery,
): Promise<SpendOverTime> {
  const { period, currency } = query;
  const groupBy = scope.kind === "all" && !period.team ? "team" : "rep";
  const week = sql<string>`to_char(date_trunc('week', ${sends.createdAt} at time zone ${period.tz}), 'YYYY-MM-DD')`;
  const where = and(
    scopeCondition(scope),
    ...filterConditions(period),
    isSpent as SQL,
    sql`coalesce(${sends.currency}, ${currency}) = ${currency}`,
  );
  const amount = sql<string>`sum(${counted})::text`;
  const rows =
    groupBy === "team"
      ? await db
          .select({
            week,
            key: sql<string>`coalesce(${sends.team}, '')`,
            label: sql<string>`coalesce(${sends.team}, '')`,
            amount,
          })
          .from(sends)
          .where(where)
          .groupBy(sql`1`, sql`2`, sql`3`)
      : await db
          .select({ week, key: sql<string>`${sends.senderId}::text`, label: users.name, amount })
          .from(sends)
          .innerJoin(users, eq(users.id, sends.senderId))
          .where(where)
          .groupBy(sql`1`, sql`2`, sql`3`);

  const totals = new Map<string, SpendSeries>();
  for (const r of rows) {
    const label = groupBy === "team" ? (r.label ? `Team ${r.label}` : "No team") : r.label;
    const s = totals.get(r.key) ?? { key: r.key, label, total: 0 };
    s.total = cents(s.total + Number(r.amount ?? 0));
    totals.set(r.key, s);
  }
  const ranked = [...totals.values()].sort((a, b) => b.total - a.total || a.label.localeCompare(b.label));
  const shown = ranked.slice(0, MAX_SERIES);
  const rest = ranked.slice(MAX_SERIES);
  const series =
    rest.length > 0
      ? [...shown, { key: OTHER_KEY, label: "Other", total: cents(rest.reduce((n, s) => n + s.total, 0)) }]
      : shown;
  const seriesOf = (key: string) => (shown.some((s) => s.key === key) ? key : OTHER_KEY);

  const dataWeeks = rows.map((r) => r.week).sort();
  const first = period.from ?? dataWeeks[0];
  const last = period.to ?? query.today;
  const weeks = first && first <= last ? weeksBetween(first, last) : [];
  const byWeek = new Map(weeks.map((w) => [w, { week: w, values: {} as Record<string, number>, total: 0 }]));
  for (const r of rows) {
    const entry = byWeek.get(r.week);
    if (!entry) continue;
    const key = seriesOf(r.key);
    entry.values[key] = cents((entry.values[key] ?? 0) + Number(r.amount ?? 0));
    entry.total = cents(entry.total + Number(r.amount ?? 0));
  }
  return { groupBy, currency, series, weeks: [...byWeek.values()] };
}
