import { timingSafeEqual } from "node:crypto";

/** `Authorization: Bearer <CRON_SECRET>`, compared in constant time; no secret configured → refused. */
export function isAuthorizedCronRequest(authorization: string | null, secret: string | undefined): boolean {
  if (!secret || !authorization?.startsWith("Bearer ")) return false;
  const given = Buffer.from(authorization.slice("Bearer ".length));
  const expected = Buffer.from(secret);
  return given.length === expected.length && timingSafeEqual(given, expected);
}
