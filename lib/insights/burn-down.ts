import { and, eq, gte, isNull, lt, sql } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { type Budget, budgets, sends } from "@/lib/db/schema";
import { addDays, todayIn } from "@/lib/sends/dashboard-period";
import { counted, isReserved, isSpent } from "@/lib/spend/budget-usage";
import { budgetPeriodAt } from "@/lib/spend/period";
import { daysBetween } from "./weeks";

export type BurnDownDay = {
  day: string;
  /** Spent + reserved by the end of this day; null for days still to come. */
  used: number | null;
  /** The budget minus `used`; null for days still to come. */
  left: number | null;
  /** What would be left at the end of this day if the budget were spent evenly over the period. */
  plan: number;
};

export type BurnDown = {
  team: string;
  period: Budget["period"];
  amount: number;
  currency: string;
  /** First and last day of the current period, in the org's zone. */
  firstDay: string;
  lastDay: string;
  days: BurnDownDay[];
};

export type BurnDownQuery = {
  /** The team whose budget to show: the manager's own; for an admin, the team they picked. */
  team: string;
  now: Date;
  /** ORG_TIME_ZONE (checked against the database): budget months begin at its midnight. */
  timeZone: string;
};

const cents = (n: number) => Math.round(n * 100) / 100;

/**
 * The team budget's current period, day by day: what is left of it against an even pace. It counts
 * exactly what the budget meter counts (lib/spend/budget-usage): each send on the day it was created,
 * at its actual cost else its estimate, while it is spent or reserved now (a released send never
 * counted). Null when the team has no team budget.
 */
export async function loadBurnDown(db: Db, query: BurnDownQuery): Promise<BurnDown | null> {
  const [budget] = await db
    .select()
    .from(budgets)
    .where(and(eq(budgets.team, query.team), isNull(budgets.userId)));
  if (!budget) return null;
  const { start, end } = budgetPeriodAt(budget.period, query.now, query.timeZone);
  const tz = query.timeZone;
  const day = sql<string>`to_char(${sends.createdAt} at time zone ${tz}, 'YYYY-MM-DD')`;
  const rows = await db
    .select({ day, used: sql<string>`sum(${counted})::text` })
    .from(sends)
    .where(
      and(
        eq(sends.team, query.team),
        gte(sends.createdAt, start),
        lt(sends.createdAt, end),
        sql`(${isSpent} or ${isReserved})`,
      ),
    )
    .groupBy(sql`1`);
  const usedOn = new Map(rows.map((r) => [r.day, Number(r.used ?? 0)]));

  const amount = Number(budget.amount);
  const firstDay = todayIn(tz, start);
  const lastDay = addDays(todayIn(tz, end), -1);
  const today = todayIn(tz, query.now);
  const all = daysBetween(firstDay, lastDay);
  let used = 0;
  const days = all.map((d, i): BurnDownDay => {
    const plan = cents(amount * (1 - (i + 1) / all.length));
    if (d > today) return { day: d, used: null, left: null, plan };
    used = cents(used + (usedOn.get(d) ?? 0));
    return { day: d, used, left: cents(amount - used), plan };
  });
  return {
    team: query.team,
    period: budget.period,
    amount,
    currency: budget.currency,
    firstDay,
    lastDay,
    days,
  };
}
