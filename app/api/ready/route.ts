import { NextResponse } from "next/server";
import { checkReadiness } from "@/lib/health/readiness";

/**
 * Readiness: 200 when this instance should get traffic (lib/health/readiness.ts), else 503 naming the
 * failing checks only. Public for load balancers and orchestrators; it reveals no configuration.
 */
export const dynamic = "force-dynamic";

export async function GET() {
  const readiness = await checkReadiness();
  return NextResponse.json(
    readiness.ready
      ? { status: "ready" }
      : { status: "not_ready", failing: readiness.failing, staleJobs: readiness.staleJobs },
    { status: readiness.ready ? 200 : 503, headers: { "Cache-Control": "no-store" } },
  );
}
