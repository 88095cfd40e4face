import { timingSafeEqual } from "node:crypto";
import { NextResponse } from "next/server";
import { getConfig } from "@/lib/env";

/** `Authorization: Bearer <CRON_SECRET>`, compared in constant time; no secret configured → refused. */
export function isAuthorizedCronRequest(authorization: string | null, secret: string | undefined): boolean {
  if (!secret || !authorization?.startsWith("Bearer ")) return false;
  const given = Buffer.from(authorization.slice("Bearer ".length));
  const expected = Buffer.from(secret);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/**
 * The POST handler of a /api/cron/* route: 401 unless the request carries CRON_SECRET, else the job's
 * answer as JSON. Every cron route goes through here, so none can forget the check.
 */
export function cronRoute(run: () => Promise<unknown>): (request: Request) => Promise<NextResponse> {
  return async (request) => {
    if (!isAuthorizedCronRequest(request.headers.get("authorization"), getConfig().cronSecret)) {
      return NextResponse.json({ error: "unauthorized" }, { status: 401 });
    }
    return NextResponse.json(await run());
  };
}
