import "server-only";
import { NextResponse } from "next/server";
import { getDb } from "@/lib/db";
import type { User } from "@/lib/db/schema";
import { getConfig } from "@/lib/env";
import { consume } from "@/lib/rate-limit";
import { isSameOriginRequest } from "./same-origin";
import { tooMany } from "./too-many";

/** What a GET to an export route gets: exports are started by POST from the page's button. */
export function exportNeedsPost(): NextResponse {
  return NextResponse.json(
    { error: "Start the export with the Export CSV button." },
    { status: 405, headers: { Allow: "POST" } },
  );
}

/**
 * The checks every export runs after the session and permission (issue 16 item 7): the request must
 * come from Gift Desk's own page (an export writes an audit entry and reads the whole scope), and each
 * user has a small per-minute allowance (EXPORT_RATE_LIMIT_PER_MINUTE). Null: go ahead.
 */
export async function exportRefusal(request: Request, user: Pick<User, "id">): Promise<NextResponse | null> {
  if (!isSameOriginRequest(request.headers)) {
    return NextResponse.json({ error: "This request did not come from Gift Desk." }, { status: 403 });
  }
  const verdict = await consume(await getDb(), {
    key: `export:${user.id}`,
    limit: getConfig().limits.exportsPerMinute,
    windowMs: 60_000,
  });
  return verdict.ok ? null : tooMany(verdict.retryAfterMs, "You are exporting faster than Gift Desk allows.");
}
