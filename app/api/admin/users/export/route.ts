import type { NextRequest } from "next/server";
import { currentRequestId } from "@/lib/audit/request-id";
import { userRoute } from "@/lib/auth/route";
import { csvDownload } from "@/lib/csv/batched-csv-stream";
import { getDb } from "@/lib/db";
import { exportNeedsPost, exportRefusal } from "@/lib/security/export-guard";
import { usersCsvStream } from "@/lib/users/export";
import { parseUserFilters } from "@/lib/validation/admin-users";

/**
 * CSV of every user matching /admin/users' filters. Admins only (404 for anyone else, like the page).
 * Started by POST from the page (same origin, per-user limit), like every export; a GET only says so.
 */
export const POST = userRoute(
  { permission: "manage_users", refusal: { status: 404, message: "Not found." } },
  async (user, request: NextRequest) => {
    const refused = await exportRefusal(request, user);
    if (refused) return refused;
    const filters = parseUserFilters(request.nextUrl.searchParams);
    return csvDownload(usersCsvStream(await getDb(), user, filters, await currentRequestId()), "users");
  },
);

export const GET = exportNeedsPost;
