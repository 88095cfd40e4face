import { type NextRequest, NextResponse } from "next/server";
import { currentRequestId } from "@/lib/audit/request-id";
import { userRoute } from "@/lib/auth/route";
import { csvDownload } from "@/lib/csv/batched-csv-stream";
import { getDb } from "@/lib/db";
import { getConfig } from "@/lib/env";
import { exportNeedsPost, exportRefusal } from "@/lib/security/export-guard";
import { auditedExportCsvStream } from "@/lib/sends/export";
import { parseHistoryParams } from "@/lib/sends/filters";
import { withCheckedZone } from "@/lib/time/db-zones";

/**
 * CSV of everything matching the history filters in the query string, scoped like the history.
 * Managers and admins only: a rep gets 403 (the button is not shown to them either). Audited as
 * `export.sends` when the last row is out. Started by POST from the page (same origin, per-user limit);
 * a GET only says so.
 */
export const POST = userRoute(
  { permission: "export_sends", refusal: { status: 403, message: "Only managers and admins can export." } },
  async (user, request: NextRequest) => {
    const refused = await exportRefusal(request, user);
    if (refused) return refused;
    // The page size and cursor are dropped: the export is every matching row, not the page on screen.
    const { size: _size, after: _after, ...filters } = parseHistoryParams(request.nextUrl.searchParams);
    const db = await getDb();
    const zoned = await withCheckedZone(db, filters, getConfig().timeZone);
    // A download has no page to show the warning on: an unknown zone is refused, with the field named.
    if (zoned.fieldErrors)
      return NextResponse.json(
        { error: "Check the time zone.", fieldErrors: zoned.fieldErrors },
        { status: 400 },
      );
    const body = auditedExportCsvStream(db, user, zoned.filters, await currentRequestId());
    return csvDownload(body, "sends");
  },
);

export const GET = exportNeedsPost;
