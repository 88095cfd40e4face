import { NextResponse } from "next/server";

/** 429 with Retry-After, for route handlers over a per-user limit; nothing was done. */
export function tooMany(retryAfterMs: number, message: string): NextResponse {
  const seconds = Math.max(1, Math.ceil(retryAfterMs / 1000));
  return NextResponse.json(
    { error: `${message} Try again in ${seconds} s.` },
    { status: 429, headers: { "Retry-After": String(seconds) } },
  );
}

export const tooManyReads = (retryAfterMs: number) =>
  tooMany(retryAfterMs, "You are refreshing Sendoso data faster than Gift Desk allows.");
