import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { Suspense } from "react";
import { DashboardFilters } from "@/components/dashboard/dashboard-filters";
import { DashboardView } from "@/components/dashboard/dashboard-view";
import { ManagerCharts } from "@/components/dashboard/manager-charts";
import { TimeZoneError } from "@/components/filters/time-zone-error";
import { Skeleton } from "@/components/ui/skeleton";
import { can } from "@/lib/auth/permissions";
import { requireUser } from "@/lib/auth/session";
import { getDb } from "@/lib/db";
import { getConfig } from "@/lib/env";
import { getViewerLocale } from "@/lib/i18n/viewer-locale";
import { loadDashboard } from "@/lib/sends/dashboard";
import { dashboardParamsSchema, resolvePeriod } from "@/lib/sends/dashboard-period";
import { listTeams } from "@/lib/sends/history-options";
import { sendScopeFor } from "@/lib/sends/scope";
import { checkTimeZone } from "@/lib/time/db-zones";

export const metadata: Metadata = { title: "Dashboard" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) || undefined;

export default async function DashboardPage({ searchParams }: Props) {
  const user = await requireUser();
  // Reps get the same 404 as for a page that does not exist.
  if (!can(user.role, "view_dashboard")) notFound();
  const scope = sendScopeFor(user);
  const raw = await searchParams;
  const params = dashboardParamsSchema.parse(
    Object.fromEntries(Object.keys(raw).map((k) => [k, first(raw[k])])),
  );
  // A manager's team comes from their session; only an admin picks one.
  if (scope.kind !== "all") params.team = undefined;
  const config = getConfig();
  const db = await getDb();
  // A zone the database does not know is a field error and the org's zone, never a failed query.
  const zone = await checkTimeZone(db, params.tz, config.timeZone);
  const { period, waitingTo } = resolvePeriod({ ...params, tz: zone.tz }, config.timeZone);
  const [data, teams] = await Promise.all([
    loadDashboard(db, scope, { period, waitingTo, currency: config.currency }),
    scope.kind === "all" ? listTeams(db) : Promise.resolve([]),
  ]);
  const locale = await getViewerLocale();
  const who =
    scope.kind === "all" ? (period.team ? `Team ${period.team}` : "All teams") : `Team ${user.team ?? "—"}`;
  return (
    <div className="flex flex-col gap-6">
      <div>
        <h1 className="text-2xl font-semibold">Dashboard</h1>
        <p className="text-ink-muted">
          {who}, {period.from ? `from ${period.from}` : "from the start"}{" "}
          {period.to ? `to ${period.to}` : "to today"}
          {` (${period.tz})`}.
        </p>
      </div>
      <TimeZoneError errors={zone.fieldErrors?.tz} />
      <DashboardFilters
        from={period.from}
        to={period.to}
        team={period.team}
        days={params.days}
        teams={teams}
      />
      <DashboardView
        data={data}
        period={period}
        waitingTo={waitingTo}
        days={params.days}
        currency={config.currency}
        locale={locale}
      />
      <Suspense fallback={<Skeleton className="h-96" />}>
        <ManagerCharts scope={scope} period={{ ...period, tz: zone.tz }} locale={locale} />
      </Suspense>
    </div>
  );
}
