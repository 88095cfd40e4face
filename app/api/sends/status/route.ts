import { type NextRequest, NextResponse } from "next/server";
import { userRoute } from "@/lib/auth/route";
import { getDb } from "@/lib/db";
import { MAX_STATUS_IDS, statusOfSends } from "@/lib/sends/history-status";
import { sendScopeFor } from "@/lib/sends/scope";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The history's background refresh: `?ids=a,b,c` → the current status of those sends. Sends outside the
 * caller's scope are left out exactly like ids that do not exist.
 */
export const GET = userRoute({}, async (user, request: NextRequest) => {
  const ids = (request.nextUrl.searchParams.get("ids") ?? "")
    .split(",")
    .filter((id) => UUID.test(id))
    .slice(0, MAX_STATUS_IDS);
  const statuses = await statusOfSends(await getDb(), sendScopeFor(user), ids);
  return NextResponse.json({ statuses }, { headers: { "Cache-Control": "private, no-store" } });
});
