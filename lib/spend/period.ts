import type { BudgetPeriod } from "@/lib/db/schema";
import { startOfDayIn, wallDateAt } from "@/lib/time/zoned";

/**
 * The budget period containing `at`: a calendar month or quarter in the org's time zone (ORG_TIME_ZONE),
 * so a team in Sydney starts its month at its own midnight, not at UTC's. A send counts in the period it
 * was created in, even when it is approved or settles in the next one.
 */
export function budgetPeriodAt(period: BudgetPeriod, at: Date, timeZone: string): { start: Date; end: Date } {
  const { year, month } = wallDateAt(at, timeZone);
  const firstMonth = period === "monthly" ? month : month - ((month - 1) % 3);
  const length = period === "monthly" ? 1 : 3;
  const next = firstMonth + length;
  return {
    start: startOfDayIn({ year, month: firstMonth, day: 1 }, timeZone),
    end: startOfDayIn(
      { year: next > 12 ? year + 1 : year, month: next > 12 ? next - 12 : next, day: 1 },
      timeZone,
    ),
  };
}

/**
 * The calendar year containing `at` in the org's time zone, for the per-recipient yearly caps: a gift
 * sent at 23:30 on 31 December in Sydney counts in that year, though UTC has already moved on.
 */
export function calendarYearAt(at: Date, timeZone: string): { year: number; start: Date; end: Date } {
  const { year } = wallDateAt(at, timeZone);
  return {
    year,
    start: startOfDayIn({ year, month: 1, day: 1 }, timeZone),
    end: startOfDayIn({ year: year + 1, month: 1, day: 1 }, timeZone),
  };
}
