import { NextResponse } from "next/server";
import { getConfig } from "@/lib/env";
import { runSyncJob } from "@/lib/jobs/runs";
import { isAuthorizedCronRequest } from "@/lib/security/cron-auth";

/**
 * For production schedulers (every minute or so): reconciles our sends with Sendoso's send list and
 * answers with the counts. `ran: false` when another instance is already running it. Safe to repeat.
 */
export async function POST(request: Request) {
  if (!isAuthorizedCronRequest(request.headers.get("authorization"), getConfig().cronSecret)) {
    return NextResponse.json({ error: "unauthorized" }, { status: 401 });
  }
  const run = await runSyncJob();
  return NextResponse.json(run.ran ? { ran: true, ...run.result } : { ran: false });
}
