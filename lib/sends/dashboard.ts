import { and, count, desc, eq, type SQL, sql } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { sends, users } from "@/lib/db/schema";
import type { HistoryFilters } from "./filters";
import { bucketCondition, effectiveBucketSql, filterConditions } from "./history-filters";
import { type SendScope, scopeCondition } from "./scope";
import type { StatusBucket } from "./status-buckets";

/** Attention counts stop here: past it the number no longer changes what a manager does. */
export const ATTENTION_CAP = 1000;

export type Money = { currency: string; amount: number };

export type DashboardData = {
  totals: { sends: number; spend: Money[] };
  perRep: { repId: string; name: string; sends: number; spend: Money[] }[];
  byBucket: { bucket: StatusBucket; sends: number }[];
  attention: { waitingOnRecipient: number; unknown: number; onHold: number; awaitingApproval: number };
};

export type DashboardQuery = {
  /** Period and team, as history filters (`from`, `to`, `tz`, `team`), so links carry them over. */
  period: Pick<HistoryFilters, "from" | "to" | "tz" | "team">;
  /** "Waiting on the recipient for more than N days": created on or before this day (`resolvePeriod`). */
  waitingTo: string;
  /** The org currency (ORG_CURRENCY), for sends whose currency Sendoso did not report. */
  currency?: string;
};

// Cost is numeric(12,2); summed in SQL and read as text so no float rounding happens on the way.
const spendSql = sql<string | null>`sum(${sends.cost})::text`;

function addMoney(list: Money[], currency: string, amount: string | null) {
  if (amount === null) return;
  const key = currency;
  const found = list.find((m) => m.currency === key);
  if (found) found.amount = Math.round((found.amount + Number(amount)) * 100) / 100;
  else list.push({ currency: key, amount: Number(amount) });
}

/** Team roll-up for managers and admins; every figure is inside the caller's scope. */
export async function loadDashboard(db: Db, scope: SendScope, query: DashboardQuery): Promise<DashboardData> {
  const inPeriod = and(scopeCondition(scope), ...filterConditions(query.period)) as SQL;
  // Attention lists ignore the period: an old unknown or held send needs action all the same.
  const inTeam = and(scopeCondition(scope), ...filterConditions({ team: query.period.team })) as SQL;
  const waitedLong = and(
    ...filterConditions({ team: query.period.team, to: query.waitingTo, tz: query.period.tz }),
  ) as SQL;

  // A capped count reads at most ATTENTION_CAP rows however many match ("1,000+" on the page).
  const capped = (where: SQL | undefined) =>
    db.select({ n: count() }).from(
      db
        .select({ one: sql`1` })
        .from(sends)
        .where(where)
        .limit(ATTENTION_CAP + 1)
        .as("m"),
    );
  const [repRows, bucketRows, waiting, unknown, onHold, awaitingApproval] = await Promise.all([
    db
      .select({
        repId: sends.senderId,
        name: users.name,
        currency: sends.currency,
        sends: count(),
        spend: spendSql,
      })
      .from(sends)
      .innerJoin(users, eq(users.id, sends.senderId))
      .where(inPeriod)
      .groupBy(sends.senderId, users.name, sends.currency),
    db
      .select({ bucket: effectiveBucketSql, sends: count() })
      .from(sends)
      .where(inPeriod)
      .groupBy(sql`1`)
      .orderBy(desc(count())),
    capped(and(scopeCondition(scope), waitedLong, bucketCondition("waiting_on_recipient"))),
    capped(and(inTeam, bucketCondition("unknown"))),
    capped(and(inTeam, bucketCondition("on_hold"))),
    capped(and(inTeam, eq(sends.state, "pending_approval"))),
  ]);

  const reps = new Map<string, DashboardData["perRep"][number]>();
  const totals: DashboardData["totals"] = { sends: 0, spend: [] };
  for (const row of repRows) {
    const rep = reps.get(row.repId) ?? { repId: row.repId, name: row.name, sends: 0, spend: [] };
    rep.sends += row.sends;
    const currency = row.currency ?? query.currency ?? "";
    addMoney(rep.spend, currency, row.spend);
    reps.set(row.repId, rep);
    totals.sends += row.sends;
    addMoney(totals.spend, currency, row.spend);
  }
  return {
    totals,
    perRep: [...reps.values()].sort((a, b) => b.sends - a.sends || a.name.localeCompare(b.name)),
    byBucket: bucketRows.map((r) => ({ bucket: r.bucket, sends: r.sends })),
    attention: {
      waitingOnRecipient: waiting[0]?.n ?? 0,
      unknown: unknown[0]?.n ?? 0,
      onHold: onHold[0]?.n ?? 0,
      awaitingApproval: awaitingApproval[0]?.n ?? 0,
    },
  };
}
