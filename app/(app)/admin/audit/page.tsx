import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { AuditEmpty } from "@/components/audit/audit-empty";
import { AuditFiltersForm } from "@/components/audit/audit-filters-form";
import { AuditTable } from "@/components/audit/audit-table";
import { ExportCsvButton } from "@/components/filters/export-csv-button";
import { TimeZoneError } from "@/components/filters/time-zone-error";
import { HistoryPager } from "@/components/history/history-pager";
import { decodeAuditCursor, encodeAuditCursor } from "@/lib/audit/cursor";
import { auditFiltersOnly, auditQueryString, parseAuditParams } from "@/lib/audit/filters";
import { listAuditEntries } from "@/lib/audit/queries";
import { can } from "@/lib/auth/permissions";
import { requireUser } from "@/lib/auth/session";
import { getDb } from "@/lib/db";
import { getConfig } from "@/lib/env";
import { withCheckedZone } from "@/lib/time/db-zones";

export const metadata: Metadata = { title: "Audit log" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/** The append-only audit log, for admins: filters in the URL, newest first, keyset pages, CSV export. */
export default async function AuditPage({ searchParams }: Props) {
  const user = await requireUser();
  if (!can(user.role, "view_audit_log")) notFound();
  const params = parseAuditParams(await searchParams);
  const filters = auditFiltersOnly(params);
  const db = await getDb();
  const zoned = await withCheckedZone(db, filters, getConfig().timeZone);
  const { rows, next } = await listAuditEntries(db, user, {
    limit: params.size,
    after: decodeAuditCursor(params.after),
    filters: zoned.filters,
  });
  const filterQuery = auditQueryString({ ...filters, size: params.size });
  const filtered = Object.keys(filters).some((k) => k !== "tz");
  return (
    <div className="flex flex-col gap-6">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <h1 className="text-2xl font-semibold">Audit log</h1>
          <p className="text-ink-muted">Who did what, newest first. Entries can never be changed.</p>
        </div>
        <ExportCsvButton action={`/api/audit/export${auditQueryString(filters)}`} />
      </div>
      <TimeZoneError errors={zoned.fieldErrors?.tz} />
      <AuditFiltersForm key={filterQuery} values={params} />
      {rows.length === 0 ? (
        <AuditEmpty reason={params.after ? "end" : filtered ? "filtered" : "none"} />
      ) : (
        <AuditTable
          rows={rows.map((r) => ({
            ...r,
            at: r.at.toISOString(),
          }))}
        />
      )}
      <HistoryPager
        labels={{ newest: "Newest entries", older: "Older entries" }}
        newestHref={params.after ? `/admin/audit${filterQuery}` : null}
        olderHref={
          next
            ? `/admin/audit${auditQueryString({ ...filters, size: params.size, after: encodeAuditCursor(next) })}`
            : null
        }
      />
    </div>
  );
}
