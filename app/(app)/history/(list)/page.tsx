import type { Metadata } from "next";
import { ExportCsvButton } from "@/components/filters/export-csv-button";
import { TimeZoneError } from "@/components/filters/time-zone-error";
import { HistoryEmpty } from "@/components/history/history-empty";
import { HistoryFiltersForm } from "@/components/history/history-filters-form";
import { HistoryPager } from "@/components/history/history-pager";
import { HistoryTable } from "@/components/history/history-table";
import { toRowView } from "@/components/history/row-view";
import { can } from "@/lib/auth/permissions";
import { requireUser } from "@/lib/auth/session";
import { batchesOfSends } from "@/lib/bulk/batch-of-send";
import { getDb } from "@/lib/db";
import { getConfig } from "@/lib/env";
import { decodeCursor, encodeCursor } from "@/lib/sends/cursor";
import { historyQueryString, parseHistoryParams } from "@/lib/sends/filters";
import { listSends } from "@/lib/sends/history";
import { loadFilterOptions } from "@/lib/sends/history-options";
import { type SendScope, sendScopeFor } from "@/lib/sends/scope";
import { withCheckedZone } from "@/lib/time/db-zones";

export const metadata: Metadata = { title: "History" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

function scopeText(scope: SendScope) {
  if (scope.kind === "own") return "Your sends";
  if (scope.kind === "team") return `Sends by team ${scope.team}`;
  return "Every send";
}

export default async function HistoryPage({ searchParams }: Props) {
  const user = await requireUser();
  const scope = sendScopeFor(user);
  const params = parseHistoryParams(await searchParams);
  const { size, after, ...filters } = params;
  const db = await getDb();
  // The query gets a zone the database knows (links keep the URL's filters as they are).
  const zoned = await withCheckedZone(db, filters, getConfig().timeZone);
  const [{ rows, next }, options] = await Promise.all([
    listSends(db, scope, { limit: size, after: decodeCursor(after), filters: zoned.filters }),
    loadFilterOptions(db, scope),
  ]);
  const batches = await batchesOfSends(
    db,
    rows.map((r) => r.id),
  );
  const filterQuery = historyQueryString({ ...filters, size });
  const filtered = Object.values(filters).some((v) => v !== undefined);
  return (
    <div className="flex flex-col gap-6">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <h1 className="text-2xl font-semibold">History</h1>
          <p className="text-ink-muted">{scopeText(scope)}, newest first.</p>
        </div>
        {can(user.role, "export_sends") ? (
          <ExportCsvButton action={`/api/sends/export${historyQueryString(filters)}`} />
        ) : null}
      </div>
      <TimeZoneError errors={zoned.fieldErrors?.tz} />
      <HistoryFiltersForm
        key={filterQuery}
        values={params}
        options={options}
        showRep={scope.kind !== "own"}
      />
      {rows.length === 0 ? (
        <HistoryEmpty reason={after ? "end" : filtered ? "filtered" : "none"} />
      ) : (
        <HistoryTable
          rows={rows.map((r) => ({ ...toRowView(r), batch: batches.get(r.id) }))}
          showSender={scope.kind !== "own"}
        />
      )}
      <HistoryPager
        newestHref={after ? `/history${filterQuery}` : null}
        olderHref={
          next ? `/history${historyQueryString({ ...filters, size, after: encodeCursor(next) })}` : null
        }
      />
    </div>
  );
}
