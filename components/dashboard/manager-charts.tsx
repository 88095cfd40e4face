import { getDb } from "@/lib/db";
import { getConfig } from "@/lib/env";
import { loadBurnDown } from "@/lib/insights/burn-down";
import { loadSpendOverTime } from "@/lib/insights/spend-over-time";
import { todayIn } from "@/lib/sends/dashboard-period";
import type { HistoryFilters } from "@/lib/sends/filters";
import type { SendScope } from "@/lib/sends/scope";
import { databaseTimeZone } from "@/lib/time/db-zones";
import { BurnDownSection } from "./burn-down-section";
import { SpendOverTimeSection } from "./spend-over-time-section";

type Props = {
  scope: SendScope;
  /** The dashboard's period and team; `tz` already checked against the database. */
  period: HistoryFilters & { tz: string };
  locale: string | undefined;
};

/**
 * Spend over time and the budget burn-down: their own queries, streamed after the figures above (the
 * page wraps this in Suspense), with the charts themselves loaded lazily in the browser.
 */
export async function ManagerCharts({ scope, period, locale }: Props) {
  const config = getConfig();
  const db = await getDb();
  // Budget days are the org's; ORG_TIME_ZONE passed Intl's check, and must pass the database's too.
  const orgZone = (await databaseTimeZone(db, config.timeZone)) ?? "UTC";
  const now = new Date();
  const team = scope.kind === "team" ? scope.team : period.team;
  const [spend, burnDown] = await Promise.all([
    loadSpendOverTime(db, scope, { period, currency: config.currency, today: todayIn(period.tz, now) }),
    team && scope.kind !== "own" ? loadBurnDown(db, { team, now, timeZone: orgZone }) : Promise.resolve(null),
  ]);
  return (
    <div className="grid grid-cols-1 gap-6 lg:grid-cols-2">
      <SpendOverTimeSection data={spend} period={period} locale={locale} />
      <BurnDownSection data={burnDown} team={team} timeZone={orgZone} locale={locale} />
    </div>
  );
}
