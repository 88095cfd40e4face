import { NextResponse } from "next/server";
import { getConfig } from "@/lib/env";
import { runNotifications } from "@/lib/jobs/runs";
import { isAuthorizedCronRequest } from "@/lib/security/cron-auth";

/**
 * For production schedulers (every minute or so): "waiting on recipient" notices, then the email outbox.
 * Safe to call repeatedly and from several places at once: notices are deduplicated and only one caller
 * at a time delivers email (the others get `email.ran: false`).
 */
export async function POST(request: Request) {
  if (!isAuthorizedCronRequest(request.headers.get("authorization"), getConfig().cronSecret)) {
    return NextResponse.json({ error: "unauthorized" }, { status: 401 });
  }
  return NextResponse.json(await runNotifications());
}
