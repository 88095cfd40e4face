import { NextResponse } from "next/server";

/** Liveness: the process is up and serving. Touches nothing else, so a database outage never restarts it. */
export const dynamic = "force-dynamic";

export function GET() {
  return NextResponse.json({ status: "ok" }, { headers: { "Cache-Control": "no-store" } });
}
