import { type NextRequest, NextResponse } from "next/server";
import { auditLogCsvStream } from "@/lib/audit/export";
import { auditFiltersOnly, parseAuditParams } from "@/lib/audit/filters";
import { currentRequestId } from "@/lib/audit/request-id";
import { userRoute } from "@/lib/auth/route";
import { csvDownload } from "@/lib/csv/batched-csv-stream";
import { getDb } from "@/lib/db";
import { getConfig } from "@/lib/env";
import { exportNeedsPost, exportRefusal } from "@/lib/security/export-guard";
import { withCheckedZone } from "@/lib/time/db-zones";

/**
 * CSV of every audit entry matching the filters in the query string (the page and cursor are dropped).
 * Admins only; anyone else gets 404, as for the page: the log's existence is not advertised. The export
 * is itself audited (`export.audit_log`) when the last row is out. Started by POST from the page (same
 * origin, per-user limit); a GET only says so.
 */
export const POST = userRoute(
  { permission: "view_audit_log", refusal: { status: 404, message: "Not found." } },
  async (user, request: NextRequest) => {
    const refused = await exportRefusal(request, user);
    if (refused) return refused;
    const filters = auditFiltersOnly(parseAuditParams(request.nextUrl.searchParams));
    const db = await getDb();
    const zoned = await withCheckedZone(db, filters, getConfig().timeZone);
    if (zoned.fieldErrors)
      return NextResponse.json(
        { error: "Check the time zone.", fieldErrors: zoned.fieldErrors },
        { status: 400 },
      );
    const body = auditLogCsvStream(db, user, zoned.filters, await currentRequestId());
    return csvDownload(body, "audit-log");
  },
);

export const GET = exportNeedsPost;
