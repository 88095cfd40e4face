import { NextResponse } from "next/server";
import { getConfig } from "@/lib/env";
import { runSweepJob } from "@/lib/jobs/runs";
import { isAuthorizedCronRequest } from "@/lib/security/cron-auth";

/** For production schedulers: moves stale in-flight sends to `unknown`. Safe to call repeatedly. */
export async function POST(request: Request) {
  if (!isAuthorizedCronRequest(request.headers.get("authorization"), getConfig().cronSecret)) {
    return NextResponse.json({ error: "unauthorized" }, { status: 401 });
  }
  const run = await runSweepJob();
  return NextResponse.json(run.ran ? { ran: true, ...run.result } : { ran: false });
}
