import type { BudgetPeriod } from "@/lib/db/schema";

/**
 * The budget period containing `at`: a calendar month or quarter in UTC. A send counts in the period it
 * was created in, even when it is approved or settles in the next one.
 */
export function budgetPeriodAt(period: BudgetPeriod, at: Date): { start: Date; end: Date } {
  const year = at.getUTCFullYear();
  const month = at.getUTCMonth();
  const firstMonth = period === "monthly" ? month : month - (month % 3);
  const length = period === "monthly" ? 1 : 3;
  return {
    start: new Date(Date.UTC(year, firstMonth, 1)),
    end: new Date(Date.UTC(year, firstMonth + length, 1)),
  };
}
