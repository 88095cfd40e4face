import { and, eq, gte, lt, sql } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { type OrgSpendLimits, orgSpendLimits, sends } from "@/lib/db/schema";
import { getConfig } from "@/lib/env";
import { startOfDayIn, wallDateAt } from "@/lib/time/zoned";
import { batchReservedOf, type ReservationOwner } from "./batch-reservations";
import { type BudgetMeter, budgetMetersFor, usageOf } from "./budget-usage";
import { budgetPeriodAt } from "./period";

/** The one org-wide limits row, or null when an admin never set any. */
export async function readOrgLimits(db: Db): Promise<OrgSpendLimits | null> {
  const [row] = await db.select().from(orgSpendLimits).where(eq(orgSpendLimits.id, "org"));
  return row ?? null;
}

export function hasOrgLimits(row: OrgSpendLimits | null): row is OrgSpendLimits {
  return !!row && (row.budgetAmount !== null || row.dailyCapPerRep !== null || row.dailyCapTotal !== null);
}

/** The org's calendar day containing `at` (ORG_TIME_ZONE), for the daily caps. */
export function orgDayAt(at: Date, timeZone: string): { start: Date; end: Date } {
  const { year, month, day } = wallDateAt(at, timeZone);
  const next = wallDateAt(
    new Date(startOfDayIn({ year, month, day }, timeZone).getTime() + 36 * 3_600_000),
    timeZone,
  );
  return { start: startOfDayIn({ year, month, day }, timeZone), end: startOfDayIn(next, timeZone) };
}

/**
 * Serialises every send's "check the org meters, then reserve" step. One lock for all org limits: the
 * org budget and the daily total are shared by everyone, so per-rep locks could not protect them. It is
 * taken after the team and rep budget locks (always in that order, so no two senders wait crosswise)
 * and held only for the insert transaction.
 */
export async function lockOrgLimits(tx: Db): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended('org-spend-limits', 0))`);
}

function orgMeter(
  row: OrgSpendLimits,
  kind: { scope: BudgetMeter["scope"]; period: BudgetMeter["period"]; amount: string; userId: string | null },
  window: { start: Date; end: Date },
  usage: { spent: number; reserved: number },
): BudgetMeter {
  const amount = Number(kind.amount);
  return {
    budgetId: `org:${kind.scope}`,
    scope: kind.scope,
    team: null,
    userId: kind.userId,
    period: kind.period,
    periodStart: window.start,
    periodEnd: window.end,
    currency: "",
    amount,
    spent: usage.spent,
    reserved: usage.reserved,
    left: Math.round((amount - usage.spent - usage.reserved) * 100) / 100,
    overBudgetNeedsApproval: row.overLimitNeedsApproval,
  };
}

/** The org budget and the two daily caps, as meters for this sender (only the limits that are set). */
export async function orgMetersFor(
  db: Db,
  row: OrgSpendLimits,
  sender: { id: string },
  now: Date,
  currency: string,
  timeZone = getConfig().timeZone,
): Promise<BudgetMeter[]> {
  const meters: BudgetMeter[] = [];
  const day = orgDayAt(now, timeZone);
  const inWindow = (w: { start: Date; end: Date }) =>
    and(gte(sends.createdAt, w.start), lt(sends.createdAt, w.end));
  // Started bulk batches hold their unsent rows against the org-wide limits too.
  const withBatches = async (
    usage: Promise<{ spent: number; reserved: number }>,
    owner: ReservationOwner,
    end: Date,
  ) => {
    const [u, held] = await Promise.all([usage, batchReservedOf(db, owner, end)]);
    return { spent: u.spent, reserved: Math.round((u.reserved + held) * 100) / 100 };
  };
  if (row.budgetAmount !== null) {
    const period = budgetPeriodAt(row.budgetPeriod, now, timeZone);
    const usage = await withBatches(usageOf(db, inWindow(period)), "everyone", period.end);
    const kind = { scope: "org", period: row.budgetPeriod, amount: row.budgetAmount, userId: null } as const;
    meters.push(orgMeter(row, kind, period, usage));
  }
  if (row.dailyCapTotal !== null) {
    const usage = await withBatches(usageOf(db, inWindow(day)), "everyone", day.end);
    const kind = { scope: "org_day", period: "daily", amount: row.dailyCapTotal, userId: null } as const;
    meters.push(orgMeter(row, kind, day, usage));
  }
  if (row.dailyCapPerRep !== null) {
    const usage = await withBatches(
      usageOf(db, and(eq(sends.senderId, sender.id), inWindow(day))),
      { userId: sender.id },
      day.end,
    );
    const kind = {
      scope: "rep_day",
      period: "daily",
      amount: row.dailyCapPerRep,
      userId: sender.id,
    } as const;
    meters.push(orgMeter(row, kind, day, usage));
  }
  return meters.map((m) => ({ ...m, currency }));
}

/** What the send form shows: the sender's team and rep budgets, then the org-wide limits. */
export async function sendMetersFor(
  db: Db,
  sender: { id: string; team: string | null },
  currency: string,
  now = new Date(),
): Promise<BudgetMeter[]> {
  const [own, org] = await Promise.all([budgetMetersFor(db, sender, now), readOrgLimits(db)]);
  return hasOrgLimits(org) ? [...own, ...(await orgMetersFor(db, org, sender, now, currency))] : own;
}
